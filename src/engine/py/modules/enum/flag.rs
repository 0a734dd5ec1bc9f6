//! `Flag` and `IntFlag` values, as CPython 3.11's `Flag._missing_` makes
//! them: a value that is no member's is the combination of the members
//! whose bits it holds (`Perm.R|W`), made once; a `Flag` refuses bits no
//! member has (its boundary is `STRICT`), an `IntFlag` keeps them
//! (`Perm.R|8`, boundary `KEEP`); a negative value counts from the top of
//! the members' bits, as `~` makes it.

use super::{Members, all_members};
use crate::engine::py::types::exc::{PyResult, value_error};
use crate::engine::py::types::native::downcast;
use crate::engine::py::types::value::{Class, Instance, Value};
use indexmap::IndexMap;
use std::cell::RefCell;
use std::rc::Rc;

/// A flag member's value.
pub(super) fn bits(v: &Value) -> Option<i64> {
    match v {
        Value::Instance(i) => match i.attrs.dict().borrow().get("value") {
            Some(Value::Int(n)) => Some(*n),
            _ => None,
        },
        _ => None,
    }
}

/// How many bits `n` takes, as Python's `int.bit_length()`.
fn bit_length(n: i64) -> u32 {
    64 - n.unsigned_abs().leading_zeros()
}

/// A flag class's masks: every member's bits (`_flag_mask_`), the
/// single-bit members' (`_singles_mask_`), and all bits up to the highest
/// (`_all_bits_`).
fn masks(class: &Class) -> (i64, i64, i64) {
    let (mut flags, mut singles) = (0i64, 0i64);
    for b in all_members(class)
        .unwrap_or_default()
        .iter()
        .filter_map(bits)
    {
        flags |= b;
        if b.count_ones() == 1 {
            singles |= b;
        }
    }
    let all = if flags <= 0 {
        0
    } else {
        ((1i128 << bit_length(flags)) - 1) as i64
    };
    (flags, singles, all)
}

/// `Flag(value)`: the member with that value, or the combination it makes.
pub(super) fn flag_value(class: &Rc<Class>, value: i64) -> PyResult<Value> {
    if let Some(m) = all_members(class)
        .unwrap_or_default()
        .into_iter()
        .find(|m| bits(m) == Some(value))
    {
        return Ok(m);
    }
    let (flags, _, all) = masks(class);
    let keep = class.derives_from("IntFlag");
    let mut v = i128::from(value);
    let (flags, all) = (i128::from(flags), i128::from(all));
    if !(!all <= v && v <= all) || v & (all ^ flags) != 0 {
        if !keep {
            let width = bit_length(value).max(bit_length(flags as i64)) as usize;
            return Err(value_error(format!(
                "<flag '{}'> invalid value {value}\n    given {}\n  allowed {}",
                class.name,
                enum_bin(value, width),
                enum_bin(flags as i64, width)
            )));
        }
        if v < 0 {
            v += (all + 1).max(1i128 << bit_length(value));
        }
    }
    if v < 0 {
        v += all + 1;
    }
    Ok(flag_member(class, v as i64))
}

/// `enum.bin(num, max_bits)`: two's complement with its sign apart
/// (`0b0 0111`), as a flag's `ValueError` shows values.
fn enum_bin(num: i64, width: usize) -> String {
    let num = i128::from(num);
    let ceiling = 1i128 << bit_length(num as i64);
    let s = if num >= 0 {
        format!("0b{:b}", num + ceiling).replacen('1', "0", 1)
    } else {
        format!("0b{:b}", !num ^ (2 * ceiling - 1))
    };
    let (sign, digits) = s.split_at(3);
    let mut digits = digits.to_string();
    if digits.len() < width {
        let fill = sign.chars().last().unwrap_or('0').to_string().repeat(width);
        let joined = fill + &digits;
        digits = joined[joined.len() - width..].to_string();
    }
    format!("{sign} {digits}")
}

/// The member of a flag class with this (non-negative) value: a named
/// one, or the combination of the members it holds, named after them in
/// definition order (then any bits no member has), made once.
pub(super) fn flag_member(class: &Rc<Class>, value: i64) -> Value {
    let all = all_members(class).unwrap_or_default();
    if let Some(m) = all.iter().find(|m| bits(m) == Some(value)) {
        return m.clone();
    }
    let cache = class.namespace.borrow().get("_pseudo_members_").cloned();
    let cache = match cache.as_ref().and_then(downcast::<Members>) {
        Some(c) => c,
        None => {
            let c = Rc::new(Members(RefCell::new(Vec::new())));
            class
                .namespace
                .borrow_mut()
                .insert("_pseudo_members_".into(), Value::Native(c.clone()));
            c
        }
    };
    if let Some(m) = cache.0.borrow().iter().find(|m| bits(m) == Some(value)) {
        return m.clone();
    }
    let (_, singles, _) = masks(class);
    let single = |b: i64| b.count_ones() == 1 && value & b == b;
    let mut parts: Vec<&Value> = all.iter().filter(|m| bits(m).is_some_and(single)).collect();
    if value & !singles != 0 {
        // Bits only a combined member names: those members too.
        parts.extend(
            all.iter().filter(|m| {
                bits(m).is_some_and(|b| b != 0 && b.count_ones() != 1 && value & b == b)
            }),
        );
    }
    let combined = parts.iter().filter_map(|m| bits(m)).fold(0, |a, b| a | b);
    let mut names: Vec<String> = parts
        .iter()
        .map(|m| match m {
            Value::Instance(i) => i
                .attrs
                .dict()
                .borrow()
                .get("name")
                .map(Value::to_str)
                .unwrap_or_default(),
            _ => String::new(),
        })
        .collect();
    let unknown = value ^ combined;
    if unknown != 0 {
        names.push(unknown.to_string());
    }
    let name = if combined == 0 {
        Value::None
    } else {
        Value::str(&names.join("|"))
    };
    let mut attrs = IndexMap::new();
    attrs.insert(Rc::from("_value_"), Value::Int(value));
    attrs.insert(Rc::from("_name_"), name.clone());
    attrs.insert(Rc::from("name"), name);
    attrs.insert(Rc::from("value"), Value::Int(value));
    let m = Value::Instance(Rc::new(Instance {
        class: class.clone(),
        attrs: crate::engine::py::types::value::new_attrs(attrs),
        exc: None,
    }));
    cache.0.borrow_mut().push(m.clone());
    m
}
