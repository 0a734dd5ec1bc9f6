//! `asyncio.TaskGroup`, as CPython 3.11's `Lib/asyncio/taskgroups.py` runs
//! it: `async with` waits for every child; the first child to fail cancels
//! the others and the body, and the group raises an `ExceptionGroup` of the
//! children's errors.
//!
//! The order of wake-ups is CPython's: a child's end reaches the group
//! through a done-callback, which the loop runs one round later
//! ([`call_soon`]); the callback that sees the last child go resolves the
//! future `__aexit__` waits on, which wakes the parent a round after that.
//! CPython keeps the children in a `set`, so it cancels them in an order
//! that depends on their addresses; the engine cancels them in the order
//! they were made.

use super::tasks::{Cancel, Completion, Settled, TaskObj};
use crate::engine::events::{LaneId, WaitOn};
use crate::engine::py::types::exc::{self, PyResult, Unwind, error};
use crate::engine::py::types::groups;
use crate::engine::py::types::native::{Args, Native, Step};
use crate::engine::py::types::value::Value;
use crate::engine::py::vm::interp::{Frame, Interp};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;

/// Runs `f` on the next round of the loop, after what is ready now, as
/// `loop.call_soon` does.
pub fn call_soon(f: impl FnOnce() + 'static) {
    drop(tokio::task::spawn_local(async move { f() }));
}

/// The message of the group a `TaskGroup` raises.
const MESSAGE: &str = "unhandled errors in a TaskGroup";

/// An `asyncio.TaskGroup`.
#[derive(Default)]
pub struct TaskGroup {
    entered: Cell<bool>,
    exiting: Cell<bool>,
    aborting: Cell<bool>,
    parent: RefCell<Option<Rc<TaskObj>>>,
    parent_cancel_requested: Cell<bool>,
    /// The children not done yet, in the order they were made.
    tasks: RefCell<Vec<Rc<TaskObj>>>,
    errors: RefCell<Vec<Value>>,
    base_error: RefCell<Option<Value>>,
    /// What `__aexit__` waits on while children are left.
    on_completed: RefCell<Option<Rc<Completion>>>,
}

impl TaskGroup {
    /// `asyncio.TaskGroup()`.
    pub fn value() -> Value {
        Value::Native(Rc::new(TaskGroup::default()))
    }

    /// `tg.create_task(coro, name=...)`.
    fn create_task(
        self: &Rc<Self>,
        ix: &Rc<Interp>,
        cx: &Frame,
        mut args: Args,
    ) -> PyResult<Value> {
        let name = args.take_kw("name");
        if let Some((k, _)) = args.kw.first() {
            return Err(exc::type_error(format!(
                "TaskGroup.create_task() got an unexpected keyword argument '{k}'"
            )));
        }
        if args.pos.len() != 1 {
            return Err(exc::type_error(format!(
                "TaskGroup.create_task() takes 2 positional arguments but {} were given",
                args.pos.len() + 1
            )));
        }
        let coro = args.pos.remove(0);
        if !self.entered.get() {
            return Err(error(
                "RuntimeError",
                format!("TaskGroup {} has not been entered", self.repr()),
            ));
        }
        if self.exiting.get() && self.tasks.borrow().is_empty() {
            return Err(error(
                "RuntimeError",
                format!("TaskGroup {} is finished", self.repr()),
            ));
        }
        if self.aborting.get() {
            return Err(error(
                "RuntimeError",
                format!("TaskGroup {} is shutting down", self.repr()),
            ));
        }
        let parent_lane = self.parent.borrow().as_ref().map(|p| p.lane);
        let task = ix.create_task_under(cx, coro, name, parent_lane)?;
        self.tasks.borrow_mut().push(task.clone());
        let weak = Rc::downgrade(self);
        let child = task.clone();
        task.completion.on_done(Box::new(move |_| {
            call_soon(move || {
                if let Some(group) = weak.upgrade() {
                    group.on_task_done(&child);
                }
            })
        }));
        Ok(Value::Native(task))
    }

    /// `_on_task_done`: a child has ended.
    fn on_task_done(&self, task: &Rc<TaskObj>) {
        self.tasks.borrow_mut().retain(|t| !Rc::ptr_eq(t, task));
        if self.tasks.borrow().is_empty()
            && let Some(fut) = self.on_completed.borrow().as_ref()
        {
            fut.settle(Settled::Value(Value::Bool(true)));
        }
        let Some(Settled::Raised(e)) = task.completion.result() else {
            return;
        };
        if exc::is_instance_of(&e, "CancelledError") {
            return;
        }
        self.errors.borrow_mut().push(e.clone());
        if is_base_error(&e) && self.base_error.borrow().is_none() {
            *self.base_error.borrow_mut() = Some(e);
        }
        let parent = self.parent.borrow().clone();
        let Some(parent) = parent else { return };
        if parent.done() {
            return;
        }
        if !self.aborting.get() && !self.parent_cancel_requested.get() {
            self.abort();
            self.parent_cancel_requested.set(true);
            parent.cancel();
        }
    }

    /// `_abort`: cancels the children left.
    fn abort(&self) {
        self.aborting.set(true);
        let left = self.tasks.borrow().clone();
        for t in left {
            if !t.done() {
                t.cancel();
            }
        }
    }

    async fn enter(self: Rc<Self>, ix: &Interp, cx: &Frame) -> PyResult<Value> {
        if self.entered.get() {
            return Err(error(
                "RuntimeError",
                format!("TaskGroup {} has already been entered", self.repr()),
            ));
        }
        let task = cx.task();
        if !ix.running.get() || Rc::ptr_eq(&task, &ix.module_task) {
            return Err(error(
                "RuntimeError",
                format!("TaskGroup {} cannot determine the parent task", self.repr()),
            ));
        }
        *self.parent.borrow_mut() = Some(task);
        self.entered.set(true);
        Ok(Value::Native(self))
    }

    /// `__aexit__(et, exc, tb)`: waits for the children, then raises what
    /// CPython raises.
    async fn exit(&self, ix: &Interp, cx: &Frame, raised: Option<Value>) -> PyResult<Value> {
        self.exiting.set(true);
        if let Some(e) = &raised
            && is_base_error(e)
            && self.base_error.borrow().is_none()
        {
            *self.base_error.borrow_mut() = Some(e.clone());
        }
        // `et is CancelledError`: the class itself, not a subclass.
        let is_cancel = |e: &Value| matches!(e, Value::Instance(i) if i.class.builtin && &*i.class.name == "CancelledError");
        let mut propagate = raised.clone().filter(is_cancel);
        let parent = self.parent.borrow().clone();
        if self.parent_cancel_requested.get()
            && let Some(p) = &parent
            && p.uncancel() == 0
        {
            propagate = None;
        }
        if raised.is_some() && !self.aborting.get() {
            self.abort();
        }
        while !self.tasks.borrow().is_empty() {
            let fut = Rc::new(Completion::default());
            *self.on_completed.borrow_mut() = Some(fut.clone());
            let lanes: Arc<[LaneId]> = self.tasks.borrow().iter().map(|t| t.lane).collect();
            let on = match &*lanes {
                [one] => WaitOn::Lane(*one),
                _ => WaitOn::Lanes(lanes),
            };
            ix.shared
                .set_waiting(cx.lane.get(), on, Some(cx.stmt.get()));
            match ix.suspend(cx, None, fut.wait()).await {
                Ok(_) => {}
                Err(Unwind::Exc(e)) if exc::is_instance_of(&e, "CancelledError") => {
                    if !self.aborting.get() {
                        propagate = Some(e);
                        self.abort();
                    }
                }
                Err(other) => return Err(other),
            }
            *self.on_completed.borrow_mut() = None;
        }
        if let Some(e) = self.base_error.borrow().clone() {
            return Err(Unwind::Exc(e));
        }
        if let Some(e) = propagate
            && self.errors.borrow().is_empty()
        {
            return Err(Unwind::Exc(e));
        }
        if let Some(e) = raised
            && !is_cancel(&e)
        {
            self.errors.borrow_mut().push(e);
        }
        let errors = std::mem::take(&mut *self.errors.borrow_mut());
        if !errors.is_empty() {
            return Err(Unwind::Exc(groups::new(MESSAGE, errors)));
        }
        Ok(Value::None)
    }
}

/// `_is_base_error`: what a TaskGroup re-raises on its own.
fn is_base_error(e: &Value) -> bool {
    exc::is_instance_of(e, "SystemExit") || exc::is_instance_of(e, "KeyboardInterrupt")
}

impl Native for TaskGroup {
    fn type_name(&self) -> &str {
        "TaskGroup"
    }

    fn repr(&self) -> String {
        let mut info = String::new();
        let tasks = self.tasks.borrow().len();
        if tasks > 0 {
            info.push_str(&format!(" tasks={tasks}"));
        }
        let errors = self.errors.borrow().len();
        if errors > 0 {
            info.push_str(&format!(" errors={errors}"));
        }
        if self.aborting.get() {
            info.push_str(" cancelling");
        } else if self.entered.get() {
            info.push_str(" entered");
        }
        format!("<TaskGroup{info}>")
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(name, "create_task" | "__aenter__" | "__aexit__")
    }

    fn call_method(
        self: Rc<Self>,
        ix: &Rc<Interp>,
        cx: &Frame,
        name: &str,
        args: Args,
    ) -> Option<PyResult<Value>> {
        Some(match name {
            "create_task" => self.create_task(ix, cx, args),
            "__aenter__" => Ok(Value::Native(Rc::new(GroupStep {
                group: self,
                exit: None,
            }))),
            "__aexit__" => {
                let raised = args
                    .pos
                    .get(1)
                    .cloned()
                    .filter(|v| !matches!(v, Value::None));
                Ok(Value::Native(Rc::new(GroupStep {
                    group: self,
                    exit: Some(raised),
                })))
            }
            _ => return None,
        })
    }
}

/// The coroutine `__aenter__()` or `__aexit__(...)` returns.
struct GroupStep {
    group: Rc<TaskGroup>,
    /// `None` for `__aenter__`; the exception the body raised for
    /// `__aexit__`.
    exit: Option<Option<Value>>,
}

impl Native for GroupStep {
    fn type_name(&self) -> &str {
        "coroutine"
    }

    fn repr(&self) -> String {
        let name = if self.exit.is_some() {
            "__aexit__"
        } else {
            "__aenter__"
        };
        format!("<coroutine object TaskGroup.{name}>")
    }

    fn await_on<'a>(self: Rc<Self>, ix: &'a Rc<Interp>, cx: &'a Frame) -> Option<Step<'a>> {
        Some(Box::pin(async move {
            match &self.exit {
                None => self.group.clone().enter(ix, cx).await,
                Some(raised) => self.group.exit(ix, cx, raised.clone()).await,
            }
        }))
    }
}
