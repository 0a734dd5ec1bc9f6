//! `loop.call_soon`, `loop.call_later` and `asyncio.shield`: a spawned task
//! (for a callback, one that sleeps, then calls the plain function; its
//! `JoinHandle` stands for asyncio's `Handle`).

use super::Renderer;
use super::types::Ty;
use crate::render::plan::ir::ast::Call;
use crate::render::plan::ir::expr::Expr;

impl Renderer<'_> {
    /// `[let into =] tokio::spawn(async move { sleep(d).await; f(...); });`
    pub(super) fn schedule(&mut self, delay: Option<&Expr>, call: &Call, into: Option<&str>) {
        let c = self.call(call);
        let head = match into.filter(|n| self.used.contains(*n)) {
            Some(n) => self.bind(n),
            None => String::new(),
        };
        self.line(match delay {
            None => "// `call_soon`: a task of its own calls it once this task awaits.",
            Some(_) => "// `call_later`: a task of its own sleeps, then calls it.",
        });
        self.line(format!("{head}tokio::spawn(async move {{"));
        self.indent += 1;
        if let Some(d) = delay {
            self.use_("tokio::time", "sleep");
            let d = self.duration(d);
            self.line(format!("sleep({d}).await;"));
        }
        self.line(format!("{c};"));
        self.indent -= 1;
        self.line("});");
    }
}

impl Renderer<'_> {
    /// `[let into =] tokio::spawn(f(...)).await.unwrap();`: `asyncio.shield`.
    pub(super) fn shield(&mut self, call: &Call, into: Option<&str>) {
        let c = self.call(call);
        let ret = self.types.ret_of(&call.name);
        let into = into.filter(|_| !matches!(ret, Ty::Unit | Ty::Unknown));
        let q = self.try_op(&call.name);
        self.line("// Shielded: a task of its own. Cancelling this task drops the handle,");
        self.line("// which detaches the shielded task instead of aborting it.");
        self.assign(into, &format!("tokio::spawn({c}).await.unwrap(){q}"));
    }
}
