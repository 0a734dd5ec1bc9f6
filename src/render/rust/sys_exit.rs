//! `sys.exit(...)`: `std::process::exit` with Python's status (`0` for
//! none, the number, or `1` after writing any other value to stderr) in
//! the module's code; in a coroutine, `sys_exit(status).await`, which asks
//! `run` to stop the event loop and `main` to return the status (see
//! [`crate::render::plan::exits_in_coroutines`]).

use super::Renderer;
use super::code::Code;
use super::types::Ty;
use crate::render::plan::exits_in_coroutines;
use crate::render::plan::ir::ast::FunctionKind;
use crate::render::plan::ir::expr::{Builtin, Expr, ExprKind};

/// The helpers of a program that calls `sys.exit(...)` in a coroutine: the
/// notice `run` waits for, and `run` reporting the status.
const EXITING: &[&str] = &[
    "/// What `sys.exit(status)` in a coroutine asks of `run`: to stop the event",
    "/// loop, then to end the process with the status.",
    "static EXIT: Notify = Notify::const_new();",
    "static EXIT_STATUS: AtomicU8 = AtomicU8::new(0);",
    "",
    "/// `sys.exit(status)` in a coroutine: `SystemExit` stops the event loop, which",
    "/// drops this coroutine where it waits.",
    "async fn sys_exit(status: u8) {",
    "    EXIT_STATUS.store(status, Ordering::Relaxed);",
    "    EXIT.notify_one();",
    "    std::future::pending().await",
    "}",
    "",
    "/// `asyncio.run(...)`: an event loop of its own runs `f` to its end, then",
    "/// drops the tasks still running, as asyncio cancels them; or, once",
    "/// `sys.exit(status)` stopped it, drops `f` and the tasks and gives the status.",
    super::MAIN_ATTR,
    "async fn run<F: Future>(f: F) -> Result<F::Output, ExitCode> {",
    "    tokio::select! {",
    "        biased;",
    "        () = EXIT.notified() => Err(ExitCode::from(EXIT_STATUS.load(Ordering::Relaxed))),",
    "        output = f => Ok(output),",
    "    }",
    "}",
];

impl Renderer<'_> {
    /// The `eprintln!` that writes the message of `sys.exit(message)`
    /// before the process ends; `None` for another statement.
    pub(super) fn exit_message(&mut self, value: &Expr) -> Option<String> {
        let ExprKind::Call(Builtin::Exit, args) = &value.kind else {
            return None;
        };
        let arg = args.first()?;
        if let ExprKind::Template(t) = &arg.kind {
            let (text, _) = self.format(t, "eprintln!");
            return Some(format!("{text};"));
        }
        let c = self.expr(arg);
        if matches!(c.ty, Ty::Int | Ty::Unit) {
            return None;
        }
        let c = self.printed_float(arg, c);
        let (mut fmt, mut holes) = (String::new(), Vec::new());
        self.hole(&c, &mut fmt, &mut holes);
        let (text, _) = self.format_tail(fmt, holes, "eprintln!");
        Some(format!("{text};"))
    }

    /// `std::process::exit(status)` for `sys.exit(arg)`, or
    /// `sys_exit(status).await` in a coroutine.
    pub(super) fn exit(&mut self, args: &[Expr]) -> Code {
        if self.kind == FunctionKind::Coroutine {
            let status = args.first().map_or("0".to_string(), |a| self.expr(a).text);
            return Code::new(format!("sys_exit({status}).await"), Ty::Unit, 10);
        }
        let status = match args.first() {
            None => "0".to_string(),
            Some(a) => {
                let c = self.expr(a);
                match c.ty {
                    Ty::Unit => "0".to_string(),
                    Ty::Int if c.text.chars().all(|ch| ch.is_ascii_digit()) => c.text,
                    Ty::Int => format!("{} as i32", c.wrap(8)),
                    _ => "1".to_string(),
                }
            }
        };
        Code::new(format!("std::process::exit({status})"), Ty::Unit, 10)
    }
}

impl Renderer<'_> {
    /// Whether the listing's `main` returns the status of a `sys.exit(...)`
    /// in a coroutine.
    pub(super) fn exits(&self) -> bool {
        exits_in_coroutines(self.demo)
    }

    /// `run(call)` in `main` when a coroutine may call `sys.exit(...)`:
    /// `main` returns the status `run` gives (its drop guards, the module's
    /// `finally` blocks, run on the way out).
    pub(super) fn run_or_exit(&mut self, into: Option<&str>, call: &str) {
        let into = into.filter(|n| self.pattern_used(n) || self.declared.contains(*n));
        match into {
            Some(name) => {
                let b = self.bind(name);
                self.line(format!("{b}match run({call}) {{"));
                self.line("    Ok(output) => output,");
                self.line("    Err(status) => return status,");
                self.line("};");
            }
            None => {
                self.line(format!("if let Err(status) = run({call}) {{"));
                self.line("    return status;");
                self.line("}");
            }
        }
    }

    /// The helpers `run_or_exit` and `sys_exit(...)` need.
    pub(super) fn exit_helpers(&mut self) {
        self.use_("std::process", "ExitCode");
        self.use_("std::sync::atomic", "AtomicU8");
        self.use_("std::sync::atomic", "Ordering");
        self.use_("tokio::sync", "Notify");
        for l in EXITING {
            self.line(*l);
        }
        self.line("");
    }
}
