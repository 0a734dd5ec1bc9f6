//! `math`'s integer functions: `gcd`, `lcm`, `factorial`, `comb`, `perm`,
//! `isqrt`. Products go through the interpreter's big-integer arithmetic,
//! which charges each to the run and stops a result past the size of one
//! value; a result sure to pass it ends the run before any work.

use crate::engine::budget;
use crate::engine::py::types::exc::{self, PyResult, type_error, value_error};
use crate::engine::py::types::native::Args;
use crate::engine::py::types::ops;
use crate::engine::py::types::value::Value;
use crate::program::BinOp;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

/// Bits an int may have (the interpreter's limit on one value).
const MAX_BITS: f64 = (1u64 << 22) as f64;

pub(super) fn call(name: &str, args: Args) -> PyResult<Value> {
    match name {
        "gcd" | "lcm" => {
            if !args.kw.is_empty() {
                return Err(type_error(format!(
                    "math.{name}() takes no keyword arguments"
                )));
            }
            let mut acc = if name == "gcd" {
                BigInt::zero()
            } else {
                BigInt::from(1)
            };
            for v in &args.pos {
                let x = int(v)?;
                budget::charge_items((x.bits() / 64 + 1) as usize)?;
                acc = if name == "gcd" {
                    acc.gcd(&x)
                } else if acc.is_zero() || x.is_zero() {
                    BigInt::zero()
                } else {
                    let l = acc.lcm(&x);
                    if l.bits() as f64 > MAX_BITS {
                        return Err(too_big());
                    }
                    l
                };
            }
            Ok(ops::int(acc.abs()))
        }
        "isqrt" => {
            let x = int(&super::one(args, name)?)?;
            if x.is_negative() {
                return Err(value_error("isqrt() argument must be nonnegative"));
            }
            let words = (x.bits() / 64 + 1) as usize;
            budget::charge_items(words.saturating_mul(words.isqrt() + 1))?;
            Ok(ops::int(x.sqrt()))
        }
        "factorial" => {
            let x = int(&super::one(args, name)?)?;
            if x.is_negative() {
                return Err(value_error("factorial() not defined for negative values"));
            }
            let Some(n) = x.to_u64() else {
                return Err(exc::error(
                    "OverflowError",
                    "factorial() argument should not exceed 9223372036854775807",
                ));
            };
            let lg = ln_factorial(n as f64) / std::f64::consts::LN_2;
            if lg > MAX_BITS {
                return Err(too_big());
            }
            product(BigInt::from(1), n)
        }
        "perm" | "comb" => {
            if !args.kw.is_empty() {
                return Err(type_error(format!(
                    "math.{name}() takes no keyword arguments"
                )));
            }
            let given = args.pos.len();
            if name == "comb" && given != 2 {
                return Err(type_error(format!(
                    "comb expected 2 arguments, got {given}"
                )));
            }
            if given == 0 {
                return Err(type_error("perm expected at least 1 argument, got 0"));
            }
            if given > 2 {
                return Err(type_error(format!(
                    "perm expected at most 2 arguments, got {given}"
                )));
            }
            let n = int(&args.pos[0])?;
            let k = match args.pos.get(1) {
                None | Some(Value::None) => None,
                Some(v) => Some(int(v)?),
            };
            if n.is_negative() {
                return Err(value_error("n must be a non-negative integer"));
            }
            let Some(k) = k else {
                // `perm(n)` is `factorial(n)`.
                return call("factorial", Args::positional(vec![ops::int(n)]));
            };
            if k.is_negative() {
                return Err(value_error("k must be a non-negative integer"));
            }
            if k > n {
                return Ok(Value::Int(0));
            }
            let k = if name == "comb" {
                let other = &n - &k;
                if other < k { other } else { k }
            } else {
                k
            };
            let Some(k) = k.to_u64() else {
                return Err(exc::error(
                    "OverflowError",
                    format!("min(n - k, k) must not exceed {}", i64::MAX),
                ));
            };
            let nf = n.to_f64().unwrap_or(f64::INFINITY);
            let kf = k as f64;
            let lg = if name == "perm" {
                kf * nf.log2()
            } else {
                (ln_factorial(nf) - ln_factorial(kf) - ln_factorial(nf - kf))
                    / std::f64::consts::LN_2
            };
            if lg > MAX_BITS + 64.0 {
                return Err(too_big());
            }
            let falling = product(&n - BigInt::from(k) + 1, k)?;
            if name == "perm" {
                return Ok(falling);
            }
            let kfact = product(BigInt::from(1), k)?;
            ops::binop(BinOp::FloorDiv, &falling, &kfact).map(|v| v.unwrap_or(Value::None))
        }
        _ => Err(exc::error(
            "AttributeError",
            format!("module 'math' has no attribute '{name}'"),
        )),
    }
}

/// The int an argument must be.
fn int(v: &Value) -> PyResult<BigInt> {
    ops::big(v).ok_or_else(|| {
        type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            v.type_name()
        ))
    })
}

/// `ln(n!)` by Stirling's series (exact enough to bound a result's size).
fn ln_factorial(n: f64) -> f64 {
    if n < 2.0 {
        return 0.0;
    }
    n * n.ln() - n + 0.5 * (2.0 * std::f64::consts::PI * n).ln() + 1.0 / (12.0 * n)
}

fn too_big() -> exc::Unwind {
    exc::limit("the demo would build an integer of more than 4 million bits (limit: value size)")
}

/// `start * (start + 1) * ... * (start + count - 1)`, split in halves so
/// the big products stay balanced; each product is charged to the run.
fn product(start: BigInt, count: u64) -> PyResult<Value> {
    if count == 0 {
        return Ok(Value::Int(1));
    }
    if count <= 16 {
        let mut acc = ops::int(start.clone());
        for i in 1..count {
            budget::charge(1)?;
            let next = ops::int(&start + BigInt::from(i));
            acc = ops::binop(BinOp::Mul, &acc, &next)?.unwrap_or(Value::None);
        }
        return Ok(acc);
    }
    let half = count / 2;
    let low = product(start.clone(), half)?;
    let high = product(start + BigInt::from(half), count - half)?;
    Ok(ops::binop(BinOp::Mul, &low, &high)?.unwrap_or(Value::None))
}
