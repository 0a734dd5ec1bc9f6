//! Per-lane state intervals derived from a run's event log, and the state
//! of any lane at any virtual time (for drawing and scrubbing). A lane is a
//! task; the coroutines, async generators, iterators and context managers
//! it runs are its frames, kept as nested spans.

use crate::engine::{Event, EventKind, FrameExit, FrameKind, LaneId, LaneKind, WaitOn};
use crate::render::plan::ir::ast::StmtId;
use std::collections::HashMap;
use std::time::Duration;

/// What a lane is doing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LaneState {
    Running,
    /// Woken, waiting for its turn on the thread.
    Ready,
    WaitTimer,
    /// Waiting on another task, a future or a socket.
    WaitTask,
    /// Holding the thread with a blocking call.
    Blocked,
    /// An executor's job running its plain function on a worker thread
    /// (a blocking call or computing), outside the event loop.
    Working,
    Done,
    Cancelled,
    TimedOut,
    Failed,
}

impl LaneState {
    /// The glyph drawn in the timeline.
    pub fn glyph(self) -> char {
        match self {
            LaneState::Running => '█',
            LaneState::Ready => '▒',
            LaneState::WaitTimer => '─',
            LaneState::WaitTask => '┄',
            LaneState::Blocked => '▓',
            LaneState::Working => '≡',
            LaneState::Done => '✓',
            LaneState::Cancelled => '✗',
            LaneState::TimedOut => '⊘',
            LaneState::Failed => '!',
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            LaneState::Running => "running",
            LaneState::Ready => "ready",
            LaneState::WaitTimer => "waiting on timer",
            LaneState::WaitTask => "awaiting",
            LaneState::Blocked => "blocked",
            LaneState::Working => "running on a worker thread",
            LaneState::Done => "done",
            LaneState::Cancelled => "cancelled",
            LaneState::TimedOut => "timed out",
            LaneState::Failed => "failed",
        }
    }

    /// Whether the lane has ended.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            LaneState::Done | LaneState::Cancelled | LaneState::TimedOut | LaneState::Failed
        )
    }

    /// Which state wins when several fall in one timeline column.
    pub fn priority(self) -> u8 {
        match self {
            LaneState::Failed | LaneState::Cancelled | LaneState::TimedOut => 9,
            LaneState::Done => 8,
            LaneState::Blocked => 7,
            LaneState::Running | LaneState::Working => 6,
            LaneState::Ready => 5,
            LaneState::WaitTimer => 3,
            LaneState::WaitTask => 2,
        }
    }
}

/// One stretch of a lane in one state; `end` is `None` while it lasts.
#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    pub start: Duration,
    pub end: Option<Duration>,
    pub state: LaneState,
    /// What it waits on, for the waiting states.
    pub on: Option<WaitOn>,
}

/// One frame of a task: a coroutine it awaited, an async generator or
/// iterator it asked for an item, a context manager it entered or exited.
#[derive(Clone, Debug, PartialEq)]
pub struct FrameSpan {
    pub name: String,
    pub kind: FrameKind,
    /// 0 for a frame the task's own coroutine entered, 1 for one inside
    /// that, and so on.
    pub depth: usize,
    pub start: Duration,
    /// `None` while the task is still inside it.
    pub end: Option<Duration>,
    pub exit: Option<FrameExit>,
}

impl FrameSpan {
    /// Whether the task is inside the frame at `t`.
    pub fn covers(&self, t: Duration) -> bool {
        self.start <= t && self.end.is_none_or(|e| e > t)
    }
}

/// One task (or an executor's worker job).
#[derive(Clone, Debug)]
pub struct Lane {
    pub id: LaneId,
    pub kind: LaneKind,
    /// The coroutine call it runs: `fetch('slow', 3)`.
    pub call: String,
    /// The Task's name: `Task-2`, or the `name=` it was given.
    pub name: String,
    /// Whether `name` was given to `create_task`.
    pub named: bool,
    pub parent: Option<LaneId>,
    pub created: Duration,
    pub segments: Vec<Segment>,
    /// The statements it was at, with the time it got there.
    pub stmts: Vec<(Duration, StmtId)>,
    /// The value it returned, or why it failed.
    pub result: Option<String>,
    /// Its frames, in the order entered.
    pub frames: Vec<FrameSpan>,
    /// The frames it is inside now (indices into `frames`), innermost last.
    open: Vec<usize>,
}

impl Lane {
    /// Whether the lane is an asyncio task (not an executor's job).
    pub fn is_task(&self) -> bool {
        self.kind == LaneKind::Task
    }

    /// How the timeline names the task: its own `name=` if it was given
    /// one, else its coroutine call.
    pub fn label(&self) -> &str {
        if self.named { &self.name } else { &self.call }
    }

    /// The frames the task is inside at `t`, outermost first.
    pub fn stack_at(&self, t: Duration) -> Vec<&FrameSpan> {
        let mut stack: Vec<&FrameSpan> = Vec::new();
        // Frames are in entry order, so a frame's parent comes before it.
        for f in self.frames.iter().take_while(|f| f.start <= t) {
            if f.covers(t) {
                stack.truncate(f.depth);
                stack.push(f);
            }
        }
        stack
    }

    /// The segment in force at `t` (the last one starting at or before it).
    pub fn segment_at(&self, t: Duration) -> Option<&Segment> {
        let i = self.segments.partition_point(|s| s.start <= t);
        i.checked_sub(1).map(|i| &self.segments[i])
    }

    pub fn state_at(&self, t: Duration) -> Option<LaneState> {
        self.segment_at(t).map(|s| s.state)
    }

    /// The statement the lane was at, at `t`.
    pub fn stmt_at(&self, t: Duration) -> Option<StmtId> {
        let i = self.stmts.partition_point(|(s, _)| *s <= t);
        i.checked_sub(1).map(|i| self.stmts[i].1)
    }

    /// The most telling state over `[from, to)`: a blip of running
    /// shows even though it takes no virtual time.
    pub fn state_in(&self, from: Duration, to: Duration) -> Option<LaneState> {
        let first = self.segments.partition_point(|s| s.start < from);
        let mut best = first
            .checked_sub(1)
            .map(|i| self.segments[i].state)
            // A lane that ended earlier draws nothing.
            .filter(|s| !s.is_final());
        for s in &self.segments[first..] {
            if s.start >= to {
                break;
            }
            if best.is_none_or(|b| s.state.priority() > b.priority()) {
                best = Some(s.state);
            }
        }
        best
    }

    pub fn last_state(&self) -> Option<LaneState> {
        self.segments.last().map(|s| s.state)
    }
}

/// A report the event loop logged: a failure no code saw.
#[derive(Clone, Debug, PartialEq)]
pub struct Logged {
    pub at: Duration,
    /// The task it concerns (a task's unretrieved exception, a stream
    /// handler's), or `None` (an exception in a callback, a note).
    pub lane: Option<LaneId>,
    /// Its first line, with the exception it names when it has one
    /// (`Task exception was never retrieved: KeyError: 'k'`), escaped.
    pub summary: String,
    /// Its place in [`Timeline::output`].
    pub output: usize,
}

impl Logged {
    fn new(at: Duration, lane: LaneId, text: &str, output: usize) -> Logged {
        let mut lines = text.lines();
        let first = lines.next().unwrap_or_default();
        // A traceback's last line names the exception.
        let last = lines
            .rfind(|l| !l.starts_with(' ') && !l.is_empty())
            .filter(|_| text.contains("Traceback (most recent call last):"));
        let summary = match last {
            Some(last) => format!("{first}: {last}"),
            None => first.to_string(),
        };
        // Only a task's report is on its lane; the others are logged on
        // lane 0 and concern no task.
        let task = [
            "Task exception was never retrieved",
            "Unhandled exception in client_connected_cb",
        ]
        .contains(&first);
        Logged {
            at,
            lane: task.then_some(lane),
            summary: shown(&summary),
            output,
        }
    }
}

/// Every lane of a run, built up event by event.
#[derive(Clone, Debug, Default)]
pub struct Timeline {
    pub lanes: Vec<Lane>,
    index: HashMap<LaneId, usize>,
    /// Blocking calls: `[start, until)`; every lane stalls meanwhile.
    pub blocks: Vec<(Duration, Duration)>,
    /// Time of the last event.
    pub end: Duration,
    /// Every distinct event time, ascending (scrub stops).
    pub times: Vec<Duration>,
    /// Printed lines: time, lane, text.
    /// Texts from the demo (names, printed lines, results, reasons) are
    /// kept as the screen shows them, escaped by
    /// [`crate::sanitize::for_terminal`].
    pub output: Vec<(Duration, LaneId, String)>,
    /// What the event loop logged to stderr (a task exception never
    /// retrieved, an exception in a callback, the tool's notes), in order.
    pub logged: Vec<Logged>,
    /// Why the run ended early, if it did.
    pub aborted: Option<String>,
    /// The queues' sizes and the semaphores' free permits over time.
    pub counters: super::counters::Counters,
    /// The seed an unseeded `random` run drew from, once it has ended
    /// ([`super::seed::note`]).
    pub seed: Option<String>,
    /// The lane that ran last: one thread runs one lane at a time.
    running: Option<LaneId>,
    /// How many lanes are executor jobs (the rest are tasks).
    jobs: usize,
}

impl Timeline {
    /// Whether the printed line at `index` of [`Timeline::output`] is a
    /// logged report.
    pub fn is_logged(&self, index: usize) -> bool {
        self.logged
            .binary_search_by_key(&index, |l| l.output)
            .is_ok()
    }

    /// The reports logged about the task `lane`, up to `t`.
    pub fn logged_on(&self, lane: LaneId, t: Duration) -> impl Iterator<Item = &Logged> {
        self.logged
            .iter()
            .filter(move |l| l.lane == Some(lane) && l.at <= t)
    }

    /// How many lanes are asyncio tasks.
    pub fn task_count(&self) -> usize {
        self.lanes.len() - self.jobs
    }

    /// How many lanes are executor jobs.
    pub fn job_count(&self) -> usize {
        self.jobs
    }

    pub fn from_events<'a>(events: impl IntoIterator<Item = &'a Event>) -> Timeline {
        let mut t = Timeline::default();
        for e in events {
            t.apply(e);
        }
        t
    }

    pub fn lane(&self, id: LaneId) -> Option<&Lane> {
        self.index.get(&id).map(|&i| &self.lanes[i])
    }

    /// Position of a lane in `lanes`.
    pub fn position(&self, id: LaneId) -> Option<usize> {
        self.index.get(&id).copied()
    }

    /// Adds one event.
    pub fn apply(&mut self, e: &Event) {
        let t = e.time;
        self.end = self.end.max(t);
        if self.times.last() != Some(&t) {
            self.times.push(t);
        }
        if let EventKind::Created {
            kind,
            call,
            name,
            named,
            parent,
        } = &e.kind
        {
            let lane = Lane {
                id: e.lane,
                kind: *kind,
                call: shown(call),
                name: shown(name),
                named: *named,
                parent: *parent,
                created: t,
                segments: Vec::new(),
                stmts: Vec::new(),
                result: None,
                frames: Vec::new(),
                open: Vec::new(),
            };
            self.index.insert(e.lane, self.lanes.len());
            self.jobs += usize::from(kind.is_job());
            self.lanes.push(lane);
            // The statement that made the lane is the parent's.
            if let (Some(stmt), Some(&p)) = (e.stmt, parent.and_then(|p| self.index.get(&p))) {
                let parent = &mut self.lanes[p];
                if parent.stmts.last().map(|s| s.1) != Some(stmt) {
                    parent.stmts.push((t, stmt));
                }
            }
            // A job is made when a worker takes it: it runs from then on.
            let first = match kind {
                LaneKind::Task => LaneState::Ready,
                LaneKind::Worker | LaneKind::Process => LaneState::Working,
            };
            self.set(e.lane, t, first, None);
            return;
        }
        match &e.kind {
            EventKind::Printed { text }
            | EventKind::PrintedNoLoop { text }
            | EventKind::PrintedErr { text } => self.output.push((t, e.lane, shown(text))),
            EventKind::Logged { text } => {
                let logged = Logged::new(t, e.lane, text, self.output.len());
                self.output.push((t, e.lane, logged.summary.clone()));
                self.logged.push(logged);
                return;
            }
            EventKind::Aborted { reason } => self.aborted = Some(shown(reason)),
            EventKind::Counter { .. } => {
                self.counters.apply(e);
                return;
            }
            _ => {}
        }
        let Some(&i) = self.index.get(&e.lane) else {
            return;
        };
        if let Some(stmt) = e.stmt {
            let lane = &mut self.lanes[i];
            if lane.stmts.last().map(|s| s.1) != Some(stmt) {
                lane.stmts.push((t, stmt));
            }
        }
        let worker = self.lanes[i].kind.is_job();
        let (state, on) = match &e.kind {
            // A job's thread does not wait on the loop: whatever it does
            // until it ends (a `time.sleep`, a computation) is work.
            EventKind::Polled
            | EventKind::Unblocked
            | EventKind::Suspended { .. }
            | EventKind::Woken
                if worker =>
            {
                (LaneState::Working, None)
            }
            EventKind::Polled | EventKind::Unblocked => (LaneState::Running, None),
            EventKind::Suspended { on } => {
                let state = match on {
                    WaitOn::Timer { .. } => LaneState::WaitTimer,
                    WaitOn::Yield => LaneState::Ready,
                    _ => LaneState::WaitTask,
                };
                (state, Some(on.clone()))
            }
            // Still waiting, on what it names now: another task's step
            // changed it, so no lane starts or stops running.
            EventKind::WaitChanged { on } => {
                let lane = &mut self.lanes[i];
                if let Some(last) = lane.segments.last_mut()
                    && last.state == LaneState::WaitTask
                    && last.on.as_ref() != Some(on)
                {
                    last.end = Some(t);
                    lane.segments.push(Segment {
                        start: t,
                        end: None,
                        state: LaneState::WaitTask,
                        on: Some(on.clone()),
                    });
                }
                return;
            }
            EventKind::Woken => (LaneState::Ready, None),
            EventKind::Renamed { name } => {
                let lane = &mut self.lanes[i];
                lane.name = shown(name);
                lane.named = true;
                return;
            }
            EventKind::FrameEntered { name, kind } => {
                let lane = &mut self.lanes[i];
                lane.open.push(lane.frames.len());
                lane.frames.push(FrameSpan {
                    name: shown(name),
                    kind: *kind,
                    depth: lane.open.len() - 1,
                    start: t,
                    end: None,
                    exit: None,
                });
                return;
            }
            EventKind::FrameLeft { exit, .. } => {
                let lane = &mut self.lanes[i];
                if let Some(f) = lane.open.pop().and_then(|f| lane.frames.get_mut(f)) {
                    f.end = Some(t);
                    f.exit = Some(match exit {
                        FrameExit::Returned { value } => FrameExit::Returned {
                            value: shown(value),
                        },
                        FrameExit::Raised { message } => FrameExit::Raised {
                            message: shown(message),
                        },
                        other => other.clone(),
                    });
                }
                return;
            }
            EventKind::Blocked { until } => {
                self.blocks.push((t, *until));
                (LaneState::Blocked, None)
            }
            EventKind::Returned { value } => {
                self.lanes[i].result = Some(shown(value));
                (LaneState::Done, None)
            }
            EventKind::Cancelled => (LaneState::Cancelled, None),
            EventKind::TimedOut => (LaneState::TimedOut, None),
            EventKind::Failed { message } => {
                self.lanes[i].result = Some(shown(message));
                (LaneState::Failed, None)
            }
            _ => return,
        };
        self.set(e.lane, t, state, on);
    }

    fn set(&mut self, id: LaneId, t: Duration, state: LaneState, on: Option<WaitOn>) {
        let Some(&i) = self.index.get(&id) else {
            return;
        };
        let task = self.lanes[i].kind == LaneKind::Task;
        // Jobs run on worker threads, not on the loop's thread.
        if task && state != LaneState::Ready {
            // One thread runs one task at a time: a lane last seen running
            // is not running once another one runs or suspends.
            let other = if state == LaneState::Running {
                self.running.replace(id)
            } else {
                self.running
            };
            if let Some(other) = other
                && other != id
                && self.lane(other).and_then(Lane::last_state) == Some(LaneState::Running)
            {
                self.set(other, t, LaneState::WaitTask, None);
            }
        }
        let lane = &mut self.lanes[i];
        if let Some(last) = lane.segments.last_mut() {
            if last.state.is_final() {
                return;
            }
            if last.state == state && last.on == on {
                return;
            }
            last.end = Some(t);
        }
        lane.segments.push(Segment {
            start: t,
            end: None,
            state,
            on,
        });
    }

    /// Whether a blocking call holds the thread at any point of `[from, to)`.
    pub fn blocked_in(&self, from: Duration, to: Duration) -> bool {
        self.blocks.iter().any(|&(s, u)| s < to && u > from)
    }

    /// The earliest pending timer deadline after `now` among lanes still
    /// waiting on one: a live run cannot be past it without an event.
    pub fn next_deadline(&self, now: Duration) -> Option<Duration> {
        self.lanes
            .iter()
            .filter_map(|l| match l.segments.last() {
                Some(Segment {
                    on: Some(WaitOn::Timer { deadline }),
                    ..
                }) if *deadline >= now => Some(*deadline),
                _ => None,
            })
            .min()
    }

    /// The latest time anything is known to happen: the last event, the
    /// end of a blocking call, or a pending timer deadline.
    pub fn horizon(&self) -> Duration {
        let deadlines = self.lanes.iter().filter_map(|l| match l.segments.last() {
            Some(Segment {
                on: Some(WaitOn::Timer { deadline }),
                ..
            }) => Some(*deadline),
            _ => None,
        });
        let blocks = self.blocks.iter().map(|b| b.1);
        deadlines.chain(blocks).fold(self.end, Duration::max)
    }
}

/// A demo's text as the screen shows it.
fn shown(text: &str) -> String {
    crate::sanitize::for_terminal(text).into_owned()
}

/// Events for the UI's unit tests.
#[cfg(test)]
pub(crate) mod fixtures {
    use crate::engine::{Event, EventKind, LaneId, LaneKind};
    use std::time::Duration;

    /// An event at `t` virtual seconds.
    pub fn ev(t: f64, lane: LaneId, kind: EventKind) -> Event {
        Event {
            time: Duration::from_secs_f64(t),
            lane,
            stmt: None,
            kind,
        }
    }

    /// A lane made by no task, named `name` both as its call and its Task name.
    pub fn created(name: &str, kind: LaneKind) -> EventKind {
        EventKind::Created {
            kind,
            call: name.into(),
            name: name.into(),
            named: false,
            parent: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::ev;
    use super::*;

    fn created(lane: LaneId, name: &str) -> EventKind {
        let _ = lane;
        EventKind::Created {
            kind: LaneKind::Task,
            call: format!("{name}()").into(),
            name: "Task-1".into(),
            named: false,
            parent: None,
        }
    }

    #[test]
    fn states_over_time() {
        let deadline = Duration::from_secs(2);
        let events = [
            ev(0.0, 0, created(0, "main")),
            ev(0.0, 0, EventKind::Polled),
            ev(
                0.0,
                0,
                EventKind::Suspended {
                    on: WaitOn::Timer { deadline },
                },
            ),
            ev(2.0, 0, EventKind::Woken),
            ev(2.0, 0, EventKind::Polled),
            ev(
                2.0,
                0,
                EventKind::Returned {
                    value: "None".into(),
                },
            ),
        ];
        let tl = Timeline::from_events(&events);
        let lane = tl.lane(0).unwrap();
        let s = |t: f64| lane.state_at(Duration::from_secs_f64(t));
        assert_eq!(s(1.0), Some(LaneState::WaitTimer));
        assert_eq!(s(2.0), Some(LaneState::Done));
        assert_eq!(tl.next_deadline(Duration::ZERO), None);
        assert_eq!(tl.times, vec![Duration::ZERO, deadline]);
        // The zero-length run at t=0 wins its column.
        assert_eq!(
            lane.state_in(Duration::ZERO, Duration::from_millis(100)),
            Some(LaneState::Running)
        );
        assert_eq!(
            lane.state_in(Duration::from_secs(1), Duration::from_millis(1100)),
            Some(LaneState::WaitTimer)
        );
    }

    #[test]
    fn blocking_and_implicit_waits() {
        let events = [
            ev(0.0, 0, created(0, "a")),
            ev(0.0, 1, created(1, "b")),
            ev(0.0, 0, EventKind::Polled),
            ev(
                0.0,
                0,
                EventKind::Blocked {
                    until: Duration::from_secs(2),
                },
            ),
            ev(2.0, 0, EventKind::Unblocked),
            // `b` runs while `a` never said it suspended.
            ev(2.0, 1, EventKind::Polled),
        ];
        let tl = Timeline::from_events(&events);
        assert!(tl.blocked_in(Duration::from_secs(1), Duration::from_millis(1500)));
        assert!(!tl.blocked_in(Duration::from_secs(3), Duration::from_secs(4)));
        assert_eq!(tl.lane(0).unwrap().last_state(), Some(LaneState::WaitTask));
        assert_eq!(tl.lane(1).unwrap().last_state(), Some(LaneState::Running));
        assert_eq!(tl.horizon(), Duration::from_secs(2));
    }

    #[test]
    fn the_lane_is_at_the_statement_it_waits_at() {
        let at = |t: f64, stmt: StmtId, kind: EventKind| Event {
            stmt: Some(stmt),
            ..ev(t, 0, kind)
        };
        let deadline = Duration::from_secs(1);
        let events = [
            ev(0.0, 0, created(0, "main")),
            ev(0.0, 0, EventKind::Polled),
            at(0.0, 3, EventKind::Printed { text: "hi".into() }),
            // Suspended names the sleep it waits at.
            at(
                0.0,
                4,
                EventKind::Suspended {
                    on: WaitOn::Timer { deadline },
                },
            ),
            ev(1.0, 0, EventKind::Woken),
            // Polled names where it resumes.
            at(1.0, 4, EventKind::Polled),
            at(1.0, 5, EventKind::Printed { text: "bye".into() }),
        ];
        let tl = Timeline::from_events(&events);
        let lane = tl.lane(0).unwrap();
        assert_eq!(lane.stmt_at(Duration::from_millis(500)), Some(4));
        assert_eq!(lane.stmt_at(Duration::from_secs(1)), Some(5));
        assert_eq!(lane.stmts.len(), 3);
    }

    #[test]
    fn frames_nest_and_the_stack_at_a_time_is_the_frames_open_then() {
        let enter = |t: f64, name: &str, kind: FrameKind| {
            ev(
                t,
                0,
                EventKind::FrameEntered {
                    name: name.into(),
                    kind,
                },
            )
        };
        let leave = |t: f64, exit: FrameExit| {
            ev(
                t,
                0,
                EventKind::FrameLeft {
                    name: "".into(),
                    exit,
                },
            )
        };
        let events = [
            ev(0.0, 0, created(0, "main")),
            enter(0.0, "outer()", FrameKind::Coroutine),
            enter(1.0, "ticks(2)", FrameKind::AsyncGenerator),
            leave(2.0, FrameExit::Yielded),
            enter(2.0, "ticks(2)", FrameKind::AsyncGenerator),
            leave(2.0, FrameExit::Exhausted),
            leave(3.0, FrameExit::Returned { value: "1".into() }),
            ev(
                3.0,
                0,
                EventKind::Renamed {
                    name: "boss".into(),
                },
            ),
        ];
        let tl = Timeline::from_events(&events);
        let lane = tl.lane(0).unwrap();
        let names = |t: f64| -> Vec<String> {
            lane.stack_at(Duration::from_secs_f64(t))
                .iter()
                .map(|f| f.name.clone())
                .collect()
        };
        assert_eq!(names(0.5), ["outer()"]);
        assert_eq!(names(1.5), ["outer()", "ticks(2)"]);
        // Entered and left at the same instant: not open at any time.
        assert_eq!(names(2.0), ["outer()"]);
        assert!(names(3.0).is_empty());
        assert_eq!(lane.frames[1].depth, 1);
        assert_eq!(lane.frames[2].exit, Some(FrameExit::Exhausted));
        // A task renamed with `set_name` is labelled by its new name.
        assert_eq!((lane.label(), lane.call.as_str()), ("boss", "main()"));
    }
}
