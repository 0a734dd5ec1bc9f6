//! Python's `repr` of a caught exception: `Error::to_repr`, the class and
//! its argument as Python writes them (`ValueError('bad')`, `KeyError('k')`,
//! `TimeoutError()`).

use super::Renderer;
use super::types::Ty;
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{Demo, StmtKind, walk};
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
                self.line(format!("{arm}(message, errors) => {{"));
                self.line("                let items: Vec<String> = errors.iter().map(Error::to_repr).collect();");
                self.line("                let message = py_repr(message);");
                self.line(format!(
                    "                format!(\"{group}({{message}}, [{{}}])\", items.join(\", \"))"
                ));
                self.line("            }");
            } else if c == "KeyError" || self.raises_number(c) {
                // `str` of a `KeyError` is already its key's `repr`.
                self.arm(
                    &message,
                    &format!("format!(\"{head}({{message}}{comma})\")"),
                );
            } else {
                // An empty message is no argument (`raise ValueError`), unless
                // the program raises the class only with a message.
                if !raised_only_with_message(self.demo, c) {
                    let empty = format!("{message} if message.is_empty()");
                    self.arm(&empty, &format!("\"{head}()\".to_string()"));
                }
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

/// The classes asyncio and the listing's own checks raise without an
/// argument (`TimeoutError()`), which their `Error` variant holds as an
/// empty message.
const RAISED_BARE: &[&str] = &["TimeoutError", "CancelledError", "QueueFull", "QueueEmpty"];

/// Each `raise` of `demo`: its class, whether it passes a message, and
/// whether that message is the empty literal `""`, with its span.
fn raises(demo: &Demo) -> Vec<(String, bool, bool, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    for f in &demo.functions {
        f.walk(&mut |s| {
            if let StmtKind::Raise { class, message } = &s.kind {
                let empty = matches!(&message, Some(m)
                    if matches!(&m.kind, ExprKind::Lit(Value::Str(t)) if t.is_empty()));
                out.push((class.clone(), message.is_some(), empty, s.span.clone()));
            }
        });
    }
    out
}

/// Whether every `raise` of `class` passes a message, and nothing else
/// raises it: an empty message is then `''`, Python's `ValueError('')`,
/// not a missing argument.
fn raised_only_with_message(demo: &Demo, class: &str) -> bool {
    let all = raises(demo);
    let of: Vec<_> = all.iter().filter(|r| r.0 == class).collect();
    !RAISED_BARE.contains(&class) && !of.is_empty() && of.iter().all(|r| r.1)
}

/// The `raise C("")` of a class also raised without an argument: the
/// listing's `Error` variant holds both as an empty message, while Python
/// writes `C('')` and `C()`.
pub(super) fn empty_messages(demo: &Demo) -> Vec<Untranslatable> {
    let all = raises(demo);
    all.iter()
        .filter(|r| r.2 && !raised_only_with_message(demo, &r.0))
        .map(|r| Untranslatable {
            span: r.3.clone(),
            construct: format!("`{}` raised with an empty message", r.0),
            reason: format!(
                "the program also raises `{}` without an argument, which Python writes \
                 `{}()` where it writes this one `{}('')`; the Rust listing holds both as \
                 an empty message: give this one a message",
                r.0, r.0, r.0
            ),
        })
        .collect()
}
