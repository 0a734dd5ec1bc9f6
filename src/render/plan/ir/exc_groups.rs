//! Task groups whose children can fail: the group waits for them all and
//! raises what they raised together, as an `ExceptionGroup` (Rust: a
//! `JoinSet` whose `Err`s are collected into `Error::ExceptionGroup`).

use super::ast::{Block, Demo, Function, StmtKind, walk};
use super::raises::propagating_calls;
use std::collections::HashSet;

/// The class of what a failing task group raises.
pub const GROUP: &str = "ExceptionGroup";

/// Whether the body of a task group starts children of which some can
/// fail (of a function of `fallible`), and otherwise only prints, sets
/// variables and loops without awaiting: asyncio cancels a body that is
/// still awaiting when a child fails, which a `JoinSet` does not do.
pub fn collects(body: &Block, fallible: &HashSet<String>) -> bool {
    let mut children = 0;
    let mut other = false;
    walk(body, &mut |s| match &s.kind {
        StmtKind::GroupSpawn { call, .. } if fallible.contains(&call.name) => children += 1,
        StmtKind::GroupSpawn { .. } => {}
        StmtKind::Print(_) | StmtKind::Set { .. } | StmtKind::For { .. } | StmtKind::If { .. }
            if propagating_calls(&s.kind).is_empty() => {}
        _ => other = true,
    });
    children > 0 && !other
}

/// The task groups of `f` that collect their children's exceptions (see
/// [`collects`]), by name.
pub fn failing_groups(f: &Function, fallible: &HashSet<String>) -> HashSet<String> {
    let mut out = HashSet::new();
    walk(&f.body, &mut |s| {
        if let StmtKind::TaskGroup { group, body, .. } = &s.kind
            && collects(body, fallible)
        {
            out.insert(group.clone());
        }
    });
    out
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
