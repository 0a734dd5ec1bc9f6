//! Format strings: a template's `format!` call, each hole's argument and
//! spec.

use super::Renderer;
use super::code::Code;
use super::names::escape_fmt;
use super::types::Ty;
use crate::render::plan::ir::expr::{Part, Spec, Template};

impl Renderer<'_> {
    /// A `format!`-style macro call for a template; true if it makes a
    /// fresh `String` (false: a plain literal).
    pub(super) fn format(&mut self, t: &Template, mac: &str) -> (String, bool) {
        let mut fmt = String::new();
        let mut args = Vec::new();
        let mut named = super::nested_spec::Named::default();
        for part in &t.parts {
            match part {
                Part::Text(s) => fmt.push_str(&escape_fmt(s)),
                // A class's name, which the type decides, is written in place.
                Part::Hole(e) if let Some(name) = self.type_name_text(e) => {
                    fmt.push_str(&escape_fmt(&name));
                }
                Part::Hole(e) => {
                    let c = self.expr(e);
                    let c = self.printed_float(e, c);
                    self.hole(&c, &mut fmt, &mut args);
                }
                Part::Spec(e, spec) if let Some(py) = spec.python => {
                    let c = self.expr(e);
                    match spec.rust.as_str() {
                        "" => fmt.push_str("{}"),
                        pad => fmt.push_str(&format!("{{:{pad}}}")),
                    }
                    let nan = self.may_be_nan(e);
                    let ordinary = super::float_repr::ordinary(self.demo, &self.func, e);
                    args.push(super::format_spec::number(&c, py, nan, ordinary));
                }
                Part::Spec(e, spec) if let Some((piece, more)) = self.spec_form(e, spec) => {
                    fmt.push_str(&piece);
                    args.extend(more);
                }
                Part::Spec(e, spec) => {
                    let c = self.expr(e);
                    let c = if spec.float { c.as_f64() } else { c };
                    let c = if spec.float {
                        c
                    } else {
                        self.printed_float(e, c)
                    };
                    let rust = self.nested_spec(t, spec, &mut named);
                    // Python formats a float without a type as its repr.
                    let debug = if !spec.float && c.ty == Ty::Float {
                        "?"
                    } else {
                        ""
                    };
                    let simple = c.prec == 10
                        && c.text.chars().all(|ch| ch.is_alphanumeric() || ch == '_')
                        && !c.text.chars().next().is_some_and(|ch| ch.is_ascii_digit());
                    // `%d` gives a spec that only checks the value's type.
                    let colon = if rust.is_empty() && debug.is_empty() {
                        ""
                    } else {
                        ":"
                    };
                    if simple {
                        fmt.push_str(&format!("{{{}{colon}{rust}{debug}}}", c.text));
                    } else {
                        fmt.push_str(&format!("{{{colon}{rust}{debug}}}"));
                        args.push(c.text.clone());
                    }
                }
            }
        }
        args.extend(named.into_args());
        self.format_tail(fmt, args, mac)
    }

    /// The Rust spec of a hole, its nested fields named (`<w$`).
    fn nested_spec(
        &mut self,
        t: &Template,
        spec: &Spec,
        named: &mut super::nested_spec::Named,
    ) -> String {
        if spec.nested.is_empty() {
            return spec.rust.clone();
        }
        let values: Vec<Code> = spec.nested.iter().map(|e| self.expr(e)).collect();
        let mut vars = Vec::new();
        for part in &t.parts {
            if let Part::Hole(e) | Part::Spec(e, _) = part {
                e.variables(&mut vars);
            }
        }
        let names: Vec<String> = vars.into_iter().map(|(name, _)| name).collect();
        named.name_fields(&spec.rust, &values, &names.join(" "))
    }

    /// Appends one printed value to a format string and its arguments.
    pub(super) fn hole(&mut self, c: &Code, fmt: &mut String, args: &mut Vec<String>) {
        if let Some((value, spec)) = &c.pad {
            super::str_pad::pad_hole(value, spec, fmt, args);
            return;
        }
        if super::builtins::needs_repr(&c.ty) {
            fmt.push_str("{}");
            args.push(super::builtins::repr_call(c));
            return;
        }
        if let Some(shown) = super::options::shown(c) {
            fmt.push_str("{}");
            args.push(shown);
            return;
        }
        if c.text == "vec![]" && c.ty == Ty::List(Box::new(Ty::Unknown)) {
            // An empty list of items of no known type: what Python prints.
            fmt.push_str("[]");
            return;
        }
        if let Ty::Set(_) = c.ty {
            fmt.push_str("{}");
            args.push(format!("py_set(&{})", c.wrap(10)));
            return;
        }
        if c.ty == Ty::Float
            && let Some(text) = super::float_literals::python_repr(&c.text)
        {
            fmt.push_str(&text);
            return;
        }
        let debug = matches!(
            c.ty,
            Ty::Float | Ty::List(_) | Ty::Tuple(_) | Ty::Dict(..) | Ty::Unit
        );
        let spec = if debug { ":?" } else { "" };
        if c.ty == Ty::Unit {
            // A call giving `None` still runs (and may fail), first.
            if c.text.contains(".await") || (c.text.contains('(') && c.text != "()") {
                self.line(format!("{};", c.text));
            }
            fmt.push_str("None");
        } else if c.ty == Ty::Bool && matches!(c.text.as_str(), "true" | "false") {
            fmt.push_str(if c.text == "true" { "True" } else { "False" });
        } else if c.ty == Ty::Bool {
            fmt.push_str("{}");
            args.push(format!("if {} {{ \"True\" }} else {{ \"False\" }}", c.text));
        } else if c.prec == 10
            && c.text.chars().all(|ch| ch.is_alphanumeric() || ch == '_')
            && !c.text.chars().next().is_some_and(|ch| ch.is_ascii_digit())
        {
            fmt.push_str(&format!("{{{}{spec}}}", c.text));
        } else {
            fmt.push_str(&format!("{{{spec}}}"));
            args.push(c.text.clone());
        }
    }

    pub(super) fn format_tail(
        &mut self,
        fmt: String,
        args: Vec<String>,
        mac: &str,
    ) -> (String, bool) {
        if mac == "format!" && args.is_empty() && !fmt.contains('{') && !fmt.contains('}') {
            return (format!("\"{fmt}\""), false);
        }
        let mut all = vec![format!("\"{fmt}\"")];
        all.extend(args);
        self.last_format_args = all.clone();
        (format!("{mac}({})", all.join(", ")), true)
    }
}
