//! Waiting with a limit: `asyncio.wait`, `wait_for` and `as_completed`, as
//! CPython 3.11's `tasks.py` runs them. A task's end reaches the waiter
//! through a done-callback, one scheduling round later than a plain wake;
//! a timeout's timer wakes it in the timer's own round.

use super::tasks::{
    Completion, FutureObj, Settled, TaskObj, Waitable, is_cancel, unsettle, wait_on,
};
use crate::engine::events::{LaneId, WaitOn};
use crate::engine::py::types::exc::{self, PyResult, Unwind, error, type_error};
use crate::engine::py::types::native::{Args, Native, Step, downcast};
use crate::engine::py::types::ops;
use crate::engine::py::types::value;
use crate::engine::py::types::value::Value;
use crate::engine::py::vm::interp::{Frame, Interp};
use std::cell::{Cell, RefCell};
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
    /// What `_wait_for_one` takes next: a result, or `None` for each
    /// awaitable left when the timeout passed.
    finished: RefCell<VecDeque<Option<Settled>>>,
    /// The awaitables not finished (nor given up on at the timeout).
    left: Cell<usize>,
    arrived: Completion,
    /// The timeout's timer, cancelled once every awaitable has finished.
    timer: RefCell<Option<tokio::task::JoinHandle<()>>>,
}

impl AsCompleted {
    /// `_on_timeout`: one `None` for each awaitable left.
    fn on_timeout(&self) {
        for _ in 0..self.left.replace(0) {
            self.finished.borrow_mut().push_back(None);
        }
        self.wake();
    }

    fn wake(&self) {
        for w in self.arrived.waiters.borrow_mut().drain(..) {
            w.wake();
        }
    }
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
                    // A result comes through a done-callback; the timeout
                    // wakes the waiter from its timer's round.
                    if r.is_some() {
                        ix.quiet_round().await;
                    }
                    r
                }
            };
            match r {
                Some(r) => unsettle(r),
                None => Err(Unwind::Exc(exc::new_error("TimeoutError", ""))),
            }
        }))
    }
}

impl Interp {
    /// `asyncio.as_completed(aws)`: an iterator of awaitables, each giving
    /// the next result to finish.
    pub fn as_completed(&self, cx: &Frame, mut args: Args) -> PyResult<Value> {
        let timeout = match args.take_kw("timeout") {
            None | Some(Value::None) => None,
            Some(t) => Some(ops::float(&t).ok_or_else(|| {
                type_error(format!(
                    "unsupported operand type(s) for +: 'float' and '{}'",
                    t.type_name()
                ))
            })?),
        };
        let source = args.pos.pop().ok_or_else(|| {
            type_error("as_completed() missing 1 required positional argument: 'fs'")
        })?;
        let items = self.iterate(cx, &source)?;
        let mut tasks = Vec::new();
        for aw in items {
            tasks.push(self.ensure_task(cx, aw)?);
        }
        let state = Rc::new(AsCompleted {
            left: Cell::new(tasks.len()),
            tasks,
            finished: RefCell::new(VecDeque::new()),
            arrived: Completion::default(),
            timer: RefCell::new(None),
        });
        for t in &state.tasks {
            let weak = Rc::downgrade(&state);
            t.completion().on_done(Box::new(move |r| {
                let Some(s) = weak.upgrade() else { return };
                if s.left.get() == 0 {
                    return; // the timeout came first
                }
                s.left.set(s.left.get() - 1);
                s.finished.borrow_mut().push_back(Some(r.clone()));
                if s.left.get() == 0
                    && let Some(timer) = s.timer.borrow_mut().take()
                {
                    timer.abort();
                }
                s.wake();
            }));
        }
        if let Some(timeout) = timeout
            && state.left.get() > 0
        {
            let weak = Rc::downgrade(&state);
            let timer = self.call_at(self.vclock.get() + timeout, move || {
                if let Some(s) = weak.upgrade() {
                    s.on_timeout();
                }
            });
            *state.timer.borrow_mut() = Some(timer);
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
        let mut timer = pin!(self.sleep_until(deadline));
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

/// `asyncio.wait(fs, *, timeout=None, return_when=ALL_COMPLETED)` before it
/// is awaited: as in CPython, its arguments are checked when it runs.
pub struct Wait {
    args: RefCell<Option<Args>>,
}

impl Wait {
    /// The coroutine, as a value.
    pub fn value(args: Args) -> Value {
        Value::Native(Rc::new(Wait {
            args: RefCell::new(Some(args)),
        }))
    }
}

impl Native for Wait {
    fn type_name(&self) -> &str {
        "coroutine"
    }

    fn repr(&self) -> String {
        "<coroutine object wait>".into()
    }

    fn await_on<'a>(self: Rc<Self>, ix: &'a Rc<Interp>, cx: &'a Frame) -> Option<Step<'a>> {
        Some(Box::pin(async move {
            let args =
                self.args.borrow_mut().take().ok_or_else(|| {
                    error("RuntimeError", "cannot reuse already awaited coroutine")
                })?;
            ix.wait(cx, args).await
        }))
    }
}

/// A task, future or gathering as it is (`ensure_future` of a future).
fn as_future(v: &Value) -> Option<Rc<dyn Waitable>> {
    if let Some(t) = downcast::<TaskObj>(v) {
        return Some(t);
    }
    if let Some(f) = downcast::<FutureObj>(v) {
        return Some(f);
    }
    downcast::<super::gather::Gathering>(v).map(|g| g as Rc<dyn Waitable>)
}

fn is_coroutine(v: &Value) -> bool {
    v.type_name() == "coroutine"
}

/// When `asyncio.wait` returns.
#[derive(Clone, Copy, PartialEq)]
enum ReturnWhen {
    FirstCompleted,
    FirstException,
    AllCompleted,
}

impl Interp {
    /// `await asyncio.wait(...)`, as CPython 3.11's `wait` and `_wait`.
    async fn wait(&self, cx: &Frame, mut args: Args) -> PyResult<Value> {
        let timeout = args.take_kw("timeout");
        let return_when = args.take_kw("return_when");
        if let Some((k, _)) = args.kw.first() {
            return Err(type_error(format!(
                "wait() got an unexpected keyword argument '{k}'"
            )));
        }
        let fs = match args.pos.len() {
            1 => args.pos.remove(0),
            0 => {
                return Err(type_error(
                    "wait() missing 1 required positional argument: 'fs'",
                ));
            }
            n => {
                return Err(type_error(format!(
                    "wait() takes 1 positional argument but {n} were given"
                )));
            }
        };
        if as_future(&fs).is_some() || is_coroutine(&fs) {
            let name = fs.type_name();
            return Err(type_error(format!(
                "expect a list of futures, not {}",
                name.rsplit('.').next().unwrap_or(name)
            )));
        }
        let items = self.iterate(cx, &fs)?;
        if items.is_empty() {
            return Err(error("ValueError", "Set of Tasks/Futures is empty."));
        }
        let return_when = match return_when.as_ref().map(|v| self.str(cx, v)).transpose()? {
            None => ReturnWhen::AllCompleted,
            Some(s) if s == "FIRST_COMPLETED" => ReturnWhen::FirstCompleted,
            Some(s) if s == "FIRST_EXCEPTION" => ReturnWhen::FirstException,
            Some(s) if s == "ALL_COMPLETED" => ReturnWhen::AllCompleted,
            Some(s) => {
                return Err(error(
                    "ValueError",
                    format!("Invalid return_when value: {s}"),
                ));
            }
        };
        // `set(fs)`: each future once.
        let mut fs: Vec<(Value, Rc<dyn Waitable>)> = Vec::new();
        for v in items {
            if fs.iter().any(|(u, _)| value::is_same(u, &v)) {
                continue;
            }
            if is_coroutine(&v) {
                return Err(type_error(
                    "Passing coroutines is forbidden, use tasks explicitly.",
                ));
            }
            let Some(w) = as_future(&v) else {
                return Err(type_error(format!(
                    "An asyncio.Future, a coroutine or an awaitable is required, not {}",
                    v.type_name()
                )));
            };
            fs.push((v, w));
        }
        let timeout = match timeout {
            None | Some(Value::None) => None,
            Some(t) => Some(ops::float(&t).ok_or_else(|| {
                type_error(format!(
                    "unsupported operand type(s) for +: 'float' and '{}'",
                    t.type_name()
                ))
            })?),
        };
        let waiter = Rc::new(Completion::default());
        let counter = Rc::new(Cell::new(fs.len()));
        for (_, f) in &fs {
            let waiter = Rc::downgrade(&waiter);
            let counter = counter.clone();
            f.completion().on_done(Box::new(move |r| {
                counter.set(counter.get().saturating_sub(1));
                let failed = matches!(r, Settled::Raised(_)) && !is_cancel(r);
                let release = counter.get() == 0
                    || return_when == ReturnWhen::FirstCompleted
                    || (return_when == ReturnWhen::FirstException && failed);
                if release && let Some(w) = waiter.upgrade() {
                    w.settle(Settled::Value(Value::None));
                }
            }));
        }
        let lanes: Vec<LaneId> = fs.iter().flat_map(|(_, f)| f.lanes()).collect();
        self.shared
            .set_waiting(cx.lane.get(), wait_on(lanes), Some(cx.stmt.get()));
        let deadline = timeout.map(|t| self.vclock.get() + t);
        let mut timer = pin!(async {
            match deadline {
                Some(d) => self.sleep_until(d).await,
                None => std::future::pending().await,
            }
        });
        // Register the timer now (its order is set when first polled).
        let _ = futures::poll!(timer.as_mut());
        let early = waiter.done();
        let released = std::future::poll_fn(|c| {
            if waiter.done() {
                return Poll::Ready(true);
            }
            if timer.as_mut().poll(c).is_ready() {
                return Poll::Ready(false);
            }
            let mut w = waiter.waiters.borrow_mut();
            if !w.iter().any(|x| x.will_wake(c.waker())) {
                w.push(c.waker().clone());
            }
            Poll::Pending
        });
        if self.suspend(cx, None, released).await? {
            // The futures' ends reach the waiter through done-callbacks, and
            // the waiter wakes the task: a round each. A future already
            // done settled the waiter before the task suspended at all.
            if early {
                self.quiet_round().await;
            }
            self.quiet_round().await;
        }
        let (mut done, mut pending) = (value::Set::new(), value::Set::new());
        for (v, f) in fs {
            let key = value::Key::new(v).map_err(type_error)?;
            if f.completion().done() {
                done.insert(key);
            } else {
                pending.insert(key);
            }
        }
        let set = |s| Value::Set(Rc::new(RefCell::new(s)));
        Ok(Value::tuple(vec![set(done), set(pending)]))
    }
}
