//! The attributes of a function object: `__name__`, `__qualname__`,
//! `__doc__`, `__module__`, `__defaults__`, `__wrapped__` and whatever a
//! program sets on it.

use super::value::{Function, Value};
use std::rc::Rc;

/// An attribute of a function-like wrapper of `wrapped` (a decorator's
/// result): `__wrapped__` is `wrapped`, and its name, qualified name, doc
/// and module are those of `wrapped` when it is a function of the program.
pub fn wrapper_attr(wrapped: &Value, name: &str) -> Option<Value> {
    match (name, wrapped) {
        ("__wrapped__", _) => Some(wrapped.clone()),
        ("__name__" | "__qualname__" | "__doc__" | "__module__", Value::Function(f)) => {
            function_attr(f, name)
        }
        _ => None,
    }
}

/// `func.name`, or `None` when it has no such attribute.
pub fn function_attr(func: &Function, name: &str) -> Option<Value> {
    if let Some(v) = func.attrs.borrow().get(name) {
        return Some(v.clone());
    }
    let code = &func.code;
    Some(match name {
        "__name__" => Value::str(&code.name),
        "__qualname__" => Value::str(&code.qualname),
        "__doc__" => code.docstring.as_deref().map_or(Value::None, Value::str),
        "__module__" => Value::str("__main__"),
        "__annotations__" => Value::Dict(Rc::new(std::cell::RefCell::new(Default::default()))),
        "__dict__" => {
            let attrs = func.attrs.borrow();
            let dict = attrs
                .iter()
                .filter(|(k, _)| !is_special(k))
                .map(|(k, v)| (super::value::Key(Value::Str(k.clone())), v.clone()))
                .collect();
            Value::Dict(Rc::new(std::cell::RefCell::new(dict)))
        }
        "__defaults__" => {
            let n = code
                .params
                .positional
                .iter()
                .filter(|p| p.has_default)
                .count();
            if n == 0 {
                Value::None
            } else {
                Value::tuple(func.defaults[..n.min(func.defaults.len())].to_vec())
            }
        }
        "__kwdefaults__" => {
            let n = code
                .params
                .positional
                .iter()
                .filter(|p| p.has_default)
                .count();
            let kw: Vec<_> = code
                .params
                .keyword_only
                .iter()
                .filter(|p| p.has_default)
                .collect();
            if kw.is_empty() {
                Value::None
            } else {
                let dict = kw
                    .iter()
                    .zip(func.defaults[n..].iter())
                    .map(|(p, v)| (super::value::Key(Value::str(&p.name)), v.clone()))
                    .collect();
                Value::Dict(Rc::new(std::cell::RefCell::new(dict)))
            }
        }
        _ => return None,
    })
}

/// The attributes every function has of its own, kept out of `__dict__`.
fn is_special(name: &str) -> bool {
    matches!(
        name,
        "__name__" | "__qualname__" | "__doc__" | "__module__" | "__annotations__"
    )
}

/// `func.name = v`.
pub fn set_function_attr(func: &Function, name: &str, v: Value) {
    func.attrs.borrow_mut().insert(Rc::from(name), v);
}
