//! `task.result()` of a task kept in a variable: read through its handle
//! where the task is surely done (awaited before, gathered, its `TaskGroup`
//! block ended), and elsewhere read at once (`py_result`), since asyncio
//! raises `InvalidStateError` for a task still running where awaiting its
//! `JoinHandle` would wait for it (see `listing_task_poll.rs`).

#[path = "support/listing.rs"]
mod support;

use support::{fetch_program, has_all, listing, refused};

const NOT_DONE: &str = "`t.result()` of a task not known to be done";

#[test]
fn result_after_await_reads_the_kept_output() {
    let text = listing(&fetch_program(
        "    t = asyncio.create_task(fetch(\"a\", 1))\n    print(await t)\n    print(t.result())\n",
    ));
    has_all(
        &text,
        &[
            "let t_output = t.await.unwrap();",
            "println!(\"{t_output}\");\n    println!(\"{t_output}\");",
        ],
    );
}

#[test]
fn result_after_the_group_block_translates() {
    let text = listing(&fetch_program(
        "    async with asyncio.TaskGroup() as tg:\n        t = tg.create_task(fetch(\"a\", 1))\n    \
print(t.result())\n",
    ));
    assert!(!text.contains("cannot translate"), "{text}");
}

#[test]
fn result_of_a_task_just_created_is_read_at_once() {
    let text = listing(&fetch_program(
        "    t = asyncio.create_task(fetch(\"a\", 1))\n    print(t.result())\n",
    ));
    has_all(
        &text,
        &["println!(\"{}\", py_result(&mut t).await.expect(\"Result is not set.\"));"],
    );
}

#[test]
fn result_after_a_sleep_is_read_at_once() {
    let text = listing(&fetch_program(
        "    t = asyncio.create_task(fetch(\"a\", 1))\n    await asyncio.sleep(2)\n    \
print(t.result())\n",
    ));
    has_all(
        &text,
        &[
            "sleep(Duration::from_secs(2)).await;\n    println!(\"{}\", py_result(&mut t)",
            "async fn py_result<T>(task: &mut tokio::task::JoinHandle<T>) -> Option<T> {",
        ],
    );
}

#[test]
fn result_after_an_await_in_a_branch_is_refused() {
    let (construct, reason, place) = refused(&fetch_program(
        "    t = asyncio.create_task(fetch(\"a\", 1))\n    if len(\"x\") > 3:\n        await t\n    \
print(t.result())\n",
    ));
    assert_eq!(
        (construct.as_str(), place.as_str()),
        (
            "`t.result()` after a read that may have taken it",
            "t.result()"
        )
    );
    assert!(reason.contains("gives its task's output once"), "{reason}");
}

#[test]
fn result_of_a_task_made_again_reads_the_new_task_at_once() {
    let text = listing(&fetch_program(
        "    t = asyncio.create_task(fetch(\"a\", 1))\n    await t\n    \
t = asyncio.create_task(fetch(\"b\", 1))\n    print(t.result())\n",
    ));
    has_all(
        &text,
        &[
            "t.await.unwrap();\n    t = tokio::spawn(fetch(\"b\"",
            "println!(\"{}\", py_result(&mut t).await.expect(\"Result is not set.\"));",
        ],
    );
}

#[test]
fn result_caught_as_cancelled_of_a_running_task_is_refused() {
    let (construct, _, _) = refused(&fetch_program(
        "    t = asyncio.create_task(fetch(\"a\", 1))\n    t.cancel()\n    try:\n        \
t.result()\n    except asyncio.CancelledError:\n        print(\"cancelled\")\n",
    ));
    assert_eq!(construct, NOT_DONE);
}

#[test]
fn result_of_a_task_cancelled_before_it_ran_then_a_sleep_reads_the_abort() {
    let text = listing(&fetch_program(
        "    t = asyncio.create_task(fetch(\"a\", 5))\n    t.cancel()\n    \
await asyncio.sleep(0)\n    try:\n        t.result()\n    except asyncio.CancelledError:\n        \
print(\"cancelled\")\n",
    ));
    has_all(&text, &["if t_aborted && t.is_finished() {"]);
}

#[test]
fn result_of_a_task_cancelled_after_it_ran_is_refused() {
    let (construct, _, _) = refused(&fetch_program(
        "    t = asyncio.create_task(fetch(\"a\", 5))\n    await asyncio.sleep(0)\n    \
t.cancel()\n    await asyncio.sleep(0)\n    try:\n        t.result()\n    \
except asyncio.CancelledError:\n        print(\"cancelled\")\n",
    ));
    assert_eq!(construct, NOT_DONE);
}
