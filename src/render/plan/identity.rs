//! `a is b` and `a is not b` where the listing knows the answer from the
//! values' kinds: a comparison with `None` (Rust compares the value with
//! `()`, see `rust::identity`), of two constants, or of two built-in
//! exception classes (`asyncio.TimeoutError is TimeoutError`).

use super::scope::Scope;
use super::stmt::EXCEPTIONS;
use super::{Planner, Result};
use crate::program::{self as py, CmpOp, ExprKind as E, Literal, Module, Name};
use crate::render::plan::ir::expr::{BinaryOp, ExprKind};
use crate::render::plan::ir::value::Value;

impl Planner<'_> {
    /// `a is b` (`is not` when `negated`) as a comparison the listing can
    /// write; `None` when it compares identities the listing does not know.
    pub(super) fn identity(
        &self,
        sc: &Scope,
        a: &py::Expr,
        op: CmpOp,
        b: &py::Expr,
    ) -> Result<Option<ExprKind>> {
        let negated = op == CmpOp::IsNot;
        let span = a.span.start..b.span.end;
        if self.enum_compare(a, None, b, &span)? {
            let op = if negated { BinaryOp::Ne } else { BinaryOp::Eq };
            return Ok(Some(ExprKind::Binary(
                op,
                Box::new(self.expr(sc, a)?),
                Box::new(self.expr(sc, b)?),
            )));
        }
        if let (Some(x), Some(y)) = (self.known(a), self.known(b)) {
            return Ok(Some(ExprKind::Lit(Value::Bool((x == y) != negated))));
        }
        let is_none = |e: &py::Expr| matches!(e.kind, E::Literal(Literal::None));
        if !is_none(a) && !is_none(b) {
            return Ok(None);
        }
        let op = if negated { BinaryOp::Ne } else { BinaryOp::Eq };
        Ok(Some(ExprKind::Binary(
            op,
            Box::new(self.expr(sc, a)?),
            Box::new(self.expr(sc, b)?),
        )))
    }

    /// The object `e` stands for when it is one of a kind: `None`, `True`,
    /// `False`, or a built-in exception class by its qualified name.
    fn known(&self, e: &py::Expr) -> Option<String> {
        match &e.kind {
            E::Literal(Literal::None) => Some("None".into()),
            E::Literal(Literal::Bool(b)) => Some(b.to_string()),
            E::Name(Name::Global(n))
                if (EXCEPTIONS.contains(&&**n)
                    || matches!(&**n, "BaseException" | "TimeoutError"))
                    && !self.defs.contains_key(&**n)
                    && !self.imports.contains_key(&**n) =>
            {
                Some(n.to_string())
            }
            _ => match self.member(e)? {
                (Module::Asyncio, "TimeoutError") => Some("TimeoutError".into()),
                (Module::Asyncio, m @ ("CancelledError" | "InvalidStateError")) => {
                    Some(format!("asyncio.{m}"))
                }
                _ => None,
            },
        }
    }
}
