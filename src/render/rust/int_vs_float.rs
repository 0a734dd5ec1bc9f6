//! An integer compared with a float (`n > x`): Python compares the two
//! exactly, where `n as f64` rounds an integer past 2**53 to a float it may
//! equal (`2**53 + 1 == 2.0**53` is `False`). Where the integer is not
//! known to be small, the listing compares through `cmp_int_float`.

use super::Renderer;
use super::code::Code;
use super::types::Ty;
use crate::render::plan::ir::expr::{BinaryOp, Builtin, Expr, ExprKind};

/// `cmp_int_float`: Python's exact comparison of an integer with a float.
const CMP_INT_FLOAT: &[&str] = &[
    "/// Python's comparison of an integer with a float: exact, where `n as f64`",
    "/// rounds past 2**53; `None` for NaN.",
    "fn cmp_int_float(n: i64, x: f64) -> Option<std::cmp::Ordering> {",
    "    if x.is_nan() {",
    "        return None;",
    "    }",
    "    // 2**63: every float from here up is past every `i64`.",
    "    if x >= 9_223_372_036_854_775_808.0 {",
    "        return Some(std::cmp::Ordering::Less);",
    "    }",
    "    if x < -9_223_372_036_854_775_808.0 {",
    "        return Some(std::cmp::Ordering::Greater);",
    "    }",
    "    // A whole float within `i64` converts exactly.",
    "    let whole = x.trunc();",
    "    let part = x - whole;",
    "    let order = n.cmp(&(whole as i64)).then(if part > 0.0 {",
    "        std::cmp::Ordering::Less",
    "    } else if part < 0.0 {",
    "        std::cmp::Ordering::Greater",
    "    } else {",
    "        std::cmp::Ordering::Equal",
    "    });",
    "    Some(order)",
    "}",
];

/// The helpers the listing's lines use.
pub(super) fn helpers(calls: &dyn Fn(&str) -> bool) -> Vec<&'static str> {
    let mut out = Vec::new();
    if calls("cmp_int_float(") {
        out.extend_from_slice(CMP_INT_FLOAT);
        out.push("");
    }
    out
}

/// Whether the integer `e` of function `f` is known to be within 2**53,
/// where `as f64` is exact.
fn small(r: &Renderer, e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Call(Builtin::Len, _))
        || super::float_repr::small_int(r.demo, &r.func, e)
}

impl Renderer<'_> {
    /// `a op b` comparing an integer not known to be small with a float,
    /// through `cmp_int_float`.
    pub(super) fn int_vs_float(&mut self, op: BinaryOp, a: &Expr, b: &Expr) -> Option<Code> {
        use BinaryOp::*;
        if !matches!(op, Eq | Ne | Lt | Le | Gt | Ge) {
            return None;
        }
        let (ta, tb) = (
            self.types.expr_ty(&self.func, a),
            self.types.expr_ty(&self.func, b),
        );
        // The order as seen from the integer.
        let (int, float, op) = match (ta, tb) {
            (Ty::Int, Ty::Float) => (a, b, op),
            (Ty::Float, Ty::Int) => (
                b,
                a,
                match op {
                    Lt => Gt,
                    Le => Ge,
                    Gt => Lt,
                    Ge => Le,
                    other => other,
                },
            ),
            _ => return None,
        };
        if small(self, int) {
            return None;
        }
        let (n, x) = (self.expr(int), self.expr(float));
        let test = match op {
            Eq | Ne => "is_eq",
            Lt => "is_lt",
            Le => "is_le",
            Gt => "is_gt",
            _ => "is_ge",
        };
        let call = format!(
            "cmp_int_float({}, {}).is_some_and(|o| o.{test}())",
            n.text, x.text
        );
        Some(if op == Ne {
            Code::new(format!("!{call}"), Ty::Bool, 7)
        } else {
            Code::new(call, Ty::Bool, 10)
        })
    }
}
