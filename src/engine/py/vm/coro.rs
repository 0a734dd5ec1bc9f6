//! Coroutines and comprehensions (generators are in `generator`).
//!
//! A coroutine is its frame, not yet started; awaiting it runs the body in
//! the awaiting task, as a frame of that task's lane (`FrameEntered` ...
//! `FrameLeft`). A comprehension runs in a scope of its own; a generator
//! expression is a [`Generator`] whose body runs the loops.

pub use super::generator::{GenStep, Generator, Resume, YieldSlot, stop_iteration};
use super::interp::{Frame, Interp};
use crate::engine::events::{EventKind, FrameExit, FrameKind, LaneId};
use crate::engine::py::types::exc;
use crate::engine::py::types::exc::{PyResult, Unwind, error};
use crate::engine::py::types::native;
use crate::engine::py::types::native::{Args, Native, Step};
use crate::engine::py::types::value::{Function, Key, Value};
use crate::program::Comprehension;
use crate::program::expr::CompKind;
use futures::future::LocalBoxFuture;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;

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
        frame.called_by(caller);
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
            && matches!(&r, Err(Unwind::Exc(e)) if exc::is_instance_of(e, "StopAsyncIteration"));
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
        match native::downcast::<Coroutine>(&v) {
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
                Some(_) => Err(exc::unsupported(
                    "awaiting an object with __await__ (await a coroutine, task or future)",
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
        frame.called_by(f);
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
                let mut s = crate::engine::py::types::value::Set::new();
                for v in out {
                    s.insert(Key::new(v).map_err(exc::type_error)?);
                }
                Value::Set(Rc::new(RefCell::new(s)))
            }
            CompKind::Dict => {
                let mut d = crate::engine::py::types::value::Dict::default();
                for (k, v) in pairs {
                    d.insert(Key::new(k).map_err(exc::type_error)?, v);
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
                // Each item is a step of the run, as a loop's body is.
                self.step()?;
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
        let run = ix.clone();
        let body: LocalBoxFuture<'static, PyResult<Value>> = Box::pin(async move {
            run.comp_loop(&inner, &comp, 0, first, &mut |_, _| {})
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
            ix: Rc::downgrade(&ix),
            orphan: false,
        }))
    }
}

/// How a frame's result leaves it (`None` when the run is being aborted).
pub(super) fn frame_exit(r: &PyResult<Value>) -> Option<FrameExit> {
    Some(match r {
        Ok(v) => FrameExit::Returned { value: v.repr() },
        Err(Unwind::Exc(e)) if exc::is_instance_of(e, "CancelledError") => FrameExit::Cancelled,
        Err(Unwind::Exc(e)) => FrameExit::Raised {
            message: exc::summary(e),
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
