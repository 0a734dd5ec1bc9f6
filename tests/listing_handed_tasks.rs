//! A task handed to a coroutine that awaits it: asyncio cancels the task
//! a cancelled task awaits, so the coroutine awaits the handle through an
//! `AbortOnDropHandle`, which aborts the task if the wait is dropped (a
//! `JoinHandle` dropped would leave it running on).

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing};

/// A worker, and `main` handing its task to `waiter`, cancelled at once
/// it waits.
fn program(waiter: &str) -> String {
    format!(
        "{HEADER}async def worker():\n    await asyncio.sleep(2)\n    print(\"done\")\n    \
return 1\n\n\n{waiter}\n\nasync def main():\n    t = asyncio.create_task(worker())\n    \
w = asyncio.create_task(waiter(t))\n    await asyncio.sleep(1)\n    w.cancel()\n    \
await asyncio.sleep(2)\n{RUN}"
    )
}

#[test]
fn a_handed_task_awaited_as_a_statement_is_aborted_with_the_wait() {
    let text = listing(&program("async def waiter(t):\n    await t\n"));
    has_all(
        &text,
        &[
            "use tokio_util::task::AbortOnDropHandle;",
            "async fn waiter(t: tokio::task::JoinHandle<i64>) {\n    \
// asyncio cancels the task a cancelled task awaits: dropped, this\n    \
// handle aborts it (a `JoinHandle` dropped would leave it running).\n    \
AbortOnDropHandle::new(t).await.unwrap();\n}",
        ],
    );
}

#[test]
fn a_handed_task_awaited_inside_an_expression_is_aborted_with_the_wait() {
    let text = listing(&program(
        "async def waiter(t):\n    print(\"got\", await t)\n",
    ));
    has_all(&text, &["AbortOnDropHandle::new(t).await.unwrap()"]);
}

#[test]
fn a_task_the_coroutine_made_itself_is_awaited_as_it_is() {
    let text = listing(&program(
        "async def waiter(t):\n    u = asyncio.create_task(worker())\n    await u\n    await t\n",
    ));
    has_all(
        &text,
        &[
            "u.await.unwrap();",
            "AbortOnDropHandle::new(t).await.unwrap();",
        ],
    );
    assert!(!text.contains("AbortOnDropHandle::new(u)"), "{text}");
}

#[test]
fn a_handed_task_awaited_twice_keeps_its_first_output() {
    let text = listing(&program(
        "async def waiter(t):\n    print(await t)\n    await t\n    return await t\n",
    ));
    has_all(
        &text,
        &[
            "async fn waiter(t: tokio::task::JoinHandle<i64>) -> i64 {\n    \
// A handle gives its task's output once: kept for every read.\n    \
// asyncio cancels the task a cancelled task awaits: dropped, this\n    \
// handle aborts it (a `JoinHandle` dropped would leave it running).\n    \
let t_output = AbortOnDropHandle::new(t).await.unwrap();\n    \
println!(\"{t_output}\");\n    \
// `await t` again: its output is kept in `t_output`.\n    \
t_output\n}",
        ],
    );
}
