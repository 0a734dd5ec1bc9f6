//! The module's constant tables: a name the module binds once, at its top
//! level, to a list of numbers or booleans (`TIMES = [3.0, 2.5]`) that
//! nothing changes or rebinds and that the program only indexes or
//! measures (`TIMES[i]`, `len(TIMES)`). The listing makes it a `const`
//! array the functions read, as Python's functions read the global.

use crate::program::{self as py, ExprKind as E, Literal, Name, Stmt, StmtKind as P, Target};
use crate::render::plan::ir::value::Value;
use std::collections::HashSet;
use std::sync::Arc;

/// The names of the module's constant tables, in `source` whose top-level
/// statements other than definitions are `code` and whose functions'
/// bodies are `functions`.
pub(super) fn tables(source: &str, code: &[&Stmt], functions: &[&[Stmt]]) -> HashSet<Arc<str>> {
    let owned: Vec<Stmt> = code.iter().map(|s| (*s).clone()).collect();
    let module = super::module::bound(&owned, false);
    let mut indexed = HashSet::new();
    for body in functions.iter().copied().chain([&owned[..]]) {
        crate::program::walk(body, &mut |s| item_targets(s, &mut indexed));
    }
    let mut out = HashSet::new();
    for s in code {
        if let P::Assign { targets, value } = &s.kind
            && let [Target::Name(Name::Global(n))] = targets.as_slice()
            && module.get(n) == Some(&1)
            && !indexed.contains(n)
            && table(value).is_some()
            && only_read(source, n, s.span.start)
        {
            out.insert(n.clone());
        }
    }
    out
}

/// The names whose items `s` assigns or deletes (`xs[i] = v`, `del xs[i]`).
fn item_targets(s: &Stmt, out: &mut HashSet<Arc<str>>) {
    fn add(t: &Target, out: &mut HashSet<Arc<str>>) {
        match t {
            Target::Subscript(obj, _) => {
                if let E::Name(n) = &obj.kind {
                    out.insert(n.ident().clone());
                }
            }
            Target::Unpack(ts, _) => ts.iter().for_each(|t| add(t, out)),
            Target::Name(_) | Target::Attr(..) => {}
        }
    }
    match &s.kind {
        P::Assign { targets, .. } | P::Delete(targets) => targets.iter().for_each(|t| add(t, out)),
        P::AugAssign { target, .. } | P::For { target, .. } => add(target, out),
        _ => {}
    }
}

/// The value of a constant table: a non-empty list of numbers of one
/// type, or of booleans.
pub(super) fn table(e: &py::Expr) -> Option<Value> {
    let E::List(items) = &e.kind else {
        return None;
    };
    let values: Vec<Value> = items.iter().map(item).collect::<Option<_>>()?;
    let first = values.first()?;
    let one_type = values
        .iter()
        .all(|v| std::mem::discriminant(v) == std::mem::discriminant(first));
    one_type.then(|| Value::List(Arc::new(values)))
}

/// One item of a table: a number (negative ones too) or a boolean.
fn item(e: &py::Expr) -> Option<Value> {
    match &e.kind {
        E::Literal(Literal::Int(i)) => Some(Value::Int(*i)),
        E::Literal(Literal::Float(f)) => Some(Value::Float(*f)),
        E::Literal(Literal::Bool(b)) => Some(Value::Bool(*b)),
        E::UnaryOp(py::UnaryOp::Neg, x) => match item(x)? {
            Value::Int(i) => i.checked_neg().map(Value::Int),
            Value::Float(f) => Some(Value::Float(-f)),
            _ => None,
        },
        _ => None,
    }
}

/// Whether every place of `source` that names `name`, but the binding at
/// `defined`, reads it: an index that is not assigned (`name[i]`), or
/// `len(name)`. Any other mention (a method, an argument, a rebinding, a
/// string that holds the word) keeps it `main`'s local.
fn only_read(source: &str, name: &str, defined: usize) -> bool {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    source.match_indices(name).all(|(i, _)| {
        let (before, after) = (&source[..i], &source[i + name.len()..]);
        if before.ends_with(word) || after.starts_with(word) || i == defined {
            return true;
        }
        if before.ends_with("len(") && after.starts_with(')') {
            return true;
        }
        after.starts_with('[') && closing(after).is_some_and(|rest| !assigns(rest))
    })
}

/// What follows the bracket that closes the one `text` opens with.
pub(super) fn closing(text: &str) -> Option<&str> {
    let mut depth = 0usize;
    for (i, c) in text.char_indices() {
        match c {
            '[' | '(' | '{' => depth += 1,
            ']' | ')' | '}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(&text[i + 1..]);
                }
            }
            '\n' if depth == 1 => return None,
            _ => {}
        }
    }
    None
}

/// Whether `rest`, what follows an index, assigns to it (`= v`, `+= v`,
/// `//= v`, ...) rather than compares (`== v`).
pub(super) fn assigns(rest: &str) -> bool {
    let rest = rest.trim_start_matches([' ', '\t']);
    let op = rest.trim_start_matches(['+', '-', '*', '/', '%', '&', '|', '^', '@', '<', '>']);
    op.starts_with('=')
        && !op.starts_with("==")
        && !matches!(&rest[..rest.len() - op.len()], "<" | ">")
}
