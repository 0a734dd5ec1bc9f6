//! The asyncio objects the plan translates to Tokio's: an `asyncio.Event`
//! (a `watch` channel of `bool`), an `asyncio.Queue` (an `async_channel`)
//! and an `asyncio.Barrier` (Tokio's `Barrier`), with the methods called
//! on them.

use super::expr::Expr;

/// What kind of object an `asyncio.Event()` or `asyncio.Queue(...)` makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrimitiveKind {
    Event,
    Queue,
    Barrier,
    Condition,
    /// A task's `CancellationToken`, made where it is spawned.
    Token,
}

impl PrimitiveKind {
    /// The asyncio class's name.
    pub fn class(self) -> &'static str {
        match self {
            PrimitiveKind::Event => "asyncio.Event",
            PrimitiveKind::Queue => "asyncio.Queue",
            PrimitiveKind::Barrier => "asyncio.Barrier",
            PrimitiveKind::Condition => "asyncio.Condition",
            PrimitiveKind::Token => "asyncio.Task",
        }
    }
}

/// A method of an event or a queue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrimOp {
    /// `event.set()`.
    Set,
    /// `event.clear()`.
    Clear,
    /// `await event.wait()`.
    Wait,
    /// `event.is_set()`.
    IsSet,
    /// `await queue.put(item)`.
    Put,
    /// `queue.put_nowait(item)`.
    PutNowait,
    /// `await queue.get()`.
    Get,
    /// `queue.get_nowait()`.
    GetNowait,
    /// `queue.qsize()`.
    QSize,
    /// `queue.empty()`.
    Empty,
    /// `queue.full()`.
    Full,
    /// `queue.maxsize`, an attribute: `0` for an unbounded queue.
    MaxSize,
    /// `queue.task_done()`.
    TaskDone,
    /// `await queue.join()`.
    Join,
    /// `await barrier.wait()`, its index unused.
    Arrive,
    /// `cond.notify_all()`.
    NotifyAll,
    /// `cond.notify(n)`, `n` 1 when not given.
    Notify,
    /// `await cond.wait()`.
    CondWait,
    /// `await cond.wait_for(lambda: predicate)`, the predicate its argument.
    WaitUntil,
    /// `task.cancel()` of a task given a token.
    Cancel,
    /// `await sem.acquire()` of a semaphore, its permit kept until released.
    Acquire,
    /// `sem.release()` of a semaphore.
    Release,
    /// `sem.release()` of an `asyncio.BoundedSemaphore`, its bound the
    /// argument.
    BoundedRelease,
}

impl PrimOp {
    /// Each method: its kind of object, Python name, whether it is awaited,
    /// whether it takes an argument, and whether it gives a value.
    pub const ALL: [(PrimitiveKind, &'static str, bool, bool, bool, PrimOp); 19] = [
        (
            PrimitiveKind::Event,
            "set",
            false,
            false,
            false,
            PrimOp::Set,
        ),
        (
            PrimitiveKind::Event,
            "clear",
            false,
            false,
            false,
            PrimOp::Clear,
        ),
        (
            PrimitiveKind::Event,
            "wait",
            true,
            false,
            false,
            PrimOp::Wait,
        ),
        (
            PrimitiveKind::Event,
            "is_set",
            false,
            false,
            true,
            PrimOp::IsSet,
        ),
        (PrimitiveKind::Queue, "put", true, true, false, PrimOp::Put),
        (
            PrimitiveKind::Queue,
            "put_nowait",
            false,
            true,
            false,
            PrimOp::PutNowait,
        ),
        (PrimitiveKind::Queue, "get", true, false, true, PrimOp::Get),
        (
            PrimitiveKind::Queue,
            "get_nowait",
            false,
            false,
            true,
            PrimOp::GetNowait,
        ),
        (
            PrimitiveKind::Queue,
            "qsize",
            false,
            false,
            true,
            PrimOp::QSize,
        ),
        (
            PrimitiveKind::Queue,
            "empty",
            false,
            false,
            true,
            PrimOp::Empty,
        ),
        (
            PrimitiveKind::Queue,
            "full",
            false,
            false,
            true,
            PrimOp::Full,
        ),
        (
            PrimitiveKind::Queue,
            "task_done",
            false,
            false,
            false,
            PrimOp::TaskDone,
        ),
        (
            PrimitiveKind::Queue,
            "join",
            true,
            false,
            false,
            PrimOp::Join,
        ),
        (
            PrimitiveKind::Barrier,
            "wait",
            true,
            false,
            false,
            PrimOp::Arrive,
        ),
        (
            PrimitiveKind::Condition,
            "notify_all",
            false,
            false,
            false,
            PrimOp::NotifyAll,
        ),
        (
            PrimitiveKind::Condition,
            "notify",
            false,
            true,
            false,
            PrimOp::Notify,
        ),
        (
            PrimitiveKind::Condition,
            "wait",
            true,
            false,
            false,
            PrimOp::CondWait,
        ),
        (
            PrimitiveKind::Condition,
            "wait_for",
            true,
            true,
            false,
            PrimOp::WaitUntil,
        ),
        (
            PrimitiveKind::Token,
            "cancel",
            false,
            false,
            false,
            PrimOp::Cancel,
        ),
    ];

    /// Whether the method gives a value (it may stand in an expression).
    pub fn gives_value(self) -> bool {
        PrimOp::ALL
            .iter()
            .any(|(_, _, _, _, value, op)| *op == self && *value)
    }

    /// Whether the method uses the queue's sending half (it puts an item).
    pub fn sends(self) -> bool {
        matches!(self, PrimOp::Put | PrimOp::PutNowait)
    }

    /// Whether the method uses the queue's receiving half.
    pub fn receives(self) -> bool {
        matches!(self, PrimOp::Get | PrimOp::GetNowait)
    }

    /// Whether the method changes or reads the count of unfinished items
    /// (`put` adds one, `task_done` takes one away, `join` waits for none).
    pub fn counts(self) -> bool {
        matches!(
            self,
            PrimOp::Put | PrimOp::PutNowait | PrimOp::TaskDone | PrimOp::Join
        )
    }
}

/// `name = asyncio.Event()`, `asyncio.Queue(maxsize)`,
/// `asyncio.Barrier(parties)` or `asyncio.Condition()`.
#[derive(Clone, Debug)]
pub enum Primitive {
    Event,
    Condition,
    /// A task's `CancellationToken`.
    Token,
    /// `None` (or a literal 0) for an unbounded queue.
    Queue {
        maxsize: Option<Expr>,
    },
    Barrier {
        parties: Expr,
    },
}

impl Primitive {
    pub fn kind(&self) -> PrimitiveKind {
        match self {
            Primitive::Event => PrimitiveKind::Event,
            Primitive::Queue { .. } => PrimitiveKind::Queue,
            Primitive::Barrier { .. } => PrimitiveKind::Barrier,
            Primitive::Condition => PrimitiveKind::Condition,
            Primitive::Token => PrimitiveKind::Token,
        }
    }
}
