//! `concurrent.futures.wait` and `as_completed` over jobs' futures that are
//! done: those the module's code or a job submitted (they ran at once), or
//! those whose `result()` was read. Waiting inside the event loop for a job
//! the loop itself hands on would block it for good under the harness (the
//! loop cannot deliver the job's end while it waits), so that is refused.

use super::future::JobFuture;
use crate::engine::py::modules::namedtuple;
use crate::engine::py::types::exc::{self, PyResult, error, type_error};
use crate::engine::py::types::native::{Args, downcast};
use crate::engine::py::types::value::{Key, Set, Value};
use crate::engine::py::vm::interp::{Frame, Interp};
use std::cell::RefCell;
use std::rc::Rc;

/// The futures of `fs`, each once, checked to be done.
fn futures(ix: &Interp, f: &Frame, fs: &Value, what: &str) -> PyResult<Vec<Rc<JobFuture>>> {
    let mut out: Vec<Rc<JobFuture>> = Vec::new();
    for v in ix.iterate(f, fs)? {
        let Some(job) = downcast::<JobFuture>(&v) else {
            return Err(error(
                "AttributeError",
                format!("'{}' object has no attribute '_condition'", v.type_name()),
            ));
        };
        if !out.iter().any(|o| Rc::ptr_eq(o, &job)) {
            out.push(job);
        }
    }
    if out.iter().any(|j| !j.done()) {
        return Err(exc::unsupported(format!(
            "concurrent.futures.{what}() for a job the event loop has not ended yet (the loop \
             would wait for itself): await `asyncio.{what}` over `asyncio.wrap_future(f)` instead"
        )));
    }
    Ok(out)
}

fn set_of(items: &[Rc<JobFuture>]) -> Value {
    let set: Set = items
        .iter()
        .map(|j| Key(Value::Native(j.clone())))
        .collect();
    Value::Set(Rc::new(RefCell::new(set)))
}

/// `concurrent.futures.wait(fs, timeout=None, return_when=ALL_COMPLETED)`.
pub fn wait(ix: &Interp, f: &Frame, mut args: Args) -> PyResult<Value> {
    let fs = take(&mut args, "fs", "wait")?;
    let _ = take(&mut args, "timeout", "wait");
    let _ = take(&mut args, "return_when", "wait");
    no_more(&args, "wait", 3)?;
    let done = futures(ix, f, &fs, "wait")?;
    Ok(namedtuple::value(
        "DoneAndNotDoneFutures",
        &[("done", set_of(&done)), ("not_done", set_of(&[]))],
    ))
}

/// `concurrent.futures.as_completed(fs, timeout=None)`: the futures, done
/// already, in the order given.
pub fn as_completed(ix: &Interp, f: &Frame, mut args: Args) -> PyResult<Value> {
    let fs = take(&mut args, "fs", "as_completed")?;
    let _ = take(&mut args, "timeout", "as_completed");
    no_more(&args, "as_completed", 2)?;
    let done = futures(ix, f, &fs, "as_completed")?;
    let list = Value::list(done.into_iter().map(|j| Value::Native(j)).collect());
    ix.iter(f, &list)
}

/// The next argument, by keyword or position.
fn take(args: &mut Args, name: &str, func: &str) -> PyResult<Value> {
    if let Some(v) = args.take_kw(name) {
        return Ok(v);
    }
    if args.pos.is_empty() {
        return Err(type_error(format!(
            "{func}() missing 1 required positional argument: '{name}'"
        )));
    }
    Ok(args.pos.remove(0))
}

fn no_more(args: &Args, func: &str, most: usize) -> PyResult<()> {
    if let Some((k, _)) = args.kw.first() {
        return Err(type_error(format!(
            "{func}() got an unexpected keyword argument '{k}'"
        )));
    }
    if !args.pos.is_empty() {
        return Err(type_error(format!(
            "{func}() takes from 1 to {most} positional arguments but {} were given",
            most + args.pos.len()
        )));
    }
    Ok(())
}
