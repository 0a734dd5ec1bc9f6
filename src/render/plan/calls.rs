//! The asyncio shapes built on calls of the program's definitions:
//! awaiting, gathering, `as_completed` over a list of tasks, async
//! comprehensions, and the checks on arguments (one type per parameter,
//! one resolver per future).

use super::scope::Scope;
use super::stmt::{local_name, one_arg};
use super::{Planner, Result, refuse};
use crate::program::{
    self as py, Arg, ExprKind as E, Literal, Module, Name, StmtKind as P, Target,
};
use crate::render::plan::ir::ast::{Call, Calls, FunctionKind, Stmt, StmtKind};
use crate::render::plan::ir::expr::{Expr, ExprKind};

/// Whether a default parameter value is a constant: a number, string,
/// boolean or `None` (a negative number too).
pub(super) fn is_constant(e: &py::Expr) -> bool {
    match &e.kind {
        E::Literal(l) => !matches!(l, Literal::Bytes(_) | Literal::Ellipsis),
        E::UnaryOp(py::UnaryOp::Neg, x) => {
            matches!(x.kind, E::Literal(Literal::Int(_) | Literal::Float(_)))
        }
        _ => false,
    }
}

impl Planner<'_> {
    /// The arguments of a call of the definition `name`, one per parameter
    /// in order: the positional ones, then the keyword ones by name, then
    /// the defaults of those not given. Rust has no keyword or default
    /// arguments, so the call passes every one.
    pub(super) fn args_of(
        &self,
        sc: &Scope,
        name: &str,
        def: super::Def<'_>,
        args: &[Arg],
        span: &std::ops::Range<usize>,
    ) -> Result<Vec<Expr>> {
        if let Some(out) = self.conn_args(sc, name, def, args, span)? {
            return Ok(out);
        }
        let (given, rest) = super::varargs::split(args, def.params);
        // More positional arguments than a function's parameters: Python's
        // `TypeError`. (A class's `__init__` may be a base class's, which
        // the definition does not show.)
        let function = matches!(
            def.kind,
            Some(FunctionKind::Blocking | FunctionKind::Coroutine | FunctionKind::Generator)
        );
        if function && !def.varargs && !rest.is_empty() {
            return refuse(
                span,
                format!("`{name}` called with these arguments"),
                format!(
                    "`{name}` takes {} positional: a Rust function is called with all of \
                     its parameters, in order",
                    def.params
                ),
            );
        }
        let spread = super::spread::spread(args, def.params).filter(|_| !def.varargs);
        let args = spread.as_deref().unwrap_or(&given);
        let all = || def.names.iter().chain(def.keyword_only);
        let mut given: Vec<Option<Expr>> = vec![None; def.params + def.keyword_only.len()];
        let mut next = 0;
        for a in args {
            let slot = match a {
                // A keyword-only parameter takes no positional argument.
                Arg::Positional(_) if next >= def.params => usize::MAX,
                Arg::Positional(_) => {
                    next += 1;
                    next - 1
                }
                Arg::Keyword(k, _) => all().position(|p| p.name == *k).unwrap_or(usize::MAX),
                _ => {
                    return refuse(
                        span,
                        "a starred argument",
                        "a Rust function takes a fixed list of arguments, written out",
                    );
                }
            };
            let (Arg::Positional(e) | Arg::Keyword(_, e)) = a else {
                unreachable!("starred arguments are refused above")
            };
            match given.get_mut(slot) {
                Some(g @ None) => *g = Some(self.arg_expr(sc, name, slot, e)?),
                _ => {
                    return refuse(
                        span,
                        format!("`{name}` called with these arguments"),
                        format!(
                            "`{name}` takes {}: a Rust function is called with all of its \
                             parameters, in order",
                            def.params
                        ),
                    );
                }
            }
        }
        let mut out = Vec::new();
        for (i, g) in given.into_iter().enumerate() {
            let default =
                super::keyword_only::default_index(all(), i).and_then(|d| def.defaults.get(d));
            match (g, default) {
                (Some(e), _) => out.push(e),
                (None, Some(d)) => out.push(self.expr(sc, d)?),
                (None, None) => {
                    let missing = all().nth(i).map_or("", |p| &*p.name);
                    return refuse(
                        span,
                        format!("`{name}` called without `{missing}`"),
                        format!(
                            "`{name}` takes {}: a Rust function is called with all of its \
                             parameters",
                            def.params
                        ),
                    );
                }
            }
        }
        if def.varargs {
            out.push(self.varargs_list(sc, &rest, span)?);
        }
        out.extend(self.token_arg(sc, name, span)?);
        out.extend(self.task_name_arg(name, span)?);
        Ok(out)
    }

    /// A call of one of the program's definitions, of one of the `kinds`;
    /// `None` when `e` is no call of a definition.
    pub(super) fn user_call(
        &self,
        sc: &mut Scope,
        e: &py::Expr,
        kinds: &[FunctionKind],
    ) -> Result<Option<Call>> {
        let E::Call(f, args) = &e.kind else {
            return Ok(None);
        };
        let E::Name(Name::Global(name)) = &f.kind else {
            return Ok(None);
        };
        let Some(def) = self.defs.get(&**name).copied() else {
            return Ok(None);
        };
        if def.kind.is_none() && self.is_plain_class(name) {
            return Ok(None);
        }
        if !def.kind.is_some_and(|k| kinds.contains(&k)) {
            let how = match def.kind {
                Some(FunctionKind::Coroutine) => {
                    "a coroutine: awaited, spawned with `asyncio.create_task` or gathered"
                }
                Some(FunctionKind::Generator | FunctionKind::Iterator) => {
                    "iterated with `async for` or `[... async for ...]`"
                }
                Some(FunctionKind::Resource) => "entered with `with` (or `async with`)",
                Some(FunctionKind::Blocking) => {
                    "a plain function: called, or run with `loop.run_in_executor` or \
                     `asyncio.to_thread`"
                }
                Some(FunctionKind::Object | FunctionKind::Enum) | None => {
                    "a definition the Rust listing cannot translate"
                }
            };
            return refuse(
                &e.span,
                format!("`{name}(...)` here"),
                format!("`{name}` is {how}"),
            );
        }
        self.call_of(sc, name, def, args, &e.span).map(Some)
    }

    /// The call of the definition `name` with `args`: every parameter
    /// given, one type per parameter.
    pub(super) fn call_of(
        &self,
        sc: &mut Scope,
        name: &str,
        def: super::Def<'_>,
        args: &[Arg],
        span: &std::ops::Range<usize>,
    ) -> Result<Call> {
        let args = self.args_of(sc, name, def, args, span)?;
        let call = Call {
            name: name.to_string(),
            args,
            span: span.clone(),
        };
        for (i, arg) in call.args.iter().enumerate() {
            self.check_arg(&call, i, arg)?;
            if let ExprKind::Var(v) = &arg.kind
                && self.resolves(&call.name, i)
            {
                sc.resolve(v, &arg.span)?;
            }
        }
        self.loop_args(sc, &def, call)
    }

    /// The calls of a list of tasks: `[asyncio.create_task(f(...)), ...]`
    /// or `[asyncio.create_task(f(n)) for n in ...]`.
    pub(super) fn task_list(&self, sc: &mut Scope, e: &py::Expr) -> Result<Option<Calls>> {
        let mut task = |sc: &mut Scope, e: &py::Expr| -> Result<Option<Call>> {
            match &e.kind {
                E::Call(f, args) if self.is_member(f, Module::Asyncio, "create_task") => {
                    match one_arg(args) {
                        Some(c) => self.listed_call(sc, c),
                        None => Ok(None),
                    }
                }
                _ => Ok(None),
            }
        };
        match &e.kind {
            E::List(items) if !items.is_empty() => {
                let mut calls = Vec::new();
                for item in items {
                    let Some(c) = task(sc, item)? else {
                        return Ok(None);
                    };
                    calls.push(c);
                }
                Ok(Some(Calls::List(calls)))
            }
            E::Comprehension(c) => self.each(sc, c, &mut task),
            _ => Ok(None),
        }
    }

    /// `[make(n) for n in over]` (or a generator expression): one call per item.
    pub(super) fn each(
        &self,
        sc: &mut Scope,
        c: &py::Comprehension,
        make: &mut dyn FnMut(&mut Scope, &py::Expr) -> Result<Option<Call>>,
    ) -> Result<Option<Calls>> {
        let [g] = c.generators.as_slice() else {
            return Ok(None);
        };
        if c.is_async
            || !g.ifs.is_empty()
            || matches!(c.kind, py::CompKind::Set | py::CompKind::Dict)
        {
            return Ok(None);
        }
        let Target::Name(n) = &g.target else {
            return Ok(None);
        };
        let Some(call) = make(sc, &c.element)? else {
            return Ok(None);
        };
        Ok(Some(Calls::Each {
            call,
            var: n.ident().to_string(),
            over: self.expr(sc, &g.iter)?,
        }))
    }

    /// `for fut in asyncio.as_completed(tasks): var = await fut; body`,
    /// the tasks made by `first` (the loop itself or the list before it,
    /// which nothing reads again: see `plan::task_completions` for a list
    /// read again).
    pub(super) fn as_completed(
        &self,
        sc: &mut Scope,
        first: &py::Stmt,
        for_stmt: &py::Stmt,
        calls: Calls,
    ) -> Result<Stmt> {
        let P::For {
            target, body, iter, ..
        } = &for_stmt.kind
        else {
            unreachable!("checked by the caller")
        };
        let Some(completed) = self.completed(target, iter) else {
            unreachable!("checked by the caller")
        };
        let parts = self.completed_parts(sc, for_stmt, &completed, body)?;
        let (head, mut body) = (parts.head, parts.body);
        self.count_completions(sc, completed.count, head, &mut body)?;
        Ok(Stmt {
            id: head.id,
            span: first.span.start..for_stmt.span.end,
            kind: StmtKind::AsCompleted {
                calls,
                var: parts.var,
                body,
                deadline: parts.deadline,
            },
        })
    }

    /// Whether the source of `stmts` mentions the word `name`.
    pub(super) fn mentions<'s>(
        &self,
        stmts: impl Iterator<Item = &'s py::Stmt>,
        name: &str,
    ) -> bool {
        let word = |c: char| c.is_alphanumeric() || c == '_';
        stmts.into_iter().any(|s| {
            let text = self.text(&s.span);
            text.match_indices(name).any(|(i, _)| {
                !text[..i].ends_with(word) && !text[i + name.len()..].starts_with(word)
            })
        })
    }

    /// `into = await inner`.
    pub(super) fn awaited(
        &self,
        sc: &mut Scope,
        inner: &py::Expr,
        into: Option<String>,
    ) -> Result<StmtKind> {
        if let Some(call) = self.prim_stmt(sc, inner, true, into.clone())? {
            return Ok(call);
        }
        if let Some(k) = self.param_awaited(sc, inner, into.clone())? {
            return Ok(k);
        }
        if let Some(k) = self.awaited_method(sc, inner, into.clone())? {
            return Ok(k);
        }
        self.submitted_not_awaitable(sc, inner)?;
        if let Some(target) = local_name(inner) {
            sc.after_timed_wait(target, &inner.span, &format!("await {target}"))?;
            return Ok(StmtKind::Join {
                target: sc.local(target, &inner.span)?,
                into,
            });
        }
        if let Some(k) = self.shield(sc, inner, into.clone())? {
            return Ok(k);
        }
        if let Some(k) = self.await_spawned(sc, inner, into.clone())? {
            return Ok(k);
        }
        if let E::Call(f, args) = &inner.kind {
            if self.is_member(f, Module::Asyncio, "sleep")
                && into.is_none()
                && let Some(d) = one_arg(args)
            {
                return Ok(StmtKind::Sleep(self.expr(sc, d)?));
            }
            if let Some(k) = self.sleep_result(sc, f, args, into.clone())? {
                return Ok(k);
            }
            if self.is_member(f, Module::Asyncio, "gather") {
                return match self.gathered(sc, inner, args) {
                    Ok(calls) => Ok(StmtKind::Gather { calls, into }),
                    // Else a list gathered in place; what stops both is
                    // told as the gather's.
                    Err(_) if let Some(list) = self.gather_mixed(sc, inner, args)? => {
                        Ok(StmtKind::Set {
                            var: into.unwrap_or_else(|| "_".into()),
                            value: Expr {
                                kind: ExprKind::GatherAll(Box::new(list)),
                                span: inner.span.clone(),
                            },
                        })
                    }
                    Err(e) => match self.await_value(sc, inner) {
                        Ok(Some(value)) => Ok(StmtKind::Set {
                            var: into.unwrap_or_else(|| "_".into()),
                            value: Expr {
                                kind: value,
                                span: inner.span.clone(),
                            },
                        }),
                        _ => Err(e),
                    },
                };
            }
            if self.is_member(f, Module::Asyncio, "start_server")
                && let Some(into) = into.clone()
                && let [
                    Arg::Positional(hx),
                    Arg::Positional(host),
                    Arg::Positional(port),
                ] = args.as_slice()
                && let E::Name(Name::Global(h)) = &hx.kind
                && matches!(&host.kind, E::Literal(Literal::Str(s)) if &**s == "127.0.0.1")
                && matches!(&port.kind, E::Literal(Literal::Int(0)))
            {
                let handler = Call {
                    name: h.to_string(),
                    args: Vec::new(),
                    span: hx.span.clone(),
                };
                return Ok(StmtKind::Serve { handler, into });
            }
            let job = match self.executor_job(sc, inner)? {
                Some(job) => Some(job),
                None => self.wrapped_submit(sc, inner)?,
            };
            if let Some(job) = job {
                let (call, pool) = (job.call, job.pool);
                return Ok(StmtKind::RunBlocking { call, into, pool });
            }
            if let Some(call) = self.user_call(sc, inner, &[FunctionKind::Coroutine])? {
                return Ok(StmtKind::Await { call, into });
            }
        }
        if let Some(k) = self.wait_for_stmt(sc, inner, into.clone())? {
            return Ok(k);
        }
        if let Some(ExprKind::Join(target)) = self.wrapped_future(sc, inner)? {
            return Ok(StmtKind::Join { target, into });
        }
        if let E::Call(f, _) = &inner.kind {
            if self.is_member(f, Module::Asyncio, "wait_for") {
                return refuse(
                    &inner.span,
                    "`asyncio.wait_for` of this",
                    "the Rust listing translates `x = await asyncio.wait_for(f(...), timeout=...)` \
                     of a coroutine of the program, as a statement of its own (first in \
                     `try: ... except TimeoutError:`, or letting `TimeoutError` go on up); \
                     and, letting `TimeoutError` go on up, of a task kept in a variable or of \
                     `asyncio.sleep(...)`",
                );
            }
            if let E::Attr(_, m) = &f.kind
                && matches!(
                    &**m,
                    "readline" | "read" | "readexactly" | "readuntil" | "drain" | "wait_closed"
                )
            {
                return refuse(
                    &inner.span,
                    format!("`await ....{m}()` here"),
                    "the Rust listing receives a line as `x = (await reader.readline()).decode().strip()`, \
                     sends as `writer.write(...)` then `await writer.drain()`, and closes as \
                     `writer.close()` then `await writer.wait_closed()`",
                );
            }
        }
        refuse(
            &inner.span,
            "awaiting this",
            "the Rust listing awaits the program's coroutines, tasks and futures, \
             `asyncio.sleep`, `asyncio.gather`, `asyncio.wait_for` and the stream calls",
        )
    }

    /// The awaitables of `asyncio.gather(...)`.
    pub(super) fn gathered(&self, sc: &mut Scope, e: &py::Expr, args: &[Arg]) -> Result<Calls> {
        if let [Arg::Star(x)] = args
            && let E::Comprehension(c) = &x.kind
        {
            let mut call =
                |sc: &mut Scope, e: &py::Expr| self.user_call(sc, e, &[FunctionKind::Coroutine]);
            if let Some(calls) = self.each(sc, c, &mut call)? {
                return Ok(calls);
            }
        }
        let mut calls = Vec::new();
        for a in args {
            let call = match a {
                Arg::Positional(x) => self.user_call(sc, x, &[FunctionKind::Coroutine])?,
                _ => None,
            };
            let Some(call) = call else {
                return refuse(
                    &e.span,
                    "`asyncio.gather` of this",
                    "the Rust listing gathers calls of the program's coroutines, written one by one \
                     or as `*(f(n) for n in ...)`",
                );
            };
            calls.push(call);
        }
        Ok(Calls::List(calls))
    }

    /// `into = [value async for var in source if filter]`.
    pub(super) fn collect(
        &self,
        sc: &mut Scope,
        e: &py::Expr,
        c: &py::Comprehension,
        into: String,
    ) -> Result<StmtKind> {
        let shape = "the Rust listing collects `[value async for x in source if test]` from one \
                     async generator or iterator of the program";
        let [g] = c.generators.as_slice() else {
            return refuse(&e.span, "an async comprehension with several `for`s", shape);
        };
        if c.kind == py::CompKind::Generator || !g.is_async {
            return refuse(&e.span, "this async comprehension", shape);
        }
        let Some(source) = self.user_call(
            sc,
            &g.iter,
            &[FunctionKind::Generator, FunctionKind::Iterator],
        )?
        else {
            return refuse(&g.iter.span, "an async comprehension over this", shape);
        };
        self.collected(sc, e, c, source, into)
    }

    /// `asyncio.get_running_loop()` (called with no arguments).
    pub(super) fn is_member_call(&self, e: &py::Expr, member: &str) -> bool {
        matches!(&e.kind, E::Call(f, args) if args.is_empty() && self.is_member(f, Module::Asyncio, member))
    }
}
