//! `asyncio.run_coroutine_threadsafe(coro, loop)` from an executor's job
//! (or the loop's own code), as CPython's `asyncio/tasks.py` and
//! `futures._chain_future` do it: the job hands the loop a callback (at the
//! job's time; from the loop's code, a `call_soon`) that makes a task of
//! the coroutine and chains it to the `concurrent.futures.Future` the call
//! gives. The task's end settles that future a round later (a
//! done-callback); a cancel of the future cancels the task (handed over
//! from the job, or scheduled by the loop when the future was cancelled
//! before the task was made).

use super::future::JobFuture;
use crate::engine::py::modules::asyncio::base_events::is_coroutine;
use crate::engine::py::modules::asyncio::taskgroups::call_soon;
use crate::engine::py::modules::asyncio::tasks::{self, Cancel, FutureObj, Settled, TaskObj};
use crate::engine::py::types::exc::{self, PyResult, type_error};
use crate::engine::py::types::native::{Args, downcast};
use crate::engine::py::types::value::Value;
use crate::engine::py::vm::interp::Interp;
use std::rc::Rc;

/// `asyncio.run_coroutine_threadsafe(coro, loop)`.
pub fn run_coroutine_threadsafe(ix: &Interp, mut args: Args) -> PyResult<Value> {
    let loop_arg = args.take_kw("loop");
    let coro_arg = args.take_kw("coro");
    if let Some((k, _)) = args.kw.first() {
        return Err(type_error(format!(
            "run_coroutine_threadsafe() got an unexpected keyword argument '{k}'"
        )));
    }
    let mut pos = args.pos.into_iter();
    let coro = coro_arg.or_else(|| pos.next());
    let lp = loop_arg.or_else(|| pos.next());
    let (Some(coro), Some(_)) = (coro, lp) else {
        return Err(type_error(
            "run_coroutine_threadsafe() missing 1 required positional argument: 'loop'",
        ));
    };
    if !is_coroutine(&coro) {
        return Err(type_error("A coroutine object is required"));
    }
    let future_value = tasks::new_future("run_coroutine_threadsafe");
    let future = downcast::<FutureObj>(&future_value).expect("a future");
    let handle = Rc::new(JobFuture::new(future.clone(), None));
    let chained = handle.clone();
    let chain = Box::new(move |ix: &Rc<Interp>| chain(ix, &chained, coro));
    if let Err(chain) = ix.job_hand_over(chain) {
        // From the loop's own code, its `call_soon_threadsafe` is a
        // `call_soon`.
        if !ix.running.get() {
            return Err(exc::unsupported(
                "asyncio.run_coroutine_threadsafe() where no event loop runs (call it from an \
                 executor's job, as from another thread)",
            ));
        }
        let ix = ix.rc();
        call_soon(move || chain(&ix));
    }
    Ok(Value::Native(handle))
}

/// The loop's side: a task of the coroutine, whose end settles `to` a
/// round later; a task for a future cancelled already is cancelled a round
/// later.
fn chain(ix: &Rc<Interp>, to: &Rc<JobFuture>, coro: Value) {
    let frame = ix.root_frame(ix.module_task.clone(), 0);
    let task = match ix.spawn_task(&frame, coro, None) {
        Ok(task) => task,
        Err(crate::engine::py::types::exc::Unwind::Exc(e)) => {
            to.job.completion.settle(Settled::Raised(e));
            return;
        }
        Err(_) => return,
    };
    *to.source.borrow_mut() = Some(task.clone());
    if to.job.completion.done() {
        cancel_soon(task.clone());
    }
    let dest = to.job.clone();
    let source = task.clone();
    task.completion
        .on_done_unobserved(Box::new(move |r: &Settled| {
            let r = r.clone();
            call_soon(move || {
                // Read, as `_copy_future_state` reads it: never "never retrieved".
                let _ = source.completion.result();
                dest.completion.settle(r);
            });
        }));
}

/// Cancels the task a round later (`call_soon_threadsafe(source.cancel)`).
fn cancel_soon(task: Rc<TaskObj>) {
    call_soon(move || {
        task.cancel();
    });
}

impl JobFuture {
    /// `cancel()` of a future of the loop's coroutine: it is cancelled
    /// unless done, and so is its task, once the loop has it (handed over
    /// at the job's time from a job).
    pub(super) fn cancel_loop_future(&self, ix: &Interp) -> bool {
        if self.job.completion.done() {
            return self.state() == "cancelled";
        }
        self.job.cancel();
        if let Some(task) = self.source.borrow().clone() {
            let call = Box::new(move |_: &Rc<Interp>| {
                task.cancel();
            });
            if let Err(call) = ix.job_hand_over(call) {
                let ix = ix.rc();
                call_soon(move || call(&ix));
            }
        }
        true
    }
}
