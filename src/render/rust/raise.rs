//! `raise` of the program's exceptions: an `Err` of the listing's `Error`
//! enum, returned once the guards of the blocks it leaves are disarmed.

use super::Renderer;
use super::code::{Code, lit};
use super::types::Ty;
use crate::render::plan::ir::exc_groups::GROUP;
use crate::render::plan::ir::expr::{Expr, ExprKind};
use crate::render::plan::ir::value::Value;

impl Renderer<'_> {
    /// `raise Class(message)`: the guards disarmed, then `Err` returned.
    pub(super) fn raise(&mut self, class: &str, message: Option<&Expr>, tail: bool) {
        let text = self.error_text(class, message);
        self.return_err(format!("Err(Error::{class}({text}))"), tail);
    }

    /// `raise exc` of a variable holding an exception made as a value.
    pub(super) fn raise_value(&mut self, e: &Expr, tail: bool) {
        if self.raise_made_group(e, tail) {
            return;
        }
        let c = self.expr(e);
        self.return_err(format!("Err({})", c.text), tail);
    }

    /// `KeyError("k")` made as a value: the `Error` it is.
    pub(super) fn exception_value(&mut self, class: &str, message: Option<&Expr>) -> Code {
        let text = self.error_text(class, message);
        let mut c = Code::new(format!("Error::{class}({text})"), Ty::Exception, 10);
        c.fresh = true;
        c
    }

    /// What an `Error` variant of `class` holds for `message`.
    fn error_text(&mut self, class: &str, message: Option<&Expr>) -> String {
        match message {
            // The struct of an exception's fields.
            Some(e) if matches!(e.kind, ExprKind::New(_)) => self.expr(e).text,
            // A group made by hand: its message and its exceptions.
            Some(e) if let Some((text, items)) = group_parts(class, e) => {
                let items: Vec<String> = items.iter().map(|i| self.expr(i).text).collect();
                format!("{text:?}, vec![{}]", items.join(", "))
            }
            // Its text, and the exception it was raised from.
            Some(e) if let Some(text) = super::exc_fields::with_cause(e) => {
                let c = self.expr(text);
                let text = match c.ty == Ty::Str {
                    true => c.owned(),
                    false => format!("{}.to_string()", c.wrap(10)),
                };
                format!("{text}, Box::new(err)")
            }
            Some(e) => {
                let c = self.expr(e);
                match (c.ty == Ty::Str, class == "KeyError") {
                    // `str(KeyError(key))` is the key's `repr`: a string quoted.
                    (true, true) => match &e.kind {
                        ExprKind::Lit(Value::Str(s)) => {
                            lit(&Value::Str(crate::text::python_str_repr(s).into())).owned()
                        }
                        _ => format!("py_repr({})", c.borrowed()),
                    },
                    (true, false) => c.owned(),
                    // A tuple's `str` is its `repr`.
                    _ if matches!(c.ty, Ty::Tuple(_)) => format!("{}.repr()", c.wrap(10)),
                    _ => format!("{}.to_string()", c.wrap(10)),
                }
            }
            None => "String::new()".into(),
        }
    }

    /// Returns `err` once the guards of the blocks it leaves are disarmed.
    fn return_err(&mut self, err: String, tail: bool) {
        for g in self.guards.clone().iter().rev() {
            self.disarm(g);
        }
        let (head, end) = if tail { ("", "") } else { ("return ", ";") };
        if !self.nested_call_lines(head, &err, end) {
            self.line(format!("{head}{err}{end}"));
        }
    }
}

/// The message and the exceptions of a group made by hand (see
/// `plan::group_made`).
pub(super) fn group_parts<'e>(class: &str, message: &'e Expr) -> Option<(&'e str, &'e [Expr])> {
    match &message.kind {
        ExprKind::Tuple(parts) if class == GROUP => match parts.as_slice() {
            [text, items] => match (&text.kind, &items.kind) {
                (ExprKind::Lit(Value::Str(text)), ExprKind::List(items)) => Some((text, items)),
                _ => None,
            },
            _ => None,
        },
        _ => None,
    }
}
