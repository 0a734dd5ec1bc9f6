//! The engine's behaviour as a user sees it: transcripts, event order,
//! asyncio's cancellation semantics, and live runs that match headless ones.

use asynclings::engine::{self, EventKind, Limits, LiveRun, Outcome};
use asynclings::lesson;
use std::time::{Duration, Instant};

fn demo(text: &str) -> asynclings::demo::ast::Demo {
    match lesson::parse("test.toml", text) {
        Ok(l) => l.demo,
        Err(e) => panic!("{}", e.render(false)),
    }
}

fn transcript(text: &str) -> Vec<String> {
    let report = engine::run_headless(&demo(text), &Limits::default());
    assert_eq!(
        report.outcome,
        Outcome::Finished,
        "{:?}",
        report.transcript()
    );
    report.transcript()
}

const HEADER: &str = "title = \"t\"\nsummary = \"s\"\n[demo]\n";

#[test]
fn timers_due_together_fire_in_creation_order() {
    let lesson = format!(
        r#"{HEADER}
[[demo.coroutine]]
name = "worker"
params = ["n"]
body = [ {{ sleep = 1 }}, {{ print = "worker {{n}}" }} ]

[[demo.coroutine]]
name = "main"
body = [ {{ gather = "worker", args = ["{{n}}"], for = "n", in = "{{range(30)}}" }} ]
"#
    );
    let expected: Vec<String> = (0..30).map(|n| format!("[t=1] worker {n}")).collect();
    assert_eq!(transcript(&lesson), expected);
}

#[test]
fn a_blocking_call_delays_every_other_timer_which_then_fire_in_deadline_order() {
    let lesson = format!(
        r#"{HEADER}
[[demo.coroutine]]
name = "tick"
params = ["name", "delay"]
body = [ {{ sleep = "{{delay}}" }}, {{ print = "{{name}} due at {{delay}}" }} ]

[[demo.coroutine]]
name = "hog"
body = [ {{ print = "hog blocks" }}, {{ block = 3 }}, {{ print = "hog done" }} ]

[[demo.coroutine]]
name = "main"
body = [
  {{ spawn = "tick", args = ["late", 2.5], into = "a" }},
  {{ spawn = "tick", args = ["early", 1], into = "b" }},
  {{ spawn = "hog", into = "c" }},
  {{ await = "a" }},
  {{ await = "b" }},
  {{ await = "c" }},
]
"#
    );
    assert_eq!(
        transcript(&lesson),
        [
            "[t=0] hog blocks",
            "[t=3] hog done",
            "[t=3] early due at 1",
            "[t=3] late due at 2.5",
        ]
    );
}

const CANCELLATION: &str = r#"
[[demo.coroutine]]
name = "worker"
body = [
  { try = [ { print = "working" }, { sleep = 10 }, { print = "never" } ],
    on_cancel = [ { print = "cancelled, cleaning up" }, { sleep = 0.5 }, { print = "clean" } ],
    finally = [ { print = "finally" } ] },
]

[[demo.coroutine]]
name = "main"
body = [
  { wait_for = "worker", timeout = 2, into = "r", on_timeout = [ { print = "timed out" } ] },
  { print = "main goes on" },
]
"#;

#[test]
fn wait_for_cancels_at_the_await_point_and_returns_after_cleanup() {
    let lesson = format!("{HEADER}{CANCELLATION}");
    assert_eq!(
        transcript(&lesson),
        [
            "[t=0] working",
            "[t=2] cancelled, cleaning up",
            "[t=2.5] clean",
            "[t=2.5] finally",
            "[t=2.5] timed out",
            "[t=2.5] main goes on",
        ]
    );
    let report = engine::run_headless(&demo(&lesson), &Limits::default());
    let timed_out: Vec<_> = report
        .events
        .iter()
        .filter(|e| e.kind == EventKind::TimedOut)
        .collect();
    assert_eq!(timed_out.len(), 1);
    assert_eq!(timed_out[0].time, Duration::from_millis(2500));
}

#[test]
fn asyncio_run_cancels_the_tasks_left_when_main_returns() {
    let lesson = format!(
        r#"{HEADER}
[[demo.coroutine]]
name = "background"
body = [ {{ try = [ {{ sleep = 5 }} ], finally = [ {{ print = "background cleaned up" }} ] }} ]

[[demo.coroutine]]
name = "main"
body = [ {{ spawn = "background", into = "t" }}, {{ sleep = 1 }}, {{ print = "main done" }} ]
"#
    );
    assert_eq!(
        transcript(&lesson),
        ["[t=1] main done", "[t=1] background cleaned up"]
    );
}

#[test]
fn a_cancelled_task_that_never_started_runs_nothing() {
    let lesson = format!(
        r#"{HEADER}
[[demo.coroutine]]
name = "job"
body = [ {{ print = "job ran" }} ]

[[demo.coroutine]]
name = "main"
body = [
  {{ spawn = "job", into = "t" }},
  {{ cancel = "t" }},
  {{ try = [ {{ await = "t" }} ], on_cancel = [ {{ print = "awaiting it raised CancelledError" }} ] }},
]
"#
    );
    let report = engine::run_headless(&demo(&lesson), &Limits::default());
    assert_eq!(
        report.transcript(),
        ["[t=0] awaiting it raised CancelledError"]
    );
    // CancelledError re-raised out of main: the run failed, as asyncio.run would.
    assert!(matches!(report.outcome, Outcome::Failed(_)));
}

const FOUR_SECONDS: &str = r#"
[[demo.coroutine]]
name = "step"
params = ["name", "delay"]
body = [ { sleep = "{delay}" }, { print = "{name} after {delay}" }, { return = "{delay}" } ]

[[demo.coroutine]]
name = "main"
body = [
  { gather = [ { call = "step", args = ["a", 1] }, { call = "step", args = ["b", 2.5] } ], into = "r" },
  { block = 0.5 },
  { call = "step", args = ["c", 1], into = "x" },
  { print = "{r} {x}" },
]
"#;

#[test]
fn a_live_run_produces_the_same_events_as_a_headless_run() {
    let d = demo(&format!("{HEADER}{FOUR_SECONDS}"));
    let headless = engine::run_headless(&d, &Limits::default());
    assert_eq!(headless.duration(), Duration::from_secs(4));
    let started = Instant::now();
    let live = LiveRun::start(&d, &Limits::default(), 10.0, false);
    let (events, outcome) = live.wait();
    assert_eq!(outcome, Outcome::Finished);
    assert_eq!(events, headless.events);
    // Paced, not instant: 4 virtual seconds at 10x take at least 0.3 s.
    assert!(started.elapsed() >= Duration::from_millis(300));
}

#[test]
fn pause_and_step_hold_virtual_time_and_stepping_moves_to_the_next_instant() {
    let d = demo(&format!("{HEADER}{FOUR_SECONDS}"));
    let live = LiveRun::start(&d, &Limits::default(), 1.0, true);
    std::thread::sleep(Duration::from_millis(100));
    assert!(live.drain().is_empty(), "a paused run does nothing");
    live.control().step();
    let first = wait_for_pause(&live);
    assert!(first.iter().all(|e| e.time.is_zero()), "{first:?}");
    assert!(!first.is_empty());
    live.control().step();
    let second = wait_for_pause(&live);
    assert!(!second.is_empty());
    assert!(
        second.iter().all(|e| e.time == Duration::from_secs(1)),
        "{second:?}"
    );
    assert!(second.iter().any(|e| e.kind
        == EventKind::Printed {
            text: "a after 1".into()
        }));
    live.control().stop();
}

fn wait_for_pause(live: &LiveRun) -> Vec<engine::Event> {
    let deadline = Instant::now() + Duration::from_secs(5);
    std::thread::sleep(Duration::from_millis(50));
    while !live.control().is_paused() || live.control().is_stepping() {
        assert!(Instant::now() < deadline, "the step never finished");
        std::thread::sleep(Duration::from_millis(10));
    }
    std::thread::sleep(Duration::from_millis(30));
    live.drain()
}

/// Real TCP on 127.0.0.1 with a paused clock: Tokio polls the I/O driver
/// with a zero timeout before it moves the clock, and loopback delivers
/// data during the sending call, so every run gives the same transcript
/// and the same events (times, lanes, order).
#[test]
fn tcp_runs_are_deterministic() {
    let lesson = lesson::parse("15-io.toml", include_str!("../lessons/15-io.toml"))
        .unwrap_or_else(|e| panic!("{}", e.render(false)));
    let first = engine::run_headless(&lesson.demo, &Limits::default());
    assert_eq!(first.outcome, Outcome::Finished, "{:?}", first.transcript());
    assert!(
        first
            .transcript()
            .contains(&"[t=2.7] C: got reply for C".to_string()),
        "{:?}",
        first.transcript()
    );
    let events: Vec<String> = first.events.iter().map(|e| e.to_string()).collect();
    for run in 1..50 {
        let again = engine::run_headless(&lesson.demo, &Limits::default());
        assert_eq!(again.transcript(), first.transcript(), "run {run}");
        let again: Vec<String> = again.events.iter().map(|e| e.to_string()).collect();
        assert_eq!(again, events, "events of run {run}");
    }
}

#[test]
fn comprehension_variables_do_not_leak_or_clobber() {
    let lesson = format!(
        r#"{HEADER}
[[demo.generator]]
name = "numbers"
body = [ {{ yield = 1 }}, {{ yield = 2 }} ]

[[demo.coroutine]]
name = "double"
params = ["x"]
body = [ {{ sleep = 1 }}, {{ return = "{{x * 2}}" }} ]

[[demo.coroutine]]
name = "main"
body = [
  {{ set = "n", to = "outer" }},
  {{ gather = "double", args = ["{{n}}"], for = "n", in = [1, 2], into = "doubled" }},
  {{ collect = "numbers", as = "n", value = "{{n * 10}}", into = "tens" }},
  {{ print = "{{n}} {{doubled}} {{tens}}" }},
]
"#
    );
    assert_eq!(transcript(&lesson), ["[t=1] outer [2, 4] [10, 20]"]);
    let text = lesson.replace(r#"{ set = "n", to = "outer" },"#, "");
    let errors = lesson::errors_of("leak.toml", &text);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].message.contains("`n` is not defined in `main`"),
        "{}",
        errors[0]
    );
}
