//! `name, value = line.split()`: Python unpacks the list, raising
//! `ValueError` when its length differs. The listing turns the `Vec` into
//! an array of that length (`let [name, value]: [String; 2] =
//! ....try_into().unwrap()`), whose wrong length ends the program as
//! Python's uncaught error does. (The plan refuses it inside a `try`.)

use super::Renderer;
use super::tuples::pattern_names;
use super::types::Ty;
use crate::render::plan::ir::expr::Expr;

impl Renderer<'_> {
    /// `a, b = xs` of a list `xs`, none of whose names is bound yet: the
    /// array binding; false (nothing written) otherwise.
    pub(super) fn unpack_list(&mut self, var: &str, value: &Expr) -> bool {
        let Some(names) = pattern_names(var) else {
            return false;
        };
        let Ty::List(item) = self.types.expr_ty(&self.func, value) else {
            return false;
        };
        if names.iter().any(|n| self.declared.contains(*n)) {
            return false;
        }
        let pattern = self.loop_pat(var);
        let pattern = format!(
            "[{}]",
            pattern.trim_start_matches('(').trim_end_matches(')')
        );
        let c = self.expr(value);
        let head = format!("let {pattern}: [{}; {}] = ", item.rust(), names.len());
        let calls = [".try_into()".to_string(), ".unwrap()".to_string()];
        self.chain_line(&head, &c.owned(), &calls, ";");
        true
    }
}
