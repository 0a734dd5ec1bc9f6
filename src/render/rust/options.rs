//! A coroutine that returns a value in one place and `None` in another:
//! its result is an `Option` (`Some(value)` / `None`), and a container of
//! such results prints `None` where Python does.

use super::Renderer;
use super::types::Ty;
use crate::render::plan::ir::ast::{Function, FunctionKind, StmtKind, walk};
use crate::render::plan::ir::expr::{Expr, ExprKind};
use crate::render::plan::ir::value::Value;

/// Whether `e` is the literal `None`.
pub(super) fn is_none(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Lit(Value::None))
}

/// Whether `f` is a coroutine (or blocking function) with both a
/// `return None` (or bare `return`) and a `return` of a value.
pub(super) fn returns_option(f: &Function) -> bool {
    if !matches!(f.kind, FunctionKind::Coroutine | FunctionKind::Blocking) {
        return false;
    }
    let (mut none, mut value) = (false, false);
    walk(&f.body, &mut |s| match &s.kind {
        StmtKind::Return(Some(e)) if !is_none(e) => value = true,
        StmtKind::Return(_) => none = true,
        _ => {}
    });
    none && value
}

/// The type a `return None` of `f` gives its result.
pub(super) fn none_ty(f: &Function) -> Ty {
    if returns_option(f) {
        Ty::Option(Box::new(Ty::Unknown))
    } else {
        Ty::Unit
    }
}

impl Renderer<'_> {
    /// A `return` of a function whose result is an `Option`: `Some(value)`
    /// for a value (moved out if it is a local), `None` for `None`.
    pub(super) fn ret_option(&mut self, e: Option<&Expr>, tail: bool) {
        let value = match e {
            Some(e) if !is_none(e) => {
                let c = self.expr(e);
                let local = matches!(e.kind, ExprKind::Var(_)) && !c.str_ref;
                let v = if local { c.text.clone() } else { c.owned() };
                match c.ty {
                    Ty::Option(_) => v,
                    _ => format!("Some({v})"),
                }
            }
            _ => "None".to_string(),
        };
        let value = if self.fallible.contains(&self.func) {
            format!("Ok({value})")
        } else {
            value
        };
        for g in self.guards.clone().iter().rev() {
            self.disarm(g);
        }
        match tail {
            true => self.line(value),
            false => self.line(format!("return {value};")),
        }
    }
}

/// `Repr` of an `Option`, for listings that print one inside a container.
pub(super) const REPR_OPTION: &[&str] = &[
    "impl<T: Repr> Repr for Option<T> {",
    "    fn repr(&self) -> String {",
    "        match self {",
    "            Some(value) => value.repr(),",
    "            None => \"None\".to_string(),",
    "        }",
    "    }",
    "}",
];
