//! A non-negative float's digits as CPython writes them: `repr()`'s
//! shortest round-tripping digits and the `'e'`, `'f'` and `'g'`
//! presentations of the format-spec mini-language, correctly rounded.

use crate::text::python_float_repr;

/// `repr()` of a float as CPython writes it: the shortest digits that read
/// back as the same float and, of those, the nearest to its exact value
/// (ties to even). (`python_float_repr` takes Rust's shortest digits, which
/// differ on a tie: -745021818796929.25 is `...929.2` in CPython.)
pub(super) fn float_repr(x: f64) -> String {
    if !x.is_finite() || x == 0.0 {
        return python_float_repr(x);
    }
    let shortest = format!("{:e}", x.abs());
    let mantissa = shortest.split('e').next().unwrap_or("");
    let n = mantissa.chars().filter(char::is_ascii_digit).count();
    let (digits, exp) = round_digits(x.abs(), n);
    let sign = if x < 0.0 { "-" } else { "" };
    if !(-4..16).contains(&exp) {
        let mut out = format!("{sign}{}", &digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push_str(&exponent(exp));
        return out;
    }
    let decpt = exp as i64 + 1;
    let n = digits.len() as i64;
    if decpt <= 0 {
        format!("{sign}0.{}{digits}", "0".repeat((-decpt) as usize))
    } else if decpt >= n {
        format!("{sign}{digits}{}.0", "0".repeat((decpt - n) as usize))
    } else {
        let (int, frac) = digits.split_at(decpt as usize);
        format!("{sign}{int}.{frac}")
    }
}

pub(super) fn non_finite(a: f64) -> String {
    if a.is_nan() {
        "nan".into()
    } else {
        "inf".into()
    }
}

/// `'f'` of a non-negative float: correctly rounded, as CPython.
pub(super) fn float_f(a: f64, precision: usize, alternate: bool) -> String {
    if !a.is_finite() {
        return non_finite(a);
    }
    let mut s = if precision > EXACT_DIGITS {
        // Every digit past the exact expansion is a zero.
        let mut s = format!("{a:.EXACT_DIGITS$}");
        s.push_str(&"0".repeat(precision - EXACT_DIGITS));
        s
    } else {
        format!("{a:.precision$}")
    };
    if alternate && precision == 0 {
        s.push('.');
    }
    s
}

/// The digits and decimal exponent of a non-negative finite float rounded
/// to `significant` digits: (`"12345"`, 3) for 123.45.
fn round_digits(a: f64, significant: usize) -> (String, i32) {
    let prec = significant.saturating_sub(1);
    let s = format!("{a:.prec$e}", prec = prec.min(EXACT_DIGITS));
    let (mantissa, exp) = s.split_once('e').expect("exponent form");
    let exp: i32 = exp.parse().expect("exponent digits");
    let mut digits = mantissa.replace('.', "");
    // Every digit past the exact expansion is a zero.
    digits.push_str(&"0".repeat(prec.saturating_sub(EXACT_DIGITS)));
    (digits, exp)
}

/// Decimal places that hold every digit of any `f64` (the smallest
/// subnormal has 1074 after the point); Rust's formatter takes at most
/// 65535, so longer precisions are padded with zeros.
const EXACT_DIGITS: usize = 1100;

fn exponent(exp: i32) -> String {
    let sign = if exp < 0 { '-' } else { '+' };
    format!("e{sign}{:02}", exp.unsigned_abs())
}

/// `'e'` of a non-negative float.
pub(super) fn float_e(a: f64, precision: usize, alternate: bool) -> String {
    if !a.is_finite() {
        return non_finite(a);
    }
    let (digits, exp) = round_digits(a, precision + 1);
    let mut out = digits[..1].to_string();
    if precision > 0 || alternate {
        out.push('.');
    }
    out.push_str(&digits[1..]);
    out.push_str(&exponent(exp));
    out
}

/// `'g'` of a non-negative float; with `add_dot_0` the rules of a spec with
/// a precision and no type (at least one digit after the point).
pub(super) fn float_g(a: f64, precision: usize, alternate: bool, add_dot_0: bool) -> String {
    if !a.is_finite() {
        return non_finite(a);
    }
    let p = precision.max(1);
    let (mut digits, exp) = round_digits(a, p);
    if !alternate {
        let trimmed = digits.trim_end_matches('0').len().max(1);
        digits.truncate(trimmed);
    }
    let decpt = exp as i64 + 1;
    let limit = if add_dot_0 { p as i64 - 1 } else { p as i64 };
    if decpt <= -4 || decpt > limit {
        let mut out = digits[..1].to_string();
        if digits.len() > 1 || alternate {
            out.push('.');
        }
        out.push_str(&digits[1..]);
        out.push_str(&exponent(exp));
        return out;
    }
    let n = digits.len() as i64;
    if decpt <= 0 {
        format!("0.{}{digits}", "0".repeat((-decpt) as usize))
    } else if decpt >= n {
        let mut out = digits.clone();
        out.push_str(&"0".repeat((decpt - n) as usize));
        if alternate {
            out.push('.');
        } else if add_dot_0 {
            out.push_str(".0");
        }
        out
    } else {
        let (int, frac) = digits.split_at(decpt as usize);
        format!("{int}.{frac}")
    }
}
