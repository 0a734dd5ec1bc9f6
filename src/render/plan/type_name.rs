//! `type(x).__name__` where the plan knows the Python type of `x` without
//! running it: the listing writes the name itself, as a Rust value's type
//! is fixed when the program builds; of a variable, the listing's type of
//! it decides ([`Builtin::TypeName`], see `rust::isinstance`).

use super::scope::Scope;
use super::{Planner, Result};
use crate::program::{self as py, Arg, ExprKind as E, Name};
use crate::render::plan::ir::expr::{BinaryOp, Builtin, Expr, ExprKind, UnaryOp};
use crate::render::plan::ir::value::Value;

impl Planner<'_> {
    /// `type(x).__name__` as a string literal, when `x` is an expression
    /// whose type the plan knows and that only makes its value (a literal,
    /// arithmetic or a built-in call over such values and variables).
    pub(super) fn type_name(&self, sc: &Scope, e: &py::Expr) -> Result<Option<ExprKind>> {
        if let E::Compare(a, ops) = &e.kind {
            return self.type_is(sc, a, ops);
        }
        let E::Attr(obj, attr) = &e.kind else {
            return Ok(None);
        };
        let E::Call(f, args) = &obj.kind else {
            return Ok(None);
        };
        let (E::Name(Name::Global(t)), [Arg::Positional(x)]) = (&f.kind, args.as_slice()) else {
            return Ok(None);
        };
        if &**attr != "__name__" || &**t != "type" || self.defs.contains_key("type") {
            return Ok(None);
        }
        if let Some(name) = self.callable_type(x) {
            return Ok(Some(ExprKind::Lit(Value::Str(name.into()))));
        }
        let x = self.expr(sc, x)?;
        if let ExprKind::Var(_) = &x.kind {
            // Its Rust type decides it (see `rust::isinstance`).
            return Ok(Some(ExprKind::Call(Builtin::TypeName, vec![x])));
        }
        Ok(python_type(&x).map(|name| ExprKind::Lit(Value::Str(name.into()))))
    }
}

/// The built-in classes `type(x) is C` may name.
const BUILTIN_CLASSES: &[&str] = &["bool", "dict", "float", "int", "list", "str", "tuple"];

impl Planner<'_> {
    /// `type(x) is C` (or `is not`) of a built-in class `C`, when the plan
    /// knows the type of `x` (see [`python_type`]): the `true` or `false`
    /// it gives; `None` for another comparison.
    fn type_is(
        &self,
        sc: &Scope,
        a: &py::Expr,
        ops: &[(py::CmpOp, py::Expr)],
    ) -> Result<Option<ExprKind>> {
        let [(op @ (py::CmpOp::Is | py::CmpOp::IsNot), c)] = ops else {
            return Ok(None);
        };
        let E::Call(f, args) = &a.kind else {
            return Ok(None);
        };
        let (E::Name(Name::Global(t)), [Arg::Positional(x)]) = (&f.kind, args.as_slice()) else {
            return Ok(None);
        };
        let E::Name(Name::Global(class)) = &c.kind else {
            return Ok(None);
        };
        let shadowed = |n: &str| {
            self.defs.contains_key(n)
                || self.imports.contains_key(n)
                || super::module::bound(&self.program.module.body, true).contains_key(n)
        };
        if &**t != "type" || shadowed("type") || shadowed(class) {
            return Ok(None);
        }
        if !BUILTIN_CLASSES.contains(&&**class) {
            return Ok(None);
        }
        let Some(name) = python_type(&self.expr(sc, x)?) else {
            return Ok(None);
        };
        let same = name == &**class;
        Ok(Some(ExprKind::Lit(Value::Bool(
            same == (*op == py::CmpOp::Is),
        ))))
    }
}

/// Built-in functions (not classes, whose type is `type`) whose type is
/// `builtin_function_or_method`.
const BUILTIN_FUNCTIONS: &[&str] = &[
    "abs",
    "all",
    "any",
    "divmod",
    "hash",
    "id",
    "isinstance",
    "len",
    "max",
    "min",
    "next",
    "repr",
    "round",
    "sorted",
    "sum",
];

impl Planner<'_> {
    /// The type's name of `x` when it names a function: `function` for a
    /// `def` (or `async def`) of the module that nothing else binds,
    /// `builtin_function_or_method` for a built-in function the module
    /// leaves as it is; `None` for anything else.
    fn callable_type(&self, x: &py::Expr) -> Option<&'static str> {
        let E::Name(Name::Global(n)) = &x.kind else {
            return None;
        };
        let body = &self.program.module.body;
        let defs = body
            .iter()
            .filter(|s| matches!(&s.kind, py::StmtKind::Def { name, .. } if name.ident() == n))
            .count();
        let rebound = super::module::bound(body, true).contains_key(n)
            || self.imports.contains_key(&**n)
            || body
                .iter()
                .any(|s| matches!(&s.kind, py::StmtKind::Class { name, .. } if name.ident() == n));
        match defs {
            _ if rebound => None,
            1 => Some("function"),
            0 if BUILTIN_FUNCTIONS.contains(&&**n) => Some("builtin_function_or_method"),
            _ => None,
        }
    }
}

/// The Python type of a value that `e` makes with no effect besides.
pub(super) fn python_type(e: &Expr) -> Option<&'static str> {
    let pure = |x: &Expr| {
        matches!(x.kind, ExprKind::Lit(_) | ExprKind::Var(_)) || python_type(x).is_some()
    };
    match &e.kind {
        ExprKind::Lit(Value::None) => Some("NoneType"),
        ExprKind::Lit(v) => Some(v.type_name()),
        ExprKind::Template(_) => Some("str"),
        ExprKind::List(items) if items.iter().all(pure) => Some("list"),
        ExprKind::Tuple(items) if items.iter().all(pure) => Some("tuple"),
        ExprKind::Unary(UnaryOp::Not, x) if pure(x) => Some("bool"),
        ExprKind::Unary(UnaryOp::Neg, x) => number(python_type(x)?),
        ExprKind::Binary(op, a, b) => {
            let (a, b) = (number(python_type(a)?)?, number(python_type(b)?)?);
            match op {
                BinaryOp::Div => Some("float"),
                BinaryOp::Add
                | BinaryOp::Sub
                | BinaryOp::Mul
                | BinaryOp::FloorDiv
                | BinaryOp::Mod => Some(if a == "float" || b == "float" {
                    "float"
                } else {
                    "int"
                }),
                _ => None,
            }
        }
        ExprKind::Call(b, args) if args.iter().all(pure) => match (b, args.as_slice()) {
            (Builtin::Len | Builtin::Int, _) => Some("int"),
            (Builtin::Float, _) => Some("float"),
            (Builtin::Str | Builtin::Repr, _) => Some("str"),
            (Builtin::Sorted | Builtin::List, _) => Some("list"),
            (Builtin::Dict, _) => Some("dict"),
            (Builtin::Bool, _) => Some("bool"),
            (Builtin::Round, [_]) => Some("int"),
            // `round(x, n)` keeps the type of `x`.
            (Builtin::Round | Builtin::Abs, [x, ..]) => number(python_type(x)?),
            _ => None,
        },
        _ => None,
    }
}

/// `name` when it is a number type (`bool` counts as `int` in arithmetic).
fn number(name: &str) -> Option<&'static str> {
    match name {
        "int" | "bool" => Some("int"),
        "float" => Some("float"),
        _ => None,
    }
}
