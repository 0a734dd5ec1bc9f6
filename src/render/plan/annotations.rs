//! `__annotations__` under `from __future__ import annotations`: every
//! annotation is then the text the program wrote, known before it runs,
//! so the listing writes the dict Python keeps as a string literal (Rust
//! keeps no annotations at run time). `f.__annotations__` of a function,
//! `Class.m.__annotations__` of a method, `Class.__annotations__` of a
//! class body's `name: annotation` lines and the module's
//! `__annotations__`.

use super::{Planner, methods, module_stmts};
use crate::program::{self as py, Code, ExprKind as E, Literal, Name, Stmt, StmtKind as P};
use crate::render::plan::ir::expr::ExprKind;
use crate::render::plan::ir::value::Value;
use crate::text::python_str_repr;

impl Planner<'_> {
    /// The annotations dict `e` reads, as Python prints it, when every
    /// annotation in it is a string.
    pub(super) fn annotations_expr(&self, e: &py::Expr) -> Option<ExprKind> {
        let module = &self.program.module.body;
        let pairs = match &e.kind {
            E::Name(Name::Global(g)) if &**g == "__annotations__" => {
                if self.defs.contains_key("__annotations__") {
                    return None;
                }
                let top = body_annotations(module_stmts(module).into_iter());
                let mut all = 0;
                py::walk(module, &mut |s| {
                    all += usize::from(matches!(s.kind, P::Annotate { .. }))
                });
                // Lines inside other blocks run or not as the program goes.
                (all == top.len()).then_some(top)?
            }
            E::Attr(obj, attr) if &**attr == "__annotations__" => match &obj.kind {
                E::Name(Name::Global(n)) => match top_def(module, n)? {
                    Found::Function(notes) => notes.iter().map(|(k, v)| (&**k, v)).collect(),
                    Found::Class(code) => body_annotations(code.body.iter()),
                },
                E::Attr(class, m) => {
                    let E::Name(Name::Global(c)) = &class.kind else {
                        return None;
                    };
                    let Found::Class(code) = top_def(module, c)? else {
                        return None;
                    };
                    let (_, _, def) = methods(code).find(|(n, _, _)| *n == &**m)?;
                    let P::Def { annotations, .. } = &def.kind else {
                        return None;
                    };
                    annotations.iter().map(|(k, v)| (&**k, v)).collect()
                }
                _ => return None,
            },
            _ => return None,
        };
        let mut text = String::from("{");
        let mut seen: Vec<&str> = Vec::new();
        let mut entries: Vec<(&str, &str)> = Vec::new();
        for (name, note) in pairs {
            let E::Literal(Literal::Str(s)) = &note.kind else {
                return None;
            };
            // A name annotated twice keeps its first place and its last text.
            match seen.iter().position(|n| *n == name) {
                Some(i) => entries[i].1 = s,
                None => {
                    seen.push(name);
                    entries.push((name, s));
                }
            }
        }
        for (i, (name, note)) in entries.iter().enumerate() {
            if i > 0 {
                text.push_str(", ");
            }
            text.push_str(&python_str_repr(name));
            text.push_str(": ");
            text.push_str(&python_str_repr(note));
        }
        text.push('}');
        Some(ExprKind::Lit(Value::Str(text.into())))
    }
}

impl Planner<'_> {
    /// Whether the program names the class `name` only in annotations
    /// kept as text and before `.__annotations__` (its own or a method's):
    /// no object of it is made and no method called, so the listing needs
    /// no struct for it.
    pub(super) fn annotations_only(&self, name: &str, class: &Stmt) -> bool {
        let P::Class { decorators, .. } = &class.kind else {
            return false;
        };
        let source = &*self.program.source;
        let mut notes = Vec::new();
        annotation_spans(&self.program.module.body, &mut notes);
        if !decorators.is_empty() || notes.is_empty() {
            return false;
        }
        let word = |c: char| c.is_alphanumeric() || c == '_';
        source.match_indices(name).all(|(at, _)| {
            let end = at + name.len();
            let rest = &source[end..];
            let after_method = rest.strip_prefix('.').map(|r| r.trim_start_matches(word));
            source[..at].ends_with(word)
                || rest.starts_with(word)
                || notes.iter().any(|n| n.contains(&at))
                || (class.span.contains(&at) && source[..at].trim_end().ends_with("class"))
                || rest.starts_with(".__annotations__")
                || after_method.is_some_and(|r| r.starts_with(".__annotations__"))
        })
    }
}

/// The spans of the annotations kept as text in `body`, nested
/// definitions included.
fn annotation_spans(body: &[Stmt], out: &mut Vec<std::ops::Range<usize>>) {
    // An annotation Python evaluates is a use like any other.
    let mut text = |e: &py::Expr| {
        if let E::Literal(Literal::Str(_)) = &e.kind {
            out.push(e.span.clone());
        }
    };
    py::walk(body, &mut |s| match &s.kind {
        P::Annotate { annotation, .. } => text(annotation),
        P::Def { annotations, .. } => annotations.iter().for_each(|(_, e)| text(e)),
        _ => {}
    });
    let mut nested = Vec::new();
    py::walk(body, &mut |s| {
        if let P::Def { code, .. } | P::Class { code, .. } = &s.kind {
            nested.push(code.clone());
        }
    });
    for code in nested {
        annotation_spans(&code.body, out);
    }
}

/// What a module-level name is defined as.
enum Found<'a> {
    /// A function: its annotations.
    Function(&'a [(std::sync::Arc<str>, py::Expr)]),
    /// A class: its body.
    Class(&'a Code),
}

/// The one module-level `def` or `class` named `name`.
fn top_def<'a>(module: &'a [Stmt], name: &str) -> Option<Found<'a>> {
    let mut found = module_stmts(module)
        .into_iter()
        .filter_map(|s| match &s.kind {
            P::Def {
                name: n,
                annotations,
                ..
            } if &**n.ident() == name => Some(Found::Function(annotations)),
            P::Class { name: n, code, .. } if &**n.ident() == name => Some(Found::Class(code)),
            _ => None,
        });
    let one = found.next()?;
    found.next().is_none().then_some(one)
}

/// The `name: annotation` lines of a module or class body, in order.
fn body_annotations<'a>(body: impl Iterator<Item = &'a Stmt>) -> Vec<(&'a str, &'a py::Expr)> {
    body.filter_map(|s| match &s.kind {
        P::Annotate { name, annotation } => Some((&**name, annotation)),
        _ => None,
    })
    .collect()
}
