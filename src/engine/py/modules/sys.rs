//! `sys`: the two output streams (`sys.stdout`, `sys.stderr`), `argv`,
//! `exit`, `platform`, `version`, `version_info`, `hexversion`, `maxsize`
//! and `getrecursionlimit`.
//!
//! Both streams are line-buffered: a line goes out (as a printed line of the
//! transcript, or a line on stderr) when its newline is written; a line
//! left unfinished goes out when the run ends. `print` to stdout ends its
//! text as a line whatever its `end=` (the transcript holds whole lines),
//! after what `sys.stdout.write` left unfinished; `print` to stderr writes
//! its `end=` as CPython does.

use crate::engine::events::{EventKind, LaneId};
use crate::engine::py::types::exc::{self, PyResult, type_error};
use crate::engine::py::types::native::{Args, Native, downcast};
use crate::engine::py::types::value::Value;
use crate::engine::py::vm::interp::{Ctx, Frame, Interp};
use std::cell::RefCell;
use std::rc::Rc;

/// Which stream.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Stream {
    Stdout,
    Stderr,
}

/// `sys.stdout` or `sys.stderr`.
pub struct StreamObj(Stream);

impl Native for StreamObj {
    fn type_name(&self) -> &str {
        "_io.TextIOWrapper"
    }

    fn repr(&self) -> String {
        let name = match self.0 {
            Stream::Stdout => "<stdout>",
            Stream::Stderr => "<stderr>",
        };
        format!("<_io.TextIOWrapper name='{name}' mode='w' encoding='utf-8'>")
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(name, "write" | "flush")
    }

    fn call_method(
        self: Rc<Self>,
        ix: &Rc<Interp>,
        cx: &Ctx,
        name: &str,
        args: Args,
    ) -> Option<PyResult<Value>> {
        Some(match name {
            "write" => write_method(ix, cx, self.0, args),
            "flush" => {
                if args.pos.is_empty() && args.kw.is_empty() {
                    Ok(Value::None)
                } else {
                    Err(type_error(format!(
                        "TextIOWrapper.flush() takes no arguments ({} given)",
                        args.pos.len() + args.kw.len()
                    )))
                }
            }
            _ => return None,
        })
    }
}

fn write_method(ix: &Interp, cx: &Frame, stream: Stream, args: Args) -> PyResult<Value> {
    if !args.kw.is_empty() {
        return Err(type_error(
            "TextIOWrapper.write() takes no keyword arguments",
        ));
    }
    let [text] = args.pos.as_slice() else {
        return Err(type_error(format!(
            "TextIOWrapper.write() takes exactly one argument ({} given)",
            args.pos.len()
        )));
    };
    let Value::Str(text) = text else {
        return Err(type_error(format!(
            "write() argument must be str, not {}",
            text.type_name()
        )));
    };
    write(ix, cx, stream, text)?;
    Ok(Value::Int(text.chars().count() as i64))
}

/// Bytes a run may print (both streams), past which it ends.
const MAX_OUTPUT: usize = 10 * 1024 * 1024;

/// What `sys` holds for the run on this thread.
#[derive(Default)]
struct State {
    /// The text written to each stream and not yet ended by a newline.
    stdout: String,
    stderr: String,
    /// `sys.argv`, `sys.stdout` and `sys.stderr`: one object each for the
    /// run.
    argv: Option<Value>,
    streams: Option<[Value; 2]>,
    /// `sys.version_info`, once read.
    version_info: Option<Value>,
    /// The lane of `asyncio.run`'s main task, once it runs.
    main_lane: Option<LaneId>,
    /// The `SystemExit` a task other than main ended with: `asyncio.run`
    /// stops and raises it.
    exit: Option<Value>,
}

impl State {
    fn pending(&mut self, stream: Stream) -> &mut String {
        match stream {
            Stream::Stdout => &mut self.stdout,
            Stream::Stderr => &mut self.stderr,
        }
    }
}

thread_local! {
    static STATE: RefCell<State> = RefCell::default();
}

/// Starts a run of the program `file` (its `sys.argv[0]`).
pub fn start(file: &str) {
    STATE.with(|s| {
        *s.borrow_mut() = State {
            argv: Some(Value::list(vec![Value::str(file)])),
            streams: Some(
                [Stream::Stdout, Stream::Stderr].map(|s| Value::Native(Rc::new(StreamObj(s)))),
            ),
            ..State::default()
        }
    });
}

/// `asyncio.run` made its main task, on this lane.
pub fn main_task(lane: LaneId) {
    STATE.with(|s| s.borrow_mut().main_lane = Some(lane));
}

/// The lane of `asyncio.run`'s main task, once it runs.
pub fn main_lane() -> Option<LaneId> {
    STATE.with(|s| s.borrow().main_lane)
}

/// A task other than main ended with this `SystemExit`: as in CPython, it
/// leaves the event loop, and `asyncio.run` cancels the tasks (main too)
/// and raises it (the first one, if more tasks exit).
pub fn request_exit(e: Value) {
    STATE.with(|s| {
        s.borrow_mut().exit.get_or_insert(e);
    });
}

/// The `SystemExit` a task ended the loop with, once.
pub fn take_exit() -> Option<Value> {
    STATE.with(|s| s.borrow_mut().exit.take())
}

/// Counts `n` bytes of output against the run's limit.
fn count_output(ix: &Interp, n: usize) -> PyResult<()> {
    let total = ix.printed.get() + n;
    ix.printed.set(total);
    if total > MAX_OUTPUT {
        return Err(ix.abort(format!(
            "the demo printed more than {} MiB (limit: output size)",
            MAX_OUTPUT >> 20
        )));
    }
    Ok(())
}

/// The stream `print(file=...)` names: `None` for stdout, or one of the
/// two streams; anything else is not supported.
pub fn print_target(file: Option<Value>) -> PyResult<Stream> {
    match file {
        None | Some(Value::None) => Ok(Stream::Stdout),
        Some(v) => match downcast::<StreamObj>(&v) {
            Some(s) => Ok(s.0),
            None => Err(exc::unsupported(format!(
                "print(file=...) to {} (a demo prints to sys.stdout or sys.stderr)",
                v.type_name()
            ))),
        },
    }
}

/// Writes `text` to a stream: every line it ends goes out now, the rest
/// waits for its newline.
pub fn write(ix: &Interp, f: &Frame, stream: Stream, text: &str) -> PyResult<()> {
    count_output(ix, text.len())?;
    let done = STATE.with(|s| {
        let mut s = s.borrow_mut();
        let pending = s.pending(stream);
        pending.push_str(text);
        let end = pending.rfind('\n')?;
        let mut done: String = pending.drain(..=end).collect();
        done.pop();
        Some(done)
    });
    if let Some(done) = done {
        emit_lines(ix, f, stream, &done);
    }
    Ok(())
}

/// `print` to stdout: what `sys.stdout.write` left unfinished, then the
/// text, as whole lines.
pub fn print_lines(ix: &Interp, f: &Frame, text: &str) -> PyResult<()> {
    count_output(ix, text.len() + 1)?;
    let mut line = STATE.with(|s| std::mem::take(&mut s.borrow_mut().stdout));
    line.push_str(text);
    emit_lines(ix, f, Stream::Stdout, &line);
    Ok(())
}

/// Sends out what the streams hold unfinished (at the end of the run).
pub fn flush(ix: &Interp, f: &Frame) {
    for stream in [Stream::Stdout, Stream::Stderr] {
        let rest = STATE.with(|s| std::mem::take(s.borrow_mut().pending(stream)));
        if !rest.is_empty() {
            emit_lines(ix, f, stream, &rest);
        }
    }
}

/// One event per line of `text` (lines joined by `\n`, the last one not
/// ended).
fn emit_lines(ix: &Interp, f: &Frame, stream: Stream, text: &str) {
    if stream == Stream::Stdout && ix.job_print(f, text) {
        return;
    }
    let off_loop = ix.loop_closed.get();
    for line in text.split('\n') {
        let text = line.to_string();
        ix.emit(
            f,
            match stream {
                Stream::Stderr => EventKind::PrintedErr { text },
                Stream::Stdout if off_loop => EventKind::PrintedNoLoop { text },
                Stream::Stdout => EventKind::Printed { text },
            },
        );
    }
}

/// `sys.NAME`.
pub fn member(name: &str) -> Option<Value> {
    Some(match name {
        "stdout" => STATE.with(|s| s.borrow().streams.clone())?[0].clone(),
        "stderr" => STATE.with(|s| s.borrow().streams.clone())?[1].clone(),
        "argv" => STATE.with(|s| s.borrow().argv.clone())?,
        "platform" => Value::str("linux"),
        "version" => Value::str(VERSION),
        "version_info" => STATE.with(|s| {
            s.borrow_mut()
                .version_info
                .get_or_insert_with(|| {
                    super::namedtuple::value(
                        "sys.version_info",
                        &[
                            ("major", Value::Int(3)),
                            ("minor", Value::Int(11)),
                            ("micro", Value::Int(MICRO)),
                            ("releaselevel", Value::str("final")),
                            ("serial", Value::Int(0)),
                        ],
                    )
                })
                .clone()
        }),
        "hexversion" => Value::Int(0x030b_00f0 | (MICRO << 8)),
        "maxsize" => Value::Int(i64::MAX),
        "getrecursionlimit" => Value::Builtin("sys.getrecursionlimit"),
        "exit" => Value::Builtin("sys.exit"),
        _ => return None,
    })
}

/// The CPython the engine answers as: 3.11.7, the release its tests run.
const MICRO: i64 = 7;
const VERSION: &str = "3.11.7 (main, May  9 2026, 07:35:25) [GCC 12.2.0]";

/// Calls `sys.NAME`.
pub fn call(ix: &Interp, f: &Frame, name: &str, args: Args) -> PyResult<Value> {
    match name {
        "sys.exit" => {
            if let Some((k, _)) = args.kw.first() {
                return Err(type_error(format!(
                    "exit() takes no keyword arguments (got '{k}')"
                )));
            }
            if args.pos.len() > 1 {
                return Err(type_error(format!(
                    "exit expected at most 1 argument, got {}",
                    args.pos.len()
                )));
            }
            // In a task it ends the loop (see `request_exit`); in an
            // executor's job or a loop callback CPython's handling depends
            // on the loop's internals.
            if ix.running.get() && Rc::ptr_eq(&f.task(), &ix.module_task) {
                return Err(exc::unsupported(
                    "sys.exit() in an executor's job or a loop callback \
                     (return from it and exit from a task)",
                ));
            }
            let class = exc::class("SystemExit").expect("SystemExit exists");
            // As CPython raises it: a tuple becomes the exception's args.
            let args = match args.pos.as_slice() {
                [Value::Tuple(items)] => items.to_vec(),
                _ => args.pos,
            };
            Err(exc::Unwind::Exc(exc::instance(class, args)))
        }
        "sys.getrecursionlimit" => {
            if !args.pos.is_empty() || !args.kw.is_empty() {
                return Err(type_error(format!(
                    "sys.getrecursionlimit() takes no arguments ({} given)",
                    args.pos.len() + args.kw.len()
                )));
            }
            Ok(Value::Int(i64::from(ix.shared.limits.max_depth)))
        }
        other => ix.pure_builtin(f, other, args),
    }
}

/// The exit status a `SystemExit` ends the program with, and the text
/// CPython writes to stderr for it: `None` is 0, an int its low byte (as
/// the process reports it), anything else is written out and gives 1.
pub fn exit_status(ix: &Interp, f: &Frame, e: &Value) -> PyResult<(i32, Option<String>)> {
    Ok(match exit_code(e) {
        Value::None => (0, None),
        Value::Bool(b) => (i32::from(b), None),
        Value::Int(n) => ((n & 0xff) as i32, None),
        Value::BigInt(n) => {
            let low = (&*n & num_bigint::BigInt::from(0xff)).to_string();
            (low.parse().unwrap_or(1), None)
        }
        other => (1, Some(ix.str(f, &other)?)),
    })
}

/// `SystemExit(...).code`.
pub fn exit_code(e: &Value) -> Value {
    let args = exc::state(e)
        .map(|s| s.args.borrow().clone())
        .unwrap_or_default();
    match args.len() {
        0 => Value::None,
        1 => args[0].clone(),
        _ => Value::tuple(args),
    }
}
