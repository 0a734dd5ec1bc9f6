//! Methods of strings and lists beyond the simple string ones: `join`,
//! `split`, `replace`, and the list methods that change a list in place.

use super::Renderer;
use super::code::Code;
use super::types::Ty;
use crate::render::plan::ir::expr::{Expr, StrMethod};

impl Renderer<'_> {
    /// `x.m(args)` for the methods [`Renderer::expr`] leaves to this one.
    pub(super) fn method(&mut self, m: StrMethod, x: &Code, args: &[Expr]) -> Code {
        if let (StrMethod::Sort, [key, reverse]) = (m, args) {
            return self.sort_keyed(x, key, reverse);
        }
        if let (StrMethod::SetItem, [key, value]) = (m, args)
            && let Some(c) = self.item_op(x, key, value)
        {
            return c;
        }
        if let Some(c) = self.mixed_update(m, x, args) {
            return c;
        }
        let exprs = args;
        let args: Vec<Code> = args.iter().map(|a| self.expr(a)).collect();
        if let Some(c) = super::deletes::method(m, x, exprs, &args) {
            return c;
        }
        if let Some(c) = super::str_class::method(m, x) {
            return c;
        }
        if let Some(c) = super::dict_methods::method(m, x, &args) {
            return c;
        }
        if let Some(c) = super::str_strip::method(m, x, exprs, &args) {
            return c;
        }
        if let Some(c) = super::str_pad::method(m, x, &args) {
            return c;
        }
        if let Some(c) = super::small_sets::method(m, x, &args) {
            return c;
        }
        if let Some(c) = super::str_search::method(m, x, &args) {
            return c;
        }
        let obj = x.wrap(10);
        let elem = x.ty.elem();
        // An item as the list holds it: owned, a float where floats are.
        let item = |c: &Code| match (&elem, &c.ty) {
            (Ty::Float, Ty::Int) => c.as_f64().text,
            (Ty::Mixed, _) => super::mixed::py_value(c),
            (Ty::Number, _) => super::numbers::number(c),
            (_, Ty::Str | Ty::List(_) | Ty::Tuple(_)) => c.owned(),
            _ => c.text.clone(),
        };
        let index = |c: &Code| {
            if c.text.chars().all(|ch| ch.is_ascii_digit()) {
                c.text.clone()
            } else {
                format!("{} as usize", c.wrap(8))
            }
        };
        if let (StrMethod::Values | StrMethod::Items, [], Ty::Dict(k, v)) =
            (m, args.as_slice(), &x.ty)
            && let Ty::Task(_) = &**v
        {
            // Handles are not `Clone`: they are borrowed.
            let mut c = if m == StrMethod::Values {
                Code::new(format!("{obj}.values()"), Ty::List(v.clone()), 10)
            } else {
                let item = Ty::Tuple(vec![(**k).clone(), (**v).clone()]);
                Code::new(format!("{obj}.iter()"), Ty::List(Box::new(item)), 10)
            };
            c.range = true;
            return c;
        }
        let (text, ty) = match (m, args.as_slice()) {
            // A string's characters.
            (StrMethod::Join, [items]) if items.ty == Ty::Str && !items.range => (
                format!(
                    "{}.chars().map(String::from).collect::<Vec<_>>().join({})",
                    items.wrap(10),
                    x.borrowed()
                ),
                Ty::Str,
            ),
            // An iterator (`reversed(text)`) is collected first.
            (StrMethod::Join, [items]) if items.range && x.text == "\"\"" => {
                (format!("{}.collect::<String>()", items.wrap(10)), Ty::Str)
            }
            (StrMethod::Join, [items]) if items.range => (
                format!(
                    "{}.map(String::from).collect::<Vec<_>>().join({})",
                    items.wrap(10),
                    x.borrowed()
                ),
                Ty::Str,
            ),
            (StrMethod::Join, [items]) => (
                format!("{}.join({})", items.wrap(10), x.borrowed()),
                Ty::Str,
            ),
            (StrMethod::Split, []) => (
                format!("{obj}.split_whitespace().map(String::from).collect::<Vec<_>>()"),
                Ty::List(Box::new(Ty::Str)),
            ),
            (StrMethod::Split, [sep]) => (
                format!(
                    "{obj}.split({}).map(String::from).collect::<Vec<_>>()",
                    sep.borrowed()
                ),
                Ty::List(Box::new(Ty::Str)),
            ),
            (StrMethod::Replace, [a, b]) => (
                format!("{obj}.replace({}, {})", a.borrowed(), b.borrowed()),
                Ty::Str,
            ),
            (StrMethod::Append, [v]) => (format!("{obj}.push({})", item(v)), Ty::Unit),
            (StrMethod::Extend, [v]) if v.range => {
                (format!("{obj}.extend({})", v.wrap(10)), Ty::Unit)
            }
            // A literal of `&str`s extends a list of `String`s.
            (StrMethod::Extend, [v]) if elem == Ty::Str && v.text.starts_with("vec![") => (
                format!("{obj}.extend({}.map(String::from))", &v.text[4..]),
                Ty::Unit,
            ),
            (StrMethod::Extend, [v]) => (format!("{obj}.extend({})", v.owned()), Ty::Unit),
            // Python counts a negative place from the end, and from 0 at most.
            (StrMethod::Insert, [i, v])
                if let Some(back) = i
                    .text
                    .strip_prefix('-')
                    .filter(|n| n.parse::<u64>().is_ok()) =>
            {
                (
                    format!(
                        "{obj}.insert({obj}.len().saturating_sub({back}), {})",
                        item(v)
                    ),
                    Ty::Unit,
                )
            }
            // Python appends past the end.
            (StrMethod::Insert, [i, v]) if i.text == "0" => {
                (format!("{obj}.insert(0, {})", item(v)), Ty::Unit)
            }
            (StrMethod::Insert, [i, v]) if i.text.chars().all(|ch| ch.is_ascii_digit()) => (
                format!("{obj}.insert({obj}.len().min({}), {})", i.text, item(v)),
                Ty::Unit,
            ),
            (StrMethod::Insert, [i, v]) => {
                (format!("{obj}.insert({}, {})", index(i), item(v)), Ty::Unit)
            }
            // `[].pop()`: a list of nothing.
            (StrMethod::Pop, []) if elem == Ty::Unknown && obj == "vec![]" => {
                ("Vec::<()>::new().pop().unwrap()".to_string(), Ty::Unit)
            }
            (StrMethod::Pop, []) => (format!("{obj}.pop().unwrap()"), elem),
            (StrMethod::Pop, [i]) if i.text == "-1" => (format!("{obj}.pop().unwrap()"), elem),
            // `d.pop(key)`: `shift_remove` keeps the order of the others.
            (StrMethod::Pop, [k]) if let Ty::Dict(_, v) = &x.ty => (
                format!("{obj}.shift_remove({}).unwrap()", super::dicts::key(k)),
                (**v).clone(),
            ),
            (StrMethod::Pop, [i]) => (format!("{obj}.remove({})", index(i)), elem),
            (StrMethod::Remove, [v]) => (
                format!(
                    "{obj}.remove({obj}.iter().position(|item| *item == {}).unwrap())",
                    v.text
                ),
                Ty::Unit,
            ),
            (StrMethod::Sort, []) if elem == Ty::Float => (
                format!("{obj}.sort_by(|a, b| a.partial_cmp(b).unwrap())"),
                Ty::Unit,
            ),
            (StrMethod::Sort, []) => (format!("{obj}.sort()"), Ty::Unit),
            (StrMethod::Reverse, []) => (format!("{obj}.reverse()"), Ty::Unit),
            (StrMethod::SetItem, [k, v]) => match &x.ty {
                Ty::Dict(_, vt) => {
                    let v = match (&**vt, &v.ty) {
                        (Ty::Float, Ty::Int) => v.as_f64().text,
                        (Ty::Number, _) => super::numbers::number(v),
                        (Ty::Mixed, _) => super::mixed::py_value(v),
                        _ => v.owned(),
                    };
                    (format!("{obj}.insert({}, {v})", k.owned()), Ty::Unit)
                }
                _ => match super::neg_index::place(x, k, &self.counting_vars) {
                    Some(place) => (
                        format!("{} = {}", self.lent_place(place), item(v)),
                        Ty::Unit,
                    ),
                    None => (format!("{obj}[{}] = {}", index(k), item(v)), Ty::Unit),
                },
            },
            (StrMethod::Keys, []) => (
                format!("{obj}.keys().cloned().collect::<Vec<_>>()"),
                Ty::List(Box::new(elem)),
            ),
            (StrMethod::Values | StrMethod::Items, []) => {
                let (call, ty) = match (&x.ty, m) {
                    (Ty::Dict(k, v), StrMethod::Items) => (
                        "iter().map(|(k, v)| (k.clone(), v.clone()))",
                        Ty::Tuple(vec![(**k).clone(), (**v).clone()]),
                    ),
                    (Ty::Dict(_, v), _) => ("values().cloned()", (**v).clone()),
                    _ => ("values().cloned()", Ty::Unknown),
                };
                (
                    format!("{obj}.{call}.collect::<Vec<_>>()"),
                    Ty::List(Box::new(ty)),
                )
            }
            (StrMethod::Get, [k]) => super::options::dict_get(&obj, &x.ty, k),
            (StrMethod::Get, [k, default]) => {
                let vt = match &x.ty {
                    Ty::Dict(_, v) => (**v).clone(),
                    _ => Ty::Unknown,
                };
                let d = match (&vt, &default.ty) {
                    (Ty::Float, Ty::Int) => default.as_f64().text,
                    (Ty::Mixed, _) => super::mixed::py_value(default),
                    (Ty::Str, _) => default.owned(),
                    _ => default.text.clone(),
                };
                (
                    format!(
                        "{obj}.get({}).cloned().unwrap_or({d})",
                        super::dicts::key(k)
                    ),
                    vt,
                )
            }
            (StrMethod::Clear, []) => (format!("{obj}.clear()"), Ty::Unit),
            (StrMethod::SetDefault, [k]) => {
                let vt = match &x.ty {
                    Ty::Dict(_, v) => (**v).clone(),
                    _ => Ty::Unknown,
                };
                (
                    format!("{obj}.entry({}).or_insert_with(Vec::new)", k.owned()),
                    vt,
                )
            }
            _ => (format!("{obj}.clone()"), x.ty.clone()),
        };
        let mut c = Code::new(text, ty, 10);
        c.fresh = true;
        c
    }
}
