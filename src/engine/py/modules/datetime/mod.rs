//! `datetime`: `timedelta`, `date`, `datetime` (naive, or aware in a fixed
//! `timezone`), as CPython 3.11 prints, compares and computes them. The
//! clock (`datetime.now()`, `today()`, `utcnow()`, `date.today()`) is the
//! run's wall clock: the Unix epoch plus the virtual time, in UTC, as
//! `time.time()` reads it; the local time zone is UTC.
//!
//! Each type is a class of the `datetime` module whose methods are
//! natives ([`methods`]); an instance keeps its value in microseconds (a
//! `timedelta`'s length, a `datetime`'s time since the epoch) or days (a
//! `date`'s), with the fields as its attributes.

mod clock;
mod make;
mod methods;
mod strptime;
mod text;
mod tzinfo;
mod zone;

use crate::engine::py::types::exc::{PyResult, error};
use crate::engine::py::types::native::Args;
use crate::engine::py::types::value::Namespace;
use crate::engine::py::types::value::{Class, Instance, Value};
use crate::engine::py::vm::interp::{Frame, Interp};
use indexmap::IndexMap;
use std::collections::HashMap;
use std::rc::Rc;

use super::time::calendar::{Tm, days_from_civil};

/// Microseconds in a day.
pub const DAY: i64 = 86_400_000_000;

/// The three types.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Type {
    Timedelta,
    Date,
    Datetime,
}

impl Type {
    fn name(self) -> &'static str {
        match self {
            Type::Timedelta => "timedelta",
            Type::Date => "date",
            Type::Datetime => "datetime",
        }
    }
}

thread_local! {
    static CLASSES: HashMap<Type, Rc<Class>> = [Type::Timedelta, Type::Date, Type::Datetime]
        .into_iter()
        .map(|t| (t, methods::class(t)))
        .collect();
}

/// The class of a type.
pub fn class(t: Type) -> Rc<Class> {
    CLASSES.with(|c| c[&t].clone())
}

/// The type and value of a `datetime` module object.
pub fn value_of(v: &Value) -> Option<(Type, i64)> {
    let Value::Instance(i) = v else { return None };
    let t = [Type::Timedelta, Type::Date, Type::Datetime]
        .into_iter()
        .find(|t| Rc::ptr_eq(&i.class, &class(*t)))?;
    match i.attrs.dict().borrow().get("_value") {
        Some(Value::Int(n)) => Some((t, *n)),
        _ => None,
    }
}

/// The range of dates: 0001-01-01 to 9999-12-31, in days from the epoch.
const MIN_DAYS: i64 = -719_162;
const MAX_DAYS: i64 = 2_932_896;

/// A new `timedelta` of `micros` (an `i64` of microseconds spans about
/// 106 million days, inside CPython's 999999999).
pub fn timedelta(micros: i64) -> PyResult<Value> {
    let days = micros.div_euclid(DAY);
    let rest = micros.rem_euclid(DAY);
    Ok(make(
        Type::Timedelta,
        micros,
        &[
            ("days", days),
            ("seconds", rest / 1_000_000),
            ("microseconds", rest % 1_000_000),
        ],
    ))
}

/// A new `date`, `days` after 1970-01-01.
pub fn date(days: i64) -> PyResult<Value> {
    if !(MIN_DAYS..=MAX_DAYS).contains(&days) {
        return Err(error("OverflowError", "date value out of range"));
    }
    let tm = Tm::from_micros(days * DAY);
    Ok(make(
        Type::Date,
        days,
        &[
            ("year", tm.year),
            ("month", i64::from(tm.month)),
            ("day", i64::from(tm.day)),
        ],
    ))
}

/// A new naive `datetime`, `micros` after 1970-01-01 00:00.
pub fn datetime(micros: i64) -> PyResult<Value> {
    if !(MIN_DAYS * DAY..(MAX_DAYS + 1) * DAY).contains(&micros) {
        return Err(error("OverflowError", "date value out of range"));
    }
    let tm = Tm::from_micros(micros);
    Ok(make(
        Type::Datetime,
        micros,
        &[
            ("year", tm.year),
            ("month", i64::from(tm.month)),
            ("day", i64::from(tm.day)),
            ("hour", i64::from(tm.hour)),
            ("minute", i64::from(tm.minute)),
            ("second", i64::from(tm.second)),
            ("microsecond", i64::from(tm.micro)),
        ],
    ))
}

/// A new `datetime` whose fields are `micros` after 1970-01-01 00:00, in
/// the time zone `tz` (`None`: naive).
pub fn datetime_in(micros: i64, tz: Value) -> PyResult<Value> {
    let v = datetime(micros)?;
    if let Value::Instance(i) = &v {
        i.set_attr(Rc::from("_key"), key(micros, &tz));
        i.set_attr(Rc::from("tzinfo"), tz);
    }
    Ok(v)
}

/// Makes a class's instances hash and compare, as dict keys and set
/// members, by their `_key` (see [`key`]), as a dataclass's by its fields.
/// A built-in class of the module: `name` (deriving from `base`), its
/// methods in `ns`.
fn module_class(name: &str, base: Option<Rc<Class>>, ns: Namespace) -> Rc<Class> {
    Rc::new(Class {
        name: Rc::from(name),
        qualname: Rc::from(name),
        base,
        namespace: std::cell::RefCell::new(ns),
        builtin: true,
        module: "datetime",
    })
}

/// The rich comparisons' special methods.
const COMPARISONS: [(&str, crate::program::CmpOp); 6] = [
    ("__eq__", crate::program::CmpOp::Eq),
    ("__ne__", crate::program::CmpOp::Ne),
    ("__lt__", crate::program::CmpOp::Lt),
    ("__le__", crate::program::CmpOp::Le),
    ("__gt__", crate::program::CmpOp::Gt),
    ("__ge__", crate::program::CmpOp::Ge),
];

fn hash_by_key(ns: &mut Namespace) {
    ns.insert(
        Rc::from("__dataclass_hash__"),
        Value::tuple(vec![Value::str("_key")]),
    );
}

/// What a value `v` (microseconds) in the zone `tz` is equal to as a key:
/// the value itself when naive; the instant in UTC, marked aware, in a
/// `timezone`; the value and the zone itself in a `tzinfo` of the
/// program's own (whose offset only its code can tell).
pub fn key(v: i64, tz: &Value) -> Value {
    match (tz, zone::offset(tz)) {
        (Value::None, _) => Value::tuple(vec![Value::Int(v), Value::None]),
        (_, Some(off)) => Value::tuple(vec![Value::Int(v - off), Value::Bool(true)]),
        (other, None) => Value::tuple(vec![Value::Int(v), other.clone()]),
    }
}

/// A `datetime`'s `tzinfo` (`None` for a naive one or another type).
pub fn tz_of(v: &Value) -> Value {
    match v {
        Value::Instance(i) => i
            .attrs
            .dict()
            .borrow()
            .get("tzinfo")
            .cloned()
            .unwrap_or(Value::None),
        _ => Value::None,
    }
}

fn make(t: Type, value: i64, fields: &[(&str, i64)]) -> Value {
    let mut attrs = IndexMap::new();
    attrs.insert(Rc::from("_value"), Value::Int(value));
    attrs.insert(
        Rc::from("_key"),
        match t {
            Type::Datetime => key(value, &Value::None),
            _ => Value::Int(value),
        },
    );
    for (name, v) in fields {
        attrs.insert(Rc::from(*name), Value::Int(*v));
    }
    if t == Type::Datetime {
        attrs.insert(Rc::from("tzinfo"), Value::None);
    }
    Value::Instance(Rc::new(Instance {
        class: class(t),
        attrs: crate::engine::py::types::value::new_attrs(attrs),
        exc: None,
    }))
}

/// `a + b` of microseconds, or CPython's `OverflowError`.
pub fn sum(a: i64, b: i64) -> PyResult<i64> {
    a.checked_add(b)
        .ok_or_else(|| error("OverflowError", "date value out of range"))
}

/// Days from the epoch of a checked `year-month-day`.
pub fn checked_days(year: i64, month: i64, day: i64) -> PyResult<i64> {
    if !(1..=9999).contains(&year) {
        return Err(error("ValueError", format!("year {year} is out of range")));
    }
    if !(1..=12).contains(&month) {
        return Err(error("ValueError", "month must be in 1..12"));
    }
    let last = i64::from(super::time::calendar::days_in_month(year, month as u32));
    if !(1..=last).contains(&day) {
        return Err(error("ValueError", "day is out of range for month"));
    }
    Ok(days_from_civil(year, month as u32, day as u32))
}

/// `datetime.NAME`.
pub fn member(name: &str) -> Option<Value> {
    let t = match name {
        "timedelta" => Type::Timedelta,
        "date" => Type::Date,
        "datetime" => Type::Datetime,
        "timezone" => {
            let c = zone::class();
            if !c.namespace.borrow().contains_key("utc") {
                c.namespace
                    .borrow_mut()
                    .insert(Rc::from("utc"), zone::utc());
            }
            return Some(Value::Class(c));
        }
        "UTC" => return Some(zone::utc()),
        "tzinfo" => return Some(Value::Class(tzinfo::class())),
        "time" => {
            let c = clock::class();
            limits(&c, || {
                Ok([
                    clock::time(0, Value::None),
                    clock::time(DAY - 1, Value::None),
                    timedelta(1)?,
                ])
            });
            return Some(Value::Class(c));
        }
        "MINYEAR" => return Some(Value::Int(1)),
        "MAXYEAR" => return Some(Value::Int(9999)),
        _ => return None,
    };
    let c = class(t);
    limits(&c, || {
        Ok(match t {
            Type::Date => [date(MIN_DAYS)?, date(MAX_DAYS)?, timedelta(DAY)?],
            Type::Datetime => [
                datetime(MIN_DAYS * DAY)?,
                datetime((MAX_DAYS + 1) * DAY - 1)?,
                timedelta(1)?,
            ],
            // `timedelta.min` and `max` (999999999 days) do not fit in the
            // microseconds a `timedelta` holds here.
            Type::Timedelta => return Ok([Value::None, Value::None, timedelta(1)?]),
        })
    });
    Some(Value::Class(c))
}

/// Sets a class's `min`, `max` and `resolution` on first use (a `None`
/// is left out).
fn limits(c: &Rc<Class>, make: impl FnOnce() -> PyResult<[Value; 3]>) {
    if c.namespace.borrow().contains_key("resolution") {
        return;
    }
    let Ok(values) = make() else { return };
    let mut ns = c.namespace.borrow_mut();
    for (name, v) in ["min", "max", "resolution"].into_iter().zip(values) {
        if !matches!(v, Value::None) {
            ns.insert(Rc::from(name), v);
        }
    }
}

/// Calls `datetime.NAME` (the module has no functions of its own).
pub fn call(ix: &Interp, f: &Frame, name: &str, args: Args) -> PyResult<Value> {
    ix.pure_builtin(f, name, args)
}
