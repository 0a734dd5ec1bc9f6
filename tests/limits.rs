//! Programs that would hang or exhaust the machine end quickly, aborted
//! with a message that names the limit they reached.

use asynclings::engine::{self, Limits, Outcome, Report};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Far more than any of these runs needs; a run still going then hangs.
const TIMEOUT: Duration = Duration::from_secs(30);

/// Loads `source` (a Python program) and runs it headless with the default
/// limits, failing if it takes longer than [`TIMEOUT`].
fn run(source: &str) -> Report {
    run_with(source, Limits::default())
}

/// Runs `source` with a small step budget: a runaway loop reaches it in a
/// fraction of the default's time (the default's own size is measured in
/// release builds).
fn run_steps(source: &str) -> Report {
    run_with(
        source,
        Limits {
            max_steps: 50_000,
            ..Limits::default()
        },
    )
}

fn run_with(source: &str, limits: Limits) -> Report {
    let lesson = asynclings::lesson::python_lesson("limits.py", source)
        .unwrap_or_else(|e| panic!("the test program is valid:\n{}", e.render(false)));
    let (tx, rx) = mpsc::channel();
    let start = Instant::now();
    std::thread::spawn(move || {
        let report = engine::run_headless(lesson.script(), &limits);
        let _ = tx.send(report);
    });
    let report = rx
        .recv_timeout(TIMEOUT)
        .unwrap_or_else(|_| panic!("the run did not end within {TIMEOUT:?}:\n{source}"));
    eprintln!("ended in {:?}: {:?}", start.elapsed(), report.outcome);
    report
}

/// The reason the run was aborted; fails if it was not aborted.
fn aborted(report: &Report) -> &str {
    match &report.outcome {
        Outcome::Aborted(reason) => reason,
        other => panic!("expected the run to be aborted by a limit, it ended with {other:?}"),
    }
}

/// The traceback of the exception the run ended with; fails if it did not
/// end with one.
fn raised(report: &Report) -> &str {
    match &report.outcome {
        Outcome::Raised { traceback, .. } => traceback,
        other => panic!("expected the run to raise, it ended with {other:?}"),
    }
}

#[test]
fn an_endless_loop_without_await_hits_the_step_limit() {
    let report = run_steps(
        r#"
import asyncio


async def main():
    n = 0
    while True:
        n += 1


asyncio.run(main())
"#,
    );
    let reason = aborted(&report);
    assert!(reason.contains("(limit: steps)"), "{reason}");
}

#[test]
fn an_endless_loop_of_zero_sleeps_hits_the_step_limit() {
    let report = run_steps(
        r#"
import asyncio


async def main():
    while True:
        await asyncio.sleep(0)


asyncio.run(main())
"#,
    );
    let reason = aborted(&report);
    assert!(reason.contains("(limit: steps)"), "{reason}");
}

const RECURSION: &str = r#"
import asyncio


async def again():
    await again()


async def main():
    await again()


asyncio.run(main())
"#;

/// How many frames of `again` a traceback shows.
fn again_frames(traceback: &str) -> usize {
    traceback
        .lines()
        .filter(|l| l.ends_with(", in again"))
        .count()
}

#[test]
fn a_coroutine_calling_itself_raises_recursion_error() {
    let report = run(RECURSION);
    let traceback = raised(&report);
    assert!(
        traceback
            .trim_end()
            .ends_with("RecursionError: maximum recursion depth exceeded"),
        "{traceback}"
    );
    assert!(again_frames(traceback) > 40, "{traceback}");
}

#[test]
fn a_coroutine_calling_itself_raises_at_a_lower_depth_limit() {
    let limits = Limits {
        max_depth: 40,
        ..Limits::default()
    };
    let report = run_with(RECURSION, limits);
    let traceback = raised(&report);
    assert!(
        traceback
            .trim_end()
            .ends_with("RecursionError: maximum recursion depth exceeded"),
        "{traceback}"
    );
    let frames = again_frames(traceback);
    assert!((30..=40).contains(&frames), "{frames} frames:\n{traceback}");
}

#[test]
fn spawning_in_an_endless_loop_is_stopped() {
    let report = run_steps(
        r#"
import asyncio


async def worker():
    await asyncio.sleep(1)


async def main():
    while True:
        t = asyncio.create_task(worker())


asyncio.run(main())
"#,
    );
    let reason = aborted(&report);
    assert!(
        reason.contains("(limit: steps)") || reason.contains("(limit: tasks)"),
        "{reason}"
    );
}

#[test]
fn tasks_that_each_spawn_another_hit_the_task_limit() {
    let report = run_steps(
        r#"
import asyncio


async def breed():
    a = asyncio.create_task(breed())
    b = asyncio.create_task(breed())
    await a
    await b


async def main():
    await breed()


asyncio.run(main())
"#,
    );
    let reason = aborted(&report);
    assert!(
        reason.contains("(limit: tasks)") || reason.contains("(limit: steps)"),
        "{reason}"
    );
}

#[test]
fn collecting_an_endless_generator_is_stopped() {
    let report = run_steps(
        r#"
import asyncio


async def main():
    xs = [x async for x in forever()]
    print(len(xs))


async def forever():
    n = 0
    while True:
        yield n
        n += 1


asyncio.run(main())
"#,
    );
    let reason = aborted(&report);
    assert!(reason.contains("(limit: steps)"), "{reason}");
    assert!(report.printed().is_empty(), "{:?}", report.printed());
}

#[test]
fn awaiting_a_future_nobody_resolves_is_a_deadlock() {
    let report = run(r#"
import asyncio


async def main():
    fut = asyncio.get_running_loop().create_future()
    print("waiting")
    await fut
    print("never printed")


asyncio.run(main())
"#);
    let reason = aborted(&report);
    assert!(reason.contains("deadlock"), "{reason}");
    assert_eq!(report.printed(), ["waiting"]);
}

#[test]
fn awaiting_a_future_after_the_other_tasks_end_is_a_deadlock() {
    let report = run(r#"
import asyncio


async def worker():
    await asyncio.sleep(1)
    print("worker done")


async def main():
    fut = asyncio.get_running_loop().create_future()
    t = asyncio.create_task(worker())
    await fut


asyncio.run(main())
"#);
    let reason = aborted(&report);
    assert!(reason.contains("deadlock"), "{reason}");
    assert_eq!(report.printed(), ["worker done"]);
}

/// A `for` over a huge `range` counts lazily, as CPython's does: no list
/// of a trillion items is made, and the loop ends at the step budget.
#[test]
fn a_huge_range_is_counted_lazily_until_the_step_limit() {
    let report = run_steps(
        r#"
import asyncio


async def main():
    for i in range(1000000000000):
        x = i


asyncio.run(main())
"#,
    );
    let reason = aborted(&report);
    assert!(reason.contains("steps of work"), "{reason}");
    assert!(reason.contains("(limit: steps)"), "{reason}");
}

#[test]
fn a_long_sleep_hits_the_virtual_time_limit() {
    let report = run(r#"
import asyncio


async def main():
    await asyncio.sleep(100000)


asyncio.run(main())
"#);
    let reason = aborted(&report);
    assert!(reason.contains("(limit: virtual duration)"), "{reason}");
}

#[test]
fn an_endless_ticking_loop_hits_the_virtual_time_limit() {
    let report = run(r#"
import asyncio


async def main():
    while True:
        await asyncio.sleep(1)
        print("tick")


asyncio.run(main())
"#);
    let reason = aborted(&report);
    assert!(reason.contains("(limit: virtual duration)"), "{reason}");
}

#[test]
fn nested_loops_hit_the_step_limit() {
    let report = run_steps(
        r#"
import asyncio


async def main():
    for i in range(5000):
        for j in range(5000):
            x = i + j


asyncio.run(main())
"#,
    );
    let reason = aborted(&report);
    assert!(reason.contains("(limit: steps)"), "{reason}");
}

#[test]
fn doubling_a_list_is_stopped() {
    let report = run(r#"
import asyncio


async def main():
    xs = [1]
    for i in range(80):
        xs = xs + xs
    print(len(xs))


asyncio.run(main())
"#);
    let reason = aborted(&report);
    assert!(reason.contains("limit"), "{reason}");
}

#[test]
fn doubling_a_string_is_stopped() {
    let report = run(r#"
import asyncio


async def main():
    s = "ab"
    for i in range(80):
        s = s + s
    print(len(s))


asyncio.run(main())
"#);
    let reason = aborted(&report);
    assert!(reason.contains("limit"), "{reason}");
}

/// The same doubling through an f-string, as `show --python` wrote the old
/// statement-language demo.
#[test]
fn doubling_a_string_with_an_f_string_is_stopped() {
    let report = run(r#"
import asyncio


async def main():
    s = "ab"
    for i in range(80):
        s = f"{s}{s}"
    print(len(s))


asyncio.run(main())
"#);
    let reason = aborted(&report);
    assert!(reason.contains("limit"), "{reason}");
}

/// What `expr` prints on the smallest 64-bit integer: Python's integers
/// have no such bound, and the engine must neither wrap nor panic there.
fn on_smallest_int(expr: &str) -> Report {
    run(&format!(
        r#"
import asyncio


async def main():
    m = -9223372036854775807 - 1
    print({expr})


asyncio.run(main())
"#
    ))
}

fn prints(report: &Report, expected: &str) {
    assert_eq!(
        report.outcome,
        Outcome::Finished,
        "{:?}",
        report.transcript()
    );
    assert_eq!(report.printed(), [expected]);
}

#[test]
fn arithmetic_past_64_bits_is_exact() {
    prints(&on_smallest_int("m - 1"), "-9223372036854775809");
    prints(&on_smallest_int("m * 2"), "-18446744073709551616");
}

#[test]
fn abs_of_the_smallest_integer_is_exact() {
    prints(&on_smallest_int("abs(m)"), "9223372036854775808");
}

#[test]
fn floor_division_of_the_smallest_integer_is_exact() {
    prints(&on_smallest_int("m // -1"), "9223372036854775808");
}

#[test]
fn remainder_of_the_smallest_integer_is_zero_as_in_python() {
    prints(&on_smallest_int("m % -1"), "0");
}
