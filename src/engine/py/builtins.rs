//! The built-in functions that need no interpreter state of their own
//! (`len`, `range`, `sorted`, `int`, ...), with CPython 3.11's results and
//! error messages. What only the interpreter can do (`print`, `isinstance`,
//! `type`, `super`, `next`, `getattr`, ...) is not here.
//!
//! Iterators are eager: `enumerate`, `zip`, `map`, `filter`, `reversed`
//! and `iter` compute every item when called and return a
//! [`Value::Iterator`].

use super::callbacks::Callbacks;
use super::exc::{self, PyResult, Unwind, error, type_error, value_error};
use super::format;
use super::methods;
use super::native::Args;
use super::ops;
use super::value::{Class, Dict, Key, SeqIter, Set, Value, range_len};
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
        "abs" => abs(exactly_one(args, "abs")?),
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

// ---------------------------------------------------------------------------
// Argument checking, with CPython's messages for each calling convention.

/// `f()` takes no keyword arguments.
pub(super) fn no_kw(args: &Args, fname: &str) -> PyResult<()> {
    if args.kw.is_empty() {
        Ok(())
    } else {
        Err(type_error(format!("{fname}() takes no keyword arguments")))
    }
}

/// A function of one argument (`METH_O`): `len() takes exactly one
/// argument (2 given)`.
pub(super) fn exactly_one(mut args: Args, fname: &str) -> PyResult<Value> {
    no_kw(&args, fname)?;
    if args.pos.len() != 1 {
        return Err(type_error(format!(
            "{fname}() takes exactly one argument ({} given)",
            args.pos.len()
        )));
    }
    Ok(args.pos.remove(0))
}

/// A method without arguments (`METH_NOARGS`): `str.upper() takes no
/// arguments (1 given)`.
pub(super) fn no_args(args: &Args, fname: &str) -> PyResult<()> {
    no_kw(args, fname)?;
    if !args.pos.is_empty() {
        return Err(type_error(format!(
            "{fname}() takes no arguments ({} given)",
            args.pos.len()
        )));
    }
    Ok(())
}

/// Positional-only arguments checked the Argument Clinic way: `replace
/// expected at least 2 arguments, got 1`. Keywords are refused with
/// `kw_name() takes no keyword arguments`.
pub(super) fn positional_kw(
    args: &Args,
    name: &str,
    kw_name: &str,
    min: usize,
    max: usize,
) -> PyResult<()> {
    no_kw(args, kw_name)?;
    let n = args.pos.len();
    let plural = |k: usize| if k == 1 { "argument" } else { "arguments" };
    if n < min || n > max {
        let message = if min == max {
            format!("{name} expected {min} {}, got {n}", plural(min))
        } else if n < min {
            format!("{name} expected at least {min} {}, got {n}", plural(min))
        } else {
            format!("{name} expected at most {max} {}, got {n}", plural(max))
        };
        return Err(type_error(message));
    }
    Ok(())
}

/// Positional-only arguments checked the `PyArg_ParseTuple` way:
/// `find() takes at least 1 argument (0 given)`, `find() takes at most 3
/// arguments (4 given)`. Keywords are refused with `kw_name() takes no
/// keyword arguments`.
pub(super) fn tuple_args(
    args: &Args,
    name: &str,
    kw_name: &str,
    min: usize,
    max: usize,
) -> PyResult<()> {
    no_kw(args, kw_name)?;
    let n = args.pos.len();
    let plural = |k: usize| if k == 1 { "argument" } else { "arguments" };
    if n < min {
        return Err(type_error(format!(
            "{name}() takes at least {min} {} ({n} given)",
            plural(min)
        )));
    }
    if n > max {
        return Err(type_error(format!(
            "{name}() takes at most {max} {} ({n} given)",
            plural(max)
        )));
    }
    Ok(())
}

/// [`positional_kw`] for a function whose keyword message names it alone.
pub(super) fn positional(args: &Args, name: &str, min: usize, max: usize) -> PyResult<()> {
    positional_kw(args, name, name, min, max)
}

/// Binds positional and keyword arguments to `params` (the old
/// `PyArg_ParseTupleAndKeywords` messages): `split() takes at most 2
/// arguments (3 given)`, `'x' is an invalid keyword argument for split()`.
pub(super) fn bind(args: Args, fname: &str, params: &[&str]) -> PyResult<Vec<Option<Value>>> {
    let given = args.pos.len() + args.kw.len();
    if given > params.len() {
        let s = if params.len() == 1 { "" } else { "s" };
        return Err(type_error(format!(
            "{fname}() takes at most {} argument{s} ({given} given)",
            params.len()
        )));
    }
    let npos = args.pos.len();
    let mut out: Vec<Option<Value>> = args.pos.into_iter().map(Some).collect();
    out.resize(params.len(), None);
    for (k, v) in args.kw {
        let Some(i) = params.iter().position(|p| **p == *k) else {
            return Err(type_error(format!(
                "'{k}' is an invalid keyword argument for {fname}()"
            )));
        };
        if i < npos {
            return Err(type_error(format!(
                "argument for {fname}() given by name ('{k}') and position ({})",
                i + 1
            )));
        }
        out[i] = Some(v);
    }
    Ok(out)
}

/// [`bind`] the Argument Clinic way: a missing required parameter (the
/// first `required`) is reported before an unknown keyword: `round()
/// missing required argument 'number' (pos 1)`.
pub(super) fn bind_clinic(
    mut args: Args,
    fname: &str,
    params: &[&str],
    required: usize,
) -> PyResult<Vec<Option<Value>>> {
    let unknown = args
        .kw
        .iter()
        .position(|(k, _)| !params.contains(&&**k))
        .map(|i| args.kw.remove(i).0);
    let bound = bind(args, fname, params)?;
    for (i, p) in params.iter().enumerate().take(required) {
        if bound[i].is_none() {
            return Err(type_error(format!(
                "{fname}() missing required argument '{p}' (pos {})",
                i + 1
            )));
        }
    }
    match unknown {
        Some(k) => Err(type_error(format!(
            "'{k}' is an invalid keyword argument for {fname}()"
        ))),
        None => Ok(bound),
    }
}

/// Refuses the keyword arguments left after the known ones were taken.
pub(super) fn unknown_kw(args: &Args, fname: &str) -> PyResult<()> {
    match args.kw.first() {
        Some((k, _)) => Err(type_error(format!(
            "'{k}' is an invalid keyword argument for {fname}()"
        ))),
        None => Ok(()),
    }
}

/// An argument used as an index (`__index__` of the built-in ints).
pub(super) fn index(v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::BigInt(_) => Err(error(
            "OverflowError",
            "Python int too large to convert to C ssize_t",
        )),
        other => Err(not_integer(other)),
    }
}

/// An index argument clamped to the `i64` range, as CPython clamps slice
/// positions (`PyNumber_AsSsize_t` with no error).
pub(super) fn index_clamped(v: &Value) -> PyResult<i64> {
    match v {
        Value::BigInt(b) => Ok(if b.is_negative() { i64::MIN } else { i64::MAX }),
        other => index(other),
    }
}

/// `TypeError: 'float' object cannot be interpreted as an integer`.
pub(super) fn not_integer(v: &Value) -> Unwind {
    type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        v.type_name()
    ))
}

/// The dict key or set member for `v`, or `TypeError: unhashable type`.
pub(super) fn key(v: Value) -> PyResult<Key> {
    Key::new(v).map_err(type_error)
}

/// A materialised iterator.
pub(super) fn iterator(kind: &'static str, items: Vec<Value>) -> Value {
    Value::Iterator(Rc::new(SeqIter {
        items: RefCell::new(VecDeque::from(items)),
        kind,
    }))
}

/// Refuses sequences too long to build.
pub(super) fn check_items(n: usize) -> PyResult<()> {
    if n > ops::MAX_ITEMS {
        return Err(error(
            "MemoryError",
            format!("the value would hold {n} items (limit: value size)"),
        ));
    }
    Ok(())
}

/// The items of `range(start, stop, step)`.
pub(super) fn range_items(start: i64, stop: i64, step: i64) -> PyResult<Vec<Value>> {
    let n = range_len(start, stop, step).max(0) as usize;
    check_items(n)?;
    Ok((0..n as i64)
        .map(|i| Value::Int(start + i * step))
        .collect())
}

/// A built-in exception class, also those `exc` does not define yet
/// (`UnicodeDecodeError`, `UnicodeEncodeError`: made here as subclasses of
/// `UnicodeError`).
pub(super) fn exc_class(name: &'static str) -> Rc<Class> {
    thread_local! {
        static EXTRA: RefCell<IndexMap<&'static str, Rc<Class>>> = RefCell::new(IndexMap::new());
    }
    if let Some(c) = exc::class(name) {
        return c;
    }
    EXTRA.with(|extra| {
        extra
            .borrow_mut()
            .entry(name)
            .or_insert_with(|| {
                Rc::new(Class {
                    name: Rc::from(name),
                    qualname: Rc::from(name),
                    base: exc::class("UnicodeError"),
                    namespace: RefCell::new(IndexMap::new()),
                    builtin: true,
                    module: "",
                })
            })
            .clone()
    })
}

/// An exception of class `name` with a message.
pub(super) fn raise(name: &'static str, message: impl Into<String>) -> Unwind {
    let message: String = message.into();
    Unwind::Exc(exc::instance(exc_class(name), vec![Value::str(&message)]))
}

// ---------------------------------------------------------------------------
// Sorting: CPython's run detection and binary insertion sort, so that lists
// of fewer than 64 items see the very comparisons CPython makes (which
// decide the message when two items cannot be compared), then stable merges.

/// Sorts `items` as `list.sort(key=key, reverse=reverse)` does.
pub(super) fn sort_values(
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

fn lt(cx: &dyn Callbacks, a: &(Value, usize), b: &(Value, usize)) -> PyResult<bool> {
    cx.lt(&a.0, &b.0)
}

fn timsort(cx: &dyn Callbacks, v: &mut [(Value, usize)]) -> PyResult<()> {
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
fn count_run(cx: &dyn Callbacks, v: &[(Value, usize)]) -> PyResult<(usize, bool)> {
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
fn binary_sort(cx: &dyn Callbacks, v: &mut [(Value, usize)], start: usize) -> PyResult<()> {
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
fn merge(cx: &dyn Callbacks, v: &mut [(Value, usize)], mid: usize) -> PyResult<()> {
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
pub(super) fn sort_options(args: &mut Args, fname: &str) -> PyResult<(Option<Value>, bool)> {
    let key = args.take_kw("key").filter(|k| !matches!(k, Value::None));
    let reverse = match args.take_kw("reverse") {
        Some(v) => index_clamped(&v)? != 0,
        None => false,
    };
    unknown_kw(args, fname)?;
    Ok((key, reverse))
}

fn sorted(cx: &dyn Callbacks, mut args: Args) -> PyResult<Value> {
    let n = args.pos.len();
    if n != 1 {
        return Err(type_error(format!("sorted expected 1 argument, got {n}")));
    }
    let (key, reverse) = sort_options(&mut args, "sort")?;
    let mut items = cx.iterate(&args.pos[0])?;
    sort_values(cx, &mut items, key.as_ref(), reverse)?;
    Ok(Value::list(items))
}

// ---------------------------------------------------------------------------
// The functions.

fn len(v: &Value) -> PyResult<usize> {
    Ok(match v {
        Value::Str(s) => s.chars().count(),
        Value::Bytes(b) => b.len(),
        Value::List(l) => l.borrow().len(),
        Value::Tuple(t) => t.len(),
        Value::Dict(d) => d.borrow().len(),
        Value::Set(s) => s.borrow().len(),
        Value::Range(a, b, c) => range_len(*a, *b, *c).max(0) as usize,
        other => match methods::native_len(other) {
            Some(n) => n,
            None => {
                return Err(type_error(format!(
                    "object of type '{}' has no len()",
                    other.type_name()
                )));
            }
        },
    })
}

fn abs(v: Value) -> PyResult<Value> {
    Ok(match v {
        Value::Int(i) => match i.checked_abs() {
            Some(a) => Value::Int(a),
            None => ops::int(BigInt::from(i).abs()),
        },
        Value::Bool(b) => Value::Int(b as i64),
        Value::BigInt(b) => ops::int(b.abs()),
        Value::Float(f) => Value::Float(f.abs()),
        other => {
            return Err(type_error(format!(
                "bad operand type for abs(): '{}'",
                other.type_name()
            )));
        }
    })
}

/// `repr` text with every non-ASCII character escaped, as `ascii()`.
pub(super) fn ascii_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let code = c as u32;
        if code < 0x80 {
            out.push(c);
        } else if code < 0x100 {
            out.push_str(&format!("\\x{code:02x}"));
        } else if code < 0x10000 {
            out.push_str(&format!("\\u{code:04x}"));
        } else {
            out.push_str(&format!("\\U{code:08x}"));
        }
    }
    out
}

fn radix(v: Value, radix: u32, prefix: &str) -> PyResult<Value> {
    let Some(n) = ops::big(&v) else {
        return Err(not_integer(&v));
    };
    let sign = if n.is_negative() { "-" } else { "" };
    Ok(Value::str(&format!(
        "{sign}{prefix}{}",
        n.abs().to_str_radix(radix)
    )))
}

fn is_callable(v: &Value) -> bool {
    match v {
        Value::Function(_)
        | Value::Method(_)
        | Value::Builtin(_)
        | Value::BuiltinMethod(_)
        | Value::Class(_)
        | Value::Type(_) => true,
        Value::Instance(i) => i.class.lookup("__call__").is_some(),
        _ => false,
    }
}

fn chr(v: Value) -> PyResult<Value> {
    let code = match &v {
        Value::BigInt(_) => {
            return Err(error(
                "OverflowError",
                "Python int too large to convert to C int",
            ));
        }
        other => index(other)?,
    };
    if i32::try_from(code).is_err() {
        return Err(error(
            "OverflowError",
            "Python int too large to convert to C int",
        ));
    }
    if !(0..0x110000).contains(&code) {
        return Err(value_error("chr() arg not in range(0x110000)"));
    }
    // A lone surrogate cannot live in a Rust string.
    let c = char::from_u32(code as u32).unwrap_or('\u{fffd}');
    Ok(Value::str(&c.to_string()))
}

fn ord(v: Value) -> PyResult<Value> {
    match &v {
        Value::Str(s) => {
            let mut chars = s.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => Ok(Value::Int(c as i64)),
                _ => Err(type_error(format!(
                    "ord() expected a character, but string of length {} found",
                    s.chars().count()
                ))),
            }
        }
        Value::Bytes(b) if b.len() == 1 => Ok(Value::Int(b[0] as i64)),
        Value::Bytes(b) => Err(type_error(format!(
            "ord() expected a character, but string of length {} found",
            b.len()
        ))),
        other => Err(type_error(format!(
            "ord() expected string of length 1, but {} found",
            other.type_name()
        ))),
    }
}

/// Adds `(key, value)` pairs from an iterable to `dict`, as `dict(pairs)`
/// and `dict.update(pairs)`.
pub(super) fn update_from_pairs(
    cx: &dyn Callbacks,
    dict: &mut Dict,
    source: &Value,
) -> PyResult<()> {
    if let Value::Dict(d) = source {
        let items: Vec<(Key, Value)> = d
            .borrow()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        dict.extend(items);
        return Ok(());
    }
    for (i, item) in cx.iterate(source)?.into_iter().enumerate() {
        let pair = match &item {
            Value::List(_)
            | Value::Tuple(_)
            | Value::Str(_)
            | Value::Bytes(_)
            | Value::Dict(_)
            | Value::Set(_)
            | Value::Range(..)
            | Value::Iterator(_)
            | Value::Native(_)
            | Value::Instance(_) => cx.iterate(&item)?,
            _ => {
                return Err(type_error(format!(
                    "cannot convert dictionary update sequence element #{i} to a sequence"
                )));
            }
        };
        let [k, v] = <[Value; 2]>::try_from(pair).map_err(|pair| {
            value_error(format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                pair.len()
            ))
        })?;
        dict.insert(key(k)?, v);
    }
    Ok(())
}

fn dict(cx: &dyn Callbacks, args: Args) -> PyResult<Value> {
    if args.pos.len() > 1 {
        return Err(type_error(format!(
            "dict expected at most 1 argument, got {}",
            args.pos.len()
        )));
    }
    let mut d = Dict::new();
    if let Some(source) = args.pos.first() {
        update_from_pairs(cx, &mut d, source)?;
    }
    for (k, v) in args.kw {
        d.insert(Key(Value::Str(k)), v);
    }
    Ok(Value::Dict(Rc::new(RefCell::new(d))))
}

/// `divmod(a, b)` for ints and floats.
pub(super) fn divmod(a: &Value, b: &Value) -> PyResult<Value> {
    let is_int = |v: &Value| matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_));
    let is_num = |v: &Value| is_int(v) || matches!(v, Value::Float(_));
    if !is_num(a) || !is_num(b) {
        return Err(type_error(format!(
            "unsupported operand type(s) for divmod(): '{}' and '{}'",
            a.type_name(),
            b.type_name()
        )));
    }
    if is_int(a) && is_int(b) {
        let q = ops::binop(BinOp::FloorDiv, a, b)?.unwrap_or(Value::None);
        let r = ops::binop(BinOp::Mod, a, b)?.unwrap_or(Value::None);
        return Ok(Value::tuple(vec![q, r]));
    }
    let x = ops::float(a).unwrap_or(f64::NAN);
    let y = ops::float(b).unwrap_or(f64::NAN);
    if y == 0.0 {
        return Err(error("ZeroDivisionError", "float divmod()"));
    }
    // CPython's float_divmod.
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
    Ok(Value::tuple(vec![Value::Float(floordiv), Value::Float(m)]))
}

fn enumerate(cx: &dyn Callbacks, args: Args) -> PyResult<Value> {
    // Without the iterable, CPython names the first keyword as invalid.
    let first_kw = args.kw.first().map(|(k, _)| k.clone());
    let bound = bind(args, "enumerate", &["iterable", "start"])?;
    let Some(iterable) = &bound[0] else {
        return Err(type_error(match first_kw {
            Some(k) => format!("'{k}' is an invalid keyword argument for enumerate()"),
            None => "enumerate() missing required argument 'iterable'".into(),
        }));
    };
    let start = match &bound[1] {
        Some(v) => match ops::big(v) {
            Some(b) => b,
            None => return Err(not_integer(v)),
        },
        None => BigInt::zero(),
    };
    let out = cx
        .iterate(iterable)?
        .into_iter()
        .enumerate()
        .map(|(i, item)| Value::tuple(vec![ops::int(&start + i), item]))
        .collect();
    Ok(iterator("enumerate", out))
}

fn filter(cx: &dyn Callbacks, args: Args) -> PyResult<Value> {
    positional(&args, "filter", 2, 2)?;
    let f = &args.pos[0];
    let mut out = Vec::new();
    for item in cx.iterate(&args.pos[1])? {
        let keep = match f {
            Value::None => cx.truthy(&item)?,
            f => cx.truthy(&cx.call(f, Args::positional(vec![item.clone()]))?)?,
        };
        if keep {
            out.push(item);
        }
    }
    Ok(iterator("filter", out))
}

fn map(cx: &dyn Callbacks, args: Args) -> PyResult<Value> {
    no_kw(&args, "map")?;
    if args.pos.len() < 2 {
        return Err(type_error("map() must have at least two arguments."));
    }
    let f = &args.pos[0];
    let mut columns = Vec::new();
    for it in &args.pos[1..] {
        columns.push(cx.iterate(it)?);
    }
    let n = columns.iter().map(Vec::len).min().unwrap_or(0);
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let call_args: Vec<Value> = columns.iter().map(|c| c[i].clone()).collect();
        out.push(cx.call(f, Args::positional(call_args))?);
    }
    Ok(iterator("map", out))
}

fn zip(cx: &dyn Callbacks, mut args: Args) -> PyResult<Value> {
    let strict = match args.take_kw("strict") {
        Some(v) => cx.truthy(&v)?,
        None => false,
    };
    unknown_kw(&args, "zip")?;
    let mut columns = Vec::new();
    for it in &args.pos {
        columns.push(cx.iterate(it)?);
    }
    let n = columns.iter().map(Vec::len).min().unwrap_or(0);
    if strict && let Some(first) = columns.first() {
        for (i, c) in columns.iter().enumerate().skip(1) {
            if c.len() != first.len() {
                let which = if c.len() < first.len() {
                    "shorter"
                } else {
                    "longer"
                };
                let others = if i == 1 {
                    "argument 1".to_string()
                } else {
                    format!("arguments 1-{i}")
                };
                return Err(value_error(format!(
                    "zip() argument {} is {which} than {others}",
                    i + 1
                )));
            }
        }
    }
    let out = (0..n)
        .map(|i| Value::tuple(columns.iter().map(|c| c[i].clone()).collect()))
        .collect();
    Ok(iterator("zip", out))
}

fn iter(cx: &dyn Callbacks, args: Args) -> PyResult<Value> {
    positional(&args, "iter", 1, 2)?;
    let v = &args.pos[0];
    if let Some(sentinel) = args.pos.get(1) {
        if !is_callable(v) {
            return Err(type_error("iter(v, w): v must be callable"));
        }
        let mut out = Vec::new();
        loop {
            let item = cx.call(v, Args::default())?;
            if cx.eq(&item, sentinel)? {
                break;
            }
            out.push(item);
            check_items(out.len())?;
        }
        return Ok(iterator("callable_iterator", out));
    }
    let kind = match v {
        Value::Iterator(_) | Value::Native(_) if methods::iter_native(v).is_none() => {
            return Ok(v.clone());
        }
        Value::List(_) => "list_iterator",
        Value::Tuple(_) => "tuple_iterator",
        Value::Str(s) if s.is_ascii() => "str_ascii_iterator",
        Value::Str(_) => "str_iterator",
        Value::Bytes(_) => "bytes_iterator",
        Value::Range(..) => "range_iterator",
        Value::Dict(_) => "dict_keyiterator",
        Value::Set(_) => "set_iterator",
        Value::Native(_) => methods::view_iterator_kind(v).unwrap_or("iterator"),
        _ => "iterator",
    };
    Ok(iterator(kind, cx.iterate(v)?))
}

fn reversed(args: Args) -> PyResult<Value> {
    positional_kw(&args, "reversed", "reversed", 1, 1)?;
    let v = &args.pos[0];
    let (kind, mut items) = match v {
        Value::List(l) => ("list_reverseiterator", l.borrow().clone()),
        Value::Tuple(t) => ("reversed", t.to_vec()),
        Value::Str(s) => (
            "reversed",
            s.chars().map(|c| Value::str(&c.to_string())).collect(),
        ),
        Value::Bytes(b) => (
            "reversed",
            b.iter().map(|x| Value::Int(*x as i64)).collect(),
        ),
        Value::Range(a, b, c) => ("range_iterator", range_items(*a, *b, *c)?),
        Value::Dict(d) => (
            "dict_reversekeyiterator",
            d.borrow().keys().map(|k| k.0.clone()).collect(),
        ),
        other => match (
            methods::reversed_view_kind(other),
            methods::iter_native(other),
        ) {
            (Some(kind), Some(items)) => (kind, items),
            _ => {
                return Err(type_error(format!(
                    "'{}' object is not reversible",
                    other.type_name()
                )));
            }
        },
    };
    items.reverse();
    Ok(iterator(kind, items))
}

fn min_max(cx: &dyn Callbacks, mut args: Args, is_min: bool) -> PyResult<Value> {
    let name = if is_min { "min" } else { "max" };
    let key = args.take_kw("key").filter(|k| !matches!(k, Value::None));
    let default = args.take_kw("default");
    unknown_kw(&args, name)?;
    let items = match args.pos.len() {
        0 => {
            return Err(type_error(format!(
                "{name} expected at least 1 argument, got 0"
            )));
        }
        1 => cx.iterate(&args.pos[0])?,
        _ => {
            if default.is_some() {
                return Err(type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            args.pos
        }
    };
    let mut best: Option<(Value, Value)> = None;
    for item in items {
        let k = match &key {
            Some(f) => cx.call(f, Args::positional(vec![item.clone()]))?,
            None => item.clone(),
        };
        let better = match &best {
            None => true,
            Some((_, bk)) if is_min => cx.lt(&k, bk)?,
            Some((_, bk)) => gt(cx, &k, bk)?,
        };
        if better {
            best = Some((item, k));
        }
    }
    match (best, default) {
        (Some((item, _)), _) => Ok(item),
        (None, Some(d)) => Ok(d),
        (None, None) => Err(value_error(format!("{name}() arg is an empty sequence"))),
    }
}

/// `a > b` through the interpreter's `<`, with `>` in the message when the
/// built-in types cannot be ordered.
fn gt(cx: &dyn Callbacks, a: &Value, b: &Value) -> PyResult<bool> {
    let builtin = |v: &Value| !matches!(v, Value::Instance(_) | Value::Native(_));
    if builtin(a) && builtin(b) {
        if let Some(gt) = ops::compare(CmpOp::Gt, a, b) {
            return Ok(gt);
        }
        return cx.lt(b, a).map_err(|_| ops::order_error(CmpOp::Gt, a, b));
    }
    cx.lt(b, a)
}

fn sum(cx: &dyn Callbacks, mut args: Args) -> PyResult<Value> {
    let start = args.take_kw("start");
    let given = args.pos.len() + args.kw.len() + start.is_some() as usize;
    if given > 2 {
        return Err(type_error(format!(
            "sum() takes at most 2 arguments ({given} given)"
        )));
    }
    if args.pos.is_empty() {
        return Err(type_error(
            "sum() takes at least 1 positional argument (0 given)",
        ));
    }
    unknown_kw(&args, "sum")?;
    if start.is_some() && args.pos.len() == 2 {
        return Err(type_error(
            "argument for sum() given by name ('start') and position (2)",
        ));
    }
    let mut acc = start
        .or_else(|| args.pos.get(1).cloned())
        .unwrap_or(Value::Int(0));
    match acc {
        Value::Str(_) => {
            return Err(type_error(
                "sum() can't sum strings [use ''.join(seq) instead]",
            ));
        }
        Value::Bytes(_) => {
            return Err(type_error(
                "sum() can't sum bytes [use b''.join(seq) instead]",
            ));
        }
        _ => {}
    }
    // CPython 3.11 adds floats left to right in a C double: plain addition.
    for item in cx.iterate(&args.pos[0])? {
        acc = match ops::binop(BinOp::Add, &acc, &item)? {
            Some(v) => v,
            None => return Err(ops::binop_error(BinOp::Add, &acc, &item)),
        };
    }
    Ok(acc)
}

fn pow(args: Args) -> PyResult<Value> {
    let bound = bind_clinic(args, "pow", &["base", "exp", "mod"], 2)?;
    let (Some(base), Some(exp)) = (&bound[0], &bound[1]) else {
        unreachable!("required arguments are bound");
    };
    let modulus = bound[2].as_ref().filter(|m| !matches!(m, Value::None));
    let Some(modulus) = modulus else {
        return match ops::binop(BinOp::Pow, base, exp)? {
            Some(v) => Ok(v),
            None => Err(type_error(format!(
                "unsupported operand type(s) for ** or pow(): '{}' and '{}'",
                base.type_name(),
                exp.type_name()
            ))),
        };
    };
    let (Some(b), Some(e), Some(m)) = (ops::big(base), ops::big(exp), ops::big(modulus)) else {
        let num = |v: &Value| {
            matches!(
                v,
                Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Float(_)
            )
        };
        if num(base) && num(exp) && num(modulus) {
            return Err(type_error(
                "pow() 3rd argument not allowed unless all arguments are integers",
            ));
        }
        return Err(type_error(format!(
            "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
            base.type_name(),
            exp.type_name(),
            modulus.type_name()
        )));
    };
    if m.is_zero() {
        return Err(value_error("pow() 3rd argument cannot be 0"));
    }
    let am = m.abs();
    let mut b = b.mod_floor(&am);
    let mut e = e;
    if e.is_negative() {
        b = mod_inverse(&b, &am)
            .ok_or_else(|| value_error("base is not invertible for the given modulus"))?;
        e = -e;
    }
    let mut r = b.modpow(&e, &am);
    if m.is_negative() && !r.is_zero() {
        r -= &am;
    }
    Ok(ops::int(r))
}

fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let g = a.extended_gcd(m);
    if !g.gcd.is_one() {
        return None;
    }
    Some(g.x.mod_floor(m))
}

fn range(args: Args) -> PyResult<Value> {
    positional_kw(&args, "range", "range", 1, 3)?;
    let mut bounds = Vec::with_capacity(3);
    for v in &args.pos {
        match v {
            Value::BigInt(_) => {
                return Err(error(
                    "OverflowError",
                    "Python int too large to convert to C ssize_t",
                ));
            }
            other => bounds.push(index(other)?),
        }
    }
    let (start, stop, step) = match bounds[..] {
        [stop] => (0, stop, 1),
        [start, stop] => (start, stop, 1),
        [start, stop, step] => (start, stop, step),
        _ => unreachable!("checked above"),
    };
    if step == 0 {
        return Err(value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::Range(start, stop, step))
}

fn round(args: Args) -> PyResult<Value> {
    let bound = bind_clinic(args, "round", &["number", "ndigits"], 1)?;
    let Some(number) = &bound[0] else {
        unreachable!("required argument is bound");
    };
    let ndigits = match &bound[1] {
        None | Some(Value::None) => None,
        Some(v) => Some(index_clamped(v)?),
    };
    match number {
        Value::Float(x) => match ndigits {
            None => float_to_int(x.round_ties_even()),
            Some(n) => round_float(*x, n).map(Value::Float),
        },
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
            let n = ops::big(number).unwrap_or_default();
            match ndigits {
                Some(d) if d < 0 => Ok(ops::int(round_int(&n, d.unsigned_abs()))),
                _ => Ok(ops::int(n)),
            }
        }
        other => Err(type_error(format!(
            "type {} doesn't define __round__ method",
            other.type_name()
        ))),
    }
}

/// An integral float as an int: `OverflowError` for infinities,
/// `ValueError` for NaN.
pub(super) fn float_to_int(x: f64) -> PyResult<Value> {
    if x.is_nan() {
        return Err(value_error("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(error(
            "OverflowError",
            "cannot convert float infinity to integer",
        ));
    }
    Ok(ops::int(BigInt::from_f64(x.trunc()).unwrap_or_default()))
}

/// `n` rounded to a multiple of `10**k`, halves to even.
fn round_int(n: &BigInt, k: u64) -> BigInt {
    // 10**k > 2|n| rounds to 0; it holds once k exceeds n's digits.
    if k as f64 > (n.bits() as f64 + 1.0) * std::f64::consts::LOG10_2 + 1.0 {
        return BigInt::zero();
    }
    let m = num_traits::pow(BigInt::from(10), k as usize);
    let (q, r) = n.abs().div_rem(&m);
    let twice: BigInt = &r + &r;
    let q = match twice.cmp(&m) {
        Ordering::Greater => q + 1,
        Ordering::Equal if q.is_odd() => q + 1,
        _ => q,
    };
    let out = q * m;
    if n.is_negative() { -out } else { out }
}

/// `round(x, ndigits)` of a float: CPython rounds the exact binary value
/// to `ndigits` decimals (halves to even) and reads the result back.
fn round_float(x: f64, ndigits: i64) -> PyResult<f64> {
    // NDIGITS_MAX and NDIGITS_MIN of floatobject.c.
    if !x.is_finite() || x == 0.0 || ndigits > 323 {
        return Ok(x);
    }
    if ndigits < -308 {
        return Ok(0.0f64.copysign(x));
    }
    let rounded = if ndigits >= 0 {
        let digits = ndigits as usize;
        format!("{x:.digits$}").parse::<f64>().unwrap_or(x)
    } else {
        let k = ndigits.unsigned_abs();
        let q = round_to_power_of_ten(x.abs(), k);
        let r = format!("{q}e{k}").parse::<f64>().unwrap_or(f64::INFINITY);
        r.copysign(x)
    };
    if rounded.is_infinite() {
        return Err(error(
            "OverflowError",
            "rounded value too large to represent",
        ));
    }
    Ok(rounded)
}

/// `a / 10**k` rounded to an integer, halves to even, computed exactly.
fn round_to_power_of_ten(a: f64, k: u64) -> BigInt {
    let bits = a.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (mantissa, e) = if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp - 1075)
    };
    let pow10 = num_traits::pow(BigInt::from(10), k as usize);
    let (num, den) = if e >= 0 {
        (BigInt::from(mantissa) << e as usize, pow10)
    } else {
        (BigInt::from(mantissa), pow10 << (-e) as usize)
    };
    let (q, r) = num.div_rem(&den);
    match (&r + &r).cmp(&den) {
        Ordering::Greater => q + 1,
        Ordering::Equal if q.is_odd() => q + 1,
        _ => q,
    }
}

fn str_(cx: &dyn Callbacks, args: Args) -> PyResult<Value> {
    let bound = bind(args, "str", &["object", "encoding", "errors"])?;
    match &bound[..] {
        [None, None, None] => Ok(Value::str("")),
        [Some(v), None, None] => Ok(Value::str(&cx.str(v)?)),
        [object, encoding, errors] => {
            let object = object
                .clone()
                .unwrap_or_else(|| Value::Bytes(Rc::from(&b""[..])));
            let Value::Bytes(bytes) = &object else {
                return Err(type_error(format!(
                    "decoding to str: need a bytes-like object, {} found",
                    object.type_name()
                )));
            };
            let encoding = text_arg(encoding.as_ref(), "str", "encoding", "utf-8")?;
            let errors = text_arg(errors.as_ref(), "str", "errors", "strict")?;
            methods::decode(bytes, &encoding, &errors).map(|s| Value::str(&s))
        }
        _ => unreachable!("three parameters"),
    }
}

/// A str argument by name: `decode() argument 'encoding' must be str, not
/// int`.
pub(super) fn text_arg(
    v: Option<&Value>,
    fname: &str,
    param: &str,
    default: &str,
) -> PyResult<String> {
    match v {
        None => Ok(default.to_string()),
        Some(Value::Str(s)) => Ok(s.to_string()),
        Some(other) => Err(type_error(format!(
            "{fname}() argument '{param}' must be str, not {}",
            other.type_name()
        ))),
    }
}

fn to_float(v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => format::int_to_float(v),
        Value::Str(s) => parse_float(s)
            .ok_or_else(|| value_error(format!("could not convert string to float: {}", v.repr()))),
        Value::Bytes(b) => std::str::from_utf8(b)
            .ok()
            .and_then(parse_float)
            .ok_or_else(|| value_error(format!("could not convert string to float: {}", v.repr()))),
        other => Err(type_error(format!(
            "float() argument must be a string or a real number, not '{}'",
            other.type_name()
        ))),
    }
}

/// Python's whitespace (`str.isspace`).
pub(super) fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// `float(text)`: decimal and exponent forms with `_` between digits,
/// `inf`, `infinity` and `nan` in any case, surrounding whitespace.
pub(super) fn parse_float(text: &str) -> Option<f64> {
    let s = text.trim_matches(is_space);
    let (negative, body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let lower = body.to_ascii_lowercase();
    let special = match lower.as_str() {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(v) = special {
        return Some(if negative { -v } else { v });
    }
    if body.starts_with(['+', '-']) {
        return None;
    }
    let bytes = body.as_bytes();
    let mut clean = String::with_capacity(body.len());
    for (i, &c) in bytes.iter().enumerate() {
        match c {
            b'_' => {
                let digit = |j: Option<&u8>| j.is_some_and(u8::is_ascii_digit);
                if !(i > 0 && digit(bytes.get(i - 1)) && digit(bytes.get(i + 1))) {
                    return None;
                }
            }
            b'0'..=b'9' | b'.' | b'e' | b'E' | b'+' | b'-' => clean.push(c as char),
            _ => return None,
        }
    }
    if !clean.bytes().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let v: f64 = clean.parse().ok()?;
    Some(if negative { -v } else { v })
}

/// The most digits `int()` converts from a non-power-of-two base (CPython's
/// `sys.get_int_max_str_digits()`).
const MAX_STR_DIGITS: usize = 4300;

/// `int(text, base)`: `None` for an invalid literal.
pub(super) fn parse_int(text: &str, base: u32) -> PyResult<Option<BigInt>> {
    let s = text.trim_matches(is_space);
    let (negative, body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let lower = body.to_ascii_lowercase();
    let prefixed = |p: &str| lower.starts_with(p);
    let (radix, digits, zero_start) = if (base == 16 || base == 0) && prefixed("0x") {
        (16, &body[2..], false)
    } else if (base == 8 || base == 0) && prefixed("0o") {
        (8, &body[2..], false)
    } else if (base == 2 || base == 0) && prefixed("0b") {
        (2, &body[2..], false)
    } else if base == 0 {
        (10, body, true)
    } else {
        (base, body, false)
    };
    let after_prefix = digits.len() != body.len();
    // Underscores go between digits, or right after a base prefix.
    let bytes = digits.as_bytes();
    let mut clean = String::with_capacity(bytes.len());
    for (i, &c) in bytes.iter().enumerate() {
        if c == b'_' {
            let prev_ok = if i == 0 {
                after_prefix
            } else {
                bytes[i - 1] != b'_'
            };
            if !prev_ok || i + 1 == bytes.len() {
                return Ok(None);
            }
            continue;
        }
        match (c as char).to_digit(radix) {
            Some(_) => clean.push(c as char),
            None => return Ok(None),
        }
    }
    if clean.is_empty() {
        return Ok(None);
    }
    if zero_start && clean.starts_with('0') && clean.bytes().any(|c| c != b'0') {
        return Ok(None);
    }
    if !radix.is_power_of_two() && clean.len() > MAX_STR_DIGITS {
        return Err(value_error(format!(
            "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
            clean.len()
        )));
    }
    let n = BigInt::parse_bytes(clean.as_bytes(), radix);
    Ok(n.map(|n| if negative { -n } else { n }))
}

fn int(cx: &dyn Callbacks, args: Args) -> PyResult<Value> {
    let _ = cx;
    let mut args = args;
    let base_kw = args.take_kw("base");
    if let Some((k, _)) = args.kw.first() {
        return Err(type_error(format!(
            "'{k}' is an invalid keyword argument for int()"
        )));
    }
    let given = args.pos.len() + base_kw.is_some() as usize;
    if given > 2 {
        return Err(type_error(format!(
            "int() takes at most 2 arguments ({given} given)"
        )));
    }
    if base_kw.is_some() && args.pos.len() == 2 {
        return Err(type_error(
            "argument for int() given by name ('base') and position (2)",
        ));
    }
    let base = base_kw.or_else(|| args.pos.get(1).cloned());
    let Some(x) = args.pos.first() else {
        if base.is_some() {
            return Err(type_error("int() missing string argument"));
        }
        return Ok(Value::Int(0));
    };
    let Some(base) = base else {
        return match x {
            Value::Int(_) | Value::BigInt(_) => Ok(x.clone()),
            Value::Bool(b) => Ok(Value::Int(*b as i64)),
            Value::Float(f) => float_to_int(*f),
            Value::Str(s) => int_from_text(s, 10, x),
            Value::Bytes(b) => match std::str::from_utf8(b) {
                Ok(s) => int_from_text(s, 10, x),
                Err(_) => Err(invalid_int(x, 10)),
            },
            other => Err(type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                other.type_name()
            ))),
        };
    };
    let base = match &base {
        Value::BigInt(_) => i64::MAX,
        other => index(other)?,
    };
    if base != 0 && !(2..=36).contains(&base) {
        return Err(value_error("int() base must be >= 2 and <= 36, or 0"));
    }
    match x {
        Value::Str(s) => int_from_text(s, base as u32, x),
        Value::Bytes(b) => match std::str::from_utf8(b) {
            Ok(s) => int_from_text(s, base as u32, x),
            Err(_) => Err(invalid_int(x, base as u32)),
        },
        _ => Err(type_error(
            "int() can't convert non-string with explicit base",
        )),
    }
}

fn int_from_text(s: &str, base: u32, original: &Value) -> PyResult<Value> {
    match parse_int(s, base)? {
        Some(n) => Ok(ops::int(n)),
        None => Err(invalid_int(original, base)),
    }
}

fn invalid_int(original: &Value, base: u32) -> Unwind {
    value_error(format!(
        "invalid literal for int() with base {base}: {}",
        original.repr()
    ))
}

#[cfg(test)]
mod tests {
    use super::testing::check;
    use super::*;

    // Each line is `expression => what CPython 3.11 gives`: the right-hand
    // sides were printed by `python3` evaluating the left-hand sides
    // (`repr()` of the value, or `Type: message` for an exception).
    #[test]
    fn builtins_match_cpython() {
        check(
            r##"
            len([1, 2]) => 2
            len('héllo') => 5
            len(b'ab') => 2
            len({1: 2}) => 1
            len({1, 2, 3}) => 3
            len(range(0, 10, 3)) => 4
            len(range(10, 0)) => 0
            len(range(10, 0, -3)) => 4
            len({'a': 1}.keys()) => 1
            len() => TypeError: len() takes exactly one argument (0 given)
            len(1, 2) => TypeError: len() takes exactly one argument (2 given)
            len(1) => TypeError: object of type 'int' has no len()
            len(x=1) => TypeError: len() takes no keyword arguments
            len(iter([1])) => TypeError: object of type 'list_iterator' has no len()
            range(5) => range(0, 5)
            range(-5) => range(0, -5)
            range(True) => range(0, 1)
            range(1, 10, 3) => range(1, 10, 3)
            range(1, 2, 1) => range(1, 2)
            range(10, 0, -2) => range(10, 0, -2)
            range() => TypeError: range expected at least 1 argument, got 0
            range(1, 2, 3, 4) => TypeError: range expected at most 3 arguments, got 4
            range(1.5) => TypeError: 'float' object cannot be interpreted as an integer
            range('a') => TypeError: 'str' object cannot be interpreted as an integer
            range(1, 2, 0) => ValueError: range() arg 3 must not be zero
            list(range(10, 0, -3)) => [10, 7, 4, 1]
            list(enumerate('ab')) => [(0, 'a'), (1, 'b')]
            list(enumerate('ab', 1)) => [(1, 'a'), (2, 'b')]
            list(enumerate(['x'], start=5)) => [(5, 'x')]
            list(enumerate(iterable=[5])) => [(0, 5)]
            list(enumerate([1], 2**70)) => [(1180591620717411303424, 1)]
            enumerate() => TypeError: enumerate() missing required argument 'iterable'
            enumerate(1) => TypeError: 'int' object is not iterable
            enumerate([1], 'a') => TypeError: 'str' object cannot be interpreted as an integer
            enumerate([1], 2, 3) => TypeError: enumerate() takes at most 2 arguments (3 given)
            enumerate(x=1) => TypeError: 'x' is an invalid keyword argument for enumerate()
            list(zip()) => []
            list(zip([1, 2, 3], 'ab')) => [(1, 'a'), (2, 'b')]
            list(zip([1], [2], [3])) => [(1, 2, 3)]
            list(zip([1, 2], 'ab', strict=True)) => [(1, 'a'), (2, 'b')]
            list(zip([1], [1, 2], strict=True)) => ValueError: zip() argument 2 is longer than argument 1
            list(zip([1, 2], [1], strict=True)) => ValueError: zip() argument 2 is shorter than argument 1
            list(zip([1, 2], [1, 2], [3], strict=True)) => ValueError: zip() argument 3 is shorter than arguments 1-2
            list(zip([1, 2], [1, 2], [3, 4, 5], strict=True)) => ValueError: zip() argument 3 is longer than arguments 1-2
            zip(1) => TypeError: 'int' object is not iterable
            zip([1], x=1) => TypeError: 'x' is an invalid keyword argument for zip()
            sorted([3, 1, 2]) => [1, 2, 3]
            sorted('bca') => ['a', 'b', 'c']
            sorted([3, 1, 2], reverse=True) => [3, 2, 1]
            sorted([2, 1], reverse=2) => [2, 1]
            sorted([2, 1], key=None) => [1, 2]
            sorted(['bb', 'a', 'ccc', 'dd'], key=len) => ['a', 'bb', 'dd', 'ccc']
            sorted(['bb', 'a', 'ccc', 'dd', 'e'], key=len, reverse=True) => ['ccc', 'bb', 'dd', 'a', 'e']
            sorted([(1, 'b'), (0, 'z'), (1, 'a')]) => [(0, 'z'), (1, 'a'), (1, 'b')]
            sorted([-3, 2, -1], key=abs) => [-1, 2, -3]
            sorted({3: 'a', 1: 'b'}) => [1, 3]
            sorted([0.5, 1, True, -2.5, 2**64]) => [-2.5, 0.5, 1, True, 18446744073709551616]
            sorted([3, 1, 'a', 2]) => TypeError: '<' not supported between instances of 'str' and 'int'
            sorted([1, 'a']) => TypeError: '<' not supported between instances of 'str' and 'int'
            sorted(['a', 1]) => TypeError: '<' not supported between instances of 'int' and 'str'
            sorted([1, 2, None]) => TypeError: '<' not supported between instances of 'NoneType' and 'int'
            sorted() => TypeError: sorted expected 1 argument, got 0
            sorted(1) => TypeError: 'int' object is not iterable
            sorted([1], 1) => TypeError: sorted expected 1 argument, got 2
            sorted([1], x=1) => TypeError: 'x' is an invalid keyword argument for sort()
            sorted([1], reverse=None) => TypeError: 'NoneType' object cannot be interpreted as an integer
            sorted([1], reverse='a') => TypeError: 'str' object cannot be interpreted as an integer
            sorted([2, 1], reverse=2.5) => TypeError: 'float' object cannot be interpreted as an integer
            sorted([[1], 1]) => TypeError: '<' not supported between instances of 'int' and 'list'
            list(reversed([1, 2, 3])) => [3, 2, 1]
            list(reversed((1, 2))) => [2, 1]
            list(reversed('abc')) => ['c', 'b', 'a']
            list(reversed(range(1, 10, 3))) => [7, 4, 1]
            list(reversed({1: 2, 3: 4})) => [3, 1]
            list(reversed({1: 2, 3: 4}.values())) => [4, 2]
            list(reversed({1: 2, 3: 4}.items())) => [(3, 4), (1, 2)]
            reversed(1) => TypeError: 'int' object is not reversible
            reversed({1}) => TypeError: 'set' object is not reversible
            reversed(iter([1])) => TypeError: 'list_iterator' object is not reversible
            reversed([1], 2) => TypeError: reversed expected 1 argument, got 2
            max([1, 3, 2]) => 3
            max(1, 3, 2) => 3
            max('abc') => 'c'
            max([(1, 'b'), (1, 'a')]) => (1, 'b')
            max([1, 1.0]) => 1
            max([1.0, 1]) => 1.0
            min([3, 1, 1.0]) => 1
            min(1.0, 1, True) => 1.0
            max(1, 2, key=lambda x: -x) => 1
            min(['bb', 'a', 'cc'], key=len) => 'a'
            max(['bb', 'a', 'cc'], key=len) => 'bb'
            max([], default=None) => None
            min([], default=5) => 5
            max([1], key=None) => 1
            max([1, 'a']) => TypeError: '>' not supported between instances of 'str' and 'int'
            min([1, 'a']) => TypeError: '<' not supported between instances of 'str' and 'int'
            min() => TypeError: min expected at least 1 argument, got 0
            max(key=len) => TypeError: max expected at least 1 argument, got 0
            min(1) => TypeError: 'int' object is not iterable
            min([]) => ValueError: min() arg is an empty sequence
            max(()) => ValueError: max() arg is an empty sequence
            min(1, 2, default=3) => TypeError: Cannot specify a default for min() with multiple positional arguments
            min([1], x=1) => TypeError: 'x' is an invalid keyword argument for min()
            max(1, 2, 3, x=4) => TypeError: 'x' is an invalid keyword argument for max()
            min(1, key=abs) => TypeError: 'int' object is not iterable
            sum([1, 2, 3]) => 6
            sum([]) => 0
            sum([1, 2.5, 3]) => 6.5
            sum([1, 2], 0.5) => 3.5
            sum([], 5) => 5
            sum([[1], [2]], []) => [1, 2]
            sum([(1,), (2,)], ()) => (1, 2)
            sum(range(5), start=10) => 20
            sum([True, True]) => 2
            sum([2**63, 2**63]) => 18446744073709551616
            sum([0.1] * 10) => 0.9999999999999999
            sum([1e100, 1.0, -1e100]) => 0.0
            sum([0.1, 0.2, 0.3]) => 0.6000000000000001
            sum(['a']) => TypeError: unsupported operand type(s) for +: 'int' and 'str'
            sum(['a'], 'b') => TypeError: sum() can't sum strings [use ''.join(seq) instead]
            sum([1], b'') => TypeError: sum() can't sum bytes [use b''.join(seq) instead]
            sum([1], 2, 3) => TypeError: sum() takes at most 2 arguments (3 given)
            sum(x=1) => TypeError: sum() takes at least 1 positional argument (0 given)
            sum() => TypeError: sum() takes at least 1 positional argument (0 given)
            sum(1) => TypeError: 'int' object is not iterable
            sum([[1]]) => TypeError: unsupported operand type(s) for +: 'int' and 'list'
            any([]) => False
            all([]) => True
            any([0, '', None]) => False
            any([0, 2]) => True
            all([1, 'a', [0]]) => True
            all([1, 0]) => False
            any(1) => TypeError: 'int' object is not iterable
            all() => TypeError: all() takes exactly one argument (0 given)
            any([1], [2]) => TypeError: any() takes exactly one argument (2 given)
            abs(-5) => 5
            abs(-1.5) => 1.5
            abs(True) => 1
            abs(-9223372036854775808) => 9223372036854775808
            abs(-2**70) => 1180591620717411303424
            abs(-0.0) => 0.0
            abs() => TypeError: abs() takes exactly one argument (0 given)
            abs('a') => TypeError: bad operand type for abs(): 'str'
            abs(x=1) => TypeError: abs() takes no keyword arguments
            round(0.5) => 0
            round(1.5) => 2
            round(2.5) => 2
            round(-0.5) => 0
            round(-1.5) => -2
            round(2.675, 2) => 2.67
            round(0.125, 2) => 0.12
            round(0.375, 2) => 0.38
            round(1234, -2) => 1200
            round(1250, -2) => 1200
            round(1350, -2) => 1400
            round(15, -1) => 20
            round(25, -1) => 20
            round(35, -1) => 40
            round(-25, -1) => -20
            round(-35, -1) => -40
            round(12345, -2) => 12300
            round(5, 2) => 5
            round(5, -1) => 0
            round(4, -1) => 0
            round(2**70 + 5, -1) => 1180591620717411303430
            round(True) => 1
            round(True, 1) => 1
            round(1.5, None) => 2
            round(2.5, None) => 2
            round(0.5, 0) => 0.0
            round(-0.4) => 0
            round(-0.0, 1) => -0.0
            round(1.23456, 3) => 1.235
            round(-1234.5678, 1) => -1234.6
            round(1234.5678, -2) => 1200.0
            round(2.5, -1) => 0.0
            round(5.0, -1) => 0.0
            round(15.0, -1) => 20.0
            round(-4.0, -1) => -0.0
            round(123456789.123456789, 5) => 123456789.12346
            round(1e-320, 322) => 1e-320
            round(5e-324, 400) => 5e-324
            round(1.23456e200, 2) => 1.23456e+200
            round(1e300, -300) => 1e+300
            round(1.5, 2**70) => 1.5
            round(1.5, -2**70) => 0.0
            round(float('inf'), 2) => inf
            round(float('inf')) => OverflowError: cannot convert float infinity to integer
            round(float('nan')) => ValueError: cannot convert float NaN to integer
            round(1.7976931348623157e308, -308) => OverflowError: rounded value too large to represent
            round(1e22) => 10000000000000000000000
            round(number=1.5) => 2
            round(1.5, ndigits=1) => 1.5
            round() => TypeError: round() missing required argument 'number' (pos 1)
            round(x=1) => TypeError: round() missing required argument 'number' (pos 1)
            round(1, 2, 3) => TypeError: round() takes at most 2 arguments (3 given)
            round('a') => TypeError: type str doesn't define __round__ method
            round(1.5, 'a') => TypeError: 'str' object cannot be interpreted as an integer
            divmod(7, 2) => (3, 1)
            divmod(-7, 2) => (-4, 1)
            divmod(7, -2) => (-4, -1)
            divmod(-7.5, 2) => (-4.0, 0.5)
            divmod(7.5, -2) => (-4.0, -0.5)
            divmod(1, 0.3) => (3.0, 0.10000000000000003)
            divmod(-0.0, 1) => (-0.0, 0.0)
            divmod(0.0, -1) => (-0.0, -0.0)
            divmod(2**70, 3) => (393530540239137101141, 1)
            divmod(True, 2) => (0, 1)
            divmod(1, 0) => ZeroDivisionError: integer division or modulo by zero
            divmod(1.0, 0) => ZeroDivisionError: float divmod()
            divmod('a', 1) => TypeError: unsupported operand type(s) for divmod(): 'str' and 'int'
            divmod(1, 2, 3) => TypeError: divmod expected 2 arguments, got 3
            divmod() => TypeError: divmod expected 2 arguments, got 0
            str() => ''
            str(5) => '5'
            str('a') => 'a'
            str([1, 'a']) => "[1, 'a']"
            str(b'abc', 'utf-8') => 'abc'
            str(b'abc', encoding='ascii') => 'abc'
            str(b'\xff', 'utf-8', 'replace') => '�'
            str(object=5) => '5'
            str(1, 'utf-8') => TypeError: decoding to str: need a bytes-like object, int found
            str(1, 2, 3, 4) => TypeError: str() takes at most 3 arguments (4 given)
            str(x=1) => TypeError: 'x' is an invalid keyword argument for str()
            repr('a') => "'a'"
            repr([1, 'b']) => "[1, 'b']"
            repr(1, 2) => TypeError: repr() takes exactly one argument (2 given)
            repr() => TypeError: repr() takes exactly one argument (0 given)
            ascii('é\n') => "'\\xe9\\n'"
            ascii(['é']) => "['\\xe9']"
            ascii('\U0001F600 \u2028') => "'\\U0001f600 \\u2028'"
            ascii('abc') => "'abc'"
            int() => 0
            int(5) => 5
            int(True) => 1
            int(1.9) => 1
            int(-1.9) => -1
            int(1e30) => 1000000000000000019884624838656
            int(-0.0) => 0
            int('12') => 12
            int(' 12 ') => 12
            int('12\n') => 12
            int('+5') => 5
            int('-5') => -5
            int('1_000') => 1000
            int(b'12') => 12
            int(b' 12 ') => 12
            int('12', 8) => 10
            int('12', base=8) => 10
            int('0x1f', 16) => 31
            int('0x1f', 0) => 31
            int('0b101', 0) => 5
            int('0o17', 8) => 15
            int('0x_1f', 16) => 31
            int('0_0', 0) => 0
            int('00', 0) => 0
            int(' -0x1f ', 0) => -31
            int('z', 36) => 35
            int('Z', 36) => 35
            int('ff', 16) => 255
            int('123456789012345678901234567890') => 123456789012345678901234567890
            int('x') => ValueError: invalid literal for int() with base 10: 'x'
            int('') => ValueError: invalid literal for int() with base 10: ''
            int('_1') => ValueError: invalid literal for int() with base 10: '_1'
            int('1__0') => ValueError: invalid literal for int() with base 10: '1__0'
            int('1_') => ValueError: invalid literal for int() with base 10: '1_'
            int('-  5') => ValueError: invalid literal for int() with base 10: '-  5'
            int('010', 0) => ValueError: invalid literal for int() with base 0: '010'
            int('0b', 0) => ValueError: invalid literal for int() with base 0: '0b'
            int('12', 2) => ValueError: invalid literal for int() with base 2: '12'
            int('1f', 37) => ValueError: int() base must be >= 2 and <= 36, or 0
            int('1', base=37) => ValueError: int() base must be >= 2 and <= 36, or 0
            int(1, 2) => TypeError: int() can't convert non-string with explicit base
            int(1.5, 10) => TypeError: int() can't convert non-string with explicit base
            int(float('inf')) => OverflowError: cannot convert float infinity to integer
            int(float('nan')) => ValueError: cannot convert float NaN to integer
            int(None) => TypeError: int() argument must be a string, a bytes-like object or a real number, not 'NoneType'
            int([]) => TypeError: int() argument must be a string, a bytes-like object or a real number, not 'list'
            int('1', 10, 3) => TypeError: int() takes at most 2 arguments (3 given)
            int(x='1') => TypeError: 'x' is an invalid keyword argument for int()
            int('9' * 5000) => ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit
            float() => 0.0
            float(5) => 5.0
            float(True) => 1.0
            float('1.5') => 1.5
            float(' 1e3 ') => 1000.0
            float('inf') => inf
            float('-Infinity') => -inf
            float('nan') => nan
            float('+nan') => nan
            float('-0') => -0.0
            float('.5') => 0.5
            float('5.') => 5.0
            float('1_000.5_5') => 1000.55
            float('1e1_0') => 10000000000.0
            float('1e400') => inf
            float('-1e400') => -inf
            float(b'1.5') => 1.5
            float(2**70) => 1.1805916207174113e+21
            float('x') => ValueError: could not convert string to float: 'x'
            float('') => ValueError: could not convert string to float: ''
            float('1__0') => ValueError: could not convert string to float: '1__0'
            float('_1') => ValueError: could not convert string to float: '_1'
            float('in') => ValueError: could not convert string to float: 'in'
            float('0x10') => ValueError: could not convert string to float: '0x10'
            float(None) => TypeError: float() argument must be a string or a real number, not 'NoneType'
            float([]) => TypeError: float() argument must be a string or a real number, not 'list'
            float(2**2000) => OverflowError: int too large to convert to float
            float(x=1) => TypeError: float() takes no keyword arguments
            bool() => False
            bool(0) => False
            bool([1]) => True
            bool({}.keys()) => False
            bool(1, 2) => TypeError: bool expected at most 1 argument, got 2
            bool(x=1) => TypeError: bool() takes no keyword arguments
            list() => []
            list('ab') => ['a', 'b']
            list({1: 2}) => [1]
            list({'a': 1}.items()) => [('a', 1)]
            list(1) => TypeError: 'int' object is not iterable
            list(1, 2) => TypeError: list expected at most 1 argument, got 2
            list(x=1) => TypeError: list() takes no keyword arguments
            tuple('ab') => ('a', 'b')
            tuple() => ()
            tuple([1], [2]) => TypeError: tuple expected at most 1 argument, got 2
            set() => set()
            set([1, 2, 1]) => {1, 2}
            set(1) => TypeError: 'int' object is not iterable
            set([[1]]) => TypeError: unhashable type: 'list'
            sorted(frozenset([2, 1])) => [1, 2]
            dict() => {}
            dict(a=1) => {'a': 1}
            dict(x=1, y=2) => {'x': 1, 'y': 2}
            dict([(1, 2)], a=3) => {1: 2, 'a': 3}
            dict({'a': 1}, a=2) => {'a': 2}
            dict(['ab']) => {'a': 'b'}
            dict([['a', 1]]) => {'a': 1}
            dict({'a': 1}.items()) => {'a': 1}
            dict(1) => TypeError: 'int' object is not iterable
            dict([1]) => TypeError: cannot convert dictionary update sequence element #0 to a sequence
            dict([(1, 2, 3)]) => ValueError: dictionary update sequence element #0 has length 3; 2 is required
            dict({1: 2}, {3: 4}) => TypeError: dict expected at most 1 argument, got 2
            dict([([], 1)]) => TypeError: unhashable type: 'list'
            list(map(abs, [-1, 2, -3])) => [1, 2, 3]
            list(map(lambda x, y: x + y, [1, 2], [3])) => [4]
            list(map(lambda x: x * 2, 'ab')) => ['aa', 'bb']
            map() => TypeError: map() must have at least two arguments.
            map(len) => TypeError: map() must have at least two arguments.
            map(len, 1) => TypeError: 'int' object is not iterable
            list(filter(None, [0, 1, 2, '', 'a'])) => [1, 2, 'a']
            list(filter(lambda x: x > 1, [0, 1, 2, 3])) => [2, 3]
            filter() => TypeError: filter expected 2 arguments, got 0
            filter(None) => TypeError: filter expected 2 arguments, got 1
            filter(1, 2, 3) => TypeError: filter expected 2 arguments, got 3
            filter(None, [0, '', 1], x=1) => TypeError: filter() takes no keyword arguments
            list(iter([1, 2])) => [1, 2]
            list(iter('ab')) => ['a', 'b']
            list(iter({1: 2})) => [1]
            list(iter(range(3))) => [0, 1, 2]
            iter(1) => TypeError: 'int' object is not iterable
            iter() => TypeError: iter expected at least 1 argument, got 0
            iter([1], 2, 3) => TypeError: iter expected at most 2 arguments, got 3
            iter(x=1) => TypeError: iter() takes no keyword arguments
            iter(1, 2) => TypeError: iter(v, w): v must be callable
            chr(65) => 'A'
            chr(0x1F600) => '😀'
            chr(-1) => ValueError: chr() arg not in range(0x110000)
            chr(0x110000) => ValueError: chr() arg not in range(0x110000)
            chr('a') => TypeError: 'str' object cannot be interpreted as an integer
            chr(2**70) => OverflowError: Python int too large to convert to C int
            chr() => TypeError: chr() takes exactly one argument (0 given)
            chr(1, 2) => TypeError: chr() takes exactly one argument (2 given)
            ord('a') => 97
            ord('€') => 8364
            ord(b'a') => 97
            ord('ab') => TypeError: ord() expected a character, but string of length 2 found
            ord('') => TypeError: ord() expected a character, but string of length 0 found
            ord(1) => TypeError: ord() expected string of length 1, but int found
            ord(b'ab') => TypeError: ord() expected a character, but string of length 2 found
            ord([]) => TypeError: ord() expected string of length 1, but list found
            ord() => TypeError: ord() takes exactly one argument (0 given)
            hex(255) => '0xff'
            hex(-255) => '-0xff'
            hex(2**70) => '0x400000000000000000'
            hex(0) => '0x0'
            hex(1.5) => TypeError: 'float' object cannot be interpreted as an integer
            hex('a') => TypeError: 'str' object cannot be interpreted as an integer
            hex() => TypeError: hex() takes exactly one argument (0 given)
            bin(5) => '0b101'
            bin(-5) => '-0b101'
            bin(0) => '0b0'
            bin(True) => '0b1'
            oct(8) => '0o10'
            oct(-0) => '0o0'
            oct(-8) => '-0o10'
            pow(2, 10) => 1024
            pow(2, -1) => 0.5
            pow(2.0, 3) => 8.0
            pow(2, 0.5) => 1.4142135623730951
            pow(2, 100) => 1267650600228229401496703205376
            pow(2, 3, 5) => 3
            pow(2, 3, -5) => -2
            pow(-2, 3, 5) => 2
            pow(2, -1, 5) => 3
            pow(2, -1, -5) => -2
            pow(3, 0, 1) => 0
            pow(3, 0, -1) => 0
            pow(2**100, 2**100, 7) => 2
            pow(base=2, exp=3) => 8
            pow(2, 3, mod=5) => 3
            pow(2, 3, None) => 8
            pow(2, -1, 4) => ValueError: base is not invertible for the given modulus
            pow(2, 3, 0) => ValueError: pow() 3rd argument cannot be 0
            pow(2.0, 3, 5) => TypeError: pow() 3rd argument not allowed unless all arguments are integers
            pow(0, -1) => ZeroDivisionError: 0.0 cannot be raised to a negative power
            pow(0.0, -1) => ZeroDivisionError: 0.0 cannot be raised to a negative power
            pow('a', 2) => TypeError: unsupported operand type(s) for ** or pow(): 'str' and 'int'
            pow(2, 'a', 3) => TypeError: unsupported operand type(s) for ** or pow(): 'int', 'str', 'int'
            pow() => TypeError: pow() missing required argument 'base' (pos 1)
            pow(1) => TypeError: pow() missing required argument 'exp' (pos 2)
            pow(1, 2, 3, 4) => TypeError: pow() takes at most 3 arguments (4 given)
            callable(len) => True
            callable(1) => False
            callable(lambda: 1) => True
            callable('a'.upper) => True
            callable() => TypeError: callable() takes exactly one argument (0 given)
            callable(1, 2) => TypeError: callable() takes exactly one argument (2 given)
            format(1.5) => '1.5'
            format(1234.5678, ',.2f') => '1,234.57'
            format('ab', '^6') => '  ab  '
            format([1], '') => '[1]'
            format(None, '5') => TypeError: unsupported format string passed to NoneType.__format__
            format(1, 2) => TypeError: format() argument 2 must be str, not int
            format() => TypeError: format expected at least 1 argument, got 0
            format(1, '>5', 3) => TypeError: format expected at most 2 arguments, got 3
            format(value=1) => TypeError: format() takes no keyword arguments
            round(1, x=2) => TypeError: 'x' is an invalid keyword argument for round()
            pow(1, 2, x=3) => TypeError: 'x' is an invalid keyword argument for pow()
            pow(1, x=3) => TypeError: pow() missing required argument 'exp' (pos 2)
            sorted(x=1) => TypeError: sorted expected 1 argument, got 0
            sum([1], x=1) => TypeError: 'x' is an invalid keyword argument for sum()
            sum(x=1, start=2) => TypeError: sum() takes at least 1 positional argument (0 given)
            enumerate(start=1) => TypeError: 'start' is an invalid keyword argument for enumerate()
            float('+-3') => ValueError: could not convert string to float: '+-3'
            float(' --4') => ValueError: could not convert string to float: ' --4'
            float('-+.5e1') => ValueError: could not convert string to float: '-+.5e1'
            int('+-3') => ValueError: invalid literal for int() with base 10: '+-3'
            "##,
        );
    }

    #[test]
    fn iterators_have_cpython_type_names() {
        use super::testing::TestCx;
        let kind =
            |name: &str, v: Value| match call_builtin(&TestCx, name, Args::positional(vec![v])) {
                Ok(Value::Iterator(it)) => it.kind,
                _ => "not an iterator",
            };
        assert_eq!(kind("iter", Value::list(vec![])), "list_iterator");
        assert_eq!(kind("iter", Value::tuple(vec![])), "tuple_iterator");
        assert_eq!(kind("iter", Value::str("")), "str_ascii_iterator");
        assert_eq!(kind("iter", Value::str("é")), "str_iterator");
        assert_eq!(kind("iter", Value::Range(0, 3, 1)), "range_iterator");
        assert_eq!(
            kind("iter", Value::Bytes(Rc::from(&b""[..]))),
            "bytes_iterator"
        );
        assert_eq!(
            kind("reversed", Value::list(vec![])),
            "list_reverseiterator"
        );
        assert_eq!(kind("reversed", Value::tuple(vec![])), "reversed");
        assert_eq!(kind("reversed", Value::Range(0, 3, 1)), "range_iterator");
        assert_eq!(kind("enumerate", Value::list(vec![])), "enumerate");
        assert_eq!(kind("zip", Value::list(vec![])), "zip");
        let it = call_builtin(
            &TestCx,
            "iter",
            Args::positional(vec![Value::list(vec![Value::Int(1)])]),
        )
        .unwrap_or(Value::None);
        let again = call_builtin(&TestCx, "iter", Args::positional(vec![it.clone()]))
            .unwrap_or(Value::None);
        assert!(
            crate::engine::py::value::is_same(&it, &again),
            "iter(iterator) is the iterator"
        );
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! A stand-in for the interpreter: evaluates one Python expression with
    //! the built-ins and the methods of this module, lambdas included.

    use super::*;
    use crate::engine::py::value::{Function, py_eq};
    use crate::program::{Arg, Expr, ExprKind, Literal, Name, StmtKind, UnaryOp};

    pub struct TestCx;

    impl Callbacks for TestCx {
        fn call(&self, f: &Value, args: Args) -> PyResult<Value> {
            match f {
                Value::Builtin(name) | Value::Type(name) => call_builtin(self, name, args),
                Value::BuiltinMethod(m) => methods::call_method(self, &m.0, &m.1, args)
                    .unwrap_or_else(|| Err(error("AttributeError", m.1.to_string()))),
                Value::Function(func) => {
                    let code = &func.code;
                    let locals: Vec<Value> = args.pos;
                    match &code.body[0].kind {
                        StmtKind::Return(Some(e)) => self.eval(e, &locals),
                        _ => Ok(Value::None),
                    }
                }
                other => Err(type_error(format!(
                    "'{}' object is not callable",
                    other.type_name()
                ))),
            }
        }

        fn repr(&self, v: &Value) -> PyResult<String> {
            Ok(v.repr())
        }

        fn str(&self, v: &Value) -> PyResult<String> {
            Ok(v.to_str())
        }

        fn iterate(&self, v: &Value) -> PyResult<Vec<Value>> {
            Ok(match v {
                Value::List(l) => l.borrow().clone(),
                Value::Tuple(t) => t.to_vec(),
                Value::Str(s) => s.chars().map(|c| Value::str(&c.to_string())).collect(),
                Value::Bytes(b) => b.iter().map(|x| Value::Int(*x as i64)).collect(),
                Value::Range(a, b, c) => range_items(*a, *b, *c)?,
                Value::Dict(d) => d.borrow().keys().map(|k| k.0.clone()).collect(),
                Value::Set(s) => s
                    .borrow()
                    .iter()
                    .cloned()
                    .collect::<Vec<_>>()
                    .into_iter()
                    .map(|k| k.0)
                    .collect(),
                Value::Iterator(it) => it.items.borrow_mut().drain(..).collect(),
                other => match methods::iter_native(other) {
                    Some(items) => items,
                    None => {
                        return Err(type_error(format!(
                            "'{}' object is not iterable",
                            other.type_name()
                        )));
                    }
                },
            })
        }

        fn eq(&self, a: &Value, b: &Value) -> PyResult<bool> {
            Ok(py_eq(a, b))
        }

        fn lt(&self, a: &Value, b: &Value) -> PyResult<bool> {
            ops::compare(CmpOp::Lt, a, b).ok_or_else(|| ops::order_error(CmpOp::Lt, a, b))
        }

        fn truthy(&self, v: &Value) -> PyResult<bool> {
            Ok(match methods::native_len(v) {
                Some(n) => n > 0,
                None => v.truthy(),
            })
        }
    }

    impl TestCx {
        fn eval(&self, e: &Expr, locals: &[Value]) -> PyResult<Value> {
            Ok(match &e.kind {
                ExprKind::Literal(l) => match l {
                    Literal::None => Value::None,
                    Literal::Bool(b) => Value::Bool(*b),
                    Literal::Int(i) => Value::Int(*i),
                    Literal::BigInt(s) => ops::int(s.parse().expect("big literal")),
                    Literal::Float(f) => Value::Float(*f),
                    Literal::Str(s) => Value::str(s),
                    Literal::Bytes(b) => Value::Bytes(Rc::from(&b[..])),
                    Literal::Ellipsis => Value::Ellipsis,
                },
                ExprKind::Name(Name::Local(i, _)) => locals[*i as usize].clone(),
                ExprKind::Name(Name::Global(n)) => match NAMES.iter().find(|b| **b == &**n) {
                    Some(
                        b @ &("str" | "int" | "float" | "bool" | "list" | "tuple" | "dict" | "set"),
                    ) => Value::Type(b),
                    Some(b) => Value::Builtin(b),
                    None if &**n == "bytes" => Value::Type("bytes"),
                    None => return Err(error("NameError", format!("name '{n}' is not defined"))),
                },
                ExprKind::Attr(recv, name) => {
                    let recv = self.eval(recv, locals)?;
                    Value::BuiltinMethod(Rc::new((recv, Rc::from(&**name))))
                }
                ExprKind::Call(f, args) => {
                    let mut a = Args::default();
                    for arg in args {
                        match arg {
                            Arg::Positional(x) => a.pos.push(self.eval(x, locals)?),
                            Arg::Star(x) => {
                                let v = self.eval(x, locals)?;
                                a.pos.extend(self.iterate(&v)?);
                            }
                            Arg::Keyword(k, x) => {
                                a.kw.push((Rc::from(&**k), self.eval(x, locals)?))
                            }
                            Arg::StarStar(x) => {
                                if let Value::Dict(d) = self.eval(x, locals)? {
                                    for (k, v) in d.borrow().iter() {
                                        a.kw.push((Rc::from(k.0.to_str().as_str()), v.clone()));
                                    }
                                }
                            }
                        }
                    }
                    let f = self.eval(f, locals)?;
                    self.call(&f, a)?
                }
                ExprKind::UnaryOp(UnaryOp::Not, x) => {
                    Value::Bool(!self.truthy(&self.eval(x, locals)?)?)
                }
                ExprKind::UnaryOp(op, x) => {
                    let v = self.eval(x, locals)?;
                    ops::unary_num(*op, &v).ok_or_else(|| type_error("bad operand type"))?
                }
                ExprKind::BinOp(op, a, b) => {
                    let (a, b) = (self.eval(a, locals)?, self.eval(b, locals)?);
                    ops::binop(*op, &a, &b)?.ok_or_else(|| ops::binop_error(*op, &a, &b))?
                }
                ExprKind::Subscript(v, i) => {
                    let (v, i) = (self.eval(v, locals)?, self.eval(i, locals)?);
                    match (&v, &i) {
                        (Value::List(l), Value::Int(i)) => l.borrow()[*i as usize].clone(),
                        (Value::Tuple(t), Value::Int(i)) => t[*i as usize].clone(),
                        (Value::Dict(d), k) => d
                            .borrow()
                            .get(&Key(k.clone()))
                            .cloned()
                            .unwrap_or(Value::None),
                        _ => return Err(type_error("subscript")),
                    }
                }
                ExprKind::Compare(first, rest) => {
                    let mut left = self.eval(first, locals)?;
                    for (op, right) in rest {
                        let right = self.eval(right, locals)?;
                        let holds = match op {
                            CmpOp::Eq => py_eq(&left, &right),
                            CmpOp::Ne => !py_eq(&left, &right),
                            CmpOp::Lt => self.lt(&left, &right)?,
                            CmpOp::Gt => self.lt(&right, &left)?,
                            CmpOp::Le => !self.lt(&right, &left)?,
                            CmpOp::Ge => !self.lt(&left, &right)?,
                            _ => panic!("not supported by the test evaluator: {op:?}"),
                        };
                        if !holds {
                            return Ok(Value::Bool(false));
                        }
                        left = right;
                    }
                    Value::Bool(true)
                }
                ExprKind::List(items) => Value::list(self.eval_all(items, locals)?),
                ExprKind::Tuple(items) => Value::tuple(self.eval_all(items, locals)?),
                ExprKind::Set(items) => {
                    let mut s = Set::new();
                    for v in self.eval_all(items, locals)? {
                        s.insert(key(v)?);
                    }
                    Value::Set(Rc::new(RefCell::new(s)))
                }
                ExprKind::Dict(items) => {
                    let mut d = Dict::new();
                    for (k, v) in items {
                        let k = self.eval(k.as_ref().expect("no ** in tests"), locals)?;
                        d.insert(key(k)?, self.eval(v, locals)?);
                    }
                    Value::Dict(Rc::new(RefCell::new(d)))
                }
                ExprKind::Lambda { code, .. } => Value::Function(Rc::new(Function {
                    code: code.clone(),
                    defaults: Vec::new(),
                    cells: Vec::new(),
                    globals: Rc::new(RefCell::new(Default::default())),
                    owner: RefCell::new(None),
                })),
                other => panic!("not supported by the test evaluator: {other:?}"),
            })
        }

        fn eval_all(&self, items: &[Expr], locals: &[Value]) -> PyResult<Vec<Value>> {
            items.iter().map(|e| self.eval(e, locals)).collect()
        }
    }

    /// The value of a Python expression as `repr` shows it, or the
    /// exception as `Type: message`.
    pub fn eval(src: &str) -> String {
        let program = crate::python::load("t.py", &format!("x = {src}\n"))
            .unwrap_or_else(|_| panic!("does not parse: {src}"));
        let StmtKind::Assign { value, .. } = &program.module.body[0].kind else {
            panic!("not an assignment");
        };
        match TestCx.eval(value, &[]) {
            Ok(v) => v.repr(),
            Err(Unwind::Exc(e)) => exc::summary(&e),
            Err(Unwind::Abort | Unwind::Limit(_)) => "abort".into(),
        }
    }

    /// Checks lines `expression => expected`, the expected text printed by
    /// CPython 3.11 (`repr()` of the value, or `Type: message`).
    pub fn check(cases: &str) {
        let mut failures = Vec::new();
        for line in cases.lines().map(str::trim).filter(|l| !l.is_empty()) {
            let (src, want) = line.split_once(" => ").expect("expression => expected");
            let got = eval(src);
            if got != want {
                failures.push(format!("{src}\n   got: {got}\n  want: {want}"));
            }
        }
        assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    }
}

#[cfg(test)]
mod sort_tests {
    use super::testing::TestCx;
    use super::*;

    fn ints(values: &[Value]) -> Vec<i64> {
        values
            .iter()
            .map(|v| match v {
                Value::Int(i) => *i,
                _ => i64::MIN,
            })
            .collect()
    }

    /// Long lists go through run detection and merges: `sorted(values,
    /// key=abs)` must be the stable sort (as Rust's `sort_by_key`), where
    /// `3` and `-3` tie but stay distinguishable.
    #[test]
    fn long_sorts_are_stable() {
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for n in [0usize, 1, 2, 5, 63, 64, 65, 100, 257, 1000] {
            for reverse in [false, true] {
                let mut items: Vec<i64> = (0..n)
                    .map(|_| {
                        let k = (next() % 10) as i64;
                        if next() % 2 == 0 { k } else { -k }
                    })
                    .collect();
                // Partly sorted runs, as real data has.
                if n > 10 {
                    items[..n / 3].sort_by_key(|v| v.abs());
                    items[n / 2..2 * n / 3].sort_by_key(|v| -v.abs());
                }
                let mut expected = items.clone();
                if reverse {
                    expected.reverse();
                    expected.sort_by_key(|v| v.abs());
                    expected.reverse();
                } else {
                    expected.sort_by_key(|v| v.abs());
                }
                let mut values: Vec<Value> = items.iter().map(|i| Value::Int(*i)).collect();
                let key = Value::Builtin("abs");
                assert!(sort_values(&TestCx, &mut values, Some(&key), reverse).is_ok());
                assert_eq!(ints(&values), expected, "n={n} reverse={reverse}");
            }
        }
    }
}
