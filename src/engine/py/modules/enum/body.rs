//! What an enum's class body holds before the class is made: `auto()`
//! values, and members composed of them (`WHITE = R | G | B`), which get
//! their values in order when the class is finished, as CPython's
//! `_EnumDict` gives them while the body runs.

use crate::engine::py::types::exc;
use crate::engine::py::types::exc::{PyResult, Unwind};
use crate::engine::py::types::native::{Args, Native, downcast};
use crate::engine::py::types::value::{Class, Value};
use crate::engine::py::vm::interp::{Ctx, Frame, Interp};
use crate::program::BinOp;
use std::cell::RefCell;
use std::rc::Rc;

/// `auto()`: its value, once the class has chosen it.
#[derive(Default)]
pub struct Auto(pub RefCell<Option<Value>>);

impl Native for Auto {
    fn type_name(&self) -> &str {
        "auto"
    }

    fn binop(
        self: Rc<Self>,
        _ix: &Rc<Interp>,
        _cx: &Ctx,
        op: BinOp,
        other: &Value,
        reflected: bool,
    ) -> Option<PyResult<Value>> {
        compose(Value::Native(self), op, other, reflected)
    }
}

/// `a | b`, `a & b` or `a ^ b` where one side is still an `auto()`.
pub struct Composed {
    op: BinOp,
    left: Value,
    right: Value,
}

impl Native for Composed {
    fn type_name(&self) -> &str {
        "auto"
    }

    fn binop(
        self: Rc<Self>,
        _ix: &Rc<Interp>,
        _cx: &Ctx,
        op: BinOp,
        other: &Value,
        reflected: bool,
    ) -> Option<PyResult<Value>> {
        compose(Value::Native(self), op, other, reflected)
    }
}

fn compose(me: Value, op: BinOp, other: &Value, reflected: bool) -> Option<PyResult<Value>> {
    if !matches!(op, BinOp::BitOr | BinOp::BitAnd | BinOp::BitXor) || !is_pending(other) {
        return None;
    }
    let (left, right) = if reflected {
        (other.clone(), me)
    } else {
        (me, other.clone())
    };
    Some(Ok(Value::Native(Rc::new(Composed { op, left, right }))))
}

/// Whether `v` is an `auto()` or composed of one (or a plain int).
fn is_pending(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_))
        || downcast::<Auto>(v).is_some()
        || downcast::<Composed>(v).is_some()
}

/// Whether `v` is an `auto()` or composed of one: a member to be.
pub fn is_member_value(v: &Value) -> bool {
    downcast::<Auto>(v).is_some() || downcast::<Composed>(v).is_some()
}

/// The value of a composed member, its `auto()`s chosen by now.
pub fn resolve(v: &Value) -> Value {
    if let Some(a) = downcast::<Auto>(v) {
        return a.0.borrow().clone().unwrap_or(Value::None);
    }
    let Some(c) = downcast::<Composed>(v) else {
        return v.clone();
    };
    let (a, b) = (resolve(&c.left), resolve(&c.right));
    let int = |v: &Value| match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(*b as i64),
        _ => None,
    };
    match (int(&a), int(&b)) {
        (Some(x), Some(y)) => Value::Int(match c.op {
            BinOp::BitOr => x | y,
            BinOp::BitAnd => x & y,
            _ => x ^ y,
        }),
        _ => Value::None,
    }
}

/// `Color(value)` with no such member: the class's `_missing_(value)`, as
/// CPython's `EnumType.__call__` uses it. `not_valid` is the
/// `ValueError` raised when it finds nothing.
pub fn missing(
    ix: &Interp,
    f: &Frame,
    class: &Rc<Class>,
    v: Value,
    not_valid: Value,
) -> PyResult<Value> {
    let hook = ix.getattr(f, &Value::Class(class.clone()), "_missing_")?;
    let err = match ix.call(f, &hook, Args::positional(vec![v])) {
        Ok(Value::Instance(i)) if Rc::ptr_eq(&i.class, class) => return Ok(Value::Instance(i)),
        Ok(Value::None) => return Err(Unwind::Exc(not_valid)),
        Ok(other) => exc::new_error(
            "TypeError",
            format!(
                "error in {}._missing_: returned {} instead of None or a valid member",
                class.name,
                ix.repr(f, &other)?
            ),
        ),
        Err(Unwind::Exc(e)) => e,
        Err(other) => return Err(other),
    };
    if !exc::is_instance_of(&err, "ValueError") {
        exc::chain_context(&err, &not_valid, true);
    }
    Err(Unwind::Exc(err))
}
