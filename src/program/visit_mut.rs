//! Changing a block's expressions and names in place: a pass says what it
//! does to each expression and each bound name, and how far it goes into
//! comprehensions and definitions; [`block_mut`] takes it through.

use super::{Arg, Expr, ExprKind as E, FormatPart, Name, Stmt, StmtKind as P, Target};
use std::sync::Arc;

/// A pass over a block that may change it. Functions, lambdas and classes
/// the block defines are scopes of their own: their bodies are not visited.
pub trait VisitMut {
    /// Each expression, before its parts.
    fn expr(&mut self, _e: &mut Expr) {}

    /// Each name an assignment, `for`, `with ... as`, `except ... as`, a
    /// walrus or a comprehension's `for` binds.
    fn bound(&mut self, _n: &mut Name) {}

    /// Whether a comprehension's element, conditions and clauses are
    /// visited; its first iterable, evaluated in the enclosing scope,
    /// always is.
    fn whole_comprehensions(&self) -> bool {
        true
    }

    /// Whether the defaults and decorators of a `def` or `class`, and a
    /// class's bases, are visited.
    fn definition_heads(&self) -> bool {
        true
    }
}

/// Takes `v` through every statement of `block`.
pub fn block_mut(block: &mut [Stmt], v: &mut dyn VisitMut) {
    block.iter_mut().for_each(|s| stmt_mut(s, v));
}

/// Takes `v` through `s` and the blocks nested in it.
pub fn stmt_mut(s: &mut Stmt, v: &mut dyn VisitMut) {
    match &mut s.kind {
        P::Expr(e) | P::Return(Some(e)) => expr_mut(e, v),
        P::Assign { targets, value } => {
            targets.iter_mut().for_each(|t| target(t, v));
            expr_mut(value, v);
        }
        P::AugAssign {
            target: t, value, ..
        } => {
            target(t, v);
            expr_mut(value, v);
        }
        P::If { test, body, orelse } | P::While { test, body, orelse } => {
            expr_mut(test, v);
            block_mut(body, v);
            block_mut(orelse, v);
        }
        P::For {
            target: t,
            iter,
            body,
            orelse,
            ..
        } => {
            target(t, v);
            expr_mut(iter, v);
            block_mut(body, v);
            block_mut(orelse, v);
        }
        P::With { item, body, .. } => {
            expr_mut(&mut item.context, v);
            if let Some(t) = &mut item.target {
                target(t, v);
            }
            block_mut(body, v);
        }
        P::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            block_mut(body, v);
            for h in handlers {
                if let Some(c) = &mut h.class {
                    expr_mut(c, v);
                }
                if let Some(n) = &mut h.name {
                    v.bound(n);
                }
                block_mut(&mut h.body, v);
            }
            block_mut(orelse, v);
            block_mut(finalbody, v);
        }
        P::Raise { exc, cause } => {
            for x in [exc, cause].into_iter().flatten() {
                expr_mut(x, v);
            }
        }
        P::Assert { test, msg } => {
            expr_mut(test, v);
            if let Some(m) = msg {
                expr_mut(m, v);
            }
        }
        P::Delete(ts) => ts.iter_mut().for_each(|t| target(t, v)),
        P::Def {
            defaults,
            decorators,
            ..
        } if v.definition_heads() => defaults
            .iter_mut()
            .chain(decorators.iter_mut())
            .for_each(|x| expr_mut(x, v)),
        P::Class {
            bases, decorators, ..
        } if v.definition_heads() => bases
            .iter_mut()
            .chain(decorators.iter_mut())
            .for_each(|x| expr_mut(x, v)),
        P::Def { .. }
        | P::Class { .. }
        | P::Return(None)
        | P::Import { .. }
        | P::Annotate { .. }
        | P::Pass
        | P::Break
        | P::Continue => {}
    }
}

fn target(t: &mut Target, v: &mut dyn VisitMut) {
    match t {
        Target::Name(n) => v.bound(n),
        Target::Attr(e, _) => expr_mut(e, v),
        Target::Subscript(e, i) => {
            expr_mut(e, v);
            expr_mut(i, v);
        }
        Target::Unpack(ts, _) => ts.iter_mut().for_each(|t| target(t, v)),
    }
}

fn parts(ps: &mut [FormatPart], v: &mut dyn VisitMut) {
    for p in ps {
        if let FormatPart::Field { value, spec, .. } = p {
            expr_mut(value, v);
            parts(spec, v);
        }
    }
}

/// Takes `v` through `e` and its parts.
pub fn expr_mut(e: &mut Expr, v: &mut dyn VisitMut) {
    v.expr(e);
    match &mut e.kind {
        E::Literal(_) | E::Name(_) | E::Yield(None) => {}
        E::Attr(x, _)
        | E::UnaryOp(_, x)
        | E::Starred(x)
        | E::Await(x)
        | E::YieldFrom(x)
        | E::Yield(Some(x)) => expr_mut(x, v),
        E::Subscript(a, b) | E::BinOp(_, a, b) => {
            expr_mut(a, v);
            expr_mut(b, v);
        }
        E::Slice(a, b, c) => {
            for x in [a, b, c].into_iter().flatten() {
                expr_mut(x, v);
            }
        }
        E::Call(g, args) => {
            expr_mut(g, v);
            for a in args {
                match a {
                    Arg::Positional(x) | Arg::Star(x) | Arg::Keyword(_, x) | Arg::StarStar(x) => {
                        expr_mut(x, v)
                    }
                }
            }
        }
        E::BoolOp(_, xs) | E::List(xs) | E::Tuple(xs) | E::Set(xs) => {
            xs.iter_mut().for_each(|x| expr_mut(x, v))
        }
        E::Compare(a, rest) => {
            expr_mut(a, v);
            rest.iter_mut().for_each(|(_, x)| expr_mut(x, v));
        }
        E::IfExp(a, b, c) => {
            expr_mut(a, v);
            expr_mut(b, v);
            expr_mut(c, v);
        }
        // A lambda's body is a scope of its own: its defaults are read here.
        E::Lambda { defaults, .. } => defaults.iter_mut().for_each(|x| expr_mut(x, v)),
        E::Dict(items) => {
            for (k, x) in items {
                if let Some(k) = k {
                    expr_mut(k, v);
                }
                expr_mut(x, v);
            }
        }
        E::Comprehension(c) if v.whole_comprehensions() => {
            let c = Arc::make_mut(c);
            expr_mut(&mut c.element, v);
            if let Some(x) = &mut c.value {
                expr_mut(x, v);
            }
            for g in &mut c.generators {
                target(&mut g.target, v);
                expr_mut(&mut g.iter, v);
                g.ifs.iter_mut().for_each(|x| expr_mut(x, v));
            }
        }
        E::Comprehension(c) => {
            if let Some(g) = Arc::make_mut(c).generators.first_mut() {
                expr_mut(&mut g.iter, v);
            }
        }
        E::FString(ps) => parts(ps, v),
        E::Named(t, x) => {
            target(t, v);
            expr_mut(x, v);
        }
    }
}
