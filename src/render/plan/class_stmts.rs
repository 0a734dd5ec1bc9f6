//! A plain class's class-level call statements (`logging.warning(...)` in
//! the class body): Python runs them once, when the class statement runs,
//! so the Rust listing runs them there, in the module's code. Only a call
//! whose names are the module's (none the class body binds) is taken: it
//! means the same outside the class.

use crate::program::visit_mut::{VisitMut, block_mut};
use crate::program::{
    Arg, Code, Expr, ExprKind as E, FormatPart, Name, Stmt, StmtKind as P, Target,
};
use std::sync::Arc;

/// Whether `s`, a statement of the class body `code`, is a call that runs
/// when the class is defined and reads no name of the class.
pub(super) fn runs_at_definition(code: &Code, s: &Stmt) -> bool {
    let P::Expr(e) = &s.kind else {
        return false;
    };
    matches!(e.kind, E::Call(..)) && !e.suspends && outside_names(code, e)
}

/// The class body's statements that run when the class is defined.
pub(super) fn definition_calls(code: &Code) -> impl Iterator<Item = &Stmt> {
    code.body.iter().filter(|s| runs_at_definition(code, s))
}

/// Whether `e` reads only literals and module names the class body does
/// not bind, through attributes, calls and operators.
fn outside_names(code: &Code, e: &Expr) -> bool {
    let ok = |e| outside_names(code, e);
    match &e.kind {
        E::Literal(_) => true,
        E::Name(Name::Global(n)) => !binds(code, n),
        E::Attr(obj, _) => ok(obj),
        E::Call(f, args) => {
            ok(f)
                && args
                    .iter()
                    .all(|a| matches!(a, Arg::Positional(v) | Arg::Keyword(_, v) if ok(v)))
        }
        E::BinOp(_, a, b) | E::Subscript(a, b) => ok(a) && ok(b),
        E::UnaryOp(_, a) => ok(a),
        E::Compare(a, rest) => ok(a) && rest.iter().all(|(_, b)| ok(b)),
        E::BoolOp(_, items) | E::List(items) | E::Tuple(items) => items.iter().all(ok),
        E::IfExp(c, a, b) => ok(c) && ok(a) && ok(b),
        E::FString(parts) => parts.iter().all(|p| match p {
            FormatPart::Literal(_) => true,
            FormatPart::Field { value, spec, .. } => {
                ok(value) && spec.iter().all(|s| !matches!(s, FormatPart::Field { .. }))
            }
        }),
        _ => false,
    }
}

/// Whether the class body binds `name` (an attribute, an annotation, a
/// method), or it is one of the names Python gives every class body.
fn binds(code: &Code, name: &str) -> bool {
    matches!(name, "__name__" | "__module__" | "__qualname__" | "__doc__")
        || code.body.iter().any(|s| match &s.kind {
            P::Assign { targets, .. } => targets
                .iter()
                .any(|t| matches!(t, Target::Name(n) if &**n.ident() == name)),
            P::AugAssign { target, .. } => {
                matches!(target, Target::Name(n) if &**n.ident() == name)
            }
            P::Annotate { name: n, .. } => &**n == name,
            P::Def { name: n, .. } | P::Class { name: n, .. } | P::Import { name: n, .. } => {
                &**n.ident() == name
            }
            _ => false,
        })
}

/// Whether the program names the class `name` only as `name.attr` (in
/// every function, lambda and class body too): no object of it is made,
/// so a class without methods needs no struct, its attributes being
/// values or `static`s.
pub(super) fn only_attributes_read(body: &[Stmt], name: &str) -> bool {
    struct Uses<'a> {
        name: &'a str,
        names: usize,
        attrs: usize,
        inner: Vec<Arc<Code>>,
    }
    impl VisitMut for Uses<'_> {
        fn expr(&mut self, e: &mut Expr) {
            let named = |e: &Expr| matches!(&e.kind, E::Name(n) if &**n.ident() == self.name);
            match &e.kind {
                _ if named(e) => self.names += 1,
                E::Attr(obj, _) if named(obj) => self.attrs += 1,
                E::Lambda { code, .. } => self.inner.push(code.clone()),
                _ => {}
            }
        }
    }
    let mut uses = Uses {
        name,
        names: 0,
        attrs: 0,
        inner: Vec::new(),
    };
    let mut blocks = vec![body.to_vec()];
    while let Some(mut block) = blocks.pop() {
        crate::program::walk(&block, &mut |s| {
            if let P::Def { code, .. } | P::Class { code, .. } = &s.kind {
                uses.inner.push(code.clone());
            }
        });
        block_mut(&mut block, &mut uses);
        blocks.extend(uses.inner.drain(..).map(|c| c.body.clone()));
    }
    uses.names == uses.attrs
}

/// The first module name a class-level call of `code` reads that the
/// module binds only after the class statement `class` (a function
/// defined lower in the file): Python raises `NameError` there.
pub(super) fn read_too_early(
    module: &[&Stmt],
    class: &Stmt,
    code: &Code,
) -> Option<(Arc<str>, crate::program::Span)> {
    struct Names(Vec<(Arc<str>, crate::program::Span)>);
    impl VisitMut for Names {
        fn expr(&mut self, e: &mut Expr) {
            if let E::Name(Name::Global(n)) = &e.kind {
                self.0.push((n.clone(), e.span.clone()));
            }
        }
    }
    let bound = |s: &Stmt, name: &str| match &s.kind {
        P::Assign { targets, .. } => targets
            .iter()
            .any(|t| matches!(t, Target::Name(n) if &**n.ident() == name)),
        P::Def { name: n, .. } | P::Class { name: n, .. } | P::Import { name: n, .. } => {
            &**n.ident() == name
        }
        _ => false,
    };
    let mut calls: Vec<Stmt> = definition_calls(code).cloned().collect();
    let mut names = Names(Vec::new());
    block_mut(&mut calls, &mut names);
    names.0.into_iter().find(|(n, _)| {
        let (before, after): (Vec<&Stmt>, Vec<&Stmt>) =
            module.iter().partition(|m| m.span.start < class.span.start);
        !before.iter().any(|m| bound(m, n)) && after.iter().any(|m| bound(m, n))
    })
}
