//! A starred argument `f(*args)` of one of the program's definitions: a
//! local tuple spread over the parameters left, passed as its items
//! `args.0, args.1, ...` since a Rust function takes its arguments written
//! out.

use super::stmt::local_name;
use crate::program::{self as py, Arg, ExprKind as E, Literal};

/// `args` with a last `*name` replaced by `name[0], name[1], ...`, one per
/// parameter of the `params` not given before it; `None` when there is no
/// such argument to spread.
pub(super) fn spread(args: &[Arg], params: usize) -> Option<Vec<Arg>> {
    let (Arg::Star(tuple), before) = args.split_last()? else {
        return None;
    };
    local_name(tuple)?;
    if !before.iter().all(|a| matches!(a, Arg::Positional(_))) || before.len() >= params {
        return None;
    }
    let items = (before.len()..params).map(|k| {
        let index = py::Expr {
            kind: E::Literal(Literal::Int((k - before.len()) as i64)),
            span: tuple.span.clone(),
            suspends: false,
        };
        Arg::Positional(py::Expr {
            kind: E::Subscript(Box::new(tuple.clone()), Box::new(index)),
            span: tuple.span.clone(),
            suspends: false,
        })
    });
    Some(before.iter().cloned().chain(items).collect())
}
