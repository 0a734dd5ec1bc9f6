//! The built-ins over values and iterables: `len`, `abs`, `chr`, `dict`,
//! `enumerate`, `map`, `zip`, `iter`, `min`, `sum`, ...

use super::*;

pub(super) fn len(v: &Value) -> PyResult<usize> {
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

pub(super) fn abs(v: Value) -> PyResult<Value> {
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

pub(in crate::engine::py) use crate::engine::py::types::percent::ascii_escape;

pub(super) fn radix(v: Value, radix: u32, prefix: &str) -> PyResult<Value> {
    let Some(n) = ops::big(&v) else {
        return Err(not_integer(&v));
    };
    let sign = if n.is_negative() { "-" } else { "" };
    Ok(Value::str(&format!(
        "{sign}{prefix}{}",
        n.abs().to_str_radix(radix)
    )))
}

pub(in crate::engine::py) fn is_callable(v: &Value) -> bool {
    match v {
        Value::Function(_)
        | Value::Method(_)
        | Value::Builtin(_)
        | Value::BuiltinMethod(_)
        | Value::Class(_)
        | Value::Type(_) => true,
        Value::Instance(i) => i.class.lookup("__call__").is_some(),
        Value::Native(n) => n.is_callable(),
        _ => false,
    }
}

pub(super) fn chr(v: Value) -> PyResult<Value> {
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

pub(super) fn ord(v: Value) -> PyResult<Value> {
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
pub(in crate::engine::py) fn update_from_pairs(
    cx: &dyn Callbacks,
    dict: &mut Dict,
    source: &Value,
) -> PyResult<()> {
    if let Some(d) = source.as_plain_dict() {
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

pub(super) fn dict(cx: &dyn Callbacks, args: Args) -> PyResult<Value> {
    if args.pos.len() > 1 {
        return Err(type_error(format!(
            "dict expected at most 1 argument, got {}",
            args.pos.len()
        )));
    }
    let mut d = Dict::default();
    if let Some(source) = args.pos.first() {
        update_from_pairs(cx, &mut d, source)?;
    }
    for (k, v) in args.kw {
        d.insert(Key(Value::Str(k)), v);
    }
    Ok(Value::Dict(Rc::new(RefCell::new(d))))
}

/// `divmod(a, b)` for ints and floats.
pub(in crate::engine::py) fn divmod(a: &Value, b: &Value) -> PyResult<Value> {
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
    let (floordiv, m) = ops::float_divmod(x, y);
    Ok(Value::tuple(vec![Value::Float(floordiv), Value::Float(m)]))
}

pub(super) fn enumerate(cx: &dyn Callbacks, args: Args) -> PyResult<Value> {
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

pub(super) fn filter(cx: &dyn Callbacks, args: Args) -> PyResult<Value> {
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

pub(super) fn map(cx: &dyn Callbacks, args: Args) -> PyResult<Value> {
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

pub(super) fn zip(cx: &dyn Callbacks, mut args: Args) -> PyResult<Value> {
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

pub(super) fn iter(cx: &dyn Callbacks, args: Args) -> PyResult<Value> {
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

pub(super) fn reversed(args: Args) -> PyResult<Value> {
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
        Value::Native(n) if let Some((kind, items)) = n.reversed_items() => (kind, items),
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

pub(super) fn min_max(cx: &dyn Callbacks, mut args: Args, is_min: bool) -> PyResult<Value> {
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
pub(super) fn gt(cx: &dyn Callbacks, a: &Value, b: &Value) -> PyResult<bool> {
    let builtin = |v: &Value| !matches!(v, Value::Instance(_) | Value::Native(_));
    if builtin(a) && builtin(b) {
        if let Some(gt) = ops::compare(CmpOp::Gt, a, b) {
            return Ok(gt);
        }
        return cx.lt(b, a).map_err(|_| ops::order_error(CmpOp::Gt, a, b));
    }
    cx.lt(b, a)
}

pub(super) fn sum(cx: &dyn Callbacks, mut args: Args) -> PyResult<Value> {
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
        crate::engine::budget::charge_items(1)?;
        acc = match ops::binop(BinOp::Add, &acc, &item)? {
            Some(v) => v,
            None => return Err(ops::binop_error(BinOp::Add, &acc, &item, false)),
        };
    }
    Ok(acc)
}
