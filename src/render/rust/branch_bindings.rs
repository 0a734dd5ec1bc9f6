//! A variable first bound inside the branches of an `if` and read after
//! it. Rust scopes a `let` to its branch, so the variable is declared
//! before the `if` (`let reply;`) and each branch assigns it: Rust's
//! deferred initialisation, which builds when every path assigns before
//! the read. Where a path through the `if` leaves it unbound (Python
//! raises `UnboundLocalError` at the read), the program is refused there;
//! so is a read after a loop whose `if` binds the variable, which no `let`
//! before the `if` reaches.

use super::Renderer;
use super::analysis::{binds, stmt_exprs};
use super::names::ident;
use super::types::Ty;
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{Block, Demo, Function, Stmt, StmtId, StmtKind, walk};
use std::collections::HashSet;
use std::ops::Range;

/// A variable an `if` binds first for the statements after it.
pub(super) struct BranchBinding {
    /// The `if` statement's id.
    pub stmt: StmtId,
    pub var: String,
    /// Every path through the `if` binds it (or leaves the block).
    pub every_path: bool,
    /// Bound again after its first binding on some path.
    pub rebound: bool,
    /// The first read after the `if`, or the first beyond the block
    /// holding it.
    pub read: Range<usize>,
    /// Read outside the block holding the `if` (after a loop around it).
    pub beyond: bool,
}

/// Every variable of `f` first bound inside an `if`'s branches and read
/// only after that `if`, in the same block.
pub(super) fn branch_bindings(f: &Function) -> Vec<BranchBinding> {
    let mut out = Vec::new();
    for block in [&f.body, &f.exit] {
        each_block(block, &mut |b| {
            for (i, s) in b.iter().enumerate() {
                if let StmtKind::If {
                    then, otherwise, ..
                } = &s.kind
                {
                    out.extend(bindings_of(f, s, then, otherwise, &b[i + 1..]));
                }
            }
        });
    }
    out
}

fn bindings_of(
    f: &Function,
    s: &Stmt,
    then: &Block,
    otherwise: &Block,
    after: &[Stmt],
) -> Vec<BranchBinding> {
    // In the order the branches first bind them.
    let mut names: Vec<String> = Vec::new();
    for block in [then, otherwise] {
        walk(block, &mut |x| {
            if let Some(n) = binds(x)
                && super::tuples::pattern_names(n).is_none()
                && !f.params.contains(n)
                && !names.contains(n)
            {
                names.push(n.clone());
            }
        });
    }
    let ids = |stmts: &[Stmt]| {
        let mut ids = HashSet::new();
        for st in stmts {
            ids.insert(st.id);
            for inner in st.blocks() {
                walk(inner, &mut |x| {
                    ids.insert(x.id);
                });
            }
        }
        ids
    };
    let inside = ids(std::slice::from_ref(s));
    let later = ids(after);
    let mut out = Vec::new();
    for var in names {
        // Bound or read anywhere but in the `if` and after it: not first
        // bound here.
        let mut bound_elsewhere = false;
        let mut read_elsewhere = None;
        let mut read = None;
        let mut bound_after = false;
        f.walk(&mut |x| {
            let reads = reads_of(x, &var);
            let binds_it = binds(x) == Some(&var) || loop_binds(x, &var);
            if later.contains(&x.id) {
                if read.is_none() {
                    read = reads.first().cloned();
                }
                bound_after |= binds_it;
            } else if !inside.contains(&x.id) {
                bound_elsewhere |= binds_it;
                if read_elsewhere.is_none() && !reads.is_empty() {
                    read_elsewhere = reads.first().cloned().map(|r| (r, x.id));
                }
            }
        });
        if bound_elsewhere {
            continue;
        }
        // Read where a `let` before the `if` would not reach (after the
        // loop holding it): no deferred initialisation serves.
        let beyond = match &read_elsewhere {
            Some((_, at)) => loop_between(f, s.id, *at),
            None => false,
        };
        if read_elsewhere.is_some() && !beyond {
            continue;
        }
        let Some(read) = read_elsewhere.map(|(r, _)| r).or(read) else {
            continue;
        };
        let every_path = every_path(then, &var) && every_path(otherwise, &var);
        let rebound =
            bound_after || most_on_a_path(then, &var).max(most_on_a_path(otherwise, &var)) > 1;
        out.push(BranchBinding {
            stmt: s.id,
            var,
            every_path,
            rebound,
            read,
            beyond,
        });
    }
    out
}

/// Whether a loop holds statement `inner` but not statement `outer`.
fn loop_between(f: &Function, inner: StmtId, outer: StmtId) -> bool {
    let mut found = false;
    f.walk(&mut |x| {
        if matches!(
            x.kind,
            StmtKind::For { .. } | StmtKind::While { .. } | StmtKind::AsyncFor { .. }
        ) {
            let mut ids = HashSet::new();
            for b in x.blocks() {
                walk(b, &mut |y| {
                    ids.insert(y.id);
                });
            }
            found |= ids.contains(&inner) && !ids.contains(&outer);
        }
    });
    found
}

/// Calls `f` on `block` and every block nested in it.
fn each_block<'a>(block: &'a Block, f: &mut impl FnMut(&'a Block)) {
    f(block);
    for s in block {
        for inner in s.blocks() {
            each_block(inner, f);
        }
    }
}

/// Where the statement's own expressions read `var`.
fn reads_of(s: &Stmt, var: &str) -> Vec<Range<usize>> {
    let mut vars = Vec::new();
    for (e, _) in stmt_exprs(s) {
        e.variables(&mut vars);
    }
    vars.into_iter()
        .filter(|(v, _)| v == var)
        .map(|(_, span)| span)
        .collect()
}

/// A `for` loop binding `var` as its variable.
fn loop_binds(s: &Stmt, var: &str) -> bool {
    matches!(&s.kind, StmtKind::For { var: v, .. } if v == var)
}

/// Whether `var` is bound on every path through `block` before any read
/// of it, a path that leaves the block counting as bound.
fn every_path(block: &Block, var: &str) -> bool {
    for s in block {
        if !reads_of(s, var).is_empty() {
            return false;
        }
        if binds(s).is_some_and(|v| v == var) {
            return true;
        }
        match &s.kind {
            StmtKind::Return(_)
            | StmtKind::Raise { .. }
            | StmtKind::RaiseValue(_)
            | StmtKind::Reraise
            | StmtKind::Break(_)
            | StmtKind::Continue => return true,
            StmtKind::If {
                then, otherwise, ..
            } => {
                if every_path(then, var) && every_path(otherwise, var) {
                    return true;
                }
                if touches(then, var) || touches(otherwise, var) {
                    return false;
                }
            }
            _ => {
                if s.blocks().into_iter().any(|b| touches(b, var)) {
                    return false;
                }
            }
        }
    }
    false
}

/// Whether `block` reads or binds `var` anywhere.
fn touches(block: &Block, var: &str) -> bool {
    let mut found = false;
    walk(block, &mut |s| {
        found |= binds(s).is_some_and(|v| v == var) || !reads_of(s, var).is_empty();
    });
    found
}

/// The most bindings of `var` one path through `block` makes (a loop's
/// counting as many).
fn most_on_a_path(block: &Block, var: &str) -> usize {
    let mut n = 0;
    for s in block {
        if binds(s).is_some_and(|v| v == var) {
            n += 1;
        }
        match &s.kind {
            StmtKind::If {
                then, otherwise, ..
            } => n += most_on_a_path(then, var).max(most_on_a_path(otherwise, var)),
            _ => {
                for b in s.blocks() {
                    let mut inner = 0;
                    walk(b, &mut |x| {
                        inner += usize::from(binds(x).is_some_and(|v| v == var));
                    });
                    n += 2 * inner;
                }
            }
        }
    }
    n
}

/// Every read of a variable that some path through the `if` before it
/// leaves unbound, or that follows the loop holding that `if`.
pub(super) fn unbound_reads(demo: &Demo) -> Vec<Untranslatable> {
    let mut out = Vec::new();
    for f in &demo.functions {
        for b in branch_bindings(f) {
            if b.beyond {
                out.push(Untranslatable {
                    span: b.read,
                    construct: format!("`{}` read after the loop whose `if` binds it", b.var),
                    reason: format!(
                        "Rust's `let` ends with the loop's block, and a variable declared \
                         before the loop is not bound when the loop runs no turn (Python's \
                         `UnboundLocalError`): give `{}` a value before the loop",
                        b.var
                    ),
                });
                continue;
            }
            if b.every_path {
                continue;
            }
            out.push(Untranslatable {
                span: b.read,
                construct: format!(
                    "`{}` read where a path through the `if` leaves it unbound",
                    b.var
                ),
                reason: format!(
                    "a path through the `if` before it does not bind `{}`, so this read can \
                     find it unbound (Python's `UnboundLocalError`, or a value left by an \
                     earlier turn of a loop); Rust reads only a variable bound on every path \
                     before the read: give it a value before the `if` or in every branch",
                    b.var
                ),
            });
        }
    }
    out
}

impl Renderer<'_> {
    /// `let reply;` before an `if` whose branches bind `reply` first.
    pub(super) fn declare_branch_bound(&mut self, s: &Stmt) {
        let Some(f) = self.demo.functions.iter().find(|f| f.name == self.func) else {
            return;
        };
        for b in branch_bindings(f) {
            if b.stmt != s.id
                || !b.every_path
                || b.beyond
                || self.declared.contains(&b.var)
                || self.fields.contains(&b.var)
                || self.is_static(&b.var)
            {
                continue;
            }
            let m = if b.rebound { "mut " } else { "" };
            let ty = match self.var_ty(&b.var) {
                Ty::Str | Ty::Bool | Ty::Unknown => String::new(),
                t => format!(": {}", t.rust()),
            };
            self.line(format!("let {m}{}{ty};", ident(&b.var)));
            self.declared.insert(b.var);
        }
    }
}
