//! Which line of the Rust listing stands for a statement of the program.
//! The translator folds some statements into others (a `try` body into a
//! `match`): such a statement takes the line of the innermost translated
//! statement whose Python lines hold it, so the Rust pane marks every
//! moment the Python pane marks. A listing written by hand has no such
//! map: a statement takes the line that declares its function there
//! (module-level code: `main`).

use crate::program::StmtId;
use crate::render::Listing;
use std::collections::HashMap;

/// The Rust line of every statement of the Python listing that has one.
pub fn rust_lines(python: &Listing, rust: &Listing) -> HashMap<StmtId, usize> {
    // Translated statements by Python range, innermost (shortest) first.
    let mut translated: Vec<(std::ops::Range<usize>, usize)> = python
        .spans
        .iter()
        .filter_map(|(id, r)| Some((r.clone(), rust.line_of(*id)?)))
        .collect();
    translated.sort_by_key(|(r, _)| (r.len(), r.start));
    // Python functions, innermost first, with their Rust declaration.
    let mut functions: Vec<(std::ops::Range<usize>, usize)> = python
        .functions
        .iter()
        .filter_map(|(name, r)| Some((r.clone(), declaration(rust, name)?)))
        .collect();
    functions.sort_by_key(|(r, _)| (r.len(), r.start));
    // Module-level code (`asyncio.run(main())`) is Rust's `main`.
    let main = declaration(rust, "main");
    let holding = |list: &[(std::ops::Range<usize>, usize)], r: &std::ops::Range<usize>| {
        list.iter()
            .find(|(t, _)| t.start <= r.start && r.end <= t.end)
            .map(|&(_, line)| line)
    };
    python
        .spans
        .iter()
        .filter_map(|(&id, r)| {
            let line = rust
                .line_of(id)
                .or_else(|| holding(&translated, r))
                .or_else(|| holding(&functions, r))
                .or(main)?;
            Some((id, line))
        })
        .collect()
}

/// The line of `rust` that declares the function `name` (`fn name(`,
/// `fn name<`).
fn declaration(rust: &Listing, name: &str) -> Option<usize> {
    let (call, generic) = (format!("fn {name}("), format!("fn {name}<"));
    rust.lines
        .iter()
        .position(|l| l.contains(&call) || l.contains(&generic))
}
