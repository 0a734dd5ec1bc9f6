//! The waiter queue every asyncio primitive keeps, as CPython 3.11's
//! `locks.py` and `queues.py` keep a `collections.deque` of futures: each
//! waiter is a future made by `loop.create_future()`, first in, first
//! woken; a wake sets a waiter's result, which schedules its task one round
//! later. Each waiter also knows the task that waits on it, so a primitive
//! can tell its waiting tasks what they now wait on.

use super::mixins::{cancelled, set_result, waiter};
use super::tasks::FutureObj;
use crate::engine::events::LaneId;
use crate::engine::py::types::value::Value;
use crate::engine::py::vm::interp::Frame;
use crate::program::StmtId;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

/// One waiter: its future, and the task waiting on it at a statement.
struct Waiter {
    fut: Rc<FutureObj>,
    lane: LaneId,
    stmt: StmtId,
}

/// A FIFO queue of waiters.
#[derive(Default)]
pub struct WaiterQueue {
    queue: RefCell<VecDeque<Waiter>>,
}

impl WaiterQueue {
    /// Appends a new waiter for the frame's task and returns its future
    /// (`fut = loop.create_future(); self._waiters.append(fut)`).
    pub fn push(&self, cx: &Frame) -> Rc<FutureObj> {
        let fut = waiter();
        self.queue.borrow_mut().push_back(Waiter {
            fut: fut.clone(),
            lane: cx.lane.get(),
            stmt: cx.stmt.get(),
        });
        fut
    }

    /// Takes `fut` out of the queue (`self._waiters.remove(fut)`), if it is
    /// still there.
    pub fn remove(&self, fut: &Rc<FutureObj>) {
        let mut q = self.queue.borrow_mut();
        if let Some(i) = q.iter().position(|w| Rc::ptr_eq(&w.fut, fut)) {
            q.remove(i);
        }
    }

    /// How many waiters it holds (done ones too), as `len(self._waiters)`.
    pub fn count(&self) -> usize {
        self.queue.borrow().len()
    }

    /// Whether every waiter was cancelled (none holds a turn).
    pub fn all_cancelled(&self) -> bool {
        self.queue.borrow().iter().all(|w| cancelled(&w.fut))
    }

    /// The futures, in order (a copy: a wake may run code that changes the
    /// queue).
    fn futures(&self) -> Vec<Rc<FutureObj>> {
        self.queue.borrow().iter().map(|w| w.fut.clone()).collect()
    }

    /// Wakes the first waiter with `v` if it is not done yet (`Lock`'s
    /// `_wake_up_first`).
    pub fn wake_first(&self, v: Value) {
        let first = self.queue.borrow().front().map(|w| w.fut.clone());
        if let Some(f) = first
            && !f.completion.done()
        {
            set_result(&f, v);
        }
    }

    /// Wakes up to `n` waiters not done yet, in order, with `v`; returns
    /// how many it woke (`Condition.notify`, `Event.set` with every one,
    /// `Semaphore._wake_up_next` with one).
    pub fn wake(&self, n: usize, v: Value) -> usize {
        let mut woken = 0;
        for f in self.futures() {
            if woken >= n {
                break;
            }
            if !f.completion.done() {
                woken += 1;
                set_result(&f, v.clone());
            }
        }
        woken
    }

    /// Takes waiters off the front until one that is not done, and wakes
    /// it with `v` (`Queue._wakeup_next`, which pops what it wakes).
    pub fn pop_wake(&self, v: Value) {
        loop {
            let w = self.queue.borrow_mut().pop_front();
            match w {
                None => return,
                Some(w) if !w.fut.completion.done() => {
                    set_result(&w.fut, v);
                    return;
                }
                Some(_) => {}
            }
        }
    }

    /// The tasks still waiting (their waiter not done), with the statement
    /// each waits at.
    pub fn waiting(&self) -> Vec<(LaneId, StmtId)> {
        self.queue
            .borrow()
            .iter()
            .filter(|w| !w.fut.completion.done())
            .map(|w| (w.lane, w.stmt))
            .collect()
    }
}
