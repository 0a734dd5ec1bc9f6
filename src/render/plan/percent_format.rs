//! `"%-8s took %5.2f s" % (name, secs)`: printf-style formatting of a
//! literal string, as one template. Each conversion becomes the format spec
//! that writes its value as Python does (`%-8s` is `{:<8}`, `%05d` is
//! `{:05}`, `%.2e` is Python's exponent form); the values are a tuple
//! display, one value that is no tuple, or, for `%(key)s`, a dict display
//! with string keys.

use super::expr::{push_text, rust_spec};
use super::scope::Scope;
use super::{Planner, Result, refuse};
use crate::program::{Expr as PyExpr, ExprKind as E, Literal};
use crate::render::plan::ir::expr::{Builtin, Expr, ExprKind, Part, Template};
use crate::render::plan::ir::value::Value;
use std::ops::Range;

const TAKEN: &str = "the Rust listing translates `%s %r %d %i %u %f %e %g %x %o %c %%` with the \
                     flags `-+0#`, a width and a precision (`*` from a literal), as `format!` \
                     writes them the way Python does";

/// One `%` conversion: its flags, width, precision and letter.
struct Conversion {
    left: bool,
    plus: bool,
    zero: bool,
    alternate: bool,
    width: Option<usize>,
    precision: Option<usize>,
    letter: char,
}

impl Conversion {
    /// The Python format spec that writes the conversion's value as `%`
    /// does (the value of `%s` and `%r` being a string).
    fn spec(&self) -> String {
        let text = matches!(self.letter, 's' | 'r');
        // A string (and the padded text of Python's `e` and `g`) is
        // aligned left unless told; a number right, as `%` aligns.
        let padded = matches!(self.letter, 's' | 'r' | 'e' | 'E' | 'g' | 'G');
        let mut out = String::new();
        if self.width.is_some() && (self.left || padded) {
            out.push(if self.left { '<' } else { '>' });
        }
        if self.plus && !text {
            out.push('+');
        }
        if self.alternate {
            out.push('#');
        }
        if self.zero && !self.left && !text && self.width.is_some() {
            out.push('0');
        }
        if let Some(w) = self.width {
            out.push_str(&w.to_string());
        }
        if let Some(p) = self.precision {
            out.push_str(&format!(".{p}"));
        }
        match self.letter {
            's' | 'r' if self.precision.is_some() => out.push('s'),
            's' | 'r' => {}
            'i' | 'u' => out.push('d'),
            c => out.push(c),
        }
        out
    }
}

/// The values a format reads: in order, or by key.
enum Values<'a> {
    Positional(Vec<&'a PyExpr>, usize),
    Keyed(Vec<(&'a str, &'a PyExpr)>),
}

impl Planner<'_> {
    /// `pattern % values` as a template, for a literal `pattern`.
    pub(super) fn percent_format(
        &self,
        sc: &Scope,
        pattern: &str,
        values: &PyExpr,
        span: &Range<usize>,
    ) -> Result<Template> {
        let mut args = match &values.kind {
            E::Tuple(items) => Values::Positional(items.iter().collect(), 0),
            E::Dict(items) if pattern.contains("%(") => {
                let mut keyed = Vec::new();
                for (k, v) in items {
                    match k.as_ref().map(|k| &k.kind) {
                        Some(E::Literal(Literal::Str(k)))
                            if matches!(v.kind, E::Name(_) | E::Literal(_)) =>
                        {
                            keyed.push((&**k, v))
                        }
                        _ => {
                            return refuse(
                                &values.span,
                                "a `%(key)` format of a dict that is not of literal keys and \
                                 simple values",
                                "the listing reads each key's value where the format names \
                                 it: make each key a literal string and each value a name or \
                                 a literal",
                            );
                        }
                    }
                }
                Values::Keyed(keyed)
            }
            E::Literal(
                Literal::Int(_) | Literal::Float(_) | Literal::Str(_) | Literal::Bool(_),
            )
            | E::FString(_)
            | E::List(_) => Values::Positional(vec![values], 0),
            _ => {
                return refuse(
                    &values.span,
                    "a `%` format of one value that is not a tuple display",
                    "Python spreads a tuple over the conversions and formats any other value \
                     whole: write the values as a tuple, `\"%s\" % (value,)`",
                );
            }
        };
        let mut parts = Vec::new();
        let mut chars = pattern.chars().peekable();
        while let Some(c) = chars.next() {
            if c != '%' {
                push_text(&mut parts, &c.to_string());
                continue;
            }
            let key = if chars.peek() == Some(&'(') {
                chars.next();
                let key: String = chars.by_ref().take_while(|&c| c != ')').collect();
                Some(key)
            } else {
                None
            };
            let mut conv = Conversion {
                left: false,
                plus: false,
                zero: false,
                alternate: false,
                width: None,
                precision: None,
                letter: '%',
            };
            while let Some(&f) = chars.peek() {
                match f {
                    '-' => conv.left = true,
                    '+' => conv.plus = true,
                    '0' => conv.zero = true,
                    '#' => conv.alternate = true,
                    ' ' => {
                        return refuse(span, "the `%` flag ` ` (a space before a number)", TAKEN);
                    }
                    _ => break,
                }
                chars.next();
            }
            conv.width = self.count(&mut chars, &mut args, span)?;
            if chars.peek() == Some(&'.') {
                chars.next();
                conv.precision = Some(self.count(&mut chars, &mut args, span)?.unwrap_or(0));
            }
            while chars.next_if(|c| matches!(c, 'h' | 'l' | 'L')).is_some() {}
            let Some(letter) = chars.next() else {
                return refuse(
                    span,
                    "a `%` conversion cut off at the pattern's end",
                    "Python raises ValueError: incomplete format",
                );
            };
            conv.letter = letter;
            if conv.letter == '%' && key.is_none() && conv.width.is_none() {
                push_text(&mut parts, "%");
                continue;
            }
            let source = next_value(&mut args, key.as_deref(), span)?;
            self.conversion(sc, &conv, source, span, &mut parts)?;
        }
        if let Values::Positional(items, used) = &args
            && *used < items.len()
        {
            return refuse(
                span,
                "a `%` format with more values than conversions",
                "Python raises TypeError: not all arguments converted during string formatting",
            );
        }
        Ok(Template { parts })
    }

    /// A width or precision: digits, or `*` read from a literal value.
    fn count(
        &self,
        chars: &mut std::iter::Peekable<std::str::Chars>,
        args: &mut Values,
        span: &Range<usize>,
    ) -> Result<Option<usize>> {
        if chars.next_if_eq(&'*').is_some() {
            let source = next_value(args, None, span)?;
            return match source.kind {
                E::Literal(Literal::Int(n)) if n >= 0 => Ok(Some(n as usize)),
                _ => refuse(
                    &source.span,
                    "a `*` width or precision that is not a literal count",
                    "the listing writes the count into the spec: a negative one, which \
                     Python reads as `-`, or one known only when the program runs, is not \
                     translated",
                ),
            };
        }
        let mut digits = String::new();
        while let Some(c) = chars.next_if(char::is_ascii_digit) {
            digits.push(c);
        }
        if digits.is_empty() {
            return Ok(None);
        }
        match digits.parse::<usize>() {
            Ok(n) if n <= 1000 => Ok(Some(n)),
            _ => refuse(span, "a `%` width or precision past 1000", TAKEN),
        }
    }

    /// Appends one conversion of `source` to the template's parts.
    fn conversion(
        &self,
        sc: &Scope,
        conv: &Conversion,
        source: &PyExpr,
        span: &Range<usize>,
        parts: &mut Vec<Part>,
    ) -> Result<()> {
        match (conv.letter, &source.kind) {
            ('s' | 'r' | 'd' | 'i' | 'u' | 'f' | 'e' | 'E' | 'g' | 'G', _) => {}
            ('x' | 'o', E::Literal(Literal::Int(n))) if *n >= 0 => {}
            ('X', _) if conv.alternate => {
                return refuse(
                    span,
                    "the `%` conversion `%#X`",
                    "Python writes the prefix `0X`, Rust's `{:#X}` writes `0x`: write \
                     `\"0X%X\"`",
                );
            }
            ('X', E::Literal(Literal::Int(n))) if *n >= 0 => {}
            ('x' | 'X' | 'o', _) => {
                return refuse(
                    &source.span,
                    format!(
                        "the conversion `%{}` of a value other than a literal integer of 0 or more",
                        conv.letter
                    ),
                    "Python writes a negative number with a `-`, Rust's `format!` an i64 in \
                     two's complement: convert a literal, or write `abs` and the sign",
                );
            }
            ('c', E::Literal(Literal::Int(n))) if conv.width.is_none() => {
                if let Some(c) = u32::try_from(*n).ok().and_then(char::from_u32) {
                    push_text(parts, &c.to_string());
                    return Ok(());
                }
                return refuse(&source.span, "`%c` of a number that is no character", TAKEN);
            }
            ('c', E::Literal(Literal::Str(s)))
                if conv.width.is_none() && s.chars().count() == 1 =>
            {
                push_text(parts, s);
                return Ok(());
            }
            (c, _) => {
                return refuse(span, format!("the `%` conversion `%{c}` here"), TAKEN);
            }
        }
        let value = self.expr(sc, source)?;
        let value = if conv.letter == 'r' {
            Expr {
                span: value.span.clone(),
                kind: ExprKind::Call(Builtin::Repr, vec![value]),
            }
        } else {
            value
        };
        let spec = conv.spec();
        if let ExprKind::Lit(v @ (Value::Str(_) | Value::Int(_))) = &value.kind
            && (spec.is_empty() || spec == "d" && matches!(v, Value::Int(_)))
        {
            push_text(parts, &v.to_string());
        } else if spec.is_empty() {
            parts.push(Part::Hole(value));
        } else if let Some(spec) =
            rust_spec(&spec).or_else(|| super::format_spec::python_spec(&spec))
        {
            parts.push(Part::Spec(value, spec));
        } else {
            return refuse(span, format!("the `%` conversion `%{spec}`"), TAKEN);
        }
        Ok(())
    }
}

/// The value the next conversion reads: the next in order, or the key's.
fn next_value<'a>(
    args: &mut Values<'a>,
    key: Option<&str>,
    span: &Range<usize>,
) -> Result<&'a PyExpr> {
    match (args, key) {
        (Values::Positional(items, used), None) => {
            let Some(item) = items.get(*used) else {
                return refuse(
                    span,
                    "a `%` format with fewer values than conversions",
                    "Python raises TypeError: not enough arguments for format string",
                );
            };
            *used += 1;
            Ok(item)
        }
        (Values::Keyed(items), Some(key)) => match items.iter().find(|(k, _)| *k == key) {
            Some((_, v)) => Ok(v),
            None => refuse(
                span,
                format!("the `%({key})` with no such key"),
                "Python raises KeyError here",
            ),
        },
        _ => refuse(
            span,
            "a `%` format that mixes `%(key)` and conversions in order",
            "Python raises TypeError here: give every conversion a key, or none",
        ),
    }
}
