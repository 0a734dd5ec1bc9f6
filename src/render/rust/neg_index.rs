//! `xs[i]` and `s[i]` of an index known only when the program runs:
//! Python reads from the end when `i` is negative, where `xs[i as usize]`
//! would panic. An index the listing knows is not negative (a literal, the
//! variable of a loop over a `range` from a literal, a remainder by a
//! positive literal, a length) is cast; another goes through `py_place`,
//! and an item set or changed in place (`xs[i] = v`, `xs[i] += 1`)
//! through `py_item_mut`.

use super::code::Code;
use super::types::Ty;

const PY_PLACE: &[&str] = &[
    "/// Where Python's `items[index]` reads: from the end when `index` is negative.",
    "fn py_place(len: usize, index: i64) -> usize {",
    "    if index < 0 {",
    "        len - index.unsigned_abs() as usize",
    "    } else {",
    "        index as usize",
    "    }",
    "}",
];

const PY_ITEM_MUT: &[&str] = &[
    "/// Python's `items[index]` as a place: from the end when `index` is negative.",
    "fn py_item_mut<T>(items: &mut [T], index: i64) -> &mut T {",
    "    let at = py_place(items.len(), index);",
    "    &mut items[at]",
    "}",
];

/// The place `obj[i]` of a list `obj` that the statement sets or changes,
/// by an integer `i` that may be negative; `None` where the plain cast
/// is right.
pub(super) fn place(obj: &Code, i: &Code, loop_vars: &[String]) -> Option<String> {
    if i.ty != Ty::Int || i.text.starts_with('-') || not_negative(i, loop_vars) {
        return None;
    }
    Some(format!("*py_item_mut(&mut {}, {})", obj.wrap(10), i.text))
}

/// Whether the index `i` cannot be negative; `loop_vars` are the
/// variables of the loops around it that count up from a literal.
fn not_negative(i: &Code, loop_vars: &[String]) -> bool {
    let t = i.text.as_str();
    let rem_by_literal = t
        .strip_suffix(')')
        .and_then(|t| {
            t.rsplit_once(".rem_euclid(")
                .or_else(|| t.rsplit_once(", "))
        })
        .is_some_and(|(_, k)| k.parse::<u64>().is_ok_and(|k| k > 0))
        && t.contains("rem_euclid(");
    t.chars().all(|c| c.is_ascii_digit())
        || loop_vars.iter().any(|v| v == t)
        || rem_by_literal
        || t.ends_with(".len() as i64")
        || t.ends_with(".count() as i64")
}

/// `obj[i]` of a list or string `obj` by an integer `i` that may be
/// negative; `None` where the plain cast is right.
pub(super) fn item(obj: &Code, i: &Code, loop_vars: &[String]) -> Option<Code> {
    if i.ty != Ty::Int || i.text.starts_with('-') || not_negative(i, loop_vars) {
        return None;
    }
    let o = obj.wrap(10);
    match &obj.ty {
        Ty::List(elem) => Some(Code::new(
            format!("{o}[py_place({o}.len(), {})]", i.text),
            (**elem).clone(),
            10,
        )),
        Ty::Str => {
            let mut c = Code::new(
                format!(
                    "{o}.chars().nth(py_place({o}.chars().count(), {})).unwrap().to_string()",
                    i.text
                ),
                Ty::Str,
                10,
            );
            c.fresh = true;
            Some(c)
        }
        _ => None,
    }
}

/// The helpers the listing's lines use.
pub(super) fn helpers(calls: &dyn Fn(&str) -> bool) -> Vec<&'static str> {
    let mut out = Vec::new();
    if calls("py_place(") || calls("py_item_mut(") {
        out.extend_from_slice(PY_PLACE);
        out.push("");
    }
    if calls("py_item_mut(") {
        out.extend_from_slice(PY_ITEM_MUT);
        out.push("");
    }
    out
}
