//! A task's body runs only while its loop is open: in CPython each step of
//! a task is a callback of its loop, and a closed loop runs none.

use super::tasks::TaskObj;
use crate::engine::py::vm::interp::Interp;
use pin_project_lite::pin_project;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

pin_project! {
    /// A task's body, run while the task's loop (`TaskObj::lp`) is open.
    /// Once the loop is closed, the next poll drops the body (its
    /// coroutine, and the timer it waits for) while no loop runs, so that
    /// an async generator it holds is not handed to another loop to close,
    /// and the task never goes on.
    pub struct OnLoop<F> {
        task: Rc<TaskObj>,
        ix: Rc<Interp>,
        #[pin]
        body: Option<F>,
    }
}

impl<F> OnLoop<F> {
    pub fn new(ix: Rc<Interp>, task: Rc<TaskObj>, body: F) -> Self {
        OnLoop {
            task,
            ix,
            body: Some(body),
        }
    }
}

impl<F: Future<Output = ()>> Future for OnLoop<F> {
    type Output = ();

    fn poll(self: Pin<&mut Self>, c: &mut Context<'_>) -> Poll<()> {
        let mut this = self.project();
        if this
            .task
            .lp
            .borrow()
            .as_ref()
            .is_some_and(|lp| lp.closed.get())
        {
            let running = this.ix.running.replace(false);
            this.body.set(None);
            this.ix.running.set(running);
            return Poll::Pending;
        }
        match this.body.as_pin_mut() {
            Some(b) => b.poll(c),
            None => Poll::Pending,
        }
    }
}
