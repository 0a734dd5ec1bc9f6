//! Built-ins that need the interpreter (`print`, `isinstance`, `type`,
//! `super`, `next`, ...).

use crate::engine::py::modules::asyncio::tasks::{FutureObj, TaskObj};
use crate::engine::py::modules::sys;
use crate::engine::py::types::exc;
use crate::engine::py::types::exc::{PyResult, error, type_error};
use crate::engine::py::types::items;
use crate::engine::py::types::native;
use crate::engine::py::types::native::{Args, Native, downcast};
use crate::engine::py::types::ops;
use crate::engine::py::types::value::{Class, Value, identity};
use crate::engine::py::vm::asyncgen;
use crate::engine::py::vm::coro;
use crate::engine::py::vm::interp::{Frame, Interp, type_of};
use std::rc::Rc;

/// The built-ins this module implements.
pub const NAMES: &[&str] = &[
    "print",
    "isinstance",
    "issubclass",
    "type",
    "super",
    "next",
    "iter",
    "len",
    "id",
    "NotImplemented",
    "aiter",
    "anext",
    "bytes",
    "hash",
    "vars",
];

/// Calls a built-in by name.
pub fn call(ix: &Interp, f: &Frame, name: &str, mut args: Args) -> PyResult<Value> {
    match name {
        "print" => {
            let sep = match args.take_kw("sep") {
                None | Some(Value::None) => " ".to_string(),
                Some(Value::Str(s)) => s.to_string(),
                Some(other) => {
                    return Err(type_error(format!(
                        "sep must be None or a string, not {}",
                        other.type_name()
                    )));
                }
            };
            let end = match args.take_kw("end") {
                None | Some(Value::None) => "\n".to_string(),
                Some(Value::Str(s)) => s.to_string(),
                Some(other) => {
                    return Err(type_error(format!(
                        "end must be None or a string, not {}",
                        other.type_name()
                    )));
                }
            };
            let stream = sys::print_target(args.take_kw("file"))?;
            if let Some(flush) = args.take_kw("flush") {
                ix.truthy(f, &flush)?;
            }
            if let Some((k, _)) = args.kw.first() {
                return Err(type_error(format!(
                    "'{k}' is an invalid keyword argument for print()"
                )));
            }
            let mut parts = Vec::with_capacity(args.pos.len());
            for a in &args.pos {
                parts.push(ix.str(f, a)?);
            }
            let text = parts.join(&sep);
            match stream {
                sys::Stream::Stdout => sys::print_lines(ix, f, &text)?,
                sys::Stream::Stderr => sys::write(ix, f, stream, &(text + &end))?,
            }
            Ok(Value::None)
        }
        "isinstance" => {
            let [obj, cls] = two(name, args)?;
            Ok(Value::Bool(is_instance(&obj, &cls)?))
        }
        "issubclass" => {
            let [a, b] = two(name, args)?;
            match (&a, &b) {
                (Value::Class(x), Value::Class(y)) => Ok(Value::Bool(x.is_subclass(y))),
                (Value::Type(x), Value::Type(y)) => Ok(Value::Bool(
                    x == y || *y == "object" || (*x == "bool" && *y == "int"),
                )),
                (Value::Class(_), Value::Type("object")) => Ok(Value::Bool(true)),
                _ => Ok(Value::Bool(false)),
            }
        }
        "type" => {
            match args.pos.len() {
                3 => {
                    return Err(exc::unsupported(
                        "type() with three arguments (making a class: write a `class` statement)",
                    ));
                }
                1 if !args.kw.is_empty() => {
                    return Err(type_error("type() takes no keyword arguments"));
                }
                1 => {}
                _ => return Err(type_error("type() takes 1 or 3 arguments")),
            }
            let v = &args.pos[0];
            Ok(match v {
                Value::Instance(i) => Value::Class(i.class.clone()),
                Value::Class(_) | Value::Type(_) => Value::Type("type"),
                Value::Iterator(it) => Value::Type(it.kind),
                Value::Native(n) if let Some(c) = n.class_of() => c,
                other => match type_of(other) {
                    "object" => Value::Type(static_name(other.type_name())),
                    t => Value::Type(t),
                },
            })
        }
        "super" => {
            let Some(func) = &f.function else {
                return Err(error("RuntimeError", "super(): no arguments"));
            };
            let Some(owner) = func.owner.borrow().clone() else {
                return Err(error("RuntimeError", "super(): __class__ cell not found"));
            };
            let this = f
                .locals
                .borrow()
                .first()
                .cloned()
                .flatten()
                .ok_or_else(|| error("RuntimeError", "super(): no arguments"))?;
            Ok(Value::Native(Rc::new(Super { owner, this })))
        }
        "next" => {
            let default = (args.pos.len() > 1).then(|| args.pos.pop()).flatten();
            let it = args
                .pos
                .pop()
                .ok_or_else(|| type_error("next expected at least 1 argument, got 0"))?;
            let step = match native::downcast::<coro::Generator>(&it) {
                Some(g) if !g.is_async => {
                    g.resume(f, crate::engine::py::vm::coro::Resume::Send(Value::None))?
                }
                _ => match ix.next(f, &it)? {
                    Some(v) => crate::engine::py::vm::coro::GenStep::Yielded(v),
                    None => crate::engine::py::vm::coro::GenStep::Returned(Value::None),
                },
            };
            match (step, default) {
                (crate::engine::py::vm::coro::GenStep::Yielded(v), _) => Ok(v),
                (crate::engine::py::vm::coro::GenStep::Returned(_), Some(d)) => Ok(d),
                (crate::engine::py::vm::coro::GenStep::Returned(v), None) => {
                    Err(coro::stop_iteration(v))
                }
            }
        }
        "iter" => {
            if args.pos.len() != 1 || !args.kw.is_empty() {
                // The argument errors and `iter(callable, sentinel)`.
                return ix.pure_builtin(f, "iter", args);
            }
            let v = args.pos.pop().unwrap_or(Value::None);
            ix.iter(f, &v)
        }
        "anext" => asyncgen::anext(ix, f, args),
        "aiter" => {
            let v = args
                .pos
                .pop()
                .ok_or_else(|| type_error("aiter expected 1 argument, got 0"))?;
            ix.aiter(f, &v)
        }
        "len" => {
            super::no_kw(&args, "len")?;
            if args.pos.len() != 1 {
                return Err(type_error(format!(
                    "len() takes exactly one argument ({} given)",
                    args.pos.len()
                )));
            }
            let v = &args.pos[0];
            if let Some(m) = ix.special(v, "__len__") {
                return ix.call(f, &m, Args::positional(vec![v.clone()]));
            }
            if let Value::Native(n) = v {
                if let Some(len) = n.len() {
                    return Ok(Value::Int(len as i64));
                }
                if let Some(items) = n.items() {
                    return Ok(Value::Int(items.len() as i64));
                }
            }
            if let Value::Class(c) = v
                && let Some(m) = crate::engine::py::modules::r#enum::members(c)
            {
                return Ok(Value::Int(m.len() as i64));
            }
            items::len(v).map(|n| Value::Int(n as i64)).ok_or_else(|| {
                type_error(format!("object of type '{}' has no len()", v.type_name()))
            })
        }
        "id" => {
            let v = args.pos.pop().unwrap_or(Value::None);
            Ok(Value::Int(identity(&v) as i64))
        }
        "hash" => hash(ix, f, args),
        "vars" => super::namespace::vars(f, args),
        "staticmethod" | "classmethod" | "property" => {
            crate::engine::py::vm::descriptor::construct(name, args)
        }
        "NotImplemented" => Err(type_error("'NotImplementedType' object is not callable")),
        "bytes" => match args.pos.first() {
            None => Ok(Value::Bytes(Rc::from(Vec::new()))),
            Some(Value::Str(_)) => {
                let s = args.pos.remove(0);
                ix.call_method(f, &s, "encode", args)
            }
            Some(Value::Bytes(b)) => Ok(Value::Bytes(b.clone())),
            Some(Value::Int(n)) if *n >= 0 && (*n as usize) <= ops::MAX_ITEMS => {
                Ok(Value::Bytes(Rc::from(vec![0u8; *n as usize])))
            }
            Some(v) => {
                let mut out = Vec::new();
                for item in ix.iterate(f, v)? {
                    match item {
                        Value::Int(b) if (0..256).contains(&b) => out.push(b as u8),
                        Value::Int(_) => {
                            return Err(error("ValueError", "bytes must be in range(0, 256)"));
                        }
                        other => {
                            return Err(type_error(format!(
                                "'{}' object cannot be interpreted as an integer",
                                other.type_name()
                            )));
                        }
                    }
                }
                Ok(Value::Bytes(Rc::from(out)))
            }
        },
        other => ix.pure_builtin(f, other, args),
    }
}

/// `hash(v)`: CPython's for numbers and tuples, the class's `__hash__`
/// for instances of a class that defines one.
fn hash(ix: &Interp, f: &Frame, args: Args) -> PyResult<Value> {
    let [v] = args.pos.as_slice() else {
        return Err(type_error(format!(
            "hash() takes exactly one argument ({} given)",
            args.pos.len()
        )));
    };
    if let Value::Instance(i) = v
        && i.exc.is_none()
    {
        match i.class.hashing() {
            crate::engine::py::types::value::ClassHash::Unhashable => {
                return Err(type_error(format!("unhashable type: '{}'", i.class.name)));
            }
            crate::engine::py::types::value::ClassHash::User
            | crate::engine::py::types::value::ClassHash::Fields => {
                let m = i.class.lookup("__hash__").expect("the class defines it");
                return match ix.call(f, &m, Args::positional(vec![v.clone()]))? {
                    // A result that fits a machine word is the hash as it
                    // is; a bigger one is reduced as `hash(int)` reduces it.
                    Value::Bool(b) => Ok(Value::Int(b as i64)),
                    Value::Int(-1) => Ok(Value::Int(-2)),
                    Value::Int(n) => Ok(Value::Int(n)),
                    n @ Value::BigInt(_) => Ok(Value::Int(
                        crate::engine::py::types::hash::py_hash(&n).unwrap_or(0),
                    )),
                    _ => Err(type_error("__hash__ method should return an integer")),
                };
            }
            crate::engine::py::types::value::ClassHash::Identity => {}
        }
    }
    if let Value::Tuple(items) = v
        && items.iter().any(|x| matches!(x, Value::Instance(_)))
    {
        let mut hashes = Vec::with_capacity(items.len());
        for x in items.iter() {
            hashes.push(hash(ix, f, Args::positional(vec![x.clone()]))?);
        }
        return Ok(Value::Int(
            crate::engine::py::types::hash::py_hash(&Value::tuple(hashes)).unwrap_or(0),
        ));
    }
    crate::engine::py::types::hash::py_hash(v)
        .map(Value::Int)
        .ok_or_else(|| type_error(format!("unhashable type: '{}'", v.type_name())))
}

fn static_name(name: &str) -> &'static str {
    match name {
        "coroutine" => "coroutine",
        "generator" => "generator",
        "async_generator" => "async_generator",
        "_asyncio.Task" => "Task",
        "_asyncio.Future" => "Future",
        "builtin_function_or_method" => "builtin_function_or_method",
        "method" => "method",
        "function" => "function",
        "module" => "module",
        "list_iterator" => "list_iterator",
        "dict_keyiterator" => "dict_keyiterator",
        _ => "object",
    }
}

fn two(name: &str, args: Args) -> PyResult<[Value; 2]> {
    let n = args.pos.len();
    <[Value; 2]>::try_from(args.pos)
        .map_err(|_| type_error(format!("{name} expected 2 arguments, got {n}")))
}

fn is_instance(obj: &Value, cls: &Value) -> PyResult<bool> {
    Ok(match cls {
        Value::Tuple(items) => {
            for c in items.iter() {
                if is_instance(obj, c)? {
                    return Ok(true);
                }
            }
            false
        }
        Value::Class(c) => match obj {
            Value::Instance(i) => i.class.is_subclass(c),
            _ => false,
        },
        Value::Type("object") => true,
        Value::Type("dict") if matches!(obj, Value::Native(n) if n.as_dict().is_some()) => true,
        // An `IntEnum` or `IntFlag` member is an int, a `StrEnum`'s a str.
        Value::Type(t @ ("int" | "str")) if enum_of_type(obj, t) => true,
        Value::Type(t) => {
            let actual = type_of(obj);
            actual == *t || (*t == "int" && actual == "bool")
        }
        Value::Builtin("asyncio.Task") => downcast::<TaskObj>(obj).is_some(),
        Value::Native(c) if let Some(name) = c.class_name() => {
            matches!(obj, Value::Native(n) if n.instance_of(name))
        }
        // `itertools.count` and the rest: the functions that make them.
        Value::Builtin(name) if name.starts_with("itertools.") => {
            matches!(obj, Value::Native(n) if n.instance_of(name))
        }
        Value::Builtin("asyncio.Future") => {
            downcast::<FutureObj>(obj).is_some() || downcast::<TaskObj>(obj).is_some()
        }
        _ => {
            return Err(type_error(
                "isinstance() arg 2 must be a type, a tuple of types, or a union",
            ));
        }
    })
}

/// Whether `obj` is an `IntEnum` or `IntFlag` member (`int`), or a
/// `StrEnum` one (`str`).
fn enum_of_type(obj: &Value, t: &str) -> bool {
    let Value::Instance(i) = obj else {
        return false;
    };
    match t {
        "int" => i.class.derives_from("IntEnum") || i.class.derives_from("IntFlag"),
        _ => i.class.derives_from("StrEnum"),
    }
}

/// `super()`: the methods of the owner's base, bound to `this`.
pub struct Super {
    owner: Rc<Class>,
    this: Value,
}

impl Super {
    /// The instance `super()` binds to (none in a class method) and its
    /// class.
    fn receiver(&self) -> (Option<&Value>, Rc<Class>) {
        match &self.this {
            Value::Class(c) => (None, c.clone()),
            Value::Instance(i) => (Some(&self.this), i.class.clone()),
            _ => (Some(&self.this), self.owner.clone()),
        }
    }
}

impl Native for Super {
    fn type_name(&self) -> &str {
        "super"
    }

    fn repr(&self) -> String {
        format!("<super: <class '{}'>>", self.owner.name)
    }

    fn attr(self: Rc<Self>, name: &str) -> Option<Value> {
        let base = self.owner.base.clone()?;
        let (instance, class) = self.receiver();
        crate::engine::py::vm::descriptor::bind_plain(base.lookup(name)?, instance, &class)
    }

    fn has_method(&self, name: &str) -> bool {
        name == "__init__"
    }

    fn call_method(
        self: Rc<Self>,
        ix: &Rc<Interp>,
        cx: &Frame,
        name: &str,
        mut args: Args,
    ) -> Option<PyResult<Value>> {
        match self.owner.base.as_ref().and_then(|b| b.lookup(name)) {
            Some(f @ Value::Function(_)) => {
                args.pos.insert(0, self.this.clone());
                Some(ix.call(cx, &f, args))
            }
            Some(other) => {
                let (instance, class) = self.receiver();
                Some(
                    crate::engine::py::vm::descriptor::bind(ix, cx, other, instance, &class)
                        .and_then(|m| ix.call(cx, &m, args)),
                )
            }
            None if name == "__init__" => {
                // The built-in base (Exception, object) keeps its args.
                if let Some(state) = exc::state(&self.this) {
                    *state.args.borrow_mut() = args.pos;
                }
                Some(Ok(Value::None))
            }
            None => None,
        }
    }
}
