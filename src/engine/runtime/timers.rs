//! The run's timers: a Tokio sleep per deadline, released in CPython's
//! order (deadline, then `when` as the program computed it, then creation),
//! and the paused clock moved by blocking calls.

use super::Shared;
use std::collections::BTreeMap;
use std::future::Future;
use std::task::{Context, Poll, Waker};
use std::time::Duration;

/// A timer's place in the order: the Tokio deadline (nanoseconds after the
/// start), then the deadline as the program computed it (the bits of a
/// non-negative float order as the float does, so two deadlines less than
/// a nanosecond apart still order as CPython's heap of `TimerHandle`s
/// compares their `when`), then creation.
type TimerKey = (u64, u64, u64);

impl Shared {
    /// Whether any demo timer is still pending.
    pub fn timers_pending(&self) -> bool {
        !self.timers.borrow().order.is_empty()
    }

    /// Sleeps until `exact` (virtual time since the start) on a Tokio
    /// timer. Timers due at the same instant (or overdue together after a
    /// blocking call) complete in deadline order, ties in creation order, as
    /// on CPython's loop. As on CPython, a task woken by a timer resumes one
    /// scheduling round later than one that merely yielded (the timer
    /// resolves a future, which then schedules the task).
    ///
    /// `exact` is the deadline as the program computed it (Tokio's timers
    /// round up to whole milliseconds): events of the wake are stamped with
    /// it.
    pub async fn sleep_until(&self, exact: Duration) {
        self.sleep_until_when(exact, exact.as_secs_f64()).await;
    }

    /// [`Shared::sleep_until`] for a deadline `when` in seconds as the
    /// program computed it, which orders timers less than a nanosecond apart.
    pub async fn sleep_until_when(&self, exact: Duration, when: f64) {
        self.timer_until(exact, when).await;
        self.quiet_yield().await;
    }

    /// A timer's own round, as a `TimerHandle`'s callback runs in it
    /// (`call_later`, `call_at`): [`Shared::sleep_until_when`] without the
    /// extra round a task woken through a future takes.
    pub async fn timer_until(&self, exact: Duration, when: f64) {
        let nanos = u64::try_from(exact.as_nanos()).unwrap_or(u64::MAX);
        let entry = self.timers.borrow_mut().insert(nanos, when);
        let entry = TimerEntry {
            shared: self,
            key: entry.0,
            slot: entry.1,
        };
        let slot = entry.slot as usize;
        let mut sleep = std::pin::pin!(tokio::time::sleep_until(self.instant(exact)));
        std::future::poll_fn(|cx| {
            {
                let mut timers = self.timers.borrow_mut();
                let s = &mut timers.slots[slot];
                if s.released {
                    return Poll::Ready(());
                }
                if !s.waiting.as_ref().is_some_and(|w| w.will_wake(cx.waker())) {
                    s.waiting = Some(cx.waker().clone());
                }
            }
            sleep.as_mut().poll(cx)
        })
        .await;
        std::future::poll_fn(|cx| {
            let mut timers = self.timers.borrow_mut();
            if timers.first().is_some_and(|(key, _)| *key == entry.key) {
                Poll::Ready(())
            } else {
                let s = &mut timers.slots[slot];
                if !s.held.as_ref().is_some_and(|w| w.will_wake(cx.waker())) {
                    s.held = Some(cx.waker().clone());
                }
                Poll::Pending
            }
        })
        .await;
        drop(entry);
    }

    /// Hands every timer a blocking call made overdue to the run queue, in
    /// deadline order, behind the tasks already ready (called as the next
    /// task's poll starts, once the blocking task is back in the queue):
    /// what CPython's `_run_once` does at the start of the next loop
    /// iteration. Tokio would fire them only once no task is ready.
    pub(super) fn release_overdue(&self) {
        if !self.overdue.replace(false) {
            return;
        }
        let now = u64::try_from(self.now().as_nanos()).unwrap_or(u64::MAX);
        let wakers: Vec<Waker> = {
            let mut timers = self.timers.borrow_mut();
            let Timers { order, slots, .. } = &mut *timers;
            order
                .iter()
                .take_while(|(key, _)| key.0 <= now)
                .filter_map(|(_, &slot)| {
                    let slot = &mut slots[slot as usize];
                    slot.released = true;
                    slot.waiting.take()
                })
                .collect()
        };
        for waker in wakers {
            waker.wake();
        }
    }
}

/// The pending timers: their order, and a slot for each (reused once its
/// timer is gone), which its sleep reaches without a search.
#[derive(Default)]
pub(super) struct Timers {
    order: BTreeMap<TimerKey, u32>,
    slots: Vec<TimerSlot>,
    free: Vec<u32>,
    seq: u64,
}

impl Timers {
    /// Adds a timer due `nanos` after the start (`when` as the program
    /// computed it): its key and slot.
    fn insert(&mut self, nanos: u64, when: f64) -> (TimerKey, u32) {
        self.seq += 1;
        let key = (nanos, when.max(0.0).to_bits(), self.seq);
        let slot = match self.free.pop() {
            Some(i) => i,
            None => {
                self.slots.push(TimerSlot::default());
                u32::try_from(self.slots.len() - 1).expect("fewer than 2^32 timers")
            }
        };
        self.order.insert(key, slot);
        (key, slot)
    }

    /// The timer due first.
    pub(super) fn first(&self) -> Option<(&TimerKey, u32)> {
        self.order.first_key_value().map(|(k, &s)| (k, s))
    }
}

/// The exact deadline of a timer.
pub(super) fn exact_of(key: &TimerKey) -> Duration {
    Duration::from_nanos(key.0)
}

/// One pending timer's state.
#[derive(Default)]
struct TimerSlot {
    /// The waker of a timer that fired but waits for an earlier one.
    held: Option<Waker>,
    /// The waker of the timer's sleep, for a release after a blocking call.
    waiting: Option<Waker>,
    /// A blocking call made the timer overdue and it has been released.
    released: bool,
}

/// Removes a timer from the ordering table when its sleep ends or is dropped,
/// and lets the next due timer through.
struct TimerEntry<'a> {
    shared: &'a Shared,
    key: TimerKey,
    slot: u32,
}

impl Drop for TimerEntry<'_> {
    fn drop(&mut self) {
        let mut timers = self.shared.timers.borrow_mut();
        timers.order.remove(&self.key);
        timers.slots[self.slot as usize] = TimerSlot::default();
        timers.free.push(self.slot);
        if let Some((_, next)) = timers.first()
            && let Some(waker) = &timers.slots[next as usize].held
        {
            waker.wake_by_ref();
        }
    }
}

/// Moves the paused clock forward without yielding: `tokio::time::advance`
/// polled once and dropped.
pub(super) fn advance_clock(d: Duration) {
    let mut fut = std::pin::pin!(tokio::time::advance(d));
    let mut cx = Context::from_waker(Waker::noop());
    let _ = fut.as_mut().poll(&mut cx);
}
