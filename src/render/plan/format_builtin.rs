//! The built-in `format(x)` and `format(x, "spec")`: the text the
//! f-string `f"{x:spec}"` makes, which the listing writes as `format!`
//! with the same spec.

use super::scope::Scope;
use super::{Planner, Result, refuse};
use crate::program::{self as py, Arg, ExprKind as E, FormatPart, Literal, Name};
use crate::render::plan::ir::expr::Template;

impl Planner<'_> {
    /// `format(x)` or `format(x, "spec")` of the built-in, as the template
    /// of `f"{x:spec}"`; `None` when `f(args)` is no call of it.
    pub(super) fn format_builtin(
        &self,
        sc: &Scope,
        f: &py::Expr,
        args: &[Arg],
        span: &std::ops::Range<usize>,
    ) -> Result<Option<Template>> {
        if !matches!(&f.kind, E::Name(Name::Global(n)) if &**n == "format")
            || self.defs.contains_key("format")
            || super::module::bound(&self.program.module.body, true).contains_key("format")
        {
            return Ok(None);
        }
        let (value, spec) = match args {
            [Arg::Positional(x)] => (x, ""),
            [Arg::Positional(x), Arg::Positional(s)]
                if let E::Literal(Literal::Str(text)) = &s.kind =>
            {
                (x, &**text)
            }
            [Arg::Positional(_), Arg::Positional(s)] => {
                return refuse(
                    &s.span,
                    "a format spec computed when the program runs",
                    "Rust's `format!` takes its spec written in the format string, so the \
                     listing writes `format(x, spec)` with `spec` a string literal",
                );
            }
            _ => {
                return refuse(
                    span,
                    "`format` called with these arguments",
                    "`format` takes a value and, optionally, a format spec",
                );
            }
        };
        if !spec.is_empty()
            && super::expr::rust_spec(spec).is_none()
            && super::format_spec::python_spec(spec).is_none()
        {
            return refuse(
                span,
                format!("the format spec {spec:?} of `format`"),
                "the Rust listing translates the specs Rust's `format!` writes as Python does: \
                 fill, alignment, sign, width, precision and the types `f`, `d`, `s`, `x`, \
                 `X`, `o`, `b`",
            );
        }
        let field = FormatPart::Field {
            value: value.clone(),
            conversion: None,
            spec: match spec {
                "" => Vec::new(),
                text => vec![FormatPart::Literal(text.into())],
            },
            debug: None,
        };
        self.template(sc, &[field]).map(Some)
    }
}
