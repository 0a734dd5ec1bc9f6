//! CPython 3.11's `asyncio/runners.py`: `asyncio.run`, and `asyncio.Runner`,
//! a loop that runs one coroutine after another
//! (`with asyncio.Runner() as r: r.run(...)`).

use super::base_events::run_until_complete;
use super::completion::unsettle;
use super::events::{self, Loop};
use super::shutdown;
use crate::engine::py::types::exc::Unwind;
use crate::engine::py::types::exc::{PyResult, error, type_error, value_error};
use crate::engine::py::types::native::{Args, Native, downcast};
use crate::engine::py::types::value::Value;
use crate::engine::py::vm::coro::Coroutine;
use crate::engine::py::vm::interp::{Frame, Interp};
use crate::engine::py::vm::stack::LoopEntry;
use crate::engine::runtime::yield_now;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// `asyncio.run(main())`: runs the coroutine as the main task, then cancels
/// the tasks left and waits for them, and returns main's result.
pub async fn asyncio_run(ix: &Interp, cx: &Frame, mut args: Args) -> PyResult<Value> {
    if ix.running.get() {
        if let Some(c) = args.pos.first().and_then(downcast::<Coroutine>) {
            let _ = c.start();
        }
        return Err(error(
            "RuntimeError",
            "asyncio.run() cannot be called from a running event loop",
        ));
    }
    let Some(main) = args.pos.pop() else {
        return Err(type_error(
            "run() missing 1 required positional argument: 'main'",
        ));
    };
    if downcast::<Coroutine>(&main).is_none() {
        return Err(value_error(format!(
            "a coroutine was expected, got {}",
            ix.repr(cx, &main)?
        )));
    }
    let _entry = ix.enter_loop(cx, LoopEntry::AsyncioRun);
    let lp = super::events::Loop::new();
    super::events::start_running(ix, &lp);
    crate::engine::py::modules::logging::loop_created(ix, cx)?;
    let task = ix.create_task(cx, main, None)?;
    crate::engine::py::modules::sys::main_task(task.lane);
    let r = task.completion.wait().await;
    // The loop runs the round in which main's end is noticed, then stops.
    yield_now().await;
    let _shutdown = ix.enter_loop(cx, LoopEntry::AsyncioRunShutdown);
    shutdown::shut_down(ix, cx, &lp).await;
    super::events::stop_running(ix, &lp);
    shutdown::destroy_pending(ix, cx, &lp).await;
    super::base_events::report_unretrieved(ix);
    if let Some(e) = crate::engine::py::modules::sys::take_exit() {
        return Err(Unwind::Exc(e));
    }
    unsettle(r)
}

/// An `asyncio.Runner`: its loop is made on first use (by its
/// `loop_factory` when it has one) and closed by `close()` (the end of
/// `with`).
#[derive(Default)]
pub struct Runner {
    lp: RefCell<Option<Rc<Loop>>>,
    closed: Cell<bool>,
    /// `loop_factory=`: what makes the loop instead of `new_event_loop()`.
    factory: Option<Value>,
    /// It made its loop the current one (no factory), so `close()` unsets it.
    set_current: Cell<bool>,
}

impl Runner {
    /// `asyncio.Runner(*, debug=None, loop_factory=None)`.
    pub fn value(mut args: Args) -> PyResult<Value> {
        let _ = args.take_kw("debug");
        let factory = args
            .take_kw("loop_factory")
            .filter(|f| !matches!(f, Value::None));
        if let Some((k, _)) = args.kw.first() {
            return Err(type_error(format!(
                "Runner.__init__() got an unexpected keyword argument '{k}'"
            )));
        }
        if !args.pos.is_empty() {
            return Err(type_error(format!(
                "Runner.__init__() takes 1 positional argument but {} were given",
                args.pos.len() + 1
            )));
        }
        Ok(Value::Native(Rc::new(Runner {
            factory,
            ..Runner::default()
        })))
    }

    /// CPython's `_lazy_init`: the loop, made on first use, by the
    /// `loop_factory` (as it is) or else by `new_event_loop()` and made
    /// current.
    fn lazy_init(&self, ix: &Interp, cx: &Frame) -> PyResult<Rc<Loop>> {
        if self.closed.get() {
            return Err(error("RuntimeError", "Runner is closed"));
        }
        if let Some(lp) = self.lp.borrow().clone() {
            return Ok(lp);
        }
        let lp = match &self.factory {
            Some(factory) => {
                let made = ix.call(cx, factory, Args::default())?;
                events::as_loop(&made).ok_or_else(|| {
                    crate::engine::py::types::exc::unsupported(format!(
                        "Runner(loop_factory=...) whose factory returns {} instead of an event loop",
                        made.type_name()
                    ))
                })?
            }
            None => {
                let l = Loop::new();
                *ix.loops.current.borrow_mut() = Some(l.clone());
                self.set_current.set(true);
                l
            }
        };
        *self.lp.borrow_mut() = Some(lp.clone());
        Ok(lp)
    }

    /// `runner.close()` (the end of `with`): CPython's `close`, the
    /// shutdown of [`shutdown`] (the tasks left cancelled and waited for,
    /// the async generators left closed, each step given its rounds) and
    /// the loop closed. A runner never used stays as it is.
    pub async fn close(&self, ix: &Interp, cx: &Frame) -> PyResult<Value> {
        let Some(lp) = self.lp.borrow().clone() else {
            return Ok(Value::None);
        };
        if lp.running.get() {
            return Err(error("RuntimeError", "Cannot close a running event loop"));
        }
        if !lp.closed.get() {
            events::start_running(ix, &lp);
            shutdown::shut_down(ix, cx, &lp).await;
            events::stop_running(ix, &lp);
        }
        self.lp.borrow_mut().take();
        if self.set_current.get() {
            *ix.loops.current.borrow_mut() = None;
        }
        shutdown::destroy_pending(ix, cx, &lp).await;
        super::base_events::report_unretrieved(ix);
        self.closed.set(true);
        Ok(Value::None)
    }

    /// `runner.run(coro)`: runs the coroutine as a task of the runner's
    /// loop until it is done.
    pub async fn run(&self, ix: &Interp, cx: &Frame, mut args: Args) -> PyResult<Value> {
        let _ = args.take_kw("context");
        let coro = args.pos.pop().ok_or_else(|| {
            type_error("Runner.run() missing 1 required positional argument: 'coro'")
        })?;
        if !super::base_events::is_coroutine(&coro) {
            return Err(value_error(format!(
                "a coroutine was expected, got {}",
                ix.repr(cx, &coro)?
            )));
        }
        if ix.running.get() {
            if let Some(c) = downcast::<Coroutine>(&coro) {
                let _ = c.start();
            }
            return Err(error(
                "RuntimeError",
                "Runner.run() cannot be called from a running event loop",
            ));
        }
        let lp = self.lazy_init(ix, cx)?;
        let task = ix.spawn_task(cx, coro, None)?;
        task.lp.replace(Some(lp.clone()));
        run_until_complete(ix, cx, lp, Args::positional(vec![Value::Native(task)])).await
    }
}

impl Native for Runner {
    fn type_name(&self) -> &str {
        "Runner"
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(
            name,
            "run" | "close" | "get_loop" | "__enter__" | "__exit__"
        )
    }

    fn call_method(
        self: Rc<Self>,
        ix: &Rc<Interp>,
        cx: &Frame,
        name: &str,
        _args: Args,
    ) -> Option<PyResult<Value>> {
        Some(match name {
            "__enter__" => self.lazy_init(ix, cx).map(|_| Value::Native(self.clone())),
            "__exit__" | "close" if ix.tasks.borrow().iter().all(|t| t.done()) => {
                crate::engine::py::vm::interp::run_now(self.close(ix, cx))
            }
            "__exit__" | "close" => Err(crate::engine::py::types::exc::unsupported(
                "Runner.close() with tasks left, in a lambda, a comprehension or a function not called by its name",
            )),
            "get_loop" => self.lazy_init(ix, cx).map(|l| Value::Native(l)),
            "run" if ix.running.get() => Err(error(
                "RuntimeError",
                "Runner.run() cannot be called from a running event loop",
            )),
            "run" => Err(crate::engine::py::types::exc::unsupported(
                "Runner.run() in a lambda, a comprehension or a function not called by its name",
            )),
            _ => return None,
        })
    }
}

/// Whether `obj.name(...)` runs an event loop, which the caller waits for:
/// `loop.run_until_complete`, `loop.run_forever`, `runner.run`, and
/// `runner.close()` (and the end of `with runner:`), which runs the clean-up
/// of the tasks left.
pub fn runs_loop(obj: &Value, name: &str) -> bool {
    match name {
        "run_until_complete" | "run_forever" => events::as_loop(obj).is_some(),
        "run" | "close" | "__exit__" => downcast::<Runner>(obj).is_some(),
        _ => false,
    }
}

/// Runs `obj.name(...)` when [`runs_loop`] says it runs a loop.
pub async fn run_loop(
    ix: &Interp,
    cx: &Frame,
    obj: &Value,
    name: &str,
    args: Args,
) -> PyResult<Value> {
    let entry = match (downcast::<Runner>(obj).is_some(), name) {
        (true, "run") => LoopEntry::RunnerRun,
        (true, "close") => LoopEntry::RunnerClose,
        (true, _) => LoopEntry::RunnerExit,
        (false, "run_forever") => LoopEntry::RunForever,
        (false, _) => LoopEntry::RunUntilComplete,
    };
    let _entry = ix.enter_loop(cx, entry);
    if let Some(r) = downcast::<Runner>(obj) {
        if name == "run" {
            return r.run(ix, cx, args).await;
        }
        return r.close(ix, cx).await;
    }
    let lp = events::as_loop(obj).expect("runs_loop said so");
    if name == "run_forever" {
        super::base_events::run_forever(ix, lp, args).await
    } else {
        run_until_complete(ix, cx, lp, args).await
    }
}
