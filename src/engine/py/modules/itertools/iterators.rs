//! The lazy iterators `itertools` makes beside `groupby`, `tee` and the
//! combinatoric ones: each one's state between items and how it computes
//! the next, charged to the run's step budget.

use super::{chain_type, qualified};

use crate::engine::budget;
use crate::engine::py::types::exc::PyResult;
use crate::engine::py::types::native::{Args, Native};
use crate::engine::py::types::value::Value;
use crate::engine::py::vm::interp::{Ctx, Frame, Interp};
use crate::program::BinOp;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

/// What an itertools iterator holds between items.
pub(super) enum St {
    Count {
        next: Value,
        step: Value,
    },
    Cycle {
        it: Option<Value>,
        saved: Vec<Value>,
        i: usize,
    },
    Repeat {
        v: Value,
        left: Option<i64>,
    },
    Accumulate {
        it: Value,
        func: Option<Value>,
        total: Option<Value>,
        initial: Option<Value>,
    },
    Chain {
        /// `chain(a, b)`'s iterables not yet started.
        sources: Option<VecDeque<Value>>,
        /// `chain.from_iterable(x)`'s iterator of iterables.
        from: Option<Value>,
        current: Option<Value>,
    },
    Compress {
        data: Value,
        sel: Value,
    },
    DropWhile {
        pred: Value,
        it: Value,
        dropping: bool,
    },
    TakeWhile {
        pred: Value,
        it: Option<Value>,
    },
    FilterFalse {
        pred: Value,
        it: Value,
    },
    StarMap {
        func: Value,
        it: Value,
    },
    ISlice {
        it: Option<Value>,
        next: usize,
        stop: Option<usize>,
        step: usize,
        consumed: usize,
    },
    Pairwise {
        it: Option<Value>,
        last: Option<Value>,
    },
    ZipLongest {
        its: Vec<Option<Value>>,
        active: usize,
        fill: Value,
    },
}

/// An itertools iterator: its qualified name and state.
pub(super) struct It {
    name: &'static str,
    st: RefCell<St>,
}

impl It {
    /// A new iterator, named by its qualified name.
    pub(super) fn value(name: &str, st: St) -> Value {
        let name = qualified(name).unwrap_or("itertools.chain");
        Value::Native(Rc::new(It {
            name,
            st: RefCell::new(st),
        }))
    }

    /// The next item. The state is never borrowed across a call into the
    /// program (a predicate may use the iterator itself).
    fn step(&self, ix: &Interp, f: &Frame) -> PyResult<Option<Value>> {
        budget::charge(1)?;
        // The state's handles, taken out so no borrow spans a call.
        let kind = {
            let st = self.st.borrow();
            match &*st {
                St::Count { next, step } => Kind::Count(next.clone(), step.clone()),
                St::Cycle { it, .. } => Kind::Cycle(it.clone()),
                St::Repeat { v, left } => Kind::Repeat(v.clone(), *left),
                St::Accumulate {
                    it,
                    func,
                    total,
                    initial,
                } => Kind::Accumulate(it.clone(), func.clone(), total.clone(), initial.clone()),
                St::Chain { .. } => Kind::Chain,
                St::Compress { data, sel } => Kind::Compress(data.clone(), sel.clone()),
                St::DropWhile { pred, it, dropping } => {
                    Kind::DropWhile(pred.clone(), it.clone(), *dropping)
                }
                St::TakeWhile { pred, it } => Kind::TakeWhile(pred.clone(), it.clone()),
                St::FilterFalse { pred, it } => Kind::FilterFalse(pred.clone(), it.clone()),
                St::StarMap { func, it } => Kind::StarMap(func.clone(), it.clone()),
                St::ISlice { .. } => Kind::ISlice,
                St::Pairwise { it, last } => Kind::Pairwise(it.clone(), last.clone()),
                St::ZipLongest { .. } => Kind::ZipLongest,
            }
        };
        match kind {
            Kind::Count(next, step) => {
                let after = ix.binop(f, BinOp::Add, &next, &step, false)?;
                if let St::Count { next, .. } = &mut *self.st.borrow_mut() {
                    *next = after;
                }
                Ok(Some(next))
            }
            Kind::Cycle(Some(it)) => match ix.next(f, &it)? {
                Some(x) => {
                    budget::reserve(std::mem::size_of::<Value>() * 8)?;
                    if let St::Cycle { saved, .. } = &mut *self.st.borrow_mut() {
                        saved.push(x.clone());
                    }
                    Ok(Some(x))
                }
                None => {
                    if let St::Cycle { it, .. } = &mut *self.st.borrow_mut() {
                        *it = None;
                    }
                    self.cycle_saved()
                }
            },
            Kind::Cycle(None) => self.cycle_saved(),
            Kind::Repeat(v, left) => match left {
                Some(0) => Ok(None),
                Some(n) => {
                    if let St::Repeat { left, .. } = &mut *self.st.borrow_mut() {
                        *left = Some(n - 1);
                    }
                    Ok(Some(v))
                }
                None => Ok(Some(v)),
            },
            Kind::Accumulate(it, func, total, initial) => {
                if let Some(first) = initial {
                    if let St::Accumulate { total, initial, .. } = &mut *self.st.borrow_mut() {
                        *total = Some(first.clone());
                        *initial = None;
                    }
                    return Ok(Some(first));
                }
                let Some(x) = ix.next(f, &it)? else {
                    return Ok(None);
                };
                let now = match total {
                    None => x,
                    Some(t) => match &func {
                        None => ix.binop(f, BinOp::Add, &t, &x, false)?,
                        Some(func) => ix.call(f, func, Args::positional(vec![t, x]))?,
                    },
                };
                if let St::Accumulate { total, .. } = &mut *self.st.borrow_mut() {
                    *total = Some(now.clone());
                }
                Ok(Some(now))
            }
            Kind::Chain => self.chain_step(ix, f),
            Kind::Compress(data, sel) => loop {
                let Some(d) = ix.next(f, &data)? else {
                    return Ok(None);
                };
                let Some(s) = ix.next(f, &sel)? else {
                    return Ok(None);
                };
                if ix.truthy(f, &s)? {
                    return Ok(Some(d));
                }
                budget::charge(1)?;
            },
            Kind::DropWhile(pred, it, dropping) => loop {
                let Some(x) = ix.next(f, &it)? else {
                    return Ok(None);
                };
                if !dropping {
                    return Ok(Some(x));
                }
                let r = ix.call(f, &pred, Args::positional(vec![x.clone()]))?;
                if !ix.truthy(f, &r)? {
                    if let St::DropWhile { dropping, .. } = &mut *self.st.borrow_mut() {
                        *dropping = false;
                    }
                    return Ok(Some(x));
                }
                budget::charge(1)?;
            },
            Kind::TakeWhile(pred, Some(it)) => {
                let Some(x) = ix.next(f, &it)? else {
                    return Ok(None);
                };
                let r = ix.call(f, &pred, Args::positional(vec![x.clone()]))?;
                if ix.truthy(f, &r)? {
                    return Ok(Some(x));
                }
                if let St::TakeWhile { it, .. } = &mut *self.st.borrow_mut() {
                    *it = None;
                }
                Ok(None)
            }
            Kind::TakeWhile(_, None) => Ok(None),
            Kind::FilterFalse(pred, it) => loop {
                let Some(x) = ix.next(f, &it)? else {
                    return Ok(None);
                };
                let keep = match &pred {
                    Value::None => x.clone(),
                    p => ix.call(f, p, Args::positional(vec![x.clone()]))?,
                };
                if !ix.truthy(f, &keep)? {
                    return Ok(Some(x));
                }
                budget::charge(1)?;
            },
            Kind::StarMap(func, it) => {
                let Some(x) = ix.next(f, &it)? else {
                    return Ok(None);
                };
                let args = ix.iterate(f, &x)?;
                ix.call(f, &func, Args::positional(args)).map(Some)
            }
            Kind::ISlice => self.islice_step(ix, f),
            Kind::Pairwise(Some(it), last) => {
                let last = match last {
                    Some(l) => l,
                    None => match ix.next(f, &it)? {
                        Some(x) => x,
                        None => return Ok(self.pairwise_end()),
                    },
                };
                let Some(x) = ix.next(f, &it)? else {
                    return Ok(self.pairwise_end());
                };
                if let St::Pairwise { last, .. } = &mut *self.st.borrow_mut() {
                    *last = Some(x.clone());
                }
                Ok(Some(Value::tuple(vec![last, x])))
            }
            Kind::Pairwise(None, _) => Ok(None),
            Kind::ZipLongest => self.zip_longest_step(ix, f),
        }
    }

    fn pairwise_end(&self) -> Option<Value> {
        if let St::Pairwise { it, last } = &mut *self.st.borrow_mut() {
            *it = None;
            *last = None;
        }
        None
    }

    fn cycle_saved(&self) -> PyResult<Option<Value>> {
        let mut st = self.st.borrow_mut();
        let St::Cycle { saved, i, .. } = &mut *st else {
            return Ok(None);
        };
        if saved.is_empty() {
            return Ok(None);
        }
        let x = saved[*i % saved.len()].clone();
        *i = (*i + 1) % saved.len();
        Ok(Some(x))
    }

    fn chain_step(&self, ix: &Interp, f: &Frame) -> PyResult<Option<Value>> {
        loop {
            let (current, from) = match &*self.st.borrow() {
                St::Chain { current, from, .. } => (current.clone(), from.clone()),
                _ => return Ok(None),
            };
            if let Some(cur) = current {
                if let Some(x) = ix.next(f, &cur)? {
                    return Ok(Some(x));
                }
                if let St::Chain { current, .. } = &mut *self.st.borrow_mut() {
                    *current = None;
                }
            }
            let source = match from {
                Some(from) => ix.next(f, &from)?,
                None => match &mut *self.st.borrow_mut() {
                    St::Chain {
                        sources: Some(s), ..
                    } => s.pop_front(),
                    _ => None,
                },
            };
            let Some(source) = source else {
                return Ok(None);
            };
            let it = ix.iter(f, &source)?;
            if let St::Chain { current, .. } = &mut *self.st.borrow_mut() {
                *current = Some(it);
            }
            budget::charge(1)?;
        }
    }

    fn islice_step(&self, ix: &Interp, f: &Frame) -> PyResult<Option<Value>> {
        let (it, next, stop, step, mut consumed) = match &*self.st.borrow() {
            St::ISlice {
                it: Some(it),
                next,
                stop,
                step,
                consumed,
            } => (it.clone(), *next, *stop, *step, *consumed),
            _ => return Ok(None),
        };
        let end = |this: &It| {
            if let St::ISlice { it, .. } = &mut *this.st.borrow_mut() {
                *it = None;
            }
            Ok(None)
        };
        while consumed < next {
            if ix.next(f, &it)?.is_none() {
                return end(self);
            }
            consumed += 1;
            if let St::ISlice { consumed: c, .. } = &mut *self.st.borrow_mut() {
                *c = consumed;
            }
            budget::charge(1)?;
        }
        if stop.is_some_and(|s| consumed >= s) {
            return end(self);
        }
        let Some(x) = ix.next(f, &it)? else {
            return end(self);
        };
        if let St::ISlice {
            next: n,
            consumed: c,
            ..
        } = &mut *self.st.borrow_mut()
        {
            *c = consumed + 1;
            let after = next.saturating_add(step);
            *n = match stop {
                Some(s) if after > s => s,
                _ => after,
            };
        }
        Ok(Some(x))
    }

    fn zip_longest_step(&self, ix: &Interp, f: &Frame) -> PyResult<Option<Value>> {
        let (its, active, fill) = match &*self.st.borrow() {
            St::ZipLongest { its, active, fill } => (its.clone(), *active, fill.clone()),
            _ => return Ok(None),
        };
        if its.is_empty() || active == 0 {
            return Ok(None);
        }
        let mut out = Vec::with_capacity(its.len());
        let mut active = active;
        for (k, it) in its.iter().enumerate() {
            let item = match it {
                None => fill.clone(),
                Some(it) => match ix.next(f, it)? {
                    Some(x) => x,
                    None => {
                        active -= 1;
                        if active == 0 {
                            if let St::ZipLongest { active: a, .. } = &mut *self.st.borrow_mut() {
                                *a = 0;
                            }
                            return Ok(None);
                        }
                        if let St::ZipLongest { its, active: a, .. } = &mut *self.st.borrow_mut() {
                            its[k] = None;
                            *a = active;
                        }
                        fill.clone()
                    }
                },
            };
            out.push(item);
        }
        Ok(Some(Value::tuple(out)))
    }
}

/// The handles of a state, cloned out of its cell.
enum Kind {
    Count(Value, Value),
    Cycle(Option<Value>),
    Repeat(Value, Option<i64>),
    Accumulate(Value, Option<Value>, Option<Value>, Option<Value>),
    Chain,
    Compress(Value, Value),
    DropWhile(Value, Value, bool),
    TakeWhile(Value, Option<Value>),
    FilterFalse(Value, Value),
    StarMap(Value, Value),
    ISlice,
    Pairwise(Option<Value>, Option<Value>),
    ZipLongest,
}

impl Native for It {
    fn type_name(&self) -> &str {
        self.name
    }

    fn repr(&self) -> String {
        format!(
            "<{} object at {:#x}>",
            self.type_name(),
            self as *const It as usize
        )
    }

    fn repr_in(self: Rc<Self>, ix: &Rc<Interp>, cx: &Ctx) -> Option<PyResult<String>> {
        let st = self.st.borrow();
        match &*st {
            St::Count { next, step } => {
                let (next, step) = (next.clone(), step.clone());
                drop(st);
                Some((|| {
                    let start = ix.repr(cx, &next)?;
                    Ok(if matches!(step, Value::Int(1)) {
                        format!("count({start})")
                    } else {
                        format!("count({start}, {})", ix.repr(cx, &step)?)
                    })
                })())
            }
            St::Repeat { v, left } => {
                let (v, left) = (v.clone(), *left);
                drop(st);
                Some(ix.repr(cx, &v).map(|r| match left {
                    Some(n) => format!("repeat({r}, {n})"),
                    None => format!("repeat({r})"),
                }))
            }
            _ => None,
        }
    }

    fn is_iterator(&self) -> bool {
        true
    }

    fn next(self: Rc<Self>, ix: &Rc<Interp>, cx: &Ctx) -> Option<PyResult<Option<Value>>> {
        Some(self.step(ix, cx))
    }

    fn instance_of(&self, builtin: &str) -> bool {
        builtin == self.name
    }

    fn class_of(&self) -> Option<Value> {
        Some(match self.name {
            "itertools.chain" => chain_type(),
            name => Value::Builtin(name),
        })
    }
}
