//! The listing's items in their order: statics, the error enum, each
//! definition, `main`, then the helpers the code calls.

use super::Renderer;
use super::analysis;
use super::builtins;
use super::closed_at_shutdown;
use super::event_loop;
use super::exc_fields;
use super::kept_stream;
use super::mixed;
use super::mixed_nest;
use super::names::fn_name;
use super::number_arith;
use super::number_ops;
use super::numbers;
use super::objects;
use super::unused_classes;
use super::unused_functions;
use super::{GUARDED, MAIN_ATTR, RECEIVE, RECEIVE_LINE, RUN};
use crate::render::plan::MODULE;
use crate::render::plan::ir::ast::FunctionKind;

impl Renderer<'_> {
    /// Writes a helper's lines, its `disarm` only when some guard is disarmed.
    fn helper(&mut self, lines: &[&str], disarmed: bool) {
        let mut skip = false;
        for l in lines {
            if !disarmed && l.trim_start().starts_with("fn disarm") {
                skip = true;
                self.lines.pop();
            }
            if !skip {
                self.line(l);
            }
            if skip && l.trim() == "}" {
                skip = false;
            }
        }
    }

    /// In `main`, when the program reads `loop.time()`: the clock's zero
    /// (`START`, a `static` the functions reading the clock share).
    pub(super) fn start_clock(&mut self) {
        // A runtime built by hand starts the clock itself.
        if analysis::reads_clock(self.demo) && !event_loop::builds_runtime(self.demo) {
            self.use_("std::sync", "LazyLock");
            self.line("// The clock of `loop.time()` and `time.perf_counter()` starts here.");
            self.line("LazyLock::force(&START);");
        }
    }

    pub(super) fn program(&mut self) {
        // The entry is `main` itself when named so or when it is the module's code.
        let entry_is_main = self.demo.entry == "main" || self.demo.entry == MODULE;
        if analysis::reads_clock(self.demo) {
            self.use_("std::sync", "LazyLock");
            self.use_("tokio::time", "Instant");
            self.line("/// When the program started: the zero of its clock.");
            self.line("static START: LazyLock<Instant> = LazyLock::new(Instant::now);");
            self.line("");
        }
        self.stop_static();
        self.closing_static();
        self.error_enum();
        self.static_items();
        self.tree_structs();
        let mut unmade = unused_classes::unmade(self.demo);
        unmade.extend(unused_functions::uncalled(self.demo));
        for f in &self.demo.functions {
            if objects::is_method(f) || unmade.contains(&f.name) {
                continue;
            }
            let start = self.lines.len();
            match f.kind {
                FunctionKind::Coroutine | FunctionKind::Blocking => {
                    self.coroutine(f, entry_is_main && f.name == self.demo.entry)
                }
                FunctionKind::Generator => self.generator(f),
                FunctionKind::Iterator => self.iterator(f),
                FunctionKind::Resource => self.resource(f),
                FunctionKind::Object if exc_fields::is_exception_struct(self.demo, f) => {
                    self.exception_struct(f)
                }
                FunctionKind::Object => self.object(f),
                FunctionKind::Enum => self.enum_def(f),
            }
            self.functions
                .insert(f.name.clone(), start..self.lines.len());
            self.line("");
        }
        if !entry_is_main {
            self.line(MAIN_ATTR);
            let fails = self.fallible.contains(&self.demo.entry);
            self.line(if fails {
                "async fn main() -> Result<(), Error> {"
            } else {
                "async fn main() {"
            });
            self.indent += 1;
            self.start_clock();
            self.indent -= 1;
            let tail = if fails { "" } else { ";" };
            self.line(format!("    {}().await{tail}", fn_name(&self.demo.entry)));
            self.line("}");
            self.line("");
        }
        if self.needs_run && self.exits() {
            self.exit_helpers();
        } else if self.needs_run {
            let run = if self.closes_at_shutdown() {
                closed_at_shutdown::RUN_CLOSING
            } else if self.entry_keeps_stream() {
                kept_stream::RUN_WITH_TURN
            } else if super::nested_runs::builds_runtimes(&self.lines) {
                super::nested_runs::RUN_BUILT
            } else {
                RUN
            };
            for l in run {
                self.line(l);
            }
            self.line("");
        }
        self.queue_text_helper();
        if self.lines.iter().any(|l| l.contains("IndexMap")) {
            self.use_("indexmap", "IndexMap");
        }
        // `Number`'s checked operations call helpers of their own.
        let number_ops = number_ops::helpers(&self.lines);
        // `PyValue`'s list variant prints its items through `Repr`.
        let nested = mixed_nest::repr_lines(&self.lines);
        // `Number` prints its floats through `float_repr`.
        let number = numbers::helpers(&self.lines, false, &[]);
        let lines: Vec<String> = (self.lines.iter().chain(&number_ops))
            .chain(&nested)
            .chain(&number)
            .cloned()
            .collect();
        for l in builtins::helpers(&lines) {
            self.line(l);
        }
        let repr = self.lines.iter().any(|l| l == "trait Repr {");
        for l in mixed::helpers(&self.lines, repr) {
            self.line(l);
        }
        // `Number`'s operator impls convert with its `to_f64`.
        let arith = number_arith::helpers(&self.number_arith);
        let lines: Vec<String> = self.lines.iter().chain(&arith).cloned().collect();
        for l in numbers::helpers(&lines, repr, &number_ops) {
            self.line(l);
        }
        for l in arith {
            self.line(l);
        }
        self.object_reprs();
        self.enum_reprs();
        self.static_helpers();
        self.copy_of_helper();
        if self.needs_receive {
            for l in RECEIVE {
                self.line(l);
            }
            self.line("");
        }
        if self.needs_receive_line {
            for l in RECEIVE_LINE {
                self.line(l);
            }
            self.line("");
        }
        let disarmed = |names: &[String], lines: &[String]| {
            lines.iter().any(|l| {
                let l = l.trim_start();
                names.iter().any(|n| l == format!("{n}.disarm();"))
            })
        };
        if self.needs_guarded {
            let names: Vec<String> = self.held_names.iter().cloned().collect();
            let guarded = disarmed(&names, &self.lines);
            self.use_("std::ops", "Deref");
            self.use_("std::ops", "DerefMut");
            self.helper(GUARDED, guarded);
        }
    }
}
