//! The `collections` module, as CPython 3.11 has it: `deque`, the dicts
//! `defaultdict`, `Counter` and `OrderedDict` (`mapping`, `counter`),
//! `ChainMap` and `namedtuple`.

mod chainmap;
mod counter;
mod deque;
mod mapping;

use crate::engine::py::types::exc::{PyResult, type_error};
use crate::engine::py::types::native::{Args, Native};
use crate::engine::py::types::value::Value;
use crate::engine::py::vm::interp::{Ctx, Frame, Interp};
use std::rc::Rc;

/// Makes an instance of a class, or runs one of its class methods.
type Make = fn(&Interp, &Frame, Args) -> PyResult<Value>;

/// A class a module provides, as a value: called, it makes an instance;
/// `isinstance` asks the instance whether it is one.
pub struct ModuleClass {
    /// `collections.deque`.
    pub name: &'static str,
    pub make: Make,
    /// Its class methods (`OrderedDict.fromkeys`).
    pub methods: &'static [(&'static str, Make)],
}

impl Native for ModuleClass {
    fn type_name(&self) -> &str {
        "type"
    }

    fn repr(&self) -> String {
        format!("<class '{}'>", self.name)
    }

    fn attr(self: Rc<Self>, name: &str) -> Option<Value> {
        let short = self.name.rsplit('.').next().unwrap_or(self.name);
        match name {
            "__name__" | "__qualname__" => Some(Value::str(short)),
            "__module__" => Some(Value::str(
                self.name.rsplit_once('.').map_or("builtins", |(m, _)| m),
            )),
            _ => None,
        }
    }

    fn has_method(&self, name: &str) -> bool {
        self.methods.iter().any(|(n, _)| *n == name)
    }

    fn call_method(
        self: Rc<Self>,
        ix: &Rc<Interp>,
        cx: &Ctx,
        name: &str,
        args: Args,
    ) -> Option<PyResult<Value>> {
        let (_, m) = self.methods.iter().find(|(n, _)| *n == name)?;
        Some(m(ix, cx, args))
    }

    fn is_callable(&self) -> bool {
        true
    }

    fn call(self: Rc<Self>, ix: &Rc<Interp>, cx: &Ctx, args: Args) -> Option<PyResult<Value>> {
        Some((self.make)(ix, cx, args))
    }

    fn class_name(&self) -> Option<&'static str> {
        Some(self.name)
    }
}

thread_local! {
    /// The class objects made so far: each class is one object, so
    /// `type(d) is deque` holds.
    static CLASSES: std::cell::RefCell<Vec<Value>> = const { std::cell::RefCell::new(Vec::new()) };
}

impl ModuleClass {
    /// The one object of the class `name`.
    pub fn value(
        name: &'static str,
        make: Make,
        methods: &'static [(&'static str, Make)],
    ) -> Value {
        CLASSES.with(|c| {
            let known = c
                .borrow()
                .iter()
                .find(|v| matches!(v, Value::Native(n) if n.class_name() == Some(name)))
                .cloned();
            known.unwrap_or_else(|| {
                let v = Value::Native(Rc::new(ModuleClass {
                    name,
                    make,
                    methods,
                }));
                c.borrow_mut().push(v.clone());
                v
            })
        })
    }
}

/// `collections.name`.
pub fn member(name: &str) -> Option<Value> {
    let class = |name, make, methods| Some(ModuleClass::value(name, make, methods));
    match name {
        "deque" => class("collections.deque", deque::make, &[]),
        "defaultdict" => class("collections.defaultdict", mapping::defaultdict, &[]),
        "OrderedDict" => class(
            "collections.OrderedDict",
            mapping::ordered_dict,
            &[("fromkeys", mapping::ordered_fromkeys)],
        ),
        "Counter" => class(
            "collections.Counter",
            counter::make,
            &[("fromkeys", counter::fromkeys)],
        ),
        "ChainMap" => class("collections.ChainMap", chainmap::make, &[]),
        "namedtuple" => Some(Value::Builtin("collections.namedtuple")),
        _ => None,
    }
}

/// Calls `collections.name(...)`: the module's one plain function.
pub fn call(ix: &Interp, f: &Frame, name: &str, args: Args) -> PyResult<Value> {
    match name {
        "collections.namedtuple" => super::namedtuple::make(ix, f, args),
        _ => Err(type_error(format!("'{name}' is not callable"))),
    }
}
