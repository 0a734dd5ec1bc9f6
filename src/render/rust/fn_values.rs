//! Functions of the program given as values (see `plan::fn_values`): the
//! parameter that takes them is an `impl Fn(A) -> R` (an `impl AsyncFn`
//! for coroutines), the function is passed by name, and the parameter is
//! called as the function would be.
//! A lambda passed there is a closure whose parameter has the type the
//! function calls the parameter with. The functions one parameter takes
//! must have one Rust signature, and none may fail (its `Result` would
//! change the signature): a program where they differ is listed as not
//! translated, at the argument or the call.

use super::Renderer;
use super::code::Code;
use super::expr_walk::each_function_expr;
use super::names::{fn_name, ident};
use super::types::{Ty, Types, unify};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{Call, Demo};
use crate::render::plan::ir::expr::{Builtin, ExprKind};

/// `impl Fn(A, B) -> R` (`impl AsyncFn` of a coroutine) as a signature
/// writes it: a string parameter is borrowed (the function takes a
/// `&str`), a result of `()` is left out.
pub(super) fn written(params: &[Ty], ret: &Ty, is_async: bool) -> String {
    let trait_ = if is_async { "AsyncFn" } else { "Fn" };
    let params: Vec<String> = params
        .iter()
        .map(|t| match t {
            Ty::Str => "&str".to_string(),
            t => t.rust(),
        })
        .collect();
    match ret {
        Ty::Unit | Ty::Unknown => format!("impl {trait_}({})", params.join(", ")),
        r => format!("impl {trait_}({}) -> {}", params.join(", "), r.rust()),
    }
}

impl Types {
    /// The type of the function `name` given as a value.
    pub(super) fn fn_ty(&self, name: &str) -> Ty {
        let params = self.params.get(name).cloned().unwrap_or_default();
        let is_async = self.coroutines.contains(name);
        Ty::Fn(params, Box::new(self.ret_of(name)), is_async)
    }

    /// What a call of a parameter given `callees` gives.
    pub(super) fn callees_ret(&self, callees: &[String]) -> Ty {
        let mut t = Ty::Unknown;
        for c in callees {
            unify(&mut t, &self.ret_of(c));
        }
        t
    }

    /// What the call of function parameter `call.name` in `f` gives: what
    /// its functions and lambdas give.
    pub(super) fn param_call_ty(&self, f: &str, call: &Call, callees: &[String]) -> Ty {
        let mut t = self.callees_ret(callees);
        if let Ty::Fn(_, ret, _) = self.var(f, &call.name) {
            unify(&mut t, &ret);
        }
        t
    }

    /// The lambdas `call` (in `f`) gives to a parameter that takes
    /// functions: the lambda's parameter has the type the function calls
    /// the parameter with, and the parameter's type gains the lambda's
    /// result; true if anything changed.
    pub(super) fn lambda_args(&mut self, f: &str, call: &Call) -> bool {
        let mut changed = false;
        for (i, arg) in call.args.iter().enumerate() {
            let ExprKind::Lambda(l) = &arg.kind else {
                continue;
            };
            if !self.lambdas_given.iter().any(|g| g.4 == arg.span) {
                let given = (
                    f.to_string(),
                    call.name.clone(),
                    i,
                    (**l).clone(),
                    arg.span.clone(),
                );
                self.lambdas_given.push(given);
                changed = true;
            }
            let slot = self.params.get(&call.name).and_then(|p| p.get(i)).cloned();
            if let Some(Ty::Fn(params, _, _)) = &slot
                && let Some(first) = params.first()
            {
                changed |= self.set(f, &l.var, first);
            }
            let ty = Ty::Fn(
                vec![self.var(f, &l.var)],
                Box::new(self.expr_ty(f, &l.body)),
                false,
            );
            if let Some(slot) = self.params.get_mut(&call.name).and_then(|p| p.get_mut(i)) {
                changed |= unify(slot, &ty);
            }
        }
        changed
    }

    /// The arguments of each call of a function parameter in `s` (of
    /// function `f`) typed as those of a call of each function it is
    /// given; true if anything changed.
    pub(super) fn param_calls(
        &mut self,
        demo: &Demo,
        f: &str,
        s: &crate::render::plan::ir::ast::Stmt,
    ) -> bool {
        let mut calls = Vec::new();
        let mut params = Vec::new();
        for (e, _) in super::analysis::stmt_exprs(s) {
            super::expr_walk::each_expr(e, &mut |x| {
                if let ExprKind::CallParam(call, callees) = &x.kind {
                    params.push((call, callees));
                    for c in callees {
                        calls.push(Call {
                            name: c.clone(),
                            args: call.args.clone(),
                            span: call.span.clone(),
                        });
                    }
                }
            });
        }
        let mut changed = false;
        // The parameter's type: what it is called with.
        for (call, callees) in params {
            let args = call.args.iter().map(|a| self.expr_ty(f, a)).collect();
            let is_async = callees.iter().any(|c| self.coroutines.contains(c));
            let ty = Ty::Fn(args, Box::new(Ty::Unknown), is_async);
            changed |= self.set(f, &call.name, &ty);
        }
        calls.iter().fold(changed, |changed, call| {
            self.call(demo, f, call, false) | changed
        })
    }
}

impl Renderer<'_> {
    /// A function of the program named as a value: its Rust name.
    pub(super) fn function_value(&mut self, name: &str) -> Code {
        Code::new(fn_name(name), self.types.fn_ty(name), 10)
    }

    /// `f(args)` of a function parameter: its arguments converted as for
    /// a call of the first function it is given (all share one signature).
    pub(super) fn param_call(&mut self, call: &Call, callees: &[String]) -> Code {
        let args = match callees.first() {
            Some(first) => {
                let as_callee = Call {
                    name: first.clone(),
                    ..call.clone()
                };
                self.call_args(&as_callee).join(", ")
            }
            // Only lambdas: each argument as `written` types the parameter.
            None => {
                let args: Vec<String> = call
                    .args
                    .iter()
                    .map(|a| {
                        let c = self.expr(a);
                        match c.ty {
                            Ty::Str => c.borrowed(),
                            Ty::List(_) | Ty::Tuple(_) => c.owned(),
                            _ => c.text,
                        }
                    })
                    .collect();
                args.join(", ")
            }
        };
        let wait = if callees.iter().any(|c| self.types.coroutines.contains(c)) {
            ".await"
        } else {
            ""
        };
        let ty = self.types.param_call_ty(&self.func, call, callees);
        let mut out = Code::new(format!("{}({args}){wait}", ident(&call.name)), ty, 10);
        out.fresh = true;
        out
    }
}

/// Whether a parameter or result of this type is one an `impl Fn` writes
/// as the function's own signature does.
fn plain(t: &Ty) -> bool {
    match t {
        Ty::Int | Ty::Float | Ty::Bool | Ty::Str | Ty::Unit | Ty::Unknown => true,
        Ty::List(t) => **t != Ty::Str && plain(t),
        Ty::Tuple(items) => items.iter().all(|t| *t != Ty::Str && plain(t)),
        _ => false,
    }
}

/// Each function given to a function parameter whose Rust signature
/// differs from the first's, that fails, or whose parameters or result
/// an `impl Fn` would not write as the function does.
pub(super) fn signature_conflicts(demo: &Demo, types: &Types) -> Vec<Untranslatable> {
    let fallible = crate::render::plan::ir::raises::fallible(demo);
    let durations = super::durations::duration_params(demo);
    let mut out = Vec::new();
    each_function_expr(demo, &mut |_, x| {
        let ExprKind::Function(name) = &x.kind else {
            return;
        };
        let Ty::Fn(params, ret, _) = types.fn_ty(name) else {
            return;
        };
        let timed = demo.function(name).is_some_and(|g| {
            g.params
                .iter()
                .any(|p| durations.contains_key(&(name.clone(), p.clone())))
        });
        let owned = (0..params.len())
            .any(|i| types.spawned.contains(name) && types.owned_str.contains(&(name.clone(), i)));
        let reason = if fallible.contains(name) {
            Some(
                "a function that raises returns a `Result`, which the parameter that takes it would have to name",
            )
        } else if timed || owned || !params.iter().chain([&*ret]).all(plain) {
            Some(
                "the Rust listing passes a function whose parameters and result are numbers, booleans, strings or lists and tuples of numbers",
            )
        } else {
            None
        };
        if let Some(reason) = reason {
            out.push(Untranslatable {
                span: x.span.clone(),
                construct: format!("`{name}` given as a value"),
                reason: reason.into(),
            });
        }
    });
    out.extend(mixed_signatures(demo, types));
    out.extend(lambda_conflicts(types));
    out
}

/// Each lambda given to a function parameter whose parameter or result
/// has another type than the parameter's `impl Fn` names, or one it would
/// not write as the closure takes it.
fn lambda_conflicts(types: &Types) -> Vec<Untranslatable> {
    let mut out = Vec::new();
    for (caller, callee, i, l, span) in &types.lambdas_given {
        let slot = types.params.get(callee).and_then(|p| p.get(*i));
        let Some(Ty::Fn(params, ret, _)) = slot else {
            continue;
        };
        let var = types.var(caller, &l.var);
        let body = types.expr_ty(caller, &l.body);
        // A string result must be one the closure makes: its own `String`.
        let made = match &l.body.kind {
            ExprKind::Template(_) | ExprKind::Binary(..) => true,
            ExprKind::Call(b, _) => matches!(b, Builtin::Str | Builtin::Repr),
            _ => false,
        };
        let agrees = params.as_slice() == [var.clone()]
            && (**ret == body || body == Ty::Unknown)
            && (body != Ty::Str || made);
        if types.tasked.contains(callee) {
            // A task of its own takes only what it owns; a closure
            // borrows what it reads.
            out.push(Untranslatable {
                span: span.clone(),
                construct: "this `lambda`".into(),
                reason: format!(
                    "`{callee}` runs as a task of its own, which a closure borrowing the \
                     variables around it cannot be given: pass a function of the module"
                ),
            });
        } else if !agrees || !params.iter().chain([&**ret]).all(plain) {
            out.push(Untranslatable {
                span: span.clone(),
                construct: "this `lambda`".into(),
                reason: format!(
                    "the Rust listing passes a closure where its parameter and result have the \
                     types `{callee}` gives the functions it takes ({}): numbers, booleans, \
                     strings (a string result one the closure makes) or lists and tuples of \
                     numbers",
                    super::fn_values::written(params, ret, false)
                ),
            });
        }
    }
    out
}

/// The calls of a function parameter given functions of different
/// signatures: one `impl Fn` type cannot take them all.
fn mixed_signatures(demo: &Demo, types: &Types) -> Vec<Untranslatable> {
    let mut out = Vec::new();
    each_function_expr(demo, &mut |f, x| {
        let ExprKind::CallParam(call, callees) = &x.kind else {
            return;
        };
        let Some((first, rest)) = callees.split_first() else {
            return;
        };
        // A generic function's parameter takes each call's own type: an
        // owned one, which a function borrowing a string does not take.
        if types.generic.contains_key(&f.name) {
            let borrows = |c: &&String| match types.fn_ty(c) {
                Ty::Fn(params, ret, _) => !params
                    .iter()
                    .chain([&*ret])
                    .all(|t| matches!(t, Ty::Int | Ty::Float | Ty::Bool)),
                _ => true,
            };
            if let Some(c) = callees.iter().find(borrows) {
                out.push(Untranslatable {
                    span: x.span.clone(),
                    construct: format!("`{c}` given as a value"),
                    reason: format!(
                        "`{}` is generic over the value it hands on, which each call passes \
                         owned: the Rust listing gives it functions of numbers and booleans, \
                         or lambdas",
                        f.name
                    ),
                });
            }
            return;
        }
        // A coroutine that goes on after its cancellation
        // takes a token besides its parameters.
        let extra = |c: &String| types.params.get(c).map_or(0, Vec::len) != call.args.len();
        if let Some(c) = callees.iter().find(|c| extra(c)) {
            out.push(Untranslatable {
                span: x.span.clone(),
                construct: format!("`{c}` given as a value"),
                reason: "a coroutine given a cancellation token takes one \
                         parameter more than the program passes"
                    .into(),
            });
            return;
        }
        let want = types.fn_ty(first);
        if let Some(other) = rest.iter().find(|c| types.fn_ty(c) != want) {
            out.push(Untranslatable {
                span: x.span.clone(),
                construct: format!("the call `{}(...)`", call.name),
                reason: format!(
                    "`{}` is given `{first}` and `{other}`, whose Rust \
                     signatures differ: an `impl Fn` parameter takes functions \
                     of one signature",
                    call.name
                ),
            });
            return;
        }
        // A lambda given there too: its types are the parameter's.
        if let (Ty::Fn(a, r, _), Ty::Fn(b, r2, _)) = (types.var(&f.name, &call.name), &want)
            && (a != *b || r != *r2)
        {
            out.push(Untranslatable {
                span: x.span.clone(),
                construct: format!("the call `{}(...)`", call.name),
                reason: format!(
                    "`{}` is given `{first}` and a lambda of other types: an \
                     `impl Fn` parameter takes functions of one signature",
                    call.name
                ),
            });
        }
    });
    out
}
