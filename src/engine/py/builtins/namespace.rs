//! `vars()` and `__dict__`: an instance's own dict (live, as in CPython), a
//! function frame's locals, and a class's read-only `mappingproxy`.

use crate::engine::py::modules::namedtuple;
use crate::engine::py::types::exc::{PyResult, type_error};
use crate::engine::py::types::native::{Args, Native};
use crate::engine::py::types::value::{Class, Dict, Instance, Key, Value};
use crate::engine::py::vm::interp::{Ctx, Frame, Interp};
use crate::program::CodeKind;
use std::cell::RefCell;
use std::rc::Rc;

/// `vars()` and `vars(obj)`.
pub fn vars(f: &Frame, args: Args) -> PyResult<Value> {
    if !args.kw.is_empty() {
        return Err(type_error("vars() takes no keyword arguments"));
    }
    match args.pos.as_slice() {
        [] => frame_locals(f),
        [v] => dict_of(v).ok_or_else(|| type_error("vars() argument must have __dict__ attribute")),
        more => Err(type_error(format!(
            "vars expected at most 1 argument, got {}",
            more.len()
        ))),
    }
}

/// `obj.__dict__`, or `None` when the object has none.
pub fn dict_of(v: &Value) -> Option<Value> {
    match v {
        Value::Instance(i) if has_dict(i) => Some(Value::Dict(i.attrs.dict())),
        Value::Function(func) => {
            crate::engine::py::types::funcattrs::function_attr(func, "__dict__")
        }
        Value::Class(c) if !c.builtin && c.module.is_empty() => {
            Some(Value::Native(Rc::new(MappingProxy(c.clone()))))
        }
        _ => None,
    }
}

/// `obj.__dict__ = d`: `d` itself becomes the object's dict, as in
/// CPython (later writes through `d` show on the object).
pub fn set_dict(i: &Instance, v: Value) -> PyResult<()> {
    match v {
        Value::Dict(d) if has_dict(i) => {
            i.attrs.replace(d);
            Ok(())
        }
        Value::Dict(_) => Err(crate::engine::py::types::exc::error(
            "AttributeError",
            format!("'{}' object has no attribute '__dict__'", i.class.name),
        )),
        other => Err(type_error(format!(
            "__dict__ must be set to a dictionary, not a '{}'",
            other.type_name()
        ))),
    }
}

/// Whether instances of `i`'s class keep their attributes in a `__dict__`
/// (a named tuple, a `datetime` or a `timezone` has none).
fn has_dict(i: &Instance) -> bool {
    let mut class = Some(&i.class);
    while let Some(c) = class {
        if c.module == "datetime" {
            return false;
        }
        class = c.base.as_ref();
    }
    !namedtuple::is_named_tuple(&i.class)
        && crate::engine::py::types::slots::only(&i.class).is_none()
}

/// `vars()` in a function: a new dict of its bound locals, then the
/// variables it shares with inner functions and those it takes from outer
/// ones, as CPython's `locals()` orders them.
fn frame_locals(f: &Frame) -> PyResult<Value> {
    if f.code.kind == CodeKind::Module || f.code.kind == CodeKind::Class {
        return Err(crate::engine::py::types::exc::unsupported(
            "vars() without an argument outside a function",
        ));
    }
    let mut out = Dict::default();
    let code = &f.code;
    let cell_of = |name: &str| code.cells.iter().position(|c| &**c == name);
    for (slot, name) in code.locals.iter().enumerate() {
        let v = match cell_of(name) {
            Some(c) => f.cells[c].borrow().clone(),
            None => f.locals.borrow()[slot].clone(),
        };
        if let Some(v) = v {
            out.insert(Key(Value::str(name)), v);
        }
    }
    for (c, name) in code.cells.iter().enumerate() {
        if code.locals.iter().any(|l| l == name) {
            continue;
        }
        if let Some(v) = f.cells[c].borrow().clone() {
            out.insert(Key(Value::str(name)), v);
        }
    }
    Ok(Value::Dict(Rc::new(RefCell::new(out))))
}

/// `vars(Class)`: the class's names, read-only, in CPython's order.
struct MappingProxy(Rc<Class>);

impl MappingProxy {
    fn entries(&self) -> Vec<(Value, Value)> {
        let c = &self.0;
        let mut out = vec![(Value::str("__module__"), Value::str("__main__"))];
        let ns = c.namespace.borrow();
        for (k, v) in ns.iter() {
            out.push((Value::Str(k.clone()), v.clone()));
        }
        if c.base.is_none() {
            for attr in ["__dict__", "__weakref__"] {
                let d = Descriptor {
                    attr,
                    class: c.name.clone(),
                };
                out.push((Value::str(attr), Value::Native(Rc::new(d))));
            }
        }
        if !ns.contains_key("__doc__") {
            out.push((Value::str("__doc__"), Value::None));
        }
        out
    }

    fn get(&self, key: &Value) -> Option<Value> {
        self.entries()
            .into_iter()
            .find(|(k, _)| crate::engine::py::types::value::py_eq(k, key))
            .map(|(_, v)| v)
    }
}

impl Native for MappingProxy {
    fn type_name(&self) -> &str {
        "mappingproxy"
    }

    fn len(&self) -> Option<usize> {
        Some(self.entries().len())
    }

    fn items(&self) -> Option<Vec<Value>> {
        Some(self.entries().into_iter().map(|(k, _)| k).collect())
    }

    fn getitem(
        self: Rc<Self>,
        _ix: &Rc<Interp>,
        _cx: &Ctx,
        index: &Value,
    ) -> Option<PyResult<Value>> {
        Some(
            self.get(index)
                .ok_or_else(|| crate::engine::py::types::items::key_error(index.clone())),
        )
    }

    fn setitem(
        self: Rc<Self>,
        _ix: &Rc<Interp>,
        _cx: &Ctx,
        _index: &Value,
        _v: Value,
    ) -> Option<PyResult<()>> {
        Some(Err(type_error(
            "'mappingproxy' object does not support item assignment",
        )))
    }

    fn contains(self: Rc<Self>, _ix: &Rc<Interp>, _cx: &Ctx, x: &Value) -> Option<PyResult<bool>> {
        Some(Ok(self.get(x).is_some()))
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(name, "keys" | "values" | "items" | "get" | "copy")
    }

    fn call_method(
        self: Rc<Self>,
        _ix: &Rc<Interp>,
        _cx: &Ctx,
        name: &str,
        args: Args,
    ) -> Option<PyResult<Value>> {
        let entries = self.entries();
        let list = |items: Vec<Value>| Value::List(Rc::new(RefCell::new(items)));
        Some(Ok(match name {
            "keys" => list(entries.into_iter().map(|(k, _)| k).collect()),
            "values" => list(entries.into_iter().map(|(_, v)| v).collect()),
            "items" => list(
                entries
                    .into_iter()
                    .map(|(k, v)| Value::tuple(vec![k, v]))
                    .collect(),
            ),
            "get" => {
                let key = args.pos.first().cloned().unwrap_or(Value::None);
                let default = args.pos.get(1).cloned().unwrap_or(Value::None);
                self.get(&key).unwrap_or(default)
            }
            "copy" => Value::Dict(Rc::new(RefCell::new(
                entries.into_iter().map(|(k, v)| (Key(k), v)).collect(),
            ))),
            _ => return None,
        }))
    }

    /// CPython's `mappingproxy.__str__` prints the mapping itself.
    fn str_in(self: Rc<Self>, ix: &Rc<Interp>, cx: &Ctx) -> Option<PyResult<String>> {
        let dict: Dict = self
            .entries()
            .into_iter()
            .map(|(k, v)| (Key(k), v))
            .collect();
        Some(ix.repr(cx, &Value::Dict(Rc::new(RefCell::new(dict)))))
    }

    fn repr_in(self: Rc<Self>, ix: &Rc<Interp>, cx: &Ctx) -> Option<PyResult<String>> {
        let dict: Dict = self
            .entries()
            .into_iter()
            .map(|(k, v)| (Key(k), v))
            .collect();
        Some(
            ix.repr(cx, &Value::Dict(Rc::new(RefCell::new(dict))))
                .map(|d| format!("mappingproxy({d})")),
        )
    }
}

/// `<attribute '__dict__' of 'P' objects>`: the slots CPython gives a
/// class deriving from `object`.
struct Descriptor {
    attr: &'static str,
    class: Rc<str>,
}

impl Native for Descriptor {
    fn type_name(&self) -> &str {
        "getset_descriptor"
    }

    fn repr(&self) -> String {
        format!("<attribute '{}' of '{}' objects>", self.attr, self.class)
    }
}
