//! Functions of the program given as values (see `plan::fn_values`): the
//! parameter that takes them is an `impl Fn(A) -> R` (an `impl AsyncFn`
//! for coroutines), the function is passed by name, and the parameter is
//! called as the function would be.
//! The functions one parameter takes must have one Rust signature, and
//! none may fail (its `Result` would change the signature): a program
//! where they differ is listed as not translated, at the argument.

use super::Renderer;
use super::code::Code;
use super::names::{fn_name, ident};
use super::types::{Ty, Types, unify};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{Call, Demo, walk};
use crate::render::plan::ir::expr::ExprKind;

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
        for (e, _) in super::analysis::stmt_exprs(s) {
            super::analysis::each_expr(e, &mut |x| {
                if let ExprKind::CallParam(call, callees) = &x.kind {
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
        calls.iter().fold(false, |changed, call| {
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
        let Some(first) = callees.first() else {
            return Code::new(format!("{}()", ident(&call.name)), Ty::Unknown, 10);
        };
        let as_callee = Call {
            name: first.clone(),
            ..call.clone()
        };
        let args = self.call_args(&as_callee).join(", ");
        let wait = if self.types.coroutines.contains(first) {
            ".await"
        } else {
            ""
        };
        let mut out = Code::new(
            format!("{}({args}){wait}", ident(&call.name)),
            self.types.callees_ret(callees),
            10,
        );
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
    for f in &demo.functions {
        for block in [&f.body, &f.exit] {
            walk(block, &mut |s| {
                for (e, _) in super::analysis::stmt_exprs(s) {
                    super::analysis::each_expr(e, &mut |x| {
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
                        let owned = (0..params.len()).any(|i| {
                            types.spawned.contains(name)
                                && types.owned_str.contains(&(name.clone(), i))
                        });
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
                }
            });
        }
    }
    out.extend(mixed_signatures(demo, types));
    out
}

/// The calls of a function parameter given functions of different
/// signatures: one `impl Fn` type cannot take them all.
fn mixed_signatures(demo: &Demo, types: &Types) -> Vec<Untranslatable> {
    let mut out = Vec::new();
    for f in &demo.functions {
        for block in [&f.body, &f.exit] {
            walk(block, &mut |s| {
                for (e, _) in super::analysis::stmt_exprs(s) {
                    super::analysis::each_expr(e, &mut |x| {
                        let ExprKind::CallParam(call, callees) = &x.kind else {
                            return;
                        };
                        let Some((first, rest)) = callees.split_first() else {
                            return;
                        };
                        // A coroutine that goes on after its cancellation
                        // takes a token besides its parameters.
                        let extra =
                            |c: &String| types.params.get(c).map_or(0, Vec::len) != call.args.len();
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
                        }
                    });
                }
            });
        }
    }
    out
}
