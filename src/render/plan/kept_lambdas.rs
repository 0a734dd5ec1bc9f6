//! `square = lambda x: x * x` in a function that only ever calls
//! `square(...)`: the lambda is the nested `def square(x): return x * x`
//! it means there (a lambda's name shows only when it is printed, which
//! such a function never does), so the listing hoists it as it does a
//! nested function (see `nested` and `captures`). One that captures
//! nothing may also be passed to a function of the module, which
//! `fn_values` then takes as a function passed by name. A lambda of no
//! parameters called where it is written, `(lambda: value)()`, is its
//! value.

use crate::program::visit_mut::{VisitMut, stmt_mut};
use crate::program::{
    self as py, Code, CodeKind, ExprKind as E, Name, Program, Stmt, StmtKind as P, Target,
};
use std::collections::HashSet;
use std::sync::Arc;

/// The program with each lambda its module functions keep in a variable
/// and only call written as a nested `def`, and each they call where it
/// is written replaced by its value; `None` when it has none.
pub(super) fn as_defs(program: &Program) -> Option<Program> {
    let mut taken = super::captures::module_names(&program.module.body);
    super::captures::with_module_defs(program, |code| defs_in(code, &mut taken))
}

/// `outer` with the lambdas it keeps at its top level and only calls
/// written as `def`s, where the listing hoists them: a name the module
/// does not bind nor another lambda so rewritten has (`taken`, which
/// gains the names of these), and nothing captured or only what
/// `captures` can pass as arguments; `None` when it has none.
fn defs_in(outer: &Code, taken: &mut HashSet<Arc<str>>) -> Option<Code> {
    let bound = super::module::bound(&outer.body, false);
    let mut body = outer.body.clone();
    let mut changed = false;
    for i in 0..body.len() {
        let P::Assign { targets, value } = &body[i].kind else {
            continue;
        };
        let (
            [Target::Name(name @ (Name::Local(..) | Name::Cell(..)))],
            E::Lambda { code, defaults },
        ) = (targets.as_slice(), &value.kind)
        else {
            continue;
        };
        let id = name.ident();
        let is_param = outer.params.all().any(|p| p.name == *id);
        let Some(passed) = only_called(&body, i, id) else {
            continue;
        };
        if bound.get(id) != Some(&1)
            || code.is_generator
            || is_param
            || taken.contains(id)
            || (passed && !code.captures.is_empty())
            || (matches!(name, Name::Cell(..)) && captured(&body, id))
        {
            continue;
        }
        let def = Code {
            name: id.clone(),
            qualname: format!("{}.<locals>.{id}", outer.qualname).into(),
            kind: CodeKind::Function,
            ..(**code).clone()
        };
        let (name, defaults) = (name.clone(), defaults.clone());
        let as_def = P::Def {
            code: Arc::new(def.clone()),
            name: name.clone(),
            defaults,
            decorators: Vec::new(),
            annotations: Vec::new(),
        };
        let kept = std::mem::replace(&mut body[i].kind, as_def);
        let hoistable = def.captures.is_empty() || {
            let around = Code {
                body: body.clone(),
                ..outer.clone()
            };
            super::captures::liftable(&around, &body, i, &def, &name).is_some()
        };
        if hoistable {
            taken.insert(name.ident().clone());
            changed = true;
        } else {
            body[i].kind = kept;
        }
    }
    changed |= called_in_place(&mut body);
    changed.then(|| Code {
        body,
        ..outer.clone()
    })
}

/// Whether `id` is used, and every use of it in `body` other than its
/// binding at `body[at]` (comprehensions included) is, after that
/// binding, a call of it, or the argument of a call of a function of the
/// module (which `fn_values` takes as a function passed by name, or
/// refuses); `Some(true)` when it is passed so somewhere. (A function
/// never called would be dead code in the listing.)
fn only_called(body: &[Stmt], at: usize, id: &str) -> Option<bool> {
    let (mut uses, mut calls, mut passed) = (0, 0, 0);
    let is_id = |e: &py::Expr| matches!(&e.kind, E::Name(n) if &**n.ident() == id);
    for (k, s) in body.iter().enumerate() {
        if k == at {
            continue;
        }
        let before = k < at;
        each_expr(s, &mut |e| match &e.kind {
            E::Name(n) if &**n.ident() == id => uses += 1,
            E::Call(f, _) if !before && is_id(f) => calls += 1,
            E::Call(f, args) if !before && matches!(f.kind, E::Name(Name::Global(_))) => {
                passed += args
                    .iter()
                    .filter(|a| matches!(a, py::Arg::Positional(x) if is_id(x)))
                    .count();
            }
            _ => {}
        });
    }
    (uses > 0 && uses == calls + passed).then_some(passed > 0)
}

/// Whether a function, lambda or class defined in `body` (the kept lambda
/// itself included) captures `id`: only a comprehension may read it from
/// its cell, as it reads a nested function's name.
fn captured(body: &[Stmt], id: &str) -> bool {
    let frees = |c: &Code| {
        c.cells
            .get(c.own_cells..)
            .is_some_and(|f| f.iter().any(|v| &**v == id))
    };
    let mut found = false;
    crate::program::walk(body, &mut |s| {
        if let P::Def { code, .. } | P::Class { code, .. } = &s.kind {
            found |= frees(code);
        }
    });
    for s in body {
        each_expr(s, &mut |e| {
            if let E::Lambda { code, .. } = &e.kind {
                found |= frees(code);
            }
        });
    }
    found
}

/// Visits every expression `s` evaluates, comprehensions whole (not the
/// bodies of the functions, lambdas and classes it defines).
fn each_expr(s: &Stmt, f: &mut dyn FnMut(&py::Expr)) {
    struct Exprs<'a>(&'a mut dyn FnMut(&py::Expr));
    impl VisitMut for Exprs<'_> {
        fn expr(&mut self, e: &mut py::Expr) {
            (self.0)(e);
        }
    }
    stmt_mut(&mut s.clone(), &mut Exprs(f));
}

/// Replaces each `(lambda: value)()` in `body` by its `value`: a lambda of
/// no parameters that captures nothing, called where it is written, is
/// its value; whether any was.
fn called_in_place(body: &mut [Stmt]) -> bool {
    struct Inline(bool);
    impl VisitMut for Inline {
        fn expr(&mut self, e: &mut py::Expr) {
            let E::Call(f, args) = &e.kind else {
                return;
            };
            let E::Lambda { code, defaults } = &f.kind else {
                return;
            };
            let [
                Stmt {
                    kind: P::Return(Some(value)),
                    ..
                },
            ] = code.body.as_slice()
            else {
                return;
            };
            let p = &code.params;
            let bare = p.positional.is_empty()
                && p.varargs.is_none()
                && p.keyword_only.is_empty()
                && p.varkw.is_none();
            if args.is_empty()
                && defaults.is_empty()
                && bare
                && !code.is_generator
                && code.locals.is_empty()
                && code.cells.is_empty()
            {
                *e = value.clone();
                self.0 = true;
            }
        }
    }
    let mut v = Inline(false);
    crate::program::visit_mut::block_mut(body, &mut v);
    v.0
}
