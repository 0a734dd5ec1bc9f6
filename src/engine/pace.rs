//! Live pacing: a pacer task on the demo's runtime holds the thread for one
//! real frame at a time, then lets virtual time run up to
//! `anchor + real elapsed × speed`. Tokio's auto-advance walks through every
//! timer up to that point at its exact deadline, so a live run produces the
//! same events at the same virtual times as a headless one.

use super::runtime::Shared;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

/// Slowest and fastest speeds.
pub const SPEED_RANGE: (f64, f64) = (0.1, 10.0);

/// One real frame of the pacer.
const FRAME: Duration = Duration::from_millis(10);

/// The control handle of a live run, shared by the UI thread and the
/// runtime thread.
pub struct Control {
    state: Mutex<State>,
    changed: Condvar,
    /// Woken when a step has reached the next demo event.
    step_reached: tokio::sync::Notify,
    /// The run's virtual time in microseconds, as of the last frame or event.
    now_micros: AtomicU64,
    /// Paused or stopped: work on the demo thread must wait or end.
    halted: AtomicBool,
}

#[derive(Clone, Debug)]
struct State {
    paused: bool,
    speed: f64,
    /// A step was asked for and not yet started.
    step_requested: bool,
    /// A step is running; it started at this virtual time.
    stepping_from: Option<Duration>,
    /// A step that a blocking call took to its end counts from the
    /// block's start.
    step_origin: Option<Duration>,
    stop: bool,
    /// Bumped whenever pacing must re-anchor (resume, speed change).
    epoch: u64,
}

impl State {
    /// The demo's own work must wait: paused with no step under way, or
    /// stopped.
    fn holds_work(&self) -> bool {
        self.stop || (self.paused && !self.step_requested && self.stepping_from.is_none())
    }
}

/// `speed` clamped to [`SPEED_RANGE`]; a NaN is the normal speed, 1.
fn in_range(speed: f64) -> f64 {
    if speed.is_nan() {
        1.0
    } else {
        speed.clamp(SPEED_RANGE.0, SPEED_RANGE.1)
    }
}

impl Control {
    /// A control starting at `speed`, paused or not.
    pub fn new(speed: f64, paused: bool) -> Control {
        Control {
            state: Mutex::new(State {
                paused,
                speed: in_range(speed),
                step_requested: false,
                stepping_from: None,
                step_origin: None,
                stop: false,
                epoch: 0,
            }),
            changed: Condvar::new(),
            step_reached: tokio::sync::Notify::new(),
            now_micros: AtomicU64::new(0),
            halted: AtomicBool::new(paused),
        }
    }

    fn update(&self, f: impl FnOnce(&mut State)) {
        let mut state = self.state.lock().expect("control state");
        f(&mut state);
        self.halted.store(state.holds_work(), Ordering::Relaxed);
        state.epoch += 1;
        self.changed.notify_all();
    }

    /// Pauses the run: virtual time stops.
    pub fn pause(&self) {
        self.update(|s| s.paused = true);
    }

    /// Resumes a paused run.
    pub fn resume(&self) {
        self.update(|s| s.paused = false);
    }

    /// Whether the run is paused.
    pub fn is_paused(&self) -> bool {
        self.state.lock().expect("control state").paused
    }

    /// Runs to the next demo event (and everything at the same instant),
    /// then pauses.
    pub fn step(&self) {
        self.update(|s| {
            s.paused = true;
            s.step_requested = true;
        });
    }

    /// Whether a step is still under way.
    pub fn is_stepping(&self) -> bool {
        let state = self.state.lock().expect("control state");
        state.step_requested || state.stepping_from.is_some()
    }

    /// Sets the speed (virtual seconds per real second), clamped to
    /// [`SPEED_RANGE`]; returns the speed set.
    pub fn set_speed(&self, speed: f64) -> f64 {
        let speed = in_range(speed);
        self.update(|s| s.speed = speed);
        speed
    }

    /// The current speed.
    pub fn speed(&self) -> f64 {
        self.state.lock().expect("control state").speed
    }

    /// Ends the run.
    pub fn stop(&self) {
        self.update(|s| s.stop = true);
    }

    fn stopped(&self) -> bool {
        self.state.lock().expect("control state").stop
    }

    /// Paused or stopped (a cheap check for the demo thread's hot paths).
    pub(crate) fn is_halted(&self) -> bool {
        self.halted.load(Ordering::Relaxed)
    }

    /// Holds the demo thread while the run is paused (a step lets it go
    /// on); `false` once the run is stopped.
    pub(crate) fn wait_while_paused(&self) -> bool {
        let mut state = self.state.lock().expect("control state");
        while state.holds_work() && !state.stop {
            state = self.changed.wait(state).expect("control state");
        }
        !state.stop
    }

    /// The run's virtual time, as of its last frame or event.
    pub fn virtual_now(&self) -> Duration {
        Duration::from_micros(self.now_micros.load(Ordering::Relaxed))
    }

    fn set_now(&self, time: Duration) {
        self.now_micros
            .fetch_max(time.as_micros() as u64, Ordering::Relaxed);
    }

    /// Called on the runtime thread for every event.
    pub(crate) fn on_event(&self, time: Duration) {
        self.set_now(time);
        let state = self.state.lock().expect("control state");
        if let Some(from) = state.stepping_from
            && time > from
        {
            self.step_reached.notify_waiters();
        }
    }

    /// Holds the runtime thread through a blocking call of `d` virtual
    /// time starting at `start`, moving the virtual clock (`advance`) and
    /// [`Control::virtual_now`] one real frame at a time at the current
    /// speed, so the screen shows the clock running while every task
    /// stalls. Pause holds the block where it is; a step (or stop) ends it
    /// at once: the next thing that happens is the block's end, so a step
    /// during a block goes there and lets that instant's work finish.
    pub(crate) fn hold_block(
        &self,
        start: Duration,
        d: Duration,
        mut advance: impl FnMut(Duration),
    ) {
        let end = start + d;
        let mut now = start;
        let mut state = self.state.lock().expect("control state");
        while now < end {
            while state.paused && !state.step_requested && !state.stop {
                state = self.changed.wait(state).expect("control state");
            }
            if state.stop || state.step_requested {
                if state.step_requested {
                    // The pacer runs the step from the block's start: its
                    // end is the first later instant.
                    state.step_origin = Some(start);
                }
                drop(state);
                advance(end - now);
                self.set_now(end);
                return;
            }
            let speed = state.speed;
            let left = end - now;
            let real_left = left.div_f64(speed);
            let wait = FRAME.min(real_left);
            let began = Instant::now();
            state = self
                .changed
                .wait_timeout(state, wait)
                .expect("control state")
                .0;
            let real = began.elapsed();
            let moved = if real >= real_left {
                left
            } else {
                real.mul_f64(speed).min(left)
            };
            if !moved.is_zero() {
                advance(moved);
                now += moved;
                self.set_now(now);
            }
        }
    }

    /// Blocks the runtime thread for one frame, or until paused ends.
    /// Returns the state to act on.
    fn wait_frame(&self) -> State {
        let state = self.state.lock().expect("control state");
        let (state, _) = self
            .changed
            .wait_timeout_while(state, FRAME, |s| !s.stop && !s.step_requested)
            .expect("control state");
        let mut state = state;
        while state.paused && !state.step_requested && !state.stop {
            state = self.changed.wait(state).expect("control state");
        }
        state.clone()
    }
}

/// Paces the run until it is stopped; returns when `Control::stop` is called.
pub(crate) async fn pace(shared: &Shared, control: &Control) {
    let mut anchor = (shared.now(), Instant::now());
    let mut epoch = u64::MAX;
    loop {
        let state = control.wait_frame();
        if state.stop || control.stopped() {
            return;
        }
        if state.epoch != epoch {
            epoch = state.epoch;
            anchor = (shared.now(), Instant::now());
        }
        if state.step_requested {
            step(shared, control).await;
            epoch = u64::MAX;
            continue;
        }
        if !shared.timers_pending() && deadlocked(shared).await {
            // The abort ends the run (the pacer ending would be a stop).
            shared.abort(super::deadlock_reason(shared));
            std::future::pending::<()>().await;
        }
        let target = anchor.0 + anchor.1.elapsed().mul_f64(state.speed);
        let target = target.max(shared.now() + Duration::from_millis(1));
        tokio::time::sleep_until(shared.instant(target)).await;
        control.set_now(shared.now());
    }
}

/// Whether the run is deadlocked, asked when no timer is pending: a
/// sleep of the pacer's own ends only once no task is ready (the paused
/// clock moves only when the runtime idles), so if still no timer is
/// pending then, nothing can ever happen again. This is what a headless
/// run finds when its clock reaches the virtual-duration limit; a live run
/// finds it at once, so its clock stops where the tasks stopped. Events
/// keep the time they had: the pacer's sleep is not a moment of the demo.
async fn deadlocked(shared: &Shared) -> bool {
    shared.hold_clock();
    tokio::time::sleep(Duration::from_millis(1)).await;
    !shared.timers_pending() && shared.aborted().is_none()
}

/// Lets the runtime run until the first event at a later virtual time than
/// now, then until that instant's work is done, then pauses.
async fn step(shared: &Shared, control: &Control) {
    let from = {
        let mut state = control.state.lock().expect("control state");
        let from = state.step_origin.take().unwrap_or(shared.now());
        state.step_requested = false;
        state.stepping_from = Some(from);
        from
    };
    let events_before = shared.event_count();
    settle(shared).await;
    // Past `from` already: a blocking call ran to its end.
    if shared.event_count() == events_before && shared.now() <= from {
        tokio::select! {
            biased;
            _ = control.step_reached.notified() => {}
            _ = tokio::time::sleep(Duration::from_secs(24 * 3600)) => {}
        }
        settle(shared).await;
    }
    control.update(|s| {
        s.stepping_from = None;
        s.paused = true;
    });
}

/// Yields until a round passes with no new event: the work due at the
/// current instant is done.
async fn settle(shared: &Shared) {
    for _ in 0..1000 {
        let before = shared.event_count();
        tokio::task::yield_now().await;
        tokio::task::yield_now().await;
        if shared.event_count() == before {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::{EventKind, Limits, LiveRun, Outcome, run_headless};
    use std::time::{Duration, Instant};

    /// Lesson 3's program: `time.sleep(2)` at t=0.5 while a ticker waits.
    const BLOCKING: &str = include_str!("../../lessons/04-blocking.py");

    fn script() -> crate::engine::Script {
        match crate::lesson::python_lesson("blocking.py", BLOCKING) {
            Ok(l) => l.script(),
            Err(e) => panic!("{}", e.render(false)),
        }
    }

    fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while !done() {
            assert!(Instant::now() < deadline, "never: {what}");
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    #[test]
    fn the_clock_runs_through_a_block_and_pause_and_step_work_inside_it() {
        let live = LiveRun::start(script(), &Limits::default(), 2.0, false);
        let mut events = Vec::new();
        wait_until("the block starts", || {
            events.extend(live.drain());
            events
                .iter()
                .any(|e| matches!(e.kind, EventKind::Blocked { .. }))
        });
        let control = live.control();
        let mut samples = Vec::new();
        for _ in 0..4 {
            std::thread::sleep(Duration::from_millis(60));
            samples.push(control.virtual_now());
        }
        assert!(samples.windows(2).all(|w| w[1] > w[0]), "{samples:?}");
        assert!(samples[3] < Duration::from_secs_f64(2.5), "{samples:?}");
        control.pause();
        std::thread::sleep(Duration::from_millis(50));
        let paused = control.virtual_now();
        std::thread::sleep(Duration::from_millis(150));
        assert_eq!(control.virtual_now(), paused);
        assert!(live.drain().is_empty(), "nothing happens while paused");
        // A step goes to the block's end and lets that instant finish.
        control.step();
        wait_until("the step ends", || {
            control.is_paused() && !control.is_stepping()
        });
        std::thread::sleep(Duration::from_millis(30));
        let step = live.drain();
        let end = Duration::from_secs_f64(2.5);
        assert!(
            !step.is_empty() && step.iter().all(|e| e.time == end),
            "{step:?}"
        );
        assert!(step.iter().any(|e| e.kind == EventKind::Unblocked));
        assert!(step.iter().any(|e| e.kind
            == EventKind::Printed {
                text: "tick 1 (due at t=1)".into()
            }));
        assert_eq!(control.virtual_now(), end);
        // The rest of the run, and the whole, as headless.
        control.set_speed(10.0);
        control.resume();
        events.extend(step);
        let (rest, outcome) = live.wait();
        assert_eq!(outcome, Outcome::Finished);
        events.extend(rest);
        assert_eq!(events, run_headless(script(), &Limits::default()).events);
    }

    #[test]
    fn stepping_into_a_block_stops_at_its_start_and_the_next_step_at_its_end() {
        let live = LiveRun::start(script(), &Limits::default(), 1.0, true);
        let control = live.control();
        let mut events = Vec::new();
        let start = Duration::from_secs_f64(0.5);
        for _ in 0..5 {
            control.step();
            std::thread::sleep(Duration::from_millis(100));
            events.extend(live.drain());
            if events
                .iter()
                .any(|e| matches!(e.kind, EventKind::Blocked { .. }))
            {
                break;
            }
        }
        assert!(
            events.iter().any(|e| e.kind
                == EventKind::Printed {
                    text: "blocker: calling time.sleep(2)".into()
                }),
            "{events:?}"
        );
        // Held at the block's start while paused.
        std::thread::sleep(Duration::from_millis(200));
        assert_eq!(control.virtual_now(), start);
        assert!(live.drain().is_empty());
        control.step();
        let mut step = Vec::new();
        wait_until("the block ends", || {
            step.extend(live.drain());
            step.iter().any(|e| e.kind == EventKind::Unblocked)
        });
        wait_until("the step ends", || {
            control.is_paused() && !control.is_stepping()
        });
        std::thread::sleep(Duration::from_millis(30));
        step.extend(live.drain());
        let end = Duration::from_secs_f64(2.5);
        assert!(step.iter().all(|e| e.time == end), "{step:?}");
        assert!(step.iter().any(|e| e.kind
            == EventKind::Printed {
                text: "tick 1 (due at t=1)".into()
            }));
        control.stop();
    }
}
