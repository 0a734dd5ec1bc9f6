//! `datetime.time`: a time of day, naive or with a `timezone`, as CPython
//! 3.11 makes, prints, compares and formats it; and what joins it to a
//! date (`datetime.combine`, `datetime.time()`, `datetime.timetz()`).

use super::text::{Timespec, parse_time, time_text};
use super::{DAY, datetime_in, key, tz_of};
use super::{tzinfo, zone};
use crate::engine::py::modules::time::calendar::{self, Tm, days_from_civil};
use crate::engine::py::types::exc::{PyResult, error, type_error};
use crate::engine::py::types::native::{Args, Native};
use crate::engine::py::types::value::Namespace;
use crate::engine::py::types::value::{Class, Instance, Value, is_same, new_attrs};
use crate::engine::py::vm::interp::{Frame, Interp};
use crate::program::CmpOp;
use std::rc::Rc;

/// The fields, in the order `time(...)` takes them.
const FIELDS: [&str; 5] = ["hour", "minute", "second", "microsecond", "tzinfo"];

#[derive(Clone, Copy)]
enum Kind {
    Init,
    Repr,
    Str,
    Format,
    Cmp(CmpOp),
    Hash,
    IsoFormat,
    Strftime,
    Replace,
    UtcOffset,
    TzName,
    Dst,
    FromIsoFormat,
}

struct Method(Kind);

thread_local! {
    static CLASS: Rc<Class> = make_class();
}

/// The `datetime.time` class.
pub fn class() -> Rc<Class> {
    CLASS.with(Rc::clone)
}

fn make_class() -> Rc<Class> {
    let mut ns = Namespace::default();
    for (name, kind) in [
        ("__init__", Kind::Init),
        ("__repr__", Kind::Repr),
        ("__str__", Kind::Str),
        ("__format__", Kind::Format),
        ("__hash__", Kind::Hash),
        ("isoformat", Kind::IsoFormat),
        ("strftime", Kind::Strftime),
        ("replace", Kind::Replace),
        ("utcoffset", Kind::UtcOffset),
        ("tzname", Kind::TzName),
        ("dst", Kind::Dst),
        ("fromisoformat", Kind::FromIsoFormat),
    ] {
        ns.insert(Rc::from(name), Value::Native(Rc::new(Method(kind))));
    }
    for (name, op) in super::COMPARISONS {
        ns.insert(
            Rc::from(name),
            Value::Native(Rc::new(Method(Kind::Cmp(op)))),
        );
    }
    super::hash_by_key(&mut ns);
    super::module_class("time", None, ns)
}

/// A new `time`, `micros` after midnight, in `tz`.
pub fn time(micros: i64, tz: Value) -> Value {
    let secs = micros / 1_000_000;
    let attrs = [
        ("_value", Value::Int(micros)),
        ("hour", Value::Int(secs / 3600)),
        ("minute", Value::Int(secs / 60 % 60)),
        ("second", Value::Int(secs % 60)),
        ("microsecond", Value::Int(micros % 1_000_000)),
        ("_key", key(micros, &tz)),
        ("tzinfo", tz),
    ];
    Value::Instance(Rc::new(Instance {
        class: class(),
        attrs: new_attrs(attrs.into_iter().map(|(k, v)| (Rc::from(k), v))),
        exc: None,
    }))
}

/// A `time`'s microseconds after midnight.
pub fn value_of(v: &Value) -> Option<i64> {
    match v {
        Value::Instance(i) if Rc::ptr_eq(&i.class, &class()) => {
            match i.attrs.dict().borrow().get("_value") {
                Some(Value::Int(n)) => Some(*n),
                _ => None,
            }
        }
        _ => None,
    }
}

/// `time(hour=0, minute=0, second=0, microsecond=0, tzinfo=None)`: the
/// microseconds after midnight and the time zone.
fn fields(mut args: Args) -> PyResult<(i64, Value)> {
    if args.pos.len() > FIELDS.len() {
        return Err(type_error(format!(
            "function takes at most 5 arguments ({} given)",
            args.pos.len()
        )));
    }
    let mut given: [Option<Value>; 5] = Default::default();
    for (slot, v) in given.iter_mut().zip(args.pos.drain(..)) {
        *slot = Some(v);
    }
    for (k, v) in std::mem::take(&mut args.kw) {
        let Some(at) = FIELDS.iter().position(|n| *n == &*k) else {
            return Err(type_error(format!(
                "'{k}' is an invalid keyword argument for __new__()"
            )));
        };
        given[at] = Some(v);
    }
    let mut n = [0i64; 4];
    for (at, slot) in n.iter_mut().enumerate() {
        *slot = match &given[at] {
            None => 0,
            Some(Value::Int(i)) => *i,
            Some(Value::Bool(b)) => i64::from(*b),
            Some(other) => {
                return Err(type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    other.type_name()
                )));
            }
        };
    }
    for (at, top) in [23, 59, 59, 999_999].into_iter().enumerate() {
        if !(0..=top).contains(&n[at]) {
            return Err(error(
                "ValueError",
                format!("{} must be in 0..{top}", FIELDS[at]),
            ));
        }
    }
    let tz = tzinfo::check(given[4].take().unwrap_or(Value::None))?;
    Ok(((n[0] * 3600 + n[1] * 60 + n[2]) * 1_000_000 + n[3], tz))
}

/// `HH:MM:SS[.ffffff]` (or as much as `spec` asks), and the offset of an
/// aware one.
fn iso(v: i64, off: Option<i64>, spec: Timespec) -> String {
    let mut out = time_text(v, spec);
    if let Some(off) = off {
        out.push_str(&zone::offset_text(off, ":"));
    }
    out
}

/// `strftime(fmt)`: the date part is 1900-01-01, as in CPython.
fn strftime(v: i64, fmt: &str, zone: &calendar::Zone) -> String {
    let micros = days_from_civil(1900, 1, 1) * DAY + v;
    calendar::strftime(fmt, &Tm::from_micros(micros), zone)
}

/// `time.fromisoformat(text)`: CPython 3.11's forms (`[T]HH[:MM[:SS[.f]]]`,
/// the colons optional, then `Z` or an offset).
fn from_iso(s: &str) -> PyResult<Value> {
    let body = s.strip_prefix('T').unwrap_or(s);
    let Some((f, off)) = parse_time(body) else {
        return Err(error(
            "ValueError",
            format!("Invalid isoformat string: {}", Value::str(s).repr()),
        ));
    };
    let tz = match off {
        None => Value::None,
        Some(off) if off.abs() >= DAY => {
            return Err(error(
                "ValueError",
                "offset must be a timedelta strictly between -timedelta(hours=24) and \
                 timedelta(hours=24).",
            ));
        }
        Some(off) => zone::fixed(off),
    };
    let args = Args::positional(vec![
        Value::Int(f[0]),
        Value::Int(f[1]),
        Value::Int(f[2]),
        Value::Int(f[3]),
        tz,
    ]);
    let (v, tz) = fields(args)?;
    Ok(time(v, tz))
}

impl Native for Method {
    fn type_name(&self) -> &str {
        "method_descriptor"
    }

    fn is_callable(&self) -> bool {
        true
    }

    fn binds(&self) -> bool {
        !matches!(self.0, Kind::FromIsoFormat)
    }

    fn call(self: Rc<Self>, ix: &Rc<Interp>, cx: &Frame, args: Args) -> Option<PyResult<Value>> {
        Some(self.run(ix, cx, args))
    }
}

impl Method {
    fn run(&self, ix: &Interp, cx: &Frame, mut args: Args) -> PyResult<Value> {
        if let Kind::FromIsoFormat = self.0 {
            return match args.pos.as_slice() {
                [Value::Str(s)] if args.kw.is_empty() => from_iso(s),
                _ => Err(type_error("fromisoformat: argument must be str")),
            };
        }
        if args.pos.is_empty() {
            return Err(type_error("a time method needs its object"));
        }
        let this = args.pos.remove(0);
        if let Kind::Init = self.0 {
            let (v, tz) = fields(args)?;
            if let (Value::Instance(i), Value::Instance(m)) = (&this, time(v, tz)) {
                *i.attrs.dict().borrow_mut() = m.attrs.dict().borrow().clone();
            }
            return Ok(Value::None);
        }
        let Some(v) = value_of(&this) else {
            return Err(type_error("a time method needs its object"));
        };
        let tz = tz_of(&this);
        // A time's zone is asked about `None`, as in CPython.
        let off = || tzinfo::utcoffset(ix, cx, &tz, &Value::None);
        let other = args.pos.first().cloned();
        match self.0 {
            Kind::Init => Ok(Value::None),
            Kind::Repr => {
                let (secs, us) = (v / 1_000_000, v % 1_000_000);
                let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
                let mut r = if us != 0 {
                    format!("datetime.time({h}, {m}, {s}, {us}")
                } else if s != 0 {
                    format!("datetime.time({h}, {m}, {s}")
                } else {
                    format!("datetime.time({h}, {m}")
                };
                if !matches!(tz, Value::None) {
                    r.push_str(&format!(", tzinfo={}", ix.repr(cx, &tz)?));
                }
                r.push(')');
                Ok(Value::str(&r))
            }
            Kind::Str => Ok(Value::str(&iso(v, off()?, Timespec::Auto))),
            Kind::IsoFormat => {
                let b = crate::engine::py::builtins::args::bind_clinic(
                    args,
                    "isoformat",
                    &["timespec"],
                    0,
                )?;
                let spec = Timespec::parse(b[0].as_ref(), 1)?;
                Ok(Value::str(&iso(v, off()?, spec)))
            }
            Kind::Format => match &other {
                Some(Value::Str(s)) if s.is_empty() => {
                    Ok(Value::str(&iso(v, off()?, Timespec::Auto)))
                }
                Some(Value::Str(s)) => {
                    let zone = tzinfo::strftime_zone(ix, cx, &tz, &Value::None, s)?;
                    Ok(Value::str(&strftime(v, s, &zone)))
                }
                Some(o) => Err(type_error(format!(
                    "__format__() argument 1 must be str, not {}",
                    o.type_name()
                ))),
                None => Err(type_error("__format__() takes exactly one argument")),
            },
            Kind::Strftime => match &other {
                Some(Value::Str(s)) => {
                    let zone = tzinfo::strftime_zone(ix, cx, &tz, &Value::None, s)?;
                    Ok(Value::str(&strftime(v, s, &zone)))
                }
                Some(o) => Err(type_error(format!(
                    "strftime() argument 1 must be str, not {}",
                    o.type_name()
                ))),
                None => Err(type_error(
                    "strftime() missing required argument 'format' (pos 1)",
                )),
            },
            Kind::Cmp(op) => {
                let Some(w) = other.as_ref().and_then(value_of) else {
                    return Ok(Value::Builtin("NotImplemented"));
                };
                let other_tz = tz_of(other.as_ref().unwrap_or(&Value::None));
                if is_same(&tz, &other_tz) {
                    return zone::compare(op, (v, None), (w, None), "times");
                }
                let other_off = tzinfo::utcoffset(ix, cx, &other_tz, &Value::None)?;
                zone::compare(op, (v, off()?), (w, other_off), "times")
            }
            Kind::Hash => Ok(Value::Int(v - off()?.unwrap_or(0))),
            Kind::Replace => {
                let secs = v / 1_000_000;
                let mut given = Args::positional(vec![
                    Value::Int(secs / 3600),
                    Value::Int(secs / 60 % 60),
                    Value::Int(secs % 60),
                    Value::Int(v % 1_000_000),
                    tz,
                ]);
                if args.pos.len() > FIELDS.len() {
                    return Err(type_error(format!(
                        "replace() takes at most 5 arguments ({} given)",
                        args.pos.len()
                    )));
                }
                for (at, a) in args.pos.drain(..).enumerate() {
                    given.pos[at] = a;
                }
                for (k, a) in std::mem::take(&mut args.kw) {
                    let Some(at) = FIELDS.iter().position(|n| *n == &*k) else {
                        return Err(type_error(format!(
                            "'{k}' is an invalid keyword argument for replace()"
                        )));
                    };
                    given.pos[at] = a;
                }
                let (v, tz) = fields(given)?;
                Ok(time(v, tz))
            }
            Kind::UtcOffset => off()?.map_or(Ok(Value::None), super::timedelta),
            Kind::TzName => {
                Ok(tzinfo::tzname(ix, cx, &tz, &Value::None)?
                    .map_or(Value::None, |n| Value::str(&n)))
            }
            Kind::Dst => {
                tzinfo::dst(ix, cx, &tz, &Value::None)?.map_or(Ok(Value::None), super::timedelta)
            }
            Kind::FromIsoFormat => unreachable!("handled above"),
        }
    }
}

/// `datetime.combine(date, time, tzinfo=time.tzinfo)`.
pub fn combine(mut args: Args) -> PyResult<Value> {
    let tz_kw = args.take_kw("tzinfo");
    if let Some((k, _)) = args.kw.first() {
        return Err(type_error(format!(
            "'{k}' is an invalid keyword argument for combine()"
        )));
    }
    let tz_pos = if args.pos.len() == 3 {
        args.pos.pop()
    } else {
        None
    };
    let [d, t] = args.pos.as_slice() else {
        return Err(type_error(format!(
            "combine() missing required argument '{}' (pos {})",
            if args.pos.is_empty() { "date" } else { "time" },
            args.pos.len() + 1
        )));
    };
    let days = match super::value_of(d) {
        Some((super::Type::Date, days)) => days,
        Some((super::Type::Datetime, micros)) => micros.div_euclid(DAY),
        _ => {
            return Err(type_error(format!(
                "combine() argument 1 must be datetime.date, not {}",
                d.type_name()
            )));
        }
    };
    let Some(v) = value_of(t) else {
        return Err(type_error(format!(
            "combine() argument 2 must be datetime.time, not {}",
            t.type_name()
        )));
    };
    let tz = tz_kw.or(tz_pos).unwrap_or_else(|| tz_of(t));
    datetime_in(days * DAY + v, tz)
}

/// `dt.time()` (naive) and `dt.timetz()` (with its `tzinfo`) of a
/// datetime `micros` after the epoch in its own zone.
pub fn of_datetime(micros: i64, tz: Value) -> Value {
    time(micros.rem_euclid(DAY), tz)
}
