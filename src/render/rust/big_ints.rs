//! Integers beyond 64 bits: a `num_bigint::BigInt`, as Python's `int`
//! grows without bound. A power of integer literals that `i64` cannot hold
//! (`2**100`) is one; so is, in a program that writes one, an integer that
//! a loop multiplies in place (`result *= n`) or that a function returns as
//! a product with its own call (`n * f(n - 1)`), each of which grows with
//! the loop or the recursion. Such an integer is printed, compared, turned
//! into a string and used in `+`, `-`, `*`, `//` and `%` (`div_floor`
//! and `mod_floor`, Python's rounding) with integers; any other use is
//! listed as not translated at its place.

use super::Renderer;
use super::analysis::stmt_exprs;
use super::code::Code;
use super::expr_walk::each_expr;
use super::types::{Ty, Types};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{Block, Demo, Function, StmtKind};
use crate::render::plan::ir::expr::{BinaryOp, Builtin, Expr, ExprKind, Part, UnaryOp};
use crate::render::plan::ir::value::Value;
use std::collections::HashSet;

/// Whether `a ** b` is a power of integer literals beyond `i64`.
pub(super) fn big_pow(a: &Expr, b: &Expr) -> bool {
    let (ExprKind::Lit(Value::Int(x)), ExprKind::Lit(Value::Int(n))) = (&a.kind, &b.kind) else {
        return false;
    };
    u32::try_from(*n).is_ok_and(|n| x.checked_pow(n).is_none())
}

/// Whether `demo` writes a power of integer literals beyond `i64`.
pub(super) fn writes_big_ints(demo: &Demo) -> bool {
    let mut found = false;
    super::expr_walk::each_program_expr(demo, &mut |e| {
        found |= matches!(&e.kind, ExprKind::Binary(BinaryOp::Pow, a, b) if big_pow(a, b));
    });
    found
}

/// The integers that grow without bound in a program that writes one
/// beyond 64 bits: (function, variable) multiplied in place by a loop, and
/// the functions returning a product with their own call.
pub(super) fn growing(demo: &Demo) -> (Vec<(String, String)>, Vec<String>) {
    if !writes_big_ints(demo) {
        return (Vec::new(), Vec::new());
    }
    let mut vars = Vec::new();
    let mut fns = Vec::new();
    for f in &demo.functions {
        products_in_loops(&f.body, false, &mut |v| {
            vars.push((f.name.clone(), v.to_string()))
        });
        f.walk(&mut |s| {
            if let StmtKind::Return(Some(e)) = &s.kind
                && let ExprKind::Binary(BinaryOp::Mul, a, b) = &e.kind
                && (calls(a, &f.name) || calls(b, &f.name))
                && !fns.contains(&f.name)
            {
                fns.push(f.name.clone());
            }
        });
    }
    (vars, fns)
}

/// Calls `found` with each variable `x` of `x = x * e` inside a loop.
fn products_in_loops<'a>(block: &'a Block, in_loop: bool, found: &mut impl FnMut(&'a str)) {
    for s in block {
        match &s.kind {
            StmtKind::Set { var, value }
                if in_loop
                    && matches!(&value.kind, ExprKind::Binary(BinaryOp::Mul, a, _)
                        if matches!(&a.kind, ExprKind::Var(n) if n == var)) =>
            {
                found(var);
            }
            StmtKind::For { body, .. } | StmtKind::While { body, .. } => {
                products_in_loops(body, true, found)
            }
            _ => {
                for inner in s.blocks() {
                    products_in_loops(inner, in_loop, found);
                }
            }
        }
    }
}

/// Whether `e` is a call of the function `name`.
fn calls(e: &Expr, name: &str) -> bool {
    matches!(&e.kind, ExprKind::Await(call) if call.name == name)
}

impl Types {
    /// Makes the integers [`growing`] finds `BigInt`s; whether any changed.
    pub(super) fn grow_big_ints(&mut self, demo: &Demo) -> bool {
        let (vars, fns) = growing(demo);
        let mut changed = false;
        for (f, v) in vars {
            if self.var(&f, &v) == Ty::Int {
                changed |= self.set(&f, &v, &Ty::BigInt);
            }
        }
        for f in fns {
            if let Some(r) = self.ret.get_mut(&f)
                && *r == Ty::Int
            {
                *r = Ty::BigInt;
                changed = true;
            }
        }
        changed
    }
}

/// `BigInt` of an integer's code.
pub(super) fn to_big(c: &Code) -> Code {
    match c.ty {
        Ty::Int => Code::new(format!("BigInt::from({})", c.text), Ty::BigInt, 10),
        _ => c.clone(),
    }
}

/// An operand of an operator whose operands bind at least as tightly as
/// `min`: a `BigInt` variable borrowed, not moved.
fn operand(c: &Code, min: u8) -> String {
    if c.ty == Ty::BigInt && c.prec == 10 && is_name(&c.text) {
        format!("&{}", c.text)
    } else {
        c.wrap(min)
    }
}

/// A `BigInt` argument of a method, borrowed.
fn borrowed(c: &Code) -> String {
    let c = to_big(c);
    if c.text.starts_with('&') {
        c.text
    } else {
        format!("&{}", c.wrap(10))
    }
}

/// The right side of `x op= e` of a `BigInt`: a variable borrowed.
pub(super) fn borrowed_operand(c: &Code) -> Code {
    Code::new(operand(c, 0), c.ty.clone(), c.prec)
}

fn is_name(text: &str) -> bool {
    text.chars().all(|ch| ch.is_alphanumeric() || ch == '_')
}

impl Renderer<'_> {
    /// `a op b` where either side is a `BigInt` (or is a power of literals
    /// beyond `i64`); `None` for any other operation.
    pub(super) fn big_binary(&mut self, op: BinaryOp, a: &Expr, b: &Expr) -> Option<Code> {
        let ty = |e: &Expr| self.types.expr_ty(&self.func, e);
        if op == BinaryOp::Pow
            && let (ExprKind::Lit(Value::Int(x)), ExprKind::Lit(Value::Int(n))) = (&a.kind, &b.kind)
            && big_pow(a, b)
        {
            self.uses_big_int();
            return Some(Code::new(
                format!("BigInt::from({x}).pow({n})"),
                Ty::BigInt,
                10,
            ));
        }
        if ty(a) != Ty::BigInt && ty(b) != Ty::BigInt {
            return None;
        }
        let (a, b) = (self.expr(a), self.expr(b));
        self.uses_big_int();
        use BinaryOp::*;
        Some(match op {
            Pow => Code::new(format!("{}.pow({})", a.wrap(10), b.text), Ty::BigInt, 10),
            Add | Sub | Mul => {
                let (prec, sym) = match op {
                    Add => (5, "+"),
                    Sub => (5, "-"),
                    _ => (6, "*"),
                };
                let (left, right) = (operand(&a, prec), operand(&b, prec + 1));
                Code::new(format!("{left} {sym} {right}"), Ty::BigInt, prec)
            }
            FloorDiv | Mod => {
                self.use_("num_integer", "Integer");
                let method = if op == FloorDiv {
                    "div_floor"
                } else {
                    "mod_floor"
                };
                Code::new(
                    format!("{}.{method}({})", to_big(&a).wrap(10), borrowed(&b)),
                    Ty::BigInt,
                    10,
                )
            }
            Eq | Ne | Lt | Le | Gt | Ge => {
                let sym = match op {
                    Eq => "==",
                    Ne => "!=",
                    Lt => "<",
                    Le => "<=",
                    Gt => ">",
                    _ => ">=",
                };
                Code::new(
                    format!("{} {sym} {}", to_big(&a).wrap(5), to_big(&b).wrap(5)),
                    Ty::Bool,
                    4,
                )
            }
            _ => return None,
        })
    }

    fn uses_big_int(&mut self) {
        self.use_("num_bigint", "BigInt");
    }

    /// The code of a value given to a `BigInt` place: an integer converted.
    pub(super) fn as_big(&mut self, c: Code) -> Code {
        if c.ty == Ty::Int {
            self.uses_big_int();
        }
        to_big(&c)
    }
}

/// Every use of an integer beyond 64 bits that the listing has no
/// `BigInt` form for.
pub(super) fn big_int_uses(demo: &Demo, types: &Types) -> Vec<Untranslatable> {
    let mut out = Vec::new();
    for f in &demo.functions {
        check_function(f, types, &mut out);
    }
    out
}

fn check_function(f: &Function, types: &Types, out: &mut Vec<Untranslatable>) {
    let ty = |e: &Expr| types.expr_ty(&f.name, e);
    let is_int = |e: &Expr| matches!(ty(e), Ty::Int | Ty::BigInt);
    // The expressions that may be a `BigInt`, by address.
    let mut allowed: HashSet<*const Expr> = HashSet::new();
    let allow = |e: &Expr, allowed: &mut HashSet<*const Expr>| {
        allowed.insert(e as *const Expr);
    };
    let mut all: Vec<&Expr> = Vec::new();
    let mut shared: Vec<&Expr> = Vec::new();
    f.walk(&mut |s| {
        match &s.kind {
            StmtKind::Print(t) | StmtKind::Eprint(t) => {
                for part in &t.parts {
                    if let Part::Hole(e) = part {
                        allow(e, &mut allowed);
                    }
                }
            }
            StmtKind::Set { var, value }
                if types.statics.contains(var) && types.var(&f.name, var) == Ty::BigInt =>
            {
                shared.push(value)
            }
            StmtKind::Set { value, .. } if !matches!(value.kind, ExprKind::Var(_)) => {
                allow(value, &mut allowed)
            }
            StmtKind::Return(Some(e)) => allow(e, &mut allowed),
            _ => {}
        }
        for (e, _) in stmt_exprs(s) {
            each_expr(e, &mut |x| all.push(x));
        }
    });
    // Parents come before their children.
    for x in &all {
        let here = allowed.contains(&(*x as *const Expr));
        match &x.kind {
            ExprKind::Binary(
                BinaryOp::Add
                | BinaryOp::Sub
                | BinaryOp::Mul
                | BinaryOp::FloorDiv
                | BinaryOp::Mod
                | BinaryOp::Eq
                | BinaryOp::Ne
                | BinaryOp::Lt
                | BinaryOp::Le
                | BinaryOp::Gt
                | BinaryOp::Ge,
                a,
                b,
            ) if is_int(a) && is_int(b) => {
                allow(a, &mut allowed);
                allow(b, &mut allowed);
            }
            ExprKind::Binary(BinaryOp::Pow, a, b)
                if big_pow(a, b)
                    || matches!(b.kind, ExprKind::Lit(Value::Int(n)) if u32::try_from(n).is_ok()) =>
            {
                allow(a, &mut allowed);
            }
            ExprKind::Unary(UnaryOp::Neg, a) if here => allow(a, &mut allowed),
            ExprKind::Call(Builtin::Str, args) => args.iter().for_each(|a| allow(a, &mut allowed)),
            ExprKind::Template(t) => {
                for part in &t.parts {
                    if let Part::Hole(e) = part {
                        allow(e, &mut allowed);
                    }
                }
            }
            ExprKind::Await(call) => call
                .args
                .iter()
                .filter(|a| !matches!(a.kind, ExprKind::Var(_)))
                .for_each(|a| allow(a, &mut allowed)),
            _ => {}
        }
    }
    for value in shared {
        out.push(Untranslatable {
            span: value.span.clone(),
            construct: "an integer beyond 64 bits kept in a module's variable".into(),
            reason: "the Rust listing shares a module's integers as `AtomicI64`s; a \
                     `BigInt` would take a `Mutex`: return the value from the function instead"
                .into(),
        });
    }
    let mut refused: Vec<&Expr> = Vec::new();
    for x in all {
        if ty(x) != Ty::BigInt || allowed.contains(&(x as *const Expr)) {
            continue;
        }
        if refused
            .iter()
            .any(|r| r.span.start <= x.span.start && x.span.end <= r.span.end)
        {
            continue;
        }
        refused.push(x);
        out.push(Untranslatable {
            span: x.span.clone(),
            construct: "an integer beyond 64 bits, used here".into(),
            reason: "the Rust listing holds such an integer in a `num_bigint::BigInt`, which it \
                     prints, compares, turns into a string and uses in `+`, `-`, `*`, `//` and \
                     `%` with integers only"
                .into(),
        });
    }
}
