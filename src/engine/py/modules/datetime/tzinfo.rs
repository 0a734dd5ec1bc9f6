//! `datetime.tzinfo`: the base class of time zones, and what asks a zone
//! for its offset, name and daylight saving time at a moment. A
//! `timezone` answers itself; a class of the program's own answers
//! through its Python methods, whose results are checked as CPython 3.11
//! checks them.

use super::{DAY, Type, datetime_in, sum, tz_of, value_of};
use crate::engine::py::modules::time::calendar::Zone;
use crate::engine::py::types::exc::{PyResult, error, type_error};
use crate::engine::py::types::native::{Args, Native};
use crate::engine::py::types::value::Namespace;
use crate::engine::py::types::value::{Class, Value, is_same};
use crate::engine::py::vm::interp::{Frame, Interp};
use std::rc::Rc;

thread_local! {
    static CLASS: Rc<Class> = build();
}

/// The `tzinfo` class.
pub fn class() -> Rc<Class> {
    CLASS.with(Rc::clone)
}

fn build() -> Rc<Class> {
    let mut ns = Namespace::default();
    for (name, kind) in [
        ("utcoffset", Kind::UtcOffset),
        ("tzname", Kind::TzName),
        ("dst", Kind::Dst),
        ("fromutc", Kind::FromUtc),
    ] {
        ns.insert(Rc::from(name), Value::Native(Rc::new(Method(kind))));
    }
    super::module_class("tzinfo", None, ns)
}

/// Whether `v` may be a datetime's `tzinfo`: `None`, or an instance of
/// `tzinfo` or a class deriving from it (`timezone` too).
pub fn is_tzinfo(v: &Value) -> bool {
    match v {
        Value::None => true,
        Value::Instance(i) => i.class.is_subclass(&class()),
        _ => false,
    }
}

/// `tzinfo argument must be None or of a tzinfo subclass`, unless it is.
pub fn check(tz: Value) -> PyResult<Value> {
    if is_tzinfo(&tz) {
        return Ok(tz);
    }
    Err(type_error(format!(
        "tzinfo argument must be None or of a tzinfo subclass, not type '{}'",
        tz.type_name()
    )))
}

/// A type's name as CPython's messages give it (`datetime.timedelta`).
fn type_name(v: &Value) -> String {
    match v {
        Value::Instance(i) if i.class.builtin && i.class.module == "datetime" => {
            format!("datetime.{}", i.class.name)
        }
        other => other.type_name().to_string(),
    }
}

/// A `utcoffset()` or `dst()` result: `None`, or a timedelta strictly
/// inside a day.
fn checked(r: &Value, what: &str) -> PyResult<Option<i64>> {
    match (r, value_of(r)) {
        (Value::None, _) => Ok(None),
        (_, Some((Type::Timedelta, v))) if v.abs() < DAY => Ok(Some(v)),
        (_, Some((Type::Timedelta, _))) => Err(error(
            "ValueError",
            "offset must be a timedelta strictly between -timedelta(hours=24) and \
             timedelta(hours=24).",
        )),
        _ => Err(type_error(format!(
            "tzinfo.{what}() must return None or timedelta, not '{}'",
            type_name(r)
        ))),
    }
}

/// `tz.utcoffset(dt)` in microseconds (`None`: naive). `dt` is the
/// datetime asked about, or `None` for a `time`.
pub fn utcoffset(ix: &Interp, cx: &Frame, tz: &Value, dt: &Value) -> PyResult<Option<i64>> {
    if matches!(tz, Value::None) {
        return Ok(None);
    }
    if let Some(off) = super::zone::offset(tz) {
        return Ok(Some(off));
    }
    let r = ix.call_method(cx, tz, "utcoffset", Args::positional(vec![dt.clone()]))?;
    checked(&r, "utcoffset")
}

/// `tz.dst(dt)` in microseconds (a `timezone` has none).
pub fn dst(ix: &Interp, cx: &Frame, tz: &Value, dt: &Value) -> PyResult<Option<i64>> {
    if matches!(tz, Value::None) || super::zone::offset(tz).is_some() {
        return Ok(None);
    }
    let r = ix.call_method(cx, tz, "dst", Args::positional(vec![dt.clone()]))?;
    checked(&r, "dst")
}

/// `tz.tzname(dt)`.
pub fn tzname(ix: &Interp, cx: &Frame, tz: &Value, dt: &Value) -> PyResult<Option<String>> {
    if matches!(tz, Value::None) {
        return Ok(None);
    }
    if super::zone::offset(tz).is_some() {
        return Ok(Some(super::zone::tzname(tz)));
    }
    match ix.call_method(cx, tz, "tzname", Args::positional(vec![dt.clone()]))? {
        Value::None => Ok(None),
        Value::Str(s) => Ok(Some(s.to_string())),
        other => Err(type_error(format!(
            "tzinfo.tzname() must return None or a string, not '{}'",
            type_name(&other)
        ))),
    }
}

/// The datetime of the instant `utc` (microseconds after the epoch, UTC)
/// in the zone `tz`, as `tz.fromutc()` gives it (`None`: naive, in the
/// run's local time, UTC).
pub fn from_utc(ix: &Interp, cx: &Frame, tz: Value, utc: i64) -> PyResult<Value> {
    if matches!(tz, Value::None) {
        return datetime_in(utc, tz);
    }
    if let Some(off) = super::zone::offset(&tz) {
        return datetime_in(sum(utc, off)?, tz);
    }
    let dt = datetime_in(utc, tz.clone())?;
    ix.call_method(cx, &tz, "fromutc", Args::positional(vec![dt]))
}

/// `tzinfo.fromutc(dt)`: CPython's algorithm from the zone's standard
/// offset and its daylight saving time (a `timezone` adds its offset).
fn default_fromutc(ix: &Interp, cx: &Frame, this: &Value, dt: &Value) -> PyResult<Value> {
    let Some((Type::Datetime, v)) = value_of(dt) else {
        return Err(type_error("fromutc: argument must be a datetime"));
    };
    let tz = tz_of(dt);
    if !is_same(&tz, this) {
        return Err(error("ValueError", "fromutc: dt.tzinfo is not self"));
    }
    // A `timezone` adds its offset.
    if let Some(off) = super::zone::offset(&tz) {
        return datetime_in(sum(v, off)?, tz);
    }
    let Some(off) = utcoffset(ix, cx, &tz, dt)? else {
        return Err(error(
            "ValueError",
            "fromutc: non-None utcoffset() result required",
        ));
    };
    let Some(dst_now) = dst(ix, cx, &tz, dt)? else {
        return Err(error(
            "ValueError",
            "fromutc: non-None dst() result required",
        ));
    };
    let moved = datetime_in(sum(v, off - dst_now)?, tz.clone())?;
    let Some(dst_then) = dst(ix, cx, &tz, &moved)? else {
        return Err(error(
            "ValueError",
            "fromutc: tz.dst() gave inconsistent results; cannot convert",
        ));
    };
    if dst_then == 0 {
        return Ok(moved);
    }
    datetime_in(sum(v, off - dst_now + dst_then)?, tz)
}

#[derive(Clone, Copy)]
enum Kind {
    UtcOffset,
    TzName,
    Dst,
    FromUtc,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::UtcOffset => "utcoffset",
            Kind::TzName => "tzname",
            Kind::Dst => "dst",
            Kind::FromUtc => "fromutc",
        }
    }
}

/// A method of `tzinfo`.
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

    fn call(self: Rc<Self>, ix: &Rc<Interp>, cx: &Frame, args: Args) -> Option<PyResult<Value>> {
        let name = self.0.name();
        let this = match args.pos.first() {
            Some(v) if is_tzinfo(v) && !matches!(v, Value::None) => v.clone(),
            other => {
                return Some(Err(type_error(format!(
                    "descriptor '{name}' for 'datetime.tzinfo' objects doesn't apply to a '{}' \
                     object",
                    other.map_or_else(|| "NoneType".to_string(), type_name)
                ))));
            }
        };
        if args.pos.len() != 2 || !args.kw.is_empty() {
            return Some(Err(type_error(format!(
                "tzinfo.{name}() takes exactly one argument ({} given)",
                args.pos.len().saturating_sub(1) + args.kw.len()
            ))));
        }
        let dt = &args.pos[1];
        Some(match self.0 {
            Kind::FromUtc => default_fromutc(ix, cx, &this, dt),
            _ => Err(error(
                "NotImplementedError",
                format!("a tzinfo subclass must implement {name}()"),
            )),
        })
    }
}

/// The zone `strftime(fmt)` writes for `%z` and `%Z`: each asked of `tz`
/// only when `fmt` holds its directive, as CPython asks.
pub fn strftime_zone(ix: &Interp, cx: &Frame, tz: &Value, dt: &Value, fmt: &str) -> PyResult<Zone> {
    let (mut wants_offset, mut wants_name) = (false, false);
    let mut chars = fmt.chars();
    while let Some(c) = chars.next() {
        if c == '%' {
            match chars.next() {
                Some('z') => wants_offset = true,
                Some('Z') => wants_name = true,
                _ => {}
            }
        }
    }
    Ok(Zone {
        offset: match wants_offset {
            true => utcoffset(ix, cx, tz, dt)?.map(|o| o.div_euclid(1_000_000)),
            false => None,
        },
        name: match wants_name {
            true => tzname(ix, cx, tz, dt)?.unwrap_or_default(),
            false => String::new(),
        },
    })
}
