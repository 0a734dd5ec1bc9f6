//! Exceptions as `Result`: the listing's `Error` enum, one variant per
//! built-in exception class the program raises, holding its message.
//! A function that can fail (see [`crate::render::plan::ir::raises`])
//! returns `Result<_, Error>`, `raise` is `return Err(...)` and a call
//! that passes the exception on is followed by `?`.

use super::Renderer;
use crate::render::plan::ir::ast::{StmtKind, walk};

impl Renderer<'_> {
    /// The `Error` enum, when the program raises.
    pub(super) fn error_enum(&mut self) {
        let mut classes: Vec<String> = Vec::new();
        for f in &self.demo.functions {
            walk(&f.body, &mut |s| {
                if let StmtKind::Raise { class, .. } = &s.kind
                    && !classes.contains(class)
                {
                    classes.push(class.clone());
                }
            });
        }
        if classes.is_empty() {
            return;
        }
        self.line("/// The exceptions the program raises, each with its message.");
        self.line("#[derive(Debug)]");
        self.line("enum Error {");
        for c in &classes {
            self.line(format!("    {c}(String),"));
        }
        self.line("}");
        self.line("");
        self.line("/// What Python's `str(exception)` gives: the message.");
        self.line("impl std::fmt::Display for Error {");
        self.line("    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {");
        self.line("        match self {");
        for c in &classes {
            self.line(format!(
                "            Error::{c}(message) => write!(f, \"{{message}}\"),"
            ));
        }
        self.line("        }");
        self.line("    }");
        self.line("}");
        self.line("");
    }
}
