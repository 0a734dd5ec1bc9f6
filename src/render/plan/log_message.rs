//! A `logging` record's message: its `%`-directives filled from the
//! call's arguments, as Python's `LogRecord.getMessage` fills them.

use crate::render::plan::ir::expr::{Builtin, Expr, ExprKind, Part, Spec, Template};
use crate::render::plan::ir::value::Value;

/// One directive of a `%`-format: `%s`, `%r`, `%d`/`%i`, `%f` with an
/// optional precision (`%.1f`), or the text `%%` stands for.
enum Directive {
    Text(String),
    Str,
    Repr,
    Int,
    Float(usize),
}

/// The directives of a log message; `None` for one that Rust's `format!`
/// does not write the same way (a width, a mapping key, another type).
fn directives(msg: &str) -> Option<Vec<Directive>> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut chars = msg.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            text.push(c);
            continue;
        }
        let mut precision = None;
        if chars.peek() == Some(&'.') {
            chars.next();
            let mut digits = String::new();
            while let Some(d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                digits.push(*d);
                chars.next();
            }
            precision = Some(digits.parse().unwrap_or(0));
        }
        let d = match (chars.next()?, precision) {
            ('%', None) => {
                text.push('%');
                continue;
            }
            ('s', None) => Directive::Str,
            ('r', None) => Directive::Repr,
            ('d' | 'i', None) => Directive::Int,
            ('f', p) => Directive::Float(p.unwrap_or(6)),
            _ => return None,
        };
        out.push(Directive::Text(std::mem::take(&mut text)));
        out.push(d);
    }
    out.push(Directive::Text(text));
    Some(out)
}

/// The record's message: `msg` with the `%`-directives filled from
/// `values` (each with whether it is a string literal), or `msg` as it is
/// when there are none; `None` when they do not fit.
pub(super) fn message(msg: &str, values: Vec<(Expr, bool)>) -> Option<Template> {
    if values.is_empty() {
        return Some(Template {
            parts: vec![Part::Text(msg.to_string())],
        });
    }
    let mut values = values.into_iter();
    let mut parts = Vec::new();
    for d in directives(msg)? {
        let part = match d {
            Directive::Text(t) => Part::Text(t),
            Directive::Str => Part::Hole(values.next()?.0),
            Directive::Repr => {
                let (v, _) = values.next()?;
                // An integer's repr is its text.
                if let ExprKind::Lit(Value::Int(_)) = v.kind {
                    parts.push(Part::Hole(v));
                    continue;
                }
                let span = v.span.clone();
                Part::Hole(Expr {
                    kind: ExprKind::Call(Builtin::Repr, vec![v]),
                    span,
                })
            }
            // `%d` of a float writes its whole part, as `int(x)` does.
            Directive::Int => match values.next()? {
                (_, true) => return None,
                (v, false) => {
                    let span = v.span.clone();
                    Part::Hole(Expr {
                        kind: ExprKind::Call(Builtin::Int, vec![v]),
                        span,
                    })
                }
            },
            Directive::Float(places) => match values.next()? {
                (_, true) => return None,
                (v, false) => Part::Spec(
                    v,
                    Spec {
                        rust: format!(".{places}"),
                        float: true,
                        python: None,
                        nested: Vec::new(),
                        kind: Some('f'),
                    },
                ),
            },
        };
        parts.push(part);
    }
    if values.next().is_some() {
        return None;
    }
    Some(Template { parts })
}
