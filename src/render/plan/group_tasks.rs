//! A TaskGroup's task kept in a variable: `t = tg.create_task(f(...))`
//! (with `name="..."` too) at the top of the group's block is a task of
//! its own (`tokio::spawn`), which the group's end awaits beside its
//! `JoinSet`, so `t.done()`, `t.get_name()` and, after the block,
//! `t.result()` read as those of any task kept in a variable. And
//! `repr(tg)` of a group whose block has ended without an exception is
//! the text asyncio gives it then. A `return`, `break` or `continue`
//! that leaves a group's block is refused: asyncio's group awaits its
//! children first, where the listing would leave them behind.

use super::scope::Scope;
use super::stmt::{Step, local_name, one};
use super::{Planner, Result, refuse};
use crate::program::{self as py, Arg, ExprKind as E, Name, StmtKind as P, Target};
use crate::render::plan::ir::ast::StmtKind;
use crate::render::plan::ir::expr::ExprKind;
use crate::render::plan::ir::value::Value;

/// What `repr` gives of a TaskGroup whose block has ended without an
/// exception: it keeps no task and no error, and stays entered.
const PASSED_REPR: &str = "<TaskGroup entered>";

/// The first statement of `block` that leaves it (a `return`, or a
/// `break` or `continue` of a loop around it), `in_loop` when a loop of
/// the block holds it.
fn exit_of(block: &[py::Stmt], in_loop: bool) -> Option<&py::Stmt> {
    block.iter().find_map(|s| match &s.kind {
        P::Return(_) => Some(s),
        P::Break | P::Continue if !in_loop => Some(s),
        P::For { body, orelse, .. } | P::While { body, orelse, .. } => {
            exit_of(body, true).or_else(|| exit_of(orelse, in_loop))
        }
        _ => py::blocks(s).into_iter().find_map(|b| exit_of(b, in_loop)),
    })
}

impl Planner<'_> {
    /// Refuses a statement that leaves the block of the group `group`
    /// before its end.
    pub(super) fn group_exit(&self, group: &str, body: &[py::Stmt]) -> Result<()> {
        match exit_of(body, false) {
            Some(s) => refuse(
                &s.span,
                format!("a statement that leaves the block of the TaskGroup `{group}`"),
                "asyncio's group awaits its children before the block is left, where the \
                 Rust listing's group would be dropped with them: leave the block at its end",
            ),
            None => Ok(()),
        }
    }

    /// `var = group.create_task(...)` on a TaskGroup of this scope: the
    /// task spawned on its own and kept, or the refusal of a form the
    /// group's end could not await.
    pub(super) fn group_task(
        &self,
        sc: &mut Scope,
        s: &py::Stmt,
        target: &Target,
        value: &py::Expr,
    ) -> Result<Option<Step>> {
        let E::Call(f, args) = &value.kind else {
            return Ok(None);
        };
        let E::Attr(obj, m) = &f.kind else {
            return Ok(None);
        };
        let Some(at) = local_name(obj).and_then(|g| sc.groups.iter().rposition(|x| x == g)) else {
            return Ok(None);
        };
        if &**m != "create_task" {
            return Ok(None);
        }
        let refusal = |why: &str| {
            refuse(
                &value.span,
                "a TaskGroup's task kept in a variable",
                format!(
                    "the Rust listing spawns a kept task of its own, which the group's end \
                     awaits: {why}"
                ),
            )
        };
        let Target::Name(n) = target else {
            return refusal("keep it in a plain variable");
        };
        let var = n.ident().to_string();
        let top = sc.group_bodies.get(at).map(|(blocks, _)| *blocks);
        if top != Some(sc.blocks) {
            return refusal(
                "make it at the top of the group's block, not in a loop, a branch or a `try`",
            );
        }
        if sc.tasks.contains(&var) || sc.groups.contains(&var) {
            return refusal("keep each task in a variable of its own");
        }
        let call = match self.named_task(sc, &var, args) {
            Some(c) => self.spawn_call(sc, &var, c)?,
            None => None,
        };
        let Some(call) = call else {
            return refusal(
                "`tg.create_task(f(...))` of a coroutine of the program, or with `name=\"...\"`",
            );
        };
        let var = self.target(sc, target, &s.span)?;
        sc.tasks.push(var.clone());
        sc.task_depths.insert(var.clone(), sc.depth);
        self.note_task_number(sc, s, &var, args);
        if let Some((_, kept)) = sc.group_bodies.get_mut(at) {
            kept.push(var.clone());
        }
        Ok(Some(one(s, StmtKind::Spawn { call, into: var })?))
    }

    /// `repr(group)` or `str(group)` of a group whose block ended earlier
    /// in the block being planned: its text then.
    pub(super) fn passed_group_repr(
        &self,
        sc: &Scope,
        f: &py::Expr,
        args: &[Arg],
    ) -> Option<ExprKind> {
        let E::Name(Name::Global(b)) = &f.kind else {
            return None;
        };
        let [Arg::Positional(x)] = args else {
            return None;
        };
        let group = local_name(x)?;
        (matches!(&**b, "repr" | "str")
            && !self.defs.contains_key(&**b)
            && sc.passed_groups.iter().any(|g| g == group)
            && sc.finished_groups.iter().any(|g| g == group))
        .then(|| ExprKind::Lit(Value::Str(PASSED_REPR.into())))
    }
}
