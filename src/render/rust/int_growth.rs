//! Integers that could grow past `i64` where Python's grow without bound.
//! In a program that writes no integer beyond 64 bits (see `big_ints`,
//! which makes growing integers `BigInt`s otherwise), an integer a loop
//! multiplies in place (`result *= n`) is an `i64`, which would overflow
//! (a panic, or a wrapped value) where Python prints a big number. The
//! listing keeps it an `i64` only where a bound below `2**63` follows from
//! the source: the product starts from an integer literal and its loops go
//! over `range` of literals or a list display, multiplying by a literal or
//! by a `range` loop's variable. Any other such product is listed as not
//! translated, at its statement; so is a function returning a product with
//! its own call (`base * power(base, exp - 1)`), but where each argument
//! of that call is its parameter or the parameter less a literal, the other
//! factor a parameter or a literal, and every other call passes integer
//! literals, at most `m`, with `m ** m` below `2**63`.

use super::types::{Ty, Types};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{Block, Demo, Function, StmtKind};
use crate::render::plan::ir::expr::{BinaryOp, Builtin, Expr, ExprKind, UnaryOp};
use crate::render::plan::ir::value::Value;

/// `log2` of `i64::MAX`, the bound a product must stay below.
pub(super) const MAX_BITS: f64 = 63.0;

/// An enclosing loop: how many times it runs, and the greatest magnitude
/// its variable takes when it goes over `range` (`None`: not known).
pub(super) struct Loop<'a> {
    var: Option<&'a str>,
    pub(super) count: Option<f64>,
    largest: Option<f64>,
}

impl Loop<'_> {
    /// A loop whose count is not known (a `while`).
    pub(super) fn unknown() -> Self {
        Loop {
            var: None,
            count: None,
            largest: None,
        }
    }
}

/// The value of an integer literal, or of one negated.
pub(super) fn int_value(e: &Expr) -> Option<i64> {
    match &e.kind {
        ExprKind::Lit(Value::Int(n)) => Some(*n),
        ExprKind::Unary(UnaryOp::Neg, x) => int_value(x).map(|n| -n),
        _ => None,
    }
}

/// The loop a `for` over `over` makes.
pub(super) fn loop_of<'a>(var: &'a str, over: &Expr) -> Loop<'a> {
    match &over.kind {
        ExprKind::Call(Builtin::Range, args) => {
            let vals: Option<Vec<i64>> = args.iter().map(int_value).collect();
            let (start, stop, step) = match vals.as_deref() {
                Some([stop]) => (0, *stop, 1),
                Some([start, stop]) => (*start, *stop, 1),
                Some([start, stop, step]) if *step != 0 => (*start, *stop, *step),
                _ => {
                    return Loop {
                        var: Some(var),
                        count: None,
                        largest: None,
                    };
                }
            };
            let span = (stop as f64 - start as f64) / step as f64;
            Loop {
                var: Some(var),
                count: Some(span.ceil().max(0.0)),
                largest: Some((start as f64).abs().max((stop as f64).abs())),
            }
        }
        ExprKind::List(items) => Loop {
            var: None,
            count: Some(items.len() as f64),
            largest: None,
        },
        _ => Loop {
            var: None,
            count: None,
            largest: None,
        },
    }
}

/// `log2` of the magnitude of a product of `start` by `by` once in each
/// run of `loops`, when each is known.
fn product_bits(start: f64, by: &Expr, loops: &[Loop]) -> Option<f64> {
    let factor = match &by.kind {
        ExprKind::Var(n) => loops
            .iter()
            .find(|l| l.var == Some(n.as_str()))
            .and_then(|l| l.largest)?,
        _ => int_value(by)?.unsigned_abs() as f64,
    };
    if start == 0.0 || factor <= 1.0 {
        return Some(start.max(1.0).log2());
    }
    let runs: f64 = loops.iter().map(|l| l.count).product::<Option<f64>>()?;
    Some(start.log2() + runs * factor.log2())
}

/// The greatest magnitude of the literals `var` is set to in `f` other
/// than by the product itself; `None` when another value is set.
fn start_of(f: &Function, var: &str) -> Option<f64> {
    if f.params.iter().any(|p| p == var) {
        return None;
    }
    let mut largest: Option<f64> = Some(0.0);
    f.walk(&mut |s| match &s.kind {
        StmtKind::Set { var: v, value } if v == var => {
            let product = matches!(&value.kind, ExprKind::Binary(BinaryOp::Mul, a, _)
                if matches!(&a.kind, ExprKind::Var(n) if n == var));
            if !product {
                largest = match (largest, int_value(value)) {
                    (Some(l), Some(n)) => Some(l.max(n.unsigned_abs() as f64)),
                    _ => None,
                };
            }
        }
        StmtKind::For { var: v, .. } if v == var => largest = None,
        _ => {}
    });
    largest
}

/// Each `x = x * e` inside a loop of `block`, with its loops.
fn products<'a>(
    f: &'a Function,
    block: &'a Block,
    loops: &mut Vec<Loop<'a>>,
    types: &Types,
    out: &mut Vec<Untranslatable>,
) {
    for s in block {
        match &s.kind {
            StmtKind::Set { var, value }
                if !loops.is_empty()
                    && types.var(&f.name, var) == Ty::Int
                    && let ExprKind::Binary(BinaryOp::Mul, a, by) = &value.kind
                    && matches!(&a.kind, ExprKind::Var(n) if n == var) =>
            {
                let bits = start_of(f, var).and_then(|start| product_bits(start, by, loops));
                if !bits.is_some_and(|b| b < MAX_BITS) {
                    out.push(Untranslatable {
                        span: s.span.clone(),
                        construct: format!("`{var}` multiplied in a loop"),
                        reason: "Python's integer grows without bound, Rust's `i64` overflows \
                                 past 2**63: the listing keeps an `i64` where the product is \
                                 bounded by a literal start, loops over `range` of literals or \
                                 a list display, and literal factors or a range's variable"
                            .into(),
                    });
                }
            }
            StmtKind::For { var, over, body } => {
                loops.push(loop_of(var, over));
                products(f, body, loops, types, out);
                loops.pop();
            }
            StmtKind::While { body, .. } => {
                loops.push(Loop::unknown());
                products(f, body, loops, types, out);
                loops.pop();
            }
            _ => {
                for inner in s.blocks() {
                    products(f, inner, loops, types, out);
                }
            }
        }
    }
}

/// Whether `e` calls the function `name`.
fn calls(e: &Expr, name: &str) -> bool {
    matches!(&e.kind, ExprKind::Await(call) if call.name == name)
}

/// Whether the product `a * b` that `f` returns, one factor a call of
/// itself, stays below `2**63`: the call's arguments are `f`'s parameters
/// or each less a literal, the other factor a parameter or a literal, and
/// every call from another function passes integer literals of at most
/// `m`, with `m ** m` below `2**63` (at most `m` factors of at most `m`).
fn bounded_recursion(demo: &Demo, f: &Function, a: &Expr, b: &Expr) -> bool {
    let (call, other) = match (&a.kind, &b.kind) {
        (ExprKind::Await(call), _) => (call, b),
        (_, ExprKind::Await(call)) => (call, a),
        _ => return false,
    };
    let shrinks = call.args.len() == f.params.len()
        && call
            .args
            .iter()
            .zip(&f.params)
            .all(|(arg, p)| match &arg.kind {
                ExprKind::Var(n) => n == p,
                ExprKind::Binary(BinaryOp::Sub, x, k) => {
                    matches!(&x.kind, ExprKind::Var(n) if n == p)
                        && int_value(k).is_some_and(|k| k >= 1)
                }
                _ => false,
            });
    let mut largest = match &other.kind {
        ExprKind::Var(n) if f.params.contains(n) => 0,
        _ => match int_value(other) {
            Some(n) => n.unsigned_abs(),
            None => return false,
        },
    };
    let mut known = shrinks;
    for g in demo.functions.iter().filter(|g| g.name != f.name) {
        super::expr_walk::each_expr_of(g, &mut |e| match &e.kind {
            ExprKind::Await(c) if c.name == f.name => {
                for arg in &c.args {
                    match int_value(arg) {
                        Some(n) => largest = largest.max(n.unsigned_abs()),
                        None => known = false,
                    }
                }
            }
            ExprKind::Spawn(c) | ExprKind::Coro(c) | ExprKind::Job(c, _) if c.name == f.name => {
                known = false
            }
            ExprKind::Function(n) if *n == f.name => known = false,
            _ => {}
        });
    }
    let m = largest as f64;
    known && (m <= 1.0 || m * m.log2() < MAX_BITS)
}

/// Every integer product of `demo` that could pass `i64` where Python's
/// integer grows, in a program whose integers are `i64`s.
pub(super) fn unbounded_products(demo: &Demo, types: &Types) -> Vec<Untranslatable> {
    if super::big_ints::writes_big_ints(demo) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for f in &demo.functions {
        products(f, &f.body, &mut Vec::new(), types, &mut out);
        f.walk(&mut |s| {
            if let StmtKind::Return(Some(e)) = &s.kind
                && let ExprKind::Binary(BinaryOp::Mul, a, b) = &e.kind
                && (calls(a, &f.name) || calls(b, &f.name))
                && types.ret.get(&f.name) == Some(&Ty::Int)
                && !bounded_recursion(demo, f, a, b)
            {
                out.push(Untranslatable {
                    span: s.span.clone(),
                    construct: format!("`{}` returning a product with its own call", f.name),
                    reason: "Python's integer grows without bound, Rust's `i64` overflows past \
                             2**63, and the listing does not bound the depth of the recursion"
                        .into(),
                });
            }
        });
    }
    out
}
