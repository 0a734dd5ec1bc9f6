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
#[derive(Default)]
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
