//! Operators: binary operations through the operands' special methods
//! (`str % args` among them), unary operations and comparisons.

use super::interp::{Frame, Interp};
use crate::engine::py::types::exc::{self, PyResult, type_error};
use crate::engine::py::types::native::Args;
use crate::engine::py::types::value;
use crate::engine::py::types::value::Value;
use crate::engine::py::types::{ops, percent};
use crate::program::{BinOp, CmpOp, UnaryOp};

impl Interp {
    /// A binary operation, trying the operands' special methods.
    pub fn binop(
        &self,
        f: &Frame,
        op: BinOp,
        a: &Value,
        b: &Value,
        inplace: bool,
    ) -> PyResult<Value> {
        if inplace && let Some(v) = self.inplace(f, op, a, b)? {
            return Ok(v);
        }
        if op == BinOp::Mod {
            match a {
                Value::Str(fmt) => return self.percent(f, fmt, b),
                Value::Bytes(_) => {
                    return Err(exc::unsupported(
                        "'%' formatting of bytes (format a str and encode it)",
                    ));
                }
                _ => {}
            }
        }
        if let Some(v) = ops::binop(op, a, b)? {
            return Ok(v);
        }
        for (x, y, reflected) in [(a, b, false), (b, a, true)] {
            if let Value::Native(n) = x
                && let Some(r) = n.clone().binop(&self.rc(), f, op, y, reflected)
            {
                return r;
            }
        }
        let (name, rname) = special_names(op);
        if let Some(m) = self.special(a, name) {
            let r = self.call(f, &m, Args::positional(vec![a.clone(), b.clone()]))?;
            if !matches!(r, Value::Builtin("NotImplemented")) {
                return Ok(r);
            }
        }
        if let Some(m) = self.special(b, rname) {
            let r = self.call(f, &m, Args::positional(vec![b.clone(), a.clone()]))?;
            if !matches!(r, Value::Builtin("NotImplemented")) {
                return Ok(r);
            }
        }
        // An `IntEnum` or `IntFlag` member computes as its int.
        if let Some((x, y)) = super::interp::enum_values(a, b) {
            return self.binop(f, op, &x, &y, false);
        }
        if op == BinOp::BitOr
            && let Some(u) = crate::engine::py::modules::typing::union(a, b)
        {
            return Ok(u);
        }
        Err(ops::binop_error(op, a, b, inplace))
    }

    /// `fmt % arg`: printf-style formatting of a string. A tuple gives the
    /// values in order; a mapping (as CPython's `PyMapping_Check`: a dict,
    /// a list, bytes, an object with `__getitem__`) also serves `%(key)s`.
    fn percent(&self, f: &Frame, fmt: &str, arg: &Value) -> PyResult<Value> {
        let (args, single) = match arg {
            Value::Tuple(t) => (t.to_vec(), false),
            v => (vec![v.clone()], true),
        };
        let mapping = match arg {
            Value::Dict(_) | Value::List(_) | Value::Bytes(_) | Value::Range(..) => true,
            Value::Native(n) => n.as_dict().is_some(),
            Value::Instance(_) => self.special(arg, "__getitem__").is_some(),
            _ => false,
        };
        let get = |k: &str| self.getitem(f, arg, &Value::str(k));
        let source = percent::Source {
            args: &args,
            single,
            key: mapping.then_some(&get as percent::Lookup),
        };
        let text = percent::Text {
            str: &|v| self.str(f, v),
            repr: &|v| self.repr(f, v),
        };
        Ok(Value::str(&percent::format(fmt, &source, &text)?))
    }

    /// A unary operation, trying the operand's special methods.
    pub fn unary(&self, f: &Frame, op: UnaryOp, v: &Value) -> PyResult<Value> {
        if op == UnaryOp::Not {
            return Ok(Value::Bool(!self.truthy(f, v)?));
        }
        if let Some(r) = ops::unary_num(op, v) {
            return Ok(r);
        }
        if let Value::Native(n) = v
            && let Some(r) = n.clone().unary(&self.rc(), f, op)
        {
            return r;
        }
        let name = match op {
            UnaryOp::Neg => "__neg__",
            UnaryOp::Pos => "__pos__",
            _ => "__invert__",
        };
        if let Some(m) = self.special(v, name) {
            return self.call(f, &m, Args::positional(vec![v.clone()]));
        }
        let sym = match op {
            UnaryOp::Neg => "-",
            UnaryOp::Pos => "+",
            _ => "~",
        };
        Err(type_error(format!(
            "bad operand type for unary {sym}: '{}'",
            v.type_name()
        )))
    }

    /// A comparison, trying the operands' special methods.
    pub fn cmp(&self, f: &Frame, op: CmpOp, a: &Value, b: &Value) -> PyResult<bool> {
        match op {
            CmpOp::Eq => self.eq(f, a, b),
            CmpOp::Ne => {
                if let Some(m) = self.special(a, "__ne__") {
                    let r = self.call(f, &m, Args::positional(vec![a.clone(), b.clone()]))?;
                    return self.truthy(f, &r);
                }
                Ok(!self.eq(f, a, b)?)
            }
            CmpOp::Is => Ok(value::is_same(a, b)),
            CmpOp::IsNot => Ok(!value::is_same(a, b)),
            CmpOp::In => self.contains(f, b, a),
            CmpOp::NotIn => Ok(!self.contains(f, b, a)?),
            _ => self.compare(f, op, a, b),
        }
    }
}

fn special_names(op: BinOp) -> (&'static str, &'static str) {
    match op {
        BinOp::Add => ("__add__", "__radd__"),
        BinOp::Sub => ("__sub__", "__rsub__"),
        BinOp::Mul => ("__mul__", "__rmul__"),
        BinOp::Div => ("__truediv__", "__rtruediv__"),
        BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__"),
        BinOp::Mod => ("__mod__", "__rmod__"),
        BinOp::Pow => ("__pow__", "__rpow__"),
        BinOp::LShift => ("__lshift__", "__rlshift__"),
        BinOp::RShift => ("__rshift__", "__rrshift__"),
        BinOp::BitOr => ("__or__", "__ror__"),
        BinOp::BitXor => ("__xor__", "__rxor__"),
        BinOp::BitAnd => ("__and__", "__rand__"),
        BinOp::MatMul => ("__matmul__", "__rmatmul__"),
    }
}
