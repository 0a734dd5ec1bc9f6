//! The Rust listing of the methods of tasks kept in a list: `done()` of
//! each in a comprehension, `cancel()` of an item, and a loop that awaits
//! each one past a cancelled one. (`tests/rust_listings.rs` builds and runs
//! the corpus programs that use them.)

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, listing, refused};

const WORK: &str = "async def work(n):\n    await asyncio.sleep(n)\n    return n * 10\n\n\n";

const SPAWN: &str = "    tasks = [asyncio.create_task(work(n)) for n in [1, 2, 3]]\n";

#[test]
fn done_of_each_task_of_a_list_asks_each_handle() {
    let src = format!(
        "{HEADER}{WORK}async def main():\n{SPAWN}    await asyncio.sleep(1.5)\n    \
print([t.done() for t in tasks])\n    print(len([t.done() for t in tasks if t.done()]))\n{RUN}"
    );
    let text = listing(&src);
    assert!(!text.contains("cannot translate"), "{text}");
    for want in [
        "tasks.iter().map(|t| t.is_finished()).collect::<Vec<_>>()",
        ".iter()\n            .filter(|t| t.is_finished())\n            .map(|t| t.is_finished())",
    ] {
        assert!(text.contains(want), "{want}\n{text}");
    }
}

#[test]
fn cancel_of_an_item_of_a_list_aborts_its_handle() {
    let src = format!(
        "{HEADER}{WORK}async def main():\n{SPAWN}    tasks[2].cancel()\n    for t in tasks:\n        \
try:\n            await t\n        except asyncio.CancelledError:\n            \
print(\"cancelled\", t.done())\n    print([t.done() for t in tasks])\n{RUN}"
    );
    let text = listing(&src);
    assert!(!text.contains("cannot translate"), "{text}");
    for want in [
        "    tasks[2].abort();\n",
        "    for t in &mut tasks {\n        match (&mut *t).await {\n",
        "Err(e) if e.is_cancelled() => {",
    ] {
        assert!(text.contains(want), "{want}\n{text}");
    }
}

#[test]
fn cancel_of_an_item_of_another_list_is_not_a_task_cancel() {
    let src = format!(
        "{HEADER}{WORK}async def main():\n    tasks = [1, 2]\n    tasks[0].cancel()\n{RUN}"
    );
    let (construct, _, at) = refused(&src);
    assert_eq!(construct, "the call `tasks[0].cancel()`");
    assert_eq!(at, "tasks[0].cancel()");
}
