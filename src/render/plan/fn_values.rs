//! Functions of the program passed by name to a parameter that is only
//! called: `def apply_twice(f, x): return f(f(x))` called as
//! `apply_twice(double, 3)`. The parameter is a Rust `impl Fn(i64) -> i64`
//! (`impl AsyncFn` where it takes coroutines, each call of it awaited:
//! `await f(x)`) and the function is passed by name, as Python passes it
//! (see `rust::fn_values`, which refuses functions of different
//! signatures).
//!
//! The plan takes a parameter so only where every use of it in its
//! function is a call with positional arguments, always as many, and every
//! use of its function anywhere in the program is a call passing there,
//! by position, a function of the module (all plain, or all coroutines)
//! that takes exactly that many positional parameters, without defaults
//! or decorators, or a lambda of one parameter that the code around it
//! does not bind (`apply_twice(lambda n: n + step, 3)`), written as the
//! closure `|n| n + step`.

use super::scope::Scope;
use super::{Planner, Result, refuse};
use crate::program::visit_mut::{VisitMut, block_mut};
use crate::program::{self as py, Arg, Code, ExprKind as E, Name, Program, StmtKind as P};
use crate::render::plan::ir::ast::{Call, FunctionKind, StmtKind};
use crate::render::plan::ir::expr::{Expr, ExprKind, Lambda};
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

/// (function, parameter index) → the functions the calls of the
/// function pass there, in the order first passed.
pub(super) type FnParams = HashMap<(String, usize), Vec<String>>;

/// A function of the module as the rule needs it: its code and whether
/// it has decorators.
struct ModuleDef<'p> {
    code: &'p Code,
    defaults: usize,
    decorated: bool,
}

/// The parameters of the module's functions that only take
/// functions of the module, each with the functions given there.
pub(super) fn fn_params(program: &Program) -> FnParams {
    let mut defs: HashMap<&str, ModuleDef> = HashMap::new();
    for s in &program.module.body {
        if let P::Def {
            code,
            name: Name::Global(name),
            defaults,
            decorators,
            ..
        } = &s.kind
        {
            defs.insert(
                name,
                ModuleDef {
                    code,
                    defaults: defaults.len(),
                    decorated: !decorators.is_empty(),
                },
            );
        }
    }
    let module: Vec<&str> = defs.keys().copied().collect();
    let nested = nested_defs(program, &module);
    let nested_names: HashSet<Arc<str>> = nested.keys().map(|k| Arc::from(*k)).collect();
    let mut out = FnParams::new();
    for (g, def) in &defs {
        let p = &def.code.params;
        if def.decorated || p.varargs.is_some() || p.varkw.is_some() || !p.keyword_only.is_empty() {
            continue;
        }
        let required = p.positional.len().saturating_sub(def.defaults);
        for (i, param) in p.positional.iter().enumerate().take(required) {
            let Some(arity) = only_called(def.code, &param.name) else {
                continue;
            };
            let passable = |h: &str| {
                if h == LAMBDA {
                    return arity == 1;
                }
                defs.get(h).or_else(|| nested.get(h)).is_some_and(|d| {
                    let c = d.code;
                    h != *g
                        && !d.decorated
                        && d.defaults == 0
                        && !c.is_generator
                        && c.params.positional.len() == arity
                        && c.params.varargs.is_none()
                        && c.params.varkw.is_none()
                        && c.params.keyword_only.is_empty()
                })
            };
            // One parameter takes plain functions or coroutines, not both.
            if let Some(given) = given_at(program, g, i, &passable, &nested_names) {
                let mut kinds: HashSet<bool> = given
                    .functions
                    .iter()
                    .filter_map(|h| {
                        let h = h.as_str();
                        defs.get(h)
                            .or_else(|| nested.get(h))
                            .map(|d| d.code.is_async)
                    })
                    .collect();
                if given.lambdas {
                    kinds.insert(false);
                }
                if kinds.len() == 1 {
                    out.insert((g.to_string(), i), given.functions);
                }
            }
        }
    }
    out
}

/// The functions nested in the module's functions that the listing
/// hoists to the module and that can be passed by name: no decorator,
/// nothing captured, a name no function of the module (`module`) or
/// other nested function has.
fn nested_defs<'p>(program: &'p Program, module: &[&str]) -> HashMap<&'p str, ModuleDef<'p>> {
    fn find<'p>(block: &'p [py::Stmt], out: &mut Vec<(&'p str, ModuleDef<'p>)>) {
        crate::program::walk(block, &mut |s| {
            if let P::Def {
                code,
                name: name @ (Name::Local(..) | Name::Cell(..)),
                defaults,
                decorators,
                ..
            } = &s.kind
            {
                out.push((
                    name.ident(),
                    ModuleDef {
                        code,
                        defaults: defaults.len(),
                        decorated: !decorators.is_empty() || !code.captures.is_empty(),
                    },
                ));
            }
            if let P::Def { code, .. } = &s.kind {
                find(&code.body, out);
            }
        });
    }
    let mut found = Vec::new();
    for s in &program.module.body {
        if let P::Def { code, .. } = &s.kind {
            find(&code.body, &mut found);
        }
    }
    let mut out = HashMap::new();
    let mut twice = HashSet::new();
    for (name, def) in found {
        if out.insert(name, def).is_some() {
            twice.insert(name);
        }
    }
    out.retain(|n, d| !twice.contains(n) && !module.contains(n) && !d.decorated);
    out
}

/// How many arguments every use of `param` in `code` passes, when each is
/// a call with positional arguments only, always as many, and nothing
/// binds `param` again nor captures it.
fn only_called(code: &Code, param: &str) -> Option<usize> {
    struct Uses<'a> {
        param: &'a str,
        names: usize,
        calls: usize,
        arities: HashSet<usize>,
        rebound: bool,
    }
    impl VisitMut for Uses<'_> {
        fn expr(&mut self, e: &mut py::Expr) {
            match &e.kind {
                E::Name(n) if **n.ident() == *self.param => self.names += 1,
                E::Call(f, args) if matches!(&f.kind, E::Name(n) if **n.ident() == *self.param) => {
                    let positional = args.iter().all(|a| matches!(a, Arg::Positional(_)));
                    self.calls += 1;
                    self.arities
                        .insert(if positional { args.len() } else { usize::MAX });
                }
                _ => {}
            }
        }
        fn bound(&mut self, n: &mut Name) {
            self.rebound |= **n.ident() == *self.param;
        }
    }
    if captured(&code.body, param) {
        return None;
    }
    let mut uses = Uses {
        param,
        names: 0,
        calls: 0,
        arities: HashSet::new(),
        rebound: false,
    };
    block_mut(&mut code.body.clone(), &mut uses);
    let arity = match uses.arities.iter().collect::<Vec<_>>().as_slice() {
        [n] if **n != usize::MAX => **n,
        _ => return None,
    };
    // Each call's callee is also one of the names counted.
    (!uses.rebound && uses.names > 0 && uses.names == uses.calls).then_some(arity)
}

/// Whether a function, lambda or class defined in `body` captures `name`
/// (a comprehension may: the listing writes it in place).
fn captured(body: &[py::Stmt], name: &str) -> bool {
    struct Inner(Vec<Arc<Code>>);
    impl VisitMut for Inner {
        fn expr(&mut self, e: &mut py::Expr) {
            if let E::Lambda { code, .. } = &e.kind {
                self.0.push(code.clone());
            }
        }
    }
    let mut inner = Inner(Vec::new());
    block_mut(&mut body.to_vec(), &mut inner);
    crate::program::walk(body, &mut |s| {
        if let P::Def { code, .. } | P::Class { code, .. } = &s.kind {
            inner.0.push(code.clone());
        }
    });
    inner.0.iter().any(|c| {
        c.cells
            .get(c.own_cells..)
            .is_some_and(|free| free.iter().any(|v| **v == *name))
    })
}

/// What `passable` is asked of a lambda of one parameter.
const LAMBDA: &str = "lambda";

/// What the calls of a function pass to one of its parameters.
struct Given {
    /// The functions of the module passed by name, in the order first passed.
    functions: Vec<String>,
    /// Whether some pass a lambda.
    lambdas: bool,
}

/// The parameter of a lambda of one positional parameter without
/// default that returns an expression.
fn lambda_param(e: &py::Expr) -> Option<&Arc<str>> {
    let E::Lambda { code, defaults } = &e.kind else {
        return None;
    };
    let p = &code.params;
    let [param] = p.positional.as_slice() else {
        return None;
    };
    let returns = matches!(code.body.as_slice(), [s] if matches!(s.kind, P::Return(Some(_))));
    (defaults.is_empty()
        && p.varargs.is_none()
        && p.varkw.is_none()
        && p.keyword_only.is_empty()
        && !code.is_generator
        && returns)
        .then_some(&param.name)
}

/// The functions (and lambdas) every use of `g` in the program passes as
/// its argument `i`, when each use is such a call and each passes a
/// function `passable` takes (`LAMBDA` asking whether a lambda of one
/// parameter is), or a lambda whose parameter the code around it does not
/// bind; `None` otherwise, or when `g` is never called.
fn given_at(
    program: &Program,
    g: &str,
    i: usize,
    passable: &dyn Fn(&str) -> bool,
    nested: &HashSet<Arc<str>>,
) -> Option<Given> {
    struct Uses<'a> {
        g: &'a str,
        i: usize,
        passable: &'a dyn Fn(&str) -> bool,
        names: usize,
        good: usize,
        given: Vec<String>,
        lambdas: bool,
        inner: Vec<Arc<Code>>,
        /// The names the code being visited binds, parameters included.
        here: HashSet<Arc<str>>,
        /// The functions nested in the code being visited that the
        /// listing hoists.
        defined: HashSet<Arc<str>>,
    }
    impl VisitMut for Uses<'_> {
        fn expr(&mut self, e: &mut py::Expr) {
            match &e.kind {
                E::Name(Name::Global(n)) if **n == *self.g => self.names += 1,
                E::Call(f, args) if matches!(&f.kind, E::Name(Name::Global(n)) if **n == *self.g) =>
                {
                    let positional = args.iter().all(|a| matches!(a, Arg::Positional(_)));
                    let Some(Arg::Positional(a)) = args.get(self.i).filter(|_| positional) else {
                        return;
                    };
                    let by_name = match &a.kind {
                        E::Name(Name::Global(h)) => Some(h),
                        E::Name(Name::Local(_, h) | Name::Cell(_, h))
                            if self.defined.contains(h) && !self.here.contains(h) =>
                        {
                            Some(h)
                        }
                        _ => None,
                    };
                    if let Some(h) = by_name
                        && (self.passable)(h)
                    {
                        self.good += 1;
                        if !self.given.iter().any(|x| **x == **h) {
                            self.given.push(h.to_string());
                        }
                    } else if let Some(param) = lambda_param(a)
                        && (self.passable)(LAMBDA)
                        && !self.here.contains(param)
                    {
                        self.good += 1;
                        self.lambdas = true;
                    }
                }
                E::Lambda { code, .. } => self.inner.push(code.clone()),
                _ => {}
            }
        }
    }
    let mut uses = Uses {
        g,
        i,
        passable,
        names: 0,
        good: 0,
        given: Vec::new(),
        lambdas: false,
        inner: Vec::new(),
        here: HashSet::new(),
        defined: HashSet::new(),
    };
    let mut codes: Vec<(Vec<py::Stmt>, Vec<Arc<str>>)> =
        vec![(program.module.body.clone(), Vec::new())];
    while let Some((mut block, params)) = codes.pop() {
        crate::program::walk(&block, &mut |s| {
            if let P::Def { code, .. } | P::Class { code, .. } = &s.kind {
                uses.inner.push(code.clone());
            }
        });
        uses.here = super::module::bound(&block, false).into_keys().collect();
        uses.here.extend(params);
        uses.defined.clear();
        crate::program::walk(&block, &mut |s| {
            if let P::Def { name, .. } = &s.kind
                && nested.contains(name.ident())
            {
                uses.defined.insert(name.ident().clone());
            }
        });
        block_mut(&mut block, &mut uses);
        codes.extend(uses.inner.drain(..).map(|c| {
            let params = c.params.all().map(|p| p.name.clone()).collect();
            (c.body.clone(), params)
        }));
    }
    (uses.names > 0 && uses.names == uses.good).then_some(Given {
        functions: uses.given,
        lambdas: uses.lambdas,
    })
}

impl Planner<'_> {
    /// Argument `slot` of a call of `callee`: a plain function of the
    /// module passed to a parameter that takes one is that function.
    pub(super) fn arg_expr(
        &self,
        sc: &Scope,
        callee: &str,
        slot: usize,
        e: &py::Expr,
    ) -> Result<Expr> {
        if !self.fn_params.contains_key(&(callee.to_string(), slot)) {
            return self.expr(sc, e);
        }
        let at = |kind| Expr {
            kind,
            span: e.span.clone(),
        };
        if let E::Name(Name::Global(h)) = &e.kind {
            return Ok(at(ExprKind::Function(h.to_string())));
        }
        if let (Some(param), E::Lambda { code, .. }) = (lambda_param(e), &e.kind)
            && let [s] = code.body.as_slice()
            && let P::Return(Some(body)) = &s.kind
        {
            let var = sc.local(param, &e.span)?;
            let body = self.expr(sc, body)?;
            if !super::lambdas::pure(&body) {
                return refuse(
                    &e.span,
                    "this `lambda`",
                    "the Rust listing's closure computes a value from its parameter: it calls \
                     no function of the program",
                );
            }
            return Ok(at(ExprKind::Lambda(Box::new(Lambda { var, body }))));
        }
        self.expr(sc, e)
    }

    /// Whether `callees` are coroutines (all are, or none).
    fn coroutines_given(&self, callees: &[String]) -> bool {
        callees.iter().any(|h| {
            self.defs
                .get(h)
                .is_some_and(|d| d.kind == Some(FunctionKind::Coroutine))
        })
    }

    /// `await f(args)` of a parameter that takes coroutines: its call,
    /// awaited.
    pub(super) fn param_await(&self, sc: &Scope, e: &py::Expr) -> Result<Option<ExprKind>> {
        let E::Call(f, args) = &e.kind else {
            return Ok(None);
        };
        self.param_call(sc, f, args, &e.span, true)
    }

    /// `into = await f(args)` (or `await f(args)`) of a parameter that
    /// takes coroutines, as a statement.
    pub(super) fn param_awaited(
        &self,
        sc: &Scope,
        inner: &py::Expr,
        into: Option<String>,
    ) -> Result<Option<StmtKind>> {
        let Some(kind) = self.param_await(sc, inner)? else {
            return Ok(None);
        };
        let value = Expr {
            kind,
            span: inner.span.clone(),
        };
        let var = into.unwrap_or_else(|| "_".into());
        Ok(Some(StmtKind::Set { var, value }))
    }

    /// `f(args)` of a parameter that takes plain functions (coroutines,
    /// when `awaited`): its call.
    pub(super) fn param_call(
        &self,
        sc: &Scope,
        f: &py::Expr,
        args: &[Arg],
        span: &Range<usize>,
        awaited: bool,
    ) -> Result<Option<ExprKind>> {
        let E::Name(n @ (Name::Local(..) | Name::Cell(..))) = &f.kind else {
            return Ok(None);
        };
        let Some(callees) = sc.fn_values.get(&**n.ident()) else {
            return Ok(None);
        };
        if awaited != self.coroutines_given(callees) {
            return Ok(None);
        }
        let call = Call {
            name: sc.local(n.ident(), &f.span)?,
            args: self.positional(sc, args, span)?,
            span: span.clone(),
        };
        Ok(Some(ExprKind::CallParam(call, callees.clone())))
    }
}
