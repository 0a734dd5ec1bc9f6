//! A set comprehension of ints below 8 ([`Builtin::SmallSet`]): a
//! `BTreeSet`, whose sorted order is the one CPython keeps such a set in,
//! printed as Python prints a set (`{0, 1}`, `set()` when empty).

use super::Renderer;
use super::code::Code;
use super::types::Ty;
use crate::render::plan::ir::expr::Expr;

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

/// The helpers of this module that the listing's lines call.
pub(super) fn helpers(calls: &dyn Fn(&str) -> bool) -> Vec<&'static str> {
    if calls("py_set(") {
        let mut out = PY_SET.to_vec();
        out.push("");
        out
    } else {
        Vec::new()
    }
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
