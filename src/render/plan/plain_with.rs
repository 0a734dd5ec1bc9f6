//! A plain `with` over a context manager class of the program
//! (`__enter__`/`__exit__`, both plain `def`s), created right there: the
//! same plan as an `async with` of a resource class, its struct's `enter`
//! and `exit` called explicitly (Rust's `Drop` neither sees an error nor
//! swallows it). A plain `with` over an async manager, or `async with`
//! over a plain one, is Python's `TypeError` and refused.

use super::scope::Scope;
use super::{Planner, Result, methods, module_stmts, refuse};
use crate::program::{self as py, Program, StmtKind as P};
use crate::render::plan::ir::ast::{FunctionKind, StmtKind};
use std::collections::HashSet;

/// The program's context manager classes entered with a plain `with`:
/// those defining `__enter__`.
pub(super) fn plain_managers(program: &Program) -> HashSet<String> {
    module_stmts(&program.module.body)
        .into_iter()
        .filter_map(|s| match &s.kind {
            P::Class { code, name, .. } if is_plain(code) => Some(name.ident().to_string()),
            _ => None,
        })
        .collect()
}

/// Whether the class body `code` defines `__enter__`.
pub(super) fn is_plain(code: &py::Code) -> bool {
    methods(code).any(|(m, _, _)| m == "__enter__")
}

impl Planner<'_> {
    /// Whether the class `name` of the program is a plain context manager.
    pub(super) fn plain_manager(&self, name: &str) -> bool {
        self.resource_classes()
            .iter()
            .any(|(n, code)| *n == name && is_plain(code))
    }

    /// A plain `with` over a plain context manager class of the program.
    pub(super) fn plain_with(
        &self,
        sc: &mut Scope,
        s: &py::Stmt,
        item: &py::WithItem,
        body: &[py::Stmt],
    ) -> Result<Option<StmtKind>> {
        let Some(source) = self.user_call(sc, &item.context, &[FunctionKind::Resource])? else {
            return Ok(None);
        };
        if !self.plain_manager(&source.name) {
            return refuse(
                &item.context.span,
                format!("a plain `with` over the async manager `{}`", source.name),
                "Python raises `TypeError` here: an async context manager is entered with \
                 `async with`",
            );
        }
        let var = match &item.target {
            Some(t) => Some(self.loop_var(sc, t, &s.span)?),
            None => None,
        };
        Ok(Some(StmtKind::AsyncWith {
            source,
            var,
            body: self.block(sc, body)?,
        }))
    }

    /// Refuses `async with` over the plain context manager `name`.
    pub(super) fn async_with_plain(&self, name: &str, span: &std::ops::Range<usize>) -> Result<()> {
        if self.plain_manager(name) {
            return refuse(
                span,
                format!("`async with` over the plain manager `{name}`"),
                "Python raises `TypeError` here: a class with `__enter__`/`__exit__` is entered \
                 with a plain `with`",
            );
        }
        Ok(())
    }
}
