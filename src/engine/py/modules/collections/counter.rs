//! `collections.Counter`'s own methods, as CPython 3.11's
//! `Lib/collections/__init__.py` writes them: counting, `most_common`,
//! `elements`, `total`, `update`/`subtract`, the multiset operators and
//! the repr ordered by count.

use super::mapping::{Kind, MapObj};
use crate::engine::budget;
use crate::engine::py::types::exc::{PyResult, Unwind, error, type_error};
use crate::engine::py::types::native::{Args, downcast};
use crate::engine::py::types::value::{Dict, Key, Value};
use crate::engine::py::vm::interp::{Frame, Interp};
use crate::program::{BinOp, CmpOp};
use std::cmp::Ordering;
use std::rc::Rc;

/// The methods `Counter` adds to a dict's (or replaces).
pub(super) const METHODS: &[&str] = &["most_common", "elements", "total", "update", "subtract"];

/// `Counter(iterable=None, /, **kwds)`.
pub(super) fn make(ix: &Interp, f: &Frame, args: Args) -> PyResult<Value> {
    if args.pos.len() > 1 {
        return Err(type_error(format!(
            "Counter.__init__() takes from 1 to 2 positional arguments but {} were given",
            args.pos.len() + 1
        )));
    }
    let c = MapObj::value(Kind::Counter, Dict::default(), Value::None);
    if let Some(m) = downcast::<MapObj>(&c) {
        update(&m, ix, f, args, 1)?;
    }
    Ok(c)
}

/// `Counter.fromkeys`: CPython leaves it undefined.
pub(super) fn fromkeys(_ix: &Interp, _f: &Frame, _args: Args) -> PyResult<Value> {
    Err(error(
        "NotImplementedError",
        "Counter.fromkeys() is undefined.  Use Counter(iterable) instead.",
    ))
}

pub(super) fn method(
    c: &Rc<MapObj>,
    ix: &Interp,
    f: &Frame,
    name: &str,
    args: Args,
) -> PyResult<Value> {
    match name {
        "update" => update(c, ix, f, args, 1).map(|_| Value::None),
        "subtract" => update(c, ix, f, args, -1).map(|_| Value::None),
        "most_common" => {
            let n = match (args.pos.first(), args.kw.first()) {
                (Some(v), _) => v.clone(),
                (None, Some((k, v))) if &**k == "n" => v.clone(),
                (None, Some((k, _))) => {
                    return Err(type_error(format!(
                        "Counter.most_common() got an unexpected keyword argument '{k}'"
                    )));
                }
                (None, None) => Value::None,
            };
            let mut pairs = most_common(c, ix, f)?;
            match n {
                Value::None => {}
                Value::Int(n) => pairs.truncate(n.max(0) as usize),
                other => {
                    return Err(type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        other.type_name()
                    )));
                }
            }
            Ok(Value::list(
                pairs
                    .into_iter()
                    .map(|(k, v)| Value::tuple(vec![k, v]))
                    .collect(),
            ))
        }
        "elements" => {
            let mut out = Vec::new();
            for (k, v) in c.pairs() {
                let n = match v {
                    Value::Int(n) => n,
                    Value::Bool(b) => b as i64,
                    other => {
                        return Err(type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            other.type_name()
                        )));
                    }
                };
                let n = n.max(0) as usize;
                budget::reserve(n.saturating_mul(std::mem::size_of::<Value>()))?;
                budget::charge_items(n)?;
                out.extend(std::iter::repeat_n(k, n));
            }
            ix.iter(f, &Value::list(out))
        }
        "total" => {
            let mut sum = Value::Int(0);
            for (_, v) in c.pairs() {
                sum = ix.binop(f, BinOp::Add, &sum, &v, false)?;
            }
            Ok(sum)
        }
        _ => Err(error(
            "AttributeError",
            format!("'Counter' object has no attribute '{name}'"),
        )),
    }
}

/// `update` (`sign` 1) or `subtract` (`sign` -1).
fn update(c: &MapObj, ix: &Interp, f: &Frame, mut args: Args, sign: i64) -> PyResult<()> {
    let name = if sign > 0 { "update" } else { "subtract" };
    if args.pos.len() > 1 {
        return Err(type_error(format!(
            "Counter.{name}() takes from 1 to 2 positional arguments but {} were given",
            args.pos.len() + 1
        )));
    }
    let kw = std::mem::take(&mut args.kw);
    if let Some(source) = args.pos.pop().filter(|v| !matches!(v, Value::None)) {
        if let Some(d) = source.as_plain_dict() {
            let pairs: Vec<(Value, Value)> = d
                .borrow()
                .iter()
                .map(|(k, v)| (k.0.clone(), v.clone()))
                .collect();
            add_pairs(c, ix, f, pairs, sign)?;
        } else {
            for x in ix.iterate(f, &source)? {
                let k = Key::new(x).map_err(type_error)?;
                let old = c.dict.borrow().get(&k).cloned().unwrap_or(Value::Int(0));
                let new = ix.binop(f, BinOp::Add, &old, &Value::Int(sign), false)?;
                c.dict.borrow_mut().insert(k, new);
            }
        }
    }
    if !kw.is_empty() {
        let pairs = kw.into_iter().map(|(k, v)| (Value::Str(k), v)).collect();
        add_pairs(c, ix, f, pairs, sign)?;
    }
    Ok(())
}

/// Adds (or subtracts) each count to the one already there.
fn add_pairs(
    c: &MapObj,
    ix: &Interp,
    f: &Frame,
    pairs: Vec<(Value, Value)>,
    sign: i64,
) -> PyResult<()> {
    budget::charge_items(pairs.len())?;
    let empty = c.dict.borrow().is_empty();
    for (k, v) in pairs {
        let key = Key::new(k).map_err(type_error)?;
        let new = if sign > 0 && empty {
            v
        } else {
            let old = c.dict.borrow().get(&key).cloned().unwrap_or(Value::Int(0));
            let op = if sign > 0 { BinOp::Add } else { BinOp::Sub };
            if sign > 0 {
                ix.binop(f, op, &v, &old, false)?
            } else {
                ix.binop(f, op, &old, &v, false)?
            }
        };
        c.dict.borrow_mut().insert(key, new);
    }
    Ok(())
}

/// The pairs by count, largest first, ties in insertion order.
fn most_common(c: &MapObj, ix: &Interp, f: &Frame) -> PyResult<Vec<(Value, Value)>> {
    let mut pairs = c.pairs();
    let mut failed: Option<Unwind> = None;
    pairs.sort_by(|a, b| {
        if failed.is_some() {
            return Ordering::Equal;
        }
        let mut lt = |x: &Value, y: &Value| match ix.compare(f, CmpOp::Lt, x, y) {
            Ok(r) => r,
            Err(e) => {
                failed = Some(e);
                false
            }
        };
        if lt(&b.1, &a.1) {
            Ordering::Less
        } else if lt(&a.1, &b.1) {
            Ordering::Greater
        } else {
            Ordering::Equal
        }
    });
    match failed {
        Some(e) => Err(e),
        None => Ok(pairs),
    }
}

/// `Counter({...})` in `most_common` order (insertion order when the
/// counts do not order).
pub(super) fn repr(c: &MapObj, ix: &Interp, f: &Frame) -> PyResult<String> {
    if c.dict.borrow().is_empty() {
        return Ok("Counter()".into());
    }
    let pairs = match most_common(c, ix, f) {
        Ok(p) => p,
        Err(Unwind::Exc(e)) if crate::engine::py::types::exc::is_instance_of(&e, "TypeError") => {
            c.pairs()
        }
        Err(e) => return Err(e),
    };
    let mut d = Dict::default();
    for (k, v) in pairs {
        d.insert(Key(k), v);
    }
    let text = ix.repr(f, &Value::Dict(Rc::new(std::cell::RefCell::new(d))))?;
    Ok(format!("Counter({text})"))
}

/// `c == d` for two Counters: a missing element counts as zero.
pub(super) fn equals(c: &MapObj, other: &Value, ix: &Interp, f: &Frame) -> PyResult<bool> {
    let Some(o) = downcast::<MapObj>(other) else {
        return Ok(false);
    };
    for (a, b) in [(c, &*o), (&*o, c)] {
        for (k, v) in a.pairs() {
            let w = b
                .dict
                .borrow()
                .get(&Key(k))
                .cloned()
                .unwrap_or(Value::Int(0));
            if !ix.eq(f, &v, &w)? {
                return Ok(false);
            }
        }
    }
    Ok(true)
}

/// `+`, `-`, `|`, `&` of two Counters: only positive counts are kept.
pub(super) fn binop(
    c: &MapObj,
    o: &MapObj,
    op: BinOp,
    ix: &Interp,
    f: &Frame,
) -> Option<PyResult<Value>> {
    if !matches!(op, BinOp::Add | BinOp::Sub | BinOp::BitOr | BinOp::BitAnd) {
        return None;
    }
    Some((|| {
        let zero = Value::Int(0);
        let positive = |v: &Value| ix.compare(f, CmpOp::Gt, v, &zero);
        let get = |m: &MapObj, k: &Value| {
            m.dict
                .borrow()
                .get(&Key(k.clone()))
                .cloned()
                .unwrap_or(Value::Int(0))
        };
        let mut out = Dict::default();
        for (k, count) in c.pairs() {
            let theirs = get(o, &k);
            let new = match op {
                BinOp::Add => ix.binop(f, BinOp::Add, &count, &theirs, false)?,
                BinOp::Sub => ix.binop(f, BinOp::Sub, &count, &theirs, false)?,
                BinOp::BitOr => {
                    if ix.compare(f, CmpOp::Lt, &count, &theirs)? {
                        theirs
                    } else {
                        count
                    }
                }
                _ => {
                    if ix.compare(f, CmpOp::Lt, &count, &theirs)? {
                        count
                    } else {
                        theirs
                    }
                }
            };
            if positive(&new)? {
                out.insert(Key(k), new);
            }
        }
        if op != BinOp::BitAnd {
            for (k, count) in o.pairs() {
                if c.dict.borrow().contains_key(&Key(k.clone())) {
                    continue;
                }
                let new = if op == BinOp::Sub {
                    if ix.compare(f, CmpOp::Lt, &count, &zero)? {
                        ix.binop(f, BinOp::Sub, &zero, &count, false)?
                    } else {
                        continue;
                    }
                } else {
                    count
                };
                if op == BinOp::Sub || positive(&new)? {
                    out.insert(Key(k), new);
                }
            }
        }
        Ok(MapObj::value(Kind::Counter, out, Value::None))
    })())
}

/// `+c` (the positive counts) and `-c` (the negative ones, negated).
pub(super) fn unary(
    c: &MapObj,
    op: crate::program::UnaryOp,
    ix: &Interp,
    f: &Frame,
) -> Option<PyResult<Value>> {
    use crate::program::UnaryOp;
    if !matches!(op, UnaryOp::Pos | UnaryOp::Neg) {
        return None;
    }
    Some((|| {
        let zero = Value::Int(0);
        let mut out = Dict::default();
        for (k, count) in c.pairs() {
            if op == UnaryOp::Pos {
                if ix.compare(f, CmpOp::Gt, &count, &zero)? {
                    out.insert(Key(k), count);
                }
            } else if ix.compare(f, CmpOp::Lt, &count, &zero)? {
                out.insert(Key(k), ix.binop(f, BinOp::Sub, &zero, &count, false)?);
            }
        }
        Ok(MapObj::value(Kind::Counter, out, Value::None))
    })())
}

/// `c += m`, `c -= m`, `c |= m`, `c &= m` for any mapping `m`: `c` itself,
/// changed as CPython's `__iadd__` and kin change it (counts updated in
/// place, then the counts not above zero dropped).
pub(super) fn inplace(
    c: &Rc<MapObj>,
    other: &Value,
    op: BinOp,
    ix: &Interp,
    f: &Frame,
) -> Option<PyResult<Value>> {
    if !matches!(op, BinOp::Add | BinOp::Sub | BinOp::BitOr | BinOp::BitAnd) {
        return None;
    }
    Some((|| {
        let zero = Value::Int(0);
        let current = |k: &Value| c.dict.borrow().get(&Key(k.clone())).cloned();
        if op == BinOp::BitAnd {
            for (k, count) in c.pairs() {
                let theirs = ix.getitem(f, other, &k)?;
                if ix.compare(f, CmpOp::Lt, &theirs, &count)? {
                    c.dict.borrow_mut().insert(Key(k), theirs);
                }
            }
        } else {
            let items = ix.call_method(f, other, "items", Args::positional(vec![]))?;
            for pair in ix.iterate(f, &items)? {
                let Ok([k, theirs]) = <[Value; 2]>::try_from(ix.iterate(f, &pair)?) else {
                    continue;
                };
                let mine = current(&k).unwrap_or(Value::Int(0));
                let new = match op {
                    BinOp::BitOr if !ix.compare(f, CmpOp::Gt, &theirs, &mine)? => continue,
                    BinOp::BitOr => theirs,
                    _ => ix.binop(f, op, &mine, &theirs, false)?,
                };
                c.dict.borrow_mut().insert(Key(k), new);
            }
        }
        for (k, count) in c.pairs() {
            if !ix.compare(f, CmpOp::Gt, &count, &zero)? {
                c.dict.borrow_mut().shift_remove(&Key(k));
            }
        }
        Ok(Value::Native(c.clone()))
    })())
}
