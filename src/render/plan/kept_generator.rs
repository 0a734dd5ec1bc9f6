//! `gen = (c for c in "abc")`: a generator expression kept in a variable.
//! The listing builds a comprehension as a `Vec`, which every reading sees
//! whole, where Python's generator is used up by its first pass (a second
//! `list(gen)` gives `[]`). Read once, outside a loop, the two agree.

use super::{Planner, Result, refuse};
use crate::program::{self as py, ExprKind as E, StmtKind as P, Target};

impl Planner<'_> {
    /// Refuses a generator expression bound to a name that the statements
    /// after it (`later`) read more than once or inside a loop.
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
        refuse(
            &value.span,
            "a generator expression kept in a variable and read again",
            "the listing would build it as a `Vec`, seen whole at each reading, where Python's \
             generator is used up by its first pass; the Rust form is an iterator kept with \
             `let mut` and read with `.by_ref()`",
        )
    }

    /// How many times the source at `span` holds the word `name`.
    fn word_count(&self, span: &std::ops::Range<usize>, name: &str) -> usize {
        let word = |c: char| c.is_alphanumeric() || c == '_';
        let text = self.text(span);
        text.match_indices(name)
            .filter(|(i, _)| {
                !text[..*i].ends_with(word) && !text[i + name.len()..].starts_with(word)
            })
            .count()
    }
}
