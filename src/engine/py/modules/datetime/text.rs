//! How `timedelta`, `date` and `datetime` are written and read: `repr`,
//! `str`, `isoformat`, `strftime` and `fromisoformat`.

use super::{DAY, Type, checked_days, date};
use crate::engine::py::modules::time::calendar::{self, Tm, Zone};
use crate::engine::py::types::exc::{PyResult, error};
use crate::engine::py::types::value::Value;

/// `repr()`, as 3.11 writes it.
pub fn repr(t: Type, v: i64) -> String {
    match t {
        Type::Timedelta => {
            let (days, rest) = (v.div_euclid(DAY), v.rem_euclid(DAY));
            let mut parts = Vec::new();
            if days != 0 {
                parts.push(format!("days={days}"));
            }
            if rest / 1_000_000 != 0 {
                parts.push(format!("seconds={}", rest / 1_000_000));
            }
            if rest % 1_000_000 != 0 {
                parts.push(format!("microseconds={}", rest % 1_000_000));
            }
            if parts.is_empty() {
                parts.push("0".into());
            }
            format!("datetime.timedelta({})", parts.join(", "))
        }
        Type::Date => {
            let tm = Tm::from_micros(v * DAY);
            format!("datetime.date({}, {}, {})", tm.year, tm.month, tm.day)
        }
        Type::Datetime => {
            let tm = Tm::from_micros(v);
            let mut fields = vec![
                tm.year,
                i64::from(tm.month),
                i64::from(tm.day),
                i64::from(tm.hour),
                i64::from(tm.minute),
                i64::from(tm.second),
                i64::from(tm.micro),
            ];
            // Trailing zero seconds and microseconds are left out, the
            // hour and minute never.
            while fields.len() > 5 && fields.last() == Some(&0) {
                fields.pop();
            }
            let text: Vec<String> = fields.iter().map(i64::to_string).collect();
            format!("datetime.datetime({})", text.join(", "))
        }
    }
}

/// `str(timedelta)`: `[-]D day[s], H:MM:SS[.ffffff]`.
pub fn delta_str(v: i64) -> String {
    let (days, rest) = (v.div_euclid(DAY), v.rem_euclid(DAY));
    let secs = rest / 1_000_000;
    let mut out = String::new();
    if days != 0 {
        let s = if days.abs() == 1 { "" } else { "s" };
        out.push_str(&format!("{days} day{s}, "));
    }
    out.push_str(&format!(
        "{}:{:02}:{:02}",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    ));
    if rest % 1_000_000 != 0 {
        out.push_str(&format!(".{:06}", rest % 1_000_000));
    }
    out
}

/// `isoformat(sep)` (and `str`, with a space).
pub fn iso(t: Type, v: i64, sep: &str) -> String {
    let micros = if t == Type::Date { v * DAY } else { v };
    let tm = Tm::from_micros(micros);
    let day = format!("{:04}-{:02}-{:02}", tm.year, tm.month, tm.day);
    if t == Type::Date {
        return day;
    }
    let mut out = format!("{day}{sep}{:02}:{:02}:{:02}", tm.hour, tm.minute, tm.second);
    if tm.micro != 0 {
        out.push_str(&format!(".{:06}", tm.micro));
    }
    out
}

/// `strftime(fmt)` of a date or datetime in the time zone `tz` (`%z` and
/// `%Z` are empty for a naive one).
pub fn strftime(t: Type, v: i64, fmt: &str, tz: &Value) -> String {
    let micros = if t == Type::Date { v * DAY } else { v };
    let zone = match super::zone::offset(tz) {
        Some(off) => Zone {
            offset: Some(off.div_euclid(1_000_000)),
            name: super::zone::tzname(tz),
        },
        None => Zone {
            offset: None,
            name: String::new(),
        },
    };
    calendar::strftime(fmt, &Tm::from_micros(micros), &zone)
}

/// `fromisoformat(text)`: `YYYY-MM-DD`, and for a datetime a time after
/// `T` or a space (`HH`, `HH:MM`, `HH:MM:SS`, with `.fff` or `.ffffff`).
pub fn from_iso(t: Type, s: &str) -> PyResult<Value> {
    let bad = || {
        error(
            "ValueError",
            format!("Invalid isoformat string: {}", Value::str(s).repr()),
        )
    };
    let num = |p: &str| -> PyResult<i64> {
        if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        p.parse().map_err(|_| bad())
    };
    let (day, time) = match t {
        Type::Date => (s, None),
        _ if s.len() > 10 => {
            let sep = s.as_bytes().get(10).copied();
            if !s.is_char_boundary(10) || !s.is_char_boundary(11) || sep.is_some_and(|b| b >= 0x80)
            {
                return Err(bad());
            }
            (&s[..10], Some(&s[11..]))
        }
        _ => (s, None),
    };
    let parts: Vec<&str> = day.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return Err(bad());
    };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return Err(bad());
    }
    let days = checked_days(num(y)?, num(m)?, num(d)?)?;
    if t == Type::Date {
        return date(days);
    }
    let mut micros = days * DAY;
    // A time zone after the time: `Z`, or `+HH:MM` and the like.
    let mut tz = Value::None;
    let time = match time.map(|t| (t, t.find(['+', '-', 'Z']))) {
        Some((t, Some(at))) => {
            let (clock, zone) = t.split_at(at);
            let off = if zone == "Z" {
                0
            } else {
                let sign = if zone.starts_with('-') { -1 } else { 1 };
                let rest = &zone[1..];
                let (hms, frac) = match rest.split_once('.') {
                    Some((a, b)) => (a, Some(b)),
                    None => (rest, None),
                };
                let parts: Vec<&str> = if hms.contains(':') {
                    hms.split(':').collect()
                } else {
                    (0..hms.len() / 2).map(|i| &hms[2 * i..2 * i + 2]).collect()
                };
                if parts.is_empty()
                    || parts.len() > 3
                    || parts.iter().any(|p| p.len() != 2)
                    || (!hms.contains(':') && hms.len() % 2 != 0)
                    || (frac.is_some() && parts.len() != 3)
                {
                    return Err(bad());
                }
                let mut secs = 0;
                for i in 0..3 {
                    secs = secs * 60 + parts.get(i).map_or(Ok(0), |p| num(p))?;
                }
                let frac = match frac {
                    Some(f) if f.len() == 6 => num(f)?,
                    Some(_) => return Err(bad()),
                    None => 0,
                };
                let off = secs * 1_000_000 + frac;
                if off >= DAY {
                    return Err(bad());
                }
                sign * off
            };
            tz = super::zone::fixed(off);
            Some(clock)
        }
        other => other.map(|(t, _)| t),
    };
    if let Some(time) = time {
        let (hms, frac) = match time.split_once('.') {
            Some((a, b)) => (a, Some(b)),
            None => (time, None),
        };
        let fields: Vec<&str> = hms.split(':').collect();
        if fields.is_empty() || fields.len() > 3 || fields.iter().any(|f| f.len() != 2) {
            return Err(bad());
        }
        let mut secs = 0;
        for (i, limit) in [(0, 23), (1, 59), (2, 59)] {
            if let Some(f) = fields.get(i) {
                let n = num(f)?;
                if n > limit {
                    return Err(bad());
                }
                secs = secs * 60 + n;
            } else {
                secs *= 60;
            }
        }
        micros += secs * 1_000_000;
        if let Some(frac) = frac {
            if fields.len() != 3 || !(frac.len() == 3 || frac.len() == 6) {
                return Err(bad());
            }
            let n = num(frac)?;
            micros += if frac.len() == 3 { n * 1000 } else { n };
        }
    }
    super::datetime_in(micros, tz)
}
