//! The `unchanged` check: a function keeps the starter's syntax tree, so
//! the learner fixes the program around it rather than the function
//! itself. Layout and comments do not count; names, calls and constants do.

use super::checks::Verdict;
use ruff_python_ast::comparable::ComparableStmt;
use ruff_python_ast::{ModModule, Stmt};

/// Finds `name` (`fetch`, or `Class.method`) among the module's top-level
/// definitions.
pub fn find<'a>(module: &'a ModModule, name: &str) -> Option<&'a Stmt> {
    let (class, func) = match name.split_once('.') {
        Some((c, f)) => (Some(c), f),
        None => (None, name),
    };
    let body = match class {
        None => &module.body[..],
        Some(c) => module.body.iter().find_map(|s| match s {
            Stmt::ClassDef(d) if d.name.as_str() == c => Some(&d.body[..]),
            _ => None,
        })?,
    };
    // The last definition wins, as at run time.
    body.iter().rev().find(|s| match s {
        Stmt::FunctionDef(d) => d.name.as_str() == func,
        _ => false,
    })
}

/// Whether `name` in `source` is the same function as in `starter`.
pub fn check(name: &str, source: &str, starter: &str) -> Verdict {
    let label = format!("leaves {name}() as it was");
    let failure = match (
        crate::python::syntax("starter", starter),
        crate::python::syntax("exercise", source),
    ) {
        (Ok(before), Ok(after)) => match (find(&before, name), find(&after, name)) {
            (Some(b), Some(a)) if ComparableStmt::from(b) == ComparableStmt::from(a) => None,
            (Some(_), Some(a)) => {
                let line = 1 + source[..usize::from(ruff_text_size::Ranged::start(a))]
                    .matches('\n')
                    .count();
                Some(format!(
                    "{name}() at line {line} differs from the starter's; change the code around it instead"
                ))
            }
            (Some(_), None) => Some(format!(
                "{name}() is gone; keep it as the starter has it and change the code around it"
            )),
            (None, _) => Some(format!("the starter has no function {name}()")),
        },
        (Err(_), _) => Some("the starter does not parse".into()),
        (_, Err(_)) => Some("the program does not parse".into()),
    };
    Verdict { label, failure }
}
