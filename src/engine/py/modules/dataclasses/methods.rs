//! The methods `@dataclass` makes (`__init__`, `__repr__`, `__eq__`, the
//! orderings, `__hash__`, and a frozen class's `__setattr__`/`__delattr__`),
//! as `Lib/dataclasses.py` writes them.

use super::FieldSpec;
use crate::engine::py::types::exc::{PyResult, error, type_error};
use crate::engine::py::types::native::{Args, Native};
use crate::engine::py::types::value::{Value, is_same};
use crate::engine::py::vm::interp::{Frame, Interp};
use crate::program::CmpOp;
use std::rc::Rc;

/// A method `@dataclass` made.
#[derive(Clone, Copy)]
pub(super) enum Kind {
    Init,
    Repr,
    Eq,
    Order(CmpOp),
    Hash,
    /// `__setattr__`/`__delattr__` of a frozen class.
    Frozen,
}

pub(super) struct Method {
    pub(super) kind: Kind,
    pub(super) fields: Rc<Vec<FieldSpec>>,
}

impl Native for Method {
    fn type_name(&self) -> &str {
        "function"
    }

    fn is_callable(&self) -> bool {
        true
    }

    fn binds(&self) -> bool {
        true
    }

    fn call(
        self: Rc<Self>,
        ix: &Rc<Interp>,
        cx: &Frame,
        mut args: Args,
    ) -> Option<PyResult<Value>> {
        if args.pos.is_empty() {
            return Some(Err(type_error("a dataclass method needs its instance")));
        }
        let this = args.pos.remove(0);
        Some(match self.kind {
            Kind::Init => self.init(ix, cx, &this, args),
            Kind::Repr => self.repr(ix, cx, &this),
            Kind::Eq => self.eq(ix, cx, &this, args.pos.first()),
            Kind::Order(op) => self.order(ix, cx, op, &this, args.pos.first()),
            Kind::Hash => {
                let key = self.values(ix, cx, &this, |fd| fd.compare);
                key.and_then(|k| {
                    ix.call(
                        cx,
                        &Value::Builtin("hash"),
                        Args::positional(vec![Value::tuple(k)]),
                    )
                })
            }
            Kind::Frozen => {
                let name = match args.pos.first() {
                    Some(Value::Str(s)) => s.clone(),
                    _ => Rc::from("?"),
                };
                let verb = if args.pos.len() > 1 {
                    "assign to"
                } else {
                    "delete"
                };
                Err(error(
                    "FrozenInstanceError",
                    format!("cannot {verb} field '{name}'"),
                ))
            }
        })
    }
}

impl Method {
    /// The values of the fields `pick` keeps, in order.
    fn values(
        &self,
        ix: &Interp,
        f: &Frame,
        this: &Value,
        pick: impl Fn(&FieldSpec) -> bool,
    ) -> PyResult<Vec<Value>> {
        self.fields
            .iter()
            .filter(|fd| !fd.init_var && pick(fd))
            .map(|fd| ix.getattr(f, this, &fd.name))
            .collect()
    }

    /// `__init__`: binds the arguments to the fields as CPython's
    /// generated signature does, then calls `__post_init__`.
    fn init(&self, ix: &Interp, f: &Frame, this: &Value, args: Args) -> PyResult<Value> {
        let Value::Instance(inst) = this else {
            return Err(type_error("__init__ needs an instance"));
        };
        let init: Vec<&FieldSpec> = self.fields.iter().filter(|x| x.init).collect();
        let positional: Vec<&&FieldSpec> = init.iter().filter(|x| !x.kw_only()).collect();
        let fname = format!("{}.__init__", inst.class.qualname);
        if args.pos.len() > positional.len() {
            let max = positional.len() + 1;
            let min = 1 + positional
                .iter()
                .filter(|x| x.default.is_none() && x.factory.is_none())
                .count();
            let takes = if min == max {
                format!("{max}")
            } else {
                format!("from {min} to {max}")
            };
            return Err(type_error(format!(
                "{fname}() takes {takes} positional argument{} but {} were given",
                if max == 1 && min == max { "" } else { "s" },
                args.pos.len() + 1
            )));
        }
        let mut given: Vec<Option<Value>> = vec![None; init.len()];
        for (i, v) in args.pos.into_iter().enumerate() {
            let slot = init
                .iter()
                .position(|x| x.name == positional[i].name)
                .expect("a positional field");
            given[slot] = Some(v);
        }
        for (k, v) in args.kw {
            let Some(slot) = init.iter().position(|x| x.name == k) else {
                return Err(type_error(format!(
                    "{fname}() got an unexpected keyword argument '{k}'"
                )));
            };
            if given[slot].is_some() {
                return Err(type_error(format!(
                    "{fname}() got multiple values for argument '{k}'"
                )));
            }
            given[slot] = Some(v);
        }
        for kw in [false, true] {
            let missing: Vec<String> = init
                .iter()
                .zip(&given)
                .filter(|(fd, g)| {
                    g.is_none()
                        && fd.kw_only() == kw
                        && fd.default.is_none()
                        && fd.factory.is_none()
                })
                .map(|(fd, _)| format!("'{}'", fd.name))
                .collect();
            if !missing.is_empty() {
                let names = match missing.len() {
                    1 => missing[0].clone(),
                    2 => format!("{} and {}", missing[0], missing[1]),
                    n => format!("{}, and {}", missing[..n - 1].join(", "), missing[n - 1]),
                };
                return Err(type_error(format!(
                    "{fname}() missing {} required {} argument{}: {names}",
                    missing.len(),
                    if kw { "keyword-only" } else { "positional" },
                    if missing.len() == 1 { "" } else { "s" }
                )));
            }
        }
        let mut post_args = vec![this.clone()];
        for fd in self.fields.iter() {
            let v = match init.iter().position(|x| x.name == fd.name) {
                Some(slot) if given[slot].is_some() => given[slot].take(),
                _ => match (&fd.default, &fd.factory) {
                    (Some(d), _) => Some(d.clone()),
                    (None, Some(factory)) => Some(ix.call(f, factory, Args::default())?),
                    (None, None) => None,
                },
            };
            match v {
                Some(v) if fd.init_var => post_args.push(v),
                Some(v) => inst.set_attr(fd.name.clone(), v),
                None => {}
            }
        }
        if let Some(post) = inst.class.lookup("__post_init__") {
            ix.call(f, &post, Args::positional(post_args))?;
        }
        Ok(Value::None)
    }

    /// `__repr__`: `Point(x=1, y=2)`.
    fn repr(&self, ix: &Interp, f: &Frame, this: &Value) -> PyResult<Value> {
        let Value::Instance(inst) = this else {
            return Ok(Value::str(&this.repr()));
        };
        let mut parts = Vec::new();
        for fd in self.fields.iter().filter(|x| x.repr && !x.init_var) {
            let v = ix.getattr(f, this, &fd.name)?;
            parts.push(format!("{}={}", fd.name, ix.repr(f, &v)?));
        }
        Ok(Value::str(&format!(
            "{}({})",
            inst.class.qualname,
            parts.join(", ")
        )))
    }

    fn same_class(this: &Value, other: &Value) -> bool {
        match (this, other) {
            (Value::Instance(a), Value::Instance(b)) => Rc::ptr_eq(&a.class, &b.class),
            _ => false,
        }
    }

    /// `__eq__`: the compared fields as tuples, for instances of one class.
    fn eq(&self, ix: &Interp, f: &Frame, this: &Value, other: Option<&Value>) -> PyResult<Value> {
        let Some(other) = other else {
            return Err(type_error("__eq__ expected 1 argument"));
        };
        if is_same(this, other) {
            return Ok(Value::Bool(true));
        }
        if !Self::same_class(this, other) {
            return Ok(Value::Bool(false));
        }
        let a = self.values(ix, f, this, |fd| fd.compare)?;
        let b = self.values(ix, f, other, |fd| fd.compare)?;
        for (x, y) in a.iter().zip(&b) {
            if !ix.eq(f, x, y)? {
                return Ok(Value::Bool(false));
            }
        }
        Ok(Value::Bool(true))
    }

    /// `__lt__` and the other orderings: the compared fields as tuples.
    fn order(
        &self,
        ix: &Interp,
        f: &Frame,
        op: CmpOp,
        this: &Value,
        other: Option<&Value>,
    ) -> PyResult<Value> {
        let Some(other) = other else {
            return Err(type_error("a comparison expects 1 argument"));
        };
        if !Self::same_class(this, other) {
            return Err(type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                this.type_name(),
                other.type_name()
            )));
        }
        let a = self.values(ix, f, this, |fd| fd.compare)?;
        let b = self.values(ix, f, other, |fd| fd.compare)?;
        for (x, y) in a.iter().zip(&b) {
            if !ix.eq(f, x, y)? {
                return ix.compare(f, op, x, y).map(Value::Bool);
            }
        }
        Ok(Value::Bool(matches!(op, CmpOp::Le | CmpOp::Ge)))
    }
}
