//! A dict display whose keys are of several types, as `{1: "one", 2.5:
//! None, (1, 2): "pair"}`, printed where it is made: its keys are the
//! listing's `PyValue`s (a tuple its `Tuple` variant), which then implements
//! `Eq` and `Hash` to be an `IndexMap`'s key. `PyValue`'s equality tells
//! its variants apart, while Python's takes `1`, `1.0` and `True` for one
//! key: the listing takes only literal keys that Python holds distinct,
//! in a dict nothing looks a key up in, and refuses the others at their
//! place.

use super::Renderer;
use super::mixed::{Place, each_use};
use super::types::{Ty, Types};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::Demo;
use crate::render::plan::ir::expr::{Builtin, Expr, ExprKind, UnaryOp};
use crate::render::plan::ir::value::Value;

/// Whether keys of types `tys` (unknown ones left out) are of several
/// types.
pub(super) fn several(tys: &[Ty]) -> bool {
    let known: Vec<&Ty> = tys.iter().filter(|t| **t != Ty::Unknown).collect();
    known.iter().any(|k| *k != known[0])
}

/// The keys of a dict display `{k: v, ...}` (its items, each a pair).
fn keys(items: &[Expr]) -> Option<Vec<&Expr>> {
    items
        .iter()
        .map(|kv| match &kv.kind {
            ExprKind::Tuple(pair) if pair.len() == 2 => Some(&pair[0]),
            _ => None,
        })
        .collect()
}

/// Whether the dict display of `items` has keys of several types.
pub(super) fn mixed(types: &Types, f: &str, items: &[Expr]) -> bool {
    keys(items).is_some_and(|keys| {
        let tys: Vec<Ty> = keys.iter().map(|k| types.expr_ty(f, k)).collect();
        several(&tys)
    })
}

/// A literal key's value as Python compares it.
#[derive(Debug)]
enum Key {
    Int(i64),
    Float(f64),
    Str(String),
    None,
    Tuple(Vec<Key>),
}

impl Key {
    /// Python's `==` of two keys: numbers (booleans too) by their value
    /// across types.
    fn same(&self, other: &Key) -> bool {
        match (self, other) {
            (Key::Int(a), Key::Int(b)) => a == b,
            (Key::Float(a), Key::Float(b)) => a == b,
            (Key::Int(i), Key::Float(x)) | (Key::Float(x), Key::Int(i)) => {
                x.fract() == 0.0 && (*i as f64) == *x && (*x as i128) == i128::from(*i)
            }
            (Key::Str(a), Key::Str(b)) => a == b,
            (Key::None, Key::None) => true,
            (Key::Tuple(a), Key::Tuple(b)) => {
                a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.same(y))
            }
            _ => false,
        }
    }
}

/// The value of a key written as a literal (a tuple of literals too).
fn literal(e: &Expr) -> Option<Key> {
    match &e.kind {
        ExprKind::Lit(v) => match v {
            Value::Int(n) => Some(Key::Int(*n)),
            Value::Bool(b) => Some(Key::Int(i64::from(*b))),
            Value::Float(x) => Some(Key::Float(*x)),
            Value::Str(s) => Some(Key::Str(s.to_string())),
            Value::None => Some(Key::None),
            Value::List(_) => None,
        },
        ExprKind::Unary(UnaryOp::Neg, x) => match literal(x)? {
            Key::Int(n) => n.checked_neg().map(Key::Int),
            Key::Float(x) => Some(Key::Float(-x)),
            _ => None,
        },
        ExprKind::Tuple(items) => items
            .iter()
            .map(literal)
            .collect::<Option<_>>()
            .map(Key::Tuple),
        _ => None,
    }
}

impl Renderer<'_> {
    /// A key of a dict whose keys are of several types: its `PyValue`, a
    /// tuple's `PyValue::Tuple` of its items'.
    pub(super) fn mixed_key(&mut self, e: &Expr) -> String {
        match &e.kind {
            ExprKind::Tuple(items) => {
                let items: Vec<String> = items.iter().map(|i| self.mixed_key(i)).collect();
                format!("PyValue::Tuple(vec![{}])", items.join(", "))
            }
            _ => {
                let c = self.expr(e);
                super::mixed::py_value(&c)
            }
        }
    }
}

/// Whether the listing's lines use a `PyValue` as a dict's key: a pair
/// that opens with one.
pub(super) fn keyed(lines: &[String]) -> bool {
    lines
        .iter()
        .any(|l| l.contains("[(PyValue::") || l.trim_start().starts_with("(PyValue::"))
}

/// `Eq` and `Hash` of `PyValue`, whose enum holds `variants`, for a
/// listing that keys a dict with it.
pub(super) fn key_helpers(variants: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = vec![
        "/// Keys are literals that Python holds distinct, so no two of them are equal".into(),
        "/// across variants, and none is a NaN.".into(),
        "impl Eq for PyValue {}".into(),
        String::new(),
        "impl std::hash::Hash for PyValue {".into(),
        "    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {".into(),
        "        std::mem::discriminant(self).hash(state);".into(),
        "        match self {".into(),
    ];
    for v in variants {
        let arm = match *v {
            "None" => "PyValue::None => {}",
            "Float" => "PyValue::Float(v) => v.to_bits().hash(state),",
            "Int" => "PyValue::Int(v) => v.hash(state),",
            "Bool" => "PyValue::Bool(v) => v.hash(state),",
            "Str" => "PyValue::Str(v) => v.hash(state),",
            "List" => "PyValue::List(v) => v.hash(state),",
            _ => "PyValue::Tuple(v) => v.hash(state),",
        };
        out.push(format!("            {arm}"));
    }
    out.extend([
        "        }".into(),
        "    }".into(),
        "}".into(),
        String::new(),
    ]);
    out
}

/// Every dict display whose keys are of several types that the listing
/// cannot key with `PyValue`: one of its keys no literal, two of them
/// equal to Python, or the dict not printed where it is made; and every
/// one whose keys are floats only.
pub(super) fn unfit(demo: &Demo, types: &Types) -> Vec<Untranslatable> {
    let mut printed = std::collections::HashSet::new();
    each_use(demo, &mut |_, _, uses| {
        for (e, place) in uses {
            if matches!(place, Place::Printed) {
                printed.insert(e.span.clone());
            }
        }
    });
    let mut out = Vec::new();
    super::expr_walk::each_function_expr(demo, &mut |f, e| {
        let ExprKind::Call(Builtin::Dict, items) = &e.kind else {
            return;
        };
        let Some(keys) = keys(items) else {
            return;
        };
        let tys: Vec<Ty> = keys.iter().map(|k| types.expr_ty(&f.name, k)).collect();
        if !several(&tys) {
            // Rust's `f64` is no key: it has no `Eq` or `Hash`.
            if let Some(k) = keys.iter().find(|k| types.expr_ty(&f.name, k) == Ty::Float) {
                out.push(refusal(
                    k,
                    "a float as a dict's key",
                    "Rust's `f64` has no `Eq` or `Hash`, so it is no `IndexMap` key: give the \
                     keys another type",
                ));
            }
            return;
        }
        let mut seen: Vec<Key> = Vec::new();
        for k in keys {
            let Some(key) = literal(k) else {
                out.push(refusal(
                    k,
                    "a key made as the program runs, beside keys of other types",
                    "the Rust listing keys such a dict with its enum `PyValue`, which tells \
                     `1`, `1.0` and `True` apart where Python takes them for one key; it \
                     takes only literal keys, which it checks are distinct: give the keys \
                     one type",
                ));
                return;
            };
            if seen.iter().any(|s| s.same(&key)) {
                out.push(refusal(
                    k,
                    "a key equal to another of its dict, of another type",
                    "Python takes `1`, `1.0` and `True` for one key, keeping the first key and \
                     the last value, while the Rust listing's enum `PyValue` tells them apart: \
                     write the key once",
                ));
                return;
            }
            seen.push(key);
        }
        if !printed.contains(&e.span) {
            out.push(refusal(
                e,
                "a dict whose keys are of several types, kept",
                "the Rust listing keys such a dict with its enum `PyValue`, whose lookups tell \
                 `1`, `1.0` and `True` apart where Python's find one key; it writes one only \
                 where `print` shows it: print it where it is made, or give the keys one type",
            ));
        }
    });
    out
}

/// The refusal at `e` of `construct` for `reason`.
fn refusal(e: &Expr, construct: &str, reason: &str) -> Untranslatable {
    Untranslatable {
        span: e.span.clone(),
        construct: construct.into(),
        reason: reason.into(),
    }
}

/// `IndexMap::from([...])` (then `.repr()`), an argument of a macro call
/// at `indent` levels followed by `comma`, too wide for its line: one pair
/// a line as rustfmt lays it out inside a macro (no trailing commas), a
/// pair too wide itself one value a line; `None` for another argument, or
/// one whose values need more lines.
pub(super) fn macro_map_lines(arg: &str, indent: usize, comma: &str) -> Option<Vec<String>> {
    const OPEN: &str = "IndexMap::from([";
    let (inner, tail) = [("])", ""), ("]).repr()", ".repr()")]
        .into_iter()
        .find_map(|(end, tail)| {
            let inner = arg.strip_prefix(OPEN)?.strip_suffix(end)?;
            Some((inner, tail))
        })?;
    let pairs = super::wrap::split_args(inner);
    if pairs.is_empty() || pairs.join(", ") != inner {
        return None;
    }
    let at = 4 * indent;
    if at + arg.len() + comma.len() <= 100 && inner.len() <= super::wrap::ARRAY_WIDTH {
        return None;
    }
    let mut out = vec![OPEN.to_string()];
    let last = pairs.len() - 1;
    for (i, pair) in pairs.iter().enumerate() {
        let sep = if i == last { "" } else { "," };
        let kv = pair
            .strip_prefix('(')
            .and_then(|p| p.strip_suffix(')'))
            .map(super::wrap::split_args)
            .filter(|kv| kv.len() == 2)?;
        let one = kv.join(", ");
        if at + 4 + pair.len() + sep.len() <= 100 && one.len() <= super::wrap::CALL_WIDTH {
            out.push(format!("    {pair}{sep}"));
            continue;
        }
        // A value whose own list rustfmt would break too.
        let wide = |v: &str| {
            let items = v.find("vec![").and_then(|i| Some(&v[i + 5..v.rfind(']')?]));
            at + 8 + v.len() + 1 > 100 || items.is_some_and(|i| i.len() > super::wrap::ARRAY_WIDTH)
        };
        if kv.iter().any(|v| wide(v)) {
            return None;
        }
        out.extend([
            "    (".to_string(),
            format!("        {},", kv[0]),
            format!("        {}", kv[1]),
            format!("    ){sep}"),
        ]);
    }
    out.push("])".into());
    if !tail.is_empty() {
        out.push(tail.into());
    }
    if let Some(l) = out.last_mut() {
        l.push_str(comma);
    }
    Some(out)
}
