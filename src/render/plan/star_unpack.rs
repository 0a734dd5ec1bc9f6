//! `first, *rest = rows` of a list: the items before the starred name
//! indexed, the starred name the list of the rest (`rows[k:]`), which is
//! what Python binds for a list of at least `k` items. A shorter list ends
//! the listing at its index as Python's uncaught `ValueError` ends the
//! program; where an `except` could take that `ValueError` (or the
//! `IndexError` the index would raise), the unpacking is refused. So is a
//! starred name anywhere but last, and a value not proven a list (a
//! string's or tuple's slice is no list, a dict is unpacked by its keys).
//! A call that makes a new list (`line.split()`) is kept in a variable
//! first, `parts`, which the names index and slice.

use super::scope::Scope;
use super::{Planner, Result, refuse};
use crate::program::{self as py, BinOp, CompKind, ExprKind as E, Name, StmtKind as P, Target};
use crate::render::plan::ir::ast::StmtKind;
use crate::render::plan::ir::expr::{Builtin, Expr, ExprKind};
use crate::render::plan::ir::value::Value;
use std::ops::Range;

impl Planner<'_> {
    /// `a, *rest = xs` as `(a, rest) = (xs[0], xs[1:])`; `None` for an
    /// unpacking with no starred name.
    pub(super) fn star_unpack(
        &self,
        sc: &mut Scope,
        target: &Target,
        value: &py::Expr,
        span: &Range<usize>,
    ) -> Result<Option<StmtKind>> {
        let Target::Unpack(items, Some(star)) = target else {
            return Ok(None);
        };
        let refused = |why: &str| {
            refuse(
                span,
                "this starred unpacking",
                format!(
                    "the Rust listing unpacks `a, *rest = xs` of a list variable `xs` with the \
                     starred name last, as `xs[0]` and `xs[1..]`; {why}"
                ),
            )
        };
        if *star + 1 != items.len() {
            return refused("here the starred name is not last");
        }
        if let E::Name(Name::Local(_, list) | Name::Cell(_, list)) = &value.kind {
            if !always_a_list(&self.program.module, list) {
                return refused("here the variable is not always a list");
            }
        } else if !matches!(value.kind, E::Call(..)) || !makes_list(value) {
            return refused("here the value is no variable, nor a call that makes a new list");
        }
        if catches(&self.program.module.body) {
            return refused(
                "a shorter list raises `ValueError`, which an `except` of the program could take",
            );
        }
        let plain = Target::Unpack(items.clone(), None);
        let var = self.loop_pattern(sc, &plain, span)?;
        let mut xs = self.expr(sc, value)?;
        // A new list (`line.split()`) is kept in a variable of its own,
        // which the names index and slice.
        if !matches!(value.kind, E::Name(_)) {
            let parts = self.free_name("parts");
            self.lifted.borrow_mut().push(StmtKind::Set {
                var: parts.clone(),
                value: xs,
            });
            xs = Expr {
                kind: ExprKind::Var(parts),
                span: value.span.clone(),
            };
        }
        let at = |kind: ExprKind| Expr {
            kind,
            span: value.span.clone(),
        };
        let mut parts: Vec<Expr> = (0..*star)
            .map(|i| {
                at(ExprKind::Call(
                    Builtin::Index,
                    vec![xs.clone(), Expr::lit(Value::Int(i as i64))],
                ))
            })
            .collect();
        parts.push(at(ExprKind::Call(
            Builtin::Slice,
            vec![
                xs.clone(),
                Expr::lit(Value::Int(*star as i64)),
                Expr::lit(Value::None),
                Expr::lit(Value::None),
            ],
        )));
        Ok(Some(StmtKind::Set {
            value: at(ExprKind::Tuple(parts)),
            var,
        }))
    }
}

impl Planner<'_> {
    /// `name`, or `name2`, `name3`, ...: the first the program's source
    /// does not hold as a word, nor the plan gave another value.
    fn free_name(&self, name: &str) -> String {
        let whole = 0..self.program.source.len();
        (1..)
            .map(|n| match n {
                1 => name.to_string(),
                n => format!("{name}{n}"),
            })
            .find(|n| self.word_count(&whole, n) == 0 && !self.hoisted_names.borrow().contains(n))
            .inspect(|n| {
                self.hoisted_names.borrow_mut().insert(n.clone());
            })
            .expect("a free name")
    }
}

/// Whether `e` always gives a new list.
fn makes_list(e: &py::Expr) -> bool {
    match &e.kind {
        E::List(_) => true,
        E::Comprehension(c) => c.kind == CompKind::List,
        E::Call(f, _) => match &f.kind {
            E::Name(Name::Global(n)) => matches!(&**n, "sorted" | "list"),
            E::Attr(_, m) => matches!(&**m, "split" | "splitlines"),
            _ => false,
        },
        _ => false,
    }
}

/// Whether every binding of the local `name`, in every function of the
/// program, is an assignment of a new list (or `+=` of one), and there
/// is at least one.
fn always_a_list(code: &py::Code, name: &str) -> bool {
    let (mut assigned, mut other) = (false, false);
    bindings(code, name, &mut assigned, &mut other);
    assigned && !other
}

/// Notes in `assigned` a binding of `name` to a new list in `code` (or a
/// function or class in it), in `other` any other binding.
fn bindings(code: &py::Code, name: &str, assigned: &mut bool, other: &mut bool) {
    *other |= code.params.all().any(|p| &*p.name == name);
    py::walk(&code.body, &mut |s| match &s.kind {
        P::Assign { targets, value } => {
            for t in targets {
                if binds(t, name) {
                    let single = matches!(t, Target::Name(_));
                    *assigned |= single && makes_list(value);
                    *other |= !(single && makes_list(value));
                }
            }
        }
        P::AugAssign { target, op, value } if binds(target, name) => {
            *other |= !(*op == BinOp::Add && makes_list(value));
        }
        P::For { target, .. } if binds(target, name) => *other = true,
        P::With { .. } | P::Try { .. } => *other |= as_binds(s, name),
        P::Def { code: inner, .. } | P::Class { code: inner, .. } => {
            bindings(inner, name, assigned, other)
        }
        _ => {}
    });
}

/// Whether `t` binds `name`.
fn binds(t: &Target, name: &str) -> bool {
    match t {
        Target::Name(Name::Local(_, n) | Name::Cell(_, n) | Name::Global(n)) => &**n == name,
        Target::Unpack(ts, _) => ts.iter().any(|t| binds(t, name)),
        _ => false,
    }
}

/// Whether the `with` or `try` statement `s` binds `name` with `as`.
fn as_binds(s: &py::Stmt, name: &str) -> bool {
    match &s.kind {
        P::With { item, .. } => item.target.as_ref().is_some_and(|t| binds(t, name)),
        P::Try { handlers, .. } => handlers
            .iter()
            .any(|h| h.name.as_ref().is_some_and(|n| &**n.ident() == name)),
        _ => false,
    }
}

/// Whether `block`, or a function or class defined in it, has an
/// `except` that takes a `ValueError` or an `IndexError`.
fn catches(block: &[py::Stmt]) -> bool {
    let mut found = false;
    py::walk(block, &mut |s| match &s.kind {
        P::Try { handlers, .. } => found |= handlers.iter().any(takes),
        P::Def { code, .. } | P::Class { code, .. } => found |= catches(&code.body),
        _ => {}
    });
    found
}

/// Whether the handler `h` takes a `ValueError` or an `IndexError`.
fn takes(h: &py::Handler) -> bool {
    let Some(class) = &h.class else {
        return true;
    };
    let items: Vec<&py::Expr> = match &class.kind {
        E::Tuple(xs) => xs.iter().collect(),
        _ => vec![class],
    };
    items.iter().any(|x| {
        !matches!(&x.kind, E::Name(Name::Global(n))
            if !matches!(&**n, "ValueError" | "IndexError" | "LookupError" | "Exception" | "BaseException"))
    })
}
