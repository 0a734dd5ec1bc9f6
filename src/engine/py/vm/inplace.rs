//! The in-place operators (`x += y`, `x |= y`, ...) on mutable objects:
//! as CPython's `__iadd__`, `__ior__` and kin, they change the object itself
//! and keep its identity; for everything else `x OP= y` is `x = x OP y`.

use super::interp::{Frame, Interp};
use crate::engine::py::types::exc::PyResult;
use crate::engine::py::types::native::Args;
use crate::engine::py::types::ops;
use crate::engine::py::types::value::Value;
use crate::program::BinOp;
use std::rc::Rc;

impl Interp {
    /// `a OP= b` when `a` changes in place: the object itself, or `None`
    /// when the operation builds a new value instead.
    pub(super) fn inplace(
        &self,
        f: &Frame,
        op: BinOp,
        a: &Value,
        b: &Value,
    ) -> PyResult<Option<Value>> {
        match (op, a) {
            (BinOp::Add, Value::List(x)) => {
                let items = self.iterate(f, b)?;
                x.borrow_mut().extend(items);
            }
            (BinOp::Mul, Value::List(x)) => {
                let Some(Value::List(repeated)) = ops::binop(op, a, b)? else {
                    return Ok(None);
                };
                let items = std::mem::take(&mut *repeated.borrow_mut());
                *x.borrow_mut() = items;
            }
            (BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor, Value::Set(x))
                if !x.borrow().frozen =>
            {
                let Value::Set(y) = b else {
                    return Ok(None);
                };
                if Rc::ptr_eq(x, y) {
                    if matches!(op, BinOp::Sub | BinOp::BitXor) {
                        x.borrow_mut().clear();
                    }
                } else {
                    let (mut x, y) = (x.borrow_mut(), y.borrow());
                    match op {
                        BinOp::BitOr => x.update(&y),
                        BinOp::BitAnd => x.intersection_update(&y),
                        BinOp::Sub => x.difference_update(&y),
                        _ => x.symmetric_difference_update(&y),
                    }
                }
            }
            (BinOp::BitOr, Value::Dict(_)) => {
                self.call_method(f, a, "update", Args::positional(vec![b.clone()]))?;
            }
            (_, Value::Native(n)) => {
                return n.clone().inplace(&self.rc(), f, op, b).transpose();
            }
            (_, Value::Instance(_)) => {
                let Some(m) = self.special(a, inplace_name(op)) else {
                    return Ok(None);
                };
                let r = self.call(f, &m, Args::positional(vec![a.clone(), b.clone()]))?;
                return Ok((!matches!(r, Value::Builtin("NotImplemented"))).then_some(r));
            }
            _ => return Ok(None),
        }
        Ok(Some(a.clone()))
    }
}

/// The special method `OP=` calls.
fn inplace_name(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "__iadd__",
        BinOp::Sub => "__isub__",
        BinOp::Mul => "__imul__",
        BinOp::Div => "__itruediv__",
        BinOp::FloorDiv => "__ifloordiv__",
        BinOp::Mod => "__imod__",
        BinOp::Pow => "__ipow__",
        BinOp::LShift => "__ilshift__",
        BinOp::RShift => "__irshift__",
        BinOp::BitOr => "__ior__",
        BinOp::BitXor => "__ixor__",
        BinOp::BitAnd => "__iand__",
        BinOp::MatMul => "__imatmul__",
    }
}
