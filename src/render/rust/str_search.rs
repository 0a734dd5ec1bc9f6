//! Searching strings and lists: `s.find(sub)`, `s.index(sub)` (each with
//! an optional start), `s.count(sub)`, `s.partition(sep)`,
//! `s.replace(old, new, count)`, `xs.index(x)` and `xs.count(x)`. Python
//! counts a string's places in characters, not in bytes as `str::find`
//! does: the helper `py_find` converts. An `index` inside a `try` that takes
//! its `ValueError` gives the `Err` with CPython's message (see
//! [`super::op_errors`]).

use super::Renderer;
use super::code::Code;
use super::expr_walk::each_function_expr;
use super::types::{Ty, Types};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::Demo;
use crate::render::plan::ir::expr::{Expr, ExprKind, StrMethod};

const PY_FIND: &[&str] = &[
    "/// Python's `text.find(sub, start)`: the place, in characters, where `sub`",
    "/// first begins at or after `start` (from the end when negative).",
    "fn py_find(text: &str, sub: &str, start: i64) -> Option<i64> {",
    "    let len = text.chars().count() as i64;",
    "    let start = if start < 0 {",
    "        (len + start).max(0)",
    "    } else {",
    "        start",
    "    };",
    "    if start > len {",
    "        return None;",
    "    }",
    "    let from = text",
    "        .char_indices()",
    "        .nth(start as usize)",
    "        .map_or(text.len(), |(at, _)| at);",
    "    let at = from + text[from..].find(sub)?;",
    "    Some(text[..at].chars().count() as i64)",
    "}",
];

const PY_INDEX: &[&str] = &[
    "/// Python's `items.index(value, start)`: the place where `value` first is,",
    "/// at or after `start` (from the end when negative).",
    "fn py_index<T: PartialEq<V>, V: ?Sized>(items: &[T], value: &V, start: i64) -> Option<i64> {",
    "    let len = items.len() as i64;",
    "    let start = if start < 0 {",
    "        (len + start).max(0)",
    "    } else {",
    "        start.min(len)",
    "    };",
    "    let at = items[start as usize..]",
    "        .iter()",
    "        .position(|item| item == value)?;",
    "    Some(start + at as i64)",
    "}",
];

const PY_STR_INDEX: &[&str] = &[
    "/// Python's `text.index(sub, start)`: where `sub` is (see `py_find`), or",
    "/// the `ValueError`.",
    "fn py_str_index(text: &str, sub: &str, start: i64) -> Result<i64, Error> {",
    "    py_find(text, sub, start).ok_or_else(|| Error::ValueError(\"substring not found\".to_string()))",
    "}",
];

const PY_PARTITION: &[&str] = &[
    "/// Python's `text.partition(sep)`: what comes before the first `sep`, `sep`",
    "/// and what follows it; or `text` and two empty strings.",
    "fn py_partition(text: &str, sep: &str) -> (String, String, String) {",
    "    match text.split_once(sep) {",
    "        Some((before, after)) => (before.to_string(), sep.to_string(), after.to_string()),",
    "        None => (text.to_string(), String::new(), String::new()),",
    "    }",
    "}",
];

/// The helpers of this module that the listing's lines call.
pub(super) fn helpers(calls: &dyn Fn(&str) -> bool) -> Vec<&'static str> {
    let mut out = Vec::new();
    let find = calls("py_find(") || calls("py_str_index(");
    if find {
        out.extend_from_slice(PY_FIND);
        out.push("");
    }
    for (name, text) in [
        ("py_str_index(", PY_STR_INDEX),
        ("py_index(", PY_INDEX),
        ("py_partition(", PY_PARTITION),
    ] {
        if calls(name) {
            out.extend_from_slice(text);
            out.push("");
        }
    }
    out
}

/// Whether `xs.index(x)` or `xs.count(x)` of a list of `elem` is
/// translated: items Rust compares with `==` and whose `repr` it writes.
fn searched_items(elem: &Ty) -> bool {
    matches!(elem, Ty::Int | Ty::Str)
}

/// The search methods whose receiver has no such method in the listing: a
/// string method of something else than a string, a list search of items
/// it does not compare.
pub(super) fn receiver_conflicts(demo: &Demo, types: &Types) -> Vec<Untranslatable> {
    let mut out = Vec::new();
    each_function_expr(demo, &mut |f, x| {
        let ExprKind::StrMethod(m, obj, args) = &x.kind else {
            return;
        };
        let ty = types.expr_ty(&f.name, obj);
        let arg = |i: usize| args.get(i).map(|a| types.expr_ty(&f.name, a));
        // What is sought is of the string's or the items' type,
        // a start is an integer.
        let sought = match &ty {
            Ty::List(elem) => searched_items(elem) && arg(0).as_ref() == Some(elem),
            _ => arg(0) == Some(Ty::Str),
        };
        let start = arg(1).is_none_or(|t| t == Ty::Int);
        let fits = match m {
            StrMethod::Find | StrMethod::Partition => ty == Ty::Str && sought && start,
            StrMethod::Replace => ty == Ty::Str || args.len() < 3,
            StrMethod::Index | StrMethod::Count => {
                matches!(ty, Ty::Str | Ty::List(_)) && sought && start
            }
            _ => true,
        };
        if !fits {
            out.push(Untranslatable {
                span: x.span.clone(),
                construct: format!("this search of {}", ty.noun()),
                reason: "the Rust listing searches a string for a string, \
                         or a list of integers or strings for one of its \
                         items, from a start that is an integer"
                    .into(),
            });
        }
    });
    out
}

/// A start argument, or 0.
fn start_of(args: &[Code]) -> String {
    args.get(1).map_or("0".to_string(), |s| s.text.clone())
}

/// A value compared with a list's items, by reference: a `&&str` compares
/// with both `String` and `&str` items.
fn needle(v: &Code) -> String {
    format!("&{}", v.wrap(7))
}

/// `x.m(args)` for a search method, or `None` for another method.
pub(super) fn method(m: StrMethod, x: &Code, args: &[Code]) -> Option<Code> {
    let obj = x.wrap(10);
    let list = matches!(x.ty, Ty::List(_));
    let (text, ty) = match (m, args) {
        (StrMethod::Find, [sub, ..]) => (
            format!(
                "py_find({}, {}, {}).unwrap_or(-1)",
                x.borrowed(),
                sub.borrowed(),
                start_of(args)
            ),
            Ty::Int,
        ),
        (StrMethod::Index, [v, ..]) if list => (
            format!(
                "py_index(&{obj}, {}, {}).unwrap()",
                needle(v),
                start_of(args)
            ),
            Ty::Int,
        ),
        (StrMethod::Index, [sub, ..]) => (
            format!(
                "py_find({}, {}, {}).expect(\"substring not found\")",
                x.borrowed(),
                sub.borrowed(),
                start_of(args)
            ),
            Ty::Int,
        ),
        (StrMethod::Count, [v]) if list => (
            format!(
                "{obj}.iter().filter(|item| **item == {}).count() as i64",
                v.text
            ),
            Ty::Int,
        ),
        (StrMethod::Count, [sub]) => (
            format!("{obj}.matches({}).count() as i64", sub.borrowed()),
            Ty::Int,
        ),
        (StrMethod::Partition, [sep]) => (
            format!("py_partition({}, {})", x.borrowed(), sep.borrowed()),
            Ty::Tuple(vec![Ty::Str; 3]),
        ),
        (StrMethod::Replace, [a, b, n]) if n.text.starts_with('-') => (
            format!("{obj}.replace({}, {})", a.borrowed(), b.borrowed()),
            Ty::Str,
        ),
        (StrMethod::Replace, [a, b, n]) => (
            format!(
                "{obj}.replacen({}, {}, {})",
                a.borrowed(),
                b.borrowed(),
                n.text
            ),
            Ty::Str,
        ),
        _ => return None,
    };
    let prec = if text.ends_with(" as i64") { 8 } else { 10 };
    let mut c = Code::new(text, ty, prec);
    c.fresh = true;
    Some(c)
}

impl Renderer<'_> {
    /// `s.startswith((a, b))` or `s.endswith((a, b))`: whether any of the
    /// tuple's strings begins (ends) `s`; `None` for another call.
    pub(super) fn affix_tuple(&mut self, m: StrMethod, x: &Code, args: &[Expr]) -> Option<Code> {
        let call = match m {
            StrMethod::StartsWith => "starts_with",
            StrMethod::EndsWith => "ends_with",
            _ => return None,
        };
        let [arg] = args else { return None };
        let ExprKind::Tuple(items) = &arg.kind else {
            return None;
        };
        let items: Vec<String> = items.iter().map(|i| self.expr(i).borrowed()).collect();
        if items.is_empty() {
            return Some(Code::new("false", Ty::Bool, 10));
        }
        let obj = x.wrap(10);
        // A name or a literal is tested once per string; another value once.
        let plain = !obj.contains(['(', '.', '[']) || x.text.starts_with('"');
        if plain && items.len() <= 3 {
            let tests: Vec<String> = items.iter().map(|i| format!("{obj}.{call}({i})")).collect();
            return Some(Code::new(tests.join(" || "), Ty::Bool, 1));
        }
        let text = format!(
            "[{}].iter().any(|affix| {obj}.{call}(affix))",
            items.join(", ")
        );
        Some(Code::new(text, Ty::Bool, 10))
    }

    /// `s.index(sub)` or `xs.index(x)` where an `except` takes its
    /// `ValueError`: the place, or the `Err` with CPython's message.
    pub(super) fn checked_index(&mut self, x: &Expr, args: &[Expr]) -> Option<Code> {
        let x = self.expr(x);
        let args: Vec<Code> = args.iter().map(|a| self.expr(a)).collect();
        let v = args.first()?;
        let start = start_of(&args);
        let text = if matches!(x.ty, Ty::List(_)) {
            let message = match &v.ty {
                Ty::Str => format!(
                    "format!(\"{{}} is not in list\", py_repr({}))",
                    v.borrowed()
                ),
                _ => format!("format!(\"{{}} is not in list\", {})", v.text),
            };
            format!(
                "py_index(&{}, {}, {start}).ok_or_else(|| Error::ValueError({message}))?",
                x.wrap(10),
                needle(v)
            )
        } else {
            format!("py_str_index({}, {}, {start})?", x.borrowed(), v.borrowed())
        };
        let mut c = Code::new(text, Ty::Int, 10);
        c.fresh = true;
        Some(c)
    }
}
