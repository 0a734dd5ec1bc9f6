//! `__aexit__(self, exc_type, exc, tb)` that looks at the exception: one
//! test of it, `if exc is None:` (a block that returns, then what runs
//! when the `async with` block raised) or `if exc is not None:`, with
//! `exc_type` in place of `exc` too. Inside, `exc` is the exception as a
//! handler's `except ... as exc` would read it (its text, `repr`,
//! `type(exc).__name__`, `args`); any other read of the three parameters
//! is refused. Its `return` gives whether the exception is swallowed.

use super::scope::Scope;
use super::{Planner, Result, refuse};
use crate::program::visit_mut::{self, VisitMut};
use crate::program::{self as py, CmpOp, Code, ExprKind as E, Literal, Name, StmtKind as P};
use crate::render::plan::ir::ast::{Block, Stmt, StmtKind};

impl Planner<'_> {
    /// The block of the exit method `m` (`__aexit__` or `__exit__`), `c`
    /// its code.
    pub(super) fn exit_block(&self, scope: &mut Scope, m: &str, c: &Code) -> Result<Block> {
        let params: Vec<&str> = (c.params.positional.iter().skip(1))
            .map(|p| &*p.name)
            .collect();
        let [exc_type, exc, _tb] = params[..] else {
            return self.block(scope, &c.body);
        };
        check_returns(&c.body, m)?;
        for (i, s) in c.body.iter().enumerate() {
            let Some(raised_first) = test_of(s, &[exc_type, exc]) else {
                refuse_reads(std::slice::from_ref(s), &params, m)?;
                continue;
            };
            let P::If { body, orelse, .. } = &s.kind else {
                unreachable!("a test")
            };
            let mut out = self.block(scope, &c.body[..i])?;
            let (raised, clean, after): (&[py::Stmt], &[py::Stmt], &[py::Stmt]) = if raised_first {
                (body, orelse, &c.body[i + 1..])
            } else if orelse.is_empty() && ends_in_return(body) {
                (&c.body[i + 1..], body, &[])
            } else {
                (orelse, body, &c.body[i + 1..])
            };
            refuse_reads(after, &params, m)?;
            refuse_reads(clean, &params, m)?;
            refuse_branch_bound(&[raised, clean], after, m)?;
            refuse_reads_but(raised, &params, exc, m)?;
            let saved = std::mem::take(&mut scope.caught);
            scope
                .caught
                .push(self.caught(Some(exc.to_string()), &[], None, raised));
            let raised = self.block(scope, raised);
            scope.caught = saved;
            let kind = StmtKind::ExitRaised {
                name: exc.to_string(),
                raised: raised?,
                clean: self.block(scope, clean)?,
            };
            out.push(Stmt {
                id: s.id,
                span: s.span.clone(),
                kind,
            });
            out.extend(self.block(scope, after)?);
            return Ok(out);
        }
        self.block(scope, &c.body)
    }
}

/// Whether `s` is `if p is None:` (`false`: its block runs when nothing
/// was raised) or `if p is not None:` (`true`) of a parameter `p` of
/// `params`.
fn test_of(s: &py::Stmt, params: &[&str]) -> Option<bool> {
    let P::If { test, .. } = &s.kind else {
        return None;
    };
    let E::Compare(left, ops) = &test.kind else {
        return None;
    };
    let [(op, right)] = ops.as_slice() else {
        return None;
    };
    let is_param = matches!(&left.kind, E::Name(Name::Local(_, n)) if params.contains(&&**n));
    let is_none = matches!(&right.kind, E::Literal(Literal::None));
    match op {
        CmpOp::Is if is_param && is_none => Some(false),
        CmpOp::IsNot if is_param && is_none => Some(true),
        _ => None,
    }
}

fn ends_in_return(block: &[py::Stmt]) -> bool {
    matches!(block.last().map(|s| &s.kind), Some(P::Return(_)))
}

/// `return` in `__aexit__` gives `True`, `False`, `None` or a name or
/// attribute the listing reads as a `bool`.
fn check_returns(body: &[py::Stmt], m: &str) -> Result<()> {
    let mut bad = None;
    py::walk(body, &mut |s| {
        if let P::Return(Some(e)) = &s.kind
            && !matches!(
                &e.kind,
                E::Literal(Literal::Bool(_) | Literal::None) | E::Attr(..)
            )
        {
            bad.get_or_insert(e.span.clone());
        }
    });
    match bad {
        Some(span) => refuse(
            &span,
            format!("this value returned by `{m}`"),
            format!(
                "Python swallows the exception when `{m}` returns a true value; the Rust \
                 listing's `{}` returns a `bool`: return `True`, `False` or a `bool` field",
                rust_exit(m)
            ),
        ),
        None => Ok(()),
    }
}

/// Refuses a name bound inside either branch of the exception's test
/// (`branches`) and read `after` it: the listing's branches are an
/// `if let` whose bindings end with it.
fn refuse_branch_bound(branches: &[&[py::Stmt]], after: &[py::Stmt], m: &str) -> Result<()> {
    let mut bound = Vec::new();
    for b in branches {
        py::walk(b, &mut |s| {
            if let P::Assign { targets, .. } = &s.kind {
                for t in targets {
                    if let py::Target::Name(Name::Local(_, n)) = t {
                        bound.push(n.to_string());
                    }
                }
            }
        });
    }
    let names: Vec<&str> = bound.iter().map(|n| &**n).collect();
    let Some((name, span)) = first_read(after, &names, "") else {
        return Ok(());
    };
    refuse(
        &span,
        format!("`{name}` bound in the test of `{m}`'s exception"),
        format!(
            "the Rust listing writes that test as an `if let` on the exception, whose \
             bindings end with it: set `{name}` before the test, or act on it inside"
        ),
    )
}

/// The Rust method of the exit method `m`.
fn rust_exit(m: &str) -> &'static str {
    match m {
        "__exit__" => "exit",
        _ => "close",
    }
}

/// Refuses a read of `params` (the exception parameters of `m`) in `block`.
fn refuse_reads(block: &[py::Stmt], params: &[&str], m: &str) -> Result<()> {
    refuse_reads_but(block, params, "", m)
}

/// Refuses a read of `params` other than `allowed` in `block`.
fn refuse_reads_but(block: &[py::Stmt], params: &[&str], allowed: &str, m: &str) -> Result<()> {
    let read = first_read(block, params, allowed);
    if let Some((n, span)) = &read
        && let Some(whole) = name_or_none(block, n, span)
    {
        return refuse(
            &whole,
            format!("`{n}.__name__ if {n} else None` in `{m}`"),
            format!(
                "a value that is `None` here and the class's name there would be an \
                 `Option<&str>`, which the Rust listing does not write for a variable: test \
                 `if exc is None:` at the top of `{m}` and print `None` in one branch and \
                 `type(exc).__name__` in the other"
            ),
        );
    }
    match read {
        Some((n, span)) => refuse(
            &span,
            format!("`{n}` of `{m}` here"),
            format!(
                "the Rust listing's `{}` takes the exception as an `Option`: one test \
                 `if exc is None:` (or `is not None`) at the top of `{m}`, and inside it \
                 the exception's text, `repr`, `type(exc).__name__` and `args`",
                rust_exit(m)
            ),
        ),
        None => Ok(()),
    }
}

/// The span of `n.__name__ if n else None` in `block` whose test is the
/// read of `n` at `at`.
fn name_or_none(
    block: &[py::Stmt],
    n: &str,
    at: &std::ops::Range<usize>,
) -> Option<std::ops::Range<usize>> {
    struct Finds<'a> {
        n: &'a str,
        at: &'a std::ops::Range<usize>,
        found: Option<std::ops::Range<usize>>,
    }
    impl VisitMut for Finds<'_> {
        fn expr(&mut self, e: &mut py::Expr) {
            let E::IfExp(test, body, orelse) = &e.kind else {
                return;
            };
            let is_n = |x: &py::Expr| matches!(&x.kind, E::Name(name) if &**name.ident() == self.n);
            let takes_name =
                matches!(&body.kind, E::Attr(obj, a) if &**a == "__name__" && is_n(obj));
            if is_n(test)
                && takes_name
                && matches!(&orelse.kind, E::Literal(Literal::None))
                && (test.span == *self.at || body.span.contains(&self.at.start))
            {
                self.found.get_or_insert(e.span.clone());
            }
        }
    }
    let mut v = Finds { n, at, found: None };
    let mut copy = block.to_vec();
    visit_mut::block_mut(&mut copy, &mut v);
    v.found
}

/// The first read in `block` of one of `params` other than `allowed`.
fn first_read(
    block: &[py::Stmt],
    params: &[&str],
    allowed: &str,
) -> Option<(String, std::ops::Range<usize>)> {
    struct Reads<'a> {
        params: &'a [&'a str],
        allowed: &'a str,
        found: Option<(String, std::ops::Range<usize>)>,
    }
    impl VisitMut for Reads<'_> {
        fn expr(&mut self, e: &mut py::Expr) {
            if let E::Name(Name::Local(_, n) | Name::Cell(_, n)) = &e.kind
                && self.params.contains(&&**n)
                && &**n != self.allowed
            {
                self.found.get_or_insert((n.to_string(), e.span.clone()));
            }
        }
    }
    let mut v = Reads {
        params,
        allowed,
        found: None,
    };
    let mut copy = block.to_vec();
    visit_mut::block_mut(&mut copy, &mut v);
    v.found
}

/// The `return`, `break` and `continue` statements that would leave an
/// `async with` block the listing writes as an `async` block (one that can
/// raise, or whose `__aexit__` reads the exception): they would leave only
/// that block, where Python leaves the function or the loop after
/// `__aexit__`.
pub(super) fn jumps_out(
    demo: &crate::render::plan::ir::ast::Demo,
    fallible: &std::collections::HashSet<String>,
) -> Vec<super::Untranslatable> {
    use crate::render::plan::ir::ast::{Function, walk};
    use crate::render::plan::ir::raises::propagating_calls;
    let takes_exc = |r: &Function| {
        let mut found = false;
        walk(&r.exit, &mut |s| {
            found |= matches!(s.kind, StmtKind::ExitRaised { .. });
        });
        found
    };
    let fails = |b: &Block| {
        let mut found = false;
        walk(b, &mut |s| {
            found |= matches!(
                s.kind,
                StmtKind::Raise { .. } | StmtKind::RaiseValue(_) | StmtKind::Reraise
            ) || propagating_calls(&s.kind)
                .iter()
                .any(|c| fallible.contains(&c.name));
        });
        found
    };
    let mut out = Vec::new();
    for f in &demo.functions {
        f.walk(&mut |s| {
            let StmtKind::AsyncWith { source, body, .. } = &s.kind else {
                return;
            };
            let Some(r) = demo.function(&source.name) else {
                return;
            };
            if fails(body) || takes_exc(r) {
                let plain = demo.plain_managers.contains(&source.name);
                jumps(body, false, plain, &mut out);
            }
        });
    }
    out
}

/// The jumps out of `block` (`in_loop`: inside a loop of the block, whose
/// `break` and `continue` stay inside) of a plain `with` (`plain`) or an
/// `async with`.
fn jumps(block: &Block, in_loop: bool, plain: bool, out: &mut Vec<super::Untranslatable>) {
    let (with, exit) = match plain {
        true => ("`with`", "exit"),
        false => ("`async with`", "close"),
    };
    for s in block {
        let what = match &s.kind {
            StmtKind::Return(_) => Some("`return`"),
            StmtKind::Break(_) if !in_loop => Some("`break`"),
            StmtKind::Continue if !in_loop => Some("`continue`"),
            _ => None,
        };
        if let Some(what) = what {
            out.push(super::Untranslatable {
                span: s.span.clone(),
                construct: format!("{what} inside this {with} block"),
                reason: format!(
                    "the Rust listing runs a block that can raise as a block of its own \
                     (an `async` block, or a closure in a plain `fn`) whose `Result` it hands \
                     to `{exit}`; a jump would leave only that block: set a variable and act \
                     on it after the {with}"
                ),
            });
        }
        let is_loop = matches!(
            s.kind,
            StmtKind::For { .. } | StmtKind::While { .. } | StmtKind::AsyncFor { .. }
        );
        for b in s.blocks() {
            jumps(b, in_loop || is_loop, plain, out);
        }
    }
}
