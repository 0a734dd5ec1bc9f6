//! What tasks, futures and `gather` share: the completion a waiter waits
//! on (the result, the waiters, the done-callbacks), how a cancel is passed
//! on, and the outcome as `result()` and `exception()` read it.

use crate::engine::events::{LaneId, WaitOn};
use crate::engine::py::types::exc::{self, PyResult, Unwind, error, type_error};
use crate::engine::py::types::native::Args;
use crate::engine::py::types::value::Value;
use crate::engine::py::vm::interp::{Frame, Interp};
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::rc::Rc;
use std::sync::Arc;
use std::task::{Poll, Waker};

/// Something a task can be waiting on, which cancelling the task cancels.
pub trait Cancel {
    /// Cancels it; `false` if it was already done.
    fn cancel(&self) -> bool {
        self.cancel_with(None)
    }

    /// `cancel(msg)`: the `CancelledError` it raises carries `msg`.
    fn cancel_with(&self, msg: Option<Value>) -> bool;

    /// Its repr as a task waiting on it shows it (`wait_for=...`).
    fn waited_repr(&self, _ix: &Interp, _cx: &Frame) -> PyResult<String> {
        Ok("<Future pending>".into())
    }
}

/// The `msg` argument of `cancel(msg=None)`.
pub(super) fn cancel_message(mut args: Args) -> PyResult<Option<Value>> {
    let msg = args.take_kw("msg").or_else(|| args.pos.pop());
    if !args.pos.is_empty() || !args.kw.is_empty() {
        return Err(type_error("cancel() takes at most 1 argument"));
    }
    Ok(msg.filter(|m| !matches!(m, Value::None)))
}

/// The `CancelledError` a cancel with `msg` raises.
pub(super) fn cancelled_error(msg: Option<Value>) -> Value {
    match msg {
        Some(m) => exc::instance(exc::class("CancelledError").expect("a built-in"), vec![m]),
        None => cancelled_value(),
    }
}

/// A task, a future or a `gather`: what `ensure_future` gives, which
/// `gather`, `wait_for` and `as_completed` wait on.
pub trait Waitable: Cancel {
    fn completion(&self) -> &Completion;
    /// The lanes it runs on, for the timeline (none for a bare future).
    fn lanes(&self) -> Vec<LaneId>;
    /// `wait_for` gives up on it: its cancellation shows as a timeout.
    fn time_out(&self) {}
    /// Its outcome as a `result()` reads it (once read, a task's
    /// `CancelledError` is a fresh one, as in CPython 3.11).
    fn retrieve(&self, r: Settled) -> Settled {
        r
    }
}

pub(super) fn wait_on(lanes: Vec<LaneId>) -> WaitOn {
    match lanes.as_slice() {
        [one] => WaitOn::Lane(*one),
        _ => WaitOn::Lanes(Arc::from(lanes)),
    }
}

/// The result a task or future settled with.
#[derive(Clone)]
pub enum Settled {
    Value(Value),
    /// An exception (a cancellation is a `CancelledError`).
    Raised(Value),
}

/// The callbacks `add_done_callback` added, each with its live flag.
pub type UserCallbacks = Vec<(Value, Rc<Cell<bool>>)>;

/// Run once when a task or future settles.
pub type DoneCallback = Box<dyn FnOnce(&Settled)>;

/// Completion shared by tasks, futures and `gather`: the result, who waits
/// for it, and callbacks run when it is set.
#[derive(Default)]
pub struct Completion {
    result: RefCell<Option<Settled>>,
    pub(super) waiters: RefCell<Vec<Waker>>,
    callbacks: RefCell<Vec<DoneCallback>>,
    /// Its outcome was read (awaited, `result()`, `exception()`, or by
    /// `gather` and the like): a failure nobody read is logged as "Task
    /// exception was never retrieved".
    observed: Cell<bool>,
    /// The callbacks `add_done_callback` added, for
    /// `remove_done_callback`: each with the flag that keeps it live (boxed,
    /// as most tasks have none: every task holds the empty slot).
    pub user_callbacks: RefCell<Option<Box<UserCallbacks>>>,
}

impl Completion {
    pub fn done(&self) -> bool {
        self.result.borrow().is_some()
    }

    /// The outcome, read (see `observed`).
    pub fn result(&self) -> Option<Settled> {
        self.observed.set(true);
        self.result.borrow().clone()
    }

    /// The outcome, without counting as a read of it.
    pub fn peek(&self) -> Option<Settled> {
        self.result.borrow().clone()
    }

    /// How many wait for it (each as a waiting task's wake-up callback).
    pub fn waiting(&self) -> usize {
        self.waiters.borrow().len()
    }

    /// Whether the outcome was read.
    pub fn observed(&self) -> bool {
        self.observed.get()
    }

    /// Runs `cb` when the result is set (at once if it is), without
    /// counting as a read: `add_done_callback`.
    pub fn on_done_unobserved(&self, cb: DoneCallback) {
        let seen = self.observed.get();
        self.on_done(cb);
        self.observed.set(seen);
    }

    /// Sets the result once; wakes the waiters and runs the callbacks.
    pub fn settle(&self, r: Settled) -> bool {
        if self.done() {
            return false;
        }
        *self.result.borrow_mut() = Some(r.clone());
        for w in self.waiters.borrow_mut().drain(..) {
            w.wake();
        }
        let callbacks = std::mem::take(&mut *self.callbacks.borrow_mut());
        for cb in callbacks {
            cb(&r);
        }
        true
    }

    /// Runs `cb` when the result is set (at once if it is).
    pub fn on_done(&self, cb: DoneCallback) {
        match self.result() {
            Some(r) => cb(&r),
            None => self.callbacks.borrow_mut().push(cb),
        }
    }

    /// Waits for the result.
    pub fn wait(&self) -> impl Future<Output = Settled> + '_ {
        std::future::poll_fn(move |cx| match self.result() {
            Some(r) => Poll::Ready(r),
            None => {
                let mut w = self.waiters.borrow_mut();
                if !w.iter().any(|x| x.will_wake(cx.waker())) {
                    w.push(cx.waker().clone());
                }
                Poll::Pending
            }
        })
    }
}

pub(super) fn settled(r: PyResult<Value>) -> Option<Settled> {
    match r {
        Ok(v) => Some(Settled::Value(v)),
        Err(Unwind::Exc(e)) => Some(Settled::Raised(e)),
        Err(Unwind::Abort | Unwind::Limit(_)) => None,
    }
}

pub(super) fn unsettle(s: Settled) -> PyResult<Value> {
    match s {
        Settled::Value(v) => Ok(v),
        Settled::Raised(e) => Err(Unwind::Exc(e)),
    }
}

pub(super) fn is_cancel(s: &Settled) -> bool {
    matches!(s, Settled::Raised(e) if exc::is_instance_of(e, "CancelledError"))
}

pub(super) fn result_of(c: &Completion, unset: &str) -> PyResult<Value> {
    match c.result() {
        Some(r) => unsettle(r),
        None => Err(error("InvalidStateError", unset)),
    }
}

pub(super) fn exception_of(c: &Completion) -> PyResult<Value> {
    match c.result() {
        Some(Settled::Raised(e)) if exc::is_instance_of(&e, "CancelledError") => {
            Err(Unwind::Exc(e))
        }
        Some(Settled::Raised(e)) => Ok(e),
        Some(Settled::Value(_)) => Ok(Value::None),
        None => Err(error("InvalidStateError", "Exception is not set.")),
    }
}
pub(super) fn cancelled_value() -> Value {
    exc::new_error("CancelledError", "")
}
