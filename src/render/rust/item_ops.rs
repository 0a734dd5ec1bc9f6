//! `xs[i] += n` and `d[k] += n` on numbers: Rust's compound assignment on
//! the item itself (`grid[1][0] += 5`, `counts["a"] += 1`), which reads the
//! item once as Python does (a missing key panics where Python raises
//! `KeyError`).

use super::Renderer;
use super::code::Code;
use super::types::Ty;
use crate::render::plan::ir::expr::{BinaryOp, Builtin, Expr, ExprKind};

impl Renderer<'_> {
    /// `obj[key] op= rhs` when `value` is `obj[key] op rhs` for `+`, `-` or
    /// `*` on an int or float item; `None` otherwise.
    pub(super) fn item_op(&mut self, obj: &Code, key: &Expr, value: &Expr) -> Option<Code> {
        let ExprKind::Binary(op @ (BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul), lhs, rhs) =
            &value.kind
        else {
            return None;
        };
        let ExprKind::Call(Builtin::Index, args) = &lhs.kind else {
            return None;
        };
        if args.get(1) != Some(key) {
            return None;
        }
        let (place, item) = match &obj.ty {
            Ty::Dict(_, v) => {
                let k = self.expr(key);
                (
                    format!("{}[{}]", obj.wrap(10), super::dicts::key(&k)),
                    (**v).clone(),
                )
            }
            Ty::List(t) => {
                let k = self.expr(key);
                if k.text.starts_with('-') {
                    return None;
                }
                if let Some(place) = super::neg_index::place(obj, &k, &self.counting_vars) {
                    let place = self.lent_place(place);
                    let r = self.expr(rhs);
                    let sym = match op {
                        BinaryOp::Add => "+=",
                        BinaryOp::Sub => "-=",
                        _ => "*=",
                    };
                    let r = match (&**t, &r.ty) {
                        (Ty::Float, Ty::Int) => r.as_f64().text,
                        (Ty::Int, Ty::Int) | (Ty::Float, Ty::Float) => r.text,
                        _ => return None,
                    };
                    return Some(Code::new(format!("{place} {sym} {r}"), Ty::Unit, 10));
                }
                let at = if k.text.chars().all(|c| c.is_ascii_digit()) {
                    k.text.clone()
                } else {
                    format!("{} as usize", k.wrap(8))
                };
                (format!("{}[{at}]", obj.wrap(10)), (**t).clone())
            }
            _ => return None,
        };
        let r = self.expr(rhs);
        let r = match (&item, &r.ty) {
            (Ty::Float, Ty::Int) => r.as_f64().text,
            (Ty::Int, Ty::Int) | (Ty::Float, Ty::Float) => r.text,
            _ => return None,
        };
        let sym = match op {
            BinaryOp::Add => "+=",
            BinaryOp::Sub => "-=",
            _ => "*=",
        };
        Some(Code::new(format!("{place} {sym} {r}"), Ty::Unit, 10))
    }
}
