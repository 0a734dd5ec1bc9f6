//! `asyncio.current_task().get_name()`: Tokio's tasks have no names, but
//! the code of the coroutine `asyncio.run` starts runs in the task asyncio
//! names `Task-1`, when nothing else calls that coroutine and it defines
//! no function that could run elsewhere. The listing writes that name
//! where it is read, and refuses the call anywhere else.

use super::stmt::method_call;
use super::{Planner, Result, refuse};
use crate::program::{self as py, ExprKind as E, Module, StmtKind as P};
use crate::render::plan::ir::expr::ExprKind;
use crate::render::plan::ir::value::Value;

impl Planner<'_> {
    /// `asyncio.current_task().get_name()` (see the module's doc); `None`
    /// for any other expression.
    pub(super) fn current_task_name(&self, e: &py::Expr) -> Result<Option<ExprKind>> {
        let Some(obj) = method_call(e, "get_name") else {
            return Ok(None);
        };
        let E::Call(f, args) = &obj.kind else {
            return Ok(None);
        };
        if !args.is_empty() || !self.is_member(f, Module::Asyncio, "current_task") {
            return Ok(None);
        }
        if self.in_entry_task(&e.span) {
            return Ok(Some(ExprKind::Lit(Value::Str("Task-1".into()))));
        }
        refuse(
            &e.span,
            "`asyncio.current_task().get_name()` outside the entry coroutine",
            "Tokio's tasks have no names, and which task runs a coroutine depends on who \
             awaits it: the Rust listing writes `Task-1` in the coroutine `asyncio.run` \
             starts, which nothing else calls; elsewhere, pass the name as an argument",
        )
    }

    /// Whether `span` lies in the body of the coroutine `asyncio.run`
    /// starts, which the program calls nowhere else and which holds no
    /// definition of its own, in the program's one event loop.
    fn in_entry_task(&self, span: &std::ops::Range<usize>) -> bool {
        let module = &self.program.module.body;
        let Some(entry) = module.iter().find_map(|m| match &m.kind {
            P::Expr(e) => self.entry_of(e),
            _ => None,
        }) else {
            return false;
        };
        let Some(def) = module.iter().find(
            |m| matches!(&m.kind, P::Def { code, .. } if *code.name == *entry && code.is_async),
        ) else {
            return false;
        };
        let source = &self.program.source;
        let text = &source[def.span.clone()];
        let word = |c: char| c.is_alphanumeric() || c == '_';
        // `main(` once in the definition's header, once in `asyncio.run(main())`.
        let calls = source
            .match_indices(&format!("{entry}("))
            .filter(|(i, _)| !source[..*i].ends_with(word))
            .count();
        let nested = text.lines().skip(1).any(|l| {
            let l = l.trim_start();
            l.starts_with("def ") || l.starts_with("async def ") || l.contains("lambda")
        });
        // Tasks of an event loop run before would take the first numbers.
        let one_loop = source.matches("run(").count() == 1
            && !["run_until_complete", "Runner", "run_forever"]
                .iter()
                .any(|w| source.contains(w));
        def.span.contains(&span.start) && calls == 2 && !nested && one_loop
    }
}
