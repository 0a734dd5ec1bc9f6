//! The event stream of a run: the one interface the UI, the transcript and
//! exports read. Every event carries the virtual time, the lane (one per
//! asyncio task) and the statement that caused it.
//!
//! A lane is a task, never anything smaller: an awaited coroutine, an async
//! generator or async iterator driven by `async for`/`anext`, and an async
//! context manager's `__aenter__`/`__aexit__` run *inside* the task that
//! drives them, so they are frames of its lane, bracketed by
//! [`EventKind::FrameEntered`] and [`EventKind::FrameLeft`]. Frames nest as
//! calls do: on each lane the entered and left events pair up like
//! parentheses, innermost last.

use crate::program::StmtId;
use crate::text::format_seconds;
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

/// A lane: one asyncio task (the main task of `asyncio.run`, a
/// `create_task`, or a task asyncio makes for `gather`, `as_completed` or
/// `wait_for`).
pub type LaneId = u32;

/// One thing that happened during a run.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// Virtual time since the start of the run.
    pub time: Duration,
    pub lane: LaneId,
    /// The statement that caused the event, when one did.
    pub stmt: Option<StmtId>,
    pub kind: EventKind,
}

/// What a lane is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LaneKind {
    /// An asyncio task: `asyncio.run`'s main task, `create_task`, a
    /// TaskGroup's child, or a task asyncio makes itself (`gather`,
    /// `as_completed`, `wait_for` on 3.11).
    Task,
    /// An executor's job on a worker thread (`run_in_executor` with a
    /// thread pool, `to_thread`): not a task, it runs outside the event
    /// loop.
    Worker,
    /// An executor's job in a worker process (`run_in_executor` with a
    /// `ProcessPoolExecutor`): not a task, it runs outside the event loop.
    Process,
}

impl LaneKind {
    /// Whether the lane is an executor's job (on a thread or in a process).
    pub fn is_job(self) -> bool {
        matches!(self, LaneKind::Worker | LaneKind::Process)
    }
}

/// What kind of code a frame of a task runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrameKind {
    /// A coroutine awaited directly (`await fetch(1)`).
    Coroutine,
    /// An async generator (or async generator expression), run from one
    /// `anext` to its next `yield`.
    AsyncGenerator,
    /// A class async iterator's `__anext__`.
    Iterator,
    /// An async context manager's `__aenter__` or `__aexit__`.
    ContextManager,
}

impl FrameKind {
    /// How the screen and `--events` name the kind.
    pub fn label(self) -> &'static str {
        match self {
            FrameKind::Coroutine => "coroutine",
            FrameKind::AsyncGenerator => "async generator",
            FrameKind::Iterator => "async iterator",
            FrameKind::ContextManager => "context manager",
        }
    }
}

/// How a frame was left.
#[derive(Clone, Debug, PartialEq)]
pub enum FrameExit {
    /// It returned this value (Python `repr`).
    Returned { value: String },
    /// An async generator yielded an item to its consumer; it stays paused
    /// at its `yield` until asked for the next one.
    Yielded,
    /// The async iteration is over: the generator finished, or the
    /// iterator's `__anext__` raised `StopAsyncIteration`.
    Exhausted,
    /// It raised an exception (`Type: message`).
    Raised { message: String },
    /// A `CancelledError` unwound it.
    Cancelled,
}

/// What a suspended lane waits for.
#[derive(Clone, Debug, PartialEq)]
pub enum WaitOn {
    /// A timer due at this virtual time.
    Timer { deadline: Duration },
    /// Another task to finish.
    Lane(LaneId),
    /// Several tasks (`gather`, `as_completed`), shared between events.
    Lanes(Arc<[LaneId]>),
    /// A future to be resolved.
    Future(Arc<str>),
    /// A yield: back of the ready queue (`asyncio.sleep(0)`).
    Yield,
    /// A socket: a connection being opened, or a line to arrive
    /// (`"a line on conn"`).
    Io(Arc<str>),
    /// A queue or synchronization primitive, described ready to show
    /// (`Queue.get (queue empty)`, `Lock (held by worker(2))`); `holder` is
    /// the lane that holds it, when one does (a `Lock`'s owner).
    Sync {
        what: Arc<str>,
        holder: Option<LaneId>,
    },
}

/// What a counter of a queue or a synchronization primitive counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CounterKind {
    /// The items in a queue (`qsize()`).
    QueueSize,
    /// A semaphore's free permits (its value).
    FreePermits,
}

impl CounterKind {
    /// How `--events` and the exports name what is counted.
    pub fn label(self) -> &'static str {
        match self {
            CounterKind::QueueSize => "size",
            CounterKind::FreePermits => "free",
        }
    }
}

/// The kinds of event.
#[derive(Clone, Debug, PartialEq)]
pub enum EventKind {
    /// A task came to be; `parent` is the task that made it (none for the
    /// main task, which the module code makes).
    Created {
        kind: LaneKind,
        /// The coroutine call it runs, with Python reprs of the arguments
        /// (shortened): `fetch('slow', 3)`.
        call: Arc<str>,
        /// The Task's name, as `get_name()` gives it: `Task-2`, or the
        /// `name=` given to `create_task`.
        name: Arc<str>,
        /// Whether `name` was given (`create_task(..., name=...)`).
        named: bool,
        parent: Option<LaneId>,
    },
    /// `Task.set_name` gave the task this name.
    Renamed { name: Arc<str> },
    /// The task entered a frame: it awaits a coroutine, asks an async
    /// generator or iterator for an item, or enters or exits an async
    /// context manager. `stmt` is the statement of the awaiting frame.
    FrameEntered { name: Arc<str>, kind: FrameKind },
    /// The task left its innermost frame (the one entered last).
    FrameLeft { name: Arc<str>, exit: FrameExit },
    /// The runtime started polling the lane's future.
    Polled,
    /// The poll returned `Pending`: the lane waits on something.
    Suspended { on: WaitOn },
    /// What a waiting lane waits on changed while it waits: the lock it
    /// waits for passed to another task, which now holds it.
    WaitChanged { on: WaitOn },
    /// The lane's waker was called: it is ready to run again.
    Woken,
    /// A blocking call holds the thread (and every lane) until `until`.
    Blocked { until: Duration },
    /// The blocking call is over.
    Unblocked,
    /// The lane finished with a value (Python `repr`).
    Returned { value: String },
    /// The lane was cancelled (at its current await point).
    Cancelled,
    /// A `wait_for` gave up on the lane: it was cancelled for a timeout.
    TimedOut,
    /// The lane printed a line.
    Printed { text: String },
    /// The module code printed a line while no event loop ran (after
    /// `asyncio.run` returned): the transcript stamps it `t=0`, as there is
    /// no loop clock to read.
    PrintedNoLoop { text: String },
    /// The program wrote a line to stderr (`print(..., file=sys.stderr)`,
    /// `sys.stderr.write`, `logging`): not part of the transcript.
    PrintedErr { text: String },
    /// The lane failed with an error.
    Failed { message: String },
    /// The event loop's exception handler logged an error, which CPython
    /// writes to stderr (an exception in a callback, a task exception never
    /// retrieved), or the tool noted something about the run.
    Logged { text: String },
    /// The run ended early: a limit was reached or the demo deadlocked.
    Aborted { reason: String },
    /// A queue's size or a semaphore's free permits is now `value` (first
    /// when the primitive is made, then at each change).
    Counter {
        /// The primitive's number in the run: one counter per primitive.
        id: u32,
        /// How the primitive is named: by the variable it was assigned to
        /// (`Queue 'queue'`), else by its number among its kind
        /// (`Semaphore #1`).
        name: Arc<str>,
        kind: CounterKind,
        value: i64,
        /// The most it holds, when bounded: a queue's `maxsize`, a
        /// semaphore's initial value.
        capacity: Option<i64>,
    },
}

impl Event {
    /// Virtual seconds, as in the transcript (`0`, `0.5`, `2.25`).
    pub fn seconds(&self) -> String {
        format_seconds(self.time.as_secs_f64())
    }

    /// The transcript line, for `Printed` events.
    pub fn transcript_line(&self) -> Option<String> {
        match &self.kind {
            EventKind::Printed { text } => Some(format!("[t={}] {text}", self.seconds())),
            EventKind::PrintedNoLoop { text } => Some(format!("[t=0] {text}")),
            _ => None,
        }
    }
}

impl fmt::Display for WaitOn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WaitOn::Timer { deadline } => {
                write!(
                    f,
                    "timer until t={}",
                    format_seconds(deadline.as_secs_f64())
                )
            }
            WaitOn::Lane(l) => write!(f, "task #{l}"),
            WaitOn::Lanes(ls) if ls.len() > 8 => {
                write!(f, "{} tasks #{}..#{}", ls.len(), ls[0], ls[ls.len() - 1])
            }
            WaitOn::Lanes(ls) => {
                let names: Vec<_> = ls.iter().map(|l| format!("#{l}")).collect();
                write!(f, "tasks {}", names.join(" "))
            }
            // A plain `loop.create_future()` is named just "future".
            WaitOn::Future(name) if &**name == "future" => f.write_str("a future"),
            WaitOn::Future(name) => write!(f, "future {name}"),
            WaitOn::Yield => f.write_str("its turn (yield)"),
            WaitOn::Io(what) => f.write_str(what),
            WaitOn::Sync { what, .. } => f.write_str(what),
        }
    }
}

/// One readable line per event, as `asynclings run --events` prints it.
impl fmt::Display for Event {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[t={}] #{} ", self.seconds(), self.lane)?;
        match &self.kind {
            EventKind::Created {
                kind,
                call,
                name,
                parent,
                ..
            } => {
                match kind {
                    LaneKind::Task => write!(f, "created task {name}: {call}")?,
                    LaneKind::Worker => write!(f, "created job {call} on a worker thread")?,
                    LaneKind::Process => write!(f, "created job {call} in a worker process")?,
                }
                if let Some(p) = parent {
                    write!(f, " (by #{p})")?;
                }
            }
            EventKind::Renamed { name } => write!(f, "renamed {name}")?,
            EventKind::FrameEntered { name, kind } => write!(f, "enters {} {name}", kind.label())?,
            EventKind::FrameLeft { name, exit } => match exit {
                FrameExit::Returned { value } => write!(f, "leaves {name}: returned {value}")?,
                FrameExit::Yielded => write!(f, "leaves {name}: yielded an item")?,
                FrameExit::Exhausted => write!(f, "leaves {name}: StopAsyncIteration")?,
                FrameExit::Raised { message } => write!(f, "leaves {name}: raised {message}")?,
                FrameExit::Cancelled => write!(f, "leaves {name}: cancelled")?,
            },
            EventKind::Polled => f.write_str("polled")?,
            EventKind::Suspended { on } => write!(f, "suspended on {on}")?,
            EventKind::WaitChanged { on } => write!(f, "now waiting on {on}")?,
            EventKind::Woken => f.write_str("woken")?,
            EventKind::Blocked { until } => write!(
                f,
                "blocks the thread until t={}",
                format_seconds(until.as_secs_f64())
            )?,
            EventKind::Unblocked => f.write_str("unblocked")?,
            EventKind::Returned { value } => write!(f, "returned {value}")?,
            EventKind::Cancelled => f.write_str("cancelled")?,
            EventKind::TimedOut => f.write_str("timed out")?,
            EventKind::Printed { text } | EventKind::PrintedNoLoop { text } => {
                write!(f, "printed {text:?}")?
            }
            EventKind::PrintedErr { text } => write!(f, "printed to stderr {text:?}")?,
            EventKind::Failed { message } => write!(f, "failed: {message}")?,
            EventKind::Logged { text } => {
                write!(f, "logged: {}", text.lines().next().unwrap_or_default())?
            }
            EventKind::Aborted { reason } => write!(f, "run aborted: {reason}")?,
            EventKind::Counter {
                name,
                kind,
                value,
                capacity,
                ..
            } => {
                write!(f, "counter {name}: {} {value}", kind.label())?;
                if let Some(c) = capacity {
                    write!(f, " of {c}")?;
                }
            }
        }
        if let Some(s) = self.stmt {
            write!(f, " @s{s}")?;
        }
        Ok(())
    }
}
