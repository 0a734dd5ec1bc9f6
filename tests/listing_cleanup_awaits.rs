//! A `finally` that awaits: kept whole where the cleanup can await (a
//! coroutine given a token, an async generator's spawned cleanup), refused
//! at its await where the listing would run it in `Drop`.

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing, main_of, refused};

const CONSTRUCT: &str = "an `await` in a `finally` the Rust listing runs in `Drop`";

/// A cancelled task's cleanup waits: whoever awaits the task waits too.
/// (Awaited in `try: ... except CancelledError:`, the task watches a token:
/// see `listing_cancel_ends`.)
#[test]
fn a_cancelled_tasks_finally_that_awaits_is_refused_at_its_await() {
    let (construct, reason, at) = refused(&format!(
        "{HEADER}async def worker():\n    try:\n        await asyncio.sleep(10)\n    finally:\n        \
print(\"cleaning\")\n        await asyncio.sleep(0.5)\n        print(\"cleaned\")\n\n\n\
async def main():\n    t = asyncio.create_task(worker())\n    await asyncio.sleep(1)\n    \
t.cancel()\n    await t\n{RUN}"
    ));
    assert_eq!(construct, CONSTRUCT);
    assert!(reason.contains("CancellationToken"), "{reason}");
    assert!(reason.contains("`Drop` cannot await"), "{reason}");
    assert_eq!(at, "await asyncio.sleep(0.5)");
}

/// Left normally too, the guard would run the cleanup without its wait.
#[test]
fn a_finally_that_awaits_in_main_is_refused() {
    let (construct, _, at) = refused(&main_of(
        "    try:\n        await asyncio.sleep(1)\n    finally:\n        \
await asyncio.sleep(0.5)\n        print(\"done\")\n",
    ));
    assert_eq!(construct, CONSTRUCT);
    assert_eq!(at, "await asyncio.sleep(0.5)");
}

/// The place named is the innermost statement that awaits.
#[test]
fn an_await_nested_in_the_finally_is_named_where_it_stands() {
    let (construct, _, at) = refused(&main_of(
        "    try:\n        await asyncio.sleep(1)\n        raise ValueError(\"x\")\n    \
except ValueError:\n        print(\"caught\")\n    finally:\n        print(\"closing\")\n        \
if True:\n            await asyncio.sleep(0.5)\n        print(\"closed\")\n",
    ));
    assert_eq!(construct, CONSTRUCT);
    assert_eq!(at, "await asyncio.sleep(0.5)");
}

/// A `finally` that does not await still runs in its drop guard.
#[test]
fn a_finally_that_does_not_await_still_translates() {
    let text = listing(&main_of(
        "    try:\n        await asyncio.sleep(1)\n    finally:\n        print(\"done\")\n",
    ));
    has_all(
        &text,
        &["let _finally = guard((), |_| {", "println!(\"done\");"],
    );
}

/// A task `wait_for` cancels is given a token: its cleanup awaits whole.
#[test]
fn a_finally_of_a_coroutine_given_a_token_keeps_its_await() {
    let text = listing(&format!(
        "{HEADER}async def upload():\n    try:\n        await asyncio.sleep(10)\n    finally:\n        \
print(\"rolling back\")\n        await asyncio.sleep(1)\n        print(\"rolled back\")\n\n\n\
async def main():\n    try:\n        await asyncio.wait_for(upload(), timeout=2)\n    \
except TimeoutError:\n        print(\"timed out\")\n{RUN}"
    ));
    has_all(
        &text,
        &[
            "() = token.cancelled() => true,",
            "sleep(Duration::from_secs(1)).await;",
            "cleanup.await;",
        ],
    );
    assert!(!text.contains("cannot await"), "{text}");
}

/// An async generator dropped at a `yield` spawns its cleanup, awaits
/// included.
#[test]
fn a_generators_finally_that_awaits_is_spawned_whole() {
    let text = listing(&format!(
        "{HEADER}async def gen():\n    try:\n        for i in range(3):\n            \
await asyncio.sleep(0.1)\n            yield i\n    finally:\n        print(\"start\")\n        \
await asyncio.sleep(0.2)\n        print(\"end\")\n\n\nasync def main():\n    \
async for x in gen():\n        if x == 1:\n            break\n    await asyncio.sleep(1)\n{RUN}"
    ));
    has_all(
        &text,
        &[
            "let cleanup = tokio::spawn(async move {",
            "sleep(Duration::from_millis(200)).await;",
        ],
    );
}

/// A reader's task cancelled while the generator awaits runs the cleanup
/// in place, in `Drop`: where the program cancels tasks, it is refused.
#[test]
fn a_generators_awaiting_finally_is_refused_where_a_reader_may_be_cancelled() {
    let (construct, reason, at) = refused(&format!(
        "{HEADER}async def gen():\n    try:\n        for i in range(10):\n            \
await asyncio.sleep(0.1)\n            yield i\n    finally:\n        print(\"start\")\n        \
await asyncio.sleep(0.2)\n        print(\"end\")\n\n\nasync def reader():\n    \
async for x in gen():\n        print(x)\n\n\nasync def main():\n    \
t = asyncio.create_task(reader())\n    await asyncio.sleep(0.25)\n    t.cancel()\n    \
try:\n        await t\n    except asyncio.CancelledError:\n        print(\"cancelled\")\n{RUN}"
    ));
    assert_eq!(
        construct,
        "an `await` in an async generator's `finally`, in a program that cancels tasks"
    );
    assert!(reason.contains("CancellationToken"), "{reason}");
    assert_eq!(at, "await asyncio.sleep(0.2)");
}
