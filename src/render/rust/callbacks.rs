//! `loop.call_soon`, `loop.call_later` and `asyncio.shield`: a spawned task
//! (for a callback, one that sleeps, then calls the plain function; its
//! `JoinHandle` stands for asyncio's `Handle`).

use super::Renderer;
use super::types::Ty;
use crate::render::plan::ir::ast::{Block, Call};
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
            Some(_) => "// A timer's callback: a task of its own sleeps, then calls it.",
        });
        self.line(format!("{head}tokio::spawn(async move {{"));
        self.indent += 1;
        if let Some(d) = delay {
            self.use_("tokio::time", "sleep");
            let wait = format!("sleep({}).await;", self.duration(d));
            if wait.len() + 4 * self.indent <= 100 {
                self.line(wait);
            } else {
                let seconds = self.expr(d);
                // A name the call's arguments do not read.
                let name = ["delay", "timer_delay", "callback_delay"]
                    .into_iter()
                    .find(|n| !self.declared.contains(*n) && !self.used.contains(*n))
                    .unwrap_or("callback_delay");
                self.line(format!("let {name} = {};", seconds.text));
                self.line(format!("sleep(Duration::from_secs_f64({name})).await;"));
            }
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

impl Renderer<'_> {
    /// `tokio::spawn(async move { ... });`: a future's done callbacks.
    pub(super) fn soon(&mut self, body: &Block) {
        self.line("// asyncio runs its done callbacks once this task awaits: a task of their own.");
        self.line("tokio::spawn(async move {");
        self.nested(body);
        self.line("});");
    }
}
