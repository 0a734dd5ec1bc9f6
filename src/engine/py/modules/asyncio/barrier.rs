//! `asyncio.Barrier(parties)`, as CPython 3.11's `locks.py` builds it on a
//! `Condition`: filling, draining, resetting or broken.

use super::locks::Condition;
use super::mixins::{AsyncMethods, MethodCoro, Tag, address};
use crate::engine::py::builtins::args;
use crate::engine::py::types::exc::{PyResult, error, value_error};
use crate::engine::py::types::native::{Args, Native, Step};
use crate::engine::py::types::value::Value;
use crate::engine::py::vm::interp::{Frame, Interp};
use std::cell::Cell;
use std::rc::Rc;

#[derive(Clone, Copy, PartialEq)]
enum State {
    Filling,
    Draining,
    Resetting,
    Broken,
}

impl State {
    fn text(self) -> &'static str {
        match self {
            State::Filling => "filling",
            State::Draining => "draining",
            State::Resetting => "resetting",
            State::Broken => "broken",
        }
    }
}

/// `asyncio.Barrier`.
pub struct Barrier {
    cond: Rc<Condition>,
    parties: i64,
    state: Cell<State>,
    count: Cell<i64>,
    /// Its name on the timeline.
    tag: Tag,
}

fn broken(message: &str) -> crate::engine::py::types::exc::Unwind {
    error("BrokenBarrierError", message)
}

impl Barrier {
    pub fn value(ix: &Interp, cx: &Frame, mut a: Args) -> PyResult<Value> {
        let p = a
            .take_kw("parties")
            .or_else(|| (!a.pos.is_empty()).then(|| a.pos.remove(0)))
            .ok_or_else(|| {
                crate::engine::py::types::exc::type_error(
                    "Barrier.__init__() missing 1 required positional argument: 'parties'",
                )
            })?;
        args::no_kw(&a, "Barrier()")?;
        let parties = args::index(&p)?;
        if parties < 1 {
            return Err(value_error("parties must be > 0"));
        }
        Ok(Value::Native(Rc::new(Barrier {
            cond: Condition::new(),
            parties,
            state: Cell::new(State::Filling),
            count: Cell::new(0),
            tag: Tag::new(ix, cx, "Barrier"),
        })))
    }

    fn n_waiting(&self) -> i64 {
        if self.state.get() == State::Filling {
            self.count.get()
        } else {
            0
        }
    }

    /// Waits on the condition until `ready` holds (`Condition.wait_for`).
    async fn wait_until(
        &self,
        ix: &Interp,
        cx: &Frame,
        ready: impl Fn(State) -> bool,
    ) -> PyResult<()> {
        while !ready(self.state.get()) {
            let what = format!(
                "{} ({} of {})",
                self.tag.name,
                self.count.get(),
                self.parties
            );
            self.cond.wait(ix, cx, &what).await?;
        }
        Ok(())
    }

    /// `wait()` with the condition's lock held.
    async fn wait_locked(&self, ix: &Interp, cx: &Frame) -> PyResult<Value> {
        self.wait_until(ix, cx, |s| !matches!(s, State::Draining | State::Resetting))
            .await?;
        if self.state.get() == State::Broken {
            return Err(broken("Barrier aborted"));
        }
        let index = self.count.get();
        self.count.set(index + 1);
        let r = if index + 1 == self.parties {
            self.state.set(State::Draining);
            self.cond.notify_all()
        } else {
            match self.wait_until(ix, cx, |s| s != State::Filling).await {
                Ok(()) if matches!(self.state.get(), State::Broken | State::Resetting) => {
                    Err(broken("Abort or reset of barrier"))
                }
                r => r,
            }
        };
        self.count.set(self.count.get() - 1);
        if self.count.get() == 0 {
            if matches!(self.state.get(), State::Resetting | State::Draining) {
                self.state.set(State::Filling);
            }
            self.cond.notify_all()?;
        }
        r.map(|_| Value::Int(index))
    }

    async fn locked<'a>(&'a self, ix: &'a Interp, cx: &'a Frame, method: &str) -> PyResult<Value> {
        self.cond.lock_acquire(ix, cx).await?;
        let r = match method {
            "reset" => {
                if self.count.get() > 0 {
                    self.state.set(State::Resetting);
                } else {
                    self.state.set(State::Filling);
                }
                self.cond.notify_all().map(|_| Value::None)
            }
            "abort" => {
                self.state.set(State::Broken);
                self.cond.notify_all().map(|_| Value::None)
            }
            _ => self.wait_locked(ix, cx).await,
        };
        self.cond.lock_release()?;
        r
    }
}

impl AsyncMethods for Barrier {
    fn qualname(&self, method: &str) -> String {
        format!("Barrier.{method}")
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
                "__aexit__" => Ok(Value::None),
                "__aenter__" => self.locked(ix, cx, "wait").await,
                m => self.locked(ix, cx, m).await,
            }
        })
    }
}

impl Native for Barrier {
    fn type_name(&self) -> &str {
        "Barrier"
    }

    fn repr(&self) -> String {
        let mut extra = self.state.get().text().to_string();
        if self.state.get() != State::Broken {
            extra.push_str(&format!(", waiters:{}/{}", self.n_waiting(), self.parties));
        }
        format!(
            "<asyncio.locks.Barrier object at {:#x} [{extra}]>",
            address(self)
        )
    }

    fn attr(self: Rc<Self>, name: &str) -> Option<Value> {
        Some(match name {
            "parties" => Value::Int(self.parties),
            "n_waiting" => Value::Int(self.n_waiting()),
            "broken" => Value::Bool(self.state.get() == State::Broken),
            _ => return None,
        })
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(
            name,
            "wait" | "reset" | "abort" | "__aenter__" | "__aexit__"
        )
    }

    fn call_method(
        self: Rc<Self>,
        _ix: &Rc<Interp>,
        _cx: &Frame,
        name: &str,
        a: Args,
    ) -> Option<PyResult<Value>> {
        let m: &'static str = match name {
            "wait" => "wait",
            "reset" => "reset",
            "abort" => "abort",
            "__aenter__" => "__aenter__",
            "__aexit__" => return Some(Ok(MethodCoro::value(self, "__aexit__", vec![]))),
            _ => return None,
        };
        Some(args::no_args(&a, name).map(|_| MethodCoro::value(self, m, vec![])))
    }
}
