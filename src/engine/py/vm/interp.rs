//! The interpreter core: frames, name lookup and the run's state. Calls,
//! attributes, the protocols user classes can override and iteration are in
//! the `call`, `attrs`, `protocols` and `iteration` modules beside it.

use crate::engine::events::{EventKind, LaneId};
use crate::engine::py::builtins;
use crate::engine::py::builtins::special;
use crate::engine::py::modules::asyncio::streams;
use crate::engine::py::modules::asyncio::tasks::TaskObj;
use crate::engine::py::modules::concurrent_futures::executor;
use crate::engine::py::types::callbacks::Callbacks;
use crate::engine::py::types::exc::{self, PyResult, Unwind, error, type_error};
use crate::engine::py::types::native::Args;
use crate::engine::py::types::value::{Function, Namespace, Value};
use crate::engine::runtime::Shared;
use crate::program::{Code, CodeKind, Name, Program, StmtId};
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::pin;
use std::rc::{Rc, Weak};
use std::sync::Arc;
use std::task::{Context, Poll, Waker};

/// A closure cell: a variable shared by a function and the functions it
/// defines.
pub type VarCell = Rc<RefCell<Option<Value>>>;

/// Why a block stopped, when it did not raise.
pub enum Flow {
    Normal,
    Return(Value),
    Break,
    Continue,
}

/// The interpreter of one run.
pub struct Interp {
    pub shared: Rc<Shared>,
    pub program: Arc<Program>,
    pub globals: Rc<RefCell<Namespace>>,
    /// Every task made, for `asyncio.run` to cancel what is left.
    pub tasks: RefCell<Vec<Rc<TaskObj>>>,
    /// Tasks are named `Task-1`, `Task-2`, ... as in CPython.
    pub task_counter: Cell<u32>,
    /// Python calls in progress (recursion depth).
    pub depth: Cell<u32>,
    /// The running event loop, once `asyncio.run` has started.
    pub running: Cell<bool>,
    /// `asyncio.run` has returned: no loop clock runs.
    pub loop_closed: Cell<bool>,
    /// The event loops made, the current one and the one running.
    pub loops: crate::engine::py::modules::asyncio::events::Loops,
    /// Bytes printed so far.
    pub printed: Cell<usize>,
    /// Sockets open now (servers and connection ends).
    pub sockets: Cell<usize>,
    /// Ports of the servers this run started: those listening now, and
    /// those it has closed. A demo may connect to no other port.
    pub ports: RefCell<streams::Ports>,
    /// The virtual clock as CPython's loop keeps it: a float of seconds,
    /// the deadline of the last timer that fired plus blocking calls.
    pub vclock: Cell<f64>,
    /// Stands in for a task while the module code runs.
    pub module_task: Rc<TaskObj>,
    /// Executor jobs and pools.
    pub executors: executor::Executors,
    /// The last `raise` was a bare one (for `except*`).
    pub bare_raise: Cell<bool>,
    /// Async generators made, for `asyncio.run` to close those left.
    pub asyncgens: RefCell<Vec<Weak<super::generator::Generator>>>,
    /// What asyncio logs, at the exit, of the tasks a closed loop left
    /// pending: each task's lane and the log's text.
    pub destroyed_at_exit: RefCell<Vec<(crate::engine::events::LaneId, String)>>,
    /// The `random` module's generator and the seeds of unseeded ones.
    pub random: crate::engine::py::modules::random::State,
    /// Which statements cannot suspend, so run without a future.
    pub(super) sync_stmts: super::sync_stmt::SyncStmts,
    /// The frame that started the event loop running, and how (see
    /// [`Interp::enter_loop`]), for the call stack of the code it runs.
    pub(super) loop_entry: Cell<Option<(std::ptr::NonNull<Frame>, super::stack::LoopEntry)>>,
    me: Weak<Interp>,
    pub(super) empty: Arc<Code>,
}

/// One running code object: a module, function, class body or
/// comprehension.
pub struct Frame {
    pub code: Arc<Code>,
    pub locals: RefCell<Vec<Option<Value>>>,
    pub cells: Vec<VarCell>,
    /// A class body's namespace.
    pub namespace: Option<Rc<RefCell<Namespace>>>,
    /// The function running, for `super()`.
    pub function: Option<Rc<Function>>,
    /// The task the code runs in.
    pub task: RefCell<Rc<TaskObj>>,
    /// The lane its events go to.
    pub lane: Cell<LaneId>,
    /// The statement running.
    pub stmt: Cell<StmtId>,
    /// Byte offset of what is running, for tracebacks.
    pub at: Cell<usize>,
    /// Where what is running ends, for the traceback's `^^^` marks.
    pub to: Cell<usize>,
    /// Exceptions being handled (innermost last), for bare `raise` and
    /// `__context__`.
    pub handling: RefCell<Vec<Value>>,
    /// Where a generator's `yield` hands its values.
    pub yields: Option<Rc<super::coro::YieldSlot>>,
    /// A class body's functions, whose `super()` names the class once made.
    /// (Boxed: only a class body has any, and every frame holds the slot.)
    pub class_defs: RefCell<Option<Box<Vec<Rc<Function>>>>>,
    /// The frame that called or awaits this one, while it runs there (see
    /// [`Frame::called_by`]).
    pub(super) caller: Cell<Option<std::ptr::NonNull<Frame>>>,
}

/// What native objects see of the code calling them.
pub type Ctx = Frame;

impl Frame {
    /// Notes the expression or statement running (its source range).
    pub fn mark(&self, span: &crate::program::Span) {
        self.at.set(span.start);
        self.to.set(span.end);
    }

    /// What is running, as [`Frame::mark`] noted it.
    pub fn marked(&self) -> crate::program::Span {
        self.at.get()..self.to.get()
    }

    pub fn task(&self) -> Rc<TaskObj> {
        self.task.borrow().clone()
    }
}

/// Polls a future once with a waker that does nothing: for code that cannot
/// suspend (a plain `def`), which finishes on its first poll.
pub fn run_now<T>(fut: impl Future<Output = PyResult<T>>) -> PyResult<T> {
    let mut fut = pin!(fut);
    match fut.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(r) => r,
        Poll::Pending => Err(error(
            "RuntimeError",
            "a plain function tried to wait: only an `async def` can await",
        )),
    }
}

impl Interp {
    pub fn new(shared: Rc<Shared>, program: Arc<Program>) -> Rc<Interp> {
        let sync_stmts = super::sync_stmt::SyncStmts::new(program.statement_count);
        Rc::new_cyclic(|me| Interp {
            shared,
            program,
            globals: Rc::new(RefCell::new(Namespace::default())),
            tasks: RefCell::new(Vec::new()),
            task_counter: Cell::new(0),
            depth: Cell::new(0),
            running: Cell::new(false),
            loop_closed: Cell::new(false),
            loops: Default::default(),
            printed: Cell::new(0),
            sockets: Cell::new(0),
            ports: Default::default(),
            vclock: Cell::new(0.0),
            module_task: TaskObj::new(Rc::from("<module>"), 0, Value::None),
            executors: Default::default(),
            bare_raise: Cell::new(false),
            asyncgens: RefCell::new(Vec::new()),
            destroyed_at_exit: RefCell::new(Vec::new()),
            random: Default::default(),
            sync_stmts,
            loop_entry: Cell::new(None),
            me: me.clone(),
            empty: Arc::new(Code {
                name: "<task>".into(),
                qualname: "<task>".into(),
                kind: CodeKind::Module,
                is_async: true,
                is_generator: false,
                params: Default::default(),
                body: Vec::new(),
                locals: Vec::new(),
                cells: Vec::new(),
                own_cells: 0,
                captures: Vec::new(),
                cell_params: Vec::new(),
                docstring: None,
                span: 0..0,
            }),
        })
    }

    /// Moves the virtual clock (never back while the loop runs).
    pub fn set_vclock(&self, t: f64) {
        if t > self.vclock.get() {
            self.vclock.set(t);
            self.shared.set_clock(self.timer_at(t));
        }
    }

    /// The Tokio time of a virtual deadline in seconds. Deadlines past the
    /// run's virtual-time limit (`sleep(1e308)`, `inf`) wait until just after
    /// it, so the limit ends the run rather than the conversion failing.
    pub fn timer_at(&self, t: f64) -> std::time::Duration {
        let cap = self.shared.limits.max_virtual + std::time::Duration::from_secs(1);
        std::time::Duration::try_from_secs_f64(t.max(0.0)).map_or(cap, |d| d.min(cap))
    }

    /// A strong handle to the interpreter, for futures that outlive a borrow.
    pub fn rc(&self) -> Rc<Interp> {
        self.me
            .upgrade()
            .expect("the interpreter outlives its frames")
    }

    /// A frame for running code of no function of its own (a task's root).
    pub fn root_frame(&self, task: Rc<TaskObj>, lane: LaneId) -> Frame {
        self.frame(self.empty.clone(), Vec::new(), task, lane, None)
    }

    /// A frame for `code` with these cells.
    pub fn frame(
        &self,
        code: Arc<Code>,
        cells: Vec<Rc<RefCell<Option<Value>>>>,
        task: Rc<TaskObj>,
        lane: LaneId,
        function: Option<Rc<Function>>,
    ) -> Frame {
        Frame {
            locals: RefCell::new(vec![None; code.locals.len()]),
            cells,
            namespace: None,
            function,
            task: RefCell::new(task),
            lane: Cell::new(lane),
            stmt: Cell::new(0),
            at: Cell::new(code.span.start),
            to: Cell::new(code.span.start),
            handling: RefCell::new(Vec::new()),
            yields: None,
            class_defs: RefCell::new(None),
            caller: Cell::new(None),
            code,
        }
    }

    /// Counts a statement against the limits.
    pub fn step(&self) -> PyResult<()> {
        self.shared.step().map_err(|_| Unwind::Abort)
    }

    /// Ends the run with a message naming the limit.
    pub fn abort(&self, reason: String) -> Unwind {
        self.shared.abort(reason);
        Unwind::Abort
    }

    /// Emits an event for the frame's lane at its current statement.
    pub fn emit(&self, f: &Frame, kind: EventKind) {
        self.shared.emit(f.lane.get(), Some(f.stmt.get()), kind);
    }

    // ---- names ----

    pub fn load(&self, f: &Frame, name: &Name) -> PyResult<Value> {
        match name {
            Name::Local(i, n) => f.locals.borrow()[*i as usize]
                .clone()
                .ok_or_else(|| unbound(n)),
            Name::Cell(i, n) => f.cells[*i as usize]
                .borrow()
                .clone()
                .ok_or_else(|| match f.code.cells.get(*i as usize) {
                    Some(_) if (*i as usize) < f.code.own_cells => unbound(n),
                    _ => error(
                        "NameError",
                        format!(
                            "cannot access free variable '{n}' where it is not associated with a value in enclosing scope"
                        ),
                    ),
                }),
            Name::Global(n) => {
                if let Some(ns) = &f.namespace
                    && let Some(v) = ns.borrow().get(&**n)
                {
                    return Ok(v.clone());
                }
                if let Some(v) = self.globals.borrow().get(&**n) {
                    return Ok(v.clone());
                }
                builtin(n).ok_or_else(|| error("NameError", format!("name '{n}' is not defined")))
            }
        }
    }

    pub fn store(&self, f: &Frame, name: &Name, v: Value) {
        match name {
            Name::Local(i, _) => f.locals.borrow_mut()[*i as usize] = Some(v),
            Name::Cell(i, _) => *f.cells[*i as usize].borrow_mut() = Some(v),
            Name::Global(n) => {
                if let Some(ns) = &f.namespace {
                    ns.borrow_mut().insert(Rc::from(&**n), v);
                } else {
                    self.globals.borrow_mut().insert(Rc::from(&**n), v);
                }
            }
        }
    }

    pub fn delete(&self, f: &Frame, name: &Name) -> PyResult<()> {
        let gone = match name {
            Name::Local(i, _) => f.locals.borrow_mut()[*i as usize].take().is_some(),
            Name::Cell(i, _) => f.cells[*i as usize].borrow_mut().take().is_some(),
            Name::Global(n) => match &f.namespace {
                Some(ns) => ns.borrow_mut().shift_remove(&**n).is_some(),
                None => self.globals.borrow_mut().shift_remove(&**n).is_some(),
            },
        };
        if gone {
            Ok(())
        } else {
            Err(match name {
                Name::Global(n) => error("NameError", format!("name '{n}' is not defined")),
                other => unbound(other.ident()),
            })
        }
    }

    /// Checks that an exception class (or tuple of them) matches.
    pub fn matches(&self, exc_value: &Value, class: &Value) -> PyResult<bool> {
        match class {
            Value::Class(c) => match exc_value {
                Value::Instance(i) => Ok(i.class.is_subclass(c)),
                _ => Ok(false),
            },
            Value::Tuple(items) => {
                for c in items.iter() {
                    if self.matches(exc_value, c)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            )),
        }
    }
}

fn unbound(n: &str) -> Unwind {
    error(
        "UnboundLocalError",
        format!("cannot access local variable '{n}' where it is not associated with a value"),
    )
}

pub fn not_callable(v: &Value) -> Unwind {
    type_error(format!("'{}' object is not callable", v.type_name()))
}

pub fn not_iterable(v: &Value) -> Unwind {
    type_error(format!("'{}' object is not iterable", v.type_name()))
}

pub fn no_attribute(v: &Value, name: &str) -> Unwind {
    error(
        "AttributeError",
        format!("'{}' object has no attribute '{name}'", v.type_name()),
    )
}

/// The built-in type name of a value.
pub fn type_of(v: &Value) -> &'static str {
    match v {
        Value::None => "NoneType",
        Value::Bool(_) => "bool",
        Value::Int(_) | Value::BigInt(_) => "int",
        Value::Float(_) => "float",
        Value::Str(_) => "str",
        Value::Bytes(_) => "bytes",
        Value::List(_) => "list",
        Value::Tuple(_) => "tuple",
        Value::Dict(_) => "dict",
        Value::Set(s) if s.borrow().frozen => "frozenset",
        Value::Set(_) => "set",
        Value::Range(..) => "range",
        Value::Function(_) => "function",
        _ => "object",
    }
}

/// A builtin by name: functions, types and exception classes.
pub fn builtin(name: &str) -> Option<Value> {
    if let Some(c) = exc::class(name)
        && c.module.is_empty()
    {
        return Some(Value::Class(c));
    }
    const TYPES: &[&str] = &[
        "int",
        "float",
        "str",
        "bool",
        "list",
        "tuple",
        "dict",
        "set",
        "bytes",
        "range",
        "object",
        "frozenset",
        "type",
        "staticmethod",
        "classmethod",
        "property",
    ];
    if let Some(t) = TYPES.iter().find(|t| **t == name) {
        return Some(Value::Type(t));
    }
    if let Some(b) = special::NAMES.iter().find(|b| **b == name) {
        return Some(Value::Builtin(b));
    }
    builtins::NAMES
        .iter()
        .find(|b| **b == name)
        .map(|b| Value::Builtin(b))
}

/// The value of an `IntEnum`, `IntFlag` or `StrEnum` member, which is an
/// int or a str as well.
pub fn enum_value(v: &Value) -> Option<Value> {
    match v {
        Value::Instance(i)
            if i.exc.is_none()
                && (i.class.derives_from("IntEnum")
                    || i.class.derives_from("IntFlag")
                    || i.class.derives_from("StrEnum")) =>
        {
            i.attrs.dict().borrow().get("value").cloned()
        }
        _ => None,
    }
}

/// The values of two operands when either is an `IntEnum`, `IntFlag` or
/// `StrEnum` member, which compare and compute as their values.
pub(super) fn enum_values(a: &Value, b: &Value) -> Option<(Value, Value)> {
    match (enum_value(a), enum_value(b)) {
        (None, None) => None,
        (x, y) => Some((
            x.unwrap_or_else(|| a.clone()),
            y.unwrap_or_else(|| b.clone()),
        )),
    }
}

/// The interpreter and a frame, as the built-ins' callbacks.
pub struct Cb<'a> {
    pub ix: &'a Interp,
    pub f: &'a Frame,
}

impl Callbacks for Cb<'_> {
    fn call(&self, func: &Value, args: Args) -> PyResult<Value> {
        self.ix.call(self.f, func, args)
    }
    fn repr(&self, v: &Value) -> PyResult<String> {
        self.ix.repr(self.f, v)
    }
    fn str(&self, v: &Value) -> PyResult<String> {
        self.ix.str(self.f, v)
    }
    fn iterate(&self, v: &Value) -> PyResult<Vec<Value>> {
        self.ix.iterate(self.f, v)
    }
    fn eq(&self, a: &Value, b: &Value) -> PyResult<bool> {
        self.ix.eq(self.f, a, b)
    }
    fn lt(&self, a: &Value, b: &Value) -> PyResult<bool> {
        self.ix.compare(self.f, crate::program::CmpOp::Lt, a, b)
    }
    fn truthy(&self, v: &Value) -> PyResult<bool> {
        self.ix.truthy(self.f, v)
    }
}
