//! Walks over an expression's parts: every sub-expression, the calls it
//! awaits, the comprehensions inside it; and over every expression of a
//! function or of the whole program.

use super::analysis::stmt_exprs;
use crate::render::plan::ir::ast::{Block, Call, Demo, Function, walk};
use crate::render::plan::ir::expr::{Expr, ExprKind, Part};

/// The calls awaited inside an expression (`print(await f(x))`).
pub(super) fn awaited_calls<'a>(e: &'a Expr, out: &mut Vec<&'a Call>) {
    match &e.kind {
        ExprKind::Await(call) | ExprKind::New(call) => {
            out.push(call);
            call.args.iter().for_each(|a| awaited_calls(a, out));
        }
        ExprKind::Method(x, call) => {
            awaited_calls(x, out);
            out.push(call);
            call.args.iter().for_each(|a| awaited_calls(a, out));
        }
        ExprKind::Field(x, _) => awaited_calls(x, out),
        ExprKind::Template(t) => {
            for p in &t.parts {
                if let Part::Hole(h) | Part::Spec(h, _) = p {
                    awaited_calls(h, out);
                }
            }
        }
        ExprKind::Binary(_, a, b) | ExprKind::Slept(a, b) => {
            awaited_calls(a, out);
            awaited_calls(b, out);
        }
        ExprKind::IfElse(c, a, b) => {
            awaited_calls(c, out);
            awaited_calls(a, out);
            awaited_calls(b, out);
        }
        ExprKind::Unary(_, x)
        | ExprKind::GatherAll(x)
        | ExprKind::ItemOutput(x, _)
        | ExprKind::Outcomes(x)
        | ExprKind::Flat(x) => awaited_calls(x, out),
        ExprKind::MapJobs(jobs, timeout) => {
            awaited_calls(jobs, out);
            timeout.iter().for_each(|t| awaited_calls(t, out));
        }
        ExprKind::Exception(_, m) => m.iter().for_each(|x| awaited_calls(x, out)),
        ExprKind::GroupParts(x) => awaited_calls(x, out),
        ExprKind::Spawn(call)
        | ExprKind::Job(call, _)
        | ExprKind::Coro(call)
        | ExprKind::Stream(call)
        | ExprKind::CallParam(call, _) => call.args.iter().for_each(|a| awaited_calls(a, out)),
        ExprKind::CallItem(item, args, _) => {
            awaited_calls(item, out);
            args.iter().for_each(|a| awaited_calls(a, out));
        }
        ExprKind::StrMethod(_, x, args) => {
            awaited_calls(x, out);
            args.iter().for_each(|a| awaited_calls(a, out));
        }
        ExprKind::Comp {
            value,
            over,
            filter,
            ..
        } => {
            awaited_calls(value, out);
            awaited_calls(over, out);
            if let Some(f) = filter {
                awaited_calls(f, out);
            }
        }
        ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::Call(_, items) => {
            items.iter().for_each(|i| awaited_calls(i, out))
        }
        ExprKind::Lit(_)
        | ExprKind::Var(_)
        | ExprKind::Done(_)
        | ExprKind::Cancelled(_)
        | ExprKind::Join(_)
        | ExprKind::NextItem(..)
        | ExprKind::Task(..)
        | ExprKind::Locked(_)
        | ExprKind::Prim(..)
        | ExprKind::Lambda(_)
        | ExprKind::FnDict(_)
        | ExprKind::Member(..)
        | ExprKind::Members(_)
        | ExprKind::Function(_)
        | ExprKind::Now => {}
    }
}

/// The comprehensions inside an expression, outermost first.
pub(super) fn comprehensions<'a>(e: &'a Expr, out: &mut Vec<&'a Expr>) {
    each_expr(e, &mut |x| {
        if matches!(x.kind, ExprKind::Comp { .. }) {
            out.push(x);
        }
    });
}

/// Every expression inside `e`, `e` first.
pub(super) fn each_expr<'a>(e: &'a Expr, f: &mut impl FnMut(&'a Expr)) {
    f(e);
    match &e.kind {
        ExprKind::Comp {
            value,
            over,
            filter,
            ..
        } => {
            each_expr(over, f);
            each_expr(value, f);
            if let Some(x) = filter {
                each_expr(x, f);
            }
        }
        ExprKind::Template(t) => {
            for p in &t.parts {
                if let Part::Hole(h) | Part::Spec(h, _) = p {
                    each_expr(h, f);
                }
                if let Part::Spec(_, spec) = p {
                    spec.nested.iter().for_each(|n| each_expr(n, f));
                }
            }
        }
        ExprKind::Binary(_, a, b) | ExprKind::Slept(a, b) => {
            each_expr(a, f);
            each_expr(b, f);
        }
        ExprKind::IfElse(c, a, b) => {
            each_expr(c, f);
            each_expr(a, f);
            each_expr(b, f);
        }
        ExprKind::Unary(_, x) => each_expr(x, f),
        ExprKind::Exception(_, m) => m.iter().for_each(|x| each_expr(x, f)),
        ExprKind::GroupParts(x) => each_expr(x, f),
        ExprKind::StrMethod(_, x, args) => {
            each_expr(x, f);
            args.iter().for_each(|a| each_expr(a, f));
        }
        ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::Call(_, items) => {
            items.iter().for_each(|i| each_expr(i, f))
        }
        ExprKind::Await(call)
        | ExprKind::Spawn(call)
        | ExprKind::Job(call, _)
        | ExprKind::Coro(call)
        | ExprKind::Stream(call)
        | ExprKind::CallParam(call, _) => call.args.iter().for_each(|a| each_expr(a, f)),
        ExprKind::GatherAll(x)
        | ExprKind::ItemOutput(x, _)
        | ExprKind::Outcomes(x)
        | ExprKind::Flat(x)
        | ExprKind::Field(x, _) => each_expr(x, f),
        ExprKind::MapJobs(jobs, timeout) => {
            each_expr(jobs, f);
            timeout.iter().for_each(|t| each_expr(t, f));
        }
        ExprKind::New(call) => call.args.iter().for_each(|a| each_expr(a, f)),
        ExprKind::Method(x, call) => {
            each_expr(x, f);
            call.args.iter().for_each(|a| each_expr(a, f));
        }
        ExprKind::Lambda(l) => each_expr(&l.body, f),
        ExprKind::FnDict(items) => items.iter().for_each(|i| {
            each_expr(&i.key, f);
            each_expr(&i.body, f);
        }),
        ExprKind::CallItem(item, args, _) => {
            each_expr(item, f);
            args.iter().for_each(|a| each_expr(a, f));
        }
        ExprKind::Lit(_)
        | ExprKind::Var(_)
        | ExprKind::Done(_)
        | ExprKind::Cancelled(_)
        | ExprKind::Join(_)
        | ExprKind::NextItem(..)
        | ExprKind::Task(..)
        | ExprKind::Locked(_)
        | ExprKind::Member(..)
        | ExprKind::Members(_)
        | ExprKind::Function(_)
        | ExprKind::Now
        | ExprKind::Prim(..) => {}
    }
}

/// Every expression of the statements of `block`, nested ones included,
/// sub-expressions too, in source order.
pub(super) fn each_block_expr<'a>(block: &'a Block, visit: &mut impl FnMut(&'a Expr)) {
    walk(block, &mut |s| {
        for (e, _) in stmt_exprs(s) {
            each_expr(e, visit);
        }
    });
}

/// Every expression of `f`'s statements (its body's, then its
/// `__aexit__`'s), sub-expressions included, in source order.
pub(super) fn each_expr_of<'a>(f: &'a Function, visit: &mut impl FnMut(&'a Expr)) {
    each_block_expr(&f.body, visit);
    each_block_expr(&f.exit, visit);
}

/// Every expression the functions of `demo` hold, sub-expressions
/// included: of their statements, then of their fields' first values,
/// function by function.
pub(super) fn each_program_expr<'a>(demo: &'a Demo, visit: &mut impl FnMut(&'a Expr)) {
    for f in &demo.functions {
        each_expr_of(f, visit);
        for (_, e) in &f.fields {
            each_expr(e, visit);
        }
    }
}

/// Every expression of the statements of every function of `demo`, with
/// the function it is in, function by function in source order.
pub(super) fn each_function_expr<'a>(
    demo: &'a Demo,
    visit: &mut impl FnMut(&'a Function, &'a Expr),
) {
    for f in &demo.functions {
        each_expr_of(f, &mut |x| visit(f, x));
    }
}
