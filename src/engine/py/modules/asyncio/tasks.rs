//! asyncio's tasks on Tokio: `create_task`, `all_tasks`, await points, and
//! the completion `gather` (`gather.rs`), `wait`, `wait_for` and
//! `as_completed` (`wait.rs`) wait on, each waking its waiters in the order
//! CPython 3.11's event loop does. Futures are in `futures.rs`,
//! `asyncio.run` in `runners.rs`.
//!
//! Where CPython hands a result on through a done-callback (a task's end to
//! `gather`, `wait_for` or `as_completed`), the waiting task resumes one
//! scheduling round later than after a plain wake: the engine reproduces
//! that round with a quiet yield.

pub use super::completion::{Cancel, Completion, DoneCallback, Settled, Waitable};
pub(super) use super::completion::{
    cancel_message, cancelled_error, cancelled_value, exception_of, is_cancel, result_of, settled,
    unsettle, wait_on,
};
pub use super::futures::{FutureObj, new_future};
use super::sleep::Sleep;
use crate::engine::events::{LaneId, LaneKind, WaitOn};
use crate::engine::py::modules::concurrent_futures;
use crate::engine::py::types::exc::{self, PyResult, Unwind, error, type_error};
use crate::engine::py::types::native::{Args, Native, Step, downcast};
use crate::engine::py::types::value;
use crate::engine::py::types::value::Value;
use crate::engine::py::vm::asyncgen;
use crate::engine::py::vm::coro::Coroutine;
use crate::engine::py::vm::interp::{Frame, Interp};
use crate::engine::py::vm::label;
use crate::engine::runtime::{LaneLabel, Probe};
use std::cell::{Cell, RefCell};
use std::ptr::NonNull;
use std::rc::Rc;
use std::sync::Arc;
use std::task::Waker;

impl Waitable for TaskObj {
    fn completion(&self) -> &Completion {
        &self.completion
    }
    fn lanes(&self) -> Vec<LaneId> {
        vec![self.lane]
    }
    fn retrieve(&self, r: Settled) -> Settled {
        if !is_cancel(&r) || !self.cancelled_exc_taken.replace(true) {
            return r;
        }
        Settled::Raised(cancelled_value())
    }
    fn time_out(&self) {
        self.timed_out.set(true);
    }
}

/// An `asyncio.Task`.
pub struct TaskObj {
    pub name: RefCell<Rc<str>>,
    pub lane: LaneId,
    pub completion: Completion,
    /// A cancellation to deliver at the next await point (or at the start).
    pub must_cancel: Cell<bool>,
    /// The message of the last `cancel(msg)`, for the `CancelledError`
    /// (boxed: a task is rarely cancelled with a message).
    cancel_message: Cell<Option<Box<Value>>>,
    /// Its `CancelledError` was read once: later reads make a new one.
    cancelled_exc_taken: Cell<bool>,
    /// A `wait_for` timed out on it.
    pub(super) timed_out: Cell<bool>,
    /// Cancels requested and not withdrawn (`cancelling()`).
    cancel_requests: Cell<u32>,
    /// It waits at a bare yield (`sleep(0)`), where CPython's task waits on
    /// no future.
    pub(super) at_yield: Cell<bool>,
    /// The waker of the await point the task is suspended at.
    pub(super) waker: RefCell<Option<Waker>>,
    /// What the task waits on, which a cancel passes to.
    pub(super) waitee: RefCell<Option<Rc<dyn Cancel>>>,
    /// The coroutine it runs, for `get_coro`.
    coro: Value,
    /// The frame of its coroutine while it runs, for the line its repr
    /// shows (see [`RunningFrame`]).
    frame: Cell<Option<NonNull<Frame>>>,
    /// The loop it runs on (none for the stand-in of the module code): it
    /// runs only while that loop is open.
    pub(super) lp: RefCell<Option<Rc<super::events::Loop>>>,
}

/// Lends a task the frame its coroutine runs in, for as long as it lives.
///
/// Why the raw pointer in [`TaskObj::frame`] is sound:
///
/// * the frame is a `Box<Frame>` the task's body owns as a local of its
///   `async` block: its address does not change while the body's future
///   moves, and it lives until that local is dropped;
/// * the guard is a local declared after it in the same block, so it is
///   dropped first, both when the body ends and when the future is dropped
///   at an await point (locals drop in reverse order): the pointer is
///   cleared before the frame is freed, and it is only ever set here;
/// * everything runs on the one thread of the run's `LocalSet` (`TaskObj`
///   is neither `Send` nor `Sync`), and [`TaskObj::running_at`] only copies
///   a `Cell<usize>` out of the frame, holding no reference past the read.
///
/// A safe design (the task holding an `Rc<Frame>` or a `Weak` to it) would
/// move each task's frame into a second allocation, on a path every task
/// takes.
struct RunningFrame<'a>(&'a TaskObj);

impl<'a> RunningFrame<'a> {
    fn new(task: &'a TaskObj, frame: &Frame) -> Self {
        task.frame.set(Some(NonNull::from(frame)));
        RunningFrame(task)
    }
}

impl Drop for RunningFrame<'_> {
    fn drop(&mut self) {
        self.0.frame.set(None);
    }
}

impl TaskObj {
    pub fn new(name: Rc<str>, lane: LaneId, coro: Value) -> Rc<TaskObj> {
        Rc::new(TaskObj {
            name: RefCell::new(name),
            lane,
            completion: Completion::default(),
            must_cancel: Cell::new(false),
            cancel_message: Cell::new(None),
            cancelled_exc_taken: Cell::new(false),
            timed_out: Cell::new(false),
            cancel_requests: Cell::new(0),
            at_yield: Cell::new(false),
            waker: RefCell::new(None),
            waitee: RefCell::new(None),
            coro,
            frame: Cell::new(None),
            lp: RefCell::new(None),
        })
    }

    pub fn done(&self) -> bool {
        self.completion.done()
    }

    pub fn cancelled(&self) -> bool {
        self.completion.peek().is_some_and(|r| is_cancel(&r))
    }

    /// The coroutine it runs.
    pub fn coro_value(&self) -> Value {
        self.coro.clone()
    }

    /// Where its coroutine is (a byte offset in the source) while it runs.
    pub fn running_at(&self) -> Option<usize> {
        // SAFETY: the pointer is set only while a `RunningFrame` lives, and
        // the task's body drops it before the frame it points to (see
        // `RunningFrame` for the whole argument).
        self.frame.get().map(|f| unsafe { f.as_ref() }.at.get())
    }

    /// What it waits on, as its repr's `wait_for=` shows it: the task,
    /// future or gather it awaits, or the future CPython's task waits on
    /// at any other await point but a bare yield (`sleep(0)`).
    pub fn waiting_for(&self, ix: &Interp, cx: &Frame) -> PyResult<Option<String>> {
        if self.waker.borrow().is_none() || self.at_yield.get() {
            return Ok(None);
        }
        let waitee = self.waitee.borrow().clone();
        match waitee {
            Some(w) => w.waited_repr(ix, cx).map(Some),
            // The future a first cancel cancelled, or the one it waits on.
            None if self.must_cancel.get() => Ok(Some("<Future cancelled>".into())),
            None => Ok(Some(format!(
                "<Future pending{}>",
                super::base_tasks::format_wakeups(1)
            ))),
        }
    }

    /// Whether its next step is scheduled rather than waiting on a future:
    /// not started yet, or at a bare yield (`sleep(0)`).
    pub fn step_scheduled(&self) -> bool {
        self.waker.borrow().is_none() || self.at_yield.get()
    }

    /// The `CancelledError` to raise in it for the cancel requested.
    pub(super) fn cancel_error(&self) -> Unwind {
        Unwind::Exc(cancelled_error(self.cancel_message.take().map(|m| *m)))
    }

    /// `task.cancelling()`: the cancel requests not withdrawn.
    pub fn cancelling(&self) -> u32 {
        self.cancel_requests.get()
    }

    /// `task.uncancel()`: withdraws one cancel request; the ones left.
    pub fn uncancel(&self) -> u32 {
        let n = self.cancel_requests.get().saturating_sub(1);
        self.cancel_requests.set(n);
        n
    }
}

impl Cancel for TaskObj {
    fn waited_repr(&self, ix: &Interp, cx: &Frame) -> PyResult<String> {
        super::base_tasks::task_repr(ix, cx, self)
    }

    fn cancel_with(&self, msg: Option<Value>) -> bool {
        if self.done() {
            return false;
        }
        self.cancel_requests.set(self.cancel_requests.get() + 1);
        let waitee = self.waitee.borrow().clone();
        if let Some(w) = waitee
            && w.cancel_with(msg.clone())
        {
            return true;
        }
        // Suspended on a future (a timer's, say), CPython's first cancel
        // cancels that future with its message, which the task then raises:
        // a second cancel before the task runs sets a message nobody reads.
        // Not started, or at a bare yield, the last message is the one raised.
        let first_went_to_future =
            self.must_cancel.get() && !self.at_yield.get() && self.waker.borrow().is_some();
        if !first_went_to_future {
            self.cancel_message.set(msg.map(Box::new));
        }
        self.must_cancel.set(true);
        if let Some(w) = self.waker.borrow().as_ref() {
            w.wake_by_ref();
        }
        true
    }
}

impl Native for TaskObj {
    fn type_name(&self) -> &str {
        "_asyncio.Task"
    }

    fn repr(&self) -> String {
        let state = if self.cancelled() {
            "cancelled"
        } else if self.done() {
            "finished"
        } else {
            "pending"
        };
        format!("<Task {state} name='{}'>", self.name.borrow())
    }

    fn repr_in(self: Rc<Self>, ix: &Rc<Interp>, cx: &Frame) -> Option<PyResult<String>> {
        Some(super::base_tasks::task_repr(ix, cx, &self))
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(
            name,
            "cancel"
                | "done"
                | "cancelled"
                | "result"
                | "exception"
                | "get_name"
                | "set_name"
                | "get_coro"
                | "add_done_callback"
                | "remove_done_callback"
                | "cancelling"
                | "uncancel"
        )
    }

    fn call_method(
        self: Rc<Self>,
        ix: &Rc<Interp>,
        cx: &Frame,
        name: &str,
        mut args: Args,
    ) -> Option<PyResult<Value>> {
        Some(match name {
            "cancel" => match cancel_message(args) {
                Ok(msg) => Ok(Value::Bool(self.cancel_with(msg))),
                Err(e) => Err(e),
            },
            "done" => Ok(Value::Bool(self.done())),
            "cancelled" => Ok(Value::Bool(self.cancelled())),
            "result" => match self.completion.result() {
                Some(r) => unsettle(self.retrieve(r)),
                None => Err(error("InvalidStateError", "Result is not set.")),
            },
            "exception" => match self.completion.result() {
                Some(r) if is_cancel(&r) => unsettle(self.retrieve(r)),
                _ => exception_of(&self.completion),
            },
            "get_name" => Ok(Value::str(&self.name.borrow())),
            "set_name" => {
                let n = args.pos.pop().unwrap_or(Value::None);
                let name = match ix.str(cx, &n) {
                    Ok(name) => name,
                    Err(e) => return Some(Err(e)),
                };
                // On the renamed task's lane; the statement is the caller's.
                ix.shared.emit(
                    self.lane,
                    None,
                    crate::engine::events::EventKind::Renamed {
                        name: Arc::from(&*name),
                    },
                );
                *self.name.borrow_mut() = Rc::from(name);
                Ok(Value::None)
            }
            "get_coro" => Ok(self.coro.clone()),
            "cancelling" => Ok(Value::Int(self.cancel_requests.get().into())),
            "uncancel" => Ok(Value::Int(self.uncancel().into())),
            "add_done_callback" => super::base_events::add_done_callback(
                ix,
                cx,
                &self.completion,
                Value::Native(self.clone()),
                args,
            ),
            "remove_done_callback" => {
                super::base_events::remove_done_callback(&self.completion, args)
            }
            _ => return None,
        })
    }

    fn await_on<'a>(self: Rc<Self>, ix: &'a Rc<Interp>, cx: &'a Frame) -> Option<Step<'a>> {
        if Rc::ptr_eq(&self, &cx.task()) {
            // Else the task would wait for its own end for ever.
            let message = format!("Task cannot await on itself: {}", self.repr());
            return Some(Box::pin(async move { Err(error("RuntimeError", message)) }));
        }
        let on = WaitOn::Lane(self.lane);
        Some(Box::pin(ix.await_settled(cx, self, on)))
    }
}

impl Interp {
    /// `asyncio.all_tasks()`: the tasks not done, in creation order.
    pub fn all_tasks(&self) -> PyResult<Value> {
        if !self.running.get() || self.in_job() {
            return Err(error("RuntimeError", "no running event loop"));
        }
        let mut set = value::Set::new();
        for t in self.tasks.borrow().iter().filter(|t| !t.done()) {
            let key = value::Key::new(Value::Native(t.clone())).map_err(type_error)?;
            set.insert(key);
        }
        Ok(Value::Set(Rc::new(RefCell::new(set))))
    }

    /// One scheduling round the lanes do not show (see the module docs).
    pub async fn quiet_round(&self) {
        self.shared.quiet_round().await;
    }

    /// A task for a coroutine: on the running loop, or (outside one, as
    /// CPython 3.11 does without a warning) on the current loop.
    pub fn task_on_current_loop(
        &self,
        cx: &Frame,
        aw: Value,
        name: Option<Value>,
    ) -> PyResult<Rc<TaskObj>> {
        if !self.running.get() && !self.in_job() {
            super::events::get_event_loop(self)?;
            return self.spawn_task(cx, aw, name);
        }
        self.create_task(cx, aw, name)
    }

    /// `asyncio.create_task(coro)`: a new task, started on the next round.
    pub fn create_task(&self, cx: &Frame, aw: Value, name: Option<Value>) -> PyResult<Rc<TaskObj>> {
        if !self.running.get() || self.in_job() {
            return Err(error("RuntimeError", "no running event loop"));
        }
        // The main task is made by the module code, not by a task.
        let parent = (!Rc::ptr_eq(&cx.task(), &self.module_task)).then(|| cx.lane.get());
        self.create_task_under(cx, aw, name, parent)
    }

    /// A new task whose lane has `parent` as its parent on the timeline.
    pub fn create_task_under(
        &self,
        cx: &Frame,
        aw: Value,
        name: Option<Value>,
        parent: Option<LaneId>,
    ) -> PyResult<Rc<TaskObj>> {
        if self.in_job() {
            return Err(error("RuntimeError", "no running event loop"));
        }
        let call: String = match (downcast::<Coroutine>(&aw), downcast::<Sleep>(&aw)) {
            _ if asyncgen::task_label(&aw).is_some() => {
                asyncgen::task_label(&aw).unwrap_or_default()
            }
            (Some(c), _) => {
                if c.started() {
                    return Err(error(
                        "RuntimeError",
                        "cannot reuse already awaited coroutine",
                    ));
                }
                c.label()
            }
            (None, Some(s)) => format!("sleep({})", label::short_repr(&Value::Float(s.delay))),
            _ if downcast::<super::wait::NextCompleted>(&aw).is_some() => "_wait_for_one()".into(),
            _ if downcast::<super::wait::Wait>(&aw).is_some() => "wait()".into(),
            _ if downcast::<super::wait::WaitFor>(&aw).is_some() => "wait_for()".into(),
            _ if let Some(m) = downcast::<super::mixins::MethodCoro>(&aw) => m.label(),
            _ if downcast::<concurrent_futures::ToThread>(&aw).is_some() => "to_thread()".into(),
            _ => {
                return Err(type_error(format!(
                    "a coroutine was expected, got {}",
                    self.repr(cx, &aw)?
                )));
            }
        };
        let n = self.task_counter.get() + 1;
        self.task_counter.set(n);
        let (task_name, named): (Rc<str>, bool) = match name {
            Some(Value::None) | None => (Rc::from(format!("Task-{n}")), false),
            Some(v) => (Rc::from(self.str(cx, &v)?), true),
        };
        let lane = self
            .shared
            .new_lane(
                LaneLabel {
                    kind: LaneKind::Task,
                    call: &call,
                    name: &task_name,
                    named,
                },
                parent,
                Some(cx.stmt.get()),
            )
            .map_err(|_| Unwind::Abort)?;
        let task = TaskObj::new(task_name, lane, aw.clone());
        self.tasks.borrow_mut().push(task.clone());
        let ix = self.rc();
        let t = task.clone();
        let body = async move {
            let r = if t.must_cancel.replace(false) {
                if let Some(c) = downcast::<Coroutine>(&aw) {
                    let _ = c.start();
                }
                Err(t.cancel_error())
            } else if let Some(c) = downcast::<Coroutine>(&aw) {
                match c.start() {
                    Ok(frame) => {
                        *frame.task.borrow_mut() = t.clone();
                        frame.lane.set(lane);
                        let running = RunningFrame::new(&t, &frame);
                        let r = ix.run_body(&frame).await;
                        drop(running);
                        ix.traceback(&frame, r)
                    }
                    Err(e) => Err(e),
                }
            } else {
                let frame = ix.root_frame(t.clone(), lane);
                Box::pin(ix.await_value(&frame, aw)).await
            };
            let r = match r {
                Err(Unwind::Exc(e)) if exc::is_instance_of(&e, "StopIteration") => {
                    Err(error("RuntimeError", "coroutine raised StopIteration"))
                }
                other => other,
            };
            match &r {
                Err(Unwind::Exc(e))
                    if t.timed_out.get() && exc::is_instance_of(e, "CancelledError") =>
                {
                    ix.shared
                        .emit(lane, None, crate::engine::events::EventKind::TimedOut)
                }
                _ => ix.finish_lane(lane, &r),
            }
            let exiting = match &r {
                Err(Unwind::Exc(e))
                    if exc::is_instance_of(e, "SystemExit")
                        && crate::engine::py::modules::sys::main_lane() != Some(lane) =>
                {
                    Some(e.clone())
                }
                _ => None,
            };
            if let Some(s) = settled(r) {
                t.completion.settle(s);
            }
            // `sys.exit()` in a task other than main: the loop stops, and
            // `asyncio.run` cancels main and raises it.
            if let Some(e) = exiting {
                crate::engine::py::modules::sys::request_exit(e);
                let main = crate::engine::py::modules::sys::main_lane();
                let main = ix
                    .tasks
                    .borrow()
                    .iter()
                    .find(|m| Some(m.lane) == main)
                    .cloned();
                if let Some(m) = main {
                    m.cancel();
                }
            }
        };
        let lp = self
            .loops
            .running
            .borrow()
            .clone()
            .or_else(|| self.loops.current.borrow().clone());
        task.lp.replace(lp);
        let body = super::on_loop::OnLoop::new(self.rc(), task.clone(), body);
        drop(tokio::task::spawn_local(Probe::new(
            self.shared.clone(),
            lane,
            body,
        )));
        Ok(task)
    }

    /// A task for an awaitable (`ensure_future`): tasks and futures as
    /// they are, coroutines wrapped.
    pub(super) fn ensure_task(&self, cx: &Frame, aw: Value) -> PyResult<Rc<dyn Waitable>> {
        Ok(self.ensure_future(cx, aw)?.1)
    }

    /// [`Interp::ensure_task`] with the value `ensure_future` returns.
    pub(super) fn ensure_future(
        &self,
        cx: &Frame,
        aw: Value,
    ) -> PyResult<(Value, Rc<dyn Waitable>)> {
        if let Some(t) = downcast::<TaskObj>(&aw) {
            return Ok((aw, t));
        }
        if let Some(f) = downcast::<FutureObj>(&aw) {
            return Ok((aw, f));
        }
        if let Some(g) = downcast::<super::gather::Gathering>(&aw) {
            return Ok((aw, g));
        }
        let task = self.task_on_current_loop(cx, aw, None)?;
        Ok((Value::Native(task.clone()), task))
    }
}
