//! The members of the modules a demo may import: `asyncio`, `time` and
//! `concurrent.futures`.

use super::exc;
use super::value::Value;
use crate::program::Module;

/// `module.name`.
pub fn member(module: Module, name: &str) -> Option<Value> {
    match module {
        Module::Asyncio => Some(match name {
            "run" => Value::Builtin("asyncio.run"),
            "sleep" => Value::Builtin("asyncio.sleep"),
            "create_task" => Value::Builtin("asyncio.create_task"),
            "ensure_future" => Value::Builtin("asyncio.ensure_future"),
            "gather" => Value::Builtin("asyncio.gather"),
            "as_completed" => Value::Builtin("asyncio.as_completed"),
            "wait_for" => Value::Builtin("asyncio.wait_for"),
            "get_running_loop" => Value::Builtin("asyncio.get_running_loop"),
            "get_event_loop" => Value::Builtin("asyncio.get_event_loop"),
            "current_task" => Value::Builtin("asyncio.current_task"),
            "start_server" => Value::Builtin("asyncio.start_server"),
            "open_connection" => Value::Builtin("asyncio.open_connection"),
            "Future" => Value::Builtin("asyncio.Future"),
            "Task" => Value::Builtin("asyncio.Task"),
            "TaskGroup" => Value::Builtin("asyncio.TaskGroup"),
            "to_thread" => Value::Builtin("asyncio.to_thread"),
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
            _ => return None,
        }),
        Module::Random => super::random::member(name),
        Module::Functools => super::functools::member(name),
        Module::Contextlib => super::contextlib::member(name),
        Module::Time => Some(match name {
            "sleep" => Value::Builtin("time.sleep"),
            "perf_counter" => Value::Builtin("time.perf_counter"),
            "monotonic" => Value::Builtin("time.monotonic"),
            "time" => Value::Builtin("time.time"),
            _ => return None,
        }),
    }
}
