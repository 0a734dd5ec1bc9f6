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
    /// `a, b = xs` of a list `xs`: the array binding (or assignment, to
    /// names bound before); false (nothing written) for another value.
    pub(super) fn unpack_list(&mut self, var: &str, value: &Expr) -> bool {
        let Some(names) = pattern_names(var) else {
            return false;
        };
        let Ty::List(item) = self.types.expr_ty(&self.func, value) else {
            return false;
        };
        let c = self.expr(value);
        let array = format!("[{}; {}]", item.rust(), names.len());
        let calls = [".try_into()".to_string(), ".unwrap()".to_string()];
        if names.iter().any(|n| self.declared.contains(*n)) {
            // Names bound before: assigned, the others declared first.
            let bound = self.bind_pattern(&names);
            let pattern = bound.trim_end_matches(" = ").trim_start_matches("let ");
            let pattern = format!(
                "[{}]",
                pattern.trim_start_matches('(').trim_end_matches(')')
            );
            self.chain_line(&format!("{pattern} = "), &c.owned(), &calls, ";");
            return true;
        }
        let pattern = self.loop_pat(var);
        let pattern = format!(
            "[{}]",
            pattern.trim_start_matches('(').trim_end_matches(')')
        );
        let head = format!("let {pattern}: {array} = ");
        self.chain_line(&head, &c.owned(), &calls, ";");
        true
    }
}
