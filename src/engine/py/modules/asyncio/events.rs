//! CPython's `asyncio/events.py`: the event loop object, which loop is the
//! current one and which one runs (`get_event_loop`, `set_event_loop`,
//! `new_event_loop`, `get_running_loop`), and the `Handle` and
//! `TimerHandle` that `call_soon` and `call_later` return.

use super::base_events;
use super::tasks;
use crate::engine::py::types::exc::{PyResult, error, type_error};
use crate::engine::py::types::native::{Args, Native};
use crate::engine::py::types::value::Value;
use crate::engine::py::vm::interp::{Frame, Interp};
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;
use std::task::{Poll, Waker};

/// The run's event loops: the one `set_event_loop` made current and the one
/// running now.
#[derive(Default)]
pub struct Loops {
    /// The current loop (`get_event_loop()` outside a running loop).
    pub current: RefCell<Option<Rc<Loop>>>,
    /// The loop running now.
    pub running: RefCell<Option<Rc<Loop>>>,
    /// The virtual clock while no loop runs (prints are stamped `t=0`
    /// then, and `time.perf_counter()` reads 0, as in the harness): the
    /// next run goes on from it, as `time.monotonic()` does.
    pub clock: Cell<f64>,
    /// Callbacks are numbered as they are scheduled (see [`Loop::stop`]).
    pub handle_seq: Cell<u64>,
    /// A loop ran at some point of the run.
    pub ever_ran: Cell<bool>,
    /// The number of the callback running now.
    pub running_handle: Cell<Option<u64>>,
}

/// An event loop: `asyncio.new_event_loop()`, the one `asyncio.run` makes,
/// or the one `get_event_loop()` makes on first use.
#[derive(Default)]
pub struct Loop {
    pub closed: Cell<bool>,
    pub running: Cell<bool>,
    /// `stop()` was called: the loop ends after the callbacks of this
    /// iteration. Callbacks numbered from `stop_cutoff` on wait for the
    /// next run.
    pub stopping: Cell<bool>,
    pub stop_cutoff: Cell<u64>,
    /// The waker of `run_forever`/`run_until_complete`, for `stop()`.
    pub waker: RefCell<Option<Waker>>,
    /// Callbacks that wait for their turn, by number: scheduled for a
    /// later run, or behind such a callback (they run in the order they
    /// were scheduled).
    pub deferred: RefCell<BTreeMap<u64, Waker>>,
}

impl Loop {
    /// A new loop, not running, not closed.
    pub fn new() -> Rc<Loop> {
        Rc::new(Loop::default())
    }

    /// `loop.stop()`: the loop ends once the callbacks already ready have
    /// run. As CPython's, a callback scheduled by the callback that stops
    /// the loop waits for the next run.
    pub fn stop(&self, ix: &Interp) {
        if !self.stopping.replace(true) {
            // From a callback: what it scheduled waits; from a task or
            // before the run: what comes after the call.
            let cutoff = match ix.loops.running_handle.get() {
                Some(seq) if self.running.get() => seq + 1,
                _ => ix.loops.handle_seq.get(),
            };
            self.stop_cutoff.set(cutoff);
        }
        if let Some(w) = self.waker.borrow().as_ref() {
            w.wake_by_ref();
        }
    }

    /// Whether the callback numbered `seq` may run now.
    pub fn may_run(&self, seq: u64) -> bool {
        self.running.get() && !(self.stopping.get() && seq >= self.stop_cutoff.get())
    }

    /// Waits until the callback numbered `seq` may run and every callback
    /// scheduled before it that waits has run.
    pub async fn turn(&self, seq: u64) {
        std::future::poll_fn(|c| {
            let behind = self.deferred.borrow().range(..seq).next().is_some();
            if self.may_run(seq) && !behind {
                self.deferred.borrow_mut().remove(&seq);
                Poll::Ready(())
            } else {
                self.deferred.borrow_mut().insert(seq, c.waker().clone());
                Poll::Pending
            }
        })
        .await
    }

    /// Wakes the callbacks that wait, in the order they were scheduled.
    pub fn wake_deferred(&self) {
        let wakers: Vec<Waker> = self.deferred.borrow().values().cloned().collect();
        for w in wakers {
            w.wake();
        }
    }

    /// Whether a callback that belongs to this run still waits its turn.
    pub fn turns_left(&self) -> bool {
        self.deferred
            .borrow()
            .keys()
            .next()
            .is_some_and(|&seq| self.may_run(seq))
    }

    fn check_closed(&self) -> PyResult<()> {
        if self.closed.get() {
            return Err(error("RuntimeError", "Event loop is closed"));
        }
        Ok(())
    }

    /// `loop.close()`.
    fn close(&self, ix: &Interp) -> PyResult<Value> {
        if self.running.get() {
            return Err(error("RuntimeError", "Cannot close a running event loop"));
        }
        if !self.closed.get() {
            let frame = ix.root_frame(ix.module_task.clone(), 0);
            super::shutdown::destroy(ix, &frame, self);
            base_events::report_unretrieved(ix);
        }
        Ok(Value::None)
    }
}

/// Which loop `value` is, if it is one.
pub fn as_loop(value: &Value) -> Option<Rc<Loop>> {
    crate::engine::py::types::native::downcast::<Loop>(value)
}

impl Native for Loop {
    fn type_name(&self) -> &str {
        "_UnixSelectorEventLoop"
    }

    fn repr(&self) -> String {
        let py = |b: bool| if b { "True" } else { "False" };
        format!(
            "<_UnixSelectorEventLoop running={} closed={} debug=False>",
            py(self.running.get()),
            py(self.closed.get())
        )
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(
            name,
            "create_future"
                | "create_task"
                | "time"
                | "run_in_executor"
                | "call_soon"
                | "call_soon_threadsafe"
                | "call_later"
                | "call_at"
                | "run_until_complete"
                | "run_forever"
                | "stop"
                | "close"
                | "is_closed"
                | "is_running"
                | "get_debug"
        )
    }

    fn call_method(
        self: Rc<Self>,
        ix: &Rc<Interp>,
        cx: &Frame,
        name: &str,
        mut args: Args,
    ) -> Option<PyResult<Value>> {
        Some(match name {
            "create_future" => Ok(tasks::new_future("future")),
            "create_task" => (|| {
                self.check_closed()?;
                let task_name = args.take_kw("name");
                let coro = args.pos.pop().ok_or_else(|| {
                    type_error("create_task() missing 1 required positional argument: 'coro'")
                })?;
                let task = ix.spawn_task(cx, coro, task_name)?;
                // The loop asked, running or not.
                task.lp.replace(Some(self.clone()));
                Ok(Value::Native(task))
            })(),
            "time" => Ok(Value::Float(loop_time(ix, &self))),
            "run_in_executor" => ix.run_in_executor(cx, args),
            "call_soon" | "call_soon_threadsafe" => self
                .check_closed()
                .and_then(|()| base_events::call_soon(ix, cx, &self, name, args)),
            "call_later" | "call_at" => self
                .check_closed()
                .and_then(|()| base_events::call_later(ix, cx, &self, name, args)),
            "run_until_complete" | "run_forever" => {
                base_events::check_can_run(ix, &self).and_then(|()| {
                    Err(crate::engine::py::types::exc::unsupported(format!(
                        "loop.{name}() in a lambda, a comprehension or a function not called by its name"
                    )))
                })
            }
            "stop" => {
                self.stop(ix);
                Ok(Value::None)
            }
            "close" => self.close(ix),
            "is_closed" => Ok(Value::Bool(self.closed.get())),
            "is_running" => Ok(Value::Bool(self.running.get())),
            "get_debug" => Ok(Value::Bool(false)),
            _ => return None,
        })
    }
}

/// `loop.time()`: the virtual clock, which goes on from run to run.
pub fn loop_time(ix: &Interp, lp: &Loop) -> f64 {
    if lp.running.get() {
        ix.vclock.get()
    } else {
        ix.loops.clock.get().max(ix.vclock.get())
    }
}

/// `asyncio.get_running_loop()`.
pub fn get_running_loop(ix: &Interp) -> PyResult<Value> {
    match ix.loops.running.borrow().as_ref() {
        Some(l) if !ix.in_job() => Ok(Value::Native(l.clone())),
        _ => Err(error("RuntimeError", "no running event loop")),
    }
}

/// `asyncio.get_event_loop()`: the running loop, else the current one,
/// made on first use. CPython 3.11 warns of nothing here (3.12 writes a
/// `DeprecationWarning` when it has to make the loop; 3.14 raises).
pub fn get_event_loop(ix: &Interp) -> PyResult<Value> {
    if ix.in_job() {
        return Err(error(
            "RuntimeError",
            "There is no current event loop in thread 'ThreadPoolExecutor-0_0'.",
        ));
    }
    if let Some(l) = ix.loops.running.borrow().as_ref() {
        return Ok(Value::Native(l.clone()));
    }
    let mut current = ix.loops.current.borrow_mut();
    let l = current.get_or_insert_with(Loop::new).clone();
    Ok(Value::Native(l))
}

/// `asyncio.set_event_loop(loop)`.
pub fn set_event_loop(ix: &Interp, mut args: Args) -> PyResult<Value> {
    let v = args.pos.pop().ok_or_else(|| {
        type_error("set_event_loop() missing 1 required positional argument: 'loop'")
    })?;
    let l = match &v {
        Value::None => None,
        other => Some(as_loop(other).ok_or_else(|| {
            type_error(format!(
                "loop must be an instance of AbstractEventLoop or None, not '{}'",
                other.type_name()
            ))
        })?),
    };
    *ix.loops.current.borrow_mut() = l;
    Ok(Value::None)
}

/// The loop starts running: the clock goes on from where the last run
/// left it.
pub fn start_running(ix: &Interp, lp: &Rc<Loop>) {
    lp.running.set(true);
    ix.loops.ever_ran.set(true);
    if lp.stopping.get() {
        // `stop()` before the run: one iteration, of what is ready now.
        lp.stop_cutoff.set(ix.loops.handle_seq.get());
    }
    *ix.loops.running.borrow_mut() = Some(lp.clone());
    ix.running.set(true);
    ix.loop_closed.set(false);
    let t = ix.loops.clock.get().max(ix.vclock.get());
    ix.vclock.set(t);
    lp.wake_deferred();
}

/// The loop stops running: until the next run, prints are stamped `t=0`
/// and the clocks read 0, as when no loop runs under CPython's harness.
pub fn stop_running(ix: &Interp, lp: &Rc<Loop>) {
    lp.running.set(false);
    lp.stopping.set(false);
    *lp.waker.borrow_mut() = None;
    *ix.loops.running.borrow_mut() = None;
    ix.running.set(false);
    ix.loop_closed.set(true);
    ix.loops
        .clock
        .set(ix.loops.clock.get().max(ix.vclock.get()));
    ix.vclock.set(0.0);
}

/// A callback `call_soon` or `call_later` scheduled: `Handle` and
/// `TimerHandle`.
pub struct Handle {
    /// The callback as CPython's repr shows it: `hello(1)`.
    pub shown: String,
    pub cancelled: Cell<bool>,
    /// The deadline of a `TimerHandle`.
    pub when: Option<f64>,
    /// Ends the timer's wait when it is cancelled.
    pub abort: RefCell<Option<tokio::task::AbortHandle>>,
}

impl Native for Handle {
    fn type_name(&self) -> &str {
        if self.when.is_some() {
            "TimerHandle"
        } else {
            "Handle"
        }
    }

    fn repr(&self) -> String {
        let mut info = vec![self.type_name().to_string()];
        if self.cancelled.get() {
            info.push("cancelled".into());
        }
        if let Some(when) = self.when {
            info.push(format!("when={}", Value::Float(when).repr()));
        }
        if !self.cancelled.get() {
            info.push(self.shown.clone());
        }
        format!("<{}>", info.join(" "))
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(name, "cancel" | "cancelled") || (name == "when" && self.when.is_some())
    }

    fn call_method(
        self: Rc<Self>,
        _ix: &Rc<Interp>,
        _cx: &Frame,
        name: &str,
        _args: Args,
    ) -> Option<PyResult<Value>> {
        Some(match name {
            "cancel" => {
                self.cancelled.set(true);
                if let Some(a) = self.abort.borrow_mut().take() {
                    a.abort();
                }
                Ok(Value::None)
            }
            "cancelled" => Ok(Value::Bool(self.cancelled.get())),
            "when" => Ok(Value::Float(self.when.unwrap_or(0.0))),
            _ => return None,
        })
    }
}
