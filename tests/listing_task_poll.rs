//! `task.result()` of a task that may still run: asyncio reads it at once
//! (the output of a task that has finished, `InvalidStateError: Result is
//! not set.` for one still running), so the listing asks the handle
//! whether its task has finished before it takes the output, where
//! awaiting the handle would wait. What the listing shows, and the reads it
//! refuses, at their place. (`tests/rust_listings.rs` builds and runs the
//! corpus programs that read so.)

#[path = "support/listing.rs"]
mod support;

use support::{fetch_program, has_all, listing, refused};

/// `t = fetch("a", 1)` made, then a sleep past its end.
const SLEPT: &str = "    t = asyncio.create_task(fetch(\"a\", 1))\n    await asyncio.sleep(2)\n";

#[test]
fn a_result_read_once_polls_the_handle_in_place() {
    let text = listing(&fetch_program(&format!(
        "{SLEPT}    print(\"got\", t.result())\n"
    )));
    has_all(
        &text,
        &[
            "let mut t = tokio::spawn(",
            "println!(\n        \"got {}\",\n        py_result(&mut t).await.expect(\"Result is not set.\")\n    );",
            "async fn py_result<T>(task: &mut tokio::task::JoinHandle<T>) -> Option<T> {\n    \
if task.is_finished() {\n        Some(task.await.unwrap())\n    } else {\n        None\n    }\n}",
        ],
    );
    assert!(!text.contains("py_try_result"), "{text}");
}

#[test]
fn a_result_read_in_a_branch_of_its_own_test_polls_in_place() {
    let text = listing(&fetch_program(&format!(
        "{SLEPT}    print(t.result() if t.done() else \"running\")\n"
    )));
    has_all(
        &text,
        &[
            "if t.is_finished() {\n            py_result(&mut t).await.expect(\"Result is not set.\")\n        } else {",
        ],
    );
}

#[test]
fn a_result_read_again_is_asked_before_its_output_is_kept() {
    let text = listing(&fetch_program(&format!(
        "{SLEPT}    print(\"first\", t.result())\n    print(\"again\", await t)\n"
    )));
    has_all(
        &text,
        &[
            "    assert!(t.is_finished(), \"Result is not set.\");\n    \
// A handle gives its task's output once: kept for every read.\n    \
let t_output = t.await.unwrap();\n    println!(\"first {t_output}\");\n    \
println!(\"again {t_output}\");",
        ],
    );
    assert!(!text.contains("py_result"), "{text}");
}

#[test]
fn a_result_an_except_takes_gives_invalid_state_error() {
    let text = listing(&fetch_program(&format!(
        "{SLEPT}    try:\n        print(t.result())\n    \
except asyncio.InvalidStateError as e:\n        print(\"not yet:\", e)\n"
    )));
    has_all(
        &text,
        &[
            "enum Error {\n    InvalidStateError(String),\n}",
            "println!(\"{}\", py_try_result(&mut t).await?);",
            "err @ Error::InvalidStateError(_) => {",
            "async fn py_try_result<T>(task: &mut tokio::task::JoinHandle<T>) -> Result<T, Error> {",
            "Err(Error::InvalidStateError(\"Result is not set.\".to_string()))",
        ],
    );
}

#[test]
fn a_result_an_except_of_exception_takes_is_checked_too() {
    let text = listing(&fetch_program(&format!(
        "{SLEPT}    try:\n        print(t.result())\n    \
except Exception as e:\n        print(\"failed:\", repr(e))\n"
    )));
    has_all(&text, &["py_try_result(&mut t).await?"]);
}

#[test]
fn the_result_of_a_failing_task_passes_its_exception_on() {
    let src = "import asyncio\n\n\nasync def boom():\n    await asyncio.sleep(1)\n    \
raise ValueError(\"boom\")\n\n\nasync def main():\n    t = asyncio.create_task(boom())\n    \
await asyncio.sleep(2)\n    try:\n        t.result()\n    except ValueError as e:\n        \
print(\"caught\", e)\n\n\nasyncio.run(main())\n";
    let text = listing(src);
    has_all(
        &text,
        &["py_result(&mut t).await.expect(\"Result is not set.\")?;"],
    );
}

#[test]
fn a_result_read_again_behind_a_branch_is_refused() {
    let (construct, reason, at) = refused(&fetch_program(&format!(
        "{SLEPT}    print(t.result() if t.done() else \"running\")\n    print(await t)\n"
    )));
    assert_eq!(construct, "`t.result()` of a task read again, read here");
    assert!(reason.contains("gives the output once"), "{reason}");
    assert_eq!(at, "t");
}

#[test]
fn a_result_read_again_in_a_statement_that_awaits_is_refused() {
    let (construct, _, at) = refused(&fetch_program(&format!(
        "{SLEPT}    print(await fetch(\"b\", 0), t.result())\n    print(t.result())\n"
    )));
    assert_eq!(construct, "`t.result()` of a task read again, read here");
    assert_eq!(at, "t");
}

#[test]
fn a_result_in_a_loop_test_is_refused() {
    let (construct, reason, at) = refused(&fetch_program(
        "    t = asyncio.create_task(fetch(\"a\", 1))\n    while t.result() != \"a\":\n        \
await asyncio.sleep(1)\n",
    ));
    assert_eq!(construct, "`t.result()` read again and again");
    assert!(reason.contains("gives its task's output once"), "{reason}");
    assert_eq!(at, "t");
}

#[test]
fn a_result_in_a_comprehension_is_refused() {
    let (construct, _, _) = refused(&fetch_program(&format!(
        "{SLEPT}    print([t.result() for _ in range(2)])\n"
    )));
    assert_eq!(construct, "`t.result()` read again and again");
}

#[test]
fn a_result_inside_its_task_group_is_refused() {
    let (construct, reason, _) = refused(&fetch_program(
        "    async with asyncio.TaskGroup() as tg:\n        t = tg.create_task(fetch(\"a\", 1))\n        \
await asyncio.sleep(2)\n        print(t.result())\n",
    ));
    assert_eq!(construct, "`t.result()` inside its `TaskGroup` block");
    assert!(
        reason.contains("read the result after the block"),
        "{reason}"
    );
}

#[test]
fn a_result_after_an_await_in_a_branch_is_refused() {
    let (construct, _, at) = refused(&fetch_program(&format!(
        "{SLEPT}    if t.done():\n        print(await t)\n    print(t.result())\n"
    )));
    assert_eq!(
        construct,
        "`t.result()` after a read that may have taken it"
    );
    assert_eq!(at, "t.result()");
}

#[test]
fn a_result_caught_then_read_again_is_refused() {
    let (construct, reason, at) = refused(&fetch_program(&format!(
        "{SLEPT}    try:\n        print(t.result())\n    \
except asyncio.InvalidStateError:\n        print(\"not yet\")\n    print(await t)\n"
    )));
    assert_eq!(
        construct,
        "`t.result()` of a task that may still run, caught, and read again"
    );
    assert!(reason.contains("InvalidStateError"), "{reason}");
    assert_eq!(at, "t.result()");
}

/// `t = fetch("a", 1)` made at instant 0, then `main`'s `waits`.
fn read_after(waits: &str) -> String {
    fetch_program(&format!(
        "    t = asyncio.create_task(fetch(\"a\", 1))\n{waits}    print(\"got\", t.result())\n"
    ))
}

#[test]
fn a_result_read_when_the_task_ends_is_refused() {
    let (construct, reason, at) = refused(&read_after(
        "    await asyncio.sleep(0.5)\n    await asyncio.sleep(0.5)\n",
    ));
    assert_eq!(construct, "`t.result()` read at the instant the task ends");
    assert!(
        reason.contains("asyncio runs the wake-ups of one instant"),
        "{reason}"
    );
    assert_eq!(at, "t.result()");
}

#[test]
fn a_result_read_when_a_task_made_later_ends_is_refused() {
    let (construct, _, at) = refused(&fetch_program(
        "    await asyncio.sleep(1)\n    t = asyncio.create_task(fetch(\"a\", 1))\n    \
await asyncio.sleep(1)\n    print(t.result())\n",
    ));
    assert_eq!(construct, "`t.result()` read at the instant the task ends");
    assert_eq!(at, "t.result()");
}

#[test]
fn a_result_read_before_its_task_runs_is_refused_when_the_task_never_sleeps() {
    let (construct, _, _) = refused(&fetch_program(
        "    t = asyncio.create_task(fetch(\"a\", 0))\n    print(t.result())\n",
    ));
    assert_eq!(construct, "`t.result()` read at the instant the task ends");
}

#[test]
fn a_result_read_a_little_after_the_task_ends_polls() {
    let text = listing(&read_after(
        "    await asyncio.sleep(0.5)\n    await asyncio.sleep(0.6)\n",
    ));
    has_all(
        &text,
        &["py_result(&mut t).await.expect(\"Result is not set.\")"],
    );
}

#[test]
fn a_result_read_a_little_before_the_task_ends_polls() {
    let text = listing(&read_after("    await asyncio.sleep(0.9)\n"));
    has_all(
        &text,
        &["py_result(&mut t).await.expect(\"Result is not set.\")"],
    );
}

#[test]
fn a_result_read_after_a_loop_of_sleeps_is_refused() {
    let (construct, reason, at) = refused(&read_after(
        "    for _ in range(2):\n        await asyncio.sleep(1)\n",
    ));
    assert_eq!(
        construct,
        "`t.result()` beside a task end the translator cannot tell"
    );
    assert!(reason.contains("sleeps of numbers"), "{reason}");
    assert_eq!(at, "t.result()");
}

#[test]
fn a_result_read_after_a_sleep_of_a_variable_is_refused() {
    let (construct, _, _) = refused(&read_after(
        "    pause = 2\n    await asyncio.sleep(pause)\n",
    ));
    assert_eq!(
        construct,
        "`t.result()` beside a task end the translator cannot tell"
    );
}

#[test]
fn a_result_of_a_task_that_waits_on_another_is_refused() {
    let src = "import asyncio\n\n\nasync def first():\n    await asyncio.sleep(1)\n    \
return 1\n\n\nasync def second(t):\n    n = await t\n    return n + 1\n\n\n\
async def main():\n    a = asyncio.create_task(first())\n    b = asyncio.create_task(second(a))\n    \
await asyncio.sleep(2)\n    print(b.result())\n\n\nasyncio.run(main())\n";
    let (construct, _, at) = refused(src);
    assert_eq!(
        construct,
        "`b.result()` beside a task end the translator cannot tell"
    );
    assert_eq!(at, "b.result()");
}

#[test]
fn a_result_of_a_task_made_in_a_loop_sleeping_the_loop_variable_is_refused() {
    let (construct, _, at) = refused(&fetch_program(
        "    for n in range(2):\n        t = asyncio.create_task(fetch(\"a\", n))\n        \
await asyncio.sleep(2)\n        print(t.result())\n",
    ));
    assert_eq!(
        construct,
        "`t.result()` beside a task end the translator cannot tell"
    );
    assert_eq!(at, "t.result()");
}

#[test]
fn a_result_read_in_a_loop_when_its_task_ends_is_refused() {
    let (construct, _, _) = refused(&fetch_program(
        "    for n in range(2):\n        t = asyncio.create_task(fetch(\"a\", 1))\n        \
await asyncio.sleep(1)\n        print(t.result())\n",
    ));
    assert_eq!(construct, "`t.result()` read at the instant the task ends");
}
