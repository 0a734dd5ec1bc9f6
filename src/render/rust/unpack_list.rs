//! `name, value = line.split()`: Python unpacks the list, raising
//! `ValueError` when its length differs. The listing turns the `Vec` into
//! an array of that length (`let [name, value]: [String; 2] =
//! ....try_into().unwrap()`), whose wrong length ends the program as
//! Python's uncaught error does, as does each row of `for a, b in rows` of
//! a list of lists ([`rows_head`]). Where an `except` of the program could
//! take that `ValueError`, the unpacking is refused (the plan refuses
//! `split()`'s; [`caught_unpacks`] the others, once their types are known).

use super::Renderer;
use super::code::Code;
use super::tuples::pattern_names;
use super::types::{Ty, Types};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{Demo, StmtKind};
use crate::render::plan::ir::expr::Expr;
use crate::render::plan::ir::raises::takes;

impl Renderer<'_> {
    /// `a, b = xs` of a list `xs`: the array binding (or assignment, to
    /// names bound before); false (nothing written) for another value.
    pub(super) fn unpack_list(&mut self, var: &str, value: &Expr) -> bool {
        let Some(names) = pattern_names(var) else {
            return false;
        };
        let Ty::List(item) = self.types.expr_ty(&self.func, value) else {
            return false;
        };
        let c = self.expr(value);
        let array = format!("[{}; {}]", item.rust(), names.len());
        let calls = [".try_into()".to_string(), ".unwrap()".to_string()];
        if names.iter().any(|n| self.declared.contains(*n)) {
            // Names bound before: assigned, the others declared first.
            let bound = self.bind_pattern(&names);
            let pattern = bound.trim_end_matches(" = ").trim_start_matches("let ");
            let pattern = format!(
                "[{}]",
                pattern.trim_start_matches('(').trim_end_matches(')')
            );
            self.chain_line(&format!("{pattern} = "), &c.owned(), &calls, ";");
            return true;
        }
        let pattern = self.loop_pat(var);
        let pattern = format!(
            "[{}]",
            pattern.trim_start_matches('(').trim_end_matches(')')
        );
        let head = format!("let {pattern}: {array} = ");
        self.chain_line(&head, &c.owned(), &calls, ";");
        true
    }
}

/// The head of `for a, b in rows` of a list of lists whose items are
/// copied or strings: each row seen as an array of the pattern's length
/// (`for [a, b] in ...`), of copies or of borrowed strings (the second
/// value), whose wrong length ends the program as Python's uncaught
/// `ValueError` does; `None` for another loop.
pub(super) fn rows_head(var: &str, rows: &Code) -> Option<(String, bool)> {
    let names = pattern_names(var)?;
    let Ty::List(item) = rows.ty.elem() else {
        return None;
    };
    let array = match *item {
        ref t if t.is_copy() => "[_;",
        Ty::Str => "&[_;",
        _ => return None,
    };
    let head = format!(
        "{}.iter().map(|row| <{array} {}]>::try_from(row.as_slice()).unwrap())",
        rows.wrap(10),
        names.len()
    );
    Some((head, *item == Ty::Str))
}

/// The unpackings of a list (`a, b = xs`) in a program with an `except`
/// that could take the `ValueError` of a list of another length: the
/// array's `unwrap` would end the program there instead.
pub(super) fn caught_unpacks(demo: &Demo, types: &Types) -> Vec<Untranslatable> {
    let mut catches = false;
    for f in &demo.functions {
        f.walk(&mut |s| {
            if let StmtKind::Catch { handlers, .. } = &s.kind {
                catches |= handlers.iter().any(|h| {
                    h.classes.is_empty() || h.classes.iter().any(|c| takes(c, "ValueError"))
                });
            }
        });
    }
    let mut out = Vec::new();
    if !catches {
        return out;
    }
    for f in &demo.functions {
        f.walk(&mut |s| {
            let list = match &s.kind {
                StmtKind::Set { var, value } => {
                    pattern_names(var).is_some()
                        && matches!(types.expr_ty(&f.name, value), Ty::List(_))
                }
                // `for a, b in rows` of a list of lists.
                StmtKind::For { var, over, .. } => {
                    pattern_names(var).is_some()
                        && matches!(types.expr_ty(&f.name, over).elem(), Ty::List(_))
                }
                _ => false,
            };
            if list {
                out.push(Untranslatable {
                    span: s.span.clone(),
                    construct: "unpacking a list".into(),
                    reason: "a list of another length raises ValueError, which an `except` \
                             of the program could take; the Rust listing unpacks a list into \
                             an array only where nothing catches it, and a wrong length ends \
                             the program: index the list, or match on its slice \
                             (`let [a, b] = xs[..] else { ... }`)"
                        .into(),
                });
            }
        });
    }
    out
}

/// The loops `for a, b in rows` of a list of lists whose items are
/// neither copied nor strings, which [`rows_head`] does not take.
pub(super) fn unpacked_rows(demo: &Demo, types: &Types) -> Vec<Untranslatable> {
    let mut out = Vec::new();
    for f in &demo.functions {
        f.walk(&mut |s| {
            if let StmtKind::For { var, over, .. } = &s.kind
                && pattern_names(var).is_some()
                && let Ty::List(item) = types.expr_ty(&f.name, over).elem()
                && !item.is_copy()
                && *item != Ty::Str
            {
                out.push(Untranslatable {
                    span: s.span.clone(),
                    construct: "unpacking each row of this list".into(),
                    reason: "the Rust listing unpacks the rows of a list of lists of \
                             numbers or strings, each seen as an array: index the row \
                             instead"
                        .into(),
                });
            }
        });
    }
    out
}
