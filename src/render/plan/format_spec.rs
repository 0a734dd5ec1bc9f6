//! The f-string number formats Rust's `format!` has no spec for
//! (`{:,}`, `{:_}`, `{:.1%}`, `{:e}`, `{:g}`), as a [`PySpec`] the
//! listing writes with a helper function, padded by a plain `format!` spec.

use crate::render::plan::ir::expr::{PySpec, Spec};

/// The [`Spec`] of a Python format spec `[[fill]align][width][,|_]
/// [.precision]type` whose type or grouping `format!` cannot write; `None`
/// for another spec (a sign, `#`, `0` or `=` are not translated here).
pub(super) fn python_spec(text: &str) -> Option<Spec> {
    let chars: Vec<char> = text.chars().collect();
    let is_align = |c: char| matches!(c, '<' | '>' | '^');
    let mut i = 0;
    let mut rust = String::new();
    if chars.len() >= 2 && is_align(chars[1]) && !matches!(chars[0], '{' | '}') {
        rust.extend(&chars[..2]);
        i = 2;
    } else if chars.first().is_some_and(|c| is_align(*c)) {
        rust.push(chars[0]);
        i = 1;
    }
    if chars.get(i) == Some(&'0') {
        return None;
    }
    while let Some(c) = chars.get(i).filter(|c| c.is_ascii_digit()) {
        rust.push(*c);
        i += 1;
    }
    let group = match chars.get(i) {
        Some(&c @ (',' | '_')) => {
            i += 1;
            Some(c)
        }
        _ => None,
    };
    let mut precision = None;
    if chars.get(i) == Some(&'.') {
        i += 1;
        let mut digits = String::new();
        while let Some(c) = chars.get(i).filter(|c| c.is_ascii_digit()) {
            digits.push(*c);
            i += 1;
        }
        precision = Some(digits.parse::<usize>().ok()?);
    }
    let ty = match &chars[i..] {
        [] => None,
        [c] => Some(*c),
        _ => return None,
    };
    let places = precision.unwrap_or(6);
    let (python, float) = match (group, ty) {
        (Some(sep), Some('f' | 'F')) => (PySpec::Group(sep, Some(places)), true),
        (Some(sep), None | Some('d')) if precision.is_none() => (PySpec::Group(sep, None), false),
        (None, Some('%')) => (PySpec::Percent(places), true),
        (None, Some(c @ ('e' | 'E'))) => (PySpec::Exp(places, c == 'E'), true),
        (None, Some(c @ ('g' | 'G'))) => (PySpec::General(places.max(1), c == 'G'), true),
        (None, None) if precision.is_some() => (PySpec::Short(places.max(1)), true),
        _ => return None,
    };
    Some(Spec {
        rust,
        float,
        python: Some(python),
        nested: Vec::new(),
    })
}
