//! A plain function whose one statement calls itself, as
//! `def deep(n): return deep(n + 1)`: it never returns, and Python stops
//! it at its recursion limit with a `RecursionError`, where Rust's stack
//! would overflow and abort the process. The listing counts the calls in
//! a `depth` parameter (the first call passes 1, each call of itself one
//! more) and raises Python's `RecursionError` past the limit, which an
//! `except RecursionError` (or `RuntimeError`) then catches as an `Err`.
//!
//! The function does nothing but call itself with arguments that call
//! nothing, so nothing shows how deep the calls went: only the exception,
//! whose message Python does not vary. Every other call of it must be a
//! call statement (`deep(0)`, `x = deep(0)`), which gets the first depth;
//! else the function is left as it is.

use super::ir::ast::{Block, Call, Demo, Function, FunctionKind, Stmt, StmtKind};
use super::ir::expr::{BinaryOp, Expr, ExprKind};
use super::ir::value::Value;

/// Python's default recursion limit (`sys.getrecursionlimit()`).
const LIMIT: i64 = 1000;

/// The parameter that counts the calls.
const DEPTH: &str = "depth";

/// Python's message for a recursion past its limit.
const MESSAGE: &str = "maximum recursion depth exceeded";

/// Gives each function of `demo` that only calls itself its `depth`
/// parameter and the `RecursionError` past the limit.
pub(super) fn bound(demo: &mut Demo) {
    let endless: Vec<String> = demo
        .functions
        .iter()
        .filter(|f| self_call(f).is_some() && others_call_as_statements(demo, &f.name))
        .map(|f| f.name.clone())
        .collect();
    for name in &endless {
        for f in &mut demo.functions {
            if &f.name == name {
                count_depth(f);
            } else {
                for block in [&mut f.body, &mut f.exit] {
                    first_depth(block, name);
                }
            }
        }
    }
}

/// The call of itself that is `f`'s one statement (`return f(...)` or
/// `f(...)`), where `f` is a plain function whose arguments call nothing
/// and that has no parameter named as the counter.
fn self_call(f: &Function) -> Option<&Call> {
    if f.kind != FunctionKind::Blocking || f.params.iter().any(|p| p == DEPTH) {
        return None;
    }
    let [s] = f.body.as_slice() else {
        return None;
    };
    let call = match &s.kind {
        StmtKind::Return(Some(Expr {
            kind: ExprKind::Await(call),
            ..
        }))
        | StmtKind::CallFn { call, into: None } => call,
        _ => return None,
    };
    (call.name == f.name && call.args.len() == f.params.len() && call.args.iter().all(plain))
        .then_some(call)
}

/// Whether `e` only reads variables and literals (no call, no await).
fn plain(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Lit(_) | ExprKind::Var(_) => true,
        ExprKind::Unary(_, x) => plain(x),
        ExprKind::Binary(_, a, b) => plain(a) && plain(b),
        _ => false,
    }
}

/// Whether every call of `name` outside it is a call statement
/// ([`StmtKind::CallFn`]), the one place [`first_depth`] passes the depth.
fn others_call_as_statements(demo: &Demo, name: &str) -> bool {
    let mut ok = true;
    for f in demo.functions.iter().filter(|f| f.name != name) {
        f.walk(&mut |s| {
            ok &= match &s.kind {
                StmtKind::CallFn { call, .. } if call.name == name => !mentions(&call.args, name),
                kind => !mentions_stmt(kind, name),
            };
        });
    }
    ok
}

/// Whether a statement's own parts (its nested blocks aside) name `name`
/// anywhere, read from their `Debug` text: a call or a value, or a string
/// that happens to equal it, each of which leaves the function as it is.
fn mentions_stmt(kind: &StmtKind, name: &str) -> bool {
    let text = match kind {
        // Nested blocks are visited on their own.
        StmtKind::If { cond, .. } => format!("{cond:?}"),
        StmtKind::While { cond, .. } => format!("{cond:?}"),
        StmtKind::For { over, .. } => format!("{over:?}"),
        StmtKind::Catch { .. }
        | StmtKind::Try { .. }
        | StmtKind::Labeled { .. }
        | StmtKind::Soon(_)
        | StmtKind::Locked { .. } => String::new(),
        other => format!("{other:?}"),
    };
    text.contains(&format!("{name:?}"))
}

/// Whether an argument names `name`.
fn mentions(args: &[Expr], name: &str) -> bool {
    format!("{args:?}").contains(&format!("{name:?}"))
}

/// `f`'s body with the counter: `if depth > LIMIT: raise
/// RecursionError(...)`, then the call of itself one level deeper.
fn count_depth(f: &mut Function) {
    let Some(first) = f.body.first() else {
        return;
    };
    let (id, span) = (first.id, first.span.clone());
    let at = |kind: ExprKind| Expr {
        kind,
        span: span.clone(),
    };
    let depth = || at(ExprKind::Var(DEPTH.into()));
    let int = |n: i64| at(ExprKind::Lit(Value::Int(n)));
    let stmt = |kind: StmtKind| Stmt {
        id,
        span: span.clone(),
        kind,
    };
    let deeper = at(ExprKind::Binary(
        BinaryOp::Add,
        Box::new(depth()),
        Box::new(int(1)),
    ));
    if let Some(s) = f.body.first_mut() {
        match &mut s.kind {
            StmtKind::Return(Some(Expr {
                kind: ExprKind::Await(call),
                ..
            }))
            | StmtKind::CallFn { call, .. } => call.args.push(deeper),
            _ => return,
        }
    }
    f.params.push(DEPTH.into());
    let guard = [
        stmt(StmtKind::Note(format!(
            "Python raises `RecursionError` past its limit of {LIMIT} nested calls, where \
             Rust's stack would overflow: `{DEPTH}` counts them."
        ))),
        stmt(StmtKind::If {
            cond: at(ExprKind::Binary(
                BinaryOp::Gt,
                Box::new(depth()),
                Box::new(int(LIMIT)),
            )),
            then: vec![stmt(StmtKind::Raise {
                class: "RecursionError".into(),
                message: Some(at(ExprKind::Lit(Value::Str(MESSAGE.into())))),
            })],
            otherwise: Vec::new(),
        }),
    ];
    f.body.splice(0..0, guard);
}

/// Passes the first depth, 1, to each call statement of `name` in `block`.
fn first_depth(block: &mut Block, name: &str) {
    for s in block {
        if let StmtKind::CallFn { call, .. } = &mut s.kind
            && call.name == name
        {
            let span = call.span.clone();
            call.args.push(Expr {
                kind: ExprKind::Lit(Value::Int(1)),
                span,
            });
        }
        for inner in s.blocks_mut() {
            first_depth(inner, name);
        }
    }
}
