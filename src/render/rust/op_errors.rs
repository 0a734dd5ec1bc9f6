//! Python's own failing operations where the program catches what they
//! raise (see [`crate::render::plan::ir::op_errors`]): a division by a
//! `py_nonzero(divisor, message)?`, `*py_item(&map, key)?` of a dict,
//! `*py_item_at(&items, index)?` of a list, `py_char_at(&text, index)?` of
//! a string, `py_int(text)?`,
//! `py_pop(&mut items)?`, `py_pop_at(&mut items, index)?`,
//! `py_pop_key(&mut map, key)?`,
//! `py_remove(&mut items, |item| *item == value)?`, `py_str_index(text, sub,
//! start)?` and `py_index(..).ok_or_else(..)?` (see [`super::str_search`]),
//! `py_del_at(&mut items, index)?` (see [`super::deletes`]), `task.result()`
//! of a task that may still run (see [`super::task_poll`]); each gives the
//! `Err` variant with Python's message.

use super::Renderer;
use super::code::Code;
use super::dicts::key;
use super::types::{Ty, Types};
use crate::render::plan::ir::ast::Demo;
use crate::render::plan::ir::expr::{BinaryOp, Builtin, Expr, ExprKind, StrMethod, TaskOp};
use crate::render::plan::ir::op_errors::checked_ops;
use crate::render::plan::ir::primitive::PrimOp;
use crate::render::plan::ir::raises::raised_classes;
use std::collections::HashMap;
use std::ops::Range;

const NONZERO: &[&str] = &[
    "/// The divisor of a Python division, or its `ZeroDivisionError`.",
    "fn py_nonzero<T: Default + PartialEq>(divisor: T, message: &str) -> Result<T, Error> {",
    "    if divisor == T::default() {",
    "        return Err(Error::ZeroDivisionError(message.to_string()));",
    "    }",
    "    Ok(divisor)",
    "}",
];

const ITEM: &[&str] = &[
    "/// `map[key]` of a Python dict: the value, or the `KeyError` naming the key.",
    "fn py_item<'a, V>(map: &'a IndexMap<String, V>, key: &str) -> Result<&'a V, Error> {",
    "    map.get(key).ok_or_else(|| Error::KeyError(py_repr(key)))",
    "}",
];

const ITEM_AT: &[&str] = &[
    "/// `items[index]` of a Python list (from the end when negative), or its `IndexError`.",
    "fn py_item_at<T>(items: &[T], index: i64) -> Result<&T, Error> {",
    "    let from_end = items.len() as i64 + index;",
    "    let at = if index < 0 { from_end } else { index };",
    "    usize::try_from(at)",
    "        .ok()",
    "        .and_then(|at| items.get(at))",
    "        .ok_or_else(|| Error::IndexError(\"list index out of range\".to_string()))",
    "}",
];

const CHAR_AT: &[&str] = &[
    "/// `text[index]` of a Python string (from the end when negative), or its `IndexError`.",
    "fn py_char_at(text: &str, index: i64) -> Result<String, Error> {",
    "    let from_end = text.chars().count() as i64 + index;",
    "    let at = if index < 0 { from_end } else { index };",
    "    usize::try_from(at)",
    "        .ok()",
    "        .and_then(|at| text.chars().nth(at))",
    "        .map(String::from)",
    "        .ok_or_else(|| Error::IndexError(\"string index out of range\".to_string()))",
    "}",
];

const PARSE_INT: &[&str] = &[
    "/// Python's `int(text)`: the number, or its `ValueError`.",
    "fn py_int(text: &str) -> Result<i64, Error> {",
    "    let trimmed = text.trim();",
    "    let unsigned = trimmed.strip_prefix(['+', '-']).unwrap_or(trimmed);",
    "    // Python reads `_` between two digits: `1_000`.",
    "    let grouped = unsigned.split('_').all(|digits| !digits.is_empty());",
    "    let parsed = trimmed.replace('_', \"\").parse().ok().filter(|_| grouped);",
    "    parsed.ok_or_else(|| {",
    "        let text = py_repr(text);",
    "        Error::ValueError(format!(\"invalid literal for int() with base 10: {text}\"))",
    "    })",
    "}",
];

const PARSE_FLOAT: &[&str] = &[
    "/// Python's `float(text)`: the number, or its `ValueError`.",
    "fn py_float(text: &str) -> Result<f64, Error> {",
    "    let trimmed = text.trim();",
    "    let bytes = trimmed.as_bytes();",
    "    let digit = |j: usize| bytes.get(j).is_some_and(u8::is_ascii_digit);",
    "    // Python reads `_` between two digits: `1_000.5`.",
    "    let grouped = (0..bytes.len())",
    "        .filter(|&i| bytes[i] == b'_')",
    "        .all(|i| i > 0 && digit(i - 1) && digit(i + 1));",
    "    let parsed = trimmed.replace('_', \"\").parse().ok().filter(|_| grouped);",
    "    parsed.ok_or_else(|| {",
    "        let text = py_repr(text);",
    "        Error::ValueError(format!(\"could not convert string to float: {text}\"))",
    "    })",
    "}",
];

const POP: &[&str] = &[
    "/// `items.pop()` of a Python list: its last item, or the `IndexError`.",
    "fn py_pop<T>(items: &mut Vec<T>) -> Result<T, Error> {",
    "    items",
    "        .pop()",
    "        .ok_or_else(|| Error::IndexError(\"pop from empty list\".to_string()))",
    "}",
];

const POP_KEY: &[&str] = &[
    "/// `map.pop(key)` of a Python dict: the value taken out (the others keep their",
    "/// order), or the `KeyError` naming the key.",
    "fn py_pop_key<V>(map: &mut IndexMap<String, V>, key: &str) -> Result<V, Error> {",
    "    map.shift_remove(key)",
    "        .ok_or_else(|| Error::KeyError(py_repr(key)))",
    "}",
];

const POP_AT: &[&str] = &[
    "/// `items.pop(index)` of a Python list (from the end when negative), or its",
    "/// `IndexError`.",
    "fn py_pop_at<T>(items: &mut Vec<T>, index: i64) -> Result<T, Error> {",
    "    if items.is_empty() {",
    "        return Err(Error::IndexError(\"pop from empty list\".to_string()));",
    "    }",
    "    let from_end = items.len() as i64 + index;",
    "    let at = if index < 0 { from_end } else { index };",
    "    match usize::try_from(at) {",
    "        Ok(at) if at < items.len() => Ok(items.remove(at)),",
    "        _ => Err(Error::IndexError(\"pop index out of range\".to_string())),",
    "    }",
    "}",
];

const REMOVE: &[&str] = &[
    "/// `items.remove(value)` of a Python list: the first item `is_value` takes,",
    "/// taken out, or the `ValueError`.",
    "fn py_remove<T>(items: &mut Vec<T>, is_value: impl Fn(&T) -> bool) -> Result<(), Error> {",
    "    let at = items",
    "        .iter()",
    "        .position(is_value)",
    "        .ok_or_else(|| Error::ValueError(\"list.remove(x): x not in list\".to_string()))?;",
    "    items.remove(at);",
    "    Ok(())",
    "}",
];

const HELPERS: [(&str, &[&str]); 10] = [
    ("py_nonzero(", NONZERO),
    ("py_item(", ITEM),
    ("py_item_at(", ITEM_AT),
    ("py_char_at(", CHAR_AT),
    ("py_int(", PARSE_INT),
    ("py_float(", PARSE_FLOAT),
    ("py_pop(", POP),
    ("py_pop_at(", POP_AT),
    ("py_pop_key(", POP_KEY),
    ("py_remove(", REMOVE),
];

/// The helpers the listing's lines call.
pub(super) fn helpers(calls: &dyn Fn(&str) -> bool) -> Vec<&'static str> {
    let mut out = Vec::new();
    for (name, text) in HELPERS {
        if calls(name) {
            out.extend_from_slice(text);
            out.push("");
        }
    }
    out
}

/// Whether a helper the lines call needs `py_repr`.
pub(super) fn uses_py_repr(calls: &dyn Fn(&str) -> bool) -> bool {
    ["py_item(", "py_int(", "py_float(", "py_pop_key("]
        .iter()
        .any(|n| calls(n))
}

/// The operations the listing checks, by span, with the class each gives:
/// the class its operand's type decides, where an `except` takes it.
pub(super) fn checked_classes(demo: &Demo, types: &Types) -> HashMap<Range<usize>, &'static str> {
    let mut out = HashMap::new();
    for op in checked_ops(demo) {
        let ty = |e: &Expr| types.expr_ty(&op.func, e);
        let class = match &op.expr.kind {
            ExprKind::Binary(..) | ExprKind::Call(Builtin::Divmod, _) => "ZeroDivisionError",
            ExprKind::Call(Builtin::Index, args) => match args.as_slice() {
                [obj, k] => match (ty(obj), ty(k)) {
                    (Ty::Dict(key, _), _) if *key == Ty::Str => "KeyError",
                    // `{}[key]`: an empty dict, whose keys are the key's type.
                    (Ty::Dict(key, _), Ty::Str) if *key == Ty::Unknown => "KeyError",
                    (Ty::List(_) | Ty::Str | Ty::Mixed, Ty::Int) => "IndexError",
                    _ => continue,
                },
                _ => continue,
            },
            ExprKind::Call(Builtin::Int | Builtin::Float, args) => match args.as_slice() {
                [x] if ty(x) == Ty::Str => "ValueError",
                _ => continue,
            },
            ExprKind::MapJobs(_, Some(_)) => "TimeoutError",
            ExprKind::Prim(_, PrimOp::PutNowait) => "QueueFull",
            ExprKind::Prim(_, PrimOp::GetNowait) => "QueueEmpty",
            ExprKind::Prim(_, PrimOp::BoundedRelease) => "ValueError",
            ExprKind::Task(TaskOp::ResultNow, _) => "InvalidStateError",
            ExprKind::StrMethod(StrMethod::Pop, x, args) => match (ty(x), args.as_slice()) {
                (Ty::List(_), []) => "IndexError",
                (Ty::List(_), [i]) if ty(i) == Ty::Int => "IndexError",
                (Ty::Dict(key, _), [k]) if *key == Ty::Str && ty(k) == Ty::Str => "KeyError",
                _ => continue,
            },
            ExprKind::StrMethod(StrMethod::Remove, x, _) => match ty(x) {
                Ty::List(_) => "ValueError",
                Ty::Set(_) => "KeyError",
                _ => continue,
            },
            ExprKind::StrMethod(StrMethod::Index, _, _) => "ValueError",
            ExprKind::StrMethod(StrMethod::Del, x, _) => match ty(x) {
                Ty::List(_) => "IndexError",
                Ty::Dict(..) => "KeyError",
                _ => continue,
            },
            _ => continue,
        };
        if op.taken.contains(&class) {
            out.insert(op.expr.span.clone(), class);
        }
    }
    out
}

/// Python's message for a division by zero.
fn zero_message(op: BinaryOp, float: bool) -> &'static str {
    match (op, float) {
        (BinaryOp::Div, false) => "division by zero",
        (BinaryOp::Div, true) => "float division by zero",
        (BinaryOp::FloorDiv, false) => "integer division or modulo by zero",
        (BinaryOp::FloorDiv, true) => "float floor division by zero",
        (_, false) => "integer modulo by zero",
        (_, true) => "float modulo",
    }
}

impl Renderer<'_> {
    /// The variants of the listing's `Error`: the classes its `raise`
    /// statements give, then those of its checked operations.
    pub(super) fn error_classes(&self) -> Vec<String> {
        let mut classes = raised_classes(self.demo);
        let mut checked: Vec<(&Range<usize>, &&str)> = self.checked.iter().collect();
        checked.sort_by_key(|(span, _)| (span.start, span.end));
        for (_, class) in checked {
            if !classes.iter().any(|c| c == class) {
                classes.push(class.to_string());
            }
        }
        classes
    }

    /// A checked operation, or `None` for another expression.
    pub(super) fn checked_expr(&mut self, e: &Expr) -> Option<Code> {
        self.checked.get(&e.span)?;
        Some(match &e.kind {
            ExprKind::Binary(op, a, b) => {
                let (a, b) = (self.expr(a), self.expr(b));
                if let Some(c) = super::number_ops::checked(*op, &a, &b) {
                    return Some(c);
                }
                let float = a.ty == Ty::Float || b.ty == Ty::Float;
                let b = nonzero(&b, zero_message(*op, float));
                self.binary(*op, a, b)
            }
            ExprKind::Call(Builtin::Divmod, args) => {
                let [a, b] = args.as_slice() else {
                    return None;
                };
                let (a, b) = (self.expr(a), self.expr(b));
                let float = a.ty == Ty::Float || b.ty == Ty::Float;
                let message = if float {
                    "float divmod()"
                } else {
                    "integer division or modulo by zero"
                };
                let b = nonzero(&b, message);
                let q = self.binary(BinaryOp::FloorDiv, a.clone(), b.clone());
                let r = self.binary(BinaryOp::Mod, a, b);
                let mut c = Code::new(
                    format!("({}, {})", q.text, r.text),
                    Ty::Tuple(vec![q.ty, r.ty]),
                    10,
                );
                c.fresh = true;
                c
            }
            ExprKind::Call(Builtin::Index, args) => {
                let [obj, k] = args.as_slice() else {
                    return None;
                };
                let (obj, k) = (self.expr(obj), self.expr(k));
                let (text, ty) = match &obj.ty {
                    // An empty dict literal holds nothing: its values are `()`.
                    Ty::Dict(_, v) if obj.text == "IndexMap::new()" && **v == Ty::Unknown => (
                        format!("*py_item(&IndexMap::<String, ()>::new(), {})?", key(&k)),
                        Ty::Unit,
                    ),
                    // A `PyValue` is read through its reference.
                    Ty::Dict(_, v) if **v == Ty::Mixed => {
                        let text = format!("py_item(&{}, {})?", obj.wrap(7), key(&k));
                        return Some(Code::new(text, Ty::Mixed, 10));
                    }
                    Ty::Dict(_, v) => (
                        format!("*py_item(&{}, {})?", obj.wrap(7), key(&k)),
                        *v.clone(),
                    ),
                    Ty::Mixed => return Some(super::mixed_index::item_at(&obj, &k)),
                    Ty::Str => {
                        let text = format!("py_char_at({}, {})?", obj.borrowed(), k.text);
                        let mut c = Code::new(text, Ty::Str, 10);
                        c.fresh = true;
                        return Some(c);
                    }
                    t => (
                        format!("*py_item_at(&{}, {})?", obj.wrap(7), k.text),
                        t.elem(),
                    ),
                };
                Code::new(text, ty, 7)
            }
            ExprKind::Call(f @ (Builtin::Int | Builtin::Float), args) => {
                let x = self.expr(args.first()?);
                let (name, ty) = match f {
                    Builtin::Int => ("py_int", Ty::Int),
                    _ => ("py_float", Ty::Float),
                };
                let mut c = Code::new(format!("{name}({})?", x.borrowed()), ty, 10);
                c.fresh = true;
                c
            }
            ExprKind::StrMethod(StrMethod::Pop, x, args) => {
                let x = self.expr(x);
                let ty = x.ty.elem();
                let text = match args.as_slice() {
                    // `[].pop()`: a list of nothing.
                    [] if ty == Ty::Unknown && x.text == "vec![]" => {
                        return Some(Code::new("py_pop(&mut Vec::<()>::new())?", Ty::Unit, 10));
                    }
                    [] => format!("py_pop(&mut {})?", x.wrap(7)),
                    [k] if matches!(x.ty, Ty::Dict(..)) => {
                        let k = self.expr(k);
                        return Some(Code::new(
                            format!("py_pop_key(&mut {}, {})?", x.wrap(7), key(&k)),
                            match &x.ty {
                                Ty::Dict(_, v) => (**v).clone(),
                                _ => Ty::Unknown,
                            },
                            10,
                        ));
                    }
                    [i] => {
                        let i = self.expr(i);
                        format!("py_pop_at(&mut {}, {})?", x.wrap(7), i.text)
                    }
                    _ => return None,
                };
                Code::new(text, ty, 10)
            }
            ExprKind::Prim(object, op) => {
                let (links, ty) = self.prim_chain(object, *op, None);
                let mut c = Code::new(checked_links(links, *op).concat(), ty, 10);
                c.fresh = true;
                c
            }
            ExprKind::StrMethod(StrMethod::Remove, x, args) => {
                let [v] = args.as_slice() else {
                    return None;
                };
                let (x, v) = (self.expr(x), self.expr(v));
                if let Some(c) = super::small_sets::checked_remove(&x, &v) {
                    return Some(c);
                }
                Code::new(
                    format!("py_remove(&mut {}, |item| *item == {})?", x.wrap(7), v.text),
                    Ty::Unit,
                    10,
                )
            }
            ExprKind::Task(TaskOp::ResultNow, task) => return Some(self.checked_result(task)),
            ExprKind::StrMethod(StrMethod::Index, x, args) => return self.checked_index(x, args),
            ExprKind::StrMethod(StrMethod::Del, x, args) => return self.checked_del(x, args),
            _ => return None,
        })
    }
}

/// The divisor `b`, or the `ZeroDivisionError` with `message`.
fn nonzero(b: &Code, message: &str) -> Code {
    Code::new(
        format!("py_nonzero({}, \"{message}\")?", b.text),
        b.ty.clone(),
        10,
    )
}

/// The links of `q.put_nowait(x)` or `q.get_nowait()` whose last one, the
/// `expect`, becomes the `QueueFull` or `QueueEmpty` the program catches.
pub(super) fn checked_links(mut links: Vec<String>, op: PrimOp) -> Vec<String> {
    let class = match op {
        PrimOp::PutNowait => "QueueFull",
        PrimOp::GetNowait => "QueueEmpty",
        _ => return links,
    };
    if links.last().is_some_and(|l| l.starts_with(".expect(")) {
        links.pop();
        links.push(format!(".map_err(|_| Error::{class}(String::new()))?"));
    }
    links
}
