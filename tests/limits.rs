//! Demos that would hang or exhaust the machine end quickly, aborted with a
//! message that names the limit they reached.

use asynclings::engine::{self, Limits, Outcome, Report};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Far more than any of these runs needs; a run still going then hangs.
const TIMEOUT: Duration = Duration::from_secs(30);

fn lesson(body: &str) -> String {
    format!("title = \"limits\"\nsummary = \"A demo that must be stopped.\"\n\n[demo]\n{body}")
}

/// Parses `body` (the `[demo]` part of a lesson) and runs it headless with
/// the default limits, failing if it takes longer than [`TIMEOUT`].
fn run(body: &str) -> Report {
    run_with(body, Limits::default())
}

fn run_with(body: &str, limits: Limits) -> Report {
    let text = lesson(body);
    let lesson = asynclings::lesson::parse("limits.toml", &text)
        .unwrap_or_else(|e| panic!("the test lesson is valid:\n{}", e.render(false)));
    let (tx, rx) = mpsc::channel();
    let start = Instant::now();
    std::thread::spawn(move || {
        let report = engine::run_headless(&lesson.demo, &limits);
        let _ = tx.send(report);
    });
    let report = rx
        .recv_timeout(TIMEOUT)
        .unwrap_or_else(|_| panic!("the run did not end within {TIMEOUT:?}:\n{text}"));
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

#[test]
fn an_endless_loop_without_await_hits_the_loop_limit() {
    let report = run(r#"
[[demo.coroutine]]
name = "main"
body = [
  { set = "n", to = 0 },
  { while = "True", body = [{ set = "n", to = "{n + 1}" }] },
]
"#);
    let reason = aborted(&report);
    assert!(reason.contains("(limit: loop iterations)"), "{reason}");
    assert!(reason.contains("`main`"), "{reason}");
}

#[test]
fn an_endless_loop_of_zero_sleeps_hits_the_loop_limit() {
    let report = run(r#"
[[demo.coroutine]]
name = "main"
body = [
  { while = "True", body = [{ sleep = 0 }] },
]
"#);
    let reason = aborted(&report);
    assert!(reason.contains("(limit: loop iterations)"), "{reason}");
}

const RECURSION: &str = r#"
[[demo.coroutine]]
name = "again"
body = [{ call = "again" }]

[[demo.coroutine]]
name = "main"
body = [{ call = "again" }]
"#;

#[test]
fn a_coroutine_calling_itself_hits_the_depth_limit() {
    let report = run(RECURSION);
    let reason = aborted(&report);
    assert!(reason.contains("(limit: call depth)"), "{reason}");
    assert!(reason.contains("`again`"), "{reason}");
}

#[test]
fn a_coroutine_calling_itself_hits_a_lower_depth_limit() {
    let limits = Limits {
        max_depth: 40,
        ..Limits::default()
    };
    let report = run_with(RECURSION, limits);
    let reason = aborted(&report);
    assert!(
        reason.contains("deeper than 40 (limit: call depth)"),
        "{reason}"
    );
    assert!(reason.contains("`again`"), "{reason}");
}

#[test]
fn spawning_in_an_endless_loop_is_stopped() {
    let report = run(r#"
[[demo.coroutine]]
name = "worker"
body = [{ sleep = 1 }]

[[demo.coroutine]]
name = "main"
body = [
  { while = "True", body = [{ spawn = "worker", into = "t" }] },
]
"#);
    let reason = aborted(&report);
    assert!(
        reason.contains("(limit: loop iterations)") || reason.contains("(limit: tasks)"),
        "{reason}"
    );
}

#[test]
fn tasks_that_each_spawn_another_hit_the_task_limit() {
    let report = run(r#"
[[demo.coroutine]]
name = "breed"
body = [
  { spawn = "breed", into = "a" },
  { spawn = "breed", into = "b" },
  { await = "a" },
  { await = "b" },
]

[[demo.coroutine]]
name = "main"
body = [{ call = "breed" }]
"#);
    let reason = aborted(&report);
    assert!(
        reason.contains("(limit: tasks)") || reason.contains("(limit: steps)"),
        "{reason}"
    );
}

#[test]
fn collecting_an_endless_generator_is_stopped() {
    let report = run(r#"
[[demo.generator]]
name = "forever"
body = [
  { set = "n", to = 0 },
  { while = "True", body = [
      { yield = "{n}" },
      { set = "n", to = "{n + 1}" },
  ] },
]

[[demo.coroutine]]
name = "main"
body = [
  { collect = "forever", as = "x", into = "xs" },
  { print = "{len(xs)}" },
]
"#);
    let reason = aborted(&report);
    assert!(reason.contains("(limit: loop iterations)"), "{reason}");
    assert!(reason.contains("`forever`"), "{reason}");
}

#[test]
fn awaiting_a_future_nobody_resolves_is_a_deadlock() {
    let report = run(r#"
[[demo.coroutine]]
name = "main"
body = [
  { future = "fut" },
  { print = "waiting" },
  { await = "fut" },
  { print = "never printed" },
]
"#);
    let reason = aborted(&report);
    assert!(reason.contains("deadlock"), "{reason}");
    assert_eq!(report.printed(), ["waiting"]);
}

#[test]
fn awaiting_a_future_after_the_other_tasks_end_is_a_deadlock() {
    let report = run(r#"
[[demo.coroutine]]
name = "worker"
body = [{ sleep = 1 }, { print = "worker done" }]

[[demo.coroutine]]
name = "main"
body = [
  { future = "fut" },
  { spawn = "worker", into = "t" },
  { await = "fut" },
]
"#);
    let reason = aborted(&report);
    assert!(reason.contains("deadlock"), "{reason}");
    assert_eq!(report.printed(), ["worker done"]);
}

const HUGE_RANGE: &str = r#"
[[demo.coroutine]]
name = "main"
body = [
  { for = "i", in = "{range(1000000000000)}", body = [{ set = "x", to = "{i}" }] },
]
"#;

#[test]
fn a_huge_range_ends_the_run_at_once() {
    let start = Instant::now();
    let report = run(HUGE_RANGE);
    assert!(start.elapsed() < Duration::from_secs(5));
    let reason = match &report.outcome {
        Outcome::Aborted(reason) | Outcome::Failed(reason) => reason,
        other => panic!("expected the run to be stopped, it ended with {other:?}"),
    };
    assert!(
        reason.contains("range() of 1000000000000 items"),
        "{reason}"
    );
    assert!(reason.contains("limit"), "{reason}");
}

#[test]
fn a_huge_range_is_aborted_as_a_limit() {
    let report = run(HUGE_RANGE);
    let reason = aborted(&report);
    assert!(reason.contains("(limit: "), "{reason}");
}

#[test]
fn a_long_sleep_hits_the_virtual_time_limit() {
    let report = run(r#"
[[demo.coroutine]]
name = "main"
body = [{ sleep = 100000 }]
"#);
    let reason = aborted(&report);
    assert!(reason.contains("(limit: virtual duration)"), "{reason}");
}

#[test]
fn an_endless_ticking_loop_hits_the_virtual_time_limit() {
    let report = run(r#"
[[demo.coroutine]]
name = "main"
body = [
  { while = "True", body = [{ sleep = 1 }, { print = "tick" }] },
]
"#);
    let reason = aborted(&report);
    assert!(reason.contains("(limit: virtual duration)"), "{reason}");
}

#[test]
fn nested_loops_hit_the_step_limit() {
    let report = run(r#"
[[demo.coroutine]]
name = "main"
body = [
  { for = "i", in = "{range(5000)}", body = [
      { for = "j", in = "{range(5000)}", body = [{ set = "x", to = "{i + j}" }] },
  ] },
]
"#);
    let reason = aborted(&report);
    assert!(reason.contains("(limit: steps)"), "{reason}");
}

#[test]
fn doubling_a_list_is_stopped() {
    let report = run(r#"
[[demo.coroutine]]
name = "main"
body = [
  { set = "xs", to = [1] },
  { for = "i", in = "{range(80)}", body = [{ set = "xs", to = "{xs + xs}" }] },
  { print = "{len(xs)}" },
]
"#);
    let reason = aborted(&report);
    assert!(reason.contains("limit"), "{reason}");
}

#[test]
fn doubling_a_string_is_stopped() {
    let report = run(r#"
[[demo.coroutine]]
name = "main"
body = [
  { set = "s", to = "ab" },
  { for = "i", in = "{range(80)}", body = [{ set = "s", to = "{s}{s}" }] },
  { print = "{len(s)}" },
]
"#);
    let reason = aborted(&report);
    assert!(reason.contains("limit"), "{reason}");
}

/// `expr` on the smallest 64-bit integer must fail like any overflow, not
/// panic the engine.
fn smallest_int(expr: &str) -> Report {
    run(&format!(
        r#"
[[demo.coroutine]]
name = "main"
body = [
  {{ set = "m", to = "{{-9223372036854775807 - 1}}" }},
  {{ print = "{{{expr}}}" }},
]
"#
    ))
}

fn fails_with_overflow(report: &Report) {
    match &report.outcome {
        Outcome::Failed(m) => assert!(m.contains("overflow"), "{m}"),
        other => panic!("expected an overflow error, the run ended with {other:?}"),
    }
}

#[test]
fn integer_overflow_is_an_error() {
    fails_with_overflow(&smallest_int("m - 1"));
    fails_with_overflow(&smallest_int("m * 2"));
}

#[test]
fn abs_of_the_smallest_integer_is_an_error() {
    fails_with_overflow(&smallest_int("abs(m)"));
}

#[test]
fn floor_division_of_the_smallest_integer_is_an_error() {
    fails_with_overflow(&smallest_int("m // -1"));
}

#[test]
fn remainder_of_the_smallest_integer_is_zero_as_in_python() {
    let report = smallest_int("m % -1");
    assert_eq!(report.outcome, Outcome::Finished);
    assert_eq!(report.printed(), ["0"]);
}
