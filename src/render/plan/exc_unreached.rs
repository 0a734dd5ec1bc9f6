//! A statement after a `raise` (or one written as a `raise`, as `1 / 0`)
//! in the same block: Python never runs it,
//! and the Rust listing's `return Err(...)` before it would make it code
//! the compiler warns is unreachable. Refused at its place.

use super::Untranslatable;
use super::ir::ast::{Block, Demo, StmtKind, walk};

/// The first statement after a `raise` (or a re-raise) in each block of
/// `demo`.
pub(super) fn after_raise(demo: &Demo) -> Vec<Untranslatable> {
    let mut out = Vec::new();
    let mut check = |block: &Block| {
        let raised = block
            .iter()
            .position(|s| matches!(s.kind, StmtKind::Raise { .. } | StmtKind::Reraise));
        if let Some(next) = raised.and_then(|at| block.get(at + 1)) {
            out.push(Untranslatable {
                span: next.span.clone(),
                construct: "a statement after one that always raises".into(),
                reason: "Python never runs it, and Rust warns that code after the listing's \
                         `return Err(...)` is unreachable: remove it"
                    .into(),
            });
        }
    };
    for f in &demo.functions {
        for block in [&f.body, &f.exit] {
            check(block);
            walk(block, &mut |s| {
                for inner in s.blocks() {
                    check(inner);
                }
            });
        }
    }
    out
}
