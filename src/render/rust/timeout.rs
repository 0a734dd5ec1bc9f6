//! `asyncio.wait_for` where the program does not catch its `TimeoutError`:
//! Tokio's `timeout`, whose `Elapsed` error is returned as the listing's
//! `Error::TimeoutError`; and `async with asyncio.timeout(delay)`, the block
//! as one future under `timeout`.

use super::Renderer;
use super::types::Ty;
use crate::render::plan::ir::ast::{Block, Call, Stmt, StmtKind};
use crate::render::plan::ir::expr::Expr;

/// Whether `e` is a number literal above zero.
fn positive(e: &Expr) -> bool {
    use crate::render::plan::ir::expr::ExprKind;
    use crate::render::plan::ir::value::Value;
    match &e.kind {
        ExprKind::Lit(Value::Int(n)) => *n > 0,
        ExprKind::Lit(Value::Float(x)) => *x > 0.0,
        _ => false,
    }
}

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
        if self.deadline_first {
            self.line("// At a tie asyncio's deadline fires first: it is polled first.");
            return "timeout_first";
        }
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
    /// `at`); `on_timeout` when it elapses, which `expired` keeps where the
    /// program reads it later.
    pub(super) fn deadline(
        &mut self,
        delay: &Expr,
        at: bool,
        body: &Block,
        on_timeout: &Block,
        expired: Option<&str>,
    ) {
        let d = self.duration(delay);
        let (d, timeout) = if self.ties.contains(&delay.span) {
            self.line("// At a tie asyncio's deadline fires first: it is polled first.");
            (d, "timeout_first")
        } else if at {
            self.use_("tokio::time", "Instant");
            (format!("Instant::now() + {d}"), "timeout_at")
        } else {
            (d, "timeout")
        };
        if timeout != "timeout_first" {
            self.use_("tokio::time", timeout);
        }
        // A lone sleep is the future itself, where a sleep of no time
        // (ready at once in Tokio, a yield in asyncio) cannot meet a
        // deadline already past.
        if let [sleep] = body.as_slice()
            && let StmtKind::Sleep(slept) = &sleep.kind
            && (positive(slept) || positive(delay))
        {
            let delay = slept;
            let slept = self.duration(delay);
            self.use_("tokio::time", "sleep");
            self.line(format!("// `{timeout}` drops the sleep at the deadline."));
            self.timed_test(timeout, &d, &format!("sleep({slept})"), expired);
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
        self.timed_test(timeout, &d, name, expired);
        self.nested(on_timeout);
        self.line("}");
    }

    /// `if timeout(d, c).await.is_err() {`, or, where the program reads
    /// later whether the deadline ended the block, `let expired = ...;`
    /// and `if expired {`.
    fn timed_test(&mut self, timeout: &str, d: &str, c: &str, expired: Option<&str>) {
        let Some(v) = expired.filter(|v| self.used.contains(*v)) else {
            self.timed_is_err(timeout, d, c);
            return;
        };
        let head = self.bind(v);
        let chain = format!("{head}{timeout}({d}, {c}).await.is_err();");
        if chain.len() + 4 * self.indent <= 100 {
            self.line(chain);
        } else {
            self.line(format!("{head}{timeout}({d}, {c})"));
            self.line("    .await");
            self.line("    .is_err();");
        }
        self.line(format!("if {} {{", super::names::ident(v)));
    }

    /// `let cm_when = now + delay;`: the deadline `cm.when()` gives, where
    /// the program reads it.
    pub(super) fn deadline_when(&mut self, when: Option<&(String, Expr)>) {
        if let Some((v, value)) = when
            && self.used.contains(v)
        {
            self.set(v, value);
        }
    }

    /// `async with asyncio.timeout(None)`: no deadline, the block's
    /// statements run as they are.
    pub(super) fn unbounded(&mut self, body: &Block) {
        self.line("// `asyncio.timeout(None)` sets no deadline: the block runs as it is.");
        self.body(body, false);
    }
}
