//! asyncio streams on loopback TCP: `start_server` and `open_connection`.

use super::exc::{PyResult, error};
use super::interp::{Frame, Interp};
use super::native::Args;
use super::value::Value;

/// `asyncio.start_server(...)` and `asyncio.open_connection(...)`.
pub fn call(_ix: &Interp, _f: &Frame, name: &str, _args: Args) -> PyResult<Value> {
    Err(error("NotImplementedError", format!("{name} is not available yet")))
}
