//! `pool.map(f, xs)` of a pool of a `with`: the jobs handed over with
//! `submit` and read in order by a `MapJobs` stream, the first exception
//! raised at its item, `timeout=` a deadline for the whole read; and the
//! places it is refused. (`tests/rust_listings.rs` builds and runs
//! `executor__map_stops_at_error.py` and `executor__map_in_order.py`.)

#[path = "support/listing.rs"]
mod support;

use support::{has_all, listing, refused};

/// A program whose `main` runs `body` (indented by eight spaces) in a
/// pool of one worker, with the jobs `square` and `invert`.
fn program(body: &str) -> String {
    format!(
        "import asyncio\nimport time\nfrom concurrent.futures import ThreadPoolExecutor\n\n\n\
def square(n):\n    time.sleep(n / 2)\n    return n * n\n\n\n\
def invert(x):\n    time.sleep(0.5)\n    return 1 / x\n\n\n\
async def main():\n    with ThreadPoolExecutor(max_workers=1) as pool:\n{body}\n\n\n\
asyncio.run(main())\n"
    )
}

#[test]
fn a_for_over_map_reads_each_result_in_order() {
    let text = listing(&program(
        "        for r in pool.map(square, [1, 2, 3]):\n            print(r)",
    ));
    has_all(
        &text,
        &[
            "let pool = TaskTracker::new();",
            "let pool_workers = Arc::new(Semaphore::new(1));",
            "let mut jobs: MapJobs<_> = [1, 2, 3]\n        .into_iter()\n        \
             .map(|n| submit(&pool, &pool_workers, square(n)))\n        .collect();",
            "while let Some(r) = jobs.next().await {",
            "async fn square(n: i64) -> i64 {",
            "struct MapJobs<T>(VecDeque<PoolJob<T>>);",
            "impl<T> Drop for MapJobs<T> {",
            "fn submit<T: Send + 'static>(",
            "pool.wait().await;",
        ],
    );
}

#[test]
fn list_of_map_collects_and_an_exception_stops_it() {
    let text = listing(&program(
        "        print(list(pool.map(square, [1, 2])))\n        try:\n            \
         for r in pool.map(invert, [2, 0]):\n                print(r)\n        \
         except ZeroDivisionError as e:\n            print(e)",
    ));
    has_all(
        &text,
        &[
            "jobs.collect::<Vec<_>>().await",
            "while let Some(r) = jobs.try_next().await? {",
            "Ok(1.0 / py_nonzero(x, \"division by zero\")? as f64)",
        ],
    );
}

#[test]
fn two_lists_are_zipped_into_the_parameters() {
    let source = "import asyncio\nimport time\nfrom concurrent.futures import ThreadPoolExecutor\n\n\n\
def step(name, seconds):\n    time.sleep(seconds)\n    return name\n\n\n\
async def main():\n    with ThreadPoolExecutor(max_workers=2) as pool:\n        \
print(list(pool.map(step, [\"a\", \"b\"], [0.5, 0.25])))\n\n\nasyncio.run(main())\n";
    let text = listing(source);
    has_all(
        &text,
        &[
            ".zip([0.5, 0.25].into_iter())",
            ".map(|(name, seconds)| submit(&pool, &pool_workers, step(name",
        ],
    );
}

#[test]
fn a_timeout_of_none_is_no_deadline() {
    let text = listing(&program(
        "        print(list(pool.map(square, [1, 2], timeout=None)))",
    ));
    has_all(
        &text,
        &["println!(\"{:?}\", jobs.collect::<Vec<_>>().await);"],
    );
    assert!(!text.contains("timeout_at"), "{text}");
}

#[test]
fn a_timeout_is_a_deadline_its_except_takes() {
    let text = listing(&program(
        "        try:\n            list(pool.map(square, [1, 4], timeout=1))\n        \
         except TimeoutError:\n            print(\"timed out\")",
    ));
    has_all(
        &text,
        &[
            "let jobs_deadline = Instant::now() + Duration::from_secs(1);",
            "timeout_at(jobs_deadline, jobs.collect::<Vec<_>>())\n            .await\n            \
             .map_err(|_| Error::TimeoutError(String::new()))?;",
            "Error::TimeoutError(_) => {",
        ],
    );
}

#[test]
fn map_where_other_tasks_run_or_read_otherwise_is_refused() {
    // Reading the results blocks the loop: a ticker would stop in Python.
    let ticking = "import asyncio\nimport time\nfrom concurrent.futures import ThreadPoolExecutor\n\n\n\
def square(n):\n    time.sleep(n)\n    return n * n\n\n\n\
async def tick():\n    await asyncio.sleep(1)\n\n\n\
async def main():\n    t = asyncio.create_task(tick())\n    \
with ThreadPoolExecutor(max_workers=2) as pool:\n        print(list(pool.map(square, [1, 2])))\n    \
await t\n\n\nasyncio.run(main())\n";
    let (construct, reason, at) = refused(ticking);
    assert_eq!(construct, "the call `pool.map(square, [1, 2])`");
    assert!(reason.contains("create_task"), "{reason}");
    assert_eq!(at, "pool.map(square, [1, 2])");
    // Kept in a variable, read later.
    let (construct, _, at) = refused(&program(
        "        results = pool.map(square, [1, 2])\n        print(list(results))",
    ));
    assert_eq!(construct, "this `map`");
    assert_eq!(at, "pool.map(square, [1, 2])");
    // A timeout read inside another statement, or that nothing catches.
    let (construct, reason, _) = refused(&program(
        "        print(list(pool.map(square, [1, 2], timeout=1)))",
    ));
    assert_eq!(construct, "this `map`");
    assert!(reason.contains("a statement of its own"), "{reason}");
    let (construct, reason, _) = refused(&program(
        "        list(pool.map(square, [1, 2], timeout=1))",
    ));
    assert_eq!(construct, "this `map`");
    assert!(reason.contains("except TimeoutError"), "{reason}");
    // Two workers for three jobs: a job would start while the loop waits.
    let (construct, reason, _) = refused(
        &program("        print(list(pool.map(square, [1, 2, 3])))")
            .replace("max_workers=1", "max_workers=2"),
    );
    assert_eq!(construct, "this `map`");
    assert!(reason.contains("max_workers=1"), "{reason}");
    // Three lists, or a keyword other than `timeout=`.
    for call in [
        "pool.map(square, [1], [2], [3])",
        "pool.map(square, [1, 2], chunksize=2)",
    ] {
        let (construct, _, at) = refused(&program(&format!("        print(list({call}))")));
        assert_eq!(construct, format!("the call `{call}`"));
        assert_eq!(at, call);
    }
}
