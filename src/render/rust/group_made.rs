//! `raise ExceptionGroup("message", [...])` of a group made by hand (see
//! `plan::group_made`): `Err(Error::ExceptionGroup("message", vec![...]))`,
//! laid out as rustfmt lays it out when it is too wide for one line (the
//! group's arguments one a line, its list one item a line).

use super::Renderer;
use super::wrap::{ARRAY_WIDTH, CALL_WIDTH};
use crate::render::plan::ir::expr::{Expr, ExprKind};

/// rustfmt's `max_width`.
const MAX_WIDTH: usize = 100;

/// One exception of a group: a call of one argument, or a group.
enum Item {
    Call(String, String),
    Group(String, Vec<Item>),
}

impl Item {
    /// The item on one line.
    fn flat(&self) -> String {
        match self {
            Item::Call(callee, arg) => format!("{callee}({arg})"),
            Item::Group(message, items) => {
                format!("Error::ExceptionGroup({message:?}, vec![{}])", list(items))
            }
        }
    }

    /// The lines of `{head}{item}{tail}` at `col` columns, as rustfmt
    /// writes them (each line's indent relative to `col`).
    fn lines(&self, head: &str, tail: &str, col: usize) -> Vec<String> {
        let flat = self.flat();
        // An enclosing call or list (`Err(...)`, `vec![...]`) of the item alone.
        let enclosed = head.ends_with(['(', '[']);
        let fits = col + head.len() + flat.len() + tail.len() <= MAX_WIDTH
            && (!enclosed || flat.len() <= CALL_WIDTH);
        let (message, items) = match self {
            Item::Call(_, arg) if fits && arg.len() <= CALL_WIDTH => {
                return vec![format!("{head}{flat}{tail}")];
            }
            Item::Call(callee, arg) => {
                return vec![
                    format!("{head}{callee}("),
                    format!("    {arg},"),
                    format!("){tail}"),
                ];
            }
            Item::Group(message, items) => (message, items),
        };
        let inner = list(items);
        let args = format!("{message:?}, vec![{inner}]");
        if fits && args.len() <= CALL_WIDTH && inner.len() <= ARRAY_WIDTH {
            return vec![format!("{head}{flat}{tail}")];
        }
        let mut out = vec![format!("{head}Error::ExceptionGroup(")];
        out.push(format!("    {message:?},"));
        let one = format!("vec![{inner}],");
        let indented = |lines: Vec<String>, by: &str| -> Vec<String> {
            lines.into_iter().map(|l| format!("{by}{l}")).collect()
        };
        match items.as_slice() {
            _ if col + 4 + one.len() <= MAX_WIDTH && inner.len() <= ARRAY_WIDTH => {
                out.push(format!("    {one}"));
            }
            // One item too wide goes on the list's line, broken itself.
            [item] => out.extend(indented(item.lines("vec![", "],", col + 4), "    ")),
            _ => {
                out.push("    vec![".into());
                for item in items {
                    out.extend(indented(item.lines("", ",", col + 8), "        "));
                }
                out.push("    ],".into());
            }
        }
        out.push(format!("){tail}"));
        out
    }
}

/// The items of a group's list on one line.
fn list(items: &[Item]) -> String {
    let texts: Vec<String> = items.iter().map(Item::flat).collect();
    texts.join(", ")
}

impl Renderer<'_> {
    /// The group made by hand that `e` is, its items written; `None` for
    /// another expression.
    fn made_group(&mut self, e: &Expr) -> Option<Item> {
        let ExprKind::Exception(class, Some(m)) = &e.kind else {
            return None;
        };
        let (message, items) = super::raise::group_parts(class, m)?;
        let items = items
            .iter()
            .map(|i| match self.made_group(i) {
                Some(group) => group,
                None => {
                    let text = self.expr(i).text;
                    // `Error::ValueError("x".to_string())`: its class and argument.
                    match text.split_once('(') {
                        Some((callee, arg)) if arg.ends_with(')') => {
                            Item::Call(callee.to_string(), arg[..arg.len() - 1].to_string())
                        }
                        _ => Item::Call(text, String::new()),
                    }
                }
            })
            .collect();
        Some(Item::Group(message.to_string(), items))
    }

    /// `raise` of a group made by hand: its `Err` returned (the function's
    /// tail when `tail`), laid out as rustfmt does; false (nothing
    /// written) for another value.
    pub(super) fn raise_made_group(&mut self, e: &Expr, tail: bool) -> bool {
        let Some(group) = self.made_group(e) else {
            return false;
        };
        for g in self.guards.clone().iter().rev() {
            self.disarm(g);
        }
        let (head, end) = if tail {
            ("Err(", ")")
        } else {
            ("return Err(", ");")
        };
        for line in group.lines(head, end, 4 * self.indent) {
            self.line(line);
        }
        true
    }
}
