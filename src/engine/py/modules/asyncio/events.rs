//! The event loop object that `asyncio.get_running_loop()` returns: its
//! clock, `create_future` and `run_in_executor`.

use super::tasks;
use crate::engine::py::types::exc::PyResult;
use crate::engine::py::types::native::{Args, Native};
use crate::engine::py::types::value::Value;
use crate::engine::py::vm::interp::{Frame, Interp};
use std::rc::Rc;

/// The running event loop, as `asyncio.get_running_loop()` returns it.
pub struct Loop;

impl Native for Loop {
    fn type_name(&self) -> &str {
        "_UnixSelectorEventLoop"
    }

    fn repr(&self) -> String {
        "<_UnixSelectorEventLoop running=True closed=False debug=False>".into()
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(name, "create_future" | "time" | "run_in_executor")
    }

    fn call_method(
        self: Rc<Self>,
        ix: &Rc<Interp>,
        cx: &Frame,
        name: &str,
        args: Args,
    ) -> Option<PyResult<Value>> {
        Some(match name {
            "create_future" => Ok(tasks::new_future("future")),
            "time" => Ok(Value::Float(ix.vclock.get())),
            "run_in_executor" => ix.run_in_executor(cx, args),
            _ => return None,
        })
    }
}
