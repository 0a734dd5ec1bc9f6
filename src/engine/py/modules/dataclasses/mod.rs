//! The `dataclasses` module: `@dataclass` (with `eq`, `order`, `frozen`,
//! `repr`, `init`, `kw_only`), `field`, `KW_ONLY`, `fields`, `asdict`,
//! `astuple`, `replace`, `is_dataclass` and `InitVar`, making the methods
//! CPython 3.11's `Lib/dataclasses.py` makes, with its messages.

mod initvar;
mod methods;

use methods::{Kind, Method};

use crate::engine::py::types::exc::{self, PyResult, Unwind, error, type_error};
use crate::engine::py::types::native::{Args, Native, downcast};
use crate::engine::py::types::value::{Class, Dict, Key, Value};
use crate::engine::py::vm::interp::{Frame, Interp};
use crate::program::CmpOp;
use std::cell::RefCell;
use std::rc::Rc;

const BUILTINS: &[&str] = &[
    "dataclasses.dataclass",
    "dataclasses.field",
    "dataclasses.fields",
    "dataclasses.asdict",
    "dataclasses.astuple",
    "dataclasses.replace",
    "dataclasses.is_dataclass",
];

/// `dataclasses.name`.
pub fn member(name: &str) -> Option<Value> {
    match name {
        "KW_ONLY" => return Some(Value::Native(Rc::new(KwOnly))),
        "InitVar" => return Some(Value::Native(Rc::new(initvar::InitVar))),
        "FrozenInstanceError" => return exc::class(name).map(Value::Class),
        _ => {}
    }
    let full = BUILTINS
        .iter()
        .find(|b| &b["dataclasses.".len()..] == name)?;
    Some(Value::Builtin(full))
}

/// Calls `dataclasses.name(...)` (`name` is the built-in's whole name).
pub fn call(ix: &Interp, f: &Frame, name: &str, mut args: Args) -> PyResult<Value> {
    let name = name.strip_prefix("dataclasses.").unwrap_or(name);
    match name {
        "dataclass" => {
            let mut opts = Options::default();
            for (k, v) in std::mem::take(&mut args.kw) {
                let on = ix.truthy(f, &v)?;
                match &*k {
                    "init" => opts.init = on,
                    "repr" => opts.repr = on,
                    "eq" => opts.eq = on,
                    "order" => opts.order = on,
                    "frozen" => opts.frozen = on,
                    "kw_only" => opts.kw_only = on,
                    "unsafe_hash" => opts.unsafe_hash = on,
                    "match_args" => opts.match_args = on,
                    "slots" => opts.slots = on,
                    "weakref_slot" => {}
                    other => {
                        return Err(type_error(format!(
                            "dataclass() got an unexpected keyword argument '{other}'"
                        )));
                    }
                }
            }
            match args.pos.pop() {
                Some(cls) => process(ix, f, cls, &opts),
                None => Ok(Value::Native(Rc::new(Decorator(opts)))),
            }
        }
        "field" => {
            if !args.pos.is_empty() {
                return Err(type_error("field() takes 0 positional arguments"));
            }
            let mut spec = FieldSpec::default();
            for (k, v) in std::mem::take(&mut args.kw) {
                match &*k {
                    "default" => spec.default = Some(v),
                    "default_factory" => spec.factory = Some(v),
                    "init" => spec.init = ix.truthy(f, &v)?,
                    "repr" => spec.repr = ix.truthy(f, &v)?,
                    "compare" => spec.compare = ix.truthy(f, &v)?,
                    "kw_only" => spec.kw_only = Some(ix.truthy(f, &v)?),
                    "hash" | "metadata" => {}
                    other => {
                        return Err(type_error(format!(
                            "field() got an unexpected keyword argument '{other}'"
                        )));
                    }
                }
            }
            if spec.default.is_some() && spec.factory.is_some() {
                return Err(error(
                    "ValueError",
                    "cannot specify both default and default_factory",
                ));
            }
            Ok(Value::Native(Rc::new(spec)))
        }
        "fields" => {
            let obj = one(args, "fields")?;
            let fields = fields_of(&obj)
                .ok_or_else(|| type_error("must be called with a dataclass type or instance"))?;
            Ok(Value::tuple(
                fields
                    .iter()
                    .filter(|fd| !fd.init_var)
                    .map(|fd| Value::Native(Rc::new(fd.clone())))
                    .collect(),
            ))
        }
        "asdict" | "astuple" => {
            let obj = one(args, name)?;
            if !matches!(obj, Value::Instance(_)) || fields_of(&obj).is_none() {
                return Err(type_error(format!(
                    "{name}() should be called on dataclass instances"
                )));
            }
            convert(ix, f, &obj, name == "asdict")
        }
        "replace" => {
            let obj = args.pos.pop().ok_or_else(|| {
                type_error("replace() missing 1 required positional argument: 'obj'")
            })?;
            let Some(fields) = fields_of(&obj).filter(|_| matches!(obj, Value::Instance(_))) else {
                return Err(type_error(
                    "replace() should be called on dataclass instances",
                ));
            };
            let mut kw = std::mem::take(&mut args.kw);
            for fd in fields.iter() {
                let given = kw.iter().any(|(k, _)| *k == fd.name);
                if fd.init_var {
                    if !given && fd.default.is_none() {
                        return Err(error(
                            "ValueError",
                            format!("InitVar '{}' must be specified with replace()", fd.name),
                        ));
                    }
                    continue;
                }
                if !fd.init {
                    if given {
                        return Err(error(
                            "ValueError",
                            format!(
                                "field {} is declared with init=False, it cannot be specified with replace()",
                                fd.name
                            ),
                        ));
                    }
                    continue;
                }
                if !given {
                    kw.push((fd.name.clone(), ix.getattr(f, &obj, &fd.name)?));
                }
            }
            let Value::Instance(i) = &obj else {
                unreachable!("checked above")
            };
            ix.call(
                f,
                &Value::Class(i.class.clone()),
                Args {
                    pos: Vec::new(),
                    kw,
                },
            )
        }
        "is_dataclass" => Ok(Value::Bool(fields_of(&one(args, name)?).is_some())),
        _ => Err(error(
            "AttributeError",
            format!("module 'dataclasses' has no attribute '{name}'"),
        )),
    }
}

fn one(args: Args, fname: &str) -> PyResult<Value> {
    let [v] = <[Value; 1]>::try_from(args.pos).map_err(|a| {
        type_error(format!(
            "{fname}() takes exactly one argument ({} given)",
            a.len()
        ))
    })?;
    Ok(v)
}

/// `@dataclass(...)`'s options.
#[derive(Clone)]
struct Options {
    init: bool,
    repr: bool,
    eq: bool,
    order: bool,
    frozen: bool,
    kw_only: bool,
    unsafe_hash: bool,
    /// `__match_args__`: the positional `__init__` fields.
    match_args: bool,
    /// `__slots__`: the fields, and no class attribute for their defaults.
    slots: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            init: true,
            repr: true,
            eq: true,
            order: false,
            frozen: false,
            kw_only: false,
            unsafe_hash: false,
            match_args: true,
            slots: false,
        }
    }
}

/// `@dataclass(order=True)`: the decorator it returns.
struct Decorator(Options);

impl Native for Decorator {
    fn type_name(&self) -> &str {
        "function"
    }

    fn is_callable(&self) -> bool {
        true
    }

    fn call(self: Rc<Self>, ix: &Rc<Interp>, cx: &Frame, args: Args) -> Option<PyResult<Value>> {
        Some(one(args, "dataclass").and_then(|cls| process(ix, cx, cls, &self.0)))
    }
}

/// `KW_ONLY`: the fields annotated after `_: KW_ONLY` are keyword-only.
struct KwOnly;

impl Native for KwOnly {
    fn type_name(&self) -> &str {
        "dataclasses.KW_ONLY"
    }

    fn repr(&self) -> String {
        "<class 'dataclasses.KW_ONLY'>".into()
    }
}

/// `field(...)`, and once the class is made, a field of it.
#[derive(Clone)]
struct FieldSpec {
    name: Rc<str>,
    ty: Value,
    default: Option<Value>,
    factory: Option<Value>,
    init: bool,
    repr: bool,
    compare: bool,
    kw_only: Option<bool>,
    /// An `InitVar[...]`: an argument of `__init__` and `__post_init__`
    /// only, no field of the instance.
    init_var: bool,
}

impl Default for FieldSpec {
    fn default() -> Self {
        FieldSpec {
            name: Rc::from(""),
            ty: Value::None,
            default: None,
            factory: None,
            init: true,
            repr: true,
            compare: true,
            kw_only: None,
            init_var: false,
        }
    }
}

impl FieldSpec {
    fn kw_only(&self) -> bool {
        self.kw_only.unwrap_or(false)
    }
}

impl Native for FieldSpec {
    fn type_name(&self) -> &str {
        "Field"
    }

    fn attr(self: Rc<Self>, name: &str) -> Option<Value> {
        Some(match name {
            "name" => Value::Str(self.name.clone()),
            "type" => self.ty.clone(),
            "default" => self.default.clone()?,
            "default_factory" => self.factory.clone()?,
            "init" => Value::Bool(self.init),
            "repr" => Value::Bool(self.repr),
            "compare" => Value::Bool(self.compare),
            "kw_only" => Value::Bool(self.kw_only()),
            _ => return None,
        })
    }
}

/// The fields of a dataclass, kept in its namespace.
struct Fields(Rc<Vec<FieldSpec>>);

impl Native for Fields {
    fn type_name(&self) -> &str {
        "dict"
    }
}

/// The fields of a dataclass or of an instance of one.
fn fields_of(v: &Value) -> Option<Rc<Vec<FieldSpec>>> {
    let class = match v {
        Value::Instance(i) => i.class.clone(),
        Value::Class(c) => c.clone(),
        _ => return None,
    };
    downcast::<Fields>(&class.lookup("__dataclass_fields__")?).map(|f| f.0.clone())
}

/// Makes `cls` a dataclass: its fields from its annotations, then the
/// methods the options ask for.
fn process(ix: &Interp, f: &Frame, cls: Value, opts: &Options) -> PyResult<Value> {
    let Value::Class(class) = &cls else {
        return Err(type_error("dataclass() should be called on a class"));
    };
    if opts.order && !opts.eq {
        return Err(error("ValueError", "eq must be true if order is true"));
    }
    let mut fields: Vec<FieldSpec> = class
        .base
        .as_ref()
        .and_then(|b| fields_of(&Value::Class(b.clone())))
        .map(|f| f.to_vec())
        .unwrap_or_default();
    let notes = class.namespace.borrow().get("__annotations__").cloned();
    let mut kw_only = opts.kw_only;
    if let Some(Value::Dict(notes)) = notes {
        let notes: Vec<(Value, Value)> = notes
            .borrow()
            .iter()
            .map(|(k, v)| (k.0.clone(), v.clone()))
            .collect();
        for (name, ty) in notes {
            let Value::Str(name) = name else { continue };
            if downcast::<KwOnly>(&ty).is_some() {
                kw_only = true;
                continue;
            }
            if ty.repr().starts_with("typing.ClassVar") {
                continue;
            }
            let attr = class.namespace.borrow().get(&*name).cloned();
            let mut spec = match attr.as_ref().and_then(downcast::<FieldSpec>) {
                Some(s) => (*s).clone(),
                None => FieldSpec {
                    default: attr.clone(),
                    ..FieldSpec::default()
                },
            };
            spec.name = name.clone();
            spec.init_var = initvar::is_init_var(&ty);
            spec.ty = ty;
            spec.kw_only.get_or_insert(kw_only);
            if let Some(d) = &spec.default
                && matches!(d, Value::List(_) | Value::Dict(_) | Value::Set(_))
            {
                return Err(error(
                    "ValueError",
                    format!(
                        "mutable default <class '{}'> for field {name} is not allowed: use default_factory",
                        d.type_name()
                    ),
                ));
            }
            // The class keeps a plain default; a factory leaves no attribute.
            let mut ns = class.namespace.borrow_mut();
            match &spec.default {
                Some(d) => {
                    ns.insert(name.clone(), d.clone());
                }
                None => {
                    ns.shift_remove(&*name);
                }
            }
            drop(ns);
            match fields.iter_mut().find(|x| x.name == name) {
                Some(old) => *old = spec,
                None => fields.push(spec),
            }
        }
    }
    if opts.init {
        let mut seen_default = false;
        for fd in fields.iter().filter(|x| x.init && !x.kw_only()) {
            let has = fd.default.is_some() || fd.factory.is_some();
            if seen_default && !has {
                return Err(type_error(format!(
                    "non-default argument '{}' follows default argument",
                    fd.name
                )));
            }
            seen_default |= has;
        }
    }
    let fields = Rc::new(fields);
    let own = |name: &str| class.namespace.borrow().contains_key(name);
    let add = |name: &str, kind: Kind| {
        class.namespace.borrow_mut().insert(
            Rc::from(name),
            Value::Native(Rc::new(Method {
                kind,
                fields: fields.clone(),
            })),
        );
    };
    if opts.init {
        add("__init__", Kind::Init);
    }
    if opts.repr && !own("__repr__") {
        add("__repr__", Kind::Repr);
    }
    if opts.eq && !own("__eq__") {
        add("__eq__", Kind::Eq);
    }
    if opts.order {
        for (name, op) in [
            ("__lt__", CmpOp::Lt),
            ("__le__", CmpOp::Le),
            ("__gt__", CmpOp::Gt),
            ("__ge__", CmpOp::Ge),
        ] {
            if own(name) {
                return Err(type_error(format!(
                    "Cannot overwrite attribute {name} in class {}. Consider using functools.total_ordering",
                    class.name
                )));
            }
            add(name, Kind::Order(op));
        }
    }
    if opts.frozen {
        add("__setattr__", Kind::Frozen);
        add("__delattr__", Kind::Frozen);
    }
    if opts.unsafe_hash && own("__hash__") {
        return Err(type_error(format!(
            "Cannot overwrite attribute __hash__ in class {}",
            class.name
        )));
    }
    if !own("__hash__") {
        match (opts.unsafe_hash, opts.eq, opts.frozen) {
            (true, _, _) | (false, true, true) => {
                add("__hash__", Kind::Hash);
                let names = fields
                    .iter()
                    .filter(|fd| fd.compare && !fd.init_var)
                    .map(|fd| Value::Str(fd.name.clone()))
                    .collect();
                class
                    .namespace
                    .borrow_mut()
                    .insert("__dataclass_hash__".into(), Value::tuple(names));
            }
            (false, true, false) => {
                class
                    .namespace
                    .borrow_mut()
                    .insert("__hash__".into(), Value::None);
            }
            _ => {}
        }
    }
    if opts.match_args && !own("__match_args__") {
        let names = fields
            .iter()
            .filter(|fd| fd.init && !fd.kw_only())
            .map(|fd| Value::Str(fd.name.clone()))
            .collect();
        class
            .namespace
            .borrow_mut()
            .insert("__match_args__".into(), Value::tuple(names));
    }
    if opts.slots {
        if own("__slots__") {
            return Err(type_error(format!(
                "{} already specifies __slots__",
                class.name
            )));
        }
        let inherited = class
            .base
            .as_ref()
            .and_then(|b| crate::engine::py::types::slots::only(b))
            .unwrap_or_default();
        let mut ns = class.namespace.borrow_mut();
        let mut names = Vec::new();
        for fd in fields.iter().filter(|fd| !fd.init_var) {
            ns.shift_remove(&*fd.name);
            if !inherited.contains(&fd.name) {
                names.push(Value::Str(fd.name.clone()));
            }
        }
        ns.insert("__slots__".into(), Value::tuple(names));
    }
    class.namespace.borrow_mut().insert(
        "__dataclass_fields__".into(),
        Value::Native(Rc::new(Fields(fields))),
    );
    let _ = (ix, f);
    Ok(cls)
}

/// `asdict`/`astuple`: dataclass instances become dicts (or tuples) of
/// their fields, recursively through lists, tuples and dicts.
fn convert(ix: &Interp, f: &Frame, v: &Value, dict: bool) -> PyResult<Value> {
    ix.step()?;
    if let (Value::Instance(_), Some(fields)) = (v, fields_of(v)) {
        let mut out = Dict::default();
        let mut items = Vec::new();
        for fd in fields.iter().filter(|fd| !fd.init_var) {
            let x = convert(ix, f, &ix.getattr(f, v, &fd.name)?, dict)?;
            if dict {
                out.insert(Key(Value::Str(fd.name.clone())), x);
            } else {
                items.push(x);
            }
        }
        return Ok(if dict {
            Value::Dict(Rc::new(RefCell::new(out)))
        } else {
            Value::tuple(items)
        });
    }
    Ok(match v {
        Value::List(items) => {
            let items = items.borrow().clone();
            Value::list(
                items
                    .iter()
                    .map(|x| convert(ix, f, x, dict))
                    .collect::<PyResult<_>>()?,
            )
        }
        Value::Tuple(items) => Value::tuple(
            items
                .iter()
                .map(|x| convert(ix, f, x, dict))
                .collect::<PyResult<_>>()?,
        ),
        Value::Dict(d) => {
            let pairs: Vec<(Value, Value)> = d
                .borrow()
                .iter()
                .map(|(k, v)| (k.0.clone(), v.clone()))
                .collect();
            let mut out = Dict::default();
            for (k, x) in pairs {
                let k = convert(ix, f, &k, dict)?;
                out.insert(Key::new(k).map_err(type_error)?, convert(ix, f, &x, dict)?);
            }
            Value::Dict(Rc::new(RefCell::new(out)))
        }
        other => other.clone(),
    })
}

/// `obj.name = v` on an instance of a frozen dataclass: the error, or
/// `None` when the class is not frozen.
pub fn frozen_setattr(class: &Class, name: &str, deleting: bool) -> Option<Unwind> {
    let m = class.lookup("__setattr__")?;
    let m = downcast::<Method>(&m)?;
    matches!(m.kind, Kind::Frozen).then(|| {
        let verb = if deleting { "delete" } else { "assign to" };
        error(
            "FrozenInstanceError",
            format!("cannot {verb} field '{name}'"),
        )
    })
}
