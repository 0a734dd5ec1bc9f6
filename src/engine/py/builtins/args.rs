//! Argument checking, with CPython's messages for each calling convention,
//! and the small conversions the built-ins share.

use super::*;

/// `f()` takes no keyword arguments.
pub(in crate::engine::py) fn no_kw(args: &Args, fname: &str) -> PyResult<()> {
    if args.kw.is_empty() {
        Ok(())
    } else {
        Err(type_error(format!("{fname}() takes no keyword arguments")))
    }
}

/// A function of one argument (`METH_O`): `len() takes exactly one
/// argument (2 given)`.
pub(in crate::engine::py) fn exactly_one(mut args: Args, fname: &str) -> PyResult<Value> {
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
pub(in crate::engine::py) fn no_args(args: &Args, fname: &str) -> PyResult<()> {
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
pub(in crate::engine::py) fn positional_kw(
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
pub(in crate::engine::py) fn tuple_args(
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
pub(in crate::engine::py) fn positional(
    args: &Args,
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<()> {
    positional_kw(args, name, name, min, max)
}

/// Binds positional and keyword arguments to `params` (the old
/// `PyArg_ParseTupleAndKeywords` messages): `split() takes at most 2
/// arguments (3 given)`, `'x' is an invalid keyword argument for split()`.
pub(in crate::engine::py) fn bind(
    args: Args,
    fname: &str,
    params: &[&str],
) -> PyResult<Vec<Option<Value>>> {
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
pub(in crate::engine::py) fn bind_clinic(
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
pub(in crate::engine::py) fn unknown_kw(args: &Args, fname: &str) -> PyResult<()> {
    match args.kw.first() {
        Some((k, _)) => Err(type_error(format!(
            "'{k}' is an invalid keyword argument for {fname}()"
        ))),
        None => Ok(()),
    }
}

/// An argument used as an index (`__index__` of the built-in ints).
pub(in crate::engine::py) fn index(v: &Value) -> PyResult<i64> {
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
pub(in crate::engine::py) fn index_clamped(v: &Value) -> PyResult<i64> {
    match v {
        Value::BigInt(b) => Ok(if b.is_negative() { i64::MIN } else { i64::MAX }),
        other => index(other),
    }
}

/// `TypeError: 'float' object cannot be interpreted as an integer`.
pub(in crate::engine::py) fn not_integer(v: &Value) -> Unwind {
    type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        v.type_name()
    ))
}

/// The dict key or set member for `v`, or `TypeError: unhashable type`.
pub(in crate::engine::py) fn key(v: Value) -> PyResult<Key> {
    Key::new(v).map_err(type_error)
}

/// A materialised iterator.
pub(in crate::engine::py) fn iterator(kind: &'static str, items: Vec<Value>) -> Value {
    Value::Iterator(Rc::new(SeqIter {
        items: RefCell::new(VecDeque::from(items)),
        kind,
    }))
}

/// Refuses sequences too long to build.
pub(in crate::engine::py) fn check_items(n: usize) -> PyResult<()> {
    if n > ops::MAX_ITEMS {
        return Err(error(
            "MemoryError",
            format!("the value would hold {n} items (limit: value size)"),
        ));
    }
    Ok(())
}

/// The items of `range(start, stop, step)`.
pub(in crate::engine::py) fn range_items(start: i64, stop: i64, step: i64) -> PyResult<Vec<Value>> {
    let n = range_len(start, stop, step).max(0) as usize;
    check_items(n)?;
    Ok((0..n as i64)
        .map(|i| Value::Int(start + i * step))
        .collect())
}

/// A built-in exception class, also those `exc` does not define yet
/// (`UnicodeDecodeError`, `UnicodeEncodeError`: made here as subclasses of
/// `UnicodeError`).
pub(in crate::engine::py) fn exc_class(name: &'static str) -> Rc<Class> {
    thread_local! {
        static EXTRA: RefCell<IndexMap<&'static str, Rc<Class>>> = RefCell::new(IndexMap::default());
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
                    namespace: RefCell::new(IndexMap::default()),
                    builtin: true,
                    module: "",
                })
            })
            .clone()
    })
}

/// An exception of class `name` with a message.
pub(in crate::engine::py) fn raise(name: &'static str, message: impl Into<String>) -> Unwind {
    let message: String = message.into();
    Unwind::Exc(exc::instance(exc_class(name), vec![Value::str(&message)]))
}
