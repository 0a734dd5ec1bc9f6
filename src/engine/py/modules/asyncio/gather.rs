//! `asyncio.gather` and `asyncio.shield`, as CPython 3.11's `tasks.py`
//! runs them: a result handed on through a done-callback reaches the
//! waiting task one scheduling round later.

use super::tasks::{
    Cancel, Completion, Settled, Waitable, cancel_message, cancelled_value, is_cancel, result_of,
};
use crate::engine::events::{LaneId, WaitOn};
use crate::engine::py::types::exc::{self, PyResult};
use crate::engine::py::types::native::{Args, Native, Step};
use crate::engine::py::types::value::Value;
use crate::engine::py::vm::interp::{Frame, Interp};
use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;

impl Waitable for Gathering {
    fn completion(&self) -> &Completion {
        &self.completion
    }
    fn lanes(&self) -> Vec<LaneId> {
        self.children.iter().flat_map(|c| c.lanes()).collect()
    }
    fn time_out(&self) {
        self.children.iter().for_each(|c| c.time_out());
    }
}

/// `asyncio.gather(...)`: the children and the outer future.
pub struct Gathering {
    children: Vec<Rc<dyn Waitable>>,
    /// Children not done yet (so each end costs O(1), not a scan).
    pending: Cell<usize>,
    pub completion: Completion,
    cancel_requested: Cell<bool>,
}

impl Cancel for Gathering {
    fn waited_repr(&self, ix: &Interp, cx: &Frame) -> PyResult<String> {
        Ok(format!(
            "<_GatheringFuture {}{}>",
            super::base_tasks::future_info(ix, cx, &self.completion)?,
            super::base_tasks::format_wakeups(self.completion.waiting())
        ))
    }

    fn cancel_with(&self, msg: Option<Value>) -> bool {
        if self.completion.done() {
            return false;
        }
        let mut any = false;
        for c in &self.children {
            any |= c.cancel_with(msg.clone());
        }
        if any {
            self.cancel_requested.set(true);
        }
        any
    }
}

impl Native for Gathering {
    fn type_name(&self) -> &str {
        "_GatheringFuture"
    }

    fn repr(&self) -> String {
        "<_GatheringFuture pending>".into()
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(name, "cancel" | "done" | "result")
    }

    fn call_method(
        self: Rc<Self>,
        _ix: &Rc<Interp>,
        _cx: &Frame,
        name: &str,
        args: Args,
    ) -> Option<PyResult<Value>> {
        Some(match name {
            "cancel" => match cancel_message(args) {
                Ok(msg) => Ok(Value::Bool(self.cancel_with(msg))),
                Err(e) => Err(e),
            },
            "done" => Ok(Value::Bool(self.completion.done())),
            "result" => result_of(&self.completion, "Result is not set."),
            _ => return None,
        })
    }

    fn await_on<'a>(self: Rc<Self>, ix: &'a Rc<Interp>, cx: &'a Frame) -> Option<Step<'a>> {
        Some(Box::pin(async move {
            let on = WaitOn::Lanes(Arc::from(self.lanes()));
            // A gathering already done (`gather()` of nothing, or one
            // awaited after its children ended) returns at once.
            let was_done = self.completion.done();
            let r = ix.await_settled(cx, self, on).await;
            // CPython: the child's end runs gather's callback, which then
            // wakes the waiting task: one round later.
            if !was_done {
                ix.quiet_round().await;
            }
            r
        }))
    }
}

impl Interp {
    /// `asyncio.gather(*aws, return_exceptions=False)`, as CPython 3.11's
    /// `_done_callback`: without `return_exceptions` the first failure ends
    /// the gathering; with it, each failure takes its place in the results,
    /// a cancelled child as `CancelledError('')`.
    pub fn gather(&self, cx: &Frame, mut args: Args) -> PyResult<Value> {
        let return_exceptions = args
            .take_kw("return_exceptions")
            .is_some_and(|v| v.truthy());
        let mut children = Vec::with_capacity(args.pos.len());
        for aw in args.pos {
            children.push(self.ensure_task(cx, aw)?);
        }
        let g = Rc::new(Gathering {
            pending: Cell::new(children.len()),
            children,
            completion: Completion::default(),
            cancel_requested: Cell::new(false),
        });
        if g.children.is_empty() {
            g.completion.settle(Settled::Value(Value::list(Vec::new())));
        }
        for child in &g.children {
            let weak = Rc::downgrade(&g);
            child.completion().on_done(Box::new(move |r| {
                let Some(g) = weak.upgrade() else { return };
                g.pending.set(g.pending.get().saturating_sub(1));
                let all_done = g.pending.get() == 0;
                if g.completion.done() {
                    return;
                }
                if let Settled::Raised(_) = r
                    && !return_exceptions
                {
                    if g.cancel_requested.get() && !all_done {
                        return;
                    }
                    if !g.cancel_requested.get() {
                        g.completion.settle(r.clone());
                        return;
                    }
                }
                if all_done {
                    if g.cancel_requested.get() {
                        // CPython raises the last child's CancelledError,
                        // which carries the message of `cancel(msg)`.
                        let e = if is_cancel(r) {
                            r.clone()
                        } else {
                            Settled::Raised(cancelled_value())
                        };
                        g.completion.settle(e);
                        return;
                    }
                    let results = g
                        .children
                        .iter()
                        .map(|c| match c.completion().result() {
                            Some(Settled::Value(v)) => v,
                            Some(s) if is_cancel(&s) => {
                                let class = exc::class("CancelledError").expect("a built-in");
                                exc::instance(class, vec![Value::str("")])
                            }
                            Some(Settled::Raised(e)) => e,
                            None => Value::None,
                        })
                        .collect();
                    g.completion.settle(Settled::Value(Value::list(results)));
                }
            }));
        }
        Ok(Value::Native(g))
    }
}

impl Interp {
    /// `asyncio.shield(aw)`, as CPython 3.11: a finished awaitable comes
    /// back as it is; else an outer future that the inner's end settles
    /// through a done-callback (one round later), and whose cancel leaves
    /// the inner running.
    pub fn shield(&self, cx: &Frame, mut args: Args) -> PyResult<Value> {
        let arg = match (args.pos.pop(), args.pos.is_empty() && args.kw.is_empty()) {
            (Some(a), true) => a,
            _ => {
                return Err(exc::type_error("shield() takes 1 positional argument"));
            }
        };
        let (value, inner) = self.ensure_future(cx, arg)?;
        if inner.completion().done() {
            return Ok(value);
        }
        let outer = super::mixins::waiter();
        outer.lane.set(inner.lanes().first().copied());
        let weak = Rc::downgrade(&outer);
        inner.completion().on_done(Box::new(move |r| {
            let r = r.clone();
            super::taskgroups::call_soon(move || {
                let Some(outer) = weak.upgrade() else { return };
                if outer.completion.done() {
                    return;
                }
                outer.completion.settle(if is_cancel(&r) {
                    Settled::Raised(cancelled_value())
                } else {
                    r
                });
            });
        }));
        Ok(Value::Native(outer))
    }
}
