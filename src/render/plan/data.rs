//! Data shapes of the plan: tuple patterns that loops, comprehensions and
//! assignments unpack into.

use super::scope::Scope;
use super::{Planner, Result, refuse};
use crate::program::{self as py, ExprKind as E, Name, Target};
use crate::render::plan::ir::ast::{FunctionKind, StmtKind};
use std::ops::Range;

impl Planner<'_> {
    /// A loop's or comprehension's variable: a local name, or a tuple of
    /// local names written as the Rust pattern `(a, b)`.
    pub(super) fn loop_pattern(
        &self,
        sc: &Scope,
        t: &Target,
        span: &Range<usize>,
    ) -> Result<String> {
        match t {
            Target::Unpack(items, None) if items.len() > 1 => {
                let mut names = Vec::new();
                for item in items {
                    match item {
                        Target::Name(Name::Local(_, n) | Name::Cell(_, n)) => {
                            let n = sc.local(n, span)?;
                            if names.contains(&n) {
                                return refuse(
                                    span,
                                    format!("`{n}` twice in one unpacking"),
                                    "a Rust pattern binds each name once",
                                );
                            }
                            names.push(n);
                        }
                        _ => {
                            return refuse(
                                span,
                                "this unpacking",
                                "the Rust listing unpacks a tuple into local names: \
                                 `a, b = ...`, `for k, v in ...`",
                            );
                        }
                    }
                }
                Ok(format!("({})", names.join(", ")))
            }
            _ => self.loop_var(sc, t, span),
        }
    }

    /// `a, b = value`: a tuple pattern bound to a value, or to what a
    /// coroutine of the program returns.
    pub(super) fn unpack(
        &self,
        sc: &mut Scope,
        target: &Target,
        value: &py::Expr,
        span: &Range<usize>,
    ) -> Result<StmtKind> {
        let var = self.loop_pattern(sc, target, span)?;
        if let E::Await(inner) = &value.kind {
            return match self.user_call(sc, inner, &[FunctionKind::Coroutine])? {
                Some(call) => Ok(StmtKind::Await {
                    call,
                    into: Some(var),
                }),
                None => refuse(
                    &value.span,
                    "unpacking what this awaits",
                    "the Rust listing unpacks the tuple a coroutine of the program returns",
                ),
            };
        }
        Ok(StmtKind::Set {
            value: self.expr(sc, value)?,
            var,
        })
    }
}
