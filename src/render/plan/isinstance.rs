//! `isinstance(x, cls)` of built-in classes (`int`, `float`, `str`,
//! `bool`, `list`, `dict`, `tuple`), the program's plain classes (which
//! have no subclass in the listing), or a tuple of them, `x` a variable or
//! a literal: a Rust value has one type, which decides the answer, so the
//! listing writes it as `true` or `false` (see `rust::isinstance`).

use super::scope::Scope;
use super::{Planner, Result, refuse};
use crate::program::{self as py, Arg, ExprKind as E, Name};
use crate::render::plan::ir::expr::{Builtin, Expr, ExprKind};
use crate::render::plan::ir::value::Value;

/// The classes whose instances the listing's types tell apart.
const CLASSES: [&str; 7] = ["int", "float", "str", "bool", "list", "dict", "tuple"];

impl Planner<'_> {
    /// `isinstance(x, cls)` as [`Builtin::IsInstance`]; `None` for another
    /// call, or another `isinstance` (which stays refused).
    pub(super) fn isinstance(
        &self,
        sc: &Scope,
        f: &py::Expr,
        args: &[Arg],
    ) -> Result<Option<ExprKind>> {
        let E::Name(Name::Global(n)) = &f.kind else {
            return Ok(None);
        };
        let [Arg::Positional(x), Arg::Positional(cls)] = args else {
            return Ok(None);
        };
        if &**n != "isinstance" || self.defs.contains_key("isinstance") {
            return Ok(None);
        }
        let one = |c: &py::Expr| match &c.kind {
            E::Name(Name::Global(c))
                if (CLASSES.contains(&&**c) && !self.defs.contains_key(&**c))
                    || self.is_plain_class(c) =>
            {
                Some(c.to_string())
            }
            _ => None,
        };
        let classes: Option<Vec<String>> = match &cls.kind {
            E::Tuple(items) if !items.is_empty() => items.iter().map(one).collect(),
            _ => one(cls).map(|c| vec![c]),
        };
        let Some(classes) = classes else {
            return Ok(None);
        };
        // `x` is read for its type only: nothing it does may be left out.
        if !matches!(x.kind, E::Name(_) | E::Literal(_)) && !self.made_bare(x) {
            return refuse(
                &x.span,
                "`isinstance` of this expression",
                "the Rust listing writes `isinstance` as `true` or `false`, which the type \
                 of the value decides, leaving the value unread: it takes a variable or a \
                 literal (keep this value in a variable first)",
            );
        }
        Ok(Some(ExprKind::Call(
            Builtin::IsInstance,
            vec![
                self.expr(sc, x)?,
                Expr::lit(Value::Str(classes.join(" ").into())),
            ],
        )))
    }

    /// Whether `x` is `C()` of a plain class of the module with nothing in
    /// it (`class C: pass`), no base and no decorator: making it does
    /// nothing the program shows, so `isinstance` may leave it unmade (and
    /// the listing its struct, see `rust::unused_classes`).
    fn made_bare(&self, x: &py::Expr) -> bool {
        let E::Call(f, args) = &x.kind else {
            return false;
        };
        let E::Name(Name::Global(c)) = &f.kind else {
            return false;
        };
        if !args.is_empty() || !self.is_plain_class(c) {
            return false;
        }
        crate::render::plan::module_stmts(&self.program.module.body)
            .into_iter()
            .any(|s| match &s.kind {
                py::StmtKind::Class {
                    name,
                    code,
                    bases,
                    decorators,
                } if name.ident() == c => {
                    bases.is_empty()
                        && decorators.is_empty()
                        && code.body.iter().all(|s| {
                            matches!(s.kind, py::StmtKind::Pass) || super::objects::is_docstring(s)
                        })
                }
                _ => false,
            })
    }
}
