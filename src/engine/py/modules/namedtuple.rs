//! Named tuples: a class deriving from `typing.NamedTuple` gets its fields
//! from its annotations (defaults from its class attributes), and its
//! instances index, unpack, compare and print as CPython's do.

use crate::engine::py::types::exc::{PyResult, error, type_error, value_error};
use crate::engine::py::types::native::{Args, Native, downcast};
use crate::engine::py::types::value::{Class, Dict, Instance, Key, Value};
use crate::engine::py::vm::interp::{Frame, Interp};
use crate::program::CmpOp;
use std::cell::RefCell;
use std::rc::Rc;

/// One field: its name and default.
#[derive(Clone)]
struct Field {
    name: Rc<str>,
    default: Option<Value>,
}

/// Makes `class` a named tuple class.
pub fn finish(class: &Rc<Class>) -> PyResult<()> {
    let notes = class.namespace.borrow().get("__annotations__").cloned();
    let mut fields = Vec::new();
    if let Some(Value::Dict(notes)) = notes {
        for k in notes.borrow().keys() {
            let Value::Str(name) = &k.0 else { continue };
            let default = class.namespace.borrow().get(&**name).cloned();
            if default.is_none() && fields.iter().any(|f: &Field| f.default.is_some()) {
                return Err(type_error(format!(
                    "Non-default namedtuple field {name} cannot follow default field"
                )));
            }
            fields.push(Field {
                name: name.clone(),
                default,
            });
        }
    }
    let fields = Rc::new(fields);
    let mut ns = class.namespace.borrow_mut();
    for f in fields.iter() {
        ns.shift_remove(&*f.name);
    }
    ns.insert(
        "_fields".into(),
        Value::tuple(fields.iter().map(|f| Value::Str(f.name.clone())).collect()),
    );
    for (name, kind) in [
        ("__init__", Kind::Init),
        ("__repr__", Kind::Repr),
        ("__eq__", Kind::Eq),
        ("__lt__", Kind::Order(CmpOp::Lt)),
        ("__le__", Kind::Order(CmpOp::Le)),
        ("__gt__", Kind::Order(CmpOp::Gt)),
        ("__ge__", Kind::Order(CmpOp::Ge)),
        ("__getitem__", Kind::GetItem),
        ("__iter__", Kind::Iter),
        ("__len__", Kind::Len),
        ("_asdict", Kind::AsDict),
        ("_replace", Kind::Replace),
    ] {
        ns.insert(
            Rc::from(name),
            Value::Native(Rc::new(Method {
                kind,
                fields: fields.clone(),
            })),
        );
    }
    Ok(())
}

/// Whether an instance's class is a named tuple class (its attributes are
/// then read-only).
pub fn is_named_tuple(class: &Class) -> bool {
    class
        .lookup("__len__")
        .is_some_and(|m| downcast::<Method>(&m).is_some())
}

#[derive(Clone, Copy)]
enum Kind {
    Init,
    Repr,
    Eq,
    /// `<`, `<=`, `>`, `>=`: as tuples, with a tuple or a named tuple.
    Order(CmpOp),
    GetItem,
    Iter,
    Len,
    AsDict,
    Replace,
}

struct Method {
    kind: Kind,
    fields: Rc<Vec<Field>>,
}

impl Method {
    fn items(&self, this: &Value) -> Vec<Value> {
        let Value::Instance(i) = this else {
            return Vec::new();
        };
        let dict = i.attrs.dict();
        let attrs = dict.borrow();
        self.fields
            .iter()
            .map(|f| attrs.get(&*f.name).cloned().unwrap_or(Value::None))
            .collect()
    }

    fn init(&self, this: &Value, args: Args) -> PyResult<Value> {
        let Value::Instance(inst) = this else {
            return Err(type_error("__new__ needs a class"));
        };
        let fname = format!("{}.__new__", inst.class.qualname);
        let n = self.fields.len();
        if args.pos.len() > n {
            let min = 1 + self.fields.iter().filter(|f| f.default.is_none()).count();
            let takes = if min == n + 1 {
                format!("{}", n + 1)
            } else {
                format!("from {min} to {}", n + 1)
            };
            return Err(type_error(format!(
                "{fname}() takes {takes} positional argument{} but {} were given",
                if n == 0 { "" } else { "s" },
                args.pos.len() + 1
            )));
        }
        let mut given: Vec<Option<Value>> = vec![None; n];
        for (i, v) in args.pos.into_iter().enumerate() {
            given[i] = Some(v);
        }
        for (k, v) in args.kw {
            let Some(i) = self.fields.iter().position(|f| f.name == k) else {
                return Err(type_error(format!(
                    "{fname}() got an unexpected keyword argument '{k}'"
                )));
            };
            if given[i].is_some() {
                return Err(type_error(format!(
                    "{fname}() got multiple values for argument '{k}'"
                )));
            }
            given[i] = Some(v);
        }
        let missing: Vec<String> = self
            .fields
            .iter()
            .zip(&given)
            .filter(|(f, g)| g.is_none() && f.default.is_none())
            .map(|(f, _)| format!("'{}'", f.name))
            .collect();
        if !missing.is_empty() {
            let names = match missing.len() {
                1 => missing[0].clone(),
                2 => format!("{} and {}", missing[0], missing[1]),
                k => format!("{}, and {}", missing[..k - 1].join(", "), missing[k - 1]),
            };
            return Err(type_error(format!(
                "{fname}() missing {} required positional argument{}: {names}",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" }
            )));
        }
        let dict = inst.attrs.dict();
        let mut attrs = dict.borrow_mut();
        for (f, g) in self.fields.iter().zip(given) {
            let v = g.or_else(|| f.default.clone()).unwrap_or(Value::None);
            attrs.insert(Key(Value::Str(f.name.clone())), v);
        }
        Ok(Value::None)
    }
}

impl Native for Method {
    fn type_name(&self) -> &str {
        "function"
    }

    fn is_callable(&self) -> bool {
        true
    }

    fn binds(&self) -> bool {
        true
    }

    fn call(
        self: Rc<Self>,
        ix: &Rc<Interp>,
        cx: &Frame,
        mut args: Args,
    ) -> Option<PyResult<Value>> {
        if args.pos.is_empty() {
            return Some(Err(type_error("a named tuple method needs its instance")));
        }
        let this = args.pos.remove(0);
        Some(match self.kind {
            Kind::Init => self.init(&this, args),
            Kind::Repr => (|| {
                let Value::Instance(i) = &this else {
                    return Ok(Value::str(&this.repr()));
                };
                let mut parts = Vec::new();
                for (f, v) in self.fields.iter().zip(self.items(&this)) {
                    parts.push(format!("{}={}", f.name, ix.repr(cx, &v)?));
                }
                Ok(Value::str(&format!(
                    "{}({})",
                    i.class.name,
                    parts.join(", ")
                )))
            })(),
            Kind::Eq => {
                let other = args.pos.first().cloned().unwrap_or(Value::None);
                let theirs = match &other {
                    Value::Tuple(t) => Some(t.to_vec()),
                    Value::Instance(i) if is_named_tuple(&i.class) => {
                        downcast::<Method>(&i.class.lookup("__len__").expect("checked"))
                            .map(|m| m.items(&other))
                    }
                    _ => None,
                };
                match theirs {
                    None => Ok(Value::Bool(false)),
                    Some(theirs) => ix
                        .eq(cx, &Value::tuple(self.items(&this)), &Value::tuple(theirs))
                        .map(Value::Bool),
                }
            }
            Kind::Order(op) => {
                let other = args.pos.first().cloned().unwrap_or(Value::None);
                let theirs = match &other {
                    Value::Instance(i) if is_named_tuple(&i.class) => {
                        downcast::<Method>(&i.class.lookup("__len__").expect("checked"))
                            .map_or(other.clone(), |m| Value::tuple(m.items(&other)))
                    }
                    _ => other,
                };
                ix.compare(cx, op, &Value::tuple(self.items(&this)), &theirs)
                    .map(Value::Bool)
            }
            Kind::GetItem => {
                let index = args.pos.first().cloned().unwrap_or(Value::None);
                ix.getitem(cx, &Value::tuple(self.items(&this)), &index)
                    .map_err(|e| match e {
                        crate::engine::py::types::exc::Unwind::Exc(x)
                            if crate::engine::py::types::exc::is_instance_of(&x, "IndexError") =>
                        {
                            error("IndexError", "tuple index out of range")
                        }
                        other => other,
                    })
            }
            Kind::Iter => ix.iter(cx, &Value::tuple(self.items(&this))),
            Kind::Len => Ok(Value::Int(self.fields.len() as i64)),
            Kind::AsDict => {
                let dict: Dict = self
                    .fields
                    .iter()
                    .zip(self.items(&this))
                    .map(|(f, v)| (Key(Value::Str(f.name.clone())), v))
                    .collect();
                Ok(Value::Dict(Rc::new(RefCell::new(dict))))
            }
            Kind::Replace => {
                let Value::Instance(i) = &this else {
                    return Some(Err(type_error("_replace needs an instance")));
                };
                let mut kw: Vec<(Rc<str>, Value)> = Vec::new();
                for (f, v) in self.fields.iter().zip(self.items(&this)) {
                    let v = match args.take_kw(&f.name) {
                        Some(x) => x,
                        None => v,
                    };
                    kw.push((f.name.clone(), v));
                }
                if let Some((k, _)) = args.kw.first() {
                    return Some(Err(error(
                        "ValueError",
                        format!("Got unexpected field names: ['{k}']"),
                    )));
                }
                ix.call(
                    cx,
                    &Value::Class(i.class.clone()),
                    Args {
                        pos: Vec::new(),
                        kw,
                    },
                )
            }
        })
    }
}

/// `collections.namedtuple(typename, field_names, *, rename=False,
/// defaults=None, module=None)`: the same class as `typing.NamedTuple`
/// makes, with CPython's checks of the names.
pub fn make(ix: &Interp, f: &Frame, args: Args) -> PyResult<Value> {
    let b = crate::engine::py::builtins::args::bind_clinic(
        args,
        "namedtuple",
        &["typename", "field_names", "rename", "defaults", "module"],
        2,
    )?;
    let Some(Value::Str(typename)) = b[0].clone() else {
        return Err(type_error("namedtuple() typename must be a str"));
    };
    let names: Vec<Rc<str>> = match b[1].clone().unwrap_or(Value::None) {
        Value::Str(s) => s
            .replace(',', " ")
            .split_whitespace()
            .map(Rc::from)
            .collect(),
        other => ix
            .iterate(f, &other)?
            .into_iter()
            .map(|v| match v {
                Value::Str(s) => Ok(s),
                other => Ok(Rc::from(ix.str(f, &other)?.as_str())),
            })
            .collect::<PyResult<_>>()?,
    };
    let identifier = |s: &str| {
        let mut chars = s.chars();
        chars.next().is_some_and(|c| c == '_' || c.is_alphabetic())
            && chars.all(|c| c == '_' || c.is_alphanumeric())
    };
    let mut seen: Vec<&str> = Vec::new();
    for (i, name) in std::iter::once(&typename).chain(&names).enumerate() {
        if !identifier(name) {
            return Err(value_error(format!(
                "Type names and field names must be valid identifiers: {}",
                crate::text::python_str_repr(name)
            )));
        }
        if KEYWORDS.contains(&&**name) {
            return Err(value_error(format!(
                "Type names and field names cannot be a keyword: {}",
                crate::text::python_str_repr(name)
            )));
        }
        if i == 0 {
            continue;
        }
        if name.starts_with('_') {
            return Err(value_error(format!(
                "Field names cannot start with an underscore: {}",
                crate::text::python_str_repr(name)
            )));
        }
        if seen.contains(&&**name) {
            return Err(value_error(format!(
                "Encountered duplicate field name: {}",
                crate::text::python_str_repr(name)
            )));
        }
        seen.push(name);
    }
    let defaults = match b[3].clone() {
        None | Some(Value::None) => Vec::new(),
        Some(d) => ix.iterate(f, &d)?,
    };
    if defaults.len() > names.len() {
        return Err(type_error("Got more default values than field names"));
    }
    let mut notes = Dict::default();
    let mut namespace = crate::engine::py::types::value::Namespace::default();
    let first_default = names.len() - defaults.len();
    for (i, name) in names.iter().enumerate() {
        notes.insert(Key(Value::Str(name.clone())), Value::None);
        if i >= first_default {
            namespace.insert(name.clone(), defaults[i - first_default].clone());
        }
    }
    namespace.insert(
        "__annotations__".into(),
        Value::Dict(Rc::new(RefCell::new(notes))),
    );
    let class = Rc::new(Class {
        name: typename.clone(),
        qualname: typename,
        base: None,
        namespace: RefCell::new(namespace),
        builtin: false,
        module: "",
    });
    finish(&class)?;
    Ok(Value::Class(class))
}

/// An instance of a named tuple class `name` (as its repr names it) with
/// these fields and values: what `sys.version_info` is.
pub fn value(name: &str, fields: &[(&str, Value)]) -> Value {
    let mut notes = Dict::default();
    for (n, _) in fields {
        notes.insert(Key(Value::str(n)), Value::None);
    }
    let mut namespace = crate::engine::py::types::value::Namespace::default();
    namespace.insert(
        "__annotations__".into(),
        Value::Dict(Rc::new(RefCell::new(notes))),
    );
    let class = Rc::new(Class {
        name: Rc::from(name),
        qualname: Rc::from(name),
        base: None,
        namespace: RefCell::new(namespace),
        builtin: false,
        module: "",
    });
    // Fields without defaults cannot fail.
    let _ = finish(&class);
    Value::Instance(Rc::new(Instance {
        class,
        attrs: crate::engine::py::types::value::new_attrs(
            fields.iter().map(|(n, v)| (Rc::from(*n), v.clone())),
        ),
        exc: None,
    }))
}

/// Python's keywords, which no field may be named.
const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];
