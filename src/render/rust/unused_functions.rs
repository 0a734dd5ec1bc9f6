//! A function of the program that nothing calls or names: Python defines it
//! and never runs it, and Rust would warn of a function never used (its
//! parameters' types unknown besides). The listing leaves it out.

use crate::render::plan::ir::ast::{Demo, FunctionKind};
use std::collections::HashSet;

/// The coroutines, plain functions and generators of `demo` that no other
/// definition names (not the entry, not a method).
pub(super) fn uncalled(demo: &Demo) -> HashSet<String> {
    let mut out = HashSet::new();
    for f in &demo.functions {
        let kind = matches!(
            f.kind,
            FunctionKind::Coroutine | FunctionKind::Blocking | FunctionKind::Generator
        );
        if !kind || f.name == demo.entry || f.name.contains('.') || super::objects::is_method(f) {
            continue;
        }
        // Any mention of the name (a call, the function as a value, even a
        // variable of that name) keeps it.
        let quoted = format!("{:?}", f.name);
        let named = demo
            .functions
            .iter()
            .filter(|g| g.name != f.name)
            .any(|g| format!("{g:?}").contains(&quoted))
            || format!("{:?}", demo.statics).contains(&quoted);
        if !named {
            out.insert(f.name.clone());
        }
    }
    out
}
