//! The Rust listing of a list of tasks made by a comprehension that names
//! each one (`[asyncio.create_task(f(x), name=label) for x in items]`):
//! right after the list, a map from each task's id to the name the same
//! comprehension gives it, which `t.get_name()` reads; and `gather` of such
//! a list read again after awaits the handles through `&mut`.
//! (`tests/rust_listings.rs` builds and runs the corpus programs that use
//! them: `gather__tasks`, `scenarios__download_manager`.)

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing, refused};

const WORK: &str = "async def work(name, n):\n    await asyncio.sleep(n)\n    print(name)\n    return n * 10\n\n\n";

fn program(body: &str) -> String {
    format!("{HEADER}{WORK}async def main():\n{body}{RUN}")
}

#[test]
fn names_from_a_literal_list_are_an_array_zipped_with_the_ids() {
    let text = listing(&program(
        "    tasks = [asyncio.create_task(work(n, k), name=n) for n, k in [(\"a\", 1), (\"b\", 2)]]\n    \
await asyncio.sleep(1.5)\n    print([t.get_name() for t in tasks if t.done()])\n    \
for t in tasks:\n        print(t.get_name(), await t)\n",
    ));
    has_all(
        &text,
        &[
            "use std::collections::HashMap;",
            "    // Tokio's tasks have no names: each task's id, with the name it was given.\n    \
let tasks_names: HashMap<_, _> = tasks.iter().map(|t| t.id()).zip([\"a\", \"b\"]).collect();",
            ".filter(|t| t.is_finished())\n                .map(|t| tasks_names[&t.id()].to_string())",
            "println!(\"{} {}\", tasks_names[&t.id()], t.await.unwrap());",
        ],
    );
    // The names are the given ones, not asyncio's numbers.
    assert!(!text.contains("Task-"), "{text}");
}

#[test]
fn names_from_a_variable_are_the_comprehension_again() {
    let text = listing(&program(
        "    jobs = [(\"x\", 1), (\"y\", 2)]\n    \
tasks = [asyncio.create_task(work(*job), name=job[0]) for job in jobs]\n    \
for t in tasks:\n        print(t.get_name(), await t)\n",
    ));
    has_all(&text, &[".zip(jobs.iter().map(|job| job.0.to_string()))"]);
}

#[test]
fn a_gathered_list_read_again_is_awaited_through_mut() {
    let text = listing(&program(
        "    tasks = [asyncio.create_task(work(n, 1), name=n) for n in [\"a\", \"b\"]]\n    \
print(await asyncio.gather(*tasks))\n    print([t.get_name() for t in tasks])\n",
    ));
    has_all(
        &text,
        &[
            "let mut tasks = ",
            "try_join_all(tasks.iter_mut()).await.unwrap()",
            ".zip([\"a\", \"b\"])",
        ],
    );
}

#[test]
fn a_gathered_list_not_read_again_is_moved() {
    let text = listing(&program(
        "    tasks = [asyncio.create_task(work(\"w\", n)) for n in [1, 2]]\n    \
print(await asyncio.gather(*tasks))\n",
    ));
    has_all(&text, &["try_join_all(tasks).await.unwrap()"]);
    assert!(!text.contains("iter_mut"), "{text}");
}

#[test]
fn a_name_that_calls_something_is_refused_at_the_task() {
    let src = program(
        "    tasks = [asyncio.create_task(work(n, 1), name=n.upper()) for n in [\"a\", \"b\"]]\n    \
for t in tasks:\n        print(t.get_name(), await t)\n",
    );
    let (construct, _, at) = refused(&src);
    assert_eq!(construct, "this `asyncio.create_task`");
    assert_eq!(at, "asyncio.create_task(work(n, 1), name=n.upper())");
}

#[test]
fn a_name_of_a_variable_that_leaves_a_loop_name_unread_is_refused() {
    // `[n for n, k in pairs]` again would bind `k` for nothing.
    let src = program(
        "    pairs = [(\"a\", 1), (\"b\", 2)]\n    \
tasks = [asyncio.create_task(work(n, 1), name=n) for n, k in pairs]\n    \
for t in tasks:\n        print(t.get_name(), await t)\n",
    );
    let (construct, _, _) = refused(&src);
    assert_eq!(construct, "this `asyncio.create_task`");
}

#[test]
fn a_list_gathered_and_read_in_one_statement_is_awaited_through_mut() {
    let text = listing(&program(
        "    tasks = [asyncio.create_task(work(n, 1), name=n) for n in [\"a\", \"b\"]]\n    \
print(await asyncio.gather(*tasks), [t.get_name() for t in tasks])\n",
    ));
    has_all(&text, &["try_join_all(tasks.iter_mut()).await.unwrap()"]);
}
