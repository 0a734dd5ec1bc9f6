//! `if isinstance(x, list):` of a variable holding a `PyValue` (see
//! `mixed_nest`): the listing tests the variant and takes the list out of
//! it, `if let PyValue::List(x) = x {`, the block reading `x` as the list
//! it is. Where the program builds no list of `PyValue`s, the test is
//! refused (its enum has no list variant).

use super::Renderer;
use super::analysis::assigned_in;
use super::expr_walk::{each_block_expr, each_function_expr};
use super::names::ident;
use super::types::{Ty, Types};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{Block, Demo, StmtKind};
use crate::render::plan::ir::expr::{Builtin, Expr, ExprKind};
use crate::render::plan::ir::value::Value;
use std::collections::HashMap;
use std::ops::Range;

/// The variable `cond` tests with `isinstance(x, list)`.
fn list_test(cond: &Expr) -> Option<&str> {
    let ExprKind::Call(Builtin::IsInstance, args) = &cond.kind else {
        return None;
    };
    match args.as_slice() {
        [
            Expr {
                kind: ExprKind::Var(x),
                ..
            },
            Expr {
                kind: ExprKind::Lit(Value::Str(class)),
                ..
            },
        ] if &**class == "list" => Some(x),
        _ => None,
    }
}

/// The narrowing tests of `demo` (their spans) and the reads of each
/// tested variable inside its block (their spans, with the variable).
#[derive(Default)]
pub(super) struct Narrowing {
    pub(super) tests: HashMap<Range<usize>, String>,
    pub(super) reads: HashMap<Range<usize>, String>,
}

/// Every `if isinstance(x, list):` of `demo` whose block does not bind
/// `x` again, and the reads of `x` in that block.
pub(super) fn narrowing(demo: &Demo) -> Narrowing {
    let mut out = Narrowing::default();
    for f in &demo.functions {
        f.walk(&mut |s| {
            let StmtKind::If { cond, then, .. } = &s.kind else {
                return;
            };
            let Some(x) = list_test(cond) else { return };
            if assigned_in(then).contains(x) {
                return;
            }
            out.tests.insert(cond.span.clone(), x.to_string());
            reads_in(then, x, &mut out.reads);
        });
    }
    out
}

/// The spans of the reads of `x` in `block`.
fn reads_in(block: &Block, x: &str, out: &mut HashMap<Range<usize>, String>) {
    each_block_expr(block, &mut |e| {
        if matches!(&e.kind, ExprKind::Var(v) if v == x) {
            out.insert(e.span.clone(), x.to_string());
        }
    });
}

/// The type of the read of `name` at `span`: the list a `PyValue` holds
/// inside its `isinstance(x, list)` block, else the variable's.
pub(super) fn var_ty(types: &Types, f: &str, name: &str, span: &Range<usize>) -> Ty {
    let ty = types.var(f, name);
    match types.narrowing.reads.get(span) {
        Some(x) if x == name && ty == Ty::Mixed => Ty::List(Box::new(Ty::Mixed)),
        _ => ty,
    }
}

/// Whether `call` is an `isinstance(x, list)` that narrows a `PyValue`.
pub(super) fn narrows(types: &Types, f: &str, call: &Expr) -> bool {
    types
        .narrowing
        .tests
        .get(&call.span)
        .is_some_and(|x| types.var(f, x) == Ty::Mixed)
}

/// Whether `demo` builds a `PyValue::List`: a list display held in a
/// list or dict of `PyValue`s.
fn builds_lists(demo: &Demo, types: &Types) -> bool {
    let mut found = false;
    each_function_expr(demo, &mut |f, e| {
        let Some(values) = super::mixed_nest::display_values(e) else {
            return;
        };
        let mixed = matches!(types.expr_ty(&f.name, e),
            Ty::List(t) | Ty::Dict(_, t) if *t == Ty::Mixed);
        found |= mixed && values.iter().any(|v| matches!(v.kind, ExprKind::List(_)));
    });
    found
}

/// The narrowing tests of a program that builds no list of `PyValue`s.
pub(super) fn unnarrowed(demo: &Demo, types: &Types) -> Vec<Untranslatable> {
    if builds_lists(demo, types) {
        return Vec::new();
    }
    let mut out = Vec::new();
    each_function_expr(demo, &mut |f, e| {
        if narrows(types, &f.name, e) {
            out.push(Untranslatable {
                span: e.span.clone(),
                construct: "this `isinstance`".into(),
                reason: "the Rust listing tests a value of several types by its variant of \
                         the enum `PyValue`, which has a list variant only where the program \
                         puts a list display beside other values"
                    .into(),
            });
        }
    });
    out
}

impl Renderer<'_> {
    /// `if isinstance(x, list):` of a `PyValue` variable: `if let
    /// PyValue::List(x) = x {`, the block reading the list. `false` for
    /// another `if`.
    pub(super) fn if_let_list(
        &mut self,
        cond: &Expr,
        then: &Block,
        otherwise: &Block,
        tail: bool,
    ) -> bool {
        let Some((x, head)) = self.list_let(cond) else {
            return false;
        };
        self.line(format!("{head} {{"));
        self.narrowed_block(&x, then, tail);
        self.else_chain(otherwise, tail);
        self.line("}");
        true
    }

    /// The variable an `isinstance(x, list)` of a `PyValue` tests, and the
    /// test written `if let PyValue::List(x) = &x`; `None` for another
    /// test.
    pub(super) fn list_let(&mut self, cond: &Expr) -> Option<(String, String)> {
        let x = list_test(cond)?;
        if !narrows(self.types, &self.func, cond) || self.var_ty(x) != Ty::Mixed {
            return None;
        }
        let value = self.var_code(x);
        let value = match self.borrowed.contains(x) {
            true => value.text,
            false => format!("&{}", value.wrap(7)),
        };
        let head = format!("if let PyValue::List({}) = {value}", ident(x));
        Some((x.to_string(), head))
    }

    /// The block of an `if let PyValue::List(x)`, reading `x` as the list.
    pub(super) fn narrowed_block(&mut self, x: &str, then: &Block, tail: bool) {
        self.narrowed
            .push((x.to_string(), Ty::List(Box::new(Ty::Mixed))));
        let borrowed = self.borrowed.insert(x.to_string());
        self.nested_tail(then, tail);
        if borrowed {
            self.borrowed.remove(x);
        }
        self.narrowed.pop();
    }
}
