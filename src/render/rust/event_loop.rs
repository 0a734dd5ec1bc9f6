//! An event loop that a plain function makes and runs: a current-thread
//! runtime built by hand, and `block_on` for each `run_until_complete`.
//! The runtime keeps its clock and its tasks from one run to the next, as
//! asyncio's loop does.

use super::Renderer;
use super::analysis;
use super::names::ident;
use crate::render::plan::ir::ast::{Block, Demo, FunctionKind, StmtKind, walk};

/// Whether a function of `demo` builds a runtime by hand
/// (`asyncio.new_event_loop()`).
pub(super) fn builds_runtime(demo: &Demo) -> bool {
    any_stmt(demo, |k| matches!(k, StmtKind::Runtime { .. }))
}

/// Whether a statement of `demo` is of the kind `is`.
fn any_stmt(demo: &Demo, is: impl Fn(&StmtKind) -> bool) -> bool {
    let mut found = false;
    for f in &demo.functions {
        walk(&f.body, &mut |s| found |= is(&s.kind));
    }
    found
}

/// Whether a statement of `body` (not nested) schedules a callback.
fn schedules(body: &Block) -> bool {
    body.iter()
        .any(|s| matches!(s.kind, StmtKind::Schedule { .. }))
}

impl Renderer<'_> {
    /// `loop = asyncio.new_event_loop()`: the runtime; when the program
    /// reads the loop's clock, its context is entered so that the clock
    /// reads the runtime's time between runs too.
    pub(super) fn runtime(&mut self, name: &str) {
        let schedules = self
            .demo
            .function(&self.func)
            .is_some_and(|f| schedules(&f.body));
        self.runtime_for(name, schedules);
    }

    /// The runtime `name`, entered when `schedules` (a statement out of
    /// its runs spawns on it) or when the program reads the loop's clock.
    fn runtime_for(&mut self, name: &str, schedules: bool) {
        let rt = ident(name);
        self.declared.insert(name.to_string());
        self.line("// One thread runs every task, as asyncio's event loop does.");
        self.line(format!(
            "let {rt} = tokio::runtime::Builder::new_current_thread()"
        ));
        self.line("    .enable_all()");
        self.line("    .build()");
        self.line("    .unwrap();");
        let clock = analysis::reads_clock(self.demo);
        if schedules {
            self.line("// Entered: `tokio::spawn` out of `block_on` spawns on this runtime.");
        } else if clock {
            self.line("// `loop.time()` between runs reads the runtime's clock: enter it.");
        }
        if schedules || clock {
            self.line(format!("let _context = {rt}.enter();"));
        }
        if clock {
            self.use_("std::sync", "LazyLock");
            self.line("// The clock of `loop.time()` starts here.");
            self.line("LazyLock::force(&START);");
        }
    }

    /// `into = loop.run_until_complete(...)`: the runtime runs the awaiting
    /// statement to its end; a lone call is handed to `block_on` as it is.
    pub(super) fn block_on(&mut self, runtime: &str, body: &Block, into: Option<&str>) {
        let rt = ident(runtime);
        let yields = self.runs_after_loop_spawn(runtime, body);
        if yields && self.yielding_block_on(runtime, body, into) {
            return;
        }
        if !yields
            && let [inner] = body.as_slice()
            && let StmtKind::Await { call, .. } = &inner.kind
        {
            let c = self.call(call);
            let q = self.try_op(&call.name);
            let into = into.filter(|_| {
                !matches!(
                    self.types.ret_of(&call.name),
                    super::types::Ty::Unit | super::types::Ty::Unknown
                )
            });
            self.assign(into, &format!("{rt}.block_on({c}){q}"));
            return;
        }
        let into = into.filter(|n| self.pattern_used(n) || self.declared.contains(*n));
        let head = match into {
            Some(name) => {
                let b = self.bind(name);
                // The value is bound again inside the block, then handed out.
                self.declared.remove(name);
                b
            }
            None => String::new(),
        };
        self.line(format!("{head}{rt}.block_on(async {{"));
        self.indent += 1;
        if yields {
            self.line("// asyncio runs the loop's tasks first: yield to them.");
            self.line("tokio::task::yield_now().await;");
        }
        let kind = std::mem::replace(&mut self.kind, FunctionKind::Coroutine);
        for s in body {
            self.stmt_inner(s, false);
        }
        self.kind = kind;
        if let Some(name) = into {
            self.line(ident(name));
        }
        self.indent -= 1;
        self.line("});");
        if let Some(name) = into {
            self.declared.insert(name.to_string());
        }
    }

    /// `loop.run_forever()`: the runtime runs its tasks until `loop.stop()`.
    pub(super) fn run_forever(&mut self, runtime: &str) {
        self.line("// Runs the spawned tasks until a callback calls `loop.stop()`.");
        self.line(format!("{}.block_on(STOP.notified());", ident(runtime)));
    }

    /// `loop.stop()`: the `run_forever` under way returns (a later one,
    /// if none is: `notify_one` keeps the permit).
    pub(super) fn stop_loop(&mut self) {
        self.line("STOP.notify_one();");
    }

    /// The `static` that `loop.stop()` notifies, when the program stops a loop.
    pub(super) fn stop_static(&mut self) {
        if any_stmt(self.demo, |k| matches!(k, StmtKind::RunForever { .. })) {
            self.use_("tokio::sync", "Notify");
            self.line(
                "/// `loop.stop()`: the runtime's `run_forever` returns when it is notified.",
            );
            self.line("static STOP: Notify = Notify::const_new();");
            self.line("");
        }
    }
}

impl Renderer<'_> {
    /// `with asyncio.Runner() as name: body`: the runtime, then the body
    /// that runs on it.
    pub(super) fn runner(&mut self, name: &str, body: &Block) {
        self.line(
            "// `asyncio.Runner()`: a runtime of its own, dropped (closed) when the function returns.",
        );
        self.runtime_for(name, schedules(body));
        self.body(body, false);
    }
}
