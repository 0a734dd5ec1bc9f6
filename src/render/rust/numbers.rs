//! A dict whose values are integers beside floats, as
//! `{"alpha": 3, "gamma": 2.5}`, or a parameter given an integer in one
//! call and a float in another that its function prints or returns to a
//! caller that keeps the value: Python keeps `3` an integer and prints it
//! `3`, where one `f64` would print `3.0`. Its values are one small `Copy`
//! enum the listing carries, `Number`, whose `Display` and `Repr` print as
//! Python does. Such a value may be kept, returned, printed, put in a
//! container, passed to the program's functions, slept for (`to_f64`), or
//! added to, subtracted from or multiplied by an integer (`number_arith`);
//! other arithmetic on it, whose type Python picks as it runs, is refused
//! at its place.

use super::analysis::{stmt_calls, stmt_exprs};
use super::code::Code;
use super::expr_walk::each_expr;
use super::mixed::{Place, each_use};
use super::types::{Ty, Types};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{Demo, Function, FunctionKind, StmtKind};
use crate::render::plan::ir::expr::{BinaryOp, Builtin, Expr, ExprKind, Part, StrMethod};
use crate::render::plan::ir::value::Value;
use std::collections::HashMap;
use std::ops::Range;

/// Whether the values of a dict literal's `(key, value)` items are
/// integer literals beside float literals (and nothing but numbers): a
/// dict of [`Ty::Number`]s.
pub(super) fn number_values(types: &Types, f: &str, items: &[Expr]) -> bool {
    let values: Vec<&Expr> = items
        .iter()
        .filter_map(|kv| match &kv.kind {
            ExprKind::Tuple(pair) if pair.len() == 2 => Some(&pair[1]),
            _ => None,
        })
        .collect();
    let literal = |int: bool| {
        values.iter().any(|v| match &v.kind {
            ExprKind::Lit(Value::Int(_)) => int,
            ExprKind::Lit(Value::Float(_)) => !int,
            _ => false,
        })
    };
    values.len() == items.len()
        && literal(true)
        && literal(false)
        && values
            .iter()
            .all(|v| matches!(types.expr_ty(f, v), Ty::Int | Ty::Float))
}

/// The value `c` (an integer or a float) as the `Number` variant of its type.
pub(super) fn number(c: &Code) -> String {
    match c.ty {
        Ty::Int => format!("Number::Int({})", c.text),
        Ty::Float => format!("Number::Float({})", c.as_f64().text),
        _ => c.text.clone(),
    }
}

impl Types {
    /// Makes a `Number` of each float parameter its function prints, or
    /// returns where the call keeps the value, that a call gives an integer
    /// (Python prints it `1`, an `f64` `1.0`); true if there was one.
    pub(super) fn number_params(&mut self, demo: &Demo) -> bool {
        let mut found = Vec::new();
        for g in &demo.functions {
            let printed = super::promoted::printed_floats(self, g);
            let returned = super::promoted::returned_floats(self, g);
            for f in &demo.functions {
                f.walk(&mut |s| {
                    for call in super::promoted::calls_of(s) {
                        if call.name != g.name {
                            continue;
                        }
                        // A returned parameter matters where the caller keeps the value.
                        let kept = !super::promoted::drops_result(s);
                        let shown = printed
                            .iter()
                            .chain(returned.iter().filter(|_| kept))
                            .filter(|&&i| !operated(self, g, &g.params[i]));
                        for &i in shown {
                            let int = call
                                .args
                                .get(i)
                                .is_some_and(|a| self.expr_ty(&f.name, a) == Ty::Int);
                            if int && !found.contains(&(g.name.as_str(), i)) {
                                found.push((g.name.as_str(), i));
                            }
                        }
                    }
                });
            }
        }
        for (g, i) in &found {
            if let Some(p) = self.params.get_mut(*g).and_then(|ps| ps.get_mut(*i)) {
                *p = Ty::Number;
            }
            if let Some(name) = demo.function(g).and_then(|f| f.params.get(*i)) {
                self.set(g, name, &Ty::Number);
            }
        }
        !found.is_empty()
    }

    /// Makes a list of `Number`s of each list display of integers beside
    /// floats that the program prints (as an `f64`, `1` would print `1.0`);
    /// true if there was one.
    pub(super) fn number_lists(&mut self, demo: &Demo) -> bool {
        let spans: Vec<_> = super::promoted::printed_promoted(demo, self)
            .into_iter()
            .map(|u| u.span)
            .collect();
        let before = self.number_lists.len();
        self.number_lists.extend(spans);
        self.number_lists.len() > before
    }
}

/// Whether `g` computes with its parameter `p` (an operator, a built-in
/// other than `str`/`repr`, a format spec): such a parameter stays a float,
/// and the integer passed to it is refused (see `promoted`). `+`, `-` and
/// `*` with an integer or `p` itself is no such computing: a `Number` does
/// it (see `number_arith`).
fn operated(types: &Types, g: &Function, p: &str) -> bool {
    let is_p = |e: &Expr| matches!(&e.kind, ExprKind::Var(v) if v == p);
    let by_number = |op: BinaryOp, a: &Expr, b: &Expr| {
        let ty = |e: &Expr| match is_p(e) {
            true => Ty::Number,
            false => types.expr_ty(&g.name, e),
        };
        super::number_arith::computes(op, &ty(a), &ty(b))
    };
    let mut found = false;
    g.walk(&mut |s| {
        if let StmtKind::Print(t) | StmtKind::Eprint(t) = &s.kind {
            found |= t
                .parts
                .iter()
                .any(|part| matches!(part, Part::Spec(h, _) if is_p(h)));
        }
        for (e, _) in stmt_exprs(s) {
            each_expr(e, &mut |x| {
                found |= match &x.kind {
                    ExprKind::Binary(op, a, b) => (is_p(a) || is_p(b)) && !by_number(*op, a, b),
                    ExprKind::Unary(_, a) => is_p(a),
                    ExprKind::Call(Builtin::Str | Builtin::Repr, _) => false,
                    ExprKind::Call(_, args) => args.iter().any(is_p),
                    ExprKind::Template(t) => t
                        .parts
                        .iter()
                        .any(|part| matches!(part, Part::Spec(h, _) if is_p(h))),
                    _ => false,
                };
            });
        }
    });
    found
}

/// `Number`, for a listing whose lines build one; its `Repr` where the
/// listing has that trait, its `to_f64` where a line calls it, and the
/// `methods` its checked operations call (see `number_ops`).
pub(super) fn helpers(lines: &[String], repr: bool, methods: &[String]) -> Vec<String> {
    if !lines
        .iter()
        .any(|l| l.contains("Number::Int(") || l.contains("Number::Float("))
    {
        return Vec::new();
    }
    let mut out: Vec<String> = [
        "/// A number Python keeps an integer or a float, as it was written.",
        "#[derive(Clone, Copy, Debug, PartialEq)]",
        "enum Number {",
        "    Int(i64),",
        "    Float(f64),",
        "}",
        "",
        "impl std::fmt::Display for Number {",
        "    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {",
        "        match self {",
        "            Number::Int(v) => write!(f, \"{v}\"),",
        "            Number::Float(v) => write!(f, \"{}\", float_repr(*v)),",
        "        }",
        "    }",
        "}",
        "",
    ]
    .map(String::from)
    .into();
    if lines.iter().any(|l| l.contains(".to_f64()")) || !methods.is_empty() {
        out.extend(
            [
                "impl Number {",
                "    fn to_f64(self) -> f64 {",
                "        match self {",
                "            Number::Int(v) => v as f64,",
                "            Number::Float(v) => v,",
                "        }",
                "    }",
            ]
            .map(String::from),
        );
        out.extend_from_slice(methods);
        out.extend(["}", ""].map(String::from));
    }
    if repr {
        out.extend(
            [
                "impl Repr for Number {",
                "    fn repr(&self) -> String {",
                "        self.to_string()",
                "    }",
                "}",
                "",
            ]
            .map(String::from),
        );
    }
    out
}

/// Every use of a [`Ty::Number`] value other than keeping, returning,
/// printing it, putting it in a container, passing it to one of the
/// program's functions or sleeping for it.
pub(super) fn number_uses(demo: &Demo, types: &Types) -> Vec<Untranslatable> {
    let mut out = Vec::new();
    let cx = Uses {
        types,
        checked: super::op_errors::checked_classes(demo, types),
    };
    let used = types
        .vars
        .values()
        .any(|vars| vars.values().any(|t| *t == Ty::Number || holds_number(t)));
    // The program's own `Number` (a class or enum) would clash with it.
    if used
        && let Some(own) = demo.functions.iter().find(|f| {
            matches!(f.kind, FunctionKind::Object | FunctionKind::Enum)
                && super::names::camel(&f.name) == "Number"
        })
    {
        out.push(Untranslatable {
            span: own.span.clone(),
            construct: "a class named `Number` beside integers and floats kept apart".into(),
            reason: "the Rust listing keeps integers beside floats in an enum of its own named \
                     `Number`: rename the class"
                .into(),
        });
    }
    each_use(demo, &mut |f, s, uses| {
        let kept = matches!(s.kind, StmtKind::Return(_) | StmtKind::Set { .. });
        let sleep = matches!(s.kind, StmtKind::Sleep(_) | StmtKind::Block(_));
        // The arguments of the program's own functions.
        let passed: Vec<&Expr> = stmt_calls(s)
            .into_iter()
            .filter(|c| demo.function(&c.name).is_some())
            .flat_map(|c| &c.args)
            .collect();
        for (e, place) in uses {
            let kept = match place {
                Place::Printed => true,
                Place::Spec => false,
                Place::Stmt { at_duration } => {
                    let given = passed.iter().any(|a| std::ptr::eq(*a, e));
                    kept || given || (sleep && at_duration)
                }
            };
            check(&cx, f, e, kept, &mut out);
        }
    });
    out
}

/// What [`number_uses`] reads: the types, and the operations the listing
/// checks for what an `except` takes.
struct Uses<'a> {
    types: &'a Types,
    checked: HashMap<Range<usize>, &'static str>,
}

/// Whether a value of type `ty` is a list or dict of `Number`s.
fn holds_number(ty: &Ty) -> bool {
    matches!(ty, Ty::List(t) | Ty::Dict(_, t) if **t == Ty::Number)
}

/// A `Number` used where Python's arithmetic picks the type.
fn refusal(e: &Expr) -> Untranslatable {
    Untranslatable {
        span: e.span.clone(),
        construct: "a number that is an integer or a float, used here".into(),
        reason: "the Rust listing keeps a value Python holds as an integer here and a float \
                 there as one enum, `Number`, which it prints, keeps, passes and sleeps for; \
                 an operation on one takes a `match` on its type, as Python decides it when \
                 the program runs"
            .into(),
    }
}

/// [`number_uses`] of `e`, which stands where a `Number` may (`kept`).
fn check(cx: &Uses, f: &str, e: &Expr, kept: bool, out: &mut Vec<Untranslatable>) {
    let types = cx.types;
    let ty = types.expr_ty(f, e);
    match &e.kind {
        ExprKind::List(items)
        | ExprKind::Tuple(items)
        | ExprKind::Call(Builtin::Repr | Builtin::Str | Builtin::List | Builtin::Len, items) => {
            items.iter().for_each(|i| check(cx, f, i, true, out));
        }
        ExprKind::Call(Builtin::Dict, items) => {
            for item in items {
                match &item.kind {
                    ExprKind::Tuple(kv) if kv.len() == 2 => {
                        check(cx, f, &kv[0], false, out);
                        check(cx, f, &kv[1], true, out);
                    }
                    _ => check(cx, f, item, false, out),
                }
            }
        }
        // A dict's value, read by its key.
        ExprKind::Call(Builtin::Index, items) => {
            items.iter().for_each(|i| check(cx, f, i, true, out));
        }
        ExprKind::Template(t) => {
            for p in &t.parts {
                match p {
                    Part::Hole(h) => check(cx, f, h, true, out),
                    Part::Spec(h, _) => check(cx, f, h, false, out),
                    Part::Text(_) => {}
                }
            }
        }
        ExprKind::Comp {
            value,
            over,
            filter,
            ..
        } => {
            check(cx, f, value, true, out);
            check(cx, f, over, true, out);
            if let Some(x) = filter {
                check(cx, f, x, false, out);
            }
        }
        ExprKind::Coro(call) | ExprKind::Await(call) | ExprKind::Spawn(call) => {
            call.args.iter().for_each(|a| check(cx, f, a, true, out));
        }
        // A list or dict of them is read, or given a number.
        ExprKind::StrMethod(m, obj, args) if holds_number(&types.expr_ty(f, obj)) => {
            let read = matches!(
                m,
                StrMethod::Items | StrMethod::Keys | StrMethod::Values | StrMethod::Copy
            );
            if !read && !matches!(m, StrMethod::SetItem) {
                out.push(refusal(e));
                return;
            }
            args.iter().for_each(|a| check(cx, f, a, true, out));
        }
        // A division, floor division or remainder whose `ZeroDivisionError`
        // the program catches (see `number_ops`).
        ExprKind::Binary(op, a, b)
            if super::number_ops::checked_op(*op)
                && cx.checked.get(&e.span) == Some(&"ZeroDivisionError")
                && [a, b]
                    .iter()
                    .all(|x| matches!(types.expr_ty(f, x), Ty::Int | Ty::Float | Ty::Number)) =>
        {
            check(cx, f, a, true, out);
            check(cx, f, b, true, out);
        }
        // `+`, `-` or `*` with an integer: `Number`'s own (see `number_arith`).
        ExprKind::Binary(op, a, b)
            if super::number_arith::computes(*op, &types.expr_ty(f, a), &types.expr_ty(f, b)) =>
        {
            check(cx, f, a, true, out);
            check(cx, f, b, true, out);
        }
        ExprKind::Var(_) | ExprKind::Field(..) | ExprKind::Lit(_) => {}
        // Anything else takes its operands' own types: a `Number` (or a
        // list or dict of them) among them, at any depth, is refused.
        _ => {
            let mut found = false;
            each_expr(e, &mut |x| {
                let t = types.expr_ty(f, x);
                if !found && !std::ptr::eq(x, e) && (t == Ty::Number || holds_number(&t)) {
                    out.push(refusal(x));
                    found = true;
                }
            });
            if found {
                return;
            }
        }
    }
    if ty == Ty::Number && !kept {
        out.push(refusal(e));
    }
}
