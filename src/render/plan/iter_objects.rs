//! The iterators `map`, `filter`, `zip`, `enumerate` and `reversed` give:
//! the listing writes each as the items it yields, collected where the
//! program takes them (`list(...)`, a `for`, `sorted(...)`). Shown as it
//! is (`print(map(...))`, an f-string's field), Python prints the object
//! and its address (`<map object at 0x...>`); kept in a variable, it runs
//! out once read. Both are refused where they are written.

use super::{Planner, Result, refuse};
use crate::program::{self as py, ExprKind as E, Name};

/// The built-ins that give a one-pass iterator.
const ITERATORS: [&str; 5] = ["map", "filter", "zip", "enumerate", "reversed"];

impl Planner<'_> {
    /// The built-in iterator `e` makes (its name), if it is such a call.
    fn iterator_call<'e>(&self, e: &'e py::Expr) -> Option<&'e str> {
        let E::Call(f, _) = &e.kind else {
            return None;
        };
        let E::Name(Name::Global(n)) = &f.kind else {
            return None;
        };
        (ITERATORS.contains(&&**n) && !self.defs.contains_key(&**n)).then_some(&**n)
    }

    /// Refuses `e` shown as it is (printed, or an f-string's field) when it
    /// is a built-in iterator.
    pub(super) fn refuse_shown_iterator(&self, e: &py::Expr) -> Result<()> {
        match self.iterator_call(e) {
            Some(name) => refuse(
                &e.span,
                format!("a `{name}` object shown"),
                format!(
                    "Python shows the object and its address (`<{name} object at 0x...>`), \
                     which the Rust listing does not reproduce: show `list({name}(...))`"
                ),
            ),
            None => Ok(()),
        }
    }

    /// Refuses a built-in iterator kept in a variable.
    pub(super) fn refuse_kept_iterator(&self, value: &py::Expr) -> Result<()> {
        match self.iterator_call(value) {
            Some(name) => refuse(
                &value.span,
                format!("a `{name}` object kept in a variable"),
                "the Rust listing writes the iterator as the list of its items, which \
                 reads again where Python's iterator is used up: keep `list(...)` of it",
            ),
            None => Ok(()),
        }
    }
}
