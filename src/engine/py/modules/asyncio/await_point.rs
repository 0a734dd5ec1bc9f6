//! An await point of a task: where a cancel of the task is raised, and
//! what the task is shown waiting on.

use super::completion::{Cancel, Waitable, unsettle};
use super::tasks::TaskObj;
use crate::engine::events::WaitOn;
use crate::engine::py::types::exc::PyResult;
use crate::engine::py::types::value::Value;
use crate::engine::py::vm::interp::{Frame, Interp};
use pin_project_lite::pin_project;
use std::future::Future;
use std::rc::Rc;
use std::task::Poll;

impl Interp {
    /// Waits on `fut` at an await point of the frame's task: a cancel of
    /// the task raises `CancelledError` here (after passing the cancel to
    /// `waitee`, which may settle `fut` first).
    pub fn suspend<F: Future>(
        &self,
        cx: &Frame,
        waitee: Option<Rc<dyn Cancel>>,
        fut: F,
    ) -> AwaitPoint<F> {
        AwaitPoint {
            task: cx.task(),
            waitee: Some(waitee),
            at_yield: false,
            fut,
        }
    }

    /// [`Interp::suspend`] at a bare yield (`sleep(0)`), where CPython's task
    /// waits on no future.
    pub fn suspend_at_yield<F: Future>(&self, cx: &Frame, fut: F) -> AwaitPoint<F> {
        AwaitPoint {
            task: cx.task(),
            waitee: Some(None),
            at_yield: true,
            fut,
        }
    }

    /// Waits, at an await point, until a task, future or gather settles,
    /// and gives its result (or raises its exception).
    pub(super) async fn await_settled(
        &self,
        cx: &Frame,
        w: Rc<dyn Waitable>,
        on: WaitOn,
    ) -> PyResult<Value> {
        self.shared
            .set_waiting(cx.lane.get(), on, Some(cx.stmt.get()));
        let waitee: Rc<dyn Cancel> = w.clone();
        let r = self
            .suspend(cx, Some(waitee), w.completion().wait())
            .await?;
        unsettle(w.retrieve(r))
    }
}

pin_project! {
    /// An await point (see [`Interp::suspend`]). A plain struct rather than
    /// an `async fn`, which would store the awaited future twice: every
    /// waiting task holds one.
    pub struct AwaitPoint<F> {
        task: Rc<TaskObj>,
        // Set until the first poll, which checks for a cancel already
        // requested and registers what the task waits on.
        waitee: Option<Option<Rc<dyn Cancel>>>,
        at_yield: bool,
        #[pin]
        fut: F,
    }
}

impl<F: Future> Future for AwaitPoint<F> {
    type Output = PyResult<F::Output>;

    fn poll(self: std::pin::Pin<&mut Self>, c: &mut std::task::Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        let task = &*this.task;
        if let Some(waitee) = this.waitee.take() {
            if task.must_cancel.replace(false) {
                return Poll::Ready(Err(task.cancel_error()));
            }
            *task.waitee.borrow_mut() = waitee;
            task.at_yield.set(*this.at_yield);
        }
        if task.must_cancel.get() {
            task.must_cancel.set(false);
            *task.waitee.borrow_mut() = None;
            *task.waker.borrow_mut() = None;
            return Poll::Ready(Err(task.cancel_error()));
        }
        *task.waker.borrow_mut() = Some(c.waker().clone());
        match this.fut.poll(c) {
            Poll::Ready(v) => {
                *task.waitee.borrow_mut() = None;
                *task.waker.borrow_mut() = None;
                Poll::Ready(Ok(v))
            }
            Poll::Pending => Poll::Pending,
        }
    }
}
