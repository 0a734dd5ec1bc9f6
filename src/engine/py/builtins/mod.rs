//! The built-in functions that need no interpreter state of their own
//! (`len`, `range`, `sorted`, `int`, ...), with CPython 3.11's results and
//! error messages. What only the interpreter can do (`print`, `isinstance`,
//! `type`, `super`, `next`, `getattr`, ...) is not here.
//!
//! Iterators are eager: `enumerate`, `zip`, `map`, `filter`, `reversed`
//! and `iter` compute every item when called and return a
//! [`Value::Iterator`].

use crate::engine::py::types::callbacks::Callbacks;
use crate::engine::py::types::exc::{self, PyResult, Unwind, error, type_error, value_error};
use crate::engine::py::types::format;
use crate::engine::py::types::methods;
use crate::engine::py::types::native::Args;
use crate::engine::py::types::ops;
use crate::engine::py::types::value::{Class, Dict, Key, SeqIter, Set, Value, range_len};
use crate::program::{BinOp, CmpOp};
use indexmap::IndexMap;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{FromPrimitive, One, Signed, Zero};
use std::cell::RefCell;
use std::cmp::Ordering;
use std::collections::VecDeque;
use std::rc::Rc;

/// The built-in functions [`call_builtin`] implements.
pub const NAMES: &[&str] = &[
    "abs",
    "all",
    "any",
    "ascii",
    "bin",
    "bool",
    "callable",
    "chr",
    "dict",
    "divmod",
    "enumerate",
    "filter",
    "float",
    "format",
    "frozenset",
    "hex",
    "int",
    "iter",
    "len",
    "list",
    "map",
    "max",
    "min",
    "oct",
    "ord",
    "pow",
    "range",
    "repr",
    "reversed",
    "round",
    "set",
    "sorted",
    "str",
    "sum",
    "tuple",
    "zip",
];

/// Calls the built-in function `name` (one of [`NAMES`]).
pub fn call_builtin(cx: &dyn Callbacks, name: &str, args: Args) -> PyResult<Value> {
    match name {
        "abs" => {
            let v = exactly_one(args, "abs")?;
            // A class's own `__abs__` (a `timedelta`'s too).
            if let Value::Instance(i) = &v
                && let Some(m) = i.class.lookup("__abs__")
            {
                return cx.call(&m, Args::positional(vec![v]));
            }
            abs(v)
        }
        "all" => {
            for item in cx.iterate(&exactly_one(args, "all")?)? {
                if !cx.truthy(&item)? {
                    return Ok(Value::Bool(false));
                }
            }
            Ok(Value::Bool(true))
        }
        "any" => {
            for item in cx.iterate(&exactly_one(args, "any")?)? {
                if cx.truthy(&item)? {
                    return Ok(Value::Bool(true));
                }
            }
            Ok(Value::Bool(false))
        }
        "ascii" => {
            let v = exactly_one(args, "ascii")?;
            Ok(Value::str(&ascii_escape(&cx.repr(&v)?)))
        }
        "bin" => radix(exactly_one(args, "bin")?, 2, "0b"),
        "oct" => radix(exactly_one(args, "oct")?, 8, "0o"),
        "hex" => radix(exactly_one(args, "hex")?, 16, "0x"),
        "bool" => {
            positional(&args, "bool", 0, 1)?;
            match args.pos.first() {
                Some(v) => Ok(Value::Bool(cx.truthy(v)?)),
                None => Ok(Value::Bool(false)),
            }
        }
        "callable" => Ok(Value::Bool(is_callable(&exactly_one(args, "callable")?))),
        "chr" => chr(exactly_one(args, "chr")?),
        "ord" => ord(exactly_one(args, "ord")?),
        "dict" => dict(cx, args),
        "divmod" => {
            positional(&args, "divmod", 2, 2)?;
            divmod(&args.pos[0], &args.pos[1])
        }
        "enumerate" => enumerate(cx, args),
        "filter" => filter(cx, args),
        "map" => map(cx, args),
        "float" => {
            positional(&args, "float", 0, 1)?;
            match args.pos.first() {
                Some(v) => to_float(v).map(Value::Float),
                None => Ok(Value::Float(0.0)),
            }
        }
        "format" => {
            positional(&args, "format", 1, 2)?;
            let spec = match args.pos.get(1) {
                None => "",
                Some(Value::Str(s)) => s,
                Some(other) => {
                    return Err(type_error(format!(
                        "format() argument 2 must be str, not {}",
                        other.type_name()
                    )));
                }
            };
            Ok(Value::str(&format::format_with(cx, &args.pos[0], spec)?))
        }
        "frozenset" | "set" => {
            positional(&args, name, 0, 1)?;
            let set = match args.pos.first() {
                None => Set::new(),
                Some(Value::Set(s)) => s.borrow().copy(),
                Some(Value::Dict(d)) => Set::from_dict_keys(d.borrow().keys().cloned()),
                Some(v) => {
                    let mut set = Set::new();
                    for item in cx.iterate(v)? {
                        set.insert(key(item)?);
                    }
                    set
                }
            };
            Ok(Value::Set(Rc::new(RefCell::new(
                set.with_frozen(name == "frozenset"),
            ))))
        }
        "int" => int(cx, args),
        "iter" => iter(cx, args),
        "len" => {
            let v = exactly_one(args, "len")?;
            len(&v).map(|n| Value::Int(n as i64))
        }
        "list" => {
            positional(&args, "list", 0, 1)?;
            match args.pos.first() {
                Some(v) => Ok(Value::list(cx.iterate(v)?)),
                None => Ok(Value::list(Vec::new())),
            }
        }
        "tuple" => {
            positional(&args, "tuple", 0, 1)?;
            match args.pos.first() {
                Some(Value::Tuple(t)) => Ok(Value::Tuple(t.clone())),
                Some(v) => Ok(Value::tuple(cx.iterate(v)?)),
                None => Ok(Value::tuple(Vec::new())),
            }
        }
        "max" => min_max(cx, args, false),
        "min" => min_max(cx, args, true),
        "pow" => pow(args),
        "range" => range(args),
        "repr" => Ok(Value::str(&cx.repr(&exactly_one(args, "repr")?)?)),
        "reversed" => reversed(args),
        "round" => round(args),
        "sorted" => sorted(cx, args),
        "str" => str_(cx, args),
        "sum" => sum(cx, args),
        "zip" => zip(cx, args),
        _ => Err(error("NameError", format!("name '{name}' is not defined"))),
    }
}

pub(in crate::engine::py) mod args;
pub(in crate::engine::py) use functions::is_callable;
mod functions;
pub mod namespace;
mod numbers;
mod sort;
pub(super) mod special;

pub(super) use args::*;
pub(super) use functions::*;
pub(super) use numbers::*;
pub(super) use sort::*;

#[cfg(test)]
pub(crate) mod testing;
#[cfg(test)]
mod tests;
