//! The `try` of a task that goes on after its cancellation (see
//! `plan::cancel_token`): the body and `token.cancelled()` under a biased
//! `select!`, the handler in the token's branch, `finally` after both.

use super::Renderer;
use super::types::Ty;
use crate::render::plan::ir::ast::{Block, StmtKind};

impl Renderer<'_> {
    /// Whether the function being written gets a `CancellationToken`.
    pub(super) fn has_token(&self) -> bool {
        self.demo
            .function(&self.func)
            .is_some_and(|f| f.params.iter().any(|p| self.var_ty(p) == Ty::Token))
    }

    /// `select!` on the token first (asyncio's cancellation wins over a
    /// wake-up at the same instant), then the body as one future.
    pub(super) fn token_select(
        &mut self,
        body: &Block,
        on_cancel: &Block,
        finally: &Block,
        tail: bool,
    ) {
        let token = self
            .demo
            .function(&self.func)
            .and_then(|f| f.params.iter().find(|p| self.var_ty(p) == Ty::Token))
            .cloned()
            .unwrap_or_default();
        if self.reraise_end(&self.func).is_some() {
            return self.token_reraise(&token, body, on_cancel, finally, tail);
        }
        if on_cancel.is_empty() && !finally.is_empty() {
            return self.token_cleanup(&token, body, finally, tail);
        }
        let returns = |b: &Block| matches!(b.last().map(|s| &s.kind), Some(StmtKind::Return(_)));
        if returns(body) && returns(on_cancel) && finally.is_empty() {
            return self.token_value(&token, body, on_cancel, tail);
        }
        self.line("// `cancel()` cancels the token: the body's future is dropped at its");
        self.line("// await and the handler runs, as `except CancelledError:` does.");
        self.token_branches(&token, body, on_cancel, finally);
    }

    /// `select!` of the body beside `token.cancelled()`, whose branch runs
    /// the handler `on_cancel`; then `finally`.
    pub(super) fn token_branches(
        &mut self,
        token: &str,
        body: &Block,
        on_cancel: &Block,
        finally: &Block,
    ) {
        self.line("tokio::select! {");
        self.indent += 1;
        self.line("biased;");
        if on_cancel.is_empty() {
            self.line(format!("() = {token}.cancelled() => {{}}"));
        } else {
            self.line(format!("() = {token}.cancelled() => {{"));
            self.nested(on_cancel);
            self.line("}");
        }
        self.line("() = async {");
        self.nested(body);
        self.line("} => {}");
        self.indent -= 1;
        self.line("}");
        self.body(finally, false);
    }

    /// `try: body finally: cleanup` of a coroutine given a token, whose
    /// cleanup awaits: the body beside `token.cancelled()`; then the
    /// cleanup, whole after a cancellation, and otherwise stopped where
    /// one arrives, as asyncio raises it at the cleanup's await.
    fn token_cleanup(&mut self, token: &str, body: &Block, finally: &Block, tail: bool) {
        self.line("// `cancel()` cancels the token: the body's future is dropped at its");
        self.line("// await, and the `finally` runs whole, as asyncio runs it.");
        self.line("let cancelled = tokio::select! {");
        self.indent += 1;
        self.line("biased;");
        self.line(format!("() = {token}.cancelled() => true,"));
        self.line("() = async {");
        self.nested(body);
        self.line("} => false,");
        self.indent -= 1;
        self.line("};");
        self.line("let cleanup = async {");
        self.nested(finally);
        self.line("};");
        if self.cancel_end(&self.func).is_some() {
            return self.ended_cleanup(token, tail);
        }
        self.line("if cancelled {");
        self.line("    cleanup.await;");
        self.line("} else {");
        self.line("    // Cancelled during the `finally`, it stops at that await.");
        self.line(format!("    {token}.run_until_cancelled(cleanup).await;"));
        self.line("}");
    }

    /// `try: ...; return a except asyncio.CancelledError: ...; return b`
    /// of a coroutine given a token: the `select!` gives the function's
    /// value, `b` from the token's branch, `a` as its `async` block's.
    fn token_value(&mut self, token: &str, body: &Block, on_cancel: &Block, tail: bool) {
        self.line("// `cancel()` cancels the token: the body's future is dropped at its");
        self.line("// await and the handler gives the value, as `except CancelledError:` does.");
        self.line(if tail {
            "tokio::select! {"
        } else {
            "return tokio::select! {"
        });
        self.indent += 1;
        self.line("biased;");
        self.line(format!("() = {token}.cancelled() => {{"));
        self.nested_tail(on_cancel, true);
        self.line("}");
        self.line("value = async {");
        self.nested_tail(body, true);
        self.line("} => value,");
        self.indent -= 1;
        self.line(if tail { "}" } else { "};" });
    }
}
