//! Text with `{expr}` holes, as f-strings and `print`'s arguments make it,
//! and the format specs of its holes.

use super::expr::Expr;

/// Text with `{expr}` holes (`{{` and `}}` stand for braces).
#[derive(Clone, Debug, PartialEq)]
pub struct Template {
    pub parts: Vec<Part>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Part {
    Text(String),
    Hole(Expr),
    /// A hole with a format spec: `{x:>8.2f}`.
    Spec(Expr, Spec),
}

/// A Python format spec that Rust's `format!` writes the same way.
#[derive(Clone, Debug, PartialEq)]
pub struct Spec {
    /// The Rust spec, after the colon: `>8.2`.
    pub rust: String,
    /// The value is formatted as a float (`f`): an int is converted.
    pub float: bool,
    /// A number format `format!` has no spec for, written by a helper the
    /// listing carries; `rust` then only pads the text it gives.
    pub python: Option<PySpec>,
    /// The widths and precisions read from nested fields (`{x:<{w}}`):
    /// `rust` names the `k`th as `{k}` where `format!` reads it (`<{0}`).
    pub nested: Vec<Expr>,
    /// Python's presentation type (`d`, `s`, `x`, `f`, `%`, ...), if the
    /// spec gives one: which values Python formats with it.
    pub kind: Option<char>,
}

/// A Python number format that Rust's `format!` cannot write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PySpec {
    /// `,` or `_` between thousands (`{:,}`, `{:_}`, `{:,.2f}`): the
    /// separator, and the places of an `f` type.
    Group(char, Option<usize>),
    /// `%`: the value times 100 with this many places, then `%`.
    Percent(usize),
    /// `e` (or `E`, `true`): this many places and an exponent `e+XX`.
    Exp(usize, bool),
    /// `g` (or `G`, `true`): this many significant digits, fixed or with
    /// an exponent, trailing zeros dropped.
    General(usize, bool),
    /// A precision and no type (`{:.4}`) on a float: as `g`, with `.0`
    /// after a whole number written without an exponent.
    Short(usize),
}

impl Template {
    /// The template as plain text when it has no holes.
    pub fn as_plain(&self) -> Option<String> {
        let mut out = String::new();
        for part in &self.parts {
            match part {
                Part::Text(t) => out.push_str(t),
                Part::Hole(_) | Part::Spec(..) => return None,
            }
        }
        Some(out)
    }
}
