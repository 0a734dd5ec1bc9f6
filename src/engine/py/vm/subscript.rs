//! Subscription: `obj[index]`, `obj[index] = v` and `del obj[index]`,
//! through a class's dunders, a native object's hooks, enums and type forms.

use super::interp::{Frame, Interp};
use crate::engine::py::modules;
use crate::engine::py::types::exc::{PyResult, type_error};
use crate::engine::py::types::items;
use crate::engine::py::types::native::Args;
use crate::engine::py::types::value::{Key, Value};

impl Interp {
    /// `obj[index]`.
    pub fn getitem(&self, f: &Frame, obj: &Value, index: &Value) -> PyResult<Value> {
        // A built-in sequence or dict by a plain index or key: none of the
        // hooks below applies.
        if matches!(
            obj,
            Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Dict(_)
        ) && !matches!(index, Value::Instance(_))
        {
            return items::getitem(obj, index);
        }
        if let Some(m) = self.special(obj, "__getitem__") {
            return self.call(f, &m, Args::positional(vec![obj.clone(), index.clone()]));
        }
        if let Value::Native(n) = obj
            && let Some(r) = n.clone().getitem(&self.rc(), f, index)
        {
            return r;
        }
        // `Color["RED"]`: an enum member by name.
        if let Value::Class(c) = obj
            && let Some(r) = modules::r#enum::by_name(c, index)
        {
            return r;
        }
        // `list[int]`, `Optional[str]`: a type form.
        if let Some(r) = modules::typing::subscript(obj, index) {
            return r;
        }
        // An `IntEnum` or `IntFlag` member indexes as its int.
        if let Some(i @ Value::Int(_)) = super::interp::enum_value(index) {
            return items::getitem(obj, &i);
        }
        items::getitem(obj, index)
    }

    /// `obj[index] = v`.
    pub fn setitem(&self, f: &Frame, obj: &Value, index: &Value, v: Value) -> PyResult<()> {
        if let Some(m) = self.special(obj, "__setitem__") {
            self.call(f, &m, Args::positional(vec![obj.clone(), index.clone(), v]))?;
            return Ok(());
        }
        if let Value::Native(n) = obj
            && let Some(r) = n.clone().setitem(&self.rc(), f, index, v.clone())
        {
            return r;
        }
        match obj {
            Value::Dict(d) => {
                d.borrow_mut()
                    .insert(Key::new(index.clone()).map_err(type_error)?, v);
                Ok(())
            }
            _ => items::setitem(obj, index, v),
        }
    }

    /// `del obj[index]`.
    pub fn delitem(&self, f: &Frame, obj: &Value, index: &Value) -> PyResult<()> {
        if let Value::Native(n) = obj
            && let Some(r) = n.clone().delitem(&self.rc(), f, index)
        {
            return r;
        }
        items::delitem(obj, index)
    }
}
