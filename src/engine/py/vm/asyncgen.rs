//! Async generators' own methods (`__anext__`, `asend`, `athrow`,
//! `aclose`), the `anext()` built-in, and what asyncio's async-generator
//! hooks do: a generator abandoned unfinished (left by `break`, dropped
//! after an `anext`) is closed by a task the loop makes one round later,
//! and `asyncio.run` closes the ones still alive at its end
//! (`loop.shutdown_asyncgens()`).

use super::generator::Generator;
use super::interp::{Frame, Interp};
use crate::engine::py::modules::asyncio::taskgroups;
use crate::engine::py::types::exc::{self, PyResult, Unwind, error, type_error};
use crate::engine::py::types::native::{Args, Native, Step, downcast};
use crate::engine::py::types::value::Value;
use std::cell::RefCell;
use std::rc::{Rc, Weak};

/// The methods an async generator has.
pub const METHODS: &[&str] = &["__anext__", "__aiter__", "asend", "athrow", "aclose"];

/// What an awaitable made by one of the methods does to the generator.
enum Op {
    Send(Value),
    Throw(Value),
    Close,
}

/// The awaitable `g.asend(v)`, `g.athrow(e)`, `g.aclose()` or `anext(g)`
/// return; it does its work when awaited, once.
struct AgenOp {
    agen: Rc<Generator>,
    op: RefCell<Option<Op>>,
    /// `anext(g, default)`: the value instead of `StopAsyncIteration`.
    default: Option<Value>,
}

impl AgenOp {
    fn value(agen: Rc<Generator>, op: Op, default: Option<Value>) -> Value {
        Value::Native(Rc::new(AgenOp {
            agen,
            op: RefCell::new(Some(op)),
            default,
        }))
    }
}

impl Native for AgenOp {
    fn type_name(&self) -> &str {
        match &*self.op.borrow() {
            Some(Op::Send(_)) => "async_generator_asend",
            _ => "async_generator_athrow",
        }
    }

    fn repr(&self) -> String {
        format!("<{} object>", self.type_name())
    }

    fn await_on<'a>(self: Rc<Self>, ix: &'a Rc<Interp>, cx: &'a Frame) -> Option<Step<'a>> {
        Some(Box::pin(async move {
            let op = self.op.borrow_mut().take().ok_or_else(|| {
                error(
                    "RuntimeError",
                    "cannot reuse already awaited __anext__()/asend()",
                )
            })?;
            let r = run(&self.agen, ix, cx, op).await;
            match (r, &self.default) {
                (Err(Unwind::Exc(e)), Some(d)) if exc::is_instance_of(&e, "StopAsyncIteration") => {
                    Ok(d.clone())
                }
                (r, _) => r,
            }
        }))
    }
}

fn stop() -> Unwind {
    error("StopAsyncIteration", "")
}

async fn run(g: &Generator, ix: &Interp, f: &Frame, op: Op) -> PyResult<Value> {
    match op {
        Op::Send(v) => {
            if !g.started.get() && !matches!(v, Value::None) && g.body.borrow().is_some() {
                return Err(type_error(
                    "can't send non-None value to a just-started async generator",
                ));
            }
            match g.resume_async(ix, f, v, None).await? {
                Some(item) => Ok(item),
                None => Err(stop()),
            }
        }
        Op::Throw(e) => {
            if g.body.borrow().is_none() {
                return Err(stop());
            }
            if !g.started.get() {
                g.body.borrow_mut().take();
                return Err(Unwind::Exc(e));
            }
            match g.resume_async(ix, f, Value::None, Some(e)).await? {
                Some(item) => Ok(item),
                None => Err(stop()),
            }
        }
        Op::Close => {
            if g.running.get() {
                return Err(error(
                    "RuntimeError",
                    "aclose(): asynchronous generator is already running",
                ));
            }
            if g.body.borrow().is_none() {
                return Ok(Value::None);
            }
            if !g.started.get() {
                g.body.borrow_mut().take();
                return Ok(Value::None);
            }
            let exit = exc::new_error("GeneratorExit", "");
            match g.resume_async(ix, f, Value::None, Some(exit)).await {
                Ok(Some(_)) => Err(error(
                    "RuntimeError",
                    "async generator ignored GeneratorExit",
                )),
                Ok(None) => Ok(Value::None),
                Err(Unwind::Exc(e))
                    if exc::is_instance_of(&e, "GeneratorExit")
                        || exc::is_instance_of(&e, "StopAsyncIteration") =>
                {
                    Ok(Value::None)
                }
                Err(e) => Err(e),
            }
        }
    }
}

/// An async generator's method call: the awaitable it returns.
pub fn method(
    g: &Rc<Generator>,
    ix: &Rc<Interp>,
    cx: &Frame,
    name: &str,
    mut args: Args,
) -> Option<PyResult<Value>> {
    let op = match name {
        "__aiter__" => return Some(Ok(Value::Native(g.clone()))),
        "__anext__" => Op::Send(Value::None),
        "asend" => {
            if args.pos.len() != 1 {
                return Some(Err(type_error(format!(
                    "asend() takes exactly one argument ({} given)",
                    args.pos.len()
                ))));
            }
            Op::Send(args.pos.remove(0))
        }
        "athrow" => {
            let e = match args.pos.len() {
                1 => ix.exception_value(cx, args.pos.remove(0)),
                2 => {
                    let v = args.pos.remove(1);
                    let t = args.pos.remove(0);
                    match (&t, &v) {
                        (_, Value::Instance(_)) => ix.exception_value(cx, v),
                        (Value::Class(_), _) => ix
                            .call(cx, &t, Args::positional(vec![v]))
                            .and_then(|e| ix.exception_value(cx, e)),
                        _ => ix.exception_value(cx, t),
                    }
                }
                n => Err(type_error(format!(
                    "athrow expected at least 1 argument, got {n}"
                ))),
            };
            match e {
                Ok(e) => Op::Throw(e),
                Err(e) => return Some(Err(e)),
            }
        }
        "aclose" => Op::Close,
        _ => return None,
    };
    Some(Ok(AgenOp::value(g.clone(), op, None)))
}

/// `anext(it)` and `anext(it, default)`: the awaitable of the next item.
pub fn anext(ix: &Interp, f: &Frame, mut args: Args) -> PyResult<Value> {
    if args.pos.is_empty() || args.pos.len() > 2 {
        return Err(type_error(format!(
            "anext expected 1 or 2 arguments, got {}",
            args.pos.len()
        )));
    }
    let default = (args.pos.len() == 2).then(|| args.pos.remove(1));
    let it = args.pos.remove(0);
    if let Some(g) = downcast::<Generator>(&it)
        && g.is_async
    {
        return Ok(AgenOp::value(g, Op::Send(Value::None), default));
    }
    let Some(m) = ix.special(&it, "__anext__") else {
        return Err(type_error(format!(
            "'{}' object is not an async iterator",
            it.type_name()
        )));
    };
    if default.is_some() {
        return Err(type_error(
            "anext(it, default) is supported on async generators only; use try/except StopAsyncIteration",
        ));
    }
    ix.call(f, &m, Args::positional(vec![it]))
}

/// How the timeline names the task that closes a generator: `gen(3).aclose()`.
pub fn task_label(aw: &Value) -> Option<String> {
    downcast::<AgenOp>(aw).map(|op| format!("{}.aclose()", op.agen.label))
}

/// Remembers an async generator, for `asyncio.run` to close at its end.
pub fn register(ix: &Interp, g: &Rc<Generator>) {
    let mut gens = ix.asyncgens.borrow_mut();
    if gens.len() >= 64 && gens.len().is_power_of_two() {
        gens.retain(|w| w.strong_count() > 0);
    }
    gens.push(Rc::downgrade(g));
}

/// The finalizer hook: a generator dropped while it stands at a `yield`
/// is closed by a new task (`loop.call_soon(loop.create_task, g.aclose())`).
pub fn finalize(g: &mut Generator) {
    let Some(ix) = g.ix.upgrade() else { return };
    if !ix.running.get() {
        return;
    }
    let Some(orphan) = g.take_suspended() else {
        return;
    };
    taskgroups::call_soon(move || {
        let frame = ix.root_frame(ix.module_task.clone(), 0);
        let op = AgenOp::value(Rc::new(orphan), Op::Close, None);
        let _ = ix.create_task(&frame, op, None);
    });
}

/// The body of `loop.shutdown_asyncgens()`: closes every async generator
/// still alive and suspended, each in a task, and waits for them; whether
/// there was one to close.
pub async fn shutdown(ix: &Interp, cx: &Frame) -> bool {
    let gens: Vec<Rc<Generator>> = ix
        .asyncgens
        .take()
        .iter()
        .filter_map(Weak::upgrade)
        .filter(|g| g.started.get() && !g.running.get() && g.body.borrow().is_some())
        .collect();
    let mut tasks = Vec::with_capacity(gens.len());
    for g in gens {
        if let Ok(t) = ix.create_task(cx, AgenOp::value(g, Op::Close, None), None) {
            tasks.push(t);
        }
    }
    for t in &tasks {
        t.completion.wait().await;
    }
    !tasks.is_empty()
}

/// How asyncio names the awaitable a generator's closing task runs, in the
/// task's repr: `<async_generator_athrow without __name__>()`.
pub fn coro_name(aw: &Value) -> Option<String> {
    downcast::<AgenOp>(aw).map(|op| format!("<{} without __name__>()", op.type_name()))
}
