//! A coroutine given a token whose `except asyncio.CancelledError:`
//! awaits a cleanup and ends in `raise` (see `plan::wait_for_token`),
//! with a `finally` after: `wait_for` cancels it at its deadline and waits
//! for the cleanup. The handler runs in the token's `select!` branch, the
//! `finally` after both; a value it returns comes as `Some`, and `None`
//! tells its caller the cancellation went on.

use super::Renderer;
use super::names::ident;
use super::types::Ty;
use crate::render::plan::ir::ast::{Block, Call, StmtKind, TokenEnd};

impl Renderer<'_> {
    /// Whether `func` ends as [`TokenEnd::Reraises`], and then whether its
    /// `finally` awaits.
    pub(super) fn reraise_end(&self, func: &str) -> Option<bool> {
        let mut found = None;
        for f in &self.demo.functions {
            f.walk(&mut |s| {
                if let StmtKind::WaitFor {
                    call,
                    token: Some((_, TokenEnd::Reraises { cleanup_awaits })),
                    ..
                } = &s.kind
                    && call.name == func
                {
                    found = Some(*cleanup_awaits);
                }
            });
        }
        found.or(match self.cancel_end(func) {
            Some(TokenEnd::Reraises { cleanup_awaits }) => Some(cleanup_awaits),
            _ => None,
        })
    }

    /// Whether `func` ends as [`TokenEnd::Reraises`] and returns a value:
    /// it gives an `Option`, `None` once cancelled.
    pub(super) fn reraise_value(&self, func: &str) -> bool {
        self.reraise_end(func).is_some()
            && !matches!(self.types.ret_of(func), Ty::Unit | Ty::Unknown)
    }

    /// `try: body except asyncio.CancelledError: on_cancel; raise
    /// finally: finally` of a coroutine given `token`, its last statement.
    pub(super) fn token_reraise(
        &mut self,
        token: &str,
        body: &Block,
        on_cancel: &Block,
        finally: &Block,
        tail: bool,
    ) {
        let cleanup_awaits = self.reraise_end(&self.func.clone()) == Some(true);
        let value = self.reraise_value(&self.func.clone());
        let ended = self.cancel_end(&self.func).is_some();
        if !value && !cleanup_awaits && !ended {
            self.line("// `cancel()` cancels the token: the body's future is dropped at its");
            self.line("// await and the handler runs whole, as `except CancelledError:` does.");
            return self.token_branches(token, body, on_cancel, finally);
        }
        let outcome = match (value, self.declared.contains("value")) {
            (true, false) => "value",
            (true, true) => "outcome",
            (false, _) => "cancelled",
        };
        self.line("// `cancel()` cancels the token: the body's future is dropped at its");
        self.line("// await, and the handler runs whole, as `except CancelledError:` does.");
        self.line(format!("let {outcome} = tokio::select! {{"));
        self.indent += 1;
        self.line("biased;");
        let given = if value { "None" } else { "true" };
        if on_cancel.is_empty() {
            self.line(format!("() = {token}.cancelled() => {given},"));
        } else {
            self.line(format!("() = {token}.cancelled() => {{"));
            self.nested(on_cancel);
            self.line(format!("    {given}"));
            self.line("}");
        }
        if value {
            self.line("value = async {");
            self.nested_tail(body, true);
            self.line("} => Some(value),");
        } else {
            self.line("() = async {");
            self.nested(body);
            self.line("} => false,");
        }
        self.indent -= 1;
        self.line("};");
        if cleanup_awaits && ended {
            self.line("let cleanup = async {");
            self.nested(finally);
            self.line("};");
            self.ended_cleanup(token, tail);
        } else if cleanup_awaits {
            self.line("let cleanup = async {");
            self.nested(finally);
            self.line("};");
            self.line(if value {
                format!("if {outcome}.is_none() {{")
            } else {
                "if cancelled {".to_string()
            });
            self.line("    cleanup.await;");
            self.line("} else {");
            self.line("    // Cancelled during the `finally`, it stops at that await.");
            self.line(format!(
                "    {token}.run_until_cancelled(cleanup).await{};",
                if value { "?" } else { "" }
            ));
            self.line("}");
        } else {
            self.body(finally, false);
        }
        if ended && !cleanup_awaits {
            self.line("// It gives whether it ended cancelled.");
            self.line(if tail {
                "cancelled"
            } else {
                "return cancelled;"
            });
        }
        if value {
            self.line(if tail {
                outcome.to_string()
            } else {
                format!("return {outcome};")
            });
        }
    }

    /// The `wait_for` of a coroutine that gives `None` once cancelled
    /// (`reraise_value`), watching `token`, its future pinned as `work`:
    /// `body` with its value, or `on_timeout`.
    pub(super) fn reraised_value(
        &mut self,
        call: &Call,
        (token, work): (&str, &str),
        into: Option<&str>,
        body: &Block,
        on_timeout: &Block,
        timed: &dyn Fn(&mut Self, &str),
    ) {
        let q = self.try_op(&call.name);
        let holder = match into {
            Some(v) => ident(v),
            None if self.declared.contains("result") => "outcome".to_string(),
            None => "result".to_string(),
        };
        timed(self, &format!("let {holder} = match "));
        self.indent += 1;
        self.line(format!("Ok(value) => value{q},"));
        self.line("// Cancelled, its cleanup runs, and it gives `None`.");
        self.line("Err(_) => {");
        self.line(format!("    {token}.cancel();"));
        self.line(format!("    {work}.await{q}"));
        self.line("}");
        self.indent -= 1;
        self.line("};");
        self.line("// `None`: it was cancelled, and `wait_for` raises `TimeoutError`.");
        match into {
            Some(_) => {
                self.line(format!("if let Some({holder}) = {holder} {{"));
                self.nested(body);
                self.line("} else {");
                self.nested(on_timeout);
                self.line("}");
            }
            None if body.is_empty() => {
                self.line(format!("if {holder}.is_none() {{"));
                self.nested(on_timeout);
                self.line("}");
            }
            None => {
                self.line(format!("if {holder}.is_some() {{"));
                self.nested(body);
                self.line("} else {");
                self.nested(on_timeout);
                self.line("}");
            }
        }
    }
}
