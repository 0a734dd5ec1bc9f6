//! `groupby` and `tee`: iterators that share one source.

use super::exact;
use crate::engine::budget;
use crate::engine::py::builtins::args::bind;
use crate::engine::py::types::exc::{PyResult, type_error, value_error};
use crate::engine::py::types::native::{Args, Native};
use crate::engine::py::types::value::Value;
use crate::engine::py::vm::interp::{Ctx, Frame, Interp};
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

/// `groupby(iterable, key=None)`.
pub(super) fn groupby(ix: &Interp, f: &Frame, args: Args) -> PyResult<Value> {
    let b = bind(args, "groupby", &["iterable", "key"])?;
    let it = b[0]
        .clone()
        .ok_or_else(|| type_error("groupby() missing required argument 'iterable' (pos 1)"))?;
    Ok(Value::Native(Rc::new(GroupBy {
        it: ix.iter(f, &it)?,
        key: b[1].clone().filter(|k| !matches!(k, Value::None)),
        state: RefCell::new(Groups::default()),
        generation: Cell::new(0),
    })))
}

/// Where a `groupby` is in its source, as CPython's `groupbyobject`.
#[derive(Default)]
struct Groups {
    tgtkey: Option<Value>,
    currkey: Option<Value>,
    currvalue: Option<Value>,
}

/// `itertools.groupby`: yields `(key, group)`; advancing it ends the
/// group it gave before.
struct GroupBy {
    it: Value,
    key: Option<Value>,
    state: RefCell<Groups>,
    /// Which group is current: a group of another generation is over.
    generation: Cell<u64>,
}

impl GroupBy {
    /// Reads the next value and its key; `false` at the source's end.
    fn advance(&self, ix: &Interp, f: &Frame) -> PyResult<bool> {
        let Some(v) = ix.next(f, &self.it)? else {
            return Ok(false);
        };
        let k = match &self.key {
            Some(key) => ix.call(f, key, Args::positional(vec![v.clone()]))?,
            None => v.clone(),
        };
        let mut s = self.state.borrow_mut();
        s.currvalue = Some(v);
        s.currkey = Some(k);
        Ok(true)
    }

    fn step(self: Rc<Self>, ix: &Interp, f: &Frame) -> PyResult<Option<Value>> {
        self.generation.set(self.generation.get() + 1);
        loop {
            budget::charge(1)?;
            let (tgt, curr) = {
                let s = self.state.borrow();
                (s.tgtkey.clone(), s.currkey.clone())
            };
            match (tgt, curr) {
                (_, None) => {}
                (None, Some(_)) => break,
                (Some(t), Some(c)) => {
                    if !ix.eq(f, &t, &c)? {
                        break;
                    }
                }
            }
            if !self.advance(ix, f)? {
                return Ok(None);
            }
        }
        let key = {
            let mut s = self.state.borrow_mut();
            s.tgtkey = s.currkey.clone();
            s.tgtkey.clone().unwrap_or(Value::None)
        };
        let group = Value::Native(Rc::new(Grouper {
            parent: self.clone(),
            key: key.clone(),
            generation: self.generation.get(),
        }));
        Ok(Some(Value::tuple(vec![key, group])))
    }
}

impl Native for GroupBy {
    fn type_name(&self) -> &str {
        "itertools.groupby"
    }

    fn class_of(&self) -> Option<Value> {
        Some(Value::Builtin("itertools.groupby"))
    }

    fn repr(&self) -> String {
        format!(
            "<itertools.groupby object at {:#x}>",
            self as *const Self as usize
        )
    }

    fn is_iterator(&self) -> bool {
        true
    }

    fn next(self: Rc<Self>, ix: &Rc<Interp>, cx: &Ctx) -> Option<PyResult<Option<Value>>> {
        Some(self.step(ix, cx))
    }

    fn instance_of(&self, builtin: &str) -> bool {
        builtin == "itertools.groupby"
    }
}

/// One group of a `groupby`.
struct Grouper {
    parent: Rc<GroupBy>,
    key: Value,
    generation: u64,
}

impl Grouper {
    fn step(&self, ix: &Interp, f: &Frame) -> PyResult<Option<Value>> {
        budget::charge(1)?;
        let g = &self.parent;
        if g.generation.get() != self.generation {
            return Ok(None);
        }
        if g.state.borrow().currvalue.is_none() && !g.advance(ix, f)? {
            return Ok(None);
        }
        let curr = g.state.borrow().currkey.clone().unwrap_or(Value::None);
        if !ix.eq(f, &self.key, &curr)? {
            return Ok(None);
        }
        Ok(g.state.borrow_mut().currvalue.take())
    }
}

impl Native for Grouper {
    fn type_name(&self) -> &str {
        "itertools._grouper"
    }

    fn class_of(&self) -> Option<Value> {
        Some(Value::Builtin("itertools._grouper"))
    }

    fn repr(&self) -> String {
        format!(
            "<itertools._grouper object at {:#x}>",
            self as *const Self as usize
        )
    }

    fn is_iterator(&self) -> bool {
        true
    }

    fn next(self: Rc<Self>, ix: &Rc<Interp>, cx: &Ctx) -> Option<PyResult<Option<Value>>> {
        Some(self.step(ix, cx))
    }
}

/// `tee(iterable, n=2)`: a tuple of `n` iterators over one source.
pub(super) fn tee(ix: &Interp, f: &Frame, args: Args) -> PyResult<Value> {
    let n = args.pos.len();
    if !(1..=2).contains(&n) || !args.kw.is_empty() {
        crate::engine::py::builtins::args::no_kw(&args, "tee")?;
        return Err(type_error(if n < 1 {
            format!("tee expected at least 1 argument, got {n}")
        } else {
            format!("tee expected at most 2 arguments, got {n}")
        }));
    }
    let count = match args.pos.get(1) {
        None => 2,
        Some(v) => super::int_arg(v)?,
    };
    if count < 0 {
        return Err(value_error("n must be >= 0"));
    }
    let [source] = exact::<1>(Args::positional(vec![args.pos[0].clone()]), "tee", 1)?;
    let shared = Rc::new(TeeShared {
        it: ix.iter(f, &source)?,
        buffer: RefCell::new(VecDeque::new()),
        first: Cell::new(0),
        positions: RefCell::new(vec![0; count as usize]),
    });
    budget::reserve(count as usize * std::mem::size_of::<Value>())?;
    Ok(Value::tuple(
        (0..count as usize)
            .map(|i| {
                Value::Native(Rc::new(Tee {
                    shared: shared.clone(),
                    index: i,
                }))
            })
            .collect(),
    ))
}

/// The source of a `tee` and the items some of its iterators have not
/// read yet.
struct TeeShared {
    it: Value,
    buffer: RefCell<VecDeque<Value>>,
    /// The position of the buffer's first item in the source.
    first: Cell<usize>,
    /// How far each iterator has read.
    positions: RefCell<Vec<usize>>,
}

/// One iterator of a `tee`.
struct Tee {
    shared: Rc<TeeShared>,
    index: usize,
}

impl Tee {
    fn step(&self, ix: &Interp, f: &Frame) -> PyResult<Option<Value>> {
        budget::charge(1)?;
        let s = &self.shared;
        let pos = s.positions.borrow()[self.index];
        let at = pos - s.first.get();
        let buffered = s.buffer.borrow().get(at).cloned();
        let item = match buffered {
            Some(x) => x,
            None => {
                let Some(x) = ix.next(f, &s.it)? else {
                    return Ok(None);
                };
                budget::reserve(std::mem::size_of::<Value>() * 8)?;
                s.buffer.borrow_mut().push_back(x.clone());
                x
            }
        };
        s.positions.borrow_mut()[self.index] = pos + 1;
        // Items every iterator has read are dropped.
        let low = s.positions.borrow().iter().copied().min().unwrap_or(0);
        while s.first.get() < low {
            s.buffer.borrow_mut().pop_front();
            s.first.set(s.first.get() + 1);
        }
        Ok(Some(item))
    }
}

impl Native for Tee {
    fn type_name(&self) -> &str {
        "itertools._tee"
    }

    fn class_of(&self) -> Option<Value> {
        Some(Value::Builtin("itertools._tee"))
    }

    fn repr(&self) -> String {
        format!(
            "<itertools._tee object at {:#x}>",
            self as *const Self as usize
        )
    }

    fn is_iterator(&self) -> bool {
        true
    }

    fn next(self: Rc<Self>, ix: &Rc<Interp>, cx: &Ctx) -> Option<PyResult<Option<Value>>> {
        Some(self.step(ix, cx))
    }
}
