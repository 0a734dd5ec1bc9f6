//! A decorator of the module whose wrapper runs code around each call of
//! the function it wraps:
//!
//! ```python
//! def logged(func):
//!     def wrapper(x):
//!         print("calling", x)
//!         return func(x)
//!     return wrapper
//!
//! @logged
//! def double(x): ...
//! ```
//!
//! is, in Rust, the higher-order function `fn logged(func: impl Fn(i64) ->
//! i64, x: i64) -> i64` whose body is the wrapper's, and each call
//! `double(3)` is the call of the wrapper it means in Python,
//! `logged(double, 3)` (see `fn_values`, which makes `func` an `impl Fn`,
//! or `impl AsyncFn` for a coroutine). A decorator factory, `@repeat(3)`,
//! whose arguments are literals, passes them first: `repeat(3, hello, x)`.
//!
//! The rewrite keeps Python's meaning where the decorator does nothing but
//! make its wrapper (nothing runs when it decorates), the wrapper reads
//! only the function it wraps and the factory's parameters and changes
//! none of them, and every use of a decorated function is a call of it by
//! position (its name, attributes or `__wrapped__` never read): then
//! calling the wrapper made once is calling it made at each call. A
//! recursive call inside the decorated function is rewritten too, as
//! Python's goes through the wrapper. A wrapper that reads
//! `func.__name__` takes the name as a parameter before the function,
//! each call passing it: `logged("double", double, 3)`.
//! `@functools.wraps(func)` on the wrapper only copies attributes that
//! such a program never reads.

mod forward;
mod walk;

use crate::program::{
    self as py, Arg, Code, ExprKind as E, Literal, Module, Name, Program, Stmt, StmtKind as P,
};
use forward::{def_params, forwarded, forwards};
use std::collections::HashMap;
use std::sync::Arc;
use walk::{count_uses, deep};

/// Why a decorator's wrapper is refused: the shapes the listing takes.
pub(super) const TAKEN: &str = "the Rust listing writes a decorator as a function taking the \
     function it wraps where the decorator (or its factory, given literals) only makes the \
     wrapper, the wrapper reads only that function (calling it with the wrapper's parameters, \
     or its `__name__`) and the factory's parameters and changes none of them, and each \
     function it decorates is defined after it and only called, all with one signature";

/// A decorator of the module that only makes a wrapper.
struct Decorator {
    /// The factory's parameters, none for a plain decorator.
    factory: Vec<Arc<str>>,
    /// The parameter that takes the decorated function.
    func: Arc<str>,
    /// The wrapper's code.
    wrapper: Arc<Code>,
    /// Whether the wrapper takes `*args` (and `**kwargs`) only to pass
    /// them on to the function it wraps.
    forwards: bool,
    /// The parameter that takes the name of the function, where the
    /// wrapper reads `func.__name__`, and its local slot.
    name_param: Option<(Arc<str>, u32)>,
}

/// How a decorated function is called: its decorator, and the literal
/// arguments of the factory.
struct Decorated {
    decorator: Arc<str>,
    literals: Vec<py::Expr>,
}

/// The program with each decorator that only makes a wrapper written as
/// the wrapper taking the function it wraps (and the factory's arguments)
/// as leading parameters, and each call of a function it decorates a call
/// of the wrapper; `None` when it has none.
pub(super) fn as_calls(program: &Program) -> Option<Program> {
    let body = &program.module.body;
    let mut decorators: HashMap<Arc<str>, Decorator> = HashMap::new();
    for s in body {
        if let P::Def {
            code,
            name: Name::Global(name),
            defaults,
            decorators: own,
            ..
        } = &s.kind
            && defaults.is_empty()
            && own.is_empty()
            && let Some(d) = decorator(code, body)
        {
            decorators.insert(name.clone(), d);
        }
    }
    if decorators.is_empty() {
        return None;
    }
    // Python applies a decorator where the function is defined: one the
    // module defines later is a `NameError` there.
    let place = |d: &str| {
        body.iter()
            .position(|s| matches!(&s.kind, P::Def { name, .. } if &**name.ident() == d))
    };
    let mut decorated: HashMap<Arc<str>, Decorated> = HashMap::new();
    for (at, s) in body.iter().enumerate() {
        if let P::Def {
            code,
            name: Name::Global(name),
            defaults,
            decorators: on,
            ..
        } = &s.kind
            && let [d] = on.as_slice()
            && let Some((decorator, literals)) = applied(d)
            && let Some(dec) = decorators.get(&decorator)
            && literals.len() == dec.factory.len()
            && place(&decorator).is_some_and(|d| d < at)
            && defaults.is_empty()
            && (dec.forwards && takes(code, code.params.positional.len())
                || takes(code, dec.wrapper.params.positional.len()))
            && code.is_async == dec.wrapper.is_async
        {
            decorated.insert(
                name.clone(),
                Decorated {
                    decorator,
                    literals,
                },
            );
        }
    }
    let uses = count_uses(program);
    // A decorator is taken with all the functions it decorates, or not at
    // all; every use of a decorated function is a call by position.
    let applied_once = |d: &Arc<str>| decorated.values().filter(|x| x.decorator == *d).count();
    decorators.retain(|d, _| {
        let n = applied_once(d);
        n > 0
            && uses.names.get(d) == Some(&n)
            && !uses.rebound.contains(d)
            && decorated
                .iter()
                .filter(|(_, x)| x.decorator == *d)
                .all(|(g, _)| {
                    !uses.rebound.contains(g)
                        && uses.names.get(g).copied().unwrap_or(0)
                            == uses.calls.get(g).copied().unwrap_or(0)
                })
    });
    // A wrapper that passes `*args` on takes the parameters of the
    // functions it decorates, named as the first of them names them.
    let order: Vec<&Arc<str>> = body
        .iter()
        .filter_map(|s| match &s.kind {
            P::Def { name, .. } if decorated.contains_key(name.ident()) => Some(name.ident()),
            _ => None,
        })
        .collect();
    decorators.retain(|d, dec| {
        if !dec.forwards {
            return true;
        }
        let params: Vec<Vec<Arc<str>>> = order
            .iter()
            .filter(|g| decorated[**g].decorator == *d)
            .filter_map(|g| def_params(body, g))
            .collect();
        let Some(names) = params.first() else {
            return false;
        };
        let taken = |v: &Arc<str>| {
            dec.wrapper.locals.contains(v)
                || dec.wrapper.cells.contains(v)
                || dec.factory.contains(v)
        };
        if params.iter().any(|p| p.len() != names.len()) || names.iter().any(taken) {
            return false;
        }
        dec.wrapper = Arc::new(forwarded(&dec.wrapper, &dec.func, names));
        dec.forwards = false;
        true
    });
    // `func.__name__` is the function's name, which each call passes.
    decorators.retain(|_, dec| {
        let name: Arc<str> = format!("{}_name", dec.func).into();
        let mut wrapper = (*dec.wrapper).clone();
        let slot = wrapper.locals.len() as u32;
        let mut read = false;
        deep(&mut wrapper.body, &mut |e| {
            if let E::Attr(obj, attr) = &e.kind
                && &**attr == "__name__"
                && matches!(&obj.kind, E::Name(n) if *n.ident() == dec.func)
            {
                e.kind = E::Name(Name::Local(slot, name.clone()));
                read = true;
            }
        });
        if !read {
            return true;
        }
        let taken = wrapper.locals.contains(&name)
            || wrapper.cells.contains(&name)
            || dec.factory.contains(&name);
        if taken {
            return false;
        }
        wrapper.locals.push(name.clone());
        dec.wrapper = Arc::new(wrapper);
        dec.name_param = Some((name, slot));
        true
    });
    decorated.retain(|_, x| decorators.contains_key(&x.decorator));
    if decorated.is_empty() {
        return None;
    }
    let mut out: Vec<Stmt> = body.clone();
    for s in &mut out {
        match &mut s.kind {
            P::Def {
                code,
                name: Name::Global(name),
                ..
            } if decorators.contains_key(name) => {
                *code = Arc::new(as_wrapper(code, &decorators[name]));
            }
            P::Def {
                name: Name::Global(name),
                decorators: on,
                ..
            } if decorated.contains_key(name) => on.clear(),
            _ => {}
        }
    }
    deep(&mut out, &mut |e| {
        let E::Call(f, args) = &mut e.kind else {
            return;
        };
        let E::Name(Name::Global(g)) = &f.kind else {
            return;
        };
        let Some(x) = decorated.get(g) else {
            return;
        };
        let span = f.span.clone();
        let function = py::Expr {
            kind: E::Name(Name::Global(g.clone())),
            span: span.clone(),
            suspends: false,
        };
        let dec = &decorators[&x.decorator];
        let name = dec.name_param.as_ref().map(|_| py::Expr {
            kind: E::Literal(Literal::Str(g.clone())),
            span: span.clone(),
            suspends: false,
        });
        let lead = x
            .literals
            .iter()
            .zip(&dec.factory)
            .filter(|(_, p)| captured(&dec.wrapper, p))
            .map(|(l, _)| py::Expr {
                span: span.clone(),
                ..l.clone()
            })
            .chain(name)
            .chain(std::iter::once(function))
            .map(Arg::Positional);
        let lead: Vec<Arg> = lead.collect();
        args.splice(0..0, lead);
        f.kind = E::Name(Name::Global(x.decorator.clone()));
    });
    let module = Code {
        body: out,
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

/// The decorator `code` is when its body only makes a wrapper (through a
/// factory's `decorate` when it is one) and returns it.
fn decorator(code: &Code, module: &[Stmt]) -> Option<Decorator> {
    if code.is_async || code.is_generator || !plain(&code.params) {
        return None;
    }
    let (inner, inner_name, on_inner) = made(code)?;
    let params: Vec<Arc<str>> = code
        .params
        .positional
        .iter()
        .map(|p| p.name.clone())
        .collect();
    if let Some((wrapper, wrapper_name, on_wrapper)) = made(&inner) {
        // A factory: its parameters, then `decorate(func)`'s.
        let [func] = inner.params.positional.as_slice() else {
            return None;
        };
        let free = free_of(&inner);
        let decorate_ok = !inner.is_async
            && !inner.is_generator
            && on_inner.is_empty()
            && plain(&inner.params)
            && inner.own_cells == 1
            && free.iter().all(|v| params.contains(v));
        if !decorate_ok
            || !wrapper_ok(&wrapper, &wrapper_name, &func.name, &params)
            || !wraps_only(module, on_wrapper, &func.name)
            || inner_name == wrapper_name
        {
            return None;
        }
        return Some(Decorator {
            factory: params,
            func: func.name.clone(),
            forwards: forwards(&wrapper, &func.name),
            name_param: None,
            wrapper,
        });
    }
    let [func] = params.as_slice() else {
        return None;
    };
    let ok = wrapper_ok(&inner, &inner_name, func, &[]) && wraps_only(module, on_inner, func);
    ok.then(|| Decorator {
        factory: Vec::new(),
        func: func.clone(),
        forwards: forwards(&inner, func),
        name_param: None,
        wrapper: inner,
    })
}

/// The function `code`'s body defines and returns, when that is all it
/// does: `def wrapper(...): ...` then `return wrapper`.
fn made(code: &Code) -> Option<(Arc<Code>, Arc<str>, &[py::Expr])> {
    let [def, ret] = code.body.as_slice() else {
        return None;
    };
    let P::Def {
        code: inner,
        name,
        defaults,
        decorators,
        ..
    } = &def.kind
    else {
        return None;
    };
    let P::Return(Some(value)) = &ret.kind else {
        return None;
    };
    let returned = matches!(&value.kind, E::Name(n) if n.ident() == name.ident());
    (returned && defaults.is_empty())
        .then(|| (inner.clone(), name.ident().clone(), &decorators[..]))
}

/// Whether the wrapper `wrapper` (named `name`) is one the rewrite takes:
/// positional parameters without defaults, only
/// `func` and the factory's `params` captured, none of them rebound, and
/// no function of its own capturing its variables.
fn wrapper_ok(wrapper: &Code, name: &str, func: &Arc<str>, params: &[Arc<str>]) -> bool {
    let free = free_of(wrapper);
    let bound = super::module::bound(&wrapper.body, false);
    let own_params = wrapper.params.positional.iter().any(|p| p.name == *func);
    (plain(&wrapper.params) || forwards(wrapper, func))
        && !(wrapper.is_generator)
        && wrapper.own_cells == 0
        && free.contains(func)
        && !own_params
        && free.iter().all(|v| v == func || params.contains(v))
        && free.iter().all(|v| !bound.contains_key(v))
        && &**func != name
}

/// Whether the decorators of a wrapper's `def` are none or
/// `functools.wraps(func)` (`wraps(func)` imported from `functools`).
fn wraps_only(module: &[Stmt], decorators: &[py::Expr], func: &str) -> bool {
    decorators.iter().all(|d| {
        let E::Call(callee, args) = &d.kind else {
            return false;
        };
        let [Arg::Positional(a)] = args.as_slice() else {
            return false;
        };
        let wraps = match &callee.kind {
            E::Attr(m, attr) => {
                &**attr == "wraps"
                    && matches!(&m.kind, E::Name(Name::Global(n)) if imported(module, n, None))
            }
            E::Name(Name::Global(n)) => imported(module, n, Some("wraps")),
            _ => false,
        };
        wraps && matches!(&a.kind, E::Name(n) if &**n.ident() == func)
    })
}

/// Whether the module binds `name` only by importing `functools` (or,
/// with `member`, that member of it).
fn imported(module: &[Stmt], name: &str, member: Option<&str>) -> bool {
    let mut imports = 0;
    let mut others = false;
    for s in module {
        match &s.kind {
            P::Import {
                module: m,
                member: got,
                name: n,
            } if &**n.ident() == name => {
                if *m == Module::Functools && got.as_deref() == member {
                    imports += 1;
                } else {
                    others = true;
                }
            }
            P::Def { name: n, .. } | P::Class { name: n, .. } if &**n.ident() == name => {
                others = true
            }
            _ => {}
        }
    }
    imports > 0 && !others && !super::module::bound(module, true).contains_key(name)
}

/// The variables `code` captures from the function around it.
fn free_of(code: &Code) -> Vec<Arc<str>> {
    code.cells
        .get(code.own_cells..)
        .unwrap_or_default()
        .to_vec()
}

/// Whether `wrapper` captures `v`.
fn captured(wrapper: &Code, v: &Arc<str>) -> bool {
    free_of(wrapper).contains(v)
}

/// Positional parameters only, without defaults.
fn plain(p: &py::Params) -> bool {
    p.varargs.is_none()
        && p.varkw.is_none()
        && p.keyword_only.is_empty()
        && p.positional.iter().all(|p| !p.has_default)
}

/// Whether the function `code` takes exactly `n` positional parameters
/// and is no generator.
fn takes(code: &Code, n: usize) -> bool {
    plain(&code.params) && code.params.positional.len() == n && !code.is_generator
}

/// `@d` or `@d(literal, ...)`: the decorator's name and the literals.
fn applied(e: &py::Expr) -> Option<(Arc<str>, Vec<py::Expr>)> {
    match &e.kind {
        E::Name(Name::Global(d)) => Some((d.clone(), Vec::new())),
        E::Call(f, args) => {
            let E::Name(Name::Global(d)) = &f.kind else {
                return None;
            };
            let literals = args
                .iter()
                .map(|a| match a {
                    Arg::Positional(x) if literal(x) => Some(x.clone()),
                    _ => None,
                })
                .collect::<Option<Vec<_>>>()?;
            Some((d.clone(), literals))
        }
        _ => None,
    }
}

/// A number, string or boolean literal (a negative number too).
fn literal(e: &py::Expr) -> bool {
    match &e.kind {
        E::Literal(Literal::Int(_) | Literal::Float(_) | Literal::Str(_) | Literal::Bool(_)) => {
            true
        }
        E::UnaryOp(py::UnaryOp::Neg, x) => {
            matches!(&x.kind, E::Literal(Literal::Int(_) | Literal::Float(_)))
        }
        _ => false,
    }
}

/// The wrapper of `d` as the module function that replaces the decorator:
/// the factory's parameters it reads and the wrapped function taken
/// first, read as its own locals.
fn as_wrapper(decorator: &Code, d: &Decorator) -> Code {
    let free: Vec<Arc<str>> = d
        .factory
        .iter()
        .filter(|p| captured(&d.wrapper, p))
        .chain(std::iter::once(&d.func))
        .cloned()
        .collect();
    let mut lifted = super::captures::with_params(&d.wrapper, &free);
    if let Some((name, slot)) = &d.name_param {
        let param = py::Param {
            name: name.clone(),
            slot: *slot,
            has_default: false,
        };
        lifted.params.positional.insert(free.len() - 1, param);
    }
    Code {
        name: decorator.name.clone(),
        qualname: decorator.qualname.clone(),
        docstring: decorator.docstring.clone(),
        ..lifted
    }
}

/// The decorator of the module (`logged`) whose wrapper the nested `def`
/// `s` is, when it has the shape of one: defined and returned by it, or
/// by its factory's `decorate`.
pub(super) fn wrapper_of(program: &Program, s: &Stmt) -> Option<Arc<str>> {
    program.module.body.iter().find_map(|d| {
        let P::Def {
            code,
            name: Name::Global(name),
            ..
        } = &d.kind
        else {
            return None;
        };
        let (inner, _, _) = made(code)?;
        let is_s = |c: &Code| c.body.first().is_some_and(|w| w.id == s.id);
        let found = is_s(code) || made(&inner).is_some() && is_s(&inner);
        found.then(|| name.clone())
    })
}
