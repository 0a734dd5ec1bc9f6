//! Sets as `BTreeSet`s: a set comprehension of ints below 8
//! ([`Builtin::SmallSet`]), whose sorted order is the one CPython keeps
//! such a set in, printed as Python prints a set (`{0, 1}`, `set()` when
//! empty); `set()`, `set(xs)` and `{a, b}` ([`Builtin::Set`]), with `add`
//! (`insert`), `discard` and `remove` (`remove`), `|`, `&` and `-` (`BTreeSet`'s own
//! operators, on borrowed sets). Where a set may be printed or
//! iterated is checked in `set_uses`.

use super::Renderer;
use super::code::Code;
use super::types::Ty;
use crate::render::plan::ir::expr::{BinaryOp, Builtin, Expr, ExprKind, StrMethod};

const PY_SET: &[&str] = &[
    "/// Python's `str` of a set of ints: `{0, 1, 2}`, or `set()` when empty.",
    "fn py_set(items: &BTreeSet<i64>) -> String {",
    "    if items.is_empty() {",
    "        \"set()\".to_string()",
    "    } else {",
    "        format!(\"{items:?}\")",
    "    }",
    "}",
];

const PY_SET_REMOVE: &[&str] = &[
    "/// `set.remove(item)` of a Python set, or the `KeyError` naming the item.",
    "fn py_set_remove<T, Q>(set: &mut BTreeSet<T>, item: &Q) -> Result<(), Error>",
    "where",
    "    T: Ord + std::borrow::Borrow<Q>,",
    "    Q: Ord + Repr + ?Sized,",
    "{",
    "    if set.remove(item) {",
    "        Ok(())",
    "    } else {",
    "        Err(Error::KeyError(item.repr()))",
    "    }",
    "}",
];

/// The helpers of this module that the listing's lines call.
pub(super) fn helpers(calls: &dyn Fn(&str) -> bool) -> Vec<&'static str> {
    let mut out = Vec::new();
    for (name, text) in [("py_set(", PY_SET), ("py_set_remove(", PY_SET_REMOVE)] {
        if calls(name) {
            out.extend_from_slice(text);
            out.push("");
        }
    }
    out
}

impl Renderer<'_> {
    /// The comprehension's items collected into a `BTreeSet`.
    pub(super) fn small_set(&mut self, args: &[Expr]) -> Code {
        let [comp] = args else {
            unreachable!("one comprehension")
        };
        self.use_("std::collections", "BTreeSet");
        let c = self.expr(comp);
        let iter = c
            .text
            .strip_suffix(".collect::<Vec<_>>()")
            .map_or_else(|| format!("{}.into_iter()", c.wrap(10)), str::to_string);
        let mut out = Code::new(
            format!("{iter}.collect::<BTreeSet<_>>()"),
            Ty::Set(Box::new(c.ty.elem())),
            10,
        );
        out.fresh = true;
        out
    }
}

impl Renderer<'_> {
    /// `set()`, `set(xs)` or `{a, b}`: an empty `BTreeSet`, the items of
    /// `xs` collected, or `BTreeSet::from` an array of the items.
    pub(super) fn set_of(&mut self, args: &[Expr]) -> Code {
        self.use_("std::collections", "BTreeSet");
        let (text, elem) = match args {
            [] => ("BTreeSet::new()".to_string(), Ty::Unknown),
            [list] if let ExprKind::List(items) = &list.kind => {
                let items: Vec<Code> = items.iter().map(|x| self.expr(x)).collect();
                let elem = items.first().map_or(Ty::Unknown, |c| c.ty.clone());
                let items: Vec<String> = items.iter().map(Code::owned).collect();
                (format!("BTreeSet::from([{}])", items.join(", ")), elem)
            }
            [xs] => {
                let c = self.expr(xs);
                let iter = match &c.ty {
                    _ if c.range => c.wrap(10),
                    Ty::Str => format!("{}.chars().map(String::from)", c.wrap(10)),
                    Ty::Dict(..) => format!("{}.keys().cloned()", c.wrap(10)),
                    _ => format!("{}.iter().cloned()", c.wrap(10)),
                };
                (format!("{iter}.collect::<BTreeSet<_>>()"), c.ty.elem())
            }
            _ => unreachable!("`set` takes one argument at most"),
        };
        let mut out = Code::new(text, Ty::Set(Box::new(elem)), 10);
        out.fresh = true;
        out
    }
}

/// `s.add(x)` (`insert`), `s.discard(x)` (`remove`) or `s.remove(x)` of
/// a set (`remove`, where the program ends if the set does not hold `x`,
/// as Python's uncaught `KeyError` ends it); `None` for another method.
pub(super) fn method(m: StrMethod, x: &Code, args: &[Code]) -> Option<Code> {
    let [v] = args else { return None };
    let obj = x.wrap(10);
    let text = match m {
        StrMethod::Add => format!("{obj}.insert({})", v.owned()),
        StrMethod::Discard => format!("{obj}.remove({})", super::dicts::key(v)),
        StrMethod::Remove if matches!(x.ty, Ty::Set(_)) => {
            format!("assert!({obj}.remove({}))", super::dicts::key(v))
        }
        _ => return None,
    };
    Some(Code::new(text, Ty::Unit, 10))
}

impl Renderer<'_> {
    /// `a | b` or `a & b` of two sets: `&a | &b`, `&a & &b`.
    pub(super) fn set_operator(&mut self, op: Builtin, args: &[Expr]) -> Code {
        let [a, b] = args else {
            unreachable!("two operands")
        };
        let (a, b) = (self.expr(a), self.expr(b));
        let symbol = if op == Builtin::Union { "|" } else { "&" };
        operated(symbol, &a, &b)
    }
}

/// `a - b` of two sets: `&a - &b`; `None` for another operation.
pub(super) fn difference(op: BinaryOp, a: &Code, b: &Code) -> Option<Code> {
    (op == BinaryOp::Sub && matches!(a.ty, Ty::Set(_))).then(|| operated("-", a, b))
}

/// `s.remove(x)` of a set where an `except` takes its `KeyError`.
pub(super) fn checked_remove(x: &Code, v: &Code) -> Option<Code> {
    matches!(x.ty, Ty::Set(_)).then(|| {
        let text = format!(
            "py_set_remove(&mut {}, {})?",
            x.wrap(7),
            super::dicts::key(v)
        );
        Code::new(text, Ty::Unit, 10)
    })
}

/// A new set of `a` and `b` borrowed, with the operator `symbol` between.
fn operated(symbol: &str, a: &Code, b: &Code) -> Code {
    let ty = match &a.ty {
        Ty::Set(t) if **t == Ty::Unknown => b.ty.clone(),
        t => t.clone(),
    };
    let mut out = Code::new(format!("&{} {symbol} &{}", a.wrap(10), b.wrap(10)), ty, 3);
    out.fresh = true;
    out
}
