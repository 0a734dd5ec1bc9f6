//! `asyncio.sleep` and the loop's timers: a timer takes its place among
//! the others when it is made, fires in CPython's order, and wakes a task
//! one round after it (through the future it resolves) or runs a
//! callback in its own round (`call_at`).

use crate::engine::events::WaitOn;
use crate::engine::py::types::exc::{PyResult, type_error};
use crate::engine::py::types::native::{Args, Native, Step};
use crate::engine::py::types::ops;
use crate::engine::py::types::value::Value;
use crate::engine::py::vm::interp::{Frame, Interp};
use crate::engine::runtime::yield_now;
use std::future::Future;
use std::rc::Rc;

/// `asyncio.sleep(delay, result)` before it is awaited.
pub struct Sleep {
    pub(super) delay: f64,
    result: Value,
}

impl Native for Sleep {
    fn type_name(&self) -> &str {
        "coroutine"
    }

    fn repr(&self) -> String {
        "<coroutine object sleep>".into()
    }

    fn await_on<'a>(self: Rc<Self>, ix: &'a Rc<Interp>, cx: &'a Frame) -> Option<Step<'a>> {
        Some(Box::pin(async move {
            if self.delay <= 0.0 {
                ix.shared
                    .set_waiting(cx.lane.get(), WaitOn::Yield, Some(cx.stmt.get()));
                ix.suspend_at_yield(cx, yield_now()).await?;
            } else {
                let start = ix.vclock.get();
                let deadline = start + self.delay;
                let at = ix.timer_at(deadline);
                ix.shared.set_waiting(
                    cx.lane.get(),
                    WaitOn::Timer { deadline: at },
                    Some(cx.stmt.get()),
                );
                ix.suspend(cx, None, ix.sleep_until(deadline)).await?;
            }
            Ok(self.result.clone())
        }))
    }
}

impl Interp {
    /// Sleeps until the virtual time `when` (seconds), and moves the clock
    /// there: a task woken by a timer resumes one round after it, as
    /// through the future it resolves.
    pub async fn sleep_until(&self, when: f64) {
        let at = self.timer_at(when);
        self.shared.sleep_until_when(at, when).await;
        self.timer_fired(when);
    }

    /// Waits for a timer due at `when` and goes on in its own round, as a
    /// `call_at` callback runs, the clock moved there.
    pub async fn timer_until(&self, when: f64) {
        let at = self.timer_at(when);
        self.shared.timer_until(at, when).await;
        self.timer_fired(when);
    }

    /// The clock as a timer due at `when` leaves it: CPython's loop runs
    /// every timer due within its clock's resolution (1 ns) of the time the
    /// clock jumped to, so such a timer does not move the clock.
    fn timer_fired(&self, when: f64) {
        if when >= self.vclock.get() + 1e-9 {
            self.set_vclock(when);
        }
    }

    /// `loop.call_at(when, f)`: runs `f` in the round its timer fires
    /// (on the next round if `when` has passed). The timer takes its place
    /// among the timers now, as CPython's `TimerHandle` does; aborting the
    /// handle cancels it.
    pub fn call_at(&self, when: f64, f: impl FnOnce() + 'static) -> tokio::task::JoinHandle<()> {
        if when <= self.vclock.get() {
            return tokio::task::spawn_local(async move { f() });
        }
        let ix = self.rc();
        let mut fire = Box::pin(async move {
            ix.timer_until(when).await;
            f();
        });
        let mut cx = std::task::Context::from_waker(futures::task::noop_waker_ref());
        let _ = fire.as_mut().poll(&mut cx);
        tokio::task::spawn_local(fire)
    }
}

/// Makes the awaitable of `asyncio.sleep(delay, result)`.
pub fn sleep(args: Args) -> PyResult<Value> {
    let mut args = args;
    let result = args
        .take_kw("result")
        .or_else(|| (args.pos.len() > 1).then(|| args.pos.remove(1)))
        .unwrap_or(Value::None);
    let delay = args
        .pos
        .first()
        .cloned()
        .or_else(|| args.take_kw("delay"))
        .ok_or_else(|| type_error("sleep() missing 1 required positional argument: 'delay'"))?;
    let d = ops::float(&delay).ok_or_else(|| {
        type_error(format!(
            "'<=' not supported between instances of '{}' and 'int'",
            delay.type_name()
        ))
    })?;
    // CPython 3.11 and 3.12 return at once (NaN is not > 0); 3.13 raises
    // `ValueError: Invalid delay: NaN (not a number)`.
    let d = if d.is_nan() { 0.0 } else { d };
    Ok(Value::Native(Rc::new(Sleep { delay: d, result })))
}
