//! Statements.

use super::interp::{Flow, Frame, Interp};
use crate::engine::events::FrameKind;
use crate::engine::py::modules;
use crate::engine::py::types::exc::{self, PyResult, Unwind, error, type_error};
use crate::engine::py::types::native;
use crate::engine::py::types::native::Args;
use crate::engine::py::types::value;
use crate::engine::py::types::value::{Key, Value};
use crate::program::{Stmt, StmtKind, Target};
use futures::future::LocalBoxFuture;
use std::cell::RefCell;
use std::rc::Rc;

impl Interp {
    /// Runs a block of statements.
    pub fn exec_block<'a>(
        &'a self,
        f: &'a Frame,
        block: &'a [Stmt],
    ) -> LocalBoxFuture<'a, PyResult<Flow>> {
        Box::pin(async move {
            for s in block {
                let flow = if self.runs_now(s) {
                    self.exec_now(f, s)?
                } else {
                    self.exec(f, s).await?
                };
                match flow {
                    Flow::Normal => {}
                    flow => return Ok(flow),
                }
            }
            Ok(Flow::Normal)
        })
    }

    async fn exec(&self, f: &Frame, s: &Stmt) -> PyResult<Flow> {
        match self.exec_stmt(f, s).await {
            Err(Unwind::Limit(reason)) => {
                // The innermost statement that sees the limit is the one
                // that reached it.
                self.shared.at_stmt(s.id);
                Err(self.abort(reason))
            }
            other => other,
        }
    }

    async fn exec_stmt(&self, f: &Frame, s: &Stmt) -> PyResult<Flow> {
        self.shared.at_stmt(s.id);
        self.step()?;
        f.stmt.set(s.id);
        f.mark(&s.span);
        match &s.kind {
            StmtKind::Expr(e) => {
                self.value(f, e).await?;
            }
            StmtKind::Assign { targets, value } => {
                let v = self.value(f, value).await?;
                for t in targets {
                    match t {
                        Target::Name(n) => self.store(f, n, v.clone()),
                        _ => self.assign(f, t, v.clone()).await?,
                    }
                }
            }
            StmtKind::AugAssign { target, op, value } => match target {
                Target::Name(n) => {
                    let cur = self.load(f, n)?;
                    let rhs = self.value(f, value).await?;
                    let v = self.binop(f, *op, &cur, &rhs, true)?;
                    self.store(f, n, v);
                }
                Target::Attr(obj, name) => {
                    let o = self.value(f, obj).await?;
                    let cur = self.getattr(f, &o, name)?;
                    let rhs = self.value(f, value).await?;
                    let v = self.binop(f, *op, &cur, &rhs, true)?;
                    self.setattr(f, &o, name, v)?;
                }
                Target::Subscript(obj, index) => {
                    let o = self.value(f, obj).await?;
                    let i = self.value(f, index).await?;
                    let cur = self.getitem(f, &o, &i)?;
                    let rhs = self.value(f, value).await?;
                    let v = self.binop(f, *op, &cur, &rhs, true)?;
                    self.setitem(f, &o, &i, v)?;
                }
                Target::Unpack(..) => {
                    return Err(error(
                        "SyntaxError",
                        "illegal expression for augmented assignment",
                    ));
                }
            },
            StmtKind::Return(v) => {
                let v = match v {
                    Some(e) => self.value(f, e).await?,
                    None => Value::None,
                };
                return Ok(Flow::Return(v));
            }
            StmtKind::If { test, body, orelse } => {
                let t = self.value(f, test).await?;
                let block = if self.truthy(f, &t)? { body } else { orelse };
                return self.exec_block(f, block).await;
            }
            StmtKind::While { test, body, orelse } => loop {
                let t = self.value(f, test).await?;
                if !self.truthy(f, &t)? {
                    return self.exec_block(f, orelse).await;
                }
                match self.exec_block(f, body).await? {
                    Flow::Break => break,
                    Flow::Return(v) => return Ok(Flow::Return(v)),
                    Flow::Normal | Flow::Continue => {}
                }
            },
            StmtKind::For {
                is_async,
                target,
                iter,
                body,
                orelse,
            } => {
                let source = self.value(f, iter).await?;
                // Boxed, as the other compound statements: the future of a
                // simple statement stays small (every task holds one).
                return if *is_async {
                    Box::pin(self.async_for(f, s, source, target, body, orelse)).await
                } else {
                    Box::pin(self.sync_for(f, source, target, body, orelse)).await
                };
            }
            StmtKind::With {
                is_async,
                item,
                body,
            } => {
                let cm = self.value(f, &item.context).await?;
                return Box::pin(self.with(f, s, *is_async, cm, item.target.as_ref(), body)).await;
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => return Box::pin(self.try_stmt(f, body, handlers, orelse, finalbody)).await,
            StmtKind::Raise { exc, cause } => {
                let e = match exc {
                    None => match f.handling.borrow().last() {
                        Some(e) => e.clone(),
                        None => {
                            return Err(error("RuntimeError", "No active exception to reraise"));
                        }
                    },
                    Some(e) => {
                        let v = self.value(f, e).await?;
                        let v = self.exception_value(f, v)?;
                        if let Some(c) = cause {
                            let c = self.value(f, c).await?;
                            let c = match c {
                                Value::None => None,
                                other => Some(self.exception_value(f, other)?),
                            };
                            if let Some(state) = exc::state(&v) {
                                *state.cause.borrow_mut() = c;
                                state.suppress_context.set(true);
                            }
                        }
                        self.set_context(f, &v);
                        if let Some(state) = exc::state(&v) {
                            state.caught_in.set(0);
                        }
                        v
                    }
                };
                self.bare_raise.set(exc.is_none());
                if exc.is_some() {
                    // CPython marks the whole statement (no `^^^`).
                    f.mark(&s.span);
                }
                return Err(Unwind::Exc(e));
            }
            StmtKind::Assert { test, msg } => {
                let t = self.value(f, test).await?;
                if !self.truthy(f, &t)? {
                    let args = match msg {
                        Some(m) => vec![self.value(f, m).await?],
                        None => Vec::new(),
                    };
                    let class = exc::class("AssertionError").expect("built in");
                    f.mark(&s.span);
                    return Err(Unwind::Exc(exc::instance(class, args)));
                }
            }
            StmtKind::Def {
                code,
                name,
                defaults,
                decorators,
                annotations,
            } => {
                // Boxed: a statement's future stays alive in every task
                // waiting in it, so a rare heavy arm stays out of it.
                Box::pin(self.def_stmt(f, code, name, defaults, decorators, annotations)).await?;
            }
            StmtKind::Class {
                code,
                name,
                bases,
                decorators,
            } => Box::pin(self.class_stmt(f, code, name, bases, decorators)).await?,
            StmtKind::Import {
                module,
                member,
                name,
            } => {
                let v = match member {
                    None => Value::Module(*module),
                    Some(m) => modules::member(*module, m).ok_or_else(|| {
                        error(
                            "ImportError",
                            format!("cannot import name '{m}' from '{}'", module.name()),
                        )
                    })?,
                };
                self.store(f, name, v);
            }
            StmtKind::Delete(targets) => {
                for t in targets {
                    match t {
                        Target::Name(n) => self.delete(f, n)?,
                        Target::Subscript(obj, index) => {
                            let o = self.value(f, obj).await?;
                            let i = self.value(f, index).await?;
                            self.delitem(f, &o, &i)?;
                        }
                        Target::Attr(obj, name) => {
                            let o = self.value(f, obj).await?;
                            if let Value::Instance(i) = &o
                                && let Some(e) =
                                    modules::dataclasses::frozen_setattr(&i.class, name, true)
                            {
                                return Err(e);
                            }
                            if let Value::Instance(i) = &o
                                && let Some(r) = super::descriptor::set_through(
                                    self, f, &o, &i.class, name, None,
                                )
                            {
                                r?;
                                continue;
                            }
                            match &o {
                                Value::Instance(i)
                                    if i.attrs
                                        .dict()
                                        .borrow_mut()
                                        .shift_remove(&**name)
                                        .is_some() => {}
                                other => return Err(super::interp::no_attribute(other, name)),
                            }
                        }
                        Target::Unpack(items, _) => {
                            for t in items {
                                if let Target::Name(n) = t {
                                    self.delete(f, n)?;
                                }
                            }
                        }
                    }
                }
            }
            StmtKind::Annotate { name, annotation } => {
                let v = self.value(f, annotation).await?;
                let ns = f.namespace.as_ref().unwrap_or(&self.globals);
                let notes = ns.borrow().get("__annotations__").cloned();
                let notes = match notes {
                    Some(Value::Dict(d)) => d,
                    _ => {
                        let d = Rc::new(RefCell::new(value::Dict::default()));
                        ns.borrow_mut()
                            .insert("__annotations__".into(), Value::Dict(d.clone()));
                        d
                    }
                };
                notes.borrow_mut().insert(Key(Value::str(name)), v);
            }
            StmtKind::Pass => {}
            StmtKind::Break => return Ok(Flow::Break),
            StmtKind::Continue => return Ok(Flow::Continue),
        }
        Ok(Flow::Normal)
    }

    async fn sync_for(
        &self,
        f: &Frame,
        source: Value,
        target: &Target,
        body: &[Stmt],
        orelse: &[Stmt],
    ) -> PyResult<Flow> {
        let mut items = self.for_items(f, &source)?;
        loop {
            let Some(item) = self.next_for_item(f, &mut items)? else {
                return self.exec_block(f, orelse).await;
            };
            match target {
                Target::Name(n) => self.store(f, n, item),
                _ => self.assign(f, target, item).await?,
            }
            match self.exec_block(f, body).await? {
                Flow::Break => return Ok(Flow::Normal),
                Flow::Return(v) => return Ok(Flow::Return(v)),
                Flow::Normal | Flow::Continue => {}
            }
        }
    }

    async fn async_for(
        &self,
        f: &Frame,
        s: &Stmt,
        source: Value,
        target: &Target,
        body: &[Stmt],
        orelse: &[Stmt],
    ) -> PyResult<Flow> {
        let it = self.aiter(f, &source)?;
        loop {
            f.stmt.set(s.id);
            let Some(item) = self.anext(f, &it).await? else {
                return self.exec_block(f, orelse).await;
            };
            self.assign(f, target, item).await?;
            match self.exec_block(f, body).await? {
                Flow::Break => return Ok(Flow::Normal),
                Flow::Return(v) => return Ok(Flow::Return(v)),
                Flow::Normal | Flow::Continue => {}
            }
        }
    }

    /// `aiter(v)`.
    pub fn aiter(&self, f: &Frame, v: &Value) -> PyResult<Value> {
        if native::downcast::<super::coro::Generator>(v).is_some_and(|g| g.is_async) {
            return Ok(v.clone());
        }
        match self.special(v, "__aiter__") {
            Some(m) => self.call(f, &m, Args::positional(vec![v.clone()])),
            None => Err(type_error(format!(
                "'async for' requires an object with __aiter__ method, got {}",
                v.type_name()
            ))),
        }
    }

    /// `await anext(it)`: the next item, or `None` at `StopAsyncIteration`.
    pub async fn anext(&self, f: &Frame, it: &Value) -> PyResult<Option<Value>> {
        if let Some(g) = native::downcast::<super::coro::Generator>(it)
            && g.is_async
        {
            return g.next_async(self, f, Value::None).await;
        }
        let Some(m) = self.special(it, "__anext__") else {
            return Err(type_error(format!(
                "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                it.type_name()
            )));
        };
        let awaitable = self.call(f, &m, Args::positional(vec![it.clone()]))?;
        match self.await_protocol(f, awaitable, FrameKind::Iterator).await {
            Ok(v) => Ok(Some(v)),
            Err(Unwind::Exc(e)) if exc::is_instance_of(&e, "StopAsyncIteration") => Ok(None),
            Err(e) => Err(e),
        }
    }

    async fn with(
        &self,
        f: &Frame,
        s: &Stmt,
        is_async: bool,
        cm: Value,
        target: Option<&Target>,
        body: &[Stmt],
    ) -> PyResult<Flow> {
        let (enter, exit) = if is_async {
            ("__aenter__", "__aexit__")
        } else {
            ("__enter__", "__exit__")
        };
        // A native manager (`TaskGroup`, an executor) has methods of its own.
        let native = matches!(&cm, Value::Native(n) if n.has_method(enter) && n.has_method(exit));
        let methods = match (native, self.special(&cm, enter), self.special(&cm, exit)) {
            (true, _, _) => None,
            (false, Some(enter_m), Some(exit_m)) => Some((enter_m, exit_m)),
            _ => {
                let proto = if is_async {
                    "asynchronous context manager protocol"
                } else {
                    "context manager protocol"
                };
                return Err(type_error(format!(
                    "'{}' object does not support the {proto}",
                    cm.type_name()
                )));
            }
        };
        let mut entered = match &methods {
            None => self.call_method(f, &cm, enter, Args::default())?,
            Some((enter_m, _)) => self.call(f, enter_m, Args::positional(vec![cm.clone()]))?,
        };
        if is_async {
            entered = self
                .await_protocol(f, entered, FrameKind::ContextManager)
                .await?;
        }
        if let Some(t) = target {
            self.assign(f, t, entered).await?;
        }
        let result = self.exec_block(f, body).await;
        let exc_value = match &result {
            Err(Unwind::Exc(e)) => Some(e.clone()),
            _ => None,
        };
        if let Err(Unwind::Abort) = result {
            return result;
        }
        let args = match &exc_value {
            Some(e) => {
                let class = match e {
                    Value::Instance(i) => Value::Class(i.class.clone()),
                    _ => Value::None,
                };
                vec![cm.clone(), class, e.clone(), Value::None]
            }
            None => vec![cm.clone(), Value::None, Value::None, Value::None],
        };
        if let Some(e) = &exc_value {
            f.handling.borrow_mut().push(e.clone());
        }
        // The exit runs at the `with` statement, as CPython's traceback and
        // the timeline show it; an exception of the body that goes on keeps
        // the line that raised it.
        let raised_at = (f.stmt.get(), f.marked());
        f.stmt.set(s.id);
        f.mark(&s.span);
        let mut exited = match &methods {
            // `with runner:` runs the loop at its end.
            None if !is_async => {
                self.call_method_async(f, &cm, exit, Args::positional(args[1..].to_vec()))
                    .await
            }
            None => self.call_method(f, &cm, exit, Args::positional(args[1..].to_vec())),
            Some((_, exit_m)) => self.call(f, exit_m, Args::positional(args)),
        };
        if is_async && let Ok(aw) = exited {
            exited = self.await_protocol(f, aw, FrameKind::ContextManager).await;
        }
        if exc_value.is_some() {
            f.handling.borrow_mut().pop();
        }
        let swallow = exited?;
        if exc_value.is_some() && self.truthy(f, &swallow)? {
            return Ok(Flow::Normal);
        }
        if exc_value.is_some() {
            f.stmt.set(raised_at.0);
            f.mark(&raised_at.1);
        }
        result
    }

    /// Binds a value to an assignment target.
    pub fn assign<'a>(
        &'a self,
        f: &'a Frame,
        t: &'a Target,
        v: Value,
    ) -> LocalBoxFuture<'a, PyResult<()>> {
        Box::pin(async move {
            match t {
                Target::Name(n) => self.store(f, n, v),
                Target::Attr(obj, name) => {
                    let o = self.value(f, obj).await?;
                    self.setattr(f, &o, name, v)?;
                }
                Target::Subscript(obj, index) => {
                    let o = self.value(f, obj).await?;
                    let i = self.value(f, index).await?;
                    self.setitem(f, &o, &i, v)?;
                }
                Target::Unpack(targets, star) => {
                    let items = self.iterate(f, &v)?;
                    match star {
                        None => {
                            if items.len() != targets.len() {
                                return Err(if items.len() > targets.len() {
                                    exc::value_error(format!(
                                        "too many values to unpack (expected {})",
                                        targets.len()
                                    ))
                                } else {
                                    exc::value_error(format!(
                                        "not enough values to unpack (expected {}, got {})",
                                        targets.len(),
                                        items.len()
                                    ))
                                });
                            }
                            for (t, item) in targets.iter().zip(items) {
                                self.assign(f, t, item).await?;
                            }
                        }
                        Some(s) => {
                            let after = targets.len() - s - 1;
                            if items.len() < targets.len() - 1 {
                                return Err(exc::value_error(format!(
                                    "not enough values to unpack (expected at least {}, got {})",
                                    targets.len() - 1,
                                    items.len()
                                )));
                            }
                            let mut items = items;
                            let tail = items.split_off(items.len() - after);
                            let middle = items.split_off(*s);
                            for (t, item) in targets[..*s].iter().zip(items) {
                                self.assign(f, t, item).await?;
                            }
                            self.assign(f, &targets[*s], Value::list(middle)).await?;
                            for (t, item) in targets[s + 1..].iter().zip(tail) {
                                self.assign(f, t, item).await?;
                            }
                        }
                    }
                }
            }
            Ok(())
        })
    }
}
