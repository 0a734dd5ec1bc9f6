//! What asyncio's queues and synchronization primitives share: the
//! coroutine their `async def` methods return, and the waiter future a task
//! awaits until a primitive wakes it (CPython's `loop.create_future()`), so
//! wake-ups go through the same futures as everything else.

use super::tasks::{Cancel, FutureObj, Settled, new_future};
use crate::engine::events::{CounterKind, EventKind, LaneId, WaitOn};
use crate::engine::py::types::exc::{self, PyResult, Unwind};
use crate::engine::py::types::native::{Native, Step, downcast};
use crate::engine::py::types::value::Value;
use crate::engine::py::vm::interp::{Frame, Interp};
use std::rc::Rc;
use std::sync::Arc;

/// A primitive whose `async def` methods run when their coroutine is awaited.
pub trait AsyncMethods {
    /// `Class.method`, for the coroutine's repr.
    fn qualname(&self, method: &str) -> String;
    /// Runs `method` with its arguments.
    fn run<'a>(
        self: Rc<Self>,
        ix: &'a Rc<Interp>,
        cx: &'a Frame,
        method: &'static str,
        args: Vec<Value>,
    ) -> Step<'a>;
}

/// The coroutine an `async def` method of a primitive returns.
pub struct MethodCoro {
    obj: Rc<dyn AsyncMethods>,
    method: &'static str,
    args: std::cell::RefCell<Option<Vec<Value>>>,
}

impl MethodCoro {
    pub fn value(obj: Rc<dyn AsyncMethods>, method: &'static str, args: Vec<Value>) -> Value {
        Value::Native(Rc::new(MethodCoro {
            obj,
            method,
            args: std::cell::RefCell::new(Some(args)),
        }))
    }
}

impl MethodCoro {
    /// Its call, for a task's lane: `Lock.acquire()`.
    pub fn label(&self) -> String {
        format!("{}()", self.obj.qualname(self.method))
    }
}

impl Native for MethodCoro {
    fn type_name(&self) -> &str {
        "coroutine"
    }

    fn repr(&self) -> String {
        format!("<coroutine object {}>", self.obj.qualname(self.method))
    }

    fn await_on<'a>(self: Rc<Self>, ix: &'a Rc<Interp>, cx: &'a Frame) -> Option<Step<'a>> {
        let Some(args) = self.args.borrow_mut().take() else {
            return Some(Box::pin(async {
                Err(exc::error(
                    "RuntimeError",
                    "cannot reuse already awaited coroutine",
                ))
            }));
        };
        Some(self.obj.clone().run(ix, cx, self.method, args))
    }
}

/// A new waiter: a pending future.
pub fn waiter() -> Rc<FutureObj> {
    downcast::<FutureObj>(&new_future("future")).expect("new_future makes a FutureObj")
}

/// Whether the waiter was cancelled.
pub fn cancelled(w: &FutureObj) -> bool {
    matches!(w.completion.result(), Some(Settled::Raised(e)) if exc::is_instance_of(&e, "CancelledError"))
}

/// Whether an unwind is a `CancelledError`.
pub fn is_cancel(e: &Unwind) -> bool {
    matches!(e, Unwind::Exc(v) if exc::is_instance_of(v, "CancelledError"))
}

/// The name the timeline gives a lane (`worker(2)`).
pub fn lane_name(ix: &Interp, lane: LaneId) -> String {
    ix.shared
        .lane_name(lane)
        .map_or_else(|| format!("#{lane}"), |n| n.to_string())
}

/// `await fut` on a waiter, the task shown waiting on `what`. A cancel of
/// the task cancels the waiter (as the task's `_fut_waiter`), so on any
/// error the waiter is done: cancelled unless it had been woken first.
pub async fn wait(
    ix: &Interp,
    cx: &Frame,
    fut: &Rc<FutureObj>,
    what: String,
    holder: Option<LaneId>,
) -> PyResult<Value> {
    ix.shared.set_waiting(
        cx.lane.get(),
        WaitOn::Sync {
            what: Arc::from(what),
            holder,
        },
        Some(cx.stmt.get()),
    );
    let waitee: Rc<dyn Cancel> = fut.clone();
    let r = ix.suspend(cx, Some(waitee), fut.completion.wait()).await;
    match r {
        Ok(Settled::Value(v)) => Ok(v),
        Ok(Settled::Raised(e)) => Err(Unwind::Exc(e)),
        Err(e) => {
            fut.cancel();
            Err(e)
        }
    }
}

/// Wakes a waiter that is not done yet with `v`.
pub fn set_result(w: &FutureObj, v: Value) {
    w.completion.settle(Settled::Value(v));
}

/// How the screen names a queue or a synchronization primitive: by the
/// variable it was assigned to (`Event 'ready'`), else by its number among
/// those of its kind (`Event #1`); `id` numbers it in the run, one counter
/// track each.
pub struct Tag {
    pub id: u32,
    pub name: Arc<str>,
    /// The last value its counter showed.
    shown: std::cell::Cell<Option<i64>>,
}

impl Tag {
    /// Names a primitive of the kind `kind` being made at the frame's
    /// statement.
    pub fn new(ix: &Interp, cx: &Frame, kind: &'static str) -> Tag {
        let stmt = cx.stmt.get();
        let (id, nth, var) = ix
            .shared
            .new_primitive(kind, stmt, || ix.program.assigned_name(stmt, kind));
        let name = match var {
            Some(var) => format!("{kind} '{var}'"),
            None => format!("{kind} #{nth}"),
        };
        Tag {
            id,
            name: Arc::from(name),
            shown: std::cell::Cell::new(None),
        }
    }

    /// Records the primitive's counter (a queue's size, a semaphore's
    /// free permits) when it differs from the last one recorded.
    pub fn count(
        &self,
        ix: &Interp,
        cx: &Frame,
        kind: CounterKind,
        value: i64,
        capacity: Option<i64>,
    ) {
        if self.shown.replace(Some(value)) == Some(value) {
            return;
        }
        ix.emit(
            cx,
            EventKind::Counter {
                id: self.id,
                name: self.name.clone(),
                kind,
                value,
                capacity,
            },
        );
    }
}

/// The object's address, for a repr's `at 0x...`.
pub fn address<T>(p: &T) -> usize {
    p as *const T as usize
}
