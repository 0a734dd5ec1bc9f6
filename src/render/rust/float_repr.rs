//! Printed floats as Python's `repr` writes them. Rust's `{:?}` picks the
//! same digits and switches to the exponent at the same sizes (from `1e16`
//! up and below `1e-4`), but writes `1e16`, `1e-5` and `NaN` where Python
//! writes `1e+16`, `1e-05` and `nan`. A printed float whose values are
//! known to be few and none of those keeps the plain `{x:?}`; any other
//! goes through the listing's `float_repr`.

use super::Renderer;
use super::analysis::stmt_exprs;
use super::code::Code;
use super::expr_walk::each_expr;
use super::types::Ty;
use crate::render::plan::ir::ast::{Calls, Demo, Function, StmtKind, walk};
use crate::render::plan::ir::expr::{BinaryOp, Builtin, Expr, ExprKind, UnaryOp};
use crate::render::plan::ir::value::Value;

/// `float_repr`: Python's `repr` of a float.
const FLOAT_REPR: &[&str] = &[
    "/// Python's `repr` of a float: `1e+16`, `1e-05`, `nan`.",
    "fn float_repr(x: f64) -> String {",
    "    if x.is_nan() {",
    "        return \"nan\".to_string();",
    "    }",
    "    let text = format!(\"{x:?}\");",
    "    match text.split_once('e') {",
    "        Some((digits, exp)) => match exp.strip_prefix('-') {",
    "            Some(exp) => format!(\"{digits}e-{exp:0>2}\"),",
    "            None => format!(\"{digits}e+{exp:0>2}\"),",
    "        },",
    "        None => text,",
    "    }",
    "}",
];

/// `float_list`: Python's `repr` of a list of floats.
const FLOAT_LIST: &[&str] = &[
    "/// Python's `repr` of a list of floats.",
    "fn float_list(items: &[f64]) -> String {",
    "    let items: Vec<String> = items.iter().map(|&x| float_repr(x)).collect();",
    "    format!(\"[{}]\", items.join(\", \"))",
    "}",
];

/// The helpers the listing's lines use (`repr`: it has the `Repr` trait,
/// whose floats print through `float_repr`).
pub(super) fn helpers(calls: &dyn Fn(&str) -> bool, repr: bool) -> Vec<&'static str> {
    let mut out = Vec::new();
    let list = calls("float_list(");
    if repr || list || calls("float_repr(") {
        out.extend_from_slice(FLOAT_REPR);
        out.push("");
    }
    if list {
        out.extend_from_slice(FLOAT_LIST);
        out.push("");
    }
    out
}

/// At most this many values are followed through a program.
const MOST: usize = 64;

/// What a float may be: one of a few exact values, or a reading of the
/// clock (or the difference of two), which counts whole steps of the
/// program's timers, or a sum of such values: finite, neither NaN nor
/// `-0.0`, of no known size.
#[derive(Clone, Debug, PartialEq)]
enum Known {
    Exact(Vec<f64>),
    Clock,
    Finite,
}

impl Known {
    /// Finite, neither NaN nor `-0.0`.
    fn finite(&self) -> bool {
        match self {
            Known::Exact(xs) => xs
                .iter()
                .all(|x| x.is_finite() && !(*x == 0.0 && x.is_sign_negative())),
            Known::Clock | Known::Finite => true,
        }
    }
}

/// What a value that is `a` here and `b` there may be.
fn join(a: Known, b: Known) -> Option<Known> {
    match (a, b) {
        (Known::Exact(mut xs), Known::Exact(ys)) => {
            xs.extend(ys);
            few(xs)
        }
        (Known::Clock, Known::Clock) => Some(Known::Clock),
        (a, b) => (a.finite() && b.finite()).then_some(Known::Finite),
    }
}

/// Whether Rust's `{:?}` writes `x` as Python's `repr` does.
fn plain(x: f64) -> bool {
    x == 0.0 || x.is_infinite() || (1e-4..1e16).contains(&x.abs())
}

/// Follows the values of expressions through a program.
struct Values<'a> {
    demo: &'a Demo,
    /// The variables being followed (a variable that depends on itself,
    /// such as an accumulator, has no known values).
    visiting: Vec<(String, String)>,
}

impl Values<'_> {
    fn of(&mut self, f: &Function, e: &Expr) -> Option<Known> {
        match &e.kind {
            ExprKind::Lit(Value::Float(x)) => Some(Known::Exact(vec![*x])),
            ExprKind::Lit(Value::Int(n)) if n.unsigned_abs() < 1 << 53 => {
                Some(Known::Exact(vec![*n as f64]))
            }
            ExprKind::Now => Some(Known::Clock),
            ExprKind::Unary(UnaryOp::Neg, x) => match self.of(f, x)? {
                Known::Exact(xs) => Some(Known::Exact(xs.iter().map(|x| -x).collect())),
                Known::Clock | Known::Finite => None,
            },
            ExprKind::Call(Builtin::Float, args) if let [arg] = args.as_slice() => {
                match &arg.kind {
                    ExprKind::Lit(Value::Str(s)) => {
                        Some(Known::Exact(vec![s.trim().parse().ok()?]))
                    }
                    _ => self.of(f, arg),
                }
            }
            // The listing rounds as `format!("{:.2}", x)` does.
            ExprKind::Call(Builtin::Round, args)
                if let [x, places] = args.as_slice()
                    && let ExprKind::Lit(Value::Int(n @ 0..=17)) = places.kind =>
            {
                let xs = match self.of(f, x)? {
                    Known::Exact(xs) => xs,
                    // A reading of the clock rounded to at most four places
                    // stays zero or at least `1e-4`.
                    Known::Clock => return (n <= 4).then_some(Known::Clock),
                    Known::Finite => return None,
                };
                let n = n as usize;
                let rounded = xs.iter().map(|x| format!("{x:.n$}").parse().ok());
                Some(Known::Exact(rounded.collect::<Option<_>>()?))
            }
            ExprKind::Call(Builtin::Abs, args) if args.len() == 1 => match self.of(f, &args[0])? {
                Known::Exact(xs) => Some(Known::Exact(xs.iter().map(|x| x.abs()).collect())),
                known => Some(known),
            },
            ExprKind::IfElse(_, a, b) => join(self.of(f, a)?, self.of(f, b)?),
            // Of single known values, the one Python's `max` (`min`) keeps.
            ExprKind::Call(b @ (Builtin::Max | Builtin::Min), args) if args.len() > 1 => {
                let mut kept: Option<f64> = None;
                for a in args {
                    let Known::Exact(xs) = self.of(f, a)? else {
                        return None;
                    };
                    let [x] = xs.as_slice() else {
                        return None;
                    };
                    kept = Some(match kept {
                        Some(k)
                            if (*b == Builtin::Max && *x > k) || (*b == Builtin::Min && *x < k) =>
                        {
                            *x
                        }
                        Some(k) => k,
                        None => *x,
                    });
                }
                Some(Known::Exact(vec![kept?]))
            }
            ExprKind::Binary(op, a, b) => self.binary(f, *op, a, b),
            ExprKind::Var(n) => self.var(f, n),
            _ => None,
        }
    }

    fn binary(&mut self, f: &Function, op: BinaryOp, a: &Expr, b: &Expr) -> Option<Known> {
        let (a, b) = (self.of(f, a)?, self.of(f, b)?);
        let (Known::Exact(xs), Known::Exact(ys)) = (&a, &b) else {
            // The time between two readings of the clock.
            if op == BinaryOp::Sub && a == Known::Clock && b == Known::Clock {
                return Some(Known::Clock);
            }
            // Neither of two finite values without `-0.0` is NaN nor
            // `-0.0`, and neither is their sum or difference (short of an
            // overflow no clock reaches).
            let sum = matches!(op, BinaryOp::Add | BinaryOp::Sub);
            return (sum && a.finite() && b.finite()).then_some(Known::Finite);
        };
        let mut out = Vec::new();
        for x in xs {
            for y in ys {
                let r = match op {
                    BinaryOp::Add => x + y,
                    BinaryOp::Sub => x - y,
                    BinaryOp::Mul => x * y,
                    BinaryOp::Div if *y != 0.0 => x / y,
                    _ => return None,
                };
                // Integers past 2**53 are exact in Python, not in `f64`.
                if r.is_nan() || r.abs() >= (1u64 << 53) as f64 {
                    return None;
                }
                out.push(r);
            }
        }
        few(out)
    }

    /// The values of every binding of `name` in `f`.
    fn var(&mut self, f: &Function, name: &str) -> Option<Known> {
        let key = (f.name.clone(), name.to_string());
        if self.visiting.contains(&key)
            || self.demo.statics.iter().any(|(s, _)| s == name)
            || f.fields.iter().any(|(s, _)| s == name)
        {
            return None;
        }
        self.visiting.push(key);
        let known = self.bindings(f, name);
        self.visiting.pop();
        known
    }

    fn bindings(&mut self, f: &Function, name: &str) -> Option<Known> {
        let mut sources: Vec<&Expr> = Vec::new();
        let mut ranges: Vec<&[Expr]> = Vec::new();
        let mut other = false;
        for block in [&f.body, &f.exit] {
            walk(block, &mut |s| match &s.kind {
                StmtKind::Set { var, value } if var == name => sources.push(value),
                StmtKind::For { var, over, .. } if var == name => match &over.kind {
                    ExprKind::List(items) => sources.extend(items),
                    ExprKind::Call(Builtin::Range, args) => ranges.push(args),
                    _ => other = true,
                },
                _ => other |= binds_otherwise(s, name),
            });
        }
        if other {
            return None;
        }
        let mut known: Option<Known> = None;
        let mut add = |k: Known| -> Option<()> {
            known = Some(match known.take() {
                Some(was) => join(was, k)?,
                None => k,
            });
            Some(())
        };
        for e in &sources {
            add(self.of(f, e)?)?;
        }
        for args in ranges {
            add(Known::Exact(range_values(args)?))?;
        }
        if let Some(i) = f.params.iter().position(|p| p == name) {
            add(self.passed(f, i)?)?;
        }
        known
    }

    /// The values every call of `f` passes as its `i`th argument.
    fn passed(&mut self, f: &Function, i: usize) -> Option<Known> {
        let demo = self.demo;
        let mut sites: Vec<(&Function, &Expr)> = Vec::new();
        let mut unknown = false;
        for g in &demo.functions {
            g.walk(&mut |s| {
                for call in super::analysis::stmt_calls(s) {
                    if call.name == f.name {
                        match call.args.get(i) {
                            Some(a) if call.args.len() == f.params.len() => sites.push((g, a)),
                            _ => unknown = true,
                        }
                    }
                }
                if let StmtKind::Gather {
                    calls: Calls::Each { call, .. },
                    ..
                }
                | StmtKind::AsCompleted {
                    calls: Calls::Each { call, .. },
                    ..
                }
                | StmtKind::Wait {
                    calls: Calls::Each { call, .. },
                    ..
                } = &s.kind
                {
                    unknown |= call.name == f.name;
                }
                for (e, _) in stmt_exprs(s) {
                    each_expr(e, &mut |x| match &x.kind {
                        ExprKind::Await(c)
                        | ExprKind::Spawn(c)
                        | ExprKind::Coro(c)
                        | ExprKind::Job(c, _)
                        | ExprKind::New(c)
                        | ExprKind::CallParam(c, _)
                        | ExprKind::Method(_, c)
                            if c.name == f.name =>
                        {
                            match c.args.get(i) {
                                Some(a) if c.args.len() == f.params.len() => sites.push((g, a)),
                                _ => unknown = true,
                            }
                        }
                        ExprKind::Function(n) if *n == f.name => unknown = true,
                        ExprKind::Lambda(_) | ExprKind::FnDict(_) => unknown = true,
                        _ => {}
                    });
                }
            });
        }
        if unknown || sites.is_empty() {
            return None;
        }
        let mut out = Known::Exact(Vec::new());
        for (g, a) in sites {
            out = join(out, self.of(g, a)?)?;
        }
        Some(out)
    }
}

/// A binding of `name` by a statement other than `=` or `for`.
fn binds_otherwise(s: &crate::render::plan::ir::ast::Stmt, name: &str) -> bool {
    let is = |v: &String| v == name;
    super::durations::binds(s).is_some_and(is)
        || match &s.kind {
            StmtKind::BlockOn { into: Some(v), .. } => is(v),
            StmtKind::Primitive { name: v, .. }
            | StmtKind::Sync { name: v, .. }
            | StmtKind::Runtime { name: v } => is(v),
            _ => false,
        }
}

/// The integers `range(...)` of literal bounds counts.
fn range_values(args: &[Expr]) -> Option<Vec<f64>> {
    let ints: Vec<i64> = args
        .iter()
        .map(|a| match a.kind {
            ExprKind::Lit(Value::Int(n)) => Some(n),
            _ => None,
        })
        .collect::<Option<_>>()?;
    let (start, stop, step) = match ints.as_slice() {
        [stop] => (0, *stop, 1),
        [start, stop] => (*start, *stop, 1),
        [start, stop, step] if *step != 0 => (*start, *stop, *step),
        _ => return None,
    };
    let mut out = Vec::new();
    let mut n = start;
    while (step > 0 && n < stop) || (step < 0 && n > stop) {
        if out.len() >= MOST || n.unsigned_abs() >= 1 << 53 {
            return None;
        }
        out.push(n as f64);
        n = n.checked_add(step)?;
    }
    Some(out)
}

/// A few values, or none known when they are many.
fn few(mut xs: Vec<f64>) -> Option<Known> {
    xs.sort_by(f64::total_cmp);
    xs.dedup_by(|a, b| a.to_bits() == b.to_bits());
    (xs.len() <= MOST).then_some(Known::Exact(xs))
}

/// Whether every duration the program waits for is a whole number of
/// tenths of milliseconds: then any two readings of the clock are equal
/// or at least `1e-4` apart.
fn clock_steps(demo: &Demo) -> bool {
    let mut values = Values {
        demo,
        visiting: Vec::new(),
    };
    let mut ok = true;
    for f in &demo.functions {
        f.walk(&mut |s| {
            if matches!(s.kind, StmtKind::Print(_) | StmtKind::Eprint(_)) {
                return;
            }
            for (e, duration) in stmt_exprs(s) {
                let mut delays: Vec<&Expr> = Vec::new();
                if duration {
                    delays.push(e);
                }
                each_expr(e, &mut |x| {
                    if let ExprKind::Slept(d, _) = &x.kind {
                        delays.push(d);
                    }
                });
                for d in delays {
                    ok &= match values.of(f, d) {
                        Some(Known::Exact(xs)) => xs.iter().all(|x| {
                            let steps = x * 1e4;
                            *x >= 0.0 && (steps - steps.round()).abs() < 1e-6
                        }),
                        _ => false,
                    };
                }
            }
            ok &= !matches!(s.kind, StmtKind::PrimCall { .. }) || !has_timeout(s);
        });
    }
    ok
}

/// A call on a primitive that takes a number (a timeout, say).
fn has_timeout(s: &crate::render::plan::ir::ast::Stmt) -> bool {
    matches!(&s.kind, StmtKind::PrimCall { arg: Some(a), .. }
        if matches!(a.kind, ExprKind::Lit(Value::Float(_)) | ExprKind::Lit(Value::Int(_))))
}

/// Whether the float `e` of function `f` prints the same with Rust's
/// `{:?}` as with Python's `repr`.
pub(super) fn ordinary(demo: &Demo, f: &str, e: &Expr) -> bool {
    let Some(func) = demo.function(f) else {
        return matches!(e.kind, ExprKind::Lit(Value::Float(x)) if plain(x));
    };
    let mut values = Values {
        demo,
        visiting: Vec::new(),
    };
    match values.of(func, e) {
        Some(Known::Exact(xs)) => xs.into_iter().all(plain),
        Some(Known::Clock) => clock_steps(demo),
        Some(Known::Finite) | None => false,
    }
}

/// The few values `e` of function `f` is known to take.
pub(super) fn exact_values(demo: &Demo, f: &str, e: &Expr) -> Option<Vec<f64>> {
    let func = demo.function(f)?;
    let mut values = Values {
        demo,
        visiting: Vec::new(),
    };
    match values.of(func, e)? {
        Known::Exact(xs) => Some(xs),
        _ => None,
    }
}

/// Whether the integer `e` of function `f` is known to be within 2**53.
pub(super) fn small_int(demo: &Demo, f: &str, e: &Expr) -> bool {
    let Some(func) = demo.function(f) else {
        return matches!(e.kind, ExprKind::Lit(Value::Int(n)) if n.unsigned_abs() < 1 << 53);
    };
    let mut values = Values {
        demo,
        visiting: Vec::new(),
    };
    matches!(values.of(func, e), Some(Known::Exact(_)))
}

/// Whether the float `e` of function `f` is known to be neither NaN nor
/// `-0.0`: `f64::max` and `f64::min` pick of it and another what Python's
/// `max` and `min` pick.
pub(super) fn tame(demo: &Demo, f: &str, e: &Expr) -> bool {
    let Some(func) = demo.function(f) else {
        return false;
    };
    let mut values = Values {
        demo,
        visiting: Vec::new(),
    };
    values.of(func, e).is_some_and(|k| k.finite())
}

/// Whether the float `e` of function `f` is known not to be NaN (it may
/// be infinite).
pub(super) fn not_nan(demo: &Demo, f: &str, e: &Expr) -> bool {
    let Some(func) = demo.function(f) else {
        return false;
    };
    let mut values = Values {
        demo,
        visiting: Vec::new(),
    };
    values.of(func, e).is_some_and(|k| match k {
        Known::Exact(xs) => xs.iter().all(|x| !x.is_nan()),
        Known::Clock | Known::Finite => true,
    })
}

impl Renderer<'_> {
    /// `str(x)` or `repr(x)` of a float `x` that `{:?}` could write
    /// otherwise than Python.
    pub(super) fn float_text(&mut self, x: &Expr) -> Option<Code> {
        if self.types.expr_ty(&self.func, x) != Ty::Float {
            return None;
        }
        let c = self.expr(x);
        let shown = self.printed_float(x, c);
        (shown.ty == Ty::Str).then_some(shown)
    }

    /// A printed float (or container of floats) as Python shows it:
    /// `float_repr(x)` (or the container's `Repr`) where `{:?}` could
    /// write it otherwise.
    pub(super) fn printed_float(&self, e: &Expr, c: Code) -> Code {
        let shown = match &c.ty {
            // A literal Python writes otherwise is written as Python does.
            Ty::Float if super::float_literals::python_repr(&c.text).is_some() => return c,
            Ty::Float if !ordinary(self.demo, &self.func, e) => {
                format!("float_repr({})", c.text)
            }
            Ty::List(t) if **t == Ty::Float && !ordinary_items(self.demo, &self.func, e) => {
                match c.text.strip_prefix("vec!") {
                    Some(items) => format!("float_list(&{items})"),
                    None => format!("float_list(&{})", c.wrap(10)),
                }
            }
            Ty::List(t) if holds_float(t) && !ordinary_items(self.demo, &self.func, e) => {
                format!("{}.repr()", c.wrap(10))
            }
            _ => return c,
        };
        let mut out = Code::new(shown, Ty::Str, 10);
        out.fresh = true;
        out
    }
}

/// Whether a list's items, printed with `{:?}`, hold floats.
fn holds_float(t: &Ty) -> bool {
    match t {
        Ty::Float => true,
        Ty::List(t) => holds_float(t),
        _ => false,
    }
}

/// Whether every item of the list `e` is an ordinary float.
fn ordinary_items(demo: &Demo, f: &str, e: &Expr) -> bool {
    match &e.kind {
        ExprKind::List(items) => items.iter().all(|x| match &x.kind {
            ExprKind::List(_) => ordinary_items(demo, f, x),
            _ => ordinary(demo, f, x),
        }),
        _ => false,
    }
}
