//! printf-style `%`-formatting, as CPython 3.11's `PyUnicode_Format`:
//! `str % args` (`"%s is %d" % (name, n)`, `"%(key)s" % mapping`) and
//! `logging`'s messages and formats (`%(levelname)-8s`).

use super::exc::{PyResult, Unwind, error, type_error};
use super::format::format_value;
use super::ops::check_bytes;
use super::value::Value;
use crate::engine::budget;
use num_bigint::BigInt;
use num_traits::{FromPrimitive, Signed, ToPrimitive};

/// `mapping[key]`, for `%(key)s`.
pub type Lookup<'a> = &'a dyn Fn(&str) -> PyResult<Value>;

/// What the conversions read: the right operand of `%`.
pub struct Source<'a> {
    /// The positional values: a tuple's items, or the one value that is
    /// not a tuple.
    pub args: &'a [Value],
    /// Whether `args` is one value that is not a tuple: it is converted
    /// once, and what is left unconverted is not counted.
    pub single: bool,
    /// `mapping[key]` for `%(key)s`, when the operand is a mapping (then
    /// no "not all arguments converted" error either).
    pub key: Option<Lookup<'a>>,
}

/// `str` and `repr` through the interpreter.
pub struct Text<'a> {
    pub str: &'a dyn Fn(&Value) -> PyResult<String>,
    pub repr: &'a dyn Fn(&Value) -> PyResult<String>,
}

/// The conversion flags.
#[derive(Default)]
struct Flags {
    left: bool,
    sign: bool,
    blank: bool,
    alt: bool,
    zero: bool,
}

/// Which argument comes next: CPython's `arglen`/`argidx`, where a single
/// value (or a mapping's item after `%(key)`) has length -1.
struct Cursor<'a> {
    args: &'a [Value],
    keyed: Option<Value>,
    len: isize,
    idx: isize,
}

impl Cursor<'_> {
    fn next(&mut self) -> PyResult<Value> {
        if self.idx >= self.len {
            return Err(type_error("not enough arguments for format string"));
        }
        self.idx += 1;
        Ok(if self.len < 0 {
            match &self.keyed {
                Some(v) => v.clone(),
                None => self.args[0].clone(),
            }
        } else {
            self.args[(self.idx - 1) as usize].clone()
        })
    }
}

/// `fmt % source`, exactly as CPython formats it, with CPython's errors
/// (`TypeError`, `ValueError`, `KeyError`, `OverflowError`); a width or
/// precision too large for the run's memory ends it on the value-size
/// limit.
pub fn format(fmt: &str, source: &Source, text: &Text) -> PyResult<String> {
    let mut out = String::with_capacity(fmt.len());
    let mut cur = Cursor {
        args: source.args,
        keyed: None,
        len: if source.single {
            -1
        } else {
            source.args.len() as isize
        },
        idx: if source.single { -2 } else { 0 },
    };
    let chars: Vec<char> = fmt.chars().collect();
    let mut pos = 0;
    while pos < chars.len() {
        let c = chars[pos];
        pos += 1;
        if c != '%' {
            out.push(c);
            continue;
        }
        if chars.get(pos) == Some(&'%') {
            pos += 1;
            out.push('%');
            continue;
        }
        if chars.get(pos) == Some(&'(') {
            let Some(get) = source.key else {
                return Err(type_error("format requires a mapping"));
            };
            pos += 1;
            let start = pos;
            let mut depth = 1;
            while pos < chars.len() {
                match chars[pos] {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    _ => {}
                }
                if depth == 0 {
                    break;
                }
                pos += 1;
            }
            if depth > 0 {
                return Err(error("ValueError", "incomplete format key"));
            }
            let key: String = chars[start..pos].iter().collect();
            pos += 1;
            cur.keyed = Some(get(&key)?);
            cur.len = -1;
            cur.idx = -2;
        }
        let mut flags = Flags::default();
        while let Some(&c) = chars.get(pos) {
            match c {
                '-' => flags.left = true,
                '+' => flags.sign = true,
                ' ' => flags.blank = true,
                '#' => flags.alt = true,
                '0' => flags.zero = true,
                _ => break,
            }
            pos += 1;
        }
        let mut width = 0usize;
        if chars.get(pos) == Some(&'*') {
            pos += 1;
            let w = star(&cur.next()?)?;
            if w < 0 {
                flags.left = true;
            }
            width = usize::try_from(w.unsigned_abs()).unwrap_or(usize::MAX);
        } else {
            while let Some(d) = chars.get(pos).and_then(|c| c.to_digit(10)) {
                width = width
                    .checked_mul(10)
                    .and_then(|w| w.checked_add(d as usize))
                    .filter(|w| *w <= isize::MAX as usize)
                    .ok_or_else(|| error("ValueError", "width too big"))?;
                pos += 1;
            }
        }
        let mut precision = None;
        if chars.get(pos) == Some(&'.') {
            pos += 1;
            if chars.get(pos) == Some(&'*') {
                pos += 1;
                let p = star(&cur.next()?)?;
                precision = Some(usize::try_from(p.max(0)).unwrap_or(usize::MAX));
            } else {
                let mut p = 0usize;
                while let Some(d) = chars.get(pos).and_then(|c| c.to_digit(10)) {
                    p = p
                        .checked_mul(10)
                        .and_then(|p| p.checked_add(d as usize))
                        .filter(|p| *p <= i32::MAX as usize)
                        .ok_or_else(|| error("ValueError", "precision too big"))?;
                    pos += 1;
                }
                precision = Some(p);
            }
        }
        if matches!(chars.get(pos), Some('h' | 'l' | 'L')) {
            pos += 1;
        }
        let Some(&kind) = chars.get(pos) else {
            return Err(error("ValueError", "incomplete format"));
        };
        pos += 1;
        let value = cur.next()?;
        let piece = convert(kind, pos - 1, &value, &flags, precision, text)?;
        pad(&mut out, &piece, width, &flags, kind)?;
    }
    if cur.idx < cur.len && source.key.is_none() {
        return Err(type_error(
            "not all arguments converted during string formatting",
        ));
    }
    Ok(out)
}

/// A `*` width or precision: an int.
fn star(v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(n) => Ok(*n),
        Value::Bool(b) => Ok(i64::from(*b)),
        Value::BigInt(_) => Err(error(
            "OverflowError",
            "Python int too large to convert to C ssize_t",
        )),
        _ => Err(type_error("* wants int")),
    }
}

/// Whether the conversion is numeric: its sign and `0` flag count.
fn numeric(kind: char) -> bool {
    !matches!(kind, 's' | 'r' | 'a' | 'c')
}

/// Writes `piece` padded to `width`: left-justified, zero-filled after
/// the sign and `0x` prefix, or right-justified with spaces.
fn pad(out: &mut String, piece: &str, width: usize, flags: &Flags, kind: char) -> PyResult<()> {
    let len = piece.chars().count();
    let fill = width.saturating_sub(len);
    if fill > 0 {
        check_bytes(out.len() + width)?;
        budget::charge_bytes(width)?;
    }
    if flags.left {
        out.push_str(piece);
        out.extend(std::iter::repeat_n(' ', fill));
    } else if flags.zero && numeric(kind) {
        let mut head = 0;
        if piece.starts_with(['-', '+', ' ']) {
            head = 1;
        }
        if matches!(kind, 'x' | 'X' | 'o') && flags.alt && piece[head..].starts_with('0') {
            head += 2;
        }
        out.push_str(&piece[..head]);
        out.extend(std::iter::repeat_n('0', fill));
        out.push_str(&piece[head..]);
    } else {
        out.extend(std::iter::repeat_n(' ', fill));
        out.push_str(piece);
    }
    Ok(())
}

/// One conversion, unpadded, with its sign.
fn convert(
    kind: char,
    at: usize,
    v: &Value,
    flags: &Flags,
    precision: Option<usize>,
    text: &Text,
) -> PyResult<String> {
    let sign = |negative: bool| {
        if negative {
            "-"
        } else if flags.sign {
            "+"
        } else if flags.blank {
            " "
        } else {
            ""
        }
    };
    Ok(match kind {
        's' | 'r' | 'a' => {
            let s = match kind {
                's' => (text.str)(v)?,
                'r' => (text.repr)(v)?,
                _ => ascii_escape(&(text.repr)(v)?),
            };
            match precision {
                Some(p) => s.chars().take(p).collect(),
                None => s,
            }
        }
        'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
            let n = integer(kind, v)?;
            let (radix, prefix) = match kind {
                'x' => (16, "0x"),
                'X' => (16, "0X"),
                'o' => (8, "0o"),
                _ => (10, ""),
            };
            let mut digits = n.abs().to_str_radix(radix);
            if kind == 'X' {
                digits.make_ascii_uppercase();
            }
            let mut s = String::from(sign(n.is_negative()));
            if flags.alt {
                s.push_str(prefix);
            }
            if let Some(p) = precision
                && p > digits.len()
            {
                check_bytes(p)?;
                budget::charge_bytes(p)?;
                s.extend(std::iter::repeat_n('0', p - digits.len()));
            }
            s.push_str(&digits);
            s
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let x = match v {
                Value::Float(x) => *x,
                Value::Int(n) => *n as f64,
                Value::Bool(b) => f64::from(u8::from(*b)),
                Value::BigInt(n) => n
                    .to_f64()
                    .filter(|x| x.is_finite())
                    .ok_or_else(|| error("OverflowError", "int too large to convert to float"))?,
                other => {
                    return Err(type_error(format!(
                        "must be real number, not {}",
                        other.type_name()
                    )));
                }
            };
            let p = precision.unwrap_or(6);
            check_bytes(p)?;
            budget::charge_bytes(p)?;
            let alt = if flags.alt { "#" } else { "" };
            let body = format_value(&Value::Float(x.abs()), &format!("{alt}.{p}{kind}"))?;
            format!("{}{body}", sign(x.is_sign_negative() && !x.is_nan()))
        }
        'c' => {
            let code = match v {
                Value::Str(s) if s.chars().count() == 1 => return Ok(s.to_string()),
                Value::Int(n) => u32::try_from(*n).ok(),
                Value::Bool(b) => Some(u32::from(*b)),
                Value::BigInt(_) => None,
                _ => return Err(type_error("%c requires int or char")),
            };
            match code.filter(|c| *c < 0x110000) {
                Some(c) => match char::from_u32(c) {
                    Some(ch) => ch.to_string(),
                    None => {
                        return Err(super::exc::unsupported(
                            "a lone surrogate made by '%c' (a string here holds Unicode scalars)",
                        ));
                    }
                },
                None => {
                    return Err(error("OverflowError", "%c arg not in range(0x110000)"));
                }
            }
        }
        other => {
            let shown = if (' '..='~').contains(&other) {
                other
            } else {
                '?'
            };
            return Err(error(
                "ValueError",
                format!(
                    "unsupported format character '{shown}' (0x{:x}) at index {at}",
                    other as u32
                ),
            ));
        }
    })
}

/// The integer a `%d`/`%x`/`%o` conversion formats: an int, or a float
/// truncated for `%d`.
fn integer(kind: char, v: &Value) -> PyResult<BigInt> {
    match v {
        Value::Int(n) => Ok(BigInt::from(*n)),
        Value::Bool(b) => Ok(BigInt::from(u8::from(*b))),
        Value::BigInt(n) => Ok((**n).clone()),
        Value::Float(x) if matches!(kind, 'd' | 'i' | 'u') => {
            BigInt::from_f64(x.trunc()).ok_or_else(|| float_to_int_error(*x))
        }
        other if matches!(kind, 'd' | 'i' | 'u') => Err(type_error(format!(
            "%{kind} format: a real number is required, not {}",
            other.type_name()
        ))),
        other => Err(type_error(format!(
            "%{kind} format: an integer is required, not {}",
            other.type_name()
        ))),
    }
}

fn float_to_int_error(x: f64) -> Unwind {
    if x.is_nan() {
        error("ValueError", "cannot convert float NaN to integer")
    } else {
        error("OverflowError", "cannot convert float infinity to integer")
    }
}

/// `repr` text with every non-ASCII character escaped, as `ascii()`.
pub fn ascii_escape(repr: &str) -> String {
    let mut out = String::with_capacity(repr.len());
    for c in repr.chars() {
        match c as u32 {
            0..=0x7f => out.push(c),
            n @ 0x80..=0xff => out.push_str(&format!("\\x{n:02x}")),
            n @ 0x100..=0xffff => out.push_str(&format!("\\u{n:04x}")),
            n => out.push_str(&format!("\\U{n:08x}")),
        }
    }
    out
}
