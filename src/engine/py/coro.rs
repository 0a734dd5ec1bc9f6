//! Coroutines, generators and comprehensions.
//!
//! A coroutine is its frame, not yet started; awaiting it runs the body in
//! the awaiting task, as a frame of that task's lane (`FrameEntered` ...
//! `FrameLeft`). A generator's body is a future too: `yield` hands a value
//! to the generator's [`YieldSlot`] and returns `Pending` without a wake, so
//! whoever drives the body sees the value. A plain generator is driven by
//! polling once per item; an async one by polling with the consumer's
//! waker, so its awaits really wait, each item a frame of the consumer's
//! task.

use super::exc::{PyResult, Unwind, error};
use super::interp::{Frame, Interp};
use super::native::{Args, Native, Step};
use super::value::{Function, Key, Value};
use crate::engine::events::{EventKind, FrameExit, FrameKind, LaneId};
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
    /// Where the call that made it is (a byte offset in the source).
    made_at: usize,
}

thread_local! {
    /// Coroutines dropped without ever starting: (qualified name, where
    /// made), for the run's `RuntimeWarning`s.
    static NEVER_AWAITED: RefCell<Vec<(Arc<str>, usize)>> = const { RefCell::new(Vec::new()) };
}

/// Takes the coroutines this thread dropped unstarted since the last call.
pub fn take_never_awaited() -> Vec<(Arc<str>, usize)> {
    NEVER_AWAITED.with(|n| std::mem::take(&mut *n.borrow_mut()))
}

impl Drop for Coroutine {
    fn drop(&mut self) {
        if self.frame.get_mut().is_some() {
            let entry = (self.func.code.qualname.clone(), self.made_at);
            // A thread being torn down has no list left: no warning then.
            let _ = NEVER_AWAITED.try_with(|n| n.borrow_mut().push(entry));
        }
    }
}

impl Coroutine {
    /// A coroutine object for a bound frame, made by the call at `made_at`,
    /// as a value.
    pub fn value(func: Rc<Function>, frame: Frame, made_at: usize) -> Value {
        Value::Native(Rc::new(Coroutine {
            func,
            frame: RefCell::new(Some(Box::new(frame))),
            made_at,
        }))
    }

    /// The call it stands for, as the timeline names it: `fetch('slow', 3)`
    /// (computed from the bound arguments, so only before it starts).
    pub fn label(&self) -> String {
        match self.frame.borrow().as_deref() {
            Some(frame) => super::label::call_label(&self.func, frame),
            None => format!("{}()", self.func.code.name),
        }
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
        Some(Box::pin(ix.run_coroutine(cx, self, FrameKind::Coroutine)))
    }
}

impl Interp {
    /// Runs a coroutine inside the caller's task, as a frame of its lane.
    pub async fn run_coroutine(
        &self,
        caller: &Frame,
        coro: Rc<Coroutine>,
        kind: FrameKind,
    ) -> PyResult<Value> {
        let name = self.shared.intern(&coro.label());
        let frame = coro.start()?;
        let lane = caller.lane.get();
        *frame.task.borrow_mut() = caller.task();
        frame.lane.set(lane);
        let depth = self.enter(caller)?;
        let at = Some(caller.stmt.get());
        self.shared.emit(
            lane,
            at,
            EventKind::FrameEntered {
                name: name.clone(),
                kind,
            },
        );
        let r = self.run_body(&frame).await;
        let r = self.traceback(&frame, r);
        let exhausted = kind == FrameKind::Iterator
            && matches!(&r, Err(Unwind::Exc(e)) if super::exc::is_instance_of(e, "StopAsyncIteration"));
        let exit = if exhausted {
            Some(FrameExit::Exhausted)
        } else {
            frame_exit(&r)
        };
        if let Some(exit) = exit {
            self.shared
                .emit(lane, at, EventKind::FrameLeft { name, exit });
        }
        self.depth.set(depth);
        r
    }

    /// Records how a task ended.
    pub fn finish_lane(&self, lane: LaneId, r: &PyResult<Value>) {
        let kind = match frame_exit(r) {
            Some(FrameExit::Returned { value }) => EventKind::Returned { value },
            Some(FrameExit::Cancelled) => EventKind::Cancelled,
            Some(FrameExit::Raised { message }) => EventKind::Failed { message },
            Some(FrameExit::Yielded | FrameExit::Exhausted) | None => return,
        };
        self.shared.emit(lane, None, kind);
    }

    /// Awaits what a protocol method returned (`__anext__`, `__aenter__`,
    /// `__aexit__`): a coroutine runs as a frame of this `kind`.
    pub async fn await_protocol(&self, f: &Frame, v: Value, kind: FrameKind) -> PyResult<Value> {
        match super::native::downcast::<Coroutine>(&v) {
            Some(c) => Box::pin(self.run_coroutine(f, c, kind)).await,
            None => self.await_value(f, v).await,
        }
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
        let frame = Rc::new(frame);
        let ix = self.rc();
        let comp = c.clone();
        let inner = frame.clone();
        let body: LocalBoxFuture<'static, PyResult<Value>> = Box::pin(async move {
            ix.comp_loop(&inner, &comp, 0, first, &mut |_, _| {})
                .await?;
            Ok(Value::None)
        });
        Value::Native(Rc::new(Generator {
            name: Rc::from("<genexpr>"),
            label: self.shared.intern("<genexpr>"),
            is_async: c.is_async,
            body: RefCell::new(Some(body)),
            frame,
            slot,
            running: Cell::new(false),
            started: Cell::new(false),
        }))
    }
}

/// How a frame's result leaves it (`None` when the run is being aborted).
fn frame_exit(r: &PyResult<Value>) -> Option<FrameExit> {
    Some(match r {
        Ok(v) => FrameExit::Returned { value: v.repr() },
        Err(Unwind::Exc(e)) if super::exc::is_instance_of(e, "CancelledError") => {
            FrameExit::Cancelled
        }
        Err(Unwind::Exc(e)) => FrameExit::Raised {
            message: super::exc::summary(e),
        },
        Err(Unwind::Abort | Unwind::Limit(_)) => return None,
    })
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

/// How a suspended generator is resumed: with a value sent in (`next` sends
/// `None`), or with an exception thrown in at its `yield`.
pub enum Resume {
    Send(Value),
    Throw(Value),
}

/// What one resumption of a plain generator gave.
pub enum GenStep {
    Yielded(Value),
    /// The body returned: the value `StopIteration.value` carries.
    Returned(Value),
}

/// `StopIteration(value)`, with no args for `None`, as a generator's
/// `return` raises it.
pub fn stop_iteration(value: Value) -> Unwind {
    let args = match value {
        Value::None => Vec::new(),
        v => vec![v],
    };
    Unwind::Exc(super::exc::instance(
        super::exc::class("StopIteration").expect("StopIteration exists"),
        args,
    ))
}

/// Where a generator's `yield` leaves its value, and how it is resumed.
#[derive(Default)]
pub struct YieldSlot {
    out: RefCell<Option<Value>>,
    sent: RefCell<Option<Resume>>,
}

impl YieldSlot {
    /// Hands `v` to the consumer and waits to be resumed; the value sent in
    /// (`None` for `next`) is the result of the `yield` expression, an
    /// exception thrown in is raised there.
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
            Poll::Ready(match self.slot.sent.borrow_mut().take() {
                Some(Resume::Throw(e)) => Err(Unwind::Exc(e)),
                Some(Resume::Send(v)) => Ok(v),
                None => Ok(Value::None),
            })
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
    /// The call that made it, as its frames are named: `ticker(3)`.
    label: Arc<str>,
    pub is_async: bool,
    body: RefCell<Option<LocalBoxFuture<'static, PyResult<Value>>>>,
    /// The body's frame: it runs in the task of whoever asks for an item.
    frame: Rc<Frame>,
    slot: Rc<YieldSlot>,
    running: Cell<bool>,
    /// The body has run to its first `yield` (or further).
    started: Cell<bool>,
}

impl Generator {
    /// A generator for a bound frame: `gen(3)` before any item.
    pub fn value(ix: &Interp, func: &Function, mut frame: Frame, is_async: bool) -> Value {
        let slot = Rc::new(YieldSlot::default());
        frame.yields = Some(slot.clone());
        let name: Rc<str> = Rc::from(&*frame.code.name);
        let label = if is_async {
            ix.shared.intern(&super::label::call_label(func, &frame))
        } else {
            ix.shared.intern(&name)
        };
        let frame = Rc::new(frame);
        let inner = frame.clone();
        let ix = ix.rc();
        let body: LocalBoxFuture<'static, PyResult<Value>> = Box::pin(async move {
            let r = ix.run_body(&inner).await;
            ix.traceback(&inner, r)
        });
        Value::Native(Rc::new(Generator {
            name,
            label,
            is_async,
            body: RefCell::new(Some(body)),
            frame,
            slot,
            running: Cell::new(false),
            started: Cell::new(false),
        }))
    }

    /// The body runs in the consumer's task from here on.
    fn run_in(&self, consumer: &Frame) {
        self.frame.lane.set(consumer.lane.get());
        *self.frame.task.borrow_mut() = consumer.task();
    }

    /// `next(gen)` for a plain generator: `None` when it is exhausted.
    pub fn next_sync(&self, f: &Frame, send: Value) -> PyResult<Option<Value>> {
        Ok(match self.resume(f, Resume::Send(send))? {
            GenStep::Yielded(v) => Some(v),
            GenStep::Returned(_) => None,
        })
    }

    /// Resumes a plain generator until its next `yield` or its end
    /// (`send`, `throw` and `next` in one).
    pub fn resume(&self, f: &Frame, how: Resume) -> PyResult<GenStep> {
        if self.is_async {
            return Err(error(
                "TypeError",
                "'async_generator' object is not an iterator",
            ));
        }
        let Ok(mut body) = self.body.try_borrow_mut() else {
            return Err(error("ValueError", "generator already executing"));
        };
        let Some(fut) = body.as_mut() else {
            return match how {
                Resume::Send(_) => Ok(GenStep::Returned(Value::None)),
                Resume::Throw(e) => Err(Unwind::Exc(e)),
            };
        };
        if !self.started.get() {
            match how {
                Resume::Send(Value::None) => {}
                Resume::Send(_) => {
                    return Err(error(
                        "TypeError",
                        "can't send non-None value to a just-started generator",
                    ));
                }
                Resume::Throw(e) => {
                    *body = None;
                    return Err(Unwind::Exc(e));
                }
            }
        }
        self.started.set(true);
        self.run_in(f);
        *self.slot.sent.borrow_mut() = Some(how);
        match fut.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
            Poll::Ready(r) => {
                *body = None;
                match r {
                    Ok(v) => Ok(GenStep::Returned(v)),
                    Err(e) if super::eval::is_stop(&e) => {
                        Err(error("RuntimeError", "generator raised StopIteration"))
                    }
                    Err(e) => Err(e),
                }
            }
            Poll::Pending => match self.slot.out.borrow_mut().take() {
                Some(v) => Ok(GenStep::Yielded(v)),
                None => Err(error(
                    "RuntimeError",
                    "a plain generator tried to wait: only an async generator can await",
                )),
            },
        }
    }

    /// `gen.close()`: throws `GeneratorExit` in at the `yield` it waits at,
    /// so its `finally` blocks run.
    pub fn close(&self, f: &Frame) -> PyResult<()> {
        if self.is_async || !self.started.get() {
            self.body.borrow_mut().take();
            return Ok(());
        }
        match self.resume(f, Resume::Throw(super::exc::new_error("GeneratorExit", ""))) {
            Ok(GenStep::Yielded(_)) => {
                Err(error("RuntimeError", "generator ignored GeneratorExit"))
            }
            Ok(GenStep::Returned(_)) => Ok(()),
            Err(Unwind::Exc(e))
                if super::exc::is_instance_of(&e, "GeneratorExit")
                    || super::exc::is_instance_of(&e, "StopIteration") =>
            {
                Ok(())
            }
            Err(e) => Err(e),
        }
    }

    /// Every remaining item of a plain generator.
    pub fn drain(&self, ix: &Interp, f: &Frame) -> PyResult<Vec<Value>> {
        let mut out = Vec::new();
        while let Some(v) = self.next_sync(f, Value::None)? {
            ix.step()?;
            out.push(v);
        }
        Ok(out)
    }

    /// `await anext(agen)`: the next item, or `None` at the end. The body
    /// runs, until its next `yield`, as a frame of the consumer's task.
    pub async fn next_async(&self, ix: &Interp, f: &Frame, send: Value) -> PyResult<Option<Value>> {
        if self.body.borrow().is_none() {
            return Ok(None);
        }
        if self.running.replace(true) {
            return Err(error(
                "RuntimeError",
                "anext(): asynchronous generator is already running",
            ));
        }
        self.run_in(f);
        let lane = f.lane.get();
        let at = Some(f.stmt.get());
        ix.shared.emit(
            lane,
            at,
            EventKind::FrameEntered {
                name: self.label.clone(),
                kind: FrameKind::AsyncGenerator,
            },
        );
        *self.slot.sent.borrow_mut() = Some(Resume::Send(send));
        let step = std::future::poll_fn(|cx| {
            let mut body = self.body.borrow_mut();
            let Some(fut) = body.as_mut() else {
                return Poll::Ready(Ok(None));
            };
            match fut.as_mut().poll(cx) {
                Poll::Ready(r) => {
                    *body = None;
                    Poll::Ready(r.map(|_| None))
                }
                Poll::Pending => match self.slot.out.borrow_mut().take() {
                    Some(v) => Poll::Ready(Ok(Some(v))),
                    None => Poll::Pending,
                },
            }
        });
        let r = step.await;
        self.running.set(false);
        let exit = match &r {
            Ok(Some(_)) => Some(FrameExit::Yielded),
            Ok(None) => Some(FrameExit::Exhausted),
            Err(e) => frame_exit(&Err(e.clone())),
        };
        if let Some(exit) = exit {
            ix.shared.emit(
                lane,
                at,
                EventKind::FrameLeft {
                    name: self.label.clone(),
                    exit,
                },
            );
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
            "send" | "throw" | "close" | "__next__" | "__anext__" | "aclose" | "asend"
        )
    }

    fn call_method(
        self: Rc<Self>,
        ix: &Rc<Interp>,
        cx: &Frame,
        name: &str,
        mut args: Args,
    ) -> Option<PyResult<Value>> {
        let how = match name {
            "__next__" => Resume::Send(Value::None),
            "send" => {
                let given = args.pos.len() + args.kw.len();
                match args.pos.pop() {
                    Some(v) if given == 1 => Resume::Send(v),
                    _ => {
                        return Some(Err(error(
                            "TypeError",
                            format!("generator.send() takes exactly one argument ({given} given)"),
                        )));
                    }
                }
            }
            "throw" if !self.is_async => match args.pos.pop() {
                Some(e) if args.pos.is_empty() && args.kw.is_empty() => match thrown(ix, cx, e) {
                    Ok(e) => Resume::Throw(e),
                    Err(e) => return Some(Err(e)),
                },
                _ => {
                    return Some(Err(error(
                        "TypeError",
                        "throw() takes one exception (the three-argument form is deprecated)",
                    )));
                }
            },
            "close" if !self.is_async => return Some(self.close(cx).map(|()| Value::None)),
            "close" | "aclose" => {
                self.body.borrow_mut().take();
                return Some(Ok(Value::None));
            }
            _ => return None,
        };
        if self.is_async {
            return None;
        }
        Some(match self.resume(cx, how) {
            Ok(GenStep::Yielded(v)) => Ok(v),
            Ok(GenStep::Returned(v)) => Err(stop_iteration(v)),
            Err(e) => Err(e),
        })
    }
}

/// What `gen.throw(e)` raises: an exception instance, or a new instance of
/// an exception class.
fn thrown(ix: &Interp, f: &Frame, e: Value) -> PyResult<Value> {
    match &e {
        Value::Instance(i) if i.exc.is_some() => Ok(e),
        Value::Class(c) if c.derives_from("BaseException") => {
            ix.instantiate(f, c, Args::positional(Vec::new()))
        }
        _ => Err(error(
            "TypeError",
            "exceptions must be classes or instances deriving from BaseException, not ".to_string()
                + e.type_name(),
        )),
    }
}

impl Interp {
    /// `yield from it` in a generator (PEP 380): every item of `it` is
    /// yielded from here, what is sent or thrown in is passed on to a
    /// sub-generator (`close` closes it), and the value it returns is the
    /// value of the expression.
    pub async fn yield_from(&self, f: &Frame, slot: &YieldSlot, it: &Value) -> PyResult<Value> {
        let sub = super::native::downcast::<Generator>(it).filter(|g| !g.is_async);
        let mut how = Resume::Send(Value::None);
        loop {
            let step = match (&sub, how) {
                (Some(g), how) => g.resume(f, how)?,
                (None, Resume::Send(Value::None)) => match self.next(f, it)? {
                    Some(v) => GenStep::Yielded(v),
                    None => GenStep::Returned(Value::None),
                },
                (None, Resume::Send(_)) => {
                    return Err(error(
                        "AttributeError",
                        format!("'{}' object has no attribute 'send'", it.type_name()),
                    ));
                }
                (None, Resume::Throw(e)) => return Err(Unwind::Exc(e)),
            };
            let item = match step {
                GenStep::Yielded(v) => v,
                GenStep::Returned(v) => return Ok(v),
            };
            self.step()?;
            how = match slot.yield_value(item).await {
                Ok(v) => Resume::Send(v),
                Err(Unwind::Exc(e)) if super::exc::is_instance_of(&e, "GeneratorExit") => {
                    if let Some(g) = &sub {
                        g.close(f)?;
                    }
                    return Err(Unwind::Exc(e));
                }
                Err(Unwind::Exc(e)) => Resume::Throw(e),
                Err(other) => return Err(other),
            };
        }
    }
}
