//! Expressions. Those that cannot suspend are evaluated by plain recursion;
//! those holding an `await`, a `yield` or an async comprehension go through
//! the async evaluator, which evaluates the operands and then applies the
//! same operations.

use super::interp::{Frame, Interp};
use crate::engine::py::modules::asyncio::runners;
use crate::engine::py::types::exc::{self, PyResult, Unwind, error, type_error};
use crate::engine::py::types::items;
use crate::engine::py::types::native::Args;
use crate::engine::py::types::ops;
use crate::engine::py::types::value::{Key, Value};
use crate::program::expr::{CompKind, Literal};
use crate::program::{Arg, BoolOp, Expr, ExprKind, UnaryOp};
use futures::future::LocalBoxFuture;
use std::cell::RefCell;
use std::rc::Rc;

impl Interp {
    /// Evaluates an expression, suspending if it must.
    pub async fn value(&self, f: &Frame, e: &Expr) -> PyResult<Value> {
        if e.suspends {
            self.eval_async(f, e).await
        } else {
            self.eval(f, e)
        }
    }

    /// Evaluates an expression that cannot suspend.
    pub fn eval(&self, f: &Frame, e: &Expr) -> PyResult<Value> {
        match &e.kind {
            ExprKind::Literal(l) => Ok(literal(l)),
            ExprKind::Name(n) => self.load(f, n).inspect_err(|_| f.mark(&e.span)),
            ExprKind::Attr(obj, name) => {
                let o = self.eval(f, obj)?;
                f.mark(&e.span);
                self.getattr(f, &o, name)
            }
            ExprKind::Subscript(obj, index) => {
                let o = self.eval(f, obj)?;
                let i = self.eval(f, index)?;
                f.mark(&e.span);
                self.getitem(f, &o, &i)
            }
            ExprKind::Slice(lo, hi, st) => {
                let part = |x: &Option<Box<Expr>>| -> PyResult<Value> {
                    match x {
                        Some(x) => self.eval(f, x),
                        None => Ok(Value::None),
                    }
                };
                Ok(slice(part(lo)?, part(hi)?, part(st)?))
            }
            ExprKind::Call(func, args) => {
                f.mark(&e.span);
                if let ExprKind::Attr(obj, name) = &func.kind {
                    let o = self.eval(f, obj)?;
                    let args = self.args_sync(f, args)?;
                    f.mark(&e.span);
                    return self.call_method(f, &o, name, args);
                }
                let callee = self.eval(f, func)?;
                let args = self.args_sync(f, args)?;
                f.mark(&e.span);
                self.call(f, &callee, args)
            }
            ExprKind::BinOp(op, l, r) => {
                let a = self.eval(f, l)?;
                let b = self.eval(f, r)?;
                f.mark(&e.span);
                self.binop(f, *op, &a, &b, false)
            }
            ExprKind::UnaryOp(op, v) => {
                let v = self.eval(f, v)?;
                f.mark(&e.span);
                self.unary(f, *op, &v)
            }
            ExprKind::BoolOp(op, values) => {
                let mut last = Value::None;
                for v in values {
                    last = self.eval(f, v)?;
                    let t = self.truthy(f, &last)?;
                    if (*op == BoolOp::And && !t) || (*op == BoolOp::Or && t) {
                        return Ok(last);
                    }
                }
                Ok(last)
            }
            ExprKind::Compare(first, rest) => {
                let mut left = self.eval(f, first)?;
                for (op, x) in rest {
                    let right = self.eval(f, x)?;
                    f.mark(&e.span);
                    if !self.cmp(f, *op, &left, &right)? {
                        return Ok(Value::Bool(false));
                    }
                    left = right;
                }
                Ok(Value::Bool(true))
            }
            ExprKind::IfExp(t, b, o) => {
                let t = self.eval(f, t)?;
                if self.truthy(f, &t)? {
                    self.eval(f, b)
                } else {
                    self.eval(f, o)
                }
            }
            ExprKind::Lambda { code, defaults } => {
                let ds = defaults
                    .iter()
                    .map(|d| self.eval(f, d))
                    .collect::<PyResult<Vec<_>>>()?;
                Ok(self.make_function(f, code, ds))
            }
            ExprKind::List(items) => Ok(Value::list(self.items_sync(f, items)?)),
            ExprKind::Tuple(items) => Ok(Value::tuple(self.items_sync(f, items)?)),
            ExprKind::Set(items) => {
                let constant = is_constant_display(items);
                make_set(self.items_sync(f, items)?, constant)
            }
            ExprKind::Dict(items) => {
                let mut pairs = Vec::with_capacity(items.len());
                for (k, v) in items {
                    let k = match k {
                        Some(k) => Some(self.eval(f, k)?),
                        None => None,
                    };
                    pairs.push((k, self.eval(f, v)?));
                }
                self.make_dict(f, pairs)
            }
            ExprKind::Starred(_) => Err(error("SyntaxError", "can't use starred expression here")),
            ExprKind::Comprehension(c) => {
                let first = self.eval(f, &c.generators[0].iter)?;
                if c.kind == CompKind::Generator {
                    return Ok(self.generator_expression(f, c, first));
                }
                super::interp::run_now(self.comprehension(f, c, first))
            }
            ExprKind::FString(parts) => {
                // An f-string is written as a format spec is: field by field.
                let out = self.spec_sync(f, parts)?;
                ops::check_bytes(out.len())?;
                Ok(Value::str(&out))
            }
            ExprKind::Named(t, v) => {
                let v = self.eval(f, v)?;
                if let crate::program::Target::Name(n) = &**t {
                    self.store(f, n, v.clone());
                }
                Ok(v)
            }
            ExprKind::Await(_) | ExprKind::Yield(_) | ExprKind::YieldFrom(_) => Err(error(
                "RuntimeError",
                "internal error: a suspending expression was evaluated without suspending",
            )),
        }
    }

    /// Evaluates an expression that may suspend.
    pub fn eval_async<'a>(
        &'a self,
        f: &'a Frame,
        e: &'a Expr,
    ) -> LocalBoxFuture<'a, PyResult<Value>> {
        Box::pin(async move {
            if !e.suspends {
                return self.eval(f, e);
            }
            match &e.kind {
                ExprKind::Await(v) => {
                    let aw = self.value(f, v).await?;
                    f.mark(&e.span);
                    self.await_value(f, aw).await
                }
                ExprKind::Yield(v) => {
                    let v = match v {
                        Some(v) => self.value(f, v).await?,
                        None => Value::None,
                    };
                    match &f.yields {
                        Some(slot) => slot.yield_value(v).await,
                        None => Err(error("RuntimeError", "yield outside a generator")),
                    }
                }
                ExprKind::YieldFrom(v) => {
                    let source = self.value(f, v).await?;
                    let it = self.iter(f, &source)?;
                    let Some(slot) = &f.yields else {
                        return Err(error("RuntimeError", "yield outside a generator"));
                    };
                    // Boxed: an await point keeps this future alive in every
                    // waiting task, so its rare heavy arms stay out of it.
                    Box::pin(self.yield_from(f, slot, &it)).await
                }
                ExprKind::Attr(obj, name) => {
                    let o = self.value(f, obj).await?;
                    f.mark(&e.span);
                    self.getattr(f, &o, name)
                }
                ExprKind::Subscript(obj, index) => {
                    let o = self.value(f, obj).await?;
                    let i = self.value(f, index).await?;
                    f.mark(&e.span);
                    self.getitem(f, &o, &i)
                }
                ExprKind::Slice(lo, hi, st) => {
                    let mut parts = Vec::new();
                    for x in [lo, hi, st] {
                        parts.push(match x {
                            Some(x) => self.value(f, x).await?,
                            None => Value::None,
                        });
                    }
                    let st = parts.pop().unwrap_or(Value::None);
                    let hi = parts.pop().unwrap_or(Value::None);
                    let lo = parts.pop().unwrap_or(Value::None);
                    Ok(slice(lo, hi, st))
                }
                // Boxed, as the other heavy arms: an await point keeps this
                // future alive, so it stays small.
                ExprKind::Call(func, args) => {
                    Box::pin(async move {
                        if let ExprKind::Attr(obj, name) = &func.kind {
                            let o = self.value(f, obj).await?;
                            let args = self.args_async(f, args).await?;
                            f.mark(&e.span);
                            return self.call_method_async(f, &o, name, args).await;
                        }
                        let callee = self.value(f, func).await?;
                        let args = self.args_async(f, args).await?;
                        f.mark(&e.span);
                        self.call_async(f, &callee, args).await
                    })
                    .await
                }
                ExprKind::BinOp(op, l, r) => {
                    let a = self.value(f, l).await?;
                    let b = self.value(f, r).await?;
                    f.mark(&e.span);
                    self.binop(f, *op, &a, &b, false)
                }
                ExprKind::UnaryOp(op, v) => {
                    let v = self.value(f, v).await?;
                    f.mark(&e.span);
                    self.unary(f, *op, &v)
                }
                ExprKind::BoolOp(op, values) => {
                    let mut last = Value::None;
                    for v in values {
                        last = self.value(f, v).await?;
                        let t = self.truthy(f, &last)?;
                        if (*op == BoolOp::And && !t) || (*op == BoolOp::Or && t) {
                            return Ok(last);
                        }
                    }
                    Ok(last)
                }
                ExprKind::Compare(first, rest) => {
                    let mut left = self.value(f, first).await?;
                    for (op, x) in rest {
                        let right = self.value(f, x).await?;
                        f.mark(&e.span);
                        if !self.cmp(f, *op, &left, &right)? {
                            return Ok(Value::Bool(false));
                        }
                        left = right;
                    }
                    Ok(Value::Bool(true))
                }
                ExprKind::IfExp(t, b, o) => {
                    let t = self.value(f, t).await?;
                    if self.truthy(f, &t)? {
                        self.value(f, b).await
                    } else {
                        self.value(f, o).await
                    }
                }
                ExprKind::List(items) => Ok(Value::list(self.items_async(f, items).await?)),
                ExprKind::Tuple(items) => Ok(Value::tuple(self.items_async(f, items).await?)),
                ExprKind::Set(items) => {
                    let constant = is_constant_display(items);
                    make_set(self.items_async(f, items).await?, constant)
                }
                ExprKind::Dict(items) => {
                    let mut pairs = Vec::with_capacity(items.len());
                    for (k, v) in items {
                        let k = match k {
                            Some(k) => Some(self.value(f, k).await?),
                            None => None,
                        };
                        pairs.push((k, self.value(f, v).await?));
                    }
                    self.make_dict(f, pairs)
                }
                ExprKind::Comprehension(c) => {
                    let first = self.value(f, &c.generators[0].iter).await?;
                    if c.kind == CompKind::Generator {
                        return Ok(self.generator_expression(f, c, first));
                    }
                    Box::pin(self.comprehension(f, c, first)).await
                }
                ExprKind::FString(parts) => {
                    let out = self.spec_async(f, parts).await?;
                    ops::check_bytes(out.len())?;
                    Ok(Value::str(&out))
                }
                ExprKind::Named(t, v) => {
                    let v = self.value(f, v).await?;
                    if let crate::program::Target::Name(n) = &**t {
                        self.store(f, n, v.clone());
                    }
                    Ok(v)
                }
                ExprKind::Starred(_) => {
                    Err(error("SyntaxError", "can't use starred expression here"))
                }
                _ => self.eval(f, e),
            }
        })
    }

    fn items_sync(&self, f: &Frame, items: &[Expr]) -> PyResult<Vec<Value>> {
        let mut out = Vec::with_capacity(items.len());
        for x in items {
            match &x.kind {
                ExprKind::Starred(inner) => {
                    let v = self.eval(f, inner)?;
                    out.extend(self.iterate(f, &v)?);
                }
                _ => out.push(self.eval(f, x)?),
            }
        }
        Ok(out)
    }

    async fn items_async(&self, f: &Frame, items: &[Expr]) -> PyResult<Vec<Value>> {
        let mut out = Vec::with_capacity(items.len());
        for x in items {
            match &x.kind {
                ExprKind::Starred(inner) => {
                    let v = self.value(f, inner).await?;
                    out.extend(self.iterate(f, &v)?);
                }
                _ => out.push(self.value(f, x).await?),
            }
        }
        Ok(out)
    }

    fn args_sync(&self, f: &Frame, args: &[Arg]) -> PyResult<Args> {
        let mut out = Args::default();
        for a in args {
            match a {
                Arg::Positional(e) => out.pos.push(self.eval(f, e)?),
                Arg::Star(e) => {
                    let v = self.eval(f, e)?;
                    out.pos.extend(self.iterate(f, &v)?);
                }
                Arg::Keyword(k, e) => out.kw.push((Rc::from(&**k), self.eval(f, e)?)),
                Arg::StarStar(e) => {
                    let v = self.eval(f, e)?;
                    self.spread_kwargs(&mut out, v)?;
                }
            }
        }
        Ok(out)
    }

    async fn args_async(&self, f: &Frame, args: &[Arg]) -> PyResult<Args> {
        let mut out = Args::default();
        for a in args {
            match a {
                Arg::Positional(e) => out.pos.push(self.value(f, e).await?),
                Arg::Star(e) => {
                    let v = self.value(f, e).await?;
                    out.pos.extend(self.iterate(f, &v)?);
                }
                Arg::Keyword(k, e) => out.kw.push((Rc::from(&**k), self.value(f, e).await?)),
                Arg::StarStar(e) => {
                    let v = self.value(f, e).await?;
                    self.spread_kwargs(&mut out, v)?;
                }
            }
        }
        Ok(out)
    }

    fn spread_kwargs(&self, out: &mut Args, v: Value) -> PyResult<()> {
        let Some(d) = v.as_plain_dict() else {
            return Err(type_error(format!(
                "argument after ** must be a mapping, not {}",
                v.type_name()
            )));
        };
        for (k, v) in d.borrow().iter() {
            match &k.0 {
                Value::Str(s) => out.kw.push((s.clone(), v.clone())),
                _ => return Err(type_error("keywords must be strings")),
            }
        }
        Ok(())
    }

    /// A call that may suspend: only `asyncio.run` does.
    async fn call_async(&self, f: &Frame, callee: &Value, args: Args) -> PyResult<Value> {
        if let Value::Builtin("asyncio.run") = callee {
            return runners::asyncio_run(self, f, args).await;
        }
        // A plain function that runs an event loop (`def main():
        // asyncio.run(...)`): its body waits for the loop.
        // A bound method of such a function (`app.main()` taken apart).
        if let Value::Method(m) = callee
            && let (Value::Function(func), me) = (&m.1, &m.0)
            && !func.code.is_async
            && !func.code.is_generator
        {
            let mut args = args;
            args.pos.insert(0, me.clone());
            return Box::pin(self.call_async(f, &Value::Function(func.clone()), args)).await;
        }
        if let Value::Function(func) = callee
            && !func.code.is_async
            && !func.code.is_generator
        {
            let frame = self.bind(f, func, args)?;
            let depth = self.enter(f)?;
            frame.called_by(f);
            let result = Box::pin(self.run_body(&frame)).await;
            self.depth.set(depth);
            return self.traceback(&frame, result);
        }
        self.call(f, callee, args)
    }

    pub(super) async fn call_method_async(
        &self,
        f: &Frame,
        obj: &Value,
        name: &str,
        args: Args,
    ) -> PyResult<Value> {
        if let (Value::Module(crate::program::Module::Asyncio), "run") = (obj, name) {
            return runners::asyncio_run(self, f, args).await;
        }
        if runners::runs_loop(obj, name) {
            return runners::run_loop(self, f, obj, name, args).await;
        }
        // A method that may run an event loop (`def main(self):
        // asyncio.run(...)`, a static method): its body waits for the loop.
        if matches!(obj, Value::Instance(_) | Value::Class(_))
            && let Ok(m @ (Value::Function(_) | Value::Method(_))) = self.getattr(f, obj, name)
        {
            return self.call_async(f, &m, args).await;
        }
        self.call_method(f, obj, name, args)
    }

    fn make_dict(&self, f: &Frame, pairs: Vec<(Option<Value>, Value)>) -> PyResult<Value> {
        let mut d = crate::engine::py::types::value::Dict::default();
        for (k, v) in pairs {
            match k {
                Some(k) => {
                    d.insert(Key::new(k).map_err(type_error)?, v);
                }
                None => match v.as_plain_dict().map(Value::Dict).unwrap_or(v) {
                    Value::Dict(other) => {
                        for (k, v) in other.borrow().iter() {
                            d.insert(k.clone(), v.clone());
                        }
                    }
                    other => {
                        let _ = f;
                        return Err(type_error(format!(
                            "'{}' object is not a mapping",
                            other.type_name()
                        )));
                    }
                },
            }
        }
        Ok(Value::Dict(Rc::new(RefCell::new(d))))
    }
}

/// The value of a literal.
pub fn literal(l: &Literal) -> Value {
    match l {
        Literal::None => Value::None,
        Literal::Ellipsis => Value::Ellipsis,
        Literal::Bool(b) => Value::Bool(*b),
        Literal::Int(i) => Value::Int(*i),
        Literal::BigInt(s) => s
            .parse::<num_bigint::BigInt>()
            .map(ops::int)
            .unwrap_or(Value::None),
        Literal::Float(x) => Value::Float(*x),
        Literal::Str(s) => Value::Str(Rc::from(&**s)),
        Literal::Bytes(b) => Value::Bytes(Rc::from(&**b)),
    }
}

/// A `slice` object, as a tuple tagged for subscripting.
fn slice(lo: Value, hi: Value, st: Value) -> Value {
    Value::Native(Rc::new(items::Slice { lo, hi, st }))
}

/// CPython folds a set display of three or more constants into a frozenset
/// and builds the set from it, which orders the set differently from
/// adding the items one by one.
fn is_constant_display(items: &[Expr]) -> bool {
    fn constant(e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Literal(_) => true,
            ExprKind::UnaryOp(UnaryOp::Neg | UnaryOp::Pos, x) => {
                matches!(
                    x.kind,
                    ExprKind::Literal(Literal::Int(_) | Literal::Float(_))
                )
            }
            ExprKind::Tuple(items) => items.iter().all(constant),
            _ => false,
        }
    }
    items.len() >= 3 && items.iter().all(constant)
}

fn make_set(items: Vec<Value>, constant: bool) -> PyResult<Value> {
    let keys = items
        .into_iter()
        .map(|i| Key::new(i).map_err(type_error))
        .collect::<PyResult<Vec<_>>>()?;
    let s = if constant {
        crate::engine::py::types::value::Set::from_const_display(keys)
    } else {
        keys.into_iter().collect()
    };
    Ok(Value::Set(Rc::new(RefCell::new(s))))
}

/// Whether a failed evaluation is a `StopIteration` (for generators).
pub fn is_stop(e: &Unwind) -> bool {
    matches!(e, Unwind::Exc(v) if exc::is_instance_of(v, "StopIteration"))
}
