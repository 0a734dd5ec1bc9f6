//! A call whose one argument is a call (`sleep(Duration::from_secs_f64(x))`,
//! `Err(Error::ValueError(format!(..)))`) too wide for one line, laid out
//! as rustfmt lays it out: the calls stay on the first line, the innermost
//! call's arguments go one a line, and the closing brackets share a line.

use super::Renderer;
use super::wrap::{CALL_WIDTH, split_args};

/// One call of the nest: its callee (`&format!`, `Duration::from_secs_f64`)
/// and the text between its brackets.
fn callee_and_args(text: &str) -> Option<(&str, &str)> {
    let open = text.find('(')?;
    let callee = &text[..open];
    let path = callee.strip_prefix('&').unwrap_or(callee);
    let path = path.strip_suffix('!').unwrap_or(path);
    let plain = !path.is_empty()
        && path
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == ':');
    if !plain || !text.ends_with(')') {
        return None;
    }
    let inner = &text[open + 1..text.len() - 1];
    // The brackets must be one pair: `f(a)(b)` or `f(a).g(b)` is no call of `f`.
    let mut depth = 0i32;
    let mut quoted = false;
    let mut escaped = false;
    for ch in inner.chars() {
        if quoted {
            match ch {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => quoted = false,
                _ => {}
            }
            continue;
        }
        match ch {
            '"' => quoted = true,
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => {
                depth -= 1;
                if depth < 0 {
                    return None;
                }
            }
            _ => {}
        }
    }
    (depth == 0 && !quoted).then_some((callee, inner))
}

/// `text` without its string literals: a block's `{` is outside them.
fn unquoted(text: &str) -> String {
    let (mut out, mut quoted, mut escaped) = (String::new(), false, false);
    for ch in text.chars() {
        match ch {
            _ if escaped => escaped = false,
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            _ if !quoted => out.push(ch),
            _ => {}
        }
    }
    out
}

impl Renderer<'_> {
    /// `{head}{call}{tail}` where `call` nests calls of one argument each,
    /// laid out as rustfmt does when its outer arguments are wider than
    /// [`CALL_WIDTH`] or the line than 100 columns; false (nothing written)
    /// for another text or one that fits. A `tail` that goes on with a
    /// method (`.await;`) starts a line of its own.
    pub(super) fn nested_call_lines(&mut self, head: &str, call: &str, tail: &str) -> bool {
        if call.contains(['\n', '|']) || call.contains("=>") {
            return false;
        }
        let Some((_, outer_args)) = callee_and_args(call) else {
            return false;
        };
        let mut callees = Vec::new();
        let mut text = call;
        let args = loop {
            let Some((callee, inner)) = callee_and_args(text) else {
                return false;
            };
            callees.push(callee);
            let args = split_args(inner);
            match args.as_slice() {
                [one] if callee_and_args(one).is_some() && one.len() == inner.trim().len() => {
                    text = inner.trim();
                }
                _ => break args,
            }
        };
        let width = 4 * self.indent + head.len() + call.len() + tail.len();
        if callees.len() < 2
            || args.is_empty()
            || (outer_args.len() <= CALL_WIDTH && width <= 100)
            || args.iter().any(|a| unquoted(a).contains('{'))
        {
            return false;
        }
        let macro_call = callees.last().is_some_and(|c| c.ends_with('!'));
        let opened: String = callees.iter().map(|c| format!("{c}(")).collect();
        self.line(format!("{head}{opened}"));
        self.indent += 1;
        let n = args.len();
        for (i, a) in args.iter().enumerate() {
            let comma = if i + 1 < n || !macro_call { "," } else { "" };
            self.line(format!("{a}{comma}"));
        }
        self.indent -= 1;
        let closed = ")".repeat(callees.len());
        if tail.starts_with('.') {
            self.line(closed);
            self.line(tail);
        } else {
            self.line(format!("{closed}{tail}"));
        }
        true
    }
}
