//! `for fut in asyncio.as_completed(tasks)` over a list of tasks the
//! function keeps in a variable and reads again: their number inside the
//! loop (`len(tasks)`), their state after it (`t.done()`). The loop's
//! `FuturesUnordered` takes the handles through `&mut`, so the list is
//! still there; the number is counted before the loop, which borrows the
//! list. Once the loop has run, each handle has given its output: a later
//! `await`, `result()` or hand-over of the list is refused.

use super::enumerated::Completed;
use super::scope::Scope;
use super::stmt::{local_name, one_arg};
use super::{Planner, Result, refuse};
use crate::program::{self as py, ExprKind as E, StmtKind as P, Target};
use crate::render::plan::ir::ast::{Stmt, StmtKind};

/// What, on a line naming the list, takes a task's output or hands the
/// list on.
const TAKES: [&str; 4] = ["await", ".result(", ".exception(", "gather"];

/// The name of the variable holding the number of the tasks of `list`.
pub(crate) fn count_var(list: &str) -> String {
    format!("{}_len", list.trim_start_matches("r#"))
}

/// Whether `text` names the word `name`.
fn names_word(text: &str, name: &str) -> bool {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    text.match_indices(name)
        .any(|(i, _)| !text[..i].ends_with(word) && !text[i + name.len()..].starts_with(word))
}

/// The first line of `text` that takes the output of a task of `list` or
/// hands the list on, with what it does: a line naming the list, or one
/// of the block under a line naming it (`for t in tasks:`). The list's own
/// assignment (`tasks = ...`) takes nothing.
fn taking_line<'t>(text: &'t str, list: &str) -> Option<&'t str> {
    let indent = |l: &str| l.len() - l.trim_start().len();
    let mut under: Option<usize> = None;
    for line in text.lines() {
        if line.trim().is_empty() {
            continue;
        }
        if under.is_some_and(|at| indent(line) <= at) {
            under = None;
        }
        let names = names_word(line, list);
        let assigns = line.trim_start().starts_with(&format!("{list} ="));
        if (names || under.is_some()) && !assigns && TAKES.iter().any(|t| line.contains(t)) {
            return Some(line.trim());
        }
        if names && !assigns && handed_on(line, list) {
            return Some(line.trim());
        }
        if names && line.trim_end().ends_with(':') && under.is_none() {
            under = Some(indent(line));
        }
    }
    None
}

/// Whether `line` passes the list `list` to a call or binds it to
/// another name: the word after `(`, `,`, `=`, `[` or `*` other than
/// `len(`.
fn handed_on(line: &str, list: &str) -> bool {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    line.match_indices(list).any(|(i, _)| {
        let before = line[..i].trim_end();
        let after = &line[i + list.len()..];
        !before.ends_with(word)
            && !after.starts_with(word)
            && !before.ends_with("len(")
            && [",", "(", "=", "[", "*"]
                .iter()
                .any(|h| before.ends_with(h))
    })
}

impl Planner<'_> {
    /// The loop of `completed` over a list of tasks of the function (see
    /// the module's doc); `None` when it goes over anything else.
    pub(super) fn completed_tasks(
        &self,
        sc: &mut Scope,
        for_stmt: &py::Stmt,
        completed: &Completed,
    ) -> Result<Option<Stmt>> {
        let Some(list) = one_arg(completed.args)
            .and_then(local_name)
            .filter(|l| sc.task_lists.iter().any(|t| t == l))
        else {
            return Ok(None);
        };
        let P::For { body, .. } = &for_stmt.kind else {
            return Ok(None);
        };
        let parts = self.completed_parts(sc, for_stmt, completed, body)?;
        let loop_body = body;
        let (before, after) = self.around(for_stmt);
        let count = count_var(list);
        if names_word(&self.program.source, &count) {
            return refuse(
                &for_stmt.span,
                format!("the name `{count}`"),
                format!("the Rust listing counts the tasks of `{list}` in a variable of that name"),
            );
        }
        let inside = loop_body
            .iter()
            .map(|s| self.text(&s.span))
            .collect::<Vec<_>>();
        for text in inside {
            let stripped = text.replace(&format!("len({list})"), "");
            if names_word(&stripped, list) {
                return refuse(
                    &for_stmt.span,
                    format!("`{list}` read inside its `as_completed` loop"),
                    format!(
                        "the loop's `FuturesUnordered` borrows the tasks of `{list}`: inside \
                         it the Rust listing reads only `len({list})`"
                    ),
                );
            }
        }
        if let Some(line) = taking_line(before, list).or_else(|| taking_line(after, list)) {
            return refuse(
                &for_stmt.span,
                format!("`{list}` used by `{line}`"),
                format!(
                    "the Rust listing's `as_completed` takes the output of each task of `{list}` \
                     from its handle, which gives it once: around the loop it reads only the \
                     tasks' state (`t.done()`) and their number"
                ),
            );
        }
        let (head, mut body) = (parts.head, parts.body);
        self.count_completions(sc, completed.count, head, &mut body)?;
        let counted = loop_body
            .iter()
            .any(|s| self.text(&s.span).contains(&format!("len({list})")));
        Ok(Some(Stmt {
            id: head.id,
            span: for_stmt.span.clone(),
            kind: StmtKind::CompletedTasks {
                tasks: sc.local(list, &for_stmt.span)?,
                var: parts.var,
                count: counted.then_some(count),
                body,
                deadline: parts.deadline,
            },
        }))
    }

    /// The source of the function holding `s` before it (from the start of
    /// the function) and after it (to the function's end).
    fn around(&self, s: &py::Stmt) -> (&str, &str) {
        let source = &self.program.source;
        let def = self
            .program
            .module
            .body
            .iter()
            .find(|d| matches!(d.kind, P::Def { .. }) && d.span.contains(&s.span.start))
            .map_or(0..source.len(), |d| d.span.clone());
        (
            &source[def.start..s.span.start],
            &source[s.span.end..def.end],
        )
    }

    /// The first statement of an `as_completed` loop's body, `var = await
    /// fut` (the loop variable `fut`), with the pattern `var` binds and the
    /// statements after it.
    pub(super) fn completed_head<'b>(
        &self,
        sc: &Scope,
        for_stmt: &py::Stmt,
        fut: &Target,
        body: &'b [py::Stmt],
    ) -> Result<(&'b py::Stmt, String, &'b [py::Stmt])> {
        let fut = match fut {
            Target::Name(n) => n.ident(),
            _ => {
                return refuse(
                    &for_stmt.span,
                    "this loop variable",
                    "the plan's loops bind one local variable",
                );
            }
        };
        let Some((head, rest)) = body.split_first() else {
            return refuse(
                &for_stmt.span,
                "an empty `as_completed` loop",
                "the loop awaits each result",
            );
        };
        match &head.kind {
            P::Assign { targets, value }
                if targets.len() == 1
                    && matches!(&value.kind, E::Await(x) if local_name(x) == Some(fut)) =>
            {
                let var = self.loop_pattern(sc, &targets[0], &head.span)?;
                Ok((head, var, rest))
            }
            _ => refuse(
                &head.span,
                "an `as_completed` loop that does not start with `x = await fut`",
                format!(
                    "the Rust listing's loop receives each result first: write `result = await {fut}`"
                ),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_awaiting_a_task_of_the_list_takes_its_output() {
        let text = "    print(len(tasks))\n    for t in tasks:\n        print(await t)\n";
        assert_eq!(taking_line(text, "tasks"), Some("print(await t)"));
    }

    #[test]
    fn reading_the_state_takes_nothing() {
        let text = "    print([t.done() for t in tasks])\n    await asyncio.sleep(1)\n";
        assert_eq!(taking_line(text, "tasks"), None);
        assert_eq!(
            taking_line("    tasks = [x]\n    await f()\n", "tasks"),
            None
        );
    }

    #[test]
    fn handing_the_list_on_is_taking() {
        assert!(handed_on("    report(tasks)", "tasks"));
        assert!(handed_on("    others = tasks", "tasks"));
        assert!(!handed_on("    n = len(tasks)", "tasks"));
        assert!(!handed_on("    for t in tasks:", "tasks"));
    }
}
