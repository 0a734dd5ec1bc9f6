//! Scope analysis: which names each function, lambda, class body and
//! comprehension binds, and which of them inner scopes capture. Python's
//! rules: a name bound anywhere in a function is local to all of it, unless
//! declared `global` or `nonlocal`; a free name is looked up in the
//! enclosing functions (not class bodies), then in the module.

use indexmap::IndexSet;
use ruff_python_ast::visitor::{Visitor, walk_expr, walk_stmt};
use ruff_python_ast::{self as ast, Expr, ExprContext, Stmt};
use ruff_text_size::TextRange;
use std::collections::HashMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Function,
    Class,
    Comprehension,
}

/// What one scope binds and uses.
#[derive(Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    parent: Option<usize>,
    /// Bound names in order of first binding (parameters first).
    bound: IndexSet<String>,
    uses: IndexSet<String>,
    pub globals: IndexSet<String>,
    pub nonlocals: IndexSet<String>,
    /// Locals that inner scopes capture.
    pub cells: IndexSet<String>,
    /// Names this scope takes from an enclosing function.
    pub frees: IndexSet<String>,
    pub is_generator: bool,
    pub has_await: bool,
}

impl Scope {
    /// The names that are this scope's own locals, in slot order.
    pub fn locals(&self) -> impl Iterator<Item = &String> {
        self.bound
            .iter()
            .filter(|n| !self.globals.contains(*n) && !self.nonlocals.contains(*n))
    }

    pub fn is_local(&self, name: &str) -> bool {
        self.bound.contains(name) && !self.globals.contains(name) && !self.nonlocals.contains(name)
    }
}

/// Every scope of a module, found by the range of the node that opens it.
#[derive(Debug)]
pub struct Scopes {
    pub scopes: Vec<Scope>,
    by_range: HashMap<TextRange, usize>,
    /// `nonlocal` names with no enclosing binding, with where they are declared.
    pub unbound_nonlocals: Vec<(String, TextRange)>,
}

impl Scopes {
    /// Analyses a module.
    pub fn analyse(module: &[Stmt]) -> Scopes {
        let mut b = Builder {
            scopes: vec![Scope::new(ScopeKind::Module, None)],
            stack: vec![0],
            by_range: HashMap::new(),
            nonlocal_at: Vec::new(),
        };
        b.visit_body(module);
        let mut scopes = Scopes {
            scopes: b.scopes,
            by_range: b.by_range,
            unbound_nonlocals: Vec::new(),
        };
        scopes.resolve_frees(&b.nonlocal_at);
        scopes
    }

    /// The scope a function, lambda, class or comprehension node opens.
    pub fn of(&self, range: TextRange) -> usize {
        self.by_range[&range]
    }

    pub fn module(&self) -> &Scope {
        &self.scopes[0]
    }

    fn resolve_frees(&mut self, nonlocal_at: &[(usize, String, TextRange)]) {
        for s in 0..self.scopes.len() {
            if self.scopes[s].kind == ScopeKind::Module {
                continue;
            }
            let wanted: Vec<String> = self.scopes[s]
                .uses
                .iter()
                .chain(self.scopes[s].nonlocals.iter())
                .cloned()
                .collect();
            for name in wanted {
                let scope = &self.scopes[s];
                if scope.globals.contains(&name) || scope.is_local(&name) {
                    continue;
                }
                if scope.kind == ScopeKind::Class && !scope.nonlocals.contains(&name) {
                    // A class body reads unknown names from the module.
                    continue;
                }
                let mut path = vec![s];
                let mut up = scope.parent;
                let mut found = None;
                while let Some(p) = up {
                    let outer = &self.scopes[p];
                    match outer.kind {
                        ScopeKind::Module => break,
                        ScopeKind::Class => {}
                        _ if outer.globals.contains(&name) => break,
                        _ if outer.is_local(&name) => {
                            found = Some(p);
                            break;
                        }
                        _ => path.push(p),
                    }
                    up = outer.parent;
                }
                if let Some(owner) = found {
                    self.scopes[owner].cells.insert(name.clone());
                    for q in path {
                        if self.scopes[q].kind != ScopeKind::Class {
                            self.scopes[q].frees.insert(name.clone());
                        }
                    }
                }
            }
        }
        for (s, name, range) in nonlocal_at {
            if !self.scopes[*s].frees.contains(name) {
                self.unbound_nonlocals.push((name.clone(), *range));
            }
        }
    }
}

impl Scope {
    fn new(kind: ScopeKind, parent: Option<usize>) -> Scope {
        Scope {
            kind,
            parent,
            bound: IndexSet::new(),
            uses: IndexSet::new(),
            globals: IndexSet::new(),
            nonlocals: IndexSet::new(),
            cells: IndexSet::new(),
            frees: IndexSet::new(),
            is_generator: false,
            has_await: false,
        }
    }
}

struct Builder {
    scopes: Vec<Scope>,
    stack: Vec<usize>,
    by_range: HashMap<TextRange, usize>,
    nonlocal_at: Vec<(usize, String, TextRange)>,
}

impl Builder {
    fn current(&mut self) -> &mut Scope {
        let i = *self.stack.last().expect("a scope is open");
        &mut self.scopes[i]
    }

    fn bind(&mut self, name: &str) {
        self.current().bound.insert(name.to_string());
    }

    fn push(&mut self, kind: ScopeKind, range: TextRange) {
        let parent = *self.stack.last().expect("a scope is open");
        self.scopes.push(Scope::new(kind, Some(parent)));
        let i = self.scopes.len() - 1;
        self.by_range.insert(range, i);
        self.stack.push(i);
    }

    fn pop(&mut self) {
        self.stack.pop();
    }

    fn parameters(&mut self, params: &'_ ast::Parameters) {
        for p in params.posonlyargs.iter().chain(params.args.iter()) {
            self.bind(p.name().as_str());
        }
        if let Some(v) = &params.vararg {
            self.bind(v.name.as_str());
        }
        for p in params.kwonlyargs.iter() {
            self.bind(p.name().as_str());
        }
        if let Some(k) = &params.kwarg {
            self.bind(k.name.as_str());
        }
    }

    fn defaults(&mut self, params: &ast::Parameters) {
        for p in params
            .posonlyargs
            .iter()
            .chain(params.args.iter())
            .chain(params.kwonlyargs.iter())
        {
            if let Some(d) = &p.default {
                self.visit_expr(d);
            }
        }
    }

    fn comprehension<'a>(
        &mut self,
        range: TextRange,
        generators: &'a [ast::Comprehension],
        elements: &[&'a Expr],
    ) {
        if let Some(first) = generators.first() {
            self.visit_expr(&first.iter);
        }
        self.push(ScopeKind::Comprehension, range);
        for (i, g) in generators.iter().enumerate() {
            if i > 0 {
                self.visit_expr(&g.iter);
            }
            if g.is_async {
                self.current().has_await = true;
            }
            self.visit_expr(&g.target);
            for cond in &g.ifs {
                self.visit_expr(cond);
            }
        }
        for e in elements {
            self.visit_expr(e);
        }
        self.pop();
    }
}

impl<'a> Visitor<'a> for Builder {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::FunctionDef(f) => {
                self.bind(f.name.as_str());
                for d in &f.decorator_list {
                    self.visit_expr(&d.expression);
                }
                self.defaults(&f.parameters);
                self.push(ScopeKind::Function, f.range);
                self.parameters(&f.parameters);
                self.visit_body(&f.body);
                self.pop();
            }
            Stmt::ClassDef(c) => {
                self.bind(c.name.as_str());
                for d in &c.decorator_list {
                    self.visit_expr(&d.expression);
                }
                if let Some(args) = &c.arguments {
                    for a in args.args.iter() {
                        self.visit_expr(a);
                    }
                }
                self.push(ScopeKind::Class, c.range);
                self.visit_body(&c.body);
                self.pop();
            }
            Stmt::Global(g) => {
                for n in &g.names {
                    self.current().globals.insert(n.as_str().to_string());
                }
            }
            Stmt::Nonlocal(n) => {
                let s = *self.stack.last().expect("a scope is open");
                for name in &n.names {
                    self.current().nonlocals.insert(name.as_str().to_string());
                    self.nonlocal_at
                        .push((s, name.as_str().to_string(), name.range));
                }
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    let name = a.asname.as_ref().unwrap_or(&a.name).as_str();
                    let first = name.split('.').next().unwrap_or(name).to_string();
                    self.bind(&first);
                }
            }
            Stmt::ImportFrom(i) => {
                for a in &i.names {
                    self.bind(a.asname.as_ref().unwrap_or(&a.name).as_str());
                }
            }
            Stmt::Try(t) => {
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(n) = &h.name {
                        self.bind(n.as_str());
                    }
                }
                walk_stmt(self, stmt);
            }
            _ => walk_stmt(self, stmt),
        }
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        match expr {
            Expr::Name(n) => match n.ctx {
                ExprContext::Load => {
                    self.current().uses.insert(n.id.as_str().to_string());
                }
                _ => self.bind(n.id.as_str()),
            },
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.defaults(p);
                }
                self.push(ScopeKind::Function, l.range);
                if let Some(p) = &l.parameters {
                    self.parameters(p);
                }
                self.visit_expr(&l.body);
                self.pop();
            }
            Expr::ListComp(c) => self.comprehension(c.range, &c.generators, &[&c.elt]),
            Expr::SetComp(c) => self.comprehension(c.range, &c.generators, &[&c.elt]),
            Expr::Generator(c) => self.comprehension(c.range, &c.generators, &[&c.elt]),
            Expr::DictComp(c) => {
                let mut parts: Vec<&Expr> = Vec::new();
                if let Some(k) = &c.key {
                    parts.push(k);
                }
                parts.push(&c.value);
                self.comprehension(c.range, &c.generators, &parts)
            }
            Expr::Yield(_) | Expr::YieldFrom(_) => {
                self.current().is_generator = true;
                walk_expr(self, expr);
            }
            Expr::Await(_) => {
                self.current().has_await = true;
                walk_expr(self, expr);
            }
            _ => walk_expr(self, expr),
        }
    }

    fn visit_expr_context(&mut self, _: &'a ExprContext) {}

    fn visit_annotation(&mut self, _: &'a Expr) {}
}
