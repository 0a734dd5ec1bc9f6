//! `@staticmethod` and `@classmethod` methods of plain classes: a Rust
//! associated function without `self`, `fn to_fahrenheit(c: f64)`, called
//! `Class::m(...)` whether Python calls it through the class, an object
//! or `self`. A class method's `cls` is the class itself (`cls(...)` its
//! `new`): a plain class of the listing has no subclass to stand for.

use super::scope::Scope;
use super::{Def, Planner, Result, methods, module_stmts, refuse};
use crate::program::visit_mut::{VisitMut, block_mut};
use crate::program::{self as py, Code, ExprKind as E, Name, Program, Stmt, StmtKind as P};
use crate::render::plan::ir::ast::{Function, FunctionKind};
use crate::render::plan::ir::expr::ExprKind;
use std::collections::HashSet;
use std::sync::Arc;

/// How a method is bound: to its class only (no `self`).
#[derive(Clone, Copy, PartialEq)]
enum Binding {
    Static,
    Class,
}

/// The binding `decorators` give a method: `@staticmethod` or
/// `@classmethod` of the built-ins (not a name the module binds).
fn binding(decorators: &[py::Expr], module: &HashSet<Arc<str>>) -> Option<Binding> {
    let [d] = decorators else { return None };
    let E::Name(Name::Global(n)) = &d.kind else {
        return None;
    };
    if module.contains(n) {
        return None;
    }
    match &**n {
        "staticmethod" => Some(Binding::Static),
        "classmethod" => Some(Binding::Class),
        _ => None,
    }
}

/// The names the module binds at its top level.
fn module_names(program: &Program) -> HashSet<Arc<str>> {
    super::captures::module_names(&program.module.body)
}

/// The plan names (`Class.m`) of the static and class methods of the
/// program's classes: the listing writes them without `self`.
pub(super) fn static_methods(program: &Program) -> HashSet<String> {
    let names = module_names(program);
    let mut out = HashSet::new();
    for s in module_stmts(&program.module.body) {
        let P::Class { code, name, .. } = &s.kind else {
            continue;
        };
        for m in &code.body {
            if let P::Def {
                name: m,
                decorators,
                ..
            } = &m.kind
                && binding(decorators, &names).is_some()
            {
                out.insert(super::objects::method_name(name.ident(), m.ident()));
            }
        }
    }
    out
}

impl<'p> Planner<'p> {
    /// The binding of a method of a plain class, when it is static.
    fn static_binding(&self, class: &str, m: &str) -> Option<(Binding, &'p Stmt)> {
        let (_, code) = self.plain_class_code(class)?;
        let names = module_names(self.program);
        code.body.iter().find_map(|s| match &s.kind {
            P::Def {
                name, decorators, ..
            } if &**name.ident() == m => binding(decorators, &names).map(|b| (b, s)),
            _ => None,
        })
    }

    /// Whether the method `def` of a class is a static or class method.
    pub(super) fn static_binding_of(&self, def: &Stmt) -> bool {
        matches!(&def.kind, P::Def { decorators, .. }
            if binding(decorators, &module_names(self.program)).is_some())
    }

    /// Whether `decorators` make a method static, checked as the listing
    /// takes it: a plain or `async` function, a class method taking `cls`.
    pub(super) fn static_decorators(
        &self,
        decorators: &[py::Expr],
        code: &Code,
    ) -> Result<Option<()>> {
        let Some(b) = binding(decorators, &module_names(self.program)) else {
            return Ok(None);
        };
        let takes_cls = code
            .params
            .positional
            .first()
            .is_some_and(|p| &*p.name == "cls");
        if code.is_generator || (b == Binding::Class && !takes_cls) {
            return refuse(
                &decorators[0].span,
                match b {
                    Binding::Static => "this static method",
                    Binding::Class => "this class method",
                },
                "the Rust listing writes a static or class method as an associated function \
                 without `self`: a plain or `async` function, a class method taking `cls` \
                 first",
            );
        }
        Ok(Some(()))
    }

    /// The static and class methods of the plain class `class`, each a
    /// function named `Class.m` whose parameters leave out `cls`.
    pub(super) fn static_method_defs(&self, class: &str, code: &Code) -> Result<Vec<Function>> {
        let names = module_names(self.program);
        let mut out = Vec::new();
        for (m, c, def) in methods(code) {
            let P::Def { decorators, .. } = &def.kind else {
                continue;
            };
            let Some(b) = binding(decorators, &names) else {
                continue;
            };
            let kind = if c.is_async {
                FunctionKind::Coroutine
            } else {
                FunctionKind::Blocking
            };
            let full = super::objects::method_name(class, m);
            let (params, body) = match b {
                Binding::Static => (self.params(c, &full, 0, &def.span)?, c.body.clone()),
                Binding::Class => {
                    let mut body = c.body.clone();
                    block_mut(&mut body, &mut ClsIsClass(class.into()));
                    (self.params(c, &full, 1, &def.span)?, body)
                }
            };
            let mut scope = Scope::new(kind, Vec::new());
            let body = self.block(&mut scope, &body)?;
            out.push(Function {
                kind,
                name: full,
                params,
                fields: Vec::new(),
                body,
                exit: Vec::new(),
                span: def.span.clone(),
            });
        }
        Ok(out)
    }

    /// `Class.m(...)`, `obj.m(...)` or `self.m(...)` of a static or class
    /// method (`awaited` when the program awaits it, as it must an `async`
    /// one): the call of the associated function.
    pub(super) fn static_call(
        &self,
        sc: &Scope,
        e: &py::Expr,
        awaited: bool,
    ) -> Result<Option<ExprKind>> {
        let E::Call(f, args) = &e.kind else {
            return Ok(None);
        };
        let E::Attr(obj, m) = &f.kind else {
            return Ok(None);
        };
        let class = match &obj.kind {
            E::Name(Name::Global(c)) if self.is_plain_class(c) => c.to_string(),
            // Through `self` or an object: the one class with a method `m`.
            E::Name(Name::Local(_, n)) => match self.method_owner(m) {
                Some((c, _)) if self.static_binding(c, m).is_some() && &**n != "self" => {
                    return refuse(
                        &obj.span,
                        "a static method called through an object",
                        "the Rust listing calls an associated function through its type,                          `Class::m(...)`, and would leave the object unread there: call it                          through the class, `Class.m(...)`",
                    );
                }
                Some((c, _)) => c.to_string(),
                None => return Ok(None),
            },
            _ => return Ok(None),
        };
        let Some((b, def)) = self.static_binding(&class, m) else {
            return Ok(None);
        };
        let P::Def { code, defaults, .. } = &def.kind else {
            return Ok(None);
        };
        if code.is_async != awaited {
            return refuse(
                &e.span,
                if awaited {
                    "awaiting a plain method"
                } else {
                    "an `async` method called without `await`"
                },
                "the Rust listing awaits each call of an `async` method, and only those",
            );
        }
        let skip = usize::from(b == Binding::Class);
        let names = code.params.positional.get(skip..).unwrap_or_default();
        let def = Def {
            kind: Some(if awaited {
                FunctionKind::Coroutine
            } else {
                FunctionKind::Blocking
            }),
            params: names.len(),
            names,
            defaults,
            varargs: false,
            keyword_only: &[],
        };
        let call = self.object_call(
            sc,
            &super::objects::method_name(&class, m),
            def,
            args,
            &e.span,
        )?;
        Ok(Some(ExprKind::Await(call)))
    }
}

/// Writes a class method's `cls` as its class.
struct ClsIsClass(Arc<str>);

impl VisitMut for ClsIsClass {
    fn expr(&mut self, e: &mut py::Expr) {
        if matches!(&e.kind, E::Name(Name::Local(_, n)) if &**n == "cls") {
            e.kind = E::Name(Name::Global(self.0.clone()));
        }
    }
}
