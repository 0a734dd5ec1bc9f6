//! The run's shared state on the Tokio thread: the event recorder and the
//! lane table. The probe that instruments every lane's future is in
//! [`probe`]; the ordered timers and the blocking clock advance are in
//! [`timers`].

use super::Limits;
use super::events::{Event, EventKind, LaneId, LaneKind, WaitOn};
use super::pace::Control;
use crate::program::StmtId;
use smallvec::SmallVec;
use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use std::task::Poll;
use std::time::Duration;
use tokio::sync::Notify;
use tokio::time::Instant;

mod probe;
mod timers;

use probe::LaneWaker;
pub use probe::Probe;
use timers::{Timers, advance_clock, exact_of};

/// How many distinct names are kept shared; past it (a demo whose calls
/// all differ in their arguments) each name is its own copy.
const MAX_INTERNED: usize = 10_000;

/// Where events go.
pub type Sink = Box<dyn FnMut(Event)>;

/// The run is over: a limit was reached (the reason is recorded).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Aborted;

/// What names a new lane: its kind, its call and its Task name.
pub struct LaneLabel<'a> {
    pub kind: LaneKind,
    pub call: &'a str,
    pub name: &'a str,
    pub named: bool,
}

/// State shared by every lane of one run.
pub struct Shared {
    pub limits: Limits,
    start: Instant,
    sink: RefCell<Sink>,
    events: Cell<usize>,
    lanes: RefCell<Vec<LaneSlot>>,
    /// The statement that ran last, where a limit is reported.
    current_stmt: Cell<Option<StmtId>>,
    /// The lanes whose futures are being polled, outermost first.
    polling: RefCell<Vec<LaneId>>,
    /// How many lanes have a `Polled` event still to show.
    unannounced: Cell<usize>,
    /// Shared copies of lane and frame names (up to [`MAX_INTERNED`]),
    /// hashed with foldhash, as the interpreter's maps are (every task's name
    /// and call is looked up here).
    names: RefCell<HashSet<Arc<str>, foldhash::fast::RandomState>>,
    /// Pending timers in firing order.
    timers: RefCell<Timers>,
    /// A blocking call moved the clock: the timers it made overdue are due
    /// as soon as the blocking task gives up the thread.
    overdue: Cell<bool>,
    wakes: Arc<Mutex<Vec<LaneId>>>,
    aborted: RefCell<Option<String>>,
    /// Woken when the run must end early.
    pub abort_signal: Notify,
    /// Live pacing, absent in headless runs.
    pub control: Option<Arc<Control>>,
    /// The time events are stamped with, when the interpreter keeps its own
    /// exact clock (CPython's float deadlines, which Tokio's timers round up
    /// to whole milliseconds).
    clock: Cell<Option<Duration>>,
    /// The queues and synchronization primitives the run has made.
    primitives: RefCell<Primitives>,
}

/// How many queues and synchronization primitives a run has made, in all
/// and of each kind (`Queue #2`), and the variable each statement that
/// made one assigns it to (looked up once per statement).
#[derive(Default)]
struct Primitives {
    made: u32,
    of_kind: HashMap<&'static str, u32>,
    names: HashMap<(StmtId, &'static str), Option<Arc<str>>>,
}

struct LaneSlot {
    name: Arc<str>,
    /// The lane has ended (returned, was cancelled or failed).
    ended: bool,
    /// An executor's job: it works outside the loop from its start to its
    /// end, so it shows no polls, waits or wakes.
    job: bool,
    waiting: Option<WaitOn>,
    /// The statement the lane waits at.
    at: Option<StmtId>,
    /// The lane is in an engine-internal yield that is not shown as events.
    quiet: bool,
    /// The lane is being polled and its `Polled` event (for this statement)
    /// waits for the poll's first event: a poll that only passes an
    /// engine-internal yield shows nothing, and the task's step shows as
    /// one run of events.
    unannounced: Option<Option<StmtId>>,
    waker: Option<Arc<LaneWaker>>,
}

impl Shared {
    pub fn new(limits: Limits, sink: Sink, control: Option<Arc<Control>>) -> Shared {
        Shared {
            limits,
            start: Instant::now(),
            sink: RefCell::new(sink),
            events: Cell::new(0),
            lanes: RefCell::new(Vec::new()),
            current_stmt: Cell::new(None),
            polling: RefCell::new(Vec::new()),
            unannounced: Cell::new(0),
            names: RefCell::new(HashSet::default()),
            timers: RefCell::default(),
            overdue: Cell::new(false),
            wakes: Arc::new(Mutex::new(Vec::new())),
            aborted: RefCell::new(None),
            abort_signal: Notify::new(),
            control,
            clock: Cell::new(None),
            primitives: RefCell::default(),
        }
    }

    /// Virtual time since the start of the run.
    pub fn now(&self) -> Duration {
        Instant::now() - self.start
    }

    /// The virtual instant `d` after the start.
    pub fn instant(&self, d: Duration) -> Instant {
        self.start + d
    }

    /// Stamps events from now on with `t` (see `clock`); it only moves on.
    pub fn set_clock(&self, t: Duration) {
        if self.clock.get().is_none_or(|c| t > c) {
            self.clock.set(Some(t));
        }
    }

    /// Stamps events from now on with the time they would get now, even
    /// if the clock moves on without a timer (see `clock`).
    pub fn hold_clock(&self) {
        if self.clock.get().is_none() {
            self.clock.set(Some(self.now()));
        }
    }

    /// The statements at which the lanes that have not ended wait, in lane
    /// order: where a deadlock stands.
    pub fn waiting_stmts(&self) -> Vec<StmtId> {
        self.lanes
            .borrow()
            .iter()
            .filter(|s| !s.ended)
            .filter_map(|s| s.at)
            .collect()
    }

    /// Notes the statement about to run, so that a limit reached in it is
    /// reported there.
    pub fn at_stmt(&self, stmt: StmtId) {
        self.current_stmt.set(Some(stmt));
    }

    /// What each lane that has not ended waits on, for a deadlock report:
    /// `main #0 waits on a future`.
    pub fn waiting_lanes(&self) -> Vec<String> {
        self.lanes
            .borrow()
            .iter()
            .enumerate()
            .filter(|(_, s)| !s.ended)
            .map(|(i, s)| match &s.waiting {
                Some(on) => format!("{} #{i} waits on {on}", s.name),
                None => format!("{} #{i} waits", s.name),
            })
            .collect()
    }

    /// Records an event (and, first, every wake that happened before it and
    /// the `Polled` of each lane being polled that has not shown it yet).
    pub fn emit(&self, lane: LaneId, stmt: Option<StmtId>, kind: EventKind) {
        if self.unannounced.get() > 0 {
            let n = self.polling.borrow().len();
            for i in 0..n {
                let polled = self.polling.borrow()[i];
                self.announce(polled);
            }
        }
        self.record(lane, stmt, kind);
    }

    /// Records the lane's pending `Polled` event, if it has one.
    fn announce(&self, lane: LaneId) {
        let pending = self
            .lanes
            .borrow_mut()
            .get_mut(lane as usize)
            .and_then(|s| s.unannounced.take());
        if let Some(stmt) = pending {
            self.unannounced.set(self.unannounced.get() - 1);
            self.record(lane, stmt, EventKind::Polled);
        }
    }

    /// The virtual time of an event recorded now.
    fn event_time(&self) -> Duration {
        match self.clock.get() {
            None => self.now(),
            Some(clock) => {
                // Tokio's clock moved on to a timer: the wake happens at
                // that timer's exact deadline.
                let now = self.now();
                if now > clock {
                    let due = self.timers.borrow().first().map(|(key, _)| exact_of(key));
                    if let Some(exact) = due.filter(|e| *e <= now) {
                        self.set_clock(exact);
                    }
                }
                self.clock.get().unwrap_or(clock)
            }
        }
    }

    /// Records a `Woken` event for each wake logged so far. A lane that
    /// wakes itself while it is being polled (a yield) is shown woken after
    /// it suspends: its wake stays in the log.
    fn record_wakes(&self, time: Duration) {
        let woken: Vec<LaneId> = {
            let mut log = self.wakes.lock().expect("wake log");
            if log.is_empty() {
                return;
            }
            let polling = self.polling.borrow();
            let (later, now): (Vec<LaneId>, Vec<LaneId>) =
                log.drain(..).partition(|w| polling.contains(w));
            *log = later;
            now
        };
        let lanes = self.lanes.borrow();
        let mut sink = self.sink.borrow_mut();
        for w in woken {
            if lanes.get(w as usize).is_none_or(|s| !s.job) {
                sink(Event {
                    time,
                    lane: w,
                    stmt: None,
                    kind: EventKind::Woken,
                });
            }
        }
    }

    /// Records the wakes that came before a lane's poll, so that they are
    /// not taken for wakes during it.
    fn wakes_before_poll(&self) {
        if self.wakes.lock().expect("wake log").is_empty() {
            return;
        }
        if self.unannounced.get() > 0 {
            let n = self.polling.borrow().len();
            for i in 0..n {
                let polled = self.polling.borrow()[i];
                self.announce(polled);
            }
        }
        let time = self.event_time();
        self.record_wakes(time);
    }

    fn record(&self, lane: LaneId, stmt: Option<StmtId>, kind: EventKind) {
        if matches!(
            kind,
            EventKind::Returned { .. }
                | EventKind::Cancelled
                | EventKind::Failed { .. }
                | EventKind::TimedOut
        ) && let Some(slot) = self.lanes.borrow_mut().get_mut(lane as usize)
        {
            slot.ended = true;
        }
        let time = self.event_time();
        self.record_wakes(time);
        let mut sink = self.sink.borrow_mut();
        sink(Event {
            time,
            lane,
            stmt,
            kind,
        });
        drop(sink);
        let n = self.events.get() + 1;
        self.events.set(n);
        if n > self.limits.max_events {
            self.abort(format!(
                "the demo produced more than {} events (limit: events)",
                self.limits.max_events
            ));
        }
        if let Some(control) = &self.control {
            control.on_event(time);
        }
    }

    /// How many events the run has recorded.
    pub fn event_count(&self) -> usize {
        self.events.get()
    }

    /// One shared copy of each lane or frame name.
    pub fn intern(&self, name: &str) -> Arc<str> {
        let mut names = self.names.borrow_mut();
        if let Some(n) = names.get(name) {
            return n.clone();
        }
        let n: Arc<str> = Arc::from(name);
        if names.len() < MAX_INTERNED {
            names.insert(n.clone());
        }
        n
    }

    /// Makes a new lane (a task or a worker job) and records its creation (see
    /// [`EventKind::Created`] for the fields).
    pub fn new_lane(
        &self,
        task: LaneLabel<'_>,
        parent: Option<LaneId>,
        stmt: Option<StmtId>,
    ) -> Result<LaneId, Aborted> {
        let call = self.intern(task.call);
        let id = {
            let mut lanes = self.lanes.borrow_mut();
            if lanes.len() >= self.limits.max_lanes {
                drop(lanes);
                return Err(self.abort(format!(
                    "the demo made more than {} tasks (limit: tasks)",
                    self.limits.max_lanes
                )));
            }
            lanes.push(LaneSlot {
                name: call.clone(),
                ended: false,
                job: task.kind.is_job(),
                waiting: None,
                at: None,
                quiet: false,
                unannounced: None,
                waker: None,
            });
            (lanes.len() - 1) as LaneId
        };
        self.emit(
            id,
            stmt,
            EventKind::Created {
                kind: task.kind,
                call,
                name: Arc::from(task.name),
                named: task.named,
                parent,
            },
        );
        Ok(id)
    }

    /// A cycle of tasks each waiting for a lock another holds, named:
    /// `worker(1) waits for Lock held by worker(2), which waits for Lock
    /// held by worker(1)`.
    pub fn lock_cycle(&self) -> Option<String> {
        let lanes = self.lanes.borrow();
        let holder = |i: usize| match &lanes.get(i)?.waiting {
            Some(WaitOn::Sync {
                holder: Some(h), ..
            }) if !lanes[i].ended => Some(*h as usize),
            _ => None,
        };
        for start in 0..lanes.len() {
            let mut path = vec![start];
            let mut at = start;
            while let Some(next) = holder(at) {
                if next == start {
                    let parts: Vec<String> = path
                        .iter()
                        .map(|&i| {
                            let h = holder(i).unwrap_or(start);
                            format!("waits for Lock held by {}", lanes[h].name)
                        })
                        .collect();
                    return Some(format!("{} {}", lanes[start].name, parts.join(", which ")));
                }
                if path.contains(&next) || path.len() > lanes.len() {
                    break;
                }
                path.push(next);
                at = next;
            }
        }
        None
    }

    /// Numbers a new queue or synchronization primitive of the kind
    /// `kind`, made at `stmt`: its number in the run, its number among
    /// those of its kind (from 1), and the variable the statement assigns
    /// it to (`assigned`, asked once per statement).
    pub fn new_primitive(
        &self,
        kind: &'static str,
        stmt: StmtId,
        assigned: impl FnOnce() -> Option<Arc<str>>,
    ) -> (u32, u32, Option<Arc<str>>) {
        let mut p = self.primitives.borrow_mut();
        p.made += 1;
        let id = p.made;
        let nth = p.of_kind.entry(kind).or_default();
        *nth += 1;
        let nth = *nth;
        let name = p.names.entry((stmt, kind)).or_insert_with(assigned).clone();
        (id, nth, name)
    }

    /// The name the lane is shown by (its coroutine call or `name=`).
    pub fn lane_name(&self, lane: LaneId) -> Option<Arc<str>> {
        self.lanes
            .borrow()
            .get(lane as usize)
            .map(|s| s.name.clone())
    }

    /// Notes what the lane is about to wait on, for its next `Suspended` event.
    /// Of the lanes it waits on, those that have ended already are left
    /// out: it waits only on the others. When all of them have ended, what
    /// it waits for is their done callbacks, which run next (a `TaskGroup`
    /// or `gather` hears of a child's end only through its callback).
    pub fn set_waiting(&self, lane: LaneId, on: WaitOn, at: Option<StmtId>) {
        let lanes: Option<Arc<[LaneId]>> = match &on {
            WaitOn::Lane(one) => Some(Arc::from([*one])),
            WaitOn::Lanes(lanes) => Some(lanes.clone()),
            _ => None,
        };
        let on = match lanes {
            Some(lanes) => {
                let running: Vec<LaneId> = {
                    let slots = self.lanes.borrow();
                    lanes
                        .iter()
                        .copied()
                        .filter(|l| slots.get(*l as usize).is_none_or(|s| !s.ended))
                        .collect()
                };
                match running.as_slice() {
                    [] => WaitOn::Sync {
                        what: done_callbacks(&lanes),
                        holder: None,
                    },
                    [one] => WaitOn::Lane(*one),
                    _ => WaitOn::Lanes(Arc::from(running)),
                }
            }
            None => on,
        };
        if let Some(slot) = self.lanes.borrow_mut().get_mut(lane as usize) {
            slot.waiting = Some(on);
            slot.at = at;
        }
    }

    /// What the lane waits on, and at which statement.
    fn waiting(&self, lane: LaneId) -> (WaitOn, Option<StmtId>) {
        let lanes = self.lanes.borrow();
        let slot = lanes.get(lane as usize);
        (
            slot.and_then(|s| s.waiting.clone())
                .unwrap_or(WaitOn::Yield),
            slot.and_then(|s| s.at),
        )
    }

    /// Counts one executed statement against the step budget (which also
    /// checks the memory budget and a live run's pause and stop).
    pub fn step(&self) -> Result<(), Aborted> {
        if let Err(super::budget::Exceeded(reason)) = super::budget::charge(1) {
            return Err(self.abort(reason));
        }
        if self.aborted.borrow().is_some() {
            return Err(Aborted);
        }
        Ok(())
    }

    /// Ends the run early with `reason` (the first reason wins).
    pub fn abort(&self, reason: String) -> Aborted {
        let first = self.aborted.borrow().is_none();
        if first {
            *self.aborted.borrow_mut() = Some(reason.clone());
            self.emit(0, self.current_stmt.get(), EventKind::Aborted { reason });
            self.abort_signal.notify_one();
        }
        Aborted
    }

    /// The reason the run was aborted, if it was.
    pub fn aborted(&self) -> Option<String> {
        self.aborted.borrow().clone()
    }

    /// Yields once without showing it: the poll that follows is an artefact
    /// of emulating CPython's extra scheduling round, not a step of the task,
    /// so the lanes being polled record no `Suspended`/`Woken`/`Polled` for it.
    pub async fn quiet_round(&self) {
        self.quiet_yield().await
    }

    async fn quiet_yield(&self) {
        let chain: SmallVec<[LaneId; 4]> = SmallVec::from_slice(&self.polling.borrow());
        self.set_quiet(&chain, true);
        yield_now().await;
        self.set_quiet(&chain, false);
    }

    fn set_quiet(&self, chain: &[LaneId], quiet: bool) {
        let mut lanes = self.lanes.borrow_mut();
        for lane in chain {
            if let Some(slot) = lanes.get_mut(*lane as usize) {
                slot.quiet = quiet;
                if let (true, Some(waker)) = (quiet, &slot.waker) {
                    // A waker that has already noted a wake logs no other.
                    waker.noted.store(true, Ordering::Relaxed);
                }
            }
        }
    }

    /// Whether the lane's polls and waits are not shown: it is in an
    /// engine-internal yield, or it is an executor's job.
    fn is_quiet(&self, lane: LaneId) -> bool {
        self.lanes
            .borrow()
            .get(lane as usize)
            .is_some_and(|s| s.quiet || s.job)
    }

    /// Holds the thread for `d` of virtual time, as a blocking call does:
    /// the clock moves and no other task runs. Live, the stall takes real
    /// time too, frame by frame ([`Control::hold_block`]).
    pub fn block(&self, d: Duration) {
        match &self.control {
            None => advance_clock(d),
            Some(control) => control.hold_block(self.now(), d, advance_clock),
        }
        self.overdue.set(true);
    }
}

/// Goes to the back of the run queue, as `asyncio.sleep(0)` does: wakes
/// itself and returns `Pending` once. (Tokio's own `yield_now` defers the
/// wake and resumes deferred tasks last-in first-out.)
pub async fn yield_now() {
    let mut yielded = false;
    std::future::poll_fn(|cx| {
        if yielded {
            Poll::Ready(())
        } else {
            yielded = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    })
    .await
}

/// What a task waits for when the tasks it waits on have all ended.
fn done_callbacks(lanes: &[LaneId]) -> Arc<str> {
    match lanes {
        [one] => format!("the done callback of task #{one}").into(),
        _ if lanes.len() > 8 => format!("the done callbacks of {} tasks", lanes.len()).into(),
        _ => {
            let names: Vec<String> = lanes.iter().map(|l| format!("#{l}")).collect();
            format!("the done callbacks of tasks {}", names.join(" ")).into()
        }
    }
}
