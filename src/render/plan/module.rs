//! The module's own code: the statements at the top of the file other than
//! definitions and imports. The listing runs them in `main`, in order: the
//! module's variables become `main`'s locals and `asyncio.run(f(...))`
//! awaits `f(...)` there (a program that never calls it gets a plain
//! `fn main`).

use super::scope::Scope;
use super::{Planner, Untranslatable};
use crate::program::{self as py};
use crate::program::{Arg, ExprKind as E, FormatPart, Module, Name, Stmt, StmtKind as P, Target};
use crate::render::plan::ir::ast::{self, Function, FunctionKind, StmtKind};
use std::collections::HashSet;
use std::sync::Arc;

/// The name of the plan function that holds the module's code: no Python
/// definition can have it.
pub const MODULE: &str = "<module>";

/// Whether a module-level statement is a definition, an import or nothing
/// that runs (a docstring, `pass`, an annotation).
pub(super) fn is_definition(s: &Stmt) -> bool {
    match &s.kind {
        P::Import { .. } | P::Pass | P::Annotate { .. } | P::Def { .. } | P::Class { .. } => true,
        P::Expr(e) => super::stmt::is_docstring(e),
        _ => false,
    }
}

/// The names the module's code binds (definitions and imports aside).
fn module_vars(code: &[Stmt]) -> HashSet<Arc<str>> {
    fn add(t: &Target, out: &mut HashSet<Arc<str>>) {
        match t {
            Target::Name(n) => {
                out.insert(n.ident().clone());
            }
            Target::Unpack(ts, _) => ts.iter().for_each(|t| add(t, out)),
            Target::Attr(..) | Target::Subscript(..) => {}
        }
    }
    let mut out = HashSet::new();
    crate::program::walk(code, &mut |s| match &s.kind {
        P::Assign { targets, .. } => targets.iter().for_each(|t| add(t, &mut out)),
        P::AugAssign { target, .. } | P::For { target, .. } => add(target, &mut out),
        P::With {
            item: py::WithItem {
                target: Some(t), ..
            },
            ..
        } => add(t, &mut out),
        P::Try { handlers, .. } => {
            for h in handlers {
                if let Some(n) = &h.name {
                    out.insert(n.ident().clone());
                }
            }
        }
        _ => {}
    });
    out
}

/// Makes a module variable a local of the function that runs the code.
fn name(n: &mut Name, vars: &HashSet<Arc<str>>) {
    if let Name::Global(g) = n
        && vars.contains(g)
    {
        *n = Name::Local(0, g.clone());
    }
}

fn target(t: &mut Target, vars: &HashSet<Arc<str>>) {
    match t {
        Target::Name(n) => name(n, vars),
        Target::Attr(e, _) => expr(e, vars),
        Target::Subscript(e, i) => {
            expr(e, vars);
            expr(i, vars);
        }
        Target::Unpack(ts, _) => ts.iter_mut().for_each(|t| target(t, vars)),
    }
}

fn parts(ps: &mut [FormatPart], vars: &HashSet<Arc<str>>) {
    for p in ps {
        if let FormatPart::Field { value, spec, .. } = p {
            expr(value, vars);
            parts(spec, vars);
        }
    }
}

fn expr(e: &mut py::Expr, vars: &HashSet<Arc<str>>) {
    match &mut e.kind {
        E::Literal(_) => {}
        E::Name(n) => name(n, vars),
        E::Attr(x, _) | E::UnaryOp(_, x) | E::Starred(x) | E::Await(x) | E::YieldFrom(x) => {
            expr(x, vars)
        }
        E::Subscript(a, b) | E::BinOp(_, a, b) => {
            expr(a, vars);
            expr(b, vars);
        }
        E::Slice(a, b, c) => {
            for x in [a, b, c].into_iter().flatten() {
                expr(x, vars);
            }
        }
        E::Call(f, args) => {
            expr(f, vars);
            for a in args {
                match a {
                    Arg::Positional(x) | Arg::Star(x) | Arg::Keyword(_, x) | Arg::StarStar(x) => {
                        expr(x, vars)
                    }
                }
            }
        }
        E::BoolOp(_, xs) | E::List(xs) | E::Tuple(xs) | E::Set(xs) => {
            xs.iter_mut().for_each(|x| expr(x, vars))
        }
        E::Compare(a, rest) => {
            expr(a, vars);
            rest.iter_mut().for_each(|(_, x)| expr(x, vars));
        }
        E::IfExp(a, b, c) => {
            expr(a, vars);
            expr(b, vars);
            expr(c, vars);
        }
        // A lambda's body is a scope of its own: its defaults are read here.
        E::Lambda { defaults, .. } => defaults.iter_mut().for_each(|x| expr(x, vars)),
        E::Dict(items) => {
            for (k, v) in items {
                if let Some(k) = k {
                    expr(k, vars);
                }
                expr(v, vars);
            }
        }
        E::Comprehension(c) => {
            let c = Arc::make_mut(c);
            expr(&mut c.element, vars);
            if let Some(v) = &mut c.value {
                expr(v, vars);
            }
            for g in &mut c.generators {
                target(&mut g.target, vars);
                expr(&mut g.iter, vars);
                g.ifs.iter_mut().for_each(|x| expr(x, vars));
            }
        }
        E::Yield(x) => {
            if let Some(x) = x {
                expr(x, vars);
            }
        }
        E::FString(ps) => parts(ps, vars),
        E::Named(t, x) => {
            target(t, vars);
            expr(x, vars);
        }
    }
}

fn block(b: &mut [Stmt], vars: &HashSet<Arc<str>>) {
    b.iter_mut().for_each(|s| stmt(s, vars));
}

/// `s` with every module variable it reads or binds made a local.
fn stmt(s: &mut Stmt, vars: &HashSet<Arc<str>>) {
    match &mut s.kind {
        P::Expr(e) => expr(e, vars),
        P::Assign { targets, value } => {
            targets.iter_mut().for_each(|t| target(t, vars));
            expr(value, vars);
        }
        P::AugAssign {
            target: t, value, ..
        } => {
            target(t, vars);
            expr(value, vars);
        }
        P::Return(v) => {
            if let Some(v) = v {
                expr(v, vars);
            }
        }
        P::If { test, body, orelse } | P::While { test, body, orelse } => {
            expr(test, vars);
            block(body, vars);
            block(orelse, vars);
        }
        P::For {
            target: t,
            iter,
            body,
            orelse,
            ..
        } => {
            target(t, vars);
            expr(iter, vars);
            block(body, vars);
            block(orelse, vars);
        }
        P::With { item, body, .. } => {
            expr(&mut item.context, vars);
            if let Some(t) = &mut item.target {
                target(t, vars);
            }
            block(body, vars);
        }
        P::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            block(body, vars);
            for h in handlers {
                if let Some(c) = &mut h.class {
                    expr(c, vars);
                }
                if let Some(n) = &mut h.name {
                    name(n, vars);
                }
                block(&mut h.body, vars);
            }
            block(orelse, vars);
            block(finalbody, vars);
        }
        P::Raise { exc, cause } => {
            for x in [exc, cause].into_iter().flatten() {
                expr(x, vars);
            }
        }
        P::Assert { test, msg } => {
            expr(test, vars);
            if let Some(m) = msg {
                expr(m, vars);
            }
        }
        P::Delete(ts) => ts.iter_mut().for_each(|t| target(t, vars)),
        P::Def { .. }
        | P::Class { .. }
        | P::Import { .. }
        | P::Annotate { .. }
        | P::Pass
        | P::Break
        | P::Continue => {}
    }
}

impl Planner<'_> {
    /// `asyncio.run(c)` or `x = asyncio.run(c)`: the coroutine call and
    /// the variable it sets.
    fn asyncio_run<'s>(&self, s: &'s Stmt) -> Option<(&'s py::Expr, Option<&'s Target>)> {
        let (value, into) = match &s.kind {
            P::Expr(e) => (e, None),
            P::Assign { targets, value } if targets.len() == 1 => (value, targets.first()),
            _ => return None,
        };
        let E::Call(f, args) = &value.kind else {
            return None;
        };
        match args.as_slice() {
            [Arg::Positional(c)] if self.is_member(f, Module::Asyncio, "run") => Some((c, into)),
            _ => None,
        }
    }

    /// The function that runs the module's code (every statement that is
    /// no definition), in source order.
    pub(super) fn module_code(&self, code: &[&Stmt]) -> Function {
        let mut stmts: Vec<Stmt> = code.iter().map(|s| (*s).clone()).collect();
        let vars = module_vars(&stmts);
        block(&mut stmts, &vars);
        // One `asyncio.run(...)` that ends the module: `main` is the event
        // loop's. Otherwise `main` is plain, and each `asyncio.run(...)` has
        // an event loop of its own, which cancels the tasks left when the
        // coroutine ends, before the next statements run.
        let runs = stmts
            .iter()
            .filter(|s| self.asyncio_run(s).is_some())
            .count();
        let last = stmts.last().is_some_and(|s| self.asyncio_run(s).is_some());
        let kind = if runs == 1 && last {
            FunctionKind::Coroutine
        } else {
            FunctionKind::Blocking
        };
        let mut sc = Scope::new(kind, Vec::new());
        let mut body = Vec::new();
        let mut start = 0;
        for (i, s) in stmts.iter().enumerate() {
            let Some((c, into)) = self.asyncio_run(s) else {
                continue;
            };
            body.extend(self.block(&mut sc, &stmts[start..i]).unwrap_or_default());
            start = i + 1;
            let planned = match into {
                Some(t) => self
                    .target(&sc, t, &s.span)
                    .and_then(|v| self.awaited(&mut sc, c, Some(v))),
                None => self.awaited(&mut sc, c, None),
            };
            let kind = planned.unwrap_or_else(|e: Untranslatable| {
                let kind = StmtKind::Untranslated {
                    construct: e.construct.clone(),
                    reason: e.reason.clone(),
                };
                self.blockers.borrow_mut().push(e);
                kind
            });
            body.push(ast::Stmt {
                id: s.id,
                span: s.span.clone(),
                kind,
            });
        }
        body.extend(self.block(&mut sc, &stmts[start..]).unwrap_or_default());
        let first = code.first().map_or(0, |s| s.span.start);
        let last = code.last().map_or(0, |s| s.span.end);
        Function {
            kind,
            name: MODULE.into(),
            params: Vec::new(),
            fields: Vec::new(),
            body,
            exit: Vec::new(),
            span: first..last,
        }
    }
}
