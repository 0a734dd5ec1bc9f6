//! A run as Chrome trace-event JSON, which Perfetto (ui.perfetto.dev) and
//! `chrome://tracing` open: one thread row per task named by its label, a
//! complete slice (`X`) for each stretch of a task in one state (running,
//! ready, waiting on something, blocked), a flow arrow (`s` to `f`) from
//! the task whose step woke another to the task it woke, instants (`i`)
//! for printed lines, counters (`C`) of the tasks in each state, and a
//! counter track per queue (its size) and semaphore (its free permits).
//! Times are microseconds of virtual time.

use super::RunInfo;
use crate::engine::{CounterKind, Event, EventKind, LaneId, LaneKind, WaitOn};
use crate::text::format_seconds;
use serde::Serialize;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::time::Duration;

/// The process id every event carries: a run is one process.
const PID: u32 = 1;

/// One trace event; fields a phase does not use are left out.
#[derive(Serialize)]
struct TraceEvent {
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    cat: Option<&'static str>,
    ph: &'static str,
    ts: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    dur: Option<f64>,
    pid: u32,
    tid: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    bp: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    s: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    args: Option<Value>,
}

impl TraceEvent {
    fn new(ph: &'static str, name: impl Into<String>, t: Duration, tid: u32) -> TraceEvent {
        TraceEvent {
            name: name.into(),
            cat: None,
            ph,
            ts: micros(t),
            dur: None,
            pid: PID,
            tid,
            id: None,
            bp: None,
            s: None,
            args: None,
        }
    }
}

/// The whole file.
#[derive(Serialize)]
struct TraceFile {
    #[serde(rename = "traceEvents")]
    trace_events: Vec<TraceEvent>,
    #[serde(rename = "displayTimeUnit")]
    display_time_unit: &'static str,
    #[serde(rename = "otherData")]
    other_data: Value,
}

fn micros(t: Duration) -> f64 {
    t.as_nanos() as f64 / 1000.0
}

/// The state a task is in, as the trace groups them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum State {
    Running,
    Ready,
    Waiting,
    Blocked,
    /// An executor's job, on a worker thread or in a worker process.
    Working,
    Done,
}

impl State {
    fn category(self) -> &'static str {
        match self {
            State::Running => "running",
            State::Ready => "ready",
            State::Waiting => "waiting",
            State::Blocked => "blocked",
            State::Working => "working",
            State::Done => "done",
        }
    }
}

/// A task's stretch in one state, still open.
struct Open {
    state: State,
    name: String,
    since: Duration,
    on: Option<String>,
}

struct Lane {
    label: String,
    kind: LaneKind,
    open: Option<Open>,
    /// What it waits on now, if it waits.
    waits: Option<WaitOn>,
    ended: bool,
}

/// Builds the trace event by event.
struct Builder<'a> {
    lanes: HashMap<LaneId, Lane>,
    order: Vec<LaneId>,
    out: Vec<TraceEvent>,
    /// The task on the loop's thread now, if one is running.
    running: Option<LaneId>,
    /// The task that ran last: what a task or a socket waits for is
    /// resolved by the task that ran.
    last_ran: Option<LaneId>,
    flows: u64,
    counts: HashMap<State, i64>,
    last_counts: Option<Value>,
    /// Each queue's or semaphore's counter track, by the primitive's id.
    tracks: HashMap<u32, String>,
    events: &'a [Event],
}

impl Builder<'_> {
    fn label(&self, lane: LaneId) -> String {
        self.lanes
            .get(&lane)
            .map_or_else(|| format!("task #{lane}"), |l| l.label.clone())
    }

    /// How a slice of a task waiting on `on` is named.
    fn waiting_on(&self, on: &WaitOn) -> String {
        match on {
            WaitOn::Timer { deadline } => format!(
                "waiting on timer until t={}",
                format_seconds(deadline.as_secs_f64())
            ),
            WaitOn::Lane(l) => format!("awaiting {}", self.label(*l)),
            WaitOn::Lanes(ls) if ls.len() == 1 => format!("awaiting {}", self.label(ls[0])),
            WaitOn::Lanes(ls) => format!("awaiting {} tasks", ls.len()),
            other => format!("waiting on {other}"),
        }
    }

    /// Ends `lane`'s open slice at `t` and opens one in `state` (none for
    /// a task that ended).
    fn set(&mut self, lane: LaneId, t: Duration, state: State, name: String, on: Option<String>) {
        let Some(l) = self.lanes.get_mut(&lane) else {
            return;
        };
        if l.ended {
            return;
        }
        if l.open
            .as_ref()
            .is_some_and(|open| open.state == state && open.name == name)
        {
            return;
        }
        l.ended = state == State::Done;
        let previous = l.open.take();
        if let Some(prev) = previous {
            *self.counts.entry(prev.state).or_default() -= 1;
            let mut args = json!({ "state": prev.state.category() });
            if let Some(on) = prev.on {
                args["on"] = Value::String(on);
            }
            self.out.push(TraceEvent {
                cat: Some(prev.state.category()),
                dur: Some(micros(t.saturating_sub(prev.since))),
                args: Some(args),
                ..TraceEvent::new("X", prev.name, prev.since, lane)
            });
        }
        *self.counts.entry(state).or_default() += 1;
        if state != State::Done {
            let l = self.lanes.get_mut(&lane).expect("checked");
            l.open = Some(Open {
                state,
                name,
                since: t,
                on,
            });
        }
        if state == State::Running {
            self.running = Some(lane);
            self.last_ran = Some(lane);
        } else if self.running == Some(lane) {
            self.running = None;
        }
    }

    fn simple(&mut self, lane: LaneId, t: Duration, state: State) {
        let name = state.category().to_string();
        self.set(lane, t, state, name, None);
    }

    fn apply(&mut self, e: &Event) {
        let t = e.time;
        let job = self.lanes.get(&e.lane).is_some_and(|l| l.kind.is_job());
        match &e.kind {
            EventKind::Created {
                kind,
                call,
                name,
                named,
                ..
            } => {
                let label = if *named { name } else { call };
                self.lanes.insert(
                    e.lane,
                    Lane {
                        label: label.to_string(),
                        kind: *kind,
                        open: None,
                        waits: None,
                        ended: false,
                    },
                );
                self.order.push(e.lane);
                let state = if kind.is_job() {
                    State::Working
                } else {
                    State::Ready
                };
                self.simple(e.lane, t, state);
            }
            EventKind::Renamed { name } => {
                if let Some(l) = self.lanes.get_mut(&e.lane) {
                    l.label = name.to_string();
                }
            }
            EventKind::Polled | EventKind::Unblocked if !job => {
                // One thread runs one task: another one still shown
                // running has stopped.
                if let Some(other) = self.running.filter(|&o| o != e.lane) {
                    self.simple(other, t, State::Waiting);
                }
                self.simple(e.lane, t, State::Running);
            }
            EventKind::Suspended { on } if !job => {
                if let Some(l) = self.lanes.get_mut(&e.lane) {
                    l.waits = Some(on.clone());
                }
                if matches!(on, WaitOn::Yield) {
                    self.set(e.lane, t, State::Ready, "ready (yield)".into(), None);
                } else {
                    let name = self.waiting_on(on);
                    self.set(e.lane, t, State::Waiting, name, Some(on.to_string()));
                }
            }
            EventKind::WaitChanged { on } if !job => {
                if let Some(l) = self.lanes.get_mut(&e.lane) {
                    l.waits = Some(on.clone());
                }
                let name = self.waiting_on(on);
                self.set(e.lane, t, State::Waiting, name, Some(on.to_string()));
            }
            EventKind::Woken if !job => {
                // A timer or a yield wakes a task by itself; a task (or an
                // executor's job) it awaited wakes it by ending; the rest
                // is done by the task that ran.
                let waker = match self.lanes.get_mut(&e.lane).and_then(|l| l.waits.take()) {
                    None | Some(WaitOn::Timer { .. } | WaitOn::Yield) => None,
                    Some(WaitOn::Lane(lane)) => Some(lane),
                    Some(_) => self.last_ran,
                };
                if let Some(waker) = waker.filter(|&w| w != e.lane) {
                    self.flow(waker, e.lane, t);
                }
                self.simple(e.lane, t, State::Ready);
            }
            EventKind::Blocked { until } => {
                let name = format!(
                    "blocked: holds the thread until t={}",
                    format_seconds(until.as_secs_f64())
                );
                self.set(e.lane, t, State::Blocked, name, None);
            }
            EventKind::Returned { .. }
            | EventKind::Cancelled
            | EventKind::TimedOut
            | EventKind::Failed { .. } => self.simple(e.lane, t, State::Done),
            EventKind::Printed { text } | EventKind::PrintedNoLoop { text } => {
                self.out.push(TraceEvent {
                    cat: Some("print"),
                    s: Some("t"),
                    args: Some(json!({ "text": text })),
                    ..TraceEvent::new("i", format!("print: {text}"), t, e.lane)
                });
            }
            EventKind::Counter {
                id,
                name,
                kind,
                value,
                ..
            } => {
                let track = self.track(*id, name);
                let series = match kind {
                    CounterKind::QueueSize => "queue size",
                    CounterKind::FreePermits => "free permits",
                };
                self.out.push(TraceEvent {
                    cat: Some("counter"),
                    args: Some(json!({ series: value })),
                    ..TraceEvent::new("C", track, t, 0)
                });
            }
            EventKind::Aborted { reason } => self.out.push(TraceEvent {
                cat: Some("aborted"),
                s: Some("g"),
                args: Some(json!({ "reason": reason })),
                ..TraceEvent::new("i", format!("run aborted: {reason}"), t, e.lane)
            }),
            _ => {}
        }
    }

    /// The counter track of primitive `id`: its name, or, when another
    /// primitive has that name already (one made in each call of a
    /// function), its name and id.
    fn track(&mut self, id: u32, name: &str) -> String {
        if let Some(track) = self.tracks.get(&id) {
            return track.clone();
        }
        let taken = self.tracks.values().any(|t| t == name);
        let track = if taken {
            format!("{name} (#{id})")
        } else {
            name.to_string()
        };
        self.tracks.insert(id, track.clone());
        track
    }

    /// An arrow from the waker's slice to the woken task's.
    fn flow(&mut self, from: LaneId, to: LaneId, t: Duration) {
        self.flows += 1;
        let id = Some(self.flows);
        self.out.push(TraceEvent {
            cat: Some("wake"),
            id,
            ..TraceEvent::new("s", "wake", t, from)
        });
        self.out.push(TraceEvent {
            cat: Some("wake"),
            id,
            bp: Some("e"),
            ..TraceEvent::new("f", "wake", t, to)
        });
    }

    /// The counter of tasks per state, when it changed.
    fn count(&mut self, t: Duration) {
        let n = |s: State| self.counts.get(&s).copied().unwrap_or(0);
        let args = json!({
            "running": n(State::Running),
            "ready": n(State::Ready),
            "waiting": n(State::Waiting),
            "blocked": n(State::Blocked),
            "working": n(State::Working),
            "done": n(State::Done),
        });
        if self.last_counts.as_ref() != Some(&args) {
            self.out.push(TraceEvent {
                args: Some(args.clone()),
                ..TraceEvent::new("C", "tasks", t, 0)
            });
            self.last_counts = Some(args);
        }
    }

    fn run(mut self, info: &RunInfo) -> TraceFile {
        let events = self.events;
        for (i, e) in events.iter().enumerate() {
            self.apply(e);
            // Counted once per instant, after all of it.
            if events.get(i + 1).is_none_or(|next| next.time != e.time) {
                self.count(e.time);
            }
        }
        let end = events.last().map_or(Duration::ZERO, |e| e.time);
        let mut meta = vec![TraceEvent {
            args: Some(json!({ "name": format!("asynclings: {}", info.program) })),
            ..TraceEvent::new("M", "process_name", Duration::ZERO, 0)
        }];
        for (index, &lane) in self.order.clone().iter().enumerate() {
            // A task the run left unfinished is drawn up to the end.
            if self.lanes.get(&lane).is_some_and(|l| l.open.is_some()) {
                self.out.push(TraceEvent {
                    args: Some(json!({ "state": "unfinished" })),
                    ..TraceEvent::new("i", "run ended", end, lane)
                });
                self.close(lane, end);
            }
            let l = &self.lanes[&lane];
            meta.push(TraceEvent {
                args: Some(json!({ "name": format!("#{lane} {}", l.label) })),
                ..TraceEvent::new("M", "thread_name", Duration::ZERO, lane)
            });
            meta.push(TraceEvent {
                args: Some(json!({ "sort_index": index })),
                ..TraceEvent::new("M", "thread_sort_index", Duration::ZERO, lane)
            });
        }
        meta.append(&mut self.out);
        TraceFile {
            trace_events: meta,
            display_time_unit: "ms",
            other_data: json!({
                "program": info.program,
                "lesson": info.lesson,
                "seed": info.seed,
                "time_unit": "microseconds of virtual time",
            }),
        }
    }

    /// Ends a task's open slice at `t` without opening another.
    fn close(&mut self, lane: LaneId, t: Duration) {
        self.set(lane, t, State::Done, String::new(), None);
    }
}

/// The trace of a run's events, as JSON.
pub fn chrome_trace(info: &RunInfo, events: &[Event]) -> Vec<u8> {
    let builder = Builder {
        lanes: HashMap::new(),
        order: Vec::new(),
        out: Vec::new(),
        running: None,
        last_ran: None,
        flows: 0,
        counts: HashMap::new(),
        last_counts: None,
        tracks: HashMap::new(),
        events,
    };
    let file = builder.run(info);
    serde_json::to_vec(&file).expect("the trace's types serialize")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Outcome;
    use std::sync::Arc;

    fn at(ms: u64, lane: LaneId, kind: EventKind) -> Event {
        Event {
            time: Duration::from_millis(ms),
            lane,
            stmt: None,
            kind,
        }
    }

    fn created(lane: LaneId, call: &str) -> EventKind {
        EventKind::Created {
            kind: LaneKind::Task,
            call: call.into(),
            name: format!("Task-{}", lane + 1).into(),
            named: false,
            parent: None,
        }
    }

    /// (from, to) lane of each arrow, and the trace's events.
    fn trace(events: &[Event]) -> (Vec<(u64, u64)>, Vec<Value>) {
        let info = RunInfo {
            program: "t.py".into(),
            lesson: "t".into(),
            title: "t".into(),
            seed: None,
            outcome: Outcome::Finished,
        };
        let file: Value = serde_json::from_slice(&chrome_trace(&info, events)).unwrap();
        let all = file["traceEvents"].as_array().unwrap().clone();
        let tid = |e: &Value| e["tid"].as_u64().unwrap();
        let arrows = all
            .iter()
            .filter(|e| e["ph"] == "s")
            .map(|s| {
                let f = all
                    .iter()
                    .find(|f| f["ph"] == "f" && f["id"] == s["id"])
                    .unwrap();
                (tid(s), tid(f))
            })
            .collect();
        (arrows, all)
    }

    #[test]
    fn arrows_come_from_the_awaited_task_or_the_one_that_ran_never_a_timer() {
        use EventKind::*;
        let events = [
            at(0, 0, created(0, "main()")),
            at(0, 0, Polled),
            at(0, 1, created(1, "child()")),
            at(0, 2, created(2, "setter()")),
            at(
                0,
                0,
                Suspended {
                    on: WaitOn::Lane(1),
                },
            ),
            at(0, 1, Polled),
            at(
                0,
                1,
                Suspended {
                    on: WaitOn::Timer {
                        deadline: Duration::from_secs(1),
                    },
                },
            ),
            at(0, 2, Polled),
            at(
                0,
                2,
                Returned {
                    value: "None".into(),
                },
            ),
            at(1000, 1, Woken),
            at(1000, 1, Polled),
            at(
                1000,
                1,
                Suspended {
                    on: WaitOn::Future(Arc::from("fut")),
                },
            ),
            at(1000, 0, Polled),
            at(
                1000,
                0,
                Returned {
                    value: "None".into(),
                },
            ),
            at(2000, 1, Woken),
        ];
        // main() wakes child() through its future, after it ran last;
        // the timer draws no arrow.
        let (arrows, all) = trace(&events);
        assert_eq!(arrows, [(0, 1)]);
        let mut events = events.to_vec();
        // Awaiting child(): the arrow comes from it when it ends.
        events.truncate(9);
        events.push(at(500, 1, Woken));
        events.push(at(500, 1, Polled));
        events.push(at(500, 1, Returned { value: "1".into() }));
        events.push(at(500, 0, Woken));
        let (arrows, _) = trace(&events);
        assert_eq!(arrows, [(1, 0)]);
        // The last counter: one task still ready at the end, two done.
        let last = all.iter().rev().find(|e| e["ph"] == "C").unwrap();
        assert_eq!(last["args"]["done"], 2);
        assert_eq!(last["args"]["ready"], 1);
    }
}
