//! `gen = (c for c in "abc")`: a generator expression kept in a variable.
//! Read once, outside a loop, it is built as a `Vec` like a list
//! comprehension. Read only by `list(gen)`, more than once, it is the Rust
//! iterator itself, kept with `let mut` and read with `.by_ref()`, so that
//! as in Python the first reading uses it up and the next ones are empty.
//! Any other reading again is refused.

use super::scope::Scope;
use super::{Planner, Result, refuse};
use crate::program::{self as py, ExprKind as E, StmtKind as P, Target};
use crate::render::plan::ir::expr::{Builtin, ExprKind};

impl Planner<'_> {
    /// Refuses a generator expression bound to a name that the statements
    /// after it (`later`) read more than once or inside a loop, other than
    /// by `list(name)` calls only; notes those calls and the expression
    /// (see [`Planner::kept_expr`]).
    pub(super) fn kept_generator(
        &self,
        target: &Target,
        value: &py::Expr,
        later: &[py::Stmt],
    ) -> Result<()> {
        let (Target::Name(n), E::Comprehension(c)) = (target, &value.kind) else {
            return Ok(());
        };
        if c.kind != py::CompKind::Generator {
            return Ok(());
        }
        let name = n.ident();
        let readers: Vec<&py::Stmt> = later
            .iter()
            .filter(|s| self.mentions(std::iter::once(*s), name))
            .collect();
        let once = match readers.as_slice() {
            [] => true,
            [s] => {
                !matches!(s.kind, P::For { .. } | P::While { .. })
                    && self.word_count(&s.span, name) == 1
            }
            _ => false,
        };
        if once {
            return Ok(());
        }
        let call = format!("list({name})");
        let mut calls = Vec::new();
        for s in &readers {
            let found = self.word_spans(&s.span, &call);
            if found.len() != self.word_count(&s.span, name) {
                return refuse(
                    &value.span,
                    "a generator expression kept in a variable and read again",
                    format!(
                        "the Rust listing reads a kept generator with `list({name})` only (an \
                         iterator kept with `let mut` and read with `.by_ref()`): a `Vec` would \
                         be seen whole at each reading, where Python's generator is used up by \
                         its first pass"
                    ),
                );
            }
            calls.extend(found);
        }
        let mut kept = self.kept.borrow_mut();
        kept.insert(value.span.clone());
        kept.extend(calls);
        Ok(())
    }

    /// A kept generator expression ([`Builtin::Kept`]) or a `list(...)`
    /// that uses one up ([`Builtin::Rest`]), as [`Planner::kept_generator`]
    /// noted them; `None` for any other expression.
    pub(super) fn kept_expr(&self, sc: &Scope, e: &py::Expr) -> Result<Option<ExprKind>> {
        if !self.kept.borrow().contains(&e.span) {
            return Ok(None);
        }
        match &e.kind {
            E::Comprehension(_) => {
                // Planned as the comprehension it is, then kept.
                self.kept.borrow_mut().remove(&e.span);
                let comp = self.expr(sc, e);
                self.kept.borrow_mut().insert(e.span.clone());
                Ok(Some(ExprKind::Call(Builtin::Kept, vec![comp?])))
            }
            E::Call(f, args)
                if let [py::Arg::Positional(x)] = args.as_slice()
                    && matches!(&f.kind, E::Name(py::Name::Global(n)) if &**n == "list")
                    && !self.defs.contains_key("list") =>
            {
                let var = self.expr(sc, x)?;
                if !matches!(var.kind, ExprKind::Var(_)) {
                    return Ok(None);
                }
                Ok(Some(ExprKind::Call(Builtin::Rest, vec![var])))
            }
            _ => Ok(None),
        }
    }

    /// How many times the source at `span` holds the word `name`.
    pub(super) fn word_count(&self, span: &std::ops::Range<usize>, name: &str) -> usize {
        self.word_spans(span, name).len()
    }

    /// Where the source at `span` holds `text` with no word character
    /// just before or after it.
    pub(super) fn word_spans(
        &self,
        span: &std::ops::Range<usize>,
        text: &str,
    ) -> Vec<std::ops::Range<usize>> {
        let word = |c: char| c.is_alphanumeric() || c == '_';
        let source = self.text(span);
        source
            .match_indices(text)
            .filter(|(i, _)| {
                !source[..*i].ends_with(word) && !source[i + text.len()..].starts_with(word)
            })
            .map(|(i, _)| span.start + i..span.start + i + text.len())
            .collect()
    }
}
