//! An item read from an empty dict literal (`{}["k"]`): Python raises
//! `KeyError` at once, and Rust's `IndexMap::new()` has no key or value
//! type to index by. Refused at the read, unless a `try` takes what it
//! raises (then the listing gives the `Err` in its place).

use super::analysis::stmt_exprs;
use super::expr_walk::each_expr;
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{Block, Demo, StmtKind, walk};
use crate::render::plan::ir::expr::{Builtin, Expr, ExprKind};

/// Whether `x` reads an item of an empty dict literal.
fn empty_read(x: &Expr) -> bool {
    let ExprKind::Call(Builtin::Index, args) = &x.kind else {
        return false;
    };
    matches!(args.first().map(|a| &a.kind), Some(ExprKind::Call(Builtin::Dict, items)) if items.is_empty())
}

/// The places of the reads in `block`.
fn reads_in(block: &Block, out: &mut Vec<std::ops::Range<usize>>) {
    walk(block, &mut |s| {
        for (e, _) in stmt_exprs(s) {
            each_expr(e, &mut |x| {
                if empty_read(x) {
                    out.push(x.span.clone());
                }
            });
        }
    });
}

/// Every read of an item of an empty dict literal outside a `try`.
pub(super) fn empty_dict_reads(demo: &Demo) -> Vec<Untranslatable> {
    let mut out = Vec::new();
    for f in &demo.functions {
        for block in [&f.body, &f.exit] {
            let mut caught = Vec::new();
            walk(block, &mut |s| {
                if let StmtKind::Catch { body, .. } = &s.kind {
                    reads_in(body, &mut caught);
                }
            });
            walk(block, &mut |s| {
                for (e, _) in stmt_exprs(s) {
                    each_expr(e, &mut |x| {
                        if empty_read(x) && !caught.contains(&x.span) {
                            out.push(Untranslatable {
                                span: x.span.clone(),
                                construct: "a read of a dict that never holds a value".into(),
                                reason: "Python raises `KeyError` here whatever the key, and \
                                         Rust's empty `IndexMap` has no key or value type to \
                                         read by: raise the `KeyError` itself"
                                    .into(),
                            });
                        }
                    });
                }
            });
        }
    }
    out
}
