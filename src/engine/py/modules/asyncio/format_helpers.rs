//! CPython's `asyncio/format_helpers.py`: how a callback and its arguments
//! are shown in a handle's or a future's repr and in the loop's logs.

use crate::engine::py::modules::functools::Partial;
use crate::engine::py::types::exc::PyResult;
use crate::engine::py::types::native::downcast;
use crate::engine::py::types::value::Value;
use crate::engine::py::vm::interp::{Frame, Interp};
use std::rc::Rc;

/// CPython's `format_helpers._format_callback_source`: `hello(1) at
/// prog.py:4` for a function of the program, `print('hi')` for a
/// built-in, `f(1)(2)` for `functools.partial(f, 1)` called with 2.
pub(super) fn format_callback(
    ix: &Interp,
    cx: &Frame,
    cb: &Value,
    args: &[Value],
) -> PyResult<String> {
    let mut suffix = format_args(ix, cx, args, &[])?;
    let mut func = cb.clone();
    while let Some(p) = downcast::<Partial>(&func) {
        let (pargs, pkw) = p.bound();
        suffix = format!("{}{suffix}", format_args(ix, cx, pargs, pkw)?);
        func = p.func().clone();
    }
    let (name, source) = match &func {
        Value::Function(f) => {
            let line = ix.program.line_of(f.code.span.start);
            (f.qualname(), Some(format!("{}:{line}", ix.program.file)))
        }
        Value::Method(m) => match &m.1 {
            Value::Function(f) => (f.qualname(), None),
            other => (ix.repr(cx, other)?, None),
        },
        Value::Builtin(n) => (n.rsplit('.').next().unwrap_or(n).to_string(), None),
        Value::BuiltinMethod(m) => (format!("{}.{}", m.0.type_name(), m.1), None),
        Value::Class(c) => (c.qualname.to_string(), None),
        Value::Type(t) => (t.to_string(), None),
        other => (ix.repr(cx, other)?, None),
    };
    let mut out = format!("{name}{suffix}");
    if let Some(s) = source {
        out.push_str(" at ");
        out.push_str(&s);
    }
    Ok(out)
}

/// `(1, 'a', k=2)`, each value as `reprlib.repr` shortens it.
fn format_args(
    ix: &Interp,
    cx: &Frame,
    args: &[Value],
    kw: &[(Rc<str>, Value)],
) -> PyResult<String> {
    let mut items = Vec::new();
    for a in args {
        items.push(short_repr(ix, cx, a)?);
    }
    for (k, v) in kw {
        items.push(format!("{k}={}", short_repr(ix, cx, v)?));
    }
    Ok(format!("({})", items.join(", ")))
}

/// `reprlib.repr`: strings past 30 characters and other reprs past 30 (40
/// for ints) keep their two ends around `...`.
pub(super) fn short_repr(ix: &Interp, cx: &Frame, v: &Value) -> PyResult<String> {
    fn cut(s: &str, most: usize) -> String {
        let chars: Vec<char> = s.chars().collect();
        if chars.len() <= most {
            return s.to_string();
        }
        let i = (most - 3) / 2;
        let j = most - 3 - i;
        let head: String = chars[..i].iter().collect();
        let tail: String = chars[chars.len() - j..].iter().collect();
        format!("{head}...{tail}")
    }
    Ok(match v {
        Value::Str(s) if s.chars().count() > 30 => {
            let chars: Vec<char> = s.chars().collect();
            let (i, j) = (13, 14);
            let inner: String = chars[..i]
                .iter()
                .chain(chars[chars.len() - j..].iter())
                .collect();
            let r = ix.repr(cx, &Value::str(&inner))?;
            let rc: Vec<char> = r.chars().collect();
            let head: String = rc[..i].iter().collect();
            let tail: String = rc[rc.len() - j..].iter().collect();
            format!("{head}...{tail}")
        }
        Value::Int(_) | Value::BigInt(_) => cut(&ix.repr(cx, v)?, 40),
        _ => cut(&ix.repr(cx, v)?, 30),
    })
}
