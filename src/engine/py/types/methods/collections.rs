//! The methods of `list`, `tuple`, `dict`, `set` and `int`.

use super::*;

/// The position of the first item equal to `x` in `get(i)` for `i` in
/// `start..stop`, re-reading the sequence at each step (an `__eq__` may
/// change it).
pub(super) fn find_item(
    cx: &dyn Callbacks,
    get: &dyn Fn(usize) -> Option<Value>,
    x: &Value,
    start: usize,
    stop: usize,
) -> PyResult<Option<usize>> {
    let mut i = start;
    while i < stop {
        let Some(item) = get(i) else {
            break;
        };
        if is_same(&item, x) || cx.eq(&item, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

pub(super) fn count_items(cx: &dyn Callbacks, items: &[Value], x: &Value) -> PyResult<Value> {
    let mut n = 0;
    for item in items {
        if is_same(item, x) || cx.eq(item, x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

pub(super) fn list_method(
    cx: &dyn Callbacks,
    l: &Rc<RefCell<Vec<Value>>>,
    name: &str,
    mut args: Args,
) -> PyResult<Value> {
    let qual = format!("list.{name}");
    match name {
        "append" => {
            let x = exactly_one(args, &qual)?;
            check_items(l.borrow().len() + 1)?;
            l.borrow_mut().push(x);
            Ok(Value::None)
        }
        "extend" => {
            let it = exactly_one(args, &qual)?;
            let items = cx.iterate(&it)?;
            check_items(l.borrow().len() + items.len())?;
            l.borrow_mut().extend(items);
            Ok(Value::None)
        }
        "insert" => {
            positional_kw(&args, name, &qual, 2, 2)?;
            let i = index_clamped(&args.pos[0])?;
            let x = args.pos.pop().expect("two arguments");
            let mut v = l.borrow_mut();
            let len = v.len() as i64;
            let at = if i < 0 {
                (i.saturating_add(len)).max(0)
            } else {
                i.min(len)
            };
            v.insert(at as usize, x);
            Ok(Value::None)
        }
        "pop" => {
            positional_kw(&args, name, &qual, 0, 1)?;
            let i = match args.pos.first() {
                Some(v) => index(v)?,
                None => -1,
            };
            let mut v = l.borrow_mut();
            if v.is_empty() {
                return Err(error("IndexError", "pop from empty list"));
            }
            let len = v.len() as i64;
            let at = if i < 0 { i + len } else { i };
            if !(0..len).contains(&at) {
                return Err(error("IndexError", "pop index out of range"));
            }
            Ok(v.remove(at as usize))
        }
        "remove" => {
            let x = exactly_one(args, &qual)?;
            let get = |i: usize| l.borrow().get(i).cloned();
            let len = l.borrow().len();
            match find_item(cx, &get, &x, 0, len)? {
                Some(i) if i < l.borrow().len() => {
                    l.borrow_mut().remove(i);
                    Ok(Value::None)
                }
                _ => Err(value_error("list.remove(x): x not in list")),
            }
        }
        "index" => {
            positional_kw(&args, name, &qual, 1, 3)?;
            let len = l.borrow().len();
            let (start, stop) = seq_bounds(len, args.pos.get(1), args.pos.get(2))?;
            let get = |i: usize| l.borrow().get(i).cloned();
            match find_item(cx, &get, &args.pos[0], start, stop)? {
                Some(i) => Ok(Value::Int(i as i64)),
                None => Err(value_error(format!(
                    "{} is not in list",
                    cx.repr(&args.pos[0])?
                ))),
            }
        }
        "count" => {
            let x = exactly_one(args, &qual)?;
            let items = l.borrow().clone();
            count_items(cx, &items, &x)
        }
        "sort" => {
            if !args.pos.is_empty() {
                return Err(type_error("sort() takes no positional arguments"));
            }
            let (key, reverse) = sort_options(&mut args, "sort")?;
            let mut items = l.borrow().clone();
            sort_values(cx, &mut items, key.as_ref(), reverse)?;
            *l.borrow_mut() = items;
            Ok(Value::None)
        }
        "reverse" => {
            no_args(&args, &qual)?;
            l.borrow_mut().reverse();
            Ok(Value::None)
        }
        "copy" => {
            no_args(&args, &qual)?;
            Ok(Value::list(l.borrow().clone()))
        }
        "clear" => {
            no_args(&args, &qual)?;
            l.borrow_mut().clear();
            Ok(Value::None)
        }
        _ => Err(error(
            "AttributeError",
            format!("'list' object has no attribute '{name}'"),
        )),
    }
}

pub(super) fn tuple_method(
    cx: &dyn Callbacks,
    t: &Rc<[Value]>,
    name: &str,
    args: Args,
) -> PyResult<Value> {
    let qual = format!("tuple.{name}");
    if name == "count" {
        let x = exactly_one(args, &qual)?;
        return count_items(cx, t, &x);
    }
    positional_kw(&args, name, &qual, 1, 3)?;
    let (start, stop) = seq_bounds(t.len(), args.pos.get(1), args.pos.get(2))?;
    let get = |i: usize| t.get(i).cloned();
    match find_item(cx, &get, &args.pos[0], start, stop)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(value_error("tuple.index(x): x not in tuple")),
    }
}

pub(super) fn dict_method(
    cx: &dyn Callbacks,
    d: &Rc<RefCell<Dict>>,
    name: &str,
    args: Args,
) -> PyResult<Value> {
    let qual = format!("dict.{name}");
    let view_of = |kind| {
        Value::Native(Rc::new(DictView {
            dict: d.clone(),
            kind,
        }))
    };
    match name {
        "keys" | "values" | "items" => {
            no_args(&args, &qual)?;
            Ok(view_of(match name {
                "keys" => ViewKind::Keys,
                "values" => ViewKind::Values,
                _ => ViewKind::Items,
            }))
        }
        "get" => {
            positional_kw(&args, name, &qual, 1, 2)?;
            let k = key(args.pos[0].clone())?;
            Ok(d.borrow()
                .get(&k)
                .cloned()
                .unwrap_or_else(|| args.pos.get(1).cloned().unwrap_or(Value::None)))
        }
        "pop" => {
            positional_kw(&args, name, &qual, 1, 2)?;
            let k = key(args.pos[0].clone())?;
            let removed = d.borrow_mut().shift_remove(&k);
            match (removed, args.pos.get(1)) {
                (Some(v), _) => Ok(v),
                (None, Some(default)) => Ok(default.clone()),
                (None, None) => Err(key_error(args.pos[0].clone())),
            }
        }
        "popitem" => {
            no_args(&args, &qual)?;
            match d.borrow_mut().pop() {
                Some((k, v)) => Ok(Value::tuple(vec![k.0, v])),
                None => Err(key_error(Value::str("popitem(): dictionary is empty"))),
            }
        }
        "setdefault" => {
            positional_kw(&args, name, &qual, 1, 2)?;
            let k = key(args.pos[0].clone())?;
            let default = args.pos.get(1).cloned().unwrap_or(Value::None);
            Ok(d.borrow_mut().entry(k).or_insert(default).clone())
        }
        "update" => {
            if args.pos.len() > 1 {
                return Err(type_error(format!(
                    "update expected at most 1 argument, got {}",
                    args.pos.len()
                )));
            }
            let mut updated = d.borrow().clone();
            if let Some(source) = args.pos.first() {
                update_from_pairs(cx, &mut updated, source)?;
            }
            for (k, v) in args.kw {
                updated.insert(Key(Value::Str(k)), v);
            }
            *d.borrow_mut() = updated;
            Ok(Value::None)
        }
        "copy" => {
            no_args(&args, &qual)?;
            Ok(Value::Dict(Rc::new(RefCell::new(d.borrow().clone()))))
        }
        "clear" => {
            no_args(&args, &qual)?;
            d.borrow_mut().clear();
            Ok(Value::None)
        }
        _ => Err(error(
            "AttributeError",
            format!("'dict' object has no attribute '{name}'"),
        )),
    }
}

/// `dict.fromkeys(iterable, value=None)`.
pub(super) fn dict_fromkeys(cx: &dyn Callbacks, args: Args) -> PyResult<Value> {
    positional_kw(&args, "fromkeys", "dict.fromkeys", 1, 2)?;
    let value = args.pos.get(1).cloned().unwrap_or(Value::None);
    let mut d = Dict::default();
    for k in cx.iterate(&args.pos[0])? {
        d.insert(key(k)?, value.clone());
    }
    Ok(Value::Dict(Rc::new(RefCell::new(d))))
}

/// The members of an iterable, as set keys (a set as it is, a dict's keys
/// as CPython reads them, anything else item by item).
pub(super) fn set_of(cx: &dyn Callbacks, v: &Value) -> PyResult<Set> {
    match v {
        Value::Set(s) => Ok(s.borrow().clone()),
        Value::Dict(d) => Ok(Set::from_dict_keys(d.borrow().keys().cloned())),
        other => {
            let mut out = Set::new();
            for item in cx.iterate(other)? {
                out.insert(key(item)?);
            }
            Ok(out)
        }
    }
}

/// The members of a non-set argument, in order.
pub(super) fn keys_of(cx: &dyn Callbacks, v: &Value) -> PyResult<Vec<Key>> {
    cx.iterate(v)?.into_iter().map(key).collect()
}

pub(super) fn set_method(
    cx: &dyn Callbacks,
    s: &Rc<RefCell<Set>>,
    name: &str,
    args: Args,
) -> PyResult<Value> {
    let qual = format!("set.{name}");
    let same = |v: &Value| matches!(v, Value::Set(o) if Rc::ptr_eq(o, s));
    match name {
        "add" => {
            let k = key(exactly_one(args, &qual)?)?;
            s.borrow_mut().insert(k);
            Ok(Value::None)
        }
        "discard" | "remove" => {
            let x = exactly_one(args, &qual)?;
            let k = key(x.clone())?;
            let removed = s.borrow_mut().discard(&k);
            if !removed && name == "remove" {
                return Err(key_error(x));
            }
            Ok(Value::None)
        }
        "pop" => {
            no_args(&args, &qual)?;
            let popped = s.borrow_mut().pop();
            match popped {
                Some(k) => Ok(k.0),
                None => Err(key_error(Value::str("pop from an empty set"))),
            }
        }
        "copy" => {
            no_args(&args, &qual)?;
            Ok(new_set(s.borrow().copy()))
        }
        "clear" => {
            no_args(&args, &qual)?;
            s.borrow_mut().clear();
            Ok(Value::None)
        }
        "union" | "update" => {
            no_kw(&args, &qual)?;
            let mut out = if name == "union" {
                s.borrow().copy()
            } else {
                s.borrow().clone()
            };
            for other in &args.pos {
                match other {
                    // `s.update(s)` and `s | s` add nothing.
                    Value::Set(_) if same(other) => {}
                    Value::Set(o) => out.update(&o.borrow()),
                    Value::Dict(d) => out.update_dict_keys(d.borrow().keys().cloned()),
                    o => out.update_iter(keys_of(cx, o)?),
                }
            }
            if name == "update" {
                *s.borrow_mut() = out;
                Ok(Value::None)
            } else {
                Ok(new_set(out))
            }
        }
        "intersection" | "intersection_update" | "difference" | "difference_update" => {
            no_kw(&args, &qual)?;
            let mut out = s.borrow().clone();
            let mut first = true;
            for other in &args.pos {
                let update = name.ends_with("update");
                out = match (name.starts_with("inter"), other) {
                    (true, Value::Set(_)) if same(other) => {
                        if update {
                            out
                        } else {
                            out.copy()
                        }
                    }
                    (true, Value::Set(o)) => {
                        if update {
                            out.intersection_update(&o.borrow());
                            out
                        } else {
                            out.intersection(&o.borrow())
                        }
                    }
                    (true, o) => {
                        let items = keys_of(cx, o)?;
                        if update {
                            out.intersection_update_iter(items);
                            out
                        } else {
                            out.intersection_iter(items)
                        }
                    }
                    (false, Value::Set(_)) if same(other) => Set::new(),
                    (false, Value::Set(o)) => {
                        if update {
                            out.difference_update(&o.borrow());
                            out
                        } else {
                            out.difference(&o.borrow())
                        }
                    }
                    (false, o) => {
                        let items = keys_of(cx, o)?;
                        if update {
                            out.difference_update_iter(items);
                            out
                        } else {
                            out.difference_iter(items)
                        }
                    }
                };
                first = false;
            }
            if first && !name.ends_with("update") {
                out = out.copy();
            }
            if name.ends_with("update") {
                *s.borrow_mut() = out;
                Ok(Value::None)
            } else {
                Ok(new_set(out))
            }
        }
        "symmetric_difference" | "symmetric_difference_update" => {
            let other = exactly_one(args, &qual)?;
            if same(&other) {
                if name.ends_with("update") {
                    s.borrow_mut().clear();
                    return Ok(Value::None);
                }
                return Ok(new_set(Set::new()));
            }
            let mine = s.borrow().clone();
            let out = match &other {
                Value::Set(o) => mine.symmetric_difference(&o.borrow()),
                Value::Dict(d) => {
                    let mut m = mine.clone();
                    m.symmetric_difference_update_dict_keys(d.borrow().keys().cloned());
                    m
                }
                o => mine.symmetric_difference_iter(keys_of(cx, o)?),
            };
            if name.ends_with("update") {
                let mut m = s.borrow_mut();
                match &other {
                    Value::Set(o) => m.symmetric_difference_update(&o.borrow()),
                    _ => *m = out,
                }
                Ok(Value::None)
            } else {
                Ok(new_set(out))
            }
        }
        "issubset" | "issuperset" | "isdisjoint" => {
            let other = set_of(cx, &exactly_one(args, &qual)?)?;
            let mine = s.borrow();
            Ok(Value::Bool(match name {
                "issubset" => mine.issubset(&other),
                "issuperset" => mine.issuperset(&other),
                _ => mine.isdisjoint(&other),
            }))
        }
        _ => Err(error(
            "AttributeError",
            format!("'set' object has no attribute '{name}'"),
        )),
    }
}

pub(super) fn int_method(recv: &Value, name: &str, args: Args) -> PyResult<Value> {
    no_args(&args, &format!("int.{name}"))?;
    let n = super::super::ops::big(recv).ok_or_else(|| not_integer(recv))?;
    Ok(match name {
        "bit_length" => Value::Int(n.bits() as i64),
        _ => {
            let (_, digits) = n.to_u64_digits();
            Value::Int(digits.iter().map(|d| d.count_ones() as i64).sum())
        }
    })
}
