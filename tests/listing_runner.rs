//! The Rust listing of `with asyncio.Runner() as runner:`: a current-thread
//! runtime of its own, and `block_on` for each `runner.run(...)`, also
//! inside an expression (as `loop.run_until_complete(...)` there).

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, has_all, listing, refused};

const WORK: &str = "async def work(n):\n    await asyncio.sleep(n)\n    return n * 10\n\n\n";

#[test]
fn each_run_of_a_runner_is_a_block_on_of_its_runtime() {
    let src = format!(
        "{HEADER}{WORK}with asyncio.Runner() as runner:\n    first = runner.run(work(1))\n    \
print(first, runner.run(work(2)))\n"
    );
    let text = listing(&src);
    has_all(
        &text,
        &[
            "    // `asyncio.Runner()`: a runtime of its own, dropped (closed) when the function returns.\n",
            "    let runner = tokio::runtime::Builder::new_current_thread()\n        .enable_all()\n",
            "    let first = runner.block_on(work(1));\n",
            "    let work_result2 = runner.block_on(work(2));\n    println!(\"{first} {work_result2}\");\n",
        ],
    );
    assert!(!text.contains("#[tokio::main"), "{text}");
    // Nothing is spawned out of a run: the runtime is not entered.
    assert!(!text.contains(".enter()"), "{text}");
}

#[test]
fn a_run_inside_an_expression_takes_a_variable_of_its_own() {
    let src = format!(
        "{HEADER}{WORK}loop = asyncio.new_event_loop()\nprint(loop.run_until_complete(work(1)))\n\
print(loop.run_until_complete(work(2)) + 1)\nloop.close()\n"
    );
    let text = listing(&src);
    has_all(
        &text,
        &[
            "    let work_result = r#loop.block_on(work(1));\n    println!(\"{work_result}\");\n",
            "    let work_result2 = r#loop.block_on(work(2));\n    println!(\"{}\", work_result2 + 1);\n",
        ],
    );
}

#[test]
fn a_runner_is_closed_after_its_block() {
    let src = format!(
        "{HEADER}{WORK}with asyncio.Runner() as runner:\n    print(runner.run(work(1)))\n\
print(runner.run(work(2)))\n"
    );
    let (construct, _, at) = refused(&src);
    assert_eq!(construct, "the call `runner.run(work(2))`");
    assert_eq!(at, "runner.run(work(2))");
}

#[test]
fn a_runner_with_arguments_is_refused_at_its_call() {
    let src = format!(
        "{HEADER}{WORK}with asyncio.Runner(debug=True) as runner:\n    print(runner.run(work(1)))\n"
    );
    let (construct, reason, at) = refused(&src);
    assert_eq!(construct, "this `asyncio.Runner`");
    assert!(reason.contains("no arguments"), "{reason}");
    assert_eq!(at, "asyncio.Runner(debug=True)");
}

#[test]
fn a_run_of_what_is_no_coroutine_call_is_refused_inside_an_expression() {
    let src =
        format!("{HEADER}{WORK}with asyncio.Runner() as runner:\n    print(runner.run(42))\n");
    let (construct, _, at) = refused(&src);
    assert_eq!(construct, "`run` of this");
    assert_eq!(at, "42");
}
