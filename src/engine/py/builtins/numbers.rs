//! The numeric built-ins and conversions: `pow`, `range`, `round`, `str`,
//! `float`, `int`, with CPython's parsing of numbers.

use super::*;

pub(super) fn pow(args: Args) -> PyResult<Value> {
    let bound = bind_clinic(args, "pow", &["base", "exp", "mod"], 2)?;
    let (Some(base), Some(exp)) = (&bound[0], &bound[1]) else {
        unreachable!("required arguments are bound");
    };
    let modulus = bound[2].as_ref().filter(|m| !matches!(m, Value::None));
    let Some(modulus) = modulus else {
        return match ops::binop(BinOp::Pow, base, exp)? {
            Some(v) => Ok(v),
            None => Err(type_error(format!(
                "unsupported operand type(s) for ** or pow(): '{}' and '{}'",
                base.type_name(),
                exp.type_name()
            ))),
        };
    };
    let (Some(b), Some(e), Some(m)) = (ops::big(base), ops::big(exp), ops::big(modulus)) else {
        let num = |v: &Value| {
            matches!(
                v,
                Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Float(_)
            )
        };
        if num(base) && num(exp) && num(modulus) {
            return Err(type_error(
                "pow() 3rd argument not allowed unless all arguments are integers",
            ));
        }
        return Err(type_error(format!(
            "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
            base.type_name(),
            exp.type_name(),
            modulus.type_name()
        )));
    };
    if m.is_zero() {
        return Err(value_error("pow() 3rd argument cannot be 0"));
    }
    let am = m.abs();
    let mut b = b.mod_floor(&am);
    let mut e = e;
    if e.is_negative() {
        b = mod_inverse(&b, &am)
            .ok_or_else(|| value_error("base is not invertible for the given modulus"))?;
        e = -e;
    }
    let mut r = b.modpow(&e, &am);
    if m.is_negative() && !r.is_zero() {
        r -= &am;
    }
    Ok(ops::int(r))
}

pub(super) fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let g = a.extended_gcd(m);
    if !g.gcd.is_one() {
        return None;
    }
    Some(g.x.mod_floor(m))
}

pub(super) fn range(args: Args) -> PyResult<Value> {
    positional_kw(&args, "range", "range", 1, 3)?;
    let mut bounds = Vec::with_capacity(3);
    for v in &args.pos {
        match v {
            Value::BigInt(_) => {
                return Err(error(
                    "OverflowError",
                    "Python int too large to convert to C ssize_t",
                ));
            }
            other => bounds.push(index(other)?),
        }
    }
    let (start, stop, step) = match bounds[..] {
        [stop] => (0, stop, 1),
        [start, stop] => (start, stop, 1),
        [start, stop, step] => (start, stop, step),
        _ => unreachable!("checked above"),
    };
    if step == 0 {
        return Err(value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::Range(start, stop, step))
}

pub(super) fn round(args: Args) -> PyResult<Value> {
    let bound = bind_clinic(args, "round", &["number", "ndigits"], 1)?;
    let Some(number) = &bound[0] else {
        unreachable!("required argument is bound");
    };
    let ndigits = match &bound[1] {
        None | Some(Value::None) => None,
        Some(v) => Some(index_clamped(v)?),
    };
    match number {
        Value::Float(x) => match ndigits {
            None => float_to_int(x.round_ties_even()),
            Some(n) => round_float(*x, n).map(Value::Float),
        },
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
            let n = ops::big(number).unwrap_or_default();
            match ndigits {
                Some(d) if d < 0 => Ok(ops::int(round_int(&n, d.unsigned_abs()))),
                _ => Ok(ops::int(n)),
            }
        }
        other => Err(type_error(format!(
            "type {} doesn't define __round__ method",
            other.type_name()
        ))),
    }
}

/// An integral float as an int: `OverflowError` for infinities,
/// `ValueError` for NaN.
pub(in crate::engine::py) fn float_to_int(x: f64) -> PyResult<Value> {
    if x.is_nan() {
        return Err(value_error("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(error(
            "OverflowError",
            "cannot convert float infinity to integer",
        ));
    }
    Ok(ops::int(BigInt::from_f64(x.trunc()).unwrap_or_default()))
}

/// `n` rounded to a multiple of `10**k`, halves to even.
pub(super) fn round_int(n: &BigInt, k: u64) -> BigInt {
    // 10**k > 2|n| rounds to 0; it holds once k exceeds n's digits.
    if k as f64 > (n.bits() as f64 + 1.0) * std::f64::consts::LOG10_2 + 1.0 {
        return BigInt::zero();
    }
    let m = num_traits::pow(BigInt::from(10), k as usize);
    let (q, r) = n.abs().div_rem(&m);
    let twice: BigInt = &r + &r;
    let q = match twice.cmp(&m) {
        Ordering::Greater => q + 1,
        Ordering::Equal if q.is_odd() => q + 1,
        _ => q,
    };
    let out = q * m;
    if n.is_negative() { -out } else { out }
}

/// `round(x, ndigits)` of a float: CPython rounds the exact binary value
/// to `ndigits` decimals (halves to even) and reads the result back.
pub(super) fn round_float(x: f64, ndigits: i64) -> PyResult<f64> {
    // NDIGITS_MAX and NDIGITS_MIN of floatobject.c.
    if !x.is_finite() || x == 0.0 || ndigits > 323 {
        return Ok(x);
    }
    if ndigits < -308 {
        return Ok(0.0f64.copysign(x));
    }
    let rounded = if ndigits >= 0 {
        let digits = ndigits as usize;
        format!("{x:.digits$}").parse::<f64>().unwrap_or(x)
    } else {
        let k = ndigits.unsigned_abs();
        let q = round_to_power_of_ten(x.abs(), k);
        let r = format!("{q}e{k}").parse::<f64>().unwrap_or(f64::INFINITY);
        r.copysign(x)
    };
    if rounded.is_infinite() {
        return Err(error(
            "OverflowError",
            "rounded value too large to represent",
        ));
    }
    Ok(rounded)
}

/// `a / 10**k` rounded to an integer, halves to even, computed exactly.
pub(super) fn round_to_power_of_ten(a: f64, k: u64) -> BigInt {
    let bits = a.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (mantissa, e) = if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp - 1075)
    };
    let pow10 = num_traits::pow(BigInt::from(10), k as usize);
    let (num, den) = if e >= 0 {
        (BigInt::from(mantissa) << e as usize, pow10)
    } else {
        (BigInt::from(mantissa), pow10 << (-e) as usize)
    };
    let (q, r) = num.div_rem(&den);
    match (&r + &r).cmp(&den) {
        Ordering::Greater => q + 1,
        Ordering::Equal if q.is_odd() => q + 1,
        _ => q,
    }
}

pub(super) fn str_(cx: &dyn Callbacks, args: Args) -> PyResult<Value> {
    let bound = bind(args, "str", &["object", "encoding", "errors"])?;
    match &bound[..] {
        [None, None, None] => Ok(Value::str("")),
        [Some(v), None, None] => Ok(Value::str(&cx.str(v)?)),
        [object, encoding, errors] => {
            let object = object
                .clone()
                .unwrap_or_else(|| Value::Bytes(Rc::from(&b""[..])));
            let Value::Bytes(bytes) = &object else {
                return Err(type_error(format!(
                    "decoding to str: need a bytes-like object, {} found",
                    object.type_name()
                )));
            };
            let encoding = text_arg(encoding.as_ref(), "str", "encoding", "utf-8")?;
            let errors = text_arg(errors.as_ref(), "str", "errors", "strict")?;
            methods::decode(bytes, &encoding, &errors).map(|s| Value::str(&s))
        }
        _ => unreachable!("three parameters"),
    }
}

/// A str argument by name: `decode() argument 'encoding' must be str, not
/// int`.
pub(in crate::engine::py) fn text_arg(
    v: Option<&Value>,
    fname: &str,
    param: &str,
    default: &str,
) -> PyResult<String> {
    match v {
        None => Ok(default.to_string()),
        Some(Value::Str(s)) => Ok(s.to_string()),
        Some(other) => Err(type_error(format!(
            "{fname}() argument '{param}' must be str, not {}",
            other.type_name()
        ))),
    }
}

pub(super) fn to_float(v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => format::int_to_float(v),
        Value::Str(s) => parse_float(s)
            .ok_or_else(|| value_error(format!("could not convert string to float: {}", v.repr()))),
        Value::Bytes(b) => std::str::from_utf8(b)
            .ok()
            .and_then(parse_float)
            .ok_or_else(|| value_error(format!("could not convert string to float: {}", v.repr()))),
        other => Err(type_error(format!(
            "float() argument must be a string or a real number, not '{}'",
            other.type_name()
        ))),
    }
}

/// Python's whitespace (`str.isspace`).
pub(in crate::engine::py) fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// `float(text)`: decimal and exponent forms with `_` between digits,
/// `inf`, `infinity` and `nan` in any case, surrounding whitespace.
pub(in crate::engine::py) fn parse_float(text: &str) -> Option<f64> {
    let s = text.trim_matches(is_space);
    let (negative, body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let lower = body.to_ascii_lowercase();
    let special = match lower.as_str() {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(v) = special {
        return Some(if negative { -v } else { v });
    }
    if body.starts_with(['+', '-']) {
        return None;
    }
    let bytes = body.as_bytes();
    let mut clean = String::with_capacity(body.len());
    for (i, &c) in bytes.iter().enumerate() {
        match c {
            b'_' => {
                let digit = |j: Option<&u8>| j.is_some_and(u8::is_ascii_digit);
                if !(i > 0 && digit(bytes.get(i - 1)) && digit(bytes.get(i + 1))) {
                    return None;
                }
            }
            b'0'..=b'9' | b'.' | b'e' | b'E' | b'+' | b'-' => clean.push(c as char),
            _ => return None,
        }
    }
    if !clean.bytes().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let v: f64 = clean.parse().ok()?;
    Some(if negative { -v } else { v })
}

/// The most digits `int()` converts from a non-power-of-two base (CPython's
/// `sys.get_int_max_str_digits()`).
pub(super) const MAX_STR_DIGITS: usize = 4300;

/// `int(text, base)`: `None` for an invalid literal.
pub(in crate::engine::py) fn parse_int(text: &str, base: u32) -> PyResult<Option<BigInt>> {
    let s = text.trim_matches(is_space);
    let (negative, body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let lower = body.to_ascii_lowercase();
    let prefixed = |p: &str| lower.starts_with(p);
    let (radix, digits, zero_start) = if (base == 16 || base == 0) && prefixed("0x") {
        (16, &body[2..], false)
    } else if (base == 8 || base == 0) && prefixed("0o") {
        (8, &body[2..], false)
    } else if (base == 2 || base == 0) && prefixed("0b") {
        (2, &body[2..], false)
    } else if base == 0 {
        (10, body, true)
    } else {
        (base, body, false)
    };
    let after_prefix = digits.len() != body.len();
    // Underscores go between digits, or right after a base prefix.
    let bytes = digits.as_bytes();
    let mut clean = String::with_capacity(bytes.len());
    for (i, &c) in bytes.iter().enumerate() {
        if c == b'_' {
            let prev_ok = if i == 0 {
                after_prefix
            } else {
                bytes[i - 1] != b'_'
            };
            if !prev_ok || i + 1 == bytes.len() {
                return Ok(None);
            }
            continue;
        }
        match (c as char).to_digit(radix) {
            Some(_) => clean.push(c as char),
            None => return Ok(None),
        }
    }
    if clean.is_empty() {
        return Ok(None);
    }
    if zero_start && clean.starts_with('0') && clean.bytes().any(|c| c != b'0') {
        return Ok(None);
    }
    if !radix.is_power_of_two() && clean.len() > MAX_STR_DIGITS {
        return Err(value_error(format!(
            "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
            clean.len()
        )));
    }
    let n = BigInt::parse_bytes(clean.as_bytes(), radix);
    Ok(n.map(|n| if negative { -n } else { n }))
}

pub(super) fn int(cx: &dyn Callbacks, args: Args) -> PyResult<Value> {
    let _ = cx;
    let mut args = args;
    let base_kw = args.take_kw("base");
    if let Some((k, _)) = args.kw.first() {
        return Err(type_error(format!(
            "'{k}' is an invalid keyword argument for int()"
        )));
    }
    let given = args.pos.len() + base_kw.is_some() as usize;
    if given > 2 {
        return Err(type_error(format!(
            "int() takes at most 2 arguments ({given} given)"
        )));
    }
    if base_kw.is_some() && args.pos.len() == 2 {
        return Err(type_error(
            "argument for int() given by name ('base') and position (2)",
        ));
    }
    let base = base_kw.or_else(|| args.pos.get(1).cloned());
    let Some(x) = args.pos.first() else {
        if base.is_some() {
            return Err(type_error("int() missing string argument"));
        }
        return Ok(Value::Int(0));
    };
    let Some(base) = base else {
        return match x {
            Value::Int(_) | Value::BigInt(_) => Ok(x.clone()),
            Value::Bool(b) => Ok(Value::Int(*b as i64)),
            Value::Float(f) => float_to_int(*f),
            // An `IntEnum` or `IntFlag` member is its value.
            Value::Instance(i)
                if i.class.derives_from("IntEnum") || i.class.derives_from("IntFlag") =>
            {
                Ok(i.attrs
                    .dict()
                    .borrow()
                    .get("value")
                    .cloned()
                    .unwrap_or(Value::Int(0)))
            }
            Value::Str(s) => int_from_text(s, 10, x),
            Value::Bytes(b) => match std::str::from_utf8(b) {
                Ok(s) => int_from_text(s, 10, x),
                Err(_) => Err(invalid_int(x, 10)),
            },
            other => Err(type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                other.type_name()
            ))),
        };
    };
    let base = match &base {
        Value::BigInt(_) => i64::MAX,
        other => index(other)?,
    };
    if base != 0 && !(2..=36).contains(&base) {
        return Err(value_error("int() base must be >= 2 and <= 36, or 0"));
    }
    match x {
        Value::Str(s) => int_from_text(s, base as u32, x),
        Value::Bytes(b) => match std::str::from_utf8(b) {
            Ok(s) => int_from_text(s, base as u32, x),
            Err(_) => Err(invalid_int(x, base as u32)),
        },
        _ => Err(type_error(
            "int() can't convert non-string with explicit base",
        )),
    }
}

pub(super) fn int_from_text(s: &str, base: u32, original: &Value) -> PyResult<Value> {
    match parse_int(s, base)? {
        Some(n) => Ok(ops::int(n)),
        None => Err(invalid_int(original, base)),
    }
}

pub(super) fn invalid_int(original: &Value, base: u32) -> Unwind {
    value_error(format!(
        "invalid literal for int() with base {base}: {}",
        original.repr()
    ))
}
