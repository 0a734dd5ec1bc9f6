//! An async context manager's own methods and its object: a resource
//! class's named methods (`async def query(self, q)`) are methods of its
//! struct, called on the object `async with ... as conn` binds where its
//! `__aenter__` ends with `return self` (the listing then names the
//! object itself `conn`).

use super::objects::method_name;
use super::scope::Scope;
use super::{Planner, Result, methods};
use crate::program::{Code, ExprKind as E, Name, StmtKind as P};
use crate::render::plan::ir::ast::{Block, Function, FunctionKind, Stmt, StmtKind};
use crate::render::plan::ir::expr::{Expr, ExprKind};

impl<'p> Planner<'p> {
    /// The program's async context manager classes: name and body.
    pub(super) fn resource_classes(&self) -> Vec<(&'p str, &'p Code)> {
        super::module_stmts(&self.program.module.body)
            .into_iter()
            .filter_map(|s| match &s.kind {
                P::Class { code, name, .. }
                    if self
                        .defs
                        .get(&**name.ident())
                        .is_some_and(|d| d.kind == Some(FunctionKind::Resource)) =>
                {
                    Some((&**name.ident(), &**code))
                }
                _ => None,
            })
            .collect()
    }

    /// The named methods of the resource class `class`: one function each
    /// (`Class.m`), reading the struct's `fields`.
    pub(super) fn resource_methods(
        &self,
        class: &str,
        code: &Code,
        fields: &[(String, Expr)],
    ) -> Result<Vec<Function>> {
        let names: Vec<String> = fields.iter().map(|(n, _)| n.clone()).collect();
        let mut out = Vec::new();
        for (m, c, def) in methods(code).filter(|(m, _, _)| !m.starts_with("__")) {
            super::objects::takes_self(m, c, def)?;
            let kind = super::objects::method_kind(m, c, def)?;
            let full = method_name(class, m);
            let params = self.params(c, &full, 1, &def.span)?;
            let mut scope = Scope::new(kind, names.clone());
            let body = self.block(&mut scope, &c.body)?;
            out.push(Function {
                kind,
                name: full,
                params,
                fields: fields.to_vec(),
                body,
                exit: Vec::new(),
                span: def.span.clone(),
            });
        }
        Ok(out)
    }

    /// `__aenter__`'s block; a last `return self` is kept as the return
    /// of `self` (see [`enters_self`]), which the listing does not write:
    /// the object is itself what `as` binds.
    pub(super) fn enter_block(&self, scope: &mut Scope, c: &Code) -> Result<Block> {
        let is_self = |e: &crate::program::Expr| matches!(&e.kind, E::Name(Name::Local(_, n)) if &**n == "self");
        match c.body.split_last() {
            Some((last, rest)) if matches!(&last.kind, P::Return(Some(e)) if is_self(e)) => {
                let mut block = self.block(scope, rest)?;
                block.push(Stmt {
                    id: last.id,
                    span: last.span.clone(),
                    kind: StmtKind::Return(Some(Expr {
                        kind: ExprKind::Var("self".into()),
                        span: last.span.clone(),
                    })),
                });
                Ok(block)
            }
            _ => self.block(scope, &c.body),
        }
    }
}

/// Whether the resource `f`'s `__aenter__` ends with `return self`.
pub fn enters_self(f: &Function) -> bool {
    f.kind == FunctionKind::Resource
        && matches!(f.body.last().map(|s| &s.kind),
            Some(StmtKind::Return(Some(e))) if matches!(&e.kind, ExprKind::Var(v) if v == "self"))
}

/// The reads of an object `async with ... as v` names (its `__aenter__`
/// returning `self`) after its block, before `v` is bound again: the
/// listing's `close` takes the object, which is gone after it.
pub(super) fn read_after_close(
    demo: &crate::render::plan::ir::ast::Demo,
) -> Vec<super::Untranslatable> {
    let mut out = Vec::new();
    for f in &demo.functions {
        let mut stmts = Vec::new();
        f.walk(&mut |s| stmts.push(s));
        for (i, with) in stmts.iter().enumerate() {
            let StmtKind::AsyncWith {
                source,
                var: Some(v),
                ..
            } = &with.kind
            else {
                continue;
            };
            if !demo.function(&source.name).is_some_and(enters_self) {
                continue;
            }
            let later = stmts[i + 1..]
                .iter()
                .filter(|s| s.span.start >= with.span.end);
            for s in later {
                let mut vars = Vec::new();
                for e in crate::render::plan::ir::raises::exprs(&s.kind) {
                    e.variables(&mut vars);
                }
                if vars.iter().any(|(n, _)| n == v) {
                    let (with, exit, python) = match demo.plain_managers.contains(&source.name) {
                        true => ("`with`", "exit", "__exit__"),
                        false => ("`async with`", "close", "__aexit__"),
                    };
                    out.push(super::Untranslatable {
                        span: s.span.clone(),
                        construct: format!("`{v}` after its {with} block"),
                        reason: format!(
                            "the Rust listing's `{exit}` takes the object {with} entered, as \
                             `{python}` ends its use: read what is needed inside the block"
                        ),
                    });
                    break;
                }
                let rebinds = match &s.kind {
                    StmtKind::AsyncWith { var: Some(w), .. } | StmtKind::Set { var: w, .. } => {
                        w == v
                    }
                    _ => false,
                };
                if rebinds {
                    break;
                }
            }
        }
    }
    out
}
