//! The special methods of a plain class (see `plan::dunders`): `__eq__`
//! is the struct's `impl PartialEq`, `__abs__` its method `abs`, whose
//! result `abs(x)` has.

use super::Renderer;
use super::names::camel;
use super::types::{Ty, Types};
use crate::render::plan::ir::ast::{Function, StmtKind};

impl Types {
    /// `other` of a class's `__eq__` is an object of the class.
    pub(super) fn eq_params(&mut self, f: &Function) {
        if let Some(class) = f.name.strip_suffix(".__eq__")
            && let Some(slots) = self.params.get_mut(&f.name)
            && let Some(other) = slots.first_mut()
        {
            *other = Ty::Object(class.to_string());
        }
    }

    /// `abs(x)`: what the `abs` of `x`'s class returns, or `x`'s type.
    pub(super) fn abs_ty(&self, x: Ty) -> Ty {
        match &x {
            Ty::Object(class) => self.ret_of(&format!("{class}.abs")),
            _ => x,
        }
    }
}

impl Renderer<'_> {
    /// `impl PartialEq` of the class `f` from its `__eq__` (`m`).
    pub(super) fn eq_impl(&mut self, f: &Function, m: &Function) {
        self.line("");
        let start = self.lines.len();
        self.line(format!("impl PartialEq for {} {{", camel(&f.name)));
        self.indent += 1;
        self.line("fn eq(&self, other: &Self) -> bool {");
        self.indent += 1;
        self.enter(m, "self", true);
        if let Some(StmtKind::Return(Some(e))) = m.body.last().map(|s| &s.kind) {
            let c = self.expr(e);
            self.line(c.text);
        }
        self.indent -= 1;
        self.line("}");
        self.indent -= 1;
        self.line("}");
        self.functions
            .insert(m.name.clone(), start..self.lines.len());
    }
}
