//! A log record: its fields, the `%`-style format that writes it, and what
//! CPython's `Handler.handleError` writes when the record's `msg % args`
//! raised.

use super::{Handler, Logger, level_name};
use crate::engine::py::modules::time::calendar::{self, Tm, Zone};
use crate::engine::py::types::exc::{self, PyResult};
use crate::engine::py::types::percent;
use crate::engine::py::types::value::Value;
use crate::engine::py::vm::interp::{Frame, Interp};
use crate::engine::py::vm::stack::LIB;
use std::rc::Rc;

/// The frames of CPython 3.11's `logging/__init__.py` from a stream
/// handler's `emit` to the `msg % args` that raised: line, function, source
/// line and its marks.
const FORMAT_FRAMES: [(u32, &str, &str, &str); 4] = [
    (
        1110,
        "emit",
        "msg = self.format(record)",
        "      ^^^^^^^^^^^^^^^^^^^",
    ),
    (
        953,
        "format",
        "return fmt.format(record)",
        "       ^^^^^^^^^^^^^^^^^^",
    ),
    (
        687,
        "format",
        "record.message = record.getMessage()",
        "                 ^^^^^^^^^^^^^^^^^^^",
    ),
    (
        377,
        "getMessage",
        "msg = msg % self.args",
        "      ~~~~^~~~~~~~~~~",
    ),
];

/// What CPython's `Handler.handleError` writes to stderr when a record's
/// `msg % args` raised: the exception with `logging`'s frames, the call
/// stack of the log call, the message and its arguments.
pub(super) fn logging_error(ix: &Interp, f: &Frame, failed: &Failed) -> String {
    let mut out = String::from("--- Logging error ---\nTraceback (most recent call last):\n");
    for (line, func, text, marks) in FORMAT_FRAMES {
        out.push_str(&format!(
            "  File \"{LIB}/logging/__init__.py\", line {line}, in {func}\n    {text}\n    {marks}\n"
        ));
    }
    format!(
        "{out}{}\nCall stack:\n{}Message: {}\nArguments: {}\n",
        exc::summary(&failed.error),
        ix.call_stack(f),
        failed.msg,
        failed.args,
    )
}

/// One log record's fields.
pub(super) struct Record {
    pub(super) name: Rc<str>,
    pub(super) level: i64,
    pub(super) message: String,
    pub(super) created: f64,
    pub(super) func: String,
    pub(super) line: usize,
    pub(super) path: String,
    pub(super) exc_text: Option<String>,
    /// Set when `msg % args` raised: the record then prints CPython's
    /// logging error instead of itself.
    pub(super) failed: Option<Failed>,
}

/// A record whose `msg % args` raised.
pub(super) struct Failed {
    error: Value,
    /// `repr(msg)`.
    msg: String,
    /// `str(args)`.
    args: String,
}

impl Record {
    pub(super) fn new(
        ix: &Interp,
        f: &Frame,
        logger: &Logger,
        level: i64,
        msg: Value,
        args: Vec<Value>,
        exc_info: bool,
    ) -> PyResult<Record> {
        let text = percent::Text {
            str: &|v| ix.str(f, v),
            repr: &|v| ix.repr(f, v),
        };
        let mut message = ix.str(f, &msg)?;
        let mut failed = None;
        if !args.is_empty() {
            // A lone non-empty dict serves `%(key)s`, as logging's
            // `LogRecord` takes it.
            let mapping = match &args[..] {
                [Value::Dict(d)] if !d.borrow().is_empty() => Some(args[0].clone()),
                _ => None,
            };
            let get =
                |k: &str| ix.getitem(f, mapping.as_ref().unwrap_or(&Value::None), &Value::str(k));
            let source = percent::Source {
                args: &args,
                single: mapping.is_some(),
                key: mapping.is_some().then_some(&get as percent::Lookup),
            };
            match percent::format(&message, &source, &text) {
                Ok(m) => message = m,
                Err(exc::Unwind::Exc(error)) => {
                    // `record.args`: the one mapping a call passed alone, or
                    // the tuple of them.
                    let shown = match &mapping {
                        Some(d) => d.clone(),
                        None => Value::tuple(args.clone()),
                    };
                    failed = Some(Failed {
                        error,
                        msg: ix.repr(f, &msg)?,
                        args: ix.str(f, &shown)?,
                    });
                }
                Err(other) => return Err(other),
            }
        }
        let exc_text = if exc_info {
            let handling = f.handling.borrow().last().cloned();
            Some(match handling {
                Some(e) => crate::engine::py::traceback(&ix.program, &e),
                None => "NoneType: None".to_string(),
            })
        } else {
            None
        };
        Ok(Record {
            name: logger.name.clone(),
            level,
            message,
            created: ix.clock_now(),
            func: f.code.name.to_string(),
            line: ix.program.line_of(f.at.get()),
            path: ix.program.file.to_string(),
            exc_text,
            failed,
        })
    }

    /// The record as `handler` writes it.
    pub(super) fn format(&self, ix: &Interp, f: &Frame, handler: &Handler) -> PyResult<String> {
        let msecs = (self.created - self.created.trunc()) * 1000.0;
        let asctime = || {
            let tm = Tm::from_secs(self.created);
            let utc = Zone {
                offset: Some(0),
                name: "UTC".into(),
            };
            match &handler.datefmt {
                Some(datefmt) => calendar::strftime(datefmt, &tm, &utc),
                None => format!(
                    "{},{:03}",
                    calendar::strftime("%Y-%m-%d %H:%M:%S", &tm, &utc),
                    msecs as i64
                ),
            }
        };
        let file = self
            .path
            .rsplit('/')
            .next()
            .unwrap_or(&self.path)
            .to_string();
        let field = |name: &str| -> PyResult<Option<Value>> {
            Ok(Some(match name {
                "name" => Value::Str(self.name.clone()),
                "levelname" => Value::str(&level_name(self.level)),
                "levelno" => Value::Int(self.level),
                "message" => Value::str(&self.message),
                "msg" => Value::str(&self.message),
                "asctime" => Value::str(&asctime()),
                "created" => Value::Float(self.created),
                "msecs" => Value::Float(msecs.trunc()),
                "relativeCreated" => Value::Float(self.created * 1000.0),
                "funcName" => Value::str(&self.func),
                "lineno" => Value::Int(self.line as i64),
                "pathname" => Value::str(&self.path),
                "filename" => Value::str(&file),
                "module" => Value::str(file.strip_suffix(".py").unwrap_or(&file)),
                "threadName" => Value::str("MainThread"),
                "processName" => Value::str("MainProcess"),
                "process" | "thread" => {
                    return Err(exc::unsupported(format!(
                        "%({name}) in a logging format (it differs from run to run)"
                    )));
                }
                _ => return Ok(None),
            }))
        };
        let text = percent::Text {
            str: &|v| ix.str(f, v),
            repr: &|v| ix.repr(f, v),
        };
        let get = |k: &str| field(k)?.ok_or_else(|| exc::error("KeyError", format!("'{k}'")));
        let source = percent::Source {
            args: &[],
            single: false,
            key: Some(&get as percent::Lookup),
        };
        let mut out = percent::format(&handler.fmt, &source, &text).map_err(|e| match e {
            exc::Unwind::Exc(_) => exc::unsupported(
                "a logging format that fails on a record (CPython prints \
                     '--- Logging error ---' and goes on)",
            ),
            other => other,
        })?;
        if let Some(exc) = &self.exc_text {
            if !out.ends_with('\n') {
                out.push('\n');
            }
            out.push_str(exc);
        }
        Ok(out)
    }
}
