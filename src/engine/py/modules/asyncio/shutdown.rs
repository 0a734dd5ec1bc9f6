//! What CPython 3.11's `Runner.close` (the end of `asyncio.run`) does once
//! the main coroutine is done, round by round:
//!
//! 1. `_cancel_all_tasks`: the tasks left are cancelled and the loop runs
//!    `gather(*tasks, return_exceptions=True)` to its end;
//! 2. `run_until_complete(loop.shutdown_asyncgens())`: a task closes the
//!    async generators still suspended;
//! 3. `run_until_complete(loop.shutdown_default_executor())`: a task that
//!    has nothing to wait for;
//! 4. `loop.close()`: a task still pending never runs again, and asyncio
//!    reports it as destroyed pending.
//!
//! Each `run_until_complete` stops the loop in the round its done-callback
//! runs, so a task the shutdown does not wait for (one an `except
//! CancelledError` block made, the one closing an async generator dropped
//! meanwhile) gets only the rounds these steps take. The engine's loop is
//! Tokio's run queue: the runner yields once where CPython schedules the
//! next callback of the shutdown, and stops where that callback stops the
//! loop.

use super::base_events::{log, report_shutdown_error};
use super::events::Loop;
use super::tasks::{Cancel, TaskObj};
use crate::engine::py::vm::asyncgen;
use crate::engine::py::vm::interp::{Frame, Interp};
use crate::engine::runtime::yield_now;
use std::rc::Rc;

/// The shutdown of a loop that `asyncio.run` or `Runner.close` ends: steps
/// 1 to 3 of the module docs, on the running loop.
pub async fn shut_down(ix: &Interp, cx: &Frame, lp: &Loop) {
    cancel_all_tasks(ix, lp).await;
    // `shutdown_asyncgens()`: its task's first step is one round on; with
    // generators to close it gathers their `aclose()` tasks (the last one's
    // end wakes the runner where the gather's done-callback runs), and its
    // wake-up is one round after that callback.
    new_task(ix);
    yield_now().await;
    if asyncgen::shutdown(ix, cx).await {
        yield_now().await;
    }
    // Its done-callback stops the loop.
    yield_now().await;
    // `shutdown_default_executor()`: one step, then the done-callback.
    new_task(ix);
    yield_now().await;
    yield_now().await;
}

/// CPython's `runners._cancel_all_tasks`, on the running loop: cancels the
/// tasks not done and runs the loop until each has ended (its `except
/// CancelledError` and `finally` blocks run); a task that ended with
/// another exception is logged as "unhandled exception during
/// asyncio.run() shutdown". With no task left, the loop does not run.
pub async fn cancel_all_tasks(ix: &Interp, lp: &Loop) {
    let left: Vec<Rc<TaskObj>> = ix
        .tasks
        .borrow()
        .iter()
        .filter(|t| !t.done() && (on(t, lp) || t.lp.borrow().is_none()))
        .cloned()
        .collect();
    if left.is_empty() {
        return;
    }
    for t in &left {
        t.cancel();
    }
    // Woken by the last task's end, where the gather's done-callback runs;
    // the gather's own done-callback, one round on, stops the loop.
    for t in &left {
        t.completion.wait().await;
    }
    yield_now().await;
    for t in &left {
        report_shutdown_error(ix, t);
    }
}

/// A task the shutdown makes (`run_until_complete` of a coroutine): it
/// takes a `Task-N` name, as CPython's does, though it has no lane.
fn new_task(ix: &Interp) {
    ix.task_counter.set(ix.task_counter.get() + 1);
}

/// `loop.close()` after the shutdown: every task still pending is
/// destroyed, and asyncio's `Task.__del__` logs it. A task whose next step
/// was already scheduled is freed as the loop drops its ready callbacks,
/// so at once; one that waits on a future is held by a reference cycle
/// with it, and freed by the garbage collector, at the exit (its coroutine
/// closed first, so shown done). Each is woken, to drop its coroutine on
/// the round the closer then yields, while no loop runs.
pub async fn destroy_pending(ix: &Interp, cx: &Frame, lp: &Loop) {
    destroy(ix, cx, lp);
    yield_now().await;
}

/// [`destroy_pending`] where the closer cannot yield (`loop.close()`): the
/// tasks drop their coroutines when next woken.
pub fn destroy(ix: &Interp, cx: &Frame, lp: &Loop) {
    lp.closed.set(true);
    let left_here = |t: &TaskObj| !t.done() && on(t, lp);
    let left: Vec<Rc<TaskObj>> = ix
        .tasks
        .borrow()
        .iter()
        .filter(|t| left_here(t))
        .cloned()
        .collect();
    // Gone: no later loop's `all_tasks()` lists them.
    ix.tasks.borrow_mut().retain(|t| !left_here(t));
    for t in left {
        let scheduled = t.step_scheduled();
        let Ok(repr) = super::base_tasks::destroyed_repr(ix, cx, &t, !scheduled) else {
            continue;
        };
        let text = format!("Task was destroyed but it is pending!\ntask: {repr}");
        if scheduled {
            log(ix, t.lane, text);
        } else {
            ix.destroyed_at_exit.borrow_mut().push((t.lane, text));
        }
        if let Some(w) = t.waker.borrow().as_ref() {
            w.wake_by_ref();
        }
    }
}

/// Whether the task runs on this loop (CPython's `all_tasks(loop)`).
fn on(t: &TaskObj, lp: &Loop) -> bool {
    t.lp.borrow()
        .as_ref()
        .is_some_and(|l| std::ptr::eq(Rc::as_ptr(l), lp))
}

/// Logs the tasks [`destroy_pending`] left to the garbage collector, as the
/// interpreter's exit collects them.
pub fn report_destroyed_at_exit(ix: &Interp) {
    let left = std::mem::take(&mut *ix.destroyed_at_exit.borrow_mut());
    for (lane, text) in left {
        log(ix, lane, text);
    }
}
