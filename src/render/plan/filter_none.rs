//! `filter(None, xs)`: the items of `xs` that are true, as the list
//! comprehension `[item for item in xs if item]` (the item named by a word
//! the program does not use, each call its own).

use super::scope::Scope;
use super::{Planner, Result};
use crate::program::{self as py, Arg, ExprKind as E, Literal, Name};
use crate::render::plan::ir::expr::{Expr, ExprKind};

impl Planner<'_> {
    /// `filter(None, xs)` as a comprehension that keeps the true items;
    /// `None` for another call.
    pub(super) fn filter_none(
        &self,
        sc: &Scope,
        f: &py::Expr,
        args: &[Arg],
    ) -> Result<Option<ExprKind>> {
        let E::Name(Name::Global(n)) = &f.kind else {
            return Ok(None);
        };
        let [Arg::Positional(test), Arg::Positional(over)] = args else {
            return Ok(None);
        };
        if &**n != "filter"
            || self.defs.contains_key("filter")
            || !matches!(test.kind, E::Literal(Literal::None))
        {
            return Ok(None);
        }
        // Each such call its own name: the listing types a comprehension's
        // variable by its name in the function.
        let source = &self.program.source;
        let before = words(&source[..f.span.start.min(source.len())])
            .filter(|w| *w == "filter")
            .count();
        let var = unused_names(source, "item").nth(before).unwrap_or_default();
        let item = || Expr {
            kind: ExprKind::Var(var.clone()),
            span: test.span.clone(),
        };
        Ok(Some(ExprKind::Comp {
            value: Box::new(item()),
            var: var.clone(),
            over: Box::new(self.expr(sc, over)?),
            filter: Some(Box::new(item())),
        }))
    }
}

/// The words of a text: its runs of letters, digits and underscores.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
}

/// `base`, then `base` followed by 1, 2, ...: those of them that are no
/// word of the program's source.
fn unused_names<'a>(source: &'a str, base: &'a str) -> impl Iterator<Item = String> + 'a {
    let used: std::collections::HashSet<&str> = words(source).collect();
    std::iter::once(base.to_string())
        .chain((1..).map(move |n| format!("{base}{n}")))
        .filter(move |name| !used.contains(name.as_str()))
}

#[cfg(test)]
mod tests {
    use super::unused_names;

    fn first(source: &str, k: usize) -> String {
        unused_names(source, "item").nth(k).unwrap()
    }

    #[test]
    fn the_names_are_those_the_source_does_not_use() {
        assert_eq!(first("xs = [1]", 0), "item");
        assert_eq!(first("xs = [1]", 2), "item2");
        assert_eq!(first("item = 1; items = 2", 0), "item1");
        assert_eq!(first("item, item1 = 1, 2", 1), "item3");
    }
}
