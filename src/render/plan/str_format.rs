//! `"...".format(...)`: fields `{}` filled in order, `{0}` by index and
//! `{name}` by keyword, each with a conversion (`!r`, `!s`) and a format
//! spec, as one template. A value a pattern reads twice is written twice,
//! so it must be a name or a literal.

use super::expr::{push_text, rust_spec};
use super::scope::Scope;
use super::{Planner, Result, refuse};
use crate::program::{Arg, ExprKind as E};
use crate::render::plan::ir::expr::{Builtin, Expr, ExprKind, Part, Template};
use crate::render::plan::ir::value::Value;
use std::ops::Range;

const FIELDS: &str = "the Rust listing translates fields `{}`, `{0}` and `{name}`, with \
                      `!r` or `!s` and the specs Rust's `format!` writes as Python does";

impl Planner<'_> {
    /// `pattern.format(args)` as a template.
    pub(super) fn format_call(
        &self,
        sc: &Scope,
        pattern: &str,
        args: &[Arg],
        span: &Range<usize>,
    ) -> Result<Template> {
        let mut values = Vec::new();
        let mut named = Vec::new();
        for a in args {
            match a {
                Arg::Positional(e) => values.push((e, self.expr(sc, e)?)),
                Arg::Keyword(k, e) => named.push((k.to_string(), e, self.expr(sc, e)?)),
                _ => {
                    return refuse(span, "a starred argument of `.format`", FIELDS);
                }
            }
        }
        let mut parts = Vec::new();
        let mut next = 0;
        let mut manual = false;
        let mut used = vec![0; values.len() + named.len()];
        let mut chars = pattern.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, chars.peek()) {
                ('{', Some('{')) | ('}', Some('}')) => {
                    chars.next();
                    push_text(&mut parts, &c.to_string());
                }
                ('{', _) => {
                    let mut field = String::new();
                    loop {
                        match chars.next() {
                            Some('}') => break,
                            Some('{') | None => {
                                return refuse(span, "this `.format` field", FIELDS);
                            }
                            Some(c) => field.push(c),
                        }
                    }
                    let (head, spec) = field.split_once(':').unwrap_or((&field, ""));
                    let (name, conversion) = match head.split_once('!') {
                        Some((n, c)) => (n, Some(c)),
                        None => (head, None),
                    };
                    let slot = if name.is_empty() {
                        next += 1;
                        next - 1
                    } else if let Ok(i) = name.parse::<usize>() {
                        manual = true;
                        i
                    } else if let Some(k) = named.iter().position(|(k, ..)| k == name) {
                        values.len() + k
                    } else {
                        return refuse(
                            span,
                            format!("the `.format` field `{{{name}}}` with no argument"),
                            "Python raises KeyError or IndexError here",
                        );
                    };
                    let (source, value) = match values.get(slot) {
                        Some((e, v)) => (*e, v.clone()),
                        None => match named.get(slot - values.len()) {
                            Some((_, e, v)) if slot >= values.len() => (*e, v.clone()),
                            _ => {
                                return refuse(
                                    span,
                                    "a `.format` with too few arguments",
                                    "Python raises IndexError here",
                                );
                            }
                        },
                    };
                    if manual && next > 0 {
                        return refuse(
                            span,
                            "`.format` fields numbered and not",
                            "Python raises ValueError: cannot switch between automatic \
                             field numbering and manual field specification",
                        );
                    }
                    used[slot] += 1;
                    if used[slot] > 1 && !matches!(source.kind, E::Name(_) | E::Literal(_)) {
                        return refuse(
                            &source.span,
                            "a `.format` argument read twice",
                            "the listing writes it at each field: make it a variable first",
                        );
                    }
                    let value = match conversion {
                        None | Some("s") => value,
                        Some("r") => Expr {
                            span: value.span.clone(),
                            kind: ExprKind::Call(Builtin::Repr, vec![value]),
                        },
                        Some(_) => return refuse(span, "this `.format` conversion", FIELDS),
                    };
                    if spec.is_empty()
                        && let ExprKind::Lit(v @ (Value::Str(_) | Value::Int(_))) = &value.kind
                    {
                        push_text(&mut parts, &v.to_string());
                    } else if spec.is_empty() {
                        parts.push(Part::Hole(value));
                    } else if let Some(spec) =
                        rust_spec(spec).or_else(|| super::format_spec::python_spec(spec))
                    {
                        parts.push(Part::Spec(value, spec));
                    } else {
                        return refuse(span, "this format spec in a `.format` field", FIELDS);
                    }
                }
                ('}', _) => return refuse(span, "a single `}` in a `.format` pattern", FIELDS),
                (c, _) => push_text(&mut parts, &c.to_string()),
            }
        }
        Ok(Template { parts })
    }
}
