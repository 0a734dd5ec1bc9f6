//! The modules a demo may import (`asyncio`, `time`, `concurrent.futures`,
//! `random`, `functools`, `contextlib`, `typing`, `dataclasses`, `enum`),
//! one Rust module per Python module: what each holds ([`member`]) and which
//! one a built-in's name belongs to ([`call`]). A new module is a new file
//! here, its arm in [`member`] and its line in `CALLS`.

pub mod asyncio;
pub mod collections;
pub mod concurrent_futures;
pub mod contextlib;
pub mod dataclasses;
pub mod datetime;
pub mod r#enum;
pub mod functools;
pub mod itertools;
pub mod logging;
pub mod math;
pub mod namedtuple;
pub mod operator;
pub mod random;
pub mod string;
pub mod sys;
pub mod textwrap;
pub mod time;
pub mod typing;

use crate::engine::py::types::exc::{self, PyResult};
use crate::engine::py::types::native::Args;
use crate::engine::py::types::value::Value;
use crate::engine::py::vm::interp::{Frame, Interp};
use crate::program::Module;

/// A module's functions: called with the built-in's whole name
/// (`asyncio.sleep`).
type Call = fn(&Interp, &Frame, &str, Args) -> PyResult<Value>;

/// Which module calls a built-in, by the prefix of its name.
const CALLS: &[(&str, Call)] = &[
    ("asyncio.", asyncio::call),
    ("concurrent.futures.", concurrent_futures::call),
    ("contextlib.", contextlib::call),
    ("dataclasses.", dataclasses::call),
    ("datetime.", datetime::call),
    ("enum.", r#enum::call),
    ("functools.", functools::call),
    ("itertools.", itertools::call),
    ("operator.", operator::call),
    ("collections.", collections::call),
    ("math.", math::call),
    ("string.", string::call),
    ("textwrap.", textwrap::call),
    ("logging.", logging::call),
    ("random.", random::call),
    ("sys.", sys::call),
    ("typing.", typing::call),
    ("time.", time::call),
];

/// Calls a module's function, or hands the arguments back when `name` is
/// no module's.
pub fn call(ix: &Interp, f: &Frame, name: &str, args: Args) -> Result<PyResult<Value>, Args> {
    match CALLS.iter().find(|(prefix, _)| name.starts_with(prefix)) {
        Some((_, call)) => Ok(call(ix, f, name, args)),
        None => Err(args),
    }
}

/// `module.name`.
pub fn member(module: Module, name: &str) -> Option<Value> {
    match module {
        Module::Asyncio => Some(match name {
            "run" => Value::Builtin("asyncio.run"),
            "sleep" => Value::Builtin("asyncio.sleep"),
            "create_task" => Value::Builtin("asyncio.create_task"),
            "ensure_future" => Value::Builtin("asyncio.ensure_future"),
            "gather" => Value::Builtin("asyncio.gather"),
            "shield" => Value::Builtin("asyncio.shield"),
            "wait" => Value::Builtin("asyncio.wait"),
            "timeout" => Value::Builtin("asyncio.timeout"),
            "timeout_at" => Value::Builtin("asyncio.timeout_at"),
            "all_tasks" => Value::Builtin("asyncio.all_tasks"),
            "FIRST_COMPLETED" | "FIRST_EXCEPTION" | "ALL_COMPLETED" => Value::str(name),
            "as_completed" => Value::Builtin("asyncio.as_completed"),
            "wait_for" => Value::Builtin("asyncio.wait_for"),
            "get_running_loop" => Value::Builtin("asyncio.get_running_loop"),
            "get_event_loop" => Value::Builtin("asyncio.get_event_loop"),
            "new_event_loop" => Value::Builtin("asyncio.new_event_loop"),
            "set_event_loop" => Value::Builtin("asyncio.set_event_loop"),
            "Runner" => Value::Builtin("asyncio.Runner"),
            "current_task" => Value::Builtin("asyncio.current_task"),
            "start_server" => Value::Builtin("asyncio.start_server"),
            "open_connection" => Value::Builtin("asyncio.open_connection"),
            "Future" => Value::Builtin("asyncio.Future"),
            "Task" => Value::Builtin("asyncio.Task"),
            "TaskGroup" => Value::Builtin("asyncio.TaskGroup"),
            "to_thread" => Value::Builtin("asyncio.to_thread"),
            "wrap_future" => Value::Builtin("asyncio.wrap_future"),
            "run_coroutine_threadsafe" => Value::Builtin("asyncio.run_coroutine_threadsafe"),
            "Queue" => Value::Builtin("asyncio.Queue"),
            "PriorityQueue" => Value::Builtin("asyncio.PriorityQueue"),
            "LifoQueue" => Value::Builtin("asyncio.LifoQueue"),
            "Lock" => Value::Builtin("asyncio.Lock"),
            "Event" => Value::Builtin("asyncio.Event"),
            "Condition" => Value::Builtin("asyncio.Condition"),
            "Semaphore" => Value::Builtin("asyncio.Semaphore"),
            "BoundedSemaphore" => Value::Builtin("asyncio.BoundedSemaphore"),
            "Barrier" => Value::Builtin("asyncio.Barrier"),
            "QueueEmpty" | "QueueFull" | "BrokenBarrierError" => Value::Class(exc::class(name)?),
            "CancelledError" | "InvalidStateError" => Value::Class(exc::class(name)?),
            "TimeoutError" => Value::Class(exc::class("TimeoutError")?),
            _ => return None,
        }),
        Module::Concurrent => match name {
            "futures" => Some(Value::Module(Module::Futures)),
            _ => None,
        },
        Module::Futures => Some(match name {
            "ThreadPoolExecutor" => Value::Builtin("concurrent.futures.ThreadPoolExecutor"),
            "ProcessPoolExecutor" => Value::Builtin("concurrent.futures.ProcessPoolExecutor"),
            "wait" => Value::Builtin("concurrent.futures.wait"),
            "as_completed" => Value::Builtin("concurrent.futures.as_completed"),
            "FIRST_COMPLETED" | "FIRST_EXCEPTION" | "ALL_COMPLETED" => Value::str(name),
            "CancelledError" => Value::Class(exc::class("concurrent.futures.CancelledError")?),
            "InvalidStateError" => {
                Value::Class(exc::class("concurrent.futures.InvalidStateError")?)
            }
            "Future" => Value::Builtin("concurrent.futures.Future"),
            "TimeoutError" => Value::Class(exc::class("TimeoutError")?),
            _ => return None,
        }),
        Module::Random => random::member(name),
        Module::Functools => functools::member(name),
        Module::Contextlib => contextlib::member(name),
        Module::Typing => typing::member(name),
        Module::Dataclasses => dataclasses::member(name),
        Module::Enum => r#enum::member(name),
        Module::Itertools => itertools::member(name),
        Module::Operator => operator::member(name),
        Module::Collections => collections::member(name),
        Module::Math => math::member(name),
        Module::String => string::member(name),
        Module::Textwrap => textwrap::member(name),
        Module::Sys => sys::member(name),
        Module::Logging => logging::member(name),
        Module::Datetime => datetime::member(name),
        Module::Time => Some(match name {
            "sleep" => Value::Builtin("time.sleep"),
            "perf_counter" => Value::Builtin("time.perf_counter"),
            "monotonic" => Value::Builtin("time.monotonic"),
            "time" => Value::Builtin("time.time"),
            "gmtime" => Value::Builtin("time.gmtime"),
            "localtime" => Value::Builtin("time.localtime"),
            "mktime" => Value::Builtin("time.mktime"),
            "strftime" => Value::Builtin("time.strftime"),
            "asctime" => Value::Builtin("time.asctime"),
            "ctime" => Value::Builtin("time.ctime"),
            _ => return None,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every member the lowering lets a program name is one the engine has.
    #[test]
    fn every_member_the_lowering_allows_exists() {
        sys::start("demo.py");
        let missing: Vec<String> = Module::ALL
            .iter()
            .flat_map(|&m| m.members().iter().map(move |&name| (m, name)))
            .filter(|&(m, name)| member(m, name).is_none())
            .map(|(m, name)| format!("{}.{name}", m.name()))
            .collect();
        assert!(missing.is_empty(), "listed but missing: {missing:?}");
    }
}
