//! `logging` in the Rust listing: a program that configures the root
//! logger once at the top of the module (`logging.basicConfig(...)`), or
//! never, and logs through `logging.<level>(...)` or loggers it names at
//! module level (`log = logging.getLogger("app")`). The level and format
//! are known when the listing is written, so each record that passes the
//! level is one `eprintln!` (`println!` for `stream=sys.stdout`) of the
//! line Python's handler writes, and each one below it is a comment.

use super::log_message::message;
use super::scope::Scope;
use super::{Planner, Result, module_stmts, refuse};
use crate::program::{
    self as py, Arg, ExprKind as E, Literal, Module, Name, StmtKind as P, Target,
};
use crate::render::plan::ir::ast::StmtKind;
use crate::render::plan::ir::expr::{Part, Template};
use std::ops::Range;

/// The format `basicConfig` writes with when given none.
pub(super) const BASIC_FORMAT: &str = "%(levelname)s:%(name)s:%(message)s";

/// How the program's records are written.
pub(super) struct Setup {
    /// The root logger's level: records below it are dropped.
    pub(super) level: i64,
    /// The handler's `%`-style format; `None` for the last-resort handler,
    /// which writes the bare message.
    pub(super) format: Option<String>,
    /// `stream=sys.stdout`: the records go to stdout.
    pub(super) stdout: bool,
}

/// A level's number by its name (`logging.INFO` or `"INFO"`).
pub(super) fn level_number(name: &str) -> Option<i64> {
    Some(match name {
        "CRITICAL" | "FATAL" => 50,
        "ERROR" => 40,
        "WARNING" | "WARN" => 30,
        "INFO" => 20,
        "DEBUG" => 10,
        "NOTSET" => 0,
        _ => return None,
    })
}

/// Every statement of `block`, those of the functions and classes it
/// defines too.
pub(super) fn walk_all<'a>(block: &'a [py::Stmt], f: &mut impl FnMut(&'a py::Stmt)) {
    crate::program::walk(block, &mut |s| {
        f(s);
        if let P::Def { code, .. } | P::Class { code, .. } = &s.kind {
            walk_all(&code.body, f);
        }
    });
}

/// A level's name by its number.
pub(super) fn level_label(level: i64) -> &'static str {
    match level {
        50.. => "CRITICAL",
        40.. => "ERROR",
        30.. => "WARNING",
        20.. => "INFO",
        10.. => "DEBUG",
        _ => "NOTSET",
    }
}

/// The record's level name and number for a logging method.
fn method_level(method: &str) -> Option<(&'static str, i64)> {
    Some(match method {
        "debug" => ("DEBUG", 10),
        "info" => ("INFO", 20),
        "warning" => ("WARNING", 30),
        "error" => ("ERROR", 40),
        "critical" => ("CRITICAL", 50),
        _ => return None,
    })
}

/// A string literal's text.
fn str_lit(e: &py::Expr) -> Option<&str> {
    match &e.kind {
        E::Literal(Literal::Str(s)) => Some(s),
        _ => None,
    }
}

/// Whether `e` is plainly a string: a literal, an f-string or `str(...)`,
/// which `%d` and `%f` do not take.
fn is_text(e: &py::Expr) -> bool {
    match &e.kind {
        E::Literal(Literal::Str(_)) | E::FString(_) => true,
        E::Call(f, _) => matches!(&f.kind, E::Name(py::Name::Global(n)) if &**n == "str"),
        _ => false,
    }
}

impl Planner<'_> {
    /// The module's top-level statements.
    fn top_stmts(&self) -> Vec<&py::Stmt> {
        module_stmts(&self.program.module.body)
    }

    /// The logger name a module-level `name = logging.getLogger(...)`
    /// gives `name`.
    pub(super) fn named_logger(&self, name: &str) -> Option<String> {
        self.top_stmts().into_iter().find_map(|s| match &s.kind {
            P::Assign { targets, value } => match targets.as_slice() {
                [Target::Name(Name::Global(n))] if &**n == name && self.bound_once(targets) => {
                    self.logger_name(value)
                }
                _ => None,
            },
            _ => None,
        })
    }

    /// The name of the logger `logging.getLogger(...)` returns (an empty
    /// name is the root's).
    pub(super) fn logger_name(&self, e: &py::Expr) -> Option<String> {
        let E::Call(f, args) = &e.kind else {
            return None;
        };
        if !self.is_member(f, Module::Logging, "getLogger") {
            return None;
        }
        match args.as_slice() {
            [] => Some("root".into()),
            [Arg::Positional(a)] => match &a.kind {
                E::Name(n) if &**n.ident() == "__name__" => Some("__main__".into()),
                _ => str_lit(a).map(|n| if n.is_empty() { "root" } else { n }.to_string()),
            },
            _ => None,
        }
    }

    /// Whether `s` is a module-level `name = logging.getLogger(...)` that
    /// the listing needs no statement for: its records name the logger.
    pub(super) fn logger_binding(&self, s: &py::Stmt) -> bool {
        self.top_stmts().into_iter().any(|m| {
            m.id == s.id
                && matches!(&m.kind, P::Assign { targets, value }
                    if matches!(targets.as_slice(), [Target::Name(Name::Global(_))])
                        && self.logger_name(value).is_some()
                        && self.bound_once(targets))
        })
    }

    /// The logger a name stands for: a module-level `name =
    /// logging.getLogger(...)` read in a function, or in the module's own
    /// code (where the module's variables are `main`'s locals).
    pub(super) fn logger_named_by(&self, sc: &Scope, obj: &py::Expr) -> Option<String> {
        match &obj.kind {
            E::Name(Name::Local(_, n))
                if let Some((_, name)) = sc.loggers.iter().find(|(v, _)| v == &**n) =>
            {
                Some(name.clone())
            }
            E::Name(Name::Global(n)) => self.named_logger(n),
            E::Name(Name::Local(_, n)) if sc.module => {
                self.top_stmts().into_iter().find_map(|s| match &s.kind {
                    P::Assign { targets, value } => match targets.as_slice() {
                        [Target::Name(Name::Global(g))]
                            if g.to_lowercase() == n.to_lowercase() && self.logger_binding(s) =>
                        {
                            self.logger_name(value)
                        }
                        _ => None,
                    },
                    _ => None,
                })
            }
            _ => None,
        }
    }

    /// Whether the module binds the target's name in one statement only.
    fn bound_once(&self, targets: &[Target]) -> bool {
        let [Target::Name(n)] = targets else {
            return false;
        };
        let mut count = 0;
        crate::program::walk(&self.program.module.body, &mut |s| {
            if let P::Assign { targets, .. } = &s.kind
                && matches!(targets.as_slice(), [Target::Name(m)] if m.ident() == n.ident())
            {
                count += 1;
            }
        });
        count == 1
    }

    /// The root logger's level: the one `basicConfig`'s, else WARNING.
    pub(super) fn root_level(&self, span: &Range<usize>) -> Result<i64> {
        self.log_setup(span).map(|setup| setup.level)
    }

    /// How records are written: the one `basicConfig` at the top of the
    /// module, or the handler Python falls back to.
    pub(super) fn log_setup(&self, span: &Range<usize>) -> Result<Setup> {
        let code = self.top_stmts();
        let mut configs: Vec<(&py::Stmt, &[Arg])> = Vec::new();
        let mut uses_root = false;
        let mut uses_named = false;
        let local_loggers = self.local_logger_names();
        walk_all(&self.program.module.body, &mut |s| {
            let P::Expr(e) = &s.kind else {
                return;
            };
            let E::Call(f, args) = &e.kind else {
                return;
            };
            if self.is_member(f, Module::Logging, "basicConfig") {
                configs.push((s, args.as_slice()));
            }
            let E::Attr(obj, m) = &f.kind else {
                return;
            };
            if method_level(m).is_none() {
                return;
            }
            if self.member(f).is_some_and(|(m, _)| m == Module::Logging) {
                uses_root = true;
            } else if let E::Name(Name::Global(n)) = &obj.kind
                && self.named_logger(n).is_some()
            {
                uses_named = true;
            } else if let E::Name(Name::Local(_, n)) = &obj.kind
                && local_loggers.contains(&**n)
            {
                uses_named = true;
            }
        });
        let Some(&(config, args)) = configs.first() else {
            // `logging.warning(...)` configures the root logger on first
            // use; a named logger's records go to the last-resort handler
            // until then: which comes first depends on the run.
            if uses_root && uses_named {
                return refuse(
                    span,
                    "records of the root logger and of named loggers with nothing configured",
                    "the root logger's functions call `basicConfig()` on first use, which \
                     changes how named loggers write: call `logging.basicConfig(...)` first",
                );
            }
            return Ok(Setup {
                level: 30,
                format: uses_root.then(|| BASIC_FORMAT.to_string()),
                stdout: false,
            });
        };
        // Records written before it would be written another way.
        let early = match code.iter().position(|s| s.id == config.id) {
            Some(at) => code[..at]
                .iter()
                .any(|s| !super::module::is_definition(s) && !self.logger_binding(s)),
            None => true,
        };
        if configs.len() > 1 || early {
            let at = configs.iter().find(|(c, _)| c.id != config.id || early);
            return refuse(
                &at.map_or(config, |(c, _)| c).span,
                "`logging.basicConfig(...)` here",
                "the Rust listing writes records as one `basicConfig` at the top of the module \
                 (before any other code) sets, or follows a later one of keywords only (not \
                 `force=`) in the module's code or the entry coroutine's own block, where no \
                 other function logs",
            );
        }
        self.config(args, span)
    }

    /// How `logging.basicConfig(args)` sets records to be written, where it
    /// configures the root logger.
    pub(super) fn config(&self, args: &[Arg], span: &Range<usize>) -> Result<Setup> {
        let mut setup = Setup {
            level: 30,
            format: Some(BASIC_FORMAT.to_string()),
            stdout: false,
        };
        for a in args {
            let Arg::Keyword(k, v) = a else {
                return refuse(
                    span,
                    "`logging.basicConfig(...)` here",
                    "it takes keywords only",
                );
            };
            let ok = match &**k {
                "level" => {
                    let level = match &v.kind {
                        E::Literal(Literal::Int(n)) => Some(*n),
                        E::Literal(Literal::Str(s)) => level_number(s),
                        _ => match self.member(v) {
                            Some((Module::Logging, name)) => level_number(name),
                            _ => None,
                        },
                    };
                    level.map(|l| setup.level = l).is_some()
                }
                "format" => str_lit(v)
                    .map(|f| setup.format = Some(f.to_string()))
                    .is_some(),
                "stream" => match self.member(v) {
                    Some((Module::Sys, "stdout")) => {
                        setup.stdout = true;
                        true
                    }
                    Some((Module::Sys, "stderr")) => true,
                    _ => false,
                },
                _ => false,
            };
            if !ok {
                return refuse(
                    &v.span,
                    format!("`basicConfig({k}=...)` here"),
                    "the Rust listing writes records with a `level=` (a level of `logging` or \
                     its name), a literal `format=` and `stream=sys.stdout` or `sys.stderr`",
                );
            }
            if &**k == "level" && setup.level <= 10 && self.runs_event_loop() {
                return refuse(
                    &v.span,
                    format!("`basicConfig(level={})` here", self.text(&v.span)),
                    "at DEBUG, asyncio's own logger writes `Using selector: EpollSelector` as \
                     the event loop starts, a record Tokio's runtime has no counterpart for: \
                     the Rust listing writes the records of a level of INFO or above",
                );
            }
        }
        Ok(setup)
    }

    /// A statement that configures logging, names a logger or logs a
    /// record: `logging.basicConfig(...)` (nothing to run: its records are
    /// written as it sets), `logging.warning(msg, *args)` and
    /// `log.info(msg, *args)`; `None` for another statement.
    pub(super) fn log_stmt(&self, sc: &Scope, e: &py::Expr) -> Result<Option<StmtKind>> {
        let E::Call(f, args) = &e.kind else {
            return Ok(None);
        };
        if self.is_member(f, Module::Logging, "basicConfig") {
            if let Some(note) = self.log_change_stmt("basicConfig", e)? {
                return Ok(Some(note));
            }
            let setup = self.log_setup(&e.span)?;
            let stream = if setup.stdout {
                "println!"
            } else {
                "eprintln!"
            };
            let level = level_label(setup.level);
            return Ok(Some(StmtKind::Note(format!(
                "`logging.basicConfig`: each record at {level} or above is one `{stream}`."
            ))));
        }
        let E::Attr(obj, method) = &f.kind else {
            return Ok(None);
        };
        let logger = match self.member(f) {
            Some((Module::Logging, _)) => "root".to_string(),
            Some(_) => return Ok(None),
            None => match self.logger_named_by(sc, obj) {
                Some(name) => name,
                // `logging.getLogger().setLevel(...)`, followed as the program runs.
                None if &**method == "setLevel" && self.logger_name(obj).is_some() => {
                    return self.log_change_stmt(method, e);
                }
                None => return Ok(None),
            },
        };
        let call = self.text(&e.span).to_string();
        // `logging.log(logging.ERROR, msg, ...)`: the record of that level.
        let (level_name, level, args) = match (method_level(method), &**method, args.as_slice()) {
            (Some((name, level)), _, _) => (name, level, args.as_slice()),
            (None, "log", [Arg::Positional(l), rest @ ..]) if let Some(l) = self.level_of(l) => {
                match method_level(&level_label(l).to_lowercase()) {
                    Some((name, level)) if level == l => (name, level, rest),
                    _ => return Ok(None),
                }
            }
            (None, "setLevel", _) if let Some(note) = self.log_change_stmt(method, e)? => {
                return Ok(Some(note));
            }
            _ => return self.unlogged(method, &call, &e.span).map(|()| None),
        };
        // `exc_info=False` adds nothing to the record.
        let args: Vec<Arg> = args
            .iter()
            .filter(|a| {
                !matches!(a, Arg::Keyword(k, v)
                    if &**k == "exc_info" && matches!(v.kind, E::Literal(Literal::Bool(false))))
            })
            .cloned()
            .collect();
        if let Some(Arg::Keyword(k, _)) = args.iter().find(|a| matches!(a, Arg::Keyword(..))) {
            return self.log_keyword(k, &call, &e.span).map(|()| None);
        }
        let setup = self.record_setup(&logger, &e.span)?;
        let (msg, rest) = match args.split_first() {
            Some((Arg::Positional(m), rest)) => (m, rest),
            _ => {
                return refuse(
                    &e.span,
                    format!("the call `{call}`"),
                    "the Rust listing logs a message and positional arguments",
                );
            }
        };
        let Some(msg) = str_lit(msg) else {
            return refuse(
                &msg.span,
                "this log message",
                "the Rust listing logs a string literal with `%`-arguments",
            );
        };
        let mut values = Vec::new();
        for a in rest {
            let Arg::Positional(v) = a else {
                return refuse(
                    &e.span,
                    format!("the call `{call}`"),
                    "the Rust listing logs a message and positional arguments",
                );
            };
            values.push((self.expr(sc, v)?, is_text(v)));
        }
        if level < setup.level {
            return Ok(Some(StmtKind::Note(format!(
                "`{call}`: below the {} level, not written.",
                level_label(setup.level)
            ))));
        }
        let Some(message) = message(msg, values) else {
            return Ok(Some(StmtKind::Note(format!(
                "`{call}`: its arguments do not fit the message: Python's logging writes \
                 \"--- Logging error ---\" and a traceback to stderr, and goes on."
            ))));
        };
        let line = match &setup.format {
            None => message,
            Some(format) => match line(format, &logger, level_name, level, message) {
                Some(t) => t,
                None => {
                    return refuse(
                        &e.span,
                        format!("the call `{call}`"),
                        "the Rust listing writes records whose format has only \
                         `%(levelname)s`, `%(levelno)s`, `%(name)s` and `%(message)s`",
                    );
                }
            },
        };
        Ok(Some(if setup.stdout {
            StmtKind::Print(line)
        } else {
            StmtKind::Eprint(line)
        }))
    }
}

/// The handler's line: `format` with the record's fields; `None` for a
/// field the listing does not know.
fn line(
    format: &str,
    logger: &str,
    level_name: &str,
    level: i64,
    message: Template,
) -> Option<Template> {
    let mut parts = Vec::new();
    let mut text = String::new();
    let mut rest = format;
    let mut message = Some(message);
    while let Some(at) = rest.find('%') {
        text.push_str(&rest[..at]);
        rest = &rest[at + 1..];
        if let Some(r) = rest.strip_prefix('%') {
            text.push('%');
            rest = r;
            continue;
        }
        let r = rest.strip_prefix('(')?;
        let close = r.find(')')?;
        let key = &r[..close];
        let r = &r[close + 1..];
        let left = r.starts_with('-');
        let r = r.trim_start_matches('-');
        let digits = r.chars().take_while(char::is_ascii_digit).count();
        let width: usize = if digits == 0 {
            0
        } else {
            r[..digits].parse().ok()?
        };
        let r = &r[digits..];
        let kind = r.chars().next()?;
        rest = &r[1..];
        let pad = |s: String| {
            if left {
                format!("{s:<width$}")
            } else {
                format!("{s:>width$}")
            }
        };
        match (key, kind) {
            ("levelname", 's') => text.push_str(&pad(level_name.to_string())),
            ("name", 's') => text.push_str(&pad(logger.to_string())),
            ("levelno", 's' | 'd') => text.push_str(&pad(level.to_string())),
            ("message", 's') if width == 0 => {
                for p in message.take()?.parts {
                    match p {
                        Part::Text(t) => text.push_str(&t),
                        p => {
                            parts.push(Part::Text(std::mem::take(&mut text)));
                            parts.push(p);
                        }
                    }
                }
            }
            _ => return None,
        }
    }
    text.push_str(rest);
    parts.push(Part::Text(text));
    parts.retain(|p| !matches!(p, Part::Text(t) if t.is_empty()));
    Some(Template { parts })
}
