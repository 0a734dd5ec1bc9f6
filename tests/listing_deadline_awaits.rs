//! What a block under `async with asyncio.timeout(...)` may not await:
//! tasks, which asyncio cancels at the deadline and a dropped
//! `JoinHandle` leaves running; coroutine calls gathered in place are
//! dropped with the block.

#[path = "support/listing.rs"]
mod support;
use support::{FETCH, HEADER, RUN, has_all, listing, refused};

fn program(main: &str) -> String {
    format!("{HEADER}{FETCH}async def main():\n{main}{RUN}")
}

const TIMED: &str =
    "    try:\n        async with asyncio.timeout(2):\n            await asyncio.gather(";
const ON_TIMEOUT: &str = ")\n    except TimeoutError:\n        print(\"timed out\")\n";

#[test]
fn coroutines_gathered_under_a_timeout_are_joined_in_the_block() {
    let text = listing(&program(&format!(
        "{TIMED}fetch(\"a\", 1), fetch(\"b\", 3){ON_TIMEOUT}"
    )));
    has_all(
        &text,
        &[
            "    let block = async {\n        tokio::join!(\n",
            "    if timeout(Duration::from_secs(2), block).await.is_err() {\n        println!(\"timed out\");\n    }",
        ],
    );
}

/// Asyncio cancels the awaited tasks at the deadline.
#[test]
fn awaiting_tasks_under_a_timeout_block_is_refused() {
    let (construct, reason, at) = refused(&program(&format!(
        "    t1 = asyncio.create_task(fetch(\"a\", 1))\n    t2 = asyncio.create_task(fetch(\"b\", 5))\n{TIMED}t1, t2{ON_TIMEOUT}"
    )));
    assert_eq!(construct, "awaiting a task under a timeout");
    assert!(reason.contains("leaves the task running"), "{reason}");
    assert_eq!(at, "await asyncio.gather(t1, t2)");
}

/// Children that can fail run as tasks, which a dropped join leaves running.
#[test]
fn a_gather_of_children_that_can_fail_under_a_timeout_is_refused() {
    let (construct, _, at) = refused(&format!(
        "{HEADER}async def bad():\n    await asyncio.sleep(1)\n    raise ValueError(\"x\")\n\n\nasync def main():\n{TIMED}bad(), bad(){ON_TIMEOUT}{RUN}"
    ));
    assert_eq!(
        construct,
        "a gather of children that can fail, under a timeout"
    );
    assert_eq!(at, "await asyncio.gather(bad(), bad())");
}
