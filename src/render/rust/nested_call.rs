//! A call whose one argument is a call (`sleep(Duration::from_secs_f64(x))`,
//! `Err(Error::ValueError(format!(..)))`) too wide for one line, laid out
//! as rustfmt lays it out: the calls stay on the first line, the innermost
//! call's arguments go one a line, and the closing brackets share a line;
//! so too as a chain's root, and in a chain's closure, whose body then
//! becomes a block (as does a body that is a chain too wide for a line).

use super::Renderer;
use super::names::split_chain;
use super::wrap::{CALL_WIDTH, CHAIN_WIDTH, spaced, split_args};

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
    let mut chars = super::wrap::code_chars(inner);
    for (_, ch, quoted) in chars.by_ref() {
        match ch {
            _ if quoted => {}
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
    (depth == 0 && !chars.quoted).then_some((callee, inner))
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

/// `{head}{call}` where `call` nests calls of one argument each, as the
/// lines rustfmt writes for it when its outer arguments are wider than
/// [`CALL_WIDTH`] or `width` (its line's) than 100 columns (relative
/// indents; the last line closes every call); `None` for another text or
/// one that fits.
pub(super) fn nested_lines(head: &str, call: &str, width: usize) -> Option<Vec<String>> {
    if call.contains(['\n', '|']) || call.contains("=>") {
        return None;
    }
    let (_, outer_args) = callee_and_args(call)?;
    let mut callees = Vec::new();
    let mut text = call;
    let args = loop {
        let (callee, inner) = callee_and_args(text)?;
        callees.push(callee);
        let args = split_args(inner);
        match args.as_slice() {
            [one] if callee_and_args(one).is_some() && one.len() == inner.trim().len() => {
                text = inner.trim();
            }
            _ => break args,
        }
    };
    if callees.len() < 2
        || args.is_empty()
        || (outer_args.len() <= CALL_WIDTH && width <= 100)
        || args.iter().any(|a| unquoted(a).contains('{'))
    {
        return None;
    }
    let macro_call = callees.last().is_some_and(|c| c.ends_with('!'));
    let opened: String = callees.iter().map(|c| format!("{c}(")).collect();
    let mut lines = vec![format!("{head}{opened}")];
    let n = args.len();
    for (i, a) in args.iter().enumerate() {
        let comma = if i + 1 < n || !macro_call { "," } else { "" };
        lines.push(format!("    {a}{comma}"));
    }
    lines.push(")".repeat(callees.len()));
    Some(lines)
}

impl Renderer<'_> {
    /// `{head}{call}{tail}` laid out as [`nested_lines`] does; false
    /// (nothing written) for another text or one that fits. A `tail` that
    /// goes on with a method (`.await;`) starts a line of its own.
    pub(super) fn nested_call_lines(&mut self, head: &str, call: &str, tail: &str) -> bool {
        let width = 4 * self.indent + head.len() + call.len() + tail.len();
        let Some(lines) = nested_lines(head, call, width) else {
            return false;
        };
        let [first, args @ .., closed] = lines.as_slice() else {
            return false;
        };
        self.line(first);
        self.indent += 1;
        for a in args {
            let a = a.trim_start();
            // A string literal too wide with its `.to_string()`: the call
            // on a line of its own, as rustfmt writes it.
            if let Some(text) = a.strip_suffix(".to_string(),")
                && text.starts_with('"')
                && 4 * self.indent + a.len() > 100
            {
                self.line(text);
                self.line("    .to_string(),");
                continue;
            }
            self.line(a);
        }
        self.indent -= 1;
        if tail.starts_with('.') {
            self.line(closed);
            self.line(tail);
        } else {
            self.line(format!("{closed}{tail}"));
        }
        true
    }

    /// A chain's call of one closure, `.map(|x| f(g(a, b)))`, whose body
    /// nests calls too wide for its line or is a chain wider than
    /// `chain_width`, laid out as rustfmt does: the body a block, broken as
    /// [`nested_lines`] or [`chain_body_lines`] breaks it; false (nothing
    /// written) for another call.
    pub(super) fn closure_call_lines(&mut self, call: &str, end: &str) -> bool {
        let Some((name, inner)) = call
            .strip_prefix('.')
            .and_then(|c| c.strip_suffix(')'))
            .and_then(|c| c.split_once('('))
        else {
            return false;
        };
        let Some((params, body)) = inner
            .strip_prefix('|')
            .and_then(|rest| rest.split_once("| "))
        else {
            return false;
        };
        let plain = |t: &str| !t.is_empty() && t.chars().all(|c| c.is_alphanumeric() || c == '_');
        let width = 4 * self.indent + call.len() + end.len();
        if !plain(name) || split_args(inner).len() != 1 || params.contains('|') {
            return false;
        }
        // A method of a plain receiver (`pool.spawn(...)`) keeps it on the
        // call's line.
        let (receiver, body) = match body.split_once('.') {
            Some((r, rest)) if plain(r) => (format!("{r}."), rest),
            _ => (String::new(), body),
        };
        let lines = nested_lines(&receiver, body, width)
            .or_else(|| chain_body_lines(&format!("{receiver}{body}"), self.indent + 1));
        let Some(lines) = lines else {
            return false;
        };
        self.line(format!(".{name}(|{params}| {{"));
        self.indent += 1;
        for l in lines {
            let deeper = usize::from(l.starts_with("    "));
            self.indent += deeper;
            self.line(l.trim_start());
            self.indent -= deeper;
        }
        self.indent -= 1;
        self.line(format!("}}){end}"));
        true
    }
}

/// A closure's body that is a method chain wider than rustfmt's
/// `chain_width`, one call a line in the block it becomes (relative
/// indents; at `indent` levels); `None` for another body.
fn chain_body_lines(body: &str, indent: usize) -> Option<Vec<String>> {
    if body.len() <= CHAIN_WIDTH || body.contains(['{', '}']) {
        return None;
    }
    let (base, calls) = split_chain(body);
    let fits = |c: &String| 4 * (indent + 1) + c.len() <= 100 && !spaced(c);
    if base.is_empty() || spaced(&base) || calls.len() < 2 || !calls.iter().all(fits) {
        return None;
    }
    let mut calls = calls.into_iter();
    // rustfmt keeps the first call after a root no wider than an indent.
    let first = if base.len() <= 4 {
        calls.next().unwrap_or_default()
    } else {
        String::new()
    };
    let mut lines = vec![format!("{base}{first}")];
    lines.extend(calls.map(|c| format!("    {c}")));
    Some(lines)
}
