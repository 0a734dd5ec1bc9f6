//! Lowering statements.

use super::Lowerer;
use crate::program::{Expr, ExprKind, Handler, Module, Name, Stmt, StmtKind, Target, WithItem};
use crate::python::scope::ScopeKind;
use ruff_python_ast::{self as ast, Stmt as S};
use ruff_text_size::Ranged;
use std::sync::Arc;

impl Lowerer {
    pub(super) fn block(&mut self, body: &[S]) -> Vec<Stmt> {
        let mut out = Vec::with_capacity(body.len());
        for s in body {
            self.stmt(s, &mut out);
        }
        out
    }

    pub(super) fn push(&mut self, out: &mut Vec<Stmt>, node: &impl Ranged, kind: StmtKind) {
        let id = self.stmt_id();
        out.push(Stmt {
            id,
            span: self.ranged(node),
            kind,
        });
    }

    fn stmt(&mut self, s: &S, out: &mut Vec<Stmt>) {
        match s {
            S::Expr(e) => {
                if self.frames.len() == 1
                    && let ast::Expr::Call(c) = &*e.value
                    && let ast::Expr::Name(n) = &*c.func
                    && self.async_defs.contains(n.id.as_str())
                {
                    let name = n.id.as_str();
                    self.refuse(
                        c.range(),
                        format!("'{name}()' makes a coroutine and never runs it"),
                        format!("run it on the event loop: `asyncio.run({name}())`"),
                    );
                }
                let value = self.expr(&e.value);
                self.push(out, s, StmtKind::Expr(value));
            }
            S::Assign(a) => {
                let value = self.expr(&a.value);
                let targets = a.targets.iter().map(|t| self.target(t)).collect();
                self.push(out, s, StmtKind::Assign { targets, value });
            }
            S::AnnAssign(a) => {
                match &a.value {
                    Some(v) => {
                        let value = self.expr(v);
                        let targets = vec![self.target(&a.target)];
                        self.push(out, s, StmtKind::Assign { targets, value });
                    }
                    None => self.push(out, s, StmtKind::Pass),
                }
                // Module and class bodies keep their annotations; a
                // function's are never evaluated.
                if matches!(self.frame().kind, ScopeKind::Module | ScopeKind::Class)
                    && let ast::Expr::Name(n) = &*a.target
                {
                    let annotation = self.annotation(&a.annotation);
                    let name = Arc::from(n.id.as_str());
                    self.push(out, s, StmtKind::Annotate { name, annotation });
                }
            }
            S::AugAssign(a) => {
                let target = self.target(&a.target);
                let value = self.expr(&a.value);
                let op = self.binop(a.op);
                self.push(out, s, StmtKind::AugAssign { target, op, value });
            }
            S::Return(r) => {
                if !self.in_function() {
                    self.refuse(r.range, "'return' outside function", "");
                }
                let value = r.value.as_ref().map(|v| self.expr(v));
                self.push(out, s, StmtKind::Return(value));
            }
            S::If(i) => {
                let kind = self.if_chain(&i.test, &i.body, &i.elif_else_clauses);
                self.push(out, s, kind);
            }
            S::While(w) => {
                let test = self.expr(&w.test);
                let body = self.loop_body(&w.body);
                let orelse = self.block(&w.orelse);
                self.push(out, s, StmtKind::While { test, body, orelse });
            }
            S::For(f) => {
                if f.is_async && !self.in_async() {
                    self.refuse(
                        f.range,
                        "'async for' outside async function",
                        "`async for` can only be used inside an `async def`",
                    );
                }
                let iter = self.expr(&f.iter);
                let target = self.target(&f.target);
                let body = self.loop_body(&f.body);
                let orelse = self.block(&f.orelse);
                self.push(
                    out,
                    s,
                    StmtKind::For {
                        is_async: f.is_async,
                        target,
                        iter,
                        body,
                        orelse,
                    },
                );
            }
            S::With(w) => {
                if w.is_async && !self.in_async() {
                    self.refuse(
                        w.range,
                        "'async with' outside async function",
                        "`async with` can only be used inside an `async def`",
                    );
                }
                let kind = self.with_items(w, 0);
                self.push(out, s, kind);
            }
            S::Try(t) => {
                if t.is_star {
                    for h in &t.handlers {
                        let ast::ExceptHandler::ExceptHandler(h) = h;
                        self.no_exit_in_star(&h.body, false);
                    }
                }
                let body = self.block(&t.body);
                let handlers = t
                    .handlers
                    .iter()
                    .map(|h| {
                        let ast::ExceptHandler::ExceptHandler(h) = h;
                        Handler {
                            class: h.type_.as_ref().map(|c| self.expr(c)),
                            star: t.is_star,
                            name: h.name.as_ref().map(|n| self.name(n.as_str())),
                            body: self.block(&h.body),
                            span: self.span(h.range),
                        }
                    })
                    .collect();
                let orelse = self.block(&t.orelse);
                let finalbody = self.block(&t.finalbody);
                self.push(
                    out,
                    s,
                    StmtKind::Try {
                        body,
                        handlers,
                        orelse,
                        finalbody,
                    },
                );
            }
            S::Raise(r) => {
                let exc = r.exc.as_ref().map(|e| self.expr(e));
                let cause = r.cause.as_ref().map(|e| self.expr(e));
                self.push(out, s, StmtKind::Raise { exc, cause });
            }
            S::Assert(a) => {
                let test = self.expr(&a.test);
                let msg = a.msg.as_ref().map(|m| self.expr(m));
                self.push(out, s, StmtKind::Assert { test, msg });
            }
            S::FunctionDef(f) => self.function_def(f, out),
            S::ClassDef(c) => self.class_def(c, out),
            S::Import(i) => {
                for alias in &i.names {
                    let module = alias.name.as_str();
                    let Some(mut m) = self.module(module, alias.range) else {
                        continue;
                    };
                    // `import concurrent.futures` binds `concurrent`.
                    let bound = match &alias.asname {
                        Some(name) => name.as_str(),
                        None => {
                            let top = module.split('.').next().unwrap_or(module);
                            if top != module {
                                m = Module::Concurrent;
                            }
                            top
                        }
                    };
                    if self.frames.len() == 1 {
                        self.imports.insert(bound.to_string(), m);
                    }
                    let name = self.name(bound);
                    self.push(
                        out,
                        s,
                        StmtKind::Import {
                            module: m,
                            member: None,
                            name,
                        },
                    );
                }
            }
            S::ImportFrom(i) => {
                let module_name = i.module.as_ref().map_or("", |m| m.as_str());
                if module_name == "__future__" && i.level == 0 {
                    self.future(i);
                    self.push(out, s, StmtKind::Pass);
                    return;
                }
                if i.level > 0 {
                    self.refuse(
                        i.range,
                        "relative imports are not supported",
                        "a demo is one file: it imports asyncio and time only",
                    );
                    return;
                }
                let Some(m) = self.module(module_name, i.range) else {
                    return;
                };
                for alias in &i.names {
                    let member = alias.name.as_str();
                    if member == "*" {
                        self.refuse(
                            alias.range,
                            format!("'from {module_name} import *' is not supported"),
                            format!("import the names you use: `from {module_name} import sleep`"),
                        );
                        continue;
                    }
                    if !self.check_member(m, member, alias.range) {
                        continue;
                    }
                    let bound = alias.asname.as_ref().unwrap_or(&alias.name).as_str();
                    if self.frames.len() == 1 {
                        self.members
                            .insert(bound.to_string(), (m, member.to_string()));
                    }
                    let name = self.name(bound);
                    self.push(
                        out,
                        s,
                        StmtKind::Import {
                            module: m,
                            member: Some(Arc::from(member)),
                            name,
                        },
                    );
                }
            }
            S::Global(_) | S::Nonlocal(_) => {}
            S::Delete(d) => {
                let targets = d.targets.iter().map(|t| self.target(t)).collect();
                self.push(out, s, StmtKind::Delete(targets));
            }
            S::Pass(_) => self.push(out, s, StmtKind::Pass),
            S::Break(b) => {
                if self.frame().loops == 0 {
                    self.refuse(b.range, "'break' outside loop", "");
                }
                self.push(out, s, StmtKind::Break);
            }
            S::Continue(c) => {
                if self.frame().loops == 0 {
                    self.refuse(c.range, "'continue' not properly in loop", "");
                }
                self.push(out, s, StmtKind::Continue);
            }
            S::Match(m) => self.refuse(
                m.range,
                "'match' statements are not supported",
                "use `if`/`elif`/`else`",
            ),
            S::TypeAlias(t) => self.refuse(
                t.range,
                "'type' aliases are not supported",
                "a demo needs no type annotations",
            ),
            S::IpyEscapeCommand(c) => self.refuse(c.range, "IPython escapes are not Python", ""),
        }
    }

    fn loop_body(&mut self, body: &[S]) -> Vec<Stmt> {
        self.frame_mut().loops += 1;
        let b = self.block(body);
        self.frame_mut().loops -= 1;
        b
    }

    fn if_chain(
        &mut self,
        test: &ast::Expr,
        body: &[S],
        clauses: &[ast::ElifElseClause],
    ) -> StmtKind {
        let test = self.expr(test);
        let body = self.block(body);
        let orelse = match clauses.split_first() {
            None => Vec::new(),
            Some((first, rest)) => match &first.test {
                None => self.block(&first.body),
                Some(t) => {
                    let kind = self.if_chain(t, &first.body, rest);
                    let id = self.stmt_id();
                    vec![Stmt {
                        id,
                        span: self.span(first.range),
                        kind,
                    }]
                }
            },
        };
        StmtKind::If { test, body, orelse }
    }

    /// `with a, b:` is `with a:` holding `with b:`.
    fn with_items(&mut self, w: &ast::StmtWith, index: usize) -> StmtKind {
        let item = &w.items[index];
        let context = self.expr(&item.context_expr);
        let target = item.optional_vars.as_ref().map(|t| self.target(t));
        let body = if index + 1 < w.items.len() {
            let kind = self.with_items(w, index + 1);
            let id = self.stmt_id();
            vec![Stmt {
                id,
                span: self.span(w.items[index + 1].range),
                kind,
            }]
        } else {
            self.block(&w.body)
        };
        StmtKind::With {
            is_async: w.is_async,
            item: WithItem { context, target },
            body,
        }
    }

    /// CPython's compiler refuses `break`, `continue` and `return` that
    /// would leave an `except*` block.
    fn no_exit_in_star(&mut self, body: &[S], in_loop: bool) {
        for s in body {
            let leaves = match s {
                S::Return(_) => true,
                S::Break(_) | S::Continue(_) => !in_loop,
                _ => false,
            };
            if leaves {
                self.refuse(
                    s.range(),
                    "'break', 'continue' and 'return' cannot appear in an except* block",
                    "let the block end, and act on what it found after the `try`",
                );
            }
            match s {
                S::If(i) => {
                    self.no_exit_in_star(&i.body, in_loop);
                    for c in &i.elif_else_clauses {
                        self.no_exit_in_star(&c.body, in_loop);
                    }
                }
                S::With(w) => self.no_exit_in_star(&w.body, in_loop),
                S::Try(t) => {
                    self.no_exit_in_star(&t.body, in_loop);
                    for h in &t.handlers {
                        let ast::ExceptHandler::ExceptHandler(h) = h;
                        self.no_exit_in_star(&h.body, in_loop);
                    }
                    self.no_exit_in_star(&t.orelse, in_loop);
                    self.no_exit_in_star(&t.finalbody, in_loop);
                }
                S::For(l) => {
                    self.no_exit_in_star(&l.body, true);
                    self.no_exit_in_star(&l.orelse, in_loop);
                }
                S::While(l) => {
                    self.no_exit_in_star(&l.body, true);
                    self.no_exit_in_star(&l.orelse, in_loop);
                }
                _ => {}
            }
        }
    }

    pub(super) fn target(&mut self, t: &ast::Expr) -> Target {
        match t {
            ast::Expr::Name(n) => Target::Name(self.name(n.id.as_str())),
            ast::Expr::Attribute(a) => {
                Target::Attr(Box::new(self.expr(&a.value)), Arc::from(a.attr.as_str()))
            }
            ast::Expr::Subscript(s) => {
                Target::Subscript(Box::new(self.expr(&s.value)), Box::new(self.expr(&s.slice)))
            }
            ast::Expr::Tuple(ast::ExprTuple { elts, .. })
            | ast::Expr::List(ast::ExprList { elts, .. }) => {
                let mut star = None;
                let items = elts
                    .iter()
                    .enumerate()
                    .map(|(i, e)| match e {
                        ast::Expr::Starred(s) => {
                            if star.is_some() {
                                self.refuse(
                                    s.range,
                                    "multiple starred expressions in assignment",
                                    "",
                                );
                            }
                            star = Some(i);
                            self.target(&s.value)
                        }
                        e => self.target(e),
                    })
                    .collect();
                Target::Unpack(items, star)
            }
            other => {
                self.refuse(
                    other.range(),
                    "cannot assign to this expression",
                    "assign to a name, an attribute, an item or a tuple of them",
                );
                Target::Name(Name::Global("_".into()))
            }
        }
    }
}

/// An expression that stands for nothing (after a refusal).
pub fn placeholder(span: crate::program::Span) -> Expr {
    Expr {
        kind: ExprKind::Literal(crate::program::expr::Literal::None),
        span,
        suspends: false,
    }
}
