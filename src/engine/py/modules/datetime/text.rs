//! How `timedelta`, `date` and `datetime` are written and read: `repr`,
//! `str`, `isoformat`, `strftime` and `fromisoformat`.

use super::{DAY, Type, checked_days, date};
use crate::engine::py::modules::time::calendar::{self, Tm, Zone};
use crate::engine::py::types::exc::{PyResult, error, type_error};
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

/// How much of a time `isoformat(timespec=...)` writes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Timespec {
    /// Seconds, and microseconds when there are any.
    Auto,
    Hours,
    Minutes,
    Seconds,
    Milliseconds,
    Microseconds,
}

impl Timespec {
    /// A `timespec` argument, with CPython's errors.
    pub fn parse(v: Option<&Value>, at: usize) -> PyResult<Timespec> {
        Ok(match v {
            None => Timespec::Auto,
            Some(Value::Str(s)) => match &**s {
                "auto" => Timespec::Auto,
                "hours" => Timespec::Hours,
                "minutes" => Timespec::Minutes,
                "seconds" => Timespec::Seconds,
                "milliseconds" => Timespec::Milliseconds,
                "microseconds" => Timespec::Microseconds,
                _ => return Err(error("ValueError", "Unknown timespec value")),
            },
            Some(other) => {
                return Err(type_error(format!(
                    "isoformat() argument {at} must be str, not {}",
                    other.type_name()
                )));
            }
        })
    }
}

/// A time of day, `micros` after midnight, as `isoformat` writes it:
/// `HH:MM:SS[.ffffff]`, or as much as `spec` asks (milliseconds cut,
/// not rounded).
pub fn time_text(micros: i64, spec: Timespec) -> String {
    let (secs, us) = (micros / 1_000_000, micros % 1_000_000);
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    match spec {
        Timespec::Hours => format!("{h:02}"),
        Timespec::Minutes => format!("{h:02}:{m:02}"),
        Timespec::Auto if us == 0 => format!("{h:02}:{m:02}:{s:02}"),
        Timespec::Seconds => format!("{h:02}:{m:02}:{s:02}"),
        Timespec::Milliseconds => format!("{h:02}:{m:02}:{s:02}.{:03}", us / 1000),
        Timespec::Auto | Timespec::Microseconds => format!("{h:02}:{m:02}:{s:02}.{us:06}"),
    }
}

/// `isoformat(sep, timespec)` (and `str`, with a space).
pub fn iso(t: Type, v: i64, sep: &str, spec: Timespec) -> String {
    let micros = if t == Type::Date { v * DAY } else { v };
    let tm = Tm::from_micros(micros);
    let day = format!("{:04}-{:02}-{:02}", tm.year, tm.month, tm.day);
    if t == Type::Date {
        return day;
    }
    format!("{day}{sep}{}", time_text(micros.rem_euclid(DAY), spec))
}

/// `strftime(fmt)` of a date or datetime, `%z` and `%Z` from `zone`
/// (empty for a naive one).
pub fn strftime(t: Type, v: i64, fmt: &str, zone: &Zone) -> String {
    let micros = if t == Type::Date { v * DAY } else { v };
    calendar::strftime(fmt, &Tm::from_micros(micros), zone)
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

/// CPython 3.11's `parse_hh_mm_ss_ff`: `HH[:MM[:SS[.f...]]]` (or without
/// the colons) into the fields; `Err` when malformed, `Ok(true)` when
/// something follows.
fn hh_mm_ss_ff(s: &[u8], fields: &mut [i64; 4]) -> Result<bool, ()> {
    let digits = |at: usize, n: usize| -> Result<i64, ()> {
        let part = s.get(at..at + n).ok_or(())?;
        if !part.iter().all(u8::is_ascii_digit) {
            return Err(());
        }
        Ok(part.iter().fold(0, |acc, d| acc * 10 + i64::from(d - b'0')))
    };
    let mut p = 0;
    let mut colons = true;
    for (i, field) in fields.iter_mut().take(3).enumerate() {
        *field = digits(p, 2)?;
        p += 2;
        let c = s.get(p).copied();
        p += 1;
        if i == 0 {
            colons = c == Some(b':');
        }
        if p >= s.len() {
            return Ok(c.is_some());
        }
        match c {
            Some(b':') if colons => continue,
            Some(b'.' | b',') => break,
            _ if !colons => p -= 1,
            _ => return Err(()),
        }
    }
    let n = (s.len() - p).min(6);
    if n == 0 {
        return Err(());
    }
    fields[3] = digits(p, n)? * 10i64.pow(6 - n as u32);
    p += n;
    while s.get(p).is_some_and(u8::is_ascii_digit) {
        p += 1;
    }
    Ok(p < s.len())
}

/// CPython 3.11's `parse_isoformat_time`: a time of day and its zone
/// (`Z` or `+HH[:MM[:SS[.ffffff]]]`) as microseconds after midnight and
/// the offset; `None` for a string that is not one.
pub fn parse_time(s: &str) -> Option<([i64; 4], Option<i64>)> {
    let b = s.as_bytes();
    let at = b
        .iter()
        .position(|c| matches!(c, b'Z' | b'+' | b'-'))
        .unwrap_or(b.len());
    let mut fields = [0i64; 4];
    let rest = hh_mm_ss_ff(&b[..at], &mut fields).ok()?;
    if at == b.len() {
        return (!rest).then_some((fields, None));
    }
    if b[at] == b'Z' {
        return (at + 1 == b.len()).then_some((fields, Some(0)));
    }
    let sign = if b[at] == b'-' { -1 } else { 1 };
    let mut tz = [0i64; 4];
    if hh_mm_ss_ff(&b[at + 1..], &mut tz).ok()? {
        return None;
    }
    Some((
        fields,
        Some(sign * ((tz[0] * 3600 + tz[1] * 60 + tz[2]) * 1_000_000 + tz[3])),
    ))
}
