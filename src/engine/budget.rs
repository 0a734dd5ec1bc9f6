//! The run's step and memory budgets, reachable from any code on the demo
//! thread: statements and the work inside built-ins draw on one step
//! budget, and a built-in about to allocate asks the memory budget first.
//! Each charge is also where a live run notices a pause or a stop, so a
//! long built-in holds still within a frame of the learner's key.

use super::Control;
use std::cell::{Cell, RefCell};
use std::sync::Arc;

/// Work a charge stands for: one unit is about one statement's worth.
pub type Work = u64;

/// Items one step of work covers in a built-in that walks a value (a sum
/// over a range, a sort, a search in a list). Measured: a statement takes
/// about as long as a built-in's work on four items or 64 bytes.
pub const ITEMS_PER_STEP: u64 = 4;
/// Bytes one step covers when a built-in copies or scans bytes.
pub const BYTES_PER_STEP: u64 = 64;
/// Fractions of a step kept between charges, in 1/[`BYTES_PER_STEP`] of a
/// step: a byte is one, an item [`BYTES_PER_STEP`] / [`ITEMS_PER_STEP`].
const FINE_PER_ITEM: u64 = BYTES_PER_STEP / ITEMS_PER_STEP;

thread_local! {
    static USED: Cell<u64> = const { Cell::new(0) };
    static FINE: Cell<u64> = const { Cell::new(0) };
    static MAX_STEPS: Cell<u64> = const { Cell::new(u64::MAX) };
    static MAX_MEMORY: Cell<usize> = const { Cell::new(usize::MAX) };
    static CONTROL: RefCell<Option<Arc<Control>>> = const { RefCell::new(None) };
}

/// A budget ran out: the message names the limit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exceeded(pub String);

/// The message a stopped live run ends with (its outcome is `Stopped`).
pub const STOPPED: &str = "the run was stopped";

/// The budgets of the run on this thread; they end with it.
pub struct Installed(());

/// Starts the budgets of a run on this thread.
pub fn install(max_steps: u64, max_memory: usize, control: Option<Arc<Control>>) -> Installed {
    USED.set(0);
    FINE.set(0);
    MAX_STEPS.set(max_steps);
    MAX_MEMORY.set(max_memory);
    CONTROL.with(|c| *c.borrow_mut() = control);
    Installed(())
}

impl Drop for Installed {
    fn drop(&mut self) {
        MAX_STEPS.set(u64::MAX);
        MAX_MEMORY.set(usize::MAX);
        CONTROL.with(|c| c.borrow_mut().take());
    }
}

/// Steps used so far.
pub fn used() -> u64 {
    USED.get()
}

/// Charges `work` steps; past the budget the run ends. Also checks the
/// memory budget and, in a live run, waits out a pause or ends at a stop.
pub fn charge(work: Work) -> Result<(), Exceeded> {
    let n = USED.get().saturating_add(work);
    USED.set(n);
    let max = MAX_STEPS.get();
    if n > max {
        return Err(Exceeded(format!(
            "the demo did more than {max} steps of work (limit: steps)"
        )));
    }
    reserve(0)?;
    let held = CONTROL.with(|c| c.borrow().as_ref().is_some_and(|c| c.is_halted()));
    if held {
        let go_on = CONTROL.with(|c| c.borrow().as_ref().is_none_or(|c| c.wait_while_paused()));
        if !go_on {
            return Err(Exceeded(STOPPED.into()));
        }
    }
    Ok(())
}

/// Charges the work of walking `items` items (see [`ITEMS_PER_STEP`]).
pub fn charge_items(items: usize) -> Result<(), Exceeded> {
    charge_fine((items as u64).saturating_mul(FINE_PER_ITEM))
}

/// Charges the work of copying or scanning `bytes` bytes.
pub fn charge_bytes(bytes: usize) -> Result<(), Exceeded> {
    charge_fine(bytes as u64)
}

/// Charges one comparison of two values (a sort, `min`, `in`): a
/// sixteenth of a step.
pub fn charge_comparison() -> Result<(), Exceeded> {
    charge_fine(BYTES_PER_STEP / 16)
}

fn charge_fine(units: u64) -> Result<(), Exceeded> {
    let fine = FINE.get().saturating_add(units);
    FINE.set(fine % BYTES_PER_STEP);
    match fine / BYTES_PER_STEP {
        0 => Ok(()),
        steps => charge(steps),
    }
}

/// Checks, before allocating `bytes` more, that the process stays within
/// the memory budget.
pub fn reserve(bytes: usize) -> Result<(), Exceeded> {
    let max = MAX_MEMORY.get();
    if crate::memory::live_bytes().saturating_add(bytes) > max {
        return Err(Exceeded(format!(
            "the demo's values take more than {} MiB (limit: memory)",
            max >> 20
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_past_its_steps_ends_naming_the_limit() {
        let _run = install(100, usize::MAX, None);
        assert_eq!(charge(60), Ok(()));
        assert_eq!(
            charge(41),
            Err(Exceeded(
                "the demo did more than 100 steps of work (limit: steps)".into()
            ))
        );
    }

    #[test]
    fn a_stopped_run_ends_at_its_next_charge() {
        let control = Arc::new(Control::new(1.0, false));
        let _run = install(u64::MAX, usize::MAX, Some(control.clone()));
        assert_eq!(charge(1), Ok(()));
        control.stop();
        assert_eq!(charge(1), Err(Exceeded(STOPPED.into())));
    }

    #[test]
    fn a_reservation_past_the_memory_budget_is_refused() {
        let _run = install(u64::MAX, 1 << 20, None);
        // The library's tests count no bytes: only the reservation does.
        assert!(reserve(1 << 19).is_ok());
        assert!(reserve(2 << 20).is_err());
    }
}
