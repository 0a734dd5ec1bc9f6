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
        self.line("impl Error {");
        self.line("    /// What Python's `repr(exception)` gives.");
        self.line("    fn to_repr(&self) -> String {");
        self.line("        match self {");
        for c in classes {
            let arm = format!("            Error::{c}");
            let message = format!("            {}", self.message_pattern(c));
            if c == GROUP {
                self.line(format!("{arm}(errors) => {{"));
                self.line("                let items: Vec<String> = errors.iter().map(Error::to_repr).collect();");
                self.line("                format!(");
                self.line("                    \"ExceptionGroup('unhandled errors in a TaskGroup', [{}])\",");
                self.line("                    items.join(\", \")");
                self.line("                )");
                self.line("            }");
            } else if c == "KeyError" || self.raises_number(c) {
                // `str` of a `KeyError` is already its key's `repr`.
                self.arm(&message, &format!("format!(\"{c}({{message}})\")"));
            } else {
                let empty = format!("{message} if message.is_empty()");
                self.arm(&empty, &format!("\"{c}()\".to_string()"));
                self.arm(
                    &message,
                    &format!("format!(\"{c}({{}})\", py_repr(message))"),
                );
            }
        }
        self.line("        }");
        self.line("    }");
        self.line("}");
        self.line("");
    }

    /// `impl Error { fn args_repr(&self) -> String }`: what `print` shows
    /// of Python's `exception.args`, the tuple of the arguments its
    /// `repr` writes.
    pub(super) fn args_impl(&mut self, classes: &[String]) {
        self.line("impl Error {");
        self.line("    /// What `print` shows of Python's `exception.args`.");
        self.line("    fn args_repr(&self) -> String {");
        self.line("        match self {");
        for c in classes {
            let arm = format!("            Error::{c}");
            let message = format!("            {}", self.message_pattern(c));
            if c == GROUP {
                self.line(format!("{arm}(errors) => {{"));
                self.line("                let items: Vec<String> = errors.iter().map(Error::to_repr).collect();");
                self.line("                format!(");
                self.line("                    \"('unhandled errors in a TaskGroup', [{}])\",");
                self.line("                    items.join(\", \")");
                self.line("                )");
                self.line("            }");
            } else if c == "KeyError" || self.raises_number(c) {
                self.arm(&message, "format!(\"({message},)\")");
            } else {
                let empty = format!("{message} if message.is_empty()");
                self.arm(&empty, "\"()\".to_string()");
                self.arm(&message, "format!(\"({},)\", py_repr(message))");
            }
        }
        self.line("        }");
        self.line("    }");
        self.line("}");
        self.line("");
    }
}
