//! Coroutines, generators and comprehensions.
//!
//! A coroutine is its frame, not yet started; awaiting it runs the body in
//! the awaiting task, on a lane of its own. A generator's body is a future
//! too: `yield` hands a value to the generator's [`YieldSlot`] and returns
//! `Pending` without a wake, so whoever drives the body sees the value.
//! A plain generator is driven by polling once per item; an async one by
//! polling with the consumer's waker, so its awaits really wait.

use super::exc::{PyResult, Unwind, error};
use super::interp::{Frame, Interp};
use super::native::{Args, Native, Step};
use super::value::{Function, Key, Value};
use crate::engine::events::{EventKind, LaneKind, WaitOn};
use crate::engine::runtime::Probe;
use crate::program::Comprehension;
use crate::program::expr::CompKind;
use futures::future::LocalBoxFuture;
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::Arc;
use std::task::{Context, Poll, Waker};

/// A coroutine object: `fetch(1)` before it is awaited.
pub struct Coroutine {
    pub func: Rc<Function>,
    /// Boxed: a started coroutine keeps only the empty slot.
    frame: RefCell<Option<Box<Frame>>>,
}

impl Coroutine {
    /// A coroutine object for a bound frame, as a value.
    pub fn value(func: Rc<Function>, frame: Frame) -> Value {
        Value::Native(Rc::new(Coroutine {
            func,
            frame: RefCell::new(Some(Box::new(frame))),
        }))
    }

    /// The coroutine's name, as a lane shows it.
    pub fn name(&self) -> Rc<str> {
        Rc::from(&*self.func.code.name)
    }

    /// Takes the frame to run it; an error if it already ran.
    pub fn start(&self) -> PyResult<Box<Frame>> {
        self.frame
            .borrow_mut()
            .take()
            .ok_or_else(|| error("RuntimeError", "cannot reuse already awaited coroutine"))
    }

    /// Whether it has been started (awaited or made a task).
    pub fn started(&self) -> bool {
        self.frame.borrow().is_none()
    }
}

impl Native for Coroutine {
    fn type_name(&self) -> &str {
        "coroutine"
    }

    fn repr(&self) -> String {
        format!("<coroutine object {}>", self.func.code.qualname)
    }

    fn attr(self: Rc<Self>, name: &str) -> Option<Value> {
        match name {
            "__name__" => Some(Value::str(&self.func.code.name)),
            "__qualname__" => Some(Value::str(&self.func.code.qualname)),
            _ => None,
        }
    }

    fn has_method(&self, name: &str) -> bool {
        name == "close"
    }

    fn call_method(
        self: Rc<Self>,
        _ix: &Rc<Interp>,
        _cx: &Frame,
        name: &str,
        _args: Args,
    ) -> Option<PyResult<Value>> {
        (name == "close").then(|| {
            self.frame.borrow_mut().take();
            Ok(Value::None)
        })
    }

    fn await_on<'a>(self: Rc<Self>, ix: &'a Rc<Interp>, cx: &'a Frame) -> Option<Step<'a>> {
        Some(Box::pin(async move {
            let frame = self.start()?;
            ix.run_coroutine(cx, *frame, self.name()).await
        }))
    }
}

impl Interp {
    /// Runs a started coroutine's frame inside the caller's task, on a
    /// coroutine lane of its own.
    pub async fn run_coroutine(
        &self,
        caller: &Frame,
        frame: Frame,
        name: Rc<str>,
    ) -> PyResult<Value> {
        let lane = self
            .shared
            .new_lane(
                &name,
                LaneKind::Coroutine,
                Some(caller.lane.get()),
                Some(caller.stmt.get()),
            )
            .map_err(|_| Unwind::Abort)?;
        self.shared.set_waiting(
            caller.lane.get(),
            WaitOn::Lane(lane),
            Some(caller.stmt.get()),
        );
        *frame.task.borrow_mut() = caller.task();
        frame.lane.set(lane);
        let depth = self.enter(caller)?;
        let ix = self.rc();
        let body = async move {
            let r = ix.run_body(&frame).await;
            let r = ix.traceback(&frame, r);
            ix.finish_lane(lane, &r);
            r
        };
        let r = Probe::new(self.shared.clone(), lane, body).await;
        self.depth.set(depth);
        r
    }

    /// Records how a lane ended.
    pub fn finish_lane(&self, lane: crate::engine::events::LaneId, r: &PyResult<Value>) {
        let kind = match r {
            Ok(v) => EventKind::Returned { value: v.repr() },
            Err(Unwind::Exc(e)) if super::exc::is_instance_of(e, "CancelledError") => {
                EventKind::Cancelled
            }
            Err(Unwind::Exc(e)) => EventKind::Failed {
                message: super::exc::summary(e),
            },
            Err(Unwind::Abort | Unwind::Limit(_)) => return,
        };
        self.shared.emit(lane, None, kind);
    }

    /// What `await v` does.
    pub async fn await_value(&self, f: &Frame, v: Value) -> PyResult<Value> {
        match &v {
            Value::Native(n) => {
                let ix = self.rc();
                let step = n.clone().await_on(&ix, f);
                match step {
                    Some(step) => step.await,
                    None => Err(not_awaitable(&v)),
                }
            }
            Value::Instance(_) => match self.special(&v, "__await__") {
                Some(_) => Err(error(
                    "TypeError",
                    "objects with __await__ are not supported: await a coroutine, task or future",
                )),
                None => Err(not_awaitable(&v)),
            },
            _ => Err(not_awaitable(&v)),
        }
    }

    /// A list, set or dict comprehension, run in its own scope.
    pub async fn comprehension(
        &self,
        f: &Frame,
        c: &Comprehension,
        first: Value,
    ) -> PyResult<Value> {
        let frame = self.comprehension_frame(f, c);
        let mut out = Vec::new();
        let mut pairs = Vec::new();
        self.comp_loop(&frame, c, 0, first, &mut |v, w| match w {
            Some(w) => pairs.push((v, w)),
            None => out.push(v),
        })
        .await?;
        Ok(match c.kind {
            CompKind::List | CompKind::Generator => Value::list(out),
            CompKind::Set => {
                let mut s = super::value::Set::new();
                for v in out {
                    s.insert(Key::new(v).map_err(super::exc::type_error)?);
                }
                Value::Set(Rc::new(RefCell::new(s)))
            }
            CompKind::Dict => {
                let mut d = super::value::Dict::new();
                for (k, v) in pairs {
                    d.insert(Key::new(k).map_err(super::exc::type_error)?, v);
                }
                Value::Dict(Rc::new(RefCell::new(d)))
            }
        })
    }

    fn comprehension_frame(&self, f: &Frame, c: &Comprehension) -> Frame {
        let code = &c.code;
        let mut cells: Vec<Rc<RefCell<Option<Value>>>> = (0..code.own_cells)
            .map(|_| Rc::new(RefCell::new(None)))
            .collect();
        for i in &code.captures {
            cells.push(f.cells.get(*i as usize).cloned().unwrap_or_default());
        }
        let mut frame = self.frame(
            code.clone(),
            cells,
            f.task(),
            f.lane.get(),
            f.function.clone(),
        );
        frame.namespace = f.namespace.clone();
        frame.stmt.set(f.stmt.get());
        frame
    }

    fn comp_loop<'a>(
        &'a self,
        f: &'a Frame,
        c: &'a Comprehension,
        level: usize,
        source: Value,
        sink: &'a mut dyn FnMut(Value, Option<Value>),
    ) -> LocalBoxFuture<'a, PyResult<()>> {
        Box::pin(async move {
            let g = &c.generators[level];
            let mut n = 0u64;
            let it = if g.is_async {
                self.aiter(f, &source)?
            } else {
                self.iter(f, &source)?
            };
            loop {
                let item = if g.is_async {
                    self.anext(f, &it).await?
                } else {
                    self.next(f, &it)?
                };
                let Some(item) = item else { break };
                self.iteration(&mut n)?;
                self.assign(f, &g.target, item).await?;
                let mut keep = true;
                for cond in &g.ifs {
                    let v = self.value(f, cond).await?;
                    if !self.truthy(f, &v)? {
                        keep = false;
                        break;
                    }
                }
                if !keep {
                    continue;
                }
                if level + 1 < c.generators.len() {
                    let next = self.value(f, &c.generators[level + 1].iter).await?;
                    self.comp_loop(f, c, level + 1, next, sink).await?;
                } else {
                    let v = self.value(f, &c.element).await?;
                    let w = match &c.value {
                        Some(w) => Some(self.value(f, w).await?),
                        None => None,
                    };
                    if let Some(slot) = &f.yields {
                        slot.yield_value(v).await?;
                    } else {
                        sink(v, w);
                    }
                }
            }
            Ok(())
        })
    }

    /// A generator expression: a generator whose body runs the loops and
    /// yields each element.
    pub fn generator_expression(&self, f: &Frame, c: &Arc<Comprehension>, first: Value) -> Value {
        let mut frame = self.comprehension_frame(f, c);
        let slot = Rc::new(YieldSlot::default());
        frame.yields = Some(slot.clone());
        let ix = self.rc();
        let comp = c.clone();
        let body: LocalBoxFuture<'static, PyResult<Value>> = Box::pin(async move {
            ix.comp_loop(&frame, &comp, 0, first, &mut |_, _| {})
                .await?;
            Ok(Value::None)
        });
        Value::Native(Rc::new(Generator {
            name: Rc::from("<genexpr>"),
            is_async: c.is_async,
            body: RefCell::new(Some(body)),
            slot,
            lane: Cell::new(None),
            running: Cell::new(false),
        }))
    }
}

fn not_awaitable(v: &Value) -> Unwind {
    error(
        "TypeError",
        format!(
            "object {} can't be used in 'await' expression",
            v.type_name()
        ),
    )
}

/// Where a generator's `yield` leaves its value, and what is sent back.
#[derive(Default)]
pub struct YieldSlot {
    out: RefCell<Option<Value>>,
    sent: RefCell<Option<Value>>,
}

impl YieldSlot {
    /// Hands `v` to the consumer and waits to be resumed; the value sent in
    /// (`None` for `next`) is the result of the `yield` expression.
    pub fn yield_value(&self, v: Value) -> impl Future<Output = PyResult<Value>> + '_ {
        *self.out.borrow_mut() = Some(v);
        YieldPoint {
            slot: self,
            yielded: false,
        }
    }
}

struct YieldPoint<'a> {
    slot: &'a YieldSlot,
    yielded: bool,
}

impl Future for YieldPoint<'_> {
    type Output = PyResult<Value>;

    fn poll(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Self::Output> {
        if self.yielded {
            Poll::Ready(Ok(self
                .slot
                .sent
                .borrow_mut()
                .take()
                .unwrap_or(Value::None)))
        } else {
            // No wake: the consumer sees the value and resumes us itself.
            self.yielded = true;
            Poll::Pending
        }
    }
}

/// A generator or async generator object.
pub struct Generator {
    name: Rc<str>,
    pub is_async: bool,
    body: RefCell<Option<LocalBoxFuture<'static, PyResult<Value>>>>,
    slot: Rc<YieldSlot>,
    /// An async generator's lane, made when it first runs.
    lane: Cell<Option<crate::engine::events::LaneId>>,
    running: Cell<bool>,
}

impl Generator {
    /// A generator for a bound frame: `gen(3)` before any item.
    pub fn value(ix: &Interp, mut frame: Frame, is_async: bool) -> Value {
        let slot = Rc::new(YieldSlot::default());
        frame.yields = Some(slot.clone());
        let name: Rc<str> = Rc::from(&*frame.code.name);
        let ix = ix.rc();
        let body: LocalBoxFuture<'static, PyResult<Value>> = Box::pin(async move {
            let r = ix.run_body(&frame).await;
            ix.traceback(&frame, r)
        });
        Value::Native(Rc::new(Generator {
            name,
            is_async,
            body: RefCell::new(Some(body)),
            slot,
            lane: Cell::new(None),
            running: Cell::new(false),
        }))
    }

    /// `next(gen)` for a plain generator: `None` when it is exhausted.
    pub fn next_sync(&self, ix: &Interp, f: &Frame, send: Value) -> PyResult<Option<Value>> {
        if self.is_async {
            return Err(error(
                "TypeError",
                "'async_generator' object is not an iterator",
            ));
        }
        let _ = (ix, f);
        let mut body = self.body.borrow_mut();
        let Some(fut) = body.as_mut() else {
            return Ok(None);
        };
        *self.slot.sent.borrow_mut() = Some(send);
        match fut.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
            Poll::Ready(r) => {
                *body = None;
                match r {
                    Ok(_) => Ok(None),
                    Err(e) if super::eval::is_stop(&e) => {
                        Err(error("RuntimeError", "generator raised StopIteration"))
                    }
                    Err(e) => Err(e),
                }
            }
            Poll::Pending => match self.slot.out.borrow_mut().take() {
                Some(v) => Ok(Some(v)),
                None => Err(error(
                    "RuntimeError",
                    "a plain generator tried to wait: only an async generator can await",
                )),
            },
        }
    }

    /// Every remaining item of a plain generator.
    pub fn drain(&self, ix: &Interp, f: &Frame) -> PyResult<Vec<Value>> {
        let mut out = Vec::new();
        while let Some(v) = self.next_sync(ix, f, Value::None)? {
            ix.step()?;
            out.push(v);
        }
        Ok(out)
    }

    /// `await anext(agen)`: the next item, or `None` at the end.
    pub async fn next_async(&self, ix: &Interp, f: &Frame, send: Value) -> PyResult<Option<Value>> {
        if self.running.replace(true) {
            return Err(error(
                "RuntimeError",
                "anext(): asynchronous generator is already running",
            ));
        }
        let lane = match self.lane.get() {
            Some(l) => l,
            None => {
                let l = ix
                    .shared
                    .new_lane(
                        &self.name,
                        LaneKind::Generator,
                        Some(f.lane.get()),
                        Some(f.stmt.get()),
                    )
                    .map_err(|_| Unwind::Abort)?;
                self.lane.set(Some(l));
                l
            }
        };
        ix.shared
            .set_waiting(f.lane.get(), WaitOn::Generator(lane), Some(f.stmt.get()));
        *self.slot.sent.borrow_mut() = Some(send);
        let step = std::future::poll_fn(|cx| {
            let mut body = self.body.borrow_mut();
            let Some(fut) = body.as_mut() else {
                return Poll::Ready(Ok(None));
            };
            match fut.as_mut().poll(cx) {
                Poll::Ready(r) => {
                    *body = None;
                    Poll::Ready(match r {
                        Ok(_) => Ok(None),
                        Err(e) => Err(e),
                    })
                }
                Poll::Pending => match self.slot.out.borrow_mut().take() {
                    Some(v) => {
                        ix.shared.set_waiting(lane, WaitOn::Consumer, None);
                        Poll::Ready(Ok(Some(v)))
                    }
                    None => Poll::Pending,
                },
            }
        });
        let r = Probe::new(ix.shared.clone(), lane, step).await;
        self.running.set(false);
        match &r {
            Ok(None) => ix.shared.emit(
                lane,
                None,
                EventKind::Returned {
                    value: "None".into(),
                },
            ),
            Err(e) => ix.finish_lane(lane, &Err(e.clone())),
            Ok(Some(_)) => {}
        }
        r
    }
}

impl Native for Generator {
    fn type_name(&self) -> &str {
        if self.is_async {
            "async_generator"
        } else {
            "generator"
        }
    }

    fn repr(&self) -> String {
        format!("<{} object {}>", self.type_name(), self.name)
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(
            name,
            "send" | "close" | "__next__" | "__anext__" | "aclose" | "asend"
        )
    }

    fn call_method(
        self: Rc<Self>,
        ix: &Rc<Interp>,
        cx: &Frame,
        name: &str,
        mut args: Args,
    ) -> Option<PyResult<Value>> {
        Some(match name {
            "send" | "__next__" if !self.is_async => {
                let v = if name == "send" {
                    args.pos.pop().unwrap_or(Value::None)
                } else {
                    Value::None
                };
                match self.next_sync(ix, cx, v) {
                    Ok(Some(v)) => Ok(v),
                    Ok(None) => Err(super::exc::error("StopIteration", "")),
                    Err(e) => Err(e),
                }
            }
            "close" | "aclose" => {
                self.body.borrow_mut().take();
                Ok(Value::None)
            }
            _ => return None,
        })
    }
}
