//! A run's events as JSON lines: a header, then one object per engine
//! event, in the order `asynclings run --events` prints them. The schema
//! (`asynclings-events`, version [`VERSION`]) is documented in
//! `docs/export.md`.
//!
//! The lines are written from a mirror of the engine's event types, not
//! from the types themselves: the file format stays what the document
//! says while the engine's internals change (shared slices, `Duration`s,
//! new fields), and a new kind of event does not compile until it is
//! given its place in the schema here.

use super::RunInfo;
use crate::engine::{
    CounterKind, Event, EventKind, FrameExit, FrameKind, LaneKind, Outcome, WaitOn,
};
use crate::render::Listing;
use serde::Serialize;
use std::time::Duration;

/// The schema's name, in the header's `schema` field.
pub const SCHEMA: &str = "asynclings-events";
/// The schema's version: it changes when a field changes meaning or goes.
pub const VERSION: u32 = 1;

/// The first line.
#[derive(Serialize)]
struct Header<'a> {
    schema: &'static str,
    version: u32,
    program: &'a str,
    lesson: &'a str,
    title: &'a str,
    seed: Option<u64>,
    outcome: OutcomeJson<'a>,
    events: usize,
}

/// How the run ended.
#[derive(Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
enum OutcomeJson<'a> {
    Finished,
    Raised {
        traceback: &'a str,
    },
    Aborted {
        reason: &'a str,
    },
    Failed {
        message: &'a str,
    },
    /// `sys.exit(n)` ended the program with this exit status.
    Exited {
        code: i32,
    },
    Stopped,
}

/// One event.
#[derive(Serialize)]
struct Line<'a> {
    time: f64,
    lane: u32,
    stmt: Option<u32>,
    line: Option<usize>,
    #[serde(flatten)]
    kind: Kind<'a>,
}

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum Kind<'a> {
    Created {
        lane_kind: &'static str,
        call: &'a str,
        name: &'a str,
        named: bool,
        parent: Option<u32>,
    },
    Renamed {
        name: &'a str,
    },
    FrameEntered {
        name: &'a str,
        frame_kind: &'static str,
    },
    FrameLeft {
        name: &'a str,
        exit: Exit<'a>,
    },
    Polled,
    Suspended {
        on: Wait<'a>,
    },
    WaitChanged {
        on: Wait<'a>,
    },
    Woken,
    Blocked {
        until: f64,
    },
    Unblocked,
    Returned {
        value: &'a str,
    },
    Cancelled,
    TimedOut,
    Printed {
        text: &'a str,
    },
    PrintedNoLoop {
        text: &'a str,
    },
    PrintedErr {
        text: &'a str,
    },
    Logged {
        text: &'a str,
    },
    Failed {
        message: &'a str,
    },
    Aborted {
        reason: &'a str,
    },
    Counter {
        counter: u32,
        name: &'a str,
        counts: &'static str,
        value: i64,
        capacity: Option<i64>,
    },
}

#[derive(Serialize)]
#[serde(tag = "how", rename_all = "snake_case")]
enum Exit<'a> {
    Returned { value: &'a str },
    Yielded,
    Exhausted,
    Raised { message: &'a str },
    Cancelled,
}

#[derive(Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum Wait<'a> {
    Timer { deadline: f64 },
    Lane { lane: u32 },
    Lanes { lanes: &'a [u32] },
    Future { name: &'a str },
    Yield,
    Io { what: &'a str },
    Sync { what: &'a str, holder: Option<u32> },
}

/// Seconds of virtual time, as the schema writes every time.
pub fn seconds(d: Duration) -> f64 {
    d.as_secs_f64()
}

/// The name the schema gives a lane kind.
pub fn lane_kind(kind: LaneKind) -> &'static str {
    match kind {
        LaneKind::Task => "task",
        LaneKind::Worker => "worker",
        LaneKind::Process => "process",
    }
}

fn frame_kind(kind: FrameKind) -> &'static str {
    match kind {
        FrameKind::Coroutine => "coroutine",
        FrameKind::AsyncGenerator => "async_generator",
        FrameKind::Iterator => "async_iterator",
        FrameKind::ContextManager => "context_manager",
    }
}

/// The name the schema gives what a counter counts.
pub fn counter_kind(kind: CounterKind) -> &'static str {
    match kind {
        CounterKind::QueueSize => "queue_size",
        CounterKind::FreePermits => "free_permits",
    }
}

fn exit(e: &FrameExit) -> Exit<'_> {
    match e {
        FrameExit::Returned { value } => Exit::Returned { value },
        FrameExit::Yielded => Exit::Yielded,
        FrameExit::Exhausted => Exit::Exhausted,
        FrameExit::Raised { message } => Exit::Raised { message },
        FrameExit::Cancelled => Exit::Cancelled,
    }
}

fn wait(on: &WaitOn) -> Wait<'_> {
    match on {
        WaitOn::Timer { deadline } => Wait::Timer {
            deadline: seconds(*deadline),
        },
        WaitOn::Lane(lane) => Wait::Lane { lane: *lane },
        WaitOn::Lanes(lanes) => Wait::Lanes { lanes },
        WaitOn::Future(name) => Wait::Future { name },
        WaitOn::Yield => Wait::Yield,
        WaitOn::Io(what) => Wait::Io { what },
        WaitOn::Sync { what, holder } => Wait::Sync {
            what,
            holder: *holder,
        },
    }
}

fn kind(k: &EventKind) -> Kind<'_> {
    match k {
        EventKind::Created {
            kind,
            call,
            name,
            named,
            parent,
        } => Kind::Created {
            lane_kind: lane_kind(*kind),
            call,
            name,
            named: *named,
            parent: *parent,
        },
        EventKind::Renamed { name } => Kind::Renamed { name },
        EventKind::FrameEntered { name, kind } => Kind::FrameEntered {
            name,
            frame_kind: frame_kind(*kind),
        },
        EventKind::FrameLeft { name, exit: e } => Kind::FrameLeft {
            name,
            exit: exit(e),
        },
        EventKind::Polled => Kind::Polled,
        EventKind::Suspended { on } => Kind::Suspended { on: wait(on) },
        EventKind::WaitChanged { on } => Kind::WaitChanged { on: wait(on) },
        EventKind::Woken => Kind::Woken,
        EventKind::Blocked { until } => Kind::Blocked {
            until: seconds(*until),
        },
        EventKind::Unblocked => Kind::Unblocked,
        EventKind::Returned { value } => Kind::Returned { value },
        EventKind::Cancelled => Kind::Cancelled,
        EventKind::TimedOut => Kind::TimedOut,
        EventKind::Printed { text } => Kind::Printed { text },
        EventKind::PrintedNoLoop { text } => Kind::PrintedNoLoop { text },
        EventKind::PrintedErr { text } => Kind::PrintedErr { text },
        EventKind::Logged { text } => Kind::Logged { text },
        EventKind::Failed { message } => Kind::Failed { message },
        EventKind::Aborted { reason } => Kind::Aborted { reason },
        EventKind::Counter {
            id,
            name,
            kind,
            value,
            capacity,
        } => Kind::Counter {
            counter: *id,
            name,
            counts: counter_kind(*kind),
            value: *value,
            capacity: *capacity,
        },
    }
}

fn outcome(o: &Outcome) -> OutcomeJson<'_> {
    match o {
        Outcome::Finished => OutcomeJson::Finished,
        Outcome::Raised { traceback, .. } => OutcomeJson::Raised { traceback },
        Outcome::Aborted(reason) => OutcomeJson::Aborted { reason },
        Outcome::Failed(message) => OutcomeJson::Failed { message },
        Outcome::Exited(code) => OutcomeJson::Exited { code: *code },
        Outcome::Stopped => OutcomeJson::Stopped,
    }
}

/// The JSON lines of a run: the header, then each event; `listing` gives
/// each statement's line in the Python listing (1-based).
pub fn json_lines(info: &RunInfo, events: &[Event], listing: &Listing) -> Vec<u8> {
    let header = Header {
        schema: SCHEMA,
        version: VERSION,
        program: &info.program,
        lesson: &info.lesson,
        title: &info.title,
        seed: info.seed,
        outcome: outcome(&info.outcome),
        events: events.len(),
    };
    let mut out = Vec::new();
    push_line(&mut out, &header);
    for e in events {
        let line = Line {
            time: seconds(e.time),
            lane: e.lane,
            stmt: e.stmt,
            line: e.stmt.and_then(|s| listing.line_of(s)).map(|n| n + 1),
            kind: kind(&e.kind),
        };
        push_line(&mut out, &line);
    }
    out
}

fn push_line(out: &mut Vec<u8>, value: &impl Serialize) {
    serde_json::to_writer(&mut *out, value).expect("the schema's types serialize");
    out.push(b'\n');
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};
    use std::sync::Arc;

    fn info() -> RunInfo {
        RunInfo {
            program: "demo.py".into(),
            lesson: "demo".into(),
            title: "A demo".into(),
            seed: Some(7),
            outcome: Outcome::Finished,
        }
    }

    fn event(ms: u64, lane: u32, kind: EventKind) -> Event {
        Event {
            time: Duration::from_millis(ms),
            lane,
            stmt: None,
            kind,
        }
    }

    #[test]
    fn header_then_one_object_per_event() {
        let events = [
            event(
                0,
                0,
                EventKind::Created {
                    kind: LaneKind::Task,
                    call: "main()".into(),
                    name: "Task-1".into(),
                    named: false,
                    parent: None,
                },
            ),
            event(
                0,
                0,
                EventKind::Suspended {
                    on: WaitOn::Lanes(Arc::from(vec![1, 2])),
                },
            ),
            event(
                1500,
                0,
                EventKind::Suspended {
                    on: WaitOn::Timer {
                        deadline: Duration::from_millis(2250),
                    },
                },
            ),
            event(
                2250,
                0,
                EventKind::FrameLeft {
                    name: "fetch(1)".into(),
                    exit: FrameExit::Returned {
                        value: "'x'".into(),
                    },
                },
            ),
        ];
        let text = String::from_utf8(json_lines(&info(), &events, &Listing::default())).unwrap();
        let lines: Vec<Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(
            lines[0],
            json!({"schema": "asynclings-events", "version": 1, "program": "demo.py",
                   "lesson": "demo", "title": "A demo", "seed": 7,
                   "outcome": {"status": "finished"}, "events": 4})
        );
        assert_eq!(
            lines[1],
            json!({"time": 0.0, "lane": 0, "stmt": null, "line": null, "kind": "created",
                   "lane_kind": "task", "call": "main()", "name": "Task-1", "named": false,
                   "parent": null})
        );
        assert_eq!(lines[2]["on"], json!({"type": "lanes", "lanes": [1, 2]}));
        assert_eq!(lines[3]["time"], json!(1.5));
        assert_eq!(lines[3]["on"], json!({"type": "timer", "deadline": 2.25}));
        assert_eq!(lines[4]["exit"], json!({"how": "returned", "value": "'x'"}));
        assert_eq!(lines.len(), 5);
    }
}
