//! A loop variable read after its loop (see `plan::kept_items`): an
//! `Option` holding the last item any of the function's loops gave it. It
//! keeps a copy of each item, so the item's type must be `Copy`; another
//! type is listed as not translated at its loop.

use super::Renderer;
use super::names::ident;
use super::types::Types;
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{Demo, KeepStep, StmtKind};

/// The `Option` variable that keeps the last item of `var`.
fn last(var: &str) -> String {
    format!("last_{}", var.trim_start_matches("r#"))
}

impl Renderer<'_> {
    /// One step of keeping `var` after its loops.
    pub(super) fn keep_last(&mut self, var: &str, step: KeepStep) {
        let last = last(var);
        match step {
            KeepStep::Declare => {
                self.line(format!(
                    "// `{var}` outlives its loops in Python: the last item a loop gave it."
                ));
                self.line(format!("let mut {last} = None;"));
            }
            KeepStep::Keep => self.line(format!("{last} = Some({});", ident(var))),
            KeepStep::Take => {
                self.declared.insert(var.to_string());
                self.line(format!(
                    "let {} = {last}.expect(\"a loop gave `{var}` an item\");",
                    ident(var)
                ));
            }
        }
    }
}

/// The kept loop variables of `demo` whose items are not `Copy`.
pub(super) fn uncopied(demo: &Demo, types: &Types) -> Vec<Untranslatable> {
    let mut out = Vec::new();
    for f in &demo.functions {
        f.walk(&mut |s| {
            if let StmtKind::KeepLast {
                var,
                step: KeepStep::Declare,
            } = &s.kind
                && !types.var(&f.name, var).is_copy()
            {
                out.push(Untranslatable {
                    span: s.span.clone(),
                    construct: format!("`{var}` used after its loop"),
                    reason: "the Rust listing keeps a copy of each item of a loop whose \
                             variable is read after it, for items of a `Copy` type (numbers, \
                             booleans): keep the item in a variable of its own (`last = item` \
                             in the loop)"
                        .into(),
                });
            }
        });
    }
    out
}
