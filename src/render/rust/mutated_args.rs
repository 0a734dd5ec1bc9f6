//! A list, dict or object passed to a function that changes it in place
//! (`jobs.pop()` or `acct.balance += 1` on its parameter): Python passes
//! the one object, so the caller sees the change; the listing passes a
//! copy, so it would not. Where the caller reads the variable again, or passes it to more
//! than one call, the argument is refused.

use super::analysis::mutated_lists;
use super::expr_walk::{each_block_expr, each_expr_of};
use super::types::{Ty, Types};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{Block, Calls, Demo, Function, StmtKind, walk};
use crate::render::plan::ir::expr::{Builtin, Expr, ExprKind};

/// How many times `f` names the variable `var` in its expressions and
/// call arguments (one in a loop, or a call made once per item, counts twice).
pub(super) fn uses(f: &Function, var: &str) -> usize {
    let mut n = 0;
    let reads = |x: &Expr| usize::from(matches!(&x.kind, ExprKind::Var(v) if v == var));
    each_expr_of(f, &mut |x| n += reads(x));
    f.walk(&mut |s| {
        // A statement run once per item of a loop passes the variable
        // again on each pass.
        if let StmtKind::For { body, .. } | StmtKind::While { body, .. } = &s.kind {
            each_block_expr(body, &mut |x| n += reads(x));
        }
        if let StmtKind::Gather {
            calls: Calls::Each { .. },
            ..
        }
        | StmtKind::AsCompleted {
            calls: Calls::Each { .. },
            ..
        }
        | StmtKind::Wait {
            calls: Calls::Each { .. },
            ..
        } = &s.kind
        {
            n += 1;
        }
    });
    n
}

/// The variables of `block` whose fields it sets (`acct.balance += 1`).
fn set_fields(block: &Block) -> Vec<String> {
    let mut out = Vec::new();
    walk(block, &mut |s| {
        if let StmtKind::SetField { object, .. } = &s.kind
            && let ExprKind::Var(v) = &object.kind
        {
            out.push(v.clone());
        }
    });
    out
}

/// Every list, dict or object variable passed to a parameter its function changes
/// in place, where the caller reads it again or shares it.
pub(super) fn mutated_args(demo: &Demo, types: &Types) -> Vec<Untranslatable> {
    let mut changing: Vec<(&str, Vec<usize>)> = demo
        .functions
        .iter()
        .map(|g| {
            let mut changed = mutated_lists(&g.body);
            changed.extend(set_fields(&g.body));
            // Through a method that changes its object, or a list field.
            changed.extend(super::objects::mutated_objects(demo, &g.body));
            let at = (0..g.params.len())
                .filter(|&i| changed.contains(&g.params[i]))
                .collect();
            (g.name.as_str(), at)
        })
        .collect();
    // A parameter passed on to a function that changes it is changed too.
    for _ in 0..demo.functions.len() {
        let mut grown = false;
        for g in &demo.functions {
            for (call, ..) in super::mut_borrows::calls_in(g) {
                let Some((_, at)) = changing.iter().find(|(n, _)| *n == call.name) else {
                    continue;
                };
                let passed: Vec<usize> = at
                    .iter()
                    .filter_map(|&j| match call.args.get(j).map(|a| &a.kind) {
                        Some(ExprKind::Var(v)) => g.params.iter().position(|p| p == v),
                        _ => None,
                    })
                    .collect();
                if let Some((_, mine)) = changing.iter_mut().find(|(n, _)| *n == g.name) {
                    for i in passed {
                        if !mine.contains(&i) {
                            mine.push(i);
                            grown = true;
                        }
                    }
                }
            }
        }
        if !grown {
            break;
        }
    }
    changing.retain(|(_, at)| !at.is_empty());
    // A parameter taken as `&mut` sees the caller's own (see `mut_borrows`).
    let lent = super::mut_borrows::mut_params(demo, types);
    // A parameter taken as `&Mutex<T>` shares the caller's (see `locked_args`).
    let locked = super::locked_args::locked_args(demo, types, &lent).params;
    let mut out = Vec::new();
    for f in &demo.functions {
        f.walk(&mut |s| {
            for call in super::promoted::calls_of(s) {
                let Some((_, at)) = changing.iter().find(|(g, _)| *g == call.name) else {
                    continue;
                };
                let given = at
                    .iter()
                    .filter(|&&i| !lent.contains(&(call.name.clone(), i)))
                    .filter(|&&i| !locked.contains(&(call.name.clone(), i)))
                    .filter_map(|&i| call.args.get(i));
                for arg in given {
                    let v = match &arg.kind {
                        ExprKind::Var(v) => v.as_str(),
                        ExprKind::Field(..) | ExprKind::Call(Builtin::Index, _) => "",
                        _ => continue,
                    };
                    let ty = types.expr_ty(&f.name, arg);
                    let what = match ty {
                        Ty::List(_) | Ty::Dict(..) => "a list or dict",
                        Ty::Object(_) => "an object",
                        Ty::Set(_) => "a set",
                        _ => continue,
                    };
                    if v.is_empty() || uses(f, v) > 1 {
                        // A field or an item: its holder sees the change.
                        let pass = if v.is_empty() {
                            "a `&mut` reference to it".to_string()
                        } else {
                            format!("`&mut {v}`")
                        };
                        out.push(Untranslatable {
                            span: arg.span.clone(),
                            construct: format!("{what} changed by `{}`", call.name),
                            reason: if types.tasked.contains(&call.name) {
                                tasked_reason(&call.name)
                            } else {
                                format!(
                                    "`{}` changes its parameter in place and Python passes \
                                     the same object, so the caller sees the change; the \
                                     listing passes a copy: in Rust, pass {pass} to one \
                                     call at a time, or share it as `Arc<Mutex<...>>` \
                                     between tasks",
                                    call.name
                                )
                            },
                        });
                    }
                }
            }
        });
    }
    out
}

/// Why a task of its own cannot change its caller's list, dict or object.
fn tasked_reason(name: &str) -> String {
    format!(
        "`{name}` runs as a task of its own and changes its parameter in place, which Python \
         shares with the caller; a Tokio task owns what it is given (`'static`), so it cannot \
         borrow the caller's, and the listing would hand it a copy: in Rust, share it as \
         `Arc<Mutex<...>>` (each task holding a clone of the `Arc`, the lock taken for each \
         change and never held across an `.await`)"
    )
}
