//! Methods of strings and lists beyond the simple string ones: `join`,
//! `split`, `replace`, and the list methods that change a list in place.

use super::Renderer;
use super::code::Code;
use super::types::Ty;
use crate::render::plan::ir::expr::{Expr, StrMethod};

impl Renderer<'_> {
    /// `x.m(args)` for the methods [`Renderer::expr`] leaves to this one.
    pub(super) fn method(&mut self, m: StrMethod, x: &Code, args: &[Expr]) -> Code {
        let args: Vec<Code> = args.iter().map(|a| self.expr(a)).collect();
        let obj = x.wrap(10);
        let elem = x.ty.elem();
        // An item as the list holds it: owned, a float where floats are.
        let item = |c: &Code| match (&elem, &c.ty) {
            (Ty::Float, Ty::Int) => c.as_f64().text,
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
        let (text, ty) = match (m, args.as_slice()) {
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
            (StrMethod::Extend, [v]) => (format!("{obj}.extend({})", v.owned()), Ty::Unit),
            (StrMethod::Insert, [i, v]) => {
                (format!("{obj}.insert({}, {})", index(i), item(v)), Ty::Unit)
            }
            (StrMethod::Pop, []) => (format!("{obj}.pop().unwrap()"), elem),
            (StrMethod::Pop, [i]) if i.text == "-1" => (format!("{obj}.pop().unwrap()"), elem),
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
            (StrMethod::Clear, []) => (format!("{obj}.clear()"), Ty::Unit),
            _ => (format!("{obj}.clone()"), x.ty.clone()),
        };
        let mut c = Code::new(text, ty, 10);
        c.fresh = true;
        c
    }
}
