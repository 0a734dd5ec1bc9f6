//! Guards for the engine's own recursions over values: a container that
//! holds itself prints as `[...]` (CPython's `Py_ReprEnter`), and a
//! comparison nested deeper than a Python call may be ends in
//! `RecursionError` instead of exhausting the thread's stack.

use std::cell::{Cell, RefCell};

/// How deep the engine's comparisons of built-in values may nest.
pub const MAX_COMPARE_DEPTH: u32 = 1000;

thread_local! {
    static REPRS: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
    static COMPARE_DEPTH: Cell<u32> = const { Cell::new(0) };
    static COMPARE_OVERFLOW: Cell<bool> = const { Cell::new(false) };
}

/// Notes that the container `id` is being printed; `false` if it already
/// is (the caller prints `[...]`).
pub fn repr_enter(id: usize) -> bool {
    REPRS.with(|r| {
        let mut r = r.borrow_mut();
        if r.contains(&id) {
            return false;
        }
        r.push(id);
        true
    })
}

/// Ends what [`repr_enter`] began.
pub fn repr_leave(id: usize) {
    REPRS.with(|r| {
        let mut r = r.borrow_mut();
        if let Some(i) = r.iter().rposition(|x| *x == id) {
            r.remove(i);
        }
    });
}

/// Runs one level of a comparison of built-in values; past
/// [`MAX_COMPARE_DEPTH`] levels it answers `overflow` and notes that the
/// comparison must raise (see [`compare_overflowed`]).
pub fn nested_compare<T>(overflow: T, level: impl FnOnce() -> T) -> T {
    let depth = COMPARE_DEPTH.get();
    if depth == 0 {
        COMPARE_OVERFLOW.set(false);
    }
    if depth >= MAX_COMPARE_DEPTH || COMPARE_OVERFLOW.get() {
        COMPARE_OVERFLOW.set(true);
        return overflow;
    }
    COMPARE_DEPTH.set(depth + 1);
    let r = level();
    COMPARE_DEPTH.set(depth);
    r
}

/// Whether the last outermost comparison went too deep (and forgets it).
pub fn compare_overflowed() -> bool {
    COMPARE_OVERFLOW.replace(false)
}

/// How deep generators may resume one another (`yield from` a generator
/// that is itself resuming, an async generator iterating itself).
pub const MAX_GENERATOR_DEPTH: u32 = 1000;

thread_local! {
    static GENERATOR_DEPTH: Cell<u32> = const { Cell::new(0) };
}

/// One generator resuming inside another; `None` past
/// [`MAX_GENERATOR_DEPTH`] (the caller raises `RecursionError`).
pub fn enter_generator() -> Option<GeneratorLevel> {
    let depth = GENERATOR_DEPTH.get();
    if depth >= MAX_GENERATOR_DEPTH {
        return None;
    }
    GENERATOR_DEPTH.set(depth + 1);
    Some(GeneratorLevel(()))
}

/// A generator's resumption under way; it ends when dropped.
pub struct GeneratorLevel(());

impl Drop for GeneratorLevel {
    fn drop(&mut self) {
        GENERATOR_DEPTH.set(GENERATOR_DEPTH.get().saturating_sub(1));
    }
}
