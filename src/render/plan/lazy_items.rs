//! A generator expression makes each item when it is read; the listing
//! builds its items at once, as a list comprehension does. The two agree
//! unless making an item does something the program shows (a call of one
//! of its functions, `print`, `next`) while something else reads the items
//! one by one (a `for` loop, `any`, a caller): `(noisy(x) for x in xs)`
//! read by a loop that prints would print in another order. Such a
//! generator expression is refused, unless it is the argument of a call
//! that reads every item before anything else runs (`sum`, `list`,
//! `sorted`, ...), or of `any` or `all`, which the listing reads lazily.

use super::{Planner, Result, refuse};
use crate::program::visit_mut::{VisitMut, stmt_mut};
use crate::program::{self as py, Arg, Code, ExprKind as E, Name, Stmt, StmtKind as P};
use std::ops::Range;

/// Built-ins that read every item of their argument before they return,
/// and `any` and `all`, which the listing writes as the iterator's own
/// `any` and `all`, stopping where Python's stop.
const WHOLE_READERS: &[&str] = &[
    "list", "tuple", "set", "dict", "sum", "sorted", "min", "max", "len", "any", "all",
];

impl Planner<'_> {
    /// Refuses the generator expression `e` when making its items does
    /// something the program shows and what reads it may not read all of
    /// them first (see the module's doc).
    pub(super) fn check_lazy_items(&self, e: &py::Expr, c: &py::Comprehension) -> Result<()> {
        if c.kind != py::CompKind::Generator {
            return Ok(());
        }
        let mut acting: Option<(Range<usize>, String)> = None;
        let mut parts: Vec<&py::Expr> = vec![&c.element];
        for g in &c.generators {
            parts.extend(g.ifs.iter());
        }
        for part in parts {
            each_expr(part, &mut |x| {
                if acting.is_none()
                    && let E::Call(f, _) = &x.kind
                    && let E::Name(Name::Global(n)) = &f.kind
                    && (self.defs.contains_key(&**n) || matches!(&**n, "print" | "next"))
                {
                    acting = Some((x.span.clone(), n.to_string()));
                }
            });
        }
        let Some((span, name)) = acting else {
            return Ok(());
        };
        if read_whole(&self.program.module, &e.span, &|n| {
            self.defs.contains_key(n)
        }) {
            return Ok(());
        }
        refuse(
            &span,
            format!("a call of `{name}` making the items of a generator expression"),
            "the Rust listing builds a generator expression's items at once, where Python \
             makes each as it is read, so this call would run in another order: build the list \
             first (`[... for ...]`), or call it in the loop that reads the items",
        )
    }
}

/// Whether the generator expression at `span` is the one argument of a
/// built-in call that reads all its items (`sum(f(x) for x in xs)`) or
/// stops as the listing does (`any`, `all`), or of a string's `join`.
fn read_whole(module: &Code, span: &Range<usize>, defined: &dyn Fn(&str) -> bool) -> bool {
    let mut found = false;
    each_code_expr(module, &mut |x| {
        let E::Call(f, args) = &x.kind else {
            return;
        };
        let [Arg::Positional(arg)] = args.as_slice() else {
            return;
        };
        if arg.span != *span {
            return;
        }
        found |= match &f.kind {
            E::Name(Name::Global(n)) => WHOLE_READERS.contains(&&**n) && !defined(n),
            E::Attr(s, m) => &**m == "join" && matches!(s.kind, E::Literal(py::Literal::Str(_))),
            _ => false,
        };
    });
    found
}

/// Every expression of `code`, and of the functions, lambdas and classes
/// defined in it.
fn each_code_expr(code: &Code, f: &mut dyn FnMut(&py::Expr)) {
    let mut inner: Vec<std::sync::Arc<Code>> = Vec::new();
    crate::program::walk(&code.body, &mut |s: &Stmt| {
        if let P::Def { code, .. } | P::Class { code, .. } = &s.kind {
            inner.push(code.clone());
        }
    });
    for s in &code.body {
        visit(s, &mut |x| {
            if let E::Lambda { code, .. } = &x.kind {
                inner.push(code.clone());
            }
            f(x);
        });
    }
    for c in inner {
        each_code_expr(&c, f);
    }
}

/// Every expression inside `e`, `e` first (comprehensions whole, not the
/// bodies of lambdas).
fn each_expr(e: &py::Expr, f: &mut dyn FnMut(&py::Expr)) {
    let s = Stmt {
        id: Default::default(),
        span: e.span.clone(),
        kind: P::Expr(e.clone()),
    };
    visit(&s, f);
}

/// Every expression `s` evaluates, comprehensions whole.
fn visit(s: &Stmt, f: &mut dyn FnMut(&py::Expr)) {
    struct Exprs<'a>(&'a mut dyn FnMut(&py::Expr));
    impl VisitMut for Exprs<'_> {
        fn expr(&mut self, e: &mut py::Expr) {
            (self.0)(e);
        }
    }
    stmt_mut(&mut s.clone(), &mut Exprs(f));
}
