//! `@property` methods of plain classes: a method taking only `self`,
//! read as an attribute (`obj.area`, `self.area`); the listing calls it,
//! `obj.area()`, as Rust has no computed fields.

use super::scope::Scope;
use super::{Planner, Result, refuse};
use crate::program::{self as py, ExprKind as E, Name, StmtKind as P};
use crate::render::plan::ir::ast::Call;
use crate::render::plan::ir::expr::{Expr, ExprKind};

impl<'p> Planner<'p> {
    /// Whether `e` is the built-in `property` (not a name of the program).
    fn is_property(&self, e: &py::Expr) -> bool {
        matches!(&e.kind, E::Name(Name::Global(n))
            if &**n == "property" && !self.defs.contains_key(&**n) && !self.imports.contains_key(&**n))
    }

    /// The decorators of a method the plan takes: `@property` on a plain
    /// method of `self` alone, nothing else.
    pub(super) fn method_decorators(&self, decorators: &[py::Expr], code: &py::Code) -> Result<()> {
        match decorators {
            [d] if self.is_property(d) => {
                if code.is_async || code.is_generator || code.params.positional.len() != 1 {
                    return refuse(
                        &d.span,
                        "this `@property`",
                        "the Rust listing writes a property as a method `fn name(&self)`: \
                         a plain `def name(self)`",
                    );
                }
                Ok(())
            }
            _ if self.static_decorators(decorators, code)?.is_some() => Ok(()),
            _ => super::no_decorators(decorators),
        }
    }

    /// The one plain class with the property `attr`: the class.
    fn property_owner(&self, attr: &str) -> Option<&'p str> {
        let mut found = self.plain_classes().into_iter().filter(|(_, code)| {
            code.body.iter().any(|s| {
                matches!(&s.kind, P::Def { name, decorators, .. }
                    if &**name.ident() == attr
                        && matches!(decorators.as_slice(), [d] if self.is_property(d)))
            })
        });
        let (one, _) = found.next()?;
        found.next().is_none().then_some(one)
    }

    /// `obj.area` (or `self.area`) of a property: the call of its method.
    pub(super) fn property_read(&self, sc: &Scope, e: &py::Expr) -> Result<Option<ExprKind>> {
        let E::Attr(obj, attr) = &e.kind else {
            return Ok(None);
        };
        let Some(class) = self.property_owner(attr) else {
            return Ok(None);
        };
        let obj = match &obj.kind {
            E::Name(Name::Local(_, n)) if &**n == "self" => Expr {
                kind: ExprKind::Var("self".into()),
                span: obj.span.clone(),
            },
            E::Name(Name::Local(..)) | E::Attr(..) | E::Subscript(..) => self.expr(sc, obj)?,
            _ => return Ok(None),
        };
        let call = Call {
            name: super::objects::method_name(class, attr),
            args: Vec::new(),
            span: e.span.clone(),
        };
        Ok(Some(ExprKind::Method(Box::new(obj), call)))
    }
}
