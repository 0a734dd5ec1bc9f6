//! Nested functions that capture nothing from the function around them:
//! the listing hoists each to a function of the module (Rust's nested
//! `fn` items capture nothing either), and the function around it calls it
//! by name. A nested function that reads the variables around it (a
//! closure) is still refused where it stands.

use super::{Def, Planner};
use crate::program::{Code, Name, Stmt, StmtKind as P};
use crate::render::plan::ir::ast::FunctionKind;
use std::sync::Arc;

impl<'p> Planner<'p> {
    /// Registers as definitions the nested functions of the module's
    /// functions that the listing hoists: no captured variable, no
    /// decorator, no plain generator, a name no other definition, import
    /// or variable of the function around it has; and, in turn, those of
    /// the functions hoisted.
    pub(super) fn scan_nested(&mut self, stmts: &[&'p Stmt]) {
        for s in stmts {
            if let P::Def { code: outer, .. } = &s.kind {
                self.scan_nested_in(outer);
            }
        }
    }

    /// Registers the nested functions of `outer` that the listing hoists,
    /// and theirs.
    fn scan_nested_in(&mut self, outer: &'p Code) {
        let bound = super::module::bound(&outer.body, false);
        let mut found: Vec<&'p Stmt> = Vec::new();
        crate::program::walk(&outer.body, &mut |inner| found.push(inner));
        for inner in found {
            let P::Def {
                code,
                name,
                defaults,
                decorators,
                ..
            } = &inner.kind
            else {
                continue;
            };
            let id = name.ident();
            let kind = match (code.is_async, code.is_generator) {
                (true, false) => FunctionKind::Coroutine,
                (true, true) => FunctionKind::Generator,
                (false, false) => FunctionKind::Blocking,
                (false, true) => continue,
            };
            if !code.captures.is_empty()
                || !decorators.is_empty()
                || self.defs.contains_key(&**id)
                || self.imports.contains_key(&**id)
                || bound.contains_key(id)
            {
                continue;
            }
            let def = Def {
                kind: Some(kind),
                params: code.params.positional.len(),
                names: &code.params.positional,
                defaults,
                varargs: super::varargs::plain(&code.params),
                keyword_only: super::keyword_only::params(&code.params),
            };
            self.defs.insert(id.to_string(), def);
            self.hoisted.push((id.clone(), inner));
            self.scan_nested_in(code);
        }
    }

    /// Whether the nested `def` statement `s` is hoisted.
    pub(super) fn is_hoisted(&self, s: &Stmt) -> bool {
        matches!(&s.kind, P::Def { name, .. }
            if self.hoisted.iter().any(|(n, d)| n == name.ident() && d.id == s.id))
    }

    /// `body` with the hoisted functions it defines called by name, as
    /// definitions of the module; `None` when it defines none.
    pub(super) fn calling_hoisted(&self, body: &[Stmt]) -> Option<Vec<Stmt>> {
        let mut names: Vec<Arc<str>> = Vec::new();
        crate::program::walk(body, &mut |s| {
            if let P::Def { name, .. } = &s.kind
                && self.is_hoisted(s)
            {
                names.push(name.ident().clone());
            }
        });
        if names.is_empty() {
            return None;
        }
        let mut out = body.to_vec();
        super::rename::block(&mut out, &|n| {
            if let Name::Local(_, id) | Name::Cell(_, id) = n
                && names.contains(id)
            {
                *n = Name::Global(id.clone());
            }
        });
        Some(out)
    }
}
