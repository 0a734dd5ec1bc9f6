//! Queues that carry `None` to stop their consumers (`await
//! queue.put(None)`): the listing's channel carries `Option`s, and a
//! consumer takes each item with `let Some(item) = ... else { ... };`, so
//! the consumer must test the item it got at once: `item = await
//! queue.get()` followed by `if item is None:` whose block leaves the loop
//! or the function.

use super::{Planner, Result, refuse};
use crate::program::{self as py, Arg, CmpOp, Code, ExprKind as E, Literal, StmtKind as P};

const SHAPE: &str = "a queue that carries `None` is a channel of `Option`s: the Rust listing \
                     takes its items with `let Some(item) = ... else { ... }`, so write `item = \
                     await queue.get()` followed at once by `if item is None:` whose block ends \
                     with `break`, `continue` or `return`";

/// Whether `e` calls `put` or `put_nowait` with `None`.
fn puts_none(e: &py::Expr) -> bool {
    let inner = match &e.kind {
        E::Await(x) => x,
        _ => e,
    };
    matches!(&inner.kind, E::Call(f, args)
        if matches!(&f.kind, E::Attr(_, m) if matches!(&**m, "put" | "put_nowait"))
            && matches!(args.as_slice(), [Arg::Positional(x)]
                if matches!(x.kind, E::Literal(Literal::None))))
}

/// Whether a statement of `code` (nested definitions included) puts `None`
/// on a queue.
fn code_puts_none(code: &Code) -> bool {
    let mut found = false;
    py::walk(&code.body, &mut |s| match &s.kind {
        P::Expr(e) => found |= puts_none(e),
        P::Def { code, .. } | P::Class { code, .. } => found |= code_puts_none(code),
        _ => {}
    });
    found
}

/// Whether `s` is `if var is None:` with no `else`, whose block ends by
/// leaving the loop or the function.
fn tests_none(s: &py::Stmt, var: &str) -> bool {
    let P::If { test, body, orelse } = &s.kind else {
        return false;
    };
    let E::Compare(a, ops) = &test.kind else {
        return false;
    };
    let leaves = matches!(
        body.last().map(|s| &s.kind),
        Some(P::Break | P::Continue | P::Return(_))
    );
    orelse.is_empty()
        && leaves
        && super::stmt::local_name(a) == Some(var)
        && matches!(ops.as_slice(), [(CmpOp::Is, b)] if matches!(b.kind, E::Literal(Literal::None)))
}

impl Planner<'_> {
    /// Whether the program puts `None` on a queue to stop its consumers.
    pub(super) fn carries_none(&self) -> bool {
        code_puts_none(&self.program.module)
    }

    /// Refuses `var = value` when `value` takes an item of a queue that
    /// carries `None` and `next` does not test it at once (see [`SHAPE`]).
    pub(super) fn sentinel_get(
        &self,
        value: &py::Expr,
        var: &str,
        next: Option<&py::Stmt>,
    ) -> Result<()> {
        let (call, awaited) = match &value.kind {
            E::Await(inner) => (&**inner, true),
            _ => (value, false),
        };
        let E::Call(f, _) = &call.kind else {
            return Ok(());
        };
        let method = if awaited { "get" } else { "get_nowait" };
        if !matches!(&f.kind, E::Attr(_, m) if **m == *method) || !self.carries_none() {
            return Ok(());
        }
        if awaited && next.is_some_and(|s| tests_none(s, var)) {
            return Ok(());
        }
        refuse(&value.span, "an item of a queue that carries `None`", SHAPE)
    }
}
