//! `asyncio.gather` unpacked into names (`let (a, b) = tokio::join!(...)`)
//! and kept as a list of tasks awaited later (`try_join_all(g)`).

use super::Renderer;
use super::code::Code;
use super::names::ident;
use super::tuples::pattern_names;
use super::types::{Ty, Types};
use crate::render::plan::ir::ast::Calls;

impl Ty {
    /// What awaiting a value of this type gives: a task's, future's or
    /// coroutine's result, or the list of results of a list of tasks.
    pub(super) fn awaited(&self) -> Ty {
        match self {
            Ty::List(t) if matches!(**t, Ty::Task(_)) => Ty::List(Box::new(t.inner())),
            _ => self.inner(),
        }
    }
}

impl Types {
    /// What `into = await asyncio.gather(calls)` binds: a tuple of the
    /// calls' results when `into` is a pattern `(a, b)`, else their list.
    pub(super) fn gather_ty(&self, calls: &Calls, into: &str) -> Ty {
        match (calls, pattern_names(into)) {
            (Calls::List(list), Some(names)) if names.len() == list.len() => {
                Ty::Tuple(list.iter().map(|c| self.ret_of(&c.name)).collect())
            }
            _ => Ty::List(Box::new(self.calls_ret(calls))),
        }
    }
}

impl Renderer<'_> {
    /// `into = await g` of a list of tasks (a gather made earlier): every
    /// task's result in the list's order; false for other targets.
    pub(super) fn join_gathered(&mut self, target: &str, into: Option<&str>) -> bool {
        let ty = self.var_ty(target);
        if !matches!(&ty, Ty::List(t) if matches!(**t, Ty::Task(_))) {
            return false;
        }
        let c = self.gathered_tasks(target);
        let into = into.filter(|_| !matches!(c.ty.elem(), Ty::Unit | Ty::Unknown));
        self.assign(into, &c.text);
        true
    }

    /// `try_join_all(target)` of a variable holding a list of tasks.
    pub(super) fn gathered_tasks(&mut self, target: &str) -> Code {
        self.use_("futures::future", "try_join_all");
        let ty = self.var_ty(target).awaited();
        let text = format!("try_join_all({}).await.unwrap()", ident(target));
        let mut c = Code::new(text, ty, 10);
        c.fresh = true;
        c
    }

    /// `let (a, b) = tokio::join!(...)`: a gather unpacked into one name
    /// per call; false when `into` is no pattern of as many names.
    pub(super) fn join_unpacked(&mut self, into: &str, codes: &[String]) -> bool {
        if pattern_names(into).is_none_or(|n| n.len() != codes.len()) {
            return false;
        }
        let b = self.bind(into);
        self.join_line(&b, codes);
        true
    }
}

impl Renderer<'_> {
    /// Whether a statement of the current function after the source
    /// offset `at` reads `var`.
    pub(super) fn read_after(&self, var: &str, at: usize) -> bool {
        let Some(f) = self.demo.function(&self.func) else {
            return false;
        };
        let mut readers = 0;
        f.walk(&mut |s| {
            let mut vars = Vec::new();
            for (e, _) in super::analysis::stmt_exprs(s) {
                e.variables(&mut vars);
            }
            if s.span.start >= at && vars.iter().any(|(v, _)| v == var) {
                readers += 1;
            }
        });
        readers > 0
    }
}
