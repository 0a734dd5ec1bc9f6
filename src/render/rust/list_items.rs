//! Strings put in a list display: `[names[0], names[1]]` copies them where
//! the list holds `String`s, as a `Vec` cannot give its items away and the
//! list lives on; `[a, b]` copies a `String` variable read again later.

use super::code::Code;
use super::types::Ty;
use crate::render::plan::ir::expr::{Builtin, Expr, ExprKind};

impl super::Renderer<'_> {
    /// The text of `item`, rendered as `c`, as a list display holds it: a
    /// clone of a `String` read by index from a list of `String`s, or of a
    /// `String` variable the function names again after it.
    pub(super) fn list_item_copy(&self, item: &Expr, c: &Code) -> Option<String> {
        if c.ty != Ty::Str || c.str_ref || c.fresh {
            return None;
        }
        let args = match &item.kind {
            ExprKind::Call(Builtin::Index, args) => args,
            ExprKind::Var(v) if c.text == *v => {
                let f = self.demo.function(&self.func)?;
                let later = super::object_alias::named_after(f, v, item.span.end);
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
