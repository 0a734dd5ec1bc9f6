//! The `try` of a task that goes on after its cancellation (see
//! `plan::cancel_token`): the body and `token.cancelled()` under a biased
//! `select!`, the handler in the token's branch, `finally` after both.

use super::Renderer;
use super::types::Ty;
use crate::render::plan::ir::ast::Block;

impl Renderer<'_> {
    /// Whether the function being written gets a `CancellationToken`.
    pub(super) fn has_token(&self) -> bool {
        self.demo
            .function(&self.func)
            .is_some_and(|f| f.params.iter().any(|p| self.var_ty(p) == Ty::Token))
    }

    /// `select!` on the token first (asyncio's cancellation wins over a
    /// wake-up at the same instant), then the body as one future.
    pub(super) fn token_select(&mut self, body: &Block, on_cancel: &Block, finally: &Block) {
        let token = self
            .demo
            .function(&self.func)
            .and_then(|f| f.params.iter().find(|p| self.var_ty(p) == Ty::Token))
            .cloned()
            .unwrap_or_default();
        self.line("// `cancel()` cancels the token: the body's future is dropped at its");
        self.line("// await and the handler runs, as `except CancelledError:` does.");
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
}
