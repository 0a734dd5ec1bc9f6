//! Engine speed, each figure side by side with its baseline:
//! - `gather_100k/engine` vs `gather_100k/tokio_join_all`: the engine's
//!   overhead over the same workload written directly with Tokio;
//! - `gather_100k_cpython/harness` vs `gather_100k/engine`: the same
//!   program, `benches/gather_100k.py`, under CPython on a virtual clock;
//! - `lessons/<id>`: a headless run of every built-in lesson;
//! - `live_4s_at_2x`: live pacing of a 4-second program;
//! - `plain/<program>`: plain Python with no asyncio (`benches/sieve.py`,
//!   `methods.py`, `words.py`, `fib.py`), the interpreter's own speed; the
//!   same files under `python3` give CPython's time for scale.

use asynclings::engine::{self, Limits, Outcome};
use asynclings::lesson::{self, Lessons};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// How many coroutines `benches/gather_100k.py` gathers.
const COUNT: usize = 100_000;

/// The allocator the `asynclings` binary uses, for both sides of every pair.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const GATHER_FILE: &str = "benches/gather_100k.py";

fn gather_lesson() -> lesson::Lesson {
    lesson::python_lesson(GATHER_FILE, include_str!("gather_100k.py"))
        .unwrap_or_else(|e| panic!("the benchmark program is valid:\n{}", e.render(false)))
}

/// The same workload written directly: `join_all` of 100k sleeps. With
/// `unconstrained`, Tokio's cooperative budget is off, as it is for the
/// engine's task joins (with it on, every wake-up re-polls the sleeps that
/// ran out of budget, which makes the join quadratic).
fn tokio_join_all(unconstrained: bool) -> usize {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .start_paused(true)
        .build()
        .expect("runtime");
    let work = (0..COUNT).map(|n| async move {
        tokio::time::sleep(Duration::from_secs(1)).await;
        n
    });
    let join = futures::future::join_all(work);
    if unconstrained {
        runtime.block_on(tokio::task::unconstrained(join)).len()
    } else {
        runtime.block_on(join).len()
    }
}

fn gather(c: &mut Criterion) {
    let lesson = gather_lesson();
    let limits = Limits {
        max_events: usize::MAX,
        ..Limits::default()
    };
    let mut group = c.benchmark_group("gather_100k");
    group.sample_size(10);
    group.bench_function("tokio_join_all", |b| {
        b.iter(|| black_box(tokio_join_all(false)))
    });
    group.bench_function("tokio_join_all_unconstrained", |b| {
        b.iter(|| black_box(tokio_join_all(true)))
    });
    group.bench_function("engine", |b| {
        b.iter(|| {
            let report = engine::run_headless(lesson.script(), &limits);
            assert_eq!(report.outcome, Outcome::Finished);
            assert_eq!(report.printed(), [COUNT.to_string().as_str(), "9999900000"]);
            black_box(report.events.len())
        })
    });
    group.finish();
}

fn cpython(c: &mut Criterion) {
    let harness = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/virtual_clock.py");
    let python_ok = Command::new("python3").arg("--version").output().is_ok();
    if !python_ok || !harness.exists() {
        eprintln!(
            "skipping gather_100k_cpython: python3 or {} missing",
            harness.display()
        );
        return;
    }
    let program = Path::new(env!("CARGO_MANIFEST_DIR")).join(GATHER_FILE);
    let mut group = c.benchmark_group("gather_100k_cpython");
    group.sample_size(10);
    group.bench_function("harness", |b| {
        b.iter_custom(|iters| {
            let start = Instant::now();
            for _ in 0..iters {
                let out = Command::new("python3")
                    .arg(&harness)
                    .arg(&program)
                    .output()
                    .expect("python3 runs");
                assert!(
                    out.status.success(),
                    "{}",
                    String::from_utf8_lossy(&out.stderr)
                );
                assert_eq!(
                    String::from_utf8_lossy(&out.stdout),
                    format!("[t=1] {COUNT}\n[t=1] 9999900000\n")
                );
            }
            start.elapsed()
        })
    });
    group.finish();
}

fn lessons(c: &mut Criterion) {
    let limits = Limits::default();
    let mut group = c.benchmark_group("lessons");
    for lesson in Lessons::built_in().lessons {
        group.bench_function(&lesson.id, |b| {
            b.iter(|| black_box(engine::run_headless(lesson.script(), &limits).events.len()))
        });
    }
    group.finish();
}

/// A program lasting 4 virtual seconds.
const FOUR_SECONDS: &str = r#"
import asyncio


async def tick(n):
    await asyncio.sleep(1)
    print(f"tick {n}")


async def main():
    for n in range(4):
        await tick(n)


asyncio.run(main())
"#;

/// Live pacing: at 2x, 4 virtual seconds should take about 2 real seconds;
/// pausing for 1 s should add about 1 s. Criterion reports the real time.
fn live(c: &mut Criterion) {
    let lesson = lesson::python_lesson("four.py", FOUR_SECONDS).expect("valid");
    let limits = Limits::default();
    let mut group = c.benchmark_group("live_4s_at_2x");
    group.sample_size(10);
    group.bench_function("run", |b| {
        b.iter(|| {
            let run = engine::LiveRun::start(lesson.script(), &limits, 2.0, false);
            assert_eq!(run.wait().1, Outcome::Finished);
        })
    });
    group.bench_function("run_with_1s_pause", |b| {
        b.iter(|| {
            let run = engine::LiveRun::start(lesson.script(), &limits, 2.0, false);
            std::thread::sleep(Duration::from_millis(500));
            run.control().pause();
            std::thread::sleep(Duration::from_secs(1));
            run.control().resume();
            assert_eq!(run.wait().1, Outcome::Finished);
        })
    });
    group.finish();
}

/// The plain-Python programs and the last line each prints.
const PLAIN: [(&str, &str, &str); 4] = [
    ("sieve", include_str!("sieve.py"), "148933"),
    (
        "methods",
        include_str!("methods.py"),
        "(300000, 2699991, 2699991)",
    ),
    ("words", include_str!("words.py"), "200000"),
    ("fib", include_str!("fib.py"), "75025"),
];

/// The interpreter on plain Python: loops over ranges and lists, indexing,
/// small-int arithmetic, attribute and global lookups, method calls, string
/// building, dict counting and recursion.
fn plain(c: &mut Criterion) {
    let limits = Limits::default();
    let mut group = c.benchmark_group("plain");
    group.sample_size(10);
    for (name, source, last) in PLAIN {
        let lesson = lesson::python_lesson(&format!("benches/{name}.py"), source)
            .unwrap_or_else(|e| panic!("the benchmark program is valid:\n{}", e.render(false)));
        group.bench_function(name, |b| {
            b.iter(|| {
                let report = engine::run_headless(lesson.script(), &limits);
                assert_eq!(report.outcome, Outcome::Finished, "{name}");
                assert_eq!(report.printed().last().copied(), Some(last), "{name}");
                black_box(report.events.len())
            })
        });
    }
    group.finish();
}

criterion_group!(benches, gather, cpython, lessons, live, plain);
criterion_main!(benches);
