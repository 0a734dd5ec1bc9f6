//! The dicts of `collections`: `defaultdict`, `OrderedDict` and `Counter`
//! (whose own methods are in `counter`) are one object over a dict, which
//! `dict`'s own methods, `dict(x)`, `**x` and `isinstance(x, dict)` see.

use super::counter;
use crate::engine::budget;
use crate::engine::py::builtins::args::bind;
use crate::engine::py::types::exc::{PyResult, error, type_error};
use crate::engine::py::types::items::{Cursor, key_error};
use crate::engine::py::types::methods;
use crate::engine::py::types::native::{Args, Native, downcast};
use crate::engine::py::types::value::{Dict, Key, Value};
use crate::engine::py::vm::interp::{Cb, Ctx, Frame, Interp};
use crate::program::BinOp;
use std::cell::RefCell;
use std::rc::Rc;

/// Which dict.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    DefaultDict,
    OrderedDict,
    Counter,
}

/// A `defaultdict`, `OrderedDict` or `Counter`.
pub(super) struct MapObj {
    pub kind: Kind,
    pub dict: Rc<RefCell<Dict>>,
    /// `defaultdict`'s `default_factory`.
    pub factory: Value,
}

impl MapObj {
    pub(super) fn value(kind: Kind, dict: Dict, factory: Value) -> Value {
        Value::Native(Rc::new(MapObj {
            kind,
            dict: Rc::new(RefCell::new(dict)),
            factory,
        }))
    }

    /// The `(key, value)` pairs now.
    pub(super) fn pairs(&self) -> Vec<(Value, Value)> {
        self.dict
            .borrow()
            .iter()
            .map(|(k, v)| (k.0.clone(), v.clone()))
            .collect()
    }

    /// A copy of the dict, charged to the run.
    pub(super) fn copied(&self) -> PyResult<Dict> {
        let n = self.dict.borrow().len();
        budget::reserve(n.saturating_mul(3 * std::mem::size_of::<Value>()))?;
        budget::charge_items(n)?;
        Ok(self.dict.borrow().clone())
    }

    fn plain(&self) -> Value {
        Value::Dict(self.dict.clone())
    }

    /// `od | mapping` and `mapping | od` for an `OrderedDict` or a
    /// `defaultdict`: a new one of its kind (the right operand's keys win).
    fn union(&self, op: BinOp, other: &Value, reflected: bool) -> Option<PyResult<Value>> {
        if op != BinOp::BitOr {
            return None;
        }
        let theirs = match other {
            Value::Dict(d) => d.clone(),
            Value::Native(n) => n.as_dict()?,
            _ => return None,
        };
        Some(self.copied().map(|mine| {
            let theirs = theirs.borrow().clone();
            let (mut out, last) = if reflected {
                (theirs, mine)
            } else {
                (mine, theirs)
            };
            out.extend(last);
            MapObj::value(self.kind, out, self.factory.clone())
        }))
    }
}

/// `defaultdict(default_factory=None, *args, **kwargs)`.
pub(super) fn defaultdict(ix: &Interp, f: &Frame, mut args: Args) -> PyResult<Value> {
    let factory = if args.pos.is_empty() {
        Value::None
    } else {
        args.pos.remove(0)
    };
    if !matches!(factory, Value::None) && !crate::engine::py::builtins::is_callable(&factory) {
        return Err(type_error("first argument must be callable or None"));
    }
    let d = filled(ix, f, "dict", args)?;
    Ok(MapObj::value(Kind::DefaultDict, d, factory))
}

/// `OrderedDict(*args, **kwargs)`.
pub(super) fn ordered_dict(ix: &Interp, f: &Frame, args: Args) -> PyResult<Value> {
    if args.pos.len() > 1 {
        return Err(type_error(format!(
            "OrderedDict expected at most 1 argument, got {}",
            args.pos.len()
        )));
    }
    let d = filled(ix, f, "dict", args)?;
    Ok(MapObj::value(Kind::OrderedDict, d, Value::None))
}

/// `OrderedDict.fromkeys(iterable, value=None)`.
pub(super) fn ordered_fromkeys(ix: &Interp, f: &Frame, args: Args) -> PyResult<Value> {
    let Value::Dict(d) = ix.call_method(f, &Value::Type("dict"), "fromkeys", args)? else {
        return Err(type_error("dict.fromkeys made no dict"));
    };
    let d = d.borrow().clone();
    Ok(MapObj::value(Kind::OrderedDict, d, Value::None))
}

/// A dict made as `dict(*args, **kwargs)` makes one.
fn filled(ix: &Interp, f: &Frame, name: &str, args: Args) -> PyResult<Dict> {
    match ix.pure_builtin(f, name, args)? {
        Value::Dict(d) => Ok(d.borrow().clone()),
        _ => Ok(Dict::default()),
    }
}

const DICT_METHODS: &[&str] = &[
    "get",
    "keys",
    "values",
    "items",
    "pop",
    "popitem",
    "setdefault",
    "update",
    "clear",
];

impl MapObj {
    fn method(self: &Rc<Self>, ix: &Interp, f: &Frame, name: &str, args: Args) -> PyResult<Value> {
        match (self.kind, name) {
            (_, "copy" | "__copy__") => {
                let n = args.pos.len();
                if n > 0 {
                    return Err(type_error(format!(
                        "{}.copy() takes no arguments ({n} given)",
                        self.short_name()
                    )));
                }
                Ok(MapObj::value(
                    self.kind,
                    self.copied()?,
                    self.factory.clone(),
                ))
            }
            (Kind::DefaultDict, "__missing__") => {
                let [key] = <[Value; 1]>::try_from(args.pos).map_err(|a| {
                    type_error(format!(
                        "defaultdict.__missing__() takes exactly one argument ({} given)",
                        a.len()
                    ))
                })?;
                self.missing(ix, f, key)
            }
            (Kind::OrderedDict, "move_to_end") => {
                let b = bind(args, "move_to_end", &["key", "last"])?;
                let key = b[0].clone().ok_or_else(|| {
                    type_error("move_to_end() missing required argument 'key' (pos 1)")
                })?;
                let last = match &b[1] {
                    Some(v) => ix.truthy(f, v)?,
                    None => true,
                };
                let k = Key::new(key.clone()).map_err(type_error)?;
                let mut d = self.dict.borrow_mut();
                let Some(i) = d.get_index_of(&k) else {
                    return Err(key_error(key));
                };
                let to = if last { d.len() - 1 } else { 0 };
                d.move_index(i, to);
                Ok(Value::None)
            }
            (Kind::OrderedDict, "popitem") => {
                let b = bind(args, "popitem", &["last"])?;
                let last = match &b[0] {
                    Some(v) => ix.truthy(f, v)?,
                    None => true,
                };
                let mut d = self.dict.borrow_mut();
                let item = if last {
                    d.pop()
                } else {
                    d.shift_remove_index(0)
                };
                match item {
                    Some((k, v)) => Ok(Value::tuple(vec![k.0, v])),
                    None => Err(key_error(Value::str("dictionary is empty"))),
                }
            }
            (Kind::Counter, _) if counter::METHODS.contains(&name) => {
                counter::method(self, ix, f, name, args)
            }
            _ => {
                let cb = Cb { ix, f };
                methods::call_method(&cb, &self.plain(), name, args).unwrap_or_else(|| {
                    Err(error(
                        "AttributeError",
                        format!("'{}' object has no attribute '{name}'", self.type_name()),
                    ))
                })
            }
        }
    }

    fn short_name(&self) -> &'static str {
        match self.kind {
            Kind::DefaultDict => "defaultdict",
            Kind::OrderedDict => "OrderedDict",
            Kind::Counter => "Counter",
        }
    }

    /// `defaultdict.__missing__(key)`: the factory's value, stored.
    fn missing(&self, ix: &Interp, f: &Frame, key: Value) -> PyResult<Value> {
        if matches!(self.factory, Value::None) {
            return Err(key_error(key));
        }
        let v = ix.call(f, &self.factory, Args::default())?;
        let k = Key::new(key).map_err(type_error)?;
        self.dict.borrow_mut().insert(k, v.clone());
        Ok(v)
    }

    /// `self == other` as the dicts' items, in order when both care.
    fn dict_eq(&self, ix: &Interp, f: &Frame, other: &Value, ordered: bool) -> PyResult<bool> {
        let Some(o) = other.as_plain_dict() else {
            return Ok(false);
        };
        let mine = self.pairs();
        let theirs: Vec<(Value, Value)> = o
            .borrow()
            .iter()
            .map(|(k, v)| (k.0.clone(), v.clone()))
            .collect();
        if mine.len() != theirs.len() {
            return Ok(false);
        }
        if ordered {
            for ((k1, v1), (k2, v2)) in mine.iter().zip(&theirs) {
                if !ix.eq(f, k1, k2)? || !ix.eq(f, v1, v2)? {
                    return Ok(false);
                }
            }
            return Ok(true);
        }
        for (k, v) in &mine {
            let found = Key::new(k.clone())
                .ok()
                .and_then(|k| o.borrow().get(&k).cloned());
            match found {
                Some(w) if ix.eq(f, v, &w)? => {}
                _ => return Ok(false),
            }
        }
        Ok(true)
    }
}

impl Native for MapObj {
    fn type_name(&self) -> &str {
        match self.kind {
            Kind::DefaultDict => "collections.defaultdict",
            Kind::OrderedDict => "collections.OrderedDict",
            Kind::Counter => "Counter",
        }
    }

    fn repr_in(self: Rc<Self>, ix: &Rc<Interp>, cx: &Ctx) -> Option<PyResult<String>> {
        Some((|| match self.kind {
            Kind::DefaultDict => Ok(format!(
                "defaultdict({}, {})",
                ix.repr(cx, &self.factory)?,
                ix.repr(cx, &self.plain())?
            )),
            Kind::OrderedDict if self.dict.borrow().is_empty() => Ok("OrderedDict()".into()),
            Kind::OrderedDict => {
                let pairs = self
                    .pairs()
                    .into_iter()
                    .map(|(k, v)| Value::tuple(vec![k, v]))
                    .collect();
                Ok(format!(
                    "OrderedDict({})",
                    ix.repr(cx, &Value::list(pairs))?
                ))
            }
            Kind::Counter => counter::repr(&self, ix, cx),
        })())
    }

    fn attr(self: Rc<Self>, name: &str) -> Option<Value> {
        match (self.kind, name) {
            (Kind::DefaultDict, "default_factory") => Some(self.factory.clone()),
            _ => None,
        }
    }

    fn has_method(&self, name: &str) -> bool {
        DICT_METHODS.contains(&name)
            || matches!(name, "copy" | "__copy__")
            || match self.kind {
                Kind::DefaultDict => name == "__missing__",
                Kind::OrderedDict => name == "move_to_end",
                Kind::Counter => counter::METHODS.contains(&name),
            }
    }

    fn call_method(
        self: Rc<Self>,
        ix: &Rc<Interp>,
        cx: &Ctx,
        name: &str,
        args: Args,
    ) -> Option<PyResult<Value>> {
        self.has_method(name)
            .then(|| self.method(ix, cx, name, args))
    }

    fn iter(self: Rc<Self>, _ix: &Rc<Interp>, _cx: &Ctx) -> Option<PyResult<Value>> {
        Cursor::over(&self.plain()).map(Ok)
    }

    fn len(&self) -> Option<usize> {
        Some(self.dict.borrow().len())
    }

    fn getitem(
        self: Rc<Self>,
        ix: &Rc<Interp>,
        cx: &Ctx,
        index: &Value,
    ) -> Option<PyResult<Value>> {
        Some((|| {
            let k = Key::new(index.clone()).map_err(type_error)?;
            if let Some(v) = self.dict.borrow().get(&k) {
                return Ok(v.clone());
            }
            match self.kind {
                Kind::DefaultDict => self.missing(ix, cx, index.clone()),
                Kind::Counter => Ok(Value::Int(0)),
                Kind::OrderedDict => Err(key_error(index.clone())),
            }
        })())
    }

    fn setitem(
        self: Rc<Self>,
        _ix: &Rc<Interp>,
        _cx: &Ctx,
        index: &Value,
        v: Value,
    ) -> Option<PyResult<()>> {
        Some(Key::new(index.clone()).map_err(type_error).map(|k| {
            self.dict.borrow_mut().insert(k, v);
        }))
    }

    fn delitem(self: Rc<Self>, _ix: &Rc<Interp>, _cx: &Ctx, index: &Value) -> Option<PyResult<()>> {
        Some((|| {
            let k = Key::new(index.clone()).map_err(type_error)?;
            match self.dict.borrow_mut().shift_remove(&k) {
                Some(_) => Ok(()),
                // `Counter` ignores a missing key.
                None if self.kind == Kind::Counter => Ok(()),
                None => Err(key_error(index.clone())),
            }
        })())
    }

    fn contains(self: Rc<Self>, _ix: &Rc<Interp>, _cx: &Ctx, x: &Value) -> Option<PyResult<bool>> {
        Some(
            Key::new(x.clone())
                .map_err(type_error)
                .map(|k| self.dict.borrow().contains_key(&k)),
        )
    }

    fn equals(self: Rc<Self>, ix: &Rc<Interp>, cx: &Ctx, other: &Value) -> Option<PyResult<bool>> {
        let theirs = downcast::<MapObj>(other).map(|o| o.kind);
        Some(match (self.kind, theirs) {
            (Kind::Counter, Some(Kind::Counter)) => counter::equals(&self, other, ix, cx),
            (Kind::OrderedDict, Some(Kind::OrderedDict)) => self.dict_eq(ix, cx, other, true),
            _ => self.dict_eq(ix, cx, other, false),
        })
    }

    fn binop(
        self: Rc<Self>,
        ix: &Rc<Interp>,
        cx: &Ctx,
        op: BinOp,
        other: &Value,
        reflected: bool,
    ) -> Option<PyResult<Value>> {
        if self.kind != Kind::Counter {
            return self.union(op, other, reflected);
        }
        if reflected {
            return None;
        }
        let o = downcast::<MapObj>(other).filter(|o| o.kind == Kind::Counter)?;
        counter::binop(&self, &o, op, ix, cx)
    }

    fn inplace(
        self: Rc<Self>,
        ix: &Rc<Interp>,
        cx: &Ctx,
        op: BinOp,
        other: &Value,
    ) -> Option<PyResult<Value>> {
        match (self.kind, op) {
            (Kind::Counter, _) => counter::inplace(&self, other, op, ix, cx),
            // `od |= x` is `od.update(x)`.
            (_, BinOp::BitOr) => Some(
                ix.call_method(
                    cx,
                    &self.plain(),
                    "update",
                    Args::positional(vec![other.clone()]),
                )
                .map(|_| Value::Native(self)),
            ),
            _ => None,
        }
    }

    fn unary(
        self: Rc<Self>,
        ix: &Rc<Interp>,
        cx: &Ctx,
        op: crate::program::UnaryOp,
    ) -> Option<PyResult<Value>> {
        (self.kind == Kind::Counter)
            .then(|| counter::unary(&self, op, ix, cx))
            .flatten()
    }

    fn as_dict(&self) -> Option<Rc<RefCell<Dict>>> {
        Some(self.dict.clone())
    }

    fn reversed_items(&self) -> Option<(&'static str, Vec<Value>)> {
        let keys = self.dict.borrow().keys().map(|k| k.0.clone()).collect();
        let kind = match self.kind {
            Kind::OrderedDict => "odict_iterator",
            _ => "dict_reversekeyiterator",
        };
        Some((kind, keys))
    }

    fn class_of(&self) -> Option<Value> {
        super::member(self.short_name())
    }

    fn unhashable(&self) -> bool {
        true
    }

    fn instance_of(&self, builtin: &str) -> bool {
        match self.kind {
            Kind::DefaultDict => builtin == "collections.defaultdict",
            Kind::OrderedDict => builtin == "collections.OrderedDict",
            Kind::Counter => builtin == "collections.Counter",
        }
    }
}
