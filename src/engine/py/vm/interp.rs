//! The interpreter core: frames, name lookup and calls. Attributes, the
//! protocols user classes can override and iteration are in the
//! `attrs`, `protocols` and `iteration` modules beside it.

use super::coro::{Coroutine, Generator};
use super::descriptor;
use crate::engine::events::{EventKind, LaneId};
use crate::engine::py::builtins;
use crate::engine::py::builtins::special;
use crate::engine::py::modules;
use crate::engine::py::modules::asyncio::streams;
use crate::engine::py::modules::asyncio::tasks::TaskObj;
use crate::engine::py::modules::concurrent_futures::executor;
use crate::engine::py::types::callbacks::Callbacks;
use crate::engine::py::types::exc::{self, PyResult, Unwind, error, type_error};
use crate::engine::py::types::groups;
use crate::engine::py::types::methods;
use crate::engine::py::types::native::Args;
use crate::engine::py::types::value;
use crate::engine::py::types::value::{Class, Dict, Function, Instance, Key, Namespace, Value};
use crate::engine::runtime::Shared;
use crate::program::{Code, CodeKind, Name, Param, Program, StmtId};
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

    // ---- calls ----

    /// Calls any callable. Python functions run to completion here (a plain
    /// `def` cannot suspend); an `async def` returns its coroutine.
    pub fn call(&self, f: &Frame, callee: &Value, mut args: Args) -> PyResult<Value> {
        match callee {
            Value::Function(func) => self.call_function(f, func, args),
            Value::Method(m) => {
                args.pos.insert(0, m.0.clone());
                self.call(f, &m.1, args)
            }
            Value::Builtin(name) => self.call_builtin(f, name, args),
            Value::BuiltinMethod(m) => self.call_method(f, &m.0, &m.1, args),
            Value::Class(c) => self.instantiate(f, c, args),
            Value::Type(t) => self.call_builtin(f, t, args),
            Value::Instance(i) => match i.class.lookup("__call__") {
                Some(m) => {
                    args.pos.insert(0, callee.clone());
                    self.call(f, &m, args)
                }
                None => Err(not_callable(callee)),
            },
            Value::Native(n) => n
                .clone()
                .call(&self.rc(), f, args)
                .unwrap_or_else(|| Err(not_callable(callee))),
            other => Err(not_callable(other)),
        }
    }

    /// Calls a Python function.
    pub fn call_function(
        &self,
        caller: &Frame,
        func: &Rc<Function>,
        args: Args,
    ) -> PyResult<Value> {
        let code = &func.code;
        if code.is_async && code.is_generator {
            let frame = self.bind(caller, func, args)?;
            return Ok(Generator::value(self, func, frame, true));
        }
        if code.is_async {
            let frame = self.bind(caller, func, args)?;
            return Ok(Coroutine::value(func.clone(), frame, caller.at.get()));
        }
        if code.is_generator {
            let frame = self.bind(caller, func, args)?;
            return Ok(Generator::value(self, func, frame, false));
        }
        let frame = self.bind(caller, func, args)?;
        let depth = self.enter(caller)?;
        frame.called_by(caller);
        let result = run_now(self.run_body(&frame));
        self.depth.set(depth);
        self.traceback(&frame, result)
    }

    /// Notes one more call level; a `RecursionError` past the limit.
    pub fn enter(&self, _caller: &Frame) -> PyResult<u32> {
        let depth = self.depth.get();
        if depth >= self.shared.limits.max_depth {
            return Err(error("RecursionError", "maximum recursion depth exceeded"));
        }
        self.depth.set(depth + 1);
        Ok(depth)
    }

    /// Adds the frame's line to a propagating exception's traceback.
    pub fn traceback<T>(&self, frame: &Frame, result: PyResult<T>) -> PyResult<T> {
        if let Err(Unwind::Exc(e)) = &result
            && let Some(state) = exc::state(e)
        {
            if state.caught_in.get() == frame as *const Frame as usize {
                // Re-raised from the `except` that recorded this frame.
                state.caught_in.set(0);
            } else {
                state
                    .traceback
                    .borrow_mut()
                    .push((frame.marked(), Rc::from(&*frame.code.name)));
            }
        }
        result
    }

    /// Runs a frame's body to its return value.
    pub async fn run_body(&self, frame: &Frame) -> PyResult<Value> {
        let body = &frame.code.body;
        let flow = if body.iter().all(|s| self.runs_now(s)) {
            self.block_now(frame, body)?
        } else {
            self.exec_block(frame, body).await?
        };
        match flow {
            Flow::Return(v) => Ok(v),
            _ => Ok(Value::None),
        }
    }

    /// Binds arguments to parameters in a new frame (task and lane are the
    /// caller's until the code starts).
    pub fn bind(&self, caller: &Frame, func: &Rc<Function>, mut args: Args) -> PyResult<Frame> {
        let code = &func.code;
        let mut cells: Vec<Rc<RefCell<Option<Value>>>> = (0..code.own_cells)
            .map(|_| Rc::new(RefCell::new(None)))
            .collect();
        cells.extend(func.cells.iter().cloned());
        let frame = self.frame(
            code.clone(),
            cells,
            caller.task(),
            caller.lane.get(),
            Some(func.clone()),
        );
        {
            let mut locals = frame.locals.borrow_mut();
            let p = &code.params;
            let fname = &code.name;
            let npos = p.positional.len();
            let given = args.pos.len();
            let mut extra = Vec::new();
            for (i, v) in args.pos.drain(..).enumerate() {
                if i < npos {
                    locals[p.positional[i].slot as usize] = Some(v);
                } else {
                    extra.push(v);
                }
            }
            match &p.varargs {
                Some(va) => locals[va.slot as usize] = Some(Value::tuple(extra)),
                None if !extra.is_empty() => {
                    let min = p.positional.iter().filter(|x| !x.has_default).count();
                    let takes = if min == npos {
                        format!("{npos}")
                    } else {
                        format!("from {min} to {npos}")
                    };
                    return Err(type_error(format!(
                        "{fname}() takes {takes} positional argument{} but {given} {} given",
                        if npos == 1 && min == npos { "" } else { "s" },
                        if given == 1 { "was" } else { "were" }
                    )));
                }
                None => {}
            }
            let mut kwargs = Dict::default();
            for (k, v) in args.kw.drain(..) {
                let slot = p
                    .positional
                    .iter()
                    .chain(p.keyword_only.iter())
                    .find(|x| *x.name == *k);
                match slot {
                    Some(x) => {
                        if locals[x.slot as usize].is_some() {
                            return Err(type_error(format!(
                                "{fname}() got multiple values for argument '{k}'"
                            )));
                        }
                        locals[x.slot as usize] = Some(v);
                    }
                    None if p.varkw.is_some() => {
                        kwargs.insert(Key(Value::Str(k)), v);
                    }
                    None => {
                        return Err(type_error(format!(
                            "{fname}() got an unexpected keyword argument '{k}'"
                        )));
                    }
                }
            }
            if let Some(vk) = &p.varkw {
                locals[vk.slot as usize] = Some(Value::Dict(Rc::new(RefCell::new(kwargs))));
            }
            // Defaults fill what is missing, the last parameters first.
            let with_default = p
                .positional
                .iter()
                .chain(p.keyword_only.iter())
                .filter(|x| x.has_default);
            for (x, d) in with_default.zip(func.defaults.iter()) {
                if locals[x.slot as usize].is_none() {
                    locals[x.slot as usize] = Some(d.clone());
                }
            }
            let unset = |x: &Param| locals[x.slot as usize].is_none();
            if p.positional.iter().any(unset) {
                let missing: Vec<String> = p
                    .positional
                    .iter()
                    .filter(|x| unset(x))
                    .map(|x| format!("'{}'", x.name))
                    .collect();
                return Err(type_error(format!(
                    "{fname}() missing {} required positional argument{}: {}",
                    missing.len(),
                    if missing.len() == 1 { "" } else { "s" },
                    join_names(&missing)
                )));
            }
            if p.keyword_only.iter().any(unset) {
                let missing_kw: Vec<String> = p
                    .keyword_only
                    .iter()
                    .filter(|x| unset(x))
                    .map(|x| format!("'{}'", x.name))
                    .collect();
                return Err(type_error(format!(
                    "{fname}() missing {} required keyword-only argument{}: {}",
                    missing_kw.len(),
                    if missing_kw.len() == 1 { "" } else { "s" },
                    join_names(&missing_kw)
                )));
            }
            for (slot, cell) in &code.cell_params {
                *frame.cells[*cell as usize].borrow_mut() = locals[*slot as usize].clone();
            }
        }
        Ok(frame)
    }

    /// `Class(args)`: a new instance, initialised by `__init__`.
    pub fn instantiate(&self, f: &Frame, class: &Rc<Class>, mut args: Args) -> PyResult<Value> {
        if let Some(member) = modules::r#enum::by_value(self, f, class, &args) {
            return member;
        }
        if class.builtin && class.derives_from("BaseExceptionGroup") {
            return groups::construct(class, args);
        }
        let is_exc = class.derives_from("BaseException");
        let instance = Value::Instance(Rc::new(Instance {
            class: class.clone(),
            attrs: Default::default(),
            exc: is_exc.then(|| value::ExcState {
                args: RefCell::new(args.pos.clone()),
                ..Default::default()
            }),
        }));
        match class.lookup("__init__") {
            Some(init) => {
                args.pos.insert(0, instance.clone());
                let r = self.call(f, &init, args)?;
                if !matches!(r, Value::None) {
                    return Err(type_error(format!(
                        "__init__() should return None, not '{}'",
                        r.type_name()
                    )));
                }
            }
            None if !is_exc && (!args.pos.is_empty() || !args.kw.is_empty()) => {
                return Err(type_error(format!("{}() takes no arguments", class.name)));
            }
            None => {}
        }
        Ok(instance)
    }

    /// `obj.name(args)` without making a bound method first.
    pub fn call_method(
        &self,
        f: &Frame,
        obj: &Value,
        name: &str,
        mut args: Args,
    ) -> PyResult<Value> {
        // A callable attribute that is no method: `wrapper.__wrapped__(x)`.
        if let Value::Native(n) = obj
            && !n.has_method(name)
            && let Some(m) = n.clone().attr(name)
        {
            return self.call(f, &m, args);
        }
        match obj {
            Value::Instance(i) => {
                let attr = i.class.lookup(name);
                if !attr.as_ref().is_some_and(descriptor::is_data)
                    && let Some(v) = i.attrs.dict().borrow().get(name).cloned()
                {
                    return self.call(f, &v, args);
                }
                match attr {
                    Some(m @ Value::Function(_)) => {
                        args.pos.insert(0, obj.clone());
                        self.call(f, &m, args)
                    }
                    Some(other) => {
                        let m = descriptor::bind(self, f, other, Some(obj), &i.class)?;
                        self.call(f, &m, args)
                    }
                    None => self.exception_method(f, obj, name, args),
                }
            }
            Value::Native(n) => match n.clone().call_method(&self.rc(), f, name, args) {
                Some(r) => r,
                None => Err(no_attribute(obj, name)),
            },
            Value::Type(_) if methods::has_method(obj, name) => {
                match methods::call_method(&Cb { ix: self, f }, obj, name, args) {
                    Some(r) => r,
                    None => Err(no_attribute(obj, name)),
                }
            }
            Value::Class(_) | Value::Module(_) | Value::Type(_) | Value::Function(_) => {
                let m = self.getattr(f, obj, name)?;
                self.call(f, &m, args)
            }
            _ => match methods::call_method(&Cb { ix: self, f }, obj, name, args) {
                Some(r) => r,
                None => Err(no_attribute(obj, name)),
            },
        }
    }

    fn exception_method(&self, f: &Frame, obj: &Value, name: &str, args: Args) -> PyResult<Value> {
        let args = match groups::method(&Cb { ix: self, f }, obj, name, args) {
            Ok(r) => return r,
            Err(args) => args,
        };
        if name == "with_traceback" && exc::state(obj).is_some() {
            return Ok(obj.clone());
        }
        if name == "add_note" {
            let _ = args;
            return Ok(Value::None);
        }
        Err(no_attribute(obj, name))
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

    fn call_builtin(&self, f: &Frame, name: &str, args: Args) -> PyResult<Value> {
        match modules::call(self, f, name, args) {
            Ok(result) => result,
            Err(args) => special::call(self, f, name, args),
        }
    }

    /// A built-in call through the pure built-ins module.
    pub fn pure_builtin(&self, f: &Frame, name: &str, args: Args) -> PyResult<Value> {
        builtins::call_builtin(&Cb { ix: self, f }, name, args)
    }
}

fn join_names(names: &[String]) -> String {
    match names.len() {
        1 => names[0].clone(),
        2 => format!("{} and {}", names[0], names[1]),
        n => format!("{}, and {}", names[..n - 1].join(", "), names[n - 1]),
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
