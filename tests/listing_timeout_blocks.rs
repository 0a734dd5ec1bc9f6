//! What `async with asyncio.timeout(...)` blocks show: the exception an
//! `except TimeoutError as e` names around them.

#[path = "support/listing.rs"]
mod support;
use support::{fetch_program, has_all, listing, refused};

/// The handler's `e` is the deadline's `TimeoutError`, which has no message.
#[test]
fn the_timeout_error_named_by_the_handler_is_written_as_python_writes_it() {
    let text = listing(&fetch_program(
        "    try:\n        async with asyncio.timeout(1):\n            await fetch(\"a\", 5)\n    except TimeoutError as e:\n        print(\"timed out:\", repr(e), type(e).__name__)\n",
    ));
    has_all(
        &text,
        &[
            "    if timeout(Duration::from_secs(1), block).await.is_err() {\n",
            "        println!(\"timed out: TimeoutError() TimeoutError\");\n",
        ],
    );
}

const SLOW: &str = "async def slow():\n    await asyncio.sleep(5)\n\n\n";

fn timed(main: &str) -> String {
    format!(
        "import asyncio\n\n\n{SLOW}async def main():\n    loop = asyncio.get_running_loop()\n{main}\n\nasyncio.run(main())\n"
    )
}

/// Inside its block the timeout is active: its deadline is the loop's
/// clock at the start plus the delay; after a handler took its
/// `TimeoutError`, a kept `bool` says whether it expired.
#[test]
fn a_timeout_bound_with_as_is_read_where_python_reads_it() {
    let text = listing(&timed(
        "    try:\n        async with asyncio.timeout(1) as cm:\n            print(repr(cm), cm.when())\n            await slow()\n    except TimeoutError as e:\n        print(cm.expired(), type(e.__cause__).__name__)\n    print(repr(cm), cm.expired())\n",
    ));
    has_all(
        &text,
        &[
            "    let cm_when = START.elapsed().as_secs_f64() + 1.0;\n",
            "            \"<Timeout [active] when={}> {}\",\n",
            "            float_repr(cm_when)\n",
            "    let cm_expired = timeout(Duration::from_secs(1), block).await.is_err();\n    if cm_expired {\n        println!(\"True CancelledError\");\n    }\n",
            "        if cm_expired {\n            \"<Timeout [expired]>\"\n        } else {\n            \"<Timeout [finished]>\"\n        },\n        if cm_expired { \"True\" } else { \"False\" }\n",
        ],
    );
}

/// A block without a handler around it can only go on in time.
#[test]
fn after_a_block_whose_timeout_goes_on_up_the_timeout_has_finished() {
    let text = listing(&timed(
        "    async with asyncio.timeout(3) as cm:\n        await asyncio.sleep(1)\n    print(cm.expired(), repr(cm))\n",
    ));
    has_all(
        &text,
        &[
            "    if timeout(Duration::from_secs(3), sleep(Duration::from_secs(1)))",
            "    println!(\"False <Timeout [finished]>\");\n",
        ],
    );
    assert!(!text.contains("cm_when"), "{text}");
}

/// `asyncio.timeout(None)` sets no deadline: the block is its statements.
#[test]
fn a_timeout_of_none_runs_its_block_as_it_is() {
    let text = listing(&timed(
        "    async with asyncio.timeout(None) as cm:\n        print(repr(cm), cm.when())\n        await asyncio.sleep(2)\n    print(\"done\", cm.expired())\n",
    ));
    has_all(
        &text,
        &[
            "    // `asyncio.timeout(None)` sets no deadline: the block runs as it is.\n    println!(\"<Timeout [active] when=None> None\");\n    sleep(Duration::from_secs(2)).await;\n    println!(\"done False\");\n",
        ],
    );
    assert!(!text.contains("timeout(Duration"), "{text}");
}

#[test]
fn a_timeout_bound_inside_a_loop_is_refused() {
    let (construct, _, at) = refused(&timed(
        "    for i in range(2):\n        async with asyncio.timeout(1) as cm:\n            await asyncio.sleep(i)\n        print(cm.expired())\n",
    ));
    assert_eq!(construct, "`asyncio.timeout(...) as` inside a block");
    assert_eq!(at, "asyncio.timeout(1)");
}

#[test]
fn a_timeout_name_bound_again_is_refused() {
    let (construct, _, at) = refused(&timed(
        "    async with asyncio.timeout(1) as cm:\n        await asyncio.sleep(0)\n    cm = 5\n    print(cm)\n",
    ));
    assert_eq!(construct, "`cm` bound again");
    assert_eq!(at, "cm = 5");
}

#[test]
fn a_timeout_used_as_a_value_is_refused() {
    let (construct, reason, at) = refused(&timed(
        "    async with asyncio.timeout(1) as cm:\n        await asyncio.sleep(0)\n    print(cm)\n",
    ));
    assert_eq!(construct, "the timeout used as a value");
    assert!(reason.contains("no `Timeout` object"), "{reason}");
    assert_eq!(at, "cm");
}

#[test]
fn rescheduling_a_timeout_is_refused() {
    let (construct, _, at) = refused(&timed(
        "    async with asyncio.timeout(1) as cm:\n        cm.reschedule(loop.time() + 5)\n        await asyncio.sleep(2)\n",
    ));
    assert_eq!(construct, "the call `cm.reschedule(loop.time() + 5)`");
    assert_eq!(at, "cm.reschedule(loop.time() + 5)");
}

/// No `TimeoutError` comes of a timeout without a deadline.
#[test]
fn a_timeout_of_none_inside_a_try_taking_its_timeout_error_is_refused() {
    let (construct, _, at) = refused(&timed(
        "    try:\n        async with asyncio.timeout(None):\n            await asyncio.sleep(2)\n    except TimeoutError:\n        print(\"never\")\n",
    ));
    assert_eq!(
        construct,
        "`asyncio.timeout(None)` inside `try ... except TimeoutError`"
    );
    assert_eq!(at, "None");
}

/// Before its block, `cm` is not bound yet.
#[test]
fn a_timeout_read_before_its_block_is_refused() {
    let (construct, _, at) = refused(&timed(
        "    if loop.time() > 5:\n        print(cm.expired())\n    async with asyncio.timeout(1) as cm:\n        await asyncio.sleep(0)\n",
    ));
    assert_eq!(construct, "the timeout read before its block");
    assert_eq!(at, "cm.expired()");
}

/// asyncio's deadline fires before a sleep ending at the same instant;
/// Tokio's `timeout` would let the block go on: the deadline is polled
/// first.
#[test]
fn a_deadline_tying_a_sleep_of_an_awaited_coroutine_is_polled_first() {
    let text = listing(&fetch_program(
        "    try:\n        async with asyncio.timeout(1.5):\n            await asyncio.sleep(0.5)\n            await fetch(\"a\", 1)\n    except TimeoutError:\n        print(\"timed out\")\n",
    ));
    has_all(
        &text,
        &[
            "    // At a tie asyncio's deadline fires first: it is polled first.\n    // The block is one future: at the deadline `timeout_first` drops it.\n",
            "    if timeout_first(Duration::from_millis(1500), block)\n",
            "async fn timeout_first<T>(\n",
        ],
    );
}

#[test]
fn a_deadline_tying_a_lone_sleep_is_polled_first() {
    let text = listing(&fetch_program(
        "    async with asyncio.timeout_at(asyncio.get_running_loop().time() + 2):\n        await asyncio.sleep(2)\n",
    ));
    has_all(
        &text,
        &["    if timeout_first(Duration::from_secs(2), sleep(Duration::from_secs(2)))\n"],
    );
    assert!(!text.contains("Instant"), "{text}");
}

/// Sleeps ending before or after the deadline, and a past deadline
/// before a sleep of no time, tie nothing.
#[test]
fn a_deadline_between_sleeps_translates() {
    let text = listing(&fetch_program(
        "    try:\n        async with asyncio.timeout(1.5):\n            await asyncio.sleep(0.5)\n            await fetch(\"a\", 2)\n    except TimeoutError:\n        print(\"timed out\")\n    try:\n        async with asyncio.timeout(0):\n            await asyncio.sleep(0)\n    except TimeoutError:\n        print(\"past\")\n",
    ));
    has_all(
        &text,
        &[
            "    if timeout(Duration::from_millis(1500), block).await.is_err() {",
            "if timeout(Duration::ZERO, block).await.is_err() {",
        ],
    );
}

/// A work that goes on after its cancellation watches a token instead:
/// there the tie is refused.
#[test]
fn a_wait_for_tie_of_a_work_given_a_token_is_refused() {
    let source = "import asyncio\n\n\nasync def work(seconds):\n    try:\n        await asyncio.sleep(seconds)\n    except asyncio.CancelledError:\n        print(\"cancelled\")\n        return -1\n    return seconds\n\n\nasync def main():\n    try:\n        v = await asyncio.wait_for(work(1), timeout=1)\n        print(v)\n    except TimeoutError:\n        print(\"timeout\")\n\n\nasyncio.run(main())\n";
    let program = asynclings::python::load("x.py", source).expect("loads");
    let text = asynclings::render::rust::render_program(&program).text();
    has_all(
        &text,
        &["// x.py:15:53: a `wait_for` whose timeout ties the work's sleep"],
    );
}
