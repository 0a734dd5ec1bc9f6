//! `asyncio`, laid out as CPython's `Lib/asyncio`: tasks and futures,
//! task groups, streams.

mod await_point;
pub mod barrier;
pub mod base_events;
pub mod base_tasks;
pub mod completion;
pub mod events;
mod format_helpers;
pub mod futures;
pub mod gather;
pub mod locks;
pub mod mixins;
mod on_loop;
pub mod queues;
pub mod runners;
pub mod semaphore;
pub mod shutdown;
pub mod sleep;
pub(in crate::engine::py) mod streams;
pub mod taskgroups;
pub mod tasks;
pub mod timeouts;
pub mod wait;
pub mod waiters;

use crate::engine::py::modules::concurrent_futures;
use crate::engine::py::types::exc::{PyResult, error, type_error};
use crate::engine::py::types::native::{Args, downcast};
use crate::engine::py::types::value::Value;
use crate::engine::py::vm::interp::{Frame, Interp};
use std::rc::Rc;
use tasks::{FutureObj, TaskObj};

/// Calls `asyncio.NAME`.
pub fn call(ix: &Interp, f: &Frame, name: &str, mut args: Args) -> PyResult<Value> {
    match name {
        "asyncio.sleep" => sleep::sleep(args),
        "asyncio.create_task" | "asyncio.ensure_future" => {
            let task_name = args.take_kw("name");
            let coro = args.pos.pop().ok_or_else(|| {
                type_error("create_task() missing 1 required positional argument: 'coro'")
            })?;
            if name == "asyncio.ensure_future"
                && (downcast::<TaskObj>(&coro).is_some() || downcast::<FutureObj>(&coro).is_some())
            {
                return Ok(coro);
            }
            if name == "asyncio.ensure_future" {
                return Ok(Value::Native(ix.task_on_current_loop(f, coro, task_name)?));
            }
            Ok(Value::Native(ix.create_task(f, coro, task_name)?))
        }
        "asyncio.gather" => ix.gather(f, args),
        "asyncio.shield" => ix.shield(f, args),
        "asyncio.wait" => Ok(wait::Wait::value(args)),
        "asyncio.timeout" => timeouts::value(ix, args, false),
        "asyncio.timeout_at" => timeouts::value(ix, args, true),
        "asyncio.all_tasks" => ix.all_tasks(),
        "asyncio.as_completed" => ix.as_completed(f, args),
        "asyncio.wait_for" => {
            let timeout = args
                .take_kw("timeout")
                .or_else(|| (args.pos.len() > 1).then(|| args.pos.pop()).flatten())
                .ok_or_else(|| {
                    type_error("wait_for() missing 1 required positional argument: 'timeout'")
                })?;
            let aw = args.pos.pop().ok_or_else(|| {
                type_error("wait_for() missing 1 required positional argument: 'fut'")
            })?;
            Ok(wait::WaitFor::value(aw, timeout))
        }
        "asyncio.get_running_loop" => events::get_running_loop(ix),
        "asyncio.get_event_loop" => events::get_event_loop(ix),
        "asyncio.new_event_loop" => Ok(Value::Native(events::Loop::new())),
        "asyncio.set_event_loop" => events::set_event_loop(ix, args),
        "asyncio.Runner" => runners::Runner::value(args),
        "asyncio.current_task" => {
            if ix.in_job() {
                return Err(error("RuntimeError", "no running event loop"));
            }
            let t = f.task();
            if Rc::ptr_eq(&t, &ix.module_task) {
                return Ok(Value::None);
            }
            Ok(Value::Native(t))
        }
        "asyncio.run" => Err(error(
            "RuntimeError",
            "asyncio.run() must be called directly: `asyncio.run(main())`",
        )),
        "asyncio.start_server" | "asyncio.open_connection" => streams::call(ix, f, name, args),
        "asyncio.Future" => Ok(tasks::new_future("future")),
        "asyncio.TaskGroup" => {
            if !args.pos.is_empty() || !args.kw.is_empty() {
                return Err(type_error("TaskGroup() takes no arguments"));
            }
            Ok(taskgroups::TaskGroup::value())
        }
        "asyncio.Task" => Err(type_error("create tasks with asyncio.create_task()")),
        "asyncio.Queue" => queues::Queue::value(ix, f, args, queues::Kind::Fifo),
        "asyncio.PriorityQueue" => queues::Queue::value(ix, f, args, queues::Kind::Priority),
        "asyncio.LifoQueue" => queues::Queue::value(ix, f, args, queues::Kind::Lifo),
        "asyncio.Lock" => locks::Lock::value(args),
        "asyncio.Event" => locks::Event::value(ix, f, args),
        "asyncio.Condition" => locks::Condition::value(ix, f, args),
        "asyncio.Semaphore" => semaphore::Semaphore::value(ix, f, args, false),
        "asyncio.BoundedSemaphore" => semaphore::Semaphore::value(ix, f, args, true),
        "asyncio.Barrier" => barrier::Barrier::value(ix, f, args),
        "asyncio.to_thread" => concurrent_futures::ToThread::value(args),
        "asyncio.wrap_future" => concurrent_futures::future::wrap_future(args),
        "asyncio.run_coroutine_threadsafe" => {
            concurrent_futures::threadsafe::run_coroutine_threadsafe(ix, args)
        }
        other => ix.pure_builtin(f, other, args),
    }
}
