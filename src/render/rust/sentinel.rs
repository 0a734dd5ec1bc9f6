//! A queue that carries `None` to stop its consumers is a channel of
//! `Option`s: `item = await queue.get()` followed by `if item is None:
//! ...` (see `plan::sentinel`) is `let Some(item) = ... else { ... };`.

use super::Renderer;
use super::names::ident;
use super::types::Ty;
use crate::render::plan::ir::ast::{Stmt, StmtKind};
use crate::render::plan::ir::expr::{BinaryOp, ExprKind};
use crate::render::plan::ir::primitive::PrimOp;
use crate::render::plan::ir::value::Value;

impl Renderer<'_> {
    /// `let Some(item) = queue_rx.recv()... else { ... };` for the statement
    /// `s` that takes an item of a queue of `Option`s and `next`, its test
    /// for `None`; false (nothing written) for other statements.
    pub(super) fn sentinel_get(&mut self, s: &Stmt, next: Option<&Stmt>) -> bool {
        let StmtKind::PrimCall {
            object,
            op: PrimOp::Get,
            arg: None,
            into: Some(var),
        } = &s.kind
        else {
            return false;
        };
        let Ty::Queue(item) = self.var_ty(object) else {
            return false;
        };
        let Some(Stmt {
            kind:
                StmtKind::If {
                    cond,
                    then,
                    otherwise,
                },
            ..
        }) = next
        else {
            return false;
        };
        let tests = matches!(&cond.kind, ExprKind::Binary(BinaryOp::Eq, a, b)
            if matches!(&a.kind, ExprKind::Var(v) if v == var)
                && matches!(b.kind, ExprKind::Lit(Value::None)));
        if !matches!(*item, Ty::Option(_))
            || !tests
            || !otherwise.is_empty()
            || self.declared.contains(var)
            || self.fields.contains(var)
        {
            return false;
        }
        let start = self.lines.len();
        let (links, _) = self.prim_chain(object, PrimOp::Get, None);
        self.declared.insert(var.clone());
        let m = if self.assigned.get(var).copied().unwrap_or(0) > 1 {
            "mut "
        } else {
            ""
        };
        self.line(format!(
            "let Some({m}{}) = {} else {{",
            ident(var),
            links.concat()
        ));
        self.indent += 1;
        self.body(then, false);
        self.indent -= 1;
        self.line("};");
        let lines = start..self.lines.len();
        self.spans.insert(s.id, lines.clone());
        if let Some(next) = next {
            self.spans.insert(next.id, lines);
        }
        true
    }
}
