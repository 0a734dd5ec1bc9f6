//! The event stream of a run: the one interface the UI, the transcript and
//! exports read. Every event carries the virtual time, the lane (one per task
//! or coroutine invocation) and the statement that caused it.

use crate::render::plan::ir::ast::StmtId;
use crate::text::format_seconds;
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

/// A lane: one coroutine invocation, task, generator or resource.
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
    /// A task: `asyncio.run`'s main, `create_task`, or a child of
    /// `gather`/`as_completed`/`wait_for`.
    Task,
    /// A coroutine awaited directly, inside its caller's task.
    Coroutine,
    /// An async generator or async iterator, driven by its consumer.
    Generator,
    /// An async context manager's `__aenter__`/`__aexit__`.
    Resource,
    /// An executor's job, on a worker thread or process.
    Worker,
}

/// What a suspended lane waits for.
#[derive(Clone, Debug, PartialEq)]
pub enum WaitOn {
    /// A timer due at this virtual time.
    Timer { deadline: Duration },
    /// Another lane (a task or an awaited coroutine) to finish.
    Lane(LaneId),
    /// Several lanes (`gather`, `as_completed`), shared between events.
    Lanes(Arc<[LaneId]>),
    /// The next item of a generator lane.
    Generator(LaneId),
    /// A future to be resolved.
    Future(Arc<str>),
    /// A yield: back of the ready queue (`asyncio.sleep(0)`).
    Yield,
    /// A generator that yielded an item and waits to be asked for the next.
    Consumer,
    /// A socket: a connection being opened, or a line to arrive
    /// (`"a line on conn"`).
    Io(Arc<str>),
}

/// The kinds of event.
#[derive(Clone, Debug, PartialEq)]
pub enum EventKind {
    /// A lane came to be; `parent` is the lane that made it.
    Created {
        name: Arc<str>,
        kind: LaneKind,
        parent: Option<LaneId>,
    },
    /// The runtime started polling the lane's future.
    Polled,
    /// The poll returned `Pending`: the lane waits on something.
    Suspended { on: WaitOn },
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
    /// The lane failed with an error.
    Failed { message: String },
    /// The run ended early: a limit was reached or the demo deadlocked.
    Aborted { reason: String },
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
            WaitOn::Lane(l) => write!(f, "lane #{l}"),
            WaitOn::Lanes(ls) if ls.len() > 8 => {
                write!(f, "{} lanes #{}..#{}", ls.len(), ls[0], ls[ls.len() - 1])
            }
            WaitOn::Lanes(ls) => {
                let names: Vec<_> = ls.iter().map(|l| format!("#{l}")).collect();
                write!(f, "lanes {}", names.join(" "))
            }
            WaitOn::Generator(l) => write!(f, "next item of lane #{l}"),
            WaitOn::Future(name) => write!(f, "future {name}"),
            WaitOn::Yield => f.write_str("its turn (yield)"),
            WaitOn::Consumer => f.write_str("its consumer to ask for the next item"),
            WaitOn::Io(what) => f.write_str(what),
        }
    }
}

/// One readable line per event, as `asynclings run --events` prints it.
impl fmt::Display for Event {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[t={}] #{} ", self.seconds(), self.lane)?;
        match &self.kind {
            EventKind::Created { name, kind, parent } => {
                let kind = match kind {
                    LaneKind::Task => "task",
                    LaneKind::Coroutine => "coroutine",
                    LaneKind::Generator => "generator",
                    LaneKind::Resource => "resource",
                    LaneKind::Worker => "worker",
                };
                write!(f, "created {kind} {name}")?;
                if let Some(p) = parent {
                    write!(f, " (by #{p})")?;
                }
            }
            EventKind::Polled => f.write_str("polled")?,
            EventKind::Suspended { on } => write!(f, "suspended on {on}")?,
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
            EventKind::Failed { message } => write!(f, "failed: {message}")?,
            EventKind::Aborted { reason } => write!(f, "run aborted: {reason}")?,
        }
        if let Some(s) = self.stmt {
            write!(f, " @s{s}")?;
        }
        Ok(())
    }
}
