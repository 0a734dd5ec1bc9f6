//! Exception groups: a task group whose children can fail is a `JoinSet`
//! whose `Err`s are collected into `Error::ExceptionGroup` (the first one
//! aborts the other children, as asyncio's `TaskGroup` cancels them), and
//! `except*` takes its classes out of such a group while the rest goes on.

use super::Renderer;
use super::analysis::read_in;
use super::names::ident;
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{Block, Demo, Handler, StmtKind, repr_var, walk};
use crate::render::plan::ir::exc_groups::{GROUP, collects};
use crate::render::plan::ir::raises::{fallible, propagating_calls, takes};
use std::collections::HashSet;

/// The lines of the `ExceptionGroup` arm of `Display`: asyncio's message.
pub(super) const GROUP_DISPLAY: &[&str] = &[
    "            Error::ExceptionGroup(errors) => {",
    "                let n = errors.len();",
    "                let s = if n == 1 { \"\" } else { \"s\" };",
    "                write!(f, \"unhandled errors in a TaskGroup ({n} sub-exception{s})\")",
    "            }",
];

/// Whether `block` can raise an exception of its own, not one of a task
/// group's children: a `raise`, or a call of a function that raises.
fn raises_naked(block: &Block, failing: &HashSet<String>) -> bool {
    block.iter().any(|s| match &s.kind {
        StmtKind::TaskGroup { body, .. } if collects(body, failing) => false,
        StmtKind::Raise { .. } | StmtKind::RaiseValue(_) | StmtKind::Reraise => true,
        kind => {
            propagating_calls(kind)
                .iter()
                .any(|c| failing.contains(&c.name))
                || s.blocks().into_iter().any(|b| raises_naked(b, failing))
        }
    })
}

/// Every `try` with `except*` whose block can raise an exception outside
/// a task group: Python wraps such an exception in a group of message
/// `''` for the clause that takes it and lets it go on alone otherwise,
/// where the listing's `except*` takes the groups of task groups.
pub(super) fn naked_stars(demo: &Demo) -> Vec<Untranslatable> {
    let failing = fallible(demo);
    let mut out = Vec::new();
    for f in &demo.functions {
        walk(&f.body, &mut |s| {
            if let StmtKind::Catch { body, handlers, .. } = &s.kind
                && handlers.iter().any(|h| h.star)
                && raises_naked(body, &failing)
            {
                out.push(Untranslatable {
                    span: s.span.clone(),
                    construct: "an `except*` of a block that raises outside a task group".into(),
                    reason: "Python wraps an exception raised outside a group in an \
                             `ExceptionGroup('', ...)` for the clause that takes it and lets \
                             it go on alone otherwise: the Rust listing's `except*` takes the \
                             exceptions of a task group (use `except` for the others)"
                        .into(),
                });
            }
        });
    }
    out
}

impl Renderer<'_> {
    /// `async with asyncio.TaskGroup() as group:` whose children can fail:
    /// they are joined one by one, and what they raised goes on together.
    pub(super) fn failing_group(&mut self, group: &str, body: &Block) {
        self.use_("tokio::task", "JoinSet");
        self.declared.insert(group.to_string());
        let g = ident(group);
        self.line(format!("let mut {g} = JoinSet::new();"));
        self.body(body, false);
        let errors = format!("{group}_errors");
        self.line("// The first exception aborts the other children; all that were raised go on.");
        self.line(format!("let mut {errors} = Vec::new();"));
        self.line(format!("while let Some(ended) = {g}.join_next().await {{"));
        self.line("    // An aborted child ends with a `JoinError`: it raised nothing.");
        self.line("    if let Ok(Err(err)) = ended {");
        self.line(format!("        {errors}.push(err);"));
        self.line(format!("        {g}.abort_all();"));
        self.line("    }");
        self.line("}");
        self.line(format!("if !{errors}.is_empty() {{"));
        self.indent += 1;
        for guard in self.guards.clone().iter().rev() {
            self.disarm(guard);
        }
        self.line(format!("return Err(Error::{GROUP}({errors}));"));
        self.indent -= 1;
        self.line("}");
    }

    /// `try: body except* Class: handler ...`: each clause whose classes
    /// the group holds runs once; what no clause takes goes on as a group.
    pub(super) fn catch_star(&mut self, body: &Block, handlers: &[Handler]) {
        let classes = self.error_classes();
        self.declare_before(body);
        self.line("let caught: Result<(), Error> = async {");
        self.indent += 1;
        self.body(body, false);
        self.line("Ok(())");
        self.indent -= 1;
        self.line("}");
        self.line(".await;");
        self.line("if let Err(err) = caught {");
        self.indent += 1;
        self.line("// `except*` takes its classes out of the group; the rest goes on.");
        self.line("let left = match err {");
        self.line(format!("    Error::{GROUP}(errors) => errors,"));
        self.line("    err => vec![err],");
        self.line("};");
        for h in handlers {
            let taken: Vec<String> = classes
                .iter()
                .filter(|c| *c != GROUP && h.classes.iter().any(|of| takes(of, c)))
                .map(|c| self.any_pattern(c))
                .collect();
            if taken.is_empty() {
                self.line(format!(
                    "// No `raise` of the program gives what `except* {}` takes.",
                    h.classes.join(", ")
                ));
                continue;
            }
            let pattern = taken.join(" | ");
            let one = format!(
                "let (taken, left): (Vec<Error>, Vec<Error>) = \
                 left.into_iter().partition(|err| matches!(err, {pattern}));"
            );
            if 4 * self.indent + one.len() <= 100 {
                self.line(one);
            } else {
                self.line("let (taken, left): (Vec<Error>, Vec<Error>) = left");
                self.line("    .into_iter()");
                self.line(format!("    .partition(|err| matches!(err, {pattern}));"));
            }
            self.line("if !taken.is_empty() {");
            self.indent += 1;
            let reads = read_in(&h.body);
            let named = h.name.as_ref().filter(|n| reads.contains(*n));
            let repr = h
                .name
                .as_ref()
                .map(|n| repr_var(n))
                .filter(|r| reads.contains(r));
            let mut bound = Vec::new();
            if named.is_some() && repr.is_some() {
                self.line(format!("let group = Error::{GROUP}(taken);"));
            }
            let group = match (named, &repr) {
                (Some(_), Some(_)) => "group".to_string(),
                _ => format!("Error::{GROUP}(taken)"),
            };
            if let Some(n) = named {
                self.line(format!("let {} = {group}.to_string();", ident(n)));
                bound.push(n.clone());
            }
            if let Some(r) = repr {
                self.line(format!("let {} = {group}.to_repr();", ident(&r)));
                bound.push(r);
            }
            self.declared.extend(bound.iter().cloned());
            self.body(&h.body, false);
            for n in &bound {
                self.declared.remove(n);
            }
            self.indent -= 1;
            self.line("}");
        }
        self.line("if !left.is_empty() {");
        self.line(format!("    return Err(Error::{GROUP}(left));"));
        self.line("}");
        self.indent -= 1;
        self.line("}");
    }
}
