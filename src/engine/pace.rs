//! Live pacing: a pacer task on the demo's runtime holds the thread for one
//! real frame at a time, then lets virtual time run up to
//! `anchor + real elapsed × speed`. Tokio's auto-advance walks through every
//! timer up to that point at its exact deadline, so a live run produces the
//! same events at the same virtual times as a headless one.

use super::runtime::Shared;
use std::sync::atomic::{AtomicU64, Ordering};
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
}

#[derive(Clone, Debug)]
struct State {
    paused: bool,
    speed: f64,
    /// A step was asked for and not yet started.
    step_requested: bool,
    /// A step is running; it started at this virtual time.
    stepping_from: Option<Duration>,
    stop: bool,
    /// Bumped whenever pacing must re-anchor (resume, speed change).
    epoch: u64,
}

impl Control {
    /// A control starting at `speed`, paused or not.
    pub fn new(speed: f64, paused: bool) -> Control {
        Control {
            state: Mutex::new(State {
                paused,
                speed: speed.clamp(SPEED_RANGE.0, SPEED_RANGE.1),
                step_requested: false,
                stepping_from: None,
                stop: false,
                epoch: 0,
            }),
            changed: Condvar::new(),
            step_reached: tokio::sync::Notify::new(),
            now_micros: AtomicU64::new(0),
        }
    }

    fn update(&self, f: impl FnOnce(&mut State)) {
        let mut state = self.state.lock().expect("control state");
        f(&mut state);
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
        let speed = speed.clamp(SPEED_RANGE.0, SPEED_RANGE.1);
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

    /// Holds the runtime thread for `virtual_time / speed` of real time,
    /// waiting while paused: the visible stall of a blocking call.
    pub(crate) fn hold_thread(&self, virtual_time: Duration) {
        let mut state = self.state.lock().expect("control state");
        while state.paused && !state.step_requested && !state.stop {
            state = self.changed.wait(state).expect("control state");
        }
        if state.stop {
            return;
        }
        let real = virtual_time.div_f64(state.speed);
        drop(state);
        std::thread::sleep(real);
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
        let target = anchor.0 + anchor.1.elapsed().mul_f64(state.speed);
        let target = target.max(shared.now() + Duration::from_millis(1));
        tokio::time::sleep_until(shared.instant(target)).await;
        control.set_now(shared.now());
    }
}

/// Lets the runtime run until the first event at a later virtual time than
/// now, then until that instant's work is done, then pauses.
async fn step(shared: &Shared, control: &Control) {
    let from = shared.now();
    {
        let mut state = control.state.lock().expect("control state");
        state.step_requested = false;
        state.stepping_from = Some(from);
    }
    let events_before = shared.event_count();
    settle(shared).await;
    if shared.event_count() == events_before {
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
