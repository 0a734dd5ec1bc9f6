//! A float compared with an integer beyond 64 bits (`x > 10**100`): Python
//! compares the two exactly, so the listing compares `x` with the nearest
//! `f64` to the integer, moving the bound to the side that keeps every
//! answer, as no float lies strictly between the integer and that `f64`.

use super::scope::Scope;
use super::type_name::python_type;
use super::{Planner, Result};
use crate::program::{self as py, BinOp, CmpOp, ExprKind as E, Literal, UnaryOp};
use crate::render::plan::ir::expr::{BinaryOp, Expr, ExprKind};
use crate::render::plan::ir::value::Value;
use std::cmp::Ordering;

/// The most decimal digits of an integer this module works out (past
/// `f64::MAX`, which has 309, the nearest float is infinite).
const MAX_DIGITS: usize = 320;

impl Planner<'_> {
    /// `a op b` where one side is a float and the other an integer literal
    /// (or a power of literals) beyond 64 bits, as a comparison of floats;
    /// `None` when the comparison is not of that shape or has no exact
    /// float form (`==` of an integer no float holds).
    pub(super) fn float_vs_big_int(
        &self,
        sc: &Scope,
        a: &py::Expr,
        op: CmpOp,
        b: &py::Expr,
    ) -> Result<Option<ExprKind>> {
        let (float, big, big_left) = match (big_int(a), big_int(b)) {
            (None, Some(n)) => (a, n, false),
            (Some(n), None) => (b, n, true),
            _ => return Ok(None),
        };
        let Some(op) = ordering_op(op) else {
            return Ok(None);
        };
        let x = self.expr(sc, float)?;
        if python_type(&x) != Some("float") {
            return Ok(None);
        }
        // `x op n`, the float first.
        let op = if big_left { mirrored(op) } else { op };
        let Some((op, bound)) = float_bound(op, &big) else {
            return Ok(None);
        };
        let bound = Expr {
            kind: ExprKind::Lit(Value::Float(bound)),
            span: if big_left {
                a.span.clone()
            } else {
                b.span.clone()
            },
        };
        let (x, bound) = (Box::new(x), Box::new(bound));
        Ok(Some(if big_left {
            ExprKind::Binary(mirrored(op), bound, x)
        } else {
            ExprKind::Binary(op, x, bound)
        }))
    }
}

/// An integer as its sign and decimal digits.
struct BigInt {
    negative: bool,
    digits: String,
}

/// The integer `e` writes when it is a literal beyond 64 bits, a power of
/// integer literals beyond 64 bits, or the negation of either.
fn big_int(e: &py::Expr) -> Option<BigInt> {
    match &e.kind {
        E::Literal(Literal::BigInt(digits)) if digits.len() <= MAX_DIGITS => Some(BigInt {
            negative: false,
            digits: digits.to_string(),
        }),
        E::BinOp(BinOp::Pow, x, n) => {
            let (E::Literal(Literal::Int(x)), E::Literal(Literal::Int(n))) = (&x.kind, &n.kind)
            else {
                return None;
            };
            let n = u32::try_from(*n).ok()?;
            if x.checked_pow(n).is_some() {
                return None;
            }
            Some(BigInt {
                negative: *x < 0 && n % 2 == 1,
                digits: power_digits(x.unsigned_abs(), n)?,
            })
        }
        E::UnaryOp(UnaryOp::Neg, x) => {
            let n = big_int(x)?;
            Some(BigInt {
                negative: !n.negative,
                ..n
            })
        }
        _ => None,
    }
}

/// The decimal digits of `x ** n`, if they are at most [`MAX_DIGITS`].
fn power_digits(x: u64, n: u32) -> Option<String> {
    const BASE: u128 = 1_000_000_000;
    // Little-endian limbs of nine decimal digits.
    let mut limbs: Vec<u128> = vec![1];
    for _ in 0..n {
        let mut carry = 0u128;
        for limb in &mut limbs {
            let v = *limb * u128::from(x) + carry;
            *limb = v % BASE;
            carry = v / BASE;
        }
        while carry > 0 {
            limbs.push(carry % BASE);
            carry /= BASE;
        }
        if limbs.len() * 9 > MAX_DIGITS + 9 {
            return None;
        }
    }
    let mut digits = limbs.last()?.to_string();
    for limb in limbs.iter().rev().skip(1) {
        digits.push_str(&format!("{limb:09}"));
    }
    (digits.len() <= MAX_DIGITS).then_some(digits)
}

/// The float comparison `x op' bound` that answers as `x op n` does for
/// every float `x`; `None` for `==`/`!=` when no float equals `n`, and
/// when the nearest float is infinite.
fn float_bound(op: BinaryOp, n: &BigInt) -> Option<(BinaryOp, f64)> {
    let magnitude: f64 = n.digits.parse().ok()?;
    if !magnitude.is_finite() {
        return None;
    }
    // `{:.0}` writes a float's exact value.
    let exact = format!("{magnitude:.0}");
    let by_magnitude = exact
        .len()
        .cmp(&n.digits.len())
        .then_with(|| exact.as_str().cmp(n.digits.as_str()));
    let (bound, nearest_vs_n) = if n.negative {
        (-magnitude, by_magnitude.reverse())
    } else {
        (magnitude, by_magnitude)
    };
    let op = match (nearest_vs_n, op) {
        (Ordering::Equal, op) => op,
        (_, BinaryOp::Eq | BinaryOp::Ne) => return None,
        // The bound is above `n`: only the bound itself changes sides.
        (Ordering::Greater, BinaryOp::Gt | BinaryOp::Ge) => BinaryOp::Ge,
        (Ordering::Greater, _) => BinaryOp::Lt,
        (Ordering::Less, BinaryOp::Gt | BinaryOp::Ge) => BinaryOp::Gt,
        (Ordering::Less, _) => BinaryOp::Le,
    };
    Some((op, bound))
}

/// The plan's operator for an ordering or equality comparison.
fn ordering_op(op: CmpOp) -> Option<BinaryOp> {
    Some(match op {
        CmpOp::Eq => BinaryOp::Eq,
        CmpOp::Ne => BinaryOp::Ne,
        CmpOp::Lt => BinaryOp::Lt,
        CmpOp::Le => BinaryOp::Le,
        CmpOp::Gt => BinaryOp::Gt,
        CmpOp::Ge => BinaryOp::Ge,
        _ => return None,
    })
}

/// `op` with its operands swapped: `a < b` is `b > a`.
fn mirrored(op: BinaryOp) -> BinaryOp {
    match op {
        BinaryOp::Lt => BinaryOp::Gt,
        BinaryOp::Le => BinaryOp::Ge,
        BinaryOp::Gt => BinaryOp::Lt,
        BinaryOp::Ge => BinaryOp::Le,
        op => op,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn powers_are_exact() {
        assert_eq!(power_digits(2, 70).unwrap(), "1180591620717411303424");
        assert_eq!(
            power_digits(10, 30).unwrap(),
            "1000000000000000000000000000000"
        );
        assert!(power_digits(10, 400).is_none());
    }

    #[test]
    fn bounds_keep_every_answer() {
        let ten_100 = BigInt {
            negative: false,
            digits: power_digits(10, 100).unwrap(),
        };
        // float(10**100) is above 10**100.
        assert_eq!(
            float_bound(BinaryOp::Gt, &ten_100),
            Some((BinaryOp::Ge, 1e100))
        );
        assert_eq!(float_bound(BinaryOp::Eq, &ten_100), None);
        let two_70 = BigInt {
            negative: true,
            digits: power_digits(2, 70).unwrap(),
        };
        assert_eq!(
            float_bound(BinaryOp::Eq, &two_70),
            Some((BinaryOp::Eq, -(2f64.powi(70))))
        );
    }
}
