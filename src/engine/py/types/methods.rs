//! Methods of the built-in types (`str`, `bytes`, `list`, `tuple`, `dict`,
//! `set`, `int`, `float`) with CPython 3.11's results and error messages,
//! and the dict views (`dict_keys`, `dict_values`, `dict_items`).

use super::callbacks::Callbacks;
use super::exc::{self, PyResult, Unwind, error, type_error, value_error};
use super::format;
use super::native::{Args, Native};
use super::value::{Dict, Key, Set, Value, is_same};
use crate::engine::py::builtins::{
    bind, check_items, exactly_one, index, index_clamped, is_space, key, no_args, no_kw,
    not_integer, positional_kw, raise, sort_options, sort_values, text_arg, tuple_args,
    update_from_pairs,
};
use std::cell::RefCell;
use std::rc::Rc;

const STR_METHODS: &[&str] = &[
    "capitalize",
    "casefold",
    "center",
    "count",
    "encode",
    "endswith",
    "expandtabs",
    "find",
    "format",
    "index",
    "isalnum",
    "isalpha",
    "isascii",
    "isdecimal",
    "isdigit",
    "isidentifier",
    "islower",
    "isnumeric",
    "isspace",
    "istitle",
    "isupper",
    "join",
    "ljust",
    "lower",
    "lstrip",
    "partition",
    "removeprefix",
    "removesuffix",
    "replace",
    "rfind",
    "rindex",
    "rjust",
    "rpartition",
    "rsplit",
    "rstrip",
    "split",
    "splitlines",
    "startswith",
    "strip",
    "swapcase",
    "title",
    "upper",
    "zfill",
];

const BYTES_METHODS: &[&str] = &[
    "count",
    "decode",
    "endswith",
    "find",
    "hex",
    "join",
    "lower",
    "lstrip",
    "replace",
    "rstrip",
    "split",
    "startswith",
    "strip",
    "upper",
];

const LIST_METHODS: &[&str] = &[
    "append", "clear", "copy", "count", "extend", "index", "insert", "pop", "remove", "reverse",
    "sort",
];

const TUPLE_METHODS: &[&str] = &["count", "index"];

const DICT_METHODS: &[&str] = &[
    "clear",
    "copy",
    "get",
    "items",
    "keys",
    "pop",
    "popitem",
    "setdefault",
    "update",
    "values",
];

const SET_METHODS: &[&str] = &[
    "add",
    "clear",
    "copy",
    "difference",
    "difference_update",
    "discard",
    "intersection",
    "intersection_update",
    "isdisjoint",
    "issubset",
    "issuperset",
    "pop",
    "remove",
    "symmetric_difference",
    "symmetric_difference_update",
    "union",
    "update",
];

/// The methods of the type of `recv` this module implements.
fn methods_of(recv: &Value) -> &'static [&'static str] {
    match recv {
        Value::Str(_) => STR_METHODS,
        Value::Bytes(_) => BYTES_METHODS,
        Value::List(_) => LIST_METHODS,
        Value::Tuple(_) => TUPLE_METHODS,
        Value::Dict(_) => DICT_METHODS,
        Value::Set(s) if s.borrow().frozen => super::set::FROZENSET_METHODS,
        Value::Set(_) => SET_METHODS,
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => &["bit_count", "bit_length"],
        Value::Float(_) => &["is_integer"],
        Value::Type("dict") => &["fromkeys"],
        _ => &[],
    }
}

/// A value of the built-in type `name`, standing for its methods.
fn sample(type_name: &str) -> Option<Value> {
    Some(match type_name {
        "str" => Value::str(""),
        "bytes" => Value::Bytes(Rc::from(&b""[..])),
        "list" => Value::list(Vec::new()),
        "tuple" => Value::tuple(Vec::new()),
        "dict" => Value::Dict(Rc::default()),
        "set" => Value::Set(Rc::default()),
        "int" => Value::Int(0),
        "float" => Value::Float(0.0),
        _ => return None,
    })
}

/// Whether the built-in type of `recv` has this method; for a type
/// (`Value::Type("str")`), whether it has the method unbound (`str.lower`).
pub fn has_method(recv: &Value, name: &str) -> bool {
    if methods_of(recv).contains(&name) {
        return true;
    }
    match recv {
        Value::Type(t) => sample(t).is_some_and(|s| methods_of(&s).contains(&name)),
        _ => false,
    }
}

/// `str.lower(s)`: an unbound method called with its receiver first.
fn call_unbound(
    cx: &dyn Callbacks,
    type_name: &str,
    name: &str,
    mut args: Args,
) -> PyResult<Value> {
    if args.pos.is_empty() {
        return Err(type_error(format!(
            "unbound method {type_name}.{name}() needs an argument"
        )));
    }
    let recv = args.pos.remove(0);
    let fits =
        recv.type_name() == type_name || (type_name == "int" && matches!(recv, Value::Bool(_)));
    if !fits {
        return Err(type_error(format!(
            "descriptor '{name}' for '{type_name}' objects doesn't apply to a '{}' object",
            recv.type_name()
        )));
    }
    call_method(cx, &recv, name, args).unwrap_or_else(|| {
        Err(error(
            "AttributeError",
            format!("'{type_name}' object has no attribute '{name}'"),
        ))
    })
}

/// Calls `recv.name(*args)`; `None` if the type has no such method (the
/// interpreter then raises `AttributeError`).
pub fn call_method(
    cx: &dyn Callbacks,
    recv: &Value,
    name: &str,
    args: Args,
) -> Option<PyResult<Value>> {
    if !has_method(recv, name) {
        return None;
    }
    if let Value::Type(t) = recv
        && !methods_of(recv).contains(&name)
    {
        return Some(call_unbound(cx, t, name, args));
    }
    Some(match recv {
        Value::Str(s) => str_method(cx, s, name, args),
        Value::Bytes(b) => bytes_method(cx, b, name, args),
        Value::List(l) => list_method(cx, l, name, args),
        Value::Tuple(t) => tuple_method(cx, t, name, args),
        Value::Dict(d) => dict_method(cx, d, name, args),
        Value::Set(s) => {
            set_method(cx, s, name, args).map(|v| super::set::keep_frozen(&s.borrow(), v))
        }
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => int_method(recv, name, args),
        Value::Float(f) => no_args(&args, "float.is_integer")
            .map(|_| Value::Bool(f.is_finite() && f.fract() == 0.0)),
        Value::Type(_) => dict_fromkeys(cx, args),
        _ => return None,
    })
}
// ---------------------------------------------------------------------------
// Shared helpers.

/// A `start`/`end` slice argument: `None`, an int, or `TypeError`.
fn slice_arg(v: Option<&Value>) -> PyResult<Option<i64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v @ (Value::Int(_) | Value::Bool(_) | Value::BigInt(_))) => index_clamped(v).map(Some),
        Some(_) => Err(type_error(
            "slice indices must be integers or None or have an __index__ method",
        )),
    }
}

/// CPython's `ADJUST_INDICES`: `end` clamped to `len`, negatives counted
/// from the end; `start` may stay above `end` (or `len`).
fn adjust(len: usize, start: Option<i64>, end: Option<i64>) -> (i64, i64) {
    let len = len as i64;
    let fix = |i: i64| {
        if i < 0 {
            (i.saturating_add(len)).max(0)
        } else {
            i
        }
    };
    let end = fix(end.unwrap_or(len)).min(len);
    let start = fix(start.unwrap_or(0));
    (start, end)
}

/// Python slice semantics for list/tuple `index(x, start, stop)`.
fn seq_bounds(len: usize, start: Option<&Value>, stop: Option<&Value>) -> PyResult<(usize, usize)> {
    let get = |v: Option<&Value>| -> PyResult<Option<i64>> {
        match v {
            None => Ok(None),
            Some(v @ (Value::Int(_) | Value::Bool(_) | Value::BigInt(_))) => {
                index_clamped(v).map(Some)
            }
            Some(_) => Err(type_error(
                "slice indices must be integers or have an __index__ method",
            )),
        }
    };
    let (s, e) = adjust(len, get(start)?, get(stop)?);
    Ok((s.min(len as i64) as usize, e.max(0) as usize))
}

fn str_arg(v: &Value, message: impl FnOnce(&str) -> String) -> PyResult<&str> {
    match v {
        Value::Str(s) => Ok(s),
        other => Err(type_error(message(other.type_name()))),
    }
}

fn new_set(s: Set) -> Value {
    Value::Set(Rc::new(RefCell::new(s)))
}

/// A `KeyError` carrying the key itself.
fn key_error(k: Value) -> Unwind {
    Unwind::Exc(exc::instance(
        exc::class("KeyError").expect("KeyError exists"),
        vec![k],
    ))
}

mod bytes;
mod codec;
mod collections;
mod str_format;
mod text;
mod views;

use bytes::*;
pub use codec::{decode, encode};
use collections::*;
pub use str_format::str_format;
use text::*;
pub use views::{
    DictView, ViewKind, iter_native, native_len, reversed_view_kind, view_iterator_kind,
};

#[cfg(test)]
mod tests;
