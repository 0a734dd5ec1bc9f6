//! `ExitStack` and `AsyncExitStack`: exits kept in order and unwound last
//! first, each seeing the exception the later ones left, as CPython 3.11's
//! `Lib/contextlib.py` does.

use super::{exit_exception, one, ready};
use crate::engine::py::types::exc::{PyResult, Unwind, type_error};
use crate::engine::py::types::native::{Args, Native, Step};
use crate::engine::py::types::value::{Value, is_same};
use crate::engine::py::vm::interp::{Frame, Interp};
use std::cell::RefCell;
use std::rc::Rc;

/// One exit an exit stack holds.
#[derive(Clone)]
enum Exit {
    /// A manager's bound `__exit__` (or a pushed exit): called with the
    /// exception's class, value and traceback.
    Manager(Value),
    /// An async manager's bound `__aexit__` (or a pushed one): awaited.
    AsyncManager(Value),
    /// `callback(fn, *args, **kwds)`: called as given, never suppresses.
    Callback(Value, Vec<Value>, Vec<(Rc<str>, Value)>),
    /// `push_async_callback(fn, *args, **kwds)`: awaited.
    AsyncCallback(Value, Vec<Value>, Vec<(Rc<str>, Value)>),
}

/// `ExitStack` and `AsyncExitStack`.
pub(super) struct ExitStack {
    exits: RefCell<Vec<Exit>>,
    is_async: bool,
}

impl ExitStack {
    /// An empty stack; `is_async` for an `AsyncExitStack`.
    pub(super) fn new(is_async: bool) -> ExitStack {
        ExitStack {
            exits: RefCell::new(Vec::new()),
            is_async,
        }
    }
}

const STACK_METHODS: &[&str] = &[
    "__enter__",
    "__exit__",
    "enter_context",
    "callback",
    "push",
    "pop_all",
    "close",
];
const ASYNC_STACK_METHODS: &[&str] = &[
    "__aenter__",
    "__aexit__",
    "enter_async_context",
    "push_async_callback",
    "push_async_exit",
    "aclose",
];

impl Native for ExitStack {
    fn type_name(&self) -> &str {
        if self.is_async {
            "AsyncExitStack"
        } else {
            "ExitStack"
        }
    }

    fn has_method(&self, name: &str) -> bool {
        let sync = STACK_METHODS.contains(&name)
            && !(self.is_async && matches!(name, "__enter__" | "__exit__" | "close"));
        sync || (self.is_async && ASYNC_STACK_METHODS.contains(&name))
    }

    fn call_method(
        self: Rc<Self>,
        ix: &Rc<Interp>,
        cx: &Frame,
        name: &str,
        mut args: Args,
    ) -> Option<PyResult<Value>> {
        if !self.has_method(name) {
            return None;
        }
        let me = Value::Native(self.clone());
        Some(match name {
            "__enter__" => Ok(me),
            "__aenter__" => Ok(ready(me)),
            "__exit__" => self.unwind(ix, cx, exit_exception(&args)),
            "close" => self.unwind(ix, cx, None).map(|_| Value::None),
            "__aexit__" | "aclose" => {
                let exc = if name == "aclose" {
                    None
                } else {
                    exit_exception(&args)
                };
                Ok(Value::Native(Rc::new(AsyncUnwind {
                    stack: self.clone(),
                    exc,
                    close: name == "aclose",
                })))
            }
            "enter_context" => (|| {
                let cm = one(args, "enter_context")?;
                let exit = protocol(ix, cx, &cm, "__exit__", "context manager")?;
                let entered = ix.call_method(cx, &cm, "__enter__", Args::default())?;
                self.exits.borrow_mut().push(Exit::Manager(exit));
                Ok(entered)
            })(),
            "enter_async_context" => (|| {
                let cm = one(args, "enter_async_context")?;
                let exit = protocol(ix, cx, &cm, "__aexit__", "asynchronous context manager")?;
                let entered = ix.call_method(cx, &cm, "__aenter__", Args::default())?;
                self.exits.borrow_mut().push(Exit::AsyncManager(exit));
                Ok(entered)
            })(),
            "push" | "push_async_exit" => (|| {
                let exit = one(args, name)?;
                let method = if name == "push" {
                    "__exit__"
                } else {
                    "__aexit__"
                };
                // A manager pushes its exit method; anything else is the exit.
                let exit = ix.getattr(cx, &exit, method).unwrap_or(exit);
                self.exits.borrow_mut().push(if name == "push" {
                    Exit::Manager(exit.clone())
                } else {
                    Exit::AsyncManager(exit.clone())
                });
                Ok(exit)
            })(),
            "callback" | "push_async_callback" => {
                if args.pos.is_empty() {
                    return Some(Err(type_error(format!(
                        "{name}() missing 1 required positional argument: 'callback'"
                    ))));
                }
                let func = args.pos.remove(0);
                let kw = std::mem::take(&mut args.kw);
                self.exits.borrow_mut().push(if name == "callback" {
                    Exit::Callback(func.clone(), args.pos, kw)
                } else {
                    Exit::AsyncCallback(func.clone(), args.pos, kw)
                });
                Ok(func)
            }
            "pop_all" => {
                let exits = std::mem::take(&mut *self.exits.borrow_mut());
                Ok(Value::Native(Rc::new(ExitStack {
                    exits: RefCell::new(exits),
                    is_async: self.is_async,
                })))
            }
            _ => return None,
        })
    }
}

/// The bound `__exit__`/`__aexit__` of a manager, or CPython's TypeError.
fn protocol(ix: &Interp, f: &Frame, cm: &Value, exit: &str, what: &str) -> PyResult<Value> {
    ix.getattr(f, cm, exit).map_err(|_| {
        type_error(format!(
            "'{}' object does not support the {what} protocol",
            cm.type_name()
        ))
    })
}

/// What unwinding has reached: the exception still pending, and whether
/// an exit suppressed the one the stack was given.
struct Pending {
    exc: Option<Value>,
    received: bool,
}

impl Pending {
    fn args(&self) -> Vec<Value> {
        match &self.exc {
            Some(e) => {
                let class = match e {
                    Value::Instance(i) => Value::Class(i.class.clone()),
                    _ => Value::None,
                };
                vec![class, e.clone(), Value::None]
            }
            None => vec![Value::None, Value::None, Value::None],
        }
    }

    /// Takes what one exit did: a true result suppresses the pending
    /// exception; a new exception replaces it, with it as its context.
    fn took(&mut self, ix: &Interp, f: &Frame, r: PyResult<Value>) -> PyResult<()> {
        match r {
            Ok(v) => {
                if self.exc.is_some() && ix.truthy(f, &v)? {
                    self.exc = None;
                }
                Ok(())
            }
            Err(Unwind::Exc(e)) => {
                if let (Some(old), Some(state)) =
                    (&self.exc, crate::engine::py::types::exc::state(&e))
                    && state.context.borrow().is_none()
                    && !is_same(old, &e)
                {
                    *state.context.borrow_mut() = Some(old.clone());
                }
                self.exc = Some(e);
                Ok(())
            }
            Err(other) => Err(other),
        }
    }

    /// The exit's result: whether the exception given was suppressed, or
    /// the exception that replaced it.
    fn finish(self, given: Option<&Value>) -> PyResult<Value> {
        match (self.exc, given) {
            (None, _) => Ok(Value::Bool(self.received)),
            (Some(e), Some(g)) if is_same(&e, g) => Ok(Value::Bool(false)),
            (Some(e), _) => Err(Unwind::Exc(e)),
        }
    }
}

impl ExitStack {
    /// `ExitStack.__exit__`: every exit, last pushed first.
    fn unwind(&self, ix: &Interp, f: &Frame, exc: Option<Value>) -> PyResult<Value> {
        let mut pending = Pending {
            received: exc.is_some(),
            exc: exc.clone(),
        };
        loop {
            let Some(exit) = self.exits.borrow_mut().pop() else {
                break;
            };
            ix.step()?;
            let r = match exit {
                Exit::Manager(m) => ix.call(f, &m, Args::positional(pending.args())),
                Exit::Callback(func, pos, kw) => ix
                    .call(f, &func, Args { pos, kw })
                    .map(|_| Value::Bool(false)),
                Exit::AsyncManager(_) | Exit::AsyncCallback(..) => Err(type_error(
                    "an async exit in an ExitStack: use AsyncExitStack with `async with`",
                )),
            };
            pending.took(ix, f, r)?;
        }
        pending.finish(exc.as_ref())
    }

    /// `AsyncExitStack.__aexit__`: the same, awaiting the async exits.
    async fn unwind_async(&self, ix: &Interp, f: &Frame, exc: Option<Value>) -> PyResult<Value> {
        let mut pending = Pending {
            received: exc.is_some(),
            exc: exc.clone(),
        };
        loop {
            let Some(exit) = self.exits.borrow_mut().pop() else {
                break;
            };
            ix.step()?;
            let r = match exit {
                Exit::Manager(m) => ix.call(f, &m, Args::positional(pending.args())),
                Exit::Callback(func, pos, kw) => ix
                    .call(f, &func, Args { pos, kw })
                    .map(|_| Value::Bool(false)),
                Exit::AsyncManager(m) => match ix.call(f, &m, Args::positional(pending.args())) {
                    Ok(aw) => {
                        ix.await_protocol(f, aw, crate::engine::events::FrameKind::ContextManager)
                            .await
                    }
                    Err(e) => Err(e),
                },
                Exit::AsyncCallback(func, pos, kw) => match ix.call(f, &func, Args { pos, kw }) {
                    Ok(aw) => Box::pin(ix.await_value(f, aw))
                        .await
                        .map(|_| Value::Bool(false)),
                    Err(e) => Err(e),
                },
            };
            pending.took(ix, f, r)?;
        }
        pending.finish(exc.as_ref())
    }
}

/// The awaitable of `AsyncExitStack.__aexit__` and `aclose()`.
struct AsyncUnwind {
    stack: Rc<ExitStack>,
    exc: Option<Value>,
    close: bool,
}

impl Native for AsyncUnwind {
    fn type_name(&self) -> &str {
        "coroutine"
    }

    fn await_on<'a>(self: Rc<Self>, ix: &'a Rc<Interp>, cx: &'a Frame) -> Option<Step<'a>> {
        Some(Box::pin(async move {
            let r = Box::pin(self.stack.unwind_async(ix, cx, self.exc.clone())).await;
            if self.close {
                r.map(|_| Value::None)
            } else {
                r
            }
        }))
    }
}
