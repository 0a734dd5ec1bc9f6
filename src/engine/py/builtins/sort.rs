//! Sorting: CPython's run detection and binary insertion sort, so that lists
//! of fewer than 64 items see the very comparisons CPython makes (which
//! decide the message when two items cannot be compared), then stable merges.

use super::*;

/// Sorts `items` as `list.sort(key=key, reverse=reverse)` does.
pub(in crate::engine::py) fn sort_values(
    cx: &dyn Callbacks,
    items: &mut Vec<Value>,
    key: Option<&Value>,
    reverse: bool,
) -> PyResult<()> {
    let mut keys: Vec<Value> = match key {
        Some(f) => {
            let mut keys = Vec::with_capacity(items.len());
            for item in items.iter() {
                keys.push(cx.call(f, Args::positional(vec![item.clone()]))?);
            }
            keys
        }
        None => items.clone(),
    };
    if items.len() < 2 {
        return Ok(());
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    if reverse {
        keys.reverse();
        order.reverse();
    }
    let mut pairs: Vec<(Value, usize)> = keys.into_iter().zip(order).collect();
    timsort(cx, &mut pairs)?;
    if reverse {
        pairs.reverse();
    }
    let sorted: Vec<Value> = pairs.iter().map(|(_, i)| items[*i].clone()).collect();
    *items = sorted;
    Ok(())
}

pub(super) fn lt(cx: &dyn Callbacks, a: &(Value, usize), b: &(Value, usize)) -> PyResult<bool> {
    cx.lt(&a.0, &b.0)
}

pub(super) fn timsort(cx: &dyn Callbacks, v: &mut [(Value, usize)]) -> PyResult<()> {
    let n = v.len();
    let minrun = {
        let (mut n, mut r) = (n, 0);
        while n >= 64 {
            r |= n & 1;
            n >>= 1;
        }
        n + r
    };
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut lo = 0;
    while lo < n {
        let (mut len, descending) = count_run(cx, &v[lo..])?;
        if descending {
            v[lo..lo + len].reverse();
        }
        if len < minrun {
            let force = minrun.min(n - lo);
            binary_sort(cx, &mut v[lo..lo + force], len)?;
            len = force;
        }
        runs.push((lo, lo + len));
        lo += len;
    }
    while runs.len() > 1 {
        let mut merged = Vec::with_capacity(runs.len().div_ceil(2));
        for pair in runs.chunks(2) {
            if let [(a, m), (_, b)] = pair {
                merge(cx, &mut v[*a..*b], m - a)?;
                merged.push((*a, *b));
            } else {
                merged.push(pair[0]);
            }
        }
        runs = merged;
    }
    Ok(())
}

/// The length of the run at the start of `v`, and whether it is strictly
/// descending.
pub(super) fn count_run(cx: &dyn Callbacks, v: &[(Value, usize)]) -> PyResult<(usize, bool)> {
    if v.len() == 1 {
        return Ok((1, false));
    }
    let mut n = 2;
    if lt(cx, &v[1], &v[0])? {
        while n < v.len() && lt(cx, &v[n], &v[n - 1])? {
            n += 1;
        }
        Ok((n, true))
    } else {
        while n < v.len() && !lt(cx, &v[n], &v[n - 1])? {
            n += 1;
        }
        Ok((n, false))
    }
}

/// Sorts `v` whose first `start` items are sorted already.
pub(super) fn binary_sort(
    cx: &dyn Callbacks,
    v: &mut [(Value, usize)],
    start: usize,
) -> PyResult<()> {
    for i in start.max(1)..v.len() {
        let (mut l, mut r) = (0, i);
        while l < r {
            let p = l + (r - l) / 2;
            if lt(cx, &v[i], &v[p])? {
                r = p;
            } else {
                l = p + 1;
            }
        }
        v[l..=i].rotate_right(1);
    }
    Ok(())
}

/// Merges the sorted halves `v[..mid]` and `v[mid..]`, stably.
pub(super) fn merge(cx: &dyn Callbacks, v: &mut [(Value, usize)], mid: usize) -> PyResult<()> {
    let (left, right) = v.split_at(mid);
    let mut out = Vec::with_capacity(v.len());
    let (mut i, mut j) = (0, 0);
    while i < left.len() && j < right.len() {
        if lt(cx, &right[j], &left[i])? {
            out.push(right[j].clone());
            j += 1;
        } else {
            out.push(left[i].clone());
            i += 1;
        }
    }
    out.extend_from_slice(&left[i..]);
    out.extend_from_slice(&right[j..]);
    v.clone_from_slice(&out);
    Ok(())
}

/// The `key=` and `reverse=` of `sorted` and `list.sort`.
pub(in crate::engine::py) fn sort_options(
    args: &mut Args,
    fname: &str,
) -> PyResult<(Option<Value>, bool)> {
    let key = args.take_kw("key").filter(|k| !matches!(k, Value::None));
    let reverse = match args.take_kw("reverse") {
        Some(v) => index_clamped(&v)? != 0,
        None => false,
    };
    unknown_kw(args, fname)?;
    Ok((key, reverse))
}

pub(super) fn sorted(cx: &dyn Callbacks, mut args: Args) -> PyResult<Value> {
    let n = args.pos.len();
    if n != 1 {
        return Err(type_error(format!("sorted expected 1 argument, got {n}")));
    }
    let (key, reverse) = sort_options(&mut args, "sort")?;
    let mut items = cx.iterate(&args.pos[0])?;
    sort_values(cx, &mut items, key.as_ref(), reverse)?;
    Ok(Value::list(items))
}
