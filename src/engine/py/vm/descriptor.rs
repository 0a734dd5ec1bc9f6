//! `staticmethod`, `classmethod` and `property`, and how a class attribute
//! is bound when it is read through an instance or the class (CPython's
//! descriptor protocol, for the descriptors a demo can make).

use super::interp::{Frame, Interp};
use crate::engine::py::types::exc::{PyResult, error, type_error};
use crate::engine::py::types::native::{Args, Native, downcast};
use crate::engine::py::types::value::{Class, Value};
use std::cell::RefCell;
use std::rc::Rc;

/// `staticmethod(f)`: the function, unbound, through the class or an
/// instance.
pub struct StaticMethod(pub Value);

/// `classmethod(f)`: the function bound to the class.
pub struct ClassMethod(pub Value);

/// `property(fget, fset, fdel, doc)`.
pub struct Property {
    pub fget: Value,
    pub fset: Value,
    pub fdel: Value,
    pub doc: Value,
    /// The name it is bound to in its class (`__set_name__`), for messages.
    pub name: RefCell<Option<Rc<str>>>,
}

/// `functools.cached_property(f)`: computed through an instance once, then
/// kept in the instance's attributes (which shadow it from then on).
pub struct CachedProperty {
    pub func: Value,
    pub name: RefCell<Option<Rc<str>>>,
}

impl Native for CachedProperty {
    fn type_name(&self) -> &str {
        "cached_property"
    }

    fn attr(self: Rc<Self>, name: &str) -> Option<Value> {
        match name {
            "func" => Some(self.func.clone()),
            "attrname" => Some(
                self.name
                    .borrow()
                    .as_deref()
                    .map_or(Value::None, Value::str),
            ),
            _ => None,
        }
    }
}

impl Native for StaticMethod {
    fn type_name(&self) -> &str {
        "staticmethod"
    }

    fn repr(&self) -> String {
        format!("<staticmethod({})>", self.0.repr())
    }

    fn attr(self: Rc<Self>, name: &str) -> Option<Value> {
        match name {
            "__func__" | "__wrapped__" => Some(self.0.clone()),
            _ => None,
        }
    }
}

impl Native for ClassMethod {
    fn type_name(&self) -> &str {
        "classmethod"
    }

    fn repr(&self) -> String {
        format!("<classmethod({})>", self.0.repr())
    }

    fn attr(self: Rc<Self>, name: &str) -> Option<Value> {
        match name {
            "__func__" | "__wrapped__" => Some(self.0.clone()),
            _ => None,
        }
    }
}

impl Property {
    fn with(&self, fget: Value, fset: Value, fdel: Value) -> Value {
        let doc = match (&self.doc, &fget) {
            (Value::None, Value::Function(f)) => {
                f.code.docstring.as_deref().map_or(Value::None, Value::str)
            }
            (doc, _) => doc.clone(),
        };
        Value::Native(Rc::new(Property {
            fget,
            fset,
            fdel,
            doc,
            name: RefCell::new(self.name.borrow().clone()),
        }))
    }

    /// The name for messages: the class attribute, else the getter's name.
    fn name(&self) -> String {
        if let Some(n) = &*self.name.borrow() {
            return n.to_string();
        }
        match &self.fget {
            Value::Function(f) => f.code.name.to_string(),
            _ => "?".into(),
        }
    }

    fn missing(&self, what: &str, obj: &Value) -> crate::engine::py::types::exc::Unwind {
        error(
            "AttributeError",
            format!(
                "property '{}' of '{}' object has no {what}",
                self.name(),
                obj.type_name()
            ),
        )
    }
}

impl Native for Property {
    fn type_name(&self) -> &str {
        "property"
    }

    fn attr(self: Rc<Self>, name: &str) -> Option<Value> {
        match name {
            "fget" => Some(self.fget.clone()),
            "fset" => Some(self.fset.clone()),
            "fdel" => Some(self.fdel.clone()),
            "__doc__" => Some(self.doc.clone()),
            _ => None,
        }
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(name, "getter" | "setter" | "deleter")
    }

    fn call_method(
        self: Rc<Self>,
        _ix: &Rc<Interp>,
        _cx: &Frame,
        name: &str,
        args: Args,
    ) -> Option<PyResult<Value>> {
        let [f] = args.pos.as_slice() else {
            return Some(Err(type_error(format!(
                "{name}() takes exactly one argument ({} given)",
                args.pos.len()
            ))));
        };
        let f = f.clone();
        Some(Ok(match name {
            "getter" => self.with(f, self.fset.clone(), self.fdel.clone()),
            "setter" => self.with(self.fget.clone(), f, self.fdel.clone()),
            "deleter" => self.with(self.fget.clone(), self.fset.clone(), f),
            _ => return None,
        }))
    }
}

/// Calls `staticmethod(f)`, `classmethod(f)` or `property(...)`.
pub fn construct(name: &str, mut args: Args) -> PyResult<Value> {
    if name == "property" {
        let mut take = |i: usize, key: &str| -> Value {
            args.take_kw(key)
                .or_else(|| args.pos.get(i).cloned())
                .unwrap_or(Value::None)
        };
        let fget = take(0, "fget");
        let fset = take(1, "fset");
        let fdel = take(2, "fdel");
        let doc = take(3, "doc");
        let empty = Property {
            fget: Value::None,
            fset: Value::None,
            fdel: Value::None,
            doc,
            name: RefCell::new(None),
        };
        return Ok(empty.with(fget, fset, fdel));
    }
    if args.pos.len() != 1 || !args.kw.is_empty() {
        return Err(type_error(format!(
            "{name} expected 1 argument, got {}",
            args.pos.len() + args.kw.len()
        )));
    }
    let f = args.pos.remove(0);
    Ok(Value::Native(if name == "staticmethod" {
        Rc::new(StaticMethod(f))
    } else {
        Rc::new(ClassMethod(f))
    }))
}

/// Gives each property of a new class its attribute name.
pub fn set_names(class: &Class) {
    for (name, v) in class.namespace.borrow().iter() {
        if let Some(p) = downcast::<Property>(v) {
            p.name.borrow_mut().get_or_insert_with(|| name.clone());
        }
        if let Some(p) = downcast::<CachedProperty>(v) {
            p.name.borrow_mut().get_or_insert_with(|| name.clone());
        }
    }
}

/// A class attribute as reading it gives it: through `instance` when there
/// is one, else through `class` itself.
pub fn bind(
    ix: &Interp,
    f: &Frame,
    attr: Value,
    instance: Option<&Value>,
    class: &Rc<Class>,
) -> PyResult<Value> {
    if let Some(obj) = instance
        && let Some(p) = downcast::<Property>(&attr)
    {
        if matches!(p.fget, Value::None) {
            return Err(p.missing("getter", obj));
        }
        return ix.call(f, &p.fget, Args::positional(vec![obj.clone()]));
    }
    if let Some(obj) = instance
        && let Some(c) = downcast::<CachedProperty>(&attr)
    {
        let Some(name) = c.name.borrow().clone() else {
            return Err(type_error(
                "Cannot use cached_property instance without calling __set_name__ on it.",
            ));
        };
        let v = ix.call(f, &c.func, Args::positional(vec![obj.clone()]))?;
        if let Value::Instance(i) = obj {
            i.set_attr(name, v.clone());
        }
        return Ok(v);
    }
    Ok(bind_plain(attr, instance, class).expect("only a property needs a call"))
}

/// [`bind`] for what binds without calling anything: `None` for a
/// property read through an instance.
pub fn bind_plain(attr: Value, instance: Option<&Value>, class: &Rc<Class>) -> Option<Value> {
    match &attr {
        Value::Function(_) => Some(match instance {
            Some(obj) => Value::Method(Rc::new((obj.clone(), attr))),
            None => attr,
        }),
        Value::Native(_) => {
            if let Some(s) = downcast::<StaticMethod>(&attr) {
                return Some(s.0.clone());
            }
            if let Some(c) = downcast::<ClassMethod>(&attr) {
                return Some(Value::Method(Rc::new((
                    Value::Class(class.clone()),
                    c.0.clone(),
                ))));
            }
            if (downcast::<Property>(&attr).is_some()
                || downcast::<CachedProperty>(&attr).is_some())
                && instance.is_some()
            {
                return None;
            }
            if let (Value::Native(n), Some(obj)) = (&attr, instance)
                && n.binds()
            {
                return Some(Value::Method(Rc::new((obj.clone(), attr.clone()))));
            }
            Some(attr)
        }
        _ => Some(attr),
    }
}

/// `obj.name = v` (or `del obj.name` when `v` is `None`) through a
/// property of the object's class: `Some` when a property took it.
pub fn set_through(
    ix: &Interp,
    f: &Frame,
    obj: &Value,
    class: &Class,
    name: &str,
    v: Option<Value>,
) -> Option<PyResult<()>> {
    let p = downcast::<Property>(&class.lookup(name)?)?;
    Some(match v {
        Some(_) if matches!(p.fset, Value::None) => Err(p.missing("setter", obj)),
        Some(v) => ix
            .call(f, &p.fset, Args::positional(vec![obj.clone(), v]))
            .map(|_| ()),
        None if matches!(p.fdel, Value::None) => Err(p.missing("deleter", obj)),
        None => ix
            .call(f, &p.fdel, Args::positional(vec![obj.clone()]))
            .map(|_| ()),
    })
}

/// Whether a class attribute is a data descriptor (a property), which
/// takes precedence over the instance's own attributes.
pub fn is_data(attr: &Value) -> bool {
    downcast::<Property>(attr).is_some()
}
