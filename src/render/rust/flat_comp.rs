//! `[value for a in xs for b in ys]` as one iterator chain:
//! `xs.iter().flat_map(|a| ys.iter().map(move |b| value)).collect()`.

use super::Renderer;
use super::code::Code;
use super::names::split_chain;
use crate::render::plan::ir::expr::{Expr, ExprKind};

const COLLECT: &str = ".collect::<Vec<_>>()";

impl Renderer<'_> {
    /// The items of the inner comprehension for each item of the outer one
    /// (`outer` is a comprehension whose value is a comprehension): the
    /// outer `map` becomes a `flat_map` of the inner chain, uncollected, its
    /// closures `move` when they read the outer variable.
    pub(super) fn flat_comp(&mut self, outer: &Expr) -> Code {
        let ty = self.types.expr_ty(&self.func, outer).elem();
        let ExprKind::Comp {
            value: inner,
            var: outer_var,
            ..
        } = &outer.kind
        else {
            unreachable!("a flattened comprehension is planned around a comprehension");
        };
        let whole = self.expr(outer).text;
        let nested = self.expr(inner).text;
        let mut chain = nested.strip_suffix(COLLECT).unwrap_or(&nested).to_string();
        let outer_names: Vec<&str> =
            super::tuples::pattern_names(outer_var).unwrap_or_else(|| vec![outer_var.as_str()]);
        if let ExprKind::Comp { value, filter, .. } = &inner.kind {
            let mut read = Vec::new();
            value.variables(&mut read);
            if let Some(f) = filter {
                f.variables(&mut read);
            }
            if read.iter().any(|n| outer_names.contains(&n.0.as_str())) {
                chain = chain
                    .replace(".map(|", ".map(move |")
                    .replace(".filter(|", ".filter(move |");
            }
        }
        let text = match whole.find(&nested) {
            Some(at) => {
                let head = &whole[..at];
                let map = head.rfind(".map(").unwrap_or(head.len());
                format!(
                    "{}.flat_map({}{chain}{}",
                    &head[..map],
                    &head[map + ".map(".len().min(head.len() - map)..],
                    &whole[at + nested.len()..]
                )
            }
            None => format!("{whole}.into_iter().flatten(){COLLECT}"),
        };
        let mut out = Code::new(text, ty, 10);
        out.fresh = true;
        out
    }
}

impl Renderer<'_> {
    /// A macro argument too long for its line laid out as rustfmt does
    /// when it is a method chain (one call a line) or a call of one such
    /// chain (`py_list(&xs.iter()...)`); false for other arguments.
    pub(super) fn chain_arg_lines(&mut self, arg: &str, comma: &str) -> bool {
        if arg.contains('\n') {
            return false;
        }
        let wrapped = arg
            .find('(')
            .filter(|at| {
                // A name called (`(0..5).map(..)` is a chain's root).
                *at > 0
                    && arg.ends_with(')')
                    && arg[..*at].chars().all(|c| c.is_alphanumeric() || c == '_')
                    && super::wrap::split_args(&arg[at + 1..arg.len() - 1]).len() == 1
            })
            .map(|at| (&arg[..=at], &arg[at + 1..arg.len() - 1]));
        let (head, chain) = wrapped.unwrap_or(("", arg));
        // rustfmt's `chain_width`: a chain up to 60 columns stays on its line
        // (a borrow's `&` is no part of it).
        if 4 * self.indent + arg.len() + comma.len() <= 100
            && chain.trim_start_matches('&').len() <= 60
        {
            return false;
        }
        let (base, calls) = split_chain(chain);
        if calls.len() < 2 || (!head.is_empty() && !split_chain(arg).1.is_empty()) {
            return false;
        }
        if !head.is_empty() {
            self.line(head);
            self.indent += 1;
        }
        let mut calls = calls.into_iter();
        // rustfmt keeps the first call after a root no wider than an indent.
        let first = if head.is_empty() && base.len() <= 4 {
            calls.next().unwrap_or_default()
        } else {
            String::new()
        };
        self.line(format!("{base}{first}"));
        self.indent += 1;
        let rest: Vec<String> = calls.collect();
        let last = rest.len() - 1;
        for (i, c) in rest.into_iter().enumerate() {
            let end = if i == last && head.is_empty() {
                comma
            } else {
                ""
            };
            match super::wrap::closure_if_lines(&c) {
                Some(lines) => {
                    let last = lines.len() - 1;
                    for (j, l) in lines.into_iter().enumerate() {
                        self.line(if j == last { format!("{l}{end}") } else { l });
                    }
                }
                None => self.line(format!("{c}{end}")),
            }
        }
        self.indent -= 1;
        if !head.is_empty() {
            self.indent -= 1;
            self.line(format!("){comma}"));
        }
        true
    }
}
