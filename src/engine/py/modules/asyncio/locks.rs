//! asyncio's synchronization primitives as CPython 3.11's
//! `Lib/asyncio/locks.py` runs them: `Lock`, `Event`, `Condition`
//! (`Semaphore` and `BoundedSemaphore` are in `semaphore`, `Barrier` in
//! `barrier`). Each
//! waiter is a future in a FIFO queue ([`WaiterQueue`]); a release sets the
//! first waiter's result, which schedules its task on the next round, and
//! skips waiters already done. A cancelled waiter leaves the queue and, for
//! `Lock` and `Semaphore`, hands its turn on.

use super::mixins::{AsyncMethods, MethodCoro, Tag, address, is_cancel, lane_name, wait};
use super::waiters::WaiterQueue;
use crate::engine::events::{EventKind, LaneId, WaitOn};
use crate::engine::py::builtins::args;
use crate::engine::py::types::exc::{PyResult, error, type_error};
use crate::engine::py::types::native::{Args, Native, Step, downcast};
use crate::engine::py::types::value::Value;
use crate::engine::py::vm::interp::{Frame, Interp};
use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;

type Waiters = WaiterQueue;

fn no_args(a: &Args, name: &str) -> PyResult<()> {
    args::no_args(a, name)
}

/// `asyncio.Lock()`.
#[derive(Default)]
pub struct Lock {
    locked: Cell<bool>,
    /// The lane that holds it, for the timeline.
    owner: Cell<Option<LaneId>>,
    waiters: Waiters,
}

impl Lock {
    pub fn value(a: Args) -> PyResult<Value> {
        no_args(&a, "Lock()")?;
        Ok(Value::Native(Rc::new(Lock::default())))
    }

    fn extra(&self) -> String {
        let mut extra = if self.locked.get() {
            "locked"
        } else {
            "unlocked"
        }
        .to_string();
        let n = self.waiters.count();
        if n > 0 {
            extra.push_str(&format!(", waiters:{n}"));
        }
        extra
    }

    /// What a task waiting for it is shown waiting on: `Lock (held by
    /// worker(2))`.
    fn what(&self, ix: &Interp) -> String {
        match self.owner.get() {
            Some(h) => format!("Lock (held by {})", lane_name(ix, h)),
            None => "Lock".to_string(),
        }
    }

    async fn acquire(&self, ix: &Interp, cx: &Frame) -> PyResult<Value> {
        if !self.locked.get() && self.waiters.all_cancelled() {
            self.take(ix, cx);
            return Ok(Value::Bool(true));
        }
        let fut = self.waiters.push(cx);
        let r = wait(ix, cx, &fut, self.what(ix), self.owner.get()).await;
        self.waiters.remove(&fut);
        if let Err(e) = r {
            if is_cancel(&e) && !self.locked.get() {
                self.wake_up_first();
            }
            return Err(e);
        }
        self.take(ix, cx);
        Ok(Value::Bool(true))
    }

    /// The frame's task takes the lock; the tasks still waiting for it are
    /// told who holds it now.
    fn take(&self, ix: &Interp, cx: &Frame) {
        self.locked.set(true);
        let owner = cx.lane.get();
        if self.owner.replace(Some(owner)) == Some(owner) {
            return;
        }
        let waiting = self.waiters.waiting();
        if waiting.is_empty() {
            return;
        }
        let what: Arc<str> = Arc::from(self.what(ix));
        for (lane, stmt) in waiting {
            let on = WaitOn::Sync {
                what: what.clone(),
                holder: Some(owner),
            };
            ix.shared.set_waiting(lane, on.clone(), Some(stmt));
            ix.shared
                .emit(lane, Some(stmt), EventKind::WaitChanged { on });
        }
    }

    fn release(&self) -> PyResult<Value> {
        if !self.locked.get() {
            return Err(error("RuntimeError", "Lock is not acquired."));
        }
        self.locked.set(false);
        self.owner.set(None);
        self.wake_up_first();
        Ok(Value::None)
    }

    fn wake_up_first(&self) {
        self.waiters.wake_first(Value::Bool(true));
    }
}

impl AsyncMethods for Lock {
    fn qualname(&self, method: &str) -> String {
        format!("Lock.{method}")
    }

    fn run<'a>(
        self: Rc<Self>,
        ix: &'a Rc<Interp>,
        cx: &'a Frame,
        method: &'static str,
        _args: Vec<Value>,
    ) -> Step<'a> {
        Box::pin(async move {
            match method {
                "__aexit__" => self.release(),
                "__aenter__" => self.acquire(ix, cx).await.map(|_| Value::None),
                _ => self.acquire(ix, cx).await,
            }
        })
    }
}

impl Native for Lock {
    fn type_name(&self) -> &str {
        "Lock"
    }

    fn repr(&self) -> String {
        format!(
            "<asyncio.locks.Lock object at {:#x} [{}]>",
            address(self),
            self.extra()
        )
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(
            name,
            "acquire" | "release" | "locked" | "__aenter__" | "__aexit__"
        )
    }

    fn call_method(
        self: Rc<Self>,
        _ix: &Rc<Interp>,
        _cx: &Frame,
        name: &str,
        a: Args,
    ) -> Option<PyResult<Value>> {
        Some(match name {
            "locked" => no_args(&a, "locked()").map(|_| Value::Bool(self.locked.get())),
            "release" => no_args(&a, "release()").and_then(|_| self.release()),
            "acquire" => {
                no_args(&a, "acquire()").map(|_| MethodCoro::value(self, "acquire", vec![]))
            }
            "__aenter__" => Ok(MethodCoro::value(self, "__aenter__", vec![])),
            "__aexit__" => Ok(MethodCoro::value(self, "__aexit__", vec![])),
            _ => return None,
        })
    }
}

/// `asyncio.Event()`.
#[derive(Default)]
pub struct Event {
    value: Cell<bool>,
    waiters: Waiters,
    /// Its name on the timeline (none for a queue's own event).
    tag: Option<Tag>,
}

impl Event {
    pub fn value(ix: &Interp, cx: &Frame, a: Args) -> PyResult<Value> {
        no_args(&a, "Event()")?;
        Ok(Value::Native(Rc::new(Event {
            tag: Some(Tag::new(ix, cx, "Event")),
            ..Event::default()
        })))
    }

    /// `wait()`, the task shown waiting on `what`.
    pub(super) async fn wait_as(&self, ix: &Interp, cx: &Frame, what: &str) -> PyResult<Value> {
        if self.value.get() {
            return Ok(Value::Bool(true));
        }
        let fut = self.waiters.push(cx);
        let r = wait(ix, cx, &fut, what.to_string(), None).await;
        self.waiters.remove(&fut);
        r.map(|_| Value::Bool(true))
    }

    /// `clear()`.
    pub(super) fn clear(&self) {
        self.value.set(false);
    }

    /// `set()`.
    pub(super) fn set(&self) {
        if !self.value.get() {
            self.value.set(true);
            self.waiters.wake(usize::MAX, Value::Bool(true));
        }
    }
}

impl AsyncMethods for Event {
    fn qualname(&self, method: &str) -> String {
        format!("Event.{method}")
    }

    fn run<'a>(
        self: Rc<Self>,
        ix: &'a Rc<Interp>,
        cx: &'a Frame,
        _method: &'static str,
        _args: Vec<Value>,
    ) -> Step<'a> {
        Box::pin(async move {
            let what = self.tag.as_ref().map_or("Event", |t| &t.name);
            self.wait_as(ix, cx, what).await
        })
    }
}

impl Native for Event {
    fn type_name(&self) -> &str {
        "Event"
    }

    fn repr(&self) -> String {
        let mut extra = if self.value.get() { "set" } else { "unset" }.to_string();
        let n = self.waiters.count();
        if n > 0 {
            extra.push_str(&format!(", waiters:{n}"));
        }
        format!(
            "<asyncio.locks.Event object at {:#x} [{extra}]>",
            address(self)
        )
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(name, "set" | "clear" | "is_set" | "wait")
    }

    fn call_method(
        self: Rc<Self>,
        _ix: &Rc<Interp>,
        _cx: &Frame,
        name: &str,
        a: Args,
    ) -> Option<PyResult<Value>> {
        Some(match name {
            "is_set" => no_args(&a, "is_set()").map(|_| Value::Bool(self.value.get())),
            "set" => no_args(&a, "set()").map(|_| {
                self.set();
                Value::None
            }),
            "clear" => no_args(&a, "clear()").map(|_| {
                self.value.set(false);
                Value::None
            }),
            "wait" => no_args(&a, "wait()").map(|_| MethodCoro::value(self, "wait", vec![])),
            _ => return None,
        })
    }
}

/// `asyncio.Condition(lock=None)`.
pub struct Condition {
    lock: Rc<Lock>,
    waiters: Waiters,
    /// Its name on the timeline (none for a barrier's own condition).
    tag: Option<Tag>,
}

impl Condition {
    pub fn new() -> Rc<Condition> {
        Rc::new(Condition {
            lock: Rc::new(Lock::default()),
            waiters: WaiterQueue::default(),
            tag: None,
        })
    }

    /// How a task waiting on it shows it: `Condition 'cond'`.
    fn what(&self) -> &str {
        self.tag.as_ref().map_or("Condition", |t| &t.name)
    }

    pub fn value(ix: &Interp, cx: &Frame, mut a: Args) -> PyResult<Value> {
        let lock = a
            .take_kw("lock")
            .or_else(|| (!a.pos.is_empty()).then(|| a.pos.remove(0)));
        args::no_kw(&a, "Condition()")?;
        if !a.pos.is_empty() {
            return Err(type_error(format!(
                "Condition.__init__() takes from 1 to 2 positional arguments but {} were given",
                a.pos.len() + 2
            )));
        }
        let lock = match lock {
            None | Some(Value::None) => Rc::new(Lock::default()),
            Some(v) => downcast::<Lock>(&v)
                .ok_or_else(|| type_error("Condition() takes an asyncio.Lock"))?,
        };
        Ok(Value::Native(Rc::new(Condition {
            lock,
            waiters: WaiterQueue::default(),
            tag: Some(Tag::new(ix, cx, "Condition")),
        })))
    }

    /// `wait()`: releases the lock, waits to be notified, takes it again
    /// (even when cancelled, then raising `CancelledError`).
    pub(super) async fn wait(&self, ix: &Interp, cx: &Frame, what: &str) -> PyResult<Value> {
        if !self.lock.locked.get() {
            return Err(error("RuntimeError", "cannot wait on un-acquired lock"));
        }
        self.lock.release()?;
        let fut = self.waiters.push(cx);
        let r = wait(ix, cx, &fut, what.to_string(), None).await;
        self.waiters.remove(&fut);
        let mut was_cancelled = false;
        loop {
            match self.lock.acquire(ix, cx).await {
                Ok(_) => break,
                Err(e) if is_cancel(&e) => was_cancelled = true,
                Err(e) => return Err(e),
            }
        }
        if was_cancelled {
            return Err(crate::engine::py::types::exc::cancelled());
        }
        r.map(|_| Value::Bool(true))
    }

    /// Takes the condition's lock (`async with cond`).
    pub(super) async fn lock_acquire(&self, ix: &Interp, cx: &Frame) -> PyResult<Value> {
        self.lock.acquire(ix, cx).await
    }

    /// Releases the condition's lock.
    pub(super) fn lock_release(&self) -> PyResult<Value> {
        self.lock.release()
    }

    pub(super) fn notify(&self, n: usize) -> PyResult<()> {
        if !self.lock.locked.get() {
            return Err(error("RuntimeError", "cannot notify on un-acquired lock"));
        }
        self.waiters.wake(n, Value::Bool(false));
        Ok(())
    }

    pub(super) fn notify_all(&self) -> PyResult<()> {
        self.notify(self.waiters.count())
    }

    async fn wait_for(&self, ix: &Interp, cx: &Frame, predicate: Value) -> PyResult<Value> {
        let mut result = ix.call(cx, &predicate, Args::default())?;
        while !ix.truthy(cx, &result)? {
            self.wait(ix, cx, self.what()).await?;
            result = ix.call(cx, &predicate, Args::default())?;
        }
        Ok(result)
    }
}

impl AsyncMethods for Condition {
    fn qualname(&self, method: &str) -> String {
        format!("Condition.{method}")
    }

    fn run<'a>(
        self: Rc<Self>,
        ix: &'a Rc<Interp>,
        cx: &'a Frame,
        method: &'static str,
        mut args: Vec<Value>,
    ) -> Step<'a> {
        Box::pin(async move {
            match method {
                "wait" => self.wait(ix, cx, self.what()).await,
                "wait_for" => self.wait_for(ix, cx, args.remove(0)).await,
                "__aexit__" => self.lock.release(),
                "__aenter__" => self.lock.acquire(ix, cx).await.map(|_| Value::None),
                _ => self.lock.acquire(ix, cx).await,
            }
        })
    }
}

impl Native for Condition {
    fn type_name(&self) -> &str {
        "Condition"
    }

    fn repr(&self) -> String {
        let mut extra = if self.lock.locked.get() {
            "locked"
        } else {
            "unlocked"
        }
        .to_string();
        let n = self.waiters.count();
        if n > 0 {
            extra.push_str(&format!(", waiters:{n}"));
        }
        format!(
            "<asyncio.locks.Condition object at {:#x} [{extra}]>",
            address(self)
        )
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(
            name,
            "acquire"
                | "release"
                | "locked"
                | "wait"
                | "wait_for"
                | "notify"
                | "notify_all"
                | "__aenter__"
                | "__aexit__"
        )
    }

    fn call_method(
        self: Rc<Self>,
        _ix: &Rc<Interp>,
        _cx: &Frame,
        name: &str,
        mut a: Args,
    ) -> Option<PyResult<Value>> {
        Some(match name {
            "locked" => no_args(&a, "locked()").map(|_| Value::Bool(self.lock.locked.get())),
            "release" => no_args(&a, "release()").and_then(|_| self.lock.release()),
            "acquire" | "wait" => {
                let m = if name == "wait" { "wait" } else { "acquire" };
                no_args(&a, name).map(|_| MethodCoro::value(self, m, vec![]))
            }
            "wait_for" => args::exactly_one(a, "wait_for()")
                .map(|p| MethodCoro::value(self, "wait_for", vec![p])),
            "notify" => {
                let n = a.take_kw("n").or_else(|| a.pos.pop());
                let n = match n.as_ref().map(args::index).transpose() {
                    Ok(n) => n.unwrap_or(1).max(0) as usize,
                    Err(e) => return Some(Err(e)),
                };
                self.notify(n).map(|_| Value::None)
            }
            "notify_all" => no_args(&a, "notify_all()")
                .and_then(|_| self.notify_all())
                .map(|_| Value::None),
            "__aenter__" => Ok(MethodCoro::value(self, "__aenter__", vec![])),
            "__aexit__" => Ok(MethodCoro::value(self, "__aexit__", vec![])),
            _ => return None,
        })
    }
}
