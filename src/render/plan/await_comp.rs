//! `[await f(x) for x in xs if test]`: a list comprehension whose element
//! awaits, over a plain iterable. Python awaits each element in turn, so
//! the listing builds the list in a `for` loop: `let mut ys = Vec::new();
//! for x in xs { ys.push(f(x).await); }`.

use super::scope::Scope;
use super::{Planner, Result};
use crate::program::{self as py, Arg, CompKind, ExprKind as E, Name, StmtKind as P, Target};
use crate::render::plan::ir::ast::StmtKind;
use crate::render::plan::ir::expr::ExprKind;

impl Planner<'_> {
    /// `into = [...]` of such a comprehension: `into = []` lifted before,
    /// then the loop that appends; `None` for other shapes.
    pub(super) fn awaiting_comp(
        &self,
        sc: &mut Scope,
        e: &py::Expr,
        c: &py::Comprehension,
        into: &str,
    ) -> Result<Option<StmtKind>> {
        let [g] = c.generators.as_slice() else {
            return Ok(None);
        };
        if c.kind != CompKind::List || g.is_async || g.ifs.len() > 1 {
            return Ok(None);
        }
        let id = self.current.get();
        let stmt = |span: &py::Span, kind| py::Stmt {
            id,
            span: span.clone(),
            kind,
        };
        let expr = |kind| py::Expr {
            suspends: matches!(kind, E::Call(..)),
            kind,
            span: e.span.clone(),
        };
        let name = || Name::Local(u32::MAX, into.into());
        let append = expr(E::Call(
            Box::new(expr(E::Attr(
                Box::new(expr(E::Name(name()))),
                "append".into(),
            ))),
            vec![Arg::Positional(c.element.clone())],
        ));
        let mut body = vec![stmt(&c.element.span, P::Expr(append))];
        if let Some(test) = g.ifs.first() {
            let kind = P::If {
                test: test.clone(),
                body,
                orelse: Vec::new(),
            };
            body = vec![stmt(&test.span, kind)];
        }
        let init = P::Assign {
            targets: vec![Target::Name(name())],
            value: expr(E::List(Vec::new())),
        };
        let each = P::For {
            is_async: false,
            target: g.target.clone(),
            iter: g.iter.clone(),
            body,
            orelse: Vec::new(),
        };
        let header = self.header.take();
        let outer = self.lifted.take();
        let init = self.stmt(sc, &[stmt(&e.span, init)]);
        let each = self.stmt(sc, &[stmt(&e.span, each)]);
        let mut lifted = self.lifted.replace(outer);
        *self.header.borrow_mut() = header;
        let (Some(init), _) = init? else {
            return Ok(None);
        };
        let (Some(each), _) = each? else {
            return Ok(None);
        };
        lifted.push(init.kind);
        self.lifted.borrow_mut().extend(lifted);
        Ok(Some(each.kind))
    }

    /// Such a comprehension inside an expression, built first into a
    /// fresh name when nothing before it in the statement calls or reads
    /// what its awaits could change.
    pub(super) fn awaiting_comp_value(
        &self,
        sc: &Scope,
        e: &py::Expr,
        c: &py::Comprehension,
    ) -> Result<Option<ExprKind>> {
        let E::Await(inner) = &c.element.kind else {
            return Ok(None);
        };
        if !self.hoistable(&e.span) {
            return Ok(None);
        }
        let name = self.fresh_name(&format!("{}s", super::hoist::value_name(inner)));
        let mut inner_sc = sc.clone();
        let before = self.blockers.borrow().len();
        let each = self.awaiting_comp(&mut inner_sc, e, c, &name);
        match each {
            Ok(Some(each)) if self.blockers.borrow().len() == before => {
                self.lifted.borrow_mut().push(each);
                Ok(Some(ExprKind::Var(name)))
            }
            _ => {
                self.blockers.borrow_mut().truncate(before);
                Ok(None)
            }
        }
    }
}
