//! `x = await asyncio.gather(*[asyncio.sleep(d, result=v) for ...])`: the
//! futures made by the comprehension, one `async` block each that sleeps
//! then gives its value, and `join_all` of them.

use super::Renderer;
use crate::render::plan::ir::expr::{Builtin, Expr, ExprKind};

impl Renderer<'_> {
    /// `let sleeps = xs.map(|x| async move { ... });` then `let var =
    /// join_all(sleeps).await;`; false when `value` is another gather.
    pub(super) fn sleeps_gathered(&mut self, var: &str, value: &Expr) -> bool {
        let ExprKind::GatherAll(list) = &value.kind else {
            return false;
        };
        let ExprKind::Comp {
            value: item,
            var: pattern,
            over,
            ..
        } = &list.kind
        else {
            return false;
        };
        let ExprKind::Slept(delay, result) = &item.kind else {
            return false;
        };
        // The comprehension's chain, around the one-line block of each item.
        let chain = self.expr(list).text;
        let one_line = self.expr(item).text;
        let Some((head, _)) = chain.split_once(&one_line) else {
            return false;
        };
        // The index `enumerate(xs)` gives counts up from 0.
        let index = match (&over.kind, pattern.strip_prefix('(')) {
            (ExprKind::Call(Builtin::Enumerate, args), Some(rest)) if args.len() == 1 => {
                rest.split_once(',').map(|(i, _)| i.trim().to_string())
            }
            _ => None,
        };
        let counted = index.is_some();
        self.counting_vars.extend(index);
        let d = self.duration(delay);
        if counted {
            self.counting_vars.pop();
        }
        let v = self.expr(result).owned();
        let name = ["sleeps", "sleepers", "sleep_futures"]
            .into_iter()
            .find(|n| !self.declared.contains(*n) && !self.used.contains(*n))
            .unwrap_or("sleep_futures");
        self.declared.insert(name.to_string());
        self.use_("futures::future", "join_all");
        self.line("// Each sleep is a future of its own, its result given when it ends.");
        self.line(format!("let {name} = {head}async move {{"));
        self.indent += 1;
        self.line(format!("sleep({d}).await;"));
        self.line(v);
        self.indent -= 1;
        self.line("});");
        let b = self.bind(var);
        self.line(format!("{b}join_all({name}).await;"));
        true
    }
}
