//! Drawing from sequences: `choices`, `shuffle` and `sample`, as CPython
//! 3.11's `Lib/random.py` draws them, so a seeded program picks the items
//! CPython picks.

use super::{RandomObj, arg, num, opt_arg};
use crate::engine::py::types::exc::{PyResult, error, type_error};
use crate::engine::py::types::native::Args;
use crate::engine::py::types::ops;
use crate::engine::py::types::value::Value;
use crate::engine::py::vm::interp::{Frame, Interp};
use crate::program::{BinOp, CmpOp};

pub(super) fn choices(ix: &Interp, f: &Frame, r: &RandomObj, mut args: Args) -> PyResult<Value> {
    let population = arg(&mut args, 0, "population", "choices")?;
    let weights = opt_arg(&mut args, 1, "weights").filter(|v| !matches!(v, Value::None));
    let cum = args
        .take_kw("cum_weights")
        .filter(|v| !matches!(v, Value::None));
    let k = match args.take_kw("k") {
        Some(k) => crate::engine::py::builtins::args::index(&k)?,
        None => 1,
    };
    crate::engine::py::builtins::args::unknown_kw(&args, "choices")?;
    let k = k.max(0) as usize;
    ops::check_items(k)?;
    let n = len(ix, f, &population)?;
    let mut out = Vec::with_capacity(k);
    let cum = match (weights, cum) {
        (None, None) => {
            for _ in 0..k {
                ix.step()?;
                let i = (r.random() * n as f64).floor() as i64;
                out.push(ix.getitem(f, &population, &Value::Int(i))?);
            }
            return Ok(Value::list(out));
        }
        (Some(_), Some(_)) => {
            return Err(type_error(
                "Cannot specify both weights and cumulative weights",
            ));
        }
        (Some(w), None) => {
            if let Value::Int(k) = w {
                return Err(type_error(format!(
                    "The number of choices must be a keyword argument: k={k}"
                )));
            }
            let mut acc: Option<Value> = None;
            let mut cum = Vec::new();
            for x in ix.iterate(f, &w)? {
                ix.step()?;
                let next = match acc {
                    None => x,
                    Some(a) => ix.binop(f, BinOp::Add, &a, &x, false)?,
                };
                cum.push(next.clone());
                acc = Some(next);
            }
            cum
        }
        (None, Some(c)) => ix.iterate(f, &c)?,
    };
    if cum.len() != n {
        return Err(error(
            "ValueError",
            "The number of weights does not match the population",
        ));
    }
    let total = cum
        .last()
        .map(|t| ix.binop(f, BinOp::Add, t, &Value::Float(0.0), false))
        .transpose()?
        .map_or(Ok(0.0), |t| num(&t))?;
    if total <= 0.0 {
        return Err(error(
            "ValueError",
            "Total of weights must be greater than zero",
        ));
    }
    if !total.is_finite() {
        return Err(error("ValueError", "Total of weights must be finite"));
    }
    let hi = n - 1;
    for _ in 0..k {
        ix.step()?;
        let x = Value::Float(r.random() * total);
        // `bisect_right(cum, x, 0, hi)`
        let (mut lo, mut hi) = (0usize, hi);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if ix.compare(f, CmpOp::Lt, &x, &cum[mid])? {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        out.push(ix.getitem(f, &population, &Value::Int(lo as i64))?);
    }
    Ok(Value::list(out))
}

pub(super) fn shuffle(ix: &Interp, f: &Frame, r: &RandomObj, x: &Value) -> PyResult<()> {
    let n = len(ix, f, x)?;
    if let Value::List(items) = x {
        for i in (1..n).rev() {
            ix.step()?;
            let j = r.mt.borrow_mut().below(i as u64 + 1) as usize;
            items.borrow_mut().swap(i, j);
        }
        return Ok(());
    }
    for i in (1..n).rev() {
        ix.step()?;
        let j = r.mt.borrow_mut().below(i as u64 + 1) as i64;
        let (a, b) = (Value::Int(i as i64), Value::Int(j));
        let (xi, xj) = (ix.getitem(f, x, &a)?, ix.getitem(f, x, &b)?);
        ix.setitem(f, x, &a, xj)?;
        ix.setitem(f, x, &b, xi)?;
    }
    Ok(())
}

pub(super) fn sample(
    ix: &Interp,
    f: &Frame,
    r: &RandomObj,
    population: Value,
    k: &Value,
    counts: Option<Value>,
) -> PyResult<Value> {
    if !matches!(
        population,
        Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Bytes(_) | Value::Range(..)
    ) {
        return Err(type_error(
            "Population must be a sequence.  For dicts or sets, use sorted(d).",
        ));
    }
    let n = len(ix, f, &population)?;
    let k = crate::engine::py::builtins::args::index(k)?;
    if let Some(counts) = counts.filter(|c| !matches!(c, Value::None)) {
        let mut cum: Vec<Value> = Vec::new();
        for c in ix.iterate(f, &counts)? {
            ix.step()?;
            let next = match cum.last() {
                None => c,
                Some(a) => ix.binop(f, BinOp::Add, a, &c, false)?,
            };
            cum.push(next);
        }
        if cum.len() != n {
            return Err(error(
                "ValueError",
                "The number of counts does not match the population",
            ));
        }
        let total = cum.pop().unwrap_or(Value::Int(0));
        let Value::Int(total) = total else {
            return Err(type_error("Counts must be integers"));
        };
        if total <= 0 {
            return Err(error(
                "ValueError",
                "Total of counts must be greater than zero",
            ));
        }
        let picks = sample(ix, f, r, Value::Range(0, total, 1), &Value::Int(k), None)?;
        let mut out = Vec::new();
        for s in ix.iterate(f, &picks)? {
            // `bisect_right(cum_counts, s)`
            let (mut lo, mut hi) = (0usize, cum.len());
            while lo < hi {
                let mid = (lo + hi) / 2;
                if ix.compare(f, CmpOp::Lt, &s, &cum[mid])? {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            out.push(ix.getitem(f, &population, &Value::Int(lo as i64))?);
        }
        return Ok(Value::list(out));
    }
    if k < 0 || k as usize > n {
        return Err(error(
            "ValueError",
            "Sample larger than population or is negative",
        ));
    }
    let k = k as usize;
    ops::check_items(k)?;
    let mut setsize = 21usize;
    if k > 5 {
        let exp = ((k as f64 * 3.0).ln() / 4f64.ln()).ceil() as u32;
        setsize = setsize.saturating_add(4usize.saturating_pow(exp));
    }
    let mut result = Vec::with_capacity(k);
    if n <= setsize {
        let mut pool = ix.iterate(f, &population)?;
        for i in 0..k {
            ix.step()?;
            let j = r.mt.borrow_mut().below((n - i) as u64) as usize;
            result.push(pool[j].clone());
            pool[j] = pool[n - i - 1].clone();
        }
    } else {
        let mut selected = std::collections::HashSet::new();
        for _ in 0..k {
            ix.step()?;
            let mut j = r.mt.borrow_mut().below(n as u64);
            while selected.contains(&j) {
                ix.step()?;
                j = r.mt.borrow_mut().below(n as u64);
            }
            selected.insert(j);
            result.push(ix.getitem(f, &population, &Value::Int(j as i64))?);
        }
    }
    Ok(Value::list(result))
}

pub(super) fn len(ix: &Interp, f: &Frame, v: &Value) -> PyResult<usize> {
    match crate::engine::py::builtins::special::call(
        ix,
        f,
        "len",
        Args::positional(vec![v.clone()]),
    )? {
        Value::Int(n) if n >= 0 => Ok(n as usize),
        _ => Err(type_error("len() should return a non-negative int")),
    }
}
