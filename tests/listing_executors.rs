//! The Rust listing of executors: a job whose plain function waits with
//! `time.sleep` is a task on Tokio's clock (the paused clock of the
//! listing's run counts its time, as the engine's virtual clock does),
//! `max_workers` a semaphore, and a pool whose block leaves jobs running a
//! `TaskTracker` that the block's end waits for. (`tests/rust_listings.rs`
//! builds and runs the corpus programs that use them.)

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing};

/// A blocking job that waits, as Python writes it.
const CHORE: &str = "import time\nfrom concurrent.futures import ThreadPoolExecutor\n\n\n\
def chore(name, seconds):\n    print(name, \"starts\")\n    time.sleep(seconds)\n    return name\n\n\n";

#[test]
fn a_job_that_sleeps_is_a_task_whose_sleep_the_clock_counts() {
    let src = format!(
        "{HEADER}{CHORE}async def main():\n    loop = asyncio.get_running_loop()\n    \
done = await loop.run_in_executor(None, chore, \"a\", 1)\n    print(done)\n{RUN}"
    );
    let text = listing(&src);
    has_all(
        &text,
        &[
            "/// A blocking job, as a task: its `time.sleep` is Tokio's `sleep`",
            "async fn chore(name: &str, seconds: Duration) -> String {",
            "    sleep(seconds).await;",
            "tokio::spawn(chore(\"a\", Duration::from_secs(1)))",
        ],
    );
    assert!(!text.contains("thread::sleep("), "{text}");
    assert!(!text.contains("spawn_blocking("), "{text}");
}

#[test]
fn max_workers_is_a_semaphore_each_job_waits_on() {
    let src = format!(
        "{HEADER}{CHORE}async def main():\n    loop = asyncio.get_running_loop()\n    \
with ThreadPoolExecutor(max_workers=2) as pool:\n        \
a = loop.run_in_executor(pool, chore, \"a\", 1)\n        \
b = await loop.run_in_executor(pool, chore, \"b\", 2)\n        \
print(await a, b)\n{RUN}"
    );
    let text = listing(&src);
    has_all(
        &text,
        &[
            "    let pool_workers = Arc::new(Semaphore::new(2));\n",
            "    let a = tokio::spawn(on_worker(\n        Arc::clone(&pool_workers),\n        chore(\"a\", Duration::from_secs(1)),\n    ));\n",
            "async fn on_worker<T>(workers: Arc<Semaphore>, job: impl Future<Output = T>) -> T {",
            "    let _worker = workers.acquire_owned().await.unwrap();",
        ],
    );
    // Every job is awaited inside the block: no tracker to wait on.
    assert!(!text.contains("TaskTracker"), "{text}");
}

#[test]
fn a_block_that_leaves_jobs_running_waits_for_them_where_it_ends() {
    let src = format!(
        "{HEADER}{CHORE}async def main():\n    loop = asyncio.get_running_loop()\n    \
with ThreadPoolExecutor(max_workers=2) as pool:\n        \
jobs = [loop.run_in_executor(pool, chore, n, s) for n, s in ((\"a\", 1), (\"b\", 2))]\n        \
print(\"leaving\")\n    print(await asyncio.gather(*jobs))\n{RUN}"
    );
    let text = listing(&src);
    has_all(
        &text,
        &[
            "    let pool = TaskTracker::new();\n",
            "            pool.spawn(on_worker(\n                \
Arc::clone(&pool_workers),\n                \
chore(n.to_string(), s),\n            ))\n",
            "    println!(\"leaving\");\n    \
// Leaving the `with` block shuts the pool down: it waits for its jobs.\n    \
pool.close();\n    pool.wait().await;\n",
            "try_join_all(jobs).await.unwrap()",
        ],
    );
}

#[test]
fn a_job_that_computes_or_is_also_called_on_the_loop_stays_blocking() {
    // `# CPU-bound` work holds its thread: it stays on the blocking pool.
    let cpu = "import time\n\n\ndef crunch(n):\n    time.sleep(n)  # CPU-bound\n    return n\n\n\n";
    let src = format!(
        "{HEADER}{cpu}async def main():\n    n = await asyncio.to_thread(crunch, 1)\n    print(n)\n{RUN}"
    );
    let text = listing(&src);
    has_all(
        &text,
        &["fn crunch(n: i64) -> i64 {", "spawn_blocking(|| crunch(1))"],
    );
    // Called on the loop's thread too: the one function blocks.
    let src = format!(
        "{HEADER}{CHORE}async def main():\n    a = await asyncio.to_thread(chore, \"a\", 1)\n    \
print(a, chore(\"b\", 1))\n{RUN}"
    );
    let text = listing(&src);
    has_all(
        &text,
        &["\nfn chore(", "std::thread::sleep(", "spawn_blocking("],
    );
}
