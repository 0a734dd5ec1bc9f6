//! Exceptions with fields: the struct an exception class of the program
//! holds when a handler reads its fields (`e.status`), with the text
//! `str(e)` gives as `message`. `raise NotFound(key, 3)` is
//! `Err(Error::NotFound(StoreError::new(key, 3)))`, and a handler reading
//! the fields binds the struct (`Error::NotFound(e_fields)`).

use super::Renderer;
use crate::render::plan::ir::ast::{Block, CAUGHT, Demo, Function, StmtKind, walk};
use crate::render::plan::ir::exc_groups::GROUP;
use crate::render::plan::ir::expr::{Expr, ExprKind};

/// Whether a `raise` gives this text: its text and the caught `Err` it was
/// raised from (see `plan::exc_cause`).
pub(super) fn with_cause(message: &Expr) -> Option<&Expr> {
    match &message.kind {
        ExprKind::Tuple(parts) => match parts.as_slice() {
            [text, cause] if matches!(&cause.kind, ExprKind::Var(v) if v == CAUGHT) => Some(text),
            _ => None,
        },
        _ => None,
    }
}

/// Whether the `Error` variant of `class` holds the exception it was
/// raised from.
pub(super) fn holds_cause(demo: &Demo, class: &str) -> bool {
    let mut found = false;
    for f in &demo.functions {
        walk(&f.body, &mut |s| {
            if let StmtKind::Raise {
                class: c,
                message: Some(m),
            } = &s.kind
            {
                found |= c == class && with_cause(m).is_some();
            }
        });
    }
    found
}

/// Whether a handler's body raises an exception from the one it caught.
pub(super) fn raises_from_caught(body: &Block) -> bool {
    let mut found = false;
    walk(body, &mut |s| {
        if let StmtKind::Raise {
            message: Some(m), ..
        } = &s.kind
        {
            found |= with_cause(m).is_some();
        }
    });
    found
}

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
        if holds_cause(self.demo, class) {
            return format!("{class}(String, Box<Error>)");
        }
        let held = variant_struct(self.demo, class).unwrap_or_else(|| "String".into());
        format!("{class}({held})")
    }

    /// The pattern of the variant of `class` that binds its text as `message`.
    pub(super) fn message_pattern(&self, class: &str) -> String {
        match variant_struct(self.demo, class) {
            Some(s) => format!("Error::{class}({s} {{ message, .. }})"),
            None if holds_cause(self.demo, class) => format!("Error::{class}(message, _)"),
            None => format!("Error::{class}(message)"),
        }
    }

    /// The pattern of the variant of `class` that binds nothing.
    pub(super) fn any_pattern(&self, class: &str) -> String {
        // A group holds its message and its exceptions.
        match holds_cause(self.demo, class) || class == GROUP {
            true => format!("Error::{class}(_, _)"),
            false => format!("Error::{class}(_)"),
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

/// `Ok(x?)` as a block's last line is `x`, which already is the block's
/// `Result`, when `x` is one call or chain of them.
pub(super) fn unwrap_tail(lines: &mut [String]) {
    let Some(last) = lines.last_mut() else {
        return;
    };
    let trimmed = last.trim_start();
    let indent = last.len() - trimmed.len();
    let Some(inner) = trimmed
        .strip_prefix("Ok(")
        .and_then(|t| t.strip_suffix("?)"))
    else {
        return;
    };
    let mut depth = 0i32;
    let mut quoted = false;
    let mut escaped = false;
    for c in inner.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            _ if quoted => {}
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            c if depth == 0 && !(c.is_alphanumeric() || matches!(c, '_' | '.' | ':')) => return,
            _ => {}
        }
        if depth < 0 {
            return;
        }
    }
    if depth != 0 || quoted {
        return;
    }
    *last = format!("{}{inner}", " ".repeat(indent));
}
