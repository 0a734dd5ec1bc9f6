//! The wall clock of a run: `time.time()` is the virtual clock read as
//! seconds after the Unix epoch, and the local zone is UTC, so
//! `gmtime`, `localtime`, `mktime`, `strftime`, `asctime` and `ctime` give
//! the same answers in every run (and under the CPython harness, which
//! sets `TZ=UTC`).

use super::calendar::{self, Tm, Zone};
use crate::engine::py::modules::namedtuple;
use crate::engine::py::types::exc::{PyResult, error, type_error};
use crate::engine::py::types::native::Args;
use crate::engine::py::types::ops;
use crate::engine::py::types::value::{Class, Dict, Key, Value};
use crate::engine::py::vm::interp::{Frame, Interp};
use indexmap::IndexMap;
use std::cell::RefCell;
use std::rc::Rc;

/// `struct_time`'s fields, in order.
const FIELDS: [&str; 9] = [
    "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst",
];

thread_local! {
    static STRUCT_TIME: Rc<Class> = struct_time_class();
}

/// `time.struct_time`: a named tuple printed as `time.struct_time(...)`.
fn struct_time_class() -> Rc<Class> {
    let mut notes = Dict::default();
    for f in FIELDS {
        notes.insert(Key(Value::str(f)), Value::Type("int"));
    }
    let mut ns = IndexMap::default();
    ns.insert(
        Rc::from("__annotations__"),
        Value::Dict(Rc::new(RefCell::new(notes))),
    );
    let class = Rc::new(Class {
        name: Rc::from("time.struct_time"),
        qualname: Rc::from("time.struct_time"),
        base: None,
        namespace: RefCell::new(ns),
        builtin: true,
        module: "",
    });
    // Fields without defaults cannot fail to make a named tuple.
    let _ = namedtuple::finish(&class);
    class
}

/// The `struct_time` of `tm`.
fn struct_time(ix: &Interp, f: &Frame, tm: &Tm) -> PyResult<Value> {
    let class = STRUCT_TIME.with(Rc::clone);
    let values = [
        tm.year,
        i64::from(tm.month),
        i64::from(tm.day),
        i64::from(tm.hour),
        i64::from(tm.minute),
        i64::from(tm.second),
        i64::from(tm.wday),
        i64::from(tm.yday),
        0,
    ];
    ix.call(
        f,
        &Value::Class(class),
        Args::positional(values.into_iter().map(Value::Int).collect()),
    )
}

/// A `struct_time` or 9-tuple back to its fields.
fn fields_of(ix: &Interp, f: &Frame, v: &Value, what: &str) -> PyResult<Tm> {
    let items = ix
        .iterate(f, v)
        .map_err(|_| type_error(format!("Tuple or struct_time argument required ({what})")))?;
    if items.len() != 9 {
        return Err(type_error(format!("{what}(): illegal time tuple argument")));
    }
    let mut n = [0i64; 9];
    for (slot, item) in n.iter_mut().zip(&items) {
        *slot = match item {
            Value::Int(i) => *i,
            Value::Bool(b) => i64::from(*b),
            other => {
                return Err(type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    other.type_name()
                )));
            }
        };
    }
    if !(1..=12).contains(&n[1]) {
        return Err(error("ValueError", "month out of range"));
    }
    if !(1..=31).contains(&n[2]) {
        return Err(error("ValueError", "day of month out of range"));
    }
    if !(0..=23).contains(&n[3]) {
        return Err(error("ValueError", "hour out of range"));
    }
    if !(0..=59).contains(&n[4]) {
        return Err(error("ValueError", "minute out of range"));
    }
    if !(0..=61).contains(&n[5]) {
        return Err(error("ValueError", "seconds out of range"));
    }
    Ok(Tm {
        year: n[0],
        month: n[1] as u32,
        day: n[2] as u32,
        hour: n[3] as u32,
        minute: n[4] as u32,
        second: n[5] as u32,
        micro: 0,
        wday: n[6].rem_euclid(7) as u32,
        yday: n[7].clamp(1, 366) as u32,
    })
}

/// The seconds an optional argument gives, or the clock's now.
fn seconds(ix: &Interp, arg: Option<&Value>, what: &str) -> PyResult<f64> {
    match arg {
        None | Some(Value::None) => Ok(ix.clock_now()),
        Some(v @ (Value::Int(_) | Value::Float(_) | Value::Bool(_))) => {
            let s = ops::float(v).unwrap_or(0.0);
            if !s.is_finite() {
                return Err(error(
                    if s.is_nan() {
                        "ValueError"
                    } else {
                        "OverflowError"
                    },
                    if s.is_nan() {
                        "Invalid value NaN (not a number)"
                    } else {
                        "timestamp out of range for platform time_t"
                    },
                ));
            }
            Ok(s)
        }
        Some(other) => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer{what}",
            other.type_name()
        ))),
    }
}

/// The run's zone, for `%z` and `%Z`.
fn utc() -> Zone {
    Zone {
        offset: Some(0),
        name: "UTC".into(),
    }
}

/// Calls the wall-clock functions of `time`.
pub fn call(ix: &Interp, f: &Frame, name: &str, args: Args) -> PyResult<Value> {
    let arg = args.pos.first();
    match name {
        "time.gmtime" | "time.localtime" => {
            let s = seconds(ix, arg, "")?;
            struct_time(ix, f, &Tm::from_secs(s))
        }
        "time.mktime" => {
            let v = arg
                .ok_or_else(|| type_error("time.mktime() takes exactly one argument (0 given)"))?;
            let tm = fields_of(ix, f, v, "mktime")?;
            Ok(Value::Float(tm.to_secs() as f64))
        }
        "time.ctime" => {
            let s = seconds(ix, arg, "")?;
            Ok(Value::str(&calendar::strftime(
                "%a %b %e %H:%M:%S %Y",
                &Tm::from_secs(s),
                &utc(),
            )))
        }
        "time.asctime" => {
            let tm = match arg {
                None => Tm::from_secs(ix.clock_now()),
                Some(v) => fields_of(ix, f, v, "asctime")?,
            };
            Ok(Value::str(&calendar::strftime(
                "%a %b %e %H:%M:%S %Y",
                &tm,
                &utc(),
            )))
        }
        "time.strftime" => {
            let Some(Value::Str(fmt)) = arg else {
                return Err(type_error(format!(
                    "strftime() argument 1 must be str, not {}",
                    arg.map_or("nothing", |v| v.type_name())
                )));
            };
            let tm = match args.pos.get(1) {
                None => Tm::from_secs(ix.clock_now()),
                Some(v) => fields_of(ix, f, v, "strftime")?,
            };
            Ok(Value::str(&calendar::strftime(fmt, &tm, &utc())))
        }
        other => ix.pure_builtin(f, other, args),
    }
}
