//! What the listing may do with a set, a `BTreeSet`: test membership,
//! measure it, sort it, add and discard items. CPython orders a set by
//! its items' hashes, so a set is printed or iterated only where that
//! order is the sorted one a `BTreeSet` keeps: a set of ints below 8
//! (each its own hash, in a table of at least 8 slots) that the function
//! makes and then only adds such ints to, or only discards items from
//! (CPython puts an item added after a discard in another slot). Its other uses are listed as not
//! translated at their place, as are sets of items a `BTreeSet` cannot
//! hold in Python's order (floats, tasks) and the set operations the
//! listing has no form for yet (the methods other than `add` and
//! `discard`; `<` and `>` of sets not kept in variables, see
//! `set_inclusion`), and `|`, `&` and the inclusions of values other than
//! sets.

use super::analysis::{assigned_in, pattern_names, stmt_exprs};
use super::expr_walk::each_expr;
use super::types::{Ty, Types};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{Collection, Demo, Function, StmtKind};
use crate::render::plan::ir::expr::{BinaryOp, Builtin, Expr, ExprKind, Part, StrMethod};
use crate::render::plan::ir::value::Value;

/// Every use of a set in `demo` that the listing cannot write as Python
/// behaves.
pub(super) fn set_uses(demo: &Demo, types: &Types) -> Vec<Untranslatable> {
    let mut out = Vec::new();
    for f in &demo.functions {
        let is_set = |e: &Expr| matches!(types.expr_ty(&f.name, e), Ty::Set(_));
        // The items of an async set comprehension are checked where it is
        // collected (`collect`).
        let mut collected = Vec::new();
        f.walk(&mut |s| {
            if let StmtKind::Collect { into, .. } = &s.kind {
                collected.push(into.clone());
            }
        });
        let mut refuse = |e: &Expr, construct: &str, reason: &str| {
            out.push(Untranslatable {
                span: e.span.clone(),
                construct: construct.to_string(),
                reason: reason.to_string(),
            });
        };
        // A set shown or iterated in CPython's order.
        let shown = |e: &Expr, refuse: &mut dyn FnMut(&Expr, &str, &str)| {
            if is_set(e) && !sorted_in_cpython(f, e) {
                refuse(
                    e,
                    "a set printed or iterated",
                    "CPython orders a set by its items' hashes (a string's differs from run to \
                     run), a `BTreeSet` by value; the two agree for a set of ints below 8 that \
                     the function makes: print or iterate `sorted(...)` of it",
                );
            }
        };
        f.walk(&mut |s| {
            match &s.kind {
                StmtKind::Print(t) | StmtKind::Eprint(t) => {
                    for part in &t.parts {
                        if let Part::Hole(e) | Part::Spec(e, _) = part {
                            shown(e, &mut refuse);
                        }
                    }
                }
                StmtKind::For { over, .. } => shown(over, &mut refuse),
                _ => {}
            }
            for (e, _) in stmt_exprs(s) {
                each_expr(e, &mut |x| match &x.kind {
                    ExprKind::Template(t) => {
                        for part in &t.parts {
                            if let Part::Hole(e) | Part::Spec(e, _) = part {
                                shown(e, &mut refuse);
                            }
                        }
                    }
                    ExprKind::Call(
                        Builtin::Str
                        | Builtin::Repr
                        | Builtin::List
                        | Builtin::Enumerate
                        | Builtin::Zip
                        | Builtin::Reversed
                        | Builtin::Kept,
                        args,
                    ) => args.iter().for_each(|a| shown(a, &mut refuse)),
                    ExprKind::Comp { over, .. } => shown(over, &mut refuse),
                    // Items of equal keys come in the set's order.
                    ExprKind::Call(Builtin::Sorted | Builtin::Min | Builtin::Max, args)
                        if args.iter().any(|a| matches!(a.kind, ExprKind::Lambda(_))) =>
                    {
                        args.iter().take(1).for_each(|a| shown(a, &mut refuse))
                    }
                    ExprKind::StrMethod(StrMethod::Join, _, args) => {
                        args.iter().for_each(|a| shown(a, &mut refuse))
                    }
                    ExprKind::StrMethod(m, obj, _)
                        if is_set(obj)
                            && !matches!(
                                m,
                                StrMethod::Add | StrMethod::Discard | StrMethod::Remove
                            ) =>
                    {
                        refuse(
                            x,
                            "this method of a set",
                            "the Rust listing's sets take `add`, `discard` and `remove`",
                        );
                    }
                    ExprKind::Binary(
                        op @ (BinaryOp::Lt | BinaryOp::Le | BinaryOp::Gt | BinaryOp::Ge),
                        a,
                        b,
                    ) if (is_set(a) || is_set(b)) && !(is_set(a) && is_set(b)) => refuse(
                        x,
                        &format!("the operator `{}` of sets", op.python()),
                        "the Rust listing compares a set by inclusion with a set only",
                    ),
                    ExprKind::Binary(
                        op @ (BinaryOp::Lt | BinaryOp::Le | BinaryOp::Gt | BinaryOp::Ge),
                        a,
                        b,
                    ) if is_set(a)
                        && !same_items(types.expr_ty(&f.name, a), types.expr_ty(&f.name, b)) =>
                    {
                        refuse(
                            x,
                            &format!("the operator `{}` of sets", op.python()),
                            "the Rust listing compares by inclusion sets of items of one type",
                        )
                    }
                    ExprKind::Binary(
                        op @ (BinaryOp::Lt | BinaryOp::Le | BinaryOp::Gt | BinaryOp::Ge),
                        a,
                        b,
                    ) if is_set(a) && !super::set_inclusion::read_twice(*op, a, b) => refuse(
                        x,
                        &format!("the operator `{}` of sets", op.python()),
                        "the Rust listing writes a strict inclusion as `a != b && \
                         a.is_subset(&b)`, which reads each side twice: keep each set in a \
                         variable first",
                    ),
                    ExprKind::Var(v) if collected.contains(v) => {}
                    ExprKind::Call(op @ (Builtin::Union | Builtin::Intersection), args)
                        if !args.iter().all(is_set)
                            && !super::flags::flag_operands(demo, types, &f.name, args) =>
                    {
                        let symbol = if *op == Builtin::Union { "|" } else { "&" };
                        refuse(
                            x,
                            &format!("the operator `{symbol}`"),
                            "the Rust listing translates `|` and `&` of sets, and the \
                             arithmetic + - * / // % ** of numbers",
                        );
                    }
                    ExprKind::Binary(BinaryOp::Sub, a, b) if is_set(a) != is_set(b) => refuse(
                        x,
                        "the operator `-`",
                        "the Rust listing subtracts a set from a set",
                    ),
                    _ if is_set(x) => {
                        if let Ty::Set(item) = types.expr_ty(&f.name, x)
                            && !ordered(&item)
                        {
                            refuse(
                                x,
                                "a set of these items",
                                "a `BTreeSet` holds items Rust orders as Python sorts \
                                 them: ints, strings, booleans and tuples of them",
                            );
                        }
                    }
                    _ => {}
                });
            }
        });
    }
    out.sort_by_key(|u| (u.span.start, u.span.end));
    out.dedup_by_key(|u| u.span.clone());
    out
}

/// Whether two sets hold items of one type, as far as the listing knows.
fn same_items(a: Ty, b: Ty) -> bool {
    match (a.elem(), b.elem()) {
        (Ty::Unknown, _) | (_, Ty::Unknown) => true,
        (a, b) => a == b,
    }
}

/// Whether Rust orders values of `ty` as Python's `sorted` does.
fn ordered(ty: &Ty) -> bool {
    match ty {
        // Not known here: the variable it is kept in says.
        Ty::Int | Ty::Str | Ty::Bool | Ty::Unknown => true,
        Ty::Tuple(items) => items.iter().all(ordered),
        _ => false,
    }
}

/// Whether CPython keeps the set `e` in sorted order: it is made of ints
/// below 8 here, or is a variable that `f` only sets to such sets and only
/// adds such ints to, or only discards items from.
fn sorted_in_cpython(f: &Function, e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Var(v) => {
            let mut made = 0;
            let mut small = true;
            let (mut added, mut discarded) = (false, false);
            f.walk(&mut |s| {
                match &s.kind {
                    StmtKind::Set { var, value } if var == v => {
                        made += 1;
                        small &= small_set(value);
                    }
                    StmtKind::Set { .. } => {}
                    // `{x % k async for ...}`, of ints below 8 as planned.
                    StmtKind::Collect {
                        into,
                        collection: Collection::Set,
                        ..
                    } if into == v => made += 1,
                    StmtKind::For { var, .. } if pattern_names(var).any(|n| n == v) => {
                        small = false
                    }
                    // Bound another way: an awaited result, a received item.
                    _ => small &= !assigned_in(&vec![s.clone()]).contains(v),
                }
                for (e, _) in stmt_exprs(s) {
                    each_expr(e, &mut |x| {
                        if let ExprKind::StrMethod(m, obj, args) = &x.kind
                            && matches!(&obj.kind, ExprKind::Var(o) if o == v)
                        {
                            match m {
                                StrMethod::Add => {
                                    added = true;
                                    small &= args.iter().all(small_int);
                                }
                                StrMethod::Discard => discarded = true,
                                _ => {}
                            }
                        }
                    });
                }
            });
            // A discarded item leaves a marker in its slot, which CPython
            // skips when it adds that item again: it goes to another slot.
            made > 0 && small && !(added && discarded) && !f.params.iter().any(|p| p == v)
        }
        _ => small_set(e),
    }
}

/// A set of ints below 8 as written: a small-set comprehension, or
/// `{...}`, `set([...])` of such int literals.
fn small_set(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Call(Builtin::SmallSet, _) => true,
        ExprKind::Call(Builtin::Set, args) => match args.as_slice() {
            [] => true,
            [list] => matches!(&list.kind, ExprKind::List(items) if items.iter().all(small_int)),
            _ => false,
        },
        _ => false,
    }
}

/// An int literal from 0 to 7.
fn small_int(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Lit(Value::Int(0..=7)))
}
