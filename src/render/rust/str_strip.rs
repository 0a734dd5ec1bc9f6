//! `lstrip`, `rstrip` and `strip` of given characters (`trim_start`,
//! `trim_end`, `trim_matches` and the like), `split(sep, maxsplit)`
//! (`splitn`) and `splitlines` (a helper: Rust's `lines` ends lines at
//! `\n` and `\r\n` only).

use super::code::Code;
use super::types::Ty;
use crate::render::plan::ir::expr::{Expr, ExprKind, StrMethod};
use crate::render::plan::ir::value::Value;

const PY_SPLITLINES: &[&str] = &[
    "/// Python's `str.splitlines`: lines end at `\\n`, `\\r\\n`, `\\r` and the other",
    "/// line boundaries Python knows (Rust's `lines` knows the first two only).",
    "fn py_splitlines(s: &str) -> Vec<String> {",
    "    const ENDS: [char; 10] = [",
    "        '\\n', '\\r', '\\x0b', '\\x0c', '\\x1c', '\\x1d', '\\x1e', '\\u{85}', '\\u{2028}', '\\u{2029}',",
    "    ];",
    "    s.replace(\"\\r\\n\", \"\\n\")",
    "        .split_terminator(ENDS)",
    "        .map(String::from)",
    "        .collect()",
    "}",
];

/// The helpers of this module that the listing's lines call.
pub(super) fn helpers(calls: &dyn Fn(&str) -> bool) -> Vec<&'static str> {
    let mut out = Vec::new();
    if calls("py_splitlines(") {
        out.extend_from_slice(PY_SPLITLINES);
        out.push("");
    }
    out
}

/// The text of a string literal argument.
fn literal(e: &Expr) -> Option<&str> {
    match &e.kind {
        ExprKind::Lit(Value::Str(s)) => Some(s),
        _ => None,
    }
}

/// The pattern of the characters Python strips: one `char`, or an array.
fn chars_pattern(chars: &str) -> Option<String> {
    let mut set: Vec<char> = Vec::new();
    for c in chars.chars() {
        if !set.contains(&c) {
            set.push(c);
        }
    }
    match set.as_slice() {
        [] => None,
        [c] => Some(format!("{c:?}")),
        cs => Some(format!(
            "[{}]",
            cs.iter()
                .map(|c| format!("{c:?}"))
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// `s.m(args)` for the methods of this module; `None` for another method
/// or other arguments.
pub(super) fn method(m: StrMethod, s: &Code, exprs: &[Expr], args: &[Code]) -> Option<Code> {
    let obj = s.wrap(10);
    let trim = |side: &str| -> Option<Code> {
        let text = match exprs {
            [] => format!("{obj}.trim{side}()"),
            [chars] => match chars_pattern(literal(chars)?) {
                // Nothing to strip.
                None => return Some(s.clone()),
                Some(p) => format!("{obj}.trim{side}_matches({p})"),
            },
            _ => return None,
        };
        let mut c = Code::new(text, Ty::Str, 10);
        c.str_ref = true;
        Some(c)
    };
    match m {
        StrMethod::Strip if !exprs.is_empty() => trim(""),
        StrMethod::LStrip => trim("_start"),
        StrMethod::RStrip => trim("_end"),
        StrMethod::Split => {
            let [sep, n] = exprs else { return None };
            let ExprKind::Lit(Value::Int(n)) = n.kind else {
                return None;
            };
            let sep = args.first().filter(|_| literal(sep).is_some())?;
            let text = format!(
                "{obj}.splitn({}, {}).map(String::from).collect::<Vec<_>>()",
                n.saturating_add(1),
                sep.text
            );
            let mut c = Code::new(text, Ty::List(Box::new(Ty::Str)), 10);
            c.fresh = true;
            Some(c)
        }
        StrMethod::SplitLines => {
            let mut c = Code::new(
                format!("py_splitlines({})", s.borrowed()),
                Ty::List(Box::new(Ty::Str)),
                10,
            );
            c.fresh = true;
            Some(c)
        }
        _ => None,
    }
}
