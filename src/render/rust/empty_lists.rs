//! A local list that is `[]` and stays so: bound once to `[]`, never
//! changed in place, never handed to a call. Its truth is known (false),
//! so `xs and xs[0]` is `xs` itself, and, holding nothing of any type, it
//! is a `Vec<()>` where nothing else tells Rust its item type.

use super::Renderer;
use super::analysis::{binds, mutated_lists, stmt_calls, stmt_exprs};
use super::expr_walk::each_expr;
use super::types::Ty;
use crate::render::plan::ir::ast::{Block, Call, StmtKind, walk};
use crate::render::plan::ir::expr::{BinaryOp, Builtin, Expr, ExprKind};

/// Whether `e` is the variable `var`.
fn is_var(e: &Expr, var: &str) -> bool {
    matches!(&e.kind, ExprKind::Var(v) if v == var)
}

/// Whether a call is handed `var` itself (and so may change it).
fn passed(call: &Call, var: &str) -> bool {
    call.args.iter().any(|a| is_var(a, var))
}

/// Whether `var` is bound in `body` once, to `[]`, and neither changed in
/// place nor handed to a call nor bound again.
pub(super) fn always_empty(body: &Block, var: &str) -> bool {
    let (mut empty_sets, mut other) = (0, false);
    walk(body, &mut |s| {
        match &s.kind {
            StmtKind::Set { var: v, value } if v == var => match &value.kind {
                ExprKind::List(items) if items.is_empty() => empty_sets += 1,
                _ => other = true,
            },
            StmtKind::For { var: v, .. } if v == var => other = true,
            _ => other |= binds(s).is_some_and(|v| v == var),
        }
        other |= stmt_calls(s).iter().any(|c| passed(c, var));
        for (e, _) in stmt_exprs(s) {
            each_expr(e, &mut |x| match &x.kind {
                ExprKind::Await(c)
                | ExprKind::Spawn(c)
                | ExprKind::Job(c, _)
                | ExprKind::Coro(c)
                | ExprKind::New(c)
                | ExprKind::Method(_, c) => other |= passed(c, var),
                _ => {}
            });
        }
    });
    empty_sets == 1 && !other && !mutated_lists(body).iter().any(|m| m == var)
}

/// How many times `var` is read in `e`.
fn reads_of(e: &Expr, var: &str) -> usize {
    let mut n = 0;
    each_expr(e, &mut |x| n += usize::from(is_var(x, var)));
    n
}

/// Whether every read of `var` in `body` leaves its item type open: the
/// left operand of an `and` (which then gives it back, its right operand
/// never run), a printed value, the argument of `repr`, `str` or `len`.
fn untyped_reads(body: &Block, var: &str) -> bool {
    let (mut reads, mut open) = (0, 0);
    walk(body, &mut |s| {
        let printed = matches!(s.kind, StmtKind::Print(_) | StmtKind::Eprint(_));
        for (e, _) in stmt_exprs(s) {
            if printed && is_var(e, var) {
                open += 1;
            }
            reads += reads_of(e, var);
            each_expr(e, &mut |x| match &x.kind {
                ExprKind::Binary(BinaryOp::And, a, b) if is_var(a, var) => {
                    open += 1 + reads_of(b, var);
                }
                ExprKind::Call(Builtin::Repr | Builtin::Str | Builtin::Len, args) if matches!(args.as_slice(), [x] if is_var(x, var)) =>
                {
                    open += 1;
                }
                _ => {}
            });
        }
    });
    reads == open
}

impl Renderer<'_> {
    /// `var = []` of a list that stays empty and whose item type nothing
    /// tells: `Vec::<()>::new()`.
    pub(super) fn empty_list(&self, var: &str, value: &Expr) -> Option<String> {
        let empty = matches!(&value.kind, ExprKind::List(items) if items.is_empty());
        if !empty || self.var_ty(var) != Ty::List(Box::new(Ty::Unknown)) {
            return None;
        }
        let f = self.demo.functions.iter().find(|f| f.name == self.func)?;
        (always_empty(&f.body, var) && untyped_reads(&f.body, var))
            .then(|| "Vec::<()>::new()".to_string())
    }
}
