//! A `concurrent.futures.Future()` a coroutine makes and hands to an
//! executor's job, which waits for it while the coroutine resolves it: the
//! job is a stand-in coroutine on Tokio's clock, and the future the
//! listing's oneshot channel, its receiver shared with the job.
//! (`tests/rust_listings.rs` builds and runs `threadsafe__future_from_job.py`.)

#[path = "support/listing.rs"]
mod support;

use asynclings::render::rust;
use support::{has_all, listing};

/// A program whose `job(future)` runs `job` (indented by four spaces) and
/// whose `main` runs `main` after handing it a future it made.
fn program(job: &str, main: &str) -> String {
    format!(
        "import asyncio\nimport concurrent.futures\n\n\ndef job(future):\n{job}\n\n\n\
async def main():\n    loop = asyncio.get_running_loop()\n    \
future = concurrent.futures.Future()\n    \
job_future = loop.run_in_executor(None, job, future)\n{main}\n\n\nasyncio.run(main())\n"
    )
}

const RESOLVE: &str = "    await asyncio.sleep(1)\n    future.set_result(\"hello\")\n    \
print(\"done:\", future.done())\n    print(await job_future)";

#[test]
fn a_job_waits_for_the_future_its_coroutine_resolves() {
    let text = listing(&program(
        "    print(\"running:\", future.running())\n    return future.result()",
        RESOLVE,
    ));
    has_all(
        &text,
        &[
            "/// A job that waits for a future the event loop resolves, as a task that awaits\n",
            "async fn job(future: Shared<oneshot::Receiver<String>>) -> String {\n    \
println!(\"running: False\");\n    future.await.unwrap()\n}",
            "    let (future_tx, future) = oneshot::channel();\n",
            "    let job_future = tokio::spawn(job(future.clone()));\n",
            "    let _ = future_tx.send(\"hello\".to_string());\n",
            "    println!(\"{}\", job_future.await.unwrap());\n",
        ],
    );
}

/// `future.exception(timeout=t)` as a statement waits as `result` would:
/// the future only ever gets a result.
#[test]
fn a_job_waits_for_the_future_with_a_timeout() {
    let text = listing(&program(
        "    try:\n        future.exception(timeout=0.5)\n    except TimeoutError:\n        \
print(\"not yet\")\n    return future.result()",
        RESOLVE,
    ));
    has_all(
        &text,
        &[
            "async fn job(mut future: Shared<oneshot::Receiver<String>>) -> Result<String, Error> {",
            "        // `Elapsed` ends the wait, and `TimeoutError` goes on up.\n        \
let _ = match timeout(Duration::from_millis(500), &mut future).await {",
            "                println!(\"not yet\");",
            "    println!(\"{}\", job_future.await.unwrap()?);",
        ],
    );
}

/// A future resolved with an exception, cancelled, or read otherwise by
/// the job stays refused where it is made.
#[test]
fn a_future_used_otherwise_is_refused() {
    let made = "a `concurrent.futures.Future()` the program makes";
    for (job, main) in [
        (
            "    return future.result()",
            "    future.set_exception(ValueError(\"x\"))\n    print(await job_future)",
        ),
        (
            "    return future.result()",
            "    future.cancel()\n    print(await job_future)",
        ),
        ("    future.cancel()\n    return 1", RESOLVE),
        ("    return future.result(timeout=None)", RESOLVE),
        (
            "    future.set_running_or_notify_cancel()\n    return future.result()",
            RESOLVE,
        ),
    ] {
        let source = program(job, main);
        let loaded = asynclings::python::load("x.py", &source).expect("loads");
        let shown = rust::render_program(&loaded).text();
        assert!(shown.contains(&format!(":14: {made}")), "{shown}");
    }
}
