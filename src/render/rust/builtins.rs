//! Python's built-ins over data (`repr`, `round`, `sorted`, `list`) and the
//! small helper functions a listing carries when it calls them.

use super::code::Code;
use super::types::Ty;
use crate::render::plan::ir::expr::Builtin;

/// `py_repr`: Python's `repr` of a string, quoted the way Python quotes it
/// (single quotes unless the text holds one and no double quote).
const PY_REPR: &[&str] = &[
    "/// Python's `repr` of a string: quotes as Python picks them, escapes as it writes them.",
    "fn py_repr(s: &str) -> String {",
    "    let quote = if s.contains('\\'') && !s.contains('\"') {",
    "        '\"'",
    "    } else {",
    "        '\\''",
    "    };",
    "    let mut out = String::from(quote);",
    "    for c in s.chars() {",
    "        match c {",
    "            '\\\\' => out.push_str(\"\\\\\\\\\"),",
    "            '\\n' => out.push_str(\"\\\\n\"),",
    "            '\\r' => out.push_str(\"\\\\r\"),",
    "            '\\t' => out.push_str(\"\\\\t\"),",
    "            c if c == quote => {",
    "                out.push('\\\\');",
    "                out.push(c);",
    "            }",
    "            c if (c as u32) < 0x100 && (c.is_control() || c == '\\u{ad}' || c == '\\u{a0}') => {",
    "                out.push_str(&format!(\"\\\\x{:02x}\", c as u32))",
    "            }",
    "            c if c.is_control()",
    "                || matches!(c, '\\u{200b}'..='\\u{200f}' | '\\u{2028}'..='\\u{202e}')",
    "                || matches!(c, '\\u{2060}'..='\\u{2064}' | '\\u{feff}') =>",
    "            {",
    "                out.push_str(&format!(\"\\\\u{:04x}\", c as u32))",
    "            }",
    "            c => out.push(c),",
    "        }",
    "    }",
    "    out.push(quote);",
    "    out",
    "}",
];

/// `sorted`: Python's `sorted` of a list, a new list.
const SORTED: &[&str] = &[
    "/// Python's `sorted`: a new list, in ascending order.",
    "fn sorted<T: PartialOrd>(mut items: Vec<T>) -> Vec<T> {",
    "    items.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));",
    "    items",
    "}",
];

/// The helper functions the listing's lines call, to append after them.
pub(super) fn helpers(lines: &[String]) -> Vec<&'static str> {
    let mut out = Vec::new();
    for (name, text) in [("py_repr(", PY_REPR), ("sorted(", SORTED)] {
        let called = lines.iter().any(|l| {
            l.match_indices(name)
                .any(|(i, _)| !l[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_'))
        });
        if called {
            out.extend_from_slice(text);
            out.push("");
        }
    }
    out
}

/// `repr(x)` for a value of type `c.ty`.
pub(super) fn repr(c: &Code) -> Code {
    let text = match &c.ty {
        Ty::Str => format!("py_repr({})", c.borrowed()),
        Ty::Int => format!("{}.to_string()", c.wrap(10)),
        Ty::Bool => format!(
            "if {} {{ \"True\" }} else {{ \"False\" }}.to_string()",
            c.text
        ),
        Ty::Unit => "\"None\".to_string()".into(),
        Ty::List(t) if **t == Ty::Str => format!(
            "format!(\"[{{}}]\", {}.iter().map(|s| py_repr(s)).collect::<Vec<_>>().join(\", \"))",
            c.wrap(10)
        ),
        _ => format!("format!(\"{{:?}}\", {})", c.text),
    };
    let mut out = Code::new(text, Ty::Str, 10);
    out.fresh = true;
    out
}

/// `repr`, `round`, `sorted` and `list`.
pub(super) fn builtin(f: Builtin, args: &[Code]) -> Code {
    let first = &args[0];
    match f {
        Builtin::Repr => repr(first),
        Builtin::Round => match (args.get(1), &first.ty) {
            (None, Ty::Float) => Code::new(
                format!("{}.round_ties_even() as i64", first.wrap(10)),
                Ty::Int,
                8,
            ),
            // `{:.2}` rounds the float's exact value to two places, halves
            // to even, as Python's `round(x, 2)` does.
            (Some(n), Ty::Float) => {
                let fmt = match n.text.parse::<usize>() {
                    Ok(digits) => format!("format!(\"{{:.{digits}}}\", {})", first.text),
                    Err(_) => format!(
                        "format!(\"{{:.*}}\", {} as usize, {})",
                        n.wrap(8),
                        first.text
                    ),
                };
                Code::new(format!("{fmt}.parse::<f64>().unwrap()"), Ty::Float, 10)
            }
            _ => first.clone(),
        },
        Builtin::Sorted => {
            let mut c = Code::new(
                format!("sorted({})", list(first).text),
                first.ty.clone(),
                10,
            );
            c.ty = Ty::List(Box::new(first.ty.elem()));
            c.fresh = true;
            c
        }
        _ => list(first),
    }
}

/// `list(xs)`: a new `Vec` of the items.
fn list(c: &Code) -> Code {
    let text = if c.ty == Ty::Str {
        format!(
            "{}.chars().map(String::from).collect::<Vec<_>>()",
            c.wrap(10)
        )
    } else {
        c.owned()
    };
    let mut out = Code::new(text, Ty::List(Box::new(c.ty.elem())), 10);
    out.fresh = true;
    out
}
