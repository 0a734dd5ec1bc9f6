//! Iteration: every item of an iterable (charged to the run's budgets),
//! `next` and `iter`.

use super::coro::Generator;
use super::interp::{Frame, Interp, not_iterable};
use crate::engine::budget;
use crate::engine::py::modules;
use crate::engine::py::types::exc::{self, PyResult, Unwind, type_error};
use crate::engine::py::types::items;
use crate::engine::py::types::native::{Args, downcast};
use crate::engine::py::types::ops;
use crate::engine::py::types::value;
use crate::engine::py::types::value::{SeqIter, Value};
use std::cell::RefCell;
use std::rc::Rc;

impl Interp {
    /// Every item of a synchronous iterable. Building the list is work and
    /// memory of the run: both are charged to its budgets (the memory
    /// before the list is built, where its length is known).
    pub fn iterate(&self, f: &Frame, v: &Value) -> PyResult<Vec<Value>> {
        let known = match v {
            Value::List(l) => Some(l.borrow().len()),
            Value::Tuple(t) => Some(t.len()),
            Value::Str(s) => Some(s.len()),
            Value::Bytes(b) => Some(b.len()),
            Value::Dict(d) => Some(d.borrow().len()),
            Value::Set(s) => Some(s.borrow().len()),
            Value::Range(a, b, c) => Some(
                usize::try_from(crate::engine::py::types::value::range_len(*a, *b, *c))
                    .unwrap_or(usize::MAX),
            ),
            _ => None,
        };
        if let Some(n) = known {
            if matches!(v, Value::Range(..)) && n > ops::MAX_ITEMS {
                return Err(self.abort(format!(
                    "the demo iterated over {n} items at once (limit: value size)"
                )));
            }
            budget::reserve(n.saturating_mul(std::mem::size_of::<Value>()))?;
        }
        let items = self.iterate_all(f, v)?;
        if !matches!(v, Value::Range(..)) {
            budget::charge_items(items.len())?;
        }
        Ok(items)
    }

    fn iterate_all(&self, f: &Frame, v: &Value) -> PyResult<Vec<Value>> {
        Ok(match v {
            Value::List(l) => l.borrow().clone(),
            Value::Tuple(t) => t.to_vec(),
            Value::Str(s) => s
                .chars()
                .map(|c| Value::str(c.encode_utf8(&mut [0; 4])))
                .collect(),
            Value::Bytes(b) => b.iter().map(|x| Value::Int(*x as i64)).collect(),
            Value::Dict(d) => d.borrow().keys().map(|k| k.0.clone()).collect(),
            Value::Set(s) => s.borrow().iter().map(|k| k.0.clone()).collect(),
            Value::Range(a, b, c) => {
                let n = value::range_len(*a, *b, *c);
                if n as usize > ops::MAX_ITEMS {
                    return Err(self.abort(format!(
                        "the demo iterated over {n} items at once (limit: value size)"
                    )));
                }
                // Built a chunk at a time: a long range is work the run
                // pays for as it goes (and a stop reaches it).
                let mut items = Vec::with_capacity(n as usize);
                for chunk in (0..n).step_by(RANGE_CHUNK) {
                    budget::charge_items(RANGE_CHUNK)?;
                    let end = (chunk + RANGE_CHUNK as i64).min(n);
                    items.extend((chunk..end).map(|i| Value::Int(a + i * c)));
                }
                items
            }
            Value::Iterator(it) => it.items.borrow_mut().drain(..).collect(),
            Value::Native(n) => {
                if let Some(items) = n.items() {
                    return Ok(items);
                }
                if let Some(g) = downcast::<Generator>(v) {
                    return g.drain(self, f);
                }
                if let Some(c) = downcast::<items::Cursor>(v) {
                    let mut out = Vec::new();
                    while let Some(x) = c.step()? {
                        out.push(x);
                    }
                    return Ok(out);
                }
                if let Some(it) = n.clone().iter(&self.rc(), f) {
                    return self.iterate_all(f, &it?);
                }
                if n.is_iterator() {
                    return self.drain_native(f, v);
                }
                return Err(not_iterable(v));
            }
            Value::Instance(_) => {
                let Some(iter) = self.special(v, "__iter__") else {
                    return Err(not_iterable(v));
                };
                let it = self.call(f, &iter, Args::positional(vec![v.clone()]))?;
                if let Value::Instance(_) = &it {
                    let Some(next) = self.special(&it, "__next__") else {
                        return Err(type_error(format!(
                            "iter() returned non-iterator of type '{}'",
                            it.type_name()
                        )));
                    };
                    let mut out = Vec::new();
                    loop {
                        self.step()?;
                        match self.call(f, &next, Args::positional(vec![it.clone()])) {
                            Ok(x) => out.push(x),
                            Err(Unwind::Exc(e)) if exc::is_instance_of(&e, "StopIteration") => {
                                break;
                            }
                            Err(e) => return Err(e),
                        }
                        if out.len() > ops::MAX_ITEMS {
                            return Err(self.abort(
                                "an iterator gave more than 10000000 items (limit: value size)"
                                    .into(),
                            ));
                        }
                    }
                    return Ok(out);
                }
                return self.iterate_all(f, &it);
            }
            Value::Class(c) if modules::r#enum::members(c).is_some() => {
                modules::r#enum::members(c).unwrap_or_default()
            }
            other => return Err(not_iterable(other)),
        })
    }

    /// Every item left in an iterator object, checked against the size of
    /// one value and the memory budget as the list grows.
    fn drain_native(&self, f: &Frame, it: &Value) -> PyResult<Vec<Value>> {
        let mut out = Vec::new();
        while let Some(x) = self.next(f, it)? {
            if out.len() == out.capacity() {
                budget::reserve(out.len().max(8) * std::mem::size_of::<Value>())?;
            }
            out.push(x);
            if out.len() > ops::MAX_ITEMS {
                return Err(self.abort(
                    "an iterator gave more than 10000000 items (limit: value size)".into(),
                ));
            }
        }
        Ok(out)
    }

    /// `next(it)`: one item, or `None` at the end.
    pub fn next(&self, f: &Frame, it: &Value) -> PyResult<Option<Value>> {
        match it {
            Value::Iterator(i) => Ok(i.items.borrow_mut().pop_front()),
            Value::Native(_) => {
                if let Some(c) = downcast::<items::Cursor>(it) {
                    return c.step();
                }
                if let Value::Native(n) = it
                    && let Some(r) = n.clone().next(&self.rc(), f)
                {
                    return r;
                }
                match downcast::<Generator>(it) {
                    Some(g) => g.next_sync(f, Value::None),
                    None => Err(type_error(format!(
                        "'{}' object is not an iterator",
                        it.type_name()
                    ))),
                }
            }
            Value::Instance(_) => {
                let Some(next) = self.special(it, "__next__") else {
                    return Err(type_error(format!(
                        "'{}' object is not an iterator",
                        it.type_name()
                    )));
                };
                match self.call(f, &next, Args::positional(vec![it.clone()])) {
                    Ok(x) => Ok(Some(x)),
                    Err(Unwind::Exc(e)) if exc::is_instance_of(&e, "StopIteration") => Ok(None),
                    Err(e) => Err(e),
                }
            }
            other => Err(type_error(format!(
                "'{}' object is not an iterator",
                other.type_name()
            ))),
        }
    }

    /// `iter(v)`: an iterator over it.
    pub fn iter(&self, f: &Frame, v: &Value) -> PyResult<Value> {
        match v {
            Value::Iterator(_) => Ok(v.clone()),
            Value::List(_) | Value::Dict(_) => {
                Ok(crate::engine::py::types::items::Cursor::over(v).expect("a list or dict"))
            }
            Value::Native(n)
                if n.is_iterator()
                    || downcast::<Generator>(v).is_some()
                    || downcast::<items::Cursor>(v).is_some() =>
            {
                Ok(v.clone())
            }
            Value::Native(n) if let Some(it) = n.clone().iter(&self.rc(), f) => it,
            Value::Instance(_)
                if self.special(v, "__next__").is_some()
                    && self.special(v, "__iter__").is_some() =>
            {
                let iter = self.special(v, "__iter__").expect("checked");
                self.call(f, &iter, Args::positional(vec![v.clone()]))
            }
            _ => {
                let kind = match v {
                    Value::List(_) => "list_iterator",
                    Value::Tuple(_) => "tuple_iterator",
                    Value::Str(s) if s.is_ascii() => "str_ascii_iterator",
                    Value::Str(_) => "str_iterator",
                    Value::Bytes(_) => "bytes_iterator",
                    Value::Dict(_) => "dict_keyiterator",
                    Value::Set(_) => "set_iterator",
                    Value::Range(..) => "range_iterator",
                    _ => "iterator",
                };
                let items = self.iterate(f, v)?;
                Ok(Value::Iterator(Rc::new(SeqIter {
                    items: RefCell::new(items.into()),
                    kind,
                })))
            }
        }
    }
}

/// Items of a range built between two charges of the run's budget.
const RANGE_CHUNK: usize = 1 << 14;
