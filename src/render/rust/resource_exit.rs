//! An `async with` block that can raise, and an `__aexit__` that sees the
//! exception: the block is an `async` block (a closure called at once in
//! a plain `fn`, see [`super::plain_with`]) whose `Result` the listing
//! hands to `close` (`Some(&err)` where it failed), and the `Err` goes on
//! up after `close` unless `close` returns `true`, as Python's
//! `__aexit__` swallows the exception by returning a true value.

use super::Renderer;
use super::names::ident;
use crate::render::plan::ir::ast::{Block, Function, StmtKind, walk};
use crate::render::plan::ir::expr::{Expr, ExprKind};
use crate::render::plan::ir::raises::propagating_calls;
use crate::render::plan::ir::value::Value;

/// The name of the exception parameter that `f`'s `__aexit__` reads,
/// if it reads it: `close` then takes the exception.
pub(super) fn exit_param(f: &Function) -> Option<&str> {
    let mut out = None;
    walk(&f.exit, &mut |s| {
        if let StmtKind::ExitRaised { name, .. } = &s.kind {
            out.get_or_insert(name.as_str());
        }
    });
    out
}

/// Whether `f`'s `__aexit__` returns a value: `close` then gives whether
/// it swallows the exception.
pub(super) fn swallows(f: &Function) -> bool {
    let mut out = false;
    walk(&f.exit, &mut |s| {
        out |= matches!(&s.kind, StmtKind::Return(Some(e)) if !is_none(e));
    });
    out
}

fn is_none(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Lit(Value::None))
}

impl Renderer<'_> {
    /// Whether `block` can end with an `Err`: it raises, or awaits or
    /// calls a function that can fail.
    pub(super) fn block_fails(&self, block: &Block) -> bool {
        let mut out = false;
        walk(block, &mut |s| {
            out |= matches!(
                s.kind,
                StmtKind::Raise { .. } | StmtKind::RaiseValue(_) | StmtKind::Reraise
            ) || propagating_calls(&s.kind)
                .iter()
                .any(|c| self.fallible.contains(&c.name));
        });
        out
    }

    /// `close`'s parameters and return type after `self`.
    pub(super) fn close_signature(&self, f: &Function) -> (String, &'static str) {
        let param =
            exit_param(f).map_or(String::new(), |p| format!(", {}: Option<&Error>", ident(p)));
        let ret = if swallows(f) { " -> bool" } else { "" };
        (param, ret)
    }

    /// The body of an `async with` over `obj`, a resource of `f`: where
    /// the block can fail or `close` reads the exception, the block is an
    /// `async` block whose `Err` `close` sees first.
    pub(super) fn with_block(&mut self, f: &Function, obj: &str, body: &Block) {
        let takes = exit_param(f).is_some();
        let swallows = swallows(f);
        let m = self.manager(&f.name);
        if !self.block_fails(body) {
            self.body(body, false);
            if !self.entry_main && !self.in_plain_fn() {
                self.line("// Never reached if this future is dropped (timeout, abort) first.");
            }
            let arg = if takes { "None" } else { "" };
            self.line(format!("{obj}.{}({arg}){};", m.exit, m.awaited));
            return;
        }
        self.declare_before(body);
        let start = self.lines.len();
        let plain = self.in_plain_fn();
        let (open, end) = match plain {
            true => ("(|| {", "})();"),
            false => ("async {", ".await;"),
        };
        self.line(format!("let raised: Result<(), Error> = {open}"));
        self.indent += 1;
        self.result_body(body);
        self.indent -= 1;
        if !plain {
            self.line("}");
        }
        self.line(end);
        self.join_short_block(start);
        if !self.entry_main && !plain {
            self.line("// Never reached if this future is dropped (timeout, abort) first.");
        }
        let arg = if takes { "raised.as_ref().err()" } else { "" };
        let close = format!("{obj}.{}({arg}){}", m.exit, m.awaited);
        if swallows {
            self.line(format!(
                "// `{}` gives `true` where `{}` swallows the exception.",
                m.exit, m.python.1
            ));
            self.line(format!("if !{close} {{"));
            self.line("    raised?;");
            self.line("}");
        } else {
            self.line(format!("{close};"));
            self.line("raised?;");
        }
    }

    /// `__aexit__`'s test of its exception: `raised` binds the exception
    /// as `name` reads it (its text, class name, repr and `args`).
    pub(super) fn exit_raised(&mut self, name: &str, raised: &Block, clean: &Block, tail: bool) {
        let param = ident(name);
        let reads = raised_reads(name, raised);
        let diverges = matches!(
            clean.last().map(|s| &s.kind),
            Some(StmtKind::Return(_) | StmtKind::Raise { .. } | StmtKind::RaiseValue(_))
        );
        let test = match (reads.is_empty(), diverges) {
            (true, true) => format!("if {param}.is_none() {{"),
            (true, false) => format!("if {param}.is_some() {{"),
            (false, true) => format!("let Some(err) = {param} else {{"),
            (false, false) => format!("if let Some(err) = {param} {{"),
        };
        self.line(test);
        if diverges {
            self.nested(clean);
            self.line(if reads.is_empty() { "}" } else { "};" });
            self.bind_raised(&reads);
            self.body(raised, tail);
            return;
        }
        self.indent += 1;
        self.bind_raised(&reads);
        self.body(raised, tail && !clean.is_empty());
        self.indent -= 1;
        if !clean.is_empty() {
            self.line("} else {");
            self.nested_tail(clean, tail);
        }
        self.line("}");
    }

    /// `let` of each of `reads`: what the block reads of the exception.
    fn bind_raised(&mut self, reads: &[(String, &str)]) {
        for (var, how) in reads {
            self.line(format!("let {} = err.{how};", ident(var)));
            self.declared.insert(var.clone());
        }
    }

    /// `return value` in `__aexit__`: whether it swallows the exception.
    pub(super) fn exit_return(&mut self, e: Option<&Expr>, tail: bool) {
        let value = match e {
            Some(e) if !is_none(e) => self.expr(e).text,
            _ => "false".into(),
        };
        match tail {
            true => self.line(value),
            false => self.line(format!("return {value};")),
        }
    }
}

/// What `raised` reads of the exception `name`: each variable and the
/// method of `Error` that gives it.
fn raised_reads(name: &str, raised: &Block) -> Vec<(String, &'static str)> {
    use crate::render::plan::ir::ast::{args_var, class_var, repr_var};
    let mut reads = Vec::new();
    walk(raised, &mut |s| {
        for (e, _) in super::analysis::stmt_exprs(s) {
            e.variables(&mut reads);
        }
    });
    [
        (name.to_string(), "to_string()"),
        (class_var(name), "class_name()"),
        (repr_var(name), "to_repr()"),
        (args_var(name), "args_repr()"),
    ]
    .into_iter()
    .filter(|(var, _)| reads.iter().any(|(r, _)| r == var))
    .collect()
}
