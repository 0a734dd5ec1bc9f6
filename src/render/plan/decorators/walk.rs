//! Walking the whole program, inside every function, lambda and class:
//! the uses of the module's names, and the expressions to rewrite.

use crate::program::visit_mut::{VisitMut, block_mut};
use crate::program::{self as py, Arg, Code, ExprKind as E, Name, Program, Stmt, StmtKind as P};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// How the program uses the names of the module: how many times each is
/// read (decorators included), how many of those are calls with
/// positional arguments only, and which are bound again anywhere.
#[derive(Default)]
pub(super) struct Uses {
    pub(super) names: HashMap<Arc<str>, usize>,
    pub(super) calls: HashMap<Arc<str>, usize>,
    pub(super) rebound: HashSet<Arc<str>>,
}

/// The uses of the module's names in the whole program.
pub(super) fn count_uses(program: &Program) -> Uses {
    let mut uses = Uses::default();
    let mut body = program.module.body.clone();
    // A definition of the same name below the module's top level binds it
    // in a scope of its own (a method, a nested function).
    fn nested_defs(block: &[Stmt], out: &mut HashSet<Arc<str>>) {
        crate::program::walk(block, &mut |s| {
            if let P::Def { code, name, .. } | P::Class { code, name, .. } = &s.kind {
                out.insert(name.ident().clone());
                nested_defs(&code.body, out);
            }
        });
    }
    for s in &body {
        match &s.kind {
            P::Def { code, .. } | P::Class { code, .. } => {
                nested_defs(&code.body, &mut uses.rebound)
            }
            _ => nested_defs(std::slice::from_ref(s), &mut uses.rebound),
        }
    }
    let names = std::cell::RefCell::new((
        HashMap::<Arc<str>, usize>::new(),
        HashMap::<Arc<str>, usize>::new(),
    ));
    deep_bound(&mut body, &mut |n| {
        if let Name::Global(g) = n {
            uses.rebound.insert(g.clone());
        }
    });
    deep(&mut body, &mut |e| {
        let mut m = names.borrow_mut();
        match &e.kind {
            E::Name(Name::Global(g)) => *m.0.entry(g.clone()).or_default() += 1,
            E::Call(f, args)
                if args.iter().all(|a| matches!(a, Arg::Positional(_)))
                    && let E::Name(Name::Global(g)) = &f.kind =>
            {
                *m.1.entry(g.clone()).or_default() += 1
            }
            _ => {}
        }
    });
    (uses.names, uses.calls) = names.into_inner();
    uses
}

/// Takes `f` through every expression of `block`, inside the functions,
/// lambdas and classes it defines too, and through the decorators and
/// defaults of its definitions.
pub(super) fn deep(block: &mut [Stmt], f: &mut dyn FnMut(&mut py::Expr)) {
    struct Exprs<'a>(&'a mut dyn FnMut(&mut py::Expr));
    impl VisitMut for Exprs<'_> {
        fn expr(&mut self, e: &mut py::Expr) {
            (self.0)(e);
            if let E::Lambda { code, .. } = &mut e.kind {
                deep(&mut Arc::make_mut(code).body, self.0);
            }
        }
    }
    block_mut(block, &mut Exprs(f));
    each_code(block, &mut |code| deep(&mut code.body, f));
}

/// Takes `f` through every name bound in `block`, inside the functions,
/// lambdas and classes it defines too.
fn deep_bound(block: &mut [Stmt], f: &mut dyn FnMut(&mut Name)) {
    struct Bound<'a>(&'a mut dyn FnMut(&mut Name));
    impl VisitMut for Bound<'_> {
        fn expr(&mut self, e: &mut py::Expr) {
            if let E::Lambda { code, .. } = &mut e.kind {
                deep_bound(&mut Arc::make_mut(code).body, self.0);
            }
        }
        fn bound(&mut self, n: &mut Name) {
            (self.0)(n);
        }
    }
    block_mut(block, &mut Bound(f));
    each_code(block, &mut |code| deep_bound(&mut code.body, f));
}

/// Calls `f` with the code of each function and class `block` defines,
/// in nested blocks too.
fn each_code(block: &mut [Stmt], f: &mut dyn FnMut(&mut Code)) {
    for s in block {
        match &mut s.kind {
            P::Def { code, .. } | P::Class { code, .. } => f(Arc::make_mut(code)),
            P::If { body, orelse, .. }
            | P::While { body, orelse, .. }
            | P::For { body, orelse, .. } => {
                each_code(body, f);
                each_code(orelse, f);
            }
            P::With { body, .. } => each_code(body, f),
            P::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                each_code(body, f);
                for h in handlers {
                    each_code(&mut h.body, f);
                }
                each_code(orelse, f);
                each_code(finalbody, f);
            }
            _ => {}
        }
    }
}
