//! Exceptions with fields: the struct an exception class of the program
//! holds when a handler reads its fields (`e.status`), with the text
//! `str(e)` gives as `message`. `raise NotFound(key, 3)` is
//! `Err(Error::NotFound(StoreError::new(key, 3)))`, and a handler reading
//! the fields binds the struct (`Error::NotFound(e_fields)`).

use super::Renderer;
use crate::render::plan::ir::ast::{Demo, Function, StmtKind, walk};
use crate::render::plan::ir::expr::ExprKind;

/// The struct the `Error` variant of `class` holds, if it has fields.
pub(super) fn variant_struct(demo: &Demo, class: &str) -> Option<String> {
    let mut found = None;
    for f in &demo.functions {
        walk(&f.body, &mut |s| {
            if let StmtKind::Raise {
                class: c,
                message: Some(m),
            } = &s.kind
                && c == class
                && let ExprKind::New(call) = &m.kind
            {
                found = Some(call.name.clone());
            }
        });
    }
    found
}

/// Whether `f` is the struct of an exception's fields.
pub(super) fn is_exception_struct(demo: &Demo, f: &Function) -> bool {
    let mut found = false;
    for g in &demo.functions {
        walk(&g.body, &mut |s| {
            if let StmtKind::Raise {
                message: Some(m), ..
            } = &s.kind
                && matches!(&m.kind, ExprKind::New(call) if call.name == f.name)
            {
                found = true;
            }
        });
    }
    found
}

impl Renderer<'_> {
    /// The variant of `class` as the `Error` enum declares it.
    pub(super) fn variant_decl(&self, class: &str) -> String {
        let held = variant_struct(self.demo, class).unwrap_or_else(|| "String".into());
        format!("{class}({held})")
    }

    /// The pattern of the variant of `class` that binds its text as `message`.
    pub(super) fn message_pattern(&self, class: &str) -> String {
        match variant_struct(self.demo, class) {
            Some(s) => format!("Error::{class}({s} {{ message, .. }})"),
            None => format!("Error::{class}(message)"),
        }
    }

    /// The struct of an exception's fields, and its `new`.
    pub(super) fn exception_struct(&mut self, f: &Function) {
        self.line(format!(
            "/// The fields of a `{}`: the text `str(e)` gives, and those the program reads.",
            f.name
        ));
        if super::task_output::clones_errors(self.demo, &self.fallible) {
            self.line("#[derive(Debug, Clone)]");
        } else {
            self.line("#[derive(Debug)]");
        }
        self.struct_def(f, &[]);
        self.indent -= 1;
        self.line("}");
    }

    /// A match arm, `pattern => value,` on one line where it fits in
    /// rustfmt's 100 columns, else the value as a block of its own.
    pub(super) fn arm(&mut self, pattern: &str, value: &str) {
        let one = format!("{pattern} => {value},");
        if one.len() + 4 * self.indent <= 100 {
            self.line(one);
            return;
        }
        let pad: String = pattern.chars().take_while(|c| *c == ' ').collect();
        self.line(format!("{pattern} => {{"));
        self.line(format!("{pad}    {value}"));
        self.line(format!("{pad}}}"));
    }
}
