//! Which statements can raise through Python's own operations: indexing,
//! a division, `int("x")`, `min([])`, `xs.pop()`... A `try` block made only
//! of operations that cannot fail (printing, sleeping, arithmetic without
//! division, comparisons) never runs an `except` that takes no class the
//! program raises: the Rust listing keeps the block and leaves the clause
//! out, with a comment.

use super::ast::{Block, StmtKind, walk};
use super::expr::{BinaryOp, Builtin, Expr, ExprKind, Part, StrMethod};
use super::value::Value;

/// Whether nothing in `block` can raise an exception of Python's own.
pub fn cannot_raise(block: &Block) -> bool {
    raises_only(block, false)
}

/// Whether only the `raise` statements of `block` can raise (none of
/// Python's own operations there can).
pub fn raises_only_by_raise(block: &Block) -> bool {
    raises_only(block, true)
}

fn raises_only(block: &Block, raises: bool) -> bool {
    let mut ok = true;
    walk(block, &mut |s| {
        ok &= match &s.kind {
            StmtKind::Raise { message, .. } if raises => message.as_ref().is_none_or(safe),
            // A comment in place of what does nothing here.
            StmtKind::Note(_) => true,
            StmtKind::Print(t) | StmtKind::Eprint(t) => t.parts.iter().all(part_safe),
            StmtKind::Sleep(e) | StmtKind::Set { value: e, .. } => safe(e),
            StmtKind::SetField { object, value, .. } => safe(object) && safe(value),
            StmtKind::If { cond: e, .. }
            | StmtKind::While { cond: e, .. }
            | StmtKind::For { over: e, .. } => safe(e),
            _ => false,
        };
    });
    ok
}

fn part_safe(p: &Part) -> bool {
    match p {
        Part::Text(_) => true,
        Part::Hole(e) | Part::Spec(e, _) => safe(e),
    }
}

/// Whether evaluating `e` cannot raise an exception of Python's own.
pub fn cannot_raise_expr(e: &Expr) -> bool {
    safe(e)
}

/// Whether evaluating `e` cannot raise.
fn safe(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Lit(_)
        | ExprKind::Var(_)
        | ExprKind::Done(_)
        | ExprKind::Cancelled(_)
        | ExprKind::Locked(_)
        | ExprKind::Lambda(_)
        | ExprKind::Member(..)
        | ExprKind::Members(_)
        | ExprKind::Function(_)
        | ExprKind::FnDict(_)
        | ExprKind::Now => true,
        ExprKind::List(items) | ExprKind::Tuple(items) => items.iter().all(safe),
        ExprKind::Unary(_, x) => safe(x),
        ExprKind::Exception(_, m) => m.as_deref().is_none_or(safe),
        ExprKind::GroupParts(x) => safe(x),
        ExprKind::Slept(a, b) => safe(a) && safe(b),
        ExprKind::Binary(op, a, b) => {
            !matches!(
                op,
                BinaryOp::Div | BinaryOp::FloorDiv | BinaryOp::Mod | BinaryOp::Pow
            ) && safe(a)
                && safe(b)
        }
        ExprKind::Call(f @ (Builtin::Int | Builtin::Float), args) => {
            matches!(args.as_slice(), [x] if parses(*f, x))
        }
        ExprKind::Call(f, args) => {
            matches!(
                f,
                Builtin::Range
                    | Builtin::Len
                    | Builtin::Str
                    | Builtin::Abs
                    | Builtin::Repr
                    | Builtin::Bool
            ) && args.iter().all(safe)
        }
        ExprKind::Template(t) => t.parts.iter().all(part_safe),
        ExprKind::Comp {
            value,
            over,
            filter,
            ..
        } => safe(value) && safe(over) && filter.as_deref().is_none_or(safe),
        ExprKind::IfElse(c, a, b) => safe(c) && safe(a) && safe(b),
        ExprKind::StrMethod(m, x, args) => {
            !matches!(m, StrMethod::Pop | StrMethod::Remove | StrMethod::SetItem)
                && safe(x)
                && args.iter().all(safe)
        }
        ExprKind::Await(_)
        | ExprKind::Join(_)
        | ExprKind::Prim(..)
        | ExprKind::Spawn(_)
        | ExprKind::Job(..)
        | ExprKind::MapJobs(..)
        | ExprKind::Coro(_)
        | ExprKind::Stream(_)
        | ExprKind::NextItem(..)
        | ExprKind::GatherAll(_)
        | ExprKind::ItemOutput(..)
        | ExprKind::Outcomes(_)
        | ExprKind::Task(..)
        | ExprKind::New(_)
        | ExprKind::CallParam(..)
        | ExprKind::CallItem(..)
        | ExprKind::Method(..) => false,
        ExprKind::Field(x, _) | ExprKind::Flat(x) => safe(x),
    }
}

/// Whether `f(x)` (`int` or `float`) of a number, or of text that reads
/// as one (`int("12")`, `float("nan")`), cannot raise.
fn parses(f: Builtin, x: &Expr) -> bool {
    match &x.kind {
        ExprKind::Lit(Value::Int(_)) => true,
        // `int(x)` of a float that is no number raises.
        ExprKind::Lit(Value::Float(x)) => f == Builtin::Float || x.is_finite(),
        ExprKind::Lit(Value::Str(s)) if f == Builtin::Int => s.parse::<i64>().is_ok(),
        ExprKind::Lit(Value::Str(s)) => s.parse::<f64>().is_ok(),
        _ => false,
    }
}
