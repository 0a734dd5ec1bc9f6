//! The Rust listing of `asyncio.Condition`: Tokio's `Notify`, its methods
//! as statements inside `async with cond:`, and what it refuses.
//! (`tests/rust_listings.rs` builds and runs `locks__condition_notify`.)

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, listing, refused};

const BUYER: &str = "stock = 0\n\n\nasync def buyer(cond, wanted):\n    global stock\n    \
async with cond:\n        await cond.wait_for(lambda: stock >= wanted)\n        stock -= wanted\n        \
print(\"bought\", wanted)\n\n\n";

#[test]
fn a_condition_is_a_notify_shared_with_its_tasks() {
    let src = format!(
        "{HEADER}{BUYER}async def main():\n    global stock\n    cond = asyncio.Condition()\n    \
t = asyncio.create_task(buyer(cond, 2))\n    await asyncio.sleep(1)\n    async with cond:\n        \
stock += 3\n        cond.notify_all()\n    await t\n{RUN}"
    );
    let text = listing(&src);
    for want in [
        "let cond = Arc::new(Notify::new());",
        "async fn buyer(cond: Arc<Notify>, wanted: i64) {",
        "tokio::spawn(buyer(Arc::clone(&cond), 2))",
        "cond.notify_waiters();",
        "use tokio::sync::Notify;",
    ] {
        assert!(text.contains(want), "{want}\n{text}");
    }
    assert!(!text.contains(".lock()"), "no lock is taken\n{text}");
}

#[test]
fn wait_for_takes_the_notification_before_it_checks() {
    let src = format!(
        "{HEADER}{BUYER}async def main():\n    cond = asyncio.Condition()\n    await buyer(cond, 0)\n{RUN}"
    );
    let text = listing(&src);
    let want = "        loop {\n            let notified = cond.notified();\n            \
if STOCK.load(Ordering::Relaxed) >= wanted {\n                break;\n            }\n            \
notified.await;\n        }\n";
    assert!(text.contains(want), "{want}\n{text}");
}

#[test]
fn wait_and_notify_n_are_notified_and_notify_one() {
    let src = format!(
        "{HEADER}async def waiter(bell):\n    async with bell:\n        await bell.wait()\n        \
print(\"woken\")\n\n\nasync def main():\n    bell = asyncio.Condition()\n    \
a = asyncio.create_task(waiter(bell))\n    b = asyncio.create_task(waiter(bell))\n    \
await asyncio.sleep(1)\n    async with bell:\n        bell.notify(2)\n    await a\n    \
async with bell:\n        bell.notify()\n    await b\n{RUN}"
    );
    let text = listing(&src);
    for want in [
        "bell.notified().await;",
        "for _ in 0..2 {\n            bell.notify_one();\n        }",
        "// Unlike `notify`, `notify_one` with no task waiting keeps a permit",
    ] {
        assert!(text.contains(want), "{want}\n{text}");
    }
    assert_eq!(text.matches("bell.notify_one();").count(), 2, "{text}");
}

#[test]
fn another_await_inside_the_block_is_refused() {
    let src = format!(
        "{HEADER}async def main():\n    cond = asyncio.Condition()\n    async with cond:\n        \
await asyncio.sleep(1)\n        cond.notify_all()\n{RUN}"
    );
    let (construct, reason, at) = refused(&src);
    assert_eq!(construct, "an `await` inside `async with` on a condition");
    assert!(reason.contains("without a lock"), "{reason}");
    assert_eq!(at, "await asyncio.sleep(1)");
}

#[test]
fn a_predicate_that_is_not_a_lambda_is_refused() {
    let src = format!(
        "{HEADER}def ready():\n    return True\n\n\nasync def main():\n    cond = asyncio.Condition()\n    \
async with cond:\n        await cond.wait_for(ready)\n{RUN}"
    );
    let (construct, reason, at) = refused(&src);
    assert_eq!(construct, "this predicate");
    assert!(reason.contains("lambda: stock > 0"), "{reason}");
    assert_eq!(at, "ready");
}
