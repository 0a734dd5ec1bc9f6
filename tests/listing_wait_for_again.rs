//! A task kept in a variable and waited for with `asyncio.wait_for`, then
//! read again: its `JoinHandle` has given its output (or was aborted at the
//! deadline), so the listing refuses the later read at its place.

#[path = "support/listing.rs"]
mod support;

use support::{fetch_program, listing, refused};

/// `await t` after `asyncio.wait_for(t, ...)`: a `JoinHandle` polled after
/// it completed panics, so the second await is refused.
#[test]
fn a_task_awaited_again_after_its_timed_wait_is_refused() {
    let (construct, reason, at) = refused(&fetch_program(
        "    t = asyncio.create_task(fetch(\"a\", 1))\n    v = await asyncio.wait_for(t, timeout=2)\n    w = await t\n    print(v, w)\n",
    ));
    assert_eq!(construct, "`await t` after `asyncio.wait_for(t, ...)`");
    assert!(reason.contains("polled again"), "{reason}");
    assert_eq!(at, "t");
    let (construct, _, _) = refused(&fetch_program(
        "    t = asyncio.create_task(fetch(\"a\", 1))\n    await asyncio.wait_for(t, 2)\n    print(await t)\n",
    ));
    assert_eq!(construct, "`await t` after `asyncio.wait_for(t, ...)`");
    let (construct, _, _) = refused(&fetch_program(
        "    t = asyncio.create_task(fetch(\"a\", 1))\n    await asyncio.wait_for(t, 2)\n    await t\n",
    ));
    assert_eq!(construct, "`await t` after `asyncio.wait_for(t, ...)`");
    let (construct, _, _) = refused(&fetch_program(
        "    t = asyncio.create_task(fetch(\"a\", 1))\n    await asyncio.wait_for(t, 2)\n    await asyncio.wait_for(t, 2)\n",
    ));
    assert_eq!(
        construct,
        "`asyncio.wait_for(...)` after `asyncio.wait_for(t, ...)`"
    );
}

/// `t.cancelled()` after the timed wait: the abort at the deadline is not
/// noted where the listing reads the flag, so it is refused at its place.
#[test]
fn cancelled_after_a_timed_wait_is_refused() {
    let (construct, reason, at) = refused(&fetch_program(
        "    t = asyncio.create_task(fetch(\"a\", 2))\n    try:\n        await asyncio.wait_for(t, timeout=1)\n    except TimeoutError:\n        print(\"timed out\")\n    print(t.cancelled())\n",
    ));
    assert_eq!(
        construct,
        "`t.cancelled()` after `asyncio.wait_for(t, ...)`"
    );
    assert!(
        reason.contains("catch the wait's `TimeoutError`"),
        "{reason}"
    );
    assert_eq!(at, "t");
    let (construct, _, _) = refused(&fetch_program(
        "    t = asyncio.create_task(fetch(\"a\", 2))\n    print(await asyncio.wait_for(t, 3))\n    print(t.result())\n",
    ));
    assert_eq!(construct, "`t.result()` after `asyncio.wait_for(t, ...)`");
}

/// `t.done()` before the timed wait and after it: the task still
/// translates.
#[test]
fn reads_before_the_timed_wait_are_translated() {
    let text = listing(&fetch_program(
        "    t = asyncio.create_task(fetch(\"a\", 1))\n    print(t.done())\n    print(await asyncio.wait_for(t, 2), t.done())\n",
    ));
    assert!(
        text.contains("match timeout(Duration::from_secs(2), &mut t).await {"),
        "{text}"
    );
}
