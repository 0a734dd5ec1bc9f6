//! Events and queues: `asyncio.Event()` and `asyncio.Queue(maxsize)`, the
//! methods called on them, and which parameters of the program's
//! definitions are given one.

use super::scope::Scope;
use super::stmt::local_name;
use super::{Planner, Result, refuse};
use crate::program::{self as py, Arg, Code, ExprKind as E, Literal, Module, Name, StmtKind as P};
use crate::render::plan::ir::ast::StmtKind;
use crate::render::plan::ir::expr::ExprKind;
use crate::render::plan::ir::primitive::{PrimOp, Primitive, PrimitiveKind};
use std::collections::HashMap;

/// Every call inside an expression (arguments and list items included).
fn calls_in<'e>(e: &'e py::Expr, out: &mut Vec<(&'e py::Expr, &'e [Arg])>) {
    match &e.kind {
        E::Call(f, args) => {
            out.push((f, args));
            for a in args {
                if let Arg::Positional(x) | Arg::Star(x) | Arg::Keyword(_, x) = a {
                    calls_in(x, out);
                }
            }
        }
        E::Await(x) | E::Starred(x) => calls_in(x, out),
        E::List(items) | E::Tuple(items) => items.iter().for_each(|x| calls_in(x, out)),
        E::Comprehension(c) => calls_in(&c.element, out),
        _ => {}
    }
}

/// The expressions a statement evaluates itself (not those of nested blocks).
fn stmt_exprs(s: &py::Stmt) -> Vec<&py::Expr> {
    match &s.kind {
        P::Expr(e) | P::Assign { value: e, .. } | P::Return(Some(e)) => vec![e],
        P::With { item, .. } => vec![&item.context],
        _ => Vec::new(),
    }
}

/// Which parameters of the program's functions (by definition and index)
/// are given an object that `made` recognises where a variable is bound to
/// it, passed on from call to call, maybe further.
pub(super) fn given_params<K: Copy>(
    codes: &[(String, &Code, bool)],
    made: impl Fn(&py::Expr) -> Option<K>,
) -> HashMap<(String, usize), K> {
    let params: HashMap<&str, Vec<String>> = codes
        .iter()
        .filter(|(_, _, method)| !method)
        .map(|(n, c, _)| {
            let names = c.params.positional.iter().map(|p| p.name.to_string());
            (n.as_str(), names.collect())
        })
        .collect();
    let mut known: HashMap<(String, String), K> = HashMap::new();
    for (name, code, _) in codes {
        crate::program::walk(&code.body, &mut |s| {
            if let P::Assign { targets, value } = &s.kind
                && let [py::Target::Name(n)] = targets.as_slice()
                && let Some(kind) = made(value)
            {
                known.insert((name.clone(), n.ident().to_string()), kind);
            }
        });
    }
    let mut given = HashMap::new();
    // Each round follows the objects one call further.
    for _ in 0..4 {
        let before = known.len();
        for (name, code, _) in codes {
            crate::program::walk(&code.body, &mut |s| {
                let mut calls = Vec::new();
                stmt_exprs(s)
                    .into_iter()
                    .for_each(|e| calls_in(e, &mut calls));
                for (f, args) in calls {
                    let E::Name(Name::Global(g)) = &f.kind else {
                        continue;
                    };
                    let Some(names) = params.get(&**g) else {
                        continue;
                    };
                    for (i, a) in args.iter().enumerate() {
                        if let Arg::Positional(x) = a
                            && let Some(v) = local_name(x)
                            && let Some(kind) = known.get(&(name.clone(), v.to_string()))
                            && let Some(p) = names.get(i)
                        {
                            let kind = *kind;
                            given.insert((g.to_string(), i), kind);
                            known.insert((g.to_string(), p.clone()), kind);
                        }
                    }
                }
            });
        }
        if known.len() == before {
            break;
        }
    }
    given
}

const EVENT_METHODS: &str = "the Rust listing's event is a `watch` channel of `bool`: it \
                             translates `set()`, `clear()`, `is_set()` and `await wait()`";

const QUEUE_METHODS: &str = "the Rust listing's queue is an `async_channel` (and a count of \
                             unfinished items): it translates `await put(x)`, `put_nowait(x)`, \
                             `await get()`, `get_nowait()`, `qsize()`, `empty()`, `full()`, \
                             `task_done()` and `await join()`, and reads `maxsize`";

const BARRIER_METHODS: &str = "the Rust listing's barrier is Tokio's `Barrier`: it translates \
                               `await barrier.wait()` as a statement (Tokio tells a party whether \
                               it is the leader, not its index)";

impl<'p> Planner<'p> {
    /// `asyncio.Event` or `asyncio.Queue` when `value` calls one.
    fn primitive_class(&self, value: &py::Expr) -> Option<PrimitiveKind> {
        let E::Call(f, _) = &value.kind else {
            return None;
        };
        if self.is_member(f, Module::Asyncio, "Event") {
            Some(PrimitiveKind::Event)
        } else if self.is_member(f, Module::Asyncio, "Queue") {
            Some(PrimitiveKind::Queue)
        } else if self.is_member(f, Module::Asyncio, "Barrier") {
            Some(PrimitiveKind::Barrier)
        } else if self.is_member(f, Module::Asyncio, "Condition") {
            Some(PrimitiveKind::Condition)
        } else {
            None
        }
    }

    /// Which parameters of the program's functions are given an event or a
    /// queue, made in one function and passed on, maybe further.
    pub(super) fn scan_primitives(&mut self, codes: &[(String, &'p Code, bool)]) {
        self.primitives = given_params(codes, |value| self.primitive_class(value));
    }

    /// `var = asyncio.Event()` or `var = asyncio.Queue(maxsize)`.
    pub(super) fn primitive_new(
        &self,
        sc: &mut Scope,
        var: &str,
        value: &py::Expr,
    ) -> Result<Option<StmtKind>> {
        let Some(kind) = self.primitive_class(value) else {
            return Ok(None);
        };
        let E::Call(_, args) = &value.kind else {
            unreachable!("a call, as primitive_class found")
        };
        let made = match (kind, args.as_slice()) {
            (PrimitiveKind::Event, []) => Primitive::Event,
            (PrimitiveKind::Condition, []) => Primitive::Condition,
            (PrimitiveKind::Queue, []) => Primitive::Queue { maxsize: None },
            (PrimitiveKind::Queue, [Arg::Positional(n) | Arg::Keyword(_, n)])
                if matches!(args[0], Arg::Positional(_))
                    || matches!(&args[0], Arg::Keyword(k, _) if &**k == "maxsize") =>
            {
                let maxsize = match &n.kind {
                    E::Literal(Literal::Int(0)) => None,
                    E::Literal(Literal::Int(i)) if *i > 0 => Some(self.expr(sc, n)?),
                    _ => {
                        return refuse(
                            &n.span,
                            "this queue size",
                            "the Rust listing's bounded channel takes a positive whole number \
                             written in the program (`0` or none for an unbounded queue)",
                        );
                    }
                };
                Primitive::Queue { maxsize }
            }
            (PrimitiveKind::Barrier, [Arg::Positional(n)]) if matches!(&n.kind, E::Literal(Literal::Int(i)) if *i > 0) => {
                Primitive::Barrier {
                    parties: self.expr(sc, n)?,
                }
            }
            _ => {
                return refuse(
                    &value.span,
                    format!("these arguments of `{}`", kind.class()),
                    "the Rust listing translates `asyncio.Event()`, `asyncio.Queue()` or \
                     `asyncio.Queue(maxsize)`, and `asyncio.Barrier(parties)` with a positive \
                     whole number written in the program, and `asyncio.Condition()`",
                );
            }
        };
        sc.prims.insert(var.to_string(), kind);
        Ok(Some(StmtKind::Primitive {
            name: sc.local(var, &value.span)?,
            made,
        }))
    }

    /// `object.method(...)` on an event or a queue of the scope, `await`ed
    /// or not: the object, the method and its argument.
    fn prim_call(
        &self,
        sc: &Scope,
        e: &py::Expr,
        awaited: bool,
    ) -> Result<Option<(String, PrimOp, Option<crate::render::plan::ir::expr::Expr>)>> {
        let E::Call(f, args) = &e.kind else {
            return Ok(None);
        };
        let E::Attr(obj, m) = &f.kind else {
            return Ok(None);
        };
        let Some(v) = local_name(obj) else {
            return Ok(None);
        };
        let Some(kind) = sc.prims.get(v).copied() else {
            return Ok(None);
        };
        let methods = match kind {
            PrimitiveKind::Event => EVENT_METHODS,
            PrimitiveKind::Queue => QUEUE_METHODS,
            PrimitiveKind::Barrier => BARRIER_METHODS,
            PrimitiveKind::Condition => super::condition::CONDITION_METHODS,
            PrimitiveKind::Token => "a task's token is cancelled with `task.cancel()`",
        };
        let Some((_, _, is_async, takes, _, op)) = PrimOp::ALL
            .iter()
            .find(|(k, name, ..)| *k == kind && *name == &**m)
            .copied()
        else {
            return refuse(
                &e.span,
                format!("`{v}.{m}(...)` on an `{}`", kind.class()),
                methods,
            );
        };
        if is_async != awaited {
            let how = if is_async {
                "a coroutine: awaited"
            } else {
                "a plain method: called without `await`"
            };
            return refuse(
                &e.span,
                format!("`{v}.{m}(...)` here"),
                format!("it is {how}"),
            );
        }
        let arg = match (takes, args.as_slice()) {
            _ if let Some(arg) = self.condition_arg(sc, e, op, args)? => arg,
            (false, []) => None,
            (true, [Arg::Positional(x)]) => Some(self.expr(sc, x)?),
            _ => {
                return refuse(&e.span, format!("these arguments of `{v}.{m}`"), methods);
            }
        };
        Ok(Some((sc.local(v, &obj.span)?, op, arg)))
    }

    /// `into = [await] object.method(arg)` as a statement.
    pub(super) fn prim_stmt(
        &self,
        sc: &Scope,
        e: &py::Expr,
        awaited: bool,
        into: Option<String>,
    ) -> Result<Option<StmtKind>> {
        if let Some(k) = self.permit_call(sc, e, awaited, into.as_ref())? {
            return Ok(Some(k));
        }
        if into.is_some()
            && let Some((_, PrimOp::Arrive, _)) = self.prim_call(sc, e, awaited)?
        {
            return refuse(&e.span, "the index `barrier.wait()` gives", BARRIER_METHODS);
        }
        Ok(self
            .prim_call(sc, e, awaited)?
            .map(|(object, op, arg)| StmtKind::PrimCall {
                object,
                op,
                arg,
                into,
            }))
    }

    /// `event.is_set()`, `await queue.get()`, `queue.qsize()` and the like
    /// inside an expression.
    pub(super) fn prim_expr(&self, sc: &Scope, e: &py::Expr) -> Result<Option<ExprKind>> {
        if let E::Attr(obj, attr) = &e.kind
            && &**attr == "maxsize"
            && let Some(v) = local_name(obj)
            && sc.prims.get(v) == Some(&PrimitiveKind::Queue)
        {
            return Ok(Some(ExprKind::Prim(v.to_string(), PrimOp::MaxSize)));
        }
        let (inner, awaited) = match &e.kind {
            E::Await(inner) => (&**inner, true),
            _ => (e, false),
        };
        let Some((object, op, arg)) = self.prim_call(sc, inner, awaited)? else {
            return Ok(None);
        };
        if matches!(op, PrimOp::Get | PrimOp::GetNowait) && self.carries_none() {
            self.sentinel_get(e, "", None)?;
        }
        if !op.gives_value() || arg.is_some() {
            return refuse(
                &e.span,
                "this method inside an expression",
                "it gives no value: call it as a statement of its own",
            );
        }
        Ok(Some(ExprKind::Prim(object, op)))
    }
}
