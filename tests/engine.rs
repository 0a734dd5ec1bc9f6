//! The engine's behaviour as a user sees it: transcripts, event order,
//! asyncio's cancellation semantics, and live runs that match headless ones.

use asynclings::engine::{self, EventKind, Limits, LiveRun, Outcome, Script};
use asynclings::lesson;
use std::time::{Duration, Instant};

/// What the engine runs for this Python program.
fn script(source: &str) -> Script {
    match lesson::python_lesson("test.py", source) {
        Ok(l) => l.script(),
        Err(e) => panic!("{}", e.render(false)),
    }
}

fn transcript(source: &str) -> Vec<String> {
    let report = engine::run_headless(script(source), &Limits::default());
    assert_eq!(
        report.outcome,
        Outcome::Finished,
        "{:?}",
        report.transcript()
    );
    report.transcript()
}

#[test]
fn timers_due_together_fire_in_creation_order() {
    let program = r#"
import asyncio


async def worker(n):
    await asyncio.sleep(1)
    print(f"worker {n}")


async def main():
    await asyncio.gather(*(worker(n) for n in range(30)))


asyncio.run(main())
"#;
    let expected: Vec<String> = (0..30).map(|n| format!("[t=1] worker {n}")).collect();
    assert_eq!(transcript(program), expected);
}

#[test]
fn a_blocking_call_delays_every_other_timer_which_then_fire_in_deadline_order() {
    let program = r#"
import asyncio
import time


async def tick(name, delay):
    await asyncio.sleep(delay)
    print(f"{name} due at {delay}")


async def hog():
    print("hog blocks")
    time.sleep(3)
    print("hog done")


async def main():
    a = asyncio.create_task(tick("late", 2.5))
    b = asyncio.create_task(tick("early", 1))
    c = asyncio.create_task(hog())
    await a
    await b
    await c


asyncio.run(main())
"#;
    assert_eq!(
        transcript(program),
        [
            "[t=0] hog blocks",
            "[t=3] hog done",
            "[t=3] early due at 1",
            "[t=3] late due at 2.5",
        ]
    );
}

const CANCELLATION: &str = r#"
import asyncio


async def worker():
    try:
        print("working")
        await asyncio.sleep(10)
        print("never")
    except asyncio.CancelledError:
        print("cancelled, cleaning up")
        await asyncio.sleep(0.5)
        print("clean")
        raise
    finally:
        print("finally")


async def main():
    try:
        r = await asyncio.wait_for(worker(), timeout=2)
    except TimeoutError:
        print("timed out")
    print("main goes on")


asyncio.run(main())
"#;

#[test]
fn wait_for_cancels_at_the_await_point_and_returns_after_cleanup() {
    assert_eq!(
        transcript(CANCELLATION),
        [
            "[t=0] working",
            "[t=2] cancelled, cleaning up",
            "[t=2.5] clean",
            "[t=2.5] finally",
            "[t=2.5] timed out",
            "[t=2.5] main goes on",
        ]
    );
    // The worker's lane ends once, when its cleanup is over (as in CPython,
    // `wait_for` cancels the task it timed out).
    let report = engine::run_headless(script(CANCELLATION), &Limits::default());
    let worker = report
        .events
        .iter()
        .find_map(|e| match &e.kind {
            EventKind::Created { name, .. } if &**name == "worker" => Some(e.lane),
            _ => None,
        })
        .expect("a lane for the worker");
    let ended: Vec<_> = report
        .events
        .iter()
        .filter(|e| e.lane == worker)
        .filter(|e| matches!(e.kind, EventKind::TimedOut | EventKind::Cancelled))
        .collect();
    assert_eq!(ended.len(), 1, "{ended:?}");
    assert_eq!(ended[0].time, Duration::from_millis(2500));
}

#[test]
fn asyncio_run_cancels_the_tasks_left_when_main_returns() {
    let program = r#"
import asyncio


async def background():
    try:
        await asyncio.sleep(5)
    finally:
        print("background cleaned up")


async def main():
    t = asyncio.create_task(background())
    await asyncio.sleep(1)
    print("main done")


asyncio.run(main())
"#;
    assert_eq!(
        transcript(program),
        ["[t=1] main done", "[t=1] background cleaned up"]
    );
}

#[test]
fn a_cancelled_task_that_never_started_runs_nothing() {
    let program = r#"
import asyncio


async def job():
    print("job ran")


async def main():
    t = asyncio.create_task(job())
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("awaiting it raised CancelledError")
        raise


asyncio.run(main())
"#;
    let report = engine::run_headless(script(program), &Limits::default());
    assert_eq!(
        report.transcript(),
        ["[t=0] awaiting it raised CancelledError"]
    );
    // CancelledError re-raised out of main: the run fails, as asyncio.run's does.
    match &report.outcome {
        Outcome::Raised { traceback, .. } => assert!(
            traceback.ends_with("asyncio.exceptions.CancelledError")
                || traceback.ends_with("asyncio.exceptions.CancelledError\n"),
            "{traceback}"
        ),
        other => panic!("expected CancelledError out of main, the run ended with {other:?}"),
    }
}

/// A program lasting 4 virtual seconds: a gather of 1 s and 2.5 s, a 0.5 s
/// blocking call, then a 1 s step.
const FOUR_SECONDS: &str = r#"
import asyncio
import time


async def step(name, delay):
    await asyncio.sleep(delay)
    print(f"{name} after {delay}")
    return delay


async def main():
    r = await asyncio.gather(step("a", 1), step("b", 2.5))
    time.sleep(0.5)
    x = await step("c", 1)
    print(f"{r} {x}")


asyncio.run(main())
"#;

#[test]
fn a_live_run_produces_the_same_events_as_a_headless_run() {
    let s = script(FOUR_SECONDS);
    let headless = engine::run_headless(s.clone(), &Limits::default());
    assert_eq!(headless.duration(), Duration::from_secs(4));
    assert_eq!(
        headless.transcript(),
        [
            "[t=1] a after 1",
            "[t=2.5] b after 2.5",
            "[t=4] c after 1",
            "[t=4] [1, 2.5] 1",
        ]
    );
    let started = Instant::now();
    let live = LiveRun::start(s, &Limits::default(), 10.0, false);
    let (events, outcome) = live.wait();
    assert_eq!(outcome, Outcome::Finished);
    assert_eq!(events, headless.events);
    // Paced, not instant: 4 virtual seconds at 10x take at least 0.3 s.
    assert!(started.elapsed() >= Duration::from_millis(300));
}

#[test]
fn pause_and_step_hold_virtual_time_and_stepping_moves_to_the_next_instant() {
    let live = LiveRun::start(script(FOUR_SECONDS), &Limits::default(), 1.0, true);
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
/// and the same events (times, lanes, order). Only the server's port,
/// which the system picks, differs from run to run.
#[test]
fn tcp_runs_are_deterministic() {
    let lessons = lesson::Lessons::built_in();
    let io = lessons.find("io").expect("the built-in io lesson");
    let first = engine::run_headless(io.script(), &Limits::default());
    assert_eq!(first.outcome, Outcome::Finished, "{:?}", first.transcript());
    assert!(
        first
            .transcript()
            .contains(&"[t=2.7] C: got reply for C".to_string()),
        "{:?}",
        first.transcript()
    );
    let events = without_ports(&first.events);
    for run in 1..50 {
        let again = engine::run_headless(io.script(), &Limits::default());
        assert_eq!(again.transcript(), first.transcript(), "run {run}");
        assert_eq!(without_ports(&again.events), events, "events of run {run}");
    }
}

/// The events as text, with every `port N` written `port _`.
fn without_ports(events: &[engine::Event]) -> Vec<String> {
    events
        .iter()
        .map(|e| {
            let text = e.to_string();
            let mut out = String::new();
            let mut rest = text.as_str();
            while let Some(at) = rest.find("port ") {
                out.push_str(&rest[..at + 5]);
                rest = rest[at + 5..].trim_start_matches(|c: char| c.is_ascii_digit());
                out.push('_');
            }
            out.push_str(rest);
            out
        })
        .collect()
}

const COMPREHENSIONS: &str = r#"
import asyncio


async def double(x):
    await asyncio.sleep(1)
    return x * 2


async def main():
    n = "outer"
    doubled = await asyncio.gather(*(double(n) for n in [1, 2]))
    tens = [n * 10 async for n in numbers()]
    print(f"{n} {doubled} {tens}")


async def numbers():
    yield 1
    yield 2


asyncio.run(main())
"#;

#[test]
fn comprehension_variables_do_not_leak_or_clobber() {
    assert_eq!(transcript(COMPREHENSIONS), ["[t=1] outer [2, 4] [10, 20]"]);
    // Without the outer `n`, the comprehensions' `n` is not visible after
    // them: reading it raises NameError, at the line that reads it.
    let text = COMPREHENSIONS.replace("    n = \"outer\"\n", "");
    let report = engine::run_headless(script(&text), &Limits::default());
    assert!(report.transcript().is_empty(), "{:?}", report.transcript());
    match &report.outcome {
        Outcome::Raised { traceback, at } => {
            assert!(
                traceback
                    .trim_end()
                    .ends_with("NameError: name 'n' is not defined"),
                "{traceback}"
            );
            let line = text[..*at].lines().count();
            assert_eq!(
                text.lines().nth(line - 1),
                Some("    print(f\"{n} {doubled} {tens}\")"),
                "raised at {at}:\n{traceback}"
            );
        }
        other => panic!("expected a NameError, the run ended with {other:?}"),
    }
}
