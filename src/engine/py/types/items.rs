//! Indexing and slicing of the built-in sequences and mappings.

use super::exc::{self, PyResult, error, type_error};
use super::native::Native;
use super::value::{Key, Value};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// A `slice(lo, hi, step)`.
pub struct Slice {
    pub lo: Value,
    pub hi: Value,
    pub st: Value,
}

impl Native for Slice {
    fn type_name(&self) -> &str {
        "slice"
    }

    fn repr(&self) -> String {
        format!(
            "slice({}, {}, {})",
            self.lo.repr(),
            self.hi.repr(),
            self.st.repr()
        )
    }
}

fn as_index(v: &Value, what: &str) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::BigInt(_) => Err(error(
            "IndexError",
            "cannot fit 'int' into an index-sized integer",
        )),
        other => Err(type_error(format!(
            "{what} indices must be integers or slices, not {}",
            other.type_name()
        ))),
    }
}

/// The positions a slice selects in a sequence of `len` items.
fn slice_indices(s: &Slice, len: usize) -> PyResult<Vec<usize>> {
    let len = len as i64;
    let step = match &s.st {
        Value::None => 1,
        v => as_index(v, "slice")?,
    };
    if step == 0 {
        return Err(exc::value_error("slice step cannot be zero"));
    }
    let clamp = |v: &Value, default: i64| -> PyResult<i64> {
        match v {
            Value::None => Ok(default),
            v => {
                let mut i = as_index(v, "slice")?;
                if i < 0 {
                    i += len;
                }
                Ok(if step > 0 {
                    i.clamp(0, len)
                } else {
                    i.clamp(-1, len - 1)
                })
            }
        }
    };
    let (start, stop) = if step > 0 {
        (clamp(&s.lo, 0)?, clamp(&s.hi, len)?)
    } else {
        (clamp(&s.lo, len - 1)?, clamp(&s.hi, -1)?)
    };
    let mut out = Vec::new();
    let mut i = start;
    while (step > 0 && i < stop) || (step < 0 && i > stop) {
        out.push(i as usize);
        i += step;
    }
    Ok(out)
}

fn position(i: i64, len: usize, what: &str) -> PyResult<usize> {
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(error("IndexError", format!("{what} index out of range")));
    }
    Ok(j as usize)
}

/// `obj[index]` for the built-in types.
pub fn getitem(obj: &Value, index: &Value) -> PyResult<Value> {
    if let Some(s) = super::native::downcast::<Slice>(index) {
        return get_slice(obj, &s);
    }
    match obj {
        Value::List(l) => {
            let l = l.borrow();
            let i = position(as_index(index, "list")?, l.len(), "list")?;
            Ok(l[i].clone())
        }
        Value::Tuple(t) => {
            let i = position(as_index(index, "tuple")?, t.len(), "tuple")?;
            Ok(t[i].clone())
        }
        Value::Str(s) => {
            let i = as_index(index, "string")?;
            let n = s.chars().count();
            let j = position(i, n, "string")?;
            Ok(Value::str(
                s.chars().nth(j).expect("in range").encode_utf8(&mut [0; 4]),
            ))
        }
        Value::Bytes(b) => {
            let i = position(as_index(index, "byte")?, b.len(), "index")?;
            Ok(Value::Int(b[i] as i64))
        }
        Value::Range(a, b, c) => {
            let n = super::value::range_len(*a, *b, *c) as usize;
            let i = position(as_index(index, "range")?, n, "range object")?;
            Ok(Value::Int(a + c * i as i64))
        }
        Value::Dict(d) => {
            let key = Key::new(index.clone()).map_err(type_error)?;
            match d.borrow().get(&key) {
                Some(v) => Ok(v.clone()),
                None => Err(key_error(index.clone())),
            }
        }
        other => Err(type_error(format!(
            "'{}' object is not subscriptable",
            other.type_name()
        ))),
    }
}

/// `KeyError(key)`.
pub fn key_error(key: Value) -> exc::Unwind {
    exc::Unwind::Exc(exc::instance(
        exc::class("KeyError").expect("built in"),
        vec![key],
    ))
}

fn get_slice(obj: &Value, s: &Slice) -> PyResult<Value> {
    match obj {
        Value::List(l) => {
            let l = l.borrow();
            Ok(Value::list(
                slice_indices(s, l.len())?
                    .into_iter()
                    .map(|i| l[i].clone())
                    .collect(),
            ))
        }
        Value::Tuple(t) => Ok(Value::tuple(
            slice_indices(s, t.len())?
                .into_iter()
                .map(|i| t[i].clone())
                .collect(),
        )),
        Value::Str(text) => {
            let chars: Vec<char> = text.chars().collect();
            let out: String = slice_indices(s, chars.len())?
                .into_iter()
                .map(|i| chars[i])
                .collect();
            Ok(Value::str(&out))
        }
        Value::Bytes(b) => {
            let out: Vec<u8> = slice_indices(s, b.len())?
                .into_iter()
                .map(|i| b[i])
                .collect();
            Ok(Value::Bytes(Rc::from(out)))
        }
        Value::Range(a, b, c) => {
            let n = super::value::range_len(*a, *b, *c) as usize;
            let idx = slice_indices(s, n)?;
            Ok(Value::list(
                idx.into_iter()
                    .map(|i| Value::Int(a + c * i as i64))
                    .collect(),
            ))
        }
        other => Err(type_error(format!(
            "'{}' object is not subscriptable",
            other.type_name()
        ))),
    }
}

/// `obj[index] = v` for lists (dicts are handled by the interpreter).
pub fn setitem(obj: &Value, index: &Value, v: Value) -> PyResult<()> {
    match obj {
        Value::List(l) => {
            if let Some(s) = super::native::downcast::<Slice>(index) {
                let len = l.borrow().len();
                let new = match &v {
                    Value::List(x) => x.borrow().clone(),
                    Value::Tuple(t) => t.to_vec(),
                    other => {
                        return Err(type_error(format!(
                            "can only assign an iterable, not {}",
                            other.type_name()
                        )));
                    }
                };
                let idx = slice_indices(&s, len)?;
                let mut l = l.borrow_mut();
                if matches!(s.st, Value::None) {
                    let start = idx.first().copied().unwrap_or_else(|| match &s.lo {
                        Value::Int(i) if *i >= 0 => (*i as usize).min(len),
                        Value::Int(i) => (len as i64 + i).max(0) as usize,
                        _ => 0,
                    });
                    let end = idx.last().map_or(start, |e| e + 1);
                    l.splice(start..end, new);
                } else {
                    if idx.len() != new.len() {
                        return Err(exc::value_error(format!(
                            "attempt to assign sequence of size {} to extended slice of size {}",
                            new.len(),
                            idx.len()
                        )));
                    }
                    for (i, x) in idx.into_iter().zip(new) {
                        l[i] = x;
                    }
                }
                return Ok(());
            }
            let mut l = l.borrow_mut();
            let len = l.len();
            let i = position(as_index(index, "list")?, len, "list assignment")?;
            l[i] = v;
            Ok(())
        }
        other => Err(type_error(format!(
            "'{}' object does not support item assignment",
            other.type_name()
        ))),
    }
}

/// `del obj[index]`.
pub fn delitem(obj: &Value, index: &Value) -> PyResult<()> {
    match obj {
        Value::List(l) => {
            if let Some(s) = super::native::downcast::<Slice>(index) {
                let len = l.borrow().len();
                let mut idx = slice_indices(&s, len)?;
                idx.sort_unstable();
                let mut l = l.borrow_mut();
                for i in idx.into_iter().rev() {
                    l.remove(i);
                }
                return Ok(());
            }
            let mut l = l.borrow_mut();
            let len = l.len();
            let i = position(as_index(index, "list")?, len, "list assignment")?;
            l.remove(i);
            Ok(())
        }
        Value::Dict(d) => {
            let key = Key::new(index.clone()).map_err(type_error)?;
            match d.borrow_mut().shift_remove(&key) {
                Some(_) => Ok(()),
                None => Err(key_error(index.clone())),
            }
        }
        other => Err(type_error(format!(
            "'{}' object doesn't support item deletion",
            other.type_name()
        ))),
    }
}

/// The number of items, for `len()` of the built-in types.
pub fn len(v: &Value) -> Option<usize> {
    Some(match v {
        Value::Str(s) => s.chars().count(),
        Value::Bytes(b) => b.len(),
        Value::List(l) => l.borrow().len(),
        Value::Tuple(t) => t.len(),
        Value::Dict(d) => d.borrow().len(),
        Value::Set(s) => s.borrow().len(),
        Value::Range(a, b, c) => super::value::range_len(*a, *b, *c) as usize,
        _ => return None,
    })
}

/// An iterator over a live list or dict, as CPython's: a list grown while
/// it is iterated yields the new items; a dict whose size changes raises.
pub struct Cursor {
    over: CursorOver,
    next: Cell<usize>,
}

enum CursorOver {
    List(Rc<RefCell<Vec<Value>>>),
    /// The dict and its size when iteration began.
    DictKeys(Rc<RefCell<super::value::Dict>>, usize),
}

impl Cursor {
    /// A cursor over a list or a dict's keys; `None` for other values.
    pub fn over(v: &Value) -> Option<Value> {
        let over = match v {
            Value::List(l) => CursorOver::List(l.clone()),
            Value::Dict(d) => CursorOver::DictKeys(d.clone(), d.borrow().len()),
            _ => return None,
        };
        Some(Value::Native(Rc::new(Cursor {
            over,
            next: Cell::new(0),
        })))
    }

    /// The next item, `None` at the end.
    pub fn step(&self) -> PyResult<Option<Value>> {
        let i = self.next.get();
        let item = match &self.over {
            CursorOver::List(l) => l.borrow().get(i).cloned(),
            CursorOver::DictKeys(d, len) => {
                let d = d.borrow();
                if d.len() != *len {
                    return Err(error(
                        "RuntimeError",
                        "dictionary changed size during iteration",
                    ));
                }
                d.get_index(i).map(|(k, _)| k.0.clone())
            }
        };
        if item.is_some() {
            self.next.set(i + 1);
        }
        Ok(item)
    }
}

impl Native for Cursor {
    fn type_name(&self) -> &str {
        match self.over {
            CursorOver::List(_) => "list_iterator",
            CursorOver::DictKeys(..) => "dict_keyiterator",
        }
    }
}
