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

/// Python's `repr()` of a string, as CPython's `unicode_repr`: single quotes
/// unless the text holds a single quote and no double quote; `\\`, `\n`,
/// `\r`, `\t` and the quote escaped; every other non-printable character as
/// `\xNN`, `\uNNNN` or `\UNNNNNNNN`.
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
            c if is_printable(c) => out.push(c),
            c if (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(quote);
    out
}

/// Python's `str.isprintable()` for one character: not in the general
/// categories Cc, Cf, Cs, Co, Cn, Zl, Zp or Zs, ASCII space excepted.
///
/// The categories come from `finl_unicode`'s tables, which follow a newer
/// Unicode than CPython 3.11's 14.0: a character assigned since then counts
/// as printable here and is escaped by CPython.
pub fn is_printable(c: char) -> bool {
    use finl_unicode::categories::CharacterCategories;
    c == ' ' || !(c.is_other() || c.is_separator())
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
    fn strings_repr_like_python() {
        for (s, r) in [
            ("it's", r#""it's""#),
            ("'\"", r#"'\'"'"#),
            ("\0\n", r"'\x00\n'"),
            ("\x1b[31m", r"'\x1b[31m'"),
            ("\x7f\u{85}\u{a0}", r"'\x7f\x85\xa0'"),
            (
                "\u{200b}\u{202e}\u{2028}\u{3000}",
                r"'\u200b\u202e\u2028\u3000'",
            ),
            (
                "\u{e000}\u{f0000}\u{e0001}",
                r"'\ue000\U000f0000\U000e0001'",
            ),
            ("caf\u{e9} \u{1f600} \\", r"'café 😀 \\'"),
        ] {
            assert_eq!(python_str_repr(s), r, "{s:?}");
        }
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
