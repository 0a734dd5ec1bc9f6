//! The probe around every lane's future: each poll, each `Pending` (with
//! what the lane waits on) and each wake recorded, through a waker that
//! notes its lane.

use super::Shared;

use crate::engine::events::{EventKind, LaneId};
use futures::future::LocalBoxFuture;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};

/// A waker that notes its lane was woken, then wakes the task.
pub(super) struct LaneWaker {
    lane: LaneId,
    inner: Mutex<Waker>,
    pub(super) noted: AtomicBool,
    log: Arc<Mutex<Vec<LaneId>>>,
}

impl Wake for LaneWaker {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        if !self.noted.swap(true, Ordering::Relaxed) {
            self.log.lock().expect("wake log").push(self.lane);
        }
        self.inner.lock().expect("inner waker").wake_by_ref();
    }
}

/// Wraps a lane's future and records each poll, each `Pending` (with what
/// the lane waits on) and each wake.
pub struct Probe<'a, T> {
    shared: Rc<Shared>,
    lane: LaneId,
    waker: Option<Arc<LaneWaker>>,
    inner: LocalBoxFuture<'a, T>,
}

impl<'a, T> Probe<'a, T> {
    pub fn new(shared: Rc<Shared>, lane: LaneId, inner: impl Future<Output = T> + 'a) -> Self {
        Probe {
            shared,
            lane,
            waker: None,
            inner: Box::pin(inner),
        }
    }
}

impl<T> Future for Probe<'_, T> {
    type Output = T;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
        let this = self.get_mut();
        // First, before this lane's waker forgets its wake: a timer made
        // overdue may belong to this very lane, which is running already.
        if this.shared.polling.borrow().is_empty() {
            this.shared.release_overdue();
        }
        if !this.shared.is_quiet(this.lane) {
            this.shared.wakes_before_poll();
            // Its `Polled` waits for the poll's first event, at the
            // statement it resumes at.
            if let Some(slot) = this.shared.lanes.borrow_mut().get_mut(this.lane as usize)
                && slot.unannounced.replace(slot.at).is_none()
            {
                this.shared
                    .unannounced
                    .set(this.shared.unannounced.get() + 1);
            }
        }
        let waker = match &this.waker {
            Some(w) => {
                {
                    let mut inner = w.inner.lock().expect("inner waker");
                    if !inner.will_wake(cx.waker()) {
                        *inner = cx.waker().clone();
                    }
                }
                w.noted.store(false, Ordering::Relaxed);
                w.clone()
            }
            None => {
                let w = Arc::new(LaneWaker {
                    lane: this.lane,
                    inner: Mutex::new(cx.waker().clone()),
                    noted: AtomicBool::new(false),
                    log: this.shared.wakes.clone(),
                });
                this.waker = Some(w.clone());
                if let Some(slot) = this.shared.lanes.borrow_mut().get_mut(this.lane as usize) {
                    slot.waker = Some(w.clone());
                }
                w
            }
        };
        let waker = Waker::from(waker);
        this.shared.polling.borrow_mut().push(this.lane);
        let result = this.inner.as_mut().poll(&mut Context::from_waker(&waker));
        this.shared.polling.borrow_mut().pop();
        // Its own wake during the poll comes after its suspension; once it
        // has finished, that wake means nothing.
        let shown = !this.shared.is_quiet(this.lane);
        let woke_itself = shown && {
            let mut log = this.shared.wakes.lock().expect("wake log");
            let before = log.len();
            log.retain(|w| *w != this.lane);
            log.len() < before
        };
        if result.is_pending() && shown {
            this.shared.announce(this.lane);
            let (on, at) = this.shared.waiting(this.lane);
            this.shared.emit(this.lane, at, EventKind::Suspended { on });
            if woke_itself {
                // Shown with the next event, as any other wake.
                this.shared.wakes.lock().expect("wake log").push(this.lane);
            }
        }
        result
    }
}
