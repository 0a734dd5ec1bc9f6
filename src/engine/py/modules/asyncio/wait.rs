//! Waiting with a limit: `asyncio.wait`, `wait_for` and `as_completed`, as
//! CPython 3.11's `tasks.py` runs them. A task's end reaches the waiter
//! through a done-callback, one scheduling round later than a plain wake;
//! a timeout's timer wakes it in the timer's own round.

use super::tasks::{Completion, Settled, Waitable, is_cancel, unsettle, wait_on};
use crate::engine::events::{LaneId, WaitOn};
use crate::engine::py::types::exc::{self, PyResult, Unwind, error, type_error};
use crate::engine::py::types::native::{Args, Native, Step};
use crate::engine::py::types::ops;
use crate::engine::py::types::value;
use crate::engine::py::types::value::Value;
use crate::engine::py::vm::interp::{Frame, Interp};
use std::cell::RefCell;
use std::collections::VecDeque;
use std::future::Future;
use std::pin::pin;
use std::rc::Rc;
use std::sync::Arc;
use std::task::Poll;

/// One awaitable of `asyncio.as_completed`: the next result to finish.
pub struct NextCompleted {
    state: Rc<AsCompleted>,
}

/// The shared state of one `as_completed` call.
pub struct AsCompleted {
    tasks: Vec<Rc<dyn Waitable>>,
    finished: RefCell<VecDeque<Settled>>,
    arrived: Completion,
}

impl Native for NextCompleted {
    fn type_name(&self) -> &str {
        "coroutine"
    }

    fn repr(&self) -> String {
        "<coroutine object as_completed.<locals>._wait_for_one>".into()
    }

    fn await_on<'a>(self: Rc<Self>, ix: &'a Rc<Interp>, cx: &'a Frame) -> Option<Step<'a>> {
        Some(Box::pin(async move {
            let state = self.state.clone();
            let ready = state.finished.borrow_mut().pop_front();
            let r = match ready {
                Some(r) => r,
                None => {
                    let lanes: Arc<[LaneId]> = state.tasks.iter().flat_map(|c| c.lanes()).collect();
                    ix.shared
                        .set_waiting(cx.lane.get(), WaitOn::Lanes(lanes), Some(cx.stmt.get()));
                    let fut =
                        std::future::poll_fn(|cx2| match state.finished.borrow_mut().pop_front() {
                            Some(r) => Poll::Ready(r),
                            None => {
                                let mut w = state.arrived.waiters.borrow_mut();
                                if !w.iter().any(|x| x.will_wake(cx2.waker())) {
                                    w.push(cx2.waker().clone());
                                }
                                Poll::Pending
                            }
                        });
                    let r = ix.suspend(cx, None, fut).await?;
                    ix.quiet_round().await;
                    r
                }
            };
            unsettle(r)
        }))
    }
}

impl Interp {
    /// `asyncio.as_completed(aws)`: an iterator of awaitables, each giving
    /// the next result to finish.
    pub fn as_completed(&self, cx: &Frame, mut args: Args) -> PyResult<Value> {
        if args
            .take_kw("timeout")
            .is_some_and(|t| !matches!(t, Value::None))
        {
            return Err(exc::unsupported("as_completed(timeout=...)"));
        }
        let source = args.pos.pop().ok_or_else(|| {
            type_error("as_completed() missing 1 required positional argument: 'fs'")
        })?;
        let items = self.iterate(cx, &source)?;
        let mut tasks = Vec::new();
        for aw in items {
            tasks.push(self.ensure_task(cx, aw)?);
        }
        let state = Rc::new(AsCompleted {
            tasks,
            finished: RefCell::new(VecDeque::new()),
            arrived: Completion::default(),
        });
        for t in &state.tasks {
            let weak = Rc::downgrade(&state);
            t.completion().on_done(Box::new(move |r| {
                if let Some(s) = weak.upgrade() {
                    s.finished.borrow_mut().push_back(r.clone());
                    for w in s.arrived.waiters.borrow_mut().drain(..) {
                        w.wake();
                    }
                }
            }));
        }
        let nexts: VecDeque<Value> = (0..state.tasks.len())
            .map(|_| {
                Value::Native(Rc::new(NextCompleted {
                    state: state.clone(),
                }))
            })
            .collect();
        Ok(Value::Iterator(Rc::new(value::SeqIter {
            items: RefCell::new(nexts),
            kind: "generator",
        })))
    }

    /// `await asyncio.wait_for(aw, timeout)`, as CPython 3.11 runs it.
    pub async fn wait_for(&self, cx: &Frame, aw: Value, timeout: Value) -> PyResult<Value> {
        let timeout = match timeout {
            Value::None => return self.await_value(cx, aw).await,
            other => ops::float(&other).ok_or_else(|| {
                type_error(format!(
                    "'{}' object cannot be interpreted as a timeout",
                    other.type_name()
                ))
            })?,
        };
        if timeout <= 0.0 {
            let task = self.ensure_task(cx, aw)?;
            if let Some(r) = task.completion().result() {
                return unsettle(r);
            }
            task.time_out();
            self.cancel_and_wait(cx, &task).await?;
            return self.timeout_result(&task);
        }
        // The timeout's timer is made before the task starts, so a tie goes
        // to the timeout, as in CPython.
        let deadline = self.vclock.get() + timeout;
        let at = self.timer_at(deadline);
        let timer = self.shared.sleep_until(self.shared.instant(at), at);
        let mut timer = pin!(timer);
        // Register the timer now (its order is set when first polled).
        let _ = futures::poll!(timer.as_mut());
        let task = self.ensure_task(cx, aw)?;
        self.shared
            .set_waiting(cx.lane.get(), wait_on(task.lanes()), Some(cx.stmt.get()));
        let done_first = std::future::poll_fn(|c| {
            if task.completion().done() {
                return Poll::Ready(true);
            }
            if timer.as_mut().poll(c).is_ready() {
                return Poll::Ready(false);
            }
            let mut w = task.completion().waiters.borrow_mut();
            if !w.iter().any(|x| x.will_wake(c.waker())) {
                w.push(c.waker().clone());
            }
            Poll::Pending
        });
        match self.suspend(cx, None, done_first).await {
            Ok(true) => {
                self.quiet_round().await;
                unsettle(task.completion().result().expect("done"))
            }
            Ok(false) => {
                self.set_vclock(deadline);
                if task.completion().done() {
                    return unsettle(task.completion().result().expect("done"));
                }
                task.time_out();
                self.cancel_and_wait(cx, &task).await?;
                self.timeout_result(&task)
            }
            Err(Unwind::Exc(e)) => {
                if let Some(r) = task.completion().result() {
                    return unsettle(r);
                }
                self.cancel_and_wait(cx, &task).await?;
                Err(Unwind::Exc(e))
            }
            Err(other) => Err(other),
        }
    }

    fn timeout_result(&self, task: &Rc<dyn Waitable>) -> PyResult<Value> {
        match task.completion().result().expect("done") {
            r if is_cancel(&r) => {
                let Settled::Raised(cause) = r else {
                    unreachable!()
                };
                let e = exc::new_error("TimeoutError", "");
                if let Some(state) = exc::state(&e) {
                    *state.cause.borrow_mut() = Some(cause);
                }
                Err(Unwind::Exc(e))
            }
            r => unsettle(r),
        }
    }

    /// Cancels a task and waits until it has finished (its cleanup too).
    async fn cancel_and_wait(&self, cx: &Frame, task: &Rc<dyn Waitable>) -> PyResult<()> {
        task.cancel();
        self.shared
            .set_waiting(cx.lane.get(), wait_on(task.lanes()), Some(cx.stmt.get()));
        // The caller is not cancelled while it waits here: asyncio shields
        // this wait from nothing, but a second cancel is rare in demos.
        let r = self.suspend(cx, None, task.completion().wait()).await;
        if r.is_ok() {
            self.quiet_round().await;
        }
        r.map(|_| ())
    }
}

/// `await asyncio.wait_for(...)` as an awaitable value.
pub struct WaitFor {
    aw: RefCell<Option<Value>>,
    timeout: Value,
}

impl WaitFor {
    /// The awaitable, as a value.
    pub fn value(aw: Value, timeout: Value) -> Value {
        Value::Native(Rc::new(WaitFor {
            aw: RefCell::new(Some(aw)),
            timeout,
        }))
    }
}

impl Native for WaitFor {
    fn type_name(&self) -> &str {
        "coroutine"
    }

    fn repr(&self) -> String {
        "<coroutine object wait_for>".into()
    }

    fn await_on<'a>(self: Rc<Self>, ix: &'a Rc<Interp>, cx: &'a Frame) -> Option<Step<'a>> {
        Some(Box::pin(async move {
            let aw =
                self.aw.borrow_mut().take().ok_or_else(|| {
                    error("RuntimeError", "cannot reuse already awaited coroutine")
                })?;
            ix.wait_for(cx, aw, self.timeout.clone()).await
        }))
    }
}
