//! `type(p).__name__` of an object that nothing else reads: written as a
//! literal, the object's variable would be unused (Rust warns), so the
//! class gets a method `class_name` that gives its Python name, and the
//! listing reads the object through it (`p.class_name()`).

use super::Renderer;
use super::expr_walk::each_expr_of;
use super::types::{Ty, Types};
use crate::render::plan::ir::ast::{Demo, FunctionKind};
use crate::render::plan::ir::expr::{Builtin, Expr, ExprKind};

/// The variables that only `type(x).__name__` (and `isinstance`) read,
/// each an object of a plain class: function, variable and class.
pub(super) fn named_only(demo: &Demo, types: &Types) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for f in &demo.functions {
        let (mut reads, mut checked, mut named) = (Vec::new(), Vec::new(), Vec::new());
        each_expr_of(f, &mut |x| match &x.kind {
            ExprKind::Var(v) => reads.push(v),
            ExprKind::Call(b @ (Builtin::IsInstance | Builtin::TypeName), args) => {
                if let Some(Expr {
                    kind: ExprKind::Var(v),
                    ..
                }) = args.first()
                {
                    checked.push(v);
                    if *b == Builtin::TypeName {
                        named.push(v);
                    }
                }
            }
            _ => {}
        });
        for v in named {
            let Ty::Object(class) = types.var(&f.name, v) else {
                continue;
            };
            let plain = demo
                .function(&class)
                .is_some_and(|c| c.kind == FunctionKind::Object);
            let count = |vs: &[&String]| vs.iter().filter(|r| **r == v).count();
            let only = count(&reads) == count(&checked);
            let known = out.iter().any(|(g, w, _)| *g == f.name && w == v);
            if plain && only && !known {
                out.push((f.name.clone(), v.clone(), class));
            }
        }
    }
    out
}

impl Renderer<'_> {
    /// `var.class_name()` where `type(var).__name__` is the only read of
    /// the object `var`.
    pub(super) fn class_name_call(&self, x: &Expr) -> Option<String> {
        let ExprKind::Var(v) = &x.kind else {
            return None;
        };
        named_only(self.demo, self.types)
            .iter()
            .any(|(f, w, _)| *f == self.func && w == v)
            .then(|| format!("{}.class_name()", super::names::ident(v)))
    }

    /// The method `class_name` of the plain class `class`, inside its
    /// `impl`, where the listing calls it.
    pub(super) fn class_name_method(&mut self, class: &str) {
        let called = named_only(self.demo, self.types)
            .iter()
            .any(|(_, _, c)| c == class);
        if !called {
            return;
        }
        self.line("");
        self.line("/// Python's `type(self).__name__`.");
        self.line("fn class_name(&self) -> &'static str {");
        self.line(format!("    {:?}", class));
        self.line("}");
    }
}
