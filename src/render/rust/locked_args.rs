//! A list, dict or set that coroutines running at once change in place
//! (`visited.add(url)` in a coroutine that gathers calls of itself, each
//! given `visited`; `latest[name] = r` in tasks of their own): Python's
//! coroutines share the one object, so the listing shares it too, in a
//! `std::sync::Mutex` its owner makes, lent as `&Mutex<T>` to coroutines
//! awaited or gathered (all on the owner's task) and as a clone of an
//! `Arc<Mutex<T>>` to tasks of their own. Each statement that reads or
//! changes it takes the lock for that statement only
//! (`visited.lock().unwrap().insert(url)`, `print(visited)` writing it
//! under the lock), so that no lock is taken twice
//! at once or held across an `.await`; a loop's head reads a copy. Where
//! no task holds it, the owner takes the value back out once the last call
//! that borrows it has returned (`visited.into_inner().unwrap()`).
//!
//! Only where that holds for every function the variable reaches: a
//! coroutine, no method; it reaches the parameter only through a method,
//! an item, `in` or `len`, at most once in a statement that awaits nothing,
//! a loop's head whose block changes no item, or passes it on whole; a
//! task is given it by its owner or another task; the owner binds it once,
//! in its own block, before naming it. Elsewhere `mutated_args` refuses the
//! call as before.

use super::analysis::{stmt_calls, stmt_exprs};
use super::expr_walk::each_expr;
use super::mut_borrows::{MutParams, borrows_in_place, calls_in, changed_directly, rebound};
use super::types::{Ty, Types};
use crate::render::plan::ir::ast::{Demo, Function, FunctionKind, Stmt, StmtId, StmtKind};
use crate::render::plan::ir::expr::{BinaryOp, Builtin, Expr, ExprKind, Part};
use std::collections::{HashMap, HashSet};

/// How an owner keeps a variable it lends as a `Mutex`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Owner {
    /// `Mutex::new(..)`, taken back out after this statement.
    TakenBack(StmtId),
    /// `Mutex::new(..)`, locked for each statement that reads it.
    Local,
    /// `Arc::new(Mutex::new(..))`: tasks of their own share it.
    Arc,
}

/// The parameters taken as `&Mutex<T>` (or `Arc<Mutex<T>>` in a task of
/// its own), and by function the variables its owners lend so.
#[derive(Default)]
pub(super) struct Locked {
    pub(super) params: MutParams,
    pub(super) owned: HashMap<String, Vec<(String, Owner)>>,
}

/// A variable of a function: (function, name).
type Node = (String, String);

/// What [`Locked`] finds in `demo`; `lent` are the parameters taken as
/// `&mut T`.
pub(super) fn locked_args(demo: &Demo, types: &Types, lent: &MutParams) -> Locked {
    // Tokio's `Mutex` keeps the name where the program has an asyncio lock.
    let tokio_lock = types
        .vars
        .values()
        .any(|vars| vars.values().any(|t| *t == Ty::Sync(true)));
    let mut out = Locked::default();
    if tokio_lock {
        return out;
    }
    let holder =
        |f: &str, v: &str| matches!(types.var(f, v), Ty::List(_) | Ty::Dict(..) | Ty::Set(_));
    // Each call links the caller's variable to the parameter it gives it
    // to; a call given something else than a variable marks the parameter.
    let mut links: Vec<(Node, Node)> = Vec::new();
    let mut unplain: Vec<Node> = Vec::new();
    for f in &demo.functions {
        for (call, ..) in calls_in(f) {
            let Some(g) = demo.function(&call.name) else {
                continue;
            };
            for (arg, p) in call.args.iter().zip(&g.params) {
                if !holder(&g.name, p) {
                    continue;
                }
                let param = (g.name.clone(), p.clone());
                match &arg.kind {
                    ExprKind::Var(v) if !f.fields.iter().any(|(n, _)| n == v) => {
                        links.push(((f.name.clone(), v.clone()), param));
                    }
                    _ => unplain.push(param),
                }
            }
        }
    }
    let mut done: HashSet<Node> = HashSet::new();
    for seed in shared_changes(demo, &links) {
        if done.contains(&seed) {
            continue;
        }
        let group = component(&seed, &links);
        done.extend(group.iter().cloned());
        if let Some((params, owned)) = lockable_group(demo, types, lent, &group, &links, &unplain) {
            out.params.extend(params);
            for (f, v, o) in owned {
                out.owned.entry(f).or_default().push((v, o));
            }
        }
    }
    out
}

/// The parameters changed in place (here or by a function they are passed
/// on to) whose caller's variable is read again or shared: what a copy
/// would not show.
fn shared_changes(demo: &Demo, links: &[(Node, Node)]) -> Vec<Node> {
    let mut changed: HashSet<Node> = HashSet::new();
    for g in &demo.functions {
        for p in changed_directly(demo, &g.body) {
            if g.params.contains(&p) {
                changed.insert((g.name.clone(), p));
            }
        }
    }
    loop {
        let grown: Vec<Node> = links
            .iter()
            .filter(|(from, to)| changed.contains(to) && !changed.contains(from))
            .filter(|(from, _)| {
                demo.function(&from.0)
                    .is_some_and(|f| f.params.contains(&from.1))
            })
            .map(|(from, _)| from.clone())
            .collect();
        if grown.is_empty() {
            break;
        }
        changed.extend(grown);
    }
    let mut seeds: Vec<Node> = links
        .iter()
        .filter(|(from, to)| {
            let f = demo.function(&from.0).expect("a function of the demo");
            changed.contains(to)
                && (f.params.contains(&from.1) || super::mutated_args::uses(f, &from.1) > 1)
        })
        .map(|(_, to)| to.clone())
        .collect();
    seeds.sort();
    seeds.dedup();
    seeds
}

/// The variables linked to `seed`, itself included.
fn component(seed: &Node, links: &[(Node, Node)]) -> Vec<Node> {
    let mut out = vec![seed.clone()];
    let mut i = 0;
    while i < out.len() {
        let n = out[i].clone();
        for (a, b) in links {
            for (x, y) in [(a, b), (b, a)] {
                if *x == n && !out.contains(y) {
                    out.push(y.clone());
                }
            }
        }
        i += 1;
    }
    out
}

/// The parameters and owners of `group` when every one of them can hold
/// the `Mutex`; `None` otherwise.
#[allow(clippy::type_complexity)]
fn lockable_group(
    demo: &Demo,
    types: &Types,
    lent: &MutParams,
    group: &[Node],
    links: &[(Node, Node)],
    unplain: &[Node],
) -> Option<(MutParams, Vec<(String, String, Owner)>)> {
    let mut params = MutParams::new();
    let mut locals = Vec::new();
    for (fname, v) in group {
        let f = demo.function(fname)?;
        match f.params.iter().position(|p| p == v) {
            Some(i) => {
                params.insert((fname.clone(), i));
            }
            None => locals.push((f, v)),
        }
    }
    let tasked = |g: &str| types.tasked.contains(g);
    let arc = params.iter().any(|(g, _)| tasked(g));
    for (g, i) in &params {
        let f = demo.function(g)?;
        let p = &f.params[*i];
        let node = (g.clone(), p.clone());
        let plain = f.kind == FunctionKind::Coroutine
            && !super::objects::is_method(f)
            && (tasked(g) || borrows_in_place(demo, types, f))
            && !rebound(f, p)
            && !lent.contains(&(g.clone(), *i))
            && !unplain.contains(&node)
            && uses_lockable(f, p, &params, 0);
        // A task's `Arc` is `'static`: a borrowed `&Mutex` cannot give it one.
        let from_borrow = links.iter().any(|(from, to)| {
            *to == node
                && tasked(g)
                && demo
                    .function(&from.0)
                    .is_some_and(|c| c.params.contains(&from.1) && !tasked(&c.name))
        });
        if !plain || from_borrow {
            return None;
        }
    }
    let mut owned = Vec::new();
    for (f, v) in locals {
        let owner = if arc {
            Owner::Arc
        } else {
            match taken_back_after(f, v, &params) {
                Some(id) => Owner::TakenBack(id),
                None => Owner::Local,
            }
        };
        if !owner_binds_first(f, v) {
            return None;
        }
        if !matches!(owner, Owner::TakenBack(_)) && !uses_lockable(f, v, &params, 1) {
            return None;
        }
        owned.push((f.name.clone(), v.clone(), owner));
    }
    Some((params, owned))
}

/// Whether `v` is bound once in `f`, by a statement of its own block
/// before any that names it.
fn owner_binds_first(f: &Function, v: &str) -> bool {
    let mut bound = 0;
    f.walk(&mut |s| bound += usize::from(binds(s, v)));
    let first = f.body.iter().position(|s| {
        let mut n = 0;
        within(s, &mut |t| n += reads(t, v).1 + usize::from(binds(t, v)));
        n > 0
    });
    bound == 1
        && first.is_some_and(|i| matches!(&f.body[i].kind, StmtKind::Set { var, .. } if var == v))
}

/// Whether `e` is the variable `v`.
fn is_var(e: &Expr, v: &str) -> bool {
    matches!(&e.kind, ExprKind::Var(n) if n == v)
}

/// The arguments of `s` given to parameters in `locked` that are `v`.
fn passes(s: &Stmt, v: &str, locked: &MutParams) -> usize {
    let mut calls: Vec<&crate::render::plan::ir::ast::Call> = stmt_calls(s);
    for (e, _) in stmt_exprs(s) {
        each_expr(e, &mut |x| {
            if let ExprKind::Await(c) | ExprKind::Coro(c) | ExprKind::Spawn(c) = &x.kind {
                calls.push(c);
            }
        });
    }
    calls
        .iter()
        .flat_map(|c| c.args.iter().enumerate().map(move |(i, a)| (c, i, a)))
        .filter(|(c, i, a)| is_var(a, v) && locked.contains(&(c.name.clone(), *i)))
        .count()
}

/// The reads of `v` in `s` that take its lock (a method's object, the
/// right of `in`, the argument of `len`), and all its reads.
fn reads(s: &Stmt, v: &str) -> (usize, usize) {
    let (mut locking, mut all) = (0, 0);
    // `print(v)`: written under its lock.
    if let StmtKind::Print(t) = &s.kind {
        locking += t
            .parts
            .iter()
            .filter(|p| matches!(p, Part::Hole(e) if is_var(e, v)))
            .count();
    }
    for (e, _) in stmt_exprs(s) {
        each_expr(e, &mut |x| {
            all += usize::from(is_var(x, v));
            locking += match &x.kind {
                ExprKind::Method(o, _) | ExprKind::StrMethod(_, o, _) if is_var(o, v) => 1,
                ExprKind::Binary(BinaryOp::In | BinaryOp::NotIn, _, b) if is_var(b, v) => 1,
                ExprKind::Call(Builtin::Index, args)
                    if args.first().is_some_and(|a| is_var(a, v)) =>
                {
                    1
                }
                ExprKind::Call(Builtin::Len, args) if matches!(args.as_slice(), [a] if is_var(a, v)) => {
                    1
                }
                _ => 0,
            };
        });
    }
    (locking, all)
}

/// Whether `s` can suspend, or holds what its head makes over a block.
fn awaits_or_loops(s: &Stmt) -> bool {
    let mut found = !stmt_calls(s).is_empty()
        || matches!(
            s.kind,
            StmtKind::For { .. } | StmtKind::AsyncFor { .. } | StmtKind::Sleep(_)
        );
    for (e, _) in stmt_exprs(s) {
        each_expr(e, &mut |x| {
            found |= matches!(
                x.kind,
                ExprKind::Await(_) | ExprKind::Coro(_) | ExprKind::Spawn(_) | ExprKind::Job(..)
            );
        });
    }
    found
}

/// Whether every mention of `p` in `f` takes its lock for a statement that
/// awaits nothing and takes it once, passes it on to a parameter in
/// `locked`, or reads a copy of it in a loop's head whose items the loop
/// does not change; a mention the statements' expressions do not show (the
/// name held as text by a statement, but for its `bindings`) refuses it.
fn uses_lockable(f: &Function, p: &str, locked: &MutParams, bindings: usize) -> bool {
    let mut ok = true;
    let mut seen = 0;
    f.walk(&mut |s| {
        let (locking, all) = reads(s, p);
        let passed = passes(s, p, locked);
        seen += all;
        if all > 0 && copied_head(s) {
            return;
        }
        ok &= locking + passed == all && locking <= 1 && (locking == 0 || !awaits_or_loops(s));
    });
    let quoted = format!("{:?}", format!("{p}"));
    let named = format!("{:?}{:?}", f.body, f.exit).matches(&quoted).count();
    ok && named == seen + bindings
}

/// Whether `s` is a loop whose head can read a copy: the items it binds
/// are not changed by its block.
fn copied_head(s: &Stmt) -> bool {
    let StmtKind::For { var, body, .. } = &s.kind else {
        return false;
    };
    let names = super::tuples::pattern_names(var).unwrap_or_else(|| vec![var.as_str()]);
    let changed = super::analysis::mutated_lists(body);
    let mut fields = false;
    crate::render::plan::ir::ast::walk(body, &mut |t| {
        fields |= matches!(&t.kind, StmtKind::SetField { .. });
    });
    !fields && !names.iter().any(|n| changed.iter().any(|c| c == n))
}

/// The statement of `f`'s own block after which its local `v` is taken
/// back: the last that lends it, where `v` is bound once, by the first of
/// its statements that names it, and named before that last one only by
/// statements that lend it and take no lock.
fn taken_back_after(f: &Function, v: &str, locked: &MutParams) -> Option<StmtId> {
    let names = |s: &Stmt| {
        let mut n = 0;
        within(s, &mut |t| n += reads(t, v).1);
        n
    };
    let lends = |s: &Stmt| {
        let mut n = 0;
        within(s, &mut |t| n += passes(t, v, locked));
        n
    };
    let last = f.body.iter().rposition(|s| lends(s) > 0)?;
    let first = f.body.iter().position(|s| names(s) > 0 || binds(s, v))?;
    if !matches!(&f.body[first].kind, StmtKind::Set { var, .. } if var == v) {
        return None;
    }
    let mut bound = 0;
    f.walk(&mut |s| bound += usize::from(binds(s, v)));
    // Each statement that lends it awaits the calls it lends it to.
    let awaited = |s: &Stmt| match &s.kind {
        StmtKind::Await { .. } | StmtKind::Gather { .. } => true,
        StmtKind::Set { value, .. } => matches!(value.kind, ExprKind::Await(_)),
        _ => false,
    };
    let plain = f.body[first + 1..=last]
        .iter()
        .all(|s| names(s) == lends(s) && !binds(s, v) && (lends(s) == 0 || awaited(s)));
    (bound == 1 && plain && first < last).then(|| f.body[last].id)
}

/// Whether `s` binds `v`.
fn binds(s: &Stmt, v: &str) -> bool {
    super::analysis::binds(s).is_some_and(|b| b == v)
}

/// Visits `s` and the statements of its blocks.
fn within<'a>(s: &'a Stmt, f: &mut impl FnMut(&'a Stmt)) {
    f(s);
    for b in s.blocks() {
        crate::render::plan::ir::ast::walk(b, f);
    }
}
