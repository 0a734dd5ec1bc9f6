//! Calls, macro calls and method chains laid out as rustfmt lays them out
//! when they are too wide for one line (`tokio::spawn(f(` then one argument
//! a line), and comments wrapped to a width.

use super::Renderer;
use super::names::split_chain;

/// rustfmt's `fn_call_width`: a call longer than this is broken.
pub(super) const CALL_WIDTH: usize = 60;

/// rustfmt's `array_width`: an array literal whose items, written on one
/// line, are wider than this is laid out one item a line.
pub(super) const ARRAY_WIDTH: usize = 60;

/// rustfmt's `chain_width`: a method chain longer than this is broken.
pub(super) const CHAIN_WIDTH: usize = 60;

/// rustfmt's `single_line_if_else_max_width`.
const IF_ELSE_WIDTH: usize = 50;

/// `if c { a } else { b }` wider than [`IF_ELSE_WIDTH`], or any
/// `if ... else if ...`, one part a line as rustfmt lays it out (relative
/// indents); `None` for another text.
pub(super) fn if_else_lines(text: &str) -> Option<Vec<String>> {
    let rest = text.strip_prefix("if ")?.strip_suffix(" }")?;
    let (arms, other) = rest.rsplit_once(" } else { ")?;
    let arms: Vec<(&str, &str)> = arms
        .split(" } else if ")
        .map(|arm| arm.split_once(" { "))
        .collect::<Option<_>>()?;
    let parts = arms.iter().flat_map(|(c, a)| [*c, *a]);
    if parts.chain([other]).any(|p| p.contains(['{', '}']))
        || arms.len() == 1 && text.len() <= IF_ELSE_WIDTH
    {
        return None;
    }
    let mut lines = Vec::new();
    for (i, (cond, body)) in arms.into_iter().enumerate() {
        match cond_chain(cond).filter(|_| i == 0) {
            Some((base, calls)) => {
                lines.push(format!("if {base}"));
                lines.extend(calls.iter().map(|c| format!("    {c}")));
                lines.push("{".into());
            }
            None if i == 0 => lines.push(format!("if {cond} {{")),
            None => lines.push(format!("}} else if {cond} {{")),
        }
        lines.push(format!("    {body}"));
    }
    lines.extend(["} else {".into(), format!("    {other}"), "}".into()]);
    Some(lines)
}

/// A value written `if ... else ...` (see [`if_else_lines`]), or that in
/// parentheses made a `String` (`(if ... else ...).to_string()`), one part
/// a line as rustfmt lays it out; `None` for another text.
pub(super) fn if_else_value_lines(text: &str) -> Option<Vec<String>> {
    let Some(inner) = text
        .strip_prefix('(')
        .and_then(|t| t.strip_suffix(").to_string()"))
    else {
        return if_else_lines(text);
    };
    let mut lines = if_else_lines(inner)?;
    lines[0].insert(0, '(');
    lines.last_mut()?.push(')');
    lines.push(".to_string()".into());
    Some(lines)
}

/// An `if`'s condition that is one method chain wider than rustfmt's
/// `chain_width`, split into its root and its calls (each on a line of its
/// own, the root on the `if`'s); `None` for another condition, such as
/// `a && b.c()`.
fn cond_chain(cond: &str) -> Option<(String, Vec<String>)> {
    if cond.len() <= CHAIN_WIDTH || cond.starts_with(['!', '&', '*', '-']) {
        return None;
    }
    let (base, calls) = split_chain(cond);
    let plain = |part: &str| !part.is_empty() && !spaced(part);
    (calls.len() >= 2 && plain(&base) && calls.iter().all(|c| plain(c))).then_some((base, calls))
}

/// Whether `text` has a space outside its brackets and strings (an
/// operator between operands).
pub(super) fn spaced(text: &str) -> bool {
    let mut depth = 0i32;
    for (_, ch, quoted) in code_chars(text) {
        match ch {
            _ if quoted => {}
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            ' ' if depth == 0 => return true,
            _ => {}
        }
    }
    false
}

/// The characters of a line of code (with their byte index), each marked
/// whether it is part of a string literal, quotes included: what layout
/// rules measure and split is outside them.
pub(super) struct CodeChars<'a> {
    chars: std::str::CharIndices<'a>,
    /// Inside a string literal (after the last character given).
    pub(super) quoted: bool,
    escaped: bool,
}

/// See [`CodeChars`].
pub(super) fn code_chars(text: &str) -> CodeChars<'_> {
    CodeChars {
        chars: text.char_indices(),
        quoted: false,
        escaped: false,
    }
}

impl Iterator for CodeChars<'_> {
    type Item = (usize, char, bool);

    fn next(&mut self) -> Option<Self::Item> {
        let (i, ch) = self.chars.next()?;
        if self.quoted {
            match ch {
                _ if self.escaped => self.escaped = false,
                '\\' => self.escaped = true,
                '"' => self.quoted = false,
                _ => {}
            }
            return Some((i, ch, true));
        }
        self.quoted = ch == '"';
        Some((i, ch, self.quoted))
    }
}

/// A call `.map(|x| if c { a } else { b })` whose `if` is too wide for one
/// line: the `if` laid out on five, opened on the call's line and closed
/// with it, as rustfmt lays a closure's `if` out.
pub(super) fn closure_if_lines(call: &str) -> Option<Vec<String>> {
    let bar = call.find("| if ")?;
    let (open, body) = call.split_at(bar + 2);
    if !open.starts_with('.') || !open.contains("(|") {
        return None;
    }
    let mut lines = if_else_lines(body.strip_suffix(')')?)?;
    lines[0] = format!("{open}{}", lines[0]);
    lines.last_mut()?.push(')');
    Some(lines)
}

/// `head(|x| if c { a } else { b })` as a statement's value, its `if` too
/// wide for one line: the closure's body a block, as rustfmt writes it.
pub(super) fn closure_block_lines(text: &str) -> Option<Vec<String>> {
    let bar = text.find("| if ")?;
    let (open, body) = text.split_at(bar + 2);
    if !open.contains("(|") {
        return None;
    }
    let lines = if_else_lines(body.strip_suffix(')')?)?;
    let mut out = vec![format!("{open}{{")];
    out.extend(lines.into_iter().map(|l| format!("    {l}")));
    out.push("})".into());
    Some(out)
}

/// The arguments of a call's text `name(a, b(c, d), "e, f")`, split at the
/// commas outside brackets and strings.
pub(super) fn split_args(inner: &str) -> Vec<String> {
    let (mut out, mut cur, mut depth) = (Vec::new(), String::new(), 0i32);
    for (_, ch, quoted) in code_chars(inner) {
        if !quoted {
            match ch {
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' => depth -= 1,
                ',' if depth == 0 => {
                    out.push(std::mem::take(&mut cur).trim().to_string());
                    continue;
                }
                _ => {}
            }
        }
        cur.push(ch);
    }
    if !cur.trim().is_empty() {
        out.push(cur.trim().to_string());
    }
    out
}

impl Renderer<'_> {
    /// `{head}{call}{tail}` with `call` (`name(args)`) wrapped as rustfmt
    /// does when it is wider than [`CALL_WIDTH`]: `head` is what opens
    /// around it (`let t = tokio::spawn(`) and `tail` what closes (`);`).
    pub(super) fn wrapped_call(&mut self, head: &str, call: &str, tail: &str) {
        let open = call.find('(');
        let simple = !call.contains("=>") && !call.contains('|') && !call.contains('\n');
        match open {
            Some(i) if call.len() > CALL_WIDTH && call.ends_with(')') && simple => {
                let args = split_args(&call[i + 1..call.len() - 1]);
                self.line(format!("{head}{}", &call[..=i]));
                self.indent += 1;
                for a in args {
                    self.arg_lines(&a, ",");
                }
                self.indent -= 1;
                self.line(format!("){tail}"));
            }
            _ => self.line(format!("{head}{call}{tail}")),
        }
    }

    /// One argument of a call broken one argument a line, then `comma`: an
    /// `if ... else ...` too wide for a line is laid out on five.
    pub(super) fn arg_lines(&mut self, arg: &str, comma: &str) {
        if let Some(lines) = super::spec_forms::replaced_format_lines(arg, self.indent, comma) {
            lines.iter().for_each(|l| self.line(l));
            return;
        }
        // An `if ... else ...` is no method chain, whatever calls it holds.
        if !arg.starts_with("if ") && self.chain_arg_lines(arg, comma) {
            return;
        }
        match if_else_lines(arg) {
            Some(lines) => {
                let last = lines.len() - 1;
                for (i, l) in lines.into_iter().enumerate() {
                    let end = if i == last { comma } else { "" };
                    self.line(format!("{l}{end}"));
                }
            }
            None => self.line(format!("{arg}{comma}")),
        }
    }
}

/// `text` as `// ` comment lines of at most `width` characters.
pub(super) fn wrap_comment(text: &str, width: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut line = String::from("//");
    for word in text.split_whitespace() {
        if line.len() + 1 + word.len() > width && line.len() > 2 {
            out.push(std::mem::replace(&mut line, String::from("//")));
        }
        line.push(' ');
        line.push_str(word);
    }
    if line.len() > 2 {
        out.push(line);
    }
    out
}

impl Renderer<'_> {
    /// A macro call that rustfmt would wrap at 100 columns: its arguments
    /// one per line, with no trailing comma.
    pub(super) fn macro_line(&mut self, head: &str, args: &[String], tail: &str) {
        let inner = args.join(", ");
        let one = format!("{}{head}{inner}{tail}", "    ".repeat(self.indent));
        if one.len() <= 100 && (inner.len() <= 60 || args.len() == 1) {
            self.lines.push(one);
            return;
        }
        self.line(head);
        self.indent += 1;
        for (i, a) in args.iter().enumerate() {
            let comma = if i + 1 < args.len() { "," } else { "" };
            match super::mixed_keys::macro_map_lines(a, self.indent, comma) {
                Some(lines) => lines.iter().for_each(|l| self.line(l)),
                None => self.arg_lines(a, comma),
            }
        }
        self.indent -= 1;
        self.line(tail);
    }

    /// `head` + a method chain + `tail`, one call per line when rustfmt
    /// would break it (longer than 60 columns or the line longer than 100).
    pub(super) fn chain_line(&mut self, head: &str, base: &str, calls: &[String], tail: &str) {
        let (base, mut first) = split_chain(base);
        first.extend(calls.iter().cloned());
        let calls = first;
        let base = base.as_str();
        let chain = format!("{base}{}", calls.concat());
        let one = format!("{}{head}{chain}{tail}", "    ".repeat(self.indent));
        if one.len() <= 100 && chain.len() <= 60 {
            self.lines.push(one);
            return;
        }
        // An array root too wide for a line: one item a line, the calls
        // after its `]` at the statement's indent; so too a root of nested
        // calls whose arguments are too wide, after its `)`.
        let array = super::long_lines::array_lines(head, base)
            .or_else(|| super::nested_call::nested_lines(head, base, 0));
        let shift = usize::from(array.is_none());
        // rustfmt keeps the first call after a root no wider than an indent
        // (`pool.spawn(...)`) that begins the statement, where the two fit
        // the line.
        let joined = array.is_none()
            && base.len() <= 4
            && head.is_empty()
            && calls.len() > 1
            && calls
                .first()
                .is_some_and(|c| 4 * self.indent + head.len() + base.len() + c.len() <= 100);
        match array {
            Some(lines) => lines.iter().for_each(|l| self.line(l)),
            None if joined => self.line(format!("{head}{base}{}", calls[0])),
            None => self.line(format!("{head}{base}")),
        }
        self.indent += shift;
        let n = calls.len();
        for (i, c) in calls.iter().enumerate().skip(usize::from(joined)) {
            let end = if i + 1 == n { tail } else { "" };
            if !self.closure_call_lines(c, end) {
                self.line(format!("{c}{end}"));
            }
        }
        self.indent -= shift;
    }
}
