//! `g = gen(...)` of an async generator of the program, read by hand with
//! `await anext(g)` only: its stream pinned in the variable, each `anext`
//! its `next().await`. Python lets go of the generator when the function
//! that holds it ends, and asyncio closes it in a task of its own (see
//! `rust::gen_cleanup`): so the variable is set at the top of the
//! function's body, where Rust drops it as the function ends too. In the
//! coroutine `asyncio.run` runs, asyncio gives that task one turn as it
//! closes the loop, which the listing's `run` helper does.

use super::scope::Scope;
use super::stmt::local_name;
use super::{Planner, Result, refuse};
use crate::program::{self as py, Arg, ExprKind as E, Name, StmtKind as P};
use crate::render::plan::ir::ast::{FunctionKind, StmtKind};
use crate::render::plan::ir::expr::{Expr, ExprKind};

const KEPT: &str = "the Rust listing reads an async generator kept in a variable with \
                    `await anext(g)` only, set at the top of a coroutine's body (where Rust \
                    drops it when Python lets go of it), and in the coroutine `asyncio.run` \
                    runs only when something follows `asyncio.run(...)`";

impl Planner<'_> {
    /// `var = gen(...)` of an async generator of the program, as the
    /// statement `rest[0]` whose later statements are `rest[1..]`; `None`
    /// when `value` is no call of one.
    pub(super) fn kept_stream(
        &self,
        sc: &mut Scope,
        rest: &[py::Stmt],
        var: &str,
        value: &py::Expr,
    ) -> Result<Option<StmtKind>> {
        let E::Call(f, _) = &value.kind else {
            return Ok(None);
        };
        let E::Name(Name::Global(name)) = &f.kind else {
            return Ok(None);
        };
        let is_generator = self
            .defs
            .get(&**name)
            .is_some_and(|d| d.kind == Some(FunctionKind::Generator));
        if !is_generator {
            return Ok(None);
        }
        let s = &rest[0];
        let owner = self.top_level_owner(s.id);
        let (kept, read): (Vec<&py::Stmt>, Vec<&py::Stmt>) =
            rest[1..].iter().partition(|later| self.keeps(later, var));
        let read_by_anext = read.iter().all(|later| {
            self.word_count(&later.span, var)
                == self.word_spans(&later.span, &format!("anext({var})")).len()
        });
        let entry_ends_run = owner.as_deref().is_some_and(|o| self.runs_last(o));
        if sc.kind != FunctionKind::Coroutine || owner.is_none() || !read_by_anext || entry_ends_run
        {
            return refuse(&value.span, format!("`{name}(...)` kept in `{var}`"), KEPT);
        }
        if !kept.is_empty() {
            if !owner
                .as_deref()
                .is_some_and(|o| self.closes_at_shutdown(o, name))
            {
                return refuse(
                    &kept[0].span,
                    format!("`{name}(...)` kept to the end of `asyncio.run`"),
                    super::closed_at_shutdown::KEPT_TO_SHUTDOWN,
                );
            }
            self.close_at_shutdown(name);
        }
        let Some(call) = self.user_call(sc, value, &[FunctionKind::Generator])? else {
            return Ok(None);
        };
        self.streams
            .borrow_mut()
            .insert(var.to_string(), call.name.clone());
        Ok(Some(StmtKind::Set {
            var: var.to_string(),
            value: Expr {
                kind: ExprKind::Stream(call),
                span: value.span.clone(),
            },
        }))
    }

    /// `anext(g)` of a stream kept in `g`: its next item.
    pub(super) fn next_item(&self, inner: &py::Expr) -> Option<ExprKind> {
        let E::Call(f, args) = &inner.kind else {
            return None;
        };
        let (E::Name(Name::Global(n)), [Arg::Positional(x)]) = (&f.kind, args.as_slice()) else {
            return None;
        };
        let var = local_name(x)?;
        let generator = self.streams.borrow().get(var).cloned()?;
        (&**n == "anext").then(|| ExprKind::NextItem(var.to_string(), generator))
    }

    /// The module-level function whose body holds the statement `id` at
    /// its top level.
    fn top_level_owner(&self, id: py::StmtId) -> Option<String> {
        self.program.module.body.iter().find_map(|s| match &s.kind {
            P::Def { code, name, .. } if code.body.iter().any(|t| t.id == id) => {
                Some(name.ident().to_string())
            }
            _ => None,
        })
    }

    /// Whether the module's last statement is `asyncio.run(f(...))` of the
    /// coroutine `f`: the listing's `main` is then `f` itself, which has no
    /// turn to give after it ends.
    fn runs_last(&self, f: &str) -> bool {
        let Some(last) = self.program.module.body.last() else {
            return false;
        };
        let P::Expr(e) = &last.kind else {
            return false;
        };
        let E::Call(run, args) = &e.kind else {
            return false;
        };
        let runs_f = matches!(args.as_slice(), [Arg::Positional(c)]
            if matches!(&c.kind, E::Call(g, _) if matches!(&g.kind, E::Name(n) if &**n.ident() == f)));
        runs_f && self.is_member(run, py::Module::Asyncio, "run")
    }
}
