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
    "        // What Python's `str.isprintable` refuses: controls, format",
    "        // characters, separators other than the space, private use.",
    "        let hidden = c.is_control()",
    "            || matches!(c, '\\u{a0}' | '\\u{ad}' | '\\u{1680}')",
    "            || matches!(c, '\\u{3000}' | '\\u{feff}')",
    "            || matches!(c, '\\u{2000}'..='\\u{200f}' | '\\u{2028}'..='\\u{202f}')",
    "            || matches!(c, '\\u{205f}'..='\\u{206f}' | '\\u{fff9}'..='\\u{fffb}')",
    "            || matches!(c, '\\u{e000}'..='\\u{f8ff}' | '\\u{f0000}'..);",
    "        match c {",
    "            '\\\\' => out.push_str(\"\\\\\\\\\"),",
    "            '\\n' => out.push_str(\"\\\\n\"),",
    "            '\\r' => out.push_str(\"\\\\r\"),",
    "            '\\t' => out.push_str(\"\\\\t\"),",
    "            c if c == quote => {",
    "                out.push('\\\\');",
    "                out.push(c);",
    "            }",
    "            c if hidden && (c as u32) < 0x100 => out.push_str(&format!(\"\\\\x{:02x}\", c as u32)),",
    "            c if hidden && (c as u32) < 0x10000 => out.push_str(&format!(\"\\\\u{:04x}\", c as u32)),",
    "            c if hidden => out.push_str(&format!(\"\\\\U{:08x}\", c as u32)),",
    "            c => out.push(c),",
    "        }",
    "    }",
    "    out.push(quote);",
    "    out",
    "}",
];

/// `py_list`: Python's `repr` of a list of strings.
const PY_LIST: &[&str] = &[
    "/// Python's `repr` of a list of strings.",
    "fn py_list<S: AsRef<str>>(items: &[S]) -> String {",
    "    let items: Vec<String> = items.iter().map(|s| py_repr(s.as_ref())).collect();",
    "    format!(\"[{}]\", items.join(\", \"))",
    "}",
];

/// `Repr` of a `char`: Python's `repr` of a one-character string.
const REPR_CHAR: &[&str] = &[
    "impl Repr for char {",
    "    fn repr(&self) -> String {",
    "        py_repr(&self.to_string())",
    "    }",
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

/// `Repr`: Python's `repr` of the values a container holds, as `print`
/// shows a list, tuple or dict (Rust's `{:?}` writes `true`, `()` and
/// `"it\'s"` where Python writes `True`, `None` and `"it's"`).
const REPR: &[&str] = &[
    "/// Python's `repr`, as `print` shows the items of a list, tuple or dict.",
    "trait Repr {",
    "    fn repr(&self) -> String;",
    "}",
    "",
    "impl Repr for i64 {",
    "    fn repr(&self) -> String {",
    "        self.to_string()",
    "    }",
    "}",
    "",
    "impl Repr for f64 {",
    "    fn repr(&self) -> String {",
    "        float_repr(*self)",
    "    }",
    "}",
    "",
    "impl Repr for bool {",
    "    fn repr(&self) -> String {",
    "        if *self { \"True\" } else { \"False\" }.to_string()",
    "    }",
    "}",
    "",
    "impl Repr for () {",
    "    fn repr(&self) -> String {",
    "        \"None\".to_string()",
    "    }",
    "}",
    "",
    "impl Repr for str {",
    "    fn repr(&self) -> String {",
    "        py_repr(self)",
    "    }",
    "}",
    "",
    "impl Repr for String {",
    "    fn repr(&self) -> String {",
    "        py_repr(self)",
    "    }",
    "}",
    "",
    "impl<T: Repr + ?Sized> Repr for &T {",
    "    fn repr(&self) -> String {",
    "        (**self).repr()",
    "    }",
    "}",
    "",
    "impl<T: Repr> Repr for Vec<T> {",
    "    fn repr(&self) -> String {",
    "        let items: Vec<String> = self.iter().map(Repr::repr).collect();",
    "        format!(\"[{}]\", items.join(\", \"))",
    "    }",
    "}",
    "",
    "impl<A: Repr> Repr for (A,) {",
    "    fn repr(&self) -> String {",
    "        format!(\"({},)\", self.0.repr())",
    "    }",
    "}",
    "",
    "impl<A: Repr, B: Repr> Repr for (A, B) {",
    "    fn repr(&self) -> String {",
    "        format!(\"({}, {})\", self.0.repr(), self.1.repr())",
    "    }",
    "}",
    "",
    "impl<A: Repr, B: Repr, C: Repr> Repr for (A, B, C) {",
    "    fn repr(&self) -> String {",
    "        format!(\"({}, {}, {})\", self.0.repr(), self.1.repr(), self.2.repr())",
    "    }",
    "}",
];

/// `Repr` of a dict, for listings that have dicts.
const REPR_DICT: &[&str] = &[
    "impl<K: Repr, V: Repr> Repr for IndexMap<K, V> {",
    "    fn repr(&self) -> String {",
    "        let items: Vec<String> = self",
    "            .iter()",
    "            .map(|(k, v)| format!(\"{}: {}\", k.repr(), v.repr()))",
    "            .collect();",
    "        format!(\"{{{}}}\", items.join(\", \"))",
    "    }",
    "}",
];

/// Whether `{:?}` would print a value of the type otherwise than Python:
/// it holds strings, booleans, `None`, tuples or dicts.
pub(super) fn needs_repr(ty: &Ty) -> bool {
    match ty {
        Ty::List(t) => {
            matches!(
                **t,
                Ty::Str | Ty::Bool | Ty::Unit | Ty::Option(_) | Ty::Mixed | Ty::Number
            ) || needs_repr(t)
        }
        Ty::Tuple(_) | Ty::Dict(..) | Ty::Outcome(_) => true,
        _ => false,
    }
}

/// A container's Python `repr`: a list of strings joins the `py_repr` of
/// each, anything else goes through the `Repr` trait.
pub(super) fn repr_call(c: &Code) -> String {
    match &c.ty {
        Ty::List(t) if **t == Ty::Str => format!("py_list(&{})", c.wrap(10)),
        Ty::List(t) if matches!(**t, Ty::Outcome(_)) => format!("py_outcomes(&{})", c.wrap(10)),
        Ty::List(t) if matches!(**t, Ty::Option(_)) => format!("py_options(&{})", c.wrap(10)),
        _ => format!("{}.repr()", c.wrap(10)),
    }
}

/// The helper functions the listing's lines call, to append after them.
pub(super) fn helpers(lines: &[String]) -> Vec<&'static str> {
    let mut out = Vec::new();
    let calls = |name: &str| {
        lines.iter().any(|l| {
            l.match_indices(name)
                .any(|(i, _)| !l[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_'))
        })
    };
    let repr = lines.iter().any(|l| l.contains(".repr()"))
        || calls("py_outcomes(")
        || calls("py_options(")
        || calls("py_set_remove(");
    out.extend(super::float_repr::helpers(&calls, repr));
    out.extend(super::int_vs_float::helpers(&calls));
    if repr {
        out.extend_from_slice(REPR);
        out.push("");
        // A string's characters, each a one-character string in Python.
        if lines.iter().any(|l| l.contains(".chars()")) {
            out.extend_from_slice(REPR_CHAR);
            out.push("");
        }
        if lines.iter().any(|l| l.contains("IndexMap")) {
            out.extend_from_slice(REPR_DICT);
            out.push("");
        }
        // An `Option` of a value (not an iterator's `Option<()>`).
        let options = lines.iter().any(|l| {
            l.match_indices("Option<")
                .any(|(i, _)| !l[i..].starts_with("Option<()>"))
        });
        if options {
            out.extend_from_slice(super::options::REPR_OPTION);
            out.push("");
        }
        if calls("py_options(") {
            out.extend_from_slice(super::options::PY_OPTIONS);
            out.push("");
        }
        if calls("py_outcomes(") {
            out.extend_from_slice(super::gather_outcomes::PY_OUTCOMES);
            out.push("");
        }
    }
    if repr || calls("py_list(") || calls("py_repr(") || super::op_errors::uses_py_repr(&calls) {
        out.extend_from_slice(PY_REPR);
        out.push("");
    }
    out.extend(super::str_pad::helpers(&calls));
    out.extend(super::str_strip::helpers(&calls));
    out.extend(super::str_search::helpers(&calls));
    out.extend(super::deletes::helpers(&calls));
    out.extend(super::format_spec::helpers(&calls));
    out.extend(super::spec_forms::helpers(&calls));
    out.extend(super::op_errors::helpers(&calls));
    out.extend(super::closures::helpers(&calls));
    out.extend(super::executor::helpers(&calls));
    out.extend(super::pool_map::helpers(&calls));
    out.extend(super::wait_for_tie::helpers(&calls));
    out.extend(super::task_poll::helpers(&calls));
    out.extend(super::small_sets::helpers(&calls));
    out.extend(super::tcp::helpers(&calls));
    out.extend(super::float_extremes::helpers(&calls));
    out.extend(super::floor_ops::helpers(&calls));
    out.extend(super::neg_index::helpers(&calls));
    for (name, text) in [("py_list(", PY_LIST), ("sorted(", SORTED)] {
        if calls(name) {
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
        Ty::Mixed | Ty::Number => format!("{}.repr()", c.wrap(10)),
        Ty::Option(_) if let Some(text) = super::options::repr(c) => text,
        t if needs_repr(t) => repr_call(c),
        Ty::Float if let Some(text) = super::float_literals::python_repr(&c.text) => {
            format!("{text:?}.to_string()")
        }
        _ => format!("format!(\"{{:?}}\", {})", c.text),
    };
    let mut out = Code::new(text, Ty::Str, 10);
    out.fresh = true;
    out
}

/// `repr`, `round`, `sorted` and `list`.
pub(super) fn builtin(f: Builtin, args: &[Code]) -> Code {
    let Some(first) = args.first() else {
        let unknown = || Box::new(Ty::Unknown);
        return Code::new("IndexMap::new()", Ty::Dict(unknown(), unknown()), 10);
    };
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
            // To tens, hundreds...: Python rounds `x / 10**k`, halves to even.
            (Some(n), Ty::Float) if let Some(k) = n.text.strip_prefix('-') => Code::new(
                format!("({} / 1e{k}_f64).round_ties_even() * 1e{k}", first.wrap(6)),
                Ty::Float,
                6,
            ),
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
        // A `BTreeSet` iterates in sorted order.
        Builtin::Sorted if let Ty::Set(t) = &first.ty => {
            let items = if first.fresh {
                "into_iter()"
            } else {
                "iter().cloned()"
            };
            let mut c = Code::new(
                format!("{}.{items}.collect::<Vec<_>>()", first.wrap(10)),
                Ty::List(t.clone()),
                10,
            );
            c.fresh = true;
            c
        }
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
    } else if let Ty::Dict(..) = c.ty {
        format!("{}.keys().cloned().collect::<Vec<_>>()", c.wrap(10))
    } else if let Ty::Set(_) = c.ty {
        format!("{}.iter().cloned().collect::<Vec<_>>()", c.wrap(10))
    } else {
        c.owned()
    };
    let mut out = Code::new(text, Ty::List(Box::new(c.ty.elem())), 10);
    out.fresh = true;
    out
}
