//! Float literals in Python's exponent form: Rust's `{:?}` writes `1e16`
//! and `1.5e-7` where Python writes `1e+16` and `1.5e-07` (both choose the
//! same digits and switch to the exponent at the same sizes), so the
//! listing writes what Python prints for a literal in that range.

/// What Python's `repr` writes for the float literal `text`, when Rust's
/// `{:?}` would write it otherwise; `None` for any other code.
pub(super) fn python_repr(text: &str) -> Option<String> {
    let literal = text.starts_with(|c: char| c.is_ascii_digit() || c == '-')
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | '-'))
        && text.contains(['.', 'e']);
    let x: f64 = text.parse().ok().filter(|_| literal)?;
    let debug = format!("{x:?}");
    let (mantissa, exp) = debug.split_once('e')?;
    let exp: i32 = exp.parse().ok()?;
    let sign = if exp < 0 { '-' } else { '+' };
    Some(format!("{mantissa}e{sign}{:02}", exp.unsigned_abs()))
}

#[cfg(test)]
mod tests {
    use super::python_repr;

    #[test]
    fn exponents_take_a_sign_and_two_digits() {
        assert_eq!(python_repr("1e16").as_deref(), Some("1e+16"));
        assert_eq!(python_repr("1.5e-7").as_deref(), Some("1.5e-07"));
        assert_eq!(python_repr("-1e300").as_deref(), Some("-1e+300"));
        assert_eq!(
            python_repr("1.2345678901234568e17").as_deref(),
            Some("1.2345678901234568e+17")
        );
        assert_eq!(python_repr("0.0001"), None);
        assert_eq!(python_repr("total"), None);
        assert_eq!(python_repr("x * 1e16"), None);
        // An integer's digits are no float literal.
        assert_eq!(python_repr("100000000000000000"), None);
    }
}
