//! CPython 3.11's `hash()` (`Python/pyhash.c`, `Objects/longobject.c`,
//! `Objects/tupleobject.c`): where a set's elements land, and so the order
//! it iterates in, follows from these values.

use super::value::{Value, identity};
use num_traits::ToPrimitive;

/// `_PyHASH_BITS` on 64-bit builds.
const HASH_BITS: u32 = 61;
/// `_PyHASH_MODULUS`: ints hash to their value modulo this prime.
const HASH_MODULUS: u64 = (1 << HASH_BITS) - 1;
/// `_PyHASH_INF`.
const HASH_INF: i64 = 314_159;

const XXPRIME_1: u64 = 11_400_714_785_074_694_791;
const XXPRIME_2: u64 = 14_029_467_366_897_019_727;
const XXPRIME_5: u64 = 2_870_177_450_012_600_261;

/// CPython 3.11's `hash(v)`, or `None` when `v` is unhashable (a list,
/// dict or set, or a tuple holding one).
///
/// Ints, bools, floats and tuples of them hash exactly as in CPython.
/// CPython randomises `str` and `bytes` hashes per process and hashes
/// `None`, `...`, types and modules by address, so for those this returns
/// a deterministic hash of its own (sets of them cannot iterate as a given
/// CPython run does, and need not). Everything else (functions, classes,
/// instances, coroutines...) hashes by [`identity`], as CPython hashes
/// objects by address.
pub fn py_hash(v: &Value) -> Option<i64> {
    Some(match v {
        Value::Bool(b) => *b as i64,
        Value::Int(i) => hash_i64(*i),
        Value::BigInt(b) => {
            let rem = (b.magnitude() % num_bigint::BigUint::from(HASH_MODULUS))
                .to_u64()
                .unwrap_or(0) as i64;
            let h = if b.sign() == num_bigint::Sign::Minus {
                -rem
            } else {
                rem
            };
            if h == -1 { -2 } else { h }
        }
        Value::Float(f) => hash_f64(*f),
        Value::Tuple(items) => hash_tuple(items.iter())?,
        Value::Str(s) => hash_bytes(s.as_bytes()),
        Value::Bytes(b) => hash_bytes(b),
        Value::None => hash_tagged(b"None"),
        Value::Ellipsis => hash_tagged(b"Ellipsis"),
        Value::Type(t) => hash_tagged(format!("type {t}").as_bytes()),
        Value::Builtin(b) => hash_tagged(format!("builtin {b}").as_bytes()),
        Value::Module(m) => hash_tagged(format!("module {}", m.name()).as_bytes()),
        // `range_hash`: the hash of (len, start, step), with None standing
        // in for what the length makes irrelevant.
        Value::Range(start, stop, step) => {
            let len = super::value::range_len(*start, *stop, *step);
            let items = match len {
                0 => [Value::Int(0), Value::None, Value::None],
                1 => [Value::Int(1), Value::Int(*start), Value::None],
                n => [Value::Int(n), Value::Int(*start), Value::Int(*step)],
            };
            hash_tuple(items.iter())?
        }
        Value::Set(s) if s.borrow().frozen => s.borrow().frozen_hash(),
        Value::Instance(i) if i.class.hashing() == super::value::ClassHash::Fields => {
            hash_tuple(super::value::field_values(i).iter())?
        }
        Value::Instance(i) if let Some(v) = super::value::mixed_value(i) => py_hash(&v)?,
        Value::List(_) | Value::Dict(_) | Value::Set(_) => return None,
        // `meth_hash`: the receiver's address mixed with the function's hash.
        Value::Method(m) => {
            let h = hash_pointer(identity(&m.0)) ^ py_hash(&m.1)?;
            if h == -1 { -2 } else { h }
        }
        Value::BuiltinMethod(m) => {
            let h = hash_pointer(identity(&m.0)) ^ hash_bytes(m.1.as_bytes());
            if h == -1 { -2 } else { h }
        }
        other => hash_pointer(identity(other)),
    })
}

/// `long_hash` for a machine-sized int: the value modulo 2**61 - 1, keeping
/// the sign; -1 is reserved for errors and becomes -2.
fn hash_i64(i: i64) -> i64 {
    let rem = (i.unsigned_abs() % HASH_MODULUS) as i64;
    let h = if i < 0 { -rem } else { rem };
    if h == -1 { -2 } else { h }
}

/// `_Py_HashDouble`: integral floats hash as the equal int; the rest are
/// reduced modulo 2**61 - 1 28 bits at a time from their mantissa.
fn hash_f64(v: f64) -> i64 {
    if v.is_infinite() {
        return if v > 0.0 { HASH_INF } else { -HASH_INF };
    }
    if v.is_nan() {
        // CPython hashes a NaN by its address; floats have none here.
        return 0;
    }
    let (mut m, mut e) = frexp(v);
    let negative = m < 0.0;
    if negative {
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & HASH_MODULUS) | (x >> (HASH_BITS - 28));
        m *= 268_435_456.0; // 2**28
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= HASH_MODULUS {
            x -= HASH_MODULUS;
        }
    }
    let bits = HASH_BITS as i32;
    let e = if e >= 0 {
        e % bits
    } else {
        bits - 1 - ((-1 - e) % bits)
    } as u32;
    x = ((x << e) & HASH_MODULUS) | (x >> (HASH_BITS - e));
    if negative {
        x = x.wrapping_neg();
    }
    let h = x as i64;
    if h == -1 { -2 } else { h }
}

/// C's `frexp`: `v == m * 2**e` with `0.5 <= |m| < 1` (`m == 0` for zero).
fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 || !v.is_finite() {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(v * f64::from_bits(0x4350_0000_0000_0000)); // 2**54
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// `tuplehash` (3.8+): xxHash-style accumulation of the items' hashes.
fn hash_tuple<'a>(items: impl ExactSizeIterator<Item = &'a Value>) -> Option<i64> {
    let len = items.len() as u64;
    let mut acc = XXPRIME_5;
    for item in items {
        let lane = py_hash(item)? as u64;
        acc = acc.wrapping_add(lane.wrapping_mul(XXPRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(XXPRIME_1);
    }
    acc = acc.wrapping_add(len ^ (XXPRIME_5 ^ 3_527_539));
    if acc == u64::MAX {
        return Some(1_546_275_796);
    }
    Some(acc as i64)
}

/// A stand-in for CPython's randomised string hash: 64-bit FNV-1a. Like
/// CPython, the empty string hashes to 0.
fn hash_bytes(b: &[u8]) -> i64 {
    if b.is_empty() {
        return 0;
    }
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &c in b {
        h ^= c as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    let h = h as i64;
    if h == -1 { -2 } else { h }
}

/// A deterministic hash for objects CPython hashes by address but that
/// have no address here (`None`, types, modules...).
fn hash_tagged(name: &[u8]) -> i64 {
    let mut tagged = Vec::with_capacity(name.len() + 1);
    tagged.push(0);
    tagged.extend_from_slice(name);
    hash_bytes(&tagged)
}

/// `_Py_HashPointer`: the address rotated right by 4 bits (the low bits of
/// an aligned address carry no information).
fn hash_pointer(addr: usize) -> i64 {
    let h = (addr as u64).rotate_right(4) as i64;
    if h == -1 { -2 } else { h }
}
