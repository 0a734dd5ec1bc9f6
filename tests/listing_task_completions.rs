//! The Rust listing of `asyncio.as_completed` over a list of tasks that
//! the function reads again: their number inside the loop, their state
//! after it. The loop borrows the handles, so the list is still there;
//! what would take a task's output a second time is refused.
//! (`tests/rust_listings.rs` builds and runs the corpus programs that use
//! them.)

#[path = "support/listing.rs"]
mod support;

use asynclings::render::rust;
use support::{HEADER, RUN, fetch_program, has_all, listing, refused};

const SPAWN: &str =
    "    tasks = [asyncio.create_task(fetch(n, s)) for n, s in [(\"a\", 2), (\"b\", 1)]]\n";

#[test]
fn the_loop_borrows_the_tasks_and_counts_them_before() {
    let src = fetch_program(&format!(
        "{SPAWN}    for fut in asyncio.as_completed(tasks):\n        name = await fut\n        \
print(name, len(tasks))\n    print([t.done() for t in tasks])\n"
    ));
    has_all(
        &listing(&src),
        &[
            "let tasks_len = tasks.len() as i64;\n    \
// The loop borrows the handles: `tasks` is still there after it.\n    {\n        \
let mut pending: FuturesUnordered<_> = tasks.iter_mut().collect();\n        \
while let Some(output) = pending.next().await {\n            \
let name = output.unwrap();\n            println!(\"{name} {tasks_len}\");\n        }\n    }",
            "tasks\n            .iter()\n            .map(|t| t.is_finished())",
        ],
    );
}

#[test]
fn a_list_read_only_after_the_loop_is_not_counted() {
    let src = fetch_program(&format!(
        "{SPAWN}    n = 0\n    for i, fut in enumerate(asyncio.as_completed(tasks), start=1):\n        \
name, = [await fut]\n"
    ));
    // The loop's first statement must be `x = await fut`.
    let (construct, _, at) = refused(&src);
    assert_eq!(
        construct,
        "an `as_completed` loop that does not start with `x = await fut`"
    );
    assert_eq!(at, "name, = [await fut]");
    let src = fetch_program(
        "    jobs = [(\"a\", 2), (\"b\", 1)]\n    \
tasks = [asyncio.create_task(fetch(n, s)) for n, s in jobs]\n    \
for i, fut in enumerate(asyncio.as_completed(tasks), start=1):\n        \
name = await fut\n        print(i, name)\n    print(jobs, [t.done() for t in tasks])\n",
    );
    let text = listing(&src);
    has_all(
        &text,
        &[
            ".iter()\n        .cloned()\n        .map(|(n, s)| tokio::spawn(fetch(n.to_string(), s)))",
            "let mut i = 0;\n    // The loop borrows the handles",
            "let name = output.unwrap();\n            i += 1;\n            println!(\"{i} {name}\");",
        ],
    );
    assert!(!text.contains("tasks_len"), "{text}");
}

#[test]
fn awaiting_a_task_of_the_list_after_the_loop_is_refused() {
    let src = fetch_program(&format!(
        "{SPAWN}    for fut in asyncio.as_completed(tasks):\n        print(await fut)\n    \
for t in tasks:\n        print(await t)\n"
    ));
    let (_, _, at) = refused(&src);
    assert_eq!(at, "print(await fut)");
    let src = fetch_program(&format!(
        "{SPAWN}    for fut in asyncio.as_completed(tasks):\n        x = await fut\n    \
for t in tasks:\n        print(await t)\n"
    ));
    let (construct, reason, at) = refused(&src);
    assert_eq!(construct, "`tasks` used by `print(await t)`");
    assert!(reason.contains("gives it once"), "{reason}");
    assert!(
        at.starts_with("for fut in asyncio.as_completed(tasks):"),
        "{at}"
    );
}

#[test]
fn handing_the_list_on_or_reading_it_in_the_loop_is_refused() {
    let src = fetch_program(&format!(
        "{SPAWN}    for fut in asyncio.as_completed(tasks):\n        x = await fut\n    \
print(tasks[0].result())\n"
    ));
    assert_eq!(
        refused(&src).0,
        "`tasks` used by `print(tasks[0].result())`"
    );
    let src = fetch_program(&format!(
        "{SPAWN}    for fut in asyncio.as_completed(tasks):\n        x = await fut\n        \
print([t.done() for t in tasks])\n"
    ));
    let (construct, reason, _) = refused(&src);
    assert_eq!(construct, "`tasks` read inside its `as_completed` loop");
    assert!(reason.contains("only `len(tasks)`"), "{reason}");
}

#[test]
fn tasks_that_can_raise_are_refused_after_inference() {
    let src = format!(
        "{HEADER}async def check(n):\n    await asyncio.sleep(n)\n    if n > 1:\n        \
raise ValueError(\"too slow\")\n    return n\n\n\nasync def main():\n    \
tasks = [asyncio.create_task(check(n)) for n in [1, 2]]\n    \
for fut in asyncio.as_completed(tasks):\n        x = await fut\n        print(x)\n    \
print([t.done() for t in tasks])\n{RUN}"
    );
    let program = asynclings::python::load("x.py", &src).expect("loads");
    let text = rust::render_program(&program).text();
    has_all(
        &text,
        &["// x.py:13:5: `asyncio.as_completed` over tasks that can raise"],
    );
}
