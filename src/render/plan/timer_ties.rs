//! A timer callback due at the instant a task wakes from a sleep. asyncio
//! runs the callbacks due at an instant before the tasks their timers
//! wake; the Rust listing's callback is a task that sleeps, and Tokio
//! wakes the sleeps that end at one instant in the order they began, the
//! callback's task not first when it began later. A timer due at once runs
//! in asyncio after the callbacks and tasks already ready; the listing's
//! task runs in the order it was spawned. Such a tie, and a timer the
//! reading of the [`timeline`](super::timeline) cannot tell apart from
//! the program's sleeps, are refused at the timer.

use super::{Planner, Result, refuse};
use crate::program as py;

/// Instants closer than Tokio's timer resolution, a millisecond, tie.
const RESOLUTION: f64 = 0.001;

/// The words of a construct that makes something else ready at the
/// instant a timer due at once is made.
const READY: [&str; 9] = [
    "create_task(",
    "ensure_future(",
    "gather(",
    "TaskGroup(",
    "call_soon(",
    "as_completed(",
    "wait(",
    "call_soon_threadsafe(",
    "set_result(",
];

const ORDER: &str = "asyncio runs the callbacks due at an instant before the tasks that wake \
                     then; the Rust listing's callback is a task that sleeps, and Tokio wakes \
                     the sleeps that end at one instant in the order they began: give the \
                     timer and the sleep different times";

impl Planner<'_> {
    /// Refuses `loop.call_later(delay, ...)` or `loop.call_at(when, ...)`
    /// (the call `e`, its first argument `delay`) when a sleep of the
    /// program may end when it is due.
    pub(super) fn timer_tie(&self, e: &py::Expr, delay: &py::Expr) -> Result<()> {
        let line = self.timeline();
        let timer = line.timers.get(&e.span.start);
        let any_wake = line.unknown || !line.wakes.is_empty();
        let Some(timer) = timer else {
            if any_wake {
                return refuse(
                    &delay.span,
                    "a timer whose time the translator cannot tell beside the program's sleeps",
                    format!(
                        "the translator places a timer made by the coroutine `asyncio.run` \
                         runs, before its first await of something other than a sleep of a \
                         number, and due at a number or the loop's clock plus a number; {ORDER}"
                    ),
                );
            }
            let due_now = super::timeline::seconds(delay).is_none_or(|d| d <= 0.0);
            return self.timer_due_at_once(delay, due_now);
        };
        if line.unknown {
            return refuse(
                &delay.span,
                "a timer beside a timed wait whose end the translator cannot tell",
                format!(
                    "the translator follows the sleeps of numbers in the coroutine \
                     `asyncio.run` runs, up to its first await of something else; {ORDER}"
                ),
            );
        }
        let due = timer.due.max(timer.made);
        if line.wakes.iter().any(|w| (w - due).abs() < RESOLUTION) {
            return refuse(
                &delay.span,
                "a timer due when a sleep of the program ends",
                ORDER,
            );
        }
        self.timer_due_at_once(delay, timer.due <= timer.made)
    }

    /// Refuses a timer due at once (`due_now`) when something else of the
    /// program may be ready at that instant.
    fn timer_due_at_once(&self, delay: &py::Expr, due_now: bool) -> Result<()> {
        let source = &*self.program.source;
        if due_now && READY.iter().any(|w| source.contains(w)) {
            return refuse(
                &delay.span,
                "a timer due at once beside other ready work",
                "asyncio runs a timer due at once after the callbacks and tasks already \
                 ready; the Rust listing's timer is a task run in the order it was spawned: \
                 give the timer a delay, or use `loop.call_soon`",
            );
        }
        Ok(())
    }
}
