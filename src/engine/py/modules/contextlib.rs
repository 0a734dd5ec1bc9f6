//! The `contextlib` module: `contextmanager`, `asynccontextmanager`,
//! `suppress`, `closing`, `aclosing`, `nullcontext`, `ExitStack` and
//! `AsyncExitStack`, following CPython 3.11's `Lib/contextlib.py`.

use crate::engine::py::types::exc::{PyResult, Unwind, error, type_error};
use crate::engine::py::types::native::{Args, Native, Step, downcast};
use crate::engine::py::types::value::{Value, is_same};
use crate::engine::py::vm::generator::{GenStep, Generator, Resume};
use crate::engine::py::vm::interp::{Frame, Interp};
use std::rc::Rc;

mod exit_stack;

use exit_stack::ExitStack;

const BUILTINS: &[&str] = &[
    "contextlib.contextmanager",
    "contextlib.asynccontextmanager",
    "contextlib.suppress",
    "contextlib.closing",
    "contextlib.aclosing",
    "contextlib.nullcontext",
    "contextlib.ExitStack",
    "contextlib.AsyncExitStack",
];

/// `contextlib.name`.
pub fn member(name: &str) -> Option<Value> {
    let full = BUILTINS
        .iter()
        .find(|b| &b["contextlib.".len()..] == name)?;
    Some(Value::Builtin(full))
}

/// Calls `contextlib.name(...)` (`name` is the built-in's whole name).
pub fn call(_ix: &Interp, _f: &Frame, name: &str, mut args: Args) -> PyResult<Value> {
    let name = name.strip_prefix("contextlib.").unwrap_or(name);
    let native: Rc<dyn Native> = match name {
        "contextmanager" | "asynccontextmanager" => Rc::new(Factory {
            func: one(args, name)?,
            is_async: name == "asynccontextmanager",
        }),
        "suppress" => Rc::new(Suppress(Value::tuple(args.pos))),
        "closing" => Rc::new(Closing {
            thing: one(args, "closing")?,
            is_async: false,
        }),
        "aclosing" => Rc::new(Closing {
            thing: one(args, "aclosing")?,
            is_async: true,
        }),
        "nullcontext" => Rc::new(Null(
            args.take_kw("enter_result")
                .or_else(|| args.pos.pop())
                .unwrap_or(Value::None),
        )),
        "ExitStack" | "AsyncExitStack" => Rc::new(ExitStack::new(name == "AsyncExitStack")),
        _ => {
            return Err(error(
                "AttributeError",
                format!("module 'contextlib' has no attribute '{name}'"),
            ));
        }
    };
    Ok(Value::Native(native))
}

fn one(args: Args, fname: &str) -> PyResult<Value> {
    let [v] = <[Value; 1]>::try_from(args.pos).map_err(|a| {
        type_error(format!(
            "{fname}() takes exactly one argument ({} given)",
            a.len()
        ))
    })?;
    Ok(v)
}

/// An awaitable that gives a value at once.
struct Ready(PyResult<Value>);

impl Native for Ready {
    fn type_name(&self) -> &str {
        "coroutine"
    }

    fn await_on<'a>(self: Rc<Self>, _ix: &'a Rc<Interp>, _cx: &'a Frame) -> Option<Step<'a>> {
        let r = match &self.0 {
            Ok(v) => Ok(v.clone()),
            Err(Unwind::Exc(e)) => Err(Unwind::Exc(e.clone())),
            Err(_) => Err(error("RuntimeError", "awaited twice")),
        };
        Some(Box::pin(async move { r }))
    }
}

fn ready(v: Value) -> Value {
    Value::Native(Rc::new(Ready(Ok(v))))
}

/// The exception an `__exit__`/`__aexit__` receives: its third argument
/// (the value), `None` when the block ended normally.
fn exit_exception(args: &Args) -> Option<Value> {
    match args.pos.get(1) {
        None | Some(Value::None) => match args.pos.first() {
            None | Some(Value::None) => None,
            // `__exit__(Class, None, None)`: CPython makes the instance.
            Some(c) => Some(c.clone()),
        },
        Some(v) => Some(v.clone()),
    }
}

/// `@contextmanager` / `@asynccontextmanager`: calling the decorated
/// function makes a context manager over the generator it returns.
struct Factory {
    func: Value,
    is_async: bool,
}

impl Native for Factory {
    fn type_name(&self) -> &str {
        "function"
    }

    fn attr(self: Rc<Self>, name: &str) -> Option<Value> {
        crate::engine::py::types::funcattrs::wrapper_attr(&self.func, name)
    }

    fn is_callable(&self) -> bool {
        true
    }

    fn binds(&self) -> bool {
        true
    }

    fn call(self: Rc<Self>, ix: &Rc<Interp>, cx: &Frame, args: Args) -> Option<PyResult<Value>> {
        Some(manager(ix, cx, &self.func, args, self.is_async).map(|cm| Value::Native(cm)))
    }
}

/// The manager over the generator `func(*args)` returns.
fn manager(
    ix: &Interp,
    cx: &Frame,
    func: &Value,
    args: Args,
    is_async: bool,
) -> PyResult<Rc<GeneratorCm>> {
    let g = ix.call(cx, func, args.clone())?;
    let Some(generator) = downcast::<Generator>(&g).filter(|g| g.is_async == is_async) else {
        let want = if is_async {
            "an async generator"
        } else {
            "a generator"
        };
        return Err(type_error(format!(
            "the decorated function must return {want}, not '{}'",
            g.type_name()
        )));
    };
    Ok(Rc::new(GeneratorCm {
        generator,
        func: func.clone(),
        args,
    }))
}

/// The context manager `@contextmanager` makes: the code before the
/// `yield` enters, the code after it exits.
struct GeneratorCm {
    generator: Rc<Generator>,
    /// The decorated function and its arguments, to make a fresh manager
    /// for each call when the manager decorates a function.
    func: Value,
    args: Args,
}

impl Native for GeneratorCm {
    fn type_name(&self) -> &str {
        if self.generator.is_async {
            "_AsyncGeneratorContextManager"
        } else {
            "_GeneratorContextManager"
        }
    }

    fn is_callable(&self) -> bool {
        true
    }

    /// `@manager(...)` on a function (CPython's `ContextDecorator`): each
    /// call of the function runs inside a fresh manager.
    fn call(self: Rc<Self>, _ix: &Rc<Interp>, _cx: &Frame, args: Args) -> Option<PyResult<Value>> {
        if self.generator.is_async {
            return Some(Err(crate::engine::py::types::exc::unsupported(
                "an @asynccontextmanager manager used as a decorator: write `async with \
                 manager():` inside the function",
            )));
        }
        Some(match <[Value; 1]>::try_from(args.pos) {
            Ok([wrapped]) if args.kw.is_empty() => Ok(Value::Native(Rc::new(Decorated {
                func: self.func.clone(),
                args: self.args.clone(),
                wrapped,
            }))),
            _ => Err(type_error(
                "_GeneratorContextManager.__call__() takes 2 positional arguments",
            )),
        })
    }

    fn has_method(&self, name: &str) -> bool {
        if self.generator.is_async {
            matches!(name, "__aenter__" | "__aexit__")
        } else {
            matches!(name, "__enter__" | "__exit__")
        }
    }

    fn call_method(
        self: Rc<Self>,
        ix: &Rc<Interp>,
        cx: &Frame,
        name: &str,
        args: Args,
    ) -> Option<PyResult<Value>> {
        if !self.has_method(name) {
            return None;
        }
        Some(match name {
            "__enter__" => match self.generator.resume(cx, Resume::Send(Value::None)) {
                Ok(GenStep::Yielded(v)) => Ok(v),
                Ok(GenStep::Returned(_)) => Err(error("RuntimeError", "generator didn't yield")),
                Err(e) => Err(e),
            },
            "__exit__" => self.exit(ix, cx, exit_exception(&args)),
            // The async methods return awaitables that do the work.
            "__aenter__" => Ok(Value::Native(Rc::new(AsyncStep {
                cm: self.clone(),
                exc: None,
                enter: true,
            }))),
            _ => Ok(Value::Native(Rc::new(AsyncStep {
                cm: self.clone(),
                exc: exit_exception(&args),
                enter: false,
            }))),
        })
    }
}

impl GeneratorCm {
    /// `_GeneratorContextManager.__exit__`.
    fn exit(&self, ix: &Interp, f: &Frame, exc: Option<Value>) -> PyResult<Value> {
        let Some(value) = exc else {
            return match self.generator.resume(f, Resume::Send(Value::None))? {
                GenStep::Returned(_) => Ok(Value::Bool(false)),
                GenStep::Yielded(_) => Err(error("RuntimeError", "generator didn't stop")),
            };
        };
        let value = ix.exception_value(f, value)?;
        match self.generator.resume(f, Resume::Throw(value.clone())) {
            // It swallowed the exception and ended: suppressed.
            Ok(GenStep::Returned(_)) => Ok(Value::Bool(true)),
            Ok(GenStep::Yielded(_)) => {
                Err(error("RuntimeError", "generator didn't stop after throw()"))
            }
            Err(Unwind::Exc(e)) if is_same(&e, &value) => Ok(Value::Bool(false)),
            Err(e) => Err(e),
        }
    }

    /// `_AsyncGeneratorContextManager.__aenter__` and `__aexit__`.
    async fn step(
        &self,
        ix: &Interp,
        f: &Frame,
        enter: bool,
        exc: Option<Value>,
    ) -> PyResult<Value> {
        if enter {
            return match self
                .generator
                .resume_async(ix, f, Value::None, None)
                .await?
            {
                Some(v) => Ok(v),
                None => Err(error("RuntimeError", "generator didn't yield")),
            };
        }
        let Some(value) = exc else {
            return match self
                .generator
                .resume_async(ix, f, Value::None, None)
                .await?
            {
                None => Ok(Value::Bool(false)),
                Some(_) => Err(error("RuntimeError", "generator didn't stop")),
            };
        };
        let value = ix.exception_value(f, value)?;
        match self
            .generator
            .resume_async(ix, f, Value::None, Some(value.clone()))
            .await
        {
            Ok(None) => Ok(Value::Bool(true)),
            Ok(Some(_)) => Err(error(
                "RuntimeError",
                "generator didn't stop after athrow()",
            )),
            Err(Unwind::Exc(e)) if is_same(&e, &value) => Ok(Value::Bool(false)),
            Err(e) => Err(e),
        }
    }
}

/// The awaitable of an async generator manager's `__aenter__`/`__aexit__`.
struct AsyncStep {
    cm: Rc<GeneratorCm>,
    exc: Option<Value>,
    enter: bool,
}

impl Native for AsyncStep {
    fn type_name(&self) -> &str {
        "coroutine"
    }

    fn await_on<'a>(self: Rc<Self>, ix: &'a Rc<Interp>, cx: &'a Frame) -> Option<Step<'a>> {
        Some(Box::pin(async move {
            self.cm.step(ix, cx, self.enter, self.exc.clone()).await
        }))
    }
}

/// `suppress(*exceptions)`.
struct Suppress(Value);

impl Native for Suppress {
    fn type_name(&self) -> &str {
        "suppress"
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(name, "__enter__" | "__exit__")
    }

    fn call_method(
        self: Rc<Self>,
        ix: &Rc<Interp>,
        _cx: &Frame,
        name: &str,
        args: Args,
    ) -> Option<PyResult<Value>> {
        Some(match name {
            "__enter__" => Ok(Value::None),
            "__exit__" => match exit_exception(&args) {
                None => Ok(Value::Bool(false)),
                Some(e) => ix.matches(&e, &self.0).map(Value::Bool),
            },
            _ => return None,
        })
    }
}

/// `closing(thing)` and `aclosing(thing)`: closes it on exit.
struct Closing {
    thing: Value,
    is_async: bool,
}

impl Native for Closing {
    fn type_name(&self) -> &str {
        if self.is_async { "aclosing" } else { "closing" }
    }

    fn has_method(&self, name: &str) -> bool {
        if self.is_async {
            matches!(name, "__aenter__" | "__aexit__")
        } else {
            matches!(name, "__enter__" | "__exit__")
        }
    }

    fn call_method(
        self: Rc<Self>,
        ix: &Rc<Interp>,
        cx: &Frame,
        name: &str,
        _args: Args,
    ) -> Option<PyResult<Value>> {
        if !self.has_method(name) {
            return None;
        }
        Some(match name {
            "__enter__" => Ok(self.thing.clone()),
            "__aenter__" => Ok(ready(self.thing.clone())),
            "__exit__" => ix
                .call_method(cx, &self.thing, "close", Args::default())
                .map(|_| Value::None),
            // `await thing.aclose()`: its awaitable, whose result is None.
            _ => ix.call_method(cx, &self.thing, "aclose", Args::default()),
        })
    }
}

/// `nullcontext(enter_result)`, for `with` and `async with`.
struct Null(Value);

impl Native for Null {
    fn type_name(&self) -> &str {
        "nullcontext"
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(name, "__enter__" | "__exit__" | "__aenter__" | "__aexit__")
    }

    fn call_method(
        self: Rc<Self>,
        _ix: &Rc<Interp>,
        _cx: &Frame,
        name: &str,
        _args: Args,
    ) -> Option<PyResult<Value>> {
        Some(Ok(match name {
            "__enter__" => self.0.clone(),
            "__exit__" => Value::None,
            "__aenter__" => ready(self.0.clone()),
            "__aexit__" => ready(Value::None),
            _ => return None,
        }))
    }
}

/// A function a `@contextmanager` manager decorates: each call enters a
/// fresh manager, runs the function and exits with its outcome.
struct Decorated {
    func: Value,
    args: Args,
    wrapped: Value,
}

impl Native for Decorated {
    fn type_name(&self) -> &str {
        "function"
    }

    fn attr(self: Rc<Self>, name: &str) -> Option<Value> {
        crate::engine::py::types::funcattrs::wrapper_attr(&self.wrapped, name)
    }

    fn is_callable(&self) -> bool {
        true
    }

    fn binds(&self) -> bool {
        true
    }

    fn call(self: Rc<Self>, ix: &Rc<Interp>, cx: &Frame, args: Args) -> Option<PyResult<Value>> {
        Some(self.run(ix, cx, args))
    }
}

impl Decorated {
    fn run(&self, ix: &Interp, cx: &Frame, args: Args) -> PyResult<Value> {
        let cm = manager(ix, cx, &self.func, self.args.clone(), false)?;
        match cm.generator.resume(cx, Resume::Send(Value::None))? {
            GenStep::Yielded(_) => {}
            GenStep::Returned(_) => return Err(error("RuntimeError", "generator didn't yield")),
        }
        match ix.call(cx, &self.wrapped, args) {
            Ok(v) => {
                cm.exit(ix, cx, None)?;
                Ok(v)
            }
            Err(Unwind::Exc(e)) => match cm.exit(ix, cx, Some(e.clone()))? {
                Value::Bool(true) => Ok(Value::None),
                _ => Err(Unwind::Exc(e)),
            },
            Err(other) => Err(other),
        }
    }
}
