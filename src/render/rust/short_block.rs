//! An `async { .. }.await` whose block is one expression, joined on one
//! line as rustfmt writes it when it fits: `async { Ok(()) }.await;`, or
//! on the line after its `let ... =`.

use super::Renderer;

impl Renderer<'_> {
    /// Joins the lines from `start` (`.. = async {`, one expression, `}`,
    /// `.await;`) into one when the block holds only that expression and
    /// the line fits in 100 columns; the spans within point at that line.
    pub(super) fn join_short_block(&mut self, start: usize) {
        let [open, body, close, end] = match &self.lines[start..] {
            [a, b, c, d] => [a, b, c, d].map(|l| l.trim()),
            _ => return,
        };
        let single = !body.ends_with([';', '{', '}'])
            && !body.starts_with("//")
            && open.ends_with(" {")
            && close == "}"
            && end == ".await;";
        let indent = &self.lines[start][..self.lines[start].len() - open.len()];
        let joined = format!("{indent}{open} {body} }}{end}");
        // rustfmt puts the block after the `=` of its `let` when the whole
        // does not fit on one line.
        let chain = format!("async {{ {body} }}.await");
        let next = format!("{indent}    {chain};");
        let joined = match open.strip_suffix(" async {") {
            _ if !single => return,
            _ if joined.len() <= 100 => vec![joined],
            Some(head) if head.starts_with("let ") && next.len() <= 100 => {
                vec![format!("{indent}{head}"), next]
            }
            _ => return,
        };
        let lines = joined.len();
        self.lines.truncate(start);
        self.lines.extend(joined);
        for span in self.spans.values_mut() {
            if span.start > start {
                *span = start..start + lines;
            }
        }
    }

    /// Joins the lines from `start` (`.. = (|| {`, one expression,
    /// `})();`) into `.. = (|| expr)();`, as rustfmt writes a closure of
    /// one expression, when the line fits in 100 columns.
    pub(super) fn join_short_closure(&mut self, start: usize) {
        let [open, body, close] = match &self.lines[start..] {
            [a, b, c] => [a, b, c].map(|l| l.trim()),
            _ => return,
        };
        let single =
            !body.ends_with([';', '{', '}']) && !body.starts_with("//") && close == "})();";
        let Some(head) = open.strip_suffix("(|| {") else {
            return;
        };
        let indent = &self.lines[start][..self.lines[start].len() - open.len()];
        let joined = format!("{indent}{head}(|| {body})();");
        if !single || joined.len() > 100 {
            return;
        }
        self.lines.truncate(start);
        self.lines.push(joined);
        for span in self.spans.values_mut() {
            if span.start > start {
                *span = start..start + 1;
            }
        }
    }
}
