//! `fsum` (CPython's exact algorithm: Shewchuk's partials, then a
//! correctly rounded total), `prod`, `hypot` and `dist`.

use super::real;
use crate::engine::budget;
use crate::engine::py::types::exc::{PyResult, error, type_error, value_error};
use crate::engine::py::types::native::Args;
use crate::engine::py::types::value::Value;
use crate::engine::py::vm::interp::{Frame, Interp};
use crate::program::BinOp;

pub(super) fn call(ix: &Interp, f: &Frame, name: &str, mut args: Args) -> PyResult<Value> {
    match name {
        "fsum" => {
            let items = ix.iterate(f, &super::one(args, name)?)?;
            let xs = items.iter().map(real).collect::<PyResult<Vec<_>>>()?;
            fsum(&xs).map(Value::Float)
        }
        "prod" => {
            let start = args.take_kw("start").unwrap_or(Value::Int(1));
            if let Some((k, _)) = args.kw.first() {
                return Err(type_error(format!(
                    "'{k}' is an invalid keyword argument for prod()"
                )));
            }
            let n = args.pos.len();
            if n != 1 {
                return Err(type_error(if n == 0 {
                    "prod() missing required argument 'iterable' (pos 1)".to_string()
                } else {
                    format!("prod() takes exactly 1 positional argument ({n} given)")
                }));
            }
            let mut acc = start;
            for x in ix.iterate(f, &args.pos[0])? {
                acc = ix.binop(f, BinOp::Mul, &acc, &x, false)?;
            }
            Ok(acc)
        }
        "hypot" => {
            if !args.kw.is_empty() {
                return Err(type_error("math.hypot() takes no keyword arguments"));
            }
            let xs = args.pos.iter().map(real).collect::<PyResult<Vec<_>>>()?;
            Ok(Value::Float(vector_norm(&xs)))
        }
        "dist" => {
            let [p, q] = super::two(args, name)?;
            let (p, q) = (ix.iterate(f, &p)?, ix.iterate(f, &q)?);
            if p.len() != q.len() {
                return Err(value_error(
                    "both points must have the same number of dimensions",
                ));
            }
            let mut diffs = Vec::with_capacity(p.len());
            for (a, b) in p.iter().zip(&q) {
                diffs.push((real(a)? - real(b)?).abs());
            }
            Ok(Value::Float(vector_norm(&diffs)))
        }
        _ => Err(error(
            "AttributeError",
            format!("module 'math' has no attribute '{name}'"),
        )),
    }
}

/// CPython's `math_fsum`: exact partial sums, then the total rounded once.
fn fsum(xs: &[f64]) -> PyResult<f64> {
    let mut partials: Vec<f64> = Vec::new();
    let (mut special_sum, mut inf_sum) = (0.0f64, 0.0f64);
    for &x0 in xs {
        budget::charge_items(1 + partials.len())?;
        let mut x = x0;
        let xsave = x;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                // A non-finite x could come from an overflow of finite ones.
                if xsave.is_finite() {
                    return Err(error("OverflowError", "intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                partials.clear();
            } else {
                partials.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(value_error("-inf + inf in fsum"));
        }
        return Ok(special_sum);
    }
    let mut hi = 0.0f64;
    let mut n = partials.len();
    if n > 0 {
        n -= 1;
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        // Round half-even correctly: look at the next partial's sign.
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(hi)
}

/// The Euclidean norm as CPython 3.11's `vector_norm` computes it: scaled
/// by the largest power of two, summed with compensation, and corrected by
/// one Newton step.
fn vector_norm(xs: &[f64]) -> f64 {
    let mut max = 0.0f64;
    let mut found_nan = false;
    for &x in xs {
        let x = x.abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
    }
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || xs.len() <= 1 {
        return max;
    }
    let (_, max_e) = super::frexp(max);
    if max_e < -1023 {
        // Subnormal: scale up first.
        let scaled: Vec<f64> = xs.iter().map(|x| x / f64::MIN_POSITIVE).collect();
        return f64::MIN_POSITIVE * vector_norm(&scaled);
    }
    let scale = 2f64.powi(-max_e);
    let (mut csum, mut frac1, mut frac2) = (1.0f64, 0.0f64, 0.0f64);
    for &x in xs {
        let x = x.abs() * scale;
        // Split x*x into hi + lo exactly (Dekker), then add with care.
        let (pr_hi, pr_lo) = dl_mul(x, x);
        let sm_hi = csum + pr_hi;
        let sm_lo = (csum - sm_hi) + pr_hi;
        csum = sm_hi;
        frac1 += pr_lo;
        frac2 += sm_lo;
    }
    let mut h = (csum - 1.0 + (frac1 + frac2)).sqrt();
    let (pr_hi, pr_lo) = dl_mul(-h, h);
    let sm_hi = csum + pr_hi;
    let sm_lo = (csum - sm_hi) + pr_hi;
    csum = sm_hi;
    frac1 += pr_lo;
    frac2 += sm_lo;
    let x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    h / scale
}

/// `x * y` as an exact sum `hi + lo` (CPython's `dl_mul`, with a fused
/// multiply-add).
fn dl_mul(x: f64, y: f64) -> (f64, f64) {
    let hi = x * y;
    let lo = x.mul_add(y, -hi);
    (hi, lo)
}
