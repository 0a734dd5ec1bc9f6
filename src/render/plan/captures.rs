//! Nested functions that read variables of the function around them: a
//! closure that only reads what it captures takes those values as leading
//! parameters instead, and each call in the function around it passes
//! them, so the listing hoists it to the module with the other nested
//! functions (see `nested`), as one writes a Rust `async fn` that a task
//! runs (`async fn put_later(q: ...)`, spawned as `put_later(q.clone())`).
//!
//! The rewrite keeps Python's meaning only where reading the value at the
//! call is reading it when the closure runs: each captured variable is a
//! parameter the function around it never rebinds or a variable it binds
//! once, at its top level, before the `def`; neither function changes the
//! value in place (a list's `append`, an item or attribute assignment)
//! unless it is one of asyncio's shared primitives, and the nested
//! function is only ever called by name there.

use crate::program::visit_mut::{VisitMut, stmt_mut};
use crate::program::{self as py, Arg, Code, ExprKind as E, Name, Program, Stmt, StmtKind as P};
use crate::program::{Param, Target};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// Methods that change a list, dict or set in place.
const MUTATING: &[&str] = &[
    "append",
    "extend",
    "insert",
    "pop",
    "remove",
    "clear",
    "sort",
    "reverse",
    "update",
    "setdefault",
    "popitem",
    "add",
    "discard",
];

/// Calls whose value is a task or future that a closure would share with
/// the function around it, not a value it could be given.
const SHARED_HANDLES: &[&str] = &["create_task", "ensure_future", "gather", "create_future"];

/// The program with its module functions' read-only closures given what
/// they capture as parameters; `None` when it has none.
pub(super) fn lift(program: &Program) -> Option<Program> {
    let taken = module_names(&program.module.body);
    with_module_defs(program, |code| lift_in(code, &taken))
}

/// The program with each module function's code rewritten by `rewrite`
/// (`None`: left as it is); `None` when nothing was rewritten.
pub(super) fn with_module_defs(
    program: &Program,
    mut rewrite: impl FnMut(&Code) -> Option<Code>,
) -> Option<Program> {
    let mut changed = false;
    let body: Vec<Stmt> = program
        .module
        .body
        .iter()
        .map(|s| match &s.kind {
            P::Def {
                code,
                name,
                defaults,
                decorators,
                annotations,
            } => match rewrite(code) {
                Some(outer) => {
                    changed = true;
                    Stmt {
                        kind: P::Def {
                            code: Arc::new(outer),
                            name: name.clone(),
                            defaults: defaults.clone(),
                            decorators: decorators.clone(),
                            annotations: annotations.clone(),
                        },
                        ..s.clone()
                    }
                }
                None => s.clone(),
            },
            _ => s.clone(),
        })
        .collect();
    if !changed {
        return None;
    }
    let module = Code {
        body,
        ..(*program.module).clone()
    };
    Some(Program {
        file: program.file.clone(),
        source: program.source.clone(),
        docstring: program.docstring.clone(),
        module: Arc::new(module),
        statement_count: program.statement_count,
    })
}

/// `outer` with each of its read-only closures rewritten, and theirs;
/// `None` when it has none.
fn lift_in(outer: &Code, taken: &HashSet<Arc<str>>) -> Option<Code> {
    let mut body = outer.body.clone();
    let mut changed = false;
    // The closures of its nested functions first, which may then be
    // hoisted in turn.
    for s in &mut body {
        if let P::Def { code, .. } = &mut s.kind
            && let Some(inner) = lift_in(code, taken)
        {
            *code = Arc::new(inner);
            changed = true;
        }
    }
    for i in 0..body.len() {
        let P::Def {
            code: inner, name, ..
        } = &body[i].kind
        else {
            continue;
        };
        if taken.contains(name.ident()) {
            continue;
        }
        let Some(free) = liftable(outer, &body, i, inner, name) else {
            continue;
        };
        let callee = name.ident().clone();
        let args: Vec<Name> = free
            .iter()
            .map(|v| {
                let cell = outer.cells.iter().position(|c| c == v).unwrap_or(0);
                Name::Cell(cell as u32, v.clone())
            })
            .collect();
        if let P::Def { code, .. } = &mut body[i].kind {
            *code = Arc::new(with_params(code, &free));
        }
        for s in &mut body[i + 1..] {
            stmt_exprs(s, &mut |e| {
                if let E::Call(f, call_args) = &mut e.kind
                    && matches!(&f.kind, E::Name(n) if *n.ident() == callee)
                {
                    // Called by name, as the module's function it becomes.
                    f.kind = E::Name(Name::Global(callee.clone()));
                    let span = f.span.clone();
                    let passed = args.iter().map(|n| {
                        Arg::Positional(py::Expr {
                            kind: E::Name(n.clone()),
                            span: span.clone(),
                            suspends: false,
                        })
                    });
                    call_args.splice(0..0, passed);
                }
            });
        }
        changed = true;
    }
    changed.then(|| Code {
        body,
        ..outer.clone()
    })
}

/// The names the module's own statements bind: a nested function of one
/// of them keeps its place.
pub(super) fn module_names(body: &[Stmt]) -> HashSet<Arc<str>> {
    let mut out: HashSet<Arc<str>> = super::module::bound(body, false).into_keys().collect();
    for s in body {
        if let P::Def { name, .. } | P::Class { name, .. } | P::Import { name, .. } = &s.kind {
            out.insert(name.ident().clone());
        }
    }
    out
}

/// The variables the nested `def` at `body[i]` captures, when it can take
/// them as parameters (see the module's doc).
pub(super) fn liftable(
    outer: &Code,
    body: &[Stmt],
    i: usize,
    inner: &Code,
    name: &Name,
) -> Option<Vec<Arc<str>>> {
    let P::Def { decorators, .. } = &body[i].kind else {
        return None;
    };
    let free: Vec<Arc<str>> = inner.cells.get(inner.own_cells..)?.to_vec();
    let own = &outer.cells[..outer.own_cells.min(outer.cells.len())];
    let id = name.ident();
    if free.is_empty()
        || !decorators.is_empty()
        || (inner.is_generator && !inner.is_async)
        || inner.own_cells > 0
        || own.contains(id)
        || free.iter().any(|v| !own.contains(v) || v == id)
    {
        return None;
    }
    let outer_bound = super::module::bound(&outer.body, false);
    let inner_bound = super::module::bound(&inner.body, false);
    if outer_bound.contains_key(id) {
        return None;
    }
    let is_param = |v: &Arc<str>| outer.params.all().any(|p| p.name == *v);
    for v in &free {
        if inner_bound.contains_key(v) {
            return None;
        }
        let value = if is_param(v) {
            if outer_bound.contains_key(v) {
                return None;
            }
            None
        } else {
            if outer_bound.get(v) != Some(&1) {
                return None;
            }
            Some(binding(&body[..i], v)?)
        };
        if value.is_some_and(shared_handle) {
            return None;
        }
        if !value.is_some_and(primitive) && (mutates(&outer.body, v) || mutates(&inner.body, v)) {
            return None;
        }
    }
    // In the order the function around binds them: its parameters, then
    // its variables.
    let params: Vec<&Arc<str>> = outer.params.all().map(|p| &p.name).collect();
    let order = |v: &Arc<str>| match params.iter().position(|p| *p == v) {
        Some(k) => k,
        None => params.len() + body.iter().position(|s| binds(s, v)).unwrap_or(0),
    };
    let mut free = free;
    free.sort_by_key(order);
    // Every use of the nested function after its `def` is a call of it.
    let (mut uses, mut calls) = (0, 0);
    for s in &body[i + 1..] {
        let mut s = s.clone();
        stmt_exprs(&mut s, &mut |e| match &e.kind {
            E::Name(n) if n.ident() == id => uses += 1,
            E::Call(f, _) if matches!(&f.kind, E::Name(n) if n.ident() == id) => calls += 1,
            _ => {}
        });
    }
    (uses == calls).then_some(free)
}

/// The value of `v = value` among `stmts` (the top level of a body).
fn binding<'s>(stmts: &'s [Stmt], v: &str) -> Option<&'s py::Expr> {
    stmts
        .iter()
        .find(|s| binds(s, v))
        .and_then(|s| match &s.kind {
            P::Assign { value, .. } => Some(value),
            _ => None,
        })
}

/// Whether `s` is `v = value`.
fn binds(s: &Stmt, v: &str) -> bool {
    matches!(&s.kind, P::Assign { targets, .. }
        if matches!(targets.as_slice(), [Target::Name(n)] if &**n.ident() == v))
}

/// `asyncio.Name(...)`: a constructor call of one of asyncio's classes,
/// a shared primitive (a queue, lock, event, semaphore, condition).
fn primitive(e: &py::Expr) -> bool {
    matches!(&e.kind, E::Call(f, _) if matches!(&f.kind,
        E::Attr(m, n) if n.starts_with(char::is_uppercase)
            && matches!(&m.kind, E::Name(Name::Global(g)) if &**g == "asyncio")))
}

/// A task or future made by a call.
fn shared_handle(e: &py::Expr) -> bool {
    let e = match &e.kind {
        E::Await(x) => x,
        _ => e,
    };
    matches!(&e.kind, E::Call(f, _) if matches!(&f.kind,
        E::Attr(_, n) | E::Name(Name::Global(n)) if SHARED_HANDLES.contains(&&**n)))
}

/// Whether `body` changes the value of `v` in place.
fn mutates(body: &[Stmt], v: &str) -> bool {
    let is_v = |e: &py::Expr| matches!(&e.kind, E::Name(n) if &**n.ident() == v);
    let target_of_v =
        |t: &Target| matches!(t, Target::Attr(b, _) | Target::Subscript(b, _) if is_v(b));
    let mut found = false;
    crate::program::walk(body, &mut |s| match &s.kind {
        P::Assign { targets, .. } => found |= targets.iter().any(target_of_v),
        P::AugAssign { target, .. } => found |= target_of_v(target),
        P::Delete(ts) => found |= ts.iter().any(target_of_v),
        _ => {}
    });
    for s in body {
        let mut s = s.clone();
        stmt_exprs(&mut s, &mut |e| {
            if let E::Call(f, _) = &e.kind
                && let E::Attr(obj, m) = &f.kind
                && is_v(obj)
                && MUTATING.contains(&&**m)
            {
                found = true;
            }
        });
    }
    found
}

/// `code` taking the variables it captured (`free`) as leading
/// parameters, read as its own locals.
pub(super) fn with_params(code: &Code, free: &[Arc<str>]) -> Code {
    let first = code.locals.len() as u32;
    let slots: HashMap<Arc<str>, u32> = free
        .iter()
        .enumerate()
        .map(|(k, v)| (v.clone(), first + k as u32))
        .collect();
    let mut out = code.clone();
    let params = free.iter().map(|v| Param {
        name: v.clone(),
        slot: slots[v],
        has_default: false,
    });
    out.params.positional.splice(0..0, params);
    out.locals.extend(free.iter().cloned());
    out.cells.truncate(code.own_cells);
    out.captures.clear();
    super::rename::block(&mut out.body, &|n| {
        if let Name::Cell(_, v) = n
            && let Some(slot) = slots.get(v)
        {
            *n = Name::Local(*slot, v.clone());
        }
    });
    out
}

/// Visits every expression `s` evaluates, sub-expressions after the
/// expression (not inside the functions, lambdas and classes it defines,
/// but a comprehension's first iterable and a lambda's defaults).
fn stmt_exprs(s: &mut Stmt, f: &mut dyn FnMut(&mut py::Expr)) {
    struct Exprs<'a>(&'a mut dyn FnMut(&mut py::Expr));
    impl VisitMut for Exprs<'_> {
        fn expr(&mut self, e: &mut py::Expr) {
            (self.0)(e);
        }

        fn whole_comprehensions(&self) -> bool {
            false
        }
    }
    stmt_mut(s, &mut Exprs(f));
}
