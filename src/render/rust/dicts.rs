//! Dicts as `IndexMap`s (Python's dicts keep insertion order), and the
//! membership test `in` of dicts, lists and strings.

use super::Renderer;
use super::code::Code;
use super::types::Ty;
use crate::render::plan::ir::expr::{Expr, ExprKind};

/// A key as `IndexMap`'s lookups take it: a reference.
pub(super) fn key(k: &Code) -> String {
    match k.ty {
        Ty::Str => k.borrowed(),
        _ => format!("&{}", k.wrap(7)),
    }
}

impl Renderer<'_> {
    /// `{k: v, ...}`: `IndexMap::from([(k, v), ...])`, strings owned.
    pub(super) fn dict(&mut self, items: &[Expr]) -> Code {
        if items.is_empty() {
            let ty = Ty::Dict(Box::new(Ty::Unknown), Box::new(Ty::Unknown));
            let mut c = Code::new("IndexMap::new()", ty, 10);
            c.fresh = true;
            return c;
        }
        let mut pairs = Vec::new();
        let (mut k, mut v) = (Ty::Unknown, Ty::Unknown);
        for item in items {
            let ExprKind::Tuple(kv) = &item.kind else {
                continue;
            };
            let c = self.tuple(kv);
            if let Ty::Tuple(t) = &c.ty
                && let [kt, vt] = t.as_slice()
            {
                super::types::unify(&mut k, kt);
                super::types::unify(&mut v, vt);
            }
            pairs.push(c.text);
        }
        let mut c = Code::new(
            format!("IndexMap::from([{}])", pairs.join(", ")),
            Ty::Dict(Box::new(k), Box::new(v)),
            10,
        );
        c.fresh = true;
        c
    }

    /// `x in xs` (`not in` when `!yes`): a dict's key, a list's item or a
    /// string's substring.
    pub(super) fn contains(&mut self, yes: bool, x: &Code, xs: &Code) -> Code {
        let test = match &xs.ty {
            Ty::Dict(..) => format!("{}.contains_key({})", xs.wrap(10), key(x)),
            Ty::Str => format!("{}.contains({})", xs.wrap(10), x.borrowed()),
            Ty::List(t) if **t == Ty::Str && x.str_ref => {
                format!("{}.iter().any(|item| item == {})", xs.wrap(10), x.text)
            }
            _ => format!("{}.contains(&{})", xs.wrap(10), x.wrap(7)),
        };
        if yes {
            Code::new(test, Ty::Bool, 10)
        } else {
            Code::new(format!("!{test}"), Ty::Bool, 7)
        }
    }
}
