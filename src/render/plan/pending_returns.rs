//! A `return` of the coroutine `asyncio.run` runs, once the tasks it
//! leaves pending are made (see `pending_tasks`): asyncio cancels them and
//! waits for them however the coroutine ends, so the listing cancels them
//! before each `return` as it does at the end of the body.

use crate::render::plan::ir::ast::{Block, Pending, Stmt, StmtKind};

/// Puts the cancellation of `tasks` before every `return` of `body`,
/// nested blocks included.
pub(super) fn cancel_before_returns(body: &mut Block, tasks: &[Pending]) {
    let mut i = 0;
    while i < body.len() {
        if matches!(body[i].kind, StmtKind::Return(_)) {
            let (id, span) = (body[i].id, body[i].span.clone());
            body.insert(
                i,
                Stmt {
                    id,
                    span,
                    kind: StmtKind::CancelPending(tasks.to_vec()),
                },
            );
            i += 2;
            continue;
        }
        for inner in body[i].blocks_mut() {
            cancel_before_returns(inner, tasks);
        }
        i += 1;
    }
}
