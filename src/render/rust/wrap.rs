//! Calls laid out as rustfmt lays them out when they are too wide for one
//! line: `tokio::spawn(f(` then one argument a line.

use super::Renderer;

/// rustfmt's `fn_call_width`: a call longer than this is broken.
const CALL_WIDTH: usize = 60;

/// The arguments of a call's text `name(a, b(c, d), "e, f")`, split at the
/// commas outside brackets and strings.
pub(super) fn split_args(inner: &str) -> Vec<String> {
    let (mut out, mut cur, mut depth, mut quoted, mut escaped) =
        (Vec::new(), String::new(), 0i32, false, false);
    for ch in inner.chars() {
        if quoted {
            cur.push(ch);
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
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => {
                out.push(std::mem::take(&mut cur).trim().to_string());
                continue;
            }
            _ => {}
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
                for a in args {
                    self.line(format!("    {a},"));
                }
                self.line(format!("){tail}"));
            }
            _ => self.line(format!("{head}{call}{tail}")),
        }
    }
}
