//! Python's `repr` of a caught exception: `Error::to_repr`, the class and
//! its argument as Python writes them (`ValueError('bad')`, `KeyError('k')`,
//! `TimeoutError()`).

use super::Renderer;
use super::types::Ty;
use crate::render::plan::ir::ast::{StmtKind, walk};
use crate::render::plan::ir::exc_groups::GROUP;
use crate::render::plan::ir::expr::ExprKind;
use crate::render::plan::ir::value::Value;

impl Renderer<'_> {
    /// Whether a `raise` of `class` gives a number: its `repr` is its text.
    fn raises_number(&self, class: &str) -> bool {
        let mut found = false;
        for f in &self.demo.functions {
            walk(&f.body, &mut |s| {
                if let StmtKind::Raise {
                    class: c,
                    message: Some(m),
                } = &s.kind
                {
                    found |= c == class
                        && (matches!(m.kind, ExprKind::Lit(Value::Int(_) | Value::Float(_)))
                            || matches!(self.types.expr_ty(&f.name, m), Ty::Int | Ty::Float));
                }
            });
        }
        found
    }

    /// `impl Error { fn to_repr(&self) -> String }`.
    pub(super) fn repr_impl(&mut self, classes: &[String]) {
        self.message_tuple_impl(
            classes,
            "to_repr",
            "What Python's `repr(exception)` gives.",
            true,
        );
    }

    /// `impl Error { fn args_repr(&self) -> String }`: what `print` shows
    /// of Python's `exception.args`, the tuple of the arguments its
    /// `repr` writes.
    pub(super) fn args_impl(&mut self, classes: &[String]) {
        let doc = "What `print` shows of Python's `exception.args`.";
        self.message_tuple_impl(classes, "args_repr", doc, false);
    }

    /// An `impl Error` with the method `name` writing each exception's
    /// arguments as a tuple: after its class's name (`repr`), or as
    /// Python writes a tuple (`args`).
    fn message_tuple_impl(&mut self, classes: &[String], name: &str, doc: &str, named: bool) {
        self.line("impl Error {");
        self.line(format!("    /// {doc}"));
        self.line(format!("    fn {name}(&self) -> String {{"));
        self.line("        match self {");
        let comma = if named { "" } else { "," };
        for c in classes {
            let head = if named { c.as_str() } else { "" };
            let arm = format!("            Error::{c}");
            let message = format!("            {}", self.message_pattern(c));
            if c == GROUP {
                let group = if named { "ExceptionGroup" } else { "" };
                self.line(format!("{arm}(errors) => {{"));
                self.line("                let items: Vec<String> = errors.iter().map(Error::to_repr).collect();");
                self.line("                format!(");
                self.line(format!(
                    "                    \"{group}('unhandled errors in a TaskGroup', [{{}}])\","
                ));
                self.line("                    items.join(\", \")");
                self.line("                )");
                self.line("            }");
            } else if c == "KeyError" || self.raises_number(c) {
                // `str` of a `KeyError` is already its key's `repr`.
                self.arm(
                    &message,
                    &format!("format!(\"{head}({{message}}{comma})\")"),
                );
            } else {
                let empty = format!("{message} if message.is_empty()");
                self.arm(&empty, &format!("\"{head}()\".to_string()"));
                self.arm(
                    &message,
                    &format!("format!(\"{head}({{}}{comma})\", py_repr(message))"),
                );
            }
        }
        self.line("        }");
        self.line("    }");
        self.line("}");
        self.line("");
    }
}
