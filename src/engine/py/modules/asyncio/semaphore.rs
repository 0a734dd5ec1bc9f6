//! `asyncio.Semaphore` and `asyncio.BoundedSemaphore` as CPython 3.11's
//! `Lib/asyncio/locks.py` runs them: a counter of free permits and a FIFO
//! queue of waiters; a cancelled waiter hands its turn on.

use super::mixins::{AsyncMethods, MethodCoro, Tag, address, cancelled, is_cancel, wait};
use super::waiters::WaiterQueue;
use crate::engine::events::CounterKind;
use crate::engine::py::builtins::args::{self, no_args};
use crate::engine::py::types::exc::{PyResult, value_error};
use crate::engine::py::types::native::{Args, Native, Step};
use crate::engine::py::types::value::Value;
use crate::engine::py::vm::interp::{Frame, Interp};
use std::cell::Cell;
use std::rc::Rc;

type Waiters = WaiterQueue;

/// `asyncio.Semaphore(value=1)` and `asyncio.BoundedSemaphore(value=1)`.
pub struct Semaphore {
    value: Cell<i64>,
    /// The initial value: `BoundedSemaphore`'s bound, and the "of N" the
    /// timeline shows.
    initial: i64,
    bounded: bool,
    waiters: Waiters,
    /// Its name and free-permits counter on the timeline.
    tag: Tag,
}

impl Semaphore {
    pub fn value(ix: &Interp, cx: &Frame, mut a: Args, bounded: bool) -> PyResult<Value> {
        let v = a
            .take_kw("value")
            .or_else(|| (!a.pos.is_empty()).then(|| a.pos.remove(0)));
        args::no_kw(&a, "Semaphore()")?;
        let v = match v {
            Some(v) => args::index(&v)?,
            None => 1,
        };
        if v < 0 {
            return Err(value_error("Semaphore initial value must be >= 0"));
        }
        let kind = Self::kind_name(bounded);
        let sem = Semaphore {
            value: Cell::new(v),
            initial: v,
            bounded,
            waiters: WaiterQueue::default(),
            tag: Tag::new(ix, cx, kind),
        };
        sem.count(ix, cx);
        Ok(Value::Native(Rc::new(sem)))
    }

    /// Records its free permits, when they changed.
    fn count(&self, ix: &Interp, cx: &Frame) {
        let free = self.value.get().max(0);
        self.tag
            .count(ix, cx, CounterKind::FreePermits, free, Some(self.initial));
    }

    fn name(&self) -> &'static str {
        Self::kind_name(self.bounded)
    }

    fn kind_name(bounded: bool) -> &'static str {
        if bounded {
            "BoundedSemaphore"
        } else {
            "Semaphore"
        }
    }

    fn locked(&self) -> bool {
        self.value.get() == 0 || !self.waiters.all_cancelled()
    }

    async fn acquire(&self, ix: &Interp, cx: &Frame) -> PyResult<Value> {
        if !self.locked() {
            self.value.set(self.value.get() - 1);
            self.count(ix, cx);
            return Ok(Value::Bool(true));
        }
        let fut = self.waiters.push(cx);
        let what = format!(
            "{} ({} of {} free)",
            self.name(),
            self.value.get().max(0),
            self.initial
        );
        let r = wait(ix, cx, &fut, what, None).await;
        self.waiters.remove(&fut);
        if let Err(e) = r {
            if is_cancel(&e) && !cancelled(&fut) {
                self.value.set(self.value.get() + 1);
                self.wake_up_next();
            }
            self.count(ix, cx);
            return Err(e);
        }
        if self.value.get() > 0 {
            self.wake_up_next();
        }
        self.count(ix, cx);
        Ok(Value::Bool(true))
    }

    fn release(&self, ix: &Interp, cx: &Frame) -> PyResult<Value> {
        if self.bounded && self.value.get() >= self.initial {
            return Err(value_error("BoundedSemaphore released too many times"));
        }
        self.value.set(self.value.get() + 1);
        self.wake_up_next();
        self.count(ix, cx);
        Ok(Value::None)
    }

    /// Hands a permit to the first waiter not done, if there is one.
    fn wake_up_next(&self) {
        if self.waiters.wake(1, Value::Bool(true)) == 1 {
            self.value.set(self.value.get() - 1);
        }
    }
}

impl AsyncMethods for Semaphore {
    fn qualname(&self, method: &str) -> String {
        format!("{}.{method}", self.name())
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
                "__aexit__" => self.release(ix, cx),
                "__aenter__" => self.acquire(ix, cx).await.map(|_| Value::None),
                _ => self.acquire(ix, cx).await,
            }
        })
    }
}

impl Native for Semaphore {
    fn type_name(&self) -> &str {
        self.name()
    }

    fn repr(&self) -> String {
        let mut extra = if self.locked() {
            "locked".to_string()
        } else {
            format!("unlocked, value:{}", self.value.get())
        };
        let n = self.waiters.count();
        if n > 0 {
            extra.push_str(&format!(", waiters:{n}"));
        }
        format!(
            "<asyncio.locks.{} object at {:#x} [{extra}]>",
            self.name(),
            address(self)
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
        ix: &Rc<Interp>,
        cx: &Frame,
        name: &str,
        a: Args,
    ) -> Option<PyResult<Value>> {
        Some(match name {
            "locked" => no_args(&a, "locked()").map(|_| Value::Bool(self.locked())),
            "release" => no_args(&a, "release()").and_then(|_| self.release(ix, cx)),
            "acquire" => {
                no_args(&a, "acquire()").map(|_| MethodCoro::value(self, "acquire", vec![]))
            }
            "__aenter__" => Ok(MethodCoro::value(self, "__aenter__", vec![])),
            "__aexit__" => Ok(MethodCoro::value(self, "__aexit__", vec![])),
            _ => return None,
        })
    }
}
