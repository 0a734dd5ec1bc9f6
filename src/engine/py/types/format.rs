//! Python's format-spec mini-language for the built-in types, as CPython
//! 3.11 implements it (`format(v, spec)`, f-string fields, `str.format`):
//! `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.

use super::callbacks::Callbacks;
use super::exc::{PyResult, error, type_error, value_error};
use super::float_digits::{float_e, float_f, float_g, float_repr, non_finite};
use super::native::Args;
use super::ops;
use super::value::Value;
use num_traits::Signed;

/// Longest text a format spec may make (characters).
const MAX_WIDTH: usize = ops::MAX_ITEMS * 10;

/// A parsed format spec.
#[derive(Clone, Debug, PartialEq)]
pub struct Spec {
    pub fill: char,
    /// `<`, `>`, `^` or `=`; `None` for the type's default.
    pub align: Option<char>,
    /// `+`, `-` or a space.
    pub sign: Option<char>,
    /// `z`: a negative zero prints without its sign.
    pub no_neg_zero: bool,
    /// `#`.
    pub alternate: bool,
    pub width: Option<usize>,
    /// `,` or `_`.
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

/// Reads decimal digits at `pos`, CPython's `get_integer`.
fn digits_at(chars: &[char], pos: &mut usize) -> PyResult<Option<usize>> {
    let start = *pos;
    let mut n: usize = 0;
    while let Some(d) = chars.get(*pos).and_then(|c| c.to_digit(10)) {
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_add(d as usize))
            .filter(|n| *n <= isize::MAX as usize)
            .ok_or_else(|| value_error("Too many decimal digits in format string"))?;
        *pos += 1;
    }
    Ok((*pos > start).then_some(n))
}

/// Parses a format spec for a value of type `type_name` (whose default
/// presentation type is `'s'` for str, `'d'` for int, none for float); the
/// errors that do not depend on the value are raised here.
pub fn parse_spec(spec: &str, type_name: &str, default_ty: Option<char>) -> PyResult<Spec> {
    let default_align = if default_ty == Some('s') { '<' } else { '>' };
    let chars: Vec<char> = spec.chars().collect();
    let mut s = Spec {
        fill: ' ',
        align: None,
        sign: None,
        no_neg_zero: false,
        alternate: false,
        width: None,
        grouping: None,
        precision: None,
        ty: None,
    };
    let mut pos = 0;
    let mut fill_given = false;
    if chars.len() >= 2 && is_align(chars[1]) {
        s.fill = chars[0];
        s.align = Some(chars[1]);
        fill_given = true;
        pos = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        s.align = Some(chars[0]);
        pos = 1;
    }
    if let Some(&c) = chars.get(pos)
        && matches!(c, '+' | '-' | ' ')
    {
        s.sign = Some(c);
        pos += 1;
    }
    if chars.get(pos) == Some(&'z') {
        s.no_neg_zero = true;
        pos += 1;
    }
    if chars.get(pos) == Some(&'#') {
        s.alternate = true;
        pos += 1;
    }
    if !fill_given && chars.get(pos) == Some(&'0') {
        s.fill = '0';
        if s.align.is_none() && default_align == '>' {
            s.align = Some('=');
        }
        pos += 1;
    }
    s.width = digits_at(&chars, &mut pos)?;
    if chars.get(pos) == Some(&',') {
        s.grouping = Some(',');
        pos += 1;
    }
    if chars.get(pos) == Some(&'_') {
        if s.grouping.is_some() {
            return Err(value_error("Cannot specify both ',' and '_'."));
        }
        s.grouping = Some('_');
        pos += 1;
    }
    if chars.get(pos) == Some(&',') {
        return Err(value_error("Cannot specify both ',' and '_'."));
    }
    if chars.get(pos) == Some(&'.') {
        pos += 1;
        s.precision = digits_at(&chars, &mut pos)?;
        if s.precision.is_none() {
            return Err(value_error("Format specifier missing precision"));
        }
    }
    if chars.len() - pos > 1 {
        return Err(value_error(format!(
            "Invalid format specifier '{spec}' for object of type '{type_name}'"
        )));
    }
    s.ty = chars.get(pos).copied().or(default_ty);
    if let Some(g) = s.grouping {
        let ty = s.ty.unwrap_or('\0');
        let ok = match ty {
            'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0' => true,
            'b' | 'o' | 'x' | 'X' => g == '_',
            _ => false,
        };
        if !ok {
            return Err(value_error(format!(
                "Cannot specify '{g}' with {}.",
                code_text(ty)
            )));
        }
    }
    for n in [s.width, s.precision].into_iter().flatten() {
        if n > MAX_WIDTH {
            return Err(error(
                "MemoryError",
                format!("the value would hold {n} items (limit: value size)"),
            ));
        }
        // Padding and digits are built: work and memory of the run.
        crate::engine::budget::charge_bytes(n)?;
        crate::engine::budget::reserve(n)?;
    }
    Ok(s)
}

/// A format code quoted as CPython's messages show it.
fn code_text(c: char) -> String {
    if (c as u32) > 32 && (c as u32) < 128 {
        format!("'{c}'")
    } else {
        format!("'\\x{:x}'", c as u32)
    }
}

fn unknown_code(c: char, type_name: &str) -> super::exc::Unwind {
    value_error(format!(
        "Unknown format code {} for object of type '{type_name}'",
        code_text(c)
    ))
}

/// `format(v, spec)` for the built-in types. An empty spec gives `str(v)`
/// (as `Value::to_str`; values whose `str` needs the interpreter go through
/// [`format_with`]).
pub fn format_value(v: &Value, spec: &str) -> PyResult<String> {
    match v {
        Value::Str(s) => {
            if spec.is_empty() {
                return Ok(s.to_string());
            }
            format_str(s, &parse_spec(spec, "str", Some('s'))?, "str")
        }
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
            if spec.is_empty() {
                return Ok(v.to_str());
            }
            let type_name = v.type_name();
            let parsed = parse_spec(spec, type_name, Some('d'))?;
            format_int(v, &parsed, type_name)
        }
        Value::Float(f) => {
            if spec.is_empty() {
                return Ok(float_repr(*f));
            }
            format_float(*f, &parse_spec(spec, "float", None)?, "float")
        }
        other => {
            if spec.is_empty() {
                Ok(other.to_str())
            } else {
                Err(type_error(format!(
                    "unsupported format string passed to {}.__format__",
                    other.type_name()
                )))
            }
        }
    }
}

/// `format(v, spec)`, as `format()`, f-strings and `str.format` call it: a
/// class's own `__format__` (which must return a `str`); an `IntEnum`,
/// `IntFlag` or `StrEnum` member as its value and another enum member as
/// its `str` (3.11's `Enum.__format__`); any other instance as `str(v)`
/// for an empty spec and a `TypeError` for another (`object.__format__`);
/// a built-in value by the format-spec mini-language.
pub fn format_with(cx: &dyn Callbacks, v: &Value, spec: &str) -> PyResult<String> {
    let Value::Instance(i) = v else {
        return if spec.is_empty() {
            cx.str(v)
        } else {
            format_value(v, spec)
        };
    };
    if let Some(m) = i.class.lookup("__format__") {
        return match cx.call(&m, Args::positional(vec![v.clone(), Value::str(spec)]))? {
            Value::Str(s) => Ok(s.to_string()),
            other => Err(type_error(format!(
                "__format__ must return a str, not {}",
                other.type_name()
            ))),
        };
    }
    let c = &i.class;
    if i.exc.is_none() {
        if c.derives_from("IntEnum") || c.derives_from("IntFlag") || c.derives_from("StrEnum") {
            let value = i
                .attrs
                .dict()
                .borrow()
                .get("value")
                .cloned()
                .unwrap_or(Value::None);
            return format_with(cx, &value, spec);
        }
        if c.derives_from("Enum") {
            return format_value(&Value::str(&cx.str(v)?), spec);
        }
    }
    if spec.is_empty() {
        return cx.str(v);
    }
    Err(type_error(format!(
        "unsupported format string passed to {}.__format__",
        c.name
    )))
}

fn format_str(s: &str, spec: &Spec, type_name: &str) -> PyResult<String> {
    match spec.ty {
        None | Some('s') => {}
        Some(c) => return Err(unknown_code(c, type_name)),
    }
    if spec.sign.is_some() {
        return Err(value_error("Sign not allowed in string format specifier"));
    }
    if spec.no_neg_zero {
        return Err(value_error(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if spec.alternate {
        return Err(value_error(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    let align = spec.align.unwrap_or('<');
    if align == '=' {
        return Err(value_error(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let text: String = match spec.precision {
        Some(p) => s.chars().take(p).collect(),
        None => s.to_string(),
    };
    Ok(pad(&text, spec.width, align, spec.fill))
}

/// Pads `text` to `width` characters.
fn pad(text: &str, width: Option<usize>, align: char, fill: char) -> String {
    let len = text.chars().count();
    let total = width.unwrap_or(0).max(len);
    let left = match align {
        '>' => total - len,
        '^' => (total - len) / 2,
        _ => 0,
    };
    let right = total - len - left;
    let mut out = String::with_capacity(text.len() + left + right);
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(text);
    out.extend(std::iter::repeat_n(fill, right));
    out
}

/// Digits grouped by `sep` every `size` digits, zero-filled on the left to
/// at least `min_width` characters: CPython's
/// `_PyUnicode_InsertThousandsGrouping`.
fn group_digits(digits: &str, sep: Option<(char, usize)>, min_width: isize) -> String {
    let digits: Vec<char> = digits.chars().collect();
    let mut remaining = digits.len() as isize;
    let mut min_width = min_width;
    // Groups from the right.
    let mut groups: Vec<String> = Vec::new();
    let take = |remaining: isize, l: isize| -> String {
        let zeros = (l - remaining).max(0) as usize;
        let n_chars = remaining.min(l).max(0) as usize;
        let end = remaining.max(0) as usize;
        let mut g: String = std::iter::repeat_n('0', zeros).collect();
        g.extend(&digits[end - n_chars..end]);
        g
    };
    match sep {
        Some((_, size)) => loop {
            let l = (size as isize).min(remaining.max(min_width).max(1));
            groups.push(take(remaining, l));
            remaining -= remaining.min(l).max(0);
            min_width -= l;
            if remaining <= 0 && min_width <= 0 {
                break;
            }
            min_width -= 1;
        },
        None => {
            let l = remaining.max(min_width).max(1);
            groups.push(take(remaining, l));
        }
    }
    groups.reverse();
    match sep {
        Some((c, _)) => groups.join(&c.to_string()),
        None => groups.concat(),
    }
}

/// Lays a number out: CPython's `calc_number_widths` and `fill_number`.
/// `digits` is the integer part (grouped and zero-filled), `rest` what
/// follows it (decimal point, fraction, exponent, `%`).
fn layout(
    negative: bool,
    prefix: &str,
    digits: &str,
    rest: &str,
    spec: &Spec,
    group_size: usize,
) -> String {
    let sign = match (spec.sign, negative) {
        (_, true) => "-",
        (Some('+'), false) => "+",
        (Some(' '), false) => " ",
        _ => "",
    };
    let align = spec.align.unwrap_or('>');
    let width = spec.width.map_or(-1, |w| w as isize);
    let non_digit = (sign.len() + prefix.len() + rest.chars().count()) as isize;
    let min_width = if spec.fill == '0' && align == '=' {
        width - non_digit
    } else {
        0
    };
    let grouped = if digits.is_empty() {
        String::new()
    } else {
        group_digits(digits, spec.grouping.map(|c| (c, group_size)), min_width)
    };
    let padding = (width - non_digit - grouped.chars().count() as isize).max(0) as usize;
    let (left, middle, right) = match align {
        '<' => (0, 0, padding),
        '^' => (padding / 2, 0, padding - padding / 2),
        '=' => (0, padding, 0),
        _ => (padding, 0, 0),
    };
    let fill = |n: usize| std::iter::repeat_n(spec.fill, n).collect::<String>();
    let mut out = fill(left);
    out.push_str(sign);
    out.push_str(prefix);
    out.push_str(&fill(middle));
    out.push_str(&grouped);
    out.push_str(rest);
    out.push_str(&fill(right));
    out
}

fn format_int(v: &Value, spec: &Spec, type_name: &str) -> PyResult<String> {
    let ty = spec.ty.unwrap_or('d');
    match ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let f = int_to_float(v)?;
            return format_float(f, spec, type_name);
        }
        c => return Err(unknown_code(c, type_name)),
    }
    if spec.precision.is_some() {
        return Err(value_error(
            "Precision not allowed in integer format specifier",
        ));
    }
    if spec.no_neg_zero {
        return Err(value_error(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    let n = ops::big(v).unwrap_or_default();
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err(value_error(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if spec.alternate {
            return Err(value_error(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        if i64::try_from(&n).is_err() {
            return Err(error(
                "OverflowError",
                "Python int too large to convert to C long",
            ));
        }
        let code = u32::try_from(&n).ok().filter(|c| *c < 0x110000);
        let Some(code) = code else {
            return Err(error("OverflowError", "%c arg not in range(0x110000)"));
        };
        let c = char::from_u32(code).unwrap_or('\u{fffd}');
        return Ok(layout(false, "", "", &c.to_string(), spec, 3));
    }
    let (radix, prefix) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = n.abs().to_str_radix(radix);
    if ty == 'X' {
        digits.make_ascii_uppercase();
    }
    let prefix = if spec.alternate { prefix } else { "" };
    let group_size = if radix == 10 { 3 } else { 4 };
    Ok(layout(
        n.is_negative(),
        prefix,
        &digits,
        "",
        spec,
        group_size,
    ))
}

/// An int as a float, or CPython's `OverflowError`.
pub fn int_to_float(v: &Value) -> PyResult<f64> {
    match ops::float(v) {
        Some(f) if f.is_finite() => Ok(f),
        _ => Err(error("OverflowError", "int too large to convert to float")),
    }
}

fn format_float(x: f64, spec: &Spec, type_name: &str) -> PyResult<String> {
    let ty = spec.ty;
    match ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => {}
        Some(c) => return Err(unknown_code(c, type_name)),
    }
    let mut negative = x.is_sign_negative() && !x.is_nan();
    let a = x.abs();
    let mut text = match ty {
        None => match spec.precision {
            None => {
                let mut r = if a.is_finite() {
                    float_repr(a)
                } else {
                    non_finite(a)
                };
                if spec.alternate && a.is_finite() && !r.contains('.') {
                    let at = r.find('e').unwrap_or(r.len());
                    r.insert(at, '.');
                }
                r
            }
            Some(p) => float_g(a, p, spec.alternate, true),
        },
        Some('e' | 'E') => float_e(a, spec.precision.unwrap_or(6), spec.alternate),
        Some('f' | 'F') => float_f(a, spec.precision.unwrap_or(6), spec.alternate),
        Some('%') => {
            let mut s = float_f(a * 100.0, spec.precision.unwrap_or(6), spec.alternate);
            s.push('%');
            s
        }
        _ => float_g(a, spec.precision.unwrap_or(6), spec.alternate, false),
    };
    if matches!(ty, Some('E' | 'F' | 'G')) {
        text.make_ascii_uppercase();
    }
    let mantissa = text.split('e').next().unwrap_or("");
    let is_zero = mantissa.contains(|c: char| c.is_ascii_digit())
        && !mantissa.contains(|c| ('1'..='9').contains(&c));
    if negative && spec.no_neg_zero && is_zero {
        negative = false;
    }
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (digits, rest) = text.split_at(split);
    Ok(layout(negative, "", digits, rest, spec, 3))
}

#[cfg(test)]
mod tests;
