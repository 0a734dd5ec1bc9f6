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
        "tasks\n            .iter()\n            .map(|t| t.is_finished())\n            \
         .collect::<Vec<_>>()",
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

#[test]
fn cancelled_of_each_task_of_a_list_reads_the_ids_aborted_before_they_finished() {
    let src = format!(
        "{HEADER}{WORK}async def main():\n{SPAWN}    await asyncio.sleep(1.5)\n    \
tasks[0].cancel()\n    tasks[1].cancel()\n    await asyncio.sleep(0)\n    \
print([t.cancelled() for t in tasks])\n    for t in tasks:\n        t.cancel()\n    \
await asyncio.sleep(0)\n    print([t.cancelled() for t in tasks])\n{RUN}"
    );
    let text = listing(&src);
    assert!(!text.contains("cannot translate"), "{text}");
    for want in [
        "use std::collections::HashSet;",
        // Declared once, before the first abort.
        "    let mut tasks_aborted = HashSet::new();\n    \
// Tokio cancels by dropping the task's future at its next await.\n    \
if !tasks[0].is_finished() {\n        tasks_aborted.insert(tasks[0].id());\n    }\n    \
tasks[0].abort();\n",
        "    for t in &tasks {\n        \
// Tokio cancels by dropping the task's future at its next await.\n        \
if !t.is_finished() {\n            tasks_aborted.insert(t.id());\n        }\n        \
t.abort();\n",
        ".map(|t| tasks_aborted.contains(&t.id()) && t.is_finished())",
    ] {
        assert!(text.contains(want), "{want}\n{text}");
    }
    assert_eq!(text.matches("HashSet::new()").count(), 1, "{text}");
}

#[test]
fn cancelled_of_tasks_of_a_list_never_aborted_is_false() {
    let src = format!(
        "{HEADER}{WORK}async def main():\n{SPAWN}    await asyncio.sleep(5)\n    \
print([t.cancelled() for t in tasks])\n{RUN}"
    );
    let text = listing(&src);
    assert!(text.contains("tasks.iter().map(|_| false)"), "{text}");
    assert!(!text.contains("HashSet"), "{text}");
}

/// A dict a spawned coroutine sets an item of is shared with it as an
/// `Arc<Mutex<...>>`, which its owner prints under the lock.
#[test]
fn setting_an_item_of_a_spawned_coroutines_parameter_shares_it() {
    let src = format!(
        "{HEADER}async def fill(d, k):\n    await asyncio.sleep(1)\n    d[k] = 1\n\n\n\
async def main():\n    d = {{}}\n    t = asyncio.create_task(fill(d, \"a\"))\n    await t\n    print(d)\n{RUN}"
    );
    let text = listing(&src);
    for want in [
        "async fn fill(d: Arc<Mutex<IndexMap<String, i64>>>, k: &str) {",
        "    d.lock().unwrap().insert(k.to_string(), 1);",
        "    let t = tokio::spawn(fill(Arc::clone(&d), \"a\"));",
        "    println!(\"{}\", d.lock().unwrap().repr());",
    ] {
        assert!(text.contains(want), "{want}:\n{text}");
    }
}
