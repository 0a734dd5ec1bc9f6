//! A list of tasks whose outputs the program reads by index (`await
//! tasks[i]`, `tasks[i].result()`) beside a gather of the list: each task
//! is `Shared`, the gather awaits clones (passing the first exception on
//! while the other tasks run on), and an item read is a clone awaited.

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing, refused};

const DOWNLOAD: &str = "async def download(name, seconds):\n    await asyncio.sleep(seconds)\n    \
if name == \"broken\":\n        raise ValueError(\"bad \" + name)\n    return name\n\n\n";

fn program(body: &str) -> String {
    format!("{HEADER}{DOWNLOAD}async def main():\n{body}{RUN}")
}

const MADE: &str =
    "    tasks = [asyncio.create_task(download(n, 1)) for n in [\"ok\", \"broken\", \"late\"]]\n";

const GATHERED: &str = "    try:\n        print(await asyncio.gather(*tasks))\n    \
except ValueError as e:\n        print(\"error:\", e)\n";

#[test]
fn a_failing_gather_of_a_list_read_by_index_awaits_shared_clones() {
    let text = listing(&program(&format!(
        "{MADE}{GATHERED}    print([t.done() for t in tasks])\n    \
print(await tasks[2], tasks[0].result())\n"
    )));
    has_all(
        &text,
        &[
            "#[derive(Debug, Clone)]",
            "    let tasks = vec![\"ok\", \"broken\", \"late\"]",
            "                .map(Result::unwrap)\n                .shared()",
            "try_join_all(tasks.iter().cloned()).await?",
            ".map(|t| t.clone().now_or_never().is_some())",
            "tasks[2].clone().await?,",
            ".clone()\n            .now_or_never()\n            .expect(\"Result is not set.\")?",
        ],
    );
    assert!(!text.contains("iter_mut"), "{text}");
}

#[test]
fn a_list_of_tasks_that_cannot_fail_is_joined_through_clones() {
    let text = listing(&format!(
        "{HEADER}async def count(i):\n    await asyncio.sleep(1)\n    return i * 10\n\n\n\
async def main():\n    counts = [asyncio.create_task(count(i)) for i in range(3)]\n    \
print(await asyncio.gather(*counts), counts[1].result())\n{RUN}"
    ));
    has_all(
        &text,
        &[
            "join_all(counts.iter().cloned()).await,",
            "        counts[1]\n            .clone()\n            .now_or_never()\n            \
.expect(\"Result is not set.\")\n    );",
        ],
    );
    assert!(!text.contains("#[derive(Debug, Clone)]"), "{text}");
}

#[test]
fn integers_beside_floats_passed_to_the_tasks_are_numbers() {
    let text = listing(&program(
        "    tasks = [asyncio.create_task(download(n, s)) for n, s in [(\"ok\", 1), (\"late\", 1.5)]]\n    \
print(await tasks[1], tasks[0].result())\n",
    ));
    has_all(
        &text,
        &[
            "async fn download(name: String, seconds: Number) -> Result<String, Error> {",
            "(\"ok\".to_string(), Number::Int(1))",
            "(\"late\".to_string(), Number::Float(1.5))",
        ],
    );
}

#[test]
fn integers_beside_floats_computed_with_before_the_tasks_are_refused() {
    let (construct, reason, at) = refused(&program(
        "    tasks = [asyncio.create_task(download(n, s * 2)) for n, s in [(\"ok\", 1), (\"late\", 1.5)]]\n    \
print(await tasks[1])\n",
    ));
    assert_eq!(
        construct,
        "integers beside floats in the tuples that make `tasks`"
    );
    assert!(
        reason.contains("`1.0` where Python's gives `1`"),
        "{reason}"
    );
    assert_eq!(at, "[(\"ok\", 1), (\"late\", 1.5)]");
}

#[test]
fn a_list_read_by_index_and_gone_over_by_a_loop_is_refused_at_the_index() {
    let (construct, reason, at) = refused(&program(&format!(
        "{MADE}    for t in tasks:\n        t.cancel()\n    print(await tasks[0])\n"
    )));
    assert_eq!(construct, "a task of `tasks` read by its index");
    assert!(
        reason.contains("keep the task `tasks[i]` in a variable"),
        "{reason}"
    );
    assert_eq!(at, "await tasks[0]");
}

#[test]
fn a_comprehension_reading_more_than_done_is_refused_at_the_index() {
    let (construct, _, at) = refused(&program(&format!(
        "{MADE}    print([t.cancelled() for t in tasks], tasks[1].result())\n"
    )));
    assert_eq!(construct, "a task of `tasks` read by its index");
    assert_eq!(at, "tasks[1].result()");
}
