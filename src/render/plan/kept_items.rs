//! A loop variable read after its loop (`async for n in xs: ...` then
//! `print(n)`): Python's variable keeps the last item, a Rust loop binds
//! its variable inside the loop only. Where the function binds the name
//! with loops of its own top-level block only (not as a parameter, not by
//! an assignment), the listing keeps the item in an `Option` declared
//! before the first of those loops (`let mut last_n = None;`), which each
//! of them sets first in its body (`last_n = Some(n);`), so that an empty
//! loop leaves what an earlier one kept, as in Python; a read after the
//! loop takes it (`let n = last_n.expect(...)`), where Python would raise
//! `UnboundLocalError` had no loop given an item.

use super::loop_var_after::read_after;
use super::{Result, refuse};
use crate::program::{self as py, Name, StmtId, StmtKind as P, Target};
use crate::render::plan::ir::ast::{Block, KeepStep, Stmt, StmtKind};
use std::sync::Arc;

/// One variable kept after its loops.
pub(super) struct Kept {
    /// The loops that set it, in order: those binding it up to the last
    /// loop read after.
    setters: Vec<StmtId>,
    /// The loops read after, with whether their `else` reads it and
    /// whether the statements after them do.
    kept: Vec<(StmtId, bool, bool)>,
    /// Where the first loop stands, for a refusal.
    span: std::ops::Range<usize>,
}

/// The variables of the top-level loops of `body`, a function's whose
/// parameters are `params`, that the listing keeps after their loops.
pub(super) fn kept_items(params: &[String], body: &[py::Stmt]) -> Vec<Kept> {
    let bound = super::module::bound(body, false);
    let mut names: Vec<Arc<str>> = Vec::new();
    let mut out: Vec<Kept> = Vec::new();
    for (i, s) in body.iter().enumerate() {
        let Some((n, is_async, orelse)) = loop_name(s) else {
            continue;
        };
        let in_else = read_after(is_async, n, orelse, &[]);
        let after = read_after(is_async, n, &[], &body[i + 1..]);
        if !(in_else || after) || params.iter().any(|p| p == &**n) {
            continue;
        }
        // Every binding of the name is a top-level loop.
        let loops: Vec<usize> = (0..body.len())
            .filter(|&j| loop_name(&body[j]).is_some_and(|(m, ..)| m == n))
            .collect();
        if bound.get(n) != Some(&loops.len()) {
            continue;
        }
        let k = match names.iter().position(|m| m == n) {
            Some(k) => k,
            None => {
                names.push(n.clone());
                out.push(Kept {
                    setters: Vec::new(),
                    kept: Vec::new(),
                    span: body[loops[0]].span.clone(),
                });
                out.len() - 1
            }
        };
        let kept = &mut out[k];
        kept.kept.push((s.id, in_else, after));
        kept.setters = loops
            .iter()
            .filter(|&&j| j <= i)
            .map(|&j| body[j].id)
            .collect();
    }
    out
}

/// The loops of `kept`, whose own variable the plan reads after them.
pub(super) fn kept_loops(kept: &[Kept]) -> Vec<StmtId> {
    kept.iter()
        .flat_map(|k| k.kept.iter().map(|(id, ..)| *id))
        .collect()
}

/// The name a top-level `for` or `async for` binds (a local of its
/// own), whether it is `async`, and its `else`.
fn loop_name(s: &py::Stmt) -> Option<(&Arc<str>, bool, &[py::Stmt])> {
    match &s.kind {
        P::For {
            is_async,
            target: Target::Name(Name::Local(_, n)),
            orelse,
            ..
        } => Some((n, *is_async, orelse)),
        _ => None,
    }
}

/// Writes the steps of `kept` into `body`, the plan of the function's
/// top-level block: the `Option` declared before the first setter, set
/// first in each setter's body, and taken after each loop read after.
pub(super) fn keep_items(body: &mut Block, kept: &[Kept]) -> Result<()> {
    for k in kept {
        let var_of = |id: &StmtId| {
            body.iter()
                .find(|s| s.id == *id)
                .and_then(loop_of)
                .and_then(loop_var)
        };
        let var = var_of(&k.setters[0]);
        let loops = k.setters.iter().chain(k.kept.iter().map(|(id, ..)| id));
        let Some(var) = var.filter(|v| loops.into_iter().all(|id| var_of(id).as_ref() == Some(v)))
        else {
            return refuse(
                &k.span,
                "a loop variable used after its loop",
                "the Rust listing keeps the last item of a plain `for` or `async for` only",
            );
        };
        let step = |step: KeepStep, of: &Stmt| Stmt {
            id: of.id,
            span: of.span.clone(),
            kind: StmtKind::KeepLast {
                var: var.clone(),
                step,
            },
        };
        let mut out = Vec::with_capacity(body.len() + 2);
        for mut s in std::mem::take(body) {
            if s.id == k.setters[0] && !out.iter().any(|o: &Stmt| o.id == s.id) {
                out.push(step(KeepStep::Declare, &s));
            }
            let take_after = k.kept.iter().any(|&(id, _, after)| id == s.id && after);
            let take_in_else = k.kept.iter().any(|&(id, in_else, _)| id == s.id && in_else);
            if k.setters.contains(&s.id)
                && let Some(lp) = loop_of_mut(&mut s)
            {
                let keep = step(KeepStep::Keep, lp);
                if let StmtKind::For { body, .. } | StmtKind::AsyncFor { body, .. } = &mut lp.kind {
                    body.insert(0, keep);
                }
            }
            if take_in_else && let StmtKind::Labeled { body, .. } = &mut s.kind {
                let take = step(KeepStep::Take, &body[0]);
                body.insert(1, take);
            }
            let take = take_after.then(|| step(KeepStep::Take, &s));
            out.push(s);
            out.extend(take);
        }
        *body = out;
    }
    Ok(())
}

/// The loop a top-level statement's plan is: itself, or the first
/// statement of the labeled block of a loop with `else`.
fn loop_of(s: &Stmt) -> Option<&Stmt> {
    match &s.kind {
        StmtKind::For { .. } | StmtKind::AsyncFor { .. } => Some(s),
        StmtKind::Labeled { body, .. } => body.first().filter(|l| loop_var(l).is_some()),
        _ => None,
    }
}

/// [`loop_of`], to change.
fn loop_of_mut(s: &mut Stmt) -> Option<&mut Stmt> {
    if matches!(s.kind, StmtKind::Labeled { .. }) {
        let StmtKind::Labeled { body, .. } = &mut s.kind else {
            return None;
        };
        return body.first_mut();
    }
    Some(s)
}

/// The variable of a plan's `for` or `async for`.
fn loop_var(s: &Stmt) -> Option<String> {
    match &s.kind {
        StmtKind::For { var, .. } | StmtKind::AsyncFor { var, .. } => Some(var.clone()),
        _ => None,
    }
}
