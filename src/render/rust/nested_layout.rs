//! A value built of nested calls and `vec![...]`s (a tree's display,
//! `Node("a".to_string(), vec![Node(...)])`) too wide for one line, laid
//! out as rustfmt lays it out: a list whose items fit within its width on
//! the line stays whole; a list of one call or `vec!` overflows it (the
//! item opens on the list's line); any other list has one item a line.

use super::wrap::{ARRAY_WIDTH, split_args};

/// rustfmt's `max_width`.
const MAX_WIDTH: usize = 100;

/// The opening, items and closing of `text` when it is a call of a plain
/// name (`Node(a, b)`) or a `vec![a, b]`.
fn list(text: &str) -> Option<(String, Vec<String>, &'static str)> {
    if let Some(inner) = text.strip_prefix("vec![").and_then(|t| t.strip_suffix(']')) {
        return Some(("vec![".into(), split_args(inner), "]"));
    }
    let (name, rest) = text.split_once('(')?;
    let inner = rest.strip_suffix(')')?;
    let plain = !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_');
    plain.then(|| (format!("{name}("), split_args(inner), ")"))
}

/// Whether every list inside `text`, itself included, fits its width.
fn narrow(text: &str) -> bool {
    match list(text) {
        Some((open, items, close)) => {
            text.len() - open.len() - close.len() <= ARRAY_WIDTH && items.iter().all(|i| narrow(i))
        }
        None => true,
    }
}

/// `text` starting at column `start` of a line indented `indent` columns
/// and followed by `tail` columns: its lines, each after the first
/// indented relative to `indent`; `whole` false when it may not stay on
/// one line.
fn lay(text: &str, start: usize, tail: usize, indent: usize, whole: bool) -> Vec<String> {
    let Some((open, items, close)) = list(text) else {
        return vec![text.to_string()];
    };
    if whole && narrow(text) && start + text.len() + tail <= MAX_WIDTH {
        return vec![text.to_string()];
    }
    if let [item] = items.as_slice()
        && list(item).is_some()
    {
        let mut lines = lay(item, start + open.len(), close.len() + tail, indent, false);
        lines[0] = format!("{open}{}", lines[0]);
        if let Some(last) = lines.last_mut() {
            last.push_str(close);
        }
        return lines;
    }
    let mut lines = vec![open];
    for item in &items {
        let mut inner = lay(item, indent + 4, 1, indent + 4, true);
        if let Some(last) = inner.last_mut() {
            last.push(',');
        }
        lines.extend(inner.into_iter().map(|l| format!("    {l}")));
    }
    lines.push(close.to_string());
    lines
}

/// `{head}{value}{tail}` at `indent` levels as rustfmt writes it (relative
/// indents), when `value` is nested calls and `vec!`s too wide for one
/// line; `None` otherwise.
pub(super) fn nested_lines(
    head: &str,
    value: &str,
    tail: &str,
    indent: usize,
) -> Option<Vec<String>> {
    let start = 4 * indent + head.len();
    let mut lines = lay(value, start, tail.len(), 4 * indent, true);
    if lines.len() < 2 {
        return None;
    }
    lines[0] = format!("{head}{}", lines[0]);
    lines.last_mut()?.push_str(tail);
    Some(lines)
}
