//! Lowering definitions: `def` and `async def` with their decorators,
//! defaults and annotations, and `class` with the bases it may name.

use super::Lowerer;
use crate::program::{CodeKind, Expr, ExprKind, Module, Stmt, StmtKind};
use ruff_python_ast::{self as ast};
use ruff_text_size::Ranged;
use std::sync::Arc;

impl Lowerer {
    pub(super) fn function_def(&mut self, f: &ast::StmtFunctionDef, out: &mut Vec<Stmt>) {
        let decorators = self.decorators(&f.decorator_list);
        let defaults = self.defaults(&f.parameters);
        let annotations = self.signature_annotations(&f.parameters, f.returns.as_deref());
        let is_async = f.is_async;
        let code = self.code(
            f.range,
            f.name.as_str(),
            CodeKind::Function,
            is_async,
            Some(&f.parameters),
            |l| l.block(&f.body),
        );
        let name = self.name(f.name.as_str());
        self.push(
            out,
            f,
            StmtKind::Def {
                code,
                name,
                defaults,
                decorators,
                annotations,
            },
        );
    }

    /// An annotation as the program keeps it: the expression, or its
    /// source text under `from __future__ import annotations`.
    pub(super) fn annotation(&mut self, e: &ast::Expr) -> Expr {
        if self.future_annotations {
            let text = &self.source[self.span(e.range())];
            return Expr {
                kind: ExprKind::Literal(crate::program::expr::Literal::Str(Arc::from(text))),
                span: self.span(e.range()),
                suspends: false,
            };
        }
        self.expr(e)
    }

    /// A signature's annotations, parameters first, then `return`.
    fn signature_annotations(
        &mut self,
        p: &ast::Parameters,
        returns: Option<&ast::Expr>,
    ) -> Vec<(Arc<str>, Expr)> {
        let mut out = Vec::new();
        let params = p
            .posonlyargs
            .iter()
            .chain(p.args.iter())
            .map(|a| &a.parameter)
            .chain(p.vararg.as_deref())
            .chain(p.kwonlyargs.iter().map(|a| &a.parameter))
            .chain(p.kwarg.as_deref());
        for param in params {
            if let Some(a) = &param.annotation {
                let e = self.annotation(a);
                out.push((Arc::from(param.name.as_str()), e));
            }
        }
        if let Some(r) = returns {
            let e = self.annotation(r);
            out.push((Arc::from("return"), e));
        }
        out
    }

    /// `@expr` lines, outermost first, evaluated in the enclosing scope.
    fn decorators(&mut self, list: &[ast::Decorator]) -> Vec<Expr> {
        list.iter().map(|d| self.expr(&d.expression)).collect()
    }

    pub(super) fn defaults(&mut self, p: &ast::Parameters) -> Vec<Expr> {
        p.posonlyargs
            .iter()
            .chain(p.args.iter())
            .chain(p.kwonlyargs.iter())
            .filter_map(|a| a.default.as_ref())
            .map(|d| self.expr(d))
            .collect()
    }

    /// Refuses a base class that a module provides as an object of its
    /// own (`class Tally(Counter)`): the engine's classes cannot derive from
    /// one.
    fn refuse_module_class_base(&mut self, base: &ast::Expr) {
        const CLASSES: &[(Module, &str)] = &[
            (Module::Collections, "deque"),
            (Module::Collections, "defaultdict"),
            (Module::Collections, "Counter"),
            (Module::Collections, "OrderedDict"),
            (Module::Collections, "ChainMap"),
            (Module::String, "Template"),
        ];
        let named = match base {
            ast::Expr::Name(n) => self.members.get(n.id.as_str()).cloned(),
            ast::Expr::Attribute(a) => match &*a.value {
                ast::Expr::Name(n) => self
                    .imports
                    .get(n.id.as_str())
                    .map(|m| (*m, a.attr.to_string())),
                _ => None,
            },
            _ => None,
        };
        if let Some((m, member)) = named
            && CLASSES.contains(&(m, member.as_str()))
        {
            let full = format!("{}.{member}", m.name());
            self.refuse(
                base.range(),
                format!("a class deriving from '{full}' is not supported"),
                format!("keep a {member} in an attribute of the class instead of deriving from it"),
            );
        }
    }

    pub(super) fn class_def(&mut self, c: &ast::StmtClassDef, out: &mut Vec<Stmt>) {
        let decorators = self.decorators(&c.decorator_list);
        let mut bases = Vec::new();
        if let Some(args) = &c.arguments {
            if let Some(k) = args.keywords.first() {
                self.refuse(
                    k.range,
                    "class keywords (such as `metaclass=`) are not supported",
                    "a demo class has at most one base class",
                );
            }
            if args.args.len() > 1 {
                self.refuse(
                    args.range,
                    "multiple inheritance is not supported",
                    "give the class one base class",
                );
            }
            for base in args.args.iter() {
                self.refuse_module_class_base(base);
            }
            bases = args.args.iter().map(|a| self.expr(a)).collect();
        }
        let code = self.code(
            c.range,
            c.name.as_str(),
            CodeKind::Class,
            false,
            None,
            |l| l.block(&c.body),
        );
        let name = self.name(c.name.as_str());
        self.push(
            out,
            c,
            StmtKind::Class {
                code,
                name,
                bases,
                decorators,
            },
        );
    }
}
