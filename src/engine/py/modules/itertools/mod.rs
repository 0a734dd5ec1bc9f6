//! The `itertools` module, lazy as CPython 3.11's: each iterator computes
//! an item when asked, charges it to the run's step budget and asks the
//! memory budget before it keeps values, so `list(count())` ends with a
//! named limit. `grouping` holds `groupby` and `tee`, `combinatoric` the
//! products, permutations and combinations, `iterators` the others' states
//! and steps.

mod combinatoric;
mod grouping;
mod iterators;

use crate::engine::py::builtins::args::{bind, no_kw};
use crate::engine::py::types::exc::{PyResult, error, type_error, value_error};
use crate::engine::py::types::native::{Args, Native};
use crate::engine::py::types::value::Value;
use crate::engine::py::vm::interp::{Ctx, Frame, Interp};
use iterators::{It, St};
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
