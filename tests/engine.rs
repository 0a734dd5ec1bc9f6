//! The engine's behaviour as a user sees it: transcripts, event order,
//! asyncio's cancellation semantics, and live runs that match headless ones.

use asynclings::engine::{self, EventKind, FrameExit, FrameKind, Limits, LiveRun, Outcome, Script};
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
            EventKind::Created { call, .. } if &**call == "worker()" => Some(e.lane),
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

/// The events of a headless run as `--events` prints them, without the
/// statement ids, leaving out polls and wakes.
fn story(source: &str) -> Vec<String> {
    let report = engine::run_headless(script(source), &Limits::default());
    assert_eq!(
        report.outcome,
        Outcome::Finished,
        "{:?}",
        report.transcript()
    );
    report
        .events
        .iter()
        .filter(|e| !matches!(e.kind, EventKind::Polled | EventKind::Woken))
        .map(|e| {
            let line = e.to_string();
            match line.rfind(" @s") {
                Some(i) => line[..i].to_string(),
                None => line,
            }
        })
        .collect()
}

fn created(source: &str) -> Vec<(u32, String, String, bool, Option<u32>)> {
    let report = engine::run_headless(script(source), &Limits::default());
    report
        .events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::Created {
                call,
                name,
                named,
                parent,
                ..
            } => Some((e.lane, call.to_string(), name.to_string(), *named, *parent)),
            _ => None,
        })
        .collect()
}

const AWAITS: &str = r#"
import asyncio


async def fetch(what, seconds):
    print(f"{what}: start")
    await asyncio.sleep(seconds)
    return f"{what} data"


async def main():
    users = await fetch("users", 1)
    orders = await fetch("orders", 2)
    print(f"got {users} and {orders}")


asyncio.run(main())
"#;

#[test]
fn an_awaited_coroutine_is_a_frame_of_the_awaiting_task_not_a_lane() {
    assert_eq!(
        story(AWAITS),
        [
            "[t=0] #0 created task Task-1: main()",
            "[t=0] #0 enters coroutine fetch('users', 1)",
            "[t=0] #0 printed \"users: start\"",
            // The task itself waits on the timer, inside frame `fetch`.
            "[t=0] #0 suspended on timer until t=1",
            "[t=1] #0 leaves fetch('users', 1): returned 'users data'",
            "[t=1] #0 enters coroutine fetch('orders', 2)",
            "[t=1] #0 printed \"orders: start\"",
            "[t=1] #0 suspended on timer until t=3",
            "[t=3] #0 leaves fetch('orders', 2): returned 'orders data'",
            "[t=3] #0 printed \"got users data and orders data\"",
            "[t=3] #0 returned None",
        ]
    );
}

#[test]
fn an_async_generator_runs_as_frames_of_the_task_that_asks_for_items() {
    let program = r#"
import asyncio


async def ticks(n):
    for i in range(n):
        await asyncio.sleep(1)
        yield i


async def consume(gen):
    async for x in gen:
        print(f"got {x}")


async def main():
    gen = ticks(2)
    await asyncio.create_task(consume(gen))


asyncio.run(main())
"#;
    assert_eq!(
        story(program),
        [
            "[t=0] #0 created task Task-1: main()",
            "[t=0] #1 created task Task-2: consume(<async_generator object ticks>) (by #0)",
            "[t=0] #0 suspended on task #1",
            // Made by main, driven by the consumer: its frames are the consumer's.
            "[t=0] #1 enters async generator ticks(2)",
            "[t=0] #1 suspended on timer until t=1",
            "[t=1] #1 leaves ticks(2): yielded an item",
            "[t=1] #1 printed \"got 0\"",
            "[t=1] #1 enters async generator ticks(2)",
            "[t=1] #1 suspended on timer until t=2",
            "[t=2] #1 leaves ticks(2): yielded an item",
            "[t=2] #1 printed \"got 1\"",
            "[t=2] #1 enters async generator ticks(2)",
            "[t=2] #1 leaves ticks(2): StopAsyncIteration",
            "[t=2] #1 returned None",
            "[t=2] #0 returned None",
        ]
    );
}

#[test]
fn a_class_iterator_is_an_iterator_frame_ended_by_stop_async_iteration() {
    let program = r#"
import asyncio


class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        await asyncio.sleep(1)
        self.n -= 1
        return self.n


async def main():
    async for n in Countdown(2):
        print(n)


asyncio.run(main())
"#;
    let report = engine::run_headless(script(program), &Limits::default());
    let frames: Vec<_> = report
        .events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::FrameEntered { name, kind } => Some(format!("{kind:?} {name}")),
            EventKind::FrameLeft { exit, .. } => Some(format!("{exit:?}")),
            _ => None,
        })
        .collect();
    assert_eq!(
        frames,
        [
            "Iterator Countdown.__anext__()",
            "Returned { value: \"1\" }",
            "Iterator Countdown.__anext__()",
            "Returned { value: \"0\" }",
            "Iterator Countdown.__anext__()",
            "Exhausted",
        ]
    );
    assert_eq!(FrameKind::Iterator.label(), "async iterator");
    // One lane: the main task.
    assert_eq!(created(program).len(), 1);
    let end = report
        .events
        .iter()
        .find(|e| {
            matches!(
                &e.kind,
                EventKind::FrameLeft {
                    exit: FrameExit::Exhausted,
                    ..
                }
            )
        })
        .expect("the end of the iteration is an event");
    assert_eq!((end.lane, end.time), (0, Duration::from_secs(2)));
}

#[test]
fn an_async_context_manager_enters_and_exits_as_frames() {
    let program = r#"
import asyncio


class Conn:
    async def __aenter__(self):
        await asyncio.sleep(0.5)
        return "handle"

    async def __aexit__(self, kind, exc, tb):
        await asyncio.sleep(0.5)
        print("closed")


async def main():
    async with Conn() as c:
        print(f"using {c}")


asyncio.run(main())
"#;
    assert_eq!(
        story(program),
        [
            "[t=0] #0 created task Task-1: main()",
            "[t=0] #0 enters context manager Conn.__aenter__()",
            "[t=0] #0 suspended on timer until t=0.5",
            "[t=0.5] #0 leaves Conn.__aenter__(): returned 'handle'",
            "[t=0.5] #0 printed \"using handle\"",
            "[t=0.5] #0 enters context manager Conn.__aexit__(None, None, None)",
            "[t=0.5] #0 suspended on timer until t=1",
            "[t=1] #0 printed \"closed\"",
            "[t=1] #0 leaves Conn.__aexit__(None, None, None): returned None",
            "[t=1] #0 returned None",
        ]
    );
}

#[test]
fn gather_wraps_each_coroutine_in_a_task_of_its_own() {
    let program = r#"
import asyncio


async def fetch(what, seconds):
    await asyncio.sleep(seconds)
    return what


async def main():
    r = await asyncio.gather(fetch("slow", 3), fetch("fast", 1))
    print(r)


asyncio.run(main())
"#;
    assert_eq!(
        created(program),
        [
            (0, "main()".into(), "Task-1".into(), false, None),
            (
                1,
                "fetch('slow', 3)".into(),
                "Task-2".into(),
                false,
                Some(0)
            ),
            (
                2,
                "fetch('fast', 1)".into(),
                "Task-3".into(),
                false,
                Some(0)
            ),
        ]
    );
    let s = story(program);
    assert!(
        s.contains(&"[t=0] #0 suspended on tasks #1 #2".to_string()),
        "{s:#?}"
    );
    assert!(!s.iter().any(|l| l.contains("enters")), "{s:#?}");
}

#[test]
fn a_task_is_labelled_by_its_name_when_given_one_and_names_count_as_in_cpython() {
    let program = r#"
import asyncio


async def work(n, *, label="x"):
    await asyncio.sleep(n)


async def main():
    a = asyncio.create_task(work(1), name="first")
    b = asyncio.create_task(work(2, label="long " * 10))
    print(asyncio.current_task().get_name(), a.get_name(), b.get_name())
    await asyncio.gather(a, b)
    c = asyncio.create_task(work(0))
    c.set_name(42)
    print(c.get_name(), repr(c.get_name()))


asyncio.run(main())
"#;
    // What CPython 3.11 prints: `asyncio.create_task(name=...)` still uses up
    // a number (the task is made, then renamed).
    assert_eq!(
        transcript(program),
        ["[t=0] Task-1 first Task-3", "[t=2] 42 '42'"]
    );
    let tasks = created(program);
    assert_eq!(
        tasks[1],
        (
            1,
            "work(1, label='x')".into(),
            "first".into(),
            true,
            Some(0)
        )
    );
    assert_eq!(tasks[2].1, "work(2, label='long long long l'…)");
    assert!(!tasks[2].3);
    assert_eq!(tasks[3].2, "Task-4");
    let renamed: Vec<String> = engine::run_headless(script(program), &Limits::default())
        .events
        .iter()
        .filter(|e| matches!(e.kind, EventKind::Renamed { .. }))
        .map(|e| e.to_string())
        .collect();
    assert_eq!(renamed, ["[t=2] #3 renamed 42"]);
}

/// The traceback an uncaught exception ends the run with.
fn uncaught(source: &str) -> String {
    match engine::run_headless(script(source), &Limits::default()).outcome {
        Outcome::Raised { traceback, .. } => traceback,
        other => panic!("expected an uncaught exception, got {other:?}"),
    }
}

#[test]
fn an_uncaught_exception_prints_its_cause_and_context_chain_as_cpython_does() {
    let program = r#"import asyncio


def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise RuntimeError("bad config") from e


async def main():
    try:
        parse("x")
    except RuntimeError:
        {}["missing"]


asyncio.run(main())
"#;
    let expected = r#"Traceback (most recent call last):
  File "test.py", line 6, in parse
    return int(text)
           ^^^^^^^^^
ValueError: invalid literal for int() with base 10: 'x'

The above exception was the direct cause of the following exception:

Traceback (most recent call last):
  File "test.py", line 13, in main
    parse("x")
  File "test.py", line 8, in parse
    raise RuntimeError("bad config") from e
RuntimeError: bad config

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "test.py", line 18, in <module>
    asyncio.run(main())
  File "test.py", line 15, in main
    {}["missing"]
    ~~^^^^^^^^^^^
KeyError: 'missing'"#;
    assert_eq!(uncaught(program), expected);
}

#[test]
fn raise_from_none_hides_the_context_and_a_bare_raise_keeps_the_original_line() {
    let program = r#"import asyncio


def lookup(key):
    try:
        return {}[key]
    except KeyError:
        raise LookupError(f"no {key}") from None


def again():
    try:
        lookup("k")
    except LookupError:
        raise


async def main():
    again()


asyncio.run(main())
"#;
    let expected = r#"Traceback (most recent call last):
  File "test.py", line 22, in <module>
    asyncio.run(main())
  File "test.py", line 19, in main
    again()
  File "test.py", line 13, in again
    lookup("k")
  File "test.py", line 8, in lookup
    raise LookupError(f"no {key}") from None
LookupError: no k"#;
    assert_eq!(uncaught(program), expected);
}

#[test]
fn a_coroutine_never_awaited_is_reported_on_stderr_and_the_transcript_is_unchanged() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_asynclings"))
        .args(["run", "lessons/01-coroutines.py", "--headless"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs");
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "[t=0] made a coroutine object; nothing has run yet\n[t=1] now awaiting it\n\
         [t=1] hello, Ada\n[t=2] goodbye, Ada\n[t=2] main is done\n"
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "lessons/01-coroutines.py:13: RuntimeWarning: coroutine 'greet' was never awaited\n  \
         forgotten = greet(\"Ghost\")\n\
         RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n"
    );
}

#[test]
fn a_bare_coroutine_call_warns_at_its_line_as_cpython_does_and_close_or_await_do_not() {
    let program = r#"import asyncio


async def greet(name):
    print(f"hello, {name}")


class Box:
    async def open(self):
        pass


async def main():
    greet("bare")
    Box().open()
    c = greet("closed")
    c.close()
    await greet("awaited")
    asyncio.create_task(greet("task"))


asyncio.run(main())
"#;
    let report = engine::run_headless(script(program), &Limits::default());
    assert_eq!(report.outcome, Outcome::Finished);
    let tracemalloc = "RuntimeWarning: Enable tracemalloc to get the object allocation traceback";
    assert_eq!(
        report.warnings,
        vec![
            format!(
                "test.py:14: RuntimeWarning: coroutine 'greet' was never awaited\n  greet(\"bare\")\n{tracemalloc}"
            ),
            format!(
                "test.py:15: RuntimeWarning: coroutine 'Box.open' was never awaited\n  Box().open()\n{tracemalloc}"
            ),
        ]
    );
}

#[test]
fn a_server_handler_task_is_made_by_no_task_as_asyncio_accept_callback_runs_outside_tasks() {
    let program = r#"import asyncio


async def handle(reader, writer):
    print("handler:", asyncio.current_task().get_name())
    writer.close()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    reader, writer = await asyncio.open_connection(*server.sockets[0].getsockname())
    await asyncio.sleep(0.1)
    writer.close()
    server.close()


asyncio.run(main())
"#;
    let made = created(program);
    assert_eq!(made.len(), 2, "{made:?}");
    let handler = &made[1];
    assert!(handler.1.starts_with("handle("), "{made:?}");
    assert_eq!(handler.2, "Task-2");
    assert_eq!(handler.4, None, "the accept callback is no task");
}
