//! `sleep(d).await;` too wide for its line, with `d` a float's duration
//! (`Duration::try_from_secs_f64(x).unwrap_or_default()`) wider than
//! rustfmt's `chain_width`: laid out as rustfmt lays it out, the duration
//! an argument of its own whose chain is broken.

use super::Renderer;
use super::wrap::CHAIN_WIDTH;

const TAIL: &str = ".unwrap_or_default()";

impl Renderer<'_> {
    /// Writes the lines of `sleep(d).await;` as rustfmt breaks it; false
    /// (nothing written) where it fits its line or is another shape.
    pub(super) fn wide_sleep_lines(&mut self, d: &str) -> bool {
        let Some(root) = d.strip_suffix(TAIL) else {
            return false;
        };
        let wide = 4 * self.indent + "sleep(".len() + d.len() + ").await;".len() > 100;
        let fits = 4 * (self.indent + 1) + root.len() <= 100;
        if !wide || d.len() <= CHAIN_WIDTH || !fits || !root.starts_with("Duration::") {
            return false;
        }
        self.line("sleep(");
        self.line(format!("    {root}"));
        self.line(format!("        {TAIL},"));
        self.line(")");
        self.line(".await;");
        true
    }
}
