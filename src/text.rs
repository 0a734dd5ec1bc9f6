//! How values and times are written: Python's `repr()` of floats and
//! strings, and the transcript's time stamps (`[t=2.25]`).

/// Python's `repr()` of a float: shortest round-trip digits, always with a
/// decimal point or an exponent.
pub fn python_float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.into();
    }
    let abs = x.abs();
    if abs != 0.0 && !(1e-4..1e16).contains(&abs) {
        // Rust's `{:e}` gives the shortest digits as `1.5e-5`; Python writes `1.5e-05`.
        let s = format!("{x:e}");
        let (mantissa, exp) = s.split_once('e').expect("exponent form");
        let exp: i32 = exp.parse().expect("exponent digits");
        let sign = if exp < 0 { '-' } else { '+' };
        return format!("{mantissa}e{sign}{:02}", exp.abs());
    }
    let s = format!("{x}");
    if s.contains('.') { s } else { format!("{s}.0") }
}

/// Python's `repr()` of a string: single quotes unless the text holds a
/// single quote and no double quote.
pub fn python_str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Virtual time written like Python's `f"{round(t, 3):g}"`: `0`, `0.5`, `2.25`.
pub fn format_seconds(t: f64) -> String {
    let rounded = (t * 1000.0).round() / 1000.0;
    // `:g` keeps six significant digits and drops trailing zeros.
    let digits = if rounded == 0.0 {
        0
    } else {
        rounded.abs().log10().floor() as i32
    };
    if !(-5..6).contains(&digits) {
        let s = format!("{rounded:.5e}");
        let (mantissa, exp) = s.split_once('e').expect("exponent form");
        let mantissa = mantissa.trim_end_matches('0').trim_end_matches('.');
        let exp: i32 = exp.parse().expect("exponent digits");
        let sign = if exp < 0 { '-' } else { '+' };
        return format!("{mantissa}e{sign}{:02}", exp.abs());
    }
    let decimals = (5 - digits).max(0) as usize;
    let s = format!("{rounded:.decimals$}");
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    };
    if s == "-0" { "0".into() } else { s }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_print_like_python() {
        assert_eq!(python_float_repr(1.0), "1.0");
        assert_eq!(python_float_repr(0.5), "0.5");
        assert_eq!(python_float_repr(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(python_float_repr(1e-5), "1e-05");
        assert_eq!(python_float_repr(1.5e16), "1.5e+16");
        assert_eq!(python_float_repr(-2.0), "-2.0");
    }

    #[test]
    fn times_format_like_python_g() {
        for (t, s) in [
            (0.0, "0"),
            (0.5, "0.5"),
            (1.0, "1"),
            (2.25, "2.25"),
            (1.0004, "1"),
            (1.0006, "1.001"),
            (12.5, "12.5"),
            (123456.0, "123456"),
            (1234567.0, "1.23457e+06"),
        ] {
            assert_eq!(format_seconds(t), s, "{t}");
        }
    }
}
