//! The `typing` module and the type forms annotations build: `list[int]`,
//! `int | None`, `Optional[str]`, `Callable[..., Awaitable[T]]`,
//! `TypeVar`, `Protocol`, `Generic`, `TypedDict`. They evaluate and print
//! as CPython 3.11 prints them; they check nothing, as CPython does not.

use crate::engine::py::types::exc::{PyResult, error, type_error};
use crate::engine::py::types::native::{Args, Native, downcast};
use crate::engine::py::types::value::Value;
use crate::engine::py::vm::interp::{Frame, Interp};
use std::rc::Rc;

/// The special forms and generic aliases `typing` offers, by name.
const FORMS: &[&str] = &[
    "Any",
    "Optional",
    "Union",
    "List",
    "Dict",
    "Tuple",
    "Set",
    "FrozenSet",
    "Type",
    "Callable",
    "Awaitable",
    "Coroutine",
    "AsyncIterator",
    "AsyncIterable",
    "AsyncGenerator",
    "Iterator",
    "Iterable",
    "Generator",
    "Sequence",
    "MutableSequence",
    "Mapping",
    "MutableMapping",
    "Literal",
    "Final",
    "ClassVar",
    "NoReturn",
    "Never",
    "Self",
    "Annotated",
    "Deque",
    "DefaultDict",
    "Counter",
    "OrderedDict",
    "Protocol",
    "Generic",
];

const BUILTINS: &[&str] = &[
    "typing.TypeVar",
    "typing.cast",
    "typing.overload",
    "typing.runtime_checkable",
    "typing.final",
    "typing.TypedDict",
    "typing.NewType",
    "typing.get_type_hints",
    "typing.NamedTuple",
];

/// `typing.name`.
pub fn member(name: &str) -> Option<Value> {
    if name == "TYPE_CHECKING" {
        return Some(Value::Bool(false));
    }
    if FORMS.contains(&name) {
        return Some(form(
            format!("typing.{name}"),
            Kind::Special(name_static(name)),
        ));
    }
    let full = BUILTINS.iter().find(|b| &b["typing.".len()..] == name)?;
    Some(Value::Builtin(full))
}

fn name_static(name: &str) -> &'static str {
    FORMS.iter().find(|f| **f == name).copied().unwrap_or("Any")
}

/// Calls `typing.name(...)`.
pub fn call(ix: &Interp, f: &Frame, name: &str, mut args: Args) -> PyResult<Value> {
    let name = name.strip_prefix("typing.").unwrap_or(name);
    match name {
        "TypeVar" => {
            let Some(Value::Str(n)) = args.pos.first().cloned() else {
                return Err(type_error(
                    "TypeVar() missing required argument 'name' (pos 1)",
                ));
            };
            let prefix = if matches!(args.take_kw("covariant"), Some(Value::Bool(true))) {
                "+"
            } else if matches!(args.take_kw("contravariant"), Some(Value::Bool(true))) {
                "-"
            } else {
                "~"
            };
            Ok(form(format!("{prefix}{n}"), Kind::TypeVar))
        }
        // `cast(T, v)` is `v`; the decorators return what they decorate.
        "cast" => args
            .pos
            .pop()
            .filter(|_| args.pos.len() == 1)
            .ok_or_else(|| type_error("cast() takes 2 positional arguments")),
        "overload" | "runtime_checkable" | "final" => args
            .pos
            .pop()
            .ok_or_else(|| type_error(format!("{name}() missing 1 required positional argument"))),
        // `TypedDict("Movie", {...})` and `NewType("Id", int)` make what
        // calling them builds: a dict, and the value itself.
        "TypedDict" => Ok(Value::Type("dict")),
        "NewType" => {
            let Some(Value::Str(n)) = args.pos.first() else {
                return Err(type_error("NewType() missing required argument 'name'"));
            };
            Ok(form(format!("__main__.{n}"), Kind::NewType))
        }
        "NamedTuple" => Err(crate::engine::py::types::exc::unsupported(
            "the call form of NamedTuple (write `class P(NamedTuple):` with annotated fields)",
        )),
        "get_type_hints" => {
            let obj = args.pos.first().cloned().unwrap_or(Value::None);
            match ix.getattr(f, &obj, "__annotations__") {
                Ok(v) => Ok(v),
                Err(_) => Ok(Value::Dict(Default::default())),
            }
        }
        _ => Err(error(
            "AttributeError",
            format!("module 'typing' has no attribute '{name}'"),
        )),
    }
}

/// What a type form is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// `typing.Optional` and the other names of `typing` itself.
    Special(&'static str),
    /// A subscripted form: `list[int]`, `typing.Optional[int]`.
    Alias,
    /// `int | None`.
    Union,
    TypeVar,
    NewType,
}

/// A type form: printed as CPython prints it.
pub struct TypeForm {
    repr: String,
    kind: Kind,
    /// The members of a union, flattened.
    members: Vec<Value>,
}

fn form(repr: String, kind: Kind) -> Value {
    Value::Native(Rc::new(TypeForm {
        repr,
        kind,
        members: Vec::new(),
    }))
}

impl Native for TypeForm {
    fn type_name(&self) -> &str {
        match self.kind {
            Kind::Union => "types.UnionType",
            Kind::TypeVar => "TypeVar",
            Kind::Alias if !self.repr.starts_with("typing.") => "types.GenericAlias",
            _ => "typing._SpecialForm",
        }
    }

    fn repr(&self) -> String {
        self.repr.clone()
    }

    fn attr(self: Rc<Self>, name: &str) -> Option<Value> {
        match (name, self.kind) {
            ("__name__", Kind::TypeVar) => Some(Value::str(&self.repr[1..])),
            ("__args__", Kind::Union) => Some(Value::tuple(self.members.clone())),
            _ => None,
        }
    }

    fn is_callable(&self) -> bool {
        self.kind == Kind::NewType
    }

    fn call(
        self: Rc<Self>,
        _ix: &Rc<Interp>,
        _cx: &Frame,
        mut args: Args,
    ) -> Option<PyResult<Value>> {
        (self.kind == Kind::NewType).then(|| {
            args.pos
                .pop()
                .ok_or_else(|| type_error("a NewType takes one argument"))
        })
    }
}

/// `_type_repr`: how a type prints inside a type form.
fn type_repr(v: &Value) -> String {
    match v {
        Value::Type(t) => t.to_string(),
        Value::None => "None".into(),
        Value::Ellipsis => "...".into(),
        Value::Class(c) if c.builtin && c.module.is_empty() => c.name.to_string(),
        Value::Class(c) if c.builtin => format!("{}.{}", c.module, c.qualname),
        Value::Class(c) => format!("__main__.{}", c.qualname),
        Value::Function(f) => f.code.name.to_string(),
        Value::List(items) => format!(
            "[{}]",
            items
                .borrow()
                .iter()
                .map(type_repr)
                .collect::<Vec<_>>()
                .join(", ")
        ),
        other => other.repr(),
    }
}

/// Whether `v` can stand in a type form (`int`, a class, `None`, a form).
fn is_type(v: &Value) -> bool {
    matches!(v, Value::Type(_) | Value::Class(_) | Value::None) || downcast::<TypeForm>(v).is_some()
}

/// The members of a union of these types: unions inside are flattened,
/// repeats dropped.
fn flatten(types: &[Value]) -> Vec<Value> {
    let mut members: Vec<Value> = Vec::new();
    for t in types {
        let parts = match downcast::<TypeForm>(t) {
            Some(u) if !u.members.is_empty() => u.members.clone(),
            _ => vec![t.clone()],
        };
        for p in parts {
            if !members.iter().any(|m| type_repr(m) == type_repr(&p)) {
                members.push(p);
            }
        }
    }
    members
}

/// `a | b` for types: a union, flattened, without repeats.
pub fn union(a: &Value, b: &Value) -> Option<Value> {
    if !is_type(a) || !is_type(b) {
        return None;
    }
    let members = flatten(&[a.clone(), b.clone()]);
    let repr = members
        .iter()
        .map(type_repr)
        .collect::<Vec<_>>()
        .join(" | ");
    Some(Value::Native(Rc::new(TypeForm {
        repr,
        kind: Kind::Union,
        members,
    })))
}

/// `origin[args]` for a type or a type form; `None` when `origin` is
/// neither (an ordinary subscript).
pub fn subscript(origin: &Value, index: &Value) -> Option<PyResult<Value>> {
    let args: Vec<Value> = match index {
        Value::Tuple(items) => items.to_vec(),
        other => vec![other.clone()],
    };
    let inner = || args.iter().map(type_repr).collect::<Vec<_>>().join(", ");
    match origin {
        Value::Type(t)
            if matches!(*t, "list" | "dict" | "tuple" | "set" | "frozenset" | "type") =>
        {
            Some(Ok(form(format!("{t}[{}]", inner()), Kind::Alias)))
        }
        Value::Class(c) if !c.builtin => Some(Ok(form(
            format!("__main__.{}[{}]", c.qualname, inner()),
            Kind::Alias,
        ))),
        Value::Native(_) => {
            let f = downcast::<TypeForm>(origin)?;
            Some(Ok(match f.kind {
                Kind::Special(which @ ("Optional" | "Union")) => {
                    let mut args = args.clone();
                    if which == "Optional" {
                        args.truncate(1);
                        args.push(Value::None);
                    }
                    let mut members = flatten(&args);
                    if members.len() == 1 {
                        return Some(Ok(members.remove(0)));
                    }
                    special_union(members)
                }
                Kind::Special("Literal") => form(
                    format!(
                        "typing.Literal[{}]",
                        args.iter().map(Value::repr).collect::<Vec<_>>().join(", ")
                    ),
                    Kind::Alias,
                ),
                Kind::Special("Generic" | "Protocol") => {
                    form(format!("{}[{}]", f.repr, inner()), Kind::Alias)
                }
                Kind::Special(_) => form(format!("{}[{}]", f.repr, inner()), Kind::Alias),
                _ => form(format!("{}[{}]", f.repr, inner()), Kind::Alias),
            }))
        }
        _ => None,
    }
}

/// `typing.Union[...]` and `typing.Optional[...]` as 3.11 prints them:
/// `Optional[X]` when the union is one type and `None`.
fn special_union(members: Vec<Value>) -> Value {
    let none_at = members.iter().position(|m| matches!(m, Value::None));
    let repr = match (members.len(), none_at) {
        (2, Some(i)) => format!("typing.Optional[{}]", type_repr(&members[1 - i])),
        _ => format!(
            "typing.Union[{}]",
            members
                .iter()
                .map(|m| match m {
                    Value::None => "NoneType".to_string(),
                    other => type_repr(other),
                })
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    Value::Native(Rc::new(TypeForm {
        repr,
        kind: Kind::Alias,
        members,
    }))
}

/// Whether a class base is a typing form that adds nothing at run time
/// here (`Protocol`, `Generic[T]`, `Protocol[T]`).
pub fn is_marker_base(v: &Value) -> bool {
    downcast::<TypeForm>(v).is_some_and(|f| {
        matches!(f.kind, Kind::Special("Protocol" | "Generic"))
            || (f.kind == Kind::Alias
                && (f.repr.starts_with("typing.Generic[")
                    || f.repr.starts_with("typing.Protocol[")))
    })
}

/// Whether a class base is `NamedTuple`.
pub fn is_named_tuple(v: &Value) -> bool {
    matches!(v, Value::Builtin("typing.NamedTuple"))
}

/// Whether a class base is `TypedDict`: the class makes plain dicts.
pub fn is_typed_dict(v: &Value) -> bool {
    matches!(v, Value::Builtin("typing.TypedDict"))
}
