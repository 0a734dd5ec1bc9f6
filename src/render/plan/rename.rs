//! Renaming a block's names in place: the module's variables become
//! `main`'s locals, and a nested function the listing hoists becomes a
//! definition of the module where its enclosing function calls it.

use crate::program::{
    self as py, Arg, ExprKind as E, FormatPart, Name, Stmt, StmtKind as P, Target,
};
use std::sync::Arc;

fn target(t: &mut Target, rn: &dyn Fn(&mut Name)) {
    match t {
        Target::Name(n) => rn(n),
        Target::Attr(e, _) => expr(e, rn),
        Target::Subscript(e, i) => {
            expr(e, rn);
            expr(i, rn);
        }
        Target::Unpack(ts, _) => ts.iter_mut().for_each(|t| target(t, rn)),
    }
}

fn parts(ps: &mut [FormatPart], rn: &dyn Fn(&mut Name)) {
    for p in ps {
        if let FormatPart::Field { value, spec, .. } = p {
            expr(value, rn);
            parts(spec, rn);
        }
    }
}

fn expr(e: &mut py::Expr, rn: &dyn Fn(&mut Name)) {
    match &mut e.kind {
        E::Literal(_) => {}
        E::Name(n) => rn(n),
        E::Attr(x, _) | E::UnaryOp(_, x) | E::Starred(x) | E::Await(x) | E::YieldFrom(x) => {
            expr(x, rn)
        }
        E::Subscript(a, b) | E::BinOp(_, a, b) => {
            expr(a, rn);
            expr(b, rn);
        }
        E::Slice(a, b, c) => {
            for x in [a, b, c].into_iter().flatten() {
                expr(x, rn);
            }
        }
        E::Call(f, args) => {
            expr(f, rn);
            for a in args {
                match a {
                    Arg::Positional(x) | Arg::Star(x) | Arg::Keyword(_, x) | Arg::StarStar(x) => {
                        expr(x, rn)
                    }
                }
            }
        }
        E::BoolOp(_, xs) | E::List(xs) | E::Tuple(xs) | E::Set(xs) => {
            xs.iter_mut().for_each(|x| expr(x, rn))
        }
        E::Compare(a, rest) => {
            expr(a, rn);
            rest.iter_mut().for_each(|(_, x)| expr(x, rn));
        }
        E::IfExp(a, b, c) => {
            expr(a, rn);
            expr(b, rn);
            expr(c, rn);
        }
        // A lambda's body is a scope of its own: its defaults are read here.
        E::Lambda { defaults, .. } => defaults.iter_mut().for_each(|x| expr(x, rn)),
        E::Dict(items) => {
            for (k, v) in items {
                if let Some(k) = k {
                    expr(k, rn);
                }
                expr(v, rn);
            }
        }
        E::Comprehension(c) => {
            let c = Arc::make_mut(c);
            expr(&mut c.element, rn);
            if let Some(v) = &mut c.value {
                expr(v, rn);
            }
            for g in &mut c.generators {
                target(&mut g.target, rn);
                expr(&mut g.iter, rn);
                g.ifs.iter_mut().for_each(|x| expr(x, rn));
            }
        }
        E::Yield(x) => {
            if let Some(x) = x {
                expr(x, rn);
            }
        }
        E::FString(ps) => parts(ps, rn),
        E::Named(t, x) => {
            target(t, rn);
            expr(x, rn);
        }
    }
}

pub(super) fn block(b: &mut [Stmt], rn: &dyn Fn(&mut Name)) {
    b.iter_mut().for_each(|s| stmt(s, rn));
}

/// Renames with `f` every name `s` reads or binds (not inside the
/// functions and classes it defines, which are scopes of their own).
pub(super) fn stmt(s: &mut Stmt, rn: &dyn Fn(&mut Name)) {
    match &mut s.kind {
        P::Expr(e) => expr(e, rn),
        P::Assign { targets, value } => {
            targets.iter_mut().for_each(|t| target(t, rn));
            expr(value, rn);
        }
        P::AugAssign {
            target: t, value, ..
        } => {
            target(t, rn);
            expr(value, rn);
        }
        P::Return(v) => {
            if let Some(v) = v {
                expr(v, rn);
            }
        }
        P::If { test, body, orelse } | P::While { test, body, orelse } => {
            expr(test, rn);
            block(body, rn);
            block(orelse, rn);
        }
        P::For {
            target: t,
            iter,
            body,
            orelse,
            ..
        } => {
            target(t, rn);
            expr(iter, rn);
            block(body, rn);
            block(orelse, rn);
        }
        P::With { item, body, .. } => {
            expr(&mut item.context, rn);
            if let Some(t) = &mut item.target {
                target(t, rn);
            }
            block(body, rn);
        }
        P::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            block(body, rn);
            for h in handlers {
                if let Some(c) = &mut h.class {
                    expr(c, rn);
                }
                if let Some(n) = &mut h.name {
                    rn(n);
                }
                block(&mut h.body, rn);
            }
            block(orelse, rn);
            block(finalbody, rn);
        }
        P::Raise { exc, cause } => {
            for x in [exc, cause].into_iter().flatten() {
                expr(x, rn);
            }
        }
        P::Assert { test, msg } => {
            expr(test, rn);
            if let Some(m) = msg {
                expr(m, rn);
            }
        }
        P::Delete(ts) => ts.iter_mut().for_each(|t| target(t, rn)),
        P::Def { .. }
        | P::Class { .. }
        | P::Import { .. }
        | P::Annotate { .. }
        | P::Pass
        | P::Break
        | P::Continue => {}
    }
}
