//! A plain generator whose making of items shows nothing, ends, and whose
//! every call is read where it is made, is the function returning the list
//! of its items: `yield v` appends `v` to it, `yield from xs` extends it by
//! `xs`, and `return` (or the body's end) gives it.
//!
//! Building the items at once is what Python shows when nothing can tell
//! when each one was made:
//! - the body prints nothing, awaits nothing, changes nothing but its own
//!   locals, and calls only built-ins and string methods that show nothing
//!   (or such generators, itself included);
//! - each of its loops ends: a `for` over what the listing can hold (a
//!   list, a range, a string), a `while n > k` that lowers `n` by a literal
//!   on each turn (or `while n < k` that raises it);
//! - each call is read where it is made, by a built-in that reads every
//!   item (`list`, `sum`, `sorted`, ...), by `yield from` in such a
//!   generator, or one by one (by `for`, a comprehension, `enumerate`,
//!   `zip`, `any`, `all`, or a function's parameter that only a `for` or a
//!   comprehension reads): one by one, the generator must also raise
//!   nothing, as an exception raised at a later item would come before what
//!   the reader does with the earlier ones (or not at all, where the reader
//!   stops first), and a `for` reading it may not change what the call was
//!   given.
//!
//! A reader that stops early (`break`, `any`) makes every item all the
//! same: the items are the same, only made sooner.
//!
//! A generator kept in a variable, printed, or read by `next` is used up by
//! its first reading, which a list is not: it stays refused.

use super::gen_quiet::Names;
use super::gen_reads::analyse;
use crate::program::visit_mut::block_mut;
use crate::program::{
    self as py, Arg, Code, ExprKind as E, Literal, Name, Program, Stmt, StmtKind as P, Target,
};
use std::collections::HashSet;
use std::sync::Arc;

/// The program with each module generator that qualifies written as the
/// function returning the list of its items; `None` when none does.
pub(super) fn as_lists(program: &Program) -> Option<Program> {
    let a = analyse(program)?;
    let taken: HashSet<&Arc<str>> = a
        .quiet
        .iter()
        .filter(|n| {
            let reads = a.reads.get(*n).map_or(&[][..], Vec::as_slice);
            a.named.get(*n).copied().unwrap_or(0) == reads.len()
                && reads
                    .iter()
                    .all(|r| !r.changes && (r.whole || !a.raises[*n]))
        })
        .collect();
    if taken.is_empty() {
        return None;
    }
    super::captures::with_module_defs(program, |code| {
        taken.contains(&code.name).then(|| listed(code))
    })
}

/// The module generators that a reader takes item by item although an
/// item can raise, or whose `for` changes what the call was given: their
/// items built at once would show otherwise than Python's, made one by one.
pub(super) fn read_unsafely(program: &Program) -> HashSet<Arc<str>> {
    let Some(a) = analyse(program) else {
        return HashSet::new();
    };
    a.reads
        .iter()
        .filter(|(n, reads)| {
            reads
                .iter()
                .any(|r| r.changes || (!r.whole && a.raises.get(*n) == Some(&true)))
        })
        .map(|(n, _)| n.clone())
        .collect()
}

/// `code` with its items gathered in a list it returns.
fn listed(code: &Code) -> Code {
    let mut taken: HashSet<Arc<str>> = code.locals.iter().chain(&code.cells).cloned().collect();
    block_mut(&mut code.body.clone(), &mut Names(&mut taken));
    taken.insert(code.name.clone());
    let name: Arc<str> = ["items", "out", "yielded", "values"]
        .into_iter()
        .find(|n| !taken.contains(*n))
        .unwrap_or("yielded_items")
        .into();
    let slot = code.locals.len() as u32;
    let acc = Name::Local(slot, name.clone());
    let mut body = code.body.clone();
    gather(&mut body, &acc);
    let first = body.first().map_or(0, |s| s.id);
    let last = body.last().map_or(first, |s| s.id);
    let at = |span: &py::Span| py::Expr {
        kind: E::Name(acc.clone()),
        span: span.clone(),
        suspends: false,
    };
    let init = Stmt {
        id: first,
        span: code
            .body
            .first()
            .map_or(code.span.clone(), |s| s.span.clone()),
        kind: P::Assign {
            targets: vec![Target::Name(acc.clone())],
            value: py::Expr {
                kind: E::List(Vec::new()),
                span: code.span.clone(),
                suspends: false,
            },
        },
    };
    body.insert(0, init);
    if !matches!(body.last().map(|s| &s.kind), Some(P::Return(_))) {
        let span = code
            .body
            .last()
            .map_or(code.span.clone(), |s| s.span.clone());
        body.push(Stmt {
            id: last,
            kind: P::Return(Some(at(&span))),
            span,
        });
    }
    let mut locals = code.locals.clone();
    locals.push(name);
    Code {
        is_generator: false,
        body,
        locals,
        ..code.clone()
    }
}

/// Writes each `yield v` of `block` as `acc.append(v)`, each `yield from xs`
/// as `acc.extend(xs)`, and each `return` as `return acc`.
fn gather(block: &mut [Stmt], acc: &Name) {
    for s in block {
        let span = s.span.clone();
        let name = py::Expr {
            kind: E::Name(acc.clone()),
            span: span.clone(),
            suspends: false,
        };
        let call = |method: &str, value: py::Expr| {
            P::Expr(py::Expr {
                kind: E::Call(
                    Box::new(py::Expr {
                        kind: E::Attr(Box::new(name.clone()), method.into()),
                        span: span.clone(),
                        suspends: false,
                    }),
                    vec![Arg::Positional(value)],
                ),
                span: span.clone(),
                suspends: false,
            })
        };
        match &mut s.kind {
            P::Expr(py::Expr {
                kind: E::Yield(v), ..
            }) => {
                let value = v.take().map_or_else(
                    || py::Expr {
                        kind: E::Literal(Literal::None),
                        span: span.clone(),
                        suspends: false,
                    },
                    |v| *v,
                );
                s.kind = call("append", value);
            }
            P::Expr(py::Expr {
                kind: E::YieldFrom(v),
                ..
            }) => {
                let value = (**v).clone();
                s.kind = call("extend", value);
            }
            P::Return(None) => s.kind = P::Return(Some(name)),
            P::If { body, orelse, .. }
            | P::While { body, orelse, .. }
            | P::For { body, orelse, .. } => {
                gather(body, acc);
                gather(orelse, acc);
            }
            _ => {}
        }
    }
}
