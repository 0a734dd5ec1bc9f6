//! The `enum` module: `Enum`, `IntEnum`, `StrEnum`, `Flag`, `IntFlag`
//! and `auto`. A class
//! deriving from one of them turns its plain class attributes into its
//! members when it is made: singletons with `name` and `value`, found by
//! value (`Color(1)`) and by name (`Color["RED"]`), iterated in definition
//! order, printed as CPython 3.11 prints them.

mod body;
mod flag;

use crate::engine::py::types::exc::{PyResult, Unwind, error, type_error};
use crate::engine::py::types::native::{Args, Native, downcast};
use crate::engine::py::types::value::{Class, Instance, Value, py_eq};
use crate::engine::py::vm::interp::{Frame, Interp};
use body::Auto;
use flag::{bits, flag_value};
use indexmap::IndexMap;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

/// The base classes `enum` offers.
const BASES: &[&str] = &["Enum", "IntEnum", "StrEnum", "Flag", "IntFlag"];

thread_local! {
    static CLASSES: HashMap<&'static str, Rc<Class>> = build();
}

fn build() -> HashMap<&'static str, Rc<Class>> {
    let mut map = HashMap::new();
    let enum_class = Rc::new(Class {
        name: Rc::from("Enum"),
        qualname: Rc::from("Enum"),
        base: None,
        namespace: RefCell::new(methods()),
        builtin: true,
        module: "enum",
    });
    map.insert("Enum", enum_class.clone());
    for name in ["IntEnum", "StrEnum", "Flag"] {
        let mut ns = IndexMap::default();
        if name == "Flag" {
            for (m, kind) in [
                ("__or__", Kind::Bits(Bits::Or)),
                ("__and__", Kind::Bits(Bits::And)),
                ("__xor__", Kind::Bits(Bits::Xor)),
                ("__contains__", Kind::Contains),
                ("__bool__", Kind::Bool),
                ("__iter__", Kind::Iter),
                ("__invert__", Kind::Invert),
                ("__len__", Kind::Len),
            ] {
                ns.insert(Rc::from(m), Value::Native(Rc::new(Method(kind))));
            }
        }
        map.insert(
            name,
            Rc::new(Class {
                name: Rc::from(name),
                qualname: Rc::from(name),
                base: Some(enum_class.clone()),
                namespace: RefCell::new(ns),
                builtin: true,
                module: "enum",
            }),
        );
    }
    // `IntFlag`: a `Flag` whose members are ints, so an int on either
    // side of `|`, `&`, `^` combines with them.
    let mut ns = IndexMap::default();
    for (m, kind) in [
        ("__ror__", Kind::Bits(Bits::Or)),
        ("__rand__", Kind::Bits(Bits::And)),
        ("__rxor__", Kind::Bits(Bits::Xor)),
    ] {
        ns.insert(Rc::from(m), Value::Native(Rc::new(Method(kind))));
    }
    let flag = map.get("Flag").cloned();
    map.insert(
        "IntFlag",
        Rc::new(Class {
            name: Rc::from("IntFlag"),
            qualname: Rc::from("IntFlag"),
            base: flag,
            namespace: RefCell::new(ns),
            builtin: true,
            module: "enum",
        }),
    );
    map
}

fn methods() -> crate::engine::py::types::value::Namespace {
    let mut ns = IndexMap::default();
    for (name, kind) in [("__repr__", Kind::Repr), ("__str__", Kind::Str)] {
        ns.insert(Rc::from(name), Value::Native(Rc::new(Method(kind))));
    }
    ns
}

/// `enum.name`.
pub fn member(name: &str) -> Option<Value> {
    if BASES.contains(&name) {
        return CLASSES.with(|c| c.get(name).cloned()).map(Value::Class);
    }
    match name {
        "auto" => Some(Value::Builtin("enum.auto")),
        "unique" => Some(Value::Builtin("enum.unique")),
        _ => None,
    }
}

/// Calls `enum.auto()` or `enum.unique(cls)`.
pub fn call(_ix: &Interp, _f: &Frame, name: &str, mut args: Args) -> PyResult<Value> {
    match name {
        "enum.auto" => Ok(Value::Native(Rc::new(Auto::default()))),
        "enum.unique" => args
            .pos
            .pop()
            .ok_or_else(|| type_error("unique() missing 1 required positional argument")),
        _ => Err(error(
            "AttributeError",
            format!("module 'enum' has no attribute '{name}'"),
        )),
    }
}

/// Which base decides how members print.
fn flavour(class: &Class) -> &'static str {
    if class.derives_from("IntEnum") {
        "IntEnum"
    } else if class.derives_from("IntFlag") {
        "IntFlag"
    } else if class.derives_from("StrEnum") {
        "StrEnum"
    } else if class.derives_from("Flag") {
        "Flag"
    } else {
        "Enum"
    }
}

/// What an enum class holds beyond its namespace: its members in order.
struct Members(RefCell<Vec<Value>>);

impl Native for Members {
    fn type_name(&self) -> &str {
        "mappingproxy"
    }
}

/// The members of an enum class, if it is one, as iterating it gives them:
/// a flag class's are those of one bit (3.11 counts zero and combinations
/// as aliases).
pub fn members(class: &Class) -> Option<Vec<Value>> {
    let all = all_members(class)?;
    if !class.derives_from("Flag") {
        return Some(all);
    }
    Some(
        all.into_iter()
            .filter(|m| bits(m).is_some_and(|b| b.count_ones() == 1))
            .collect(),
    )
}

/// Every member of an enum class (aliases aside), in definition order.
fn all_members(class: &Class) -> Option<Vec<Value>> {
    if !class.derives_from("Enum") {
        return None;
    }
    let m = class.namespace.borrow().get("_member_list_").cloned()?;
    downcast::<Members>(&m).map(|m| m.0.borrow().clone())
}

/// `Color.__members__`: every member by name, aliases too, in
/// definition order.
pub fn members_by_name(class: &Class) -> Value {
    let all = all_members(class).unwrap_or_default();
    let dict: crate::engine::py::types::value::Dict = class
        .namespace
        .borrow()
        .iter()
        .filter(|(_, v)| {
            all.iter()
                .any(|m| crate::engine::py::types::value::is_same(m, v))
        })
        .map(|(k, v)| {
            (
                crate::engine::py::types::value::Key(Value::Str(k.clone())),
                v.clone(),
            )
        })
        .collect();
    Value::Dict(Rc::new(RefCell::new(dict)))
}

/// Makes the members of a new enum class: each plain class attribute
/// becomes an instance holding its name and value.
pub fn finish(ix: &Interp, f: &Frame, class: &Rc<Class>) -> PyResult<()> {
    if !class.derives_from("Enum") || class.builtin {
        return Ok(());
    }
    if all_members(class.base.as_ref().expect("derives from Enum")).is_some_and(|m| !m.is_empty()) {
        return Err(type_error(format!(
            "{}: cannot extend {}",
            class.name,
            class.base.as_ref().map_or("", |b| &b.name)
        )));
    }
    let kind = flavour(class);
    let entries: Vec<(Rc<str>, Value)> = class
        .namespace
        .borrow()
        .iter()
        .filter(|(k, v)| {
            !k.starts_with('_')
                && !matches!(v, Value::Function(_))
                && (body::is_member_value(v) || !matches!(v, Value::Native(_)))
        })
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let mut made: Vec<Value> = Vec::new();
    let last_int = Cell::new(0i64);
    let max_int = Cell::new(0i64);
    // A `_generate_next_value_(name, start, count, last_values)` of the
    // class's own chooses the `auto()` values.
    let generate = class
        .namespace
        .borrow()
        .get("_generate_next_value_")
        .filter(|g| matches!(g, Value::Function(_)))
        .cloned();
    let mut last_values: Vec<Value> = Vec::new();
    for (name, mut value) in entries {
        ix.step()?;
        if let Some(auto) = downcast::<Auto>(&value) {
            let list = Value::List(Rc::new(RefCell::new(last_values.clone())));
            let at = Value::Int(last_values.len() as i64);
            value = match kind {
                _ if let Some(g) = &generate => ix.call(
                    f,
                    g,
                    Args::positional(vec![Value::Str(name.clone()), Value::Int(1), at, list]),
                )?,
                "StrEnum" => Value::str(&name.to_lowercase()),
                // The power of two above the highest value so far.
                "Flag" | "IntFlag" if made.is_empty() => Value::Int(1),
                "Flag" | "IntFlag" => {
                    Value::Int(1i64 << (64 - max_int.get().leading_zeros()).min(62))
                }
                _ => Value::Int(last_int.get() + 1),
            };
            *auto.0.borrow_mut() = Some(value.clone());
        } else if body::is_member_value(&value) {
            value = body::resolve(&value);
        }
        last_values.push(value.clone());
        if let Value::Int(i) = value {
            last_int.set(i);
            max_int.set(max_int.get().max(i));
        }
        match kind {
            "IntEnum" | "IntFlag" if !matches!(value, Value::Int(_) | Value::Bool(_)) => {
                value = ix.call(f, &Value::Type("int"), Args::positional(vec![value]))?;
            }
            "StrEnum" if !matches!(value, Value::Str(_)) => {
                return Err(type_error(format!("{} is not a string", value.repr())));
            }
            _ => {}
        }
        // A repeated value makes an alias of the first member.
        let existing = made.iter().find(|m| {
            matches!(m, Value::Instance(i) if i.attrs.dict().borrow().get("value").is_some_and(|v| py_eq(v, &value)))
        });
        let member = match existing {
            Some(m) => m.clone(),
            None => {
                let mut attrs = IndexMap::new();
                attrs.insert(Rc::from("_value_"), value.clone());
                attrs.insert(Rc::from("_name_"), Value::Str(name.clone()));
                attrs.insert(Rc::from("name"), Value::Str(name.clone()));
                attrs.insert(Rc::from("value"), value);
                let m = Value::Instance(Rc::new(Instance {
                    class: class.clone(),
                    attrs: crate::engine::py::types::value::new_attrs(attrs),
                    exc: None,
                }));
                made.push(m.clone());
                m
            }
        };
        class.namespace.borrow_mut().insert(name, member);
    }
    class.namespace.borrow_mut().insert(
        "_member_list_".into(),
        Value::Native(Rc::new(Members(RefCell::new(made)))),
    );
    Ok(())
}

/// `Color(value)`: the member with that value, else what the class's
/// `_missing_` finds.
pub fn by_value(ix: &Interp, f: &Frame, class: &Rc<Class>, args: &Args) -> Option<PyResult<Value>> {
    match find_by_value(class, args)? {
        Err(Unwind::Exc(not_valid)) if class.lookup("_missing_").is_some() => {
            let v = args.pos[0].clone();
            Some(body::missing(ix, f, class, v, not_valid))
        }
        found => Some(found),
    }
}

fn find_by_value(class: &Rc<Class>, args: &Args) -> Option<PyResult<Value>> {
    let all = all_members(class)?;
    let [v] = args.pos.as_slice() else {
        return Some(Err(type_error(format!(
            "{}() takes exactly one argument",
            class.name
        ))));
    };
    // A flag's value may combine members.
    if class.derives_from("Flag")
        && let Value::Int(n) = v
    {
        return Some(flag_value(class, *n));
    }
    Some(
        all.into_iter()
            .find(|m| matches!(m, Value::Instance(i) if i.attrs.dict().borrow().get("value").is_some_and(|x| py_eq(x, v))))
            .ok_or_else(|| {
                error(
                    "ValueError",
                    format!("{} is not a valid {}", v.repr(), class.qualname),
                )
            }),
    )
}

/// `Color["RED"]`: the member with that name.
pub fn by_name(class: &Class, key: &Value) -> Option<PyResult<Value>> {
    let all = all_members(class)?;
    let Value::Str(k) = key else {
        return Some(Err(error("KeyError", key.repr())));
    };
    let found = class.namespace.borrow().get(&**k).cloned();
    Some(match found {
        Some(m)
            if all
                .iter()
                .any(|x| crate::engine::py::types::value::is_same(x, &m)) =>
        {
            Ok(m)
        }
        _ => Err(crate::engine::py::types::exc::Unwind::Exc(
            crate::engine::py::types::exc::instance(
                crate::engine::py::types::exc::class("KeyError").expect("built in"),
                vec![key.clone()],
            ),
        )),
    })
}

#[derive(Clone, Copy)]
enum Kind {
    Repr,
    Str,
    Bits(Bits),
    Contains,
    Bool,
    Iter,
    Invert,
    Len,
}

#[derive(Clone, Copy)]
enum Bits {
    Or,
    And,
    Xor,
}

/// `__repr__` and `__str__` of members, as 3.11 prints them.
struct Method(Kind);

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

    fn call(self: Rc<Self>, ix: &Rc<Interp>, cx: &Frame, args: Args) -> Option<PyResult<Value>> {
        let Some(Value::Instance(i)) = args.pos.first() else {
            return Some(Err(type_error("an enum method needs its member")));
        };
        let dict = i.attrs.dict();
        let attrs = dict.borrow();
        let unnamed = matches!(attrs.get("name"), Some(Value::None));
        let name = attrs.get("name").map(Value::to_str).unwrap_or_default();
        let value = attrs.get("value").cloned().unwrap_or(Value::None);
        drop(attrs);
        let class = &i.class;
        let mine = bits(&args.pos[0]).unwrap_or(0);
        let other = || {
            args.pos
                .get(1)
                .filter(|o| matches!(o, Value::Instance(j) if Rc::ptr_eq(&j.class, class)))
                .and_then(bits)
        };
        // An `IntFlag` combines with any int as well.
        let int_flag = flavour(class) == "IntFlag";
        let operand = || match args.pos.get(1) {
            Some(Value::Int(n)) if int_flag => Some(*n),
            Some(Value::Bool(b)) if int_flag => Some(i64::from(*b)),
            Some(Value::Instance(j))
                if int_flag
                    && (j.class.derives_from("IntFlag") || j.class.derives_from("IntEnum")) =>
            {
                bits(&args.pos[1])
            }
            _ => other(),
        };
        Some(match self.0 {
            Kind::Repr if unnamed => Ok(Value::str(&format!(
                "<{}: {}>",
                class.qualname,
                value.repr()
            ))),
            Kind::Str if unnamed && !int_flag => {
                Ok(Value::str(&format!("{}({})", class.qualname, value.repr())))
            }
            Kind::Bits(op) => match operand() {
                Some(b) => flag_value(
                    class,
                    match op {
                        Bits::Or => mine | b,
                        Bits::And => mine & b,
                        Bits::Xor => mine ^ b,
                    },
                ),
                None => Ok(Value::Builtin("NotImplemented")),
            },
            // `~`: a `Flag`'s other members, an `IntFlag`'s `~value` (which
            // counts from the top of its bits).
            Kind::Invert if int_flag => flag_value(class, !mine),
            Kind::Invert => {
                let singles = members(class)
                    .unwrap_or_default()
                    .iter()
                    .filter_map(bits)
                    .fold(0, |a, b| a | b);
                flag_value(class, singles & !mine)
            }
            Kind::Len => Ok(Value::Int(i64::from(mine.count_ones()))),
            Kind::Contains => match other() {
                Some(b) => Ok(Value::Bool(mine & b == b)),
                None => Err(type_error(format!(
                    "unsupported operand type(s) for 'in': '{}' and '{}'",
                    args.pos.get(1).map_or("None", |v| v.type_name()),
                    class.name
                ))),
            },
            Kind::Bool => Ok(Value::Bool(mine != 0)),
            Kind::Iter => {
                let single: Vec<Value> = all_members(class)
                    .unwrap_or_default()
                    .into_iter()
                    .filter(|m| bits(m).is_some_and(|b| b.count_ones() == 1 && mine & b == b))
                    .collect();
                ix.iter(cx, &Value::list(single))
            }
            Kind::Repr => ix
                .repr(cx, &value)
                .map(|v| Value::str(&format!("<{}.{name}: {v}>", class.qualname))),
            Kind::Str => match flavour(class) {
                "IntEnum" | "StrEnum" | "IntFlag" => ix.str(cx, &value).map(|s| Value::str(&s)),
                _ => Ok(Value::str(&format!("{}.{name}", class.qualname))),
            },
        })
    }
}
