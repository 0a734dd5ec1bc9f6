//! Which parameters and locals of the plan are durations: a parameter
//! given only non-negative numbers of seconds, or a local only ever set to
//! one and scaled by whole numbers, becomes a `Duration`, printed as Python
//! prints its number of seconds.

use super::analysis::{stmt_calls, stmt_exprs};
use super::expr_walk::each_expr;
use crate::render::plan::ir::ast::{Demo, Function, FunctionKind, Stmt, StmtKind, walk};
use crate::render::plan::ir::expr::{BinaryOp, Expr, ExprKind, Part};
use crate::render::plan::ir::value::Value;
use std::collections::{HashMap, HashSet};

/// How a `Duration` parameter prints where Python prints its number of
/// seconds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Seconds {
    /// Every caller passes a whole number of seconds: `d.as_secs()`.
    Whole,
    /// Every caller passes a float: `d.as_secs_f64()`, printed with `{:?}`.
    Float,
}

/// Parameters used only as durations (and printed as they are), given only
/// non-negative number literals, or passed on whole to another such
/// parameter: they become `Duration` parameters.
pub(super) fn duration_params(demo: &Demo) -> HashMap<(String, String), Seconds> {
    let mut candidates: HashSet<(String, String)> = HashSet::new();
    // (function, parameter) passed on whole to (callee, parameter).
    let mut links: Vec<((String, String), (String, String))> = Vec::new();
    for f in &demo.functions {
        if !matches!(
            f.kind,
            FunctionKind::Coroutine | FunctionKind::Generator | FunctionKind::Blocking
        ) {
            continue;
        }
        for p in &f.params {
            let mut uses = SecondsUses::default();
            let mut passed = 0;
            let mut assigned = false;
            let mut targets = Vec::new();
            walk(&f.body, &mut |s| {
                if let StmtKind::Set { var, .. } = &s.kind {
                    assigned |= var == p;
                }
                for call in stmt_calls(s) {
                    let Some(callee) = demo.function(&call.name) else {
                        continue;
                    };
                    for (a, q) in call.args.iter().zip(&callee.params) {
                        if matches!(&a.kind, ExprKind::Var(v) if v == p) {
                            passed += 1;
                            targets.push((call.name.clone(), q.clone()));
                        }
                    }
                }
                uses.count(s, p, true);
            });
            if !assigned
                && uses.timed + passed > 0
                && uses.total == uses.timed + uses.printed + passed
                && targets.len() == passed
            {
                let key = (f.name.clone(), p.clone());
                candidates.insert(key.clone());
                links.extend(targets.into_iter().map(|t| (key.clone(), t)));
            }
        }
    }
    // Every call must pass a non-negative number literal or a candidate;
    // what a candidate is given flows on to where it is passed.
    let mut kinds: HashMap<(String, String), (bool, bool)> = HashMap::new();
    let mut given: Vec<((String, String), (String, String))> = Vec::new();
    for f in &demo.functions {
        f.walk(&mut |s| {
            for call in stmt_calls(s) {
                let Some(callee) = demo.function(&call.name) else {
                    continue;
                };
                for (i, p) in callee.params.iter().enumerate() {
                    let key = (call.name.clone(), p.clone());
                    let seen = kinds.entry(key.clone()).or_default();
                    match call.args.get(i).map(|a| &a.kind) {
                        Some(ExprKind::Lit(Value::Int(n))) if *n >= 0 => seen.0 = true,
                        Some(ExprKind::Lit(Value::Float(x))) if *x >= 0.0 => seen.1 = true,
                        Some(ExprKind::Var(v)) => given.push(((f.name.clone(), v.clone()), key)),
                        _ => {
                            candidates.remove(&key);
                        }
                    }
                }
            }
        });
    }
    // The literals of calls inside expressions (`gather(f(1), f(0.5))`):
    // a parameter printed and given both kinds is no `Duration`.
    let mut hidden: HashMap<(String, String), (bool, bool)> = HashMap::new();
    for f in &demo.functions {
        walk(&f.body, &mut |s| {
            for call in super::promoted::calls_of(s) {
                let Some(callee) = demo.function(&call.name) else {
                    continue;
                };
                for (p, a) in callee.params.iter().zip(&call.args) {
                    let seen = hidden.entry((call.name.clone(), p.clone())).or_default();
                    seen.0 |= matches!(a.kind, ExprKind::Lit(Value::Int(_)));
                    seen.1 |= matches!(a.kind, ExprKind::Lit(Value::Float(_)));
                }
            }
        });
    }
    loop {
        let before = (candidates.len(), kinds.clone());
        for (from, to) in links.iter().chain(&given) {
            if !candidates.contains(from) || !candidates.contains(to) {
                candidates.remove(from);
                candidates.remove(to);
            }
        }
        for (from, to) in &given {
            let k = kinds.get(from).copied().unwrap_or_default();
            let seen = kinds.entry(to.clone()).or_default();
            seen.0 |= k.0;
            seen.1 |= k.1;
        }
        if (candidates.len(), &kinds) == (before.0, &before.1) {
            break;
        }
    }
    candidates
        .into_iter()
        .filter_map(|key| {
            let printed = demo
                .function(&key.0)
                .is_some_and(|f| print_holes(f, &key.1) > 0 || template_holes(f, &key.1) > 0);
            let both = hidden.get(&key).is_some_and(|h| *h == (true, true));
            match kinds.get(&key).copied().unwrap_or_default() {
                _ if both && printed => None,
                (true, false) => Some((key, Seconds::Whole)),
                (false, true) => Some((key, Seconds::Float)),
                // Python prints `1` and `0.5`: one Rust format cannot.
                (true, true) if printed => None,
                (true, true) => Some((key, Seconds::Float)),
                (false, false) => None,
            }
        })
        .collect()
}

/// How the expressions of statements use a variable that may be a number
/// of seconds.
#[derive(Default)]
pub(super) struct SecondsUses {
    /// Every read.
    pub(super) total: usize,
    /// The variable itself where a duration is expected.
    pub(super) timed: usize,
    /// The variable itself printed, or a whole hole of a template.
    pub(super) printed: usize,
}

impl SecondsUses {
    /// Counts the uses of `p` in the expressions of `s` (not of its nested
    /// blocks); `wait_for`'s timeout is a duration only with `timeouts`.
    pub(super) fn count(&mut self, s: &Stmt, p: &str, timeouts: bool) {
        let timed = match s.kind {
            StmtKind::Sleep(_) | StmtKind::Block(_) | StmtKind::Compute(_) => true,
            StmtKind::WaitFor { .. } => timeouts,
            _ => false,
        };
        let print = matches!(s.kind, StmtKind::Print(_));
        for (e, at_duration) in stmt_exprs(s) {
            let mut vars = Vec::new();
            e.variables(&mut vars);
            self.total += vars.iter().filter(|(v, _)| v == p).count();
            let whole = matches!(&e.kind, ExprKind::Var(v) if v == p);
            if at_duration && timed && whole {
                self.timed += 1;
            } else if print && whole {
                self.printed += 1;
            } else {
                self.printed += holes_of(e, p);
            }
        }
    }
}

/// How often `p` is a whole hole (`{p}`) of a template inside `e`.
fn holes_of(e: &Expr, p: &str) -> usize {
    let mut n = 0;
    each_expr(e, &mut |x| {
        if let ExprKind::Template(t) = &x.kind {
            n += whole_holes(&t.parts, p);
        }
    });
    n
}

/// How many of a template's `parts` are `p` itself, a whole hole.
fn whole_holes(parts: &[Part], p: &str) -> usize {
    parts
        .iter()
        .filter(
            |part| matches!(part, Part::Hole(h) if matches!(&h.kind, ExprKind::Var(v) if v == p)),
        )
        .count()
}

/// How often a `print` of `f` has `p` as a whole hole.
fn print_holes(f: &Function, p: &str) -> usize {
    let mut n = 0;
    walk(&f.body, &mut |s| {
        if let StmtKind::Print(t) = &s.kind {
            n += whole_holes(&t.parts, p);
        }
    });
    n
}

/// How often a template in `f` (outside prints) has `p` as a whole hole.
fn template_holes(f: &Function, p: &str) -> usize {
    let mut n = 0;
    walk(&f.body, &mut |s| {
        if !matches!(s.kind, StmtKind::Print(_)) {
            for (e, _) in stmt_exprs(s) {
                n += holes_of(e, p);
            }
        }
    });
    n
}

/// A local variable that only ever holds a duration: set to a number
/// literal, multiplied by a whole number, and read only as a duration. It
/// becomes a `Duration` (`let mut delay = Duration::from_millis(500);`,
/// `delay *= 2;`).
pub(super) fn duration_locals(demo: &Demo) -> HashSet<(String, String)> {
    let mut out = HashSet::new();
    for f in &demo.functions {
        if !matches!(
            f.kind,
            FunctionKind::Coroutine | FunctionKind::Generator | FunctionKind::Blocking
        ) {
            continue;
        }
        let mut sets: HashMap<String, (bool, bool)> = HashMap::new();
        walk(&f.body, &mut |s| {
            if let StmtKind::Set { var, value } = &s.kind {
                let literal = non_negative(value);
                let scaled = scale_of(value, var).is_some();
                let seen = sets.entry(var.clone()).or_insert((true, literal));
                seen.0 &= literal || scaled;
            }
        });
        for (v, (only_durations, starts_literal)) in sets {
            if !only_durations || !starts_literal || f.params.contains(&v) {
                continue;
            }
            if f.fields.iter().any(|(n, _)| *n == v) {
                continue;
            }
            // Set only by `Set` statements, read only as a duration.
            let (mut total, mut ok) = (0, 0);
            let mut uses = SecondsUses::default();
            let mut other_binding = false;
            walk(&f.body, &mut |s| {
                match &s.kind {
                    StmtKind::Set { var, value } if *var == v => {
                        let mut vars = Vec::new();
                        value.variables(&mut vars);
                        let n = vars.iter().filter(|(x, _)| *x == v).count();
                        total += n;
                        ok += n;
                        return;
                    }
                    _ => other_binding |= binds(s).is_some_and(|x| *x == v),
                }
                uses.count(s, &v, true);
            });
            total += uses.total;
            ok += uses.timed;
            if !other_binding && total == ok && total > 0 {
                out.insert((f.name.clone(), v));
            }
        }
    }
    out
}

/// The name a statement itself binds, other than by `Set`.
pub(super) fn binds(s: &Stmt) -> Option<&String> {
    match &s.kind {
        StmtKind::Await { into: Some(v), .. }
        | StmtKind::Join { into: Some(v), .. }
        | StmtKind::Gather { into: Some(v), .. }
        | StmtKind::WaitFor { into: Some(v), .. }
        | StmtKind::TimedWait { into: Some(v), .. }
        | StmtKind::CallFn { into: Some(v), .. }
        | StmtKind::RunBlocking { into: Some(v), .. }
        | StmtKind::AsyncWith { var: Some(v), .. }
        | StmtKind::PrimCall { into: Some(v), .. }
        | StmtKind::Schedule { into: Some(v), .. }
        | StmtKind::Shield { into: Some(v), .. } => Some(v),
        StmtKind::Collect { into, .. }
        | StmtKind::Receive { into, .. }
        | StmtKind::Make { into, .. }
        | StmtKind::Spawn { into, .. }
        | StmtKind::SpawnWaiter { into, .. }
        | StmtKind::Submit { into, .. }
        | StmtKind::Serve { into, .. }
        | StmtKind::Connect { into, .. }
        | StmtKind::Port { into, .. } => Some(into),
        StmtKind::For { var, .. }
        | StmtKind::AsyncFor { var, .. }
        | StmtKind::AsCompleted { var, .. }
        | StmtKind::CompletedTasks { var, .. } => Some(var),
        StmtKind::Future { name } | StmtKind::Wait { done: name, .. } => Some(name),
        _ => None,
    }
}

/// A non-negative number literal.
fn non_negative(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Lit(Value::Int(n)) if n >= 0)
        || matches!(e.kind, ExprKind::Lit(Value::Float(x)) if x >= 0.0)
}

/// `var * k` (or `k * var`) with `k` a whole, non-negative number: `k`.
pub(super) fn scale_of(e: &Expr, var: &str) -> Option<u32> {
    let ExprKind::Binary(BinaryOp::Mul, a, b) = &e.kind else {
        return None;
    };
    let is_var = |x: &Expr| matches!(&x.kind, ExprKind::Var(n) if n == var);
    let whole = |x: &Expr| match x.kind {
        ExprKind::Lit(Value::Int(n)) => u32::try_from(n).ok(),
        ExprKind::Lit(Value::Float(f))
            if f >= 0.0 && f.fract() == 0.0 && f <= f64::from(u32::MAX) =>
        {
            Some(f as u32)
        }
        _ => None,
    };
    if is_var(a) {
        whole(b)
    } else if is_var(b) {
        whole(a)
    } else {
        None
    }
}

impl super::Renderer<'_> {
    /// `0.1 * i` (or `i * 0.1`) of a non-negative float literal and an
    /// integer known to fit a `u32`: that many times the literal's
    /// `Duration`.
    pub(super) fn literal_times_int(&mut self, e: &Expr) -> Option<String> {
        let ExprKind::Binary(BinaryOp::Mul, a, b) = &e.kind else {
            return None;
        };
        let (k, n) = match (&a.kind, &b.kind) {
            (ExprKind::Lit(Value::Float(k)), _) => (*k, b),
            (_, ExprKind::Lit(Value::Float(k))) => (*k, a),
            _ => return None,
        };
        let counts = super::float_repr::exact_values(self.demo, &self.func, n)?;
        let fits = counts
            .iter()
            .all(|c| c.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(c));
        let int = self.types.expr_ty(&self.func, n) == super::types::Ty::Int;
        if !(0.0..1e9).contains(&k) || !int || !fits {
            return None;
        }
        let unit = self.duration(&Expr::lit(Value::Float(k)));
        let n = self.expr(n);
        Some(format!("{unit} * u32::try_from({}).unwrap()", n.text))
    }
}
