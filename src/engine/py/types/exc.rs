//! Exceptions: the built-in classes and how the run-time raises them.

use super::value::{Class, ExcState, Instance, Value};
use indexmap::IndexMap;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// Why evaluation stopped early.
#[derive(Clone)]
pub enum Unwind {
    /// A Python exception (an instance of an exception class).
    Exc(Value),
    /// The run is over: a limit was reached. Nothing catches it.
    Abort,
    /// A limit was reached where the run's state is out of reach (an
    /// operation on values); the statement running ends the run with it.
    Limit(String),
}

/// Ends the run: `message` names the limit.
pub fn limit(message: impl Into<String>) -> Unwind {
    Unwind::Limit(message.into())
}

pub type PyResult<T> = Result<T, Unwind>;

impl From<crate::engine::budget::Exceeded> for Unwind {
    fn from(e: crate::engine::budget::Exceeded) -> Unwind {
        Unwind::Limit(e.0)
    }
}

/// Built-in exception classes: name, base, module it prints with.
const HIERARCHY: &[(&str, &str, &str)] = &[
    ("BaseException", "", ""),
    ("Exception", "BaseException", ""),
    ("GeneratorExit", "BaseException", ""),
    ("KeyboardInterrupt", "BaseException", ""),
    ("SystemExit", "BaseException", ""),
    ("BaseExceptionGroup", "BaseException", ""),
    ("CancelledError", "BaseException", "asyncio.exceptions"),
    // `concurrent.futures`' own, not asyncio's (keyed by their module here).
    ("concurrent.futures.Error", "Exception", FUTURES_BASE),
    (
        "concurrent.futures.CancelledError",
        "concurrent.futures.Error",
        FUTURES_BASE,
    ),
    (
        "concurrent.futures.InvalidStateError",
        "concurrent.futures.Error",
        FUTURES_BASE,
    ),
    ("ExceptionGroup", "Exception", ""),
    ("ArithmeticError", "Exception", ""),
    ("ZeroDivisionError", "ArithmeticError", ""),
    ("OverflowError", "ArithmeticError", ""),
    ("AssertionError", "Exception", ""),
    ("AttributeError", "Exception", ""),
    ("FrozenInstanceError", "AttributeError", "dataclasses"),
    ("LookupError", "Exception", ""),
    ("IndexError", "LookupError", ""),
    ("KeyError", "LookupError", ""),
    ("NameError", "Exception", ""),
    ("UnboundLocalError", "NameError", ""),
    ("OSError", "Exception", ""),
    ("ConnectionError", "OSError", ""),
    ("FileNotFoundError", "OSError", ""),
    ("PermissionError", "OSError", ""),
    ("ConnectionResetError", "ConnectionError", ""),
    ("ConnectionRefusedError", "ConnectionError", ""),
    ("BrokenPipeError", "ConnectionError", ""),
    ("TimeoutError", "OSError", ""),
    ("RuntimeError", "Exception", ""),
    ("NotImplementedError", "RuntimeError", ""),
    ("RecursionError", "RuntimeError", ""),
    ("StopIteration", "Exception", ""),
    ("StopAsyncIteration", "Exception", ""),
    ("TypeError", "Exception", ""),
    ("ValueError", "Exception", ""),
    ("UnicodeError", "ValueError", ""),
    ("MemoryError", "Exception", ""),
    ("InvalidStateError", "Exception", "asyncio.exceptions"),
    ("QueueEmpty", "Exception", "asyncio.queues"),
    ("QueueFull", "Exception", "asyncio.queues"),
    ("BrokenBarrierError", "RuntimeError", "asyncio.exceptions"),
    ("IncompleteReadError", "EOFError", "asyncio.exceptions"),
    ("EOFError", "Exception", ""),
];

/// The module `concurrent.futures`' exceptions print with.
pub const FUTURES_BASE: &str = "concurrent.futures._base";

thread_local! {
    static CLASSES: HashMap<&'static str, Rc<Class>> = build();
}

fn build() -> HashMap<&'static str, Rc<Class>> {
    let mut map: HashMap<&'static str, Rc<Class>> = HashMap::new();
    // Bases come before subclasses, except EOFError; two passes settle it.
    for _ in 0..2 {
        for (name, base, module) in HIERARCHY {
            if map.contains_key(name) {
                continue;
            }
            let base = if base.is_empty() {
                None
            } else {
                match map.get(base) {
                    Some(b) => Some(b.clone()),
                    None => continue,
                }
            };
            let shown = name.rsplit('.').next().unwrap_or(name);
            map.insert(
                name,
                Rc::new(Class {
                    name: Rc::from(shown),
                    qualname: Rc::from(shown),
                    base,
                    namespace: RefCell::new(IndexMap::default()),
                    builtin: true,
                    module,
                }),
            );
        }
    }
    map
}

/// The built-in exception class of this name.
pub fn class(name: &str) -> Option<Rc<Class>> {
    CLASSES.with(|c| c.get(name).cloned())
}

/// A new exception instance of `class` with these args.
pub fn instance(class: Rc<Class>, args: Vec<Value>) -> Value {
    Value::Instance(Rc::new(Instance {
        class,
        attrs: Default::default(),
        exc: Some(ExcState {
            args: RefCell::new(args),
            ..ExcState::default()
        }),
    }))
}

/// A built-in exception with a message, ready to raise.
pub fn error(name: &str, message: impl Into<String>) -> Unwind {
    Unwind::Exc(new_error(name, message))
}

/// A new instance of the built-in exception class `name` (an empty message
/// gives no args).
pub fn new_error(name: &str, message: impl Into<String>) -> Value {
    let class = class(name).unwrap_or_else(|| class("RuntimeError").expect("RuntimeError exists"));
    let message: String = message.into();
    let args = if message.is_empty() {
        Vec::new()
    } else {
        vec![Value::str(&message)]
    };
    instance(class, args)
}

/// Ends the run with a refusal: the program reached something the engine
/// does not support yet. No `except` catches it (CPython would not raise
/// here), and the run stops at the statement that reached it.
pub fn unsupported(what: impl std::fmt::Display) -> Unwind {
    Unwind::Limit(format!("not supported yet: {what}"))
}

/// `TypeError(message)`.
pub fn type_error(message: impl Into<String>) -> Unwind {
    error("TypeError", message)
}

/// `ValueError(message)`.
pub fn value_error(message: impl Into<String>) -> Unwind {
    error("ValueError", message)
}

/// `asyncio.CancelledError()`.
pub fn cancelled() -> Unwind {
    error("CancelledError", "")
}

/// Whether the exception value is an instance of the built-in class `name`
/// (or of a subclass).
pub fn is_instance_of(exc: &Value, name: &str) -> bool {
    match exc {
        Value::Instance(i) => i.class.derives_from(name),
        _ => false,
    }
}

/// The exception's state, if the value is an exception.
pub fn state(exc: &Value) -> Option<&ExcState> {
    match exc {
        Value::Instance(i) => i.exc.as_ref(),
        _ => None,
    }
}

/// Makes `context` the `__context__` of `e` (unless `e` has one and
/// `overwrite` is false), first cutting `e` out of `context`'s own chain so
/// that no chain loops, as CPython does.
pub fn chain_context(e: &Value, context: &Value, overwrite: bool) {
    let Some(own) = state(e) else { return };
    if super::value::is_same(e, context) || (!overwrite && own.context.borrow().is_some()) {
        return;
    }
    let mut link = context.clone();
    for _ in 0..MAX_CHAIN {
        let Some(s) = state(&link) else { break };
        let next = s.context.borrow().clone();
        match next {
            Some(n) if super::value::is_same(&n, e) => {
                *s.context.borrow_mut() = None;
                break;
            }
            Some(n) => link = n,
            None => break,
        }
    }
    *own.context.borrow_mut() = Some(context.clone());
}

/// `raised` left the handling of `handled` (an `except` or `finally`
/// block): the oldest exception of its context chain was raised while
/// `handled` was being handled, so `handled` becomes that one's context
/// (CPython sets it when the exception is raised, from the task's stack of
/// handled exceptions; the engine keeps that stack per frame).
pub fn chain_handled(raised: &Value, handled: &Value) {
    let mut end = raised.clone();
    for _ in 0..MAX_CHAIN {
        if super::value::is_same(&end, handled) {
            return;
        }
        let Some(s) = state(&end) else { return };
        let next = s.context.borrow().clone();
        match next {
            Some(n) => end = n,
            None => break,
        }
    }
    chain_context(&end, handled, false);
}

/// How far a context chain is followed.
pub const MAX_CHAIN: usize = 1000;

/// `Type: message` as the last line of a traceback shows it.
pub fn summary(exc: &Value) -> String {
    match exc {
        Value::Instance(i) => {
            let msg = super::value::exception_str(i);
            let name = if i.class.builtin || i.class.module.is_empty() {
                if i.class.module.is_empty() {
                    i.class.name.to_string()
                } else {
                    format!("{}.{}", i.class.module, i.class.name)
                }
            } else {
                i.class.name.to_string()
            };
            if msg.is_empty() {
                name
            } else {
                format!("{name}: {msg}")
            }
        }
        other => other.repr(),
    }
}
