//! `waiter = asyncio.create_task(asyncio.wait([t]))`: a task that waits
//! for another. The awaited task's handle is shared and the waiter awaits
//! a clone, so aborting the waiter leaves the task running; what
//! `asyncio.wait` gives is refused where the program reads it.

#[path = "support/listing.rs"]
mod support;

use support::{FETCH, HEADER, RUN, has_all, listing, refused};

fn program(body: &str) -> String {
    format!("{HEADER}{FETCH}async def main():\n{body}{RUN}")
}

const MADE: &str = "    t = asyncio.create_task(fetch(\"a\", 2))\n    \
waiter = asyncio.create_task(asyncio.wait([t]))\n    await asyncio.sleep(1)\n    waiter.cancel()\n";

#[test]
fn a_task_waiting_for_another_awaits_a_clone_of_its_shared_handle() {
    let text = listing(&program(&format!(
        "{MADE}    try:\n        await waiter\n    except asyncio.CancelledError:\n        \
print(\"cancelled\", t.done())\n    print(await t)\n"
    )));
    has_all(
        &text,
        &[
            "    let t = tokio::spawn(fetch(\"a\", Duration::from_secs(2)))\n        \
.map(Result::unwrap)\n        .shared();\n",
            "    // `asyncio.wait([t])`: a task awaiting a clone of the shared handle;\n    \
// aborting it leaves `t` running.\n    let waiter = tokio::spawn(t.clone().map(|_| ()));\n",
            "    waiter.abort();\n",
            "        Err(e) if e.is_cancelled() => {\n",
            "t.clone().now_or_never().is_some()",
            "println!(\"{}\", t.clone().await);",
        ],
    );
}

#[test]
fn what_the_waiter_gives_is_refused_where_it_is_read() {
    let (construct, reason, at) = refused(&program(
        "    t = asyncio.create_task(fetch(\"a\", 2))\n    \
waiter = asyncio.create_task(asyncio.wait([t]))\n    sets = await waiter\n    \
print(len(sets), await t)\n",
    ));
    assert_eq!(construct, "what a task running `asyncio.wait` gives");
    assert!(
        reason.contains("not the sets of done and pending tasks"),
        "{reason}"
    );
    assert_eq!(at, "sets = await waiter");
}

#[test]
fn a_waiter_over_two_tasks_is_not_taken() {
    let (construct, _, at) = refused(&program(
        "    a = asyncio.create_task(fetch(\"a\", 2))\n    b = asyncio.create_task(fetch(\"b\", 1))\n    \
waiter = asyncio.create_task(asyncio.wait([a, b]))\n    await waiter\n",
    ));
    assert_eq!(construct, "this `asyncio.create_task`");
    assert_eq!(at, "asyncio.create_task(asyncio.wait([a, b]))");
}

#[test]
fn cancelling_a_task_a_waiter_waits_for_is_refused() {
    let (construct, reason, at) = refused(&program(
        "    t = asyncio.create_task(fetch(\"a\", 2))\n    \
waiter = asyncio.create_task(asyncio.wait([t]))\n    t.cancel()\n    await waiter\n",
    ));
    assert_eq!(construct, "this use of `t`, which a task waits for");
    assert!(
        reason.contains("not cancelled, named or asked how it ended"),
        "{reason}"
    );
    assert_eq!(at, "t.cancel()");
}
