//! printf-style formatting as `logging` uses it: the message's `%`-args
//! (`"took %.1f s"`, `"%s"`) and the format's fields (`%(levelname)-8s`).

use crate::engine::py::types::exc::{PyResult, type_error};
use crate::engine::py::types::format::format_value;
use crate::engine::py::types::value::Value;

/// Where the conversions take their values.
pub enum Source<'a> {
    /// In order (`msg % args`).
    Seq(&'a [Value]),
    /// By name (`%(name)s`): the field's value, or `None` if there is none.
    Named(&'a dyn Fn(&str) -> PyResult<Option<Value>>),
}

/// `str` and `repr` through the interpreter.
pub struct Text<'a> {
    pub str: &'a dyn Fn(&Value) -> PyResult<String>,
    pub repr: &'a dyn Fn(&Value) -> PyResult<String>,
}

/// `fmt % source`, as CPython formats it; a mismatch raises CPython's
/// `TypeError` (or `KeyError` for a missing field).
pub fn format(fmt: &str, source: &Source, text: &Text) -> PyResult<String> {
    let mut out = String::with_capacity(fmt.len());
    let mut next = 0usize;
    let mut chars = fmt.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let mut key = None;
        if chars.peek().is_some_and(|&(_, c)| c == '(') {
            chars.next();
            let mut name = String::new();
            loop {
                match chars.next() {
                    Some((_, ')')) => break,
                    Some((_, c)) => name.push(c),
                    None => return Err(error("ValueError", "incomplete format key")),
                }
            }
            key = Some(name);
        }
        let mut flags = String::new();
        while let Some(&(_, c)) = chars.peek() {
            if !matches!(c, '-' | '+' | ' ' | '#' | '0') {
                break;
            }
            flags.push(c);
            chars.next();
        }
        let mut width = String::new();
        while let Some(&(_, c)) = chars.peek().filter(|(_, c)| c.is_ascii_digit()) {
            width.push(c);
            chars.next();
        }
        let mut precision = None;
        if chars.peek().is_some_and(|&(_, c)| c == '.') {
            chars.next();
            let mut p = String::new();
            while let Some(&(_, c)) = chars.peek().filter(|(_, c)| c.is_ascii_digit()) {
                p.push(c);
                chars.next();
            }
            precision = Some(p.parse::<usize>().unwrap_or(0));
        }
        while chars
            .peek()
            .is_some_and(|&(_, c)| matches!(c, 'h' | 'l' | 'L'))
        {
            chars.next();
        }
        let Some((at, kind)) = chars.next() else {
            return Err(error("ValueError", "incomplete format"));
        };
        if kind == '%' && key.is_none() {
            out.push('%');
            continue;
        }
        let value = match (&key, source) {
            (Some(name), Source::Named(get)) => {
                get(name)?.ok_or_else(|| error("KeyError", format!("'{name}'")))?
            }
            (Some(_), Source::Seq(_)) => {
                return Err(type_error("format requires a mapping"));
            }
            (None, Source::Seq(values)) => {
                let v = values
                    .get(next)
                    .cloned()
                    .ok_or_else(|| type_error("not enough arguments for format string"))?;
                next += 1;
                v
            }
            (None, Source::Named(_)) => {
                return Err(type_error("format requires a mapping"));
            }
        };
        let width: usize = width.parse().unwrap_or(0);
        let left = flags.contains('-');
        let piece = convert(kind, at, &value, &flags, precision, text)?;
        let pad = width.saturating_sub(piece.chars().count());
        let numeric = !matches!(kind, 's' | 'r' | 'a' | 'c');
        if left {
            out.push_str(&piece);
            out.extend(std::iter::repeat_n(' ', pad));
        } else if flags.contains('0') && numeric {
            let (sign, digits) = match piece.strip_prefix(['-', '+', ' ']) {
                Some(rest) => piece.split_at(piece.len() - rest.len()),
                None => ("", piece.as_str()),
            };
            out.push_str(sign);
            out.extend(std::iter::repeat_n('0', pad));
            out.push_str(digits);
        } else {
            out.extend(std::iter::repeat_n(' ', pad));
            out.push_str(&piece);
        }
    }
    if let Source::Seq(values) = source
        && next < values.len()
    {
        return Err(type_error(
            "not all arguments converted during string formatting",
        ));
    }
    Ok(out)
}

/// One conversion, unpadded.
fn convert(
    kind: char,
    at: usize,
    v: &Value,
    flags: &str,
    precision: Option<usize>,
    text: &Text,
) -> PyResult<String> {
    let sign = if flags.contains('+') {
        "+"
    } else if flags.contains(' ') {
        " "
    } else {
        ""
    };
    let alt = if flags.contains('#') { "#" } else { "" };
    Ok(match kind {
        's' | 'r' | 'a' => {
            let s = if kind == 's' {
                (text.str)(v)?
            } else {
                (text.repr)(v)?
            };
            match precision {
                Some(p) => s.chars().take(p).collect(),
                None => s,
            }
        }
        'd' | 'i' | 'u' => {
            let n = match v {
                Value::Float(x) if x.is_finite() => Value::Int(x.trunc() as i64),
                Value::Float(x) => {
                    return Err(error(
                        if x.is_nan() {
                            "ValueError"
                        } else {
                            "OverflowError"
                        },
                        format!(
                            "cannot convert float {} to integer",
                            if x.is_nan() { "NaN" } else { "infinity" }
                        ),
                    ));
                }
                Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => v.clone(),
                other => {
                    return Err(type_error(format!(
                        "%{kind} format: a real number is required, not {}",
                        other.type_name()
                    )));
                }
            };
            let n = if let Value::Bool(b) = n {
                Value::Int(i64::from(b))
            } else {
                n
            };
            format_value(&n, &format!("{sign}d"))?
        }
        'x' | 'X' | 'o' => match v {
            Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
                format_value(v, &format!("{sign}{alt}{kind}"))?
            }
            other => {
                return Err(type_error(format!(
                    "%{kind} format: an integer is required, not {}",
                    other.type_name()
                )));
            }
        },
        'f' | 'F' | 'e' | 'E' | 'g' | 'G' => {
            let x = match v {
                Value::Float(x) => *x,
                Value::Int(n) => *n as f64,
                Value::Bool(b) => f64::from(u8::from(*b)),
                Value::BigInt(n) => num_traits::ToPrimitive::to_f64(&**n).unwrap_or(f64::INFINITY),
                other => {
                    return Err(type_error(format!(
                        "must be real number, not {}",
                        other.type_name()
                    )));
                }
            };
            let p = precision.unwrap_or(6);
            format_value(&Value::Float(x), &format!("{sign}{alt}.{p}{kind}"))?
        }
        other => {
            return Err(error(
                "ValueError",
                format!(
                    "unsupported format character '{other}' (0x{:x}) at index {at}",
                    other as u32
                ),
            ));
        }
    })
}

fn error(name: &str, message: impl Into<String>) -> crate::engine::py::types::exc::Unwind {
    crate::engine::py::types::exc::error(name, message)
}
