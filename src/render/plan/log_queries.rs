//! What a program asks of its loggers when their levels never change: a
//! logger's `name`, `level`, `getEffectiveLevel()`, `isEnabledFor(level)`
//! and `repr` (no logger sets a level of its own, so each takes the
//! root's), whether two loggers are one (`is`), and
//! `logging.getLevelName(...)`. The listing knows each answer as it is
//! written (see `plan::logging`), so each is its value.

use super::logging::level_number;
use super::scope::Scope;
use super::{Planner, Result};
use crate::program::{self as py, Arg, CmpOp, ExprKind as E, Literal, Module, Name};
use crate::render::plan::ir::expr::ExprKind;
use crate::render::plan::ir::value::Value;

/// What in a program's text can change a logger's level as it runs; where
/// any is written the answers are not folded (and the change is refused
/// where it is).
pub(super) const LEVEL_CHANGES: &[&str] = &[
    "setLevel",
    "logging.disable",
    "dictConfig",
    "fileConfig",
    ".level =",
    ".disabled",
    ".manager",
    "logging.root",
];

/// `logging.getLevelName(level)`: the name of a level's number, the
/// number of a level's name, else `"Level x"`.
fn level_name(level: &Value) -> Option<Value> {
    Some(match level {
        Value::Int(n) => Value::Str(name_of(*n).into()),
        Value::Str(s) => match level_number(s) {
            Some(n) => Value::Int(n),
            None => Value::Str(format!("Level {s}").into()),
        },
        _ => return None,
    })
}

/// The name `logging.getLevelName` gives a level's number.
fn name_of(level: i64) -> String {
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

impl Planner<'_> {
    /// Whether no statement of the program can change a logger's level.
    fn levels_fixed(&self) -> bool {
        let code = &self.program.source;
        !LEVEL_CHANGES.iter().any(|c| code.contains(c))
    }

    /// The name of the logger `e` is: a name bound to a logger at the top
    /// of the module, or `logging.getLogger(...)` of a literal name.
    fn logger_of(&self, sc: &Scope, e: &py::Expr) -> Option<String> {
        self.logger_named_by(sc, e).or_else(|| self.logger_name(e))
    }

    /// A level written as a literal or a constant of `logging`.
    fn level_value(&self, e: &py::Expr) -> Option<Value> {
        match &e.kind {
            E::Literal(Literal::Int(n)) => Some(Value::Int(*n)),
            E::Literal(Literal::Str(s)) => Some(Value::Str(s.clone())),
            _ => match self.member(e) {
                Some((Module::Logging, name)) => level_number(name).map(Value::Int),
                _ => None,
            },
        }
    }

    /// The value of a question to a logger or of `logging.getLevelName`;
    /// `None` for another expression, or where levels may change.
    pub(super) fn log_query(&self, sc: &Scope, e: &py::Expr) -> Result<Option<ExprKind>> {
        if !matches!(e.kind, E::Call(..) | E::Attr(..) | E::Compare(..))
            || !self.levels_fixed() && self.log_states().is_none()
        {
            return Ok(None);
        }
        let value = match &e.kind {
            E::Call(f, args) if self.is_member(f, Module::Logging, "getLevelName") => {
                match args.as_slice() {
                    [Arg::Positional(a)] => self.level_value(a).and_then(|l| level_name(&l)),
                    _ => None,
                }
            }
            E::Call(f, args) if matches!(&f.kind, E::Name(Name::Global(g)) if &**g == "repr") => {
                match args.as_slice() {
                    [Arg::Positional(a)] => match self.logger_of(sc, a) {
                        Some(name) => {
                            let level = name_of(self.effective_level(&name, &e.span)?);
                            Some(Value::Str(if name == "root" {
                                format!("<RootLogger root ({level})>").into()
                            } else {
                                format!("<Logger {name} ({level})>").into()
                            }))
                        }
                        None => None,
                    },
                    _ => None,
                }
            }
            E::Call(f, args) if let E::Attr(obj, method) = &f.kind => {
                match (self.logger_of(sc, obj), &**method, args.as_slice()) {
                    (Some(name), "getEffectiveLevel", []) => {
                        Some(Value::Int(self.effective_level(&name, &e.span)?))
                    }
                    (Some(name), "isEnabledFor", [Arg::Positional(l)]) => {
                        match self.level_value(l) {
                            // The manager's `disable` (0) turns level 0 off.
                            Some(Value::Int(l)) => Some(Value::Bool(
                                l > 0 && l >= self.effective_level(&name, &e.span)?,
                            )),
                            _ => None,
                        }
                    }
                    _ => None,
                }
            }
            E::Attr(obj, field) => match (self.logger_of(sc, obj), &**field) {
                (Some(name), "name") => Some(Value::Str(name.into())),
                (Some(name), "level") => match self.own_level(&name, &e.span) {
                    Some(level) => Some(Value::Int(level)),
                    None if name == "root" => Some(Value::Int(self.root_level(&e.span)?)),
                    None => Some(Value::Int(0)),
                },
                _ => None,
            },
            E::Compare(a, rest) => match rest.as_slice() {
                [(op @ (CmpOp::Is | CmpOp::IsNot), b)] => {
                    match (self.logger_of(sc, a), self.logger_of(sc, b)) {
                        (Some(x), Some(y)) => Some(Value::Bool((x == y) == (*op == CmpOp::Is))),
                        _ => None,
                    }
                }
                _ => None,
            },
            _ => None,
        };
        Ok(value.map(ExprKind::Lit))
    }
}
