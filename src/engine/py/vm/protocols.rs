//! The protocols user classes can override, as the interpreter applies
//! them: `repr`, `str`, truth, `==`, ordering and `in`.

use super::interp::{Frame, Interp, enum_values};
use crate::engine::budget;
use crate::engine::py::types::exc::{PyResult, error, type_error};
use crate::engine::py::types::native::{Args, Native};
use crate::engine::py::types::ops;
use crate::engine::py::types::value::{Key, Value, py_eq};
use std::rc::Rc;

impl Interp {
    pub fn repr(&self, f: &Frame, v: &Value) -> PyResult<String> {
        let mut out = String::new();
        self.repr_into(f, v, &mut out)?;
        Ok(out)
    }

    /// Writes `repr(v)` to `out`. A container met again inside itself is
    /// `[...]` (`{...}`, `(...)`); nesting deeper than a call may go raises
    /// `RecursionError`; the text is charged to the run as it grows and
    /// may not pass the size of one value.
    fn repr_into(&self, f: &Frame, v: &Value, out: &mut String) -> PyResult<()> {
        if let Some(m) = self.special(v, "__repr__") {
            return match self.call(f, &m, Args::positional(vec![v.clone()]))? {
                Value::Str(s) => {
                    out.push_str(&s);
                    ops::check_bytes(out.len())
                }
                other => Err(type_error(format!(
                    "__repr__ returned non-string (type {})",
                    other.type_name()
                ))),
            };
        }
        let (open, close, id) = match v {
            Value::List(l) => ("[", "]", Rc::as_ptr(l) as *const u8 as usize),
            Value::Dict(d) => ("{", "}", Rc::as_ptr(d) as *const u8 as usize),
            Value::Tuple(t) => ("(", ")", t.as_ptr() as *const u8 as usize),
            Value::Int(i) => {
                use std::fmt::Write;
                let _ = write!(out, "{i}");
                return ops::check_bytes(out.len());
            }
            Value::Native(n) => return self.native_repr(f, n, out),
            other => {
                let text = other.repr();
                budget::charge_bytes(text.len())?;
                out.push_str(&text);
                return ops::check_bytes(out.len());
            }
        };
        if !crate::engine::py::types::recursion::repr_enter(id) {
            out.push_str(open);
            out.push_str("...");
            out.push_str(close);
            return Ok(());
        }
        let result = self.repr_deeper(|| self.repr_items(f, v, out));
        crate::engine::py::types::recursion::repr_leave(id);
        result
    }

    /// The `repr` of an object that writes its items through the
    /// interpreter, guarded as a container's is.
    fn native_repr(&self, f: &Frame, n: &Rc<dyn Native>, out: &mut String) -> PyResult<()> {
        let id = Rc::as_ptr(n) as *const u8 as usize;
        if !crate::engine::py::types::recursion::repr_enter(id) {
            out.push_str("[...]");
            return Ok(());
        }
        let result = self.repr_deeper(|| match n.clone().repr_in(&self.rc(), f) {
            Some(text) => text,
            None => Ok(n.repr()),
        });
        crate::engine::py::types::recursion::repr_leave(id);
        let text = result?;
        budget::charge_bytes(text.len())?;
        out.push_str(&text);
        ops::check_bytes(out.len())
    }

    /// Runs `write`, the repr of a container's items, one call deeper:
    /// `RecursionError` where the calls would pass the depth limit.
    fn repr_deeper<T>(&self, write: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
        let depth = self.depth.get();
        if depth >= self.shared.limits.max_depth {
            return Err(error(
                "RecursionError",
                "maximum recursion depth exceeded while getting the repr of an object",
            ));
        }
        self.depth.set(depth + 1);
        let result = write();
        self.depth.set(depth);
        result
    }

    fn repr_items(&self, f: &Frame, v: &Value, out: &mut String) -> PyResult<()> {
        budget::charge_items(match v {
            Value::List(l) => l.borrow().len(),
            Value::Tuple(t) => t.len(),
            Value::Dict(d) => d.borrow().len(),
            _ => 0,
        })?;
        let item = |out: &mut String, i: usize, x: &Value| -> PyResult<()> {
            if i > 0 {
                out.push_str(", ");
            }
            self.repr_into(f, x, out)
        };
        match v {
            Value::List(items) => {
                let items = items.borrow().clone();
                out.push('[');
                for (i, x) in items.iter().enumerate() {
                    item(out, i, x)?;
                }
                out.push(']');
            }
            Value::Tuple(items) => {
                out.push('(');
                for (i, x) in items.iter().enumerate() {
                    item(out, i, x)?;
                }
                out.push_str(if items.len() == 1 { ",)" } else { ")" });
            }
            Value::Dict(d) => {
                let items: Vec<(Value, Value)> = d
                    .borrow()
                    .iter()
                    .map(|(k, v)| (k.0.clone(), v.clone()))
                    .collect();
                out.push('{');
                for (i, (k, x)) in items.iter().enumerate() {
                    item(out, i, k)?;
                    out.push_str(": ");
                    self.repr_into(f, x, out)?;
                }
                out.push('}');
            }
            _ => {}
        }
        Ok(())
    }

    pub fn str(&self, f: &Frame, v: &Value) -> PyResult<String> {
        if let Some(m) = self.special(v, "__str__") {
            return match self.call(f, &m, Args::positional(vec![v.clone()]))? {
                Value::Str(s) => Ok(s.to_string()),
                other => Err(type_error(format!(
                    "__str__ returned non-string (type {})",
                    other.type_name()
                ))),
            };
        }
        if let Value::Native(n) = v
            && let Some(r) = n.clone().str_in(&self.rc(), f)
        {
            return r;
        }
        match v {
            Value::Str(s) => Ok(s.to_string()),
            Value::Instance(i) if i.exc.is_some() => Ok(v.to_str()),
            _ if self.special(v, "__repr__").is_some() => self.repr(f, v),
            Value::List(_) | Value::Dict(_) | Value::Tuple(_) | Value::Native(_) => self.repr(f, v),
            other => Ok(other.to_str()),
        }
    }

    pub fn truthy(&self, f: &Frame, v: &Value) -> PyResult<bool> {
        if let Value::Native(n) = v {
            if let Some(len) = n.len() {
                return Ok(len > 0);
            }
            if let Some(items) = n.items() {
                return Ok(!items.is_empty());
            }
        }
        if let Value::Instance(_) = v {
            if let Some(m) = self.special(v, "__bool__") {
                return Ok(self
                    .call(f, &m, Args::positional(vec![v.clone()]))?
                    .truthy());
            }
            if let Some(m) = self.special(v, "__len__") {
                return Ok(self
                    .call(f, &m, Args::positional(vec![v.clone()]))?
                    .truthy());
            }
        }
        Ok(v.truthy())
    }

    pub fn eq(&self, f: &Frame, a: &Value, b: &Value) -> PyResult<bool> {
        budget::charge_comparison()?;
        // An `IntEnum` or `StrEnum` member compares as its value.
        if let Some((x, y)) = enum_values(a, b) {
            return self.eq(f, &x, &y);
        }
        if let Some(m) = self.special(a, "__eq__") {
            return self.truthy(
                f,
                &self.call(f, &m, Args::positional(vec![a.clone(), b.clone()]))?,
            );
        }
        if let Some(m) = self.special(b, "__eq__") {
            return self.truthy(
                f,
                &self.call(f, &m, Args::positional(vec![b.clone(), a.clone()]))?,
            );
        }
        for (x, y) in [(a, b), (b, a)] {
            if let Value::Native(n) = x
                && let Some(r) = n.clone().equals(&self.rc(), f, y)
            {
                return r;
            }
        }
        let equal = py_eq(a, b);
        if crate::engine::py::types::recursion::compare_overflowed() {
            return Err(error(
                "RecursionError",
                "maximum recursion depth exceeded in comparison",
            ));
        }
        Ok(equal)
    }

    /// Orders two values, honouring `__lt__`/`__gt__`.
    pub fn compare(
        &self,
        f: &Frame,
        op: crate::program::CmpOp,
        a: &Value,
        b: &Value,
    ) -> PyResult<bool> {
        budget::charge_comparison()?;
        use crate::program::CmpOp::*;
        let (name, swapped) = match op {
            Lt => ("__lt__", "__gt__"),
            Le => ("__le__", "__ge__"),
            Gt => ("__gt__", "__lt__"),
            Ge => ("__ge__", "__le__"),
            _ => unreachable!("only orderings come here"),
        };
        if let Some(m) = self.special(a, name) {
            return self.truthy(
                f,
                &self.call(f, &m, Args::positional(vec![a.clone(), b.clone()]))?,
            );
        }
        if let Some(m) = self.special(b, swapped) {
            return self.truthy(
                f,
                &self.call(f, &m, Args::positional(vec![b.clone(), a.clone()]))?,
            );
        }
        if let Some((x, y)) = enum_values(a, b) {
            return self.compare(f, op, &x, &y);
        }
        let ordered = ops::compare(op, a, b);
        if crate::engine::py::types::recursion::compare_overflowed() {
            return Err(error(
                "RecursionError",
                "maximum recursion depth exceeded in comparison",
            ));
        }
        ordered.ok_or_else(|| ops::order_error(op, a, b))
    }

    /// `x in container`.
    pub fn contains(&self, f: &Frame, container: &Value, x: &Value) -> PyResult<bool> {
        match container {
            Value::Str(s) => match x {
                Value::Str(needle) => Ok(s.contains(&**needle)),
                other => Err(type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    other.type_name()
                ))),
            },
            Value::Dict(d) => Ok(d
                .borrow()
                .contains_key(&Key::new(x.clone()).map_err(type_error)?)),
            Value::Set(s) => Ok(s
                .borrow()
                .contains(&Key::new(x.clone()).map_err(type_error)?)),
            Value::Range(a, b, c) => Ok(match x {
                Value::Int(i) => {
                    let (a, b, c) = (*a, *b, *c);
                    (if c > 0 {
                        a <= *i && *i < b
                    } else {
                        b < *i && *i <= a
                    }) && (i - a) % c == 0
                }
                _ => false,
            }),
            Value::Native(n) if let Some(r) = n.clone().contains(&self.rc(), f, x) => r,
            _ => {
                if let Some(m) = self.special(container, "__contains__") {
                    let r =
                        self.call(f, &m, Args::positional(vec![container.clone(), x.clone()]))?;
                    return self.truthy(f, &r);
                }
                for item in self.iterate(f, container)? {
                    if self.eq(f, &item, x)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        }
    }
}
