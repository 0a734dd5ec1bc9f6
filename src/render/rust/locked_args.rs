//! A list, dict or set that coroutines running at once change in place
//! (`visited.add(url)` in a coroutine that gathers calls of itself, each
//! given `visited`): Python's coroutines share the one object, so the
//! listing shares it too, as a `std::sync::Mutex` the owner makes and
//! lends as `&Mutex<T>` to the gathered calls, all on one task. Each
//! statement that reads or changes it takes the lock for that statement
//! only (`visited.lock().unwrap().insert(url)`), so that no lock is taken
//! twice at once or held across an `.await`; once the last call that
//! borrows it has returned, the owner takes the value back out
//! (`let visited = visited.into_inner().unwrap();`).
//!
//! Only where that holds: the coroutine is no method and runs as no task
//! of its own; it reaches the parameter only through a method, `in` or
//! `len`, at most once in a statement that awaits nothing and is no loop's
//! head, or passes it on to such a parameter; the owner binds it once at
//! the top of its block and lends it only in statements at that level,
//! naming it nowhere else before the last of them.

use super::analysis::{stmt_calls, stmt_exprs};
use super::expr_walk::each_expr;
use super::mut_borrows::{MutParams, borrows_in_place, calls_in, changed_directly, rebound};
use super::types::{Ty, Types};
use crate::render::plan::ir::ast::{Demo, Function, FunctionKind, Stmt, StmtId, StmtKind};
use crate::render::plan::ir::expr::{BinaryOp, Builtin, Expr, ExprKind};
use std::collections::HashMap;

/// The parameters taken as `&Mutex<T>`, and by function the owners'
/// variables with the statement after which each is taken back.
pub(super) struct Locked {
    pub(super) params: MutParams,
    pub(super) owned: HashMap<String, Vec<(String, StmtId)>>,
}

/// What [`Locked`] finds in `demo`; `lent` are the parameters taken as
/// `&mut T`.
pub(super) fn locked_args(demo: &Demo, types: &Types, lent: &MutParams) -> Locked {
    let mut params = MutParams::new();
    // Tokio's `Mutex` keeps the name where the program has an asyncio lock.
    let tokio_lock = types
        .vars
        .values()
        .any(|vars| vars.values().any(|t| *t == Ty::Sync(true)));
    for g in &demo.functions {
        if tokio_lock || g.kind != FunctionKind::Coroutine || !borrows_in_place(demo, types, g) {
            continue;
        }
        for (i, p) in g.params.iter().enumerate() {
            let holder = matches!(
                types.var(&g.name, p),
                Ty::List(_) | Ty::Dict(..) | Ty::Set(_)
            );
            if holder && !rebound(g, p) && !lent.contains(&(g.name.clone(), i)) {
                params.insert((g.name.clone(), i));
            }
        }
    }
    // Keep those changed here or passed on to one kept, used plainly, and
    // given by every call a parameter kept or an owner's variable.
    loop {
        let keep: MutParams = params
            .iter()
            .filter(|(g, i)| {
                let f = demo.function(g).expect("a function of the demo");
                let p = &f.params[*i];
                (changed_directly(demo, &f.body).contains(p) || passed_on(f, p, &params))
                    && uses_lockable(f, p, &params)
                    && given_plainly(demo, &params, g, *i)
            })
            .cloned()
            .collect();
        if keep.len() == params.len() {
            break;
        }
        params = keep;
    }
    let mut owned: HashMap<String, Vec<(String, StmtId)>> = HashMap::new();
    for f in &demo.functions {
        for v in lent_locals(f, &params) {
            match taken_back_after(f, &v, &params) {
                Some(id) => owned.entry(f.name.clone()).or_default().push((v, id)),
                // An owner that cannot lend it plainly: no parameter is locked.
                None => {
                    return Locked {
                        params: MutParams::new(),
                        owned: HashMap::new(),
                    };
                }
            }
        }
    }
    Locked { params, owned }
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
            if let ExprKind::Await(c) | ExprKind::Coro(c) = &x.kind {
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

/// Whether `f` passes its parameter `p` on to a parameter in `locked`.
fn passed_on(f: &Function, p: &str, locked: &MutParams) -> bool {
    let mut found = false;
    f.walk(&mut |s| found |= passes(s, p, locked) > 0);
    found
}

/// The reads of `v` in `s` that take its lock (a method's object, the
/// right of `in`, the argument of `len`), and all its reads.
fn reads(s: &Stmt, v: &str) -> (usize, usize) {
    let (mut locking, mut all) = (0, 0);
    for (e, _) in stmt_exprs(s) {
        each_expr(e, &mut |x| {
            all += usize::from(is_var(x, v));
            locking += match &x.kind {
                ExprKind::Method(o, _) | ExprKind::StrMethod(_, o, _) if is_var(o, v) => 1,
                ExprKind::Binary(BinaryOp::In | BinaryOp::NotIn, _, b) if is_var(b, v) => 1,
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
/// awaits nothing and takes it once, or passes it on to a parameter in
/// `locked`; a mention the statements' expressions do not show (the name
/// held as text by a statement) refuses it.
fn uses_lockable(f: &Function, p: &str, locked: &MutParams) -> bool {
    let mut ok = true;
    let mut seen = 0;
    f.walk(&mut |s| {
        let (locking, all) = reads(s, p);
        let passed = passes(s, p, locked);
        seen += all;
        ok &= locking + passed == all && locking <= 1 && (locking == 0 || !awaits_or_loops(s));
    });
    let quoted = format!("{:?}", format!("{p}"));
    let named = format!("{:?}{:?}", f.body, f.exit).matches(&quoted).count();
    ok && named == seen
}

/// Whether every call of `g` gives its parameter `i` a variable: a
/// parameter of the caller in `locked`, or a local of the caller.
fn given_plainly(demo: &Demo, locked: &MutParams, g: &str, i: usize) -> bool {
    demo.functions.iter().all(|f| {
        calls_in(f)
            .into_iter()
            .filter(|(call, ..)| call.name == g)
            .all(|(call, ..)| match call.args.get(i).map(|a| &a.kind) {
                Some(ExprKind::Var(v)) => match f.params.iter().position(|p| p == v) {
                    Some(j) => locked.contains(&(f.name.clone(), j)),
                    None => !f.fields.iter().any(|(n, _)| n == v),
                },
                _ => false,
            })
    })
}

/// The locals of `f` (not its parameters) it gives to parameters in
/// `locked`.
fn lent_locals(f: &Function, locked: &MutParams) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (call, ..) in calls_in(f) {
        for (i, a) in call.args.iter().enumerate() {
            if let ExprKind::Var(v) = &a.kind
                && locked.contains(&(call.name.clone(), i))
                && !f.params.contains(v)
                && !out.contains(v)
            {
                out.push(v.clone());
            }
        }
    }
    out
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

impl super::Renderer<'_> {
    /// Whether the parameter `p` of the function being written is taken as
    /// `&Mutex<T>`.
    pub(super) fn is_locked_param(&self, p: &str) -> bool {
        self.demo.function(&self.func).is_some_and(|f| {
            f.params
                .iter()
                .position(|q| q == p)
                .is_some_and(|i| self.locked.params.contains(&(f.name.clone(), i)))
        })
    }

    /// Whether `v` is a variable of the function being written that it
    /// lends as `&Mutex<T>`.
    fn is_lock_owner(&self, v: &str) -> bool {
        self.locked
            .owned
            .get(&self.func)
            .is_some_and(|vs| vs.iter().any(|(n, _)| n == v))
    }

    /// The argument `v` given to a parameter taken as `&Mutex<T>`: `&v`,
    /// or `v` where it is such a parameter of the caller already.
    pub(super) fn locked_arg(&self, v: &str) -> String {
        let name = super::names::ident(v);
        if self.is_locked_param(v) {
            name
        } else {
            format!("&{name}")
        }
    }

    /// `let v = Mutex::new(value);` where `v` is lent as `&Mutex<T>`.
    pub(super) fn locked_binding(&mut self, var: &str, value: &Expr) -> bool {
        if !self.is_lock_owner(var) || self.declared.contains(var) {
            return false;
        }
        self.use_("std::sync", "Mutex");
        let made = self.expr(value).owned();
        self.declared.insert(var.to_string());
        let name = super::names::ident(var);
        self.line(format!("let {name} = Mutex::new({made});"));
        true
    }

    /// After the last statement that lends an owner's variable, the value
    /// taken back out of its `Mutex`.
    pub(super) fn take_back_locked(&mut self, s: &Stmt) {
        let Some(vars) = self.locked.owned.get(&self.func) else {
            return;
        };
        let back: Vec<String> = vars
            .iter()
            .filter(|(_, id)| *id == s.id)
            .map(|(v, _)| v.clone())
            .collect();
        for v in back {
            let m = if self.assigned.get(&v).copied().unwrap_or(0) > 1 {
                "mut "
            } else {
                ""
            };
            let name = super::names::ident(&v);
            self.line(format!("let {m}{name} = {name}.into_inner().unwrap();"));
        }
    }
}
