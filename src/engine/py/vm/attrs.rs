//! Attributes: `getattr`, `setattr` and the special methods a class
//! defines, as the interpreter reads them.

use super::descriptor;
use super::interp::{Frame, Interp, no_attribute, type_of};
use crate::engine::py::builtins;
use crate::engine::py::modules;
use crate::engine::py::types::exc::{PyResult, error};
use crate::engine::py::types::groups;
use crate::engine::py::types::methods;
use crate::engine::py::types::value::{Key, Value};
use std::rc::Rc;

impl Interp {
    // ---- attributes ----

    pub fn getattr(&self, f: &Frame, obj: &Value, name: &str) -> PyResult<Value> {
        match obj {
            Value::Instance(i) => {
                let attr = i.class.lookup(name);
                if let Some(a) = attr.as_ref().filter(|a| descriptor::is_data(a)) {
                    return descriptor::bind(self, f, a.clone(), Some(obj), &i.class);
                }
                if let Some(v) = i.attrs.dict().borrow().get(name) {
                    return Ok(v.clone());
                }
                if let Some(state) = &i.exc {
                    match name {
                        "args" => return Ok(Value::tuple(state.args.borrow().clone())),
                        "__cause__" => {
                            return Ok(state.cause.borrow().clone().unwrap_or(Value::None));
                        }
                        "__context__" => {
                            return Ok(state.context.borrow().clone().unwrap_or(Value::None));
                        }
                        "__suppress_context__" => {
                            return Ok(Value::Bool(state.suppress_context.get()));
                        }
                        "code" if i.class.derives_from("SystemExit") => {
                            return Ok(modules::sys::exit_code(obj));
                        }
                        "value" if i.class.derives_from("StopIteration") => {
                            return Ok(state.args.borrow().first().cloned().unwrap_or(Value::None));
                        }
                        _ => {
                            if let Some(v) = groups::attr(i, name) {
                                return Ok(v);
                            }
                        }
                    }
                }
                if name == "__class__" {
                    return Ok(Value::Class(i.class.clone()));
                }
                if name == "__dict__" && attr.is_none() {
                    return builtins::namespace::dict_of(obj)
                        .ok_or_else(|| no_attribute(obj, name));
                }
                match attr {
                    Some(v) => descriptor::bind(self, f, v, Some(obj), &i.class),
                    None => Err(no_attribute(obj, name)),
                }
            }
            Value::Class(c) => match name {
                "__name__" => Ok(Value::str(&c.name)),
                "__dict__" if !c.builtin => {
                    Ok(builtins::namespace::dict_of(obj).unwrap_or(Value::None))
                }
                "__qualname__" => Ok(Value::str(&c.qualname)),
                "__members__" if modules::r#enum::members(c).is_some() => {
                    Ok(modules::r#enum::members_by_name(c))
                }
                "__module__" if !c.builtin || c.module.is_empty() => {
                    Ok(Value::str(if c.builtin { "builtins" } else { "__main__" }))
                }
                "__module__" => Ok(Value::str(c.module)),
                _ => match c.lookup(name) {
                    Some(v) => descriptor::bind(self, f, v, None, c),
                    None if name == "__doc__" => Ok(Value::None),
                    None => Err(error(
                        "AttributeError",
                        format!("type object '{}' has no attribute '{name}'", c.name),
                    )),
                },
            },
            Value::Type(t) => match name {
                "__name__" | "__qualname__" => Ok(Value::str(t)),
                // An unbound method: `str.lower`.
                _ if methods::has_method(obj, name) => {
                    Ok(Value::BuiltinMethod(Rc::new((obj.clone(), Rc::from(name)))))
                }
                _ => Err(error(
                    "AttributeError",
                    format!("type object '{t}' has no attribute '{name}'"),
                )),
            },
            // A module's function or class: `math.sqrt.__name__`.
            Value::Builtin(b) if matches!(name, "__name__" | "__qualname__") => {
                Ok(Value::str(b.rsplit('.').next().unwrap_or(b)))
            }
            Value::Function(func) => crate::engine::py::types::funcattrs::function_attr(func, name)
                .ok_or_else(|| no_attribute(obj, name)),
            Value::Method(m) => match name {
                "__self__" => Ok(m.0.clone()),
                "__func__" => Ok(m.1.clone()),
                _ => self.getattr(f, &m.1, name),
            },
            Value::Module(m) => modules::member(*m, name).ok_or_else(|| {
                error(
                    "AttributeError",
                    format!("module '{}' has no attribute '{name}'", m.name()),
                )
            }),
            Value::Native(n) => {
                if let Some(v) = n.clone().attr(name) {
                    return Ok(v);
                }
                if n.has_method(name) {
                    return Ok(Value::BuiltinMethod(Rc::new((obj.clone(), Rc::from(name)))));
                }
                Err(no_attribute(obj, name))
            }
            _ => {
                let _ = f;
                if name == "__class__" {
                    return Ok(Value::Type(type_of(obj)));
                }
                if methods::has_method(obj, name) {
                    return Ok(Value::BuiltinMethod(Rc::new((obj.clone(), Rc::from(name)))));
                }
                Err(no_attribute(obj, name))
            }
        }
    }

    pub fn setattr(&self, f: &Frame, obj: &Value, name: &str, v: Value) -> PyResult<()> {
        match obj {
            Value::Instance(i) => {
                if let Some(e) =
                    crate::engine::py::modules::dataclasses::frozen_setattr(&i.class, name, false)
                {
                    return Err(e);
                }
                if modules::namedtuple::is_named_tuple(&i.class) {
                    return Err(error("AttributeError", "can't set attribute"));
                }
                if let Some(r) =
                    descriptor::set_through(self, f, obj, &i.class, name, Some(v.clone()))
                {
                    return r;
                }
                if let Some(e) = crate::engine::py::types::slots::refuse_set(&i.class, name) {
                    return Err(e);
                }
                if name == "__dict__" {
                    return builtins::namespace::set_dict(i, v);
                }
                let dict = i.attrs.dict();
                let mut attrs = dict.borrow_mut();
                match attrs.get_mut(name) {
                    Some(slot) => *slot = v,
                    None => {
                        attrs.insert(Key(Value::Str(Rc::from(name))), v);
                    }
                }
                Ok(())
            }
            Value::Function(func) => {
                crate::engine::py::types::funcattrs::set_function_attr(func, name, v);
                Ok(())
            }
            Value::Class(c) if !c.builtin => {
                c.namespace.borrow_mut().insert(Rc::from(name), v);
                Ok(())
            }
            _ => Err(error(
                "AttributeError",
                format!(
                    "'{}' object attribute '{name}' is read-only",
                    obj.type_name()
                ),
            )),
        }
    }

    // ---- protocols ----

    /// A special method of an instance's class, if the class defines it.
    pub fn special(&self, v: &Value, name: &str) -> Option<Value> {
        match v {
            Value::Instance(i) if !i.class.builtin || i.exc.is_none() => i.class.lookup(name),
            _ => None,
        }
    }
}
