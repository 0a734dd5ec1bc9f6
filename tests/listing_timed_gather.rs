//! The Rust listing of `asyncio.wait_for(asyncio.gather(...), timeout)`:
//! the joined children under Tokio's `timeout`, dropped (their cleanup
//! run) at the timeout, as `wait_for` cancels the gather (the corpus
//! program `wait_for__around_gather` is built and run by
//! `tests/rust_listings.rs`); and what stays refused.

#[path = "support/listing.rs"]
mod support;
use support::{FETCH, HEADER, RUN, has_all, listing, refused};

fn program(main: &str) -> String {
    format!("{HEADER}{FETCH}async def main():\n{main}{RUN}")
}

#[test]
fn a_timed_out_gather_runs_the_except_timeout_error() {
    let text = listing(&program(
        "    try:\n        await asyncio.wait_for(asyncio.gather(fetch(\"a\", 1), fetch(\"b\", 3)), timeout=2)\n    except TimeoutError:\n        print(\"timed out\")\n",
    ));
    has_all(
        &text,
        &[
            "    let block = async {\n        tokio::join!(\n",
            "    if timeout(Duration::from_secs(2), block).await.is_err() {\n        println!(\"timed out\");\n    }",
        ],
    );
}

#[test]
fn the_list_of_a_gather_in_time_is_set_in_the_timed_block() {
    let text = listing(&program(
        "    names = await asyncio.wait_for(asyncio.gather(fetch(\"a\", 1), fetch(\"b\", 2)), timeout=3)\n    print(names)\n",
    ));
    has_all(
        &text,
        &[
            "let mut names: Vec<String> = Default::default(); // set in the timed block",
            "        names = vec![a, b];\n    };",
            // Without an `except`, the `TimeoutError` goes on up.
            "        return Err(Error::TimeoutError(String::new()));",
        ],
    );
}

#[test]
fn a_gather_of_children_that_can_fail_under_a_timeout_is_refused() {
    let (construct, _, at) = refused(&format!(
        "{HEADER}async def bad():\n    await asyncio.sleep(1)\n    raise ValueError(\"x\")\n\n\nasync def main():\n    try:\n        await asyncio.wait_for(asyncio.gather(bad(), bad()), timeout=2)\n    except TimeoutError:\n        print(\"timed out\")\n{RUN}"
    ));
    assert_eq!(
        construct,
        "a gather of children that can fail, under a timeout"
    );
    assert!(
        at.contains("asyncio.wait_for(asyncio.gather(bad(), bad())"),
        "{at}"
    );
}

/// More statements in the `try` than the `wait_for` stay refused.
#[test]
fn a_timed_gather_followed_by_more_in_the_try_is_refused() {
    let (construct, _, at) = refused(&program(
        "    try:\n        await asyncio.wait_for(asyncio.gather(fetch(\"a\", 1)), timeout=2)\n        print(\"in time\")\n    except TimeoutError:\n        print(\"timed out\")\n",
    ));
    assert_eq!(construct, "`except TimeoutError` around this");
    assert!(at.starts_with("await asyncio.wait_for("), "{at}");
}

/// `wait_for` cancels gathered tasks at the timeout; a dropped join of
/// `JoinHandle`s would leave them running.
#[test]
fn a_timed_gather_of_tasks_is_refused() {
    let (construct, reason, at) = refused(&program(
        "    t1 = asyncio.create_task(fetch(\"a\", 1))\n    t2 = asyncio.create_task(fetch(\"b\", 5))\n    try:\n        await asyncio.wait_for(asyncio.gather(t1, t2), timeout=2)\n    except TimeoutError:\n        print(\"timed out\")\n",
    ));
    assert_eq!(construct, "`asyncio.wait_for` of this gather");
    assert!(reason.contains("leaves tasks running"), "{reason}");
    assert_eq!(at, "asyncio.gather(t1, t2)");
}

/// Under `async with asyncio.timeout(...)`, awaiting tasks is refused too:
/// asyncio cancels the awaited tasks at the deadline.
#[test]
fn awaiting_tasks_under_a_timeout_block_is_refused() {
    let (construct, _, at) = refused(&program(
        "    t1 = asyncio.create_task(fetch(\"a\", 1))\n    t2 = asyncio.create_task(fetch(\"b\", 5))\n    try:\n        async with asyncio.timeout(2):\n            await asyncio.gather(t1, t2)\n    except TimeoutError:\n        print(\"timed out\")\n",
    ));
    assert_eq!(construct, "awaiting a task under a timeout");
    assert_eq!(at, "await asyncio.gather(t1, t2)");
}
