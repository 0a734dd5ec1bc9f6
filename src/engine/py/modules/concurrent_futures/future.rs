//! `executor.submit` and `executor.map` from the event loop's thread, and the
//! `concurrent.futures.Future` they give, as `tests/support/virtual_clock.py`
//! runs them under CPython: the job queues and runs as one of
//! `run_in_executor`'s does; `result(timeout)` before the job's end blocks
//! the loop until that end (or the timeout), as waiting for a worker thread
//! does; `asyncio.wrap_future` hands the outcome on one round after it is
//! set, as its `call_soon_threadsafe` does. Where no loop runs (the
//! module's code), or inside a job, the harness hands a job to a real
//! worker thread, where `time.sleep` waits for nothing: the job runs to its
//! end at once (see [`Interp::run_job_now`]).

use super::Pool;
use super::job::Block;
use crate::engine::py::modules::asyncio::base_events::log;
use crate::engine::py::modules::asyncio::mixins::address;
use crate::engine::py::modules::asyncio::tasks::{self, FutureObj, Settled};
use crate::engine::py::types::exc::{self, PyResult, Unwind, error, type_error};
use crate::engine::py::types::native::{Args, Native, downcast};
use crate::engine::py::types::value::Value;
use crate::engine::py::vm::interp::{Frame, Interp};
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

/// A `concurrent.futures.Future`: of a job (`job` is the future the job's
/// lane settles, or a blocking `result()` before it), or of a coroutine the
/// loop runs for a job (`asyncio.run_coroutine_threadsafe`: no pool, and
/// the loop's task that settles it once the loop has made it).
pub struct JobFuture {
    pub(super) job: Rc<FutureObj>,
    pool: Option<Rc<Pool>>,
    pub(super) source: RefCell<Option<Rc<tasks::TaskObj>>>,
    /// `set_running_or_notify_cancel()` marked it running, or (cancelled)
    /// notified.
    marked: Cell<bool>,
}

impl JobFuture {
    /// A future of `job`'s outcome: of a pool's job, or (no pool) of a
    /// coroutine of the loop.
    pub(super) fn new(job: Rc<FutureObj>, pool: Option<Rc<Pool>>) -> JobFuture {
        JobFuture {
            job,
            pool,
            source: RefCell::new(None),
            marked: Cell::new(false),
        }
    }

    /// `concurrent.futures.Future()`: a future the program settles.
    pub fn construct(args: Args) -> PyResult<Value> {
        let given = args.pos.len() + args.kw.len();
        if given > 0 {
            return Err(type_error(format!(
                "Future.__init__() takes 1 positional argument but {} were given",
                given + 1
            )));
        }
        let future = tasks::new_future("Future");
        let future = downcast::<FutureObj>(&future).expect("a future");
        Ok(Value::Native(Rc::new(JobFuture::new(future, None))))
    }

    /// Its state as CPython's `_state` names it.
    fn state_name(&self) -> &'static str {
        match self.state() {
            "cancelled" if self.marked.get() => "CANCELLED_AND_NOTIFIED",
            "cancelled" => "CANCELLED",
            "finished" => "FINISHED",
            "running" => "RUNNING",
            _ => "PENDING",
        }
    }

    /// `set_result(value)` and `set_exception(exception)`: the outcome,
    /// once; its done-callbacks run now.
    fn set(&self, settled: Settled) -> PyResult<Value> {
        if self.job.completion.done() {
            return Err(error(
                "concurrent.futures.InvalidStateError",
                format!("{}: {}", self.state_name(), self.repr()),
            ));
        }
        self.job.completion.settle(settled);
        Ok(Value::None)
    }

    /// `set_running_or_notify_cancel()`: `True` and running if pending,
    /// `False` if cancelled; else CPython's critical log line and
    /// `RuntimeError`.
    fn set_running_or_notify_cancel(&self, ix: &Interp, cx: &Frame) -> PyResult<Value> {
        match self.state_name() {
            "CANCELLED" => {
                self.marked.set(true);
                Ok(Value::Bool(false))
            }
            "PENDING" => {
                self.marked.set(true);
                Ok(Value::Bool(true))
            }
            state => {
                ix.shared.emit(
                    cx.lane.get(),
                    Some(cx.stmt.get()),
                    crate::engine::events::EventKind::PrintedErr {
                        text: format!("Future {} in unexpected state: {state}", address(self)),
                    },
                );
                Err(error("RuntimeError", "Future in unexpected state"))
            }
        }
    }
}

/// The one argument of `set_result` or `set_exception`.
fn one_arg(name: &str, args: Args) -> PyResult<Value> {
    if let Some((k, _)) = args.kw.first() {
        return Err(type_error(format!(
            "Future.{name}() got an unexpected keyword argument '{k}'"
        )));
    }
    let n = args.pos.len();
    let mut pos = args.pos.into_iter();
    match (pos.next(), n) {
        (Some(v), 1) => Ok(v),
        _ => Err(type_error(format!(
            "Future.{name}() takes 2 positional arguments but {} were given",
            n + 1
        ))),
    }
}

impl Pool {
    /// `executor.submit(fn, /, *args, **kwargs)`.
    pub(super) fn submit_call(
        self: &Rc<Self>,
        ix: &Interp,
        cx: &Frame,
        mut args: Args,
    ) -> PyResult<Value> {
        if args.pos.is_empty() {
            return Err(type_error(
                "submit() missing 1 required positional argument: 'fn'",
            ));
        }
        let func = args.pos.remove(0);
        self.submit_job(ix, cx, func, args)
    }

    fn submit_job(
        self: &Rc<Self>,
        ix: &Interp,
        cx: &Frame,
        func: Value,
        args: Args,
    ) -> PyResult<Value> {
        let job = if !ix.running.get() || ix.in_job() {
            self.run_now(ix, cx, func, args)?
        } else {
            let job = ix.submit(cx, self, func, args)?;
            downcast::<FutureObj>(&job).expect("a job's future")
        };
        Ok(Value::Native(Rc::new(JobFuture::new(
            job,
            Some(self.clone()),
        ))))
    }

    /// A job submitted where no event loop runs (the module's code) or from
    /// another job: the harness hands it to a real worker thread, where
    /// `time.sleep` waits for nothing; the job runs to its end at once, here
    /// and now, inside the job that submitted it, if one did (its sleeps
    /// and prints are that job's).
    fn run_now(&self, ix: &Interp, cx: &Frame, func: Value, args: Args) -> PyResult<Rc<FutureObj>> {
        if self.shut.get() {
            return Err(error(
                "RuntimeError",
                "cannot schedule new futures after shutdown",
            ));
        }
        let r = ix.run_job_now(cx, &func, args);
        let settled = match r {
            Ok(v) => Settled::Value(v),
            Err(Unwind::Exc(e)) => Settled::Raised(e),
            Err(other) => return Err(other),
        };
        let future = tasks::new_future("job");
        let future = downcast::<FutureObj>(&future).expect("a future");
        future.completion.settle(settled);
        Ok(future)
    }

    /// `executor.map(fn, *iterables, timeout=None, chunksize=1)`: every job
    /// is submitted now; the iterator gives their results in order, each
    /// `result()` blocking as it comes to it.
    pub(super) fn map_call(
        self: &Rc<Self>,
        ix: &Interp,
        cx: &Frame,
        mut args: Args,
    ) -> PyResult<Value> {
        let timeout = match args.take_kw("timeout") {
            None | Some(Value::None) => None,
            Some(t) => Some(seconds(&t)?),
        };
        let _ = args.take_kw("chunksize");
        if let Some((k, _)) = args.kw.first() {
            return Err(type_error(format!(
                "Executor.map() got an unexpected keyword argument '{k}'"
            )));
        }
        if args.pos.is_empty() {
            return Err(type_error(
                "Executor.map() missing 1 required positional argument: 'fn'",
            ));
        }
        let func = args.pos.remove(0);
        let columns = args
            .pos
            .iter()
            .map(|it| ix.iterate(cx, it))
            .collect::<PyResult<Vec<_>>>()?;
        let rows = columns.iter().map(Vec::len).min().unwrap_or(0);
        let end = timeout.map(|t| ix.clock_now() + t);
        let mut futures = VecDeque::with_capacity(rows);
        for i in 0..rows {
            let row = columns.iter().map(|c| c[i].clone()).collect();
            let f = self.submit_job(ix, cx, func.clone(), Args::positional(row))?;
            futures.push_back(downcast::<JobFuture>(&f).expect("a job future"));
        }
        Ok(Value::Native(Rc::new(MapResults {
            futures: RefCell::new(futures),
            end,
        })))
    }
}

/// A timeout in seconds.
fn seconds(v: &Value) -> PyResult<f64> {
    match v {
        Value::Int(n) => Ok(*n as f64),
        Value::Float(x) => Ok(*x),
        other => Err(type_error(format!(
            "'{}' object cannot be interpreted as a timeout",
            other.type_name()
        ))),
    }
}

impl JobFuture {
    /// Blocks the loop until the job's end, or `timeout` seconds.
    fn wait(&self, ix: &Interp, cx: &Frame, timeout: Option<f64>) -> PyResult<()> {
        if self.job.completion.done() {
            return Ok(());
        }
        let Some(pool) = &self.pool else {
            return ix.job_block(Block {
                future: self.job.clone(),
                timeout,
            });
        };
        if ix.in_job() {
            return Err(exc::unsupported(
                "waiting in an executor's job for another job's future",
            ));
        }
        ix.drain(cx, pool, Some((&self.job, timeout)))
    }

    /// The outcome once done, or `TimeoutError` (a wait that ran out); a
    /// cancelled job's is `concurrent.futures.CancelledError`, not asyncio's.
    fn outcome(&self) -> PyResult<Settled> {
        let r = self
            .job
            .completion
            .result()
            .ok_or_else(|| error("TimeoutError", ""))?;
        match r {
            Settled::Raised(e) if exc::is_instance_of(&e, "CancelledError") => {
                Err(error("concurrent.futures.CancelledError", ""))
            }
            r => Ok(r),
        }
    }

    /// `add_done_callback(fn)`: `fn(future)` is called when the job's
    /// outcome is set, in the thread that sets it (at once if it is set).
    fn add_done_callback(
        self: Rc<Self>,
        ix: &Rc<Interp>,
        cx: &Frame,
        mut args: Args,
    ) -> PyResult<Value> {
        let cb = match (args.pos.len(), args.kw.first()) {
            (_, Some((k, _))) => {
                return Err(type_error(format!(
                    "Future.add_done_callback() got an unexpected keyword argument '{k}'"
                )));
            }
            (1, None) => args.pos.pop().expect("one"),
            (n, None) => {
                return Err(type_error(format!(
                    "Future.add_done_callback() takes 2 positional arguments but {} were given",
                    n + 1
                )));
            }
        };
        let ix = ix.clone();
        let frame = ix.root_frame(ix.module_task.clone(), cx.lane.get());
        frame.stmt.set(cx.stmt.get());
        let me = self.clone();
        // The frame of `_base.py` that calls it: `add_done_callback` itself
        // for a future done already, else `_invoke_callbacks`.
        let caller = if self.done() {
            "line 424, in add_done_callback\n    fn(self)"
        } else {
            "line 340, in _invoke_callbacks\n    callback(self)"
        };
        self.job
            .completion
            .on_done_unobserved(Box::new(move |_: &Settled| {
                let r = ix.call(
                    &frame,
                    &cb,
                    Args::positional(vec![Value::Native(me.clone())]),
                );
                match r {
                    Ok(_) | Err(Unwind::Abort) => {}
                    Err(Unwind::Limit(reason)) => {
                        let _ = ix.abort(reason);
                    }
                    // As `_invoke_callbacks` logs it, and goes on.
                    Err(Unwind::Exc(e)) => {
                        const HEAD: &str = "Traceback (most recent call last):\n";
                        let tb = crate::engine::py::traceback(&ix.program, &e);
                        let tb = match tb.strip_prefix(HEAD) {
                            Some(rest) => format!(
                                "{HEAD}  File \"concurrent/futures/_base.py\", {caller}\n{rest}"
                            ),
                            None => tb,
                        };
                        log(
                            &ix,
                            frame.lane.get(),
                            format!("exception calling callback for {}\n{tb}", me.repr()),
                        );
                    }
                }
            }));
        Ok(Value::None)
    }

    /// Whether the job's outcome is set.
    pub(super) fn done(&self) -> bool {
        self.job.completion.done()
    }

    pub(super) fn state(&self) -> &'static str {
        match self.job.completion.peek() {
            Some(Settled::Raised(e)) if exc::is_instance_of(&e, "CancelledError") => "cancelled",
            Some(_) => "finished",
            None if self.job.lane.get().is_some() || self.marked.get() => "running",
            None => "pending",
        }
    }
}

fn timeout_arg(mut args: Args) -> PyResult<Option<f64>> {
    match args
        .take_kw("timeout")
        .or_else(|| (!args.pos.is_empty()).then(|| args.pos.remove(0)))
    {
        None | Some(Value::None) => Ok(None),
        Some(t) => seconds(&t).map(Some),
    }
}

impl Native for JobFuture {
    fn type_name(&self) -> &str {
        "Future"
    }

    fn repr(&self) -> String {
        let at = address(self);
        match self.job.completion.peek() {
            Some(Settled::Value(v)) => {
                format!(
                    "<Future at {at:#x} state=finished returned {}>",
                    v.type_name()
                )
            }
            Some(Settled::Raised(e)) if self.state() == "finished" => {
                format!(
                    "<Future at {at:#x} state=finished raised {}>",
                    e.type_name()
                )
            }
            _ => format!("<Future at {at:#x} state={}>", self.state()),
        }
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(
            name,
            "result"
                | "exception"
                | "done"
                | "running"
                | "cancelled"
                | "cancel"
                | "add_done_callback"
                | "set_result"
                | "set_exception"
                | "set_running_or_notify_cancel"
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
            "result" => timeout_arg(args)
                .and_then(|t| self.wait(ix, cx, t))
                .and_then(|()| self.outcome())
                .and_then(|r| match r {
                    Settled::Value(v) => Ok(v),
                    Settled::Raised(e) => Err(Unwind::Exc(e)),
                }),
            "exception" => timeout_arg(args)
                .and_then(|t| self.wait(ix, cx, t))
                .and_then(|()| self.outcome())
                .map(|r| match r {
                    Settled::Raised(e) => e,
                    Settled::Value(_) => Value::None,
                }),
            "done" => Ok(Value::Bool(self.job.completion.done())),
            "running" => Ok(Value::Bool(self.state() == "running")),
            "cancelled" => Ok(Value::Bool(self.state() == "cancelled")),
            // A queued job can be cancelled; a running or finished one not.
            "cancel" if self.pool.is_none() => Ok(Value::Bool(self.cancel_loop_future(ix))),
            "cancel" => Ok(Value::Bool(match self.state() {
                "pending" => tasks::Cancel::cancel(&*self.job),
                s => s == "cancelled",
            })),
            "add_done_callback" => self.add_done_callback(ix, cx, args),
            "set_result" => one_arg(name, args).and_then(|v| self.set(Settled::Value(v))),
            "set_exception" => one_arg(name, args).and_then(|e| {
                if exc::state(&e).is_none() {
                    return Err(exc::unsupported(format!(
                        "concurrent.futures.Future.set_exception() of {} (not an exception \
                         instance)",
                        e.type_name()
                    )));
                }
                self.set(Settled::Raised(e))
            }),
            "set_running_or_notify_cancel" => self.set_running_or_notify_cancel(ix, cx),
            _ => return None,
        })
    }
}

/// What `executor.map` gives: the jobs' results in order.
struct MapResults {
    futures: RefCell<VecDeque<Rc<JobFuture>>>,
    /// The deadline of `timeout=`, on the loop's clock.
    end: Option<f64>,
}

impl Native for MapResults {
    fn type_name(&self) -> &str {
        "generator"
    }

    fn repr(&self) -> String {
        "<generator object Executor.map.<locals>.result_iterator>".into()
    }

    fn is_iterator(&self) -> bool {
        true
    }

    fn next(self: Rc<Self>, ix: &Rc<Interp>, cx: &Frame) -> Option<PyResult<Option<Value>>> {
        let next = self.futures.borrow_mut().pop_front();
        let Some(f) = next else {
            return Some(Ok(None));
        };
        let timeout = self.end.map(|end| end - ix.clock_now());
        let r = f
            .wait(ix, cx, timeout)
            .and_then(|()| f.outcome())
            .and_then(|r| match r {
                Settled::Value(v) => Ok(Some(v)),
                Settled::Raised(e) => Err(Unwind::Exc(e)),
            });
        if r.is_err() {
            // As CPython's generator does on its way out: the jobs still
            // queued never run.
            let rest: Vec<_> = self.futures.borrow_mut().drain(..).collect();
            for rest in rest {
                if rest.state() == "pending" {
                    tasks::Cancel::cancel(&*rest.job);
                }
            }
        }
        Some(r)
    }
}

/// `asyncio.wrap_future(future)`: an asyncio future of the loop that takes
/// the job future's outcome one round after it is set (a future of the
/// loop already is returned as it is).
pub fn wrap_future(mut args: Args) -> PyResult<Value> {
    let _ = args.take_kw("loop");
    let Some(source) = args.pos.pop() else {
        return Err(type_error(
            "wrap_future() missing 1 required positional argument: 'future'",
        ));
    };
    if downcast::<FutureObj>(&source).is_some() || downcast::<tasks::TaskObj>(&source).is_some() {
        return Ok(source);
    }
    let Some(job) = downcast::<JobFuture>(&source) else {
        return Err(error(
            "AssertionError",
            format!(
                "concurrent.futures.Future is expected, got {}",
                source.repr()
            ),
        ));
    };
    let dest_value = tasks::new_future("wrap_future");
    let dest = downcast::<FutureObj>(&dest_value).expect("a future");
    let to = dest.clone();
    job.job
        .completion
        .on_done_unobserved(Box::new(move |r: &Settled| {
            let r = r.clone();
            crate::engine::py::modules::asyncio::taskgroups::call_soon(move || {
                if !to.completion.done() {
                    to.completion.settle(r);
                }
            });
        }));
    // A cancel of the wrapping future cancels the job if it still queues.
    let from = job.clone();
    dest.completion
        .on_done_unobserved(Box::new(move |r: &Settled| {
            if matches!(r, Settled::Raised(e) if exc::is_instance_of(e, "CancelledError"))
                && from.state() == "pending"
            {
                tasks::Cancel::cancel(&*from.job);
            }
        }));
    Ok(dest_value)
}
