//! The Rust listing of a task's handle after it is awaited or cancelled,
//! and of loops over dicts and lists of tasks: what the listing shows, and
//! what it refuses, at its place. (`tests/rust_listings.rs` builds and runs
//! the corpus programs that use them.)

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing, main_of, refused};

const WORK: &str = "async def work(n):\n    await asyncio.sleep(n)\n    return n * 10\n\n\n";

#[test]
fn a_task_that_returns_from_its_cancellation_returns_from_its_tokens_branch() {
    let src = format!(
        "{HEADER}async def patient():\n    try:\n        await asyncio.sleep(10)\n    \
except asyncio.CancelledError:\n        print(\"cancelled\")\n        return \"partial\"\n    \
return \"complete\"\n\n\nasync def main():\n    t = asyncio.create_task(patient())\n    \
await asyncio.sleep(1)\n    t.cancel()\n    print(await t)\n{RUN}"
    );
    let text = listing(&src);
    for want in [
        "() = token.cancelled() => {\n            println!(\"cancelled\");\n            \
return \"partial\".to_string();\n        }",
        "t_token.cancel();\n    println!(\"{}\", t.await.unwrap());",
    ] {
        assert!(text.contains(want), "{want}\n{text}");
    }
}

#[test]
fn an_awaiter_that_returns_when_its_task_is_cancelled_still_translates() {
    let src = format!(
        "{HEADER}{WORK}async def main():\n    t = asyncio.create_task(work(5))\n    \
await asyncio.sleep(1)\n    t.cancel()\n    try:\n        await t\n    \
except asyncio.CancelledError:\n        print(\"cancelled\")\n        return\n{RUN}"
    );
    let text = listing(&src);
    assert!(text.contains("println!(\"cancelled\");"), "{text}");
}

#[test]
fn a_loop_over_a_dict_goes_over_its_keys() {
    let text = listing(&main_of(
        "    d = {\"a\": 1, \"b\": 2}\n    for k in d:\n        print(k, d[k])\n    \
print([d[k] * 2 for k in d])\n",
    ));
    has_all(
        &text,
        &[
            "for k in d.keys() {",
            "println!(\"{k} {}\", d[k]);",
            "d.keys().map(|k| d[k] * 2)",
        ],
    );
    assert!(!text.contains("in &d"), "{text}");
}

#[test]
fn values_of_a_list_of_tasks_is_refused_as_python_raises() {
    let src = format!(
        "{HEADER}{WORK}async def main():\n    tasks = [asyncio.create_task(work(i)) for i in range(3)]\n    \
for t in tasks.values():\n        print(await t)\n{RUN}"
    );
    let (construct, reason, place) = refused(&src);
    assert_eq!(construct, "`tasks.values()` of a list");
    assert!(reason.contains("AttributeError"), "{reason}");
    assert_eq!(place, "tasks.values()");
}

#[test]
fn cancelled_of_tasks_never_aborted_does_not_name_the_task() {
    let src = format!(
        "{HEADER}{WORK}async def main():\n    tasks = [asyncio.create_task(work(i)) for i in range(3)]\n    \
for t in tasks:\n        await t\n    print([t.cancelled() for t in tasks])\n{RUN}"
    );
    let text = listing(&src);
    assert!(text.contains("tasks.iter().map(|_| false)"), "{text}");
    assert!(!text.contains("|t| false"), "{text}");
}

#[test]
fn a_task_asked_whether_done_after_its_await_is_awaited_through_mut() {
    let src = format!(
        "{HEADER}{WORK}async def main():\n    t = asyncio.create_task(work(1))\n    \
x = await t\n    print(x, t.done())\n{RUN}"
    );
    let text = listing(&src);
    has_all(
        &text,
        &[
            "let mut t = tokio::spawn(work(1));",
            "let x = (&mut t).await.unwrap();",
            "if t.is_finished() { \"True\" } else { \"False\" }",
        ],
    );
}

#[test]
fn a_task_awaited_but_never_asked_is_awaited_by_value() {
    let src = format!(
        "{HEADER}{WORK}async def main():\n    t = asyncio.create_task(work(1))\n    \
x = await t\n    print(x)\n{RUN}"
    );
    let text = listing(&src);
    has_all(
        &text,
        &[
            "let t = tokio::spawn(work(1));",
            "let x = t.await.unwrap();",
        ],
    );
}
