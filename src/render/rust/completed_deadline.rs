//! `as_completed(..., timeout=...)` (see `plan::completed_deadline`): the
//! task handles in a `FuturesUnordered` raced against the deadline by a
//! `select!` that polls the deadline first, as asyncio's timeout wins a
//! tie with a task ending at that instant; past the deadline, each handle
//! left runs the `except TimeoutError:` block and its task goes on.
//! Coroutine calls are spawned: asyncio wraps each in a task, which runs
//! on past the deadline too.

use super::Renderer;
use super::names::ident;
use crate::render::plan::ir::ast::{Block, Calls, CompletedDeadline};

/// What an `as_completed` loop with a deadline takes.
pub(super) enum Completing<'a> {
    /// A list of tasks kept in a variable, and the variable counting them
    /// where the loop reads `len(tasks)`.
    Tasks(&'a str, Option<&'a str>),
    /// Coroutine calls (or tasks made for the loop alone).
    Calls(&'a Calls),
}

impl Renderer<'_> {
    /// The loop over the outputs as they come, until the deadline.
    pub(super) fn completed_by(
        &mut self,
        source: Completing,
        var: &str,
        body: &Block,
        deadline: &CompletedDeadline,
    ) {
        self.use_("futures::stream", "FuturesUnordered");
        self.use_("futures", "StreamExt");
        self.use_("tokio::time", "Instant");
        self.use_("tokio::time", "sleep_until");
        let d = self.duration(&deadline.seconds);
        let mut counted = false;
        if let Completing::Tasks(tasks, Some(count)) = source
            && super::task_completions::reads_len(body, tasks)
        {
            self.line(format!(
                "let {} = {}.len() as i64;",
                ident(count),
                ident(tasks)
            ));
            self.declared.insert(count.to_string());
            self.counted.push((tasks.to_string(), count.to_string()));
            counted = true;
        }
        self.line("// Past the deadline each task left gives a `TimeoutError` and runs on.");
        self.line("{");
        self.indent += 1;
        // Names the program's own variables, read in the loop, do not take.
        let free = |this: &Self, names: [&'static str; 2]| {
            names
                .into_iter()
                .find(|n| !this.declared.contains(*n) && !this.used.contains(*n))
                .unwrap_or(names[1])
        };
        let deadline_var = free(self, ["deadline", "completed_deadline"]);
        let pending = free(self, ["pending", "completing"]);
        let next = free(self, ["output", "next_output"]);
        self.line(format!("let {deadline_var} = Instant::now() + {d};"));
        match source {
            Completing::Tasks(tasks, _) => self.line(format!(
                "let mut {pending}: FuturesUnordered<_> = {}.iter_mut().collect();",
                ident(tasks)
            )),
            Completing::Calls(Calls::List(list)) => {
                self.line(format!("let mut {pending} = FuturesUnordered::new();"));
                for c in list {
                    let code = self.call(c);
                    self.line(format!("{pending}.push(tokio::spawn({code}));"));
                }
            }
            Completing::Calls(Calls::Each { call, var, over }) => {
                let (iter, pat) = self.iter_of(over, var);
                let c = self.call(call);
                let calls = [
                    format!(".map(|{pat}| tokio::spawn({c}))"),
                    ".collect()".to_string(),
                ];
                self.chain_line(
                    &format!("let mut {pending}: FuturesUnordered<_> = "),
                    &iter,
                    &calls,
                    ";",
                );
            }
        }
        self.line(format!("for _ in 0..{pending}.len() {{"));
        self.indent += 1;
        self.line("// `biased`: the deadline first, as asyncio's timeout wins a tie.");
        self.line(format!("let {next} = tokio::select! {{"));
        self.line("    biased;");
        self.line(format!("    () = sleep_until({deadline_var}) => None,"));
        self.line(format!(
            "    Some(output) = {pending}.next() => Some(output.unwrap()),"
        ));
        self.line("};");
        self.declared.insert(var.to_string());
        let pat = self.pat(var);
        self.line(format!("if let Some({pat}) = {next} {{"));
        self.nested(body);
        self.line("} else {");
        self.nested(&deadline.on_timeout);
        self.line("}");
        self.indent -= 1;
        self.line("}");
        self.indent -= 1;
        self.line("}");
        if counted {
            self.counted.pop();
        }
    }
}
