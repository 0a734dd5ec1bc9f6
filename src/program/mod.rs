//! A Python demo program, lowered from the parser's tree into the one form
//! the engine runs and the Rust renderer translates.
//!
//! Names are resolved once, when the program is lowered: every variable is a
//! local slot, a closure cell or a global, so nothing looks a name up by
//! string in a local scope at run time. Every statement has a dense id and its
//! byte range in the source, which the listings and events refer to.

pub mod expr;
pub mod modules;
pub mod visit_mut;
pub use modules::Module;

pub use expr::{
    Arg, BinOp, BoolOp, CmpOp, CompKind, Comprehension, Expr, ExprKind, FormatPart, Generator,
    Literal, Name, UnaryOp,
};
use std::ops::Range;
use std::sync::Arc;

/// Identifies a statement within its program (dense, in source order).
pub type StmtId = u32;

/// Byte range in the source.
pub type Span = Range<usize>;

/// A whole program.
#[derive(Debug)]
pub struct Program {
    /// The file name shown in messages and tracebacks.
    pub file: Arc<str>,
    pub source: Arc<str>,
    /// The module docstring, if there is one.
    pub docstring: Option<String>,
    /// The module's top-level code.
    pub module: Arc<Code>,
    /// Every [`StmtId`] is below it.
    pub statement_count: u32,
}

impl Program {
    /// 1-based line number of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        let end = offset.min(self.source.len());
        self.source.as_bytes()[..end]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1
    }

    /// The source range of a statement, in nested functions and classes
    /// too.
    pub fn stmt_span(&self, id: StmtId) -> Option<Span> {
        fn find(block: &[Stmt], id: StmtId) -> Option<Span> {
            let mut found = None;
            walk(block, &mut |s| {
                if found.is_some() {
                    return;
                }
                if s.id == id {
                    found = Some(s.span.clone());
                } else if let StmtKind::Def { code, .. } | StmtKind::Class { code, .. } = &s.kind {
                    found = find(&code.body, id);
                }
            });
            found
        }
        find(&self.module.body, id)
    }

    /// The variable a statement binds the result of a call of `callee` to,
    /// when it is a plain assignment of that call to one name or attribute:
    /// `queue = asyncio.Queue(2)` and `self.queue = Queue(2)` give `queue`
    /// for the callee `Queue`.
    pub fn assigned_name(&self, id: StmtId, callee: &str) -> Option<Arc<str>> {
        fn calls(value: &Expr, callee: &str) -> bool {
            let ExprKind::Call(func, _) = &value.kind else {
                return false;
            };
            match &func.kind {
                ExprKind::Attr(_, name) => &**name == callee,
                ExprKind::Name(name) => &**name.ident() == callee,
                _ => false,
            }
        }
        fn find(block: &[Stmt], id: StmtId, callee: &str) -> Option<Arc<str>> {
            let mut found = None;
            walk(block, &mut |s| {
                if found.is_some() {
                    return;
                }
                match &s.kind {
                    StmtKind::Assign { targets, value } if s.id == id => {
                        if let [target] = targets.as_slice()
                            && calls(value, callee)
                        {
                            found = match target {
                                Target::Name(n) => Some(n.ident().clone()),
                                Target::Attr(_, attr) => Some(attr.clone()),
                                _ => None,
                            };
                        }
                    }
                    StmtKind::Def { code, .. } | StmtKind::Class { code, .. } => {
                        found = find(&code.body, id, callee);
                    }
                    _ => {}
                }
            });
            found
        }
        find(&self.module.body, id, callee)
    }

    /// The text of a 1-based line, without its newline.
    pub fn line_text(&self, line: usize) -> &str {
        self.source
            .lines()
            .nth(line.saturating_sub(1))
            .unwrap_or("")
    }
}

/// What kind of code object a [`Code`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeKind {
    Module,
    Function,
    Lambda,
    /// A class body, run once to fill the class namespace.
    Class,
    /// A list, set or dict comprehension or a generator expression: its own
    /// scope, as in Python 3.
    Comprehension,
}

/// A body of code with its own scope: the module, a function, a lambda, a
/// class body or a comprehension.
#[derive(Clone, Debug)]
pub struct Code {
    pub name: Arc<str>,
    /// `Outer.method` or `outer.<locals>.inner`, as Python's `__qualname__`.
    pub qualname: Arc<str>,
    pub kind: CodeKind,
    pub is_async: bool,
    /// Contains `yield`: calling it makes a generator.
    pub is_generator: bool,
    pub params: Params,
    pub body: Vec<Stmt>,
    /// Local variable slots, by name.
    pub locals: Vec<Arc<str>>,
    /// Cell slots: the locals that inner functions capture, then the free
    /// variables this code captures from its enclosing function.
    pub cells: Vec<Arc<str>>,
    /// How many of `cells` are this code's own (the rest are free).
    pub own_cells: usize,
    /// For each free variable, the cell index in the enclosing code it is
    /// taken from when the function is defined.
    pub captures: Vec<u32>,
    /// Parameters that live in a cell (captured by an inner function): the
    /// parameter's local slot and its cell, copied in when the call starts.
    pub cell_params: Vec<(u32, u32)>,
    /// The docstring: a string literal as the body's first statement.
    pub docstring: Option<Arc<str>>,
    pub span: Span,
}

/// A function's parameters.
#[derive(Clone, Debug, Default)]
pub struct Params {
    /// Positional-or-keyword parameters (positional-only ones first).
    pub positional: Vec<Param>,
    /// `*args`.
    pub varargs: Option<Param>,
    pub keyword_only: Vec<Param>,
    /// `**kwargs`.
    pub varkw: Option<Param>,
}

impl Params {
    /// Every parameter in slot order.
    pub fn all(&self) -> impl Iterator<Item = &Param> {
        self.positional
            .iter()
            .chain(self.varargs.iter())
            .chain(self.keyword_only.iter())
            .chain(self.varkw.iter())
    }
}

/// One parameter: its name, local slot, and whether it has a default
/// (the defaults are evaluated where the function is defined).
#[derive(Clone, Debug)]
pub struct Param {
    pub name: Arc<str>,
    pub slot: u32,
    pub has_default: bool,
}

/// A statement, with its id and source range.
#[derive(Clone, Debug)]
pub struct Stmt {
    pub id: StmtId,
    pub span: Span,
    pub kind: StmtKind,
}

/// An assignment target.
#[derive(Clone, Debug)]
pub enum Target {
    Name(Name),
    Attr(Box<Expr>, Arc<str>),
    Subscript(Box<Expr>, Box<Expr>),
    /// `a, b = ...` or `[a, *rest] = ...`: the index of the starred one.
    Unpack(Vec<Target>, Option<usize>),
}

/// `except Class as name:`.
#[derive(Clone, Debug)]
pub struct Handler {
    /// `None` for a bare `except:`.
    pub class: Option<Expr>,
    /// `except*`: it takes its part of an exception group.
    pub star: bool,
    pub name: Option<Name>,
    pub body: Vec<Stmt>,
    pub span: Span,
}

/// One `with` item: `expr as target`.
#[derive(Clone, Debug)]
pub struct WithItem {
    pub context: Expr,
    pub target: Option<Target>,
}

#[derive(Clone, Debug)]
pub enum StmtKind {
    /// An expression evaluated for its effect, usually a call.
    Expr(Expr),
    /// `t1 = t2 = value`.
    Assign {
        targets: Vec<Target>,
        value: Expr,
    },
    /// `target op= value`.
    AugAssign {
        target: Target,
        op: BinOp,
        value: Expr,
    },
    Return(Option<Expr>),
    If {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    While {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    /// `for` and `async for`.
    For {
        is_async: bool,
        target: Target,
        iter: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    /// `with` and `async with`, one item each (several items nest).
    With {
        is_async: bool,
        item: WithItem,
        body: Vec<Stmt>,
    },
    Try {
        body: Vec<Stmt>,
        handlers: Vec<Handler>,
        orelse: Vec<Stmt>,
        finalbody: Vec<Stmt>,
    },
    /// `raise`, `raise exc`, `raise exc from cause`.
    Raise {
        exc: Option<Expr>,
        cause: Option<Expr>,
    },
    Assert {
        test: Expr,
        msg: Option<Expr>,
    },
    /// `def` and `async def`: binds a new function to `name`.
    Def {
        code: Arc<Code>,
        name: Name,
        /// Default values, evaluated when the function is defined: one per
        /// positional parameter with a default, then keyword-only ones.
        defaults: Vec<Expr>,
        /// `@decorator` expressions, outermost first: evaluated before the
        /// defaults, applied innermost first.
        decorators: Vec<Expr>,
        /// The annotations of the parameters and `return`, in order: each
        /// expression, or its source text (a string literal) under
        /// `from __future__ import annotations`. They become the
        /// function's `__annotations__`.
        annotations: Vec<(Arc<str>, Expr)>,
    },
    Class {
        code: Arc<Code>,
        name: Name,
        bases: Vec<Expr>,
        /// `@decorator` expressions, outermost first.
        decorators: Vec<Expr>,
    },
    /// `import asyncio`, `from asyncio import sleep as nap`: binds a module
    /// or one of its members.
    Import {
        module: Module,
        member: Option<Arc<str>>,
        name: Name,
    },
    Delete(Vec<Target>),
    /// `name: annotation` at module or class level: the annotation goes
    /// into the namespace's `__annotations__` (after the value, if any,
    /// is assigned).
    Annotate {
        name: Arc<str>,
        annotation: Expr,
    },
    Pass,
    Break,
    Continue,
}

/// Visits every statement of a block, nested blocks included (not nested
/// functions), in source order.
pub fn walk<'a>(block: &'a [Stmt], f: &mut impl FnMut(&'a Stmt)) {
    for stmt in block {
        f(stmt);
        for inner in blocks(stmt) {
            walk(inner, f);
        }
    }
}

/// The blocks of statements nested in `stmt` (not in nested functions),
/// in source order: a `try`'s body, its handlers', its `else` and its
/// `finally`.
pub fn blocks(stmt: &Stmt) -> Vec<&[Stmt]> {
    match &stmt.kind {
        StmtKind::If { body, orelse, .. }
        | StmtKind::While { body, orelse, .. }
        | StmtKind::For { body, orelse, .. } => vec![body, orelse],
        StmtKind::With { body, .. } => vec![body],
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            let mut out: Vec<&[Stmt]> = vec![body];
            out.extend(handlers.iter().map(|h| h.body.as_slice()));
            out.extend([orelse.as_slice(), finalbody]);
            out
        }
        _ => Vec::new(),
    }
}
