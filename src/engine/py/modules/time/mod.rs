//! `time`: `sleep` blocks the whole loop on the virtual clock (or, in an
//! executor's job, moves only that job's clock); the clocks read the
//! loop's time; [`wall`] reads it as a date, in UTC.

pub mod calendar;
pub mod wall;

use crate::engine::events::EventKind;
use crate::engine::py::types::exc::{PyResult, error, type_error};
use crate::engine::py::types::native::Args;
use crate::engine::py::types::ops;
use crate::engine::py::types::value::Value;
use crate::engine::py::vm::interp::{Frame, Interp};
use std::time::Duration;

/// Calls `time.NAME`.
pub fn call(ix: &Interp, f: &Frame, name: &str, args: Args) -> PyResult<Value> {
    match name {
        "time.sleep" => {
            let d =
                args.pos.first().and_then(ops::float).ok_or_else(|| {
                    type_error("'float' object cannot be interpreted as an integer")
                })?;
            if d.is_nan() {
                return Err(error("ValueError", "Invalid value NaN (not a number)"));
            }
            if d < 0.0 {
                return Err(error("ValueError", "sleep length must be non-negative"));
            }
            if d.is_infinite() {
                return Err(error(
                    "OverflowError",
                    "timestamp out of range for platform time_t",
                ));
            }
            if ix.job_sleep(d)? {
                return Ok(Value::None);
            }
            block(ix, f, d)?;
            Ok(Value::None)
        }
        "time.perf_counter" | "time.monotonic" | "time.time" => Ok(Value::Float(ix.clock_now())),
        other => wall::call(ix, f, other, args),
    }
}

/// A blocking call of `d` seconds: the clock moves, no other task runs.
pub fn block(ix: &Interp, f: &Frame, d: f64) -> PyResult<()> {
    if d > ix.shared.limits.max_virtual.as_secs_f64() {
        return Err(ix.abort(format!(
            "time.sleep({}) would pass the run's {} s of virtual time (limit: virtual duration)",
            Value::Float(d).repr(),
            ix.shared.limits.max_virtual.as_secs()
        )));
    }
    let until = ix.vclock.get() + d;
    ix.emit(
        f,
        EventKind::Blocked {
            until: Duration::from_secs_f64(until),
        },
    );
    ix.shared.block(Duration::from_secs_f64(d));
    ix.set_vclock(until);
    ix.emit(f, EventKind::Unblocked);
    Ok(())
}
