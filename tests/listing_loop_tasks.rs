//! `loop.create_task(f(...))` on an event loop a plain function made, out
//! of its runs: a task spawned on the runtime, which runs only while the
//! runtime runs; the next run yields to it first, as asyncio runs the
//! loop's tasks before the run's awaitable.

#[path = "support/listing.rs"]
mod support;

use support::{has_all, listing, refusal};

/// A worker and a job, each printing before it first awaits.
const DEFS: &str = "import asyncio\n\n\nasync def worker():\n    print(\"worker\")\n    \
await asyncio.sleep(1)\n\n\nasync def job():\n    print(\"job\")\n    \
await asyncio.sleep(2)\n    return 7\n\n\n";

/// The module's statements after [`DEFS`]: a loop made, `body`, closed.
fn program(body: &str) -> String {
    format!("{DEFS}loop = asyncio.new_event_loop()\n{body}loop.close()\n")
}

#[test]
fn a_task_of_the_loop_is_spawned_on_the_runtime_and_the_next_run_yields_to_it() {
    let text = listing(&program(
        "loop.create_task(worker())\nresult = loop.run_until_complete(job())\nprint(result)\n",
    ));
    has_all(
        &text,
        &[
            "// A task of this runtime: it runs only while the runtime runs.\n    \
r#loop.spawn(worker());",
            "let result = r#loop.block_on(async {\n        \
// asyncio runs the loop's tasks first: yield to them.\n        \
tokio::task::yield_now().await;\n        job().await\n    });",
        ],
    );
}

#[test]
fn only_the_run_right_after_the_spawn_yields() {
    let text = listing(&program(
        "loop.create_task(worker())\nloop.run_until_complete(job())\n\
loop.run_until_complete(job())\n",
    ));
    assert_eq!(text.matches("yield_now()").count(), 1, "{text}");
    assert!(text.contains("r#loop.block_on(job());"), "{text}");
}

#[test]
fn a_run_without_a_task_made_before_does_not_yield() {
    let text = listing(&program("loop.run_until_complete(job())\n"));
    assert!(!text.contains("yield_now"), "{text}");
    assert!(!text.contains(".spawn("), "{text}");
}

#[test]
fn a_task_of_a_plain_function_is_refused() {
    let source = program("loop.create_task(print(\"x\"))\n");
    assert_eq!(refusal(&source), "this task of an event loop");
}

#[test]
fn a_task_of_the_loop_kept_in_a_variable_is_refused() {
    let source = program("t = loop.create_task(worker())\nloop.run_until_complete(job())\n");
    assert!(
        refusal(&source).contains("loop.create_task"),
        "{}",
        refusal(&source)
    );
}

#[test]
fn a_task_that_raises_is_refused() {
    let source = program("loop.create_task(worker())\nloop.run_until_complete(job())\n").replace(
        "    await asyncio.sleep(1)\n\n\nasync def job",
        "    await asyncio.sleep(1)\n    raise ValueError(\"no\")\n\n\nasync def job",
    );
    // asyncio logs what it raises; the listing would drop the `Err`.
    assert_eq!(refusal(&source), "an exception of `worker` here");
}
