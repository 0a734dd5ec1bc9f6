//! F-strings and `print`'s arguments as the plan's templates.

use super::expr::{push_text, rust_spec};
use super::scope::Scope;
use super::{Planner, Result, refuse};
use crate::program::{Arg, ExprKind as E, FormatPart, Literal};
use crate::render::plan::ir::expr::{Builtin, Expr, ExprKind, Part, Template};
use crate::render::plan::ir::value::Value;
use std::ops::Range;

impl Planner<'_> {
    /// An f-string.
    pub(super) fn template(&self, sc: &Scope, parts: &[FormatPart]) -> Result<Template> {
        let mut out = Vec::new();
        for p in parts {
            match p {
                FormatPart::Literal(s) => push_text(&mut out, s),
                FormatPart::Field {
                    value,
                    conversion,
                    spec,
                    debug,
                } => {
                    if let Some(text) = debug {
                        push_text(&mut out, text);
                    }
                    self.refuse_shown_iterator(value)?;
                    if spec.is_empty()
                        && matches!(conversion, None | Some('r' | 's'))
                        && let Some(x) = self.shown_line(sc, value)?
                    {
                        out.push(Part::Hole(x));
                        continue;
                    }
                    // A caught exception's `!r` is its `repr`, not its text's.
                    let shows_repr = match conversion {
                        Some(c) => *c == 'r',
                        None => debug.is_some(),
                    };
                    if shows_repr
                        && spec.is_empty()
                        && let Some(r) = self.caught_repr(sc, value)
                    {
                        match r {
                            ExprKind::Lit(Value::Str(s)) => push_text(&mut out, &s),
                            kind => out.push(Part::Hole(Expr {
                                span: value.span.clone(),
                                kind,
                            })),
                        }
                        continue;
                    }
                    let x = self.expr(sc, value)?;
                    // `{x=}` shows the repr unless a spec or `!s` says otherwise.
                    let repr = match conversion {
                        Some('r') => true,
                        Some('s') => false,
                        None => debug.is_some() && spec.is_empty(),
                        Some(_) => {
                            return refuse(
                                &value.span,
                                "the conversion `!a` in an f-string",
                                "the Rust listing converts with `!r` and `!s` only",
                            );
                        }
                    };
                    let x = if repr {
                        Expr {
                            span: x.span.clone(),
                            kind: ExprKind::Call(Builtin::Repr, vec![x]),
                        }
                    } else {
                        x
                    };
                    match spec.as_slice() {
                        // A string written where it is read is text of the template.
                        [] if let ExprKind::Lit(Value::Str(s)) = &x.kind => push_text(&mut out, s),
                        [] => out.push(Part::Hole(x)),
                        [FormatPart::Literal(text)]
                            if let Some(spec) = rust_spec(text)
                                .or_else(|| super::format_spec::python_spec(text)) =>
                        {
                            out.push(Part::Spec(x, spec))
                        }
                        parts if let Some(spec) = super::nested_spec::spec(self, sc, parts)? => {
                            out.push(Part::Spec(x, spec))
                        }
                        _ => {
                            return refuse(
                                &value.span,
                                "this format spec in an f-string",
                                "the Rust listing translates the specs Rust's `format!` writes \
                                 as Python does: fill, alignment, sign, width, precision and \
                                 the types `f`, `d`, `s`, `x`, `X`, `o`, `b`",
                            );
                        }
                    }
                }
            }
        }
        Ok(Template { parts: out })
    }

    /// What `print(...)` prints: its arguments joined by `sep`, then its
    /// `end=` less a final newline, and whether that end finishes the line
    /// (`println!`) or not (`print!`, see [`Demo::unended`]).
    ///
    /// [`Demo::unended`]: crate::render::plan::ir::ast::Demo::unended
    pub(super) fn print_template(
        &self,
        sc: &Scope,
        args: &[Arg],
        span: &Range<usize>,
    ) -> Result<(Template, bool)> {
        let mut sep = " ".to_string();
        let mut end = "\n".to_string();
        let mut values = Vec::new();
        for a in args {
            match a {
                Arg::Positional(e) => values.push(e),
                Arg::Keyword(k, v) if &**k == "sep" || &**k == "end" => {
                    let E::Literal(Literal::Str(s)) = &v.kind else {
                        return refuse(
                            &v.span,
                            format!("a computed `{k}=`"),
                            format!("the Rust listing needs `{k}=` as a string literal"),
                        );
                    };
                    if &**k == "sep" {
                        sep = s.to_string();
                    } else {
                        end = s.to_string();
                    }
                }
                _ => {
                    return refuse(
                        span,
                        "this argument of `print`",
                        "the Rust listing translates `print` with positional arguments, `sep=` and `end=`",
                    );
                }
            }
        }
        let mut parts = Vec::new();
        for (i, v) in values.iter().enumerate() {
            if i > 0 {
                push_text(&mut parts, &sep);
            }
            // Rust's `()` is Python's `None`: the empty tuple is its text.
            if matches!(&v.kind, E::Tuple(xs) if xs.is_empty()) || self.empty_tuple_call(v) {
                push_text(&mut parts, "()");
                continue;
            }
            self.refuse_shown_iterator(v)?;
            let v = match self.shown_line(sc, v)? {
                Some(x) => x,
                None => self.expr(sc, v)?,
            };
            match v.kind {
                ExprKind::Lit(Value::Str(s)) => push_text(&mut parts, &s),
                // An exception's empty `.args`, as the `()` above.
                ExprKind::Tuple(items) if items.is_empty() => push_text(&mut parts, "()"),
                ExprKind::Template(t) => {
                    for p in t.parts {
                        match p {
                            Part::Text(s) => push_text(&mut parts, &s),
                            hole => parts.push(hole),
                        }
                    }
                }
                _ => parts.push(Part::Hole(v)),
            }
        }
        let ends_line = end.ends_with('\n');
        push_text(&mut parts, end.strip_suffix('\n').unwrap_or(&end));
        Ok((Template { parts }, ends_line))
    }
}
