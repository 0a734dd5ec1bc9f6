//! Lowering: the parser's tree to a [`Program`], checking the supported
//! subset on the way. Every construct outside it becomes a located
//! [`LessonError`] saying what is not supported and what to write instead;
//! all of them are collected, not only the first.

mod calls;
mod defs;
mod expr;
mod imports;
mod stmt;

use super::scope::{ScopeKind, Scopes};
use crate::lesson::diagnostic::LessonError;
use crate::program::{
    Code, CodeKind, Expr, ExprKind, Literal, Module, Name, Param, Params, Program, Span, Stmt,
    StmtId, StmtKind,
};
use ruff_python_ast::{self as ast, ModModule};
use ruff_text_size::{Ranged, TextRange};
use std::collections::HashMap;
use std::sync::Arc;

/// Lowers a parsed module.
pub fn lower(
    file: &str,
    source: &Arc<str>,
    module: &ModModule,
) -> Result<Program, Vec<LessonError>> {
    let scopes = Scopes::analyse(&module.body);
    let mut l = Lowerer {
        file: file.to_string(),
        source: source.clone(),
        errors: Vec::new(),
        next_stmt: 0,
        frames: Vec::new(),
        imports: HashMap::new(),
        members: HashMap::new(),
        async_defs: module
            .body
            .iter()
            .filter_map(|s| match s {
                ast::Stmt::FunctionDef(f) if f.is_async => Some(f.name.as_str().to_string()),
                _ => None,
            })
            .collect(),
        scopes,
        future_annotations: false,
        loop_defs: super::loops::loop_functions(&module.body),
    };
    for (name, range) in l.scopes.unbound_nonlocals.clone() {
        l.refuse(
            range,
            format!("no binding for nonlocal '{name}' found"),
            "`nonlocal` names a variable of an enclosing function",
        );
    }
    let docstring = docstring(&module.body);
    l.frames.push(l.frame_for(0, "<module>".into()));
    let body = l.block(&module.body);
    let frame = l.frames.pop().expect("module frame");
    let code = Code {
        name: "<module>".into(),
        qualname: "<module>".into(),
        kind: CodeKind::Module,
        is_async: false,
        is_generator: false,
        params: Params::default(),
        body,
        locals: frame.locals,
        cells: frame.cells,
        own_cells: 0,
        captures: Vec::new(),
        cell_params: Vec::new(),
        docstring: docstring.as_deref().map(Arc::from),
        span: 0..source.len(),
    };
    if !l.errors.is_empty() {
        l.errors.sort_by_key(|e| e.span.start);
        return Err(l.errors);
    }
    Ok(Program {
        file: Arc::from(file),
        source: source.clone(),
        docstring,
        module: Arc::new(code),
        statement_count: l.next_stmt,
    })
}

/// The module docstring: a string literal as the first statement.
fn docstring(body: &[ast::Stmt]) -> Option<String> {
    let ast::Stmt::Expr(e) = body.first()? else {
        return None;
    };
    let ast::Expr::StringLiteral(s) = &*e.value else {
        return None;
    };
    Some(s.value.to_str().to_string())
}

/// The names of one scope being lowered.
struct Frame {
    scope: usize,
    kind: ScopeKind,
    qualname: String,
    locals: Vec<Arc<str>>,
    cells: Vec<Arc<str>>,
    own_cells: usize,
    /// Inside a loop (for `break`/`continue`), counted per function.
    loops: u32,
    is_async: bool,
}

struct Lowerer {
    file: String,
    source: Arc<str>,
    errors: Vec<LessonError>,
    next_stmt: StmtId,
    frames: Vec<Frame>,
    /// Module-level names bound by `import`: which module they name.
    imports: HashMap<String, Module>,
    /// Module-level names bound by `from module import member`.
    members: HashMap<String, (Module, String)>,
    /// Names of the module's `async def`s.
    async_defs: std::collections::HashSet<String>,
    /// `from __future__ import annotations`: annotations stay strings.
    future_annotations: bool,
    scopes: Scopes,
    /// Names of the plain `def`s that may run an event loop (`def main():
    /// asyncio.run(...)`): a call of one waits there.
    loop_defs: std::collections::HashSet<String>,
}

impl Lowerer {
    fn span(&self, range: TextRange) -> Span {
        usize::from(range.start())..usize::from(range.end())
    }

    fn refuse(&mut self, range: TextRange, message: impl Into<String>, help: impl Into<String>) {
        let span = self.span(range);
        let help: String = help.into();
        self.errors.push(LessonError::new(
            &self.file,
            &self.source,
            span,
            message,
            (!help.is_empty()).then_some(help),
        ));
    }

    fn stmt_id(&mut self) -> StmtId {
        let id = self.next_stmt;
        self.next_stmt += 1;
        id
    }

    fn frame(&self) -> &Frame {
        self.frames.last().expect("a frame is open")
    }

    fn frame_mut(&mut self) -> &mut Frame {
        self.frames.last_mut().expect("a frame is open")
    }

    /// The slots of a scope: its locals, then its cells (own, then free).
    fn frame_for(&self, scope: usize, qualname: String) -> Frame {
        let s = &self.scopes.scopes[scope];
        let (locals, cells, own_cells) = match s.kind {
            ScopeKind::Module | ScopeKind::Class => (Vec::new(), Vec::new(), 0),
            _ => {
                let locals = s.locals().map(|n| Arc::from(n.as_str())).collect();
                let own: Vec<Arc<str>> = s.cells.iter().map(|n| Arc::from(n.as_str())).collect();
                let own_cells = own.len();
                let mut cells = own;
                cells.extend(s.frees.iter().map(|n| Arc::from(n.as_str())));
                (locals, cells, own_cells)
            }
        };
        Frame {
            scope,
            kind: s.kind,
            qualname,
            locals,
            cells,
            own_cells,
            loops: 0,
            is_async: false,
        }
    }

    /// Where `name` lives in the scope being lowered.
    fn name(&self, name: &str) -> Name {
        let f = self.frame();
        let n: Arc<str> = Arc::from(name);
        if matches!(f.kind, ScopeKind::Module | ScopeKind::Class) {
            return Name::Global(n);
        }
        let scope = &self.scopes.scopes[f.scope];
        if scope.globals.contains(name) {
            return Name::Global(n);
        }
        if let Some(i) = f.cells.iter().position(|c| **c == *name) {
            return Name::Cell(i as u32, n);
        }
        if let Some(i) = f.locals.iter().position(|c| **c == *name) {
            return Name::Local(i as u32, n);
        }
        Name::Global(n)
    }

    /// Whether the module binds `name` itself (so a builtin of that name is
    /// shadowed).
    fn module_binds(&self, name: &str) -> bool {
        self.scopes.module().is_local(name)
    }

    /// Whether `name` read here is the builtin of that name: no function
    /// scope around it and no module binding shadows it.
    fn names_builtin(&self, name: &str) -> bool {
        matches!(self.name(name), Name::Global(_))
            && !self.module_binds(name)
            && !self
                .frames
                .iter()
                .any(|f| f.kind == ScopeKind::Class && self.scopes.scopes[f.scope].is_local(name))
    }

    /// Lowers the parameters and body of a function or lambda into a code
    /// object; `body` lowers the body inside the new frame.
    fn code(
        &mut self,
        range: TextRange,
        name: &str,
        kind: CodeKind,
        is_async: bool,
        params: Option<&ast::Parameters>,
        body: impl FnOnce(&mut Self) -> Vec<Stmt>,
    ) -> Arc<Code> {
        let scope = self.scopes.of(range);
        let qualname = match self.frames.last() {
            Some(f) if f.kind == ScopeKind::Function || f.kind == ScopeKind::Comprehension => {
                format!("{}.<locals>.{name}", f.qualname)
            }
            Some(f) if f.kind == ScopeKind::Class => format!("{}.{name}", f.qualname),
            _ => name.to_string(),
        };
        let mut frame = self.frame_for(scope, qualname.clone());
        frame.is_async = is_async;
        // Captures: each free variable's cell in the enclosing frame.
        let captures: Vec<u32> = frame.cells[frame.own_cells..]
            .iter()
            .map(|n| match self.name(n) {
                Name::Cell(i, _) => i,
                // The scope analysis only marks names free that an
                // enclosing function holds in a cell.
                _ => u32::MAX,
            })
            .collect();
        self.frames.push(frame);
        let params = match params {
            Some(p) => self.params(p),
            None => Params::default(),
        };
        let body = body(self);
        let frame = self.frames.pop().expect("code frame");
        let cell_params = params
            .all()
            .filter_map(|p| {
                frame.cells[..frame.own_cells]
                    .iter()
                    .position(|c| *c == p.name)
                    .map(|c| (p.slot, c as u32))
            })
            .collect();
        let s = &self.scopes.scopes[scope];
        let docstring = match body.first().map(|s| &s.kind) {
            Some(StmtKind::Expr(Expr {
                kind: ExprKind::Literal(Literal::Str(doc)),
                ..
            })) if matches!(kind, CodeKind::Function | CodeKind::Class) => Some(doc.clone()),
            _ => None,
        };
        Arc::new(Code {
            name: Arc::from(name),
            qualname: Arc::from(qualname),
            kind,
            is_async,
            is_generator: s.is_generator,
            params,
            body,
            locals: frame.locals,
            cells: frame.cells,
            own_cells: frame.own_cells,
            captures,
            cell_params,
            docstring,
            span: self.span(range),
        })
    }

    /// Parameters get local slots even when they live in a cell; the call
    /// copies them in.
    fn params(&mut self, p: &ast::Parameters) -> Params {
        let slot = |l: &mut Self, name: &str| -> u32 {
            let f = l.frame_mut();
            match f.locals.iter().position(|n| **n == *name) {
                Some(i) => i as u32,
                None => {
                    f.locals.push(Arc::from(name));
                    (f.locals.len() - 1) as u32
                }
            }
        };
        let mut out = Params::default();
        for a in p.posonlyargs.iter().chain(p.args.iter()) {
            let name = a.name().as_str();
            let s = slot(self, name);
            out.positional.push(Param {
                name: Arc::from(name),
                slot: s,
                has_default: a.default.is_some(),
            });
        }
        if let Some(v) = &p.vararg {
            let s = slot(self, v.name.as_str());
            out.varargs = Some(Param {
                name: Arc::from(v.name.as_str()),
                slot: s,
                has_default: false,
            });
        }
        for a in p.kwonlyargs.iter() {
            let name = a.name().as_str();
            let s = slot(self, name);
            out.keyword_only.push(Param {
                name: Arc::from(name),
                slot: s,
                has_default: a.default.is_some(),
            });
        }
        if let Some(k) = &p.kwarg {
            let s = slot(self, k.name.as_str());
            out.varkw = Some(Param {
                name: Arc::from(k.name.as_str()),
                slot: s,
                has_default: false,
            });
        }
        out
    }

    fn in_async(&self) -> bool {
        self.frames
            .iter()
            .rev()
            .find(|f| f.kind != ScopeKind::Comprehension)
            .is_some_and(|f| f.is_async)
    }

    fn in_function(&self) -> bool {
        self.frames.iter().any(|f| f.kind == ScopeKind::Function)
    }

    fn ranged(&self, node: &impl Ranged) -> Span {
        self.span(node.range())
    }
}
