//! Statements: the Python shape of each plan statement (the shapes
//! `render::python` writes), recognised in a block.

use super::expr::aug_op;
use super::scope::Scope;
use super::{Planner, Result, refuse};
use crate::program::{self as py, Arg, ExprKind as E, Literal, Name, StmtKind as P, Target};
use crate::render::plan::ir::ast::{Block, FunctionKind, Stmt, StmtKind};
use crate::render::plan::ir::expr::{Expr, ExprKind};
use crate::render::plan::ir::value::Value;
use std::ops::Range;

/// The local variable `e` names, if it is a plain name.
pub(super) fn local_name(e: &py::Expr) -> Option<&str> {
    match &e.kind {
        E::Name(Name::Local(_, n) | Name::Cell(_, n)) => Some(n),
        _ => None,
    }
}

pub(super) fn is_docstring(e: &py::Expr) -> bool {
    matches!(&e.kind, E::Literal(Literal::Str(_)))
}

/// The one positional argument of a call.
pub(super) fn one_arg(args: &[Arg]) -> Option<&py::Expr> {
    match args {
        [Arg::Positional(e)] => Some(e),
        _ => None,
    }
}

/// `obj.method()` with no arguments: `obj`.
pub(super) fn method_call<'e>(e: &'e py::Expr, method: &str) -> Option<&'e py::Expr> {
    match &e.kind {
        E::Call(f, args) if args.is_empty() => match &f.kind {
            E::Attr(obj, m) if &**m == method => Some(obj),
            _ => None,
        },
        _ => None,
    }
}

/// A plan statement (none for `pass`, docstrings and the like) and how
/// many Python statements it stands for.
pub(super) type Step = (Option<Stmt>, usize);

/// The plan statement of one Python statement.
pub(super) fn one(s: &py::Stmt, kind: StmtKind) -> Result<Step> {
    Ok((
        Some(Stmt {
            id: s.id,
            span: s.span.clone(),
            kind,
        }),
        1,
    ))
}

/// The plan statement of two Python statements, named by the second (the
/// one that awaits).
pub(super) fn pair(first: &py::Stmt, second: &py::Stmt, kind: StmtKind) -> Result<Step> {
    let span = first.span.start..second.span.end;
    Ok((
        Some(Stmt {
            id: second.id,
            span,
            kind,
        }),
        2,
    ))
}

const LOOPS: &str = "the plan translates `break` and `continue` inside a `for`, `async for` or `while` of the same function, outside `try`";

/// Python's built-in exception classes that a program raises with a
/// message: an `Error` variant each in the Rust listing.
pub(super) const EXCEPTIONS: [&str; 20] = [
    "Exception",
    "ArithmeticError",
    "AssertionError",
    "BrokenPipeError",
    "ConnectionError",
    "ConnectionRefusedError",
    "ConnectionResetError",
    "FileNotFoundError",
    "IndexError",
    "KeyError",
    "LookupError",
    "NameError",
    "NotImplementedError",
    "OSError",
    "PermissionError",
    "RecursionError",
    "RuntimeError",
    "TypeError",
    "ValueError",
    "ZeroDivisionError",
];

impl Planner<'_> {
    /// `Class(message)`, `Class()` or `Class` of a built-in exception class
    /// the program does not redefine: the class and the message.
    pub(super) fn builtin_exception<'e>(
        &self,
        e: &'e py::Expr,
    ) -> Option<(String, Option<&'e py::Expr>)> {
        let (class, arg) = match &e.kind {
            E::Name(Name::Global(n)) => (n, None),
            E::Call(f, args) => match (&f.kind, args.as_slice()) {
                (E::Name(Name::Global(n)), []) => (n, None),
                (E::Name(Name::Global(n)), [Arg::Positional(a)]) => (n, Some(a)),
                _ => return None,
            },
            _ => return None,
        };
        (EXCEPTIONS.contains(&&**class) && !self.defs.contains_key(&**class))
            .then(|| (class.to_string(), arg))
    }

    pub(super) fn block(&self, sc: &mut Scope, body: &[py::Stmt]) -> Result<Block> {
        sc.blocks += 1;
        // A group ended in this block is passed only in what follows it here.
        let passed = sc.passed_groups.len();
        let done = sc.done_tasks.clone();
        let unstarted = std::mem::take(&mut sc.unstarted_tasks);
        let mut out = Vec::new();
        let mut i = 0;
        while i < body.len() {
            self.current.set(body[i].id);
            *self.header.borrow_mut() = Some(body[i].clone());
            let step = self.stmt(sc, &body[i..]);
            let lifted = self.lifted.take();
            match step {
                Ok((stmt, used)) => {
                    out.extend(lifted.into_iter().map(|kind| Stmt {
                        id: body[i].id,
                        span: body[i].span.clone(),
                        kind,
                    }));
                    out.extend(stmt);
                    for s in &body[i..i + used] {
                        self.note_done(sc, s);
                    }
                    i += used;
                }
                // Report it and go on, so that every blocker is listed
                // and a partial listing shows the rest.
                Err(e) => {
                    out.push(Stmt {
                        id: body[i].id,
                        span: body[i].span.clone(),
                        kind: StmtKind::Untranslated {
                            construct: e.construct.clone(),
                            reason: e.reason.clone(),
                        },
                    });
                    self.blockers.borrow_mut().push(e);
                    i += 1;
                }
            }
        }
        sc.blocks -= 1;
        sc.passed_groups.truncate(passed);
        sc.done_tasks.retain(|t| done.contains(t));
        sc.unstarted_tasks = unstarted;
        Ok(out)
    }

    pub(super) fn nested(&self, sc: &mut Scope, body: &[py::Stmt]) -> Result<Block> {
        sc.depth += 1;
        sc.loops_open += 1;
        let b = self.block(sc, body);
        sc.loops_open -= 1;
        sc.depth -= 1;
        b
    }

    /// The plan statement at the head of `rest`, and how many Python
    /// statements it takes.
    pub(super) fn stmt(&self, sc: &mut Scope, rest: &[py::Stmt]) -> Result<Step> {
        let s = &rest[0];
        let next = rest.get(1);
        if sc.module
            && let Some((c, into)) = self.asyncio_run(s)
        {
            let into = into.map(|t| self.target(sc, t, &s.span)).transpose()?;
            return one(s, self.awaited(sc, c, into)?);
        }
        if let Some(raise) = self
            .failing_sum(s)
            .or_else(|| self.failing_division(s))
            .or_else(|| self.failing_name(s))
            .or_else(|| self.closed_pool_job(sc, s))
            .or_else(|| self.failing_literal_op(s))
            .or_else(|| self.failing_primitive(s))
        {
            return one(s, raise);
        }
        if let Some(raise) = self.deleted_read(sc, s)? {
            return one(s, raise);
        }
        self.loops_kept(sc, s, &rest[1..])?;
        match &s.kind {
            P::Pass | P::Annotate { .. } => Ok((None, 1)),
            P::Expr(e) if is_docstring(e) => Ok((None, 1)),
            P::Expr(e) => self.expr_stmt(sc, s, e, next),
            P::Assign { targets, value } => self.assign(sc, rest, targets, value),
            P::AugAssign { target, op, value } => {
                let value = &*super::aug_tuple::tuple_as_list(target, *op, value)?;
                if let Target::Subscript(obj, index) = target {
                    let op = aug_op(*op, &s.span)?;
                    return one(s, self.set_item(sc, obj, index, Some(op), value)?);
                }
                let op = aug_op(*op, &s.span)?;
                if let Some(k) = self.set_field(sc, target, Some(op), value)? {
                    return one(s, k);
                }
                let var = self.target(sc, target, &s.span)?;
                let lhs = Expr {
                    kind: ExprKind::Var(var.clone()),
                    span: s.span.clone(),
                };
                let value = Expr {
                    kind: ExprKind::Binary(op, Box::new(lhs), Box::new(self.expr(sc, value)?)),
                    span: s.span.clone(),
                };
                one(s, StmtKind::Set { var, value })
            }
            P::Return(v) => {
                let value = match v {
                    Some(v) => self.expr(sc, v)?,
                    None => Expr::lit(Value::None),
                };
                one(s, StmtKind::Return(Some(value)))
            }
            P::If { test, body, orelse } => one(
                s,
                StmtKind::If {
                    cond: self.test_expr(sc, test)?,
                    then: self.block(sc, body)?,
                    otherwise: self.block(sc, orelse)?,
                },
            ),
            P::While { orelse, .. } | P::For { orelse, .. } if !orelse.is_empty() => {
                // Rust loops have no `else`: a labeled block that `break` leaves.
                let label = match sc.labels.len() {
                    0 => "exit".to_string(),
                    n => format!("exit{}", n + 1),
                };
                sc.labels.push((label.clone(), sc.loops_open + 1));
                let lp = self.stmt_without_else(sc, s);
                sc.labels.pop();
                let mut body = vec![lp?];
                body.extend(self.block(sc, orelse)?);
                one(s, StmtKind::Labeled { label, body })
            }
            P::While { test, body, .. } => one(
                s,
                StmtKind::While {
                    cond: self.test_expr(sc, test)?,
                    body: self.nested(sc, body)?,
                },
            ),
            P::For {
                is_async: false,
                target,
                iter,
                body,
                ..
            } => {
                if let Some(k) = self.wait_loop(sc, s)? {
                    return one(s, k);
                }
                if let Some(completed) = self.completed(target, iter) {
                    if let Some(stmt) = self.completed_tasks(sc, s, &completed)? {
                        return Ok((Some(stmt), 1));
                    }
                    let calls = match one_arg(completed.args) {
                        Some(list) => self.completed_list(sc, list)?,
                        None => None,
                    };
                    let Some(calls) = calls else {
                        return refuse(
                            &iter.span,
                            "`asyncio.as_completed` over this",
                            "the Rust listing translates `as_completed` over a list of tasks \
                             created in order (`[asyncio.create_task(f(...)), ...]`) or of \
                             coroutine calls (`[f(...), ...]`)",
                        );
                    };
                    let stmt = self.as_completed(sc, s, s, calls)?;
                    return Ok((Some(stmt), 1));
                }
                let var = self.loop_pattern(sc, target, &s.span)?;
                let over = self.expr(sc, iter)?;
                let task = self.task_loop_var(sc, target, iter);
                self.note_future_item(sc, target, iter);
                sc.task_loops.extend(task.clone());
                let up = super::range_steps::counting_up(target, iter, body);
                sc.counting_up.extend(up.clone());
                let body = self.nested(sc, body);
                sc.counting_up
                    .truncate(sc.counting_up.len() - usize::from(up.is_some()));
                sc.task_loops
                    .truncate(sc.task_loops.len() - usize::from(task.is_some()));
                one(
                    s,
                    StmtKind::For {
                        var,
                        over,
                        body: body?,
                    },
                )
            }
            P::For { is_async: true, .. } => one(s, self.async_for(sc, s)?),
            P::With {
                is_async: true,
                item,
                ..
            } if self.is_deadline(&item.context) => self.deadline(sc, s, None),
            P::With {
                is_async: true,
                item,
                body,
            } if self.is_task_group(&item.context) => {
                let Some(t) = &item.target else {
                    return refuse(
                        &item.context.span,
                        "an `asyncio.TaskGroup()` without `as`",
                        "the Rust listing spawns a group's children on a `JoinSet` it names: \
                         write `async with asyncio.TaskGroup() as tg:`",
                    );
                };
                // A new group of the same name is not the spent one.
                if let Target::Name(n) = t {
                    sc.finished_groups.retain(|g| g.as_str() != &**n.ident());
                }
                let group = self.loop_var(sc, t, &s.span)?;
                self.group_exit(&group, body)?;
                sc.groups.push(group.clone());
                sc.group_bodies.push((sc.blocks + 1, Vec::new()));
                let body = self.block(sc, body);
                sc.groups.pop();
                let kept = sc.group_bodies.pop().map(|(_, k)| k).unwrap_or_default();
                sc.finished_groups.push(group.clone());
                sc.passed_groups.push(group.clone());
                sc.done_tasks.extend(kept.iter().cloned());
                let body = body?;
                one(s, StmtKind::TaskGroup { group, body, kept })
            }
            P::With {
                is_async: true,
                item,
                body,
            } if item.target.is_none()
                && let Some(sync) = local_name(&item.context) =>
            {
                self.condition_block(sc, sync, body)?;
                let sync = sc.local(sync, &item.context.span)?;
                one(
                    s,
                    StmtKind::Locked {
                        sync,
                        body: self.block(sc, body)?,
                    },
                )
            }
            P::With {
                is_async: true,
                item,
                body,
            } => {
                let Some(source) = self.user_call(sc, &item.context, &[FunctionKind::Resource])?
                else {
                    return refuse(
                        &item.context.span,
                        "`async with` on this",
                        "the Rust listing enters async context manager classes of the program, \
                         created right there",
                    );
                };
                self.async_with_plain(&source.name, &item.context.span)?;
                let var = match &item.target {
                    Some(t) => Some(self.loop_var(sc, t, &s.span)?),
                    None => None,
                };
                one(
                    s,
                    StmtKind::AsyncWith {
                        source,
                        var,
                        body: self.block(sc, body)?,
                    },
                )
            }
            P::With {
                is_async: false,
                item,
                body,
            } if let Some(step) = self.pool_with(sc, s, item, body)? => Ok(step),
            P::With {
                is_async: false,
                item,
                body,
            } if let Some(step) = self.runner_with(sc, s, item, body)? => Ok(step),
            P::With {
                is_async: false,
                item,
                body,
            } if let Some(kind) = self.plain_with(sc, s, item, body)? => one(s, kind),
            P::With { .. } => refuse(
                &s.span,
                "a plain `with`",
                "the Rust listing translates `async with`, and a plain `with` over a context \
                 manager class of the program created right there",
            ),
            P::Try { .. } => {
                // A guard disarmed at the end of the `try` must not be jumped over.
                let open = match super::try_stmt::finally_only(sc, s) {
                    true => sc.loops_open,
                    false => std::mem::take(&mut sc.loops_open),
                };
                let step = self.try_(sc, s);
                sc.loops_open = open;
                step
            }
            P::Raise {
                exc: Some(e),
                cause: None,
            } if sc.kind == FunctionKind::Iterator
                && matches!(&e.kind, E::Name(Name::Global(n))
                    if **n == *if sc.sync_next { "StopIteration" } else { "StopAsyncIteration" }) =>
            {
                one(s, StmtKind::Stop)
            }
            P::Raise { exc, cause: None } if self.reraise(sc, exc.as_ref()) => {
                one(s, StmtKind::Reraise)
            }
            // The cause shows only in the traceback of an uncaught exception.
            P::Raise {
                exc: Some(e),
                cause,
            } if let Some((class, arg)) = self.builtin_exception(e) => {
                let message = arg.map(|a| self.expr(sc, a)).transpose()?;
                let message = self.with_cause(sc, &class, message, cause.as_ref(), &s.span)?;
                one(s, StmtKind::Raise { class, message })
            }
            P::Raise {
                exc: Some(e),
                cause,
            } if self.raises_own(e) => {
                let (class, message) = self.own_raise(sc, e)?;
                let message = self.with_cause(sc, &class, message, cause.as_ref(), &s.span)?;
                one(s, StmtKind::Raise { class, message })
            }
            P::Raise {
                exc: Some(e),
                cause: None,
            } if let Some(kind) = self.raise_value(sc, e)? => one(s, kind),
            P::Raise { .. } => refuse(
                &s.span,
                "this `raise`",
                "the Rust listing raises a built-in exception as an `Err`: \
                 `raise ValueError(message)` (with no `from`); it translates \
                 `raise StopAsyncIteration` in `__anext__` and the `raise` that ends \
                 `except asyncio.CancelledError`",
            ),
            P::Break if sc.loops_open > 0 => {
                let label = sc
                    .labels
                    .last()
                    .filter(|(_, depth)| *depth == sc.loops_open)
                    .map(|(l, _)| l.clone());
                one(s, StmtKind::Break(label))
            }
            P::Continue if sc.loops_open > 0 => one(s, StmtKind::Continue),
            P::Break => refuse(&s.span, "`break`", LOOPS),
            P::Continue => refuse(&s.span, "`continue`", LOOPS),
            P::Def { .. } if self.is_hoisted(s) => Ok((None, 1)),
            P::Def { .. } if let Some(d) = super::decorators::wrapper_of(self.program, s) => {
                refuse(
                    &s.span,
                    format!("the wrapper the decorator `{d}` makes"),
                    super::decorators::TAKEN,
                )
            }
            P::Def { .. } | P::Class { .. } => refuse(
                &s.span,
                "a nested definition",
                "the Rust listing translates definitions at the top of the file, and hoists \
                 there a nested function without decorator, passing it the variables it reads \
                 when it changes none of them, the function around it binds each once before \
                 the `def` and only calls it: pass what it reads as arguments",
            ),
            P::Import { .. } => refuse(
                &s.span,
                "an `import` inside a function",
                "import at the top of the file",
            ),
            P::Assert { test, msg } => one(s, self.assertion(sc, s, test, msg.as_ref())?),
            P::Delete(targets) => self.delete(sc, rest, targets),
        }
    }

    /// The plan of a `while` or `for` as if it had no `else`.
    fn stmt_without_else(&self, sc: &mut Scope, s: &py::Stmt) -> Result<Stmt> {
        let kind = match &s.kind {
            P::While { test, body, .. } => StmtKind::While {
                cond: self.expr(sc, test)?,
                body: self.nested(sc, body)?,
            },
            P::For { is_async: true, .. } => self.async_for(sc, s)?,
            P::For {
                target, iter, body, ..
            } => {
                let var = self.loop_pattern(sc, target, &s.span)?;
                StmtKind::For {
                    var,
                    over: self.expr(sc, iter)?,
                    body: self.nested(sc, body)?,
                }
            }
            _ => unreachable!("called on loops only"),
        };
        Ok(Stmt {
            id: s.id,
            span: s.span.clone(),
            kind,
        })
    }

    /// `async for target in source: body` (without its `else`), over an
    /// async generator or iterator class of the program called in place.
    fn async_for(&self, sc: &mut Scope, s: &py::Stmt) -> Result<StmtKind> {
        let P::For {
            target, iter, body, ..
        } = &s.kind
        else {
            unreachable!("called on `async for` only")
        };
        let var = self.loop_pattern(sc, target, &s.span)?;
        let Some(source) =
            self.user_call(sc, iter, &[FunctionKind::Generator, FunctionKind::Iterator])?
        else {
            return refuse(
                &iter.span,
                "`async for` over this",
                "the Rust listing iterates async generators and async iterator classes \
                 of the program, called right there",
            );
        };
        Ok(StmtKind::AsyncFor {
            source,
            var,
            body: self.nested(sc, body)?,
        })
    }

    /// A target that is one variable (or field).
    pub(super) fn target(&self, sc: &Scope, t: &Target, span: &Range<usize>) -> Result<String> {
        match t {
            Target::Name(Name::Local(_, n) | Name::Cell(_, n)) => sc.local(n, span),
            Target::Name(Name::Global(n)) if let Some(shared) = self.shared(n) => Ok(shared),
            Target::Name(Name::Global(n)) => refuse(
                span,
                format!("assigning the global `{n}`"),
                "the Rust listing's variables belong to one function",
            ),
            Target::Attr(obj, attr) if sc.field(obj, attr).is_some() => Ok(attr.to_string()),
            Target::Attr(obj, attr) if matches!(&obj.kind, E::Name(n) if &**n.ident() == "self") => {
                refuse(
                    span,
                    format!("`self.{attr}`, which `__init__` does not set"),
                    format!(
                        "the Rust listing's struct has each of its fields from the constructor \
                         on; a field that exists only once another method has run would be an \
                         `Option` unwrapped where it is read: give `self.{attr}` its first value \
                         in `__init__`"
                    ),
                )
            }
            Target::Attr(_, attr) => refuse(
                span,
                format!("setting the attribute `.{attr}`"),
                "the plan sets an object's fields inside its own class, and only fields that `__init__` sets",
            ),
            Target::Subscript(..) => refuse(
                span,
                "item assignment (`x[i] = ...`)",
                "the plan builds lists whole and never changes an item",
            ),
            Target::Unpack(..) => refuse(
                span,
                "unpacking (`a, b = ...`)",
                "the plan binds one variable per assignment (a connection's `reader, writer` aside)",
            ),
        }
    }

    /// The variable of a `for`, `async for` or `as`: a plain local name.
    pub(super) fn loop_var(&self, sc: &Scope, t: &Target, span: &Range<usize>) -> Result<String> {
        match t {
            Target::Name(_) => self.target(sc, t, span),
            _ => refuse(
                span,
                "this loop variable",
                "the plan's loops bind one local variable",
            ),
        }
    }
}
