//! The methods of `timedelta`, `date` and `datetime`: construction, the
//! clock, printing (`repr`, `str`, `isoformat`, `strftime`), arithmetic
//! and comparison.

use super::text::{delta_str, from_iso, iso, repr, strftime};
use super::{DAY, Type, checked_days, date, datetime, sum, timedelta, value_of};
use crate::engine::py::types::exc::{PyResult, error, type_error};
use crate::engine::py::types::native::{Args, Native};
use crate::engine::py::types::ops;
use crate::engine::py::types::value::{Class, Value};
use crate::engine::py::vm::interp::{Frame, Interp};
use crate::program::CmpOp;
use indexmap::IndexMap;
use std::cell::RefCell;
use std::rc::Rc;

#[derive(Clone, Copy)]
enum Kind {
    Init,
    Repr,
    Str,
    Format,
    Cmp(CmpOp),
    Hash,
    Add,
    Sub,
    RSub,
    Mul,
    TrueDiv,
    FloorDiv,
    Neg,
    Abs,
    Bool,
    TotalSeconds,
    IsoFormat,
    Strftime,
    Date,
    Weekday,
    IsoWeekday,
    Timestamp,
    // Class methods: they do not bind.
    Now,
    UtcNow,
    FromIsoFormat,
    FromTimestamp,
}

/// A method of one of the types.
struct Method(Type, Kind);

/// The class of `t`, its methods in its namespace.
pub fn class(t: Type) -> Rc<Class> {
    let mut ns = IndexMap::new();
    let mut add = |name: &str, kind: Kind| {
        ns.insert(Rc::from(name), Value::Native(Rc::new(Method(t, kind))));
    };
    for (name, kind) in [
        ("__init__", Kind::Init),
        ("__repr__", Kind::Repr),
        ("__str__", Kind::Str),
        ("__format__", Kind::Format),
        ("__eq__", Kind::Cmp(CmpOp::Eq)),
        ("__ne__", Kind::Cmp(CmpOp::Ne)),
        ("__lt__", Kind::Cmp(CmpOp::Lt)),
        ("__le__", Kind::Cmp(CmpOp::Le)),
        ("__gt__", Kind::Cmp(CmpOp::Gt)),
        ("__ge__", Kind::Cmp(CmpOp::Ge)),
        ("__hash__", Kind::Hash),
        ("__add__", Kind::Add),
        ("__radd__", Kind::Add),
        ("__sub__", Kind::Sub),
        ("__rsub__", Kind::RSub),
    ] {
        add(name, kind);
    }
    match t {
        Type::Timedelta => {
            for (name, kind) in [
                ("__mul__", Kind::Mul),
                ("__rmul__", Kind::Mul),
                ("__truediv__", Kind::TrueDiv),
                ("__floordiv__", Kind::FloorDiv),
                ("__neg__", Kind::Neg),
                ("__abs__", Kind::Abs),
                ("__bool__", Kind::Bool),
                ("total_seconds", Kind::TotalSeconds),
            ] {
                add(name, kind);
            }
        }
        Type::Date | Type::Datetime => {
            for (name, kind) in [
                ("isoformat", Kind::IsoFormat),
                ("strftime", Kind::Strftime),
                ("weekday", Kind::Weekday),
                ("isoweekday", Kind::IsoWeekday),
                ("today", Kind::Now),
                ("fromisoformat", Kind::FromIsoFormat),
                ("fromtimestamp", Kind::FromTimestamp),
            ] {
                add(name, kind);
            }
            if t == Type::Datetime {
                add("date", Kind::Date);
                add("timestamp", Kind::Timestamp);
                add("now", Kind::Now);
                add("utcnow", Kind::UtcNow);
            }
        }
    }
    Rc::new(Class {
        name: Rc::from(t.name()),
        qualname: Rc::from(t.name()),
        base: None,
        namespace: RefCell::new(ns),
        builtin: true,
        module: "datetime",
    })
}

impl Native for Method {
    fn type_name(&self) -> &str {
        if self.binds() {
            "method_descriptor"
        } else {
            "builtin_function_or_method"
        }
    }

    fn is_callable(&self) -> bool {
        true
    }

    fn binds(&self) -> bool {
        !matches!(
            self.1,
            Kind::Now | Kind::UtcNow | Kind::FromIsoFormat | Kind::FromTimestamp
        )
    }

    fn call(self: Rc<Self>, ix: &Rc<Interp>, _cx: &Frame, args: Args) -> Option<PyResult<Value>> {
        Some(self.run(ix, args))
    }
}

/// `NotImplemented`, for an operand of another type.
fn not_implemented() -> PyResult<Value> {
    Ok(Value::Builtin("NotImplemented"))
}

/// An integer argument (a `datetime` field).
fn int_arg(v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(n) => Ok(*n),
        Value::Bool(b) => Ok(i64::from(*b)),
        other => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            other.type_name()
        ))),
    }
}

impl Method {
    fn run(&self, ix: &Interp, mut args: Args) -> PyResult<Value> {
        let (t, kind) = (self.0, self.1);
        match kind {
            Kind::Now | Kind::UtcNow => {
                if !args.pos.is_empty() || !args.kw.is_empty() {
                    return Err(crate::engine::py::types::exc::unsupported(
                        "datetime.now(tz) (the run's clock is naive, in UTC)",
                    ));
                }
                let micros = (ix.clock_now() * 1e6).round() as i64;
                return match t {
                    Type::Date => date(micros.div_euclid(DAY)),
                    _ => datetime(micros),
                };
            }
            Kind::FromTimestamp => {
                let s = args
                    .pos
                    .first()
                    .and_then(ops::float)
                    .ok_or_else(|| type_error("fromtimestamp() takes a number of seconds"))?;
                let micros = (s * 1e6).round() as i64;
                return match t {
                    Type::Date => date(micros.div_euclid(DAY)),
                    _ => datetime(micros),
                };
            }
            Kind::FromIsoFormat => {
                let Some(Value::Str(s)) = args.pos.first() else {
                    return Err(type_error("fromisoformat: argument must be str"));
                };
                return from_iso(t, s);
            }
            _ => {}
        }
        if args.pos.is_empty() {
            return Err(type_error("a datetime method needs its object"));
        }
        let this = args.pos.remove(0);
        if let Kind::Init = kind {
            return init(t, &this, args);
        }
        let Some((_, v)) = value_of(&this) else {
            return Err(type_error("a datetime method needs its object"));
        };
        let other = args.pos.first().cloned();
        let other_v = other.as_ref().and_then(value_of);
        match kind {
            Kind::Repr => Ok(Value::str(&repr(t, v))),
            Kind::Str => Ok(Value::str(&match t {
                Type::Timedelta => delta_str(v),
                _ => iso(t, v, " "),
            })),
            Kind::Format => match &other {
                Some(Value::Str(s)) if !s.is_empty() && t != Type::Timedelta => {
                    Ok(Value::str(&strftime(t, v, s)))
                }
                Some(Value::Str(s)) if s.is_empty() => Ok(Value::str(&match t {
                    Type::Timedelta => delta_str(v),
                    _ => iso(t, v, " "),
                })),
                _ => Err(type_error(format!(
                    "unsupported format string passed to {}.__format__",
                    t.name()
                ))),
            },
            Kind::Cmp(op) => match other_v {
                Some((ot, w)) if ot == t => Ok(Value::Bool(match op {
                    CmpOp::Eq => v == w,
                    CmpOp::Ne => v != w,
                    CmpOp::Lt => v < w,
                    CmpOp::Le => v <= w,
                    CmpOp::Gt => v > w,
                    _ => v >= w,
                })),
                _ => not_implemented(),
            },
            Kind::Hash => Ok(Value::Int(v)),
            Kind::Add => match (t, other_v) {
                (Type::Timedelta, Some((Type::Timedelta, w))) => timedelta(sum(v, w)?),
                (Type::Datetime, Some((Type::Timedelta, w))) => datetime(sum(v, w)?),
                (Type::Date, Some((Type::Timedelta, w))) => date(v + w.div_euclid(DAY)),
                (Type::Timedelta, Some((Type::Datetime, w))) => datetime(sum(v, w)?),
                (Type::Timedelta, Some((Type::Date, w))) => date(w + v.div_euclid(DAY)),
                _ => not_implemented(),
            },
            Kind::Sub => match (t, other_v) {
                (Type::Timedelta, Some((Type::Timedelta, w))) => timedelta(sum(v, -w)?),
                (Type::Datetime, Some((Type::Timedelta, w))) => datetime(sum(v, -w)?),
                (Type::Date, Some((Type::Timedelta, w))) => date(v - w.div_euclid(DAY)),
                (Type::Datetime, Some((Type::Datetime, w))) => timedelta(v - w),
                (Type::Date, Some((Type::Date, w))) => timedelta((v - w) * DAY),
                _ => not_implemented(),
            },
            // `other - self` where only `self` is ours: nothing we know.
            Kind::RSub => not_implemented(),
            Kind::Mul => match &other {
                Some(Value::Int(n)) => timedelta(v.checked_mul(*n).ok_or_else(|| {
                    error("OverflowError", "Python int too large to convert to C int")
                })?),
                Some(Value::Bool(b)) => timedelta(v * i64::from(*b)),
                Some(Value::Float(x)) => timedelta(round_half_even(v as f64 * x)),
                _ => not_implemented(),
            },
            Kind::TrueDiv => match (&other, other_v) {
                (_, Some((Type::Timedelta, 0))) | (Some(Value::Int(0)), _) => {
                    Err(error("ZeroDivisionError", "division by zero"))
                }
                (_, Some((Type::Timedelta, w))) => Ok(Value::Float(v as f64 / w as f64)),
                (Some(Value::Int(n)), _) => timedelta(round_half_even(v as f64 / *n as f64)),
                (Some(Value::Float(x)), _) if *x == 0.0 => {
                    Err(error("ZeroDivisionError", "float division by zero"))
                }
                (Some(Value::Float(x)), _) => timedelta(round_half_even(v as f64 / x)),
                _ => not_implemented(),
            },
            Kind::FloorDiv => match (&other, other_v) {
                (_, Some((Type::Timedelta, 0))) | (Some(Value::Int(0)), _) => Err(error(
                    "ZeroDivisionError",
                    "integer division or modulo by zero",
                )),
                (_, Some((Type::Timedelta, w))) => Ok(Value::Int(v.div_euclid(w))),
                (Some(Value::Int(n)), _) => timedelta(v.div_euclid(*n)),
                _ => not_implemented(),
            },
            Kind::Neg => timedelta(-v),
            Kind::Abs => timedelta(v.abs()),
            Kind::Bool => Ok(Value::Bool(v != 0)),
            Kind::TotalSeconds => Ok(Value::Float(v as f64 / 1e6)),
            Kind::IsoFormat => {
                let sep = match &other {
                    None => "T".to_string(),
                    Some(Value::Str(s)) if s.chars().count() == 1 => s.to_string(),
                    Some(_) => {
                        return Err(type_error(
                            "isoformat() argument 1 must be a unicode character",
                        ));
                    }
                };
                Ok(Value::str(&iso(t, v, &sep)))
            }
            Kind::Strftime => match &other {
                Some(Value::Str(s)) => Ok(Value::str(&strftime(t, v, s))),
                _ => Err(type_error("strftime() argument 1 must be str")),
            },
            Kind::Date => date(v.div_euclid(DAY)),
            Kind::Weekday | Kind::IsoWeekday => {
                let days = if t == Type::Date {
                    v
                } else {
                    v.div_euclid(DAY)
                };
                let wd = (days + 3).rem_euclid(7);
                Ok(Value::Int(if matches!(kind, Kind::Weekday) {
                    wd
                } else {
                    wd + 1
                }))
            }
            Kind::Timestamp => Ok(Value::Float(v as f64 / 1e6)),
            _ => unreachable!("handled above"),
        }
    }
}

/// Python's `round()` of a float number of microseconds.
fn round_half_even(x: f64) -> i64 {
    let r = x.round();
    if (x - x.trunc()).abs() == 0.5 && r % 2.0 != 0.0 {
        (r - x.signum()) as i64
    } else {
        r as i64
    }
}

/// `__init__`: the fields from the arguments.
fn init(t: Type, this: &Value, mut args: Args) -> PyResult<Value> {
    let Value::Instance(i) = this else {
        return Err(type_error("__init__ needs its object"));
    };
    let made = match t {
        Type::Timedelta => {
            const UNITS: [(&str, f64); 7] = [
                ("days", 86_400e6),
                ("seconds", 1e6),
                ("microseconds", 1.0),
                ("milliseconds", 1e3),
                ("minutes", 60e6),
                ("hours", 3600e6),
                ("weeks", 604_800e6),
            ];
            if args.pos.len() > UNITS.len() {
                return Err(type_error(format!(
                    "timedelta() takes at most 7 arguments ({} given)",
                    args.pos.len()
                )));
            }
            let mut total = 0i128;
            let mut frac = 0f64;
            let given: Vec<(usize, Value)> = args.pos.drain(..).enumerate().collect();
            let mut all = given;
            for (k, v) in std::mem::take(&mut args.kw) {
                let Some(at) = UNITS.iter().position(|(n, _)| *n == &*k) else {
                    return Err(type_error(format!(
                        "'{k}' is an invalid keyword argument for __new__()"
                    )));
                };
                all.push((at, v));
            }
            for (at, v) in all {
                let unit = UNITS[at].1;
                match v {
                    Value::Int(n) => total += i128::from(n) * unit as i128,
                    Value::Bool(b) => total += i128::from(b) * unit as i128,
                    Value::Float(x) => frac += x * unit,
                    other => {
                        return Err(type_error(format!(
                            "unsupported type for timedelta {} component: {}",
                            UNITS[at].0,
                            other.type_name()
                        )));
                    }
                }
            }
            let micros = total + i128::from(round_half_even(frac));
            timedelta(i64::try_from(micros).unwrap_or(i64::MAX))?
        }
        Type::Date | Type::Datetime => {
            let names: &[&str] = if t == Type::Date {
                &["year", "month", "day"]
            } else {
                &[
                    "year",
                    "month",
                    "day",
                    "hour",
                    "minute",
                    "second",
                    "microsecond",
                ]
            };
            if args
                .take_kw("tzinfo")
                .is_some_and(|v| !matches!(v, Value::None))
            {
                return Err(crate::engine::py::types::exc::unsupported(
                    "an aware datetime (tzinfo=...): a demo's datetimes are naive",
                ));
            }
            let mut fields = [0i64; 7];
            for (slot, v) in fields.iter_mut().zip(&args.pos) {
                *slot = int_arg(v)?;
            }
            for (k, v) in &args.kw {
                let Some(at) = names.iter().position(|n| *n == &**k) else {
                    return Err(type_error(format!(
                        "'{k}' is an invalid keyword argument for __new__()"
                    )));
                };
                fields[at] = int_arg(v)?;
            }
            let given = args.pos.len() + args.kw.len();
            if given < 3 {
                let missing = names[args.pos.len().min(2)];
                return Err(type_error(format!(
                    "function missing required argument '{missing}' (pos {})",
                    args.pos.len().min(2) + 1
                )));
            }
            let days = checked_days(fields[0], fields[1], fields[2])?;
            if t == Type::Date {
                date(days)?
            } else {
                for (at, (name, top)) in [("hour", 23), ("minute", 59), ("second", 59)]
                    .into_iter()
                    .enumerate()
                {
                    if !(0..=top).contains(&fields[3 + at]) {
                        return Err(error("ValueError", format!("{name} must be in 0..{top}")));
                    }
                }
                if !(0..=999_999).contains(&fields[6]) {
                    return Err(error("ValueError", "microsecond must be in 0..999999"));
                }
                datetime(
                    days * DAY
                        + (fields[3] * 3600 + fields[4] * 60 + fields[5]) * 1_000_000
                        + fields[6],
                )?
            }
        }
    };
    if let Value::Instance(m) = made {
        *i.attrs.borrow_mut() = m.attrs.borrow().clone();
    }
    Ok(Value::None)
}
