//! The string methods Rust has no method for: `title`, `capitalize`,
//! `zfill`, `center` (small helper functions the listing carries) and
//! `ljust`, `rjust` (a `format!` width).

use super::code::Code;
use super::types::Ty;
use crate::render::plan::ir::expr::StrMethod;

const PY_TITLE: &[&str] = &[
    "/// Python's `str.title`: each run of letters starts upper case, the rest is lower case.",
    "fn py_title(s: &str) -> String {",
    "    let mut out = String::new();",
    "    let mut in_word = false;",
    "    for c in s.chars() {",
    "        if in_word {",
    "            out.extend(c.to_lowercase());",
    "        } else {",
    "            out.extend(c.to_uppercase());",
    "        }",
    "        in_word = c.is_alphabetic();",
    "    }",
    "    out",
    "}",
];

const PY_CAPITALIZE: &[&str] = &[
    "/// Python's `str.capitalize`: the first character upper case, the rest lower case.",
    "fn py_capitalize(s: &str) -> String {",
    "    let mut chars = s.chars();",
    "    match chars.next() {",
    "        Some(first) => first",
    "            .to_uppercase()",
    "            .chain(chars.flat_map(char::to_lowercase))",
    "            .collect(),",
    "        None => String::new(),",
    "    }",
    "}",
];

const PY_ZFILL: &[&str] = &[
    "/// Python's `str.zfill`: zeros after the sign, up to `width` characters.",
    "fn py_zfill(s: &str, width: usize) -> String {",
    "    let (sign, digits) = match s.strip_prefix(['+', '-']) {",
    "        Some(rest) => (&s[..1], rest),",
    "        None => (\"\", s),",
    "    };",
    "    let zeros = \"0\".repeat(width.saturating_sub(s.chars().count()));",
    "    format!(\"{sign}{zeros}{digits}\")",
    "}",
];

const PY_CENTER: &[&str] = &[
    "/// Python's `str.center`: an odd margin puts its extra `fill` on the left",
    "/// when `width` is odd (Rust's `{:^}` always puts it on the right).",
    "fn py_center(s: &str, width: usize, fill: char) -> String {",
    "    let margin = width.saturating_sub(s.chars().count());",
    "    let left = margin / 2 + (margin & width & 1);",
    "    let pad = |n: usize| fill.to_string().repeat(n);",
    "    format!(\"{}{s}{}\", pad(left), pad(margin - left))",
    "}",
];

/// The helpers of this module that the listing's lines call.
pub(super) fn helpers(calls: &dyn Fn(&str) -> bool) -> Vec<&'static str> {
    let mut out = Vec::new();
    for (name, text) in [
        ("py_title(", PY_TITLE),
        ("py_capitalize(", PY_CAPITALIZE),
        ("py_zfill(", PY_ZFILL),
        ("py_center(", PY_CENTER),
    ] {
        if calls(name) {
            out.extend_from_slice(text);
            out.push("");
        }
    }
    out
}

/// A width argument as a `usize`.
fn width(c: &Code) -> String {
    if c.text.chars().all(|ch| ch.is_ascii_digit()) {
        c.text.clone()
    } else {
        format!("{} as usize", c.wrap(8))
    }
}

/// A fill argument as a `char` literal (`' '` when none); the plan lets
/// through only one-character literals that a format string can hold.
fn fill(args: &[Code]) -> Option<String> {
    let Some(f) = args.get(1) else {
        return Some("' '".into());
    };
    let inner = f.text.strip_prefix('"')?.strip_suffix('"')?;
    let mut chars = inner.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Some(format!("'{c}'")),
        _ => None,
    }
}

/// `s.m(args)` for the methods of this module; `None` for another method,
/// or a fill that is not a one-character literal.
pub(super) fn method(m: StrMethod, s: &Code, args: &[Code]) -> Option<Code> {
    let text = match m {
        StrMethod::Title => format!("py_title({})", s.borrowed()),
        StrMethod::Capitalize => format!("py_capitalize({})", s.borrowed()),
        StrMethod::Zfill => format!("py_zfill({}, {})", s.borrowed(), width(args.first()?)),
        StrMethod::Center => format!(
            "py_center({}, {}, {})",
            s.borrowed(),
            width(args.first()?),
            fill(args)?
        ),
        StrMethod::Ljust | StrMethod::Rjust => {
            let align = if m == StrMethod::Ljust { '<' } else { '>' };
            let f = fill(args)?;
            let f = f.trim_matches('\'');
            let f = if f == " " { "" } else { f };
            let w = args.first()?;
            if w.text.chars().all(|ch| ch.is_ascii_digit()) {
                format!("format!(\"{{:{f}{align}{}}}\", {})", w.text, s.text)
            } else {
                format!(
                    "format!(\"{{:{f}{align}width$}}\", {}, width = {})",
                    s.text,
                    width(w)
                )
            }
        }
        _ => return None,
    };
    let mut c = Code::new(text, Ty::Str, 10);
    c.fresh = true;
    Some(c)
}
