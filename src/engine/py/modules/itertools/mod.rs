//! The `itertools` module, lazy as CPython 3.11's: each iterator computes
//! an item when asked, charges it to the run's step budget and asks the
//! memory budget before it keeps values, so `list(count())` ends with a
//! named limit. `grouping` holds `groupby` and `tee`, `combinatoric` the
//! products, permutations and combinations.

mod combinatoric;
mod grouping;

use crate::engine::budget;
use crate::engine::py::builtins::args::{bind, no_kw};
use crate::engine::py::types::exc::{PyResult, error, type_error, value_error};
use crate::engine::py::types::native::{Args, Native};
use crate::engine::py::types::value::Value;
use crate::engine::py::vm::interp::{Ctx, Frame, Interp};
use crate::program::BinOp;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

/// Every iterator the module offers, by its qualified name.
const NAMES: &[&str] = &[
    "itertools.count",
    "itertools.cycle",
    "itertools.repeat",
    "itertools.accumulate",
    "itertools.chain",
    "itertools.compress",
    "itertools.dropwhile",
    "itertools.filterfalse",
    "itertools.groupby",
    "itertools.islice",
    "itertools.pairwise",
    "itertools.starmap",
    "itertools.takewhile",
    "itertools.tee",
    "itertools.zip_longest",
    "itertools.product",
    "itertools.permutations",
    "itertools.combinations",
    "itertools.combinations_with_replacement",
];

/// The qualified name of `itertools.name`, if the module has it.
fn qualified(name: &str) -> Option<&'static str> {
    NAMES
        .iter()
        .find(|q| q.strip_prefix("itertools.") == Some(name))
        .copied()
}

/// `itertools.name`.
pub fn member(name: &str) -> Option<Value> {
    if name == "chain" {
        return Some(chain_type());
    }
    qualified(name).map(Value::Builtin)
}

/// Calls `itertools.name(...)`.
pub fn call(ix: &Interp, f: &Frame, name: &str, args: Args) -> PyResult<Value> {
    let name = name.strip_prefix("itertools.").unwrap_or(name);
    let state = match name {
        "count" => count(args)?,
        "cycle" => {
            let [it] = exact(args, "cycle", 1)?;
            St::Cycle {
                it: Some(ix.iter(f, &it)?),
                saved: Vec::new(),
                i: 0,
            }
        }
        "repeat" => {
            let b = bind(args, "repeat", &["object", "times"])?;
            let v = b[0]
                .clone()
                .ok_or_else(|| type_error("repeat() missing required argument 'object' (pos 1)"))?;
            let left = match &b[1] {
                None => None,
                Some(t) => Some(int_arg(t)?.max(0)),
            };
            St::Repeat { v, left }
        }
        "accumulate" => {
            let b = bind(args, "accumulate", &["iterable", "func", "initial"])?;
            let it = b[0].clone().ok_or_else(|| {
                type_error("accumulate() missing required argument 'iterable' (pos 1)")
            })?;
            St::Accumulate {
                it: ix.iter(f, &it)?,
                func: b[1].clone().filter(|v| !matches!(v, Value::None)),
                total: None,
                initial: b[2].clone().filter(|v| !matches!(v, Value::None)),
            }
        }
        "compress" => {
            let b = bind(args, "compress", &["data", "selectors"])?;
            let (Some(data), Some(sel)) = (b[0].clone(), b[1].clone()) else {
                let which = if b[0].is_none() { "data" } else { "selectors" };
                let pos = if b[0].is_none() { 1 } else { 2 };
                return Err(type_error(format!(
                    "compress() missing required argument '{which}' (pos {pos})"
                )));
            };
            St::Compress {
                data: ix.iter(f, &data)?,
                sel: ix.iter(f, &sel)?,
            }
        }
        "dropwhile" | "takewhile" | "filterfalse" | "starmap" => {
            let [func, it] = exact(args, name, 2)?;
            let it = ix.iter(f, &it)?;
            match name {
                "dropwhile" => St::DropWhile {
                    pred: func,
                    it,
                    dropping: true,
                },
                "takewhile" => St::TakeWhile {
                    pred: func,
                    it: Some(it),
                },
                "filterfalse" => St::FilterFalse { pred: func, it },
                _ => St::StarMap { func, it },
            }
        }
        "islice" => islice(ix, f, args)?,
        "pairwise" => {
            let [it] = exact(args, "pairwise", 1)?;
            St::Pairwise {
                it: Some(ix.iter(f, &it)?),
                last: None,
            }
        }
        "zip_longest" => {
            let mut args = args;
            let fill = args.take_kw("fillvalue").unwrap_or(Value::None);
            if let Some((k, _)) = args.kw.first() {
                return Err(type_error(format!(
                    "zip_longest() got an unexpected keyword argument '{k}'"
                )));
            }
            let its = args
                .pos
                .iter()
                .map(|v| ix.iter(f, v).map(Some))
                .collect::<PyResult<Vec<_>>>()?;
            St::ZipLongest {
                active: its.len(),
                its,
                fill,
            }
        }
        "groupby" => return grouping::groupby(ix, f, args),
        "tee" => return grouping::tee(ix, f, args),
        _ => return combinatoric::call(ix, f, name, args),
    };
    Ok(It::value(name, state))
}

/// `count`'s arguments: numbers, the step defaulting to 1.
fn count(args: Args) -> PyResult<St> {
    let b = bind(args, "count", &["start", "step"])?;
    let start = b[0].clone().unwrap_or(Value::Int(0));
    let step = b[1].clone().unwrap_or(Value::Int(1));
    for v in [&start, &step] {
        if !matches!(
            v,
            Value::Int(_) | Value::BigInt(_) | Value::Float(_) | Value::Bool(_)
        ) {
            return Err(type_error("a number is required"));
        }
    }
    Ok(St::Count { next: start, step })
}

/// `islice(it, stop)` or `islice(it, start, stop[, step])`.
fn islice(ix: &Interp, f: &Frame, args: Args) -> PyResult<St> {
    no_kw(&args, "islice")?;
    let n = args.pos.len();
    if !(2..=4).contains(&n) {
        let message = if n < 2 {
            format!("islice expected at least 2 arguments, got {n}")
        } else {
            format!("islice expected at most 4 arguments, got {n}")
        };
        return Err(type_error(message));
    }
    let index = |v: &Value, message: &str| -> PyResult<Option<usize>> {
        match v {
            Value::None => Ok(None),
            Value::Int(i) if *i >= 0 => Ok(Some(*i as usize)),
            Value::Bool(b) => Ok(Some(*b as usize)),
            _ => Err(value_error(message)),
        }
    };
    const STOP: &str =
        "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    const INDICES: &str = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    let (start, stop, step) = if n == 2 {
        (0, index(&args.pos[1], STOP)?, 1)
    } else {
        let start = index(&args.pos[1], INDICES)?.unwrap_or(0);
        let stop = index(&args.pos[2], INDICES)?;
        let step = match args.pos.get(3) {
            None | Some(Value::None) => 1,
            Some(Value::Int(s)) if *s > 0 => *s as usize,
            Some(Value::Int(_)) | Some(Value::Bool(_)) => {
                return Err(value_error(
                    "Step for islice() must be a positive integer or None.",
                ));
            }
            Some(_) => return Err(value_error(INDICES)),
        };
        (start, stop, step)
    };
    Ok(St::ISlice {
        it: Some(ix.iter(f, &args.pos[0])?),
        next: start,
        stop,
        step,
        consumed: 0,
    })
}

/// Exactly `N` positional arguments, no keywords.
fn exact<const N: usize>(args: Args, name: &str, _n: usize) -> PyResult<[Value; N]> {
    no_kw(&args, name)?;
    let given = args.pos.len();
    <[Value; N]>::try_from(args.pos).map_err(|_| {
        let s = if N == 1 { "" } else { "s" };
        type_error(format!("{name} expected {N} argument{s}, got {given}"))
    })
}

/// An int argument.
pub(super) fn int_arg(v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::BigInt(_) => Err(error(
            "OverflowError",
            "Python int too large to convert to C ssize_t",
        )),
        other => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            other.type_name()
        ))),
    }
}

/// `itertools.chain`: callable, with `chain.from_iterable`.
struct ChainType;

/// The one `itertools.chain` class, so that `type(c) is itertools.chain`.
fn chain_type() -> Value {
    thread_local! {
        static CHAIN: Rc<ChainType> = Rc::new(ChainType);
    }
    Value::Native(CHAIN.with(Rc::clone))
}

impl Native for ChainType {
    fn type_name(&self) -> &str {
        "type"
    }

    fn repr(&self) -> String {
        "<class 'itertools.chain'>".into()
    }

    fn class_name(&self) -> Option<&'static str> {
        Some("itertools.chain")
    }

    fn has_method(&self, name: &str) -> bool {
        name == "from_iterable"
    }

    fn call_method(
        self: Rc<Self>,
        ix: &Rc<Interp>,
        cx: &Ctx,
        name: &str,
        args: Args,
    ) -> Option<PyResult<Value>> {
        (name == "from_iterable").then(|| {
            let [source] = exact(args, "chain.from_iterable", 1)?;
            Ok(It::value(
                "chain",
                St::Chain {
                    sources: None,
                    from: Some(ix.iter(cx, &source)?),
                    current: None,
                },
            ))
        })
    }

    fn is_callable(&self) -> bool {
        true
    }

    fn call(self: Rc<Self>, _ix: &Rc<Interp>, _cx: &Ctx, args: Args) -> Option<PyResult<Value>> {
        if let Err(e) = no_kw(&args, "chain") {
            return Some(Err(e));
        }
        Some(Ok(It::value(
            "chain",
            St::Chain {
                sources: Some(args.pos.into()),
                from: None,
                current: None,
            },
        )))
    }
}

/// What an itertools iterator holds between items.
enum St {
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
struct It {
    name: &'static str,
    st: RefCell<St>,
}

impl It {
    fn value(name: &str, st: St) -> Value {
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
