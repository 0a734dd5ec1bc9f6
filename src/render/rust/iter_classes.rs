//! Plain iterator classes (`__iter__` returning `self`, `__next__`; see
//! `plan::iter_class`): the struct's `impl Iterator`, whose `next` is
//! `__next__`. An object of the class is iterated where it is made, as a
//! `range` is: the head of a `for` loop or a comprehension, or the one
//! iterable given to `list`, `sorted`, `sum`, `min` or `max`. Made anywhere else (kept in a
//! variable, passed, called), it is listed as not translated.

use super::Renderer;
use super::code::Code;
use super::expr_walk::each_expr_of;
use super::names::camel;
use super::types::{Ty, Types};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{Demo, Function, StmtKind};
use crate::render::plan::ir::expr::{Builtin, Expr, ExprKind};
use crate::render::plan::iter_class::next_name;
use std::ops::Range;

impl Types {
    /// The type of `ty` as an iterable: an object of an iterator class
    /// is a list of what its `__next__` returns.
    pub(super) fn as_iterable(&self, ty: Ty) -> Ty {
        match &ty {
            Ty::Object(class) => match self.ret.get(&next_name(class)) {
                Some(item) => Ty::List(Box::new(item.clone())),
                None => ty,
            },
            _ => ty,
        }
    }
}

/// Whether `class` is an iterator class of `demo`.
fn is_iter_class(demo: &Demo, class: &str) -> bool {
    demo.function(&next_name(class)).is_some()
}

impl Renderer<'_> {
    /// `Class::new(...)` of an iterator class: an iterator of its items,
    /// iterated in place (see the module's note).
    pub(super) fn iter_object(&mut self, class: &str, text: String) -> Option<Code> {
        if !is_iter_class(self.demo, class) {
            return None;
        }
        let item = self.types.ret_of(&next_name(class));
        let mut c = Code::new(text, Ty::List(Box::new(item)), 10);
        c.range = true;
        Some(c)
    }

    /// The `impl Iterator` of the iterator class `class`, whose
    /// `__next__` is `m`.
    pub(super) fn iterator_impl(&mut self, class: &Function, m: &Function) {
        let item = self.types.ret_of(&m.name).rust();
        self.line("");
        let start = self.lines.len();
        self.line("/// Python's `__iter__` returns the object: it is its own iterator.");
        self.line(format!("impl Iterator for {} {{", camel(&class.name)));
        self.indent += 1;
        self.line(format!("type Item = {item};"));
        self.line("");
        self.line("/// Python's `__next__`: `None` where it raises `StopIteration`.");
        self.line(format!("fn next(&mut self) -> Option<{item}> {{"));
        self.indent += 1;
        self.enter(m, "self", true);
        self.body(&m.body, true);
        self.indent -= 1;
        self.line("}");
        self.indent -= 1;
        self.line("}");
        self.functions
            .insert(m.name.clone(), start..self.lines.len());
    }
}

/// The objects of iterator classes made where the listing does not
/// iterate them in place.
pub(super) fn misplaced(demo: &Demo) -> Vec<Untranslatable> {
    let mut out = Vec::new();
    for f in &demo.functions {
        let mut iterated: Vec<&Range<usize>> = Vec::new();
        f.walk(&mut |s| {
            if let StmtKind::For { over, .. } = &s.kind {
                iterated.push(&over.span);
            }
        });
        let mut made: Vec<(&Expr, &str)> = Vec::new();
        each_expr_of(f, &mut |x| match &x.kind {
            ExprKind::Call(b, args) if iterates(*b, args) => iterated.push(&args[0].span),
            ExprKind::Comp { over, .. } => iterated.push(&over.span),
            ExprKind::New(call) if is_iter_class(demo, &call.name) => made.push((x, &call.name)),
            _ => {}
        });
        for (x, class) in made {
            if iterated.contains(&&x.span) {
                continue;
            }
            out.push(Untranslatable {
                span: x.span.clone(),
                construct: format!("an object of the iterator class `{class}` used here"),
                reason: "the Rust listing iterates an object of an iterator class where it is \
                         made: the head of a `for` loop or a comprehension, or the iterable \
                         given to `list`, `sorted`, `sum`, `min` or `max`; kept, passed or \
                         called otherwise, it would be a `mut` binding whose `next` the \
                         listing does not write yet"
                    .into(),
            });
        }
    }
    out
}

/// Whether the built-in `b` given `args` iterates its first argument
/// whole.
fn iterates(b: Builtin, args: &[Expr]) -> bool {
    match b {
        Builtin::List | Builtin::Sorted | Builtin::Min | Builtin::Max => args.len() == 1,
        Builtin::Sum => !args.is_empty(),
        _ => false,
    }
}
