//! What the Rust listing of `logging` (see `plan::logging`) takes beyond
//! records, and what it refuses with its reason: the level constants are
//! their numbers; a logger read as a value, a level changed where
//! `plan::log_changes` cannot follow it, a traceback written with a record
//! are refused.

use super::logging::level_number;
use super::scope::Scope;
use super::{Planner, Result, refuse};
use crate::program::{self as py, ExprKind as E, Literal, Module, Name};
use crate::render::plan::ir::expr::ExprKind;
use crate::render::plan::ir::value::Value;
use std::ops::Range;

/// Why a logger is no value of the listing.
const NO_LOGGER_OBJECTS: &str = "the Rust listing has no logger objects: it writes each record \
     as the line its handler writes, the level and format decided as the listing is written; \
     print what the program knows instead";

/// Why a level set as the program runs is refused.
const FIXED_LEVEL: &str = "the Rust listing writes each record at the level decided as the \
     listing is written: it follows a level set in the module's code or in the entry coroutine's \
     own block, outside loops and branches, where no other function logs";

impl Planner<'_> {
    /// A level's number: `logging.INFO`, `"INFO"` or a number.
    pub(super) fn level_of(&self, e: &py::Expr) -> Option<i64> {
        match &e.kind {
            E::Literal(Literal::Int(n)) => Some(*n),
            E::Literal(Literal::Str(s)) => level_number(s),
            _ => match self.member(e) {
                Some((Module::Logging, name)) => level_number(name),
                _ => None,
            },
        }
    }

    /// Whether the program starts an asyncio event loop, whose selector
    /// asyncio's logger names at DEBUG.
    pub(super) fn runs_event_loop(&self) -> bool {
        let code = &self.program.source;
        ["asyncio.run(", "Runner(", "new_event_loop("]
            .iter()
            .any(|c| code.contains(c))
    }

    /// Refuses a method of a logger other than a record's.
    pub(super) fn unlogged(&self, method: &str, call: &str, span: &Range<usize>) -> Result<()> {
        let construct = format!("the call `{call}`");
        match method {
            "exception" => refuse(span, construct, TRACEBACK),
            "setLevel" | "disable" | "addHandler" | "removeHandler" => {
                refuse(span, construct, FIXED_LEVEL)
            }
            _ => refuse(span, construct, NO_LOGGER_OBJECTS),
        }
    }

    /// Refuses a keyword of a record's call: `exc_info=`, `stack_info=`,
    /// `extra=`.
    pub(super) fn log_keyword(&self, keyword: &str, call: &str, span: &Range<usize>) -> Result<()> {
        let reason = if keyword == "exc_info" {
            TRACEBACK.to_string()
        } else {
            format!(
                "the Rust listing writes a record's message and its `%`-arguments, not `{keyword}=`"
            )
        };
        refuse(span, format!("the call `{call}`"), reason)
    }

    /// `logging.DEBUG` and the other levels as values: their numbers. A
    /// logger, `logging.getLogger(...)` in a function and `logging`'s other
    /// functions as values are refused (see [`NO_LOGGER_OBJECTS`]).
    pub(super) fn log_expr(&self, sc: &Scope, e: &py::Expr) -> Result<Option<ExprKind>> {
        if let Some((Module::Logging, name)) = self.member(e)
            && let E::Attr(..) = &e.kind
            && let Some(n) = level_number(name)
            && name.chars().all(|c| c.is_ascii_uppercase())
        {
            return Ok(Some(ExprKind::Lit(Value::Int(n))));
        }
        match &e.kind {
            E::Call(f, _) if let Some((Module::Logging, name)) = self.member(f) => {
                let reason = match name {
                    "getLogger" if sc.module => return Ok(None),
                    "getLogger" => "the Rust listing names a logger at the top of the module \
                                    (`log = logging.getLogger(\"name\")`), or once in a \
                                    function's own block, and writes its records as the lines \
                                    its handler writes"
                        .to_string(),
                    "basicConfig" => return Ok(None),
                    _ => NO_LOGGER_OBJECTS.to_string(),
                };
                refuse(&e.span, format!("`logging.{name}(...)` here"), reason)
            }
            E::Call(f, _)
                if let E::Attr(obj, method) = &f.kind
                    && self.logger_named_by(sc, obj).is_some() =>
            {
                self.unlogged(method, self.text(&e.span), &e.span)
                    .map(|()| None)
            }
            E::Attr(obj, _) if self.logger_named_by(sc, obj).is_some() => {
                refuse(&e.span, "this attribute of a logger", NO_LOGGER_OBJECTS)
            }
            E::Name(Name::Global(_) | Name::Local(..)) if self.logger_named_by(sc, e).is_some() => {
                refuse(&e.span, "this logger", NO_LOGGER_OBJECTS)
            }
            _ => Ok(None),
        }
    }
}

/// Why a record with a traceback is refused.
const TRACEBACK: &str = "Python writes the record, then the traceback of the exception being \
     handled; a Rust `Err` carries no traceback: log its message, as \
     `log.error(\"...: %s\", e)`";
