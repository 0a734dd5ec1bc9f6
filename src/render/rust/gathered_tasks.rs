//! `await asyncio.gather(*tasks)` of a list of tasks the function reads
//! again after (their state, their names): `try_join_all` takes the
//! handles through `&mut`, so the list is still there.

use super::analysis::{each_expr, stmt_exprs};
use crate::render::plan::ir::ast::{Block, walk};
use crate::render::plan::ir::expr::ExprKind;

/// The lists of tasks `block` gathers and reads again later.
pub(super) fn gathered_then_read(block: &Block) -> Vec<String> {
    let mut gathered: Vec<String> = Vec::new();
    let mut out = Vec::new();
    walk(block, &mut |s| {
        // The lists this statement gathers count from the next one on.
        let mut here = Vec::new();
        for (e, _) in stmt_exprs(s) {
            each_expr(e, &mut |x| match &x.kind {
                ExprKind::GatherAll(list) => {
                    if let ExprKind::Var(n) = &list.kind {
                        here.push(n.clone());
                    }
                }
                ExprKind::Var(n) if gathered.contains(n) && !out.contains(n) => out.push(n.clone()),
                _ => {}
            });
        }
        gathered.extend(here);
    });
    out
}
