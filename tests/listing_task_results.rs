//! A task's result read after the task ended: the output its handle gave
//! once is kept for every later read.

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing, refused};

/// A coroutine that catches its cancellation and returns what it has.
const PATIENT: &str = "async def patient():\n    got = 0\n    try:\n        for _ in range(5):\n            \
await asyncio.sleep(1)\n            got += 1\n    except asyncio.CancelledError:\n        \
return f\"partial {got}\"\n    return f\"complete {got}\"\n\n\n";

#[test]
fn the_result_of_a_task_that_goes_on_after_its_cancellation_is_kept() {
    let src = format!(
        "{HEADER}{PATIENT}async def main():\n    t = asyncio.create_task(patient())\n    \
await asyncio.sleep(2.5)\n    t.cancel()\n    r = await t\n    print(r, t.result())\n{RUN}"
    );
    let text = listing(&src);
    has_all(
        &text,
        &[
            "    t_token.cancel();\n    // A handle gives its task's output once: kept for every read.\n    \
let t_output = t.await.unwrap();\n    let r = t_output.clone();\n",
            "println!(\"{r} {t_output}\");",
        ],
    );
    assert_eq!(text.matches(".await.unwrap()").count(), 1, "{text}");
}

#[test]
fn the_result_of_a_task_aborted_and_awaited_is_refused() {
    // Cancelled for good: `t.result()` raises the cancellation again.
    let src = format!(
        "{HEADER}async def work():\n    await asyncio.sleep(5)\n    return 1\n\n\n\
async def main():\n    t = asyncio.create_task(work())\n    await asyncio.sleep(1)\n    \
t.cancel()\n    try:\n        await t\n    except asyncio.CancelledError:\n        \
print(\"cancelled\")\n    print(t.result())\n{RUN}"
    );
    let (construct, _, at) = refused(&src);
    assert_eq!(
        construct,
        "`t.result()` of a task awaited or read elsewhere"
    );
    assert_eq!(at, "t");
}

#[test]
fn the_result_of_a_task_handed_to_gather_is_refused() {
    // `try_join_all` takes the handles: nothing is left to read.
    let src = format!(
        "{HEADER}async def work():\n    await asyncio.sleep(1)\n    return 1\n\n\n\
async def main():\n    a = asyncio.create_task(work())\n    b = asyncio.create_task(work())\n    \
await asyncio.gather(a, b)\n    print(a.result())\n{RUN}"
    );
    let (construct, _, at) = refused(&src);
    assert_eq!(
        construct,
        "`a.result()` of a task awaited or read elsewhere"
    );
    assert_eq!(at, "a");
}
