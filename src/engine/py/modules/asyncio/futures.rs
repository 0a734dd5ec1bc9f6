//! `asyncio.Future`: a future the program or the loop makes
//! (`loop.create_future()`), settled by the code that holds it.

use super::completion::{
    Cancel, Completion, Settled, Waitable, cancel_message, cancelled_error, exception_of,
    is_cancel, result_of,
};
use crate::engine::events::{LaneId, WaitOn};
use crate::engine::py::types::exc::{self, PyResult, error, type_error};
use crate::engine::py::types::native::{Args, Native, Step};
use crate::engine::py::types::value::Value;
use crate::engine::py::vm::interp::{Frame, Interp};
use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;

impl Waitable for FutureObj {
    fn completion(&self) -> &Completion {
        &self.completion
    }
    fn lanes(&self) -> Vec<LaneId> {
        self.lane.get().into_iter().collect()
    }
}

/// An `asyncio.Future` made by `loop.create_future()`.
pub struct FutureObj {
    pub completion: Completion,
    name: Rc<str>,
    /// The lane that will settle it, when one does (an executor's job).
    pub lane: Cell<Option<LaneId>>,
}

impl Cancel for FutureObj {
    fn waited_repr(&self, ix: &Interp, cx: &Frame) -> PyResult<String> {
        Ok(format!(
            "<Future {}{}>",
            super::base_tasks::future_info(ix, cx, &self.completion)?,
            super::base_tasks::format_wakeups(self.completion.waiting())
        ))
    }

    fn cancel_with(&self, msg: Option<Value>) -> bool {
        self.completion
            .settle(Settled::Raised(cancelled_error(msg)))
    }
}

impl Native for FutureObj {
    fn type_name(&self) -> &str {
        "_asyncio.Future"
    }

    fn repr(&self) -> String {
        format!(
            "<Future {}>",
            super::base_events::future_state(&self.completion)
        )
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(
            name,
            "set_result"
                | "set_exception"
                | "done"
                | "cancelled"
                | "result"
                | "exception"
                | "cancel"
                | "add_done_callback"
                | "remove_done_callback"
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
            "set_result" | "set_exception" => {
                if self.completion.done() {
                    return Some(Err(error("InvalidStateError", "invalid state")));
                }
                let v = args.pos.pop().unwrap_or(Value::None);
                if name == "set_result" {
                    self.completion.settle(Settled::Value(v));
                } else {
                    match ix.exception_value(cx, v) {
                        Ok(e) if exc::is_instance_of(&e, "StopIteration") => {
                            return Some(Err(type_error(
                                "StopIteration interacts badly with generators and cannot be raised into a Future",
                            )));
                        }
                        Ok(e) => {
                            self.completion.settle(Settled::Raised(e));
                        }
                        Err(e) => return Some(Err(e)),
                    }
                }
                Ok(Value::None)
            }
            "done" => Ok(Value::Bool(self.completion.done())),
            "cancelled" => Ok(Value::Bool(
                self.completion.peek().is_some_and(|r| is_cancel(&r)),
            )),
            "cancel" => match cancel_message(args) {
                Ok(msg) => Ok(Value::Bool(self.cancel_with(msg))),
                Err(e) => Err(e),
            },
            "result" => result_of(&self.completion, "Result is not set."),
            "exception" => exception_of(&self.completion),
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
        let on = WaitOn::Future(Arc::from(&*self.name));
        Some(Box::pin(ix.await_settled(cx, self, on)))
    }
}

/// A new future (`loop.create_future()`), named for the timeline.
pub fn new_future(name: &str) -> Value {
    Value::Native(Rc::new(FutureObj {
        completion: Completion::default(),
        name: Rc::from(name),
        lane: Cell::new(None),
    }))
}
