//! The Rust listing of asyncio's timeouts, shields and callbacks: what the
//! listing shows for each, and what it refuses, at its place.
//! (`tests/rust_listings.rs` builds and runs the corpus programs that use
//! them.)

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, listing, refused};

const LOOKUP: &str =
    "async def lookup(name):\n    await asyncio.sleep(1)\n    return name.upper()\n\n\n";

#[test]
fn an_uncaught_wait_for_returns_the_timeout_as_an_error() {
    let src = format!(
        "{HEADER}{LOOKUP}async def main():\n    found = await asyncio.wait_for(lookup(\"dns\"), timeout=2)\n    \
print(found)\n    await asyncio.wait_for(lookup(\"x\"), 0.5)\n{RUN}"
    );
    let text = listing(&src);
    for want in [
        "async fn main() -> Result<(), Error> {",
        "let found = match timeout(Duration::from_secs(2), lookup(\"dns\")).await {",
        "Ok(value) => value,",
        "if timeout(Duration::from_millis(500), lookup(\"x\"))\n        .await\n        .is_err()\n    {",
        "return Err(Error::TimeoutError(String::new()));",
        "    TimeoutError(String),",
    ] {
        assert!(text.contains(want), "{want}\n{text}");
    }
}

#[test]
fn wait_for_of_a_kept_coroutine_is_refused_where_it_stands() {
    let src = format!(
        "{HEADER}{LOOKUP}async def main():\n    c = lookup(\"a\")\n    \
await asyncio.wait_for(c, 1)\n{RUN}"
    );
    let (construct, reason, at) = refused(&src);
    assert_eq!(construct, "`asyncio.wait_for` of this");
    assert!(reason.contains("of a coroutine of the program"), "{reason}");
    assert_eq!(at, "asyncio.wait_for(c, 1)");
}

#[test]
fn a_timeout_block_is_one_future_under_timeout() {
    let src = format!(
        "{HEADER}{LOOKUP}async def main():\n    try:\n        async with asyncio.timeout(2):\n            \
await lookup(\"a\")\n            print(\"in time\")\n    except TimeoutError:\n        \
print(\"too late\")\n    async with asyncio.timeout(1.5):\n        await lookup(\"b\")\n{RUN}"
    );
    let text = listing(&src);
    for want in [
        "// The block is one future: at the deadline `timeout` drops it.",
        "let block = async {\n        lookup(\"a\").await;\n        println!(\"in time\");\n    };",
        "if timeout(Duration::from_secs(2), block).await.is_err() {\n        println!(\"too late\");\n    }",
        "if timeout(Duration::from_millis(1500), block).await.is_err() {\n        return Err(Error::TimeoutError(String::new()));",
    ] {
        assert!(text.contains(want), "{want}\n{text}");
    }
}

#[test]
fn a_timeout_block_that_assigns_is_refused() {
    let src = format!(
        "{HEADER}{LOOKUP}async def main():\n    async with asyncio.timeout(2):\n        \
x = await lookup(\"a\")\n    print(x)\n{RUN}"
    );
    let (construct, reason, at) = refused(&src);
    assert_eq!(construct, "this statement under `asyncio.timeout`");
    assert!(reason.contains("assign variables"), "{reason}");
    assert_eq!(at, "x = await lookup(\"a\")");
}

#[test]
fn a_shielded_call_is_a_task_whose_handle_is_awaited() {
    let src = format!(
        "{HEADER}{LOOKUP}async def main():\n    name = await asyncio.shield(lookup(\"a\"))\n    print(name)\n{RUN}"
    );
    let text = listing(&src);
    assert!(
        text.contains("let name = tokio::spawn(lookup(\"a\")).await.unwrap();"),
        "{text}"
    );
    assert!(text.contains("detaches the shielded task"), "{text}");
}

#[test]
fn callbacks_are_tasks_that_sleep_then_call() {
    let src = format!(
        "{HEADER}def tick(label):\n    print(label)\n\n\nasync def main():\n    \
loop = asyncio.get_running_loop()\n    loop.call_soon(tick, \"soon\")\n    \
h = loop.call_later(2, tick, \"later\")\n    await asyncio.sleep(1)\n    h.cancel()\n{RUN}"
    );
    let text = listing(&src);
    for want in [
        "tokio::spawn(async move {\n        tick(\"soon\");\n    });",
        "let h = tokio::spawn(async move {\n        sleep(Duration::from_secs(2)).await;\n        tick(\"later\");\n    });",
        "h.abort();",
    ] {
        assert!(text.contains(want), "{want}\n{text}");
    }
}

#[test]
fn a_callback_that_is_not_a_plain_function_is_refused() {
    let src = format!(
        "{HEADER}async def main():\n    loop = asyncio.get_running_loop()\n    \
loop.call_soon(print, \"x\")\n    await asyncio.sleep(1)\n{RUN}"
    );
    let (construct, _, at) = refused(&src);
    assert_eq!(construct, "`call_soon` of this");
    assert_eq!(at, "print");
}

#[test]
fn cancelled_reads_a_flag_kept_beside_the_handle() {
    let src = format!(
        "{HEADER}{LOOKUP}async def main():\n    t = asyncio.create_task(lookup(\"a\"))\n    \
u = asyncio.create_task(lookup(\"b\"))\n    await asyncio.sleep(0.5)\n    t.cancel()\n    \
await asyncio.sleep(1)\n    print(t.cancelled(), u.done())\n{RUN}"
    );
    let text = listing(&src);
    for want in [
        "let t = tokio::spawn(lookup(\"a\"));\n    // A handle does not say how its task ended: remember an abort.\n    let mut t_aborted = false;",
        "t_aborted |= !t.is_finished();\n    t.abort();",
        "if t_aborted && t.is_finished() {",
    ] {
        assert!(text.contains(want), "{want}\n{text}");
    }
    // A task whose `cancelled()` is never read keeps no flag.
    assert!(!text.contains("u_aborted"), "{text}");
}

#[test]
fn cancelled_of_a_task_handed_to_a_call_is_refused() {
    let src = format!(
        "{HEADER}{LOOKUP}async def waiter(t):\n    await t\n\n\nasync def main():\n    \
t = asyncio.create_task(lookup(\"a\"))\n    w = asyncio.create_task(waiter(t))\n    \
w.cancel()\n    await asyncio.sleep(2)\n    print(t.cancelled())\n{RUN}"
    );
    let (construct, reason, at) = refused(&src);
    assert_eq!(construct, "`t.cancelled()` of a task handed to a call");
    assert!(reason.contains("no handle left"), "{reason}");
    assert_eq!(at, "t");
}

#[test]
fn call_at_sleeps_until_its_time_on_the_loops_clock() {
    let src = format!(
        "{HEADER}def tick(label):\n    print(label)\n\n\nasync def main():\n    \
loop = asyncio.get_running_loop()\n    loop.call_at(loop.time() + 2, tick, \"at\")\n    \
await asyncio.sleep(3)\n{RUN}"
    );
    let text = listing(&src);
    for want in [
        "LazyLock::force(&START);",
        "let delay = (START.elapsed().as_secs_f64() + 2.0 - START.elapsed().as_secs_f64()).max(0.0);",
        "sleep(Duration::from_secs_f64(delay)).await;\n        tick(\"at\");",
    ] {
        assert!(text.contains(want), "{want}\n{text}");
    }
}

#[test]
fn timeout_at_a_time_from_the_loops_clock_is_tokios_timeout_at() {
    let src = format!(
        "{HEADER}{LOOKUP}async def main():\n    loop = asyncio.get_running_loop()\n    try:\n        \
async with asyncio.timeout_at(loop.time() + 2):\n            await lookup(\"a\")\n    \
except TimeoutError:\n        print(\"too late\")\n{RUN}"
    );
    let text = listing(&src);
    for want in [
        "use tokio::time::{Instant, sleep, timeout_at};",
        "// The block is one future: at the deadline `timeout_at` drops it.",
        "if timeout_at(Instant::now() + Duration::from_secs(2), block)",
    ] {
        assert!(text.contains(want), "{want}\n{text}");
    }
}

#[test]
fn timeout_at_another_deadline_is_refused() {
    let src = format!(
        "{HEADER}{LOOKUP}async def main():\n    loop = asyncio.get_running_loop()\n    \
when = loop.time() + 2\n    async with asyncio.timeout_at(when):\n        await lookup(\"a\")\n{RUN}"
    );
    let (construct, reason, at) = refused(&src);
    assert_eq!(construct, "this deadline of `asyncio.timeout_at`");
    assert!(
        reason.contains("timeout_at(loop.time() + delay)"),
        "{reason}"
    );
    assert_eq!(at, "when");
}

#[test]
fn wait_for_inside_an_expression_runs_first_into_a_variable() {
    let src = format!(
        "{HEADER}{LOOKUP}async def main():\n    print(\"got\", await asyncio.wait_for(lookup(\"a\"), timeout=2))\n{RUN}"
    );
    let text = listing(&src);
    for want in [
        "let lookup_result = match timeout(Duration::from_secs(2), lookup(\"a\")).await {",
        "return Err(Error::TimeoutError(String::new()));",
        "println!(\"got {lookup_result}\");",
    ] {
        assert!(text.contains(want), "{want}\n{text}");
    }
}

#[test]
fn a_wait_for_in_the_timeout_of_another_is_waited_first() {
    let src = format!(
        "{HEADER}{LOOKUP}async def limit():\n    await asyncio.sleep(0)\n    return 5\n\n\n\
async def main():\n    \
print(await asyncio.wait_for(lookup(\"a\"), await asyncio.wait_for(limit(), 1)))\n{RUN}"
    );
    let text = listing(&src);
    let inner = text.find("limit()").expect("the inner wait");
    let outer = text.find("lookup(\"a\")").expect("the outer wait");
    assert!(inner < outer, "{text}");
}
