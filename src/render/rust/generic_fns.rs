//! A plain function of two parameters that only hands the one to the
//! other, a function it calls again on its own result:
//! `def apply_twice(f, x): return f(f(x))`. Python runs it on any value
//! `f` takes, an integer here and a string there; the Rust function is
//! generic, `fn apply_twice<T>(f: impl Fn(T) -> T, x: T) -> T`, each call
//! giving `T` the type of its value (owned: a string literal is passed as
//! a `String`, which a closure such as `|s| s + "!"` takes), and a lambda
//! passed there taking that type too. Only a function that calls `f` at
//! least twice is so written (one call alone may give another type than
//! it takes), and only where its calls pass values of different types.

use super::Renderer;
use super::expr_walk::each_function_expr;
use super::types::{Ty, Types};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{Call, Demo, Function, FunctionKind, StmtKind};
use crate::render::plan::ir::expr::ExprKind;
use std::collections::HashMap;

/// The parameters of a generic function: the function it calls and the
/// value it hands that function.
#[derive(Clone, Copy, Debug)]
pub(super) struct Generic {
    pub(super) func: usize,
    pub(super) value: usize,
}

/// The functions of `demo` written generic over the value they hand on:
/// those whose calls pass values of different types there.
pub(super) fn generic_fns(demo: &Demo) -> HashMap<String, Generic> {
    demo.functions
        .iter()
        .filter(|f| demo.generic_fns.contains(&f.name))
        .filter_map(|f| Some((f.name.clone(), shape(f)?)))
        .collect()
}

/// `f` as a generic function: `return p(p(...p(x)))` of its two
/// parameters, `p` called at least twice.
fn shape(f: &Function) -> Option<Generic> {
    if f.kind != FunctionKind::Blocking || f.params.len() != 2 || !f.fields.is_empty() {
        return None;
    }
    let [s] = f.body.as_slice() else {
        return None;
    };
    let StmtKind::Return(Some(e)) = &s.kind else {
        return None;
    };
    let mut e = e;
    let mut callee: Option<&str> = None;
    let mut depth = 0;
    let value = loop {
        match &e.kind {
            ExprKind::CallParam(call, _) if call.args.len() == 1 => {
                if callee.is_some_and(|c| c != call.name) {
                    return None;
                }
                callee = Some(&call.name);
                depth += 1;
                e = &call.args[0];
            }
            ExprKind::Var(x) => break x,
            _ => return None,
        }
    };
    let position = |n: &str| f.params.iter().position(|p| p == n);
    let (func, value) = (position(callee?)?, position(value)?);
    (depth >= 2 && func != value).then_some(Generic { func, value })
}

/// Each use of a generic function other than its call inside an
/// expression, whose type the call's value gives: a call as a statement
/// of its own, or the function given as a value.
pub(super) fn misplaced(demo: &Demo, types: &Types) -> Vec<Untranslatable> {
    let mut out = Vec::new();
    let mut push = |name: &str, span: &std::ops::Range<usize>| {
        if types.generic.contains_key(name) {
            out.push(Untranslatable {
                span: span.clone(),
                construct: format!("`{name}` used here"),
                reason: format!(
                    "`{name}` is generic over the value it hands on: the Rust listing writes \
                     its calls inside an expression, each giving the type of its value"
                ),
            });
        }
    };
    for f in &demo.functions {
        f.walk(&mut |s| {
            for call in super::analysis::stmt_calls(s) {
                push(&call.name, &call.span);
            }
        });
    }
    each_function_expr(demo, &mut |_, x| match &x.kind {
        ExprKind::Function(name) => push(name, &x.span),
        ExprKind::Job(call, _) | ExprKind::Spawn(call) | ExprKind::Coro(call) => {
            push(&call.name, &call.span)
        }
        _ => {}
    });
    out
}

impl Types {
    /// What the call of a generic function gives: the type of its value.
    pub(super) fn generic_ret(&self, f: &str, call: &Call) -> Option<Ty> {
        let g = self.generic.get(&call.name)?;
        Some(self.expr_ty(f, call.args.get(g.value)?))
    }

    /// The call of a generic function `g` in `f`: a lambda it is given
    /// takes the type of the value; true if anything changed.
    pub(super) fn generic_call(&mut self, f: &str, call: &Call, g: Generic) -> bool {
        let (Some(func), Some(value)) = (call.args.get(g.func), call.args.get(g.value)) else {
            return false;
        };
        let ExprKind::Lambda(l) = &func.kind else {
            return false;
        };
        let ty = self.expr_ty(f, value);
        self.set(f, &l.var, &ty)
    }
}

impl Renderer<'_> {
    /// The signature of a generic function, when `f` is one: its head,
    /// parameters and tail.
    pub(super) fn generic_signature(&self, f: &Function) -> Option<(String, String, String)> {
        let g = self.types.generic.get(&f.name)?;
        let params: Vec<String> = f
            .params
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let ty = if i == g.func { "impl Fn(T) -> T" } else { "T" };
                format!("{}: {ty}", super::names::ident(p))
            })
            .collect();
        Some((
            format!("fn {}<T>(", super::names::fn_name(&f.name)),
            params.join(", "),
            ") -> T {".to_string(),
        ))
    }

    /// Argument `i` of a call of the generic function `name`, when it is
    /// the value: owned, as `T` is the value's own type.
    pub(super) fn generic_arg(
        &mut self,
        name: &str,
        i: usize,
        arg: &crate::render::plan::ir::expr::Expr,
    ) -> Option<String> {
        let g = self.types.generic.get(name)?;
        (g.value == i).then(|| self.owned_deep(arg))
    }
}
