//! `product`, `permutations`, `combinations` and
//! `combinations_with_replacement`: their pools are read when made, as
//! CPython reads them, and each tuple is built when asked for.

use super::int_arg;
use crate::engine::budget;
use crate::engine::py::builtins::args::bind;
use crate::engine::py::types::exc::{PyResult, type_error, value_error};
use crate::engine::py::types::native::{Args, Native};
use crate::engine::py::types::value::Value;
use crate::engine::py::vm::interp::{Ctx, Frame, Interp};
use std::cell::RefCell;
use std::rc::Rc;

/// Which combinatoric iterator.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    Product,
    Permutations,
    Combinations,
    WithReplacement,
}

/// Calls one of them.
pub(super) fn call(ix: &Interp, f: &Frame, name: &str, mut args: Args) -> PyResult<Value> {
    let (shape, pools, r) = match name {
        "product" => {
            let repeat = match args.take_kw("repeat") {
                Some(v) => int_arg(&v)?,
                None => 1,
            };
            if let Some((k, _)) = args.kw.first() {
                return Err(type_error(format!(
                    "product() got an unexpected keyword argument '{k}'"
                )));
            }
            if repeat < 0 {
                return Err(value_error("repeat argument cannot be negative"));
            }
            let mut pools = Vec::new();
            for v in &args.pos {
                pools.push(ix.iterate(f, v)?);
            }
            let total: usize = pools.iter().map(Vec::len).sum();
            let bytes = total
                .saturating_mul(repeat as usize)
                .saturating_mul(std::mem::size_of::<Value>());
            budget::reserve(bytes)?;
            budget::charge_items(total.saturating_mul(repeat as usize))?;
            let mut all = Vec::with_capacity(pools.len() * repeat as usize);
            for _ in 0..repeat {
                all.extend(pools.iter().cloned());
            }
            (Shape::Product, all, 0)
        }
        "permutations" => {
            let b = bind(args, "permutations", &["iterable", "r"])?;
            let it = b[0].clone().ok_or_else(|| {
                type_error("permutations() missing required argument 'iterable' (pos 1)")
            })?;
            let pool = ix.iterate(f, &it)?;
            let r = match &b[1] {
                None | Some(Value::None) => pool.len() as i64,
                Some(v) => match v {
                    Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => int_arg(v)?,
                    _ => return Err(type_error("Expected int as r")),
                },
            };
            if r < 0 {
                return Err(value_error("r must be non-negative"));
            }
            (Shape::Permutations, vec![pool], r as usize)
        }
        _ => {
            let shape = if name == "combinations" {
                Shape::Combinations
            } else {
                Shape::WithReplacement
            };
            let b = bind(args, name, &["iterable", "r"])?;
            let Some(it) = b[0].clone() else {
                return Err(type_error(format!(
                    "{name}() missing required argument 'iterable' (pos 1)"
                )));
            };
            let Some(r) = b[1].clone() else {
                return Err(type_error(format!(
                    "{name}() missing required argument 'r' (pos 2)"
                )));
            };
            let r = int_arg(&r)?;
            let pool = ix.iterate(f, &it)?;
            if r < 0 {
                return Err(value_error("r must be non-negative"));
            }
            (shape, vec![pool], r as usize)
        }
    };
    let n = pools.first().map_or(0, Vec::len);
    let r_fits = match shape {
        Shape::Product => true,
        Shape::Permutations | Shape::Combinations => r <= n,
        Shape::WithReplacement => n > 0 || r == 0,
    };
    let indices = match shape {
        Shape::Product => vec![0; pools.len()],
        Shape::Permutations => (0..n).collect(),
        Shape::Combinations => (0..r.min(n)).collect(),
        Shape::WithReplacement => vec![0; r],
    };
    let cycles = if shape == Shape::Permutations && r_fits {
        (0..r).map(|i| n - i).collect()
    } else {
        Vec::new()
    };
    let empty_pool = shape == Shape::Product && pools.iter().any(Vec::is_empty);
    Ok(Value::Native(Rc::new(Combinatoric {
        shape,
        pools,
        r,
        state: RefCell::new(State {
            indices,
            cycles,
            started: false,
            done: !r_fits || empty_pool,
        }),
    })))
}

struct State {
    indices: Vec<usize>,
    /// `permutations`' countdowns, as in the pure-Python equivalent.
    cycles: Vec<usize>,
    started: bool,
    done: bool,
}

/// One of the four iterators.
struct Combinatoric {
    shape: Shape,
    pools: Vec<Vec<Value>>,
    r: usize,
    state: RefCell<State>,
}

impl Combinatoric {
    fn step(&self) -> PyResult<Option<Value>> {
        let mut st = self.state.borrow_mut();
        if st.done {
            return Ok(None);
        }
        budget::charge(1)?;
        let width = match self.shape {
            Shape::Product => self.pools.len(),
            _ => self.r,
        };
        budget::reserve(width.saturating_mul(std::mem::size_of::<Value>()) + 64)?;
        budget::charge_items(width)?;
        if st.started && !self.advance(&mut st) {
            st.done = true;
            return Ok(None);
        }
        st.started = true;
        let pool = self.pools.first();
        let items = match self.shape {
            Shape::Product => st
                .indices
                .iter()
                .zip(&self.pools)
                .map(|(i, p)| p[*i].clone())
                .collect(),
            _ => {
                let pool = pool.map(Vec::as_slice).unwrap_or(&[]);
                st.indices[..self.r]
                    .iter()
                    .map(|i| pool[*i].clone())
                    .collect()
            }
        };
        Ok(Some(Value::tuple(items)))
    }

    /// Moves the indices to the next tuple; `false` after the last.
    fn advance(&self, st: &mut State) -> bool {
        let n = self.pools.first().map_or(0, Vec::len);
        let r = self.r;
        match self.shape {
            Shape::Product => {
                for i in (0..self.pools.len()).rev() {
                    st.indices[i] += 1;
                    if st.indices[i] < self.pools[i].len() {
                        return true;
                    }
                    st.indices[i] = 0;
                }
                false
            }
            Shape::Combinations => {
                let Some(i) = (0..r).rev().find(|&i| st.indices[i] != i + n - r) else {
                    return false;
                };
                st.indices[i] += 1;
                for j in i + 1..r {
                    st.indices[j] = st.indices[j - 1] + 1;
                }
                true
            }
            Shape::WithReplacement => {
                let Some(i) = (0..r).rev().find(|&i| st.indices[i] != n - 1) else {
                    return false;
                };
                let v = st.indices[i] + 1;
                for j in i..r {
                    st.indices[j] = v;
                }
                true
            }
            Shape::Permutations => {
                for i in (0..r).rev() {
                    st.cycles[i] -= 1;
                    if st.cycles[i] == 0 {
                        let moved = st.indices.remove(i);
                        st.indices.push(moved);
                        st.cycles[i] = n - i;
                    } else {
                        let j = st.cycles[i];
                        st.indices.swap(i, n - j);
                        return true;
                    }
                }
                false
            }
        }
    }
}

impl Combinatoric {
    fn class(&self) -> &'static str {
        match self.shape {
            Shape::Product => "itertools.product",
            Shape::Permutations => "itertools.permutations",
            Shape::Combinations => "itertools.combinations",
            Shape::WithReplacement => "itertools.combinations_with_replacement",
        }
    }
}

impl Native for Combinatoric {
    fn type_name(&self) -> &str {
        self.class()
    }

    fn class_of(&self) -> Option<Value> {
        Some(Value::Builtin(self.class()))
    }

    fn repr(&self) -> String {
        format!(
            "<{} object at {:#x}>",
            self.type_name(),
            self as *const Self as usize
        )
    }

    fn is_iterator(&self) -> bool {
        true
    }

    fn next(self: Rc<Self>, _ix: &Rc<Interp>, _cx: &Ctx) -> Option<PyResult<Option<Value>>> {
        Some(self.step())
    }

    fn instance_of(&self, builtin: &str) -> bool {
        builtin == self.type_name()
    }
}
