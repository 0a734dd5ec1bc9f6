//! A list of futures made at once, `futures = [loop.create_future() for _
//! in range(n)]`: the Rust listing makes as many oneshot channels, their
//! senders in `futures_tx` and their receivers in `futures`. The senders
//! go whole to the one call of a coroutine that resolves the futures
//! (`rust::future_lists` checks that call); the function that made the
//! list awaits its receivers and reads `f.done()` of its items.

use super::scope::Scope;
use super::stmt::{local_name, method_call};
use super::{Planner, Result};
use crate::program::{self as py, CompKind, ExprKind as E, Name, Target};
use crate::render::plan::ir::ast::StmtKind;

impl Planner<'_> {
    /// `var = [loop.create_future() for _ in range(n)]`, of the running
    /// loop, whose loop variable the element does not read; `None` for any
    /// other value.
    pub(super) fn future_list(
        &self,
        sc: &mut Scope,
        var: &str,
        value: &py::Expr,
    ) -> Result<Option<StmtKind>> {
        let E::Comprehension(c) = &value.kind else {
            return Ok(None);
        };
        let [g] = c.generators.as_slice() else {
            return Ok(None);
        };
        let Some(obj) = method_call(&c.element, "create_future") else {
            return Ok(None);
        };
        let running = self.is_member_call(obj, "get_running_loop")
            || local_name(obj).is_some_and(|l| sc.loops.iter().any(|x| x == l));
        let ranged = matches!(&g.iter.kind, E::Call(f, _)
            if matches!(&f.kind, E::Name(Name::Global(n)) if &**n == "range"));
        if c.kind != CompKind::List
            || c.is_async
            || g.is_async
            || !g.ifs.is_empty()
            || !matches!(g.target, Target::Name(_))
            || !running
            || !ranged
        {
            return Ok(None);
        }
        let over = self.expr(sc, &g.iter)?;
        sc.future_lists.push(var.to_string());
        Ok(Some(StmtKind::FutureList {
            name: var.to_string(),
            over,
        }))
    }

    /// Notes the loop or comprehension variable `target` over `iter` (or
    /// `enumerate(iter)`) when `iter` is a list of futures made here: its
    /// `done()` is the item's.
    pub(super) fn note_future_item(&self, sc: &Scope, target: &Target, iter: &py::Expr) {
        let iter = match &iter.kind {
            E::Call(f, args) if matches!(&f.kind, E::Name(Name::Global(n)) if &**n == "enumerate") => {
                match args.as_slice() {
                    [py::Arg::Positional(x)] => x,
                    _ => return,
                }
            }
            _ => iter,
        };
        let item = match target {
            Target::Name(n) => n,
            Target::Unpack(names, None) => match names.as_slice() {
                [Target::Name(_), Target::Name(n)] => n,
                _ => return,
            },
            _ => return,
        };
        if let Some(list) = local_name(iter).filter(|l| sc.future_lists.iter().any(|f| f == l)) {
            sc.future_items
                .borrow_mut()
                .insert(item.ident().to_string(), list.to_string());
        }
    }

    /// Whether `name` is an item of a list of futures made here.
    pub(super) fn future_item(&self, sc: &Scope, name: &str) -> bool {
        sc.future_items.borrow().contains_key(name)
    }
}
