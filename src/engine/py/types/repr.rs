//! `repr()` and `str()` of values that need no interpreter, written exactly
//! as CPython writes them: containers, numbers, exceptions and bytes.

use super::value::{Instance, Value};

use super::float_digits::float_repr as python_float_repr;
use crate::text::python_str_repr;
use std::fmt::Write;
use std::rc::Rc;

/// `str(exc)`: the message, or the args' repr when there are several.
pub fn exception_str(i: &Instance) -> String {
    let Some(state) = &i.exc else {
        return String::new();
    };
    if let Some(s) = super::groups::str_of(i) {
        return s;
    }
    let args = state.args.borrow();
    match args.len() {
        0 => String::new(),
        1 if i.class.derives_from("KeyError") => args[0].repr(),
        1 => args[0].to_str(),
        _ => Value::Tuple(Rc::from(args.clone())).repr(),
    }
}

/// Writes `repr(v)` to `out`; past 200 levels of nesting, `...`.
pub(super) fn write_repr(v: &Value, out: &mut String, depth: usize) {
    if depth > 200 {
        out.push_str("...");
        return;
    }
    match v {
        Value::None => out.push_str("None"),
        Value::Ellipsis => out.push_str("Ellipsis"),
        Value::Bool(true) => out.push_str("True"),
        Value::Bool(false) => out.push_str("False"),
        Value::Int(i) => {
            let _ = write!(out, "{i}");
        }
        Value::BigInt(i) => {
            let _ = write!(out, "{i}");
        }
        Value::Float(f) => out.push_str(&python_float_repr(*f)),
        Value::Str(s) => out.push_str(&python_str_repr(s)),
        Value::Bytes(b) => out.push_str(&bytes_repr(b)),
        Value::List(items) => {
            out.push('[');
            for (i, item) in items.borrow().iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                if let Value::List(inner) = item
                    && Rc::ptr_eq(inner, items)
                {
                    out.push_str("[...]");
                    continue;
                }
                write_repr(item, out, depth + 1);
            }
            out.push(']');
        }
        Value::Tuple(items) => {
            out.push('(');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_repr(item, out, depth + 1);
            }
            if items.len() == 1 {
                out.push(',');
            }
            out.push(')');
        }
        Value::Dict(d) => {
            out.push('{');
            for (i, (k, v)) in d.borrow().iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_repr(&k.0, out, depth + 1);
                out.push_str(": ");
                write_repr(v, out, depth + 1);
            }
            out.push('}');
        }
        Value::Set(s) => {
            let s = s.borrow();
            let mut items = String::new();
            for (i, k) in s.iter().enumerate() {
                if i > 0 {
                    items.push_str(", ");
                }
                write_repr(&k.0, &mut items, depth + 1);
            }
            out.push_str(&s.wrap_repr(&items));
        }
        Value::Range(a, b, c) => {
            if *c == 1 {
                let _ = write!(out, "range({a}, {b})");
            } else {
                let _ = write!(out, "range({a}, {b}, {c})");
            }
        }
        Value::Function(f) => {
            let _ = write!(out, "<function {}>", f.qualname());
        }
        Value::Method(m) => {
            let name = match &m.1 {
                Value::Function(f) => f.qualname(),
                _ => "?".into(),
            };
            let _ = write!(out, "<bound method {name}>");
        }
        // `itertools`' members are classes.
        Value::Builtin(name) if name.starts_with("itertools.") => {
            let _ = write!(out, "<class '{name}'>");
        }
        Value::Builtin(name) => {
            // A module's function prints by its own name: `operator.add` is
            // `<built-in function add>`.
            let short = name.rsplit('.').next().unwrap_or(name);
            let _ = write!(out, "<built-in function {short}>");
        }
        Value::BuiltinMethod(m) => {
            let _ = write!(
                out,
                "<built-in method {} of {} object>",
                m.1,
                m.0.type_name()
            );
        }
        Value::Class(c) => {
            // `EnumType.__repr__`: an enum class, a flag class.
            if c.derives_from("Flag") {
                let _ = write!(out, "<flag '{}'>", c.name);
            } else if c.derives_from("Enum") {
                let _ = write!(out, "<enum '{}'>", c.name);
            } else if c.builtin && c.module.is_empty() {
                let _ = write!(out, "<class '{}'>", c.name);
            } else if c.builtin {
                let _ = write!(out, "<class '{}.{}'>", c.module, c.name);
            } else {
                let _ = write!(out, "<class '__main__.{}'>", c.qualname);
            }
        }
        Value::Type(t) => {
            let _ = write!(out, "<class '{t}'>");
        }
        Value::Instance(i) => {
            if i.exc.is_some() {
                out.push_str(&exception_repr(i));
            } else {
                let _ = write!(out, "<__main__.{} object>", i.class.qualname);
            }
        }
        Value::Module(m) => {
            let _ = write!(out, "<module '{}'>", m.name());
        }
        Value::Iterator(i) => {
            let _ = write!(out, "<{} object>", i.kind);
        }
        Value::Native(n) => out.push_str(&n.repr()),
    }
}

/// `repr(exc)`: `ValueError('bad')`.
pub fn exception_repr(i: &Instance) -> String {
    let args = i
        .exc
        .as_ref()
        .map(|s| s.args.borrow().clone())
        .unwrap_or_default();
    let inner = match args.len() {
        1 => args[0].repr(),
        _ => {
            let t = Value::Tuple(Rc::from(args)).repr();
            t[1..t.len() - 1].trim_end_matches(',').to_string()
        }
    };
    format!("{}({inner})", i.class.name)
}

/// `repr()` of bytes: `b'abc\n'`.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::from("b");
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c as char == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => {
                let _ = write!(out, "\\x{c:02x}");
            }
        }
    }
    out.push(quote);
    out
}
