//! The Rust listing of what a job reads of a future of
//! `asyncio.run_coroutine_threadsafe`: `result(timeout=...)` (Tokio's
//! `timeout` over the borrowed handle, the task going on at the deadline),
//! `done()`, and a second future set in the same variable.

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, has_all, listing, refused};

const ADD: &str = "async def add(a, b):\n    await asyncio.sleep(1)\n    return a + b\n\n\n";
const WORD: &str = "async def word(n):\n    await asyncio.sleep(1)\n    return \"x\" * n\n\n\n";

/// A program whose job `job(loop)` runs `body` (indented by four spaces),
/// handed to `asyncio.to_thread` by `main`.
fn job_program(body: &str) -> String {
    format!(
        "{HEADER}{ADD}{WORD}def job(loop):\n{body}\n\nasync def main():\n    \
loop = asyncio.get_running_loop()\n    print(await asyncio.to_thread(job, loop))\n\n\n\
asyncio.run(main())\n"
    )
}

#[test]
fn a_result_with_a_timeout_borrows_the_handle_and_lets_the_task_go_on() {
    let text = listing(&job_program(
        "    future = asyncio.run_coroutine_threadsafe(add(1, 2), loop)\n    \
value = future.result(timeout=5)\n    print(value, future.done())\n    return value\n",
    ));
    has_all(
        &text,
        &[
            "async fn job() -> Result<i64, Error> {\n",
            "    let mut future = tokio::spawn(add(1, 2));\n",
            "    // `Elapsed` ends the wait, not the task, and `TimeoutError` goes on up.\n",
            "    let value = match timeout(Duration::from_secs(5), &mut future).await {\n",
            "        Ok(output) => output.unwrap(),\n",
            "        Err(_) => {\n            return Err(Error::TimeoutError(String::new()));\n",
            "future.is_finished()",
            "tokio::spawn(job()).await.unwrap()?;\n",
        ],
    );
    // asyncio does not cancel the coroutine when `result` times out.
    assert!(!text.contains(".abort()"), "{text}");
}

#[test]
fn a_result_with_a_positional_timeout_as_a_statement() {
    let text = listing(&job_program(
        "    future = asyncio.run_coroutine_threadsafe(add(1, 2), loop)\n    \
future.result(0.5)\n    return 0\n",
    ));
    has_all(
        &text,
        &[
            "    let _ = match timeout(Duration::from_millis(500), &mut future).await {\n",
            "        Ok(output) => output.unwrap(),\n",
        ],
    );
}

#[test]
fn a_second_future_of_the_same_coroutine_is_set_in_the_variable() {
    let text = listing(&job_program(
        "    future = asyncio.run_coroutine_threadsafe(add(1, 2), loop)\n    \
value = future.result()\n    future = asyncio.run_coroutine_threadsafe(add(value, 4), loop)\n    \
print(future.done())\n    return future.result()\n",
    ));
    has_all(
        &text,
        &[
            "    let mut future = tokio::spawn(add(1, 2));\n",
            "    let value = future.await.unwrap();\n",
            "    future = tokio::spawn(add(value, 4));\n",
            "future.is_finished()",
            "    future.await.unwrap()\n}\n",
        ],
    );
}

#[test]
fn a_second_future_of_another_coroutine_in_the_variable_is_refused() {
    let (construct, reason, at) = refused(&job_program(
        "    future = asyncio.run_coroutine_threadsafe(add(1, 2), loop)\n    \
print(future.result())\n    future = asyncio.run_coroutine_threadsafe(word(3), loop)\n    \
return future.result()\n",
    ));
    assert_eq!(construct, "a second future kept in `future`");
    assert!(reason.contains("same coroutine"), "{reason}");
    assert_eq!(at, "asyncio.run_coroutine_threadsafe(word(3), loop)");
}

#[test]
fn a_second_future_in_the_variable_inside_a_loop_is_refused() {
    let (construct, _, at) = refused(&job_program(
        "    future = asyncio.run_coroutine_threadsafe(add(1, 2), loop)\n    \
for i in range(2):\n        print(future.result())\n        \
future = asyncio.run_coroutine_threadsafe(add(i, 2), loop)\n    return 0\n",
    ));
    assert_eq!(construct, "a second future kept in `future`");
    assert_eq!(at, "asyncio.run_coroutine_threadsafe(add(i, 2), loop)");
}

#[test]
fn a_future_read_with_a_timeout_and_again_is_a_shared_handle() {
    let text = listing(&job_program(
        "    future = asyncio.run_coroutine_threadsafe(add(1, 2), loop)\n    \
try:\n        future.result(timeout=0.5)\n    except TimeoutError:\n        \
print(\"not yet\", future.done())\n    return future.result()\n",
    ));
    has_all(
        &text,
        &[
            "use futures::FutureExt;\n",
            "    let future = tokio::spawn(add(1, 2)).map(Result::unwrap).shared();\n",
            "match timeout(Duration::from_millis(500), future.clone()).await {\n",
            "            Ok(output) => output,\n",
            "    if let Err(err) = caught {\n",
            "            Error::TimeoutError(_) => {\n",
            "future.clone().now_or_never().is_some()",
            "    Ok(future.clone().await)\n",
        ],
    );
    assert!(!text.contains("let mut future"), "{text}");
}

#[test]
fn concurrent_futures_timeout_error_is_the_built_in_one() {
    let src = job_program(
        "    future = asyncio.run_coroutine_threadsafe(add(1, 2), loop)\n    \
try:\n        value = future.result(timeout=0.5)\n        print(value)\n    \
except concurrent.futures.TimeoutError as e:\n        print(type(e).__name__, repr(e))\n    \
return 0\n",
    )
    .replacen(
        "import asyncio\n",
        "import asyncio\nimport concurrent.futures\n",
        1,
    );
    let text = listing(&src);
    has_all(
        &text,
        &[
            "match timeout(Duration::from_millis(500), &mut future).await {\n",
            "            err @ Error::TimeoutError(_) => {\n",
            "println!(\"TimeoutError {e_repr}\");",
        ],
    );
}

#[test]
fn a_result_read_twice_once_the_variable_was_set_again_is_refused() {
    let (construct, _, at) = refused(&job_program(
        "    future = asyncio.run_coroutine_threadsafe(add(1, 2), loop)\n    \
value = future.result()\n    future = asyncio.run_coroutine_threadsafe(add(value, 4), loop)\n    \
print(future.result())\n    return future.result()\n",
    ));
    assert_eq!(construct, "a second read of `future.result(...)`");
    assert_eq!(at, "future.result()");
}

#[test]
fn a_result_with_a_timeout_inside_an_expression_is_refused() {
    let (construct, reason, at) = refused(&job_program(
        "    future = asyncio.run_coroutine_threadsafe(add(1, 2), loop)\n    \
return future.result(timeout=5) * 10\n",
    ));
    assert_eq!(
        construct,
        "`future.result(timeout=...)` inside an expression"
    );
    assert!(reason.contains("statement of its own"), "{reason}");
    assert_eq!(at, "future.result(timeout=5)");
}

/// A job whose future's coroutine `fail(n)` raises `ValueError`.
fn failing_job(body: &str) -> String {
    format!(
        "{HEADER}async def fail(n):\n    await asyncio.sleep(n)\n    \
raise ValueError(f\"bad {{n}}\")\n\n\ndef job(loop):\n{body}\n\nasync def main():\n    \
loop = asyncio.get_running_loop()\n    print(await asyncio.to_thread(job, loop))\n\n\n\
asyncio.run(main())\n"
    )
}

#[test]
fn the_repr_of_a_futures_exception_read_after_its_result() {
    let text = listing(&failing_job(
        "    future = asyncio.run_coroutine_threadsafe(fail(1), loop)\n    try:\n        \
future.result()\n    except ValueError as e:\n        print(\"caught\", repr(e))\n    \
print(repr(future.exception()))\n    return 0\n",
    ));
    has_all(
        &text,
        &[
            "#[derive(Debug, Clone)]\nenum Error {\n",
            "    fn to_repr(&self) -> String {\n",
            "    let future = tokio::spawn(fail(Duration::from_secs(1)))\n        \
.map(Result::unwrap)\n        .shared();\n",
            "        future.clone().await?;\n",
            ".err()",
            ".map_or_else(|| \"None\".to_string(), |e| e.to_repr())",
        ],
    );
}

#[test]
fn the_repr_of_a_futures_exception_read_once_awaits_the_handle() {
    let text = listing(&failing_job(
        "    future = asyncio.run_coroutine_threadsafe(fail(1), loop)\n    \
print(repr(future.exception()))\n    return 0\n",
    ));
    has_all(
        &text,
        &[
            "    let future = tokio::spawn(fail(Duration::from_secs(1)));\n",
            "        future\n            .await\n            .unwrap()\n            .err()\n",
        ],
    );
    assert!(!text.contains(".shared()"), "{text}");
}

#[test]
fn a_futures_exception_outside_repr_is_refused() {
    let (construct, reason, at) = refused(&failing_job(
        "    future = asyncio.run_coroutine_threadsafe(fail(1), loop)\n    \
print(future.exception(timeout=1))\n    return 0\n",
    ));
    assert_eq!(construct, "this `future.exception(...)`");
    assert!(reason.contains("repr(future.exception())"), "{reason}");
    assert_eq!(at, "future.exception(timeout=1)");
}

#[test]
fn the_exception_of_a_future_whose_coroutine_cannot_fail_is_none_once_it_ends() {
    let text = listing(&job_program(
        "    future = asyncio.run_coroutine_threadsafe(add(1, 2), loop)\n    \
print(repr(future.exception()), future.done())\n    return 0\n",
    ));
    has_all(
        &text,
        &[
            "    let mut future = tokio::spawn(add(1, 2));\n",
            "        (&mut future).await.map(|_| \"None\".to_string()).unwrap(),\n",
            "future.is_finished()",
        ],
    );
    assert!(!text.contains("to_repr"), "{text}");
}

#[test]
fn another_value_set_in_a_futures_variable_is_refused() {
    let (construct, _, at) = refused(&job_program(
        "    future = asyncio.run_coroutine_threadsafe(add(1, 2), loop)\n    \
future = future.result()\n    return future\n",
    ));
    assert_eq!(construct, "another value set in `future`");
    assert_eq!(at, "future.result()");
}
