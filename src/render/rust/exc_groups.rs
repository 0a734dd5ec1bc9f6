//! Exception groups: a task group whose children can fail is a `JoinSet`
//! whose `Err`s are collected into `Error::ExceptionGroup` (the first one
//! aborts the other children, as asyncio's `TaskGroup` cancels them), and
//! `except*` takes its classes out of such a group while the rest goes on.

use super::Renderer;
use super::analysis::read_in;
use super::names::ident;
use super::types::{Ty, Types};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{
    Block, Call, Demo, Handler, StmtKind, message_var, parts_var, repr_var, walk,
};
use crate::render::plan::ir::exc_groups::{GROUP, collects, failing_groups};
use crate::render::plan::ir::expr::{Expr, ExprKind};
use crate::render::plan::ir::raises::{fallible, propagating_calls, takes};
use std::collections::HashSet;

/// The lines of the `ExceptionGroup` arm of `Display`: its message and
/// how many exceptions it holds.
pub(super) const GROUP_DISPLAY: &[&str] = &[
    "            Error::ExceptionGroup(message, errors) => {",
    "                let n = errors.len();",
    "                let s = if n == 1 { \"\" } else { \"s\" };",
    "                write!(f, \"{message} ({n} sub-exception{s})\")",
    "            }",
];

/// `Error::split`: what `except*` takes out of a group's exceptions, and
/// the rest, each nested group split alike.
const SPLIT: &[&str] = &[
    "impl Error {",
    "    /// Python's `except*` split of a group's exceptions: those `takes`",
    "    /// matches and the rest, a nested group split alike (keeping its",
    "    /// message, and gone where it is left empty).",
    "    fn split(errors: Vec<Error>, takes: fn(&Error) -> bool) -> (Vec<Error>, Vec<Error>) {",
    "        let (mut taken, mut left) = (Vec::new(), Vec::new());",
    "        for err in errors {",
    "            match err {",
    "                Error::ExceptionGroup(message, errors) => {",
    "                    let (t, l) = Error::split(errors, takes);",
    "                    if !t.is_empty() {",
    "                        taken.push(Error::ExceptionGroup(message, t));",
    "                    }",
    "                    if !l.is_empty() {",
    "                        left.push(Error::ExceptionGroup(message, l));",
    "                    }",
    "                }",
    "                err if takes(&err) => taken.push(err),",
    "                err => left.push(err),",
    "            }",
    "        }",
    "        (taken, left)",
    "    }",
    "}",
    "",
];

/// The message of the group a failing task group raises, and its
/// constant in the listing.
const TASK_GROUP: (&str, &str) = ("TASK_GROUP", "unhandled errors in a TaskGroup");

/// Whether `block` can raise an exception of its own, not one of a task
/// group's children: a `raise`, or a call of a function that raises.
fn raises_naked(block: &Block, failing: &HashSet<String>) -> bool {
    block.iter().any(|s| match &s.kind {
        StmtKind::TaskGroup { body, .. } if collects(body, failing) => false,
        // A group made by hand is split as a task group's is.
        StmtKind::RaiseValue(e) if made_group(e) => false,
        StmtKind::Raise { .. } | StmtKind::RaiseValue(_) | StmtKind::Reraise => true,
        kind => {
            propagating_calls(kind)
                .iter()
                .any(|c| failing.contains(&c.name))
                || s.blocks().into_iter().any(|b| raises_naked(b, failing))
        }
    })
}

/// Whether `e` is an exception group made by hand (see `plan::group_made`).
fn made_group(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Exception(class, Some(m))
        if super::raise::group_parts(class, m).is_some())
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

/// The children of a group that collects its children's exceptions whose
/// tasks would give other values than the rest: the `JoinSet` holds one
/// type, `Result<(), Error>` where some children raise nothing.
pub(super) fn mixed_children(demo: &Demo, types: &Types) -> Vec<Untranslatable> {
    let failing = fallible(demo);
    let mut out = Vec::new();
    for f in &demo.functions {
        let groups = failing_groups(f, &failing);
        let mut quiet: HashSet<&str> = HashSet::new();
        walk(&f.body, &mut |s| {
            if let StmtKind::GroupSpawn { group, call } = &s.kind
                && groups.contains(group)
                && !failing.contains(&call.name)
            {
                quiet.insert(group);
            }
        });
        walk(&f.body, &mut |s| {
            if let StmtKind::GroupSpawn { group, call } = &s.kind
                && quiet.contains(group.as_str())
                && types.ret_of(&call.name) != Ty::Unit
            {
                out.push(Untranslatable {
                    span: call.span.clone(),
                    construct: format!("a child of `{group}` giving a value"),
                    reason: "the Rust listing's task group is a `JoinSet` of one output, \
                             `Result<(), Error>` where some of its children raise nothing: \
                             a child whose value is dropped would be one of another type \
                             (keep the task in a variable to read its value)"
                        .into(),
                });
            }
        });
    }
    out
}

impl Renderer<'_> {
    /// Whether `call`, spawned in `group`, raises nothing while `group`
    /// collects its other children's exceptions.
    pub(super) fn spawns_quiet_child(&self, group: &str, call: &Call) -> bool {
        !self.fallible.contains(&call.name)
            && self
                .demo
                .function(&self.func)
                .is_some_and(|f| failing_groups(f, &self.fallible).contains(group))
    }

    /// A child that raises nothing, in a group whose other children can
    /// fail: its task gives `Ok(())` beside theirs.
    pub(super) fn quiet_child(&mut self, group: &str, call: &Call) {
        self.use_("futures", "FutureExt");
        let c = format!("{}.map(Ok)", self.call(call));
        self.wrapped_call(&format!("{}.spawn(", ident(group)), &c, ");");
    }

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
        let (name, _) = TASK_GROUP;
        self.line(format!("return Err(Error::{GROUP}({name}, {errors}));"));
        self.indent -= 1;
        self.line("}");
    }

    /// The constant holding the message of a failing task group's
    /// exception, where the program has such a group.
    pub(super) fn task_group_message(&mut self) {
        let has = self
            .demo
            .functions
            .iter()
            .any(|f| !failing_groups(f, &self.fallible).is_empty());
        if has {
            let (name, message) = TASK_GROUP;
            self.line("/// The message of the exception group a failing `TaskGroup` raises.");
            self.line(format!("const {name}: &str = \"{message}\";"));
            self.line("");
        }
    }

    /// `impl Error { fn split(...) }`, where the program has `except*`:
    /// the exceptions a clause takes out of a group and the rest, through
    /// nested groups, as Python's `except*` splits them.
    pub(super) fn split_impl(&mut self) {
        let mut star = false;
        for f in &self.demo.functions {
            walk(&f.body, &mut |s| {
                if let StmtKind::Catch { handlers, .. } = &s.kind {
                    star |= handlers.iter().any(|h| h.star);
                }
            });
        }
        if star {
            SPLIT.iter().for_each(|l| self.line(*l));
        }
    }

    /// `try: body except* Class: handler ...`: each clause whose classes
    /// the group holds runs once; what no clause takes goes on as a group
    /// of the same message, and what the clauses raise goes on beside it
    /// in a new group of message `''`, as Python's `except*` does; `else:`
    /// runs when the block raised nothing.
    pub(super) fn catch_star(&mut self, body: &Block, handlers: &[Handler], orelse: &Block) {
        let classes = self.error_classes();
        let failing = self.fallible.clone();
        let raising = handlers.iter().any(|h| raises_naked(&h.body, &failing));
        self.declare_before(body);
        let start = self.lines.len();
        self.line("let caught: Result<(), Error> = async {");
        self.indent += 1;
        self.result_body(body);
        self.indent -= 1;
        self.line("}");
        self.line(".await;");
        self.join_short_block(start);
        self.line("if let Err(err) = caught {");
        self.indent += 1;
        self.line("// `except*` takes its classes out of the group; the rest goes on.");
        self.line("let (message, left) = match err {");
        self.line(format!(
            "    Error::{GROUP}(message, errors) => (message, errors),"
        ));
        self.line("    err => (\"\", vec![err]),");
        self.line("};");
        if raising {
            self.line("let mut raised = Vec::new();");
        }
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
            let one =
                format!("let (taken, left) = Error::split(left, |err| matches!(err, {pattern}));");
            if 4 * self.indent + one.len() <= 100 {
                self.line(one);
            } else {
                self.line("let (taken, left) = Error::split(left, |err| {");
                self.line(format!("    matches!(err, {pattern})"));
                self.line("});");
            }
            self.line("if !taken.is_empty() {");
            self.indent += 1;
            self.star_handler(h);
            self.indent -= 1;
            self.line("}");
        }
        if raising {
            // Python's `except*` raises one exception alone, several in a group.
            self.line(
                "// What the clauses raised goes on beside the rest: alone, or in a new group.",
            );
            self.line("if !left.is_empty() {");
            self.line(format!("    raised.push(Error::{GROUP}(message, left));"));
            self.line("}");
            self.line("if raised.len() > 1 {");
            self.line(format!("    return Err(Error::{GROUP}(\"\", raised));"));
            self.line("}");
            self.line("if let Some(err) = raised.pop() {");
            self.line("    return Err(err);");
            self.line("}");
        } else {
            self.line("if !left.is_empty() {");
            self.line(format!("    return Err(Error::{GROUP}(message, left));"));
            self.line("}");
        }
        self.indent -= 1;
        self.else_tail(orelse);
    }

    /// The block of an `except*` clause, given the exceptions it took
    /// (`taken`) and the group's `message`; what it raises is kept in
    /// `raised`.
    fn star_handler(&mut self, h: &Handler) {
        let reads = read_in(&h.body);
        let named = h.name.as_ref().filter(|n| reads.contains(*n));
        let repr = h
            .name
            .as_ref()
            .map(|n| repr_var(n))
            .filter(|r| reads.contains(r));
        let parts = h
            .name
            .as_ref()
            .map(|n| parts_var(n))
            .filter(|p| reads.contains(p));
        let mut bound = Vec::new();
        let uses = [named.is_some(), repr.is_some(), parts.is_some()];
        let kept = uses.iter().filter(|u| **u).count() > 1;
        if kept {
            self.line(format!("let group = Error::{GROUP}(message, taken);"));
        }
        let group = match kept {
            true => "group".to_string(),
            false => format!("Error::{GROUP}(message, taken)"),
        };
        if let (Some(n), Some(p)) = (&h.name, parts) {
            if kept {
                self.bind_parts(n, &reads, "group");
            } else {
                // The one read of the group: the exceptions it took.
                self.line(format!("let {} = taken;", ident(&p)));
                self.declared.insert(p.clone());
            }
            bound.push(p);
        }
        if let Some(m) = h
            .name
            .as_ref()
            .map(|n| message_var(n))
            .filter(|m| reads.contains(m))
        {
            self.line(format!("let {} = message;", ident(&m)));
            bound.push(m);
        }
        if let Some(n) = named {
            self.line(format!("let {} = {group}.to_string();", ident(n)));
            bound.push(n.clone());
        }
        if let Some(r) = repr {
            self.line(format!("let {} = {group}.to_repr();", ident(&r)));
            bound.push(r);
        }
        self.declared.extend(bound.iter().cloned());
        let failing = self.fallible.clone();
        if raises_naked(&h.body, &failing) {
            let start = self.lines.len();
            self.line("let handled: Result<(), Error> = async {");
            self.indent += 1;
            let raises_last = matches!(
                h.body.last().map(|s| &s.kind),
                Some(StmtKind::Raise { .. } | StmtKind::RaiseValue(_))
            );
            self.body(&h.body, raises_last);
            if !raises_last {
                self.line("Ok(())");
            }
            self.indent -= 1;
            self.line("}");
            self.line(".await;");
            self.join_short_block(start);
            self.line("raised.extend(handled.err());");
        } else {
            self.body(&h.body, false);
        }
        for n in &bound {
            self.declared.remove(n);
        }
    }
}
