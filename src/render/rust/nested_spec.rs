//! The widths and precisions a format spec reads from nested fields
//! (`f"{x:<{w}}"`), passed to `format!` as named arguments (`{x:<w$}`,
//! `w = w as usize`).

use super::code::Code;
use super::types::Ty;

/// The named arguments of one `format!` call's nested fields, in order.
#[derive(Default)]
pub(super) struct Named {
    /// Each argument's name and value.
    args: Vec<(String, String)>,
}

impl Named {
    /// The spec `rust` (with `{k}` for the `k`th nested field) with each
    /// field named, given the code of each field's value; `precision` names
    /// a field that stands after the `.`.
    pub(super) fn name_fields(&mut self, rust: &str, values: &[Code], taken: &str) -> String {
        let mut out = rust.to_string();
        for (k, c) in values.iter().enumerate() {
            let marker = format!("{{{k}}}");
            let Some(at) = out.find(&marker) else {
                continue;
            };
            let value = if c.ty == Ty::Int {
                format!("{} as usize", c.wrap(10))
            } else {
                c.text.clone()
            };
            let ident = !c.text.is_empty()
                && c.text.chars().all(|ch| ch.is_alphanumeric() || ch == '_')
                && !c.text.starts_with(|ch: char| ch.is_ascii_digit());
            let name = if ident {
                c.text.clone()
            } else {
                let base = if out[..at].ends_with('.') {
                    "precision"
                } else {
                    "width"
                };
                self.fresh(base, &value, taken)
            };
            if !self.args.iter().any(|(n, _)| *n == name) {
                self.args.push((name.clone(), value));
            }
            out.replace_range(at..at + marker.len(), &format!("{name}$"));
        }
        out
    }

    /// A name for `value` not used otherwise in the format string `taken`
    /// nor by another argument (the one of the same value is reused).
    fn fresh(&self, base: &str, value: &str, taken: &str) -> String {
        for n in 1.. {
            let name = if n == 1 {
                base.to_string()
            } else {
                format!("{base}{n}")
            };
            match self.args.iter().find(|(a, _)| *a == name) {
                Some((_, v)) if v == value => return name,
                Some(_) => continue,
                None if taken.contains(&name) => continue,
                None => return name,
            }
        }
        unreachable!("some name is free")
    }

    /// The arguments as `format!` takes them, after the positional ones.
    pub(super) fn into_args(self) -> impl Iterator<Item = String> {
        self.args
            .into_iter()
            .map(|(name, value)| format!("{name} = {value}"))
    }
}
