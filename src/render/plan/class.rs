//! Classes: an async iterator (`__aiter__`/`__anext__`) or a context
//! manager (`__aenter__`/`__aexit__`, or `__enter__`/`__exit__`: see
//! [`super::plain_with`]), with its fields from `__init__`; plain classes
//! are in [`super::objects`].

use super::scope::Scope;
use super::{Planner, Result, methods, refuse};
use crate::program::{Code, ExprKind as E, Literal, Name, Stmt, StmtKind as P, Target};
use crate::render::plan::ir::ast::{Function, FunctionKind};
use crate::render::plan::ir::expr::Expr;

impl Planner<'_> {
    pub(super) fn class(&self, code: &Code, name: &Name, s: &Stmt) -> Result<Vec<Function>> {
        let name = name.ident().to_string();
        let Some(kind) = self.defs.get(&name).and_then(|d| d.kind) else {
            return self.object_class(code, &name, s);
        };
        for m in &code.body {
            let ok = match &m.kind {
                P::Def { .. } | P::Pass | P::Annotate { .. } => true,
                P::Expr(e) => matches!(&e.kind, E::Literal(Literal::Str(_))),
                _ => false,
            };
            if !ok {
                return refuse(
                    &m.span,
                    "a class-level statement",
                    "the Rust listing turns a class into a struct whose fields are set in `__init__`",
                );
            }
        }
        let plain = kind == FunctionKind::Resource && super::plain_with::is_plain(code);
        let allowed: &[&str] = match kind {
            FunctionKind::Iterator => &["__init__", "__aiter__", "__anext__"],
            _ if plain => &["__init__", "__enter__", "__exit__"],
            _ => &["__init__", "__aenter__", "__aexit__"],
        };
        for (m, _, def) in methods(code) {
            // A resource's named methods are the struct's own (see
            // `resource_methods`).
            let named = kind == FunctionKind::Resource && !m.starts_with("__");
            if !allowed.contains(&m) && !named {
                let why = match m {
                    "__iter__" | "__next__" => {
                        "a plain iterator class has no Tokio counterpart here"
                    }
                    "__enter__" | "__exit__" | "__aenter__" | "__aexit__" => {
                        "a class is one kind of context manager, plain or async"
                    }
                    _ => "other methods have no counterpart in the plan",
                };
                return refuse(
                    &def.span,
                    format!("a class with `{m}`"),
                    format!(
                        "the Rust listing translates async iterators (`__aiter__`/`__anext__`) \
                         and context managers (`__enter__`/`__exit__` or \
                         `__aenter__`/`__aexit__`); {why}"
                    ),
                );
            }
        }
        let needed: &[&str] = match kind {
            FunctionKind::Iterator => &["__aiter__", "__anext__"],
            _ if plain => &["__enter__", "__exit__"],
            _ => &["__aenter__", "__aexit__"],
        };
        for n in needed {
            if !methods(code).any(|(m, _, _)| m == *n) {
                return refuse(
                    &s.span,
                    format!("the class `{name}` without `{n}`"),
                    format!("the Rust listing needs both {}", needed.join(" and ")),
                );
            }
        }
        let mut params = Vec::new();
        // What `__aiter__` sets goes with `__init__`'s fields (see `aiter_sets`).
        let aiter = aiter_sets(code)?;
        let mut fields = match methods(code).find(|(m, _, _)| *m == "__init__") {
            Some(_) => Vec::new(),
            None => self.fields(aiter.iter().copied())?,
        };
        let mut body = Vec::new();
        let mut exit = Vec::new();
        for (m, c, def) in methods(code).filter(|(m, _, _)| allowed.contains(m)) {
            let want_async = !plain && m != "__init__" && m != "__aiter__";
            let is_exit = m == "__aexit__" || m == "__exit__";
            let arity = if is_exit { 4 } else { 1 };
            let self_first = c
                .params
                .positional
                .first()
                .is_some_and(|p| &*p.name == "self");
            if c.is_async != want_async
                || !self_first
                || (m != "__init__" && c.params.positional.len() != arity)
            {
                let header = if want_async { "async def" } else { "def" };
                let args = if is_exit {
                    "self, exc_type, exc, tb"
                } else {
                    "self"
                };
                return refuse(
                    &def.span,
                    format!("this `{m}`"),
                    format!("the Rust listing knows `{m}` written `{header} {m}({args})`"),
                );
            }
            match m {
                "__init__" => {
                    params = self.params(c, &name, 1, &def.span)?;
                    fields = self.fields(c.body.iter().chain(aiter.iter().copied()))?;
                }
                "__aiter__" => {}
                _ => {
                    let names = fields.iter().map(|(n, _)| n.clone()).collect();
                    let block_kind = if is_exit {
                        FunctionKind::Coroutine
                    } else {
                        kind
                    };
                    let mut scope = Scope::new(block_kind, names);
                    let block = match m {
                        "__aenter__" | "__enter__" => self.enter_block(&mut scope, c)?,
                        "__aexit__" | "__exit__" => self.exit_block(&mut scope, m, c)?,
                        _ => self.block(&mut scope, &c.body)?,
                    };
                    if is_exit {
                        exit = block;
                    } else {
                        body = block;
                    }
                }
            }
        }
        let methods = match kind {
            FunctionKind::Resource => self.resource_methods(&name, code, &fields)?,
            _ => Vec::new(),
        };
        let mut out = vec![Function {
            kind,
            name,
            params,
            fields,
            body,
            exit,
            span: s.span.clone(),
        }];
        out.extend(methods);
        Ok(out)
    }

    /// `self.name = value` statements of `__init__`.
    pub(super) fn fields<'s>(
        &self,
        body: impl IntoIterator<Item = &'s Stmt>,
    ) -> Result<Vec<(String, Expr)>> {
        let scope = Scope::init();
        let mut out = Vec::new();
        for s in body {
            match &s.kind {
                P::Pass => {}
                P::Expr(e) if matches!(&e.kind, E::Literal(Literal::Str(_))) => {}
                P::Assign { targets, value } if targets.len() == 1 => {
                    let Target::Attr(obj, attr) = &targets[0] else {
                        return self.not_a_field(s);
                    };
                    if !matches!(&obj.kind, E::Name(n) if &**n.ident() == "self") {
                        return self.not_a_field(s);
                    }
                    if out.iter().any(|(n, _)| n == &**attr) {
                        return refuse(
                            &s.span,
                            format!("setting `self.{attr}` twice in `__init__`"),
                            "the Rust listing initialises each struct field once",
                        );
                    }
                    out.push((attr.to_string(), self.expr(&scope, value)?));
                }
                _ => return self.not_a_field(s),
            }
        }
        Ok(out)
    }

    pub(super) fn not_a_field<T>(&self, s: &Stmt) -> Result<T> {
        refuse(
            &s.span,
            "this statement in `__init__`",
            "the Rust listing's constructor sets fields (`self.name = value`) and nothing else",
        )
    }
}

/// The statements of `__aiter__` before its `return self`: fields set with
/// `self.name = value`. The Rust listing iterates only an object made in
/// the `async for` (or comprehension) itself, whose `__aiter__` runs once,
/// right after `__init__`: what it sets is set by the constructor.
fn aiter_sets(code: &Code) -> Result<Vec<&Stmt>> {
    let Some((_, c, def)) = methods(code).find(|(m, _, _)| *m == "__aiter__") else {
        return Ok(Vec::new());
    };
    let is_self =
        |e: &crate::program::Expr| matches!(&e.kind, E::Name(n) if &**n.ident() == "self");
    let Some((last, sets)) = c.body.split_last() else {
        unreachable!("a function has a body")
    };
    let returns_self = matches!(&last.kind, P::Return(Some(e)) if is_self(e));
    let only_fields = sets.iter().all(|s| {
        matches!(&s.kind, P::Assign { targets, .. }
            if matches!(targets.as_slice(), [Target::Attr(obj, _)] if is_self(obj)))
    });
    if !returns_self || !only_fields {
        return refuse(
            &def.span,
            "an `__aiter__` that does more than `return self`",
            "the Rust listing makes the object itself the stream: its `__aiter__` may set \
             fields (`self.name = value`), then `return self`",
        );
    }
    Ok(sets.iter().collect())
}
