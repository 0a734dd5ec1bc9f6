//! The module's lookup dicts (`plan::lookup_dicts`): a dict of literals
//! that the program only reads, a `static` built on its first read
//! (`LazyLock`), which every function reads in place.

use super::Renderer;
use super::statics::STATICS;
use super::types::Ty;
use super::wrap::{ARRAY_WIDTH, CALL_WIDTH, split_args};
use crate::render::plan::ir::expr::{Builtin, Expr, ExprKind};

impl Renderer<'_> {
    /// `static NAME: LazyLock<IndexMap<K, V>> = LazyLock::new(|| ...);`.
    pub(super) fn lookup_dict(&mut self, name: &str, ty: &Ty, value: &Expr) {
        self.use_("std::sync", "LazyLock");
        let made = self.expr(value).text;
        let head = format!("static {name}: LazyLock<{}> =", ty.rust());
        for l in static_lines(&head, &made) {
            self.line(l);
        }
    }

    /// Whether the shared variable `name` is a lookup dict.
    pub(super) fn is_lookup_dict(&self, name: &str) -> bool {
        self.demo
            .statics
            .iter()
            .any(|(n, v)| n == name && matches!(&v.kind, ExprKind::Call(Builtin::Dict, _)))
            && matches!(self.types.var(STATICS, name), Ty::Dict(..))
    }
}

/// rustfmt's `max_width`.
const MAX_WIDTH: usize = 100;

/// `{head} LazyLock::new(|| {made});` as rustfmt lays it out: on one line,
/// broken after `=`, or with the map one pair a line in the closure's
/// block (a pair too wide one part a line, a list too wide one item a
/// line).
fn static_lines(head: &str, made: &str) -> Vec<String> {
    let call = format!("LazyLock::new(|| {made});");
    let inner = made
        .strip_prefix("IndexMap::from([")
        .and_then(|r| r.strip_suffix("])"));
    let narrow = inner.is_none_or(|i| i.len() <= ARRAY_WIDTH);
    if head.len() + 1 + call.len() <= MAX_WIDTH && narrow {
        return vec![format!("{head} {call}")];
    }
    if 4 + call.len() <= MAX_WIDTH && narrow {
        return vec![head.to_string(), format!("    {call}")];
    }
    let pairs = inner.map(split_args).unwrap_or_default();
    if pairs.len() < 2 {
        return vec![format!("{head} {call}")];
    }
    let mut lines = vec![
        format!("{head} LazyLock::new(|| {{"),
        "    IndexMap::from([".to_string(),
    ];
    for p in pairs {
        lines.extend(pair_lines(&p, 2));
    }
    lines.extend(["    ])".to_string(), "});".to_string()]);
    lines
}

/// One `(key, value),` of the map at `indent` levels.
fn pair_lines(pair: &str, indent: usize) -> Vec<String> {
    let pad = "    ".repeat(indent);
    let inner = pair.strip_prefix('(').and_then(|p| p.strip_suffix(')'));
    match inner {
        Some(inner) if 4 * indent + pair.len() + 1 > MAX_WIDTH || inner.len() > CALL_WIDTH => {
            let mut lines = vec![format!("{pad}(")];
            for part in split_args(inner) {
                lines.extend(item_lines(&part, indent + 1));
            }
            lines.push(format!("{pad}),"));
            lines
        }
        _ => vec![format!("{pad}{pair},")],
    }
}

/// One part of a pair, `part,`, a list too wide one item a line.
fn item_lines(part: &str, indent: usize) -> Vec<String> {
    let pad = "    ".repeat(indent);
    if let Some(inner) = part.strip_prefix("vec![").and_then(|p| p.strip_suffix(']'))
        && (4 * indent + part.len() + 1 > MAX_WIDTH || inner.len() > ARRAY_WIDTH)
    {
        let mut lines = vec![format!("{pad}vec![")];
        lines.extend(split_args(inner).iter().map(|i| format!("{pad}    {i},")));
        lines.push(format!("{pad}],"));
        return lines;
    }
    vec![format!("{pad}{part},")]
}
