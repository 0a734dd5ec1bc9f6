//! `datetime.timezone`: a fixed offset from UTC with an optional name, as
//! CPython 3.11 makes, prints and compares it; `timezone.utc` is one
//! object for the run.

use super::text::repr as delta_repr;
use super::{DAY, Type, value_of};
use crate::engine::py::types::exc::{PyResult, error, type_error};
use crate::engine::py::types::native::{Args, Native};
use crate::engine::py::types::ops;
use crate::engine::py::types::value::{Class, Instance, Value};
use crate::engine::py::vm::interp::{Frame, Interp};
use crate::program::CmpOp;
use indexmap::IndexMap;
use std::rc::Rc;

thread_local! {
    static CLASS: Rc<Class> = build();
    static UTC: Value = make(0, None);
}

/// The `timezone` class.
pub fn class() -> Rc<Class> {
    CLASS.with(Rc::clone)
}

/// `timezone.utc`.
pub fn utc() -> Value {
    UTC.with(Value::clone)
}

fn build() -> Rc<Class> {
    let mut ns = IndexMap::default();
    for (name, kind) in [
        ("__init__", Kind::Init),
        ("__repr__", Kind::Repr),
        ("__str__", Kind::Str),
        ("__eq__", Kind::Eq),
        ("__hash__", Kind::Hash),
        ("utcoffset", Kind::UtcOffset),
        ("tzname", Kind::Str),
        ("dst", Kind::Dst),
    ] {
        ns.insert(Rc::from(name), Value::Native(Rc::new(Method(kind))));
    }
    super::module_class("timezone", Some(super::tzinfo::class()), ns)
}

/// A `timezone` of this offset without a name (`timezone.utc` for 0).
pub fn fixed(offset: i64) -> Value {
    if offset == 0 {
        utc()
    } else {
        make(offset, None)
    }
}

fn make(offset: i64, name: Option<Rc<str>>) -> Value {
    let mut attrs = IndexMap::new();
    attrs.insert(Rc::from("_offset"), Value::Int(offset));
    attrs.insert(Rc::from("_name"), name.map_or(Value::None, Value::Str));
    Value::Instance(Rc::new(Instance {
        class: class(),
        attrs: crate::engine::py::types::value::new_attrs(attrs),
        exc: None,
    }))
}

/// `op` between two instants, each a value and its zone's UTC offset
/// (`None` when naive), as CPython compares times and datetimes: a naive
/// one and an aware one are unequal, and cannot be ordered.
pub fn compare(
    op: CmpOp,
    (v, off): (i64, Option<i64>),
    (w, other): (i64, Option<i64>),
    what: &str,
) -> PyResult<Value> {
    if off.is_some() != other.is_some() {
        return match op {
            CmpOp::Eq => Ok(Value::Bool(false)),
            CmpOp::Ne => Ok(Value::Bool(true)),
            _ => Err(type_error(format!(
                "can't compare offset-naive and offset-aware {what}"
            ))),
        };
    }
    let (v, w) = (v - off.unwrap_or(0), w - other.unwrap_or(0));
    Ok(Value::Bool(ops::ordered(op, v.cmp(&w))))
}

/// The offset of a `timezone`, in microseconds; `None` for anything else.
pub fn offset(tz: &Value) -> Option<i64> {
    match tz {
        Value::Instance(i) if Rc::ptr_eq(&i.class, &class()) => {
            match i.attrs.dict().borrow().get("_offset") {
                Some(Value::Int(n)) => Some(*n),
                _ => None,
            }
        }
        _ => None,
    }
}

fn name(tz: &Value) -> Option<Rc<str>> {
    match tz {
        Value::Instance(i) => match i.attrs.dict().borrow().get("_name") {
            Some(Value::Str(s)) => Some(s.clone()),
            _ => None,
        },
        _ => None,
    }
}

/// `tzname()`: the name it was given, else `UTC` or `UTC+HH:MM`.
pub fn tzname(tz: &Value) -> String {
    match (name(tz), offset(tz)) {
        (Some(n), _) => n.to_string(),
        (None, Some(0) | None) => "UTC".into(),
        (None, Some(off)) => format!("UTC{}", offset_text(off, ":")),
    }
}

/// An offset as `isoformat` (`sep` `:`) and `%z` (no `sep`) write it:
/// `+HH<sep>MM`, then `<sep>SS` and `.ffffff` when not zero.
pub fn offset_text(off: i64, sep: &str) -> String {
    let sign = if off < 0 { '-' } else { '+' };
    let off = off.unsigned_abs();
    let (secs, micros) = (off / 1_000_000, off % 1_000_000);
    let mut out = format!("{sign}{:02}{sep}{:02}", secs / 3600, secs / 60 % 60);
    if secs % 60 != 0 || micros != 0 {
        out.push_str(&format!("{sep}{:02}", secs % 60));
    }
    if micros != 0 {
        out.push_str(&format!(".{micros:06}"));
    }
    out
}

/// `timezone(offset, name=None)`.
fn init(this: &Value, args: Args) -> PyResult<Value> {
    let b =
        crate::engine::py::builtins::args::bind_clinic(args, "timezone", &["offset", "name"], 1)?;
    let given = b[0].clone().unwrap_or(Value::None);
    let off = match value_of(&given) {
        Some((Type::Timedelta, v)) => v,
        _ => {
            return Err(type_error(format!(
                "timezone() argument 1 must be datetime.timedelta, not {}",
                given.type_name()
            )));
        }
    };
    if off.abs() >= DAY {
        return Err(error(
            "ValueError",
            format!(
                "offset must be a timedelta strictly between -timedelta(hours=24) and \
                 timedelta(hours=24), not {}.",
                delta_repr(Type::Timedelta, off)
            ),
        ));
    }
    let name = match b[1].clone() {
        None => None,
        Some(Value::Str(s)) => Some(s),
        Some(other) => {
            return Err(type_error(format!(
                "timezone() argument 2 must be str, not {}",
                other.type_name()
            )));
        }
    };
    if let (Value::Instance(i), Value::Instance(m)) = (this, make(off, name)) {
        *i.attrs.dict().borrow_mut() = m.attrs.dict().borrow().clone();
    }
    Ok(Value::None)
}

#[derive(Clone, Copy)]
enum Kind {
    Init,
    Repr,
    Str,
    Eq,
    Hash,
    UtcOffset,
    Dst,
}

/// A method of `timezone`.
struct Method(Kind);

impl Native for Method {
    fn type_name(&self) -> &str {
        "method_descriptor"
    }

    fn is_callable(&self) -> bool {
        true
    }

    fn binds(&self) -> bool {
        true
    }

    fn call(
        self: Rc<Self>,
        _ix: &Rc<Interp>,
        _cx: &Frame,
        mut args: Args,
    ) -> Option<PyResult<Value>> {
        if args.pos.is_empty() {
            return Some(Err(type_error("a timezone method needs its object")));
        }
        let this = args.pos.remove(0);
        if let Kind::Init = self.0 {
            return Some(init(&this, args));
        }
        let off = offset(&this)?;
        Some(match self.0 {
            Kind::Repr => Ok(Value::str(&match name(&this) {
                None if off == 0 => "datetime.timezone.utc".to_string(),
                None => format!("datetime.timezone({})", delta_repr(Type::Timedelta, off)),
                Some(n) => format!(
                    "datetime.timezone({}, {})",
                    delta_repr(Type::Timedelta, off),
                    Value::Str(n).repr()
                ),
            })),
            Kind::Str => Ok(Value::str(&tzname(&this))),
            Kind::Eq => Ok(match args.pos.first().and_then(offset) {
                Some(o) => Value::Bool(o == off),
                None => Value::Builtin("NotImplemented"),
            }),
            Kind::Hash => Ok(Value::Int(off)),
            Kind::UtcOffset => super::timedelta(off),
            Kind::Dst => Ok(Value::None),
            Kind::Init => unreachable!("handled above"),
        })
    }
}
