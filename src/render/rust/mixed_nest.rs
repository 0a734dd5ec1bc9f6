//! Lists beside numbers, strings or booleans, at any depth, as
//! `[1, [2, [3]], "a"]` or `{"a": 1, "b": [10, 20]}`: each value is the
//! listing's `PyValue`, a list one `PyValue::List` of `PyValue`s, which
//! prints its items' `repr` as Python does. A list written there must be
//! a display (`[...]`): a list kept in a variable has a type of its own,
//! and is refused at its place.

use super::Renderer;
use super::code::Code;
use super::expr_walk::each_function_expr;
use super::types::{Ty, Types};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::Demo;
use crate::render::plan::ir::expr::{Builtin, Expr, ExprKind};

/// Whether a value of type `t` can be a `PyValue`: a number, string or
/// boolean, or a list of such at any depth.
fn nests(t: &Ty) -> bool {
    match t {
        Ty::Int | Ty::Float | Ty::Bool | Ty::Str | Ty::Unit | Ty::Mixed | Ty::Unknown => true,
        Ty::List(item) => nests(item),
        _ => false,
    }
}

/// [`Ty::Mixed`] for values of types `tys` where a list stands beside a
/// number, string or boolean; `None` otherwise.
pub(super) fn nested_ty(tys: &[Ty]) -> Option<Ty> {
    let known: Vec<&Ty> = tys.iter().filter(|t| **t != Ty::Unknown).collect();
    let lists = known.iter().any(|t| matches!(t, Ty::List(_)));
    let scalars = known.iter().any(|t| !matches!(t, Ty::List(_)));
    (lists && scalars && known.iter().all(|t| nests(t))).then_some(Ty::Mixed)
}

/// The `PyValue` helpers, for the helpers they call in turn (`float_repr`,
/// and `Repr` where it builds a `PyValue::List`, whose items print
/// through it).
pub(super) fn repr_lines(lines: &[String]) -> Vec<String> {
    let lists =
        (lines.iter()).any(|l| l.contains("PyValue::List(") || l.contains("PyValue::Tuple("));
    super::mixed::helpers(lines, lists)
}

/// The values a list display or a dict display holds: its items, or the
/// values of its pairs.
pub(super) fn display_values(e: &Expr) -> Option<Vec<&Expr>> {
    match &e.kind {
        ExprKind::List(items) => Some(items.iter().collect()),
        ExprKind::Call(Builtin::Dict, items) => Some(
            items
                .iter()
                .filter_map(|kv| match &kv.kind {
                    ExprKind::Tuple(pair) if pair.len() == 2 => Some(&pair[1]),
                    _ => None,
                })
                .collect(),
        ),
        _ => None,
    }
}

/// The items of `e` when it is a list display.
pub(super) fn display_items(e: &Expr) -> Option<&[Expr]> {
    match &e.kind {
        ExprKind::List(items) => Some(items),
        _ => None,
    }
}

impl Renderer<'_> {
    /// The items of a list display as `PyValue`s, separated by commas.
    pub(super) fn mixed_items(&mut self, items: &[Expr]) -> String {
        let items: Vec<String> = items.iter().map(|i| self.mixed_item(i)).collect();
        items.join(", ")
    }

    /// `e` as a `PyValue`: a list display `PyValue::List(vec![...])` of its
    /// items as `PyValue`s, any other value its type's variant.
    pub(super) fn mixed_item(&mut self, e: &Expr) -> String {
        match &e.kind {
            ExprKind::List(items) => {
                let items: Vec<String> = items.iter().map(|i| self.mixed_item(i)).collect();
                format!("PyValue::List(vec![{}])", items.join(", "))
            }
            _ => {
                let c = self.expr(e);
                super::mixed::py_value(&c)
            }
        }
    }

    /// A list display holding lists beside other values: a `Vec` of
    /// `PyValue`s; `None` for another list.
    pub(super) fn nested_list(&mut self, e: &Expr) -> Option<Code> {
        let ExprKind::List(items) = &e.kind else {
            return None;
        };
        let holds_list = items.iter().any(|i| matches!(i.kind, ExprKind::List(_)));
        if !holds_list || self.types.expr_ty(&self.func, e) != Ty::List(Box::new(Ty::Mixed)) {
            return None;
        }
        let items: Vec<String> = items.iter().map(|i| self.mixed_item(i)).collect();
        let mut c = Code::new(
            format!("vec![{}]", items.join(", ")),
            Ty::List(Box::new(Ty::Mixed)),
            10,
        );
        c.fresh = true;
        Some(c)
    }
}

/// Every list that is no display, held beside other values in a list or
/// dict of `PyValue`s.
pub(super) fn kept_lists(demo: &Demo, types: &Types) -> Vec<Untranslatable> {
    let mut out = Vec::new();
    each_function_expr(demo, &mut |f, e| {
        let Some(values) = super::mixed_nest::display_values(e) else {
            return;
        };
        let mixed = match types.expr_ty(&f.name, e) {
            Ty::List(t) | Ty::Dict(_, t) => *t == Ty::Mixed,
            _ => false,
        };
        if mixed {
            values
                .iter()
                .for_each(|v| kept(types, &f.name, v, &mut out));
        }
    });
    out
}

/// [`kept_lists`] of one value `v` of a `PyValue` container.
fn kept(types: &Types, f: &str, v: &Expr, out: &mut Vec<Untranslatable>) {
    match &v.kind {
        ExprKind::List(items) => items.iter().for_each(|i| kept(types, f, i, out)),
        _ if matches!(types.expr_ty(f, v), Ty::List(_)) => out.push(Untranslatable {
            span: v.span.clone(),
            construct: "a list held beside values of other types".into(),
            reason: "the Rust listing holds values of several types as one enum, `PyValue`, \
                     whose list variant it builds from a list display `[...]`; a list made \
                     elsewhere has a Rust type of its own: write its items here"
                .into(),
        }),
        _ => {}
    }
}

/// rustfmt's widths: a line, and a call's arguments or a tuple's items.
const MAX_WIDTH: usize = 100;
const CALL_WIDTH: usize = 60;

/// A line `line` (written after `pad` columns) holding a `PyValue` list
/// as an item (`PyValue::List(vec![...]),`) or as the value of a pair
/// (`(key, PyValue::List(vec![...])),`), laid out as rustfmt lays it out
/// when too wide: one item a line. Any other line as it is.
pub(super) fn laid_out(line: &str, pad: usize) -> Vec<String> {
    let text = line.trim_start();
    let indent = line.len() - text.len();
    let Some(body) = text.strip_suffix(',') else {
        return vec![line.to_string()];
    };
    if body.starts_with(LIST) {
        return value_lines(body, pad, indent, ",");
    }
    let pair = body
        .strip_prefix('(')
        .and_then(|b| b.strip_suffix(')'))
        .map(super::wrap::split_args);
    match pair.as_deref() {
        Some([k, v]) if v.starts_with(LIST) => {
            let inner = format!("{k}, {v}");
            let width = pad + indent + inner.chars().count() + 3;
            if width <= MAX_WIDTH && inner.chars().count() <= CALL_WIDTH {
                return vec![line.to_string()];
            }
            let at = " ".repeat(indent);
            let mut out = vec![format!("{at}(")];
            out.push(format!("{at}    {k},"));
            out.extend(value_lines(v, pad, indent + 4, ","));
            out.push(format!("{at}),"));
            out
        }
        _ => vec![line.to_string()],
    }
}

/// How a `PyValue` list's text opens.
const LIST: &str = "PyValue::List(vec![";

/// A value's text `value` at `indent` columns (after `pad`), followed by
/// `tail`: on one line where it fits, else a `PyValue` list one item a
/// line.
fn value_lines(value: &str, pad: usize, indent: usize, tail: &str) -> Vec<String> {
    let at = " ".repeat(indent);
    let one = format!("{at}{value}{tail}");
    let items = value.strip_prefix(LIST).and_then(|v| v.strip_suffix("])"));
    let Some(items) = items else {
        return vec![one];
    };
    // The call's one argument is `vec![...]`.
    let arg = items.chars().count() + "vec![]".len();
    if pad + one.chars().count() <= MAX_WIDTH && arg <= CALL_WIDTH {
        return vec![one];
    }
    let mut out = vec![format!("{at}{LIST}")];
    for item in super::wrap::split_args(items) {
        out.extend(value_lines(&item, pad, indent + 4, ","));
    }
    out.push(format!("{at}]){tail}"));
    out
}
