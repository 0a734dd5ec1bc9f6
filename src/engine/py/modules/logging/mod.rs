//! `logging`, as CPython 3.11's `Lib/logging/__init__.py` behaves for a
//! program that logs to the console: `basicConfig` (one stream handler on
//! the root logger, to stderr or stdout), loggers by name with levels and
//! the dotted hierarchy, the `%`-style format with the record's fields
//! (`asctime` on the run's virtual clock, as UTC), and the last-resort
//! handler (WARNING and above, the bare message, to stderr) when nothing is
//! configured.

use super::sys::{self, Stream};
use crate::engine::py::types::exc::{self, PyResult, type_error, value_error};
use crate::engine::py::types::native::{Args, Native};
use crate::engine::py::types::value::Value;
use crate::engine::py::vm::interp::{Ctx, Frame, Interp};
use indexmap::IndexMap;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

mod record;

use record::{Record, logging_error};

/// The level names and numbers.
const LEVELS: &[(&str, i64)] = &[
    ("CRITICAL", 50),
    ("FATAL", 50),
    ("ERROR", 40),
    ("WARNING", 30),
    ("WARN", 30),
    ("INFO", 20),
    ("DEBUG", 10),
    ("NOTSET", 0),
];

/// `logging.getLevelName(level)` for a number.
fn level_name(level: i64) -> String {
    match level {
        50 => "CRITICAL".into(),
        40 => "ERROR".into(),
        30 => "WARNING".into(),
        20 => "INFO".into(),
        10 => "DEBUG".into(),
        0 => "NOTSET".into(),
        n => format!("Level {n}"),
    }
}

/// The format `basicConfig` uses when given none.
const BASIC_FORMAT: &str = "%(levelname)s:%(name)s:%(message)s";

/// A handler: where records go and how they are written.
#[derive(Clone)]
struct Handler {
    stream: Stream,
    fmt: Rc<str>,
    datefmt: Option<Rc<str>>,
}

/// A logger: its name and level (the root logger is named `root`).
pub struct Logger {
    name: Rc<str>,
    level: Cell<i64>,
}

impl Logger {
    fn is_root(&self) -> bool {
        &*self.name == "root"
    }
}

/// The loggers and the root's handlers of the run on this thread.
#[derive(Default)]
struct State {
    root: Option<Rc<Logger>>,
    loggers: IndexMap<Rc<str>, Rc<Logger>>,
    handlers: Vec<Handler>,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::default();
}

/// Starts a run: no loggers, nothing configured.
pub fn start() {
    STATE.with(|s| *s.borrow_mut() = State::default());
}

fn root() -> Rc<Logger> {
    STATE.with(|s| {
        s.borrow_mut()
            .root
            .get_or_insert_with(|| {
                Rc::new(Logger {
                    name: "root".into(),
                    level: Cell::new(30),
                })
            })
            .clone()
    })
}

/// `logging.getLogger(name)`: one logger per name.
fn get_logger(name: Option<&str>) -> Rc<Logger> {
    match name {
        None | Some("") | Some("root") => root(),
        Some(name) => STATE.with(|s| {
            s.borrow_mut()
                .loggers
                .entry(Rc::from(name))
                .or_insert_with(|| {
                    Rc::new(Logger {
                        name: name.into(),
                        level: Cell::new(0),
                    })
                })
                .clone()
        }),
    }
}

/// The level that decides for `logger`: its own, or its nearest
/// ancestor's (by the dotted name) that has one, or the root's.
fn effective_level(logger: &Logger) -> i64 {
    if logger.level.get() != 0 || logger.is_root() {
        return logger.level.get();
    }
    let mut name: &str = &logger.name;
    while let Some(dot) = name.rfind('.') {
        name = &name[..dot];
        let parent = STATE.with(|s| s.borrow().loggers.get(name).cloned());
        if let Some(p) = parent
            && p.level.get() != 0
        {
            return p.level.get();
        }
    }
    root().level.get()
}

/// A level given as a number or a name (`setLevel`, `basicConfig`).
fn check_level(v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(n) => Ok(*n),
        Value::Bool(b) => Ok(i64::from(*b)),
        Value::Str(s) => LEVELS
            .iter()
            .find(|(name, _)| *name == &**s)
            .map(|(_, n)| *n)
            .ok_or_else(|| value_error(format!("Unknown level: {}", Value::Str(s.clone()).repr()))),
        other => Err(type_error(format!(
            "Level not an integer or a valid string: {}",
            other.repr()
        ))),
    }
}

impl Native for Logger {
    fn type_name(&self) -> &str {
        if self.is_root() {
            "RootLogger"
        } else {
            "Logger"
        }
    }

    fn repr(&self) -> String {
        format!(
            "<{} {} ({})>",
            self.type_name(),
            self.name,
            level_name(effective_level(self))
        )
    }

    fn attr(self: Rc<Self>, name: &str) -> Option<Value> {
        Some(match name {
            "name" => Value::Str(self.name.clone()),
            "level" => Value::Int(self.level.get()),
            _ => return None,
        })
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(
            name,
            "debug"
                | "info"
                | "warning"
                | "error"
                | "critical"
                | "exception"
                | "log"
                | "setLevel"
                | "getEffectiveLevel"
                | "isEnabledFor"
        )
    }

    fn call_method(
        self: Rc<Self>,
        ix: &Rc<Interp>,
        cx: &Ctx,
        name: &str,
        mut args: Args,
    ) -> Option<PyResult<Value>> {
        let level = match name {
            "debug" => 10,
            "info" => 20,
            "warning" => 30,
            "error" | "exception" => 40,
            "critical" => 50,
            "log" => match take_level(&mut args, "log") {
                Ok(l) => l,
                Err(e) => return Some(Err(e)),
            },
            "setLevel" => {
                return Some(match args.pos.as_slice() {
                    [level] => check_level(level).map(|l| {
                        self.level.set(l);
                        Value::None
                    }),
                    _ => Err(type_error(format!(
                        "Logger.setLevel() takes 2 positional arguments but {} were given",
                        args.pos.len() + 1
                    ))),
                });
            }
            "getEffectiveLevel" => return Some(Ok(Value::Int(effective_level(&self)))),
            "isEnabledFor" => {
                return Some(match args.pos.as_slice() {
                    [Value::Int(l)] => Ok(Value::Bool(*l >= effective_level(&self))),
                    _ => Err(type_error("isEnabledFor() takes a level number")),
                });
            }
            "addHandler" | "removeHandler" | "addFilter" | "handle" => {
                return Some(Err(exc::unsupported(format!(
                    "Logger.{name} (a demo configures its output with logging.basicConfig)"
                ))));
            }
            _ => return None,
        };
        Some(log(ix, cx, &self, level, name == "exception", args))
    }
}

/// The level argument of `log(level, msg, ...)`.
fn take_level(args: &mut Args, what: &str) -> PyResult<i64> {
    if args.pos.is_empty() {
        return Err(type_error(format!(
            "{what}() missing 2 required positional arguments: 'level' and 'msg'"
        )));
    }
    match args.pos.remove(0) {
        Value::Int(n) => Ok(n),
        Value::Bool(b) => Ok(i64::from(b)),
        _ => Err(type_error("level must be an integer")),
    }
}

/// What asyncio logs when `asyncio.run` makes its loop: a DEBUG record
/// of the `asyncio` logger from `selector_events.py`, as CPython 3.11's
/// `BaseSelectorEventLoop.__init__` writes it on Linux.
pub fn loop_created(ix: &Interp, f: &Frame) -> PyResult<()> {
    let logger = get_logger(Some("asyncio"));
    if 10 < effective_level(&logger) {
        return Ok(());
    }
    let record = Record {
        name: logger.name.clone(),
        level: 10,
        message: "Using selector: EpollSelector".into(),
        created: ix.clock_now(),
        func: "__init__".into(),
        line: 54,
        path: "asyncio/selector_events.py".into(),
        exc_text: None,
        failed: None,
    };
    emit(ix, f, &record)
}

/// Writes a record to the configured handlers, or else (WARNING and
/// above) to the last resort.
fn emit(ix: &Interp, f: &Frame, record: &Record) -> PyResult<()> {
    let handlers = STATE.with(|s| s.borrow().handlers.clone());
    let handlers = if handlers.is_empty() {
        if record.level < 30 {
            return Ok(());
        }
        vec![Handler {
            stream: Stream::Stderr,
            fmt: "%(message)s".into(),
            datefmt: None,
        }]
    } else {
        handlers
    };
    for h in &handlers {
        if let Some(failed) = &record.failed {
            sys::write(ix, f, Stream::Stderr, &logging_error(ix, f, failed))?;
            continue;
        }
        let text = record.format(ix, f, h)?;
        sys::write(ix, f, h.stream, &(text + "\n"))?;
    }
    Ok(())
}

/// Logs `msg % args` at `level` through `logger`.
fn log(
    ix: &Interp,
    f: &Frame,
    logger: &Logger,
    level: i64,
    exception: bool,
    mut args: Args,
) -> PyResult<Value> {
    let exc_info = args.take_kw("exc_info");
    for k in ["stack_info", "stacklevel", "extra"] {
        if args.take_kw(k).is_some() {
            return Err(exc::unsupported(format!("logging's '{k}=' argument")));
        }
    }
    if let Some((k, _)) = args.kw.first() {
        return Err(type_error(format!(
            "Logger._log() got an unexpected keyword argument '{k}'"
        )));
    }
    if args.pos.is_empty() {
        return Err(type_error("missing 1 required positional argument: 'msg'"));
    }
    let msg = args.pos.remove(0);
    if level < effective_level(logger) {
        return Ok(Value::None);
    }
    let exc_info = match exc_info {
        Some(v) => ix.truthy(f, &v)?,
        None => exception,
    };
    let record = Record::new(ix, f, logger, level, msg, args.pos, exc_info)?;
    emit(ix, f, &record)?;
    Ok(Value::None)
}

/// `logging.basicConfig(...)`: a stream handler on the root logger, unless
/// it has one (or `force=True`).
fn basic_config(ix: &Interp, f: &Frame, mut args: Args) -> PyResult<Value> {
    if !args.pos.is_empty() {
        return Err(type_error(format!(
            "basicConfig() takes 0 positional arguments but {} were given",
            args.pos.len()
        )));
    }
    let force = match args.take_kw("force") {
        Some(v) => ix.truthy(f, &v)?,
        None => false,
    };
    let level = args.take_kw("level");
    let fmt = args.take_kw("format");
    let datefmt = args.take_kw("datefmt");
    let stream = args.take_kw("stream");
    let style = args.take_kw("style");
    if let Some((k, _)) = args.kw.first() {
        let names: Vec<&str> = args.kw.iter().map(|(k, _)| &**k).collect();
        if matches!(
            &**k,
            "filename" | "filemode" | "handlers" | "encoding" | "errors"
        ) {
            return Err(exc::unsupported(format!(
                "basicConfig's '{k}=' (a demo logs to sys.stderr or sys.stdout)"
            )));
        }
        return Err(value_error(format!(
            "Unrecognised argument(s): {}",
            names.join(", ")
        )));
    }
    if let Some(style) = &style
        && !matches!(style, Value::Str(s) if &**s == "%")
    {
        return Err(exc::unsupported(
            "basicConfig's style= other than '%' (write the format with %(name)s fields)",
        ));
    }
    let configured = STATE.with(|s| !s.borrow().handlers.is_empty());
    if configured && !force {
        return Ok(Value::None);
    }
    let stream = match stream {
        None | Some(Value::None) => Stream::Stderr,
        Some(v) => sys::print_target(Some(v))?,
    };
    let text = |v: Option<Value>, default: Option<&str>| -> PyResult<Option<Rc<str>>> {
        match v {
            None | Some(Value::None) => Ok(default.map(Rc::from)),
            Some(Value::Str(s)) => Ok(Some(s)),
            Some(other) => Err(type_error(format!(
                "expected str, not {}",
                other.type_name()
            ))),
        }
    };
    let handler = Handler {
        stream,
        fmt: text(fmt, Some(BASIC_FORMAT))?.expect("a default"),
        datefmt: text(datefmt, None)?,
    };
    STATE.with(|s| s.borrow_mut().handlers = vec![handler]);
    if let Some(level) = level {
        root().level.set(check_level(&level)?);
    }
    Ok(Value::None)
}

/// `logging.NAME`.
pub fn member(name: &str) -> Option<Value> {
    if let Some((_, n)) = LEVELS.iter().find(|(l, _)| *l == name) {
        return Some(Value::Int(*n));
    }
    let full = [
        "logging.basicConfig",
        "logging.getLogger",
        "logging.getLevelName",
        "logging.debug",
        "logging.info",
        "logging.warning",
        "logging.error",
        "logging.critical",
        "logging.exception",
        "logging.log",
    ]
    .into_iter()
    .find(|b| &b["logging.".len()..] == name)?;
    Some(Value::Builtin(full))
}

/// Calls `logging.NAME`.
pub fn call(ix: &Interp, f: &Frame, name: &str, mut args: Args) -> PyResult<Value> {
    let level = match name {
        "logging.basicConfig" => return basic_config(ix, f, args),
        "logging.getLogger" => {
            let logger = match args.pos.first().or(args.kw.first().map(|(_, v)| v)) {
                None | Some(Value::None) => get_logger(None),
                Some(Value::Str(s)) => get_logger(Some(s)),
                Some(_) => return Err(type_error("A logger name must be a string")),
            };
            return Ok(Value::Native(logger));
        }
        "logging.getLevelName" => {
            return match args.pos.first() {
                Some(Value::Int(n)) => Ok(Value::str(&level_name(*n))),
                Some(Value::Str(s)) => Ok(LEVELS.iter().find(|(l, _)| *l == &**s).map_or_else(
                    || Value::str(&format!("Level {s}")),
                    |(_, n)| Value::Int(*n),
                )),
                _ => Err(type_error(
                    "getLevelName() missing 1 required positional argument: 'level'",
                )),
            };
        }
        "logging.debug" => 10,
        "logging.info" => 20,
        "logging.warning" => 30,
        "logging.error" | "logging.exception" => 40,
        "logging.critical" => 50,
        "logging.log" => take_level(&mut args, "log")?,
        other => return ix.pure_builtin(f, other, args),
    };
    // The module's functions configure the root logger first, if nothing
    // has.
    if STATE.with(|s| s.borrow().handlers.is_empty()) {
        basic_config(ix, f, Args::default())?;
    }
    log(ix, f, &root(), level, name == "logging.exception", args)
}
