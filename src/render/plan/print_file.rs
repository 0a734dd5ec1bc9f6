//! `print(..., file=sys.stderr)` (and `file=sys.stdout`, `flush=True`):
//! a line on stderr is `eprintln!`; Rust's standard streams need no flush
//! for a whole line on stderr, and stdout's line buffer is flushed at each
//! newline when it is a terminal. A `print` whose `end=` does not finish
//! the line is `print!` (or `eprint!`) of its text and that end.

use super::scope::Scope;
use super::{Planner, Result};
use crate::program::{self as py, Arg, ExprKind as E, Literal, Module};
use crate::render::plan::ir::ast::StmtKind;

impl Planner<'_> {
    /// The statement of the `print(args)` that is `s`, noting it in
    /// [`Planner::unended`] when its `end=` leaves the line unfinished.
    pub(super) fn print_stmt(
        &self,
        sc: &Scope,
        s: &py::Stmt,
        args: &[Arg],
        span: &std::ops::Range<usize>,
    ) -> Result<StmtKind> {
        let (kind, ends_line) = match self.print_to_file(sc, args, span)? {
            Some(printed) => printed,
            None => {
                let (line, ends_line) = self.print_template(sc, args, span)?;
                (StmtKind::Print(line), ends_line)
            }
        };
        if !ends_line {
            self.unended.borrow_mut().insert(s.id);
        }
        Ok(kind)
    }

    /// The statement of a `print` given `file=sys.stderr`, `file=sys.stdout`
    /// or `flush=True`, and whether its end finishes the line; `None` when
    /// it has none of them.
    fn print_to_file(
        &self,
        sc: &Scope,
        args: &[Arg],
        span: &std::ops::Range<usize>,
    ) -> Result<Option<(StmtKind, bool)>> {
        let mut stderr = None;
        let mut rest = Vec::new();
        for a in args {
            match a {
                Arg::Keyword(k, v) if &**k == "file" => match self.member(v) {
                    Some((Module::Sys, "stderr")) => stderr = Some(true),
                    Some((Module::Sys, "stdout")) => stderr = Some(false),
                    _ => return Ok(None),
                },
                Arg::Keyword(k, v)
                    if &**k == "flush" && matches!(v.kind, E::Literal(Literal::Bool(_))) =>
                {
                    stderr = stderr.or(Some(false));
                }
                a => rest.push(a.clone()),
            }
        }
        let Some(stderr) = stderr else {
            return Ok(None);
        };
        let (line, ends_line) = self.print_template(sc, &rest, span)?;
        let kind = if stderr {
            StmtKind::Eprint(line)
        } else {
            StmtKind::Print(line)
        };
        Ok(Some((kind, ends_line)))
    }
}
