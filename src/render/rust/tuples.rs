//! Tuples: values, items read by a literal index, and the patterns
//! `(a, b)` that loops, comprehensions and assignments unpack into.

use super::Renderer;
use super::code::Code;
use super::names::ident;
use super::types::Ty;
use crate::render::plan::ir::expr::{Builtin, Expr, ExprKind};
use crate::render::plan::ir::value::Value;

/// The names of a tuple pattern `(a, b)`; `None` for a plain name.
pub(super) fn pattern_names(var: &str) -> Option<Vec<&str>> {
    let inner = var.strip_prefix('(')?.strip_suffix(')')?;
    Some(inner.split(", ").collect())
}

/// The position a literal index `k` reads in a tuple of `len` items (a
/// negative index counts from the end).
pub(super) fn tuple_item(len: usize, k: i64) -> Option<usize> {
    let k = if k < 0 { len as i64 + k } else { k };
    usize::try_from(k).ok().filter(|k| *k < len)
}

/// The names a loop over a list of string literals binds to its items
/// (`for s in ["a", "b"]`, `for i, s in enumerate([...])`): `&str`s.
pub(super) fn literal_str_names(over: &Expr, var: &str) -> Vec<String> {
    let strs = |e: &Expr| {
        matches!(&e.kind, ExprKind::List(items) if !items.is_empty()
            && items.iter().all(|i| matches!(i.kind, ExprKind::Lit(Value::Str(_)))))
    };
    match (&over.kind, pattern_names(var).as_deref()) {
        (_, None) if strs(over) => vec![var.to_string()],
        (ExprKind::Call(Builtin::Enumerate, args), Some([_, name]))
            if args.first().is_some_and(strs) =>
        {
            vec![name.to_string()]
        }
        _ => Vec::new(),
    }
}

impl Renderer<'_> {
    /// `(a, b)`: strings and lists owned, as the tuple's type says.
    pub(super) fn tuple(&mut self, items: &[Expr]) -> Code {
        if let Some(tree) = self.tree_display(items) {
            return tree;
        }
        self.tuple_as(items, &[])
    }

    /// A tuple whose items take the types `tys` where they are floats: the
    /// `0` of `[(0, "a"), (0.5, "b")]` is written `0.0`.
    pub(super) fn tuple_as(&mut self, items: &[Expr], tys: &[Ty]) -> Code {
        let codes: Vec<Code> = items
            .iter()
            .enumerate()
            .map(|(i, item)| match self.expr(item) {
                c if tys.get(i) == Some(&Ty::Float) => c.as_f64(),
                c if tys.get(i) == Some(&Ty::Number) && c.ty != Ty::Number => {
                    Code::new(super::numbers::number(&c), Ty::Number, 10)
                }
                c => c,
            })
            .collect();
        let parts: Vec<String> = codes
            .iter()
            .map(|c| match c.ty {
                Ty::Str | Ty::List(_) | Ty::Mixed => c.owned(),
                _ => c.text.clone(),
            })
            .collect();
        let text = match parts.as_slice() {
            [one] => format!("({one},)"),
            _ => format!("({})", parts.join(", ")),
        };
        let mut c = Code::new(
            text,
            Ty::Tuple(codes.into_iter().map(|c| c.ty).collect()),
            10,
        );
        c.fresh = true;
        c
    }

    /// The tuples of a list written again with the list's item type `t`,
    /// where it has a float an item of theirs gives as an int.
    pub(super) fn tuples_as(&mut self, items: &[Expr], codes: &mut [Code], t: &Ty) {
        let Ty::Tuple(tys) = t else { return };
        for (item, code) in items.iter().zip(codes) {
            if let ExprKind::Tuple(xs) = &item.kind
                && code.ty != *t
            {
                *code = self.tuple_as(xs, tys);
            }
        }
    }

    /// The names a loop's pattern binds that were not bound before it: a
    /// Rust loop's own, gone where it ends.
    pub(super) fn new_loop_names(&self, var: &str) -> Vec<String> {
        pattern_names(var)
            .unwrap_or_else(|| vec![var])
            .into_iter()
            .filter(|n| !self.declared.contains(*n))
            .map(str::to_string)
            .collect()
    }

    /// A loop's or `let`'s pattern: the name, or `(a, b)` with names
    /// nothing reads as `_`, and `mut` where a name is set again.
    pub(super) fn loop_pat(&mut self, var: &str) -> String {
        match pattern_names(var) {
            Some(names) => {
                self.declared.extend(names.iter().map(|n| n.to_string()));
                self.pattern_text(&names)
            }
            None => {
                self.declared.insert(var.to_string());
                if self.used.contains(var) {
                    ident(var)
                } else {
                    "_".into()
                }
            }
        }
    }

    /// `(a, b)`, with `_` for names nothing reads and `mut` where a name
    /// is set again.
    pub(super) fn pattern_text(&self, names: &[&str]) -> String {
        let parts: Vec<String> = names
            .iter()
            .map(|n| {
                if !self.used.contains(*n) {
                    "_".to_string()
                } else if self.assigned.get(*n).copied().unwrap_or(0) > 1
                    // A dict's handle awaited through `&mut` is a reference.
                    && !self.task_loop_item(n)
                {
                    format!("mut {}", ident(n))
                } else {
                    ident(n)
                }
            })
            .collect();
        format!("({})", parts.join(", "))
    }

    /// Whether a variable or any name of a tuple pattern is read.
    pub(super) fn pattern_used(&self, var: &str) -> bool {
        match pattern_names(var) {
            Some(names) => names.iter().any(|n| self.used.contains(*n)),
            None => self.used.contains(var),
        }
    }

    /// The binding of a tuple pattern: `let (a, b) = ` the first time,
    /// `(a, b) = ` once its names exist. When only some exist, the others
    /// are declared first (`let hours;`), so the pattern assigns the
    /// existing ones rather than shadowing them.
    pub(super) fn bind_pattern(&mut self, names: &[&str]) -> String {
        let some = names.iter().any(|n| self.declared.contains(*n));
        if some {
            let mut parts = Vec::new();
            for n in names {
                if self.declared.contains(*n) {
                    parts.push(ident(n));
                } else if self.used.contains(*n) {
                    self.declared.insert(n.to_string());
                    let m = if self.assigned.get(*n).copied().unwrap_or(0) > 1 {
                        "mut "
                    } else {
                        ""
                    };
                    self.line(format!("let {m}{};", ident(n)));
                    parts.push(ident(n));
                } else {
                    parts.push("_".into());
                }
            }
            return format!("({}) = ", parts.join(", "));
        }
        let var = format!("({})", names.join(", "));
        format!("let {} = ", self.loop_pat(&var))
    }
}
