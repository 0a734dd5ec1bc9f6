//! How the timeline names a task or a frame: the call with its arguments,
//! `fetch('slow', 3)`, written with Python reprs and shortened so a label
//! stays one readable line whatever the arguments hold.

use super::interp::Frame;
use crate::engine::py::types::native;
use crate::engine::py::types::value::{Function, Value};
use crate::text::python_str_repr;
use std::fmt::Write;

/// The longest label, in characters (longer ones end in `…`).
const MAX_LABEL: usize = 48;
/// The longest string argument shown, in characters.
const MAX_STR: usize = 16;
/// The longest repr of a native object (a task, a generator) shown.
const MAX_NATIVE: usize = 32;
/// Items of a list, tuple, set or dict shown before `…`.
const MAX_ITEMS: usize = 3;

/// `name(args)` for a call bound in `frame` and not yet started: the bound
/// parameters in order (a method's `self` left out), keyword-only ones as
/// `k=v`.
pub fn call_label(func: &Function, frame: &Frame) -> String {
    let code = &func.code;
    let p = &code.params;
    let locals = frame.locals.borrow();
    let arg = |slot: u32| locals.get(slot as usize).and_then(Option::as_ref);
    let skip = usize::from(func.owner.borrow().is_some());
    let name = if skip == 1 {
        &code.qualname
    } else {
        &code.name
    };
    let mut out = String::with_capacity(name.len() + 16);
    out.push_str(name);
    out.push('(');
    let mut first = true;
    let mut next = |out: &mut String| {
        if !std::mem::take(&mut first) {
            out.push_str(", ");
        }
    };
    for param in p.positional.iter().skip(skip) {
        if let Some(v) = arg(param.slot) {
            next(&mut out);
            write_short(v, &mut out, 0);
        }
    }
    if let Some(Value::Tuple(extra)) = p.varargs.as_ref().and_then(|va| arg(va.slot)) {
        for v in extra.iter() {
            next(&mut out);
            write_short(v, &mut out, 0);
        }
    }
    for param in &p.keyword_only {
        if let Some(v) = arg(param.slot) {
            next(&mut out);
            let _ = write!(out, "{}=", param.name);
            write_short(v, &mut out, 0);
        }
    }
    if let Some(Value::Dict(kw)) = p.varkw.as_ref().and_then(|vk| arg(vk.slot)) {
        for (k, v) in kw.borrow().iter() {
            next(&mut out);
            let _ = write!(out, "{}=", k.0.to_str());
            write_short(v, &mut out, 0);
        }
    }
    out.push(')');
    shorten(out)
}

/// `name(args)` for an executor's job: the function and the arguments
/// `run_in_executor` or `to_thread` hands it, `crunch(1)`.
pub fn job_label(name: &str, args: &native::Args) -> String {
    let pos = args.pos.iter().map(short_repr);
    let kw = args
        .kw
        .iter()
        .map(|(k, v)| format!("{k}={}", short_repr(v)));
    let parts: Vec<String> = pos.chain(kw).collect();
    shorten(format!("{name}({})", parts.join(", ")))
}

/// Cuts a label to [`MAX_LABEL`] characters, ending it with `…`.
pub fn shorten(label: String) -> String {
    // A label of no more bytes than that has no more characters either.
    if label.len() <= MAX_LABEL || label.chars().count() <= MAX_LABEL {
        return label;
    }
    let mut out: String = label.chars().take(MAX_LABEL - 1).collect();
    out.push('…');
    out
}

/// A value's repr, short: long strings and big containers are cut with `…`,
/// and nothing of a user-defined class runs (`<Reading object>`).
pub fn short_repr(v: &Value) -> String {
    let mut out = String::new();
    write_short(v, &mut out, 0);
    out
}

fn write_short(v: &Value, out: &mut String, depth: usize) {
    match v {
        Value::Str(s) if s.chars().count() > MAX_STR => {
            let head: String = s.chars().take(MAX_STR).collect();
            out.push_str(&python_str_repr(&head));
            out.push('…');
        }
        Value::BigInt(i) if i.bits() > 64 => out.push_str(if i.sign() == num_bigint::Sign::Minus {
            "-…"
        } else {
            "…"
        }),
        Value::Bytes(b) if b.len() > MAX_STR => out.push_str("b'…'"),
        Value::List(items) => {
            let items = items.borrow();
            write_items(items.iter(), items.len(), ("[", "]"), out, depth);
        }
        Value::Tuple(items) if items.len() == 1 => {
            write_items(items.iter(), 1, ("(", ",)"), out, depth)
        }
        Value::Tuple(items) => write_items(items.iter(), items.len(), ("(", ")"), out, depth),
        Value::Set(s) => {
            let s = s.borrow();
            if s.is_empty() {
                out.push_str("set()");
            } else {
                let items: Vec<Value> = s.iter().take(MAX_ITEMS).map(|k| k.0.clone()).collect();
                write_items(items.iter(), s.len(), ("{", "}"), out, depth);
            }
        }
        Value::Dict(d) => {
            let d = d.borrow();
            out.push('{');
            for (i, (k, v)) in d.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                if i == MAX_ITEMS || depth > 0 {
                    out.push('…');
                    break;
                }
                write_short(&k.0, out, depth + 1);
                out.push_str(": ");
                write_short(v, out, depth + 1);
            }
            out.push('}');
        }
        Value::Instance(i) if i.exc.is_none() => {
            let _ = write!(out, "<{} object>", i.class.name);
        }
        Value::Instance(_) => out.push_str(v.type_name()),
        Value::Function(f) => {
            let _ = write!(out, "<function {}>", f.code.qualname);
        }
        Value::Method(_) => out.push_str("<bound method>"),
        // A coroutine or generator says which (its repr names the code);
        // other objects only their type: a repr can hold what differs from
        // run to run (a server's port).
        Value::Native(n)
            if n.type_name().ends_with("generator") || n.type_name() == "coroutine" =>
        {
            let r = n.repr();
            if r.chars().count() > MAX_NATIVE {
                out.extend(r.chars().take(MAX_NATIVE - 1));
                out.push('…');
            } else {
                out.push_str(&r);
            }
        }
        Value::Native(n) => {
            let _ = write!(out, "<{} object>", n.type_name());
        }
        Value::Iterator(i) => {
            let _ = write!(out, "<{} object>", i.kind);
        }
        Value::Int(i) => {
            let _ = write!(out, "{i}");
        }
        other => out.push_str(&other.repr()),
    }
}

fn write_items<'a>(
    items: impl Iterator<Item = &'a Value>,
    len: usize,
    (open, close): (&str, &str),
    out: &mut String,
    depth: usize,
) {
    out.push_str(open);
    if depth > 0 && len > 0 {
        out.push('…');
    } else {
        for (i, item) in items.take(MAX_ITEMS).enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            write_short(item, out, depth + 1);
        }
        if len > MAX_ITEMS {
            out.push_str(", …");
        }
    }
    out.push_str(close);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ints(n: i64) -> Value {
        Value::list((0..n).map(Value::Int).collect())
    }

    #[test]
    fn short_reprs_are_python_reprs_cut_with_an_ellipsis() {
        assert_eq!(short_repr(&Value::str("slow")), "'slow'");
        assert_eq!(short_repr(&Value::Float(1.5)), "1.5");
        assert_eq!(
            short_repr(&Value::str("a string longer than sixteen")),
            "'a string longer '…"
        );
        assert_eq!(short_repr(&ints(2)), "[0, 1]");
        assert_eq!(short_repr(&ints(1_000_000)), "[0, 1, 2, …]");
        assert_eq!(short_repr(&Value::list(vec![ints(5)])), "[[…]]");
        assert_eq!(short_repr(&Value::tuple(vec![Value::None])), "(None,)");
    }

    #[test]
    fn labels_are_cut_to_a_line() {
        assert_eq!(shorten("f(1)".into()), "f(1)");
        let long = shorten(format!("f({})", "9, ".repeat(40)));
        assert_eq!(long.chars().count(), MAX_LABEL);
        assert!(long.ends_with('…'));
    }
}
