//! `value[i]` of a `PyValue` (see `mixed`) where an `except` takes what
//! it raises: `value.item_at(i)?`, a method of the enum that gives a
//! list's item, a string's character, or the `IndexError` or `TypeError`
//! Python raises ("'int' object is not subscriptable"). Where the program
//! has no `TypeError` to give, or nothing takes what it raises, the
//! subscript stays refused.

use super::code::Code;
use super::types::{Ty, Types};
use crate::render::plan::ir::ast::Demo;
use crate::render::plan::ir::expr::{Builtin, ExprKind};
use crate::render::plan::ir::op_errors::checked_ops;
use crate::render::plan::ir::raises::raised_classes;
use std::collections::HashSet;
use std::ops::Range;

/// The subscripts of `PyValue`s the listing writes as `item_at`: those
/// checked for their `IndexError`, in a program whose `Error` has a
/// `TypeError` for the variants that hold no sequence.
pub(super) fn subscripts(demo: &Demo, types: &Types) -> HashSet<Range<usize>> {
    let checked = super::op_errors::checked_classes(demo, types);
    let type_error = raised_classes(demo).iter().any(|c| c == "TypeError")
        || checked.values().any(|c| *c == "TypeError");
    if !type_error {
        return HashSet::new();
    }
    checked_ops(demo)
        .into_iter()
        .filter(|op| match &op.expr.kind {
            ExprKind::Call(Builtin::Index, args) => match args.as_slice() {
                [obj, _] => types.expr_ty(&op.func, obj) == Ty::Mixed,
                _ => false,
            },
            _ => false,
        })
        .map(|op| op.expr.span.clone())
        .filter(|span| checked.contains_key(span))
        .collect()
}

/// `obj[k]` of a `PyValue` `obj`: `obj.item_at(k)?`.
pub(super) fn item_at(obj: &Code, k: &Code) -> Code {
    // A method call reads through the reference: no `*`.
    let obj = match obj.text.strip_prefix('*') {
        Some(place) if obj.prec == 7 => place.to_string(),
        _ => obj.wrap(10),
    };
    let mut c = Code::new(format!("{obj}.item_at({})?", k.text), Ty::Mixed, 10);
    c.fresh = true;
    c
}

/// The `item_at` method of `PyValue`, for lines that call it, over the
/// enum's `variants`.
pub(super) fn helpers(lines: &[String], variants: &[&str]) -> Vec<String> {
    if !lines.iter().any(|l| l.contains(".item_at(")) {
        return Vec::new();
    }
    let mut out: Vec<String> = vec![
        "impl PyValue {".into(),
        "    /// Python's `value[index]`: a list's item, a string's character, or the".into(),
        "    /// exception Python raises.".into(),
        "    fn item_at(&self, index: i64) -> Result<PyValue, Error> {".into(),
        "        match self {".into(),
    ];
    for v in variants {
        let arm = match *v {
            "List" => "PyValue::List(items) => py_item_at(items, index).cloned(),".into(),
            "Str" => "PyValue::Str(text) => py_char_at(text, index).map(PyValue::Str),".into(),
            "Tuple" => "PyValue::Tuple(items) => py_item_at(items, index)
                .cloned()
                .map_err(|_| Error::IndexError(\"tuple index out of range\".to_string())),"
                .into(),
            other => {
                let (class, pattern) = match other {
                    "Int" => ("int", "(_)"),
                    "Float" => ("float", "(_)"),
                    "None" => ("NoneType", ""),
                    _ => ("bool", "(_)"),
                };
                format!(
                    "PyValue::{other}{pattern} => Err(Error::TypeError(\n                \
                     \"'{class}' object is not subscriptable\".to_string(),\n            )),"
                )
            }
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
