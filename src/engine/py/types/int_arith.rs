//! Integer arithmetic as CPython does it: machine-size ints first, falling
//! back to big ints, with the limits that keep a run's memory bounded.

use super::exc::{PyResult, error, type_error};
use super::ops::int;
use super::value::Value;
use crate::engine::budget;
use crate::program::BinOp;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

pub(super) fn small_arith(op: BinOp, x: i64, y: i64) -> PyResult<Option<Value>> {
    Ok(match op {
        BinOp::Add => x.checked_add(y).map(Value::Int),
        BinOp::Sub => x.checked_sub(y).map(Value::Int),
        BinOp::Mul => x.checked_mul(y).map(Value::Int),
        BinOp::Div => {
            if y == 0 {
                return Err(error("ZeroDivisionError", "division by zero"));
            }
            Some(Value::Float(true_div(x, y)))
        }
        BinOp::FloorDiv => {
            if y == 0 {
                return Err(error(
                    "ZeroDivisionError",
                    "integer division or modulo by zero",
                ));
            }
            x.checked_div_euclid(y)
                .map(|_| Value::Int(Integer::div_floor(&x, &y)))
        }
        BinOp::Mod => {
            if y == 0 {
                return Err(error("ZeroDivisionError", "integer modulo by zero"));
            }
            x.checked_rem(y)
                .map(|_| Value::Int(Integer::mod_floor(&x, &y)))
        }
        BinOp::Pow => {
            if y < 0 {
                if x == 0 {
                    return Err(error(
                        "ZeroDivisionError",
                        "0.0 cannot be raised to a negative power",
                    ));
                }
                Some(Value::Float((x as f64).powf(y as f64)))
            } else {
                u32::try_from(y)
                    .ok()
                    .and_then(|e| x.checked_pow(e))
                    .map(Value::Int)
            }
        }
        BinOp::BitAnd => Some(Value::Int(x & y)),
        BinOp::BitOr => Some(Value::Int(x | y)),
        BinOp::BitXor => Some(Value::Int(x ^ y)),
        BinOp::LShift => {
            if y < 0 {
                return Err(super::exc::value_error("negative shift count"));
            }
            if y < 63 && x.unsigned_abs().leading_zeros() as i64 > y + 1 {
                Some(Value::Int(x << y))
            } else {
                None
            }
        }
        BinOp::RShift => {
            if y < 0 {
                return Err(super::exc::value_error("negative shift count"));
            }
            Some(Value::Int(if y >= 64 {
                if x < 0 { -1 } else { 0 }
            } else {
                x >> y
            }))
        }
        BinOp::MatMul => {
            return Err(type_error(
                "unsupported operand type(s) for @: 'int' and 'int'",
            ));
        }
    })
}

/// `x / y` for ints, correctly rounded as CPython's true division is.
fn true_div(x: i64, y: i64) -> f64 {
    const EXACT: i64 = 1 << 53;
    if x.abs() <= EXACT && y.abs() <= EXACT {
        x as f64 / y as f64
    } else {
        big_true_div(&BigInt::from(x), &BigInt::from(y))
    }
}

fn big_true_div(x: &BigInt, y: &BigInt) -> f64 {
    match (x.to_f64(), y.to_f64()) {
        (Some(a), Some(b)) if a.is_finite() && b.is_finite() => a / b,
        _ => {
            let (q, r) = x.div_rem(y);
            q.to_f64().unwrap_or(f64::INFINITY)
                + r.to_f64().unwrap_or(0.0) / y.to_f64().unwrap_or(1.0)
        }
    }
}

/// The largest power a run computes (bits of the result).
const MAX_BITS: u64 = 1 << 22;

/// Charges the work of `op` on two big integers to the run's budgets:
/// linear in their size for additions and bit operations, about
/// Karatsuba's n·√m for products and powers, n·m for divisions.
fn charge_big(op: BinOp, x: &BigInt, y: &BigInt) -> PyResult<()> {
    let (a, b) = (x.bits() / 64 + 1, y.bits() / 64 + 1);
    let (small, large) = (a.min(b), a.max(b));
    let words = match op {
        BinOp::Mul => large.saturating_mul(small.isqrt()),
        BinOp::Pow => {
            let result = x
                .bits()
                .saturating_mul(y.to_u64().unwrap_or(0).min(MAX_BITS))
                / 64
                + 1;
            result.saturating_mul(result.isqrt())
        }
        BinOp::Div | BinOp::FloorDiv | BinOp::Mod => a.saturating_mul(b),
        _ => large,
    };
    if words > 64 {
        budget::charge_items(words as usize)?;
        budget::reserve((a + b) as usize * 8)?;
    }
    Ok(())
}

pub(super) fn big_arith(op: BinOp, x: &BigInt, y: &BigInt) -> PyResult<Value> {
    charge_big(op, x, y)?;
    Ok(match op {
        BinOp::Add => int(x + y),
        BinOp::Sub => int(x - y),
        BinOp::Mul => {
            if x.bits() + y.bits() > MAX_BITS {
                return Err(too_big());
            }
            int(x * y)
        }
        BinOp::Div => {
            if y.is_zero() {
                return Err(error("ZeroDivisionError", "division by zero"));
            }
            Value::Float(big_true_div(x, y))
        }
        BinOp::FloorDiv => {
            if y.is_zero() {
                return Err(error(
                    "ZeroDivisionError",
                    "integer division or modulo by zero",
                ));
            }
            int(x.div_floor(y))
        }
        BinOp::Mod => {
            if y.is_zero() {
                return Err(error("ZeroDivisionError", "integer modulo by zero"));
            }
            int(x.mod_floor(y))
        }
        BinOp::Pow => {
            if y.is_negative() {
                let (a, b) = (
                    x.to_f64().unwrap_or(f64::INFINITY),
                    y.to_f64().unwrap_or(0.0),
                );
                return Ok(Value::Float(a.powf(b)));
            }
            let Some(e) = y.to_u32() else {
                if x.abs() <= BigInt::from(1) {
                    return Ok(int(if x.is_negative() && y.is_odd() {
                        x.clone()
                    } else {
                        x.abs()
                    }));
                }
                return Err(too_big());
            };
            if x.bits().saturating_mul(e as u64) > MAX_BITS {
                return Err(too_big());
            }
            int(num_traits::pow(x.clone(), e as usize))
        }
        BinOp::BitAnd => int(x & y),
        BinOp::BitOr => int(x | y),
        BinOp::BitXor => int(x ^ y),
        BinOp::LShift => {
            let Some(s) = y.to_u64().filter(|s| x.bits() + s <= MAX_BITS) else {
                return Err(too_big());
            };
            int(x << s)
        }
        BinOp::RShift => int(x >> y.to_u64().unwrap_or(u64::MAX).min(1 << 24)),
        BinOp::MatMul => return Err(type_error("unsupported operand type(s) for @")),
    })
}

fn too_big() -> super::exc::Unwind {
    super::exc::limit(
        "the demo would build an integer of more than 4 million bits (limit: value size)",
    )
}
