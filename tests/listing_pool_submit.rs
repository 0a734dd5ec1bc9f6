//! `future = pool.submit(f, x)` of a pool of a `with`, in a coroutine: the
//! job's task spawned on a permit of the pool, `future.done()` whether it
//! has finished, `future.result()` and `await asyncio.wrap_future(future)`
//! its value awaited; and the methods and reads refused at their place.
//! (`tests/rust_listings.rs` builds and runs `executor__submit_handles.py`.)

#[path = "support/listing.rs"]
mod support;

use support::{has_all, listing, refused};

/// A program whose `main` runs `body` (indented by eight spaces) in a
/// pool of two workers, with the job `work` and the coroutine `tick`.
fn program(body: &str) -> String {
    format!(
        "import asyncio\nimport time\nfrom concurrent.futures import ThreadPoolExecutor\n\n\n\
def work(n):\n    time.sleep(n)\n    return n * 10\n\n\n\
async def tick():\n    await asyncio.sleep(1)\n\n\n\
async def main():\n    with ThreadPoolExecutor(max_workers=2) as pool:\n{body}\n\n\n\
asyncio.run(main())\n"
    )
}

#[test]
fn a_submitted_job_is_a_task_on_a_worker_read_through_its_handle() {
    let text = listing(&program(
        "        a = pool.submit(work, 1)\n        b = pool.submit(work, 2)\n        \
print(a.done())\n        print(await asyncio.wrap_future(a), a.done())\n        \
print(b.result())",
    ));
    has_all(
        &text,
        &[
            "    let pool_workers = Arc::new(Semaphore::new(2));",
            "    let mut a = tokio::spawn(on_worker(Arc::clone(&pool_workers), work(1)));",
            "    let b = tokio::spawn(on_worker(Arc::clone(&pool_workers), work(2)));",
            "    println!(\"{}\", if a.is_finished() { \"True\" } else { \"False\" });",
            "        (&mut a).await.unwrap(),",
            "    println!(\"{}\", b.await.unwrap());",
            "async fn on_worker<T>(workers: Arc<Semaphore>, job: impl Future<Output = T>) -> T {",
        ],
    );
}

#[test]
fn a_job_submitted_and_wrapped_at_once_runs_as_run_in_executor_does() {
    let text = listing(&program(
        "        print(await asyncio.wrap_future(pool.submit(work, 1)))\n        \
await asyncio.wrap_future(pool.submit(work, 2))",
    ));
    has_all(
        &text,
        &[
            "    let wrap_future_result = tokio::spawn(on_worker(Arc::clone(&pool_workers), work(1)))",
            "    tokio::spawn(on_worker(Arc::clone(&pool_workers), work(2)))",
        ],
    );
}

#[test]
fn a_job_s_result_read_again_or_in_a_loop_is_refused() {
    for (body, at) in [
        (
            "        a = pool.submit(work, 1)\n        print(a.result())\n        print(a.result())",
            "a.result()",
        ),
        (
            "        a = pool.submit(work, 1)\n        x = await asyncio.wrap_future(a)\n        \
print(x, a.result())",
            "asyncio.wrap_future(a)",
        ),
        (
            "        a = pool.submit(work, 1)\n        for i in range(2):\n            print(a.result())",
            "a.result()",
        ),
    ] {
        let (construct, reason, span) = refused(&program(body));
        assert_eq!(construct, "a read of `a` that may come again", "{body}");
        assert_eq!(span, at);
        assert!(reason.contains("gives its task's output once"), "{reason}");
    }
}

#[test]
fn the_blocking_result_beside_other_tasks_is_refused() {
    let (construct, reason, at) = refused(&program(
        "        t = asyncio.create_task(tick())\n        a = pool.submit(work, 1)\n        \
print(a.result())\n        await t",
    ));
    assert_eq!(construct, "the call `a.result()`");
    assert_eq!(at, "a.result()");
    assert!(
        reason.contains("this program makes them with `create_task`"),
        "{reason}"
    );
    assert!(
        reason.contains("await asyncio.wrap_future(future)"),
        "{reason}"
    );
}

#[test]
fn a_concurrent_future_s_other_methods_are_refused() {
    for call in [
        "a.cancel()",
        "a.cancelled()",
        "a.running()",
        "a.exception()",
        "a.result(timeout=1)",
    ] {
        let (construct, reason, at) = refused(&program(&format!(
            "        a = pool.submit(work, 1)\n        print({call})"
        )));
        assert_eq!(construct, format!("the call `{call}`"));
        assert_eq!(at, call);
        assert!(reason.contains("`future.result()`"), "{reason}");
    }
}

#[test]
fn a_submit_awaited_bare_or_inside_an_expression_is_refused() {
    for (body, construct, at) in [
        (
            "        print(pool.submit(work, 1).result())",
            "the call `pool.submit(work, 1).result()`",
            "pool.submit(work, 1).result()",
        ),
        (
            "        await pool.submit(work, 1)",
            "awaiting this",
            "pool.submit(work, 1)",
        ),
    ] {
        let (got, _, span) = refused(&program(body));
        assert_eq!(got, construct, "{body}");
        assert_eq!(span, at);
    }
}

#[test]
fn a_future_s_variable_bound_again_is_refused() {
    for again in [
        "a = 5",
        "a = pool.submit(work, 2)",
        "for a in range(2):\n            pass",
    ] {
        let (construct, _, at) = refused(&program(&format!(
            "        a = pool.submit(work, 1)\n        {again}\n        print(a)"
        )));
        assert_eq!(
            construct, "a job's future kept in `a`, which is bound again",
            "{again}"
        );
        assert_eq!(at, "pool.submit(work, 1)");
    }
}

#[test]
fn a_concurrent_future_awaited_bare_is_refused() {
    for body in ["        await a", "        print(await a)"] {
        let (construct, reason, at) = refused(&program(&format!(
            "        a = pool.submit(work, 1)\n{body}"
        )));
        assert_eq!(construct, "`await a` of a concurrent future", "{body}");
        assert_eq!(at, "a");
        assert!(reason.contains("`TypeError`"), "{reason}");
    }
}
