//! The exceptions of an exception group (see `plan::group_parts`): the
//! `Error` enum gets a method `exceptions` giving the slice a group holds,
//! a handler of a group binds it where it reads `eg.exceptions`, and an
//! item taken from it is a reference (`let nested = &eg_exceptions[0];`,
//! `for e in nested.exceptions()`), as Python's items are the group's own
//! exceptions. `type(e).__name__` of one is its `class_name()`.

use super::Renderer;
use super::analysis::read_in;
use super::code::Code;
use super::expr_walk::each_expr_of;
use super::names::ident;
use super::types::{Ty, Types};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{Demo, Function, StmtKind, message_var, parts_var, walk};
use crate::render::plan::ir::expr::{Builtin, Expr, ExprKind};
use std::collections::HashSet;

/// The variables of `f` that borrow the exceptions of a group: those a
/// handler binds to `eg.exceptions`, those set to an item of such a slice,
/// and the loop variables over one.
pub(super) fn borrowed(f: &Function) -> HashSet<String> {
    let mut out = HashSet::new();
    walk(&f.body, &mut |s| {
        if let StmtKind::Catch { handlers, .. } = &s.kind {
            out.extend(
                handlers
                    .iter()
                    .filter_map(|h| h.name.as_deref().map(parts_var)),
            );
        }
    });
    loop {
        let before = out.len();
        walk(&f.body, &mut |s| match &s.kind {
            StmtKind::Set { var, value } if is_item(value, &out) => {
                out.insert(var.clone());
            }
            StmtKind::For { var, over, .. } if is_parts(over, &out) => {
                out.insert(var.clone());
            }
            _ => {}
        });
        if out.len() == before {
            return out;
        }
    }
}

/// Whether `e` is the slice of a group's exceptions.
fn is_parts(e: &Expr, borrowed: &HashSet<String>) -> bool {
    match &e.kind {
        ExprKind::GroupParts(_) => true,
        ExprKind::Var(v) => borrowed.contains(v) && v.ends_with("_exceptions"),
        _ => false,
    }
}

/// Whether `e` is one exception of a group: an item of its slice, or a
/// variable that borrows one.
fn is_item(e: &Expr, borrowed: &HashSet<String>) -> bool {
    match &e.kind {
        ExprKind::Call(Builtin::Index, args) => args.first().is_some_and(|x| is_parts(x, borrowed)),
        ExprKind::Var(v) => borrowed.contains(v),
        _ => false,
    }
}

/// Whether `x` is an exception a group holds, or its slice, which the
/// listing borrows rather than moves (`borrowed` being [`borrowed`]'s).
pub(super) fn lent(x: &Expr, borrowed: &HashSet<String>) -> bool {
    is_parts(x, borrowed) || is_item(x, borrowed)
}

/// Whether the program reads the exceptions of a group: the `Error` enum
/// then has the method `exceptions`.
pub(super) fn reads_parts(demo: &Demo) -> bool {
    let mut found = false;
    for f in &demo.functions {
        let b = borrowed(f);
        each_expr_of(f, &mut |x| found |= is_parts(x, &b));
    }
    found
}

/// Whether a handler of a group (not of `except*`, which has the message
/// at hand) reads its message: the `Error` enum then has the method
/// `message`.
pub(super) fn reads_message(demo: &Demo) -> bool {
    let mut found = false;
    for f in &demo.functions {
        walk(&f.body, &mut |s| {
            if let StmtKind::Catch { handlers, .. } = &s.kind {
                for h in handlers.iter().filter(|h| !h.star) {
                    if let Some(n) = &h.name {
                        found |= read_in(&h.body).contains(&message_var(n));
                    }
                }
            }
        });
    }
    found
}

/// Whether the program names the class of an exception a group holds:
/// the `Error` enum then has the method `class_name`.
pub(super) fn names_parts(demo: &Demo) -> bool {
    let mut found = false;
    for f in &demo.functions {
        let b = borrowed(f);
        each_expr_of(f, &mut |x| {
            if let ExprKind::Call(Builtin::TypeName, args) = &x.kind {
                found |= args.first().is_some_and(|a| is_item(a, &b));
            }
        });
    }
    found
}

/// `x.exceptions` of a variable that holds no exception.
pub(super) fn unknown_parts(demo: &Demo, types: &Types) -> Vec<Untranslatable> {
    let mut out = Vec::new();
    for f in &demo.functions {
        each_expr_of(f, &mut |x| {
            if let ExprKind::GroupParts(obj) = &x.kind
                && types.expr_ty(&f.name, obj) != Ty::Exception
            {
                out.push(Untranslatable {
                    span: x.span.clone(),
                    construct: "the attribute `exceptions` of a value not known a group".into(),
                    reason: "the Rust listing reads the exceptions of a group caught by a \
                             handler, or of one of its exceptions (a nested group)"
                        .into(),
                });
            }
        });
    }
    out
}

impl Renderer<'_> {
    /// `impl Error { fn exceptions(&self) -> &[Error] }`: what a group
    /// holds; any other exception has no `exceptions`, as in Python.
    pub(super) fn parts_impl(&mut self) {
        let (parts, message) = (reads_parts(self.demo), reads_message(self.demo));
        if !parts && !message {
            return;
        }
        self.line("impl Error {");
        if message {
            self.line("    /// Python's `group.message`.");
            self.line("    fn message(&self) -> &'static str {");
            self.line("        match self {");
            self.line("            Error::ExceptionGroup(message, _) => message,");
            self.line("            other => panic!(");
            self.line(
                "                \"AttributeError: '{}' object has no attribute 'message'\",",
            );
            self.line("                other.class_name()");
            self.line("            ),");
            self.line("        }");
            self.line("    }");
        }
        if !parts {
            self.line("}");
            self.line("");
            return;
        }
        if message {
            self.line("");
        }
        self.line("    /// Python's `group.exceptions`.");
        self.line("    fn exceptions(&self) -> &[Error] {");
        self.line("        match self {");
        self.line("            Error::ExceptionGroup(_, errors) => errors,");
        self.line("            other => panic!(");
        self.line("                \"AttributeError: '{}' object has no attribute 'exceptions'\",");
        self.line("                other.class_name()");
        self.line("            ),");
        self.line("        }");
        self.line("    }");
        self.line("}");
        self.line("");
    }

    /// In a handler of `name` that reads `name.exceptions`: its binding.
    pub(super) fn bind_parts(&mut self, name: &str, reads: &[String], group: &str) {
        let v = parts_var(name);
        if reads.contains(&v) {
            self.line(format!("let {} = {group}.exceptions();", ident(&v)));
            self.declared.insert(v);
        }
    }

    /// `group.exceptions` of a variable holding a group.
    pub(super) fn group_parts(&mut self, obj: &Expr) -> Code {
        let obj = self.expr(obj);
        Code::new(
            format!("{}.exceptions()", obj.wrap(10)),
            Ty::List(Box::new(Ty::Exception)),
            10,
        )
    }

    /// `parts[i]` of a group's exceptions: a reference to the item.
    pub(super) fn part_item(&mut self, args: &[Expr]) -> Option<Code> {
        let f = self.demo.function(&self.func)?;
        let [obj, _] = args else { return None };
        if !is_parts(obj, &borrowed(f)) {
            return None;
        }
        let codes: Vec<Code> = args.iter().map(|a| self.expr(a)).collect();
        let item = super::code::builtin(Builtin::Index, codes);
        Some(Code::new(format!("&{}", item.wrap(10)), Ty::Exception, 7))
    }

    /// Whether `x` is an exception a group holds.
    pub(super) fn is_part(&self, x: &Expr) -> bool {
        self.demo
            .function(&self.func)
            .is_some_and(|f| is_item(x, &borrowed(f)))
    }

    /// `type(e).__name__` of an exception a group holds.
    pub(super) fn part_class(&mut self, args: &[Expr]) -> Option<Code> {
        let x = args.first().filter(|x| self.is_part(x))?;
        let x = self.expr(x);
        Some(Code::new(
            format!("{}.class_name()", x.wrap(10)),
            Ty::Str,
            10,
        ))
    }
}
