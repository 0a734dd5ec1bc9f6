//! Binary operators as Python computes them: arithmetic of ints and
//! floats (floor division and remainder by Python's rules), repetition and
//! concatenation of strings and lists, comparisons.

use super::Renderer;
use super::code::Code;
use super::types::Ty;
use crate::render::plan::ir::expr::BinaryOp;

impl Renderer<'_> {
    /// `a op b` of two rendered operands, with the precedence of the result.
    pub(super) fn binary(&mut self, op: BinaryOp, a: Code, b: Code) -> Code {
        use BinaryOp::*;
        if let Some(test) = super::options::none_test(op, &a, &b) {
            return test;
        }
        if let Some(difference) = super::small_sets::difference(op, &a, &b) {
            return difference;
        }
        if let Some(test) = super::set_inclusion::inclusion(op, &a, &b) {
            return test;
        }
        let (a, b) = (super::truth::counted(op, a), super::truth::counted(op, b));
        if let Some((c, name)) = super::number_arith::arith(op, &a, &b) {
            self.number_arith.insert(name);
            return c;
        }
        let prec = match op {
            Or => 1,
            And => 2,
            Eq | Ne | Lt | Le | Gt | Ge | In | NotIn => 4,
            Add | Sub => 5,
            Mul | Div | FloorDiv | Mod => 6,
            Pow => 8,
        };
        let sym = match op {
            Or => "||",
            And => "&&",
            Eq => "==",
            Ne => "!=",
            Lt => "<",
            Le => "<=",
            Gt => ">",
            Ge => ">=",
            In | NotIn => "in",
            Add => "+",
            Sub => "-",
            Mul => "*",
            Div => "/",
            FloorDiv => "/",
            Mod => "%",
            Pow => "**",
        };
        let float = a.ty == Ty::Float || b.ty == Ty::Float;
        let (a, b) = if float || op == Div {
            (a.as_f64(), b.as_f64())
        } else {
            (a, b)
        };
        let join = |a: &Code, b: &Code, ty: Ty| {
            let right_min = if matches!(op, Sub | Div | Mod | Eq | Ne | Lt | Le | Gt | Ge) {
                prec + 1
            } else {
                prec
            };
            let left_min = if prec == 4 { 5 } else { prec };
            let mut left = a.wrap(left_min);
            // `x as i64 < y` would parse as `i64<...>`: the cast takes parentheses.
            if op == Lt && ends_with_cast(&left) {
                left = format!("({left})");
            }
            Code::new(format!("{left} {sym} {}", b.wrap(right_min)), ty, prec)
        };
        if let Some(c) = super::iters::by_negative(op, &a, &b) {
            return c;
        }
        if let Some(c) = super::identity::across_types(op, &a, &b) {
            return c;
        }
        match op {
            And | Or => join(&a.truthy(), &b.truthy(), Ty::Bool),
            Eq | Ne | Lt | Le | Gt | Ge | In | NotIn => join(&a, &b, Ty::Bool),
            Add if a.ty == Ty::Str || b.ty == Ty::Str => {
                let mut c = Code::new(
                    format!("format!(\"{{}}{{}}\", {}, {})", a.text, b.text),
                    Ty::Str,
                    10,
                );
                c.fresh = true;
                c
            }
            Add if matches!(a.ty, Ty::List(_)) => {
                let mut c = Code::new(
                    format!("[{}, {}].concat()", slice(&a), slice(&b)),
                    a.ty.clone(),
                    10,
                );
                c.fresh = true;
                c
            }
            Mul if matches!(a.ty, Ty::List(_)) => {
                let n = if b.text.chars().all(|ch| ch.is_ascii_digit()) {
                    b.text.clone()
                } else {
                    format!("{} as usize", b.wrap(8))
                };
                let text = if a.ty.elem().is_copy() {
                    format!("{}.repeat({n})", a.wrap(10))
                } else {
                    format!(
                        "std::iter::repeat_n({}, {n}).flatten().collect::<Vec<_>>()",
                        a.owned()
                    )
                };
                let mut c = Code::new(text, a.ty.clone(), 10);
                c.fresh = true;
                c
            }
            // `3 * "xy"` repeats the string as `"xy" * 3` does.
            Mul if b.ty == Ty::Str && a.ty == Ty::Int => self.binary(Mul, b, a),
            Mul if a.ty == Ty::Str => {
                let mut c = Code::new(
                    format!("{}.repeat({} as usize)", a.wrap(10), b.wrap(8)),
                    Ty::Str,
                    10,
                );
                c.fresh = true;
                c
            }
            FloorDiv if float && let Some(c) = super::floor_ops::float_floor_div(&a, &b) => c,
            // `(-7.0 / 2.0).floor()` is ambiguous to rustc: `f64::floor` names the type.
            FloorDiv if float && number(&a) && number(&b) => Code::new(
                format!("f64::floor({})", join(&a, &b, Ty::Float).text),
                Ty::Float,
                10,
            ),
            FloorDiv if float => Code::new(
                format!("({}).floor()", join(&a, &b, Ty::Float).text),
                Ty::Float,
                10,
            ),
            FloorDiv | Mod
                if let Some(c) = super::floor_ops::by_unknown_sign(op, &a, &b, float) =>
            {
                c
            }
            // A method on an operation of untyped integers is ambiguous to
            // rustc (`(i * 37).rem_euclid(7)`): the path call names `i64`.
            FloorDiv if untyped(&a) || self.literal_bound(&a) => Code::new(
                format!("i64::div_euclid({}, {})", a.text, b.text),
                Ty::Int,
                10,
            ),
            FloorDiv => Code::new(
                format!("{}.div_euclid({})", a.wrap(10), b.text),
                Ty::Int,
                10,
            ),
            Mod if !float && (untyped(&a) || self.literal_bound(&a)) => Code::new(
                format!("i64::rem_euclid({}, {})", a.text, b.text),
                Ty::Int,
                10,
            ),
            Mod => Code::new(
                format!("{}.rem_euclid({})", a.wrap(10), b.text),
                if float { Ty::Float } else { Ty::Int },
                10,
            ),
            Div => join(&a, &b, Ty::Float),
            _ => {
                let ty = if float {
                    Ty::Float
                } else if matches!(a.ty, Ty::List(_)) {
                    a.ty.clone()
                } else {
                    Ty::Int
                };
                join(&a, &b, ty)
            }
        }
    }
}

/// A list as a slice, for `concat`.
fn slice(c: &Code) -> String {
    if c.fresh {
        format!("&{}[..]", c.wrap(7))
    } else {
        format!("{}.as_slice()", c.wrap(10))
    }
}

/// Whether a method called on `a` would be on an operation whose integer
/// type rustc cannot settle (`(i * 37)`); a literal gets its suffix.
fn untyped(a: &Code) -> bool {
    a.prec < 10 && !a.wrap(10).ends_with("_i64)")
}

/// Whether the code is a number literal, of no type until one is named.
fn number(c: &Code) -> bool {
    c.text.parse::<f64>().is_ok()
}

/// Whether the text ends with a cast (`xs.len() as i64`), which a
/// following `<` would turn into generic arguments.
fn ends_with_cast(text: &str) -> bool {
    text.rsplit_once(" as ").is_some_and(|(_, ty)| {
        !ty.is_empty() && ty.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    })
}
