//! Per-lane state intervals derived from a run's event log, and the state
//! of any lane at any virtual time (for drawing and scrubbing). A lane is a
//! task; the coroutines, async generators, iterators and context managers
//! it runs are its frames, kept as nested spans.

mod lane;
mod logged;

pub use lane::{FrameSpan, Lane, LaneState, Segment};
pub use logged::Logged;

use crate::engine::{Event, EventKind, FrameExit, LaneId, LaneKind, WaitOn};
use std::collections::HashMap;
use std::time::Duration;

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
                    _ => LaneState::TimedWait,
                };
                (state, Some(on.clone()))
            }
            // Still waiting, on what it names now: another task's step
            // changed it, so no lane starts or stops running.
            EventKind::WaitChanged { on } => {
                let lane = &mut self.lanes[i];
                if let Some(last) = lane.segments.last_mut()
                    && last.state == LaneState::TimedWait
                    && last.on.as_ref() != Some(on)
                {
                    last.end = Some(t);
                    lane.segments.push(Segment {
                        start: t,
                        end: None,
                        state: LaneState::TimedWait,
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
                self.set(other, t, LaneState::TimedWait, None);
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
pub(super) fn shown(text: &str) -> String {
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
mod tests;
