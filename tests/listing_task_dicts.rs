//! The Rust listing of a dict of tasks (`{k: asyncio.create_task(f(k)) for
//! k in ...}`): its `values()` and `items()` borrow the handles, awaited
//! through `&mut`, `tasks[k].cancel()` aborts one, and `cancelled()` of
//! each reads the ids of those aborted. (`tests/rust_listings.rs` builds
//! and runs the corpus programs that use them.)

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing, refused};

const WORK: &str = "async def work(n):\n    await asyncio.sleep(n)\n    return n\n\n\n";

const SPAWN: &str =
    "    tasks = {k: asyncio.create_task(work(n)) for k, n in [(\"a\", 1), (\"b\", 2)]}\n";

fn program(body: &str) -> String {
    format!("{HEADER}{WORK}async def main():\n{SPAWN}{body}{RUN}")
}

#[test]
fn cancelled_of_each_value_reads_the_aborted_ids() {
    let text = listing(&program(
        "    await asyncio.sleep(1.5)\n    for name in [\"b\", \"a\"]:\n        \
tasks[name].cancel()\n    await asyncio.sleep(0)\n    print([t.cancelled() for t in tasks.values()])\n",
    ));
    has_all(
        &text,
        &[
            "let mut tasks_aborted = HashSet::new();",
            "for name in [\"b\", \"a\"] {",
            "if !tasks[name].is_finished() {\n            tasks_aborted.insert(tasks[name].id());",
            "tasks[name].abort();",
            ".values()\n            .map(|t| tasks_aborted.contains(&t.id()) && t.is_finished())",
        ],
    );
    assert!(!text.contains(".cloned()"), "{text}");
}

#[test]
fn a_loop_over_values_that_awaits_borrows_each_handle_mutably() {
    let text = listing(&program(
        "    for t in tasks.values():\n        print(await t)\n    \
print([t.done() for t in tasks.values()])\n",
    ));
    has_all(
        &text,
        &[
            "let mut tasks = vec![",
            "for t in tasks.values_mut() {\n        println!(\"{}\", t.await.unwrap());",
            ".values()\n            .map(|t| t.is_finished())",
        ],
    );
}

#[test]
fn a_loop_over_items_takes_each_name_and_handle() {
    let text = listing(&program(
        "    tasks[\"b\"].cancel()\n    for name, t in tasks.items():\n        try:\n            \
await t\n        except asyncio.CancelledError:\n            print(name, \"cancelled\")\n    \
print([t.cancelled() for _, t in tasks.items()])\n",
    ));
    has_all(
        &text,
        &[
            "for (name, t) in tasks.iter_mut() {\n        match (&mut *t).await {",
            "Err(e) if e.is_cancelled() => {\n                println!(\"{name} cancelled\");",
            ".iter()\n            .map(|(_, t)| tasks_aborted.contains(&t.id()) && t.is_finished())",
        ],
    );
}

#[test]
fn the_result_of_each_value_is_refused_at_its_call() {
    let (construct, _, at) = refused(&program(
        "    await asyncio.sleep(3)\n    print([t.result() for t in tasks.values()])\n",
    ));
    assert_eq!(construct, "the call `t.result()`");
    assert_eq!(at, "t.result()");
}
