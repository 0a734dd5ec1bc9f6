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
    /// `xs[a:b:k]`, each bound literal (see [`Builtin::Slice`]).
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
        let (start, stop, step) = (bound(start), bound(stop), bound(step));
        let nonneg = |b: Option<i64>| b.is_none_or(|b| b >= 0);
        match (start, stop, step) {
            (None, None, Some(-1)) => out.push_str(".rev()"),
            (None, None, Some(k)) if k < 0 => {
                out.push_str(&format!(".rev().step_by({})", k.unsigned_abs()))
            }
            (Some(n), None, None) if n < 0 => out.push_str(&format!(
                ".skip({len}.saturating_sub({}))",
                n.unsigned_abs()
            )),
            (None, Some(n), None) if n < 0 => out.push_str(&format!(
                ".take({len}.saturating_sub({}))",
                n.unsigned_abs()
            )),
            (a, b, k) if nonneg(a) && nonneg(b) && k.is_none_or(|k| k > 0) => {
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
            (a, b, Some(k)) if k < 0 => {
                // From the item at `a` down to the one after `b`: the items
                // up to `a` taken, those up to `b` skipped, then reversed.
                if let Some(end) = a.and_then(|a| past(a, &len)) {
                    out.push_str(&format!(".take({end})"));
                }
                if let Some(b) = b {
                    let first = past(b, &len).unwrap_or(len.clone());
                    out.push_str(&format!(".skip({first})"));
                }
                if is_str {
                    // `Chars` runs backwards only once collected.
                    out.push_str(".collect::<Vec<_>>().into_iter()");
                }
                out.push_str(".rev()");
                if k < -1 {
                    out.push_str(&format!(".step_by({})", k.unsigned_abs()));
                }
            }
            (a, b, k) => {
                // A bound counting from the end: the items up to `b` taken,
                // then those before `a` skipped.
                let at = |n: i64| match n {
                    ..0 => format!("{len}.saturating_sub({})", n.unsigned_abs()),
                    n => n.to_string(),
                };
                if let Some(b) = b {
                    out.push_str(&format!(".take({})", at(b)));
                }
                if let Some(a) = a.filter(|a| *a != 0) {
                    out.push_str(&format!(".skip({})", at(a)));
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

/// How many items come up to and with index `n` (from the end when
/// negative) of `len` items; `None` for all of them (`n` is `-1`).
fn past(n: i64, len: &str) -> Option<String> {
    match n {
        -1 => None,
        ..-1 => Some(format!("{len}.saturating_sub({})", n.unsigned_abs() - 1)),
        n => Some(n.saturating_add(1).to_string()),
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
