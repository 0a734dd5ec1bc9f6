//! An uncaught exception as CPython prints it, exception groups in their
//! boxes.

use crate::engine::py::types::{exc, groups, value};
use crate::program::Program;

/// The exception as CPython prints an uncaught one: the frames it passed,
/// outermost first, each with its line, then `Type: message`. An exception
/// group prints in CPython's boxes, each of its exceptions in a numbered
/// frame of its own. The exceptions it was raised from come first, as
/// CPython chains them: its `__cause__` ("The above exception was the
/// direct cause ..."), or else its `__context__` ("During handling of the
/// above exception ..."), unless `raise ... from` suppressed it.
pub fn traceback(program: &Program, e: &value::Value) -> String {
    let mut out = Printer {
        program,
        depth: 0,
        need_close: false,
        seen: Vec::new(),
        text: String::new(),
    };
    out.exception(e);
    if out.text.ends_with('\n') {
        out.text.pop();
    }
    out.text
}

/// The state of CPython's `traceback._ExceptionPrintContext`.
struct Printer<'a> {
    program: &'a Program,
    /// How many groups deep the exception being printed is.
    depth: usize,
    need_close: bool,
    /// The exceptions printed or queued so far (a chain never loops).
    seen: Vec<value::Value>,
    text: String,
}

const CAUSE: &str = "\nThe above exception was the direct cause of the following exception:\n\n";
const CONTEXT: &str = "\nDuring handling of the above exception, another exception occurred:\n\n";

/// CPython prints at most this many exceptions of a group.
const MAX_GROUP_WIDTH: usize = 15;
/// ... and groups this deep.
const MAX_GROUP_DEPTH: usize = 10;

impl Printer<'_> {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }

    /// Writes lines with the group margin (`| ` or `margin `).
    fn emit(&mut self, text: &str, margin: char) {
        let mut prefix = self.indent();
        if self.depth > 0 {
            prefix.push(margin);
            prefix.push(' ');
        }
        for line in text.lines() {
            self.text.push_str(&prefix);
            self.text.push_str(line);
            self.text.push('\n');
        }
    }

    fn stack(&self, e: &value::Value) -> Option<String> {
        let state = exc::state(e)?;
        let frames = state.traceback.borrow();
        if frames.is_empty() {
            return None;
        }
        let mut out = String::new();
        for (at, func) in frames.iter().rev() {
            let line = self.program.line_of(at.start);
            out.push_str(&format!(
                "  File \"{}\", line {line}, in {func}\n    {}\n",
                self.program.file,
                self.program.line_text(line).trim()
            ));
            if let Some(marks) = marks(&self.program.source, at) {
                out.push_str(&marks);
            }
        }
        Some(out)
    }

    /// The exception's chain, oldest first: each with the message that
    /// leads from it to the next.
    fn chain(&mut self, e: &value::Value) -> Vec<(Option<&'static str>, value::Value)> {
        let mut out = Vec::new();
        let mut next = Some((None, e.clone()));
        while let Some((msg, exc)) = next.take() {
            self.seen.push(exc.clone());
            if let Some(state) = exc::state(&exc)
                && out.len() < exc::MAX_CHAIN
            {
                let cause = state.cause.borrow().clone();
                let context = state.context.borrow().clone();
                let link = match (cause, context) {
                    (Some(c), _) => Some((CAUSE, c)),
                    (None, Some(c)) if !state.suppress_context.get() => Some((CONTEXT, c)),
                    _ => None,
                };
                next = link
                    .filter(|(_, c)| !self.seen.iter().any(|s| value::is_same(s, c)))
                    .map(|(m, c)| (Some(m), c));
            }
            out.push((msg, exc));
        }
        out.reverse();
        out
    }

    fn exception(&mut self, e: &value::Value) {
        let chain = self.chain(e);
        // The message that leads on from each exception is printed after it.
        let mut lead: Option<&'static str> = None;
        for (msg, exc) in chain {
            if let Some(m) = lead.take() {
                self.emit(m, '|');
            }
            // An exception the others were raised from was raised itself,
            // if only inside asyncio (whose frames the engine has not).
            self.one(&exc, msg.is_some());
            lead = msg;
        }
    }

    /// One exception of a chain, without what it was raised from.
    fn one(&mut self, e: &value::Value, raised: bool) {
        if !groups::is_group(e) {
            let stack = self.stack(e);
            if stack.is_some() || raised {
                self.emit("Traceback (most recent call last):", '|');
            }
            if let Some(stack) = stack {
                self.emit(&stack, '|');
            }
            self.emit(&exc::summary(e), '|');
            return;
        }
        if self.depth > MAX_GROUP_DEPTH {
            self.emit(&format!("... (max_group_depth is {MAX_GROUP_DEPTH})"), '|');
            return;
        }
        let top = self.depth == 0;
        if top {
            self.depth += 1;
        }
        if let Some(stack) = self.stack(e) {
            let margin = if top { '+' } else { '|' };
            self.emit("Exception Group Traceback (most recent call last):", margin);
            self.emit(&stack, '|');
        }
        self.emit(&exc::summary(e), '|');
        let members = groups::members(e);
        let n = members.len().min(MAX_GROUP_WIDTH + 1);
        self.need_close = false;
        for (i, member) in members.iter().take(n).enumerate() {
            let last = i == n - 1;
            if last {
                self.need_close = true;
            }
            let truncated = i >= MAX_GROUP_WIDTH;
            let title = if truncated {
                "...".to_string()
            } else {
                (i + 1).to_string()
            };
            let corner = if i == 0 { "+-" } else { "  " };
            self.text.push_str(&format!(
                "{}{corner}+---------------- {title} ----------------\n",
                self.indent()
            ));
            self.depth += 1;
            if truncated {
                let more = members.len() - MAX_GROUP_WIDTH;
                let s = if more > 1 { "s" } else { "" };
                self.emit(&format!("and {more} more exception{s}"), '|');
            } else {
                self.exception(member);
            }
            if last && self.need_close {
                self.text.push_str(&format!(
                    "{}+------------------------------------\n",
                    self.indent()
                ));
                self.need_close = false;
            }
            self.depth -= 1;
        }
        if top {
            self.depth = 0;
        }
    }
}

/// The line of a printed traceback that names the exception: its last
/// line, or for an exception group the group's own line, above the box of
/// its first exception.
pub fn last_line(traceback: &str) -> &str {
    let lines: Vec<&str> = traceback.lines().collect();
    match lines.iter().position(|l| l.trim_start().starts_with("+-+")) {
        Some(i) if i > 0 => lines[i - 1].trim_start().trim_start_matches("| "),
        _ => lines.last().copied().unwrap_or_default(),
    }
}

/// The line of `^` CPython 3.11 draws under the part of a frame's line that
/// was running (`~` around the operator of a binary operation or the
/// brackets of a subscript): none when that part is the whole line, or
/// unknown. A range that goes on past its first line is marked to that
/// line's end.
fn marks(source: &str, at: &crate::program::Span) -> Option<String> {
    if at.end <= at.start || at.end > source.len() {
        return None;
    }
    let line_start = source[..at.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = source[at.start..]
        .find('\n')
        .map_or(source.len(), |i| at.start + i);
    let line = source[line_start..line_end].trim_end();
    let indent = line.len() - line.trim_start().len();
    let chars = |s: &str| s.chars().count();
    let start = chars(&source[line_start..at.start]);
    let one_line = at.end <= line_end;
    let end = if one_line {
        chars(&source[line_start..at.end])
    } else {
        chars(line)
    };
    let anchors = if one_line {
        crate::python::caret_anchors(&source[at.start..at.end])
    } else {
        None
    };
    if end - start >= chars(line.trim()) && anchors.is_none() {
        return None;
    }
    let mut out = format!("    {}", " ".repeat(start - chars(&line[..indent])));
    match anchors {
        Some((left, right)) => {
            out.push_str(&"~".repeat(left));
            out.push_str(&"^".repeat(right - left));
            out.push_str(&"~".repeat((end - start).saturating_sub(right)));
        }
        None => out.push_str(&"^".repeat(end - start)),
    }
    out.push('\n');
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::last_line;

    #[test]
    fn the_last_line_names_the_exception() {
        let plain = "Traceback (most recent call last):\n  File \"p.py\", line 3, in main\n    \
                     raise KeyError('k')\nKeyError: 'k'";
        assert_eq!(last_line(plain), "KeyError: 'k'");
        let group = "  + Exception Group Traceback (most recent call last):\n  \
                     |   File \"p.py\", line 9, in main\n  |     async with asyncio.TaskGroup() as tg:\n  \
                     | ExceptionGroup: unhandled errors in a TaskGroup (1 sub-exception)\n  \
                     +-+---------------- 1 ----------------\n    \
                     | Traceback (most recent call last):\n    | ValueError: boom\n    \
                     +------------------------------------";
        assert_eq!(
            last_line(group),
            "ExceptionGroup: unhandled errors in a TaskGroup (1 sub-exception)"
        );
    }
}
