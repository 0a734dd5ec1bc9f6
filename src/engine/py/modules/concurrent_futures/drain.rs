//! The blocking wait for an executor's workers: `shutdown(wait=True)` (the
//! end of `with pool:`) and the `result()` of a future `submit` gave,
//! called from the loop's own code, as `tests/support/virtual_clock.py`
//! blocks CPython's loop for them.

use super::Pool;
use super::executor::{Busy, Item};
use crate::engine::events::EventKind;
use crate::engine::py::modules::asyncio::tasks::FutureObj;
use crate::engine::py::types::exc::PyResult;
use crate::engine::py::vm::interp::{Frame, Interp};
use std::rc::Rc;
use std::time::Duration;

impl Interp {
    /// Blocks the loop while the workers run: until every job has ended
    /// (`shutdown(wait=True)`, `target` `None`), or until the job of
    /// `target` has ended or its timeout has passed (`result(timeout)` of a
    /// future `submit` gave), when that job's outcome settles the future.
    /// The queued jobs start as workers free up (not before they were
    /// submitted), and what the jobs print meanwhile is printed at its
    /// time, during the block (the other futures are still set by the
    /// loop, after it).
    pub(in crate::engine::py) fn drain(
        &self,
        f: &Frame,
        pool: &Rc<Pool>,
        target: Option<(&Rc<FutureObj>, Option<f64>)>,
    ) -> PyResult<()> {
        let busy_now = |pool: &Pool| -> Vec<Busy> {
            pool.workers.borrow().iter().flatten().cloned().collect()
        };
        let limit = target
            .and_then(|(_, t)| t)
            .map_or(f64::INFINITY, |t| self.vclock.get() + t);
        let target_job = |busy: &[Busy]| -> Option<Busy> {
            let (fut, _) = target?;
            busy.iter().find(|b| Rc::ptr_eq(&b.future, fut)).cloned()
        };
        // Every job not done yet: those running now, then those started here.
        let mut busy = busy_now(pool);
        loop {
            if target.is_some() && target_job(&busy).is_some() {
                break;
            }
            let Some((done, at)) = pool
                .queue
                .borrow()
                .front()
                .map(|q| (q.future.completion.done(), q.at))
            else {
                break;
            };
            if done {
                pool.queue.borrow_mut().pop_front();
                continue;
            }
            let next = pool
                .workers
                .borrow()
                .iter()
                .enumerate()
                .filter_map(|(i, w)| w.as_ref().map(|b| (i, b.end)))
                .min_by(|a, b| a.1.total_cmp(&b.1));
            let Some((slot, free_at)) = next else { break };
            let start = free_at.max(at);
            if start > limit {
                break;
            }
            let job = pool.queue.borrow_mut().pop_front().expect("a queued job");
            self.start_job(pool, slot, start, job)?;
            for b in busy_now(pool) {
                if !busy.iter().any(|x| x.id == b.id) {
                    busy.push(b);
                }
            }
        }
        let last = match target {
            None => busy.iter().map(|b| b.end).fold(f64::NEG_INFINITY, f64::max),
            Some(_) => limit.min(target_job(&busy).map_or(limit, |b| b.end)),
        };
        // Each moment with lines up to then, by time, ties in the order the
        // jobs began.
        let mut due: Vec<(f64, &Busy, usize)> = Vec::new();
        for b in &busy {
            for (i, m) in b.moments.borrow().iter().enumerate() {
                let printed = m.lines.iter().any(|l| matches!(l, Item::Line(..)));
                if printed && m.at <= last {
                    due.push((m.at, b, i));
                }
            }
        }
        due.sort_by(|x, y| x.0.total_cmp(&y.0).then(x.1.id.cmp(&y.1.id)));
        let blocks = last > self.vclock.get();
        if blocks {
            self.emit(
                f,
                EventKind::Blocked {
                    until: Duration::from_secs_f64(last),
                },
            );
        }
        for (at, b, i) in due {
            let now = self.vclock.get();
            if at > now {
                self.shared.block(Duration::from_secs_f64(at - now));
                self.set_vclock(at);
            }
            // The callbacks it handed over stay for the loop to run.
            let items = std::mem::take(&mut b.moments.borrow_mut()[i].lines);
            let mut kept = Vec::new();
            for item in items {
                match item {
                    Item::Line(text, stmt) => {
                        self.shared
                            .emit(b.lane, Some(stmt), EventKind::Printed { text });
                    }
                    call => kept.push(call),
                }
            }
            b.moments.borrow_mut()[i].lines = kept;
        }
        let now = self.vclock.get();
        if last > now {
            self.shared.block(Duration::from_secs_f64(last - now));
            self.set_vclock(last);
        }
        if blocks {
            self.emit(f, EventKind::Unblocked);
        }
        if let Some(b) = target_job(&busy)
            && b.end <= self.vclock.get()
            && !b.future.completion.done()
            && let Some(outcome) = b.outcome.clone()
        {
            b.future.completion.settle(outcome);
        }
        Ok(())
    }
}
