//! Generators and async generators: a body that is a future, `yield` that
//! hands a value to the consumer, and PEP 380's `send`, `throw`, `close`
//! and `yield from`.
//!
//! A generator's body is a future: `yield` hands a value to the
//! generator's [`YieldSlot`] and returns `Pending` without a wake, so
//! whoever drives the body sees the value. A plain generator is driven by
//! polling once per item; an async one by polling with the consumer's
//! waker, so its awaits really wait, each item a frame of the consumer's
//! task.

use super::coro::frame_exit;
use super::interp::{Frame, Interp};
use crate::engine::events::{EventKind, FrameExit, FrameKind};
use crate::engine::py::types::exc;
use crate::engine::py::types::exc::{PyResult, Unwind, error};
use crate::engine::py::types::native;
use crate::engine::py::types::native::{Args, Native};
use crate::engine::py::types::value::{Function, Value};
use futures::future::LocalBoxFuture;
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::Arc;
use std::task::{Context, Poll, Waker};

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
    Unwind::Exc(exc::instance(
        exc::class("StopIteration").expect("StopIteration exists"),
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
    pub(super) name: Rc<str>,
    /// The call that made it, as its frames are named: `ticker(3)`.
    pub(super) label: Arc<str>,
    pub is_async: bool,
    pub(super) body: RefCell<Option<LocalBoxFuture<'static, PyResult<Value>>>>,
    /// The body's frame: it runs in the task of whoever asks for an item.
    pub(super) frame: Rc<Frame>,
    pub(super) slot: Rc<YieldSlot>,
    pub(super) running: Cell<bool>,
    /// The body has run to its first `yield` (or further).
    pub(super) started: Cell<bool>,
    /// For the finalizer that closes an abandoned async generator.
    pub(super) ix: std::rc::Weak<Interp>,
    /// Moved out of a dropped generator to be closed: not finalized again.
    pub(super) orphan: bool,
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
        let run = ix.clone();
        let body: LocalBoxFuture<'static, PyResult<Value>> = Box::pin(async move {
            let r = run.run_body(&inner).await;
            run.traceback(&inner, r)
        });
        let g = Rc::new(Generator {
            name,
            label,
            is_async,
            body: RefCell::new(Some(body)),
            frame,
            slot,
            running: Cell::new(false),
            started: Cell::new(false),
            ix: Rc::downgrade(&ix),
            orphan: false,
        });
        if is_async {
            super::asyncgen::register(&ix, &g);
        }
        Value::Native(g)
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
        let Some(_level) = crate::engine::py::types::recursion::enter_generator() else {
            return Err(error("RecursionError", "maximum recursion depth exceeded"));
        };
        self.started.set(true);
        self.run_in(f);
        *self.slot.sent.borrow_mut() = Some(how);
        self.frame.called_by(f);
        let polled = fut.as_mut().poll(&mut Context::from_waker(Waker::noop()));
        self.frame.left_caller();
        match polled {
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
        match self.resume(f, Resume::Throw(exc::new_error("GeneratorExit", ""))) {
            Ok(GenStep::Yielded(_)) => {
                Err(error("RuntimeError", "generator ignored GeneratorExit"))
            }
            Ok(GenStep::Returned(_)) => Ok(()),
            Err(Unwind::Exc(e))
                if exc::is_instance_of(&e, "GeneratorExit")
                    || exc::is_instance_of(&e, "StopIteration") =>
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
        self.resume_async(ix, f, send, None).await
    }

    /// Resumes an async generator with a value sent in, or an exception
    /// raised at its `yield` (`thrown`); the next item, or `None` at the end.
    pub async fn resume_async(
        &self,
        ix: &Interp,
        f: &Frame,
        send: Value,
        thrown: Option<Value>,
    ) -> PyResult<Option<Value>> {
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
        *self.slot.sent.borrow_mut() = Some(match thrown {
            Some(e) => Resume::Throw(e),
            None => Resume::Send(send),
        });
        self.started.set(true);
        let step = std::future::poll_fn(|cx| {
            let mut body = self.body.borrow_mut();
            let Some(fut) = body.as_mut() else {
                return Poll::Ready(Ok(None));
            };
            let Some(_level) = crate::engine::py::types::recursion::enter_generator() else {
                return Poll::Ready(Err(error(
                    "RecursionError",
                    "maximum recursion depth exceeded",
                )));
            };
            self.frame.called_by(f);
            let polled = fut.as_mut().poll(cx);
            self.frame.left_caller();
            match polled {
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
        if self.is_async {
            super::asyncgen::METHODS.contains(&name)
        } else {
            matches!(name, "send" | "throw" | "close" | "__next__")
        }
    }

    fn call_method(
        self: Rc<Self>,
        ix: &Rc<Interp>,
        cx: &Frame,
        name: &str,
        mut args: Args,
    ) -> Option<PyResult<Value>> {
        if self.is_async {
            return super::asyncgen::method(&self, ix, cx, name, args);
        }
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
            "close" => return Some(self.close(cx).map(|()| Value::None)),
            _ => return None,
        };
        Some(match self.resume(cx, how) {
            Ok(GenStep::Yielded(v)) => Ok(v),
            Ok(GenStep::Returned(v)) => Err(stop_iteration(v)),
            Err(e) => Err(e),
        })
    }
}

impl Generator {
    /// Moves a suspended async generator's body out of one being dropped,
    /// for the finalizer to close.
    pub(super) fn take_suspended(&mut self) -> Option<Generator> {
        if self.orphan || !self.started.get() || self.running.get() {
            return None;
        }
        let body = self.body.get_mut().take()?;
        Some(Generator {
            name: self.name.clone(),
            label: self.label.clone(),
            is_async: true,
            body: RefCell::new(Some(body)),
            frame: self.frame.clone(),
            slot: self.slot.clone(),
            running: Cell::new(false),
            started: Cell::new(true),
            ix: self.ix.clone(),
            orphan: true,
        })
    }
}

impl Drop for Generator {
    fn drop(&mut self) {
        if self.is_async {
            super::asyncgen::finalize(self);
        }
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
        let sub = native::downcast::<Generator>(it).filter(|g| !g.is_async);
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
                Err(Unwind::Exc(e)) if exc::is_instance_of(&e, "GeneratorExit") => {
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
