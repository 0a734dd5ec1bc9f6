//! An async comprehension collected from a stream of the program: the
//! stream's `filter`, `map` (or `then`, when the value awaits) and
//! `collect` into a `Vec`, a `BTreeSet` or an `IndexMap`.

use super::Renderer;
use super::expr_walk::each_expr;
use super::names::ident;
use super::types::{Ty, Types};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{Collection, Demo, StmtKind};
use crate::render::plan::ir::expr::ExprKind;
use std::ops::Range;

/// The type of a collection of `item`s (a dict's item a `(key, value)`
/// tuple).
pub(super) fn collected_ty(collection: Collection, item: Ty) -> Ty {
    match (collection, item) {
        (Collection::List, t) => Ty::List(Box::new(t)),
        (Collection::Set, t) => Ty::Set(Box::new(t)),
        (Collection::Dict, Ty::Tuple(kv)) if kv.len() == 2 => {
            let mut kv = kv.into_iter();
            let (k, v) = (kv.next(), kv.next());
            Ty::Dict(
                Box::new(k.unwrap_or(Ty::Unknown)),
                Box::new(v.unwrap_or(Ty::Unknown)),
            )
        }
        (Collection::Dict, _) => Ty::Dict(Box::new(Ty::Unknown), Box::new(Ty::Unknown)),
    }
}

impl Renderer<'_> {
    /// `into = [value async for var in source if filter]`, or the set or
    /// dict of that shape.
    pub(super) fn collect(&mut self, kind: &StmtKind) {
        let StmtKind::Collect {
            source,
            var,
            value,
            filter,
            into,
            collection,
            awaits,
        } = kind
        else {
            unreachable!("a collected async comprehension")
        };
        self.use_("futures", "StreamExt");
        let stream = self.stream(source);
        let item = self.types.item_of(self.demo, &source.name);
        let pat = ident(var);
        let mut chain = Vec::new();
        if let Some(f) = filter {
            let c = self.test(f);
            let p = if item.is_copy() {
                format!("&{pat}")
            } else {
                pat.clone()
            };
            chain.push(format!(".filter(|{p}| std::future::ready({}))", c.text));
        }
        if let Some(v) = value {
            let c = self.expr(v);
            let text = c.owned();
            if *awaits {
                // A value that awaits is the future `then` awaits in turn.
                match text.strip_suffix(&format!("({pat}).await")) {
                    Some(f) if is_path(f) => chain.push(format!(".then({f})")),
                    _ => chain.push(format!(".then(|{pat}| async move {{ {text} }})")),
                }
            } else if c.text != pat {
                chain.push(format!(".map(|{pat}| {text})"));
            }
        }
        let b = self.bind(into);
        let into_ty = match collection {
            Collection::List => "Vec<_>",
            Collection::Set => {
                self.use_("std::collections", "BTreeSet");
                "BTreeSet<_>"
            }
            Collection::Dict => {
                self.use_("indexmap", "IndexMap");
                "IndexMap<_, _>"
            }
        };
        chain.push(format!(".collect::<{into_ty}>()"));
        chain.push(".await".into());
        self.chain_line(&b, &stream, &chain, ";");
    }
}

/// A function's name or path (`double`, `Self::double`): what `then` can
/// take in place of a closure calling it.
fn is_path(f: &str) -> bool {
    !f.is_empty()
        && f.split("::")
            .all(|p| !p.is_empty() && p.chars().all(|ch| ch.is_alphanumeric() || ch == '_'))
}

/// Every async comprehension of `demo` that the listing cannot collect:
/// a set whose items are not ints (the plan takes `{x % k async for x in
/// source}` only of ints, whose order CPython keeps sorted), or one whose
/// value or test calls a function that can raise (its `?` would return
/// from the closure, not from the function around it).
pub(super) fn collect_conflicts(demo: &Demo, types: &Types) -> Vec<Untranslatable> {
    let fallible = crate::render::plan::ir::raises::fallible(demo);
    let mut out = Vec::new();
    for f in &demo.functions {
        f.walk(&mut |s| {
            let StmtKind::Collect {
                value,
                filter,
                collection,
                ..
            } = &s.kind
            else {
                return;
            };
            for e in value.iter().chain(filter.iter()) {
                let mut raising: Option<(&str, Range<usize>)> = None;
                each_expr(e, &mut |x| {
                    if let ExprKind::Await(call) = &x.kind
                        && fallible.contains(&call.name)
                        && raising.is_none()
                    {
                        raising = Some((&call.name, x.span.clone()));
                    }
                });
                if let Some((name, span)) = raising {
                    out.push(Untranslatable {
                        span,
                        construct: format!(
                            "a call of `{name}`, which can raise, in an async comprehension"
                        ),
                        reason: "the Rust listing collects an async comprehension with \
                                 closures, which cannot pass an exception on to the \
                                 function around them: collect the items with `async for` \
                                 and call it in the loop"
                            .into(),
                    });
                    return;
                }
            }
            if let Some(v) = value
                && *collection == Collection::Set
                && types.expr_ty(&f.name, v) != Ty::Int
            {
                out.push(Untranslatable {
                    span: v.span.clone(),
                    construct: "a set of values that are not ints".into(),
                    reason: "CPython orders a set by the hashes of its items, which Rust's \
                             sets do not reproduce; the Rust listing builds a set only of \
                             ints below 8, which CPython keeps sorted as a `BTreeSet` does"
                        .into(),
                });
            }
        });
    }
    out
}
