//! A statement (or a function's tail expression) written on one line that
//! rustfmt would break, laid out as rustfmt lays it out: a method chain
//! wider than its `chain_width` one call a line, an array literal wider
//! than its `array_width` (a loop head, a chain's root, a call's one
//! argument) one item a line, a call whose arguments are wider than
//! `fn_call_width` one argument a line.

use super::names::split_chain;
use super::wrap::{ARRAY_WIDTH, CALL_WIDTH, CHAIN_WIDTH, split_args};

/// rustfmt's `short_array_element_width_threshold`.
const SHORT_ITEM: usize = 10;

/// rustfmt's `max_width`.
const MAX_WIDTH: usize = 100;

/// `text`, a whole statement at `indent` levels, as the lines rustfmt
/// writes for it (relative indents), when it is one of the shapes this
/// knows and rustfmt would break it; `None` otherwise.
pub(super) fn relaid(text: &str, indent: usize) -> Option<Vec<String>> {
    if text.contains('\n') || 4 * indent + text.len() <= MAX_WIDTH && text.len() <= CHAIN_WIDTH {
        return None;
    }
    if let Some(rest) = text.strip_prefix("for ") {
        let (pat, head) = rest.split_once(" in ")?;
        let head = head.strip_suffix(" {")?;
        return for_lines(&format!("for {pat} in "), head, indent);
    }
    let body = text.strip_suffix(';')?;
    let (head, expr) = match body.strip_prefix("let ") {
        Some(rest) => {
            let (name, expr) = rest.split_once(" = ")?;
            // A name, or a tuple of names.
            let plain = name
                .trim_start_matches("mut ")
                .strip_prefix('(')
                .and_then(|n| n.strip_suffix(')'))
                .unwrap_or(name)
                .split(", ")
                .all(|n| {
                    n.trim_start_matches("mut ")
                        .chars()
                        .all(|c| c.is_alphanumeric() || c == '_')
                });
            plain.then(|| (format!("let {name} = "), expr))?
        }
        // An assignment to a name declared before (`reply = ...`).
        None => match body.split_once(" = ") {
            Some((name, expr)) if name.chars().all(|c| c.is_alphanumeric() || c == '_') => {
                (format!("{name} = "), expr)
            }
            _ => (String::new(), body),
        },
    };
    let mut lines = chain_lines(&head, expr, indent)
        .or_else(|| call_lines(&head, expr, indent))
        .or_else(|| ok_call_lines(&head, expr, indent))
        .or_else(|| nested_call_lines(&head, expr, indent))
        .or_else(|| method_of_array_lines(&head, expr))?;
    lines.last_mut()?.push(';');
    Some(lines)
}

/// `{head}name(a, b, c)` (or the tuple `let (x, y) = (a, b)`) too wide
/// for its line (or its arguments wider than [`CALL_WIDTH`]), one argument
/// a line; a macro's last argument has no comma after it. `None` when an argument would be broken itself or a
/// closure would overflow.
fn call_lines(head: &str, expr: &str, indent: usize) -> Option<Vec<String>> {
    let open = expr.find('(')?;
    let name = &expr[..open];
    let path = name
        .chars()
        .all(|c| c.is_alphanumeric() || "_:!".contains(c));
    let inner = expr.strip_suffix(')')?.get(open + 1..)?;
    let args = split_args(inner);
    // A tuple has no name.
    let tuple = name.is_empty() && !head.is_empty();
    if (name.is_empty() && !tuple) || !path || args.len() < 2 || args.join(", ") != inner {
        return None;
    }
    let width = 4 * indent + head.len() + expr.len() + ";".len();
    if width <= MAX_WIDTH && inner.len() <= CALL_WIDTH {
        return None;
    }
    if args.iter().any(|a| breaks_itself(a, indent)) {
        return None;
    }
    let last = args.len() - 1;
    let macro_call = name.ends_with('!');
    let mut lines = vec![format!("{head}{name}(")];
    for (i, a) in args.iter().enumerate() {
        let comma = if i == last && macro_call { "" } else { "," };
        lines.push(format!("    {a}{comma}"));
    }
    lines.push(")".into());
    Some(lines)
}

/// `{head}Ok(name(a, b))` too wide: rustfmt opens the call on the `Ok(`
/// line, one argument a line, and closes both on one (`))`).
fn ok_call_lines(head: &str, expr: &str, indent: usize) -> Option<Vec<String>> {
    let inner = expr.strip_prefix("Ok(")?.strip_suffix(')')?;
    let mut lines = call_lines(&format!("{head}Ok("), inner, indent)?;
    lines.last_mut()?.push(')');
    Some(lines)
}

/// `{head}outer(inner(a, b))` whose one argument, a call, is wider than
/// [`CALL_WIDTH`]: rustfmt keeps `outer(inner(` on the first line, one
/// argument of `inner` a line, and closes both on one (`))`).
fn nested_call_lines(head: &str, expr: &str, indent: usize) -> Option<Vec<String>> {
    let path =
        |n: &str| !n.is_empty() && n.chars().all(|c| c.is_alphanumeric() || "_:".contains(c));
    let open = expr.find('(')?;
    let name = &expr[..open];
    let arg = expr.strip_suffix(')')?.get(open + 1..)?;
    let width = 4 * indent + head.len() + expr.len() + ";".len();
    if !path(name) || split_args(arg).len() != 1 || width <= MAX_WIDTH && arg.len() <= CALL_WIDTH {
        return None;
    }
    let inner_open = arg.find('(')?;
    let inner_name = &arg[..inner_open];
    let inner = arg.strip_suffix(')')?.get(inner_open + 1..)?;
    let args = split_args(inner);
    if !path(inner_name) || args.len() < 2 || args.join(", ") != inner {
        return None;
    }
    if args.iter().any(|a| breaks_itself(a, indent)) {
        return None;
    }
    let mut lines = vec![format!("{head}{name}({inner_name}(")];
    lines.extend(args.iter().map(|a| format!("    {a},")));
    lines.push("))".into());
    Some(lines)
}

/// `for {pat} in {head} {`: an array head one item a line, or a chain head
/// one call a line with the block's `{` on a line of its own.
fn for_lines(open: &str, head: &str, indent: usize) -> Option<Vec<String>> {
    if let Some(mut lines) = array_lines(open, head) {
        lines.last_mut()?.push_str(" {");
        return Some(lines);
    }
    let mut lines = chain_lines(open, head, indent)?;
    lines.push("{".into());
    Some(lines)
}

/// `[a, b, c]` (or `vec![...]`) wider than [`ARRAY_WIDTH`] after `open`,
/// one item a line; `None` for another text or a narrow array.
pub(super) fn array_lines(open: &str, text: &str) -> Option<Vec<String>> {
    let start = if text.starts_with("vec![") { 5 } else { 1 };
    if !text.starts_with('[') && start == 1 || !text.ends_with(']') {
        return None;
    }
    let inner = &text[start..text.len() - 1];
    let items = split_args(inner);
    // The brackets must be this literal's own: `[a][0]` is no literal.
    if items.join(", ") != inner || inner.len() <= ARRAY_WIDTH {
        return None;
    }
    // rustfmt packs short items several to a line: that layout is not
    // written here.
    let short = items.iter().all(|i| i.len() <= SHORT_ITEM);
    if short || items.iter().any(|i| !fits_inline(i, 8)) {
        return None;
    }
    let mut lines = vec![format!("{open}{}", &text[..start])];
    lines.extend(items.iter().map(|i| format!("    {i},")));
    lines.push("]".into());
    Some(lines)
}

/// `{head}{expr}` with `expr` a method chain of two calls or more, one
/// call a line as rustfmt breaks a chain too wide for `chain_width`.
fn chain_lines(head: &str, expr: &str, indent: usize) -> Option<Vec<String>> {
    let one_line = 4 * indent + head.len() + expr.len() + 2 <= MAX_WIDTH;
    if one_line && expr.trim_start_matches('&').len() <= CHAIN_WIDTH {
        return None;
    }
    let (base, calls) = split_chain(expr);
    if base.is_empty() || calls.iter().any(|c| c.ends_with('?')) {
        return None;
    }
    let wide_root = array_lines(head, &base).or_else(|| call_of_array_lines(head, &base));
    let lines = match wide_root {
        // A root too wide for a line, broken: the calls follow its `]` or
        // `)` at the statement's indent.
        Some(mut lines) => {
            lines.extend(calls.iter().cloned());
            lines
        }
        None => {
            if calls.len() < 2 || !fits_inline(&base, 0) || !simple_root(&base) {
                return None;
            }
            let mut calls = calls.iter();
            // rustfmt keeps the first call after a root no wider than an
            // indent where the chain starts the statement.
            let first = if base.len() <= 4 && head.is_empty() {
                calls.next().cloned().unwrap_or_default()
            } else {
                String::new()
            };
            let mut lines = vec![format!("{head}{base}{first}")];
            lines.extend(calls.map(|c| format!("    {c}")));
            lines
        }
    };
    for c in &calls {
        if !fits_inline(c, 0) {
            return None;
        }
    }
    let fits = lines.iter().all(|l| 4 * indent + l.len() + 2 <= MAX_WIDTH);
    fits.then_some(lines)
}

/// `name(array)` with the array wider than [`ARRAY_WIDTH`]: the array is
/// the last argument, so rustfmt opens it on the call's line
/// (`join_all(vec![`) and closes both on one (`])`).
fn call_of_array_lines(head: &str, text: &str) -> Option<Vec<String>> {
    let open = text.find('(')?;
    let name = &text[..open];
    let path = name
        .chars()
        .all(|c| c.is_alphanumeric() || c == '_' || c == ':');
    let inner = text.strip_suffix(')')?.get(open + 1..)?;
    if name.is_empty() || !path || split_args(inner).len() != 1 {
        return None;
    }
    let mut lines = array_lines(&format!("{head}{name}("), inner)?;
    lines.last_mut()?.push(')');
    Some(lines)
}

/// `{head}x.m([a, b])`, a method of a variable given one array wider
/// than [`ARRAY_WIDTH`]: the call opens on the first line, one item a line
/// (`d.extend([` ... `]);`).
fn method_of_array_lines(head: &str, text: &str) -> Option<Vec<String>> {
    let open = text.find('(')?;
    let (obj, method) = text[..open].split_once('.')?;
    let word = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_alphanumeric() || c == '_');
    if !word(obj) || !word(method) {
        return None;
    }
    call_of_array_lines(&format!("{head}{obj}."), &text[obj.len() + 1..])
}

/// A chain's root that rustfmt writes as it is: a name, a path, a call, a
/// parenthesised range, a borrow of one of those.
fn simple_root(base: &str) -> bool {
    let base = base.trim_start_matches('&');
    let call = base.find(['(', '[']).is_some_and(|at| {
        let path = base[..at]
            .chars()
            .all(|c| c.is_alphanumeric() || "_:!".contains(c));
        path && at > 0 && base.ends_with([')', ']'])
    });
    call || !base.contains(' ') || base.starts_with('(') && base.ends_with(')') && base.len() <= 20
}

/// Whether `text`, laid out on one line, is one that rustfmt leaves on one
/// line: no call's arguments wider than [`CALL_WIDTH`], no array wider
/// than [`ARRAY_WIDTH`], no block (an `if`, a closure's body);
/// `extra` is what follows it on its line (a comma).
fn fits_inline(text: &str, extra: usize) -> bool {
    if text.len() + extra > MAX_WIDTH {
        return false;
    }
    // Each bracketed part, measured from its opening to its closing.
    let mut opens = Vec::new();
    let mut chars = super::wrap::code_chars(text);
    for (i, ch, quoted) in chars.by_ref() {
        match ch {
            _ if quoted => {}
            '{' | '}' => return false,
            '(' | '[' => opens.push(i),
            ')' | ']' => {
                let Some(at) = opens.pop() else {
                    return false;
                };
                let limit = if ch == ']' { ARRAY_WIDTH } else { CALL_WIDTH };
                if i - at - 1 > limit {
                    return false;
                }
            }
            _ => {}
        }
    }
    opens.is_empty() && !chars.quoted
}

impl super::Renderer<'_> {
    /// A function's tail expression `value` (no `;`), broken as rustfmt
    /// breaks a statement of it when it is too wide.
    pub(super) fn tail_line(&mut self, value: String) {
        let relaid = relaid(&format!("{value};"), self.indent).and_then(|mut lines| {
            let last = lines.last_mut()?;
            *last = last.strip_suffix(';')?.to_string();
            Some(lines)
        });
        match relaid {
            Some(lines) => {
                let pad = "    ".repeat(self.indent);
                self.lines
                    .extend(lines.into_iter().map(|l| format!("{pad}{l}")));
            }
            None => self.line(value),
        }
    }
}

/// Whether a call's argument, put on a line of its own at `indent + 1`,
/// would still be broken by rustfmt (a closure, a block, a line too wide,
/// a chain too long), so the simple one-argument-a-line layout is not it.
fn breaks_itself(a: &str, indent: usize) -> bool {
    a.contains('|')
        || !fits_inline(a, 1)
        || 4 * (indent + 1) + a.len() + 1 > MAX_WIDTH
        || a.len() > CHAIN_WIDTH && split_chain(a).1.len() > 1
}
