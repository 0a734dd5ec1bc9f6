//! `isinstance(x, cls)` of built-in classes and the program's plain
//! classes ([`Builtin::IsInstance`]):
//! the Rust type of `x` decides it, so it is written `true` or `false`.
//! Where the type does not decide it (a value of several types, one that
//! may be `None`, an `IntEnum` member), or where `x` is a variable read
//! nowhere else (Rust would warn it unused), the call is listed as not
//! translated.

use super::Renderer;
use super::code::Code;
use super::expr_walk::each_expr_of;
use super::types::{Ty, Types};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::Demo;
use crate::render::plan::ir::expr::{Builtin, Expr, ExprKind};
use crate::render::plan::ir::value::Value;

/// Whether a value of type `ty` is an instance of `class`, built-in or a
/// plain class of the program (an object's type is its class);
/// `None` where the type does not decide it.
fn instance_of(ty: &Ty, class: &str) -> Option<bool> {
    match ty {
        Ty::Bool => Some(matches!(class, "bool" | "int")),
        Ty::Int | Ty::Port => Some(class == "int"),
        Ty::Float => Some(class == "float"),
        Ty::Str => Some(class == "str"),
        Ty::List(_) => Some(class == "list"),
        Ty::Dict(..) => Some(class == "dict"),
        Ty::Tuple(_) => Some(class == "tuple"),
        Ty::Object(c) => Some(c == class),
        Ty::Unit => Some(false),
        _ => None,
    }
}

/// Python's name of the class of a value of type `ty` (an object's is its
/// class); `None` where the type does not decide it.
fn class_name(ty: &Ty) -> Option<&str> {
    Some(match ty {
        Ty::Bool => "bool",
        Ty::Int | Ty::Port => "int",
        Ty::Float => "float",
        Ty::Str => "str",
        Ty::List(_) => "list",
        Ty::Dict(..) => "dict",
        Ty::Tuple(items) if !items.is_empty() => "tuple",
        Ty::Set(_) => "set",
        Ty::Unit => "NoneType",
        Ty::Object(class) => class,
        _ => return None,
    })
}

/// The classes of an [`Builtin::IsInstance`] call's second argument.
fn classes(arg: &Expr) -> Vec<&str> {
    match &arg.kind {
        ExprKind::Lit(Value::Str(s)) => s.split(' ').collect(),
        _ => Vec::new(),
    }
}

/// The answer of `isinstance(x, ...)` for `x` of type `ty`.
fn answer(ty: &Ty, args: &[Expr]) -> Option<bool> {
    let [_, cls] = args else { return None };
    let mut any = false;
    for class in classes(cls) {
        any |= instance_of(ty, class)?;
    }
    Some(any)
}

impl Renderer<'_> {
    /// `isinstance(x, cls)`: `true` or `false`, as the type of `x` says.
    pub(super) fn isinstance(&mut self, args: &[Expr]) -> Code {
        let ty = args.first().map_or(Ty::Unknown, |x| self.expr(x).ty);
        let yes = answer(&ty, args).unwrap_or(false);
        Code::new(yes.to_string(), Ty::Bool, 10)
    }
}

impl Renderer<'_> {
    /// `type(x).__name__`: the name of the class the type of `x` is.
    pub(super) fn type_name(&mut self, args: &[Expr]) -> Code {
        if let Some(text) = args.first().and_then(|x| self.class_name_call(x)) {
            return Code::new(text, Ty::Str, 10);
        }
        let ty = args.first().map_or(Ty::Unknown, |x| self.expr(x).ty);
        let name = class_name(&ty).unwrap_or("object");
        super::code::lit(&Value::Str(name.into()))
    }

    /// The text of `e` when it is `type(x).__name__`.
    pub(super) fn type_name_text(&mut self, e: &Expr) -> Option<String> {
        let ExprKind::Call(Builtin::TypeName, args) = &e.kind else {
            return None;
        };
        if self.class_name_call(args.first()?).is_some() || self.is_part(args.first()?) {
            return None;
        }
        let ty = self.expr(args.first()?).ty;
        Some(class_name(&ty).unwrap_or("object").to_string())
    }
}

/// The `isinstance` calls and `type(x).__name__` the listing cannot write
/// as a constant.
pub(super) fn undecided(demo: &Demo, types: &Types) -> Vec<Untranslatable> {
    let mut out = Vec::new();
    let named = super::class_names::named_only(demo, types);
    for f in &demo.functions {
        // How often each variable is read, and how often by these calls.
        let (mut reads, mut checked) = (Vec::<String>::new(), Vec::<String>::new());
        let lent = super::group_parts::borrowed(f);
        let mut calls = Vec::new();
        each_expr_of(f, &mut |x| match &x.kind {
            ExprKind::Var(v) => reads.push(v.clone()),
            ExprKind::Call(Builtin::IsInstance | Builtin::TypeName, args) => {
                if let Some(Expr {
                    kind: ExprKind::Var(v),
                    ..
                }) = args.first()
                {
                    checked.push(v.clone());
                }
                calls.push(x.clone());
            }
            _ => {}
        });
        for call in &calls {
            let ExprKind::Call(b, args) = &call.kind else {
                continue;
            };
            let Some(x) = args.first() else { continue };
            if super::mixed_narrow::narrows(types, &f.name, call) {
                continue;
            }
            // An exception of a group names its class at run time.
            if *b == Builtin::TypeName && super::group_parts::lent(x, &lent) {
                continue;
            }
            let ty = types.expr_ty(&f.name, x);
            let (construct, written) = match b {
                Builtin::TypeName => ("this `type(x).__name__`", "the name of a class"),
                _ => ("this `isinstance`", "`true` or `false`"),
            };
            let decided = match b {
                Builtin::TypeName => class_name(&ty).is_some(),
                _ => answer(&ty, args).is_some(),
            };
            let reason = if !decided {
                format!(
                    "the Rust listing writes it as {written}, which the Rust type of the value \
                     decides; this value's type does not (it may hold several types, or `None`)"
                )
            } else if let ExprKind::Var(v) = &x.kind
                && !named.iter().any(|(g, w, _)| *g == f.name && w == v)
                && reads.iter().filter(|r| *r == v).count()
                    == checked.iter().filter(|c| *c == v).count()
            {
                format!(
                    "the Rust listing writes it as {written}, and this variable is read nowhere \
                     else, so Rust would warn that it is unused"
                )
            } else {
                continue;
            };
            out.push(Untranslatable {
                span: call.span.clone(),
                construct: construct.into(),
                reason,
            });
        }
    }
    out
}
