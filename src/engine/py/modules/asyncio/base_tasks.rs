//! CPython 3.11's `asyncio/base_tasks.py` and `base_futures.py`: the reprs
//! of tasks and of the futures they wait on, as
//! `<Task pending name='Task-2' coro=<worker() running at prog.py:7>
//! wait_for=<Future pending cb=[Task.task_wakeup()]>>`.

use super::completion::{Completion, Settled, is_cancel};
use super::tasks::TaskObj;
use crate::engine::py::types::exc::PyResult;
use crate::engine::py::types::native::downcast;
use crate::engine::py::types::value::Value;
use crate::engine::py::vm::coro::Coroutine;
use crate::engine::py::vm::interp::{Frame, Interp};

/// `base_futures._format_callbacks` for callbacks that are each a waiting
/// task's wake-up: `cb=[Task.task_wakeup()]`, or nothing without one.
pub fn format_wakeups(n: usize) -> String {
    const WAKEUP: &str = "Task.task_wakeup()";
    match n {
        0 => String::new(),
        1 => format!(" cb=[{WAKEUP}]"),
        2 => format!(" cb=[{WAKEUP}, {WAKEUP}]"),
        n => format!(" cb=[{WAKEUP}, <{} more>, {WAKEUP}]", n - 2),
    }
}

/// `base_futures._future_repr_info`'s state and outcome: `pending`,
/// `cancelled`, `finished result=[1, 2]` (the result shortened as
/// `reprlib.repr` does), `finished exception=ValueError('boom')`.
pub fn future_info(ix: &Interp, cx: &Frame, c: &Completion) -> PyResult<String> {
    Ok(match c.peek() {
        None => "pending".into(),
        Some(r) if is_cancel(&r) => "cancelled".into(),
        Some(Settled::Raised(e)) => format!("finished exception={}", ix.repr(cx, &e)?),
        Some(Settled::Value(v)) => {
            format!(
                "finished result={}",
                super::format_helpers::short_repr(ix, cx, &v)?
            )
        }
    })
}

/// `coroutines._format_coroutine`: `worker() running at prog.py:7` while
/// it runs (or before it starts, at its `def`), `worker() done, defined at
/// prog.py:6` once it returned (or was `closed`); a generator's closing
/// task's awaitable as `<async_generator_athrow without __name__>()`.
fn format_coroutine(ix: &Interp, t: &TaskObj, closed: bool) -> Option<String> {
    let coro = t.coro_value();
    if let Some(name) = crate::engine::py::vm::asyncgen::coro_name(&coro) {
        return Some(name);
    }
    let c = downcast::<Coroutine>(&coro)?;
    let file = &ix.program.file;
    let defined = ix.program.line_of(c.func.code.span.start);
    let name = c.func.qualname();
    Some(match t.running_at() {
        _ if closed && c.started() => format!("{name}() done, defined at {file}:{defined}"),
        Some(at) => format!("{name}() running at {file}:{}", ix.program.line_of(at)),
        None if !c.started() => format!("{name}() running at {file}:{defined}"),
        None => format!("{name}() done, defined at {file}:{defined}"),
    })
}

/// `base_tasks._task_repr`.
pub fn task_repr(ix: &Interp, cx: &Frame, t: &TaskObj) -> PyResult<String> {
    destroyed_repr(ix, cx, t, false)
}

/// [`task_repr`] of a task destroyed pending, with its coroutine shown
/// done when it was closed first (`coro_closed`).
pub fn destroyed_repr(ix: &Interp, cx: &Frame, t: &TaskObj, coro_closed: bool) -> PyResult<String> {
    let mut state = future_info(ix, cx, &t.completion)?;
    if t.cancelling() > 0 && !t.done() {
        state = "cancelling".into();
    }
    let (state, outcome) = match state.split_once(' ') {
        Some((s, o)) => (s.to_string(), format!(" {o}")),
        None => (state, String::new()),
    };
    let name = ix.repr(cx, &Value::str(&t.name.borrow()))?;
    let mut out = format!("<Task {state} name={name}");
    if let Some(coro) = format_coroutine(ix, t, coro_closed) {
        out.push_str(&format!(" coro=<{coro}>"));
    }
    if let Some(w) = t.waiting_for(ix, cx)? {
        out.push_str(&format!(" wait_for={w}"));
    }
    out.push_str(&outcome);
    out.push_str(&format_wakeups(t.completion.waiting()));
    out.push('>');
    Ok(out)
}
