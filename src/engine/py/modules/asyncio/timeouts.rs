//! `asyncio.timeout(delay)` and `asyncio.timeout_at(when)`, as CPython
//! 3.11's `timeouts.py`: entering the block schedules a timer that cancels
//! the task; leaving it after that timer fired turns the task's
//! `CancelledError` into `TimeoutError`, unless another cancel is pending
//! (`uncancel()` counts the cancels). CPython 3.12 lets `reschedule` work on
//! an expiring timeout and names the state `[expiring]`; this follows 3.11.

use super::mixins::{AsyncMethods, MethodCoro};
use super::tasks::{Cancel, TaskObj};
use crate::engine::py::types::exc::{self, PyResult, Unwind, error, type_error};
use crate::engine::py::types::native::{Args, Native, Step};
use crate::engine::py::types::ops;
use crate::engine::py::types::value::Value;
use crate::engine::py::vm::interp::{Frame, Interp};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// `_State`: where a timeout is in its life.
#[derive(Clone, Copy, PartialEq)]
enum State {
    Created,
    Entered,
    Expiring,
    Expired,
    Exited,
}

impl State {
    fn value(self) -> &'static str {
        match self {
            State::Created => "created",
            State::Entered => "active",
            State::Expiring => "expiring",
            State::Expired => "expired",
            State::Exited => "finished",
        }
    }
}

/// An `asyncio.Timeout`.
pub struct Timeout {
    state: Cell<State>,
    when: Cell<Option<f64>>,
    /// The scheduled `_on_timeout`, aborted when rescheduled or left.
    handle: RefCell<Option<tokio::task::JoinHandle<()>>>,
    task: RefCell<Option<Rc<TaskObj>>>,
    /// The task's `cancelling()` when the block was entered.
    cancelling: Cell<u32>,
}

/// A deadline argument: a number or `None`.
fn deadline(v: &Value, what: &str) -> PyResult<Option<f64>> {
    match v {
        Value::None => Ok(None),
        v => ops::float(v).map(Some).ok_or_else(|| {
            type_error(format!(
                "unsupported operand type(s) for +: 'float' and '{}'{what}",
                v.type_name()
            ))
        }),
    }
}

/// `asyncio.timeout(delay)` (`at` false) or `asyncio.timeout_at(when)`.
pub fn value(ix: &Interp, mut args: Args, at: bool) -> PyResult<Value> {
    let name = if at { "when" } else { "delay" };
    let arg = args
        .take_kw(name)
        .or_else(|| args.pos.pop())
        .ok_or_else(|| {
            let f = if at { "timeout_at" } else { "timeout" };
            type_error(format!(
                "{f}() missing 1 required positional argument: '{name}'"
            ))
        })?;
    if !ix.running.get() || ix.in_job() {
        return Err(error("RuntimeError", "no running event loop"));
    }
    let when = match deadline(&arg, "")? {
        Some(d) if !at => Some(ix.vclock.get() + d),
        other => other,
    };
    Ok(Value::Native(Rc::new(Timeout {
        state: Cell::new(State::Created),
        when: Cell::new(when),
        handle: RefCell::new(None),
        task: RefCell::new(None),
        cancelling: Cell::new(0),
    })))
}

impl Timeout {
    /// `reschedule(when)`.
    fn reschedule(self: &Rc<Self>, ix: &Rc<Interp>, when: Option<f64>) -> PyResult<Value> {
        match self.state.get() {
            State::Entered => {}
            State::Created => return Err(error("RuntimeError", "Timeout has not been entered")),
            s => {
                return Err(error(
                    "RuntimeError",
                    format!("Cannot change state of {} Timeout", s.value()),
                ));
            }
        }
        self.when.set(when);
        self.cancel_handle();
        let Some(when) = when else {
            return Ok(Value::None);
        };
        let me = self.clone();
        *self.handle.borrow_mut() = Some(ix.call_at(when, move || me.on_timeout()));
        Ok(Value::None)
    }

    fn cancel_handle(&self) {
        if let Some(h) = self.handle.borrow_mut().take() {
            h.abort();
        }
    }

    /// `_on_timeout`: cancels the task.
    fn on_timeout(&self) {
        if let Some(task) = self.task.borrow().as_ref() {
            task.cancel();
        }
        self.state.set(State::Expiring);
        self.handle.borrow_mut().take();
    }

    fn enter(self: &Rc<Self>, ix: &Rc<Interp>, cx: &Frame) -> PyResult<Value> {
        if self.state.get() != State::Created {
            return Err(error("RuntimeError", "Timeout has already been entered"));
        }
        let task = cx.task();
        if Rc::ptr_eq(&task, &ix.module_task) {
            return Err(error(
                "RuntimeError",
                "Timeout should be used inside a task",
            ));
        }
        self.state.set(State::Entered);
        self.cancelling.set(task.cancelling());
        *self.task.borrow_mut() = Some(task);
        self.reschedule(ix, self.when.get())?;
        Ok(Value::Native(self.clone()))
    }

    fn exit(&self, raised: Option<Value>) -> PyResult<Value> {
        self.cancel_handle();
        match self.state.get() {
            State::Expiring => {
                self.state.set(State::Expired);
                let task = self.task.borrow().clone().expect("entered");
                if task.uncancel() <= self.cancelling.get()
                    && let Some(e) = raised.filter(|e| exc::is_instance_of(e, "CancelledError"))
                {
                    let t = exc::new_error("TimeoutError", "");
                    if let Some(state) = exc::state(&t) {
                        *state.cause.borrow_mut() = Some(e);
                    }
                    return Err(Unwind::Exc(t));
                }
            }
            State::Entered => self.state.set(State::Exited),
            _ => {}
        }
        Ok(Value::None)
    }
}

impl AsyncMethods for Timeout {
    fn qualname(&self, method: &str) -> String {
        format!("Timeout.{method}")
    }

    fn run<'a>(
        self: Rc<Self>,
        ix: &'a Rc<Interp>,
        cx: &'a Frame,
        method: &'static str,
        args: Vec<Value>,
    ) -> Step<'a> {
        Box::pin(async move {
            match method {
                "__aenter__" => self.enter(ix, cx),
                _ => self.exit(args.get(1).cloned().filter(|v| !matches!(v, Value::None))),
            }
        })
    }
}

impl Native for Timeout {
    fn type_name(&self) -> &str {
        "Timeout"
    }

    fn repr(&self) -> String {
        let state = self.state.get();
        let mut info = String::new();
        if state == State::Entered {
            let when = match self.when.get() {
                // `round(when, 3)`: Rust's formatting rounds the exact value
                // as Python's `round` does.
                Some(w) => {
                    crate::text::python_float_repr(format!("{w:.3}").parse::<f64>().unwrap_or(w))
                }
                None => "None".into(),
            };
            info = format!(" when={when}");
        }
        format!("<Timeout [{}]{info}>", state.value())
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(
            name,
            "when" | "reschedule" | "expired" | "__aenter__" | "__aexit__"
        )
    }

    fn call_method(
        self: Rc<Self>,
        ix: &Rc<Interp>,
        _cx: &Frame,
        name: &str,
        mut args: Args,
    ) -> Option<PyResult<Value>> {
        Some(match name {
            "when" => Ok(self.when.get().map_or(Value::None, Value::Float)),
            "expired" => Ok(Value::Bool(matches!(
                self.state.get(),
                State::Expiring | State::Expired
            ))),
            "reschedule" => {
                let Some(when) = args.take_kw("when").or_else(|| args.pos.pop()) else {
                    return Some(Err(type_error(
                        "Timeout.reschedule() missing 1 required positional argument: 'when'",
                    )));
                };
                match deadline(&when, "") {
                    Ok(when) => self.reschedule(ix, when),
                    Err(e) => Err(e),
                }
            }
            "__aenter__" => Ok(MethodCoro::value(self, "__aenter__", vec![])),
            "__aexit__" => Ok(MethodCoro::value(self, "__aexit__", args.pos)),
            _ => return None,
        })
    }
}
