//! `type(x).__name__` of a variable ([`Builtin::TypeName`]): an object of
//! a class of the program answers its `class_name()`, a method the
//! listing gives its struct; a value of a built-in type is the name of
//! the Python class its Rust type stands for (`"int"`, `"list"`). Where
//! the type does not decide it (a value of several types, one that may be
//! `None`, an enum member), or where the variable is read nowhere else
//! (Rust would warn it unused), the read is listed as not translated.

use super::Renderer;
use super::code::Code;
use super::expr_walk::each_expr_of;
use super::names::camel;
use super::types::{Ty, Types};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::Demo;
use crate::render::plan::ir::expr::{Builtin, Expr, ExprKind};
use std::collections::BTreeSet;

/// The Python class a value of the built-in type `ty` belongs to.
fn builtin_class(ty: &Ty) -> Option<&'static str> {
    Some(match ty {
        Ty::Bool => "bool",
        Ty::Int => "int",
        Ty::Float => "float",
        Ty::Str => "str",
        Ty::List(_) => "list",
        Ty::Dict(..) => "dict",
        Ty::Tuple(_) => "tuple",
        Ty::Set(_) => "set",
        Ty::Unit => "NoneType",
        _ => return None,
    })
}

impl Renderer<'_> {
    /// `type(x).__name__`: `x.class_name()` of an object, the class's
    /// name of a value of a built-in type.
    pub(super) fn type_name(&mut self, args: &[Expr]) -> Code {
        let Some(x) = args.first() else {
            return Code::new("\"\"".to_string(), Ty::Str, 10);
        };
        let c = self.expr(x);
        match &c.ty {
            Ty::Object(_) => Code::new(format!("{}.class_name()", c.wrap(10)), Ty::Str, 10),
            ty => {
                let name = builtin_class(ty).unwrap_or_default();
                Code::new(format!("\"{name}\""), Ty::Str, 10)
            }
        }
    }

    /// The `class_name` method of each class whose objects' type name the
    /// program reads.
    pub(super) fn class_names(&mut self) {
        let mut classes = BTreeSet::new();
        for f in &self.demo.functions {
            each_expr_of(f, &mut |x| {
                if let ExprKind::Call(Builtin::TypeName, args) = &x.kind
                    && let Some(Ty::Object(class)) =
                        args.first().map(|a| self.types.expr_ty(&f.name, a))
                {
                    classes.insert(class);
                }
            });
        }
        for class in classes {
            self.line(format!("impl {} {{", camel(&class)));
            self.line("    /// What Python's `type(x).__name__` gives.");
            self.line("    fn class_name(&self) -> &'static str {");
            self.line(format!("        \"{class}\""));
            self.line("    }");
            self.line("}");
            self.line("");
        }
    }
}

/// The `type(x).__name__` reads the listing cannot write.
pub(super) fn undecided(demo: &Demo, types: &Types) -> Vec<Untranslatable> {
    let mut out = Vec::new();
    for f in &demo.functions {
        // How often each variable is read, and how often by a type name.
        let (mut reads, mut named) = (Vec::<String>::new(), Vec::<String>::new());
        let mut calls = Vec::new();
        each_expr_of(f, &mut |x| match &x.kind {
            ExprKind::Var(v) => reads.push(v.clone()),
            ExprKind::Call(Builtin::TypeName, args) => {
                if let Some(Expr {
                    kind: ExprKind::Var(v),
                    ..
                }) = args.first()
                {
                    named.push(v.clone());
                }
                calls.push(x.clone());
            }
            _ => {}
        });
        for call in &calls {
            let ExprKind::Call(_, args) = &call.kind else {
                continue;
            };
            let Some(x) = args.first() else { continue };
            let ty = types.expr_ty(&f.name, x);
            let reason = if !matches!(ty, Ty::Object(_)) && builtin_class(&ty).is_none() {
                "the Rust listing writes `type(x).__name__` as the name of the class the Rust \
                 type of the value stands for; this value's type does not decide it (it may hold \
                 several types, or `None`)"
            } else if let ExprKind::Var(v) = &x.kind
                && !matches!(ty, Ty::Object(_))
                && reads.iter().filter(|r| *r == v).count()
                    == named.iter().filter(|c| *c == v).count()
            {
                "the Rust listing writes `type(x).__name__` of a built-in type as the class's \
                 name, and this variable is read nowhere else, so Rust would warn that it is \
                 unused"
            } else {
                continue;
            };
            out.push(Untranslatable {
                span: call.span.clone(),
                construct: "this `type(x).__name__`".into(),
                reason: reason.into(),
            });
        }
    }
    out
}
