//! Runs a demo's statements on Tokio: sleeps on Tokio timers, tasks on
//! `spawn_local`, gather as a join of task handles, as_completed on
//! `FuturesUnordered`, generators as `Stream`s, with asyncio's cancellation
//! semantics (the cancelled task gets `CancelledError` at its await point
//! and may clean up, awaiting).

use super::eval::{self, Scope};
use super::events::{EventKind, LaneId, LaneKind, WaitOn};
use super::runtime::{self, Interrupt, Probe, Shared};
use crate::demo::ast::{Block, Call, Calls, Demo, FunctionKind, Stmt, StmtId, StmtKind};
use crate::demo::value::Value;
use futures::FutureExt;
use futures::future::{LocalBoxFuture, join_all};
use futures::stream::{FuturesUnordered, Stream, StreamExt};
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::Arc;
use std::task::{Context, Poll, Waker};
use std::time::Duration;
use tokio::sync::Notify;

/// How a whole run ended.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// The entry coroutine returned.
    Finished,
    /// The entry coroutine raised an error.
    Failed(String),
    /// A Python program raised an exception nobody caught: CPython's
    /// traceback, and the byte offset in the source where it was raised.
    Raised { traceback: String, at: usize },
    /// A limit was reached or the demo deadlocked.
    Aborted(String),
    /// The run was stopped from outside (live runs).
    Stopped,
}

/// What a task ended with: its value, or how it stopped.
type TaskResult = Result<Value, Interrupt>;

/// A coroutine object not yet awaited: the coroutine's name and arguments.
type PendingCall = (String, Vec<Slot>);

/// A variable's content: a value, or one of the awaitable objects.
#[derive(Clone)]
enum Slot {
    Val(Value),
    Task(Rc<TaskHandle>),
    Future(Rc<FutureCell>),
    Coroutine(Rc<RefCell<Option<PendingCall>>>),
    Server(Rc<ServerCell>),
    Conn(Rc<ConnCell>),
}

/// A TCP server on 127.0.0.1: its address and its accept loop.
struct ServerCell {
    addr: std::net::SocketAddr,
    accept: RefCell<Option<tokio::task::JoinHandle<()>>>,
}

impl Drop for ServerCell {
    fn drop(&mut self) {
        if let Some(a) = self.accept.get_mut().take() {
            a.abort();
        }
    }
}

/// One end of a TCP connection. Lines are read through Tokio
/// (`BufReader` over the read half, registered with the I/O driver);
/// writes go straight to the socket without yielding, as asyncio's
/// `writer.write()` buffers and `drain()` returns at once below the
/// high-water mark (a loopback socket takes a short line at once).
struct ConnCell {
    name: Arc<str>,
    reader: tokio::sync::Mutex<tokio::io::BufReader<tokio::net::tcp::OwnedReadHalf>>,
    writer: RefCell<Option<std::net::TcpStream>>,
    /// The write half: kept so that the socket stays open until `close`.
    _write_half: tokio::net::tcp::OwnedWriteHalf,
}

impl ConnCell {
    fn new(name: &str, stream: tokio::net::TcpStream) -> Result<ConnCell, Interrupt> {
        let io = |e: std::io::Error| Interrupt::Error(format!("OSError: {e}"));
        let std_stream = stream.into_std().map_err(io)?;
        let writer = std_stream.try_clone().map_err(io)?;
        let stream = tokio::net::TcpStream::from_std(std_stream).map_err(io)?;
        let (read, write) = stream.into_split();
        Ok(ConnCell {
            name: Arc::from(name),
            reader: tokio::sync::Mutex::new(tokio::io::BufReader::new(read)),
            writer: RefCell::new(Some(writer)),
            _write_half: write,
        })
    }

    fn send(&self, line: &str) -> Result<(), Interrupt> {
        use std::io::Write;
        let mut writer = self.writer.borrow_mut();
        let Some(w) = writer.as_mut() else {
            return Err(Interrupt::Error(format!(
                "RuntimeError: `{}` is closed",
                self.name
            )));
        };
        w.write_all(format!("{line}\n").as_bytes())
            .map_err(|e| Interrupt::Error(format!("OSError: {e}")))
    }

    async fn receive(&self) -> Result<Value, Interrupt> {
        use tokio::io::AsyncBufReadExt;
        let mut reader = self.reader.lock().await;
        let mut buf = String::new();
        match reader.read_line(&mut buf).await {
            Ok(_) => Ok(Value::Str(buf.trim().into())),
            // A peer that closed with unread data resets the connection:
            // the end of the stream, as far as a demo can tell.
            Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => Ok(Value::from("")),
            Err(e) => Err(Interrupt::Error(format!("OSError: {e}"))),
        }
    }

    /// Sends end-of-stream to the peer; later sends fail.
    fn close(&self) {
        if let Some(w) = self.writer.borrow_mut().take() {
            let _ = w.shutdown(std::net::Shutdown::Write);
        }
    }
}

/// A frame's variables (or an object's fields): a handful, so a small list
/// beats a hash map.
#[derive(Default)]
struct Vars(Vec<(String, Slot)>);

impl Vars {
    fn get(&self, name: &str) -> Option<&Slot> {
        self.0.iter().find(|(n, _)| n == name).map(|(_, s)| s)
    }

    fn contains_key(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    fn remove(&mut self, name: &str) -> Option<Slot> {
        let i = self.0.iter().position(|(n, _)| n == name)?;
        Some(self.0.swap_remove(i).1)
    }

    fn insert(&mut self, name: String, slot: Slot) {
        match self.0.iter_mut().find(|(n, _)| *n == name) {
            Some((_, s)) => *s = slot,
            None => self.0.push((name, slot)),
        }
    }
}

impl FromIterator<(String, Slot)> for Vars {
    fn from_iter<I: IntoIterator<Item = (String, Slot)>>(iter: I) -> Self {
        Vars(iter.into_iter().collect())
    }
}

/// Control flow out of a block.
enum Flow {
    Next,
    Return(Value),
    Stop,
}

type Exec = Result<Flow, Interrupt>;

/// A task's cancellation request, delivered at its next await point.
struct TaskCtx {
    requested: Cell<bool>,
    /// The task's waker at its current await point.
    waiting: RefCell<Option<Waker>>,
}

impl TaskCtx {
    fn new() -> Rc<TaskCtx> {
        Rc::new(TaskCtx {
            requested: Cell::new(false),
            waiting: RefCell::new(None),
        })
    }

    fn cancel(&self) {
        self.requested.set(true);
        if let Some(waker) = self.waiting.borrow_mut().take() {
            waker.wake();
        }
    }

    /// Completes when a cancellation is requested, consuming the request.
    fn cancelled(&self) -> impl Future<Output = ()> + '_ {
        std::future::poll_fn(move |cx| {
            if self.requested.replace(false) {
                return Poll::Ready(());
            }
            let mut waiting = self.waiting.borrow_mut();
            match waiting.as_ref() {
                Some(w) if w.will_wake(cx.waker()) => {}
                _ => *waiting = Some(cx.waker().clone()),
            }
            Poll::Pending
        })
    }
}

/// A task: its lane, its cancellation request, and its result once done.
struct TaskHandle {
    lane: LaneId,
    ctx: Rc<TaskCtx>,
    result: RefCell<Option<TaskResult>>,
    finished: Notify,
}

impl TaskHandle {
    fn done(&self) -> bool {
        self.result.borrow().is_some()
    }

    /// Waits for the task to end (what `await task` waits for).
    async fn join(&self) -> TaskResult {
        loop {
            let finished = self.finished.notified();
            if let Some(result) = self.result.borrow().clone() {
                return result;
            }
            finished.await;
        }
    }

    fn finish(&self, result: TaskResult) {
        *self.result.borrow_mut() = Some(result);
        self.finished.notify_waiters();
    }
}

/// A future (`loop.create_future()`): pending, then resolved or cancelled.
struct FutureCell {
    name: Arc<str>,
    state: RefCell<Option<Result<Value, Interrupt>>>,
    resolved: Notify,
}

impl FutureCell {
    async fn wait(&self) -> Result<Value, Interrupt> {
        loop {
            let notified = self.resolved.notified();
            if let Some(result) = self.state.borrow().clone() {
                return result;
            }
            notified.await;
        }
    }

    /// Ends a pending future; false if it was already done.
    fn settle(&self, result: Result<Value, Interrupt>) -> bool {
        if self.state.borrow().is_some() {
            return false;
        }
        *self.state.borrow_mut() = Some(result);
        self.resolved.notify_waiters();
        true
    }
}

/// The interpreter of one run.
pub struct Interp {
    demo: Arc<Demo>,
    shared: Rc<Shared>,
    tasks: RefCell<Vec<Rc<TaskHandle>>>,
}

/// Runs the demo's entry coroutine as asyncio.run does: as the main task,
/// then cancels whatever tasks are left and waits for them.
pub async fn run(demo: Arc<Demo>, shared: Rc<Shared>) -> Outcome {
    let ix = Rc::new(Interp {
        demo: demo.clone(),
        shared: shared.clone(),
        tasks: RefCell::new(Vec::new()),
    });
    let entry = Call {
        name: demo.entry.clone(),
        args: Vec::new(),
        span: 0..0,
    };
    let main = match ix.spawn(&entry, Vec::new(), None, 0, None) {
        Ok(task) => task,
        Err(_) => return Outcome::Aborted(shared.aborted().unwrap_or_default()),
    };
    let result = main.join().await;
    // asyncio.run cancels the tasks still pending and lets them clean up.
    let left: Vec<_> = ix
        .tasks
        .borrow()
        .iter()
        .filter(|t| !t.done())
        .cloned()
        .collect();
    for t in &left {
        t.ctx.cancel();
    }
    join_all(left.iter().map(|t| t.join())).await;
    match result {
        Ok(_) => Outcome::Finished,
        Err(Interrupt::Cancelled) => Outcome::Failed("the main task was cancelled".into()),
        Err(Interrupt::Error(m)) => Outcome::Failed(m),
        Err(Interrupt::Abort) => Outcome::Aborted(shared.aborted().unwrap_or_default()),
    }
}

impl Interp {
    /// Starts `call` as a new task (create_task).
    fn spawn(
        self: &Rc<Self>,
        call: &Call,
        args: Vec<Slot>,
        parent: Option<LaneId>,
        depth: u32,
        stmt: Option<StmtId>,
    ) -> Result<Rc<TaskHandle>, Interrupt> {
        let ctx = TaskCtx::new();
        let (lane, fut) =
            self.invoke(call, args, ctx.clone(), parent, LaneKind::Task, depth, stmt)?;
        let shared = self.shared.clone();
        let handle = Rc::new(TaskHandle {
            lane,
            ctx,
            result: RefCell::new(None),
            finished: Notify::new(),
        });
        let task = handle.clone();
        let body = async move {
            if task.ctx.requested.replace(false) {
                shared.emit(lane, None, EventKind::Cancelled);
                return task.finish(Err(Interrupt::Cancelled));
            }
            let result = std::panic::AssertUnwindSafe(fut)
                .catch_unwind()
                .await
                .unwrap_or_else(|_| {
                    Err(Interrupt::Error(
                        "internal error: the engine panicked".into(),
                    ))
                });
            task.finish(result);
        };
        // The task runs detached; its handle carries the result.
        drop(tokio::task::spawn_local(body));
        self.tasks.borrow_mut().push(handle.clone());
        Ok(handle)
    }

    /// Calls a coroutine: makes its lane and returns its instrumented
    /// future, which runs in whatever task awaits it.
    #[allow(clippy::too_many_arguments)]
    fn invoke(
        self: &Rc<Self>,
        call: &Call,
        args: Vec<Slot>,
        task: Rc<TaskCtx>,
        parent: Option<LaneId>,
        kind: LaneKind,
        depth: u32,
        stmt: Option<StmtId>,
    ) -> Result<(LaneId, Probe<'static, Result<Value, Interrupt>>), Interrupt> {
        let frame = self.frame(call, args, task, parent, kind, depth, stmt, None)?;
        let lane = frame.lane;
        let shared = self.shared.clone();
        let fut = async move {
            let demo = frame.ix.demo.clone();
            let function = demo.function(&frame.function).expect("checked");
            let result = frame.exec_block(&function.body).await;
            finish(&frame.ix.shared, frame.lane, result)
        };
        Ok((lane, Probe::new(shared, lane, fut)))
    }

    /// A frame for `call`: its lane, with parameters bound.
    #[allow(clippy::too_many_arguments)]
    fn frame(
        self: &Rc<Self>,
        call: &Call,
        args: Vec<Slot>,
        task: Rc<TaskCtx>,
        parent: Option<LaneId>,
        kind: LaneKind,
        depth: u32,
        stmt: Option<StmtId>,
        fields: Option<Rc<RefCell<Vars>>>,
    ) -> Result<Frame, Interrupt> {
        if depth > self.shared.limits.max_depth {
            return Err(self.shared.abort(format!(
                "calls nested deeper than {} (limit: call depth); does `{}` call itself without end?",
                self.shared.limits.max_depth, call.name
            )));
        }
        let function = self
            .demo
            .function(&call.name)
            .ok_or_else(|| Interrupt::Error(format!("name '{}' is not defined", call.name)))?;
        let lane = self.shared.new_lane(&call.name, kind, parent, stmt)?;
        let vars = function.params.iter().cloned().zip(args).collect();
        Ok(Frame {
            ix: self.clone(),
            function: call.name.clone(),
            lane,
            task,
            depth,
            vars: RefCell::new(vars),
            fields,
            yielded: None,
            at: Cell::new(None),
        })
    }
}

/// Records how a lane's body ended and turns it into the lane's result.
fn finish(shared: &Shared, lane: LaneId, result: Exec) -> Result<Value, Interrupt> {
    match result {
        Ok(flow) => {
            let value = match flow {
                Flow::Return(v) => v,
                _ => Value::None,
            };
            shared.emit(
                lane,
                None,
                EventKind::Returned {
                    value: value.repr(),
                },
            );
            Ok(value)
        }
        Err(Interrupt::Cancelled) => {
            shared.emit(lane, None, EventKind::Cancelled);
            Err(Interrupt::Cancelled)
        }
        Err(Interrupt::Error(message)) => {
            shared.emit(
                lane,
                None,
                EventKind::Failed {
                    message: message.clone(),
                },
            );
            Err(Interrupt::Error(message))
        }
        Err(Interrupt::Abort) => Err(Interrupt::Abort),
    }
}

/// One invocation of a coroutine, generator step, iterator step or resource method.
struct Frame {
    ix: Rc<Interp>,
    function: String,
    lane: LaneId,
    task: Rc<TaskCtx>,
    depth: u32,
    vars: RefCell<Vars>,
    /// The object's fields, for iterator and resource methods.
    fields: Option<Rc<RefCell<Vars>>>,
    /// Where a generator puts the item it yields.
    yielded: Option<Rc<RefCell<Option<Value>>>>,
    /// The statement being executed.
    at: Cell<Option<StmtId>>,
}

impl Scope for Frame {
    fn get(&self, name: &str) -> Result<Value, String> {
        let slot = self.slot(name)?;
        match slot {
            Slot::Val(v) => Ok(v),
            Slot::Task(_) => Err(format!("`{name}` is a task: await it to get its result")),
            Slot::Future(_) => Err(format!("`{name}` is a future: await it to get its result")),
            Slot::Coroutine(_) => Err(format!("`{name}` is a coroutine: await it to run it")),
            Slot::Server(_) => Err(format!("`{name}` is a server: connect to it")),
            Slot::Conn(_) => Err(format!(
                "`{name}` is a connection: send and receive lines on it"
            )),
        }
    }
}

/// Completes on its second poll: the point where a generator hands an item
/// to its consumer and waits to be resumed.
struct YieldPoint(bool);

impl Future for YieldPoint {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<()> {
        if self.0 {
            Poll::Ready(())
        } else {
            self.0 = true;
            Poll::Pending
        }
    }
}

/// An async generator or async iterator, driven by its consumer.
struct ItemStream {
    shared: Rc<Shared>,
    lane: LaneId,
    slot: Rc<RefCell<Option<Value>>>,
    /// The running generator body, or the running `__anext__` call.
    current: Option<Probe<'static, Exec>>,
    /// Starts the next `__anext__` call (iterators only).
    next_call: Option<Box<dyn FnMut() -> Probe<'static, Exec>>>,
    done: bool,
}

impl Stream for ItemStream {
    type Item = Result<Value, Interrupt>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        if self.done {
            return Poll::Ready(None);
        }
        if self.current.is_none() {
            let start = self.next_call.as_mut().map(|f| f());
            self.current = start;
        }
        let Some(current) = self.current.as_mut() else {
            return Poll::Ready(None);
        };
        match Pin::new(current).poll(cx) {
            Poll::Pending => match self.slot.borrow_mut().take() {
                Some(v) => Poll::Ready(Some(Ok(v))),
                None => Poll::Pending,
            },
            Poll::Ready(result) => {
                self.current = None;
                let iterator = self.next_call.is_some();
                match result {
                    Ok(Flow::Return(v)) if iterator => Poll::Ready(Some(Ok(v))),
                    Ok(Flow::Next) if iterator => Poll::Ready(Some(Ok(Value::None))),
                    Ok(_) => {
                        self.done = true;
                        self.shared.emit(
                            self.lane,
                            None,
                            EventKind::Returned {
                                value: "None".into(),
                            },
                        );
                        Poll::Ready(None)
                    }
                    Err(e) => {
                        self.done = true;
                        let _ = finish(&self.shared, self.lane, Err(e.clone()));
                        Poll::Ready(Some(Err(e)))
                    }
                }
            }
        }
    }
}

fn check_seconds(v: &Value, what: &str) -> Result<Duration, Interrupt> {
    let secs = v.as_seconds().ok_or_else(|| {
        Interrupt::Error(format!(
            "{what} takes a number of seconds, not {}",
            v.type_name()
        ))
    })?;
    if !secs.is_finite() || !(0.0..=1e9).contains(&secs) {
        return Err(Interrupt::Error(format!(
            "{what} takes zero or more seconds, not {}",
            v.repr()
        )));
    }
    Ok(Duration::from_secs_f64(secs))
}

/// A comprehension's variable, bound only while the comprehension runs: on
/// drop the variable gets back its outer value, or is unbound (Python gives
/// comprehensions a scope of their own).
struct Comprehension<'a> {
    frame: &'a Frame,
    var: &'a str,
    outer: Option<Slot>,
}

impl Drop for Comprehension<'_> {
    fn drop(&mut self) {
        let mut vars = self.frame.vars.borrow_mut();
        match self.outer.take() {
            Some(slot) => vars.insert(self.var.to_string(), slot),
            None => {
                vars.remove(self.var);
            }
        }
    }
}

/// Which block of a definition a frame runs.
#[derive(Clone, Copy)]
enum Method {
    /// The body: a coroutine's or generator's body, `__anext__`, `__aenter__`.
    Body,
    /// A resource's `__aexit__`.
    Exit,
}

impl Frame {
    /// A frame for a method of an object whose fields are `fields`.
    fn method(
        ix: &Rc<Interp>,
        function: &str,
        lane: LaneId,
        task: Rc<TaskCtx>,
        depth: u32,
        fields: &Rc<RefCell<Vars>>,
    ) -> Frame {
        Frame {
            ix: ix.clone(),
            function: function.to_string(),
            lane,
            task,
            depth,
            vars: RefCell::new(Vars::default()),
            fields: Some(fields.clone()),
            yielded: None,
            at: Cell::new(None),
        }
    }

    /// Runs one block of the frame's definition on the frame's lane.
    fn run(self, method: Method) -> Probe<'static, Exec> {
        let shared = self.ix.shared.clone();
        let lane = self.lane;
        Probe::new(shared, lane, async move {
            let demo = self.ix.demo.clone();
            let function = demo.function(&self.function).expect("checked");
            let block = match method {
                Method::Body => &function.body,
                Method::Exit => &function.exit,
            };
            self.exec_block(block).await
        })
    }

    fn shared(&self) -> &Shared {
        &self.ix.shared
    }

    /// Notes what this lane is about to wait on, at its current statement.
    fn wait_on(&self, on: WaitOn) {
        self.shared().set_waiting(self.lane, on, self.at.get());
    }

    fn slot(&self, name: &str) -> Result<Slot, String> {
        if let Some(s) = self.vars.borrow().get(name) {
            return Ok(s.clone());
        }
        if let Some(fields) = &self.fields
            && let Some(s) = fields.borrow().get(name)
        {
            return Ok(s.clone());
        }
        Err(format!("name '{name}' is not defined"))
    }

    fn bind(&self, name: &str, slot: Slot) {
        if let Some(fields) = &self.fields
            && !self.vars.borrow().contains_key(name)
            && fields.borrow().contains_key(name)
        {
            fields.borrow_mut().insert(name.to_string(), slot);
            return;
        }
        self.vars.borrow_mut().insert(name.to_string(), slot);
    }

    /// Binds a local variable, even where a field has the same name.
    fn bind_local(&self, name: &str, slot: Slot) {
        self.vars.borrow_mut().insert(name.to_string(), slot);
    }

    fn eval(&self, e: &crate::demo::expr::Expr) -> Result<Value, Interrupt> {
        eval::eval(e, self).map_err(|m| self.raised(m))
    }

    /// An evaluation error: a Python exception, or a limit that ends the run.
    fn raised(&self, message: String) -> Interrupt {
        match message.strip_prefix(eval::LIMIT) {
            Some(reason) => self.shared().abort(reason.to_string()),
            None => Interrupt::Error(message),
        }
    }

    /// Arguments of a call: values, or awaitables passed through by name.
    fn args(&self, call: &Call) -> Result<Vec<Slot>, Interrupt> {
        call.args
            .iter()
            .map(|a| match &a.kind {
                crate::demo::expr::ExprKind::Var(name) => self.slot(name).map_err(Interrupt::Error),
                _ => self.eval(a).map(Slot::Val),
            })
            .collect()
    }

    /// Waits at an await point of this task: a cancellation requested for
    /// the task is raised here, as `CancelledError` is in asyncio.
    async fn await_point<T>(
        &self,
        on: WaitOn,
        fut: impl Future<Output = T>,
    ) -> Result<T, Interrupt> {
        self.wait_on(on);
        let result = tokio::select! {
            biased;
            _ = self.task.cancelled() => Err(Interrupt::Cancelled),
            v = fut => Ok(v),
        };
        // The task no longer waits here: a later cancel must not wake it.
        self.task.waiting.borrow_mut().take();
        result
    }

    fn exec_block<'a>(&'a self, block: &'a Block) -> LocalBoxFuture<'a, Exec> {
        Box::pin(async move {
            for stmt in block {
                match self.exec(stmt).await? {
                    Flow::Next => {}
                    flow => return Ok(flow),
                }
            }
            Ok(Flow::Next)
        })
    }

    fn iteration(&self, count: &mut u64) -> Result<(), Interrupt> {
        *count += 1;
        if *count > self.shared().limits.max_iterations {
            return Err(self.shared().abort(format!(
                "a loop in `{}` ran more than {} times (limit: loop iterations)",
                self.function,
                self.shared().limits.max_iterations
            )));
        }
        Ok(())
    }

    /// Calls a coroutine directly (in this task) and waits for its result.
    async fn call_coroutine(
        &self,
        call: &Call,
        args: Vec<Slot>,
        stmt: StmtId,
    ) -> Result<Value, Interrupt> {
        let (lane, fut) = self.ix.invoke(
            call,
            args,
            self.task.clone(),
            Some(self.lane),
            LaneKind::Coroutine,
            self.depth + 1,
            Some(stmt),
        )?;
        self.wait_on(WaitOn::Lane(lane));
        fut.await
    }

    fn spawn_all(&self, calls: &Calls, stmt: StmtId) -> Result<Vec<Rc<TaskHandle>>, Interrupt> {
        let mut out = Vec::new();
        match calls {
            Calls::List(list) => {
                for call in list {
                    let args = self.args(call)?;
                    out.push(self.ix.spawn(
                        call,
                        args,
                        Some(self.lane),
                        self.depth + 1,
                        Some(stmt),
                    )?);
                }
            }
            Calls::Each { call, var, over } => {
                let items = match self.eval(over)? {
                    Value::List(items) => items,
                    v => {
                        return Err(Interrupt::Error(format!(
                            "'{}' object is not iterable",
                            v.type_name()
                        )));
                    }
                };
                let outer = self.vars.borrow_mut().remove(var);
                let _scope = Comprehension {
                    frame: self,
                    var,
                    outer,
                };
                for item in items.iter() {
                    self.bind_local(var, Slot::Val(item.clone()));
                    let args = self.args(call)?;
                    out.push(self.ix.spawn(
                        call,
                        args,
                        Some(self.lane),
                        self.depth + 1,
                        Some(stmt),
                    )?);
                }
            }
        }
        Ok(out)
    }

    /// Makes the stream of items of a generator or iterator call.
    fn items(&self, source: &Call, stmt: StmtId) -> Result<(LaneId, ItemStream), Interrupt> {
        let args = self.args(source)?;
        let demo = self.ix.demo.clone();
        let function = demo.function(&source.name).expect("checked");
        let slot = Rc::new(RefCell::new(None));
        match function.kind {
            FunctionKind::Iterator => {
                let fields = self.object_fields(source, args)?;
                let lane = self.shared().new_lane(
                    &source.name,
                    LaneKind::Generator,
                    Some(self.lane),
                    Some(stmt),
                )?;
                let ix = self.ix.clone();
                let task = self.task.clone();
                let name = source.name.clone();
                let depth = self.depth + 1;
                let next_call = move || -> Probe<'static, Exec> {
                    let frame = Frame::method(&ix, &name, lane, task.clone(), depth, &fields);
                    frame.run(Method::Body)
                };
                Ok((
                    lane,
                    ItemStream {
                        shared: self.ix.shared.clone(),
                        lane,
                        slot,
                        current: None,
                        next_call: Some(Box::new(next_call)),
                        done: false,
                    },
                ))
            }
            _ => {
                let mut frame = self.ix.frame(
                    source,
                    args,
                    self.task.clone(),
                    Some(self.lane),
                    LaneKind::Generator,
                    self.depth + 1,
                    Some(stmt),
                    None,
                )?;
                frame.yielded = Some(slot.clone());
                let lane = frame.lane;
                let body = frame.run(Method::Body);
                Ok((
                    lane,
                    ItemStream {
                        shared: self.ix.shared.clone(),
                        lane,
                        slot,
                        current: Some(body),
                        next_call: None,
                        done: false,
                    },
                ))
            }
        }
    }

    /// The fields of a new iterator or resource object.
    fn object_fields(
        &self,
        source: &Call,
        args: Vec<Slot>,
    ) -> Result<Rc<RefCell<Vars>>, Interrupt> {
        let demo = self.ix.demo.clone();
        let function = demo.function(&source.name).expect("checked");
        let params = Rc::new(RefCell::new(
            function.params.iter().cloned().zip(args).collect(),
        ));
        let init = Frame::method(
            &self.ix,
            &source.name,
            self.lane,
            self.task.clone(),
            self.depth,
            &params,
        );
        let mut fields = Vars::default();
        for (name, e) in &function.fields {
            fields.insert(name.clone(), Slot::Val(init.eval(e)?));
        }
        Ok(Rc::new(RefCell::new(fields)))
    }

    /// Runs one method (`__aenter__` or `__aexit__`) of a resource on its lane.
    async fn resource_method(
        &self,
        name: &str,
        lane: LaneId,
        fields: &Rc<RefCell<Vars>>,
        method: Method,
    ) -> Exec {
        let frame = Frame::method(
            &self.ix,
            name,
            lane,
            self.task.clone(),
            self.depth + 1,
            fields,
        );
        self.wait_on(WaitOn::Lane(lane));
        frame.run(method).await
    }

    async fn exec(&self, stmt: &Stmt) -> Exec {
        self.shared().step()?;
        self.at.set(Some(stmt.id));
        let id = Some(stmt.id);
        match &stmt.kind {
            StmtKind::Print(t) => {
                let text = eval::render(t, self).map_err(|m| self.raised(m))?;
                for line in text.split('\n') {
                    self.shared().emit(
                        self.lane,
                        id,
                        EventKind::Printed {
                            text: line.to_string(),
                        },
                    );
                }
            }
            StmtKind::Sleep(e) => {
                let d = check_seconds(&self.eval(e)?, "asyncio.sleep()")?;
                if d.is_zero() {
                    self.await_point(WaitOn::Yield, runtime::yield_now())
                        .await?;
                } else {
                    let deadline = tokio::time::Instant::now() + d;
                    let on = WaitOn::Timer {
                        deadline: self.shared().now() + d,
                    };
                    self.await_point(on, self.shared().sleep_until(deadline))
                        .await?;
                }
            }
            StmtKind::Block(e) | StmtKind::Compute(e) => {
                let d = check_seconds(&self.eval(e)?, "time.sleep()")?;
                let until = self.shared().now() + d;
                self.shared()
                    .emit(self.lane, id, EventKind::Blocked { until });
                self.shared().block(d);
                self.shared().emit(self.lane, id, EventKind::Unblocked);
            }
            StmtKind::Return(e) => {
                let v = match e {
                    Some(e) => self.eval(e)?,
                    None => Value::None,
                };
                return Ok(Flow::Return(v));
            }
            StmtKind::Await { call, into } => {
                let args = self.args(call)?;
                let v = self.call_coroutine(call, args, stmt.id).await?;
                if let Some(name) = into {
                    self.bind(name, Slot::Val(v));
                }
            }
            StmtKind::Make { call, into } => {
                let args = self.args(call)?;
                let pending = Rc::new(RefCell::new(Some((call.name.clone(), args))));
                self.bind(into, Slot::Coroutine(pending));
            }
            StmtKind::Spawn { call, into } => {
                let args = self.args(call)?;
                let task = self
                    .ix
                    .spawn(call, args, Some(self.lane), self.depth + 1, id)?;
                self.bind(into, Slot::Task(task));
            }
            StmtKind::Cancel { task } => match self.slot(task).map_err(Interrupt::Error)? {
                Slot::Task(t) => {
                    if !t.done() {
                        t.ctx.cancel();
                    }
                }
                _ => {
                    return Err(Interrupt::Error(format!("`{task}` is not a task")));
                }
            },
            StmtKind::Yield(e) => {
                let v = self.eval(e)?;
                let slot = self
                    .yielded
                    .as_ref()
                    .ok_or_else(|| Interrupt::Error("'yield' outside a generator".into()))?;
                *slot.borrow_mut() = Some(v);
                self.wait_on(WaitOn::Consumer);
                YieldPoint(false).await;
            }
            StmtKind::Stop => return Ok(Flow::Stop),
            StmtKind::For { var, over, body } => {
                let items: Vec<Value> = match self.eval(over)? {
                    Value::List(items) => items.as_ref().clone(),
                    Value::Str(s) => s
                        .chars()
                        .map(|c| Value::Str(c.to_string().into()))
                        .collect(),
                    v => {
                        return Err(Interrupt::Error(format!(
                            "'{}' object is not iterable",
                            v.type_name()
                        )));
                    }
                };
                let mut count = 0;
                for item in items {
                    self.iteration(&mut count)?;
                    self.bind(var, Slot::Val(item));
                    match self.exec_block(body).await? {
                        Flow::Next => {}
                        flow => return Ok(flow),
                    }
                }
            }
            StmtKind::While { cond, body } => {
                let mut count = 0;
                while self.eval(cond)?.truthy() {
                    self.iteration(&mut count)?;
                    match self.exec_block(body).await? {
                        Flow::Next => {}
                        flow => return Ok(flow),
                    }
                }
            }
            StmtKind::If {
                cond,
                then,
                otherwise,
            } => {
                let block = if self.eval(cond)?.truthy() {
                    then
                } else {
                    otherwise
                };
                return self.exec_block(block).await;
            }
            StmtKind::Set { var, value } => {
                let v = self.eval(value)?;
                self.bind(var, Slot::Val(v));
            }
            StmtKind::Future { name } => {
                let cell = FutureCell {
                    name: Arc::from(name.as_str()),
                    state: RefCell::new(None),
                    resolved: Notify::new(),
                };
                self.bind(name, Slot::Future(Rc::new(cell)));
            }
            StmtKind::Resolve { future, value } => {
                let v = self.eval(value)?;
                match self.slot(future).map_err(Interrupt::Error)? {
                    Slot::Future(f) => {
                        if !f.settle(Ok(v)) {
                            return Err(Interrupt::Error(format!(
                                "InvalidStateError: `{future}` is already done (resolved or cancelled)"
                            )));
                        }
                    }
                    _ => return Err(Interrupt::Error(format!("`{future}` is not a future"))),
                }
            }
            StmtKind::Send { conn, value } => {
                let v = self.eval(value)?;
                match self.slot(conn).map_err(Interrupt::Error)? {
                    Slot::Conn(c) => c.send(&v.to_string())?,
                    _ => return Err(Interrupt::Error(format!("`{conn}` is not a connection"))),
                }
            }
            StmtKind::Close { target } => match self.slot(target).map_err(Interrupt::Error)? {
                Slot::Conn(c) => c.close(),
                Slot::Server(s) => {
                    if let Some(a) = s.accept.borrow_mut().take() {
                        a.abort();
                    }
                }
                _ => {
                    return Err(Interrupt::Error(format!(
                        "`{target}` is neither a connection nor a server"
                    )));
                }
            },
            _ => return self.exec_compound(stmt).await,
        }
        Ok(Flow::Next)
    }

    /// The statements with large futures, boxed so that `exec` stays small
    /// (every task holds an `exec` future while it waits).
    fn exec_compound<'a>(&'a self, stmt: &'a Stmt) -> LocalBoxFuture<'a, Exec> {
        Box::pin(async move {
            let id = Some(stmt.id);
            match &stmt.kind {
                StmtKind::Join { target, into } => {
                    let value = match self.slot(target).map_err(Interrupt::Error)? {
                        Slot::Task(task) => {
                            let awaited = self.await_point(WaitOn::Lane(task.lane), task.join());
                            // As in asyncio, cancelling the awaiting task cancels the awaited one.
                            awaited.await.inspect_err(|_| task.ctx.cancel())??
                        }
                        Slot::Future(f) => {
                            let awaited =
                                self.await_point(WaitOn::Future(f.name.clone()), f.wait());
                            // Cancelling the awaiting task cancels the future.
                            let result = awaited.await.inspect_err(|e| {
                                f.settle(Err(e.clone()));
                            })?;
                            result?
                        }
                        Slot::Coroutine(pending) => {
                            let Some((name, args)) = pending.borrow_mut().take() else {
                                return Err(Interrupt::Error(
                                    "cannot reuse already awaited coroutine".into(),
                                ));
                            };
                            let call = Call {
                                name,
                                args: Vec::new(),
                                span: stmt.span.clone(),
                            };
                            self.call_coroutine(&call, args, stmt.id).await?
                        }
                        Slot::Val(v) => {
                            return Err(Interrupt::Error(format!(
                                "object {} can't be used in 'await' expression",
                                v.type_name()
                            )));
                        }
                        Slot::Server(_) | Slot::Conn(_) => {
                            return Err(Interrupt::Error(format!(
                                "`{target}` is a transport, not an awaitable"
                            )));
                        }
                    };
                    if let Some(name) = into {
                        self.bind(name, Slot::Val(value));
                    }
                }
                StmtKind::Gather { calls, into } => {
                    let tasks = self.spawn_all(calls, stmt.id)?;
                    let lanes: Arc<[LaneId]> = tasks.iter().map(|t| t.lane).collect();
                    let joined = join_all(tasks.iter().map(|t| t.join()));
                    let results = match self.await_point(WaitOn::Lanes(lanes), joined).await {
                        Ok(r) => r,
                        Err(e) => {
                            tasks.iter().for_each(|t| t.ctx.cancel());
                            return Err(e);
                        }
                    };
                    let values = results.into_iter().collect::<Result<Vec<_>, _>>()?;
                    if let Some(name) = into {
                        self.bind(name, Slot::Val(Value::List(Arc::new(values))));
                    }
                }
                StmtKind::AsCompleted { calls, var, body } => {
                    let tasks = self.spawn_all(calls, stmt.id)?;
                    let mut pending: FuturesUnordered<_> = tasks.iter().map(|t| t.join()).collect();
                    let lanes: Arc<[LaneId]> = tasks.iter().map(|t| t.lane).collect();
                    let mut count = 0;
                    loop {
                        let next = self
                            .await_point(WaitOn::Lanes(lanes.clone()), pending.next())
                            .await?;
                        let Some(result) = next else { break };
                        self.iteration(&mut count)?;
                        self.bind(var, Slot::Val(result?));
                        match self.exec_block(body).await? {
                            Flow::Next => {}
                            flow => return Ok(flow),
                        }
                    }
                }
                StmtKind::WaitFor {
                    call,
                    timeout,
                    into,
                    body,
                    on_timeout,
                } => {
                    let limit = check_seconds(&self.eval(timeout)?, "wait_for() timeout")?;
                    let deadline = tokio::time::Instant::now() + limit;
                    let args = self.args(call)?;
                    let task = self
                        .ix
                        .spawn(call, args, Some(self.lane), self.depth + 1, id)?;
                    let race = async {
                        tokio::select! {
                            biased;
                            r = task.join() => Some(r),
                            _ = self.shared().sleep_until(deadline) => None,
                        }
                    };
                    let raced = match self.await_point(WaitOn::Lane(task.lane), race).await {
                        Ok(r) => r,
                        Err(e) => {
                            task.ctx.cancel();
                            self.wait_on(WaitOn::Lane(task.lane));
                            // Wait for its cleanup; our own interruption is what propagates.
                            let _ = task.join().await;
                            return Err(e);
                        }
                    };
                    let result = match raced {
                        Some(r) => r,
                        None => {
                            task.ctx.cancel();
                            self.wait_on(WaitOn::Lane(task.lane));
                            let r = task.join().await;
                            if r == Err(Interrupt::Cancelled) {
                                self.shared().emit(task.lane, id, EventKind::TimedOut);
                                return self.exec_block(on_timeout).await;
                            }
                            r
                        }
                    };
                    let value = result?;
                    if let Some(name) = into {
                        self.bind(name, Slot::Val(value));
                    }
                    return self.exec_block(body).await;
                }
                StmtKind::AsyncFor { source, var, body } => {
                    let (lane, mut items) = self.items(source, stmt.id)?;
                    let mut count = 0;
                    loop {
                        self.wait_on(WaitOn::Generator(lane));
                        let Some(item) = items.next().await else {
                            break;
                        };
                        self.iteration(&mut count)?;
                        self.bind(var, Slot::Val(item?));
                        match self.exec_block(body).await? {
                            Flow::Next => {}
                            flow => return Ok(flow),
                        }
                    }
                }
                StmtKind::Collect {
                    source,
                    var,
                    value,
                    filter,
                    into,
                } => {
                    let (lane, mut items) = self.items(source, stmt.id)?;
                    let mut out = Vec::new();
                    let mut count = 0;
                    let outer = self.vars.borrow_mut().remove(var);
                    let scope = Comprehension {
                        frame: self,
                        var,
                        outer,
                    };
                    loop {
                        self.wait_on(WaitOn::Generator(lane));
                        let Some(item) = items.next().await else {
                            break;
                        };
                        self.iteration(&mut count)?;
                        self.bind_local(var, Slot::Val(item?));
                        if let Some(f) = filter
                            && !self.eval(f)?.truthy()
                        {
                            continue;
                        }
                        out.push(match value {
                            Some(v) => self.eval(v)?,
                            None => self.eval(&crate::demo::expr::Expr {
                                kind: crate::demo::expr::ExprKind::Var(var.clone()),
                                span: 0..0,
                            })?,
                        });
                    }
                    drop(scope);
                    self.bind(into, Slot::Val(Value::List(Arc::new(out))));
                }
                StmtKind::AsyncWith { source, var, body } => {
                    let args = self.args(source)?;
                    let fields = self.object_fields(source, args)?;
                    let lane = self.shared().new_lane(
                        &source.name,
                        LaneKind::Resource,
                        Some(self.lane),
                        id,
                    )?;
                    let entered = match self
                        .resource_method(&source.name, lane, &fields, Method::Body)
                        .await
                    {
                        Ok(Flow::Return(v)) => v,
                        Ok(_) => Value::None,
                        Err(e) => {
                            let _ = finish(self.shared(), lane, Err(e.clone()));
                            return Err(e);
                        }
                    };
                    if let Some(name) = var {
                        self.bind(name, Slot::Val(entered));
                    }
                    let result = self.exec_block(body).await;
                    let exited = self
                        .resource_method(&source.name, lane, &fields, Method::Exit)
                        .await;
                    let exited = exited.map(|_| Flow::Next);
                    let _ = finish(
                        self.shared(),
                        lane,
                        exited.as_ref().map(|_| Flow::Next).map_err(Clone::clone),
                    );
                    exited?;
                    return result;
                }
                StmtKind::Try {
                    body,
                    on_cancel,
                    finally,
                } => {
                    let mut result = self.exec_block(body).await;
                    if matches!(result, Err(Interrupt::Cancelled)) && !on_cancel.is_empty() {
                        result = match self.exec_block(on_cancel).await {
                            Ok(Flow::Next) => Err(Interrupt::Cancelled),
                            other => other,
                        };
                    }
                    if !finally.is_empty() && !matches!(result, Err(Interrupt::Abort)) {
                        match self.exec_block(finally).await? {
                            Flow::Next => {}
                            flow => return Ok(flow),
                        }
                    }
                    return result;
                }
                StmtKind::Serve { handler, into } => {
                    let io = |e: std::io::Error| Interrupt::Error(format!("OSError: {e}"));
                    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                        .await
                        .map_err(io)?;
                    let addr = listener.local_addr().map_err(io)?;
                    let ix = self.ix.clone();
                    let handler = handler.clone();
                    let (lane, depth) = (self.lane, self.depth + 1);
                    let param: Arc<str> = self
                        .ix
                        .demo
                        .function(&handler.name)
                        .and_then(|f| f.params.first())
                        .map_or("conn".into(), |p| p.as_str().into());
                    // The accept loop is the loop's own reader callback in
                    // asyncio, not a task: it has no lane.
                    let accept = tokio::task::spawn_local(async move {
                        while let Ok((stream, _)) = listener.accept().await {
                            let Ok(conn) = ConnCell::new(&param, stream) else {
                                continue;
                            };
                            let args = vec![Slot::Conn(Rc::new(conn))];
                            if ix.spawn(&handler, args, Some(lane), depth, id).is_err() {
                                break;
                            }
                        }
                    });
                    let cell = ServerCell {
                        addr,
                        accept: RefCell::new(Some(accept)),
                    };
                    self.bind(into, Slot::Server(Rc::new(cell)));
                }
                StmtKind::Connect { server, into } => {
                    let addr = match self.slot(server).map_err(Interrupt::Error)? {
                        Slot::Server(s) => s.addr,
                        _ => return Err(Interrupt::Error(format!("`{server}` is not a server"))),
                    };
                    let on = WaitOn::Io(format!("a connection to {server}").into());
                    let stream = self
                        .await_point(on, tokio::net::TcpStream::connect(addr))
                        .await?
                        .map_err(|e| Interrupt::Error(format!("ConnectionError: {e}")))?;
                    let conn = ConnCell::new(into, stream)?;
                    self.bind(into, Slot::Conn(Rc::new(conn)));
                }
                StmtKind::Receive { conn, into } => {
                    let cell = match self.slot(conn).map_err(Interrupt::Error)? {
                        Slot::Conn(c) => c,
                        _ => return Err(Interrupt::Error(format!("`{conn}` is not a connection"))),
                    };
                    let on = WaitOn::Io(format!("a line on {conn}").into());
                    let line = self.await_point(on, cell.receive()).await??;
                    self.bind(into, Slot::Val(line));
                }
                _ => unreachable!("simple statements run in exec"),
            }
            Ok(Flow::Next)
        })
    }
}
