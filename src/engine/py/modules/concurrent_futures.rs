//! The executors a demo makes (`ThreadPoolExecutor`, `ProcessPoolExecutor`)
//! and `asyncio.to_thread`; [`executor`] runs their jobs.

mod drain;
pub mod executor;
pub mod future;
pub mod job;
pub mod threadsafe;
pub mod wait;

use crate::engine::py::modules::concurrent_futures::executor::{Busy, Queued};
use crate::engine::py::types::exc::{PyResult, error, type_error, value_error};
use crate::engine::py::types::native::{Args, Native, Step};
use crate::engine::py::types::value::Value;
use crate::engine::py::vm::interp::{Frame, Interp};
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

/// Threads or processes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum PoolKind {
    Thread,
    Process,
}

/// The default number of workers: CPython's `min(32, os.cpu_count() + 4)`
/// threads, or `os.cpu_count()` processes.
pub(super) fn default_workers(kind: PoolKind) -> usize {
    let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
    match kind {
        PoolKind::Thread => (cpus + 4).min(32),
        PoolKind::Process => cpus,
    }
}

/// A `ThreadPoolExecutor` or `ProcessPoolExecutor`.
pub struct Pool {
    pub(super) kind: PoolKind,
    /// Each worker's job, or `None` when idle.
    pub(super) workers: RefCell<Vec<Option<Busy>>>,
    /// Jobs are numbered as they start.
    pub(super) next_id: Cell<u64>,
    pub(super) queue: RefCell<VecDeque<Queued>>,
    pub(super) shut: Cell<bool>,
}

impl Pool {
    pub(super) fn new(kind: PoolKind, workers: usize) -> Rc<Pool> {
        Rc::new(Pool {
            kind,
            workers: RefCell::new((0..workers).map(|_| None).collect()),
            next_id: Cell::new(0),
            queue: RefCell::new(VecDeque::new()),
            shut: Cell::new(false),
        })
    }

    /// `ThreadPoolExecutor(max_workers=None, ...)` or
    /// `ProcessPoolExecutor(max_workers=None, ...)`.
    pub fn construct(kind: PoolKind, mut args: Args) -> PyResult<Value> {
        let max = args
            .take_kw("max_workers")
            .or_else(|| (!args.pos.is_empty()).then(|| args.pos.remove(0)));
        // The names of threads and processes are not shown.
        let _ = args.take_kw("thread_name_prefix");
        let _ = args.take_kw("mp_context");
        if let Some((k, _)) = args.kw.first() {
            return Err(type_error(format!(
                "{}.__init__() got an unexpected keyword argument '{k}'",
                type_name(kind)
            )));
        }
        if !args.pos.is_empty() {
            return Err(type_error(format!(
                "{}() takes at most 1 positional argument here: max_workers",
                type_name(kind)
            )));
        }
        let workers = match max {
            None | Some(Value::None) => default_workers(kind),
            Some(Value::Int(n)) if n > 0 => usize::try_from(n).unwrap_or(usize::MAX).min(1024),
            Some(Value::Int(_)) => {
                return Err(value_error("max_workers must be greater than 0"));
            }
            Some(other) => {
                return Err(type_error(format!(
                    "'<=' not supported between instances of '{}' and 'int'",
                    other.type_name()
                )));
            }
        };
        Ok(Value::Native(Pool::new(kind, workers)))
    }

    fn shutdown(self: &Rc<Self>, ix: &Interp, f: &Frame, mut args: Args) -> PyResult<Value> {
        let wait = args
            .take_kw("wait")
            .or_else(|| (!args.pos.is_empty()).then(|| args.pos.remove(0)))
            .is_none_or(|w| w.truthy());
        let cancel = args.take_kw("cancel_futures").is_some_and(|c| c.truthy());
        self.shut.set(true);
        if cancel {
            let queued: Vec<_> = self.queue.borrow_mut().drain(..).collect();
            for q in queued {
                crate::engine::py::modules::asyncio::tasks::Cancel::cancel(&*q.future);
            }
        }
        if wait {
            ix.drain(f, self, None)?;
        }
        Ok(Value::None)
    }
}

fn type_name(kind: PoolKind) -> &'static str {
    match kind {
        PoolKind::Thread => "ThreadPoolExecutor",
        PoolKind::Process => "ProcessPoolExecutor",
    }
}

impl Native for Pool {
    fn type_name(&self) -> &str {
        type_name(self.kind)
    }

    fn repr(&self) -> String {
        let module = match self.kind {
            PoolKind::Thread => "thread",
            PoolKind::Process => "process",
        };
        format!(
            "<concurrent.futures.{module}.{} object>",
            type_name(self.kind)
        )
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(
            name,
            "__enter__" | "__exit__" | "shutdown" | "submit" | "map"
        )
    }

    fn call_method(
        self: Rc<Self>,
        ix: &Rc<Interp>,
        cx: &Frame,
        name: &str,
        args: Args,
    ) -> Option<PyResult<Value>> {
        Some(match name {
            "__enter__" => Ok(Value::Native(self)),
            "__exit__" => self
                .shutdown(ix, cx, Args::default())
                .map(|_| Value::Bool(false)),
            "shutdown" => self.shutdown(ix, cx, args),
            "submit" => self.submit_call(ix, cx, args),
            "map" => self.map_call(ix, cx, args),
            _ => return None,
        })
    }
}

/// `asyncio.to_thread(func, *args, **kwargs)` before it is awaited.
pub struct ToThread {
    call: RefCell<Option<(Value, Args)>>,
}

impl ToThread {
    pub fn value(mut args: Args) -> PyResult<Value> {
        if args.pos.is_empty() {
            return Err(type_error(
                "to_thread() missing 1 required positional argument: 'func'",
            ));
        }
        let func = args.pos.remove(0);
        Ok(Value::Native(Rc::new(ToThread {
            call: RefCell::new(Some((func, args))),
        })))
    }
}

impl Native for ToThread {
    fn type_name(&self) -> &str {
        "coroutine"
    }

    fn repr(&self) -> String {
        "<coroutine object to_thread>".into()
    }

    fn await_on<'a>(self: Rc<Self>, ix: &'a Rc<Interp>, cx: &'a Frame) -> Option<Step<'a>> {
        Some(Box::pin(async move {
            let (func, args) =
                self.call.borrow_mut().take().ok_or_else(|| {
                    error("RuntimeError", "cannot reuse already awaited coroutine")
                })?;
            if !ix.running.get() || ix.in_job() {
                return Err(error("RuntimeError", "no running event loop"));
            }
            let pool = ix.default_executor();
            let future = ix.submit(cx, &pool, func, args)?;
            ix.await_value(cx, future).await
        }))
    }
}

/// Calls `concurrent.futures.NAME`.
pub fn call(ix: &Interp, f: &Frame, name: &str, args: Args) -> PyResult<Value> {
    match name {
        "concurrent.futures.ThreadPoolExecutor" => Pool::construct(PoolKind::Thread, args),
        "concurrent.futures.ProcessPoolExecutor" => Pool::construct(PoolKind::Process, args),
        "concurrent.futures.wait" => wait::wait(ix, f, args),
        "concurrent.futures.as_completed" => wait::as_completed(ix, f, args),
        "concurrent.futures.Future" => future::JobFuture::construct(args),
        other => ix.pure_builtin(f, other, args),
    }
}
