//! A job's function on a stack of its own (a stackful coroutine), so that
//! it can stop in the middle of a plain function and go on later: a job
//! that waits for the future `asyncio.run_coroutine_threadsafe` gave hands
//! control back to the loop, which runs on while the job waits, as the
//! worker thread of CPython's executor waits in `result()`.
//!
//! The job's state (its clock, what it printed) is installed in
//! [`Executors`](super::executor::Executors) while its function runs and
//! taken out when it stops; no borrow is held across a switch, and the
//! interpreter's call depth is the job's own while it runs.

use super::executor::Job;
use crate::engine::py::modules::asyncio::tasks::FutureObj;
use crate::engine::py::types::exc::{self, PyResult};
use crate::engine::py::types::native::Args;
use crate::engine::py::types::value::Value;
use crate::engine::py::vm::interp::{Frame, Interp};
use corosensei::stack::DefaultStack;
use corosensei::{Coroutine, CoroutineResult, Yielder};
use std::ptr::NonNull;
use std::rc::Rc;

/// A job's stack: as large as the interpreter's own thread's, so that a
/// job reaches the recursion limit (`RecursionError`) before its end.
/// Only the pages it touches are ever committed.
const JOB_STACK: usize = 64 * 1024 * 1024;

/// What a job's function waits for when it hands control to the loop: a
/// future of the loop, for up to `timeout` seconds of the loop's clock.
pub(in crate::engine::py) struct Block {
    pub(super) future: Rc<FutureObj>,
    pub(super) timeout: Option<f64>,
}

/// Where a job's function stopped.
pub(super) enum Step {
    Ended(PyResult<Value>),
    Blocked(Block),
}

/// The yielder a job's function suspends itself with.
pub(super) type Suspend = NonNull<Yielder<(), Block>>;

/// A job's function that has not ended yet, and the job's state.
pub(super) struct JobRun {
    coro: Coroutine<(), Block, PyResult<Value>, DefaultStack>,
    pub(super) job: Option<Job>,
}

impl JobRun {
    /// The call of `func(*args)` from `frame`, not started yet.
    pub(super) fn new(
        ix: &Rc<Interp>,
        frame: Frame,
        func: Value,
        args: Args,
        job: Job,
    ) -> PyResult<JobRun> {
        let stack = DefaultStack::new(JOB_STACK)
            .map_err(|e| exc::limit(format!("a worker's stack could not be made: {e}")))?;
        let ix = ix.clone();
        let coro = Coroutine::with_stack(stack, move |y: &Yielder<(), Block>, ()| {
            if let Some(job) = ix.executors.job.borrow_mut().as_mut() {
                job.suspend = Some(NonNull::from(y));
            }
            ix.call(&frame, &func, args)
        });
        Ok(JobRun {
            coro,
            job: Some(job),
        })
    }

    /// Runs the function until it returns or blocks.
    pub(super) fn step(&mut self, ix: &Interp) -> Step {
        let outer = ix.executors.job.replace(self.job.take());
        let depth = ix.depth.replace(0);
        let r = self.coro.resume(());
        ix.depth.set(depth);
        self.job = ix.executors.job.replace(outer);
        match r {
            CoroutineResult::Yield(block) => Step::Blocked(block),
            CoroutineResult::Return(r) => Step::Ended(r),
        }
    }
}

impl Interp {
    /// Stops the job running now until the loop resumes it, waiting for
    /// `block`'s future; not supported outside a job the loop runs.
    pub(in crate::engine::py) fn job_block(&self, block: Block) -> PyResult<()> {
        let suspend = self.executors.job.borrow().as_ref().and_then(|j| j.suspend);
        let Some(suspend) = suspend else {
            return Err(exc::unsupported(
                "waiting for a concurrent.futures.Future outside an executor's job (the loop \
                 would wait for itself: await `asyncio.wrap_future(f)` instead)",
            ));
        };
        let depth = self.depth.get();
        // SAFETY: the yielder is the one of the coroutine whose stack runs
        // this code (a job's state holds only its own), and it lives as
        // long as that stack; no `RefCell` borrow is held here.
        unsafe { suspend.as_ref() }.suspend(block);
        self.depth.set(depth);
        Ok(())
    }
}
