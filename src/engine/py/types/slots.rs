//! `__slots__`: a class that names its instances' attributes. Its
//! instances have no `__dict__` when every class of the program's own
//! that they derive from has slots too (none naming `__dict__`), and then
//! take no attribute outside the slots, with CPython 3.11's errors.

use super::exc::{PyResult, Unwind, error, type_error};
use super::value::{Class, Value};
use crate::engine::py::types::value::Namespace;
use std::rc::Rc;

/// The names a `__slots__` value gives: one string, or an iterable of
/// strings (a tuple, a list, a set or a dict's keys).
fn names(v: &Value) -> PyResult<Vec<Rc<str>>> {
    let items: Vec<Value> = match v {
        Value::Str(s) => return Ok(vec![s.clone()]),
        Value::Tuple(t) => t.to_vec(),
        Value::List(l) => l.borrow().clone(),
        Value::Set(s) => s.borrow().iter().map(|k| k.0.clone()).collect(),
        Value::Dict(d) => d.borrow().keys().map(|k| k.0.clone()).collect(),
        other => {
            return Err(type_error(format!(
                "'{}' object is not iterable",
                other.type_name()
            )));
        }
    };
    items
        .into_iter()
        .map(|item| match item {
            Value::Str(s) => Ok(s),
            other => Err(type_error(format!(
                "__slots__ items must be strings, not '{}'",
                other.type_name()
            ))),
        })
        .collect()
}

/// Checks a class body's `__slots__` as CPython's `type.__new__` does: a
/// slot may not also be a class variable.
pub fn check_class(ns: &Namespace) -> PyResult<()> {
    let Some(slots) = ns.get("__slots__") else {
        return Ok(());
    };
    for name in names(slots)? {
        if &*name != "__dict__" && ns.contains_key(&name) {
            return Err(error(
                "ValueError",
                format!("'{name}' in __slots__ conflicts with class variable"),
            ));
        }
    }
    Ok(())
}

/// The attributes instances of `class` may hold, when its slots leave
/// them without a `__dict__`; `None` when they have one.
pub fn only(class: &Class) -> Option<Vec<Rc<str>>> {
    let mut allowed = Vec::new();
    let mut c = Some(class);
    let mut slotted = false;
    while let Some(k) = c {
        if k.builtin {
            if k.derives_from("BaseException") {
                return None;
            }
        } else {
            let names = names(k.namespace.borrow().get("__slots__")?).ok()?;
            if names.iter().any(|n| &**n == "__dict__") {
                return None;
            }
            allowed.extend(names);
            slotted = true;
        }
        c = k.base.as_deref();
    }
    slotted.then_some(allowed)
}

/// The `AttributeError` for setting `name` on an instance of `class`
/// when its slots do not hold it.
pub fn refuse_set(class: &Class, name: &str) -> Option<Unwind> {
    let allowed = only(class)?;
    (!allowed.iter().any(|n| &**n == name)).then(|| {
        error(
            "AttributeError",
            format!("'{}' object has no attribute '{name}'", class.name),
        )
    })
}
