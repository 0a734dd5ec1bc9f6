//! `datetime.strptime(text, format)`, as CPython 3.11's `_strptime` reads
//! text in the C locale: each directive takes what its pattern takes
//! (`%m` two digits when they make a month, else one), letters match
//! whatever their case, and a space in the format matches any run of
//! whitespace. Fields not given are those of 1900-01-01 00:00.

use super::{DAY, checked_days, datetime_in, zone};
use crate::engine::py::types::exc::{PyResult, error};
use crate::engine::py::types::value::Value;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const DAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// What the text gave.
#[derive(Default)]
struct Fields {
    year: Option<i64>,
    month: Option<i64>,
    day: Option<i64>,
    hour: i64,
    hour12: Option<i64>,
    pm: Option<bool>,
    minute: i64,
    second: i64,
    micro: i64,
    yday: Option<i64>,
    offset: Option<i64>,
}

/// Reads `text` as `format` says.
pub fn strptime(text: &str, format: &str) -> PyResult<Value> {
    let mismatch = || {
        error(
            "ValueError",
            format!(
                "time data {} does not match format {}",
                Value::str(text).repr(),
                Value::str(format).repr()
            ),
        )
    };
    let mut f = Fields::default();
    let mut rest = text;
    let mut spec = format.chars();
    while let Some(c) = spec.next() {
        if c.is_whitespace() {
            let trimmed = rest.trim_start();
            if trimmed.len() == rest.len() {
                return Err(mismatch());
            }
            rest = trimmed;
            continue;
        }
        if c != '%' {
            let mut it = rest.chars();
            match it.next() {
                Some(t) if t.to_lowercase().eq(c.to_lowercase()) => rest = it.as_str(),
                _ => return Err(mismatch()),
            }
            continue;
        }
        let Some(d) = spec.next() else {
            return Err(error(
                "ValueError",
                format!("stray % in format {}", Value::str(format).repr()),
            ));
        };
        let took = match d {
            'Y' => digits(rest, 4, 4).map(|(n, r)| {
                f.year = Some(n);
                r
            }),
            'y' => digits(rest, 2, 2).map(|(n, r)| {
                f.year = Some(if n < 69 { 2000 + n } else { 1900 + n });
                r
            }),
            'm' => ranged(rest, 1, 12).map(|(n, r)| {
                f.month = Some(n);
                r
            }),
            'd' => ranged(rest, 1, 31).map(|(n, r)| {
                f.day = Some(n);
                r
            }),
            'H' => ranged(rest, 0, 23).map(|(n, r)| {
                f.hour = n;
                r
            }),
            'I' => ranged(rest, 1, 12).map(|(n, r)| {
                f.hour12 = Some(n);
                r
            }),
            'M' => ranged(rest, 0, 59).map(|(n, r)| {
                f.minute = n;
                r
            }),
            'S' => ranged(rest, 0, 61).map(|(n, r)| {
                f.second = n;
                r
            }),
            'j' => digits(rest, 1, 3)
                .filter(|(n, _)| (1..=366).contains(n))
                .map(|(n, r)| {
                    f.yday = Some(n);
                    r
                }),
            'f' => {
                let n = rest.bytes().take(6).take_while(u8::is_ascii_digit).count();
                digits(rest, 1, n.max(1)).map(|(v, r)| {
                    f.micro = v * 10i64.pow(6 - n as u32);
                    r
                })
            }
            'p' => word(rest, &["am", "pm"]).map(|(i, r)| {
                f.pm = Some(i == 1);
                r
            }),
            'b' | 'B' | 'h' => {
                let names: Vec<&str> = if d == 'B' {
                    MONTHS.to_vec()
                } else {
                    MONTHS.iter().map(|m| &m[..3]).collect()
                };
                word(rest, &names).map(|(i, r)| {
                    f.month = Some(i as i64 + 1);
                    r
                })
            }
            'a' | 'A' => {
                let names: Vec<&str> = if d == 'A' {
                    DAYS.to_vec()
                } else {
                    DAYS.iter().map(|m| &m[..3]).collect()
                };
                word(rest, &names).map(|(_, r)| r)
            }
            'z' => offset(rest).map(|(o, r)| {
                f.offset = Some(o);
                r
            }),
            '%' => rest.strip_prefix('%'),
            other => {
                return Err(error(
                    "ValueError",
                    format!(
                        "'{other}' is a bad directive in format {}",
                        Value::str(format).repr()
                    ),
                ));
            }
        };
        rest = took.ok_or_else(mismatch)?;
    }
    if !rest.is_empty() {
        return Err(error(
            "ValueError",
            format!("unconverted data remains: {rest}"),
        ));
    }
    if let Some(h) = f.hour12 {
        f.hour = match f.pm {
            Some(true) => h % 12 + 12,
            _ => h % 12,
        };
    }
    let year = f.year.unwrap_or(1900);
    let days = match (f.yday, f.month, f.day) {
        (Some(yday), None, None) => checked_days(year, 1, 1)? + yday - 1,
        (_, month, day) => checked_days(year, month.unwrap_or(1), day.unwrap_or(1))?,
    };
    let micros = days * DAY + (f.hour * 3600 + f.minute * 60 + f.second) * 1_000_000 + f.micro;
    datetime_in(micros, f.offset.map_or(Value::None, zone::fixed))
}

/// From `min` to `max` ASCII digits at the start of `s`, as many as there
/// are.
fn digits(s: &str, min: usize, max: usize) -> Option<(i64, &str)> {
    let n = s.bytes().take(max).take_while(u8::is_ascii_digit).count();
    if n < min {
        return None;
    }
    Some((s[..n].parse().ok()?, &s[n..]))
}

/// One or two digits making a number from `lo` to `hi`: two when they do.
fn ranged(s: &str, lo: i64, hi: i64) -> Option<(i64, &str)> {
    [2, 1]
        .into_iter()
        .find_map(|n| digits(s, n, n).filter(|(v, _)| (lo..=hi).contains(v)))
}

/// The longest of `names` that starts `s` (in any case), by its index.
fn word<'a>(s: &'a str, names: &[&str]) -> Option<(usize, &'a str)> {
    names
        .iter()
        .enumerate()
        .filter(|(_, n)| {
            s.get(..n.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(n))
        })
        .max_by_key(|(_, n)| n.len())
        .map(|(i, n)| (i, &s[n.len()..]))
}

/// `%z`: `Z`, or `+HHMM[SS[.ffffff]]`, with colons or without.
fn offset(s: &str) -> Option<(i64, &str)> {
    if let Some(r) = s.strip_prefix(['Z', 'z']) {
        return Some((0, r));
    }
    let sign = match s.chars().next()? {
        '+' => 1,
        '-' => -1,
        _ => return None,
    };
    let (hours, rest) = digits(&s[1..], 2, 2)?;
    let colon = rest.starts_with(':');
    fn next(r: &str, colon: bool) -> Option<&str> {
        if colon { r.strip_prefix(':') } else { Some(r) }
    }
    let (minutes, mut rest) = digits(next(rest, colon)?, 2, 2)?;
    let mut micros = (hours * 3600 + minutes * 60) * 1_000_000;
    if let Some((secs, r)) = next(rest, colon).and_then(|r| digits(r, 2, 2)) {
        micros += secs * 1_000_000;
        rest = r;
        if let Some((frac, r)) = rest.strip_prefix('.').and_then(|r| digits(r, 6, 6)) {
            micros += frac;
            rest = r;
        }
    }
    Some((sign * micros, rest))
}
