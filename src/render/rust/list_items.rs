//! Strings put in a list display: `[names[0], names[1]]` copies them where
//! the list holds `String`s, as a `Vec` cannot give its items away and the
//! list lives on; `[a, b]` copies a `String` variable read again later (or
//! again in a loop around it); a loop's borrowed item beside `String`s is
//! made one too.

use super::analysis::assigned_in;
use super::code::Code;
use super::tuples::pattern_names;
use super::types::Ty;
use crate::render::plan::ir::ast::{Function, StmtKind};
use crate::render::plan::ir::expr::{Builtin, Expr, ExprKind};

impl super::Renderer<'_> {
    /// The text each item of a list display (`items`, rendered as `codes`)
    /// takes where it is not as rendered: a clone of a `String` the list
    /// would otherwise move out of where it is still needed.
    pub(super) fn list_item_copies(&self, items: &[Expr], codes: &[Code]) -> Vec<Option<String>> {
        let mut copies: Vec<Option<String>> = items
            .iter()
            .zip(codes)
            .map(|(i, c)| self.list_item_copy(i, c))
            .collect();
        // A loop's item is a `&String`: beside a `String`, it is copied.
        let borrowed = |i: &Expr| matches!(&i.kind, ExprKind::Var(v) if self.borrowed.contains(v));
        let owned = copies.iter().any(Option::is_some)
            || items.iter().zip(codes).any(|(i, c)| {
                c.ty == Ty::Str
                    && (c.fresh || matches!(i.kind, ExprKind::Var(_)) && !c.str_ref && !borrowed(i))
            });
        if owned {
            for ((i, c), copy) in items.iter().zip(codes).zip(&mut copies) {
                if c.ty == Ty::Str && borrowed(i) {
                    *copy = Some(format!("{}.to_string()", c.wrap(10)));
                }
            }
        }
        copies
    }

    /// A clone of `item`, rendered as `c`: a `String` read by index from a
    /// list of `String`s, or a `String` variable still needed after.
    fn list_item_copy(&self, item: &Expr, c: &Code) -> Option<String> {
        if c.ty != Ty::Str || c.str_ref || c.fresh {
            return None;
        }
        let args = match &item.kind {
            ExprKind::Call(Builtin::Index, args) => args,
            ExprKind::Var(v) if c.text == *v && !self.borrowed.contains(v) => {
                let f = self.demo.function(&self.func)?;
                let later = super::object_alias::named_after(f, v, item.span.end)
                    || looped_over(f, v, item);
                return later.then(|| format!("{v}.clone()"));
            }
            _ => return None,
        };
        let [obj, _] = args.as_slice() else {
            return None;
        };
        if !matches!(self.types.expr_ty(&self.func, obj), Ty::List(_)) {
            return None;
        }
        // A list of `&str`s gives copies of its items as they are.
        if let ExprKind::Var(v) = &obj.kind
            && (self.types.statics.contains(v)
                || self
                    .types
                    .borrowed_str_lists
                    .contains(&(self.func.clone(), v.clone())))
        {
            return None;
        }
        Some(format!("{}.clone()", c.wrap(10)))
    }
}

/// Whether `item` is in a loop of `f` that does not set `var` itself: the
/// next round reads the same variable again.
fn looped_over(f: &Function, var: &str, item: &Expr) -> bool {
    let mut found = false;
    f.walk(&mut |s| {
        if !(s.span.start <= item.span.start && item.span.end <= s.span.end) {
            return;
        }
        let (own, body) = match &s.kind {
            StmtKind::For { var: v, body, .. } | StmtKind::AsyncFor { var: v, body, .. } => (
                pattern_names(v).unwrap_or_else(|| vec![v]).contains(&var),
                body,
            ),
            StmtKind::While { body, .. } => (false, body),
            _ => return,
        };
        found |= !own && !assigned_in(body).contains(var);
    });
    found
}
