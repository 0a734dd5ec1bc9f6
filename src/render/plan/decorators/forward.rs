//! A wrapper that takes `*args` (and `**kwargs`) only to pass them on to
//! the function it wraps: it takes the parameters of the functions it
//! decorates instead.

use super::walk::deep;
use crate::program::{self as py, Arg, Code, ExprKind as E, Name, Stmt, StmtKind as P};
use std::sync::Arc;

/// Whether `wrapper` takes `*args` (and `**kwargs`) and nothing else,
/// passes them on whole to `func` (`func(*args, **kwargs)`), never binds
/// them again, and reads `kwargs` nowhere else (`args`, read elsewhere,
/// is the tuple of the parameters).
pub(super) fn forwards(wrapper: &Code, func: &str) -> bool {
    let p = &wrapper.params;
    let Some(args) = &p.varargs else {
        return false;
    };
    if !p.positional.is_empty() || !p.keyword_only.is_empty() {
        return false;
    }
    let kwargs = p.varkw.as_ref().map(|k| &k.name);
    let (mut arg_reads, mut kw_reads, mut calls) = (0, 0, 0);
    let mut body = wrapper.body.clone();
    deep(&mut body, &mut |e| match &e.kind {
        E::Name(n) if n.ident() == &args.name => arg_reads += 1,
        E::Name(n) if Some(n.ident()) == kwargs => kw_reads += 1,
        E::Call(f, a) if matches!(&f.kind, E::Name(n) if &**n.ident() == func) => {
            calls += usize::from(passes_on(a, &args.name, kwargs));
        }
        _ => {}
    });
    let bound = crate::render::plan::module::bound(&wrapper.body, false);
    let rebound = bound.contains_key(&args.name) || kwargs.is_some_and(|k| bound.contains_key(k));
    let kw_calls = if kwargs.is_some() { calls } else { 0 };
    calls > 0 && arg_reads >= calls && kw_reads == kw_calls && !rebound
}

/// Whether `args` are `*args` (then `**kwargs`, when the wrapper has
/// them) and nothing else.
pub(super) fn passes_on(a: &[Arg], args: &Arc<str>, kwargs: Option<&Arc<str>>) -> bool {
    let named = |e: &py::Expr, v: &Arc<str>| matches!(&e.kind, E::Name(n) if n.ident() == v);
    match (a, kwargs) {
        ([Arg::Star(x)], None) => named(x, args),
        ([Arg::Star(x), Arg::StarStar(y)], Some(k)) => named(x, args) && named(y, k),
        _ => false,
    }
}

/// `wrapper` taking `names` as its positional parameters instead of
/// `*args` (and `**kwargs`), and passing them to `func` by position.
pub(super) fn forwarded(wrapper: &Code, func: &str, names: &[Arc<str>]) -> Code {
    let mut out = wrapper.clone();
    let first = out.locals.len() as u32;
    let params: Vec<py::Param> = names
        .iter()
        .enumerate()
        .map(|(k, v)| py::Param {
            name: v.clone(),
            slot: first + k as u32,
            has_default: false,
        })
        .collect();
    let (args, kwargs) = (out.params.varargs.take(), out.params.varkw.take());
    let args = args.map(|a| a.name);
    let kwargs = kwargs.map(|k| k.name);
    out.locals.extend(names.iter().cloned());
    deep(&mut out.body, &mut |e| {
        if let E::Call(f, a) = &mut e.kind
            && matches!(&f.kind, E::Name(n) if &**n.ident() == func)
            && args
                .as_ref()
                .is_some_and(|x| passes_on(a, x, kwargs.as_ref()))
        {
            let span = e.span.clone();
            *a = params
                .iter()
                .map(|p| {
                    Arg::Positional(py::Expr {
                        kind: E::Name(Name::Local(p.slot, p.name.clone())),
                        span: span.clone(),
                        suspends: false,
                    })
                })
                .collect();
        }
    });
    // Read otherwise, `args` is the tuple of them.
    let names = params.iter().map(|p| Name::Local(p.slot, p.name.clone()));
    let tuple: Vec<Name> = names.collect();
    deep(&mut out.body, &mut |e| {
        if matches!(&e.kind, E::Name(n) if Some(n.ident()) == args.as_ref()) {
            let span = e.span.clone();
            let items = tuple.iter().map(|n| py::Expr {
                kind: E::Name(n.clone()),
                span: span.clone(),
                suspends: false,
            });
            e.kind = E::Tuple(items.collect());
        }
    });
    out.params.positional = params;
    out
}

/// The parameters of the module's function `name`.
pub(super) fn def_params(body: &[Stmt], name: &str) -> Option<Vec<Arc<str>>> {
    body.iter().find_map(|s| match &s.kind {
        P::Def { code, name: n, .. } if &**n.ident() == name => Some(
            code.params
                .positional
                .iter()
                .map(|p| p.name.clone())
                .collect(),
        ),
        _ => None,
    })
}
