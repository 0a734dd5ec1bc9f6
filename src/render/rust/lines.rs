//! A whole line written to stdout (`print`) or stderr (a `logging`
//! record): `println!` or `eprintln!`.

use super::Renderer;
use crate::render::plan::ir::expr::Template;

impl Renderer<'_> {
    /// A line printed with `mac` (`println!` or `eprintln!`).
    pub(super) fn print_line(&mut self, t: &Template, mac: &str) {
        let (text, fresh) = self.format(t, mac);
        if fresh {
            let args = std::mem::take(&mut self.last_format_args);
            if args == ["\"\""] {
                self.line(format!("{mac}();"));
            } else {
                self.macro_line(&format!("{mac}("), &args, ");");
            }
        } else {
            self.line(format!("{text};"));
        }
    }
}
