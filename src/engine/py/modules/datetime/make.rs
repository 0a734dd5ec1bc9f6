//! Making a `date` or `datetime`: `__init__`'s fields (and `tzinfo`),
//! `replace`, and the time zone arguments of the clock's methods.

use super::tzinfo::check as check_tz;
use super::{DAY, Type, checked_days, date, datetime, datetime_in, timedelta};
use crate::engine::py::types::exc::{PyResult, error, type_error};
use crate::engine::py::types::native::Args;
use crate::engine::py::types::value::Value;
use std::rc::Rc;

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

/// A `tz` argument (by keyword, or the positional one at `at`): `None` or
/// a `tzinfo`.
pub(super) fn tz_arg(args: &mut Args, at: usize) -> PyResult<Value> {
    let tz = match args.take_kw("tz") {
        Some(tz) => tz,
        None if args.pos.len() > at => args.pos.remove(at),
        None => Value::None,
    };
    check_tz(tz)
}

/// `replace(...)`: the same date or datetime with the fields given
/// (positionally or by name) changed, and for a datetime its `tzinfo`.
pub(super) fn replace(t: Type, v: i64, tz: Value, mut args: Args) -> PyResult<Value> {
    const NAMES: [&str; 8] = [
        "year",
        "month",
        "day",
        "hour",
        "minute",
        "second",
        "microsecond",
        "tzinfo",
    ];
    let n = if t == Type::Date { 3 } else { 8 };
    let micros = if t == Type::Date { v * DAY } else { v };
    let tm = crate::engine::py::modules::time::calendar::Tm::from_micros(micros);
    let mut fields = [
        Value::Int(tm.year),
        Value::Int(i64::from(tm.month)),
        Value::Int(i64::from(tm.day)),
        Value::Int(i64::from(tm.hour)),
        Value::Int(i64::from(tm.minute)),
        Value::Int(i64::from(tm.second)),
        Value::Int(i64::from(tm.micro)),
        tz,
    ];
    if args.pos.len() > n {
        return Err(type_error(format!(
            "replace() takes at most {n} arguments ({} given)",
            args.pos.len()
        )));
    }
    for (slot, v) in fields.iter_mut().zip(args.pos.drain(..)) {
        *slot = v;
    }
    for (k, v) in std::mem::take(&mut args.kw) {
        match NAMES[..n].iter().position(|name| *name == &*k) {
            Some(at) => fields[at] = v,
            None => {
                return Err(type_error(format!(
                    "'{k}' is an invalid keyword argument for replace()"
                )));
            }
        }
    }
    let tz = check_tz(fields[7].clone())?;
    let mut made = Args::positional(fields[..n.min(7)].to_vec());
    made.kw.push((Rc::from("tzinfo"), tz));
    let fresh = match t {
        Type::Date => date(0)?,
        _ => datetime(0)?,
    };
    if t == Type::Date {
        made.kw.clear();
    }
    init(t, &fresh, made)?;
    Ok(fresh)
}

/// Python's `round()` of a float number of microseconds.
pub(super) fn round_half_even(x: f64) -> i64 {
    let r = x.round();
    if (x - x.trunc()).abs() == 0.5 && r % 2.0 != 0.0 {
        (r - x.signum()) as i64
    } else {
        r as i64
    }
}

/// `__init__`: the fields from the arguments.
pub(super) fn init(t: Type, this: &Value, mut args: Args) -> PyResult<Value> {
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
            let tz = match args.take_kw("tzinfo") {
                Some(tz) if t == Type::Datetime => check_tz(tz)?,
                Some(_) => {
                    return Err(type_error(
                        "'tzinfo' is an invalid keyword argument for __new__()",
                    ));
                }
                None if t == Type::Datetime && args.pos.len() == 8 => {
                    check_tz(args.pos.pop().unwrap_or(Value::None))?
                }
                None => Value::None,
            };
            if args.pos.len() > names.len() {
                return Err(type_error(if t == Type::Datetime {
                    format!(
                        "function takes at most 8 positional arguments ({} given)",
                        args.pos.len()
                    )
                } else {
                    format!(
                        "function takes at most 3 arguments ({} given)",
                        args.pos.len()
                    )
                }));
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
                datetime_in(
                    days * DAY
                        + (fields[3] * 3600 + fields[4] * 60 + fields[5]) * 1_000_000
                        + fields[6],
                    tz,
                )?
            }
        }
    };
    if let Value::Instance(m) = made {
        *i.attrs.dict().borrow_mut() = m.attrs.dict().borrow().clone();
    }
    Ok(Value::None)
}
