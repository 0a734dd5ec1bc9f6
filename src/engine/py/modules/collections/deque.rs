//! `collections.deque`: a double-ended queue with an optional `maxlen`,
//! as CPython 3.11's `_collections.deque` behaves (its messages, its repr,
//! "deque mutated during iteration").

use crate::engine::budget;
use crate::engine::py::builtins::args::bind;
use crate::engine::py::types::exc::{PyResult, error, type_error, value_error};
use crate::engine::py::types::native::{Args, Native, downcast};
use crate::engine::py::types::value::Value;
use crate::engine::py::vm::interp::{Ctx, Frame, Interp};
use crate::program::BinOp;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

/// `deque(iterable=(), maxlen=None)`.
pub(super) fn make(ix: &Interp, f: &Frame, args: Args) -> PyResult<Value> {
    let b = bind(args, "deque", &["iterable", "maxlen"])?;
    let maxlen = match &b[1] {
        None | Some(Value::None) => None,
        Some(Value::Int(n)) if *n < 0 => return Err(value_error("maxlen must be non-negative")),
        Some(Value::Int(n)) => Some(*n as usize),
        Some(Value::Bool(b)) => Some(*b as usize),
        Some(_) => return Err(type_error("an integer is required")),
    };
    let d = Rc::new(Deque {
        items: RefCell::new(VecDeque::new()),
        maxlen,
        state: Cell::new(0),
    });
    if let Some(source) = &b[0] {
        let items = ix.iterate(f, source)?;
        d.extend(items, false);
    }
    Ok(Value::Native(d))
}

/// A deque.
pub struct Deque {
    items: RefCell<VecDeque<Value>>,
    maxlen: Option<usize>,
    /// Changes at every insertion or removal, as CPython's `state`: an
    /// iterator that sees it change raises.
    state: Cell<u64>,
}

impl Deque {
    fn mutated(&self) {
        self.state.set(self.state.get().wrapping_add(1));
    }

    fn push(&self, v: Value, left: bool) {
        self.mutated();
        let mut items = self.items.borrow_mut();
        if self.maxlen == Some(0) {
            return;
        }
        if left {
            items.push_front(v);
        } else {
            items.push_back(v);
        }
        if let Some(max) = self.maxlen
            && items.len() > max
        {
            if left {
                items.pop_back();
            } else {
                items.pop_front();
            }
        }
    }

    fn extend(&self, values: Vec<Value>, left: bool) {
        for v in values {
            self.push(v, left);
        }
    }

    fn index_of(&self, i: &Value) -> PyResult<usize> {
        let len = self.items.borrow().len();
        let i = match i {
            Value::Int(i) => *i,
            Value::Bool(b) => *b as i64,
            other => {
                return Err(type_error(format!(
                    "sequence index must be integer, not '{}'",
                    other.type_name()
                )));
            }
        };
        let j = if i < 0 { i + len as i64 } else { i };
        if j < 0 || j >= len as i64 {
            return Err(error("IndexError", "deque index out of range"));
        }
        Ok(j as usize)
    }

    fn snapshot(&self) -> Vec<Value> {
        self.items.borrow().iter().cloned().collect()
    }

    /// Finds `x` among the items from `start` to `stop`.
    fn find(
        &self,
        ix: &Interp,
        f: &Frame,
        x: &Value,
        start: usize,
        stop: usize,
    ) -> PyResult<Option<usize>> {
        let state = self.state.get();
        let items = self.snapshot();
        for (i, item) in items.iter().enumerate().take(stop).skip(start) {
            if ix.eq(f, item, x)? {
                return Ok(Some(i));
            }
            if self.state.get() != state {
                return Err(error("RuntimeError", "deque mutated during iteration"));
            }
        }
        Ok(None)
    }

    fn copy(&self) -> PyResult<Rc<Deque>> {
        let n = self.items.borrow().len();
        budget::reserve(n.saturating_mul(std::mem::size_of::<Value>()))?;
        budget::charge_items(n)?;
        Ok(Rc::new(Deque {
            items: RefCell::new(self.items.borrow().clone()),
            maxlen: self.maxlen,
            state: Cell::new(0),
        }))
    }

    fn method(self: &Rc<Self>, ix: &Interp, f: &Frame, name: &str, args: Args) -> PyResult<Value> {
        let n = args.pos.len();
        let arity = |want: usize| -> PyResult<()> {
            if !args.kw.is_empty() {
                return Err(type_error(format!(
                    "deque.{name}() takes no keyword arguments"
                )));
            }
            if n != want {
                return Err(type_error(match want {
                    0 => format!("deque.{name}() takes no arguments ({n} given)"),
                    1 => format!("deque.{name}() takes exactly one argument ({n} given)"),
                    _ => format!("{name} expected {want} arguments, got {n}"),
                }));
            }
            Ok(())
        };
        match name {
            "append" | "appendleft" => {
                arity(1)?;
                self.push(args.pos[0].clone(), name == "appendleft");
                Ok(Value::None)
            }
            "pop" | "popleft" => {
                arity(0)?;
                self.mutated();
                let mut items = self.items.borrow_mut();
                let v = if name == "pop" {
                    items.pop_back()
                } else {
                    items.pop_front()
                };
                v.ok_or_else(|| error("IndexError", "pop from an empty deque"))
            }
            "extend" | "extendleft" => {
                arity(1)?;
                let items = ix.iterate(f, &args.pos[0])?;
                budget::reserve(items.len() * std::mem::size_of::<Value>())?;
                self.extend(items, name == "extendleft");
                Ok(Value::None)
            }
            "rotate" => {
                if n > 1 || !args.kw.is_empty() {
                    return Err(type_error(format!(
                        "rotate expected at most 1 argument, got {n}"
                    )));
                }
                let k = match args.pos.first() {
                    None => 1,
                    Some(Value::Int(k)) => *k,
                    Some(Value::Bool(b)) => *b as i64,
                    Some(other) => {
                        return Err(type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            other.type_name()
                        )));
                    }
                };
                let mut items = self.items.borrow_mut();
                let len = items.len() as i64;
                if len > 1 {
                    let k = k.rem_euclid(len) as usize;
                    budget::charge_items(k)?;
                    items.rotate_right(k);
                }
                Ok(Value::None)
            }
            "clear" => {
                arity(0)?;
                self.mutated();
                self.items.borrow_mut().clear();
                Ok(Value::None)
            }
            "copy" | "__copy__" => {
                arity(0)?;
                Ok(Value::Native(self.copy()?))
            }
            "count" => {
                arity(1)?;
                let state = self.state.get();
                let mut count = 0;
                for item in self.snapshot() {
                    if ix.eq(f, &item, &args.pos[0])? {
                        count += 1;
                    }
                    if self.state.get() != state {
                        return Err(error("RuntimeError", "deque mutated during iteration"));
                    }
                }
                Ok(Value::Int(count))
            }
            "index" => {
                if !(1..=3).contains(&n) || !args.kw.is_empty() {
                    return Err(type_error(if n == 0 {
                        "index expected at least 1 argument, got 0".to_string()
                    } else {
                        format!("index expected at most 3 arguments, got {n}")
                    }));
                }
                let len = self.items.borrow().len() as i64;
                let bound = |v: Option<&Value>, default: i64| -> PyResult<usize> {
                    let i = match v {
                        None => default,
                        Some(Value::Int(i)) => *i,
                        Some(Value::Bool(b)) => *b as i64,
                        Some(_) => {
                            return Err(type_error(
                                "slice indices must be integers or have an __index__ method",
                            ));
                        }
                    };
                    let i = if i < 0 { (i + len).max(0) } else { i.min(len) };
                    Ok(i as usize)
                };
                let start = bound(args.pos.get(1), 0)?;
                let stop = bound(args.pos.get(2), len)?;
                match self.find(ix, f, &args.pos[0], start, stop)? {
                    Some(i) => Ok(Value::Int(i as i64)),
                    None => Err(value_error(format!(
                        "{} is not in deque",
                        ix.repr(f, &args.pos[0])?
                    ))),
                }
            }
            "remove" => {
                arity(1)?;
                let len = self.items.borrow().len();
                match self.find(ix, f, &args.pos[0], 0, len)? {
                    Some(i) => {
                        self.mutated();
                        self.items.borrow_mut().remove(i);
                        Ok(Value::None)
                    }
                    None => Err(value_error(format!(
                        "{} is not in deque",
                        ix.repr(f, &args.pos[0])?
                    ))),
                }
            }
            "insert" => {
                arity(2)?;
                let len = self.items.borrow().len();
                if self.maxlen == Some(len) {
                    return Err(error("IndexError", "deque already at its maximum size"));
                }
                let i = match &args.pos[0] {
                    Value::Int(i) => *i,
                    Value::Bool(b) => *b as i64,
                    other => {
                        return Err(type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            other.type_name()
                        )));
                    }
                };
                let len = len as i64;
                let at = if i < 0 { (i + len).max(0) } else { i.min(len) };
                self.mutated();
                self.items
                    .borrow_mut()
                    .insert(at as usize, args.pos[1].clone());
                Ok(Value::None)
            }
            "reverse" => {
                arity(0)?;
                self.items.borrow_mut().make_contiguous().reverse();
                Ok(Value::None)
            }
            _ => Err(error(
                "AttributeError",
                format!("'collections.deque' object has no attribute '{name}'"),
            )),
        }
    }
}

const METHODS: &[&str] = &[
    "append",
    "appendleft",
    "pop",
    "popleft",
    "extend",
    "extendleft",
    "rotate",
    "clear",
    "copy",
    "__copy__",
    "count",
    "index",
    "remove",
    "insert",
    "reverse",
];

impl Native for Deque {
    fn type_name(&self) -> &str {
        "collections.deque"
    }

    fn repr_in(self: Rc<Self>, ix: &Rc<Interp>, cx: &Ctx) -> Option<PyResult<String>> {
        Some((|| {
            let items = ix.repr(cx, &Value::list(self.snapshot()))?;
            Ok(match self.maxlen {
                Some(m) => format!("deque({items}, maxlen={m})"),
                None => format!("deque({items})"),
            })
        })())
    }

    fn attr(self: Rc<Self>, name: &str) -> Option<Value> {
        match name {
            "maxlen" => Some(self.maxlen.map_or(Value::None, |m| Value::Int(m as i64))),
            _ => None,
        }
    }

    fn has_method(&self, name: &str) -> bool {
        METHODS.contains(&name)
    }

    fn call_method(
        self: Rc<Self>,
        ix: &Rc<Interp>,
        cx: &Ctx,
        name: &str,
        args: Args,
    ) -> Option<PyResult<Value>> {
        METHODS
            .contains(&name)
            .then(|| self.method(ix, cx, name, args))
    }

    fn iter(self: Rc<Self>, _ix: &Rc<Interp>, _cx: &Ctx) -> Option<PyResult<Value>> {
        Some(Ok(Value::Native(Rc::new(DequeIter {
            state: self.state.get(),
            deque: self,
            next: Cell::new(0),
        }))))
    }

    fn len(&self) -> Option<usize> {
        Some(self.items.borrow().len())
    }

    fn getitem(
        self: Rc<Self>,
        _ix: &Rc<Interp>,
        _cx: &Ctx,
        index: &Value,
    ) -> Option<PyResult<Value>> {
        Some(self.index_of(index).map(|i| self.items.borrow()[i].clone()))
    }

    fn setitem(
        self: Rc<Self>,
        _ix: &Rc<Interp>,
        _cx: &Ctx,
        index: &Value,
        v: Value,
    ) -> Option<PyResult<()>> {
        Some(self.index_of(index).map(|i| self.items.borrow_mut()[i] = v))
    }

    fn delitem(self: Rc<Self>, _ix: &Rc<Interp>, _cx: &Ctx, index: &Value) -> Option<PyResult<()>> {
        Some(self.index_of(index).map(|i| {
            self.mutated();
            self.items.borrow_mut().remove(i);
        }))
    }

    fn contains(self: Rc<Self>, ix: &Rc<Interp>, cx: &Ctx, x: &Value) -> Option<PyResult<bool>> {
        let len = self.items.borrow().len();
        Some(self.find(ix, cx, x, 0, len).map(|i| i.is_some()))
    }

    fn equals(self: Rc<Self>, ix: &Rc<Interp>, cx: &Ctx, other: &Value) -> Option<PyResult<bool>> {
        let Some(o) = downcast::<Deque>(other) else {
            return Some(Ok(false));
        };
        Some((|| {
            let (a, b) = (self.snapshot(), o.snapshot());
            if a.len() != b.len() {
                return Ok(false);
            }
            for (x, y) in a.iter().zip(&b) {
                if !ix.eq(cx, x, y)? {
                    return Ok(false);
                }
            }
            Ok(true)
        })())
    }

    fn binop(
        self: Rc<Self>,
        ix: &Rc<Interp>,
        cx: &Ctx,
        op: BinOp,
        other: &Value,
        reflected: bool,
    ) -> Option<PyResult<Value>> {
        match (op, reflected) {
            (BinOp::Add, false) => Some(match downcast::<Deque>(other) {
                Some(o) => self.copy().map(|d| {
                    d.extend(o.snapshot(), false);
                    Value::Native(d)
                }),
                None => Err(type_error(format!(
                    "can only concatenate deque (not \"{}\") to deque",
                    other.type_name()
                ))),
            }),
            (BinOp::Mul, _) => {
                let Value::Int(times) = other else {
                    return None;
                };
                Some((|| {
                    let items = self.snapshot();
                    let times = (*times).max(0) as usize;
                    let total = items.len().saturating_mul(times);
                    let kept = self.maxlen.map_or(total, |m| m.min(total));
                    budget::reserve(kept.saturating_mul(std::mem::size_of::<Value>()))?;
                    budget::charge_items(total)?;
                    let d = Rc::new(Deque {
                        items: RefCell::new(VecDeque::new()),
                        maxlen: self.maxlen,
                        state: Cell::new(0),
                    });
                    // Only the last `kept` items survive a maxlen.
                    let skip = total - kept;
                    for (k, v) in items.iter().cycle().take(total).enumerate() {
                        if k >= skip {
                            d.push(v.clone(), false);
                        }
                    }
                    let _ = (ix, cx);
                    Ok(Value::Native(d))
                })())
            }
            _ => None,
        }
    }

    fn inplace(
        self: Rc<Self>,
        ix: &Rc<Interp>,
        cx: &Ctx,
        op: BinOp,
        other: &Value,
    ) -> Option<PyResult<Value>> {
        Some(match op {
            // `d += iterable` is `d.extend(iterable)`.
            BinOp::Add => ix.iterate(cx, other).map(|items| {
                self.extend(items, false);
                Value::Native(self.clone())
            }),
            BinOp::Mul => match self.clone().binop(ix, cx, op, other, false)? {
                Ok(Value::Native(n)) => {
                    let repeated = downcast::<Deque>(&Value::Native(n))?;
                    self.mutated();
                    *self.items.borrow_mut() = repeated.items.take();
                    Ok(Value::Native(self))
                }
                other => other,
            },
            _ => return None,
        })
    }

    fn instance_of(&self, builtin: &str) -> bool {
        builtin == "collections.deque"
    }

    fn reversed_items(&self) -> Option<(&'static str, Vec<Value>)> {
        Some(("_collections._deque_reverse_iterator", self.snapshot()))
    }

    fn class_of(&self) -> Option<Value> {
        super::member("deque")
    }

    fn unhashable(&self) -> bool {
        true
    }
}

/// An iterator over a deque; it raises when the deque changes size.
struct DequeIter {
    deque: Rc<Deque>,
    state: u64,
    next: Cell<usize>,
}

impl Native for DequeIter {
    fn type_name(&self) -> &str {
        "_collections._deque_iterator"
    }

    fn is_iterator(&self) -> bool {
        true
    }

    fn next(self: Rc<Self>, _ix: &Rc<Interp>, _cx: &Ctx) -> Option<PyResult<Option<Value>>> {
        if self.deque.state.get() != self.state {
            return Some(Err(error("RuntimeError", "deque mutated during iteration")));
        }
        let i = self.next.get();
        let item = self.deque.items.borrow().get(i).cloned();
        if item.is_some() {
            self.next.set(i + 1);
        }
        Some(Ok(item))
    }
}
