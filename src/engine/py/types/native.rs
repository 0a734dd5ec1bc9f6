//! Objects with behaviour of their own (coroutines, generators, tasks,
//! futures, the event loop, streams) behind one trait, so a new asyncio
//! type is a new module, not a change to the interpreter.

use super::exc::PyResult;
use super::value::Value;
use crate::engine::py::vm::interp::{Ctx, Interp};
use futures::future::LocalBoxFuture;
use std::any::Any;
use std::rc::Rc;

/// The arguments of a call.
#[derive(Default, Clone)]
pub struct Args {
    pub pos: Vec<Value>,
    pub kw: Vec<(Rc<str>, Value)>,
}

impl Args {
    pub fn positional(pos: Vec<Value>) -> Args {
        Args {
            pos,
            kw: Vec::new(),
        }
    }

    /// Takes a keyword argument out.
    pub fn take_kw(&mut self, name: &str) -> Option<Value> {
        let i = self.kw.iter().position(|(k, _)| &**k == name)?;
        Some(self.kw.remove(i).1)
    }
}

/// A future made by an object: an await, or a method that may suspend.
pub type Step<'a> = LocalBoxFuture<'a, PyResult<Value>>;

/// An object of the run-time with its own attributes, methods and await.
pub trait Native: Any {
    /// Python's name for its type.
    fn type_name(&self) -> &str;

    /// `repr()`.
    fn repr(&self) -> String {
        format!("<{} object>", self.type_name())
    }

    /// A plain attribute (not a method).
    fn attr(self: Rc<Self>, _name: &str) -> Option<Value> {
        None
    }

    /// Whether the object has this method (for bound-method values).
    fn has_method(&self, _name: &str) -> bool {
        false
    }

    /// Calls a method; `None` if there is no such method. Calls never
    /// suspend: a method that waits returns an awaitable.
    fn call_method(
        self: Rc<Self>,
        _ix: &Rc<Interp>,
        _cx: &Ctx,
        _name: &str,
        _args: Args,
    ) -> Option<PyResult<Value>> {
        None
    }

    /// `obj(...)`; `None` if it is not callable.
    fn call(self: Rc<Self>, _ix: &Rc<Interp>, _cx: &Ctx, _args: Args) -> Option<PyResult<Value>> {
        None
    }

    /// Whether `obj(...)` calls it (`callable(obj)`).
    fn is_callable(&self) -> bool {
        false
    }

    /// Whether, read through an instance of a class that holds it, it
    /// binds to the instance as a function does (`functools.lru_cache`'s
    /// wrapper does, `functools.partial` does not).
    fn binds(&self) -> bool {
        false
    }

    /// What `await obj` does; `None` if it is not awaitable.
    fn await_on<'a>(self: Rc<Self>, _ix: &'a Rc<Interp>, _cx: &'a Ctx) -> Option<Step<'a>> {
        None
    }

    /// The items of a built-in iterable object (dict views); `None` if it is
    /// not one.
    fn items(&self) -> Option<Vec<Value>> {
        None
    }

    /// Whether it is an iterator: `iter(obj)` is itself and [`Native::next`]
    /// gives its items.
    fn is_iterator(&self) -> bool {
        false
    }

    /// `next(obj)` for an iterator: `Some(Ok(None))` at its end; `None` if
    /// it is not an iterator.
    fn next(self: Rc<Self>, _ix: &Rc<Interp>, _cx: &Ctx) -> Option<PyResult<Option<Value>>> {
        None
    }

    /// `iter(obj)` for an iterable with an iterator of its own (a deque's,
    /// live over it); `None` for the rest.
    fn iter(self: Rc<Self>, _ix: &Rc<Interp>, _cx: &Ctx) -> Option<PyResult<Value>> {
        None
    }

    /// `len(obj)`; `None` if it has no length.
    fn len(&self) -> Option<usize> {
        None
    }

    /// Whether `len(obj)` is 0.
    fn is_empty(&self) -> bool {
        self.len() == Some(0)
    }

    /// `obj[index]`; `None` if it cannot be indexed.
    fn getitem(
        self: Rc<Self>,
        _ix: &Rc<Interp>,
        _cx: &Ctx,
        _index: &Value,
    ) -> Option<PyResult<Value>> {
        None
    }

    /// `obj[index] = v`; `None` if it does not support item assignment.
    fn setitem(
        self: Rc<Self>,
        _ix: &Rc<Interp>,
        _cx: &Ctx,
        _index: &Value,
        _v: Value,
    ) -> Option<PyResult<()>> {
        None
    }

    /// `del obj[index]`; `None` if it does not support item deletion.
    fn delitem(
        self: Rc<Self>,
        _ix: &Rc<Interp>,
        _cx: &Ctx,
        _index: &Value,
    ) -> Option<PyResult<()>> {
        None
    }

    /// `x in obj`; `None` to search its items.
    fn contains(self: Rc<Self>, _ix: &Rc<Interp>, _cx: &Ctx, _x: &Value) -> Option<PyResult<bool>> {
        None
    }

    /// `obj == other`; `None` for identity.
    fn equals(
        self: Rc<Self>,
        _ix: &Rc<Interp>,
        _cx: &Ctx,
        _other: &Value,
    ) -> Option<PyResult<bool>> {
        None
    }

    /// `repr()` with its items' `repr` through the interpreter; `None` for
    /// [`Native::repr`].
    fn repr_in(self: Rc<Self>, _ix: &Rc<Interp>, _cx: &Ctx) -> Option<PyResult<String>> {
        None
    }

    /// `str()` where it differs from `repr()`; `None` for the `repr`.
    fn str_in(self: Rc<Self>, _ix: &Rc<Interp>, _cx: &Ctx) -> Option<PyResult<String>> {
        None
    }

    /// `obj OP other` (`reflected`: `other OP obj`); `None` if it does not
    /// support the operation.
    fn binop(
        self: Rc<Self>,
        _ix: &Rc<Interp>,
        _cx: &Ctx,
        _op: crate::program::BinOp,
        _other: &Value,
        _reflected: bool,
    ) -> Option<PyResult<Value>> {
        None
    }

    /// `obj OP= other` changing `obj` in place (as CPython's `__iadd__`
    /// and kin): `obj` itself; `None` where `obj OP= other` is
    /// `obj = obj OP other`.
    fn inplace(
        self: Rc<Self>,
        _ix: &Rc<Interp>,
        _cx: &Ctx,
        _op: crate::program::BinOp,
        _other: &Value,
    ) -> Option<PyResult<Value>> {
        None
    }

    /// `-obj`, `+obj` or `~obj`; `None` if it does not support it.
    fn unary(
        self: Rc<Self>,
        _ix: &Rc<Interp>,
        _cx: &Ctx,
        _op: crate::program::UnaryOp,
    ) -> Option<PyResult<Value>> {
        None
    }

    /// The dict it is (a `defaultdict`, a `Counter`): what `isinstance(obj,
    /// dict)`, `dict(obj)` and `**obj` see.
    fn as_dict(&self) -> Option<Rc<std::cell::RefCell<super::value::Dict>>> {
        None
    }

    /// `reversed(obj)`: the name of the iterator's type and the items (in
    /// their order: `reversed` turns them); `None` if it is not reversible.
    fn reversed_items(&self) -> Option<(&'static str, Vec<Value>)> {
        None
    }

    /// `type(obj)`, for an instance of a class a module provides.
    fn class_of(&self) -> Option<Value> {
        None
    }

    /// Whether it cannot be a dict key or set member (a deque, a Counter).
    fn unhashable(&self) -> bool {
        false
    }

    /// The qualified name of the class it is, when it is a class a module
    /// provides (`collections.deque`): `isinstance(x, obj)` asks `x`'s
    /// [`Native::instance_of`] with that name.
    fn class_name(&self) -> Option<&'static str> {
        None
    }

    /// Whether `isinstance(obj, cls)` holds for the class a module's
    /// built-in of this name makes (`collections.deque`).
    fn instance_of(&self, _builtin: &str) -> bool {
        false
    }
}

/// Downcasts a native value to its concrete type.
pub fn downcast<T: Native>(v: &Value) -> Option<Rc<T>> {
    match v {
        Value::Native(n) => {
            let any: Rc<dyn Any> = n.clone();
            any.downcast::<T>().ok()
        }
        _ => None,
    }
}
