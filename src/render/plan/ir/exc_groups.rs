//! Task groups whose children can fail: the group waits for them all and
//! raises what they raised together, as an `ExceptionGroup` (Rust: a
//! `JoinSet` whose `Err`s are collected into `Error::ExceptionGroup`).

use super::ast::{Block, Demo, StmtKind, walk};
use super::raises::propagating_calls;
use std::collections::HashSet;

/// The class of what a failing task group raises.
pub const GROUP: &str = "ExceptionGroup";

/// Whether the body of a task group starts children that can fail, every
/// child being of a function of `fallible`, and otherwise only prints, sets
/// variables and loops without awaiting: asyncio cancels a body that is
/// still awaiting when a child fails, which a `JoinSet` does not do.
pub fn collects(body: &Block, fallible: &HashSet<String>) -> bool {
    let mut children = 0;
    let mut other = false;
    walk(body, &mut |s| match &s.kind {
        StmtKind::GroupSpawn { call, .. } if fallible.contains(&call.name) => children += 1,
        StmtKind::Print(_) | StmtKind::Set { .. } | StmtKind::For { .. } | StmtKind::If { .. }
            if propagating_calls(&s.kind).is_empty() => {}
        _ => other = true,
    });
    children > 0 && !other
}

/// Whether the program has exception groups: a task group that collects
/// its children's exceptions (see [`collects`]), or an `except*` clause.
pub fn any_groups(demo: &Demo, fallible: &HashSet<String>) -> bool {
    let mut found = false;
    for f in &demo.functions {
        walk(&f.body, &mut |s| match &s.kind {
            StmtKind::TaskGroup { body, .. } => found |= collects(body, fallible),
            StmtKind::Catch { handlers, .. } => found |= handlers.iter().any(|h| h.star),
            _ => {}
        });
    }
    found
}
