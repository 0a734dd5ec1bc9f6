//! A function that changes in place a list, dict or object it is given
//! (`acct.balance += amount`, `latest[name] = reading`) takes it as
//! `&mut T`, and its callers pass `&mut x`: Python passes the one object,
//! so the caller sees the change, and so does the borrow's owner.
//!
//! Only where the borrow is plain: the function is no method and runs as
//! no task of its own (a task needs what it holds to be `'static`); each
//! call is awaited or called on its own (not gathered, not made in a
//! comprehension), given a local variable that the call names nowhere
//! else and that no loop around the call iterates; and the function
//! reaches the parameter only through its fields, items and methods.
//! Elsewhere the listing passes a copy, and `mutated_args` refuses the
//! call where the caller would see the difference. A connection that a
//! coroutine sends, receives or closes through is lent the same way
//! (`plan::conn_params`).

use super::analysis::{binds, mutated_lists, stmt_calls, stmt_exprs};
use super::expr_walk::each_expr;
use super::types::{Ty, Types};
use crate::render::plan::ir::ast::{
    Block, Call, Demo, Function, FunctionKind, Stmt, StmtKind, walk,
};
use crate::render::plan::ir::expr::{BinaryOp, Builtin, Expr, ExprKind, Part};
use std::collections::HashSet;

/// (function, parameter index) pairs taken as `&mut T`.
pub(super) type MutParams = HashSet<(String, usize)>;

/// The parameters of `demo`'s functions taken as `&mut T`.
pub(super) fn mut_params(demo: &Demo, types: &Types) -> MutParams {
    let mut out = MutParams::new();
    let mut changed: Vec<(String, Vec<String>)> = demo
        .functions
        .iter()
        .map(|g| (g.name.clone(), changed_directly(demo, &g.body)))
        .collect();
    for g in &demo.functions {
        if !lendable(demo, types, g) {
            continue;
        }
        for (i, p) in g.params.iter().enumerate() {
            let holder = matches!(
                types.var(&g.name, p),
                Ty::Object(_) | Ty::List(_) | Ty::Dict(..) | Ty::Set(_) | Ty::Conn
            );
            if holder && !rebound(g, p) {
                out.insert((g.name.clone(), i));
            }
        }
    }
    // A parameter passed on to one taken as `&mut` is changed too.
    loop {
        let mut grown = false;
        for (g, names) in &mut changed {
            for p in passed_on(demo, g, &out) {
                if !names.contains(&p) {
                    names.push(p);
                    grown = true;
                }
            }
        }
        if !grown {
            break;
        }
    }
    out.retain(|(g, i)| {
        let f = demo.function(g).expect("a function of the demo");
        changed
            .iter()
            .any(|(n, names)| n == g && names.contains(&f.params[*i]))
    });
    // Drop the parameters whose calls or uses are not plain, until none is.
    loop {
        let keep: MutParams = out
            .iter()
            .filter(|(g, i)| {
                calls_plain(demo, types, &out, g, *i)
                    && uses_plain(types, &out, g, *i, demo, Borrow::Mut)
            })
            .cloned()
            .collect();
        if keep.len() == out.len() {
            return keep;
        }
        out = keep;
    }
}

/// The variables of `block` whose contents it changes in place.
pub(super) fn changed_directly(demo: &Demo, block: &Block) -> Vec<String> {
    let mut out = mutated_lists(block);
    walk(block, &mut |s| {
        if let StmtKind::SetField { object, .. } = &s.kind
            && let ExprKind::Var(v) = &object.kind
        {
            out.push(v.clone());
        }
    });
    out.extend(super::objects::mutated_objects(demo, block));
    // A connection sent, received or closed through.
    walk(block, &mut |s| match &s.kind {
        StmtKind::Send { conn, .. } | StmtKind::Receive { conn, .. } => out.push(conn.clone()),
        StmtKind::Close { target } => out.push(target.clone()),
        _ => {}
    });
    out
}

/// Whether `g` can borrow what it is given: a plain function or
/// coroutine, no method, never a task of its own nor a value.
pub(super) fn lendable(demo: &Demo, types: &Types, g: &Function) -> bool {
    !types.spawned.contains(&g.name) && borrows_in_place(demo, types, g)
}

/// Whether `g`, whose calls may be kept to be awaited later, can borrow
/// what it is given: a plain function or coroutine, no method, never a
/// task of its own nor a value.
pub(super) fn borrows_in_place(demo: &Demo, types: &Types, g: &Function) -> bool {
    if !matches!(g.kind, FunctionKind::Coroutine | FunctionKind::Blocking)
        || super::objects::is_method(g)
        || types.tasked.contains(&g.name)
    {
        return false;
    }
    let mut named = false;
    for f in &demo.functions {
        f.walk(&mut |s| {
            // A connection handler: a task of its own for each connection.
            named |= matches!(&s.kind, StmtKind::Serve { handler, .. } if handler.name == g.name);
            for (e, _) in stmt_exprs(s) {
                each_expr(e, &mut |x| {
                    named |= matches!(&x.kind, ExprKind::Function(n) if *n == g.name);
                    named |=
                        matches!(&x.kind, ExprKind::CallParam(_, given) if given.contains(&g.name));
                });
            }
        });
    }
    !named
}

/// Whether `g` binds its parameter `p` anew.
pub(super) fn rebound(g: &Function, p: &str) -> bool {
    let mut found = false;
    g.walk(&mut |s| {
        let loop_var = match &s.kind {
            StmtKind::For { var, .. } | StmtKind::AsyncFor { var, .. } => Some(var),
            _ => None,
        };
        for v in binds(s).into_iter().chain(loop_var) {
            let names = super::tuples::pattern_names(v).unwrap_or_else(|| vec![v.as_str()]);
            found |= names.contains(&p);
        }
    });
    found
}

/// The calls of `demo`'s functions that `f` makes, each with whether it
/// runs on its own, awaited or called where it stands, and its statement.
pub(super) fn calls_in(f: &Function) -> Vec<(&Call, bool, &Stmt)> {
    let mut out = Vec::new();
    f.walk(&mut |s| {
        for call in stmt_calls(s) {
            let alone = matches!(
                &s.kind,
                StmtKind::Await { call: c, .. } | StmtKind::CallFn { call: c, .. }
                    if std::ptr::eq(c, call)
            );
            out.push((call, alone, s));
        }
        for (e, _) in stmt_exprs(s) {
            // The calls a closure makes (a comprehension, a lambda).
            let mut closed: Vec<&Call> = Vec::new();
            each_expr(e, &mut |x| {
                let inner: Vec<&Expr> = match &x.kind {
                    ExprKind::Comp { value, filter, .. } => {
                        std::iter::once(&**value).chain(filter.as_deref()).collect()
                    }
                    ExprKind::Lambda(l) => vec![&l.body],
                    _ => Vec::new(),
                };
                for i in inner {
                    each_expr(i, &mut |y| {
                        if let ExprKind::Await(c) = &y.kind {
                            closed.push(c);
                        }
                    });
                }
            });
            each_expr(e, &mut |x| match &x.kind {
                ExprKind::Await(c) => {
                    out.push((c, !closed.iter().any(|d| std::ptr::eq(*d, c)), s));
                }
                ExprKind::Coro(c) | ExprKind::Spawn(c) | ExprKind::Job(c, _) => {
                    out.push((c, false, s));
                }
                _ => {}
            });
        }
    });
    out
}

/// The parameters of `g` it passes on to parameters in `lent`.
fn passed_on(demo: &Demo, g: &str, lent: &MutParams) -> Vec<String> {
    let Some(f) = demo.function(g) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (call, ..) in calls_in(f) {
        for (i, arg) in call.args.iter().enumerate() {
            if lent.contains(&(call.name.clone(), i))
                && let ExprKind::Var(v) = &arg.kind
                && f.params.contains(v)
            {
                out.push(v.clone());
            }
        }
    }
    out
}

/// Whether every call of `g` gives its parameter `i` plainly: on its
/// own, a local variable its statement names once, that no loop around the
/// call iterates (or a parameter of the caller taken as `&mut` too).
fn calls_plain(demo: &Demo, types: &Types, lent: &MutParams, g: &str, i: usize) -> bool {
    demo.functions.iter().all(|f| {
        calls_in(f)
            .into_iter()
            .filter(|(call, ..)| call.name == g)
            .all(|(call, alone, s)| {
                let Some(ExprKind::Var(v)) = call.args.get(i).map(|a| &a.kind) else {
                    return false;
                };
                // Named once in its statement: no other borrow of it there
                // (`print(xs, await pop(xs))`).
                let mut named = 0;
                for (e, _) in stmt_exprs(s) {
                    each_expr(e, &mut |x| {
                        named += usize::from(matches!(&x.kind, ExprKind::Var(n) if n == v));
                    });
                }
                let own = match f.params.iter().position(|p| p == v) {
                    Some(j) => lent.contains(&(f.name.clone(), j)),
                    None => !loop_bound(f, v) && !f.fields.iter().any(|(n, _)| n == v),
                };
                alone
                    && named == 1
                    && own
                    && !types.statics.contains(v)
                    && !iterated_around(f, v, call)
            })
    })
}

/// Whether a loop or comprehension of `f` binds `v`.
fn loop_bound(f: &Function, v: &str) -> bool {
    let mut found = false;
    f.walk(&mut |s| {
        if let StmtKind::For { var, .. } | StmtKind::AsyncFor { var, .. } = &s.kind {
            found |= super::tuples::pattern_names(var)
                .unwrap_or_else(|| vec![var.as_str()])
                .contains(&v);
        }
        for (e, _) in stmt_exprs(s) {
            each_expr(e, &mut |x| {
                if let ExprKind::Comp { var, .. } = &x.kind {
                    found |= var == v;
                }
            });
        }
    });
    found
}

/// Whether `call` stands inside a loop of `f` over `v`, which the loop
/// borrows.
fn iterated_around(f: &Function, v: &str, call: &Call) -> bool {
    let mut found = false;
    f.walk(&mut |s| {
        if let StmtKind::For { over, .. } = &s.kind
            && s.span.start <= call.span.start
            && call.span.end <= s.span.end
        {
            each_expr(over, &mut |x| {
                found |= matches!(&x.kind, ExprKind::Var(n) if n == v);
            });
        }
    });
    found
}

/// How a parameter is borrowed.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Borrow {
    /// `&mut T`.
    Mut,
    /// `&T` (`&[T]` for a list), printed whole or not.
    Shared { printed: bool },
}

/// Whether `g` reaches its parameter `i` only through its fields, items
/// and methods, loops and comprehensions, or passes it on to a parameter
/// in `lent`, when borrowed as `mode` says.
pub(super) fn uses_plain(
    types: &Types,
    lent: &MutParams,
    g: &str,
    i: usize,
    demo: &Demo,
    mode: Borrow,
) -> bool {
    let printed = mode != Borrow::Shared { printed: false };
    let Some(f) = demo.function(g) else {
        return false;
    };
    let p = &f.params[i];
    let is_p = |e: &Expr| matches!(&e.kind, ExprKind::Var(n) if n == p);
    let copy = |e: &Expr| types.expr_ty(g, e).is_copy();
    let (mut all, mut plain) = (0, 0);
    f.walk(&mut |s| {
        if let StmtKind::SetField { object, .. } = &s.kind
            && is_p(object)
        {
            plain += 1;
        }
        // A borrowed slice's loop takes its items by reference.
        if let StmtKind::For { over, .. } = &s.kind
            && is_p(over)
            && (types.expr_ty(g, over).elem().is_copy()
                || matches!(types.expr_ty(g, over), Ty::Dict(..))
                || mode != Borrow::Mut)
        {
            plain += 1;
        }
        // A truth test (`while jobs:`): `!jobs.is_empty()`.
        if let StmtKind::If { cond, .. } | StmtKind::While { cond, .. } = &s.kind
            && is_p(cond)
        {
            plain += 1;
        }
        if let StmtKind::Print(t) | StmtKind::Eprint(t) = &s.kind
            && printed
        {
            plain += holes(t, &is_p);
        }
        // A field or item moved out whole (`x = acct.items`) would move
        // out of the borrow: only one of a `Copy` type is.
        let mut moved: Vec<&Expr> = match &s.kind {
            StmtKind::Set { value, .. } | StmtKind::Return(Some(value)) => vec![value],
            _ => Vec::new(),
        };
        for (e, _) in stmt_exprs(s) {
            each_expr(e, &mut |x| match &x.kind {
                ExprKind::List(items) | ExprKind::Tuple(items) => moved.extend(items),
                ExprKind::Comp { value, .. } => moved.push(value),
                ExprKind::IfElse(_, a, b) => moved.extend([&**a, &**b]),
                _ => {}
            });
        }
        let kept = |x: &Expr| copy(x) || !moved.iter().any(|m| std::ptr::eq(*m, x));
        for (e, _) in stmt_exprs(s) {
            each_expr(e, &mut |x| {
                all += usize::from(is_p(x));
                plain += match &x.kind {
                    ExprKind::Field(o, _) if is_p(o) && kept(x) => 1,
                    ExprKind::Call(Builtin::Index, args)
                        if args.first().is_some_and(is_p) && kept(x) =>
                    {
                        1
                    }
                    ExprKind::Method(o, _) | ExprKind::StrMethod(_, o, _) if is_p(o) => 1,
                    ExprKind::Call(Builtin::Len, args) => args.iter().filter(|a| is_p(a)).count(),
                    ExprKind::Template(t) if printed => holes(t, &is_p),
                    ExprKind::Comp { over, .. } if is_p(over) => 1,
                    // `k in d`: `d.contains_key(k)`, `xs.contains(&x)`.
                    ExprKind::Binary(BinaryOp::In | BinaryOp::NotIn, _, b) if is_p(b) => 1,
                    _ => 0,
                };
            });
        }
    });
    for (call, ..) in calls_in(f) {
        for (j, arg) in call.args.iter().enumerate() {
            if is_p(arg) && lent.contains(&(call.name.clone(), j)) {
                plain += 1;
            }
        }
    }
    all == plain
}

/// How many holes of `t` are just what `is_p` names.
fn holes(t: &crate::render::plan::ir::expr::Template, is_p: &impl Fn(&Expr) -> bool) -> usize {
    t.parts
        .iter()
        .filter(|part| matches!(part, Part::Hole(h) if is_p(h)))
        .count()
}

/// The variables of `block` lent as `&mut` to a call: they are `mut`.
pub(super) fn lent_vars(block: &Block, lent: &MutParams) -> Vec<String> {
    let mut out = Vec::new();
    walk(block, &mut |s| {
        let mut calls = stmt_calls(s);
        for (e, _) in stmt_exprs(s) {
            each_expr(e, &mut |x| {
                if let ExprKind::Await(c) = &x.kind {
                    calls.push(c);
                }
            });
        }
        for call in calls {
            for (i, arg) in call.args.iter().enumerate() {
                if lent.contains(&(call.name.clone(), i))
                    && let ExprKind::Var(v) = &arg.kind
                {
                    out.push(v.clone());
                }
            }
        }
    });
    out
}

impl super::Renderer<'_> {
    /// The place `*py_item_mut(&mut xs, i)` of an item of a parameter
    /// taken as `&mut`, which is the borrow itself: `*py_item_mut(xs, i)`.
    pub(super) fn lent_place(&self, place: String) -> String {
        let Some(f) = self.demo.function(&self.func) else {
            return place;
        };
        for (j, p) in f.params.iter().enumerate() {
            let name = super::names::ident(p);
            let lent = format!("py_item_mut(&mut {name}, ");
            if self.mut_params.contains(&(f.name.clone(), j)) && place.contains(&lent) {
                return place.replacen(&lent, &format!("py_item_mut({name}, "), 1);
            }
        }
        place
    }

    /// The argument `v` given to a parameter taken as `&mut`: `&mut v`, or
    /// `v` itself where it is such a parameter of the caller already.
    pub(super) fn lent_arg(&self, v: &str) -> String {
        let own = self.demo.function(&self.func).and_then(|f| {
            f.params
                .iter()
                .position(|p| p == v)
                .map(|j| self.mut_params.contains(&(f.name.clone(), j)))
        });
        match own {
            Some(true) => super::names::ident(v),
            _ => format!("&mut {}", super::names::ident(v)),
        }
    }
}
