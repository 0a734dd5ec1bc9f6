//! Arithmetic and comparison of the built-in types, as CPython does them:
//! ints of any size, floats, strings, bytes, lists and tuples.

use super::exc::{PyResult, error, type_error};
use super::int_arith::{big_arith, small_arith};
use super::value::{Value, py_eq};
use crate::engine::budget;
use crate::program::{BinOp, CmpOp};
use num_bigint::BigInt;
use num_traits::ToPrimitive;
use std::cmp::Ordering;
use std::rc::Rc;

/// Largest sequence a run may build in one operation (items).
pub const MAX_ITEMS: usize = 10_000_000;

/// An int from a big integer, small when it fits.
pub fn int(b: BigInt) -> Value {
    match b.to_i64() {
        Some(i) => Value::Int(i),
        None => Value::BigInt(Rc::new(b)),
    }
}

/// The value as a big integer, for ints and bools.
pub fn big(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
        Value::BigInt(b) => Some((**b).clone()),
        _ => None,
    }
}

/// The value as a float, for ints, bools and floats.
pub fn float(v: &Value) -> Option<f64> {
    match v {
        Value::Int(i) => Some(*i as f64),
        Value::Bool(b) => Some(*b as i64 as f64),
        Value::BigInt(b) => b.to_f64(),
        Value::Float(f) => Some(*f),
        _ => None,
    }
}

fn is_int(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
}

fn is_num(v: &Value) -> bool {
    is_int(v) || matches!(v, Value::Float(_))
}

/// Numeric equality across int, bool and float.
pub fn num_eq(a: &Value, b: &Value) -> bool {
    num_cmp(a, b) == Some(Ordering::Equal)
}

fn num_cmp(a: &Value, b: &Value) -> Option<Ordering> {
    if is_int(a) && is_int(b) {
        if let (Some(x), Some(y)) = (small(a), small(b)) {
            return Some(x.cmp(&y));
        }
        return Some(big(a)?.cmp(&big(b)?));
    }
    match (a, b) {
        (Value::Float(x), i) if is_int(i) => int_float_cmp(&big(i)?, *x).map(Ordering::reverse),
        (i, Value::Float(y)) if is_int(i) => int_float_cmp(&big(i)?, *y),
        _ => float(a)?.partial_cmp(&float(b)?),
    }
}

/// `i` compared with `x` exactly, as CPython does (not through `i`'s
/// nearest float, which `2**53 + 1` and `10**100` are not).
fn int_float_cmp(i: &BigInt, x: f64) -> Option<Ordering> {
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    // A finite float's whole part is an integer exactly.
    let whole = num_traits::FromPrimitive::from_f64(x.trunc())?;
    Some(i.cmp(&whole).then(0.0.partial_cmp(&x.fract())?))
}

fn small(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(*b as i64),
        _ => None,
    }
}

fn unsupported(op: &str, a: &Value, b: &Value) -> super::exc::Unwind {
    type_error(format!(
        "unsupported operand type(s) for {op}: '{}' and '{}'",
        a.type_name(),
        b.type_name()
    ))
}

/// `a op b` for the built-in types; `None` when the types do not support it
/// (the interpreter then tries the instance's special methods).
pub fn binop(op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    use Value::*;
    if is_num(a) && is_num(b) {
        return arith(op, a, b).map(Some);
    }
    charge_operands(a, b)?;
    let v = match (op, a, b) {
        (BinOp::Add, Str(x), Str(y)) => {
            let mut s = String::with_capacity(x.len() + y.len());
            s.push_str(x);
            s.push_str(y);
            check_bytes(s.len())?;
            Value::str(&s)
        }
        (BinOp::Add, Bytes(x), Bytes(y)) => Bytes(Rc::from([&x[..], &y[..]].concat())),
        (BinOp::Add, List(x), List(y)) => {
            let mut v = x.borrow().clone();
            v.extend(y.borrow().iter().cloned());
            check_items(v.len())?;
            Value::list(v)
        }
        (BinOp::Add, Tuple(x), Tuple(y)) => {
            let mut v = x.to_vec();
            v.extend(y.iter().cloned());
            Value::tuple(v)
        }
        (BinOp::Mul, Str(_) | List(_) | Tuple(_) | Bytes(_), n) if is_int(n) => repeat(a, n)?,
        (BinOp::Mul, n, Str(_) | List(_) | Tuple(_) | Bytes(_)) if is_int(n) => repeat(b, n)?,
        (BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor, Set(a), Set(b)) => {
            let same = Rc::ptr_eq(a, b);
            let (x, y) = (a.borrow(), b.borrow());
            // CPython's own paths, so the result iterates in its order.
            let out = match op {
                BinOp::BitOr if same => x.copy(),
                BinOp::BitOr => x.union(&y),
                BinOp::BitAnd if same => x.copy(),
                BinOp::BitAnd => x.intersection(&y),
                _ if same => super::value::Set::new(),
                BinOp::Sub => x.difference(&y),
                _ => x.symmetric_difference(&y),
            };
            // The result has the left operand's type.
            let out = out.with_frozen(x.frozen);
            Set(Rc::new(std::cell::RefCell::new(out)))
        }
        (BinOp::BitOr, Dict(x), Dict(y)) => {
            let mut out = x.borrow().clone();
            for (k, v) in y.borrow().iter() {
                out.insert(k.clone(), v.clone());
            }
            Dict(Rc::new(std::cell::RefCell::new(out)))
        }
        _ => return Ok(Option::None),
    };
    Ok(Some(v))
}

/// The error for a binary operation (`inplace`: `a OP= b`) no operand
/// supports.
pub fn binop_error(op: BinOp, a: &Value, b: &Value, inplace: bool) -> super::exc::Unwind {
    if op == BinOp::Add && matches!(a, Value::Str(_)) {
        return type_error(format!(
            "can only concatenate str (not \"{}\") to str",
            b.type_name()
        ));
    }
    if op == BinOp::Add && matches!(a, Value::List(_)) {
        return type_error(format!(
            "can only concatenate list (not \"{}\") to list",
            b.type_name()
        ));
    }
    if op == BinOp::Mul
        && matches!(a, Value::Str(_) | Value::List(_) | Value::Tuple(_))
        && !is_int(b)
    {
        return type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            b.type_name()
        ));
    }
    if inplace {
        return unsupported(&format!("{}=", op.symbol()), a, b);
    }
    unsupported(op.symbol(), a, b)
}

/// Charges an operation on two containers or strings (a concatenation, a
/// set union, a `%` format) with a pass over both, and reserves the memory
/// a result as big as both may take.
fn charge_operands(a: &Value, b: &Value) -> PyResult<()> {
    let mut bytes = 0usize;
    let mut items = 0usize;
    for v in [a, b] {
        match v {
            Value::Str(s) => bytes += s.len(),
            Value::Bytes(s) => bytes += s.len(),
            Value::List(l) => items += l.borrow().len(),
            Value::Tuple(t) => items += t.len(),
            // Hashing each item into a new table: twice a copy's work.
            Value::Set(s) => items += 2 * s.borrow().len(),
            Value::Dict(d) => items += 2 * d.borrow().len(),
            _ => {}
        }
    }
    budget::charge_bytes(bytes)?;
    budget::charge_items(items)?;
    budget::reserve(bytes.saturating_add(items.saturating_mul(std::mem::size_of::<Value>())))?;
    Ok(())
}

/// Longest string or bytes a run may build (bytes).
pub const MAX_BYTES: usize = 100 << 20;

/// Ends the run if a list or tuple would hold more than [`MAX_ITEMS`].
pub fn check_items(n: usize) -> PyResult<()> {
    if n > MAX_ITEMS {
        return Err(super::exc::limit(format!(
            "the demo would build a value of {n} items (limit: value size)"
        )));
    }
    Ok(())
}

/// Ends the run if a string would be longer than [`MAX_BYTES`].
pub fn check_bytes(n: usize) -> PyResult<()> {
    if n > MAX_BYTES {
        return Err(super::exc::limit(format!(
            "the demo would build a string of {} MiB (limit: value size)",
            n >> 20
        )));
    }
    Ok(())
}

fn repeat(seq: &Value, n: &Value) -> PyResult<Value> {
    let count = match big(n).and_then(|b| b.to_i64()) {
        Some(c) => c.max(0) as usize,
        None => {
            return Err(super::exc::limit(
                "the demo would repeat a value more times than fit in memory (limit: value size)",
            ));
        }
    };
    let len = match seq {
        Value::Str(s) => s.len(),
        Value::Bytes(s) => s.len(),
        Value::List(l) => l.borrow().len(),
        Value::Tuple(t) => t.len(),
        _ => 0,
    };
    let total = len.saturating_mul(count);
    match seq {
        Value::Str(_) | Value::Bytes(_) => {
            check_bytes(total)?;
            budget::reserve(total)?;
            budget::charge_bytes(total)?;
        }
        _ => {
            check_items(total)?;
            budget::reserve(total.saturating_mul(std::mem::size_of::<Value>()))?;
            budget::charge_items(total)?;
        }
    }
    Ok(match seq {
        Value::Str(s) => Value::str(&s.repeat(count)),
        Value::Bytes(s) => Value::Bytes(Rc::from(s.repeat(count))),
        Value::List(l) => {
            let l = l.borrow();
            let mut v = Vec::with_capacity(l.len() * count);
            for _ in 0..count {
                v.extend(l.iter().cloned());
            }
            Value::list(v)
        }
        Value::Tuple(t) => {
            let mut v = Vec::with_capacity(t.len() * count);
            for _ in 0..count {
                v.extend(t.iter().cloned());
            }
            Value::tuple(v)
        }
        _ => Value::None,
    })
}

fn arith(op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
    if is_int(a) && is_int(b) {
        if let (Some(x), Some(y)) = (small(a), small(b))
            && let Some(v) = small_arith(op, x, y)?
        {
            return Ok(v);
        }
        return big_arith(op, &big(a).expect("int"), &big(b).expect("int"));
    }
    let (x, y) = (float(a).unwrap_or(f64::NAN), float(b).unwrap_or(f64::NAN));
    Ok(Value::Float(match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::Div => {
            if y == 0.0 {
                return Err(error("ZeroDivisionError", "float division by zero"));
            }
            x / y
        }
        BinOp::FloorDiv => {
            if y == 0.0 {
                return Err(error("ZeroDivisionError", "float floor division by zero"));
            }
            float_divmod(x, y).0
        }
        BinOp::Mod => {
            if y == 0.0 {
                return Err(error("ZeroDivisionError", "float modulo"));
            }
            float_divmod(x, y).1
        }
        BinOp::Pow => {
            if x == 0.0 && y < 0.0 {
                return Err(error(
                    "ZeroDivisionError",
                    "0.0 cannot be raised to a negative power",
                ));
            }
            x.powf(y)
        }
        _ => return Err(unsupported(op.symbol(), a, b)),
    }))
}

/// `(x // y, x % y)` of floats as CPython's `float_divmod` computes them
/// (`y` is not zero): the quotient rounded from the exact remainder, not
/// `(x / y).floor()` (so `1.0 // 0.1` is `9.0`), and a zero remainder
/// signed as `y` (`4.0 % -2.0` is `-0.0`).
pub fn float_divmod(x: f64, y: f64) -> (f64, f64) {
    let mut m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    let floordiv = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 { f + 1.0 } else { f }
    } else {
        0.0f64.copysign(x / y)
    };
    (floordiv, m)
}

/// `-x`, `+x`, `~x` for numbers.
pub fn unary_num(op: crate::program::UnaryOp, v: &Value) -> Option<Value> {
    use crate::program::UnaryOp::*;
    Some(match (op, v) {
        (Neg, Value::Int(i)) => i
            .checked_neg()
            .map(Value::Int)
            .unwrap_or_else(|| int(-BigInt::from(*i))),
        (Neg, Value::Bool(b)) => Value::Int(-(*b as i64)),
        (Neg, Value::BigInt(b)) => int(-(**b).clone()),
        (Neg, Value::Float(f)) => Value::Float(-f),
        (Pos, Value::Bool(b)) => Value::Int(*b as i64),
        (Pos, v @ (Value::Int(_) | Value::BigInt(_) | Value::Float(_))) => v.clone(),
        (Invert, Value::Int(i)) => Value::Int(!i),
        (Invert, Value::Bool(b)) => Value::Int(!(*b as i64)),
        (Invert, Value::BigInt(b)) => int(-(**b).clone() - 1),
        _ => return None,
    })
}

/// An ordering comparison (`<`, `<=`, `>`, `>=`) of two built-in values;
/// `None` when their types cannot be ordered. A NaN is unordered with every
/// number, and two sets neither of which holds the other are unordered:
/// every ordering comparison of them is false, as in CPython.
pub fn compare(op: CmpOp, a: &Value, b: &Value) -> Option<bool> {
    super::recursion::nested_compare(Some(false), || compare_level(op, a, b))
}

fn compare_level(op: CmpOp, a: &Value, b: &Value) -> Option<bool> {
    use Value::*;
    let by = |o: Option<Ordering>| Some(o.is_some_and(|o| holds(op, o)));
    if is_num(a) && is_num(b) {
        return by(num_cmp(a, b));
    }
    match (a, b) {
        (Str(x), Str(y)) => by(Some(x.cmp(y))),
        (Bytes(x), Bytes(y)) => by(Some(x.cmp(y))),
        (List(x), List(y)) => seq_compare(op, &x.borrow(), &y.borrow()),
        (Tuple(x), Tuple(y)) => seq_compare(op, x, y),
        (Set(x), Set(y)) => {
            let (x, y) = (x.borrow(), y.borrow());
            let within = |x: &super::set::PySet, y: &super::set::PySet| {
                x.len() <= y.len() && x.iter().all(|k| y.contains(k))
            };
            Some(match op {
                CmpOp::Lt => x.len() < y.len() && within(&x, &y),
                CmpOp::Le => within(&x, &y),
                CmpOp::Gt => y.len() < x.len() && within(&y, &x),
                CmpOp::Ge => within(&y, &x),
                _ => false,
            })
        }
        _ => Option::None,
    }
}

/// Sequences compare at their first pair of unequal items, else by length.
fn seq_compare(op: CmpOp, x: &[Value], y: &[Value]) -> Option<bool> {
    for (a, b) in x.iter().zip(y) {
        if !py_eq(a, b) {
            return compare(op, a, b);
        }
    }
    Some(holds(op, x.len().cmp(&y.len())))
}

/// Whether an ordering satisfies any comparison, `==` and `!=` too.
pub fn ordered(op: CmpOp, o: Ordering) -> bool {
    match op {
        CmpOp::Eq => o == Ordering::Equal,
        CmpOp::Ne => o != Ordering::Equal,
        _ => holds(op, o),
    }
}

/// Whether an ordering satisfies an ordering comparison.
fn holds(op: CmpOp, o: Ordering) -> bool {
    match op {
        CmpOp::Lt => o == Ordering::Less,
        CmpOp::Le => o != Ordering::Greater,
        CmpOp::Gt => o == Ordering::Greater,
        CmpOp::Ge => o != Ordering::Less,
        _ => false,
    }
}

/// The error for an ordering comparison the types do not support.
pub fn order_error(op: CmpOp, a: &Value, b: &Value) -> super::exc::Unwind {
    type_error(format!(
        "'{}' not supported between instances of '{}' and '{}'",
        op.symbol(),
        a.type_name(),
        b.type_name()
    ))
}
