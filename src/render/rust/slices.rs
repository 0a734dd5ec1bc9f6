//! A slice of a list or a string ([`Builtin::Slice`]): its items skipped,
//! taken or reversed, and collected again (`xs.iter().skip(2).take(3)`),
//! so that bounds past the end clamp as Python's do.

use super::Renderer;
use super::code::Code;
use super::types::Ty;
use crate::render::plan::ir::expr::{Expr, ExprKind};
use crate::render::plan::ir::value::Value;

/// A bound of the slice: an int, or `None` where it is left out.
fn bound(e: &Expr) -> Option<i64> {
    match e.kind {
        ExprKind::Lit(Value::Int(n)) => Some(n),
        _ => None,
    }
}

impl Renderer<'_> {
    /// `xs[a:b]`, `xs[-n:]`, `xs[:-n]` or `xs[::-1]` (see [`Builtin::Slice`]).
    pub(super) fn slice(&mut self, args: &[Expr]) -> Code {
        let [obj, start, stop, step] = args else {
            unreachable!("an object and three bounds")
        };
        let c = self.expr(obj);
        let text = c.wrap(10);
        if let Ty::Tuple(items) = &c.ty {
            let picked = picked(items.len(), bound(start), bound(stop), bound(step));
            let fields: Vec<String> = picked.iter().map(|i| format!("{text}.{i}")).collect();
            let tys = picked.iter().map(|i| items[*i].clone()).collect();
            let text = match fields.as_slice() {
                [one] => format!("({one},)"),
                _ => format!("({})", fields.join(", ")),
            };
            return Code::new(text, Ty::Tuple(tys), 10);
        }
        let is_str = c.ty == Ty::Str;
        let (mut out, len, collect) = if is_str {
            (
                format!("{text}.chars()"),
                format!("{text}.chars().count()"),
                ".collect::<String>()",
            )
        } else if c.ty.elem().is_copy() {
            (
                format!("{text}.iter().copied()"),
                format!("{text}.len()"),
                ".collect::<Vec<_>>()",
            )
        } else {
            (
                format!("{text}.iter().cloned()"),
                format!("{text}.len()"),
                ".collect::<Vec<_>>()",
            )
        };
        match (bound(start), bound(stop), bound(step)) {
            (None, None, Some(-1)) => out.push_str(".rev()"),
            (None, None, Some(k)) if k < 0 => out.push_str(&format!(".rev().step_by({})", -k)),
            (Some(n), None, None) if n < 0 => {
                out.push_str(&format!(".skip({len}.saturating_sub({}))", -n))
            }
            (None, Some(n), None) if n < 0 => {
                out.push_str(&format!(".take({len}.saturating_sub({}))", -n))
            }
            (a, b, k) => {
                let a = a.unwrap_or(0);
                if a > 0 {
                    out.push_str(&format!(".skip({a})"));
                }
                if let Some(b) = b {
                    out.push_str(&format!(".take({})", (b - a).max(0)));
                }
                if let Some(k @ 2..) = k {
                    out.push_str(&format!(".step_by({k})"));
                }
            }
        }
        out.push_str(collect);
        let mut code = Code::new(out, c.ty.clone(), 10);
        code.fresh = true;
        code
    }
}

/// The indices a slice of these bounds picks from `n` items, as Python's
/// `slice.indices` gives them.
fn picked(n: usize, start: Option<i64>, stop: Option<i64>, step: Option<i64>) -> Vec<usize> {
    let n = n as i64;
    let step = step.unwrap_or(1);
    let (low, high) = if step > 0 { (0, n) } else { (-1, n - 1) };
    let at = |b: Option<i64>, default: i64| match b {
        None => default,
        Some(b) if b < 0 => (b + n).max(low),
        Some(b) => b.min(high),
    };
    let (mut i, end) = if step > 0 {
        (at(start, 0), at(stop, n))
    } else {
        (at(start, n - 1), at(stop, -1))
    };
    let mut out = Vec::new();
    while (step > 0 && i < end) || (step < 0 && i > end) {
        out.push(i as usize);
        i += step;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::picked;

    #[test]
    fn a_tuples_slice_picks_what_python_picks() {
        assert_eq!(picked(5, Some(1), Some(3), None), [1, 2]);
        assert_eq!(picked(5, Some(-2), None, None), [3, 4]);
        assert_eq!(picked(5, None, None, Some(-2)), [4, 2, 0]);
        assert_eq!(picked(5, Some(10), None, None), Vec::<usize>::new());
        assert_eq!(picked(5, None, Some(-3), None), [0, 1]);
    }
}
