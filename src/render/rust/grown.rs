//! Containers grown in place (`xs.append(x)`, `xs.insert(i, x)`,
//! `xs.extend(ys)`, `d[k] = v`, `s.add(x)`,
//! `d.setdefault(k, []).append(x)`): each takes the type of what it is given,
//! a list (or a dict's values) given strings beside numbers `PyValue`s.

use super::types::{Ty, Types};
use crate::render::plan::ir::ast::Stmt;
use crate::render::plan::ir::expr::{ExprKind, StrMethod};

impl Types {
    /// Types the containers statement `s` of function `name` grows in place;
    /// whether a type changed.
    pub(super) fn grown_in_place(&mut self, name: &str, s: &Stmt) -> bool {
        let mut changed = false;
        let mut grown = Vec::new();
        let mut entries = Vec::new();
        for (e, _) in super::analysis::stmt_exprs(s) {
            super::expr_walk::each_expr(e, &mut |x| {
                if let ExprKind::StrMethod(m, obj, args) = &x.kind
                    && let ExprKind::Var(list) = &obj.kind
                    && let Some(arg) = args.last()
                    && matches!(
                        m,
                        StrMethod::Append
                            | StrMethod::Insert
                            | StrMethod::Extend
                            | StrMethod::SetItem
                            | StrMethod::Add
                    )
                {
                    grown.push((list, *m, &args[0], arg));
                }
                // `d.setdefault(k, []).append(x)`: a dict of lists.
                if let ExprKind::StrMethod(StrMethod::Append, entry, args) = &x.kind
                    && let ExprKind::StrMethod(StrMethod::SetDefault, dict, keys) = &entry.kind
                    && let (ExprKind::Var(dict), [key], [arg]) =
                        (&dict.kind, keys.as_slice(), args.as_slice())
                {
                    entries.push((dict, key, arg));
                }
            });
        }
        for (dict, key, arg) in entries {
            let list = Ty::List(Box::new(self.expr_ty(name, arg)));
            let ty = Ty::Dict(Box::new(self.expr_ty(name, key)), Box::new(list));
            changed |= self.set(name, dict, &ty);
        }
        for (list, m, key, arg) in grown {
            // A key of no type yet (a parameter before its callers are
            // seen) does not tell a list from a dict.
            if m == StrMethod::SetItem
                && self.var(name, list) == Ty::Unknown
                && self.expr_ty(name, key) == Ty::Unknown
            {
                continue;
            }
            let ty = self.expr_ty(name, arg);
            // Strings beside numbers in a list or a dict's values: `PyValue`s.
            let held = match (m, self.var(name, list)) {
                (StrMethod::Append | StrMethod::Insert | StrMethod::SetItem, Ty::List(t))
                | (StrMethod::SetItem, Ty::Dict(_, t)) => *t,
                _ => Ty::Unknown,
            };
            let ty = if super::mixed::mixes(&held, &ty) {
                Ty::Mixed
            } else {
                ty
            };
            let ty = match m {
                StrMethod::Extend => ty,
                StrMethod::Add => Ty::Set(Box::new(ty)),
                StrMethod::SetItem => {
                    let key = self.expr_ty(name, key);
                    match self.var(name, list) {
                        Ty::Dict(..) => Ty::Dict(Box::new(key), Box::new(ty)),
                        Ty::List(_) => Ty::List(Box::new(ty)),
                        // A key other than an index: a dict's (a parameter
                        // whose caller gives it a dict).
                        _ if !matches!(key, Ty::Int | Ty::Unknown) => {
                            Ty::Dict(Box::new(key), Box::new(ty))
                        }
                        _ => Ty::List(Box::new(ty)),
                    }
                }
                _ => Ty::List(Box::new(ty)),
            };
            changed |= self.set(name, list, &ty);
        }
        changed
    }
}
