//! The engine: runs a Python program on a `current_thread` Tokio runtime with a paused
//! clock, on a thread of its own, and reports what happens as [`Event`]s.
//!
//! Headless runs finish at once with exact virtual timestamps; live runs are
//! paced in real time and steered through a [`Control`].

pub mod budget;
pub mod events;
pub mod pace;
pub mod py;
mod runtime;

use crate::program::{Program, StmtId};
pub use events::{CounterKind, Event, EventKind, FrameExit, FrameKind, LaneId, LaneKind, WaitOn};
pub use pace::Control;
use runtime::{Shared, Sink};
use std::rc::Rc;
use std::sync::Arc;
use std::sync::mpsc;
use std::time::Duration;

/// Bounds that keep any demo from hanging or exhausting the machine.
/// Reaching one ends the run with a message naming it.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Tasks (coroutines awaited inside a task are frames, bounded by the
    /// depth and step limits).
    pub max_lanes: usize,
    /// Events recorded in all: 5,000,000 unless `ASYNCLINGS_MAX_EVENTS`
    /// gives another positive number.
    pub max_events: usize,
    /// Virtual time a run may last.
    pub max_virtual: Duration,
    /// Nested calls (recursion included).
    pub max_depth: u32,
    /// Steps in all: statements, and the work inside built-ins. 10,000,000
    /// unless `ASYNCLINGS_MAX_STEPS` gives another positive number.
    pub max_steps: u64,
    /// Bytes the whole process may hold while a demo runs (see
    /// [`crate::memory`]).
    pub max_memory: usize,
    /// Not a bound: the seed `random` draws from until the program seeds
    /// it (`--seed`); `None` picks one and reports it in the warnings.
    pub seed: Option<u64>,
}

/// The seed of every run of this process whose limits are the default
/// ones: the command line's `--seed`.
static DEFAULT_SEED: std::sync::OnceLock<u64> = std::sync::OnceLock::new();

/// Seeds `random` in every run started with [`Limits::default`] from now
/// on (the `--seed N` flag of `run`, `check` and the lesson screen).
pub fn set_default_seed(seed: u64) {
    let _ = DEFAULT_SEED.set(seed);
}

/// A positive number in the environment variable `name`, if it holds one.
fn env_limit<T: std::str::FromStr + Default + PartialOrd>(name: &str) -> Option<T> {
    std::env::var(name)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .filter(|n| *n > T::default())
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_lanes: 250_000,
            max_events: env_limit("ASYNCLINGS_MAX_EVENTS").unwrap_or(5_000_000),
            max_virtual: Duration::from_secs(3600),
            max_depth: 1000,
            max_steps: env_limit("ASYNCLINGS_MAX_STEPS").unwrap_or(10_000_000),
            max_memory: 768 << 20,
            seed: DEFAULT_SEED.get().copied(),
        }
    }
}

/// The record of a finished run.
#[derive(Clone, Debug)]
pub struct Report {
    pub events: Vec<Event>,
    pub outcome: Outcome,
    /// What CPython writes to stderr besides a traceback: a `RuntimeWarning`
    /// for each coroutine that was never awaited (see [`never_awaited`]).
    pub warnings: Vec<String>,
    /// Where a run that a limit or a deadlock stopped stood: the statement
    /// that reached the limit, or the await of each task left waiting.
    pub stopped_at: Vec<StmtId>,
}

impl Report {
    /// The headless transcript: one `[t=T] TEXT` line per printed line.
    pub fn transcript(&self) -> Vec<String> {
        self.events
            .iter()
            .filter_map(Event::transcript_line)
            .collect()
    }

    /// The printed lines, without time stamps.
    pub fn printed(&self) -> Vec<&str> {
        self.events
            .iter()
            .filter_map(|e| match &e.kind {
                EventKind::Printed { text } | EventKind::PrintedNoLoop { text } => {
                    Some(text.as_str())
                }
                _ => None,
            })
            .collect()
    }

    /// Virtual time of the last event.
    pub fn duration(&self) -> Duration {
        self.events.last().map_or(Duration::ZERO, |e| e.time)
    }
}

/// How a run ended.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// The program ran to its end.
    Finished,
    /// The engine itself failed (a panic on the demo thread).
    Failed(String),
    /// The program raised an exception nobody caught: CPython's traceback,
    /// and the byte offset in the source where it was raised.
    Raised { traceback: String, at: usize },
    /// The program ended with `sys.exit(...)` (`SystemExit` uncaught):
    /// the process's exit status.
    Exited(i32),
    /// A limit was reached or the program deadlocked.
    Aborted(String),
    /// The run was stopped from outside (live runs).
    Stopped,
}

/// What the engine runs: a Python program.
pub type Script = Arc<Program>;

/// Stack of a demo thread: deep enough for `max_depth` nested calls even in
/// debug builds.
const ENGINE_STACK: usize = 64 * 1024 * 1024;

/// Runs a demo to the end at once, on its own thread, and returns every event.
pub fn run_headless(script: impl Into<Script>, limits: &Limits) -> Report {
    headless(script.into(), limits, None)
}

/// Runs a demo to the end at once, on its own thread, as [`run_headless`]
/// does, but hands each event to `on_event` as it happens instead of
/// keeping it: the report's `events` is empty. A long run then holds no
/// log of its events (`asynclings run --headless` prints them as they come).
pub fn run_headless_with(
    script: impl Into<Script>,
    limits: &Limits,
    on_event: impl FnMut(Event) + Send + 'static,
) -> Report {
    headless(script.into(), limits, Some(Box::new(on_event)))
}

/// Where a headless run's events go, when they are not kept.
type OnEvent = Box<dyn FnMut(Event) + Send>;

fn headless(demo: Script, limits: &Limits, on_event: Option<OnEvent>) -> Report {
    let limits = limits.clone();
    std::thread::scope(|scope| {
        std::thread::Builder::new()
            .name("asynclings-demo".into())
            .stack_size(ENGINE_STACK)
            .spawn_scoped(scope, move || {
                let events = Rc::new(std::cell::RefCell::new(Vec::new()));
                let aborted_at = Rc::new(std::cell::RefCell::new(Vec::new()));
                let mut deliver: Sink = match on_event {
                    Some(on_event) => on_event,
                    None => {
                        let kept = events.clone();
                        Box::new(move |e| kept.borrow_mut().push(e))
                    }
                };
                let sink_aborted = aborted_at.clone();
                // The statements where a task was aborted are noted as the
                // events pass, whether they are kept or handed on.
                let sink: Sink = Box::new(move |e: Event| {
                    if let (EventKind::Aborted { .. }, Some(stmt)) = (&e.kind, e.stmt) {
                        sink_aborted.borrow_mut().push(stmt);
                    }
                    deliver(e)
                });
                let (outcome, warnings, deadlocked_at) =
                    run_on_this_thread(demo, limits, sink, None);
                let events = std::mem::take(&mut *events.borrow_mut());
                let stopped_at =
                    deadlocked_at.unwrap_or_else(|| std::mem::take(&mut *aborted_at.borrow_mut()));
                Report {
                    events,
                    outcome,
                    warnings,
                    stopped_at,
                }
            })
            .expect("the demo thread starts")
            .join()
            .unwrap_or_else(|_| Report {
                events: Vec::new(),
                outcome: Outcome::Failed("the engine thread panicked".into()),
                warnings: Vec::new(),
                stopped_at: Vec::new(),
            })
    })
}

fn run_on_this_thread(
    demo: Script,
    limits: Limits,
    sink: Sink,
    control: Option<Arc<Control>>,
) -> (Outcome, Vec<String>, Option<Vec<StmtId>>) {
    py::vm::coro::take_never_awaited();
    py::random_seed_picked();
    let program = demo.clone();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .enable_io()
        .start_paused(true)
        .build()
        .expect("a current-thread runtime builds");
    let local = tokio::task::LocalSet::new();
    let max_virtual = limits.max_virtual;
    let _budgets = budget::install(limits.max_steps, limits.max_memory, control.clone());
    let deadlocked_at = Rc::new(std::cell::RefCell::new(None));
    let deadlock_slot = deadlocked_at.clone();
    let outcome = local.block_on(&runtime, async move {
        let shared = Rc::new(Shared::new(limits, sink, control.clone()));
        let pacer = async {
            match &control {
                Some(c) => pace::pace(&shared, c).await,
                None => std::future::pending().await,
            }
        };
        tokio::select! {
            biased;
            _ = shared.abort_signal.notified() => {
                Outcome::Aborted(shared.aborted().unwrap_or_default())
            }
            _ = pacer => Outcome::Stopped,
            outcome = run_script(demo, shared.clone()) => outcome,
            _ = tokio::time::sleep(max_virtual) => {
                let reason = if shared.timers_pending() {
                    format!(
                        "the demo ran past {} s of virtual time (limit: virtual duration)",
                        max_virtual.as_secs()
                    )
                } else {
                    *deadlock_slot.borrow_mut() = Some(shared.waiting_stmts());
                    deadlock_reason(&shared)
                };
                shared.abort(reason.clone());
                Outcome::Aborted(reason)
            }
        }
    });
    let outcome = match outcome {
        Outcome::Aborted(reason) if reason == budget::STOPPED => Outcome::Stopped,
        other => other,
    };
    // Whatever the run still holds goes now, as at interpreter exit.
    drop(local);
    drop(runtime);
    // A limit's message must not be buried under the warnings of the
    // coroutines it left behind.
    let most = match outcome {
        Outcome::Aborted(_) => MAX_WARNINGS_AFTER_LIMIT,
        _ => usize::MAX,
    };
    let deadlocked_at = deadlocked_at.borrow_mut().take();
    let mut warnings = never_awaited(&program, most);
    if let Some(seed) = py::random_seed_picked() {
        warnings.push(format!("random seed: {seed}"));
    }
    (outcome, warnings, deadlocked_at)
}

/// Why a run in which every task waits and no timer is pending ends: the
/// cycle of tasks waiting for each other's locks, when there is one, then
/// what each task waits on.
pub(crate) fn deadlock_reason(shared: &Shared) -> String {
    let mut waits = shared.waiting_lanes();
    if waits.len() > 6 {
        let more = waits.len() - 5;
        waits.truncate(5);
        waits.push(format!("and {more} more"));
    }
    let cycle = shared
        .lock_cycle()
        .map(|c| format!("{c}; "))
        .unwrap_or_default();
    format!(
        "deadlock: {cycle}every task is waiting and no timer is pending ({})",
        waits.join("; ")
    )
}

/// Warnings written after a run that a limit ended, at most.
const MAX_WARNINGS_AFTER_LIMIT: usize = 10;

/// CPython's warning for each coroutine dropped before it started:
///
/// ```text
/// prog.py:13: RuntimeWarning: coroutine 'greet' was never awaited
///   forgotten = greet("Ghost")
/// RuntimeWarning: Enable tracemalloc to get the object allocation traceback
/// ```
///
/// CPython names the line running when the object is collected (for a
/// local of a coroutine that returned, a line inside asyncio); the engine
/// names the line of the call that made it.
fn never_awaited(program: &Program, most: usize) -> Vec<String> {
    let mut dropped = py::vm::coro::take_never_awaited();
    let left = dropped.len().saturating_sub(most);
    dropped.truncate(most);
    let mut warnings: Vec<String> = dropped
        .into_iter()
        .map(|(name, at)| {
            let line = program.line_of(at);
            format!(
                "{}:{line}: RuntimeWarning: coroutine '{name}' was never awaited\n  {}\n\
                 RuntimeWarning: Enable tracemalloc to get the object allocation traceback",
                program.file,
                program.line_text(line).trim()
            )
        })
        .collect();
    if left > 0 {
        warnings.push(format!(
            "... and {left} more 'never awaited' warnings, left out: the run was stopped by a limit"
        ));
    }
    warnings
}

async fn run_script(script: Script, shared: Rc<Shared>) -> Outcome {
    py::run(script, shared).await
}

/// A demo running live on its own thread.
pub struct LiveRun {
    control: Arc<Control>,
    events: mpsc::Receiver<Event>,
    thread: Option<std::thread::JoinHandle<(Outcome, Vec<String>)>>,
    outcome: Option<Outcome>,
    warnings: Vec<String>,
}

impl LiveRun {
    /// Starts `demo` paced at `speed` virtual seconds per real second.
    pub fn start(script: impl Into<Script>, limits: &Limits, speed: f64, paused: bool) -> LiveRun {
        let control = Arc::new(Control::new(speed, paused));
        let (tx, events) = mpsc::channel();
        let demo = script.into();
        let limits = limits.clone();
        let thread_control = control.clone();
        let thread = std::thread::Builder::new()
            .name("asynclings-demo".into())
            .stack_size(ENGINE_STACK)
            .spawn(move || {
                let sink: Sink = Box::new(move |e| {
                    let _ = tx.send(e);
                });
                let (outcome, warnings, _) =
                    run_on_this_thread(demo, limits, sink, Some(thread_control));
                (outcome, warnings)
            })
            .expect("the demo thread starts");
        LiveRun {
            control,
            events,
            thread: Some(thread),
            outcome: None,
            warnings: Vec::new(),
        }
    }

    /// The control handle: pause, resume, step, speed, stop.
    pub fn control(&self) -> &Arc<Control> {
        &self.control
    }

    /// The events recorded since the last call.
    pub fn drain(&self) -> Vec<Event> {
        self.events.try_iter().collect()
    }

    /// Waits up to `timeout` for the next event.
    pub fn next_event(&self, timeout: Duration) -> Option<Event> {
        self.events.recv_timeout(timeout).ok()
    }

    /// How the run ended, once it has.
    pub fn outcome(&mut self) -> Option<&Outcome> {
        if self.outcome.is_none() && self.thread.as_ref().is_some_and(|t| t.is_finished()) {
            let thread = self.thread.take().expect("checked");
            let (outcome, warnings) = joined(thread);
            self.outcome = Some(outcome);
            self.warnings = warnings;
        }
        self.outcome.as_ref()
    }

    /// The run's warnings (as in [`Report::warnings`]), once
    /// [`LiveRun::outcome`] has seen it end.
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// Waits for the run to end and returns every event not yet drained.
    pub fn wait(self) -> (Vec<Event>, Outcome) {
        let (events, outcome, _) = self.finish();
        (events, outcome)
    }

    /// Waits for the run to end: the events not yet drained, the outcome
    /// and the warnings (as in [`Report::warnings`]).
    pub fn finish(mut self) -> (Vec<Event>, Outcome, Vec<String>) {
        let (outcome, warnings) = match self.thread.take() {
            Some(t) => joined(t),
            None => (
                self.outcome.take().unwrap_or(Outcome::Stopped),
                std::mem::take(&mut self.warnings),
            ),
        };
        (self.events.try_iter().collect(), outcome, warnings)
    }
}

fn joined(thread: std::thread::JoinHandle<(Outcome, Vec<String>)>) -> (Outcome, Vec<String>) {
    thread.join().unwrap_or_else(|_| {
        (
            Outcome::Failed("the engine thread panicked".into()),
            Vec::new(),
        )
    })
}

impl Drop for LiveRun {
    fn drop(&mut self) {
        self.control.stop();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}
