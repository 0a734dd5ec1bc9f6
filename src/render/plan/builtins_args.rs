//! The arguments of a built-in call: each built-in's number of arguments,
//! and the keyword arguments the listing passes by position
//! (`enumerate(xs, start=1)`).

use super::scope::Scope;
use super::{Planner, Result, refuse};
use crate::program::Arg;
use crate::render::plan::ir::expr::{Builtin, Expr, ExprKind};
use std::ops::Range;

/// How many arguments the listing translates for `b`, and its keyword
/// parameters that may stand in for a positional one, in order.
fn arity(b: Builtin) -> Option<(usize, usize, &'static [&'static str])> {
    Some(match b {
        Builtin::Enumerate => (1, 2, &["iterable", "start"]),
        Builtin::Zip | Builtin::Divmod => (2, 2, &[]),
        Builtin::Reversed | Builtin::Any | Builtin::All | Builtin::Bool => (1, 1, &[]),
        _ => return None,
    })
}

impl Planner<'_> {
    /// The arguments of the built-in `b`, by position.
    pub(super) fn builtin_args(
        &self,
        sc: &Scope,
        b: Builtin,
        args: &[Arg],
        span: &Range<usize>,
    ) -> Result<Vec<Expr>> {
        // `dict(a=1)`: the items of the literal `{"a": 1}`.
        if b == Builtin::Dict
            && let Some(ExprKind::Call(Builtin::Dict, items)) = self.keyword_dict(sc, args, span)?
        {
            return Ok(items);
        }
        if b == Builtin::Range {
            super::range_steps::check_step(sc, args)?;
        }
        let Some((least, most, keywords)) = arity(b) else {
            return self.positional(sc, args, span);
        };
        let mut out = Vec::new();
        for a in args {
            match a {
                Arg::Positional(e) if matches!(b, Builtin::Any | Builtin::All) => {
                    match self.truth_list(sc, e)? {
                        Some(truths) => out.push(truths),
                        None => out.push(self.expr(sc, e)?),
                    }
                }
                Arg::Positional(e) => out.push(self.expr(sc, e)?),
                Arg::Keyword(k, e) if keywords.get(out.len()) == Some(&&**k) => {
                    out.push(self.expr(sc, e)?)
                }
                _ => {
                    return refuse(
                        span,
                        "a keyword or starred argument",
                        "the Rust listing passes arguments by position",
                    );
                }
            }
        }
        if out.len() < least || out.len() > most {
            let takes = if least == most {
                format!("{least}")
            } else {
                format!("{least} or {most}")
            };
            return refuse(
                span,
                format!("`{}` called with {} arguments", b.name(), out.len()),
                format!("the Rust listing translates `{}` of {takes}", b.name()),
            );
        }
        Ok(out)
    }
}

/// Checks the arguments of a string method: the fill of `center`, `ljust`
/// and `rjust` is a one-character literal other than a brace, quote or
/// backslash (the listing writes it inside a `format!` string or as a
/// `char`).
pub(super) fn check_fill(
    m: crate::render::plan::ir::expr::StrMethod,
    args: &[Arg],
    span: &Range<usize>,
) -> Result<()> {
    use crate::program::{ExprKind as E, Literal};
    use crate::render::plan::ir::expr::StrMethod;
    if !matches!(m, StrMethod::Center | StrMethod::Ljust | StrMethod::Rjust) {
        return Ok(());
    }
    let Some(Arg::Positional(f)) = args.get(1) else {
        return Ok(());
    };
    let ok = matches!(&f.kind, E::Literal(Literal::Str(s))
        if s.chars().count() == 1 && !s.contains(['{', '}', '\'', '"', '\\']) && !s.chars().any(char::is_control));
    if ok {
        Ok(())
    } else {
        refuse(
            span,
            "this fill character",
            "the Rust listing pads with a one-character string literal, written in its `format!`",
        )
    }
}
