//! Class attributes of plain classes (`count = 0` in the class body):
//! one set through the class (`Sensor.count += 1`) is a `static` shared
//! by every object, as Python's class attribute is; one only read is its
//! value (as a module constant is); one an object sets (`obj.unit = "F"`)
//! is a field of each object, starting at the class's value.

use super::scope::Scope;
use super::{Planner, Result, module_stmts, refuse};
use crate::program::{self as py, Code, ExprKind as E, Literal, Name, Stmt, StmtKind as P, Target};
use crate::render::plan::ir::ast::StmtKind;
use crate::render::plan::ir::expr::{BinaryOp, Expr, ExprKind};

/// What a class attribute becomes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum AttrUse {
    /// Set through the class: a `static`.
    Shared,
    /// Set on an object: a field of each object.
    Field,
    /// Only read: its value.
    Constant,
}

/// The `static` holding the class attribute `class.attr`.
pub(super) fn static_of(class: &str, attr: &str) -> String {
    format!("{}_{}", class.to_uppercase(), attr.to_uppercase())
}

/// The class attributes of a class body: name and constant value.
pub(super) fn class_attrs(code: &Code) -> Vec<(&str, &py::Expr)> {
    code.body
        .iter()
        .filter_map(|s| match &s.kind {
            P::Assign { targets, value } => match targets.as_slice() {
                [Target::Name(n)] if constant(value) => Some((&**n.ident(), value)),
                _ => None,
            },
            _ => None,
        })
        .collect()
}

/// Whether a class attribute's value is a constant: a literal, or a
/// negative number (`floor = -1`).
fn constant(value: &py::Expr) -> bool {
    match &value.kind {
        E::Literal(_) => true,
        E::UnaryOp(py::UnaryOp::Neg, x) => {
            matches!(x.kind, E::Literal(Literal::Int(_) | Literal::Float(_)))
        }
        _ => false,
    }
}

/// Whether a class-level statement is one the plan takes: a method, `pass`,
/// a docstring, a class attribute with a literal value or a call that runs
/// when the class is defined (see [`super::class_stmts`]).
pub(super) fn check_body(code: &Code) -> Result<()> {
    for m in &code.body {
        let ok = match &m.kind {
            P::Def { .. } | P::Pass | P::Annotate { .. } => true,
            P::Expr(e) => {
                matches!(&e.kind, E::Literal(Literal::Str(_)))
                    || super::class_stmts::runs_at_definition(code, m)
            }
            P::Assign { targets, value } => {
                matches!(targets.as_slice(), [Target::Name(_)]) && constant(value)
            }
            _ => false,
        };
        if !ok {
            return refuse(
                &m.span,
                "a class-level statement",
                "the Rust listing turns a plain class into a struct with its methods; its \
                 class attributes are `name = value` of a number, string or boolean, and a \
                 call of the class body reads only the module's names",
            );
        }
    }
    Ok(())
}

impl<'p> Planner<'p> {
    /// The plain class named by `e` (`Sensor` in `Sensor.count`).
    fn class_named(&self, e: &py::Expr) -> Option<&'p str> {
        let E::Name(Name::Global(n)) = &e.kind else {
            return None;
        };
        self.plain_class_code(n).map(|(name, _)| name)
    }

    /// How the program uses the class attribute `class.attr`.
    pub(super) fn attr_use(&self, class: &str, attr: &str) -> AttrUse {
        let mut shared = false;
        let mut field = false;
        walk_all(&self.program.module.body, &mut |s: &Stmt| {
            let targets: Vec<&Target> = match &s.kind {
                P::Assign { targets, .. } => targets.iter().collect(),
                P::AugAssign { target, .. } => vec![target],
                _ => Vec::new(),
            };
            for t in targets {
                if let Target::Attr(obj, a) = t
                    && &**a == attr
                {
                    match &obj.kind {
                        E::Name(Name::Global(n)) if &**n == class => shared = true,
                        _ => field = true,
                    }
                }
            }
        });
        if shared {
            AttrUse::Shared
        } else if field {
            AttrUse::Field
        } else {
            AttrUse::Constant
        }
    }

    /// The one plain class with the class attribute `attr`: its name and value.
    pub(super) fn class_attr_owner(&self, attr: &str) -> Option<(&'p str, &'p py::Expr)> {
        let mut found = module_stmts(&self.program.module.body)
            .into_iter()
            .filter_map(|s| match &s.kind {
                P::Class { code, name, .. } if self.is_plain_class(name.ident()) => {
                    class_attrs(code)
                        .into_iter()
                        .find(|(a, _)| *a == attr)
                        .map(|(_, v)| (&**name.ident(), v))
                }
                _ => None,
            });
        let one = found.next()?;
        found.next().is_none().then_some(one)
    }

    /// The `static`s of the class attributes set through their class.
    pub(super) fn class_statics(&self) -> Vec<(String, Expr)> {
        let mut out = Vec::new();
        for s in module_stmts(&self.program.module.body) {
            if let P::Class { code, name, .. } = &s.kind
                && self.is_plain_class(name.ident())
            {
                for (attr, value) in class_attrs(code) {
                    if self.attr_use(name.ident(), attr) == AttrUse::Shared
                        && let Ok(v) = self.expr(&Scope::init(), value)
                    {
                        out.push((static_of(name.ident(), attr), v));
                    }
                }
            }
        }
        out
    }

    /// `Class.attr`, or `obj.attr` / `self.attr` of a class attribute
    /// that no object sets: the `static`, or the value.
    pub(super) fn class_attr_expr(&self, sc: &Scope, e: &py::Expr) -> Result<Option<ExprKind>> {
        let E::Attr(obj, attr) = &e.kind else {
            return Ok(None);
        };
        if sc.field(obj, attr).is_some() {
            return Ok(None);
        }
        let owner = match self.class_named(obj) {
            Some(class) => class_attrs(self.plain_class_code(class).map(|(_, c)| c).unwrap())
                .into_iter()
                .find(|(a, _)| *a == &**attr)
                .map(|(_, v)| (class, v)),
            None => self
                .class_attr_owner(attr)
                .filter(|(class, _)| self.attr_use(class, attr) != AttrUse::Field),
        };
        let Some((class, value)) = owner else {
            return Ok(None);
        };
        Ok(Some(match self.attr_use(class, attr) {
            AttrUse::Shared => ExprKind::Var(static_of(class, attr)),
            _ => self.expr(&Scope::init(), value)?.kind,
        }))
    }

    /// `Class.attr = value` (or `op=`) of a class attribute: its `static`.
    pub(super) fn set_class_attr(
        &self,
        sc: &Scope,
        target: &Target,
        op: Option<BinaryOp>,
        value: &py::Expr,
    ) -> Result<Option<StmtKind>> {
        let Target::Attr(obj, attr) = target else {
            return Ok(None);
        };
        let Some(class) = self.class_named(obj) else {
            return Ok(None);
        };
        let var = static_of(class, attr);
        let mut value = self.expr(sc, value)?;
        if let Some(op) = op {
            let span = value.span.clone();
            let now = Expr {
                kind: ExprKind::Var(var.clone()),
                span: span.clone(),
            };
            value = Expr {
                kind: ExprKind::Binary(op, Box::new(now), Box::new(value)),
                span,
            };
        }
        Ok(Some(StmtKind::Set { var, value }))
    }
}

/// Visits every statement of `body`, those of its definitions included.
fn walk_all<'a>(body: &'a [Stmt], f: &mut impl FnMut(&'a Stmt)) {
    crate::program::walk(body, &mut |s: &'a Stmt| {
        f(s);
        if let P::Def { code, .. } | P::Class { code, .. } = &s.kind {
            walk_all(&code.body, f);
        }
    });
}
