//! The Rust listing of an event loop that the program makes and runs
//! itself (`asyncio.new_event_loop()`, `loop.run_until_complete(...)`,
//! `loop.close()`): a current-thread runtime built by hand, and
//! `block_on` for each run. (`tests/rust_listings.rs` builds and runs the
//! corpus programs that use it, with `.start_paused(true)` added to the
//! builder.)

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, listing};

const WORK: &str = "async def work(n):\n    await asyncio.sleep(n)\n    return n * 10\n\n\n";

/// The lines that build the runtime `loop`.
const BUILDER: &str = "    let r#loop = tokio::runtime::Builder::new_current_thread()\n        \
.enable_all()\n        .build()\n        .unwrap();\n";

#[test]
fn each_run_is_a_block_on_of_one_runtime() {
    let src = format!(
        "{HEADER}{WORK}loop = asyncio.new_event_loop()\nfirst = loop.run_until_complete(work(1))\n\
second = loop.run_until_complete(work(2))\nprint(first, second)\nloop.close()\n"
    );
    let text = listing(&src);
    for want in [
        BUILDER,
        "    let first = r#loop.block_on(work(1));\n    let second = r#loop.block_on(work(2));\n",
        "async fn work(n: i64) -> i64 {",
        // `loop.close()`: dropping the runtime where `main` ends closes it.
        "    println!(\"{first} {second}\");\n}\n",
    ] {
        assert!(text.contains(want), "{want}\n{text}");
    }
    // One runtime for both runs, and no `#[tokio::main]` beside it.
    assert_eq!(
        text.matches("Builder::new_current_thread()").count(),
        1,
        "{text}"
    );
    assert!(!text.contains("#[tokio::main"), "{text}");
    assert!(!text.contains("async fn run<"), "{text}");
}

#[test]
fn a_gather_runs_in_an_async_block_that_hands_out_its_value() {
    let src = format!(
        "{HEADER}{WORK}def main():\n    loop = asyncio.get_event_loop()\n    \
results = loop.run_until_complete(asyncio.gather(work(1), work(2)))\n    \
print(results)\n    loop.close()\n\n\nmain()\n"
    );
    let text = listing(&src);
    let want = "    let results = r#loop.block_on(async {\n        \
let (a, b) = tokio::join!(biased; work(1), work(2));\n        \
let results = vec![a, b];\n        results\n    });\n";
    assert!(text.contains(want), "{want}\n{text}");
    assert!(text.contains(BUILDER), "{text}");
}

#[test]
fn the_loop_clock_between_runs_reads_the_runtime_clock() {
    let src = format!(
        "{HEADER}{WORK}loop = asyncio.new_event_loop()\nx = loop.run_until_complete(work(2))\n\
print(x, loop.time())\nloop.close()\n"
    );
    let text = listing(&src);
    // The clock starts once the runtime (paused in the test build) exists,
    // inside its context, which stays entered for the reads between runs.
    let want = format!(
        "{BUILDER}    // `loop.time()` between runs reads the runtime's clock: enter it.\n    \
let _context = r#loop.enter();\n    // The clock of `loop.time()` starts here.\n    \
LazyLock::force(&START);\n"
    );
    assert!(text.contains(&want), "{want}\n{text}");
    assert_eq!(
        text.matches("LazyLock::force(&START);").count(),
        1,
        "{text}"
    );
    assert!(
        text.contains("println!(\"{x} {:?}\", START.elapsed().as_secs_f64());"),
        "{text}"
    );
}

#[test]
fn the_running_loop_of_a_coroutine_is_not_a_runtime() {
    // `asyncio.run(main())` is `#[tokio::main]`; the loop `main` reads is its runtime.
    let src = format!(
        "{HEADER}{WORK}async def main():\n    loop = asyncio.get_running_loop()\n    \
x = await work(1)\n    print(x, loop.time())\n\n\nasyncio.run(main())\n"
    );
    let text = listing(&src);
    assert!(!text.contains("Builder::new_current_thread"), "{text}");
    assert!(
        text.contains("#[tokio::main(flavor = \"current_thread\")]"),
        "{text}"
    );
}

#[test]
fn run_forever_blocks_on_the_stop_a_callback_notifies() {
    let src = format!(
        "{HEADER}def tick(n, loop):\n    print(\"tick\", n)\n    if n < 3:\n        \
loop.call_later(1, tick, n + 1, loop)\n    else:\n        loop.stop()\n\n\n\
loop = asyncio.new_event_loop()\nloop.call_soon(tick, 1, loop)\ntry:\n    loop.run_forever()\n\
finally:\n    loop.close()\n"
    );
    let text = listing(&src);
    for want in [
        "static STOP: Notify = Notify::const_new();",
        // The loop is the task's context, not a parameter.
        "fn tick(n: i64) {",
        "            tick(n + 1);\n",
        "    } else {\n        STOP.notify_one();\n    }\n",
        "    let _context = r#loop.enter();\n",
        "    tokio::spawn(async move {\n        tick(1);\n    });\n",
        // `finally: loop.close()` needs nothing: the runtime drops at the end.
        "    r#loop.block_on(STOP.notified());\n}\n",
    ] {
        assert!(text.contains(want), "{want}\n{text}");
    }
    assert!(!text.contains("guard("), "{text}");
}

#[test]
fn a_loop_handed_to_a_callback_must_be_the_callers_loop() {
    let src = format!(
        "{HEADER}def halt(loop):\n    loop.stop()\n\n\n\
def main():\n    loop = asyncio.new_event_loop()\n    loop.call_soon(halt, loop)\n    \
halt(3)\n    loop.run_forever()\n\n\nmain()\n"
    );
    let (construct, reason, at) = support::refused(&src);
    assert_eq!(construct, "this argument");
    assert!(reason.contains("passes no event loop"), "{reason}");
    assert_eq!(at, "3");
}

#[test]
fn a_gather_made_outside_a_new_loop_is_refused() {
    // CPython: "The future belongs to a different loop than the one specified".
    let src = format!(
        "{HEADER}{WORK}loop = asyncio.new_event_loop()\n\
both = loop.run_until_complete(asyncio.gather(work(1), work(2)))\nprint(both)\n"
    );
    let (construct, reason, at) = support::refused(&src);
    assert_eq!(
        construct,
        "`asyncio.gather(...)` made outside the loop it runs on"
    );
    assert!(reason.contains("CPython raises ValueError"), "{reason}");
    assert_eq!(at, "asyncio.gather(work(1), work(2))");
}
