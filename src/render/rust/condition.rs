//! `asyncio.Condition` as Tokio's `Notify`. One task runs at a time on the
//! listing's runtime and an `async with cond:` block awaits nothing but the
//! condition, so the state it guards keeps its own cell (a static, a
//! variable) and the `Notify` only wakes the waiters: `notify_all()` is
//! `notify_waiters()`, `notify(n)` is `notify_one()` n times, `wait()` is
//! `notified().await`, and `wait_for(predicate)` checks in a loop.

use super::Renderer;
use super::names::ident;
use crate::render::plan::ir::ast::Block;
use crate::render::plan::ir::expr::{Expr, ExprKind};
use crate::render::plan::ir::primitive::PrimOp;
use crate::render::plan::ir::value::Value;

impl Renderer<'_> {
    /// `name = asyncio.Condition()`.
    pub(super) fn condition_new(&mut self, name: &str) {
        self.use_("tokio::sync", "Notify");
        self.line("// A Condition: a `Notify` wakes the waiters; the state it guards");
        self.line("// is the program's own, and one task runs at a time.");
        if self.sync_shared() {
            self.use_("std::sync", "Arc");
            self.line(format!("let {} = Arc::new(Notify::new());", ident(name)));
        } else {
            self.line(format!("let {} = Notify::new();", ident(name)));
        }
    }

    /// `async with cond: body`: the body as a block, with no lock to take.
    pub(super) fn condition_locked(&mut self, body: &Block, tail: bool) {
        self.line("{");
        self.indent += 1;
        self.line("// `async with` on a Condition: nothing else runs until the block");
        self.line("// awaits the condition, so there is no lock to take.");
        self.body(body, tail);
        self.indent -= 1;
        self.line("}");
    }

    /// A method of a condition as a statement; `false` for another method.
    pub(super) fn condition_stmt(&mut self, object: &str, op: PrimOp, arg: Option<&Expr>) -> bool {
        let o = ident(object);
        match op {
            PrimOp::NotifyAll => {
                self.line("// Wakes every waiter, in the order they began to wait.");
                self.line(format!("{o}.notify_waiters();"));
            }
            PrimOp::Notify => {
                self.line("// Unlike `notify`, `notify_one` with no task waiting keeps a permit");
                self.line("// for the next `notified()`.");
                match arg.map(|n| &n.kind) {
                    None | Some(ExprKind::Lit(Value::Int(1))) => {
                        self.line(format!("{o}.notify_one();"))
                    }
                    Some(_) => {
                        let n = self.expr(arg.expect("matched above")).text;
                        self.line(format!("for _ in 0..{n} {{"));
                        self.line(format!("    {o}.notify_one();"));
                        self.line("}");
                    }
                }
            }
            PrimOp::CondWait => self.line(format!("{o}.notified().await;")),
            PrimOp::WaitUntil => {
                let pred = arg.expect("`wait_for` has its predicate");
                let c = self.test(pred);
                self.line("// `wait_for`: `notified()` is taken before the check, so a");
                self.line("// `notify_waiters` between the check and the wait is not missed.");
                self.line("loop {");
                self.line(format!("    let notified = {o}.notified();"));
                self.line(format!("    if {} {{", c.text));
                self.line("        break;");
                self.line("    }");
                self.line("    notified.await;");
                self.line("}");
            }
            _ => return false,
        }
        true
    }
}
