//! The Rust listing of `asyncio.run_coroutine_threadsafe(f(...), loop)` in
//! an executor's job given the running loop: the job is a task, the
//! coroutine a task it spawns, and `result()` awaits its output.

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, has_all, listing, refused};

const ADD: &str = "async def add(a, b):\n    await asyncio.sleep(1)\n    return a + b\n\n\n";

/// A program whose job `job(loop)` runs `body` (indented by four spaces),
/// handed to `asyncio.to_thread` by `main`.
fn job_program(body: &str) -> String {
    format!(
        "{HEADER}{ADD}def job(loop):\n{body}\n\nasync def main():\n    \
loop = asyncio.get_running_loop()\n    print(await asyncio.to_thread(job, loop))\n\n\n\
asyncio.run(main())\n"
    )
}

#[test]
fn a_kept_future_is_a_task_the_job_awaits() {
    let text = listing(&job_program(
        "    future = asyncio.run_coroutine_threadsafe(add(1, 2), loop)\n    \
print(\"waiting\")\n    return future.result()\n",
    ));
    has_all(
        &text,
        &[
            "async fn job() -> i64 {\n",
            "    let future = tokio::spawn(add(1, 2));\n    println!(\"waiting\");\n",
            "    future.await.unwrap()\n",
            "tokio::spawn(job()).await.unwrap();\n",
        ],
    );
    // The loop is no parameter: the task runs on the runtime that spawned it.
    assert!(!text.contains("r#loop"), "{text}");
}

#[test]
fn a_result_waited_for_at_once_is_the_coroutine_awaited() {
    let text = listing(&job_program(
        "    total = asyncio.run_coroutine_threadsafe(add(1, 2), loop).result()\n    \
return total * 10\n",
    ));
    has_all(
        &text,
        &["    let total = add(1, 2).await;\n    total * 10\n"],
    );
}

#[test]
fn run_coroutine_threadsafe_from_the_loop_itself_read_at_once_is_refused() {
    let src = format!(
        "{HEADER}{ADD}async def main():\n    loop = asyncio.get_running_loop()\n    \
print(asyncio.run_coroutine_threadsafe(add(1, 2), loop).result())\n\n\nasyncio.run(main())\n"
    );
    let (construct, reason, at) = refused(&src);
    assert_eq!(
        construct,
        "`asyncio.run_coroutine_threadsafe` on the loop's own thread"
    );
    assert!(reason.contains("block the loop that runs it"), "{reason}");
    assert_eq!(at, "asyncio.run_coroutine_threadsafe(add(1, 2), loop)");
}

#[test]
fn a_job_also_called_directly_is_refused() {
    let src = format!(
        "{HEADER}{ADD}def job(loop):\n    \
return asyncio.run_coroutine_threadsafe(add(1, 2), loop).result()\n\n\n\
async def main():\n    loop = asyncio.get_running_loop()\n    \
print(await asyncio.to_thread(job, loop))\n    job(loop)\n\n\nasyncio.run(main())\n"
    );
    let (construct, _, at) = refused(&src);
    assert_eq!(construct, "this `asyncio.run_coroutine_threadsafe`");
    assert_eq!(at, "asyncio.run_coroutine_threadsafe(add(1, 2), loop)");
}

#[test]
fn running_what_is_no_coroutine_call_is_refused() {
    let (construct, _, at) = refused(&job_program(
        "    coro = add(1, 2)\n    return asyncio.run_coroutine_threadsafe(coro, loop).result()\n",
    ));
    assert_eq!(construct, "running this on the loop");
    assert_eq!(at, "coro");
}

const FAIL: &str =
    "async def fail(n):\n    await asyncio.sleep(n)\n    raise ValueError(f\"bad {n}\")\n\n\n";

#[test]
fn a_result_waited_for_as_a_statement_raises_what_the_coroutine_raised() {
    let src = format!(
        "{HEADER}{FAIL}def job(loop):\n    \
future = asyncio.run_coroutine_threadsafe(fail(1), loop)\n    \
try:\n        future.result()\n    except ValueError as e:\n        print(repr(e))\n    \
return asyncio.run_coroutine_threadsafe(fail(2), loop).result()\n\n\n\
async def main():\n    loop = asyncio.get_running_loop()\n    \
await asyncio.to_thread(job, loop)\n\n\nasyncio.run(main())\n"
    );
    let text = listing(&src);
    has_all(
        &text,
        &[
            "async fn job() -> Result<(), Error> {\n",
            "        future.await.unwrap()?;\n",
            // The run of a coroutine that gives `None` is still made.
            "    fail(Duration::from_secs(2)).await?;\n    Ok(())\n}\n",
        ],
    );
}
