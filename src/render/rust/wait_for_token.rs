//! `asyncio.wait_for` of a coroutine given a token (see
//! `plan::wait_for_token`): the coroutine's future is kept pinned, and at
//! the deadline its token is cancelled and the future awaited to its end,
//! as asyncio's `wait_for` cancels the coroutine and waits for it.

use super::Renderer;
use super::names::ident;
use super::types::Ty;
use crate::render::plan::ir::ast::{Block, Call, TokenEnd, walk};
use crate::render::plan::ir::expr::Expr;

impl Renderer<'_> {
    /// `try: [into =] await asyncio.wait_for(call, timeout); body except
    /// TimeoutError: on_timeout`, `call` watching `token`.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn wait_for_token(
        &mut self,
        call: &Call,
        timeout: &Expr,
        into: Option<&str>,
        body: &Block,
        on_timeout: &Block,
        token: &str,
        end: TokenEnd,
    ) {
        let d = self.duration(timeout);
        self.use_("tokio_util::sync", "CancellationToken");
        self.use_("std::pin", "pin");
        let token = ident(token);
        self.declared.insert(token.clone());
        let work = if self.declared.contains("work") {
            format!("{}_work", call.name)
        } else {
            "work".to_string()
        };
        self.declared.insert(work.clone());
        let c = self.call(call);
        let q = self.try_op(&call.name);
        self.line("// At the deadline `wait_for` cancels the coroutine and waits for its end:");
        self.line("// it watches a token, and its future is kept to be awaited then.");
        self.line(format!("let {token} = CancellationToken::new();"));
        let pinned = format!("let mut {work} = pin!({c});");
        if pinned.len() + 4 * self.indent <= 100 {
            self.line(pinned);
        } else {
            let head = format!("let {work} = ");
            if !self.nested_call_lines(&head, &c, ";") {
                self.line(format!("{head}{c};"));
            }
            self.line(format!("let mut {work} = pin!({work});"));
        }
        let into = into.filter(|v| self.used.contains(*v) && self.var_ty(v) != Ty::Unit);
        let timed = |r: &mut Self, head: &str| {
            r.timed_line(head, &d, &format!("&mut {work}"), " {");
        };
        match end {
            TokenEnd::Returns => {
                let head = match into {
                    Some(v) => self.bind(v),
                    None => String::new(),
                };
                timed(self, &format!("{head}match "));
                self.indent += 1;
                self.line(match into {
                    Some(_) => format!("Ok(value) => value{q},"),
                    None => format!("Ok(result) => result{q},"),
                });
                self.line("// Cancelled, it catches the cancellation and returns: `wait_for`");
                self.line("// gives what it returns, and raises no `TimeoutError`.");
                let start = self.lines.len();
                self.line("Err(_) => {");
                self.line(format!("    {token}.cancel();"));
                self.line(format!("    {work}.await{q}"));
                self.line("}");
                // The `except TimeoutError:` never runs: its lines are these.
                walk(on_timeout, &mut |s| {
                    self.spans.insert(s.id, start..self.lines.len());
                });
                self.indent -= 1;
                self.line(if into.is_some() { "};" } else { "}" });
                self.body(body, false);
            }
            TokenEnd::Reraises { .. } if self.reraise_value(&call.name) => {
                self.reraised_value(call, (&token, &work), into, body, on_timeout, &timed);
            }
            TokenEnd::Raises | TokenEnd::Reraises { .. } => {
                // The coroutine returns nothing (`plan::wait_for_token`).
                timed(self, "match ");
                self.indent += 1;
                if body.is_empty() && q.is_empty() {
                    self.line("Ok(()) => {}");
                } else if q.is_empty() {
                    self.line("Ok(()) => {");
                    self.nested(body);
                    self.line("}");
                } else {
                    self.line("Ok(result) => {");
                    self.line(format!("    result{q};"));
                    self.nested(body);
                    self.line("}");
                }
                self.line("// Cancelled, its cleanup runs, then `wait_for` raises `TimeoutError`.");
                self.line("Err(_) => {");
                self.line(format!("    {token}.cancel();"));
                self.line(format!("    {work}.await{q};"));
                self.nested(on_timeout);
                self.line("}");
                self.indent -= 1;
                self.line("}");
            }
        }
    }
}
