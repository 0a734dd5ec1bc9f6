//! `sys.exit(...)`: `std::process::exit` with Python's status (`0` for
//! none, the number, or `1` after writing any other value to stderr).

use super::Renderer;
use super::code::Code;
use super::types::Ty;
use crate::render::plan::ir::expr::{Builtin, Expr, ExprKind};

impl Renderer<'_> {
    /// The `eprintln!` that writes the message of `sys.exit(message)`
    /// before the process ends; `None` for another statement.
    pub(super) fn exit_message(&mut self, value: &Expr) -> Option<String> {
        let ExprKind::Call(Builtin::Exit, args) = &value.kind else {
            return None;
        };
        let c = self.expr(args.first()?);
        if matches!(c.ty, Ty::Int | Ty::Unit) {
            return None;
        }
        let (mut fmt, mut holes) = (String::new(), Vec::new());
        self.hole(&c, &mut fmt, &mut holes);
        let (text, _) = self.format_tail(fmt, holes, "eprintln!");
        Some(format!("{text};"))
    }

    /// `std::process::exit(status)` for `sys.exit(arg)`.
    pub(super) fn exit(&mut self, args: &[Expr]) -> Code {
        let status = match args.first() {
            None => "0".to_string(),
            Some(a) => {
                let c = self.expr(a);
                match c.ty {
                    Ty::Unit => "0".to_string(),
                    Ty::Int if c.text.chars().all(|ch| ch.is_ascii_digit()) => c.text,
                    Ty::Int => format!("{} as i32", c.wrap(8)),
                    _ => "1".to_string(),
                }
            }
        };
        Code::new(format!("std::process::exit({status})"), Ty::Unit, 10)
    }
}
