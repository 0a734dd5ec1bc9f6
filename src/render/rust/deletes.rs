//! `del xs[i]` and `del d[k]`: `xs.remove(i)` (`xs.pop()` for the last
//! item) and `d.shift_remove(k)`, which keeps the order of the others as
//! Python does. Inside a `try` whose `except` takes what it raises, the
//! item not there is the `Err`: `py_del_at(&mut xs, i)?` with CPython's
//! `IndexError` message, `py_pop_key(&mut d, k)?` with its `KeyError`.

use super::Renderer;
use super::code::Code;
use super::dicts::key;
use super::types::{Ty, Types};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::Demo;
use crate::render::plan::ir::expr::{Expr, ExprKind, StrMethod, UnaryOp};
use crate::render::plan::ir::value::Value;

const PY_DEL_AT: &[&str] = &[
    "/// `del items[index]` of a Python list (from the end when negative), or its",
    "/// `IndexError`.",
    "fn py_del_at<T>(items: &mut Vec<T>, index: i64) -> Result<(), Error> {",
    "    let from_end = items.len() as i64 + index;",
    "    let at = if index < 0 { from_end } else { index };",
    "    match usize::try_from(at) {",
    "        Ok(at) if at < items.len() => {",
    "            items.remove(at);",
    "            Ok(())",
    "        }",
    "        _ => Err(Error::IndexError(",
    "            \"list assignment index out of range\".to_string(),",
    "        )),",
    "    }",
    "}",
];

/// The helpers of this module that the listing's lines call.
pub(super) fn helpers(calls: &dyn Fn(&str) -> bool) -> Vec<&'static str> {
    if calls("py_del_at(") {
        let mut out = PY_DEL_AT.to_vec();
        out.push("");
        return out;
    }
    Vec::new()
}

/// The index of `del xs[i]` when it is an integer literal.
fn literal_index(e: &Expr) -> Option<i64> {
    match &e.kind {
        ExprKind::Lit(Value::Int(n)) => Some(*n),
        ExprKind::Unary(UnaryOp::Neg, x) => match x.kind {
            ExprKind::Lit(Value::Int(n)) => Some(-n),
            _ => None,
        },
        _ => None,
    }
}

/// The `del` statements the listing has no form for: of a list at an
/// index that is not an integer literal (a negative one counts from the
/// end) where nothing catches its `IndexError`, of a value neither a list
/// nor a dict with string keys.
pub(super) fn del_conflicts(demo: &Demo, types: &Types) -> Vec<Untranslatable> {
    let checked = super::op_errors::checked_classes(demo, types);
    let mut out = Vec::new();
    for f in &demo.functions {
        f.walk(&mut |s| {
            for (e, _) in super::analysis::stmt_exprs(s) {
                let ExprKind::StrMethod(StrMethod::Del, obj, args) = &e.kind else {
                    continue;
                };
                let fits = match (types.expr_ty(&f.name, obj), args.as_slice()) {
                    (Ty::List(_), [i]) => {
                        types.expr_ty(&f.name, i) == Ty::Int
                            && (literal_index(i).is_some() || checked.contains_key(&e.span))
                    }
                    (Ty::Dict(k, _), [_]) => *k == Ty::Str,
                    _ => false,
                };
                if !fits {
                    out.push(Untranslatable {
                        span: e.span.clone(),
                        construct: "`del` of this item".into(),
                        reason: "the Rust listing deletes an item of a list at an integer \
                                 literal, or of a dict with string keys"
                            .into(),
                    });
                }
            }
        });
    }
    out
}

/// `del x[k]` where nothing catches what it raises.
pub(super) fn method(m: StrMethod, x: &Code, args: &[Expr], k: &[Code]) -> Option<Code> {
    if m != StrMethod::Del {
        return None;
    }
    let obj = x.wrap(10);
    let text = match (&x.ty, k) {
        (Ty::Dict(..), [k]) => format!("{obj}.shift_remove({}).unwrap()", key(k)),
        _ => match literal_index(args.first()?)? {
            -1 => format!("{obj}.pop().unwrap()"),
            i if i < 0 => format!("{obj}.remove({obj}.len() - {})", -i),
            i => format!("{obj}.remove({i})"),
        },
    };
    Some(Code::new(text, Ty::Unit, 10))
}

impl Renderer<'_> {
    /// `del x[k]` inside a `try` whose `except` takes what it raises.
    pub(super) fn checked_del(&mut self, x: &Expr, args: &[Expr]) -> Option<Code> {
        let x = self.expr(x);
        let k = self.expr(args.first()?);
        let text = match &x.ty {
            Ty::Dict(..) => format!("py_pop_key(&mut {}, {})?", x.wrap(7), key(&k)),
            _ => format!("py_del_at(&mut {}, {})?", x.wrap(7), k.text),
        };
        Some(Code::new(text, Ty::Unit, 10))
    }
}
