//! `del xs[i]` and `del d[k]` of a local list or dict: the item taken out,
//! a [`StrMethod::Del`] kept as a statement. Python raises `IndexError` or
//! `KeyError` when the item is not there (see `ir::op_errors`).

use super::scope::Scope;
use super::stmt::{Step, local_name, one};
use super::{Planner, Result, refuse};
use crate::program::{self as py, ExprKind as E, Target};
use crate::render::plan::ir::ast::StmtKind;
use crate::render::plan::ir::expr::{Expr, ExprKind, StrMethod};

impl Planner<'_> {
    /// The plan statement of `del target`.
    pub(super) fn delete(
        &self,
        sc: &mut Scope,
        rest: &[py::Stmt],
        targets: &[Target],
    ) -> Result<Step> {
        let s = &rest[0];
        if let [Target::Name(py::Name::Local(_, name))] = targets {
            return self.delete_name(sc, s, name);
        }
        let [Target::Subscript(obj, key)] = targets else {
            return refuse(
                &s.span,
                "`del`",
                "the Rust listing deletes one item of a list or dict (`del xs[i]`); Rust \
                 frees a variable's value when it goes out of scope",
            );
        };
        if local_name(obj).is_none() || matches!(key.kind, E::Slice(..)) {
            return refuse(
                &s.span,
                "`del`",
                "the Rust listing deletes one item of a list or dict that is a local \
                 variable of the function",
            );
        }
        let value = Expr {
            kind: ExprKind::StrMethod(
                StrMethod::Del,
                Box::new(self.expr(sc, obj)?),
                vec![self.expr(sc, key)?],
            ),
            span: s.span.clone(),
        };
        let var = "_".to_string();
        one(s, StmtKind::Set { var, value })
    }
}
