//! `asyncio.current_task().get_name()`: Tokio's tasks have no names, but
//! the code of the coroutine `asyncio.run` starts runs in the task asyncio
//! names `Task-1`, when nothing else calls that coroutine and it defines
//! no function that could run elsewhere. The listing writes that name
//! where it is read, passes a task's name to a coroutine that takes it
//! (see `plan::task_numbers`), and refuses the call anywhere else.

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
        if self.task_name_reader(e.span.start) {
            return Ok(Some(ExprKind::Var(super::task_numbers::TASK_NAME.into())));
        }
        refuse(
            &e.span,
            "`asyncio.current_task().get_name()` outside the entry coroutine",
            "Tokio's tasks have no names, and which task runs a coroutine depends on who \
             awaits it: the Rust listing writes `Task-1` in the coroutine `asyncio.run` \
             starts, which nothing else calls, and passes its task's name to a coroutine \
             that only that one spawns, gathers or awaits, where the tasks made before are \
             counted; elsewhere, pass the name as an argument",
        )
    }

    /// Whether `span` lies in the body of the coroutine `asyncio.run`
    /// starts, which the program calls nowhere else and which holds no
    /// definition of its own, in the program's one event loop.
    fn in_entry_task(&self, span: &std::ops::Range<usize>) -> bool {
        self.entry_def()
            .is_some_and(|def| def.span.contains(&span.start))
    }

    /// The definition of the coroutine `asyncio.run` starts, when the
    /// program calls it nowhere else, it holds no definition of its own
    /// and it runs in the program's one event loop.
    pub(super) fn entry_def(&self) -> Option<&py::Stmt> {
        let module = &self.program.module.body;
        let entry = module.iter().find_map(|m| match &m.kind {
            P::Expr(e) => self.entry_of(e),
            _ => None,
        })?;
        let def = module.iter().find(
            |m| matches!(&m.kind, P::Def { code, .. } if *code.name == *entry && code.is_async),
        )?;
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
        (calls == 2 && !nested && one_loop).then_some(def)
    }
}
