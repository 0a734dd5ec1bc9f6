//! An `await` inside an expression that the listing awaits as a statement
//! of its own: `print("got", await q.get())` becomes `let get_result =
//! ...; println!("got {get_result}")`. Python evaluates the operands left
//! to right, so the await goes first only where nothing before it in the
//! statement calls, awaits or reads what the awaited work could change
//! (a local variable of the function is safe), and where it always runs
//! (not in a branch of `if`/`else`, `and`/`or` or a comprehension).

use super::scope::Scope;
use super::{Planner, Result};
use crate::program::{self as py, Arg, ExprKind as E, FormatPart, Name, StmtKind as P, Target};
use crate::render::plan::ir::expr::ExprKind;

impl Planner<'_> {
    /// `await inner` (the expression `e`) planned as `name = await inner`
    /// before the statement being planned, read as `name`; `None` where
    /// the order would change or the statement form is not translated.
    pub(super) fn hoisted_await(
        &self,
        sc: &Scope,
        e: &py::Expr,
        inner: &py::Expr,
    ) -> Result<Option<ExprKind>> {
        // Taken while the assignment is planned: its own await stays put.
        let Some(header) = self.header.take() else {
            return Ok(None);
        };
        // A gather of different coroutines has no one type for its list.
        let gather = matches!(&inner.kind, E::Call(f, _)
            if self.is_member(f, crate::program::Module::Asyncio, "gather"));
        if gather || !goes_first(&header, &e.span) {
            *self.header.borrow_mut() = Some(header);
            return Ok(None);
        }
        let name = self.fresh_name(&value_name(inner));
        let assign = py::Stmt {
            id: header.id,
            span: e.span.clone(),
            kind: P::Assign {
                targets: vec![Target::Name(Name::Local(u32::MAX, name.as_str().into()))],
                value: e.clone(),
            },
        };
        let mut inner_sc = sc.clone();
        let before = self.blockers.borrow().len();
        let outer = self.lifted.take();
        let planned = self.stmt(&mut inner_sc, std::slice::from_ref(&assign));
        let mut lifted = self.lifted.replace(outer);
        *self.header.borrow_mut() = Some(header);
        match planned {
            Ok((Some(stmt), 1)) if self.blockers.borrow().len() == before => {
                lifted.push(stmt.kind);
                self.lifted.borrow_mut().extend(lifted);
                Ok(Some(ExprKind::Var(name)))
            }
            _ => {
                self.hoisted_names.borrow_mut().remove(&name);
                self.blockers.borrow_mut().truncate(before);
                Ok(None)
            }
        }
    }

    /// Whether the await or comprehension at `at` may run first in the
    /// statement being planned.
    pub(super) fn hoistable(&self, at: &py::Span) -> bool {
        self.header
            .borrow()
            .as_ref()
            .is_some_and(|s| goes_first(s, at))
    }

    /// `base`, or `base_2`, ... : a name neither the program's source nor
    /// an earlier hoisted await uses.
    pub(super) fn fresh_name(&self, base: &str) -> String {
        let used = |n: &str| {
            self.program.source.match_indices(n).any(|(i, _)| {
                let src = self.program.source.as_bytes();
                let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
                let before = i > 0 && word(src[i - 1]);
                let after = src.get(i + n.len()).is_some_and(|b| word(*b));
                !before && !after
            })
        };
        let mut name = base.to_string();
        let mut k = 2;
        while used(&name) || self.hoisted_names.borrow().contains(&name) {
            name = format!("{base}_{k}");
            k += 1;
        }
        self.hoisted_names.borrow_mut().insert(name.clone());
        name
    }
}

/// The name for an awaited value: `{callee}_result`.
pub(super) fn value_name(inner: &py::Expr) -> String {
    let callee = match &inner.kind {
        E::Call(f, _) => match &f.kind {
            E::Attr(_, n) => n.to_string(),
            E::Name(n) => n.ident().to_string(),
            _ => String::new(),
        },
        E::Name(n) => n.ident().to_string(),
        _ => String::new(),
    };
    match callee.as_str() {
        "" => "result".into(),
        c => format!("{}_result", c.trim_start_matches('_')),
    }
}

/// Whether the await at `at` is the first thing the statement `s` does
/// that can act or be acted on, and runs every time the statement does.
fn goes_first(s: &py::Stmt, at: &py::Span) -> bool {
    let header = match &s.kind {
        P::Expr(e) | P::Return(Some(e)) => e,
        P::Assign { targets, value } if targets.iter().all(plain_target) => value,
        P::If { test, .. } => test,
        P::For {
            is_async: false,
            iter,
            ..
        } => iter,
        _ => return false,
    };
    let mut walk = Walk {
        at,
        acted: false,
        found: None,
    };
    walk.expr(header);
    walk.found == Some(true)
}

fn plain_target(t: &Target) -> bool {
    match t {
        Target::Name(Name::Local(..)) => true,
        Target::Unpack(ts, _) => ts.iter().all(plain_target),
        _ => false,
    }
}

/// A walk in Python's order of evaluation, looking for the await.
struct Walk<'a> {
    at: &'a py::Span,
    /// Something before that the await could change or be changed by.
    acted: bool,
    /// Found: whether it may go first.
    found: Option<bool>,
}

impl Walk<'_> {
    fn expr(&mut self, e: &py::Expr) {
        if self.found.is_some() {
            return;
        }
        if e.span == *self.at && matches!(e.kind, E::Await(_) | E::Comprehension(_)) {
            self.found = Some(!self.acted);
            return;
        }
        match &e.kind {
            E::Literal(_) | E::Name(Name::Local(..)) => {}
            E::Name(_) | E::Attr(..) | E::Subscript(..) => {
                self.children(e);
                self.acted = true;
            }
            E::BinOp(_, a, b) => {
                self.expr(a);
                self.expr(b);
            }
            E::UnaryOp(_, a) | E::Starred(a) => self.expr(a),
            E::List(xs) | E::Tuple(xs) => xs.iter().for_each(|x| self.expr(x)),
            E::FString(parts) => self.parts(parts),
            E::Compare(a, rest) => {
                self.expr(a);
                if let Some((_, b)) = rest.first() {
                    self.expr(b);
                }
                rest.iter().skip(1).for_each(|(_, x)| self.branch(x));
            }
            E::BoolOp(_, xs) => {
                if let Some((first, rest)) = xs.split_first() {
                    self.expr(first);
                    rest.iter().for_each(|x| self.branch(x));
                }
            }
            E::IfExp(test, a, b) => {
                self.expr(test);
                self.branch(a);
                self.branch(b);
            }
            E::Call(f, args) => {
                // Looking up the function (`print`, `q.put`) changes nothing.
                match &f.kind {
                    E::Name(_) => {}
                    E::Attr(x, _) if matches!(x.kind, E::Name(_)) => {}
                    _ => self.expr(f),
                }
                for a in args {
                    match a {
                        Arg::Positional(x)
                        | Arg::Star(x)
                        | Arg::Keyword(_, x)
                        | Arg::StarStar(x) => self.expr(x),
                    }
                }
                self.acted = true;
            }
            _ => {
                // Lambdas, comprehensions, awaits, yields, sets, dicts,
                // slices and `:=`: the await is not hoisted out of them,
                // nor past them.
                self.branch(e);
                self.acted = true;
            }
        }
    }

    fn parts(&mut self, parts: &[FormatPart]) {
        for p in parts {
            if let FormatPart::Field { value, spec, .. } = p {
                self.expr(value);
                self.parts(spec);
            }
        }
    }

    /// `e` may not run, or runs apart: the await must not be in it.
    fn branch(&mut self, e: &py::Expr) {
        if self.found.is_none() && e.span.start <= self.at.start && self.at.end <= e.span.end {
            self.found = Some(false);
        }
    }

    /// The operands of an attribute or an index, in order.
    fn children(&mut self, e: &py::Expr) {
        match &e.kind {
            E::Attr(x, _) => self.expr(x),
            E::Subscript(a, b) => {
                self.expr(a);
                self.expr(b);
            }
            _ => {}
        }
    }
}
