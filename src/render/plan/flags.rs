//! `class Perm(Flag)` of single-bit members (`R = auto()`, `W = 2`): the
//! members of an enum whose values combine. The plan keeps it a
//! [`FunctionKind::Enum`](super::ir::ast::FunctionKind::Enum) marked
//! [`FLAG`]; `a | b` and `a & b` of two flags are the
//! [`Builtin::Union`] and [`Builtin::Intersection`] of sets, `a ^ b` a
//! [`Builtin::Xor`], and `Perm(3)` the union of the members its bits name
//! (`Perm.R | Perm.W`), as Python caches one object per value (so `is`
//! compares values). A value outside the members' bits raises `ValueError`
//! in Python and is refused, as is `Perm(0)`, the empty flag.

use super::scope::Scope;
use super::{Planner, Result, module_stmts, refuse};
use crate::program::{self as py, Arg, ExprKind as E, Literal, Module, Name, StmtKind as P};
use crate::render::plan::ir::expr::{Builtin, Expr, ExprKind};
use crate::render::plan::ir::value::Value;
use std::ops::Range;

/// The base a `Flag`'s [`FunctionKind::Enum`] names in its `params`.
///
/// [`FunctionKind::Enum`]: super::ir::ast::FunctionKind::Enum
pub const FLAG: &str = "Flag";

/// Why the listing refuses a member of a `Flag` it cannot write.
const FLAG_FORM: &str = "the Rust listing writes a `Flag` as a struct of bits whose members \
                         are one bit each (`auto()`, or 1, 2, 4...), one `NAME = value` a line";

/// `auto()` in a flag: the bit above the highest value so far, as Python
/// gives it.
pub(super) fn next_bit(members: &[(String, Value)], span: &Range<usize>) -> Result<Value> {
    let high = members
        .iter()
        .filter_map(|(_, v)| match v {
            Value::Int(n) => Some(*n),
            _ => None,
        })
        .max();
    let Some(high) = high else {
        return Ok(Value::Int(1));
    };
    let bits = 64 - high.leading_zeros();
    match 1i64.checked_shl(bits) {
        Some(n) if n > 0 => Ok(Value::Int(n)),
        _ => refuse(span, "`auto()` past the largest bit", FLAG_FORM),
    }
}

/// Refuses a flag's member `name` of `value` that is not one bit, or whose
/// constant (its name in capitals) another member has.
pub(super) fn check_member(
    members: &[(String, Value)],
    name: &str,
    value: &Value,
    span: &Range<usize>,
) -> Result<()> {
    if !matches!(value, Value::Int(n) if *n > 0 && n.count_ones() == 1) {
        return refuse(
            span,
            format!("the `Flag` member `{name}` of no single bit"),
            FLAG_FORM,
        );
    }
    if members
        .iter()
        .any(|(m, _)| m.to_uppercase() == name.to_uppercase())
    {
        return refuse(
            span,
            format!("the `Flag` member `{name}`"),
            "the Rust listing names a flag's members as constants in capitals, which \
             would not tell this member from another",
        );
    }
    Ok(())
}

impl Planner<'_> {
    /// Whether `name` is a class of the program based on `enum.Flag`.
    pub(super) fn is_flag(&self, name: &str) -> bool {
        module_stmts(&self.program.module.body)
            .into_iter()
            .any(|s| {
                matches!(&s.kind, P::Class { name: n, bases, .. }
                if &**n.ident() == name
                    && matches!(bases.as_slice(), [b]
                        if self.member(b) == Some((Module::Enum, "Flag"))))
            })
    }

    /// Whether the program has a class based on `enum.Flag`.
    fn has_flags(&self) -> bool {
        module_stmts(&self.program.module.body)
            .into_iter()
            .any(|s| matches!(&s.kind, P::Class { name, .. } if self.is_flag(name.ident())))
    }

    /// Whether `e` is `Perm(...)` of a flag of the program.
    pub(super) fn flag_call(&self, e: &py::Expr) -> bool {
        matches!(&e.kind, E::Call(f, _)
            if matches!(&f.kind, E::Name(Name::Global(n)) if self.is_flag(n)))
    }

    /// `Perm(3)`: the union of the members whose bits make 3.
    pub(super) fn flag_of_value(
        &self,
        class: &str,
        args: &[Arg],
        span: &Range<usize>,
    ) -> Result<ExprKind> {
        let members = self
            .enum_code(class)
            .map(|code| self.flag_members(code))
            .unwrap_or_default();
        let [Arg::Positional(x)] = args else {
            return refuse(
                span,
                "looking a flag up by these arguments",
                "the Rust listing writes `Flag(n)` of an integer literal as the union of \
                 the members its bits name",
            );
        };
        let E::Literal(Literal::Int(n)) = x.kind else {
            return refuse(
                span,
                "looking a flag up by its value",
                "the Rust listing writes `Flag(n)` of an integer literal as the union of \
                 the members its bits name; a lookup that may raise `ValueError` has no \
                 counterpart here",
            );
        };
        let all = members.iter().fold(0, |acc, (_, bit)| acc | bit);
        if n <= 0 || n & !all != 0 {
            return refuse(
                span,
                format!("`{class}({n})`"),
                if n == 0 {
                    "the Rust listing writes a flag as the union of its members; the empty \
                     flag is none: write `A & B` of two members"
                } else {
                    "Python raises `ValueError` for bits that no member has"
                },
            );
        }
        let mut parts = members
            .iter()
            .filter(|(_, bit)| n & bit != 0)
            .map(|(m, _)| Expr {
                kind: ExprKind::Member(class.to_string(), m.clone()),
                span: span.clone(),
            });
        let first = parts
            .next()
            .expect("a positive value in the mask has a bit");
        Ok(parts
            .fold(first, |acc, m| Expr {
                kind: ExprKind::Call(Builtin::Union, vec![acc, m]),
                span: span.clone(),
            })
            .kind)
    }

    /// The members of the flag whose class body is `code`, with their bits.
    fn flag_members(&self, code: &py::Code) -> Vec<(String, i64)> {
        let mut out: Vec<(String, Value)> = Vec::new();
        for s in &code.body {
            let P::Assign { targets, value } = &s.kind else {
                continue;
            };
            let [py::Target::Name(n)] = targets.as_slice() else {
                continue;
            };
            let v = match &value.kind {
                E::Literal(Literal::Int(n)) => Value::Int(*n),
                E::Call(f, args)
                    if args.is_empty() && self.member(f) == Some((Module::Enum, "auto")) =>
                {
                    match next_bit(&out, &value.span) {
                        Ok(v) => v,
                        Err(_) => continue,
                    }
                }
                _ => continue,
            };
            out.push((n.ident().to_string(), v));
        }
        out.into_iter()
            .filter_map(|(m, v)| match v {
                Value::Int(n) => Some((m, n)),
                _ => None,
            })
            .collect()
    }

    /// `a ^ b` where the program has a flag: [`Builtin::Xor`] (the listing
    /// refuses it where the operands are not flags); `None` otherwise.
    pub(super) fn flag_xor(
        &self,
        sc: &Scope,
        a: &py::Expr,
        b: &py::Expr,
    ) -> Result<Option<ExprKind>> {
        if !self.has_flags() {
            return Ok(None);
        }
        Ok(Some(ExprKind::Call(
            Builtin::Xor,
            vec![self.expr(sc, a)?, self.expr(sc, b)?],
        )))
    }
}
