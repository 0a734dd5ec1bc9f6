//! `print(..., file=sys.stderr)` (and `file=sys.stdout`, `flush=True`):
//! a line on stderr is `eprintln!`; Rust's standard streams need no flush
//! for a whole line on stderr, and stdout's line buffer is flushed at each
//! newline when it is a terminal.

use super::scope::Scope;
use super::{Planner, Result};
use crate::program::{Arg, ExprKind as E, Literal, Module};
use crate::render::plan::ir::ast::StmtKind;

impl Planner<'_> {
    /// The statement of a `print` given `file=sys.stderr`, `file=sys.stdout`
    /// or `flush=True`; `None` when it has none of them.
    pub(super) fn print_to_file(
        &self,
        sc: &Scope,
        args: &[Arg],
        span: &std::ops::Range<usize>,
    ) -> Result<Option<StmtKind>> {
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
        let line = self.print_template(sc, &rest, span)?;
        Ok(Some(if stderr {
            StmtKind::Eprint(line)
        } else {
            StmtKind::Print(line)
        }))
    }
}
