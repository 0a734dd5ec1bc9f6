//! `async with asyncio.timeout(delay) as cm:` — the `Timeout` object the
//! block binds, read as `cm.when()`, `cm.expired()` and `repr(cm)`. The
//! listing has no such object: each read is what Python gives at its
//! place. Inside the block the timeout is active and its deadline is the
//! loop's clock when the block began plus the delay (a variable set
//! there); in the `except TimeoutError:` around the block it has expired;
//! after a block that the deadline would have left by an exception it has
//! finished; after one whose `TimeoutError` a handler took, a `bool` kept
//! from the deadline's test says which. `type(e.__cause__).__name__` of
//! that `TimeoutError` is `CancelledError`, which asyncio raises it from.
//!
//! Where these answers are not known (the block in a loop or a branch,
//! `cm` bound otherwise too, read before its block, by a nested function
//! or as a value) the construct is refused at its place.

use super::scope::Scope;
use super::{Planner, Result, refuse};
use crate::program::{self as py, Arg, ExprKind as E, Literal, Name, StmtKind as P, Target};
use crate::render::plan::ir::expr::Expr;
use crate::render::plan::ir::expr::{BinaryOp, Builtin, ExprKind};
use crate::render::plan::ir::template::{Part, Template};
use crate::render::plan::ir::value::Value;

const TIMEOUT: &str = "the Rust listing has no `Timeout` object: it translates `cm.when()`, \
                       `cm.expired()` and `repr(cm)` of `async with asyncio.timeout(delay) as \
                       cm:` written at the top of its function, where each gives what Python \
                       gives at that place";

/// What the `Timeout` bound by `as cm` is at the statement being planned.
#[derive(Clone, Debug)]
pub(super) struct Cm {
    /// The variable holding its deadline on the loop's clock; `None` for
    /// `asyncio.timeout(None)`.
    pub(super) when: Option<String>,
    pub(super) state: CmState,
}

#[derive(Clone, Debug)]
pub(super) enum CmState {
    /// Inside its block.
    Active,
    /// In the `except TimeoutError:` around its block.
    Expired,
    /// After a block the deadline could only leave by an exception.
    Finished,
    /// After a block whose `TimeoutError` a handler took: the variable
    /// that is `true` where the deadline ended it.
    Kept(String),
}

impl Planner<'_> {
    /// The name `async with asyncio.timeout(delay) as name:` (the
    /// statement `s`) binds, after checking that every read of it can be
    /// answered; `None` without `as`.
    pub(super) fn timeout_target(&self, sc: &Scope, s: &py::Stmt) -> Result<Option<String>> {
        let P::With { item, .. } = &s.kind else {
            return Ok(None);
        };
        let Some(target) = &item.target else {
            return Ok(None);
        };
        let Target::Name(Name::Local(_, name)) = target else {
            return refuse(&item.context.span, "`asyncio.timeout(...) as`", TIMEOUT);
        };
        if sc.blocks != 1 || sc.depth > 0 || sc.module {
            return refuse(
                &item.context.span,
                "`asyncio.timeout(...) as` inside a block",
                TIMEOUT,
            );
        }
        if let Some(span) = self.other_binding(s, name) {
            return refuse(&span, format!("`{name}` bound again"), TIMEOUT);
        }
        Ok(Some(name.to_string()))
    }

    /// A statement of the function holding `s` that binds `name` otherwise
    /// than `async with asyncio.timeout(...) as name` at its top.
    fn other_binding(&self, s: &py::Stmt, name: &str) -> Option<py::Span> {
        let code = code_of(&self.program.module, s.id)?;
        let named = |t: &Target| target_names(t).iter().any(|n| n == name);
        let top: Vec<_> = code.body.iter().map(|st| st.id).collect();
        let mut found = None;
        py::walk(&code.body, &mut |st| {
            if found.is_some() {
                return;
            }
            let binds = match &st.kind {
                P::Assign { targets, .. } => targets.iter().any(named),
                P::AugAssign { target, .. } | P::For { target, .. } => named(target),
                P::Delete(targets) => targets.iter().any(named),
                P::With { item, .. } => {
                    item.target.as_ref().is_some_and(named)
                        && !(self.is_deadline(&item.context) && at_top(code, &top, st.id))
                }
                P::Try { handlers, .. } => handlers
                    .iter()
                    .any(|h| h.name.as_ref().is_some_and(|n| &**n.ident() == name)),
                P::Def { name: n, .. } | P::Class { name: n, .. } | P::Import { name: n, .. } => {
                    &**n.ident() == name
                }
                _ => false,
            };
            if binds {
                found = Some(st.span.clone());
            }
        });
        found
    }

    /// `cm.when()`, `cm.expired()`, `repr(cm)` of a timeout bound by `as
    /// cm`, and `type(e.__cause__).__name__` of the `TimeoutError` of its
    /// deadline; any other read of such a `cm` refused.
    pub(super) fn timeout_cm_expr(&self, sc: &Scope, e: &py::Expr) -> Result<Option<ExprKind>> {
        let cm_of = |x: &py::Expr| match &x.kind {
            E::Name(n @ (Name::Local(..) | Name::Cell(..))) => {
                let n = n.ident();
                if let Some(cm) = sc.timeouts.get(&**n) {
                    return Some(Ok(cm));
                }
                self.timeout_names()
                    .iter()
                    .any(|t| t == &**n)
                    .then_some(Err(()))
            }
            _ => None,
        };
        let is_builtin = |f: &py::Expr, name: &str| matches!(&f.kind, E::Name(Name::Global(g)) if &**g == name && !self.defs.contains_key(name));
        match &e.kind {
            E::Call(f, args) if args.is_empty() && matches!(&f.kind, E::Attr(..)) => {
                let E::Attr(obj, method) = &f.kind else {
                    unreachable!("matched above")
                };
                let Some(cm) = cm_of(obj) else {
                    return Ok(None);
                };
                let Ok(cm) = cm else {
                    return refuse(&e.span, "the timeout read before its block", TIMEOUT);
                };
                match &**method {
                    "when" => Ok(Some(when(cm))),
                    "expired" => Ok(Some(match &cm.state {
                        CmState::Active | CmState::Finished => ExprKind::Lit(Value::Bool(false)),
                        CmState::Expired => ExprKind::Lit(Value::Bool(true)),
                        CmState::Kept(v) => ExprKind::Var(v.clone()),
                    })),
                    _ => refuse(
                        &e.span,
                        format!("the call `{}`", self.text(&e.span)),
                        TIMEOUT,
                    ),
                }
            }
            E::Call(f, args) if is_builtin(f, "repr") || is_builtin(f, "str") => {
                let [Arg::Positional(x)] = args.as_slice() else {
                    return Ok(None);
                };
                match cm_of(x) {
                    None => Ok(None),
                    Some(Err(())) => refuse(&e.span, "the timeout read before its block", TIMEOUT),
                    Some(Ok(cm)) => Ok(Some(written(cm, &e.span))),
                }
            }
            E::Attr(obj, attr) if &**attr == "__name__" => {
                if let E::Call(f, args) = &obj.kind
                    && is_builtin(f, "type")
                    && let [Arg::Positional(x)] = args.as_slice()
                    && let E::Attr(inner, attr) = &x.kind
                    && &**attr == "__cause__"
                    && let E::Name(n) = &inner.kind
                    && sc.deadline_errors.iter().any(|d| d == &**n.ident())
                {
                    return Ok(Some(ExprKind::Lit(Value::Str("CancelledError".into()))));
                }
                Ok(None)
            }
            _ => match cm_of(e) {
                Some(_) => refuse(&e.span, "the timeout used as a value", TIMEOUT),
                None => Ok(None),
            },
        }
    }

    /// The names `async with asyncio.timeout(...) as name` binds anywhere.
    fn timeout_names(&self) -> &[String] {
        self.timeout_names.get_or_init(|| self.find_timeout_names())
    }

    fn find_timeout_names(&self) -> Vec<String> {
        let mut names = Vec::new();
        every_stmt(&self.program.module.body, &mut |st| {
            if let P::With {
                is_async: true,
                item,
                ..
            } = &st.kind
                && self.is_deadline(&item.context)
                && let Some(t) = &item.target
            {
                names.extend(target_names(t));
            }
        });
        names
    }

    /// `cm_when = loop.time() + delay`, the deadline `cm.when()` gives,
    /// set before the block (the statement `s`) where the function reads
    /// it; `None` for `asyncio.timeout(None)`.
    pub(super) fn timeout_when(
        &self,
        sc: &Scope,
        s: &py::Stmt,
        name: &str,
        delay: &py::Expr,
    ) -> Result<Option<(String, Expr)>> {
        if matches!(delay.kind, E::Literal(Literal::None)) {
            return Ok(None);
        }
        let text = code_of(&self.program.module, s.id).map_or("", |c| self.text(&c.span));
        let reads = [
            format!("{name}.when()"),
            format!("repr({name})"),
            format!("str({name})"),
        ];
        let read = reads.iter().any(|r| {
            text.match_indices(r.as_str())
                .any(|(i, _)| !text[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_'))
        });
        if !read {
            return Ok(None);
        }
        if !matches!(
            delay.kind,
            E::Literal(Literal::Int(_) | Literal::Float(_)) | E::Name(_)
        ) {
            return refuse(
                &delay.span,
                "this delay of `asyncio.timeout(...) as`",
                "the Rust listing reads the delay twice, for `timeout` and for \
                 `cm.when()`: it translates a number or a variable there",
            );
        }
        let float = ExprKind::Call(Builtin::Float, vec![self.expr(sc, delay)?]);
        let value = Expr {
            kind: ExprKind::Binary(
                BinaryOp::Add,
                Box::new(Expr {
                    kind: ExprKind::Now,
                    span: delay.span.clone(),
                }),
                Box::new(Expr {
                    kind: float,
                    span: delay.span.clone(),
                }),
            ),
            span: delay.span.clone(),
        };
        Ok(Some((self.fresh_name(&format!("{name}_when")), value)))
    }
}

/// `cm.when()`: the deadline's variable, or `None`.
fn when(cm: &Cm) -> ExprKind {
    match &cm.when {
        Some(v) => ExprKind::Var(v.clone()),
        None => ExprKind::Lit(Value::None),
    }
}

/// `repr(cm)`: `<Timeout [active] when=1.0>` (its deadline rounded to
/// three places), `<Timeout [expired]>`, `<Timeout [finished]>`.
fn written(cm: &Cm, span: &py::Span) -> ExprKind {
    let text = |t: &str| ExprKind::Lit(Value::Str(t.into()));
    let at = |kind| Expr {
        kind,
        span: span.clone(),
    };
    match &cm.state {
        CmState::Active => match &cm.when {
            None => text("<Timeout [active] when=None>"),
            Some(v) => {
                let rounded = ExprKind::Call(
                    Builtin::Round,
                    vec![
                        at(ExprKind::Var(v.clone())),
                        at(ExprKind::Lit(Value::Int(3))),
                    ],
                );
                ExprKind::Template(Template {
                    parts: vec![
                        Part::Text("<Timeout [active] when=".into()),
                        Part::Hole(at(rounded)),
                        Part::Text(">".into()),
                    ],
                })
            }
        },
        CmState::Expired => text("<Timeout [expired]>"),
        CmState::Finished => text("<Timeout [finished]>"),
        CmState::Kept(v) => ExprKind::IfElse(
            Box::new(at(ExprKind::Var(v.clone()))),
            Box::new(at(text("<Timeout [expired]>"))),
            Box::new(at(text("<Timeout [finished]>"))),
        ),
    }
}

/// The names a target binds.
fn target_names(t: &Target) -> Vec<String> {
    match t {
        Target::Name(n) => vec![n.ident().to_string()],
        Target::Unpack(ts, _) => ts.iter().flat_map(target_names).collect(),
        Target::Attr(..) | Target::Subscript(..) => Vec::new(),
    }
}

/// Whether `id` is a statement of the top of `code`'s body, or of the
/// body of a `try` there.
fn at_top(code: &py::Code, top: &[py::StmtId], id: py::StmtId) -> bool {
    top.contains(&id)
        || code
            .body
            .iter()
            .any(|st| matches!(&st.kind, P::Try { body, .. } if body.iter().any(|b| b.id == id)))
}

/// Every statement of `block`, those of nested functions and classes too.
fn every_stmt<'a>(block: &'a [py::Stmt], f: &mut impl FnMut(&'a py::Stmt)) {
    py::walk(block, &mut |st| {
        f(st);
        if let P::Def { code, .. } | P::Class { code, .. } = &st.kind {
            every_stmt(&code.body, f);
        }
    });
}

/// The code whose own statements hold the statement `id`.
fn code_of(code: &py::Code, id: py::StmtId) -> Option<&py::Code> {
    let mut own = false;
    let mut inner = None;
    py::walk(&code.body, &mut |st| {
        if st.id == id {
            own = true;
        }
        if inner.is_none()
            && let P::Def { code: c, .. } | P::Class { code: c, .. } = &st.kind
        {
            inner = code_of(c, id);
        }
    });
    if own { Some(code) } else { inner }
}
