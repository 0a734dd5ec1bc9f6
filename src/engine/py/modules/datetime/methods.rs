//! The methods of `timedelta`, `date` and `datetime`: construction, the
//! clock, printing (`repr`, `str`, `isoformat`, `strftime`), arithmetic
//! and comparison.

use super::make::{init, replace, round_half_even, tz_arg};
use super::text::{Timespec, delta_str, from_iso, iso, repr, strftime};
use super::tzinfo;
use super::zone;
use super::{DAY, Type, date, datetime_in, sum, timedelta, tz_of, value_of};
use crate::engine::py::types::exc::{PyResult, error, type_error};
use crate::engine::py::types::native::{Args, Native};
use crate::engine::py::types::ops;
use crate::engine::py::types::value::Namespace;
use crate::engine::py::types::value::{Class, Value, is_same};
use crate::engine::py::vm::interp::{Frame, Interp};
use crate::program::CmpOp;
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
    UtcOffset,
    TzName,
    Dst,
    AsTimezone,
    Replace,
    // Class methods: they do not bind.
    Now,
    UtcNow,
    FromIsoFormat,
    FromTimestamp,
    Strptime,
    Combine,
    Time,
    TimeTz,
}

/// A method of one of the types.
struct Method(Type, Kind);

/// The class of `t`, its methods in its namespace.
pub fn class(t: Type) -> Rc<Class> {
    let mut ns = Namespace::default();
    let mut add = |name: &str, kind: Kind| {
        ns.insert(Rc::from(name), Value::Native(Rc::new(Method(t, kind))));
    };
    for (name, kind) in [
        ("__init__", Kind::Init),
        ("__repr__", Kind::Repr),
        ("__str__", Kind::Str),
        ("__format__", Kind::Format),
        ("__hash__", Kind::Hash),
        ("__add__", Kind::Add),
        ("__radd__", Kind::Add),
        ("__sub__", Kind::Sub),
        ("__rsub__", Kind::RSub),
    ] {
        add(name, kind);
    }
    for (name, op) in super::COMPARISONS {
        add(name, Kind::Cmp(op));
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
                ("replace", Kind::Replace),
            ] {
                add(name, kind);
            }
            if t == Type::Datetime {
                add("date", Kind::Date);
                add("timestamp", Kind::Timestamp);
                add("now", Kind::Now);
                add("utcnow", Kind::UtcNow);
                add("utcoffset", Kind::UtcOffset);
                add("tzname", Kind::TzName);
                add("dst", Kind::Dst);
                add("astimezone", Kind::AsTimezone);
                add("strptime", Kind::Strptime);
                add("combine", Kind::Combine);
                add("time", Kind::Time);
                add("timetz", Kind::TimeTz);
            }
        }
    }
    super::hash_by_key(&mut ns);
    super::module_class(t.name(), None, ns)
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
            Kind::Now
                | Kind::UtcNow
                | Kind::FromIsoFormat
                | Kind::FromTimestamp
                | Kind::Strptime
                | Kind::Combine
        )
    }

    fn call(self: Rc<Self>, ix: &Rc<Interp>, cx: &Frame, args: Args) -> Option<PyResult<Value>> {
        Some(self.run(ix, cx, args))
    }
}

/// `NotImplemented`, for an operand of another type.
fn not_implemented() -> PyResult<Value> {
    Ok(Value::Builtin("NotImplemented"))
}

impl Method {
    fn run(&self, ix: &Interp, cx: &Frame, mut args: Args) -> PyResult<Value> {
        let (t, kind) = (self.0, self.1);
        match kind {
            Kind::Now | Kind::UtcNow => {
                let tz = if t == Type::Datetime && matches!(kind, Kind::Now) {
                    tz_arg(&mut args, 0)?
                } else {
                    Value::None
                };
                if !args.pos.is_empty() || !args.kw.is_empty() {
                    return Err(type_error(format!(
                        "{}() takes no arguments",
                        if matches!(kind, Kind::Now) && t == Type::Datetime {
                            "now"
                        } else {
                            "this method"
                        }
                    )));
                }
                let micros = (ix.clock_now() * 1e6).round() as i64;
                return match t {
                    Type::Date => date(micros.div_euclid(DAY)),
                    _ => tzinfo::from_utc(ix, cx, tz, micros),
                };
            }
            Kind::FromTimestamp => {
                let tz = if t == Type::Datetime {
                    tz_arg(&mut args, 1)?
                } else {
                    Value::None
                };
                let s = args
                    .pos
                    .first()
                    .and_then(ops::float)
                    .ok_or_else(|| type_error("fromtimestamp() takes a number of seconds"))?;
                let micros = (s * 1e6).round() as i64;
                return match t {
                    Type::Date => date(micros.div_euclid(DAY)),
                    _ => tzinfo::from_utc(ix, cx, tz, micros),
                };
            }
            Kind::Strptime => {
                return match args.pos.as_slice() {
                    [Value::Str(text), Value::Str(format)] if args.kw.is_empty() => {
                        super::strptime::strptime(text, format)
                    }
                    [a, b] => Err(type_error(format!(
                        "strptime() argument {} must be str, not {}",
                        if matches!(a, Value::Str(_)) { 2 } else { 1 },
                        if matches!(a, Value::Str(_)) { b } else { a }.type_name()
                    ))),
                    other => Err(type_error(format!(
                        "strptime() takes exactly 2 arguments ({} given)",
                        other.len()
                    ))),
                };
            }
            Kind::Combine => return super::clock::combine(args),
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
        let tz = tz_of(&this);
        // The UTC offset, asked of the zone only where it matters.
        let off = || tzinfo::utcoffset(ix, cx, &tz, &this);
        // Where a time zone's `isoformat` ends: `+02:00`.
        let iso_in = |sep: &str, spec: Timespec| -> PyResult<String> {
            let mut out = iso(t, v, sep, spec);
            if let Some(off) = off()? {
                out.push_str(&zone::offset_text(off, ":"));
            }
            Ok(out)
        };
        // The offsets of two datetimes compared or subtracted: none
        // asked when they share their `tzinfo`, as in CPython.
        let offsets = |o: &Value| -> PyResult<(Option<i64>, Option<i64>)> {
            let other_tz = tz_of(o);
            if is_same(&tz, &other_tz) {
                return Ok((None, None));
            }
            Ok((off()?, tzinfo::utcoffset(ix, cx, &other_tz, o)?))
        };
        match kind {
            Kind::Repr => Ok(Value::str(&match tz {
                Value::None => repr(t, v),
                _ => {
                    let r = repr(t, v);
                    format!("{}, tzinfo={})", &r[..r.len() - 1], ix.repr(cx, &tz)?)
                }
            })),
            Kind::Str => Ok(Value::str(&match t {
                Type::Timedelta => delta_str(v),
                _ => iso_in(" ", Timespec::Auto)?,
            })),
            Kind::Format => match &other {
                Some(Value::Str(s)) if !s.is_empty() && t != Type::Timedelta => {
                    let zone = tzinfo::strftime_zone(ix, cx, &tz, &this, s)?;
                    Ok(Value::str(&strftime(t, v, s, &zone)))
                }
                Some(Value::Str(s)) if s.is_empty() => Ok(Value::str(&match t {
                    Type::Timedelta => delta_str(v),
                    _ => iso_in(" ", Timespec::Auto)?,
                })),
                _ => Err(type_error(format!(
                    "unsupported format string passed to {}.__format__",
                    t.name()
                ))),
            },
            Kind::Cmp(op) => match other_v {
                Some((Type::Datetime, w)) if t == Type::Datetime => {
                    let (off, other_off) = offsets(other.as_ref().unwrap_or(&Value::None))?;
                    zone::compare(op, (v, off), (w, other_off), "datetimes")
                }
                Some((ot, w)) if ot == t => Ok(Value::Bool(ops::ordered(op, v.cmp(&w)))),
                _ => not_implemented(),
            },
            Kind::Hash => Ok(Value::Int(v - off()?.unwrap_or(0))),
            Kind::Add => match (t, other_v) {
                (Type::Timedelta, Some((Type::Timedelta, w))) => timedelta(sum(v, w)?),
                (Type::Datetime, Some((Type::Timedelta, w))) => datetime_in(sum(v, w)?, tz),
                (Type::Date, Some((Type::Timedelta, w))) => date(v + w.div_euclid(DAY)),
                (Type::Timedelta, Some((Type::Datetime, w))) => {
                    datetime_in(sum(v, w)?, other.as_ref().map(tz_of).unwrap_or(Value::None))
                }
                (Type::Timedelta, Some((Type::Date, w))) => date(w + v.div_euclid(DAY)),
                _ => not_implemented(),
            },
            Kind::Sub => match (t, other_v) {
                (Type::Timedelta, Some((Type::Timedelta, w))) => timedelta(sum(v, -w)?),
                (Type::Datetime, Some((Type::Timedelta, w))) => datetime_in(sum(v, -w)?, tz),
                (Type::Date, Some((Type::Timedelta, w))) => date(v - w.div_euclid(DAY)),
                (Type::Datetime, Some((Type::Datetime, w))) => {
                    let (off, other_off) = offsets(other.as_ref().unwrap_or(&Value::None))?;
                    if off.is_some() != other_off.is_some() {
                        return Err(type_error(
                            "can't subtract offset-naive and offset-aware datetimes",
                        ));
                    }
                    timedelta((v - off.unwrap_or(0)) - (w - other_off.unwrap_or(0)))
                }
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
            Kind::IsoFormat if t == Type::Date => {
                if !args.kw.is_empty() {
                    return Err(type_error("date.isoformat() takes no keyword arguments"));
                }
                if !args.pos.is_empty() {
                    return Err(type_error(format!(
                        "date.isoformat() takes no arguments ({} given)",
                        args.pos.len()
                    )));
                }
                Ok(Value::str(&iso(t, v, "T", Timespec::Auto)))
            }
            Kind::IsoFormat => {
                let b = crate::engine::py::builtins::args::bind_clinic(
                    args,
                    "isoformat",
                    &["sep", "timespec"],
                    0,
                )?;
                let sep = match &b[0] {
                    None => "T".to_string(),
                    Some(Value::Str(s)) if s.chars().count() == 1 => s.to_string(),
                    Some(other) => {
                        return Err(type_error(format!(
                            "isoformat() argument 1 must be a unicode character, not {}",
                            other.type_name()
                        )));
                    }
                };
                let spec = Timespec::parse(b[1].as_ref(), 2)?;
                Ok(Value::str(&iso_in(&sep, spec)?))
            }
            Kind::Strftime => match &other {
                Some(Value::Str(s)) => {
                    let zone = tzinfo::strftime_zone(ix, cx, &tz, &this, s)?;
                    Ok(Value::str(&strftime(t, v, s, &zone)))
                }
                _ => Err(type_error("strftime() argument 1 must be str")),
            },
            Kind::Date => date(v.div_euclid(DAY)),
            Kind::Time => Ok(super::clock::of_datetime(v, Value::None)),
            Kind::TimeTz => Ok(super::clock::of_datetime(v, tz.clone())),
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
            // A naive datetime is in the run's local time, UTC.
            Kind::Timestamp => match (&tz, off()?) {
                (Value::None, _) => Ok(Value::Float(v as f64 / 1e6)),
                (_, Some(off)) => Ok(Value::Float((v - off) as f64 / 1e6)),
                (_, None) => Err(type_error(
                    "can't subtract offset-naive and offset-aware datetimes",
                )),
            },
            Kind::UtcOffset => off()?.map_or(Ok(Value::None), timedelta),
            Kind::Dst => tzinfo::dst(ix, cx, &tz, &this)?.map_or(Ok(Value::None), timedelta),
            Kind::TzName => {
                Ok(tzinfo::tzname(ix, cx, &tz, &this)?.map_or(Value::None, |n| Value::str(&n)))
            }
            // The run's local time zone is UTC.
            Kind::AsTimezone => {
                let target = tz_arg(&mut args, 0)?;
                if !matches!(tz, Value::None) && is_same(&tz, &target) {
                    return Ok(this.clone());
                }
                let target = match target {
                    Value::None => ix.call(
                        cx,
                        &Value::Class(zone::class()),
                        Args::positional(vec![timedelta(0)?, Value::str("UTC")]),
                    )?,
                    given => given,
                };
                let instant = v - off()?.unwrap_or(0);
                tzinfo::from_utc(ix, cx, target, instant)
            }
            Kind::Replace => replace(t, v, tz, args),
            _ => unreachable!("handled above"),
        }
    }
}
