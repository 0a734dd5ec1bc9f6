//! A plain class whose `__iter__` returns `self` and whose `__next__`
//! gives the next item: its objects are Rust iterators. `__next__` is the
//! struct's `impl Iterator`, its `return value` the `Some(value)` of
//! `next` and its `raise StopIteration` the `None` that ends the
//! iteration (the plan function `Class.__next__`, a
//! [`FunctionKind::Iterator`] whose scope says it is not async). Where the
//! objects may be used is `rust::iter_classes`'s to say.

use super::objects::is_docstring;
use super::{Planner, Result, methods, refuse};
use crate::program::{Code, ExprKind as E, Name, Stmt, StmtKind as P};
use crate::render::plan::ir::ast::FunctionKind;

/// The name of a class's `__next__` among the plan's functions.
pub(crate) fn next_name(class: &str) -> String {
    super::objects::method_name(class, "__next__")
}

impl Planner<'_> {
    /// `__iter__` or `__next__` of the plain class whose body is `class`:
    /// `None` for `__iter__` (`return self`: the object is its own
    /// iterator), the kind of `__next__`'s function; refused where the
    /// class lacks the other or where either is written otherwise.
    pub(super) fn iter_method(
        &self,
        class: &Code,
        m: &str,
        code: &Code,
        def: &Stmt,
    ) -> Result<Option<FunctionKind>> {
        let only_self = code.params.positional.len() == 1
            && code.params.positional[0].name.as_ref() == "self"
            && !code.is_async;
        if m == "__iter__" {
            let body: Vec<&Stmt> = code.body.iter().filter(|s| !is_docstring(s)).collect();
            let returns_self = matches!(body.as_slice(), [Stmt { kind: P::Return(Some(e)), .. }]
                if matches!(&e.kind, E::Name(Name::Local(_, n)) if &**n == "self"));
            if !only_self || code.is_generator || !returns_self {
                return refuse(
                    &def.span,
                    "an `__iter__` that does more than `return self`",
                    "the Rust listing makes an object whose `__iter__` returns `self` a Rust \
                     iterator (`impl Iterator`); an `__iter__` that makes another iterator \
                     (a generator, say) would be a method returning `impl Iterator` over the \
                     items, which the listing does not write yet",
                );
            }
            return self.with_other(class, m, def).map(|()| None);
        }
        self.with_other(class, m, def)?;
        let ends = matches!(
            code.body.last().map(|s| &s.kind),
            Some(P::Return(Some(_)) | P::Raise { .. })
        );
        if !only_self || code.is_generator || !ends {
            return refuse(
                &def.span,
                "this `__next__`",
                "the Rust listing writes `def __next__(self)` ending in `return value` as \
                 `Iterator::next`, `raise StopIteration` its `None`",
            );
        }
        let mut other_raise = None;
        crate::program::walk(&code.body, &mut |s| {
            if let P::Return(None) = &s.kind
                && other_raise.is_none()
            {
                other_raise = Some(s.span.clone());
            }
            if let P::Raise { exc, .. } = &s.kind
                && !exc.as_ref().is_some_and(
                    |e| matches!(&e.kind, E::Name(Name::Global(n)) if &**n == "StopIteration"),
                )
                && other_raise.is_none()
            {
                other_raise = Some(s.span.clone());
            }
        });
        if let Some(span) = other_raise {
            return refuse(
                &span,
                "a `return` without a value or a `raise` other than `raise StopIteration` in `__next__`",
                "the Rust listing's `Iterator::next` gives `Some(item)` or `None`: it has no \
                 `None` item and no error to pass on",
            );
        }
        Ok(Some(FunctionKind::Iterator))
    }
}

impl Planner<'_> {
    /// Refused where the class lacks the other of `__iter__` and `__next__`.
    fn with_other(&self, class: &Code, m: &str, def: &Stmt) -> Result<()> {
        let other = if m == "__iter__" {
            "__next__"
        } else {
            "__iter__"
        };
        if !methods(class).any(|(n, _, _)| n == other) {
            return refuse(
                &def.span,
                format!("a class with `{m}` without `{other}`"),
                "the Rust listing makes a class with both `__iter__` (returning `self`) and \
                 `__next__` a Rust iterator; one of them alone has no Rust counterpart",
            );
        }
        Ok(())
    }
}
