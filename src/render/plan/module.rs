//! The module's statements: its definitions (and the nested functions
//! hoisted from them), and its own code, the statements at the top of the
//! file other than definitions and imports. The listing runs the code in
//! `main`, in order: the
//! module's variables become `main`'s locals and `asyncio.run(f(...))`
//! awaits `f(...)` there (a program that never calls it gets a plain
//! `fn main`).

use super::scope::Scope;
use super::{Planner, Result, module_stmts, no_decorators, refuse};
use crate::program::{self as py};
use crate::program::{Arg, ExprKind as E, Module, Name, Stmt, StmtKind as P, Target};
use crate::render::plan::ir::ast::{Function, FunctionKind};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// The name of the plan function that holds the module's code: no Python
/// definition can have it.
pub const MODULE: &str = "<module>";

/// Whether a module-level statement is a definition, an import or nothing
/// that runs (a docstring, `pass`, an annotation).
pub(super) fn is_definition(s: &Stmt) -> bool {
    match &s.kind {
        P::Import { .. } | P::Pass | P::Annotate { .. } | P::Def { .. } | P::Class { .. } => true,
        P::Expr(e) => super::stmt::is_docstring(e),
        _ => false,
    }
}

/// Every name bound in `code` (nested blocks included, not nested
/// functions), with how many statements bind it; only module globals when
/// `globals_only`.
pub(super) fn bound(code: &[Stmt], globals_only: bool) -> HashMap<Arc<str>, usize> {
    fn add(t: &Target, globals_only: bool, out: &mut HashMap<Arc<str>, usize>) {
        match t {
            Target::Name(n) if !globals_only || matches!(n, Name::Global(_)) => {
                *out.entry(n.ident().clone()).or_default() += 1;
            }
            Target::Unpack(ts, _) => ts.iter().for_each(|t| add(t, globals_only, out)),
            Target::Name(_) | Target::Attr(..) | Target::Subscript(..) => {}
        }
    }
    let mut out = HashMap::new();
    crate::program::walk(code, &mut |s| match &s.kind {
        P::Assign { targets, .. } => targets.iter().for_each(|t| add(t, globals_only, &mut out)),
        P::AugAssign { target, .. } | P::For { target, .. } => add(target, globals_only, &mut out),
        P::Delete(ts) => ts.iter().for_each(|t| add(t, globals_only, &mut out)),
        P::With {
            item: py::WithItem {
                target: Some(t), ..
            },
            ..
        } => add(t, globals_only, &mut out),
        P::Try { handlers, .. } => {
            for h in handlers {
                if let Some(n) = &h.name {
                    *out.entry(n.ident().clone()).or_default() += 1;
                }
            }
        }
        _ => {}
    });
    out
}

/// The module's constants: names the module's code binds once, at its
/// top level, to a number, string, boolean or enum member, and that no function
/// assigns (with `global`). The listing writes the value where the name
/// is read, as Rust's `const` items are inlined.
pub(super) fn constants<'p>(
    code: &[&'p Stmt],
    functions: &[&'p [Stmt]],
    member: &dyn Fn(&py::Expr) -> bool,
) -> HashMap<Arc<str>, &'p py::Expr> {
    let owned: Vec<Stmt> = code.iter().map(|s| (*s).clone()).collect();
    let module = bound(&owned, false);
    let assigned: HashSet<Arc<str>> = functions
        .iter()
        .flat_map(|body| bound(body, true).into_keys())
        .collect();
    let mut out = HashMap::new();
    for s in code {
        if let P::Assign { targets, value } = &s.kind
            && let [Target::Name(Name::Global(n))] = targets.as_slice()
            && (super::calls::is_constant(value) || member(value))
            && !matches!(value.kind, E::Literal(py::Literal::None))
            && module.get(n) == Some(&1)
            && !assigned.contains(n)
        {
            out.insert(n.clone(), value);
        }
    }
    out
}

/// Whether `s` defines one of the module's constants (the listing writes
/// its value where it is read instead).
pub(super) fn defines_constant(s: &Stmt, consts: &HashMap<Arc<str>, &py::Expr>) -> bool {
    matches!(&s.kind, P::Assign { targets, .. }
        if matches!(targets.as_slice(), [Target::Name(Name::Global(n))] if consts.contains_key(n)))
}

/// The names the module's code binds (definitions, imports and constants
/// aside).
fn module_vars(code: &[Stmt], consts: &HashMap<Arc<str>, &py::Expr>) -> HashSet<Arc<str>> {
    bound(code, false)
        .into_keys()
        .filter(|n| !consts.contains_key(n))
        .collect()
}

/// Makes a module variable a local of the function that runs the code;
/// Rust's locals are snake case, so `TOTAL` is `total` (unless that name
/// is taken).
fn name(n: &mut Name, vars: &HashSet<Arc<str>>) {
    if let Name::Global(g) = n
        && vars.contains(g)
    {
        let lower: Arc<str> = g.to_lowercase().into();
        let local = if vars.contains(&lower) {
            g.clone()
        } else {
            lower
        };
        *n = Name::Local(0, local);
    }
}

impl Planner<'_> {
    /// `asyncio.run(c)` or `x = asyncio.run(c)`: the coroutine call and
    /// the variable it sets.
    pub(super) fn asyncio_run<'s>(
        &self,
        s: &'s Stmt,
    ) -> Option<(&'s py::Expr, Option<&'s Target>)> {
        let (value, into) = match &s.kind {
            P::Expr(e) => (e, None),
            P::Assign { targets, value } if targets.len() == 1 => (value, targets.first()),
            _ => return None,
        };
        let E::Call(f, args) = &value.kind else {
            return None;
        };
        match args.as_slice() {
            [Arg::Positional(c)] if self.is_member(f, Module::Asyncio, "run") => Some((c, into)),
            _ => None,
        }
    }

    /// The function that runs the module's code (every statement that
    /// defines no function, class or constant), in source order.
    pub(super) fn module_code(&self, code: &[&Stmt]) -> Function {
        let mut stmts: Vec<Stmt> = code.iter().map(|s| (*s).clone()).collect();
        let mut vars = module_vars(&stmts, &self.consts);
        vars.retain(|v| self.shared(v).is_none());
        super::rename::block(&mut stmts, &|n| name(n, &vars));
        // One `asyncio.run(...)` that ends the module: `main` is the event
        // loop's. Otherwise `main` is plain, and each `asyncio.run(...)` has
        // an event loop of its own, which cancels the tasks left when the
        // coroutine ends, before the next statements run.
        let mut runs = 0;
        crate::program::walk(&stmts, &mut |s| {
            runs += usize::from(self.asyncio_run(s).is_some())
        });
        let last = stmts.last().is_some_and(|s| self.asyncio_run(s).is_some());
        // `sys.exit(...)` in a coroutine: `run` reports the status to `main`.
        let exits = self.exits_in_functions(&self.program.module.body);
        let kind = if runs == 1 && last && !exits {
            FunctionKind::Coroutine
        } else {
            FunctionKind::Blocking
        };
        let mut sc = Scope::new(kind, Vec::new());
        sc.module = true;
        let body = self.block(&mut sc, &stmts).unwrap_or_default();
        let first = code.first().map_or(0, |s| s.span.start);
        let last = code.last().map_or(0, |s| s.span.end);
        Function {
            kind,
            name: MODULE.into(),
            params: Vec::new(),
            fields: Vec::new(),
            body,
            exit: Vec::new(),
            span: first..last,
        }
    }

    /// Plans the module's statements; false if a definition is refused
    /// (then the plan misses a function its callers need). The module's
    /// code other than one `asyncio.run(main())` is a function of its own,
    /// [`MODULE`], the entry.
    pub(super) fn module(
        &self,
        body: &[Stmt],
        functions: &mut Vec<Function>,
        entry: &mut Option<String>,
    ) -> bool {
        let mut whole = true;
        let mut code = Vec::new();
        for s in module_stmts(body) {
            if !is_definition(s) {
                if !defines_constant(s, &self.consts)
                    && !self.defines_static(s)
                    && !self.defines_keeper(s)
                {
                    code.push(s);
                }
            } else if let Err(e) = self.module_stmt(s, functions) {
                self.blockers.borrow_mut().push(e);
                whole &= !matches!(s.kind, P::Def { .. } | P::Class { .. });
            } else if let P::Class {
                code: body, name, ..
            } = &s.kind
                && self.is_plain_class(name.ident())
            {
                // What the class body calls runs where the class is defined.
                code.extend(super::class_stmts::definition_calls(body));
            }
        }
        for (_, s) in &self.hoisted {
            let P::Def { code, name: n, .. } = &s.kind else {
                continue;
            };
            // Just before the function around it.
            match self.function(code, n, s) {
                Ok(f) => {
                    let at = functions
                        .iter()
                        .position(|g| g.span.contains(&f.span.start))
                        .unwrap_or(functions.len());
                    functions.insert(at, f);
                }
                Err(e) => {
                    self.blockers.borrow_mut().push(e);
                    whole = false;
                }
            }
        }
        match code.as_slice() {
            [s] if let P::Expr(e) = &s.kind
                && let Some(name) = self.entry_of(e)
                && !self.exits_in_functions(body) =>
            {
                *entry = Some(name)
            }
            _ => {
                functions.push(self.module_code(&code));
                *entry = Some(MODULE.into());
            }
        }
        whole
    }

    /// Plans a definition at the top of the file (imports and docstrings
    /// need nothing).
    fn module_stmt(&self, s: &Stmt, functions: &mut Vec<Function>) -> Result<()> {
        match &s.kind {
            P::Def {
                code,
                name,
                decorators,
                ..
            } => {
                no_decorators(decorators)?;
                functions.push(self.function(code, name, s)?)
            }
            P::Class {
                code,
                name,
                bases,
                decorators,
                ..
            } => {
                self.class_decorators(decorators)?;
                for m in &code.body {
                    if let P::Def {
                        decorators, code, ..
                    } = &m.kind
                    {
                        self.method_decorators(decorators, code)?;
                    }
                }
                if self.exception_base(name.ident()).is_some() {
                    functions.extend(self.exception_class(code, name.ident(), s)?);
                    return Ok(());
                }
                if self.is_enum(name.ident()) {
                    functions.extend(self.enum_class(code, name.ident(), s)?);
                    return Ok(());
                }
                self.other_enum(bases)?;
                if let Some(b) = bases.first() {
                    return refuse(
                        &b.span,
                        "a class with a base class",
                        super::inherit::kept_reason(&self.program.module.body, s),
                    );
                }
                functions.extend(self.class(code, name, s)?);
            }
            _ => {}
        }
        Ok(())
    }

    /// `asyncio.run(main())`: the coroutine it starts, called without arguments.
    pub(super) fn entry_of(&self, e: &py::Expr) -> Option<String> {
        let E::Call(f, args) = &e.kind else {
            return None;
        };
        let [Arg::Positional(c)] = args.as_slice() else {
            return None;
        };
        let E::Call(g, a) = &c.kind else { return None };
        match &g.kind {
            E::Name(Name::Global(n))
                if a.is_empty()
                    && self.is_member(f, Module::Asyncio, "run")
                    && self.defs.contains_key(&**n) =>
            {
                Some(n.to_string())
            }
            _ => None,
        }
    }
}
