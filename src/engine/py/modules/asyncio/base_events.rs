//! CPython's `asyncio/base_events.py`: running a loop (`run_until_complete`,
//! `run_forever`), scheduling callbacks (`call_soon`, `call_later`,
//! `call_at`, done-callbacks) and the loop's default exception handler,
//! which logs a failed callback or a task exception nobody retrieved.
//!
//! A callback is a one-shot Tokio task, so it takes its turn in the run
//! queue behind what is already ready, as a handle appended to CPython's
//! `_ready` does; a timer's callback runs in the round its timer fires,
//! with no extra round (CPython runs due timers' handles directly).

use super::events::{Handle, Loop, start_running, stop_running};
use super::format_helpers::format_callback;
use super::gather::Gathering;
use super::tasks::{Completion, FutureObj, Settled, TaskObj, Waitable};
use crate::engine::events::{EventKind, LaneId};
use crate::engine::py::types::exc::{self, PyResult, Unwind, error, type_error};
use crate::engine::py::types::native::{Args, downcast};
use crate::engine::py::types::ops;
use crate::engine::py::types::value::Value;
use crate::engine::py::vm::coro::Coroutine;
use crate::engine::py::vm::interp::{Frame, Interp};
use crate::engine::runtime::yield_now;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::task::Poll;

/// `loop.call_soon(callback, *args, context=None)` (and
/// `call_soon_threadsafe`, the same on one thread).
pub fn call_soon(
    ix: &Rc<Interp>,
    cx: &Frame,
    lp: &Rc<Loop>,
    method: &str,
    mut args: Args,
) -> PyResult<Value> {
    let _ = args.take_kw("context");
    no_keywords(method, &args)?;
    if args.pos.is_empty() {
        return Err(type_error(format!(
            "BaseEventLoop.{method}() missing 1 required positional argument: 'callback'"
        )));
    }
    let cb = args.pos.remove(0);
    check_callback(ix, cx, &cb, method)?;
    let handle = Rc::new(Handle {
        shown: format_callback(ix, cx, &cb, &args.pos)?,
        cancelled: Cell::new(false),
        when: None,
        abort: RefCell::new(None),
    });
    if method == "call_soon_threadsafe" {
        // From a job, the callback is handed over at the job's time.
        let h = handle.clone();
        let (cb, args) = (cb.clone(), args.pos.clone());
        let call = Box::new(move |ix: &Rc<Interp>| {
            if !h.cancelled.get() {
                let seq = next_seq(ix);
                run_callback(ix, &h, &cb, args, seq);
            }
        });
        if ix.job_hand_over(call).is_ok() {
            return Ok(Value::Native(handle));
        }
    }
    schedule(ix, lp, handle.clone(), cb, args.pos, None);
    Ok(Value::Native(handle))
}

/// `loop.call_later(delay, callback, *args)` and
/// `loop.call_at(when, callback, *args)`.
pub fn call_later(
    ix: &Rc<Interp>,
    cx: &Frame,
    lp: &Rc<Loop>,
    method: &str,
    mut args: Args,
) -> PyResult<Value> {
    let _ = args.take_kw("context");
    no_keywords(method, &args)?;
    let first = if method == "call_at" { "when" } else { "delay" };
    if args.pos.len() < 2 {
        let missing = if args.pos.is_empty() {
            format!("2 required positional arguments: '{first}' and 'callback'")
        } else {
            "1 required positional argument: 'callback'".into()
        };
        return Err(type_error(format!(
            "BaseEventLoop.{method}() missing {missing}"
        )));
    }
    let t = args.pos.remove(0);
    let cb = args.pos.remove(0);
    let t = ops::float(&t).ok_or_else(|| {
        type_error(format!(
            "unsupported operand type(s) for +: 'float' and '{}'",
            t.type_name()
        ))
    })?;
    check_callback(ix, cx, &cb, method)?;
    let now = super::events::loop_time(ix, lp);
    let when = if method == "call_at" { t } else { now + t };
    let handle = Rc::new(Handle {
        shown: format_callback(ix, cx, &cb, &args.pos)?,
        cancelled: Cell::new(false),
        when: Some(when),
        abort: RefCell::new(None),
    });
    schedule(ix, lp, handle.clone(), cb, args.pos, Some(when));
    Ok(Value::Native(handle))
}

fn no_keywords(method: &str, args: &Args) -> PyResult<()> {
    match args.kw.first() {
        Some((k, _)) => Err(type_error(format!(
            "BaseEventLoop.{method}() got an unexpected keyword argument '{k}'"
        ))),
        None => Ok(()),
    }
}

/// CPython's `_check_callback`.
fn check_callback(ix: &Interp, cx: &Frame, cb: &Value, method: &str) -> PyResult<()> {
    let coroutine_function = matches!(cb, Value::Function(f) if f.code.is_async);
    if coroutine_function || downcast::<Coroutine>(cb).is_some() {
        return Err(type_error(format!(
            "coroutines cannot be used with {method}()"
        )));
    }
    if !crate::engine::py::builtins::is_callable(cb) {
        return Err(type_error(format!(
            "a callable object was expected by {method}(), got {}",
            ix.repr(cx, cb)?
        )));
    }
    Ok(())
}

/// Schedules the callback as a one-shot task: at once, or when its timer
/// fires. It waits for the next run of its loop if the loop is not running
/// (or is stopping and the callback came too late for this run).
fn schedule(
    ix: &Rc<Interp>,
    lp: &Rc<Loop>,
    handle: Rc<Handle>,
    cb: Value,
    args: Vec<Value>,
    when: Option<f64>,
) {
    let ix = ix.clone();
    let lp = lp.clone();
    let h = handle.clone();
    let seq = Cell::new(next_seq(&ix));
    let job = tokio::task::spawn_local(async move {
        if let Some(when) = when {
            let at = ix.timer_at(when);
            ix.shared.timer_until(at, when).await;
            // Ready now: in CPython the timer's handle joins `_ready` at
            // the start of this iteration.
            seq.set(next_seq(&ix));
        }
        lp.turn(seq.get()).await;
        lp.wake_deferred();
        if h.cancelled.get() {
            return;
        }
        *h.abort.borrow_mut() = None;
        if let Some(when) = when {
            ix.set_vclock(when);
        }
        run_callback(&ix, &h, &cb, args, seq.get());
    });
    if when.is_some() {
        *handle.abort.borrow_mut() = Some(job.abort_handle());
    }
}

fn next_seq(ix: &Interp) -> u64 {
    let n = ix.loops.handle_seq.get();
    ix.loops.handle_seq.set(n + 1);
    n
}

/// Runs a callback outside any task; an exception it raises goes to the
/// loop's exception handler (logged, the run goes on), as CPython's
/// `Handle._run` does.
fn run_callback(ix: &Rc<Interp>, h: &Handle, cb: &Value, args: Vec<Value>, seq: u64) {
    let frame = ix.root_frame(ix.module_task.clone(), 0);
    ix.loops.running_handle.set(Some(seq));
    let r = ix.call(&frame, cb, Args::positional(args));
    ix.loops.running_handle.set(None);
    match r {
        Ok(_) | Err(Unwind::Abort) => {}
        Err(Unwind::Limit(reason)) => {
            let _ = ix.abort(reason);
        }
        Err(Unwind::Exc(e)) => {
            let tb = crate::engine::py::traceback(&ix.program, &e);
            let kind = if h.when.is_some() {
                "TimerHandle"
            } else {
                "Handle"
            };
            let when = h
                .when
                .map(|w| format!(" when={}", Value::Float(w).repr()))
                .unwrap_or_default();
            log(
                ix,
                0,
                format!(
                    "Exception in callback {shown}\nhandle: <{kind}{when} {shown}>\n{}",
                    with_run_frame(&tb),
                    shown = h.shown,
                ),
            );
        }
    }
}

/// The traceback of an exception raised by a callback, with the frame of
/// CPython's `Handle._run` that called it (its file named as inside the
/// `asyncio` package: the installation's path differs from system to
/// system).
fn with_run_frame(tb: &str) -> String {
    const HEAD: &str = "Traceback (most recent call last):\n";
    const RUN: &str = "  File \"asyncio/events.py\", line 80, in _run\n    \
                       self._context.run(self._callback, *self._args)\n";
    match tb.rfind(HEAD) {
        Some(i) => format!("{}{HEAD}{RUN}{}", &tb[..i], &tb[i + HEAD.len()..]),
        None => tb.to_string(),
    }
}

/// Writes what asyncio's logger writes to stderr, as an event of the run,
/// on the lane of the task it concerns (lane 0 when it concerns none).
pub fn log(ix: &Interp, lane: LaneId, text: String) {
    ix.shared.emit(lane, None, EventKind::Logged { text });
}

/// `fut.add_done_callback(fn)`: `fn(fut)` is scheduled with `call_soon`
/// when the future is done, behind what is already ready.
pub fn add_done_callback(
    ix: &Rc<Interp>,
    cx: &Frame,
    c: &Completion,
    me: Value,
    mut args: Args,
) -> PyResult<Value> {
    let _ = args.take_kw("context");
    let cb = match (args.pos.len(), args.kw.first()) {
        (_, Some((k, _))) => {
            return Err(type_error(format!(
                "add_done_callback() got an unexpected keyword argument '{k}'"
            )));
        }
        (1, None) => args.pos.pop().expect("one"),
        (n, None) => {
            return Err(type_error(format!(
                "add_done_callback() takes exactly one argument ({n} given)"
            )));
        }
    };
    let ix2 = ix.clone();
    let frame = ix.root_frame(ix.module_task.clone(), 0);
    frame.stmt.set(cx.stmt.get());
    let live = Rc::new(Cell::new(true));
    if !c.done() {
        c.user_callbacks
            .borrow_mut()
            .get_or_insert_with(Default::default)
            .push((cb.clone(), live.clone()));
    }
    c.on_done_unobserved(Box::new(move |_| {
        let ix = ix2;
        if !live.replace(false) {
            return;
        }
        let Some(lp) = ix
            .loops
            .running
            .borrow()
            .clone()
            .or_else(|| ix.loops.current.borrow().clone())
        else {
            return;
        };
        let shown = format_callback(&ix, &frame, &cb, std::slice::from_ref(&me))
            .unwrap_or_else(|_| "<callback>".into());
        let handle = Rc::new(Handle {
            shown,
            cancelled: Cell::new(false),
            when: None,
            abort: RefCell::new(None),
        });
        schedule(&ix, &lp, handle, cb, vec![me], None);
    }));
    Ok(Value::None)
}

/// `fut.remove_done_callback(fn)`: how many times `fn` was added and not
/// yet run.
pub fn remove_done_callback(c: &Completion, mut args: Args) -> PyResult<Value> {
    let f = match (args.pos.pop(), args.pos.is_empty() && args.kw.is_empty()) {
        (Some(f), true) => f,
        (n, _) => {
            return Err(type_error(format!(
                "remove_done_callback() takes exactly one argument ({} given)",
                args.pos.len() + args.kw.len() + usize::from(n.is_some())
            )));
        }
    };
    let mut removed = 0;
    let mut added = c.user_callbacks.borrow_mut();
    added
        .get_or_insert_with(Default::default)
        .retain(|(g, live)| {
            if live.get() && crate::engine::py::types::value::is_same(g, &f) {
                live.set(false);
                removed += 1;
            }
            live.get()
        });
    Ok(Value::Int(removed))
}

/// "Task exception was never retrieved", for each task that failed and
/// whose exception nobody read: CPython logs it when the task is collected,
/// the engine when its loop closes (or the run ends).
pub fn report_unretrieved(ix: &Interp) {
    let tasks: Vec<Rc<TaskObj>> = ix.tasks.borrow().clone();
    for t in tasks {
        let Some(Settled::Raised(e)) = t.completion.peek() else {
            continue;
        };
        if t.completion.observed() || exc::is_instance_of(&e, "CancelledError") {
            continue;
        }
        // Once: the report counts as a read.
        let _ = t.completion.result();
        log_task_error(ix, "Task exception was never retrieved\nfuture", &t, &e);
    }
}

/// `_cancel_all_tasks`' report of a task that ended with an exception other
/// than its cancel.
pub fn report_shutdown_error(ix: &Interp, t: &TaskObj) {
    let Some(Settled::Raised(e)) = t.completion.result() else {
        return;
    };
    if exc::is_instance_of(&e, "CancelledError") {
        return;
    }
    log_task_error(
        ix,
        "unhandled exception during asyncio.run() shutdown\ntask",
        t,
        &e,
    );
}

/// Logs `{head}: <Task finished ...>` and the exception's traceback, as
/// the loop's default exception handler does.
fn log_task_error(ix: &Interp, head: &str, t: &TaskObj, e: &Value) {
    let root = ix.root_frame(ix.module_task.clone(), 0);
    let task = super::base_tasks::task_repr(ix, &root, t).unwrap_or_default();
    log(
        ix,
        t.lane,
        format!(
            "{head}: {task}\n{}",
            crate::engine::py::traceback(&ix.program, e)
        ),
    );
}

/// `loop.run_until_complete(future)`: runs the loop until the future (a
/// coroutine is wrapped in a task) is done, and gives its result.
pub async fn run_until_complete(
    ix: &Interp,
    cx: &Frame,
    lp: Rc<Loop>,
    mut args: Args,
) -> PyResult<Value> {
    check_can_run(ix, &lp)?;
    let aw = match (args.pos.pop(), args.pos.is_empty()) {
        (Some(aw), true) => aw,
        (None, _) => {
            return Err(type_error(
                "BaseEventLoop.run_until_complete() missing 1 required positional argument: 'future'",
            ));
        }
        (Some(_), false) => {
            return Err(type_error(format!(
                "BaseEventLoop.run_until_complete() takes 2 positional arguments but {} were given",
                args.pos.len() + 2
            )));
        }
    };
    let fut: Rc<dyn Waitable> = if let Some(t) = downcast::<TaskObj>(&aw) {
        t
    } else if let Some(f) = downcast::<FutureObj>(&aw) {
        f
    } else if let Some(g) = downcast::<Gathering>(&aw) {
        g
    } else if is_coroutine(&aw) {
        let task = ix.spawn_task(cx, aw, None)?;
        task.lp.replace(Some(lp.clone()));
        task
    } else {
        return Err(type_error(
            "An asyncio.Future, a coroutine or an awaitable is required",
        ));
    };
    start_running(ix, &lp);
    let done = {
        let mut finished = std::pin::pin!(fut.completion().wait());
        std::future::poll_fn(|c| {
            if lp.stopping.get() {
                return Poll::Ready(false);
            }
            if finished.as_mut().poll(c).is_ready() {
                return Poll::Ready(true);
            }
            *lp.waker.borrow_mut() = Some(c.waker().clone());
            Poll::Pending
        })
        .await
    };
    if done {
        // The done-callback that stops the loop runs one round later, and
        // the loop ends that round.
        yield_now().await;
    }
    while lp.turns_left() {
        yield_now().await;
    }
    stop_running(ix, &lp);
    match fut.completion().result() {
        Some(r) => match fut.retrieve(r) {
            Settled::Value(v) => Ok(v),
            Settled::Raised(e) => Err(Unwind::Exc(e)),
        },
        None => Err(error(
            "RuntimeError",
            "Event loop stopped before Future completed.",
        )),
    }
}

/// `loop.run_forever()`: runs the loop until `loop.stop()`.
pub async fn run_forever(ix: &Interp, lp: Rc<Loop>, args: Args) -> PyResult<Value> {
    if !args.pos.is_empty() || !args.kw.is_empty() {
        return Err(type_error(format!(
            "BaseEventLoop.run_forever() takes 1 positional argument but {} were given",
            args.pos.len() + args.kw.len() + 1
        )));
    }
    check_can_run(ix, &lp)?;
    start_running(ix, &lp);
    // At least one iteration, even when `stop()` came first.
    yield_now().await;
    std::future::poll_fn(|c| {
        if lp.stopping.get() && !lp.turns_left() {
            Poll::Ready(())
        } else if lp.stopping.get() {
            c.waker().wake_by_ref();
            Poll::Pending
        } else {
            *lp.waker.borrow_mut() = Some(c.waker().clone());
            Poll::Pending
        }
    })
    .await;
    stop_running(ix, &lp);
    Ok(Value::None)
}

/// CPython's `_check_closed` and `_check_running`.
pub fn check_can_run(ix: &Interp, lp: &Loop) -> PyResult<()> {
    if lp.closed.get() {
        return Err(error("RuntimeError", "Event loop is closed"));
    }
    if lp.running.get() {
        return Err(error("RuntimeError", "This event loop is already running"));
    }
    if ix.running.get() {
        return Err(error(
            "RuntimeError",
            "Cannot run the event loop while another loop is running",
        ));
    }
    Ok(())
}

impl Interp {
    /// `loop.create_task(coro)`: a task of no parent task, which starts
    /// when the loop next runs.
    pub fn spawn_task(&self, cx: &Frame, aw: Value, name: Option<Value>) -> PyResult<Rc<TaskObj>> {
        let parent = (!Rc::ptr_eq(&cx.task(), &self.module_task)).then(|| cx.lane.get());
        self.create_task_under(cx, aw, name, parent)
    }
}

/// A future's state as its repr shows it: `pending`, `cancelled`,
/// `finished result=[1, 2]`, `finished exception=KeyError('k')`.
pub fn future_state(c: &Completion) -> String {
    match c.peek() {
        None => "pending".into(),
        Some(Settled::Raised(e)) if exc::is_instance_of(&e, "CancelledError") => "cancelled".into(),
        Some(Settled::Raised(e)) => format!("finished exception={}", e.repr()),
        Some(Settled::Value(v)) => format!("finished result={}", v.repr()),
    }
}

/// `asyncio.iscoroutine(v)`: a coroutine of the program or of asyncio
/// (`asyncio.sleep(1)`).
pub fn is_coroutine(v: &Value) -> bool {
    matches!(v, Value::Native(n) if n.type_name() == "coroutine")
}

/// The tool's note (not CPython's: CPython says nothing) for a program
/// that defines coroutines and never ran an event loop: they never ran.
pub fn note_no_loop(ix: &Interp) {
    if ix.loops.ever_ran.get() {
        return;
    }
    let mut coroutine = None;
    crate::program::walk(&ix.program.module.body, &mut |s| {
        if let crate::program::StmtKind::Def { code, .. } = &s.kind
            && code.is_async
            && coroutine.is_none()
        {
            coroutine = Some(code.name.clone());
        }
    });
    if let Some(name) = coroutine {
        log(
            ix,
            0,
            format!(
                "note: the program never started an event loop, so no coroutine ran \
                 (run one with `asyncio.run({name}())`)"
            ),
        );
    }
}
