//! Which plain functions may run an event loop: a `def` (at any depth, a
//! method too) whose body calls `asyncio.run(...)`, `loop.run_until_complete`,
//! `loop.run_forever`, `runner.run` or `runner.close`, or calls such a
//! function. A call of one waits there for the loop, so the lowering marks
//! it as a call that suspends. Functions are known by name only (a method
//! by its attribute name): a name shared with another function marks both,
//! which costs nothing but the slower path for their calls.

use ruff_python_ast::visitor::{Visitor, walk_expr, walk_stmt};
use ruff_python_ast::{Expr, Stmt};
use std::collections::HashSet;

/// The attribute calls that run an event loop.
pub const LOOP_METHODS: &[&str] = &["run", "run_until_complete", "run_forever", "close"];

/// The names of the plain `def`s that may run an event loop.
pub fn loop_functions(body: &[Stmt]) -> HashSet<String> {
    let mut c = Collect::default();
    for s in body {
        c.visit_stmt(s);
    }
    let mut found: HashSet<String> = HashSet::new();
    loop {
        let before = found.len();
        for f in &c.done {
            if !found.contains(&f.name) && (f.direct || f.calls.iter().any(|n| found.contains(n))) {
                found.insert(f.name.clone());
            }
        }
        if found.len() == before {
            return found;
        }
    }
}

/// A plain function: its name, whether it runs a loop itself, and the
/// names it calls.
#[derive(Default)]
struct Function {
    name: String,
    direct: bool,
    calls: HashSet<String>,
}

#[derive(Default)]
struct Collect {
    /// The functions being walked (innermost last); `None` for an `async
    /// def`, a lambda or a class body, whose calls run no loop of theirs.
    open: Vec<Option<Function>>,
    done: Vec<Function>,
}

impl<'a> Visitor<'a> for Collect {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::FunctionDef(f) => {
                self.open.push((!f.is_async).then(|| Function {
                    name: f.name.to_string(),
                    ..Default::default()
                }));
                walk_stmt(self, stmt);
                if let Some(Some(done)) = self.open.pop() {
                    self.done.push(done);
                }
            }
            Stmt::ClassDef(_) => {
                self.open.push(None);
                walk_stmt(self, stmt);
                self.open.pop();
            }
            _ => walk_stmt(self, stmt),
        }
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        match expr {
            Expr::Lambda(_) => {
                self.open.push(None);
                walk_expr(self, expr);
                self.open.pop();
            }
            Expr::Call(c) => {
                if let Some(Some(f)) = self.open.last_mut() {
                    match &*c.func {
                        Expr::Name(n) => {
                            f.direct |= n.id.as_str() == "run";
                            f.calls.insert(n.id.to_string());
                        }
                        Expr::Attribute(a) => {
                            f.direct |= LOOP_METHODS.contains(&a.attr.as_str());
                            f.calls.insert(a.attr.to_string());
                        }
                        _ => {}
                    }
                }
                walk_expr(self, expr);
            }
            _ => walk_expr(self, expr),
        }
    }
}
