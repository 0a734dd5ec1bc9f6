//! `name, value = line.split()`: Python unpacks the list, raising
//! `ValueError` when its length differs. The listing turns the `Vec` into
//! an array of that length (`let [name, value]: [String; 2] =
//! ....try_into().unwrap()`), whose wrong length ends the program as
//! Python's uncaught error does. Where an `except` of the program could
//! take that `ValueError`, the unpacking is refused (the plan refuses
//! `split()`'s; [`caught_unpacks`] the others, once their types are known).

use super::Renderer;
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
            if let StmtKind::Set { var, value } = &s.kind
                && pattern_names(var).is_some()
                && matches!(types.expr_ty(&f.name, value), Ty::List(_))
            {
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
