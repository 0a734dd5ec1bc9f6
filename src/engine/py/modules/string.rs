//! The `string` module: its constants, `capwords` and `Template`
//! (`$name`, `${name}`, `$$`), as CPython 3.11's `Lib/string.py`.

use crate::engine::budget;
use crate::engine::py::types::exc::{PyResult, error, type_error, value_error};
use crate::engine::py::types::native::{Args, Native};
use crate::engine::py::types::value::Value;
use crate::engine::py::vm::interp::{Ctx, Frame, Interp};
use std::rc::Rc;

const LOWER: &str = "abcdefghijklmnopqrstuvwxyz";
const UPPER: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const DIGITS: &str = "0123456789";
const PUNCTUATION: &str = r##"!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"##;
const WHITESPACE: &str = " \t\n\r\x0b\x0c";

/// `string.name`.
pub fn member(name: &str) -> Option<Value> {
    let s = |s: &str| Some(Value::str(s));
    match name {
        "ascii_lowercase" => s(LOWER),
        "ascii_uppercase" => s(UPPER),
        "ascii_letters" => s(&format!("{LOWER}{UPPER}")),
        "digits" => s(DIGITS),
        "hexdigits" => s("0123456789abcdefABCDEF"),
        "octdigits" => s("01234567"),
        "punctuation" => s(PUNCTUATION),
        "whitespace" => s(WHITESPACE),
        "printable" => s(&format!("{DIGITS}{LOWER}{UPPER}{PUNCTUATION}{WHITESPACE}")),
        "capwords" => Some(Value::Builtin("string.capwords")),
        "Template" => Some(super::collections::ModuleClass::value(
            "string.Template",
            template,
            &[],
        )),
        _ => None,
    }
}

/// Calls `string.capwords(s, sep=None)`.
pub fn call(ix: &Interp, f: &Frame, name: &str, args: Args) -> PyResult<Value> {
    if name != "string.capwords" {
        return Err(error(
            "AttributeError",
            format!("module 'string' has no attribute '{name}'"),
        ));
    }
    let b = crate::engine::py::builtins::args::bind_clinic(args, "capwords", &["s", "sep"], 1)?;
    let s = b[0].clone().unwrap_or(Value::None);
    let sep = b[1].clone().unwrap_or(Value::None);
    let words = ix.call_method(f, &s, "split", Args::positional(vec![sep.clone()]))?;
    let mut caps = Vec::new();
    for w in ix.iterate(f, &words)? {
        caps.push(ix.call_method(f, &w, "capitalize", Args::default())?);
    }
    let joiner = match sep {
        Value::None => Value::str(" "),
        Value::Str(ref s) if s.is_empty() => Value::str(" "),
        other => other,
    };
    ix.call_method(
        f,
        &joiner,
        "join",
        Args::positional(vec![Value::list(caps)]),
    )
}

/// `Template(template)`.
fn template(_ix: &Interp, _f: &Frame, args: Args) -> PyResult<Value> {
    let b = crate::engine::py::builtins::args::bind(args, "Template", &["template"])?;
    let Some(t) = b[0].clone() else {
        return Err(type_error(
            "Template.__init__() missing 1 required positional argument: 'template'",
        ));
    };
    Ok(Value::Native(Rc::new(Template(t))))
}

/// A `string.Template`.
struct Template(Value);

/// One piece of a template.
enum Part<'a> {
    Text(&'a str),
    /// `$$`.
    Dollar,
    /// `$name` or `${name}`, with the placeholder's whole text.
    Name(&'a str, &'a str),
    /// A `$` that starts no placeholder; the offset is the byte after it.
    Invalid(usize),
}

/// Splits a template as CPython's pattern does.
fn parse(t: &str) -> Vec<Part<'_>> {
    let ident_start = |c: u8| c == b'_' || c.is_ascii_alphabetic();
    let ident = |c: u8| c == b'_' || c.is_ascii_alphanumeric();
    let bytes = t.as_bytes();
    let mut parts = Vec::new();
    let (mut i, mut text) = (0, 0);
    while i < bytes.len() {
        if bytes[i] != b'$' {
            i += 1;
            continue;
        }
        if text < i {
            parts.push(Part::Text(&t[text..i]));
        }
        let at = i + 1;
        let next = bytes.get(at).copied();
        match next {
            Some(b'$') => {
                parts.push(Part::Dollar);
                i = at + 1;
            }
            Some(c) if ident_start(c) => {
                let mut j = at + 1;
                while j < bytes.len() && ident(bytes[j]) {
                    j += 1;
                }
                parts.push(Part::Name(&t[at..j], &t[i..j]));
                i = j;
            }
            Some(b'{') if bytes.get(at + 1).is_some_and(|c| ident_start(*c)) => {
                let mut j = at + 2;
                while j < bytes.len() && ident(bytes[j]) {
                    j += 1;
                }
                if bytes.get(j) == Some(&b'}') {
                    parts.push(Part::Name(&t[at + 1..j], &t[i..=j]));
                    i = j + 1;
                } else {
                    parts.push(Part::Invalid(at));
                    i = at;
                }
            }
            _ => {
                parts.push(Part::Invalid(at));
                i = at;
            }
        }
        text = i;
    }
    if text < bytes.len() {
        parts.push(Part::Text(&t[text..]));
    }
    parts
}

impl Template {
    fn text(&self) -> PyResult<Rc<str>> {
        match &self.0 {
            Value::Str(s) => Ok(s.clone()),
            other => Err(type_error(format!(
                "expected string or bytes-like object, got '{}'",
                other.type_name()
            ))),
        }
    }

    fn substitute(&self, ix: &Interp, f: &Frame, args: Args, safe: bool) -> PyResult<Value> {
        let name = if safe {
            "safe_substitute"
        } else {
            "substitute"
        };
        if args.pos.len() > 1 {
            return Err(type_error(format!(
                "Template.{name}() takes from 1 to 2 positional arguments but {} were given",
                args.pos.len() + 1
            )));
        }
        let t = self.text()?;
        budget::charge_bytes(t.len())?;
        let mapping = args.pos.into_iter().next();
        let kw = args.kw;
        let lookup = |key: &str| -> PyResult<Option<Value>> {
            if let Some((_, v)) = kw.iter().find(|(k, _)| &**k == key) {
                return Ok(Some(v.clone()));
            }
            let Some(m) = &mapping else {
                return Ok(None);
            };
            match ix.getitem(f, m, &Value::str(key)) {
                Ok(v) => Ok(Some(v)),
                Err(crate::engine::py::types::exc::Unwind::Exc(e))
                    if crate::engine::py::types::exc::is_instance_of(&e, "KeyError") =>
                {
                    Ok(None)
                }
                Err(e) => Err(e),
            }
        };
        let mut out = String::new();
        for part in parse(&t) {
            match part {
                Part::Text(s) => out.push_str(s),
                Part::Dollar => out.push('$'),
                Part::Name(key, whole) => match lookup(key)? {
                    Some(v) => out.push_str(&ix.str(f, &v)?),
                    None if safe => out.push_str(whole),
                    None => {
                        return Err(crate::engine::py::types::items::key_error(Value::str(key)));
                    }
                },
                Part::Invalid(i) => {
                    if !safe {
                        let before = &t[..i];
                        let lineno = before.split_inclusive('\n').count().max(1);
                        let last = before.rfind('\n').map_or(0, |p| p + 1);
                        let colno = before[last..].chars().count();
                        let colno = if before.is_empty() { 1 } else { colno };
                        return Err(value_error(format!(
                            "Invalid placeholder in string: line {lineno}, col {colno}"
                        )));
                    }
                    out.push('$');
                }
            }
            crate::engine::py::types::ops::check_bytes(out.len())?;
        }
        Ok(Value::str(&out))
    }
}

impl Native for Template {
    fn type_name(&self) -> &str {
        "Template"
    }

    fn repr(&self) -> String {
        format!(
            "<string.Template object at {:#x}>",
            self as *const Self as usize
        )
    }

    fn attr(self: Rc<Self>, name: &str) -> Option<Value> {
        (name == "template").then(|| self.0.clone())
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(
            name,
            "substitute" | "safe_substitute" | "get_identifiers" | "is_valid"
        )
    }

    fn call_method(
        self: Rc<Self>,
        ix: &Rc<Interp>,
        cx: &Ctx,
        name: &str,
        args: Args,
    ) -> Option<PyResult<Value>> {
        Some(match name {
            "substitute" => self.substitute(ix, cx, args, false),
            "safe_substitute" => self.substitute(ix, cx, args, true),
            "get_identifiers" => self.text().map(|t| {
                let mut ids: Vec<&str> = Vec::new();
                for part in parse(&t) {
                    if let Part::Name(k, _) = part
                        && !ids.contains(&k)
                    {
                        ids.push(k);
                    }
                }
                Value::list(ids.into_iter().map(Value::str).collect())
            }),
            "is_valid" => self
                .text()
                .map(|t| Value::Bool(!parse(&t).iter().any(|p| matches!(p, Part::Invalid(_))))),
            _ => return None,
        })
    }

    fn instance_of(&self, builtin: &str) -> bool {
        builtin == "string.Template"
    }
}
