//! An iterator class whose calls give it lists of different item types
//! (`Paginator([["a"]])` here, `Paginator([[1]])` there), while its
//! `__anext__` only measures the list and hands its items on: the struct
//! is generic, `Paginator<T>`, its list a `Vec<T>` and its items `T`. Each
//! loop over one of its objects takes the items of the list that call gave.

use super::Renderer;
use super::arg_clash::clash;
use super::expr_walk::each_block_expr;
use super::promoted::calls_of;
use super::types::{Ty, Types};
use crate::render::plan::ir::ast::{Call, Demo, Function, FunctionKind, StmtKind, walk};
use crate::render::plan::ir::expr::{Builtin, Expr, ExprKind};

/// The list an iterator class stores from a parameter and only measures
/// and hands on.
pub(super) struct HandedList {
    /// The parameter's index in `__init__`.
    pub(super) param: usize,
    /// The field that keeps it.
    pub(super) field: String,
}

/// The list of the iterator class `name` that its calls give items of
/// different types, when its `__anext__` only measures the list and
/// returns its items: the class is then generic over the item type.
pub(super) fn generic_list(demo: &Demo, types: &Types, name: &str) -> Option<HandedList> {
    let list = handed_list(demo.function(name)?)?;
    let declared = types.params.get(name)?.get(list.param)?;
    // The body is written for the first call's items: only a container,
    // which it copies with `clone` whatever its items, reads the same as `T`.
    let Ty::List(item) = declared else {
        return None;
    };
    if !matches!(
        **item,
        Ty::List(_) | Ty::Dict(..) | Ty::Set(_) | Ty::Tuple(_)
    ) {
        return None;
    }
    let mut clashes = false;
    let mut mixed_var = false;
    for f in &demo.functions {
        f.walk(&mut |s| {
            for call in calls_of(s)
                .into_iter()
                .chain(loop_source(s).map(|(c, _)| c))
            {
                if call.name == name
                    && let Some(arg) = call.args.get(list.param)
                {
                    clashes |= clash(declared, &types.expr_ty(&f.name, arg));
                }
            }
            // A variable has one type: one bound by loops over lists of
            // two item types keeps the class plain, and refused.
            if let Some((call, var)) = loop_source(s)
                && call.name == name
            {
                let item = source_item(types, demo, &f.name, call);
                mixed_var |= clash(&types.var(&f.name, var), &item);
            }
        });
    }
    (clashes && !mixed_var).then_some(list)
}

/// The call a loop or an async comprehension reads, and its variable.
fn loop_source(s: &crate::render::plan::ir::ast::Stmt) -> Option<(&Call, &String)> {
    match &s.kind {
        StmtKind::AsyncFor { source, var, .. } | StmtKind::Collect { source, var, .. } => {
            Some((source, var))
        }
        _ => None,
    }
}

/// The type of the items a loop over `source` reads: the items of the
/// list this call gives a class that only hands its list's items on, else
/// the class's item type.
pub(super) fn source_item(types: &Types, demo: &Demo, f: &str, source: &Call) -> Ty {
    if let Some(list) = demo.function(&source.name).and_then(handed_list)
        && let Some(arg) = source.args.get(list.param)
        && let Ty::List(item) = types.expr_ty(f, arg)
        && *item != Ty::Unknown
    {
        return *item;
    }
    types.item_of(demo, &source.name)
}

/// The field of `f`, an iterator class, kept from a parameter and read
/// only by `len(self.field)` and by `self.field[i]` returned at once or
/// through a local only returned.
fn handed_list(f: &Function) -> Option<HandedList> {
    let returns = matches!(
        f.body.last().map(|s| &s.kind),
        Some(StmtKind::Return(Some(_)))
    );
    if f.kind != FunctionKind::Iterator || !returns {
        return None;
    }
    f.fields.iter().find_map(|(field, init)| {
        let ExprKind::Var(p) = &init.kind else {
            return None;
        };
        let param = f.params.iter().position(|q| q == p)?;
        only_handed_on(f, field).then(|| HandedList {
            param,
            field: field.clone(),
        })
    })
}

/// Whether `f`'s body reads `field` only as `len(field)` and as
/// `field[i]` that a `return` gives, at once or through a local.
fn only_handed_on(f: &Function, field: &str) -> bool {
    let is_field = |e: &Expr| matches!(&e.kind, ExprKind::Var(v) if v == field);
    let item_of_field = |e: &Expr| {
        matches!(&e.kind, ExprKind::Call(Builtin::Index, args)
            if args.first().is_some_and(is_field))
    };
    // Locals bound to an item, and the statements that may hold one.
    let mut locals: Vec<&String> = Vec::new();
    let mut ok = true;
    walk(&f.body, &mut |s| match &s.kind {
        StmtKind::Set { var, value } if item_of_field(value) => locals.push(var),
        StmtKind::Set { var, .. } if var == field => ok = false,
        _ => {}
    });
    if !ok {
        return false;
    }
    let mut reads = 0;
    let mut measured = 0;
    let mut indexed = 0;
    let mut local_reads = 0;
    each_block_expr(&f.body, &mut |e| match &e.kind {
        ExprKind::Var(v) if v == field => reads += 1,
        ExprKind::Var(v) if locals.contains(&v) => local_reads += 1,
        ExprKind::Call(Builtin::Len, args) if args.len() == 1 && is_field(&args[0]) => {
            measured += 1
        }
        ExprKind::Call(Builtin::Index, args) if args.first().is_some_and(is_field) => indexed += 1,
        _ => {}
    });
    // Every item read is bound to a local or returned; every read of a
    // local is a `return` of it.
    let mut placed = 0;
    let mut returned_locals = 0;
    walk(&f.body, &mut |s| match &s.kind {
        StmtKind::Set { value, .. } if item_of_field(value) => placed += 1,
        StmtKind::Set { var, .. } if locals.contains(&var) => ok = false,
        StmtKind::Return(Some(e)) if item_of_field(e) => placed += 1,
        StmtKind::Return(Some(e)) if matches!(&e.kind, ExprKind::Var(v) if locals.contains(&v)) => {
            returned_locals += 1
        }
        _ => {}
    });
    ok && indexed > 0
        && reads == measured + indexed
        && placed == indexed
        && local_reads == returned_locals
}

impl Renderer<'_> {
    /// A value given to a generic list: owned through and through, a
    /// list display's strings `String`s as the listing's other lists of
    /// strings are.
    pub(super) fn owned_deep(&mut self, arg: &Expr) -> String {
        match &arg.kind {
            ExprKind::List(items) if !items.is_empty() => {
                let items: Vec<String> = items.iter().map(|i| self.owned_deep(i)).collect();
                format!("vec![{}]", items.join(", "))
            }
            _ => self.expr(arg).owned(),
        }
    }
}
