//! `asyncio.wait_for` where the program does not catch its `TimeoutError`:
//! Tokio's `timeout`, whose `Elapsed` error is returned as the listing's
//! `Error::TimeoutError`; and `async with asyncio.timeout(delay)`, the block
//! as one future under `timeout`.

use super::Renderer;
use super::types::Ty;
use crate::render::plan::ir::ast::{Block, Call, Stmt, StmtKind};
use crate::render::plan::ir::expr::Expr;

/// Whether a timeout's block only raises `TimeoutError()`: the exception
/// goes on up to the caller.
pub(super) fn raises_timeout(on_timeout: &Block) -> bool {
    matches!(
        on_timeout.as_slice(),
        [Stmt {
            kind: StmtKind::Raise { class, message: None },
            ..
        }] if class == "TimeoutError"
    )
}

impl Renderer<'_> {
    /// `[let into =] match timeout(d, f()).await { Ok(v) => v, Err(_) =>
    /// return Err(TimeoutError) }`, or an `if` when nothing is kept.
    pub(super) fn wait_for_raising(
        &mut self,
        call: &Call,
        timeout: &Expr,
        into: Option<&str>,
        on_timeout: &Block,
    ) {
        let d = self.duration(timeout);
        let c = self.call(call);
        let q = self.try_op(&call.name);
        let into = into.filter(|v| self.used.contains(*v) && self.var_ty(v) != Ty::Unit);
        if into.is_none() && q.is_empty() {
            self.line("// `Elapsed` ends the call: the program's `TimeoutError` goes on up.");
            let timeout = self.timeout_fn();
            self.timed_is_err(timeout, &d, &c);
            self.nested(on_timeout);
            self.line("}");
            return;
        }
        self.line("// `Elapsed` ends the call: the program's `TimeoutError` goes on up.");
        let head = match into {
            Some(v) => self.bind(v),
            None => String::new(),
        };
        self.timed_line(&format!("{head}match "), &d, &c, " {");
        self.indent += 1;
        self.line(match into {
            Some(_) => format!("Ok(value) => value{q},"),
            None => format!("Ok(result) => result{q},"),
        });
        self.line("Err(_) => {");
        self.nested(on_timeout);
        self.line("}");
        self.indent -= 1;
        self.line(if into.is_some() { "};" } else { "}" });
    }

    /// Tokio's `timeout`, imported, or by its path where a parameter or
    /// variable of the function is named `timeout`.
    pub(super) fn timeout_fn(&mut self) -> &'static str {
        let param = self
            .demo
            .function(&self.func)
            .is_some_and(|f| f.params.iter().any(|p| p == "timeout"));
        if param || self.used.contains("timeout") || self.declared.contains("timeout") {
            return "tokio::time::timeout";
        }
        self.use_("tokio::time", "timeout");
        "timeout"
    }

    /// `if timeout(d, c).await.is_err() {` (or `timeout_at`), as rustfmt
    /// lays it out (a chain past 60 characters goes one call a line).
    pub(super) fn timed_is_err(&mut self, timeout: &str, d: &str, c: &str) {
        let chain = format!("{timeout}({d}, {c}).await.is_err()");
        if chain.len() <= 60 && chain.len() + 5 + 4 * self.indent <= 100 {
            self.line(format!("if {chain} {{"));
            return;
        }
        if format!("{d}, {c}").len() <= 60 {
            self.line(format!("if {timeout}({d}, {c})"));
            self.line("    .await");
            self.line("    .is_err()");
        } else {
            self.line(format!("if {timeout}("));
            self.line(format!("    {d},"));
            self.line(format!("    {c},"));
            self.line(")");
            self.line(".await");
            self.line(".is_err()");
        }
        self.line("{");
    }

    /// `async with asyncio.timeout(delay)`: the block as one future, run
    /// under `timeout` (`timeout_at` an instant `delay` from now, with
    /// `at`); `on_timeout` when it elapses.
    pub(super) fn deadline(&mut self, delay: &Expr, at: bool, body: &Block, on_timeout: &Block) {
        let d = self.duration(delay);
        let (d, timeout) = if at {
            self.use_("tokio::time", "Instant");
            (format!("Instant::now() + {d}"), "timeout_at")
        } else {
            (d, "timeout")
        };
        self.use_("tokio::time", timeout);
        // A lone sleep is the future itself.
        if let [sleep] = body.as_slice()
            && let StmtKind::Sleep(delay) = &sleep.kind
        {
            let slept = self.duration(delay);
            self.use_("tokio::time", "sleep");
            self.line(format!("// `{timeout}` drops the sleep at the deadline."));
            self.timed_is_err(timeout, &d, &format!("sleep({slept})"));
            self.nested(on_timeout);
            self.line("}");
            return;
        }
        let name = ["block", "timed_block", "deadline_block"]
            .into_iter()
            .find(|n| !self.declared.contains(*n) && !self.used.contains(*n))
            .unwrap_or("deadline_block");
        self.line(format!(
            "// The block is one future: at the deadline `{timeout}` drops it."
        ));
        self.line(format!("let {name} = async {{"));
        self.nested(body);
        self.line("};");
        self.timed_is_err(timeout, &d, name);
        self.nested(on_timeout);
        self.line("}");
    }
}
