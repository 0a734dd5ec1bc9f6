//! The first pass over the program: its imports, definitions and
//! connection handlers, found before anything is planned, as a statement
//! may use a definition that comes later in the file.

use super::{
    Def, Planner, const_lists, globals, keyword_only, lookup_dicts, methods, module, module_stmts,
    varargs,
};
use crate::program::{Arg, Code, ExprKind as E, Module, Name, Stmt, StmtKind as P};
use crate::render::plan::ir::ast::FunctionKind;

impl<'p> Planner<'p> {
    /// Imports, definitions, connection handlers and the parameters whose
    /// future a definition resolves: what statements need to know about
    /// definitions that may come later in the file.
    pub(super) fn scan(&mut self, body: &'p [Stmt]) {
        let stmts = module_stmts(body);
        for s in &stmts {
            match &s.kind {
                P::Import {
                    module,
                    member,
                    name,
                } => {
                    let member = member.as_ref().map(|m| m.to_string());
                    self.imports
                        .insert(name.ident().to_string(), (*module, member));
                }
                P::Def {
                    code,
                    name,
                    defaults,
                    ..
                } => {
                    let kind = match (code.is_async, code.is_generator) {
                        (true, false) => Some(FunctionKind::Coroutine),
                        (true, true) => Some(FunctionKind::Generator),
                        (false, false) => Some(FunctionKind::Blocking),
                        _ => None,
                    };
                    let def = Def {
                        kind,
                        params: code.params.positional.len(),
                        names: &code.params.positional,
                        defaults,
                        varargs: varargs::plain(&code.params),
                        keyword_only: keyword_only::params(&code.params),
                    };
                    self.defs.insert(name.ident().to_string(), def);
                }
                P::Class { code, name, .. } => {
                    let names: Vec<&str> = methods(code).map(|(n, _, _)| n).collect();
                    let kind = if names.contains(&"__anext__") {
                        Some(FunctionKind::Iterator)
                    } else if names.contains(&"__aenter__") || names.contains(&"__enter__") {
                        Some(FunctionKind::Resource)
                    } else {
                        None
                    };
                    let init = methods(code).find(|(n, _, _)| *n == "__init__");
                    let names = init.map_or(&[][..], |(_, c, _)| {
                        c.params.positional.get(1..).unwrap_or_default()
                    });
                    let defaults = match init.map(|(_, _, s)| &s.kind) {
                        Some(P::Def { defaults, .. }) => &defaults[..],
                        _ => &[],
                    };
                    let def = Def {
                        kind,
                        params: names.len(),
                        names,
                        defaults,
                        varargs: false,
                        keyword_only: &[],
                    };
                    self.defs.insert(name.ident().to_string(), def);
                }
                _ => {}
            }
        }
        self.scan_nested(&stmts);
        let code: Vec<&Stmt> = stmts
            .iter()
            .copied()
            .filter(|s| !module::is_definition(s))
            .collect();
        let bodies: Vec<&[Stmt]> = self.codes(&stmts).iter().map(|c| &c.1.body[..]).collect();
        self.consts = module::constants(&code, &bodies, &|e| self.enum_member(e).is_some());
        let tables = const_lists::tables(&self.program.source, &code, &bodies);
        self.statics = globals::statics(&code, &bodies, &self.consts, &tables);
        self.keepers = self.keeper_lists(&code);
        self.statics.retain(|(n, _)| !self.keepers.contains(n));
        let mut taken: std::collections::HashSet<_> = self.consts.keys().cloned().collect();
        taken.extend(self.statics.iter().map(|(n, _)| n.clone()));
        let source = &self.program.source;
        let lookups = lookup_dicts::lookup_dicts(source, &code, &bodies, &taken);
        self.statics.extend(lookups);
        for (name, code, method) in self.codes(&stmts) {
            crate::program::walk(&code.body, &mut |s| self.scan_stmt(&name, code, method, s));
        }
        let codes = self.codes(&stmts);
        self.scan_primitives(&codes);
        self.scan_syncs(&codes);
        let program = self.program;
        self.scan_pending(&program.module.body, &codes);
        self.scan_cancellable(&program.module.body, &codes);
        self.keep_pending_if_cancellable();
        self.scan_task_numbers();
        self.scan_early_cancels(&program.module.body, &codes);
    }

    /// Every function's code: the definition it belongs to, and whether it
    /// is a method of a class.
    pub(super) fn codes(&self, stmts: &[&'p Stmt]) -> Vec<(String, &'p Code, bool)> {
        let mut out = Vec::new();
        for s in stmts {
            match &s.kind {
                P::Def { code, name, .. } => out.push((name.ident().to_string(), &**code, false)),
                P::Class { code, name, .. } => {
                    for (_, c, _) in methods(code) {
                        out.push((name.ident().to_string(), c, true));
                    }
                }
                _ => {}
            }
        }
        for (name, s) in &self.hoisted {
            if let P::Def { code, .. } = &s.kind {
                out.push((name.to_string(), &**code, false));
            }
        }
        out
    }

    pub(super) fn scan_stmt(&mut self, def: &str, code: &Code, method: bool, s: &Stmt) {
        let value = match &s.kind {
            P::Expr(e) => e,
            P::Assign { value, .. } => value,
            _ => return,
        };
        let value = match &value.kind {
            E::Await(inner) => inner,
            _ => value,
        };
        let E::Call(f, args) = &value.kind else {
            return;
        };
        if self.is_member(f, Module::Asyncio, "start_server")
            && let Some(Arg::Positional(h)) = args.first()
            && let E::Name(Name::Global(h)) = &h.kind
        {
            self.handlers.insert(h.to_string());
        }
        if let E::Attr(obj, m) = &f.kind
            && &**m == "set_result"
            && !method
            && let E::Name(n @ Name::Local(..)) = &obj.kind
            && let Some(i) = code
                .params
                .positional
                .iter()
                .position(|p| p.name == *n.ident())
        {
            self.resolvers.insert((def.to_string(), i));
        }
    }
}
