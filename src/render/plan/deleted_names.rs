//! `del name` of a local variable at the top level of its function: Rust
//! has no statement for it (a value is freed where its variable goes out
//! of scope), and a later read of the name raises `UnboundLocalError`
//! (a `NameError`), which the listing writes as that `raise` where the
//! read is `print(...)` of names, `return name` or the name as a
//! statement. Any other later mention of the name, a binding too, is
//! refused where it is.

use super::scope::Scope;
use super::stmt::Step;
use super::{Planner, Result, refuse};
use crate::program::{self as py, Arg, ExprKind as E, Name, StmtKind as P};
use crate::render::plan::ir::ast::StmtKind;
use crate::render::plan::ir::expr::Expr;
use crate::render::plan::ir::value::Value;

impl Planner<'_> {
    /// `del name` (statement `s`): nothing in the listing, the name's
    /// later reads raising.
    pub(super) fn delete_name(&self, sc: &mut Scope, s: &py::Stmt, name: &str) -> Result<Step> {
        if sc.blocks != 1 || sc.depth > 0 || sc.loops_open > 0 || sc.module {
            return refuse(
                &s.span,
                "`del`",
                "the Rust listing deletes a variable at the top level of its function only, \
                 where every later read of it raises",
            );
        }
        sc.deleted.push(name.to_string());
        Ok((None, 1))
    }

    /// A statement after `del name` that mentions the name: the `raise` of
    /// its `UnboundLocalError` where it only reads it (see the module's
    /// comment), `None` where it does not mention it or mentions it only
    /// inside its own blocks, refused otherwise.
    pub(super) fn deleted_read(&self, sc: &Scope, s: &py::Stmt) -> Result<Option<StmtKind>> {
        let Some(name) = sc
            .deleted
            .iter()
            .find(|n| self.mentions(std::iter::once(s), n))
        else {
            return Ok(None);
        };
        if failing_read(s, name) {
            return Ok(Some(raise(name)));
        }
        let blocks = py::blocks(s);
        let inside = blocks.iter().any(|b| self.mentions(b.iter(), name));
        let own = self.own_mentions(s, name, &blocks);
        if !blocks.is_empty() && inside && !own {
            return Ok(None);
        }
        refuse(
            &s.span,
            "a use of a variable after its `del`",
            "Python raises `UnboundLocalError` where the name is read; the Rust listing writes \
             that `raise` in place of `print(...)` of names, `return name` or the name as a \
             statement, and binds no deleted name again",
        )
    }

    /// Whether `s` mentions `name` outside its `blocks`.
    fn own_mentions(&self, s: &py::Stmt, name: &str, blocks: &[&[py::Stmt]]) -> bool {
        let mut text = self.text(&s.span).to_string();
        // The blocks' text blanked, from the last so that places hold.
        let base = s.span.start;
        let mut spans: Vec<_> = blocks
            .iter()
            .flat_map(|b| b.iter().map(|x| x.span.clone()))
            .collect();
        spans.sort_by_key(|r| std::cmp::Reverse(r.start));
        for r in spans {
            let (Some(a), Some(b)) = (r.start.checked_sub(base), r.end.checked_sub(base)) else {
                return true;
            };
            if b > text.len() || !text.is_char_boundary(a) || !text.is_char_boundary(b) {
                return true;
            }
            text.replace_range(a..b, &" ".repeat(b - a));
        }
        super::cancel_token::mentions(&text, name) > 0
    }
}

/// The `raise` of the `UnboundLocalError` of reading `name`.
fn raise(name: &str) -> StmtKind {
    let message =
        format!("cannot access local variable '{name}' where it is not associated with a value");
    StmtKind::Raise {
        class: "UnboundLocalError".into(),
        message: Some(Expr::lit(Value::Str(message.into()))),
    }
}

/// Whether reading the deleted `name` is the first thing `s` does that
/// can fail, and all it does before: `print(...)` of literals and local
/// names, `return name` or `name` as a statement.
fn failing_read(s: &py::Stmt, name: &str) -> bool {
    let is_name = |e: &py::Expr| matches!(&e.kind, E::Name(Name::Local(_, n)) if &**n == name);
    match &s.kind {
        P::Return(Some(e)) | P::Expr(e) if is_name(e) => true,
        P::Expr(e) => {
            let E::Call(f, args) = &e.kind else {
                return false;
            };
            if !matches!(&f.kind, E::Name(Name::Global(p)) if &**p == "print") {
                return false;
            }
            for a in args {
                let Arg::Positional(a) = a else { return false };
                match &a.kind {
                    _ if is_name(a) => return true,
                    E::Literal(_) | E::Name(Name::Local(..)) => {}
                    _ => return false,
                }
            }
            false
        }
        _ => false,
    }
}
