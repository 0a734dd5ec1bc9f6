//! The module's constant tables (`TIMES = [3.0, 2.5]`, only indexed and
//! measured): a `const` array that every function reads.

use super::Renderer;
use super::statics::STATICS;
use super::types::Ty;
use crate::render::plan::ir::expr::{Expr, ExprKind};
use crate::render::plan::ir::value::Value;

/// The items of a shared variable that is a constant table.
pub(super) fn table(value: &Expr) -> Option<&[Value]> {
    match &value.kind {
        ExprKind::Lit(Value::List(items)) if !items.is_empty() => Some(items),
        _ => None,
    }
}

impl Renderer<'_> {
    /// `const NAME: [T; N] = [a, b, ...];`.
    pub(super) fn const_table(&mut self, name: &str, ty: &Ty, items: &[Value]) {
        let item = match ty {
            Ty::List(item) => item.rust(),
            _ => Ty::Unknown.rust(),
        };
        let values: Vec<String> = items
            .iter()
            .map(|v| {
                let e = Expr {
                    kind: ExprKind::Lit(v.clone()),
                    span: 0..0,
                };
                self.expr(&e).text
            })
            .collect();
        let n = items.len();
        self.line(format!(
            "const {name}: [{item}; {n}] = [{}];",
            values.join(", ")
        ));
    }

    /// Whether the shared variable `name` is a constant table.
    pub(super) fn is_table(&self, name: &str) -> bool {
        self.demo
            .statics
            .iter()
            .any(|(n, v)| n == name && table(v).is_some())
            && matches!(self.types.var(STATICS, name), Ty::List(_))
    }
}
