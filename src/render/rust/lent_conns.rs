//! A coroutine given its caller's connection (`plan::conn_params`)
//! borrows it, `&mut`, where `mut_borrows` lends it: a call awaited on its
//! own. A call that makes it a task of its own, or gathers it with
//! others, would move the connection into the call, which the caller
//! still reads: refused there.

use super::mut_borrows::{calls_in, mut_params};
use super::types::{Ty, Types};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{Demo, StmtKind};

const LENT: &str = "the Rust listing lends a coroutine its caller's connection (`&mut`) \
                    for a call awaited as a statement of its own: a task of its own or a \
                    gather would need the connection itself, which the caller still holds";

/// The calls of coroutines given a connection that the listing cannot
/// lend them.
pub(super) fn unlent_conns(demo: &Demo, types: &Types) -> Vec<Untranslatable> {
    let lent = mut_params(demo, types);
    let mut handlers = Vec::new();
    for f in &demo.functions {
        f.walk(&mut |s| {
            if let StmtKind::Serve { handler, .. } = &s.kind {
                handlers.push(handler.name.clone());
            }
        });
    }
    let mut out = Vec::new();
    for f in &demo.functions {
        for (call, ..) in calls_in(f) {
            let Some(g) = demo.function(&call.name) else {
                continue;
            };
            let unlent = g.params.iter().enumerate().any(|(i, p)| {
                types.var(&g.name, p) == Ty::Conn && !lent.contains(&(g.name.clone(), i))
            });
            if unlent && !handlers.contains(&g.name) {
                out.push(Untranslatable {
                    span: call.span.clone(),
                    construct: format!("this call of `{}`", g.name),
                    reason: LENT.into(),
                });
            }
        }
    }
    out
}
