//! `d.setdefault(k, []).append(x)`: the list of a local dict's key, made
//! empty when the key is new, and grown in place: Rust's entry API
//! (`d.entry(k).or_insert_with(Vec::new).push(x)`).

use super::scope::Scope;
use super::{Planner, Result};
use crate::program::{self as py, Arg, ExprKind as E, Name};
use crate::render::plan::ir::expr::{ExprKind, StrMethod};

impl Planner<'_> {
    /// `.append(x)` on `d.setdefault(k, [])` of a local dict `d`; `None`
    /// for another call.
    pub(super) fn entry_method(
        &self,
        sc: &Scope,
        method: StrMethod,
        obj: &py::Expr,
        args: &[Arg],
    ) -> Result<Option<ExprKind>> {
        if method != StrMethod::Append {
            return Ok(None);
        }
        let E::Call(f, given) = &obj.kind else {
            return Ok(None);
        };
        let (E::Attr(dict, m), [Arg::Positional(key), Arg::Positional(empty)]) =
            (&f.kind, given.as_slice())
        else {
            return Ok(None);
        };
        if &**m != "setdefault"
            || !matches!(dict.kind, E::Name(Name::Local(..) | Name::Cell(..)))
            || !matches!(&empty.kind, E::List(items) if items.is_empty())
        {
            return Ok(None);
        }
        let entry = crate::render::plan::ir::expr::Expr {
            kind: ExprKind::StrMethod(
                StrMethod::SetDefault,
                Box::new(self.expr(sc, dict)?),
                vec![self.expr(sc, key)?],
            ),
            span: obj.span.clone(),
        };
        let span = obj.span.start..obj.span.end;
        Ok(Some(ExprKind::StrMethod(
            method,
            Box::new(entry),
            self.positional(sc, args, &span)?,
        )))
    }
}
