//! The interpreter core: frames, name lookup, calls, attributes, and the
//! protocols (`repr`, `str`, `==`, `<`, truth, iteration) that user classes
//! can override.

use super::coro::{Coroutine, Generator};
use super::descriptor;
use crate::engine::budget;
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
use crate::engine::py::types::items;
use crate::engine::py::types::native::{Args, Native, downcast};
use crate::engine::py::types::value;
use crate::engine::py::types::value::{
    Class, Dict, Function, Instance, Key, Namespace, SeqIter, Value, py_eq,
};
use crate::engine::py::types::{methods, ops};
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

    // ---- attributes ----

    pub fn getattr(&self, f: &Frame, obj: &Value, name: &str) -> PyResult<Value> {
        match obj {
            Value::Instance(i) => {
                let attr = i.class.lookup(name);
                if let Some(a) = attr.as_ref().filter(|a| descriptor::is_data(a)) {
                    return descriptor::bind(self, f, a.clone(), Some(obj), &i.class);
                }
                if let Some(v) = i.attrs.dict().borrow().get(name) {
                    return Ok(v.clone());
                }
                if let Some(state) = &i.exc {
                    match name {
                        "args" => return Ok(Value::tuple(state.args.borrow().clone())),
                        "__cause__" => {
                            return Ok(state.cause.borrow().clone().unwrap_or(Value::None));
                        }
                        "__context__" => {
                            return Ok(state.context.borrow().clone().unwrap_or(Value::None));
                        }
                        "__suppress_context__" => {
                            return Ok(Value::Bool(state.suppress_context.get()));
                        }
                        "code" if i.class.derives_from("SystemExit") => {
                            return Ok(modules::sys::exit_code(obj));
                        }
                        "value" if i.class.derives_from("StopIteration") => {
                            return Ok(state.args.borrow().first().cloned().unwrap_or(Value::None));
                        }
                        _ => {
                            if let Some(v) = groups::attr(i, name) {
                                return Ok(v);
                            }
                        }
                    }
                }
                if name == "__class__" {
                    return Ok(Value::Class(i.class.clone()));
                }
                if name == "__dict__" && attr.is_none() {
                    return builtins::namespace::dict_of(obj)
                        .ok_or_else(|| no_attribute(obj, name));
                }
                match attr {
                    Some(v) => descriptor::bind(self, f, v, Some(obj), &i.class),
                    None => Err(no_attribute(obj, name)),
                }
            }
            Value::Class(c) => match name {
                "__name__" => Ok(Value::str(&c.name)),
                "__dict__" if !c.builtin => {
                    Ok(builtins::namespace::dict_of(obj).unwrap_or(Value::None))
                }
                "__qualname__" => Ok(Value::str(&c.qualname)),
                "__members__" if modules::r#enum::members(c).is_some() => {
                    Ok(modules::r#enum::members_by_name(c))
                }
                "__module__" if !c.builtin || c.module.is_empty() => {
                    Ok(Value::str(if c.builtin { "builtins" } else { "__main__" }))
                }
                "__module__" => Ok(Value::str(c.module)),
                _ => match c.lookup(name) {
                    Some(v) => descriptor::bind(self, f, v, None, c),
                    None if name == "__doc__" => Ok(Value::None),
                    None => Err(error(
                        "AttributeError",
                        format!("type object '{}' has no attribute '{name}'", c.name),
                    )),
                },
            },
            Value::Type(t) => match name {
                "__name__" | "__qualname__" => Ok(Value::str(t)),
                // An unbound method: `str.lower`.
                _ if methods::has_method(obj, name) => {
                    Ok(Value::BuiltinMethod(Rc::new((obj.clone(), Rc::from(name)))))
                }
                _ => Err(error(
                    "AttributeError",
                    format!("type object '{t}' has no attribute '{name}'"),
                )),
            },
            // A module's function or class: `math.sqrt.__name__`.
            Value::Builtin(b) if matches!(name, "__name__" | "__qualname__") => {
                Ok(Value::str(b.rsplit('.').next().unwrap_or(b)))
            }
            Value::Function(func) => crate::engine::py::types::funcattrs::function_attr(func, name)
                .ok_or_else(|| no_attribute(obj, name)),
            Value::Method(m) => match name {
                "__self__" => Ok(m.0.clone()),
                "__func__" => Ok(m.1.clone()),
                _ => self.getattr(f, &m.1, name),
            },
            Value::Module(m) => modules::member(*m, name).ok_or_else(|| {
                error(
                    "AttributeError",
                    format!("module '{}' has no attribute '{name}'", m.name()),
                )
            }),
            Value::Native(n) => {
                if let Some(v) = n.clone().attr(name) {
                    return Ok(v);
                }
                if n.has_method(name) {
                    return Ok(Value::BuiltinMethod(Rc::new((obj.clone(), Rc::from(name)))));
                }
                Err(no_attribute(obj, name))
            }
            _ => {
                let _ = f;
                if name == "__class__" {
                    return Ok(Value::Type(type_of(obj)));
                }
                if methods::has_method(obj, name) {
                    return Ok(Value::BuiltinMethod(Rc::new((obj.clone(), Rc::from(name)))));
                }
                Err(no_attribute(obj, name))
            }
        }
    }

    pub fn setattr(&self, f: &Frame, obj: &Value, name: &str, v: Value) -> PyResult<()> {
        match obj {
            Value::Instance(i) => {
                if let Some(e) =
                    crate::engine::py::modules::dataclasses::frozen_setattr(&i.class, name, false)
                {
                    return Err(e);
                }
                if modules::namedtuple::is_named_tuple(&i.class) {
                    return Err(error("AttributeError", "can't set attribute"));
                }
                if let Some(r) =
                    descriptor::set_through(self, f, obj, &i.class, name, Some(v.clone()))
                {
                    return r;
                }
                if let Some(e) = crate::engine::py::types::slots::refuse_set(&i.class, name) {
                    return Err(e);
                }
                if name == "__dict__" {
                    return builtins::namespace::set_dict(i, v);
                }
                let dict = i.attrs.dict();
                let mut attrs = dict.borrow_mut();
                match attrs.get_mut(name) {
                    Some(slot) => *slot = v,
                    None => {
                        attrs.insert(Key(Value::Str(Rc::from(name))), v);
                    }
                }
                Ok(())
            }
            Value::Function(func) => {
                crate::engine::py::types::funcattrs::set_function_attr(func, name, v);
                Ok(())
            }
            Value::Class(c) if !c.builtin => {
                c.namespace.borrow_mut().insert(Rc::from(name), v);
                Ok(())
            }
            _ => Err(error(
                "AttributeError",
                format!(
                    "'{}' object attribute '{name}' is read-only",
                    obj.type_name()
                ),
            )),
        }
    }

    // ---- protocols ----

    /// A special method of an instance's class, if the class defines it.
    pub fn special(&self, v: &Value, name: &str) -> Option<Value> {
        match v {
            Value::Instance(i) if !i.class.builtin || i.exc.is_none() => i.class.lookup(name),
            _ => None,
        }
    }

    pub fn repr(&self, f: &Frame, v: &Value) -> PyResult<String> {
        let mut out = String::new();
        self.repr_into(f, v, &mut out)?;
        Ok(out)
    }

    /// Writes `repr(v)` to `out`. A container met again inside itself is
    /// `[...]` (`{...}`, `(...)`); nesting deeper than a call may go raises
    /// `RecursionError`; the text is charged to the run as it grows and
    /// may not pass the size of one value.
    fn repr_into(&self, f: &Frame, v: &Value, out: &mut String) -> PyResult<()> {
        if let Some(m) = self.special(v, "__repr__") {
            return match self.call(f, &m, Args::positional(vec![v.clone()]))? {
                Value::Str(s) => {
                    out.push_str(&s);
                    ops::check_bytes(out.len())
                }
                other => Err(type_error(format!(
                    "__repr__ returned non-string (type {})",
                    other.type_name()
                ))),
            };
        }
        let (open, close, id) = match v {
            Value::List(l) => ("[", "]", Rc::as_ptr(l) as *const u8 as usize),
            Value::Dict(d) => ("{", "}", Rc::as_ptr(d) as *const u8 as usize),
            Value::Tuple(t) => ("(", ")", t.as_ptr() as *const u8 as usize),
            Value::Int(i) => {
                use std::fmt::Write;
                let _ = write!(out, "{i}");
                return ops::check_bytes(out.len());
            }
            Value::Native(n) => return self.native_repr(f, n, out),
            other => {
                let text = other.repr();
                budget::charge_bytes(text.len())?;
                out.push_str(&text);
                return ops::check_bytes(out.len());
            }
        };
        if !crate::engine::py::types::recursion::repr_enter(id) {
            out.push_str(open);
            out.push_str("...");
            out.push_str(close);
            return Ok(());
        }
        let depth = self.depth.get();
        let result = if depth >= self.shared.limits.max_depth {
            Err(error(
                "RecursionError",
                "maximum recursion depth exceeded while getting the repr of an object",
            ))
        } else {
            self.depth.set(depth + 1);
            let r = self.repr_items(f, v, out);
            self.depth.set(depth);
            r
        };
        crate::engine::py::types::recursion::repr_leave(id);
        result
    }

    /// The `repr` of an object that writes its items through the
    /// interpreter, guarded as a container's is.
    fn native_repr(&self, f: &Frame, n: &Rc<dyn Native>, out: &mut String) -> PyResult<()> {
        let id = Rc::as_ptr(n) as *const u8 as usize;
        if !crate::engine::py::types::recursion::repr_enter(id) {
            out.push_str("[...]");
            return Ok(());
        }
        let depth = self.depth.get();
        let result = if depth >= self.shared.limits.max_depth {
            Err(error(
                "RecursionError",
                "maximum recursion depth exceeded while getting the repr of an object",
            ))
        } else {
            self.depth.set(depth + 1);
            let r = match n.clone().repr_in(&self.rc(), f) {
                Some(text) => text,
                None => Ok(n.repr()),
            };
            self.depth.set(depth);
            r
        };
        crate::engine::py::types::recursion::repr_leave(id);
        let text = result?;
        budget::charge_bytes(text.len())?;
        out.push_str(&text);
        ops::check_bytes(out.len())
    }

    fn repr_items(&self, f: &Frame, v: &Value, out: &mut String) -> PyResult<()> {
        budget::charge_items(match v {
            Value::List(l) => l.borrow().len(),
            Value::Tuple(t) => t.len(),
            Value::Dict(d) => d.borrow().len(),
            _ => 0,
        })?;
        let item = |out: &mut String, i: usize, x: &Value| -> PyResult<()> {
            if i > 0 {
                out.push_str(", ");
            }
            self.repr_into(f, x, out)
        };
        match v {
            Value::List(items) => {
                let items = items.borrow().clone();
                out.push('[');
                for (i, x) in items.iter().enumerate() {
                    item(out, i, x)?;
                }
                out.push(']');
            }
            Value::Tuple(items) => {
                out.push('(');
                for (i, x) in items.iter().enumerate() {
                    item(out, i, x)?;
                }
                out.push_str(if items.len() == 1 { ",)" } else { ")" });
            }
            Value::Dict(d) => {
                let items: Vec<(Value, Value)> = d
                    .borrow()
                    .iter()
                    .map(|(k, v)| (k.0.clone(), v.clone()))
                    .collect();
                out.push('{');
                for (i, (k, x)) in items.iter().enumerate() {
                    item(out, i, k)?;
                    out.push_str(": ");
                    self.repr_into(f, x, out)?;
                }
                out.push('}');
            }
            _ => {}
        }
        Ok(())
    }

    pub fn str(&self, f: &Frame, v: &Value) -> PyResult<String> {
        if let Some(m) = self.special(v, "__str__") {
            return match self.call(f, &m, Args::positional(vec![v.clone()]))? {
                Value::Str(s) => Ok(s.to_string()),
                other => Err(type_error(format!(
                    "__str__ returned non-string (type {})",
                    other.type_name()
                ))),
            };
        }
        if let Value::Native(n) = v
            && let Some(r) = n.clone().str_in(&self.rc(), f)
        {
            return r;
        }
        match v {
            Value::Str(s) => Ok(s.to_string()),
            Value::Instance(i) if i.exc.is_some() => Ok(v.to_str()),
            _ if self.special(v, "__repr__").is_some() => self.repr(f, v),
            Value::List(_) | Value::Dict(_) | Value::Tuple(_) | Value::Native(_) => self.repr(f, v),
            other => Ok(other.to_str()),
        }
    }

    pub fn truthy(&self, f: &Frame, v: &Value) -> PyResult<bool> {
        if let Value::Native(n) = v {
            if let Some(len) = n.len() {
                return Ok(len > 0);
            }
            if let Some(items) = n.items() {
                return Ok(!items.is_empty());
            }
        }
        if let Value::Instance(_) = v {
            if let Some(m) = self.special(v, "__bool__") {
                return Ok(self
                    .call(f, &m, Args::positional(vec![v.clone()]))?
                    .truthy());
            }
            if let Some(m) = self.special(v, "__len__") {
                return Ok(self
                    .call(f, &m, Args::positional(vec![v.clone()]))?
                    .truthy());
            }
        }
        Ok(v.truthy())
    }

    pub fn eq(&self, f: &Frame, a: &Value, b: &Value) -> PyResult<bool> {
        budget::charge_comparison()?;
        // An `IntEnum` or `StrEnum` member compares as its value.
        if let Some((x, y)) = enum_values(a, b) {
            return self.eq(f, &x, &y);
        }
        if let Some(m) = self.special(a, "__eq__") {
            return self.truthy(
                f,
                &self.call(f, &m, Args::positional(vec![a.clone(), b.clone()]))?,
            );
        }
        if let Some(m) = self.special(b, "__eq__") {
            return self.truthy(
                f,
                &self.call(f, &m, Args::positional(vec![b.clone(), a.clone()]))?,
            );
        }
        for (x, y) in [(a, b), (b, a)] {
            if let Value::Native(n) = x
                && let Some(r) = n.clone().equals(&self.rc(), f, y)
            {
                return r;
            }
        }
        let equal = py_eq(a, b);
        if crate::engine::py::types::recursion::compare_overflowed() {
            return Err(error(
                "RecursionError",
                "maximum recursion depth exceeded in comparison",
            ));
        }
        Ok(equal)
    }

    /// Orders two values, honouring `__lt__`/`__gt__`.
    pub fn compare(
        &self,
        f: &Frame,
        op: crate::program::CmpOp,
        a: &Value,
        b: &Value,
    ) -> PyResult<bool> {
        budget::charge_comparison()?;
        use crate::program::CmpOp::*;
        let (name, swapped) = match op {
            Lt => ("__lt__", "__gt__"),
            Le => ("__le__", "__ge__"),
            Gt => ("__gt__", "__lt__"),
            Ge => ("__ge__", "__le__"),
            _ => unreachable!("only orderings come here"),
        };
        if let Some(m) = self.special(a, name) {
            return self.truthy(
                f,
                &self.call(f, &m, Args::positional(vec![a.clone(), b.clone()]))?,
            );
        }
        if let Some(m) = self.special(b, swapped) {
            return self.truthy(
                f,
                &self.call(f, &m, Args::positional(vec![b.clone(), a.clone()]))?,
            );
        }
        if let Some((x, y)) = enum_values(a, b) {
            return self.compare(f, op, &x, &y);
        }
        let ordered = ops::compare(op, a, b);
        if crate::engine::py::types::recursion::compare_overflowed() {
            return Err(error(
                "RecursionError",
                "maximum recursion depth exceeded in comparison",
            ));
        }
        ordered.ok_or_else(|| ops::order_error(op, a, b))
    }

    /// `x in container`.
    pub fn contains(&self, f: &Frame, container: &Value, x: &Value) -> PyResult<bool> {
        match container {
            Value::Str(s) => match x {
                Value::Str(needle) => Ok(s.contains(&**needle)),
                other => Err(type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    other.type_name()
                ))),
            },
            Value::Dict(d) => Ok(d
                .borrow()
                .contains_key(&Key::new(x.clone()).map_err(type_error)?)),
            Value::Set(s) => Ok(s
                .borrow()
                .contains(&Key::new(x.clone()).map_err(type_error)?)),
            Value::Range(a, b, c) => Ok(match x {
                Value::Int(i) => {
                    let (a, b, c) = (*a, *b, *c);
                    (if c > 0 {
                        a <= *i && *i < b
                    } else {
                        b < *i && *i <= a
                    }) && (i - a) % c == 0
                }
                _ => false,
            }),
            Value::Native(n) if let Some(r) = n.clone().contains(&self.rc(), f, x) => r,
            _ => {
                if let Some(m) = self.special(container, "__contains__") {
                    let r =
                        self.call(f, &m, Args::positional(vec![container.clone(), x.clone()]))?;
                    return self.truthy(f, &r);
                }
                for item in self.iterate(f, container)? {
                    if self.eq(f, &item, x)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        }
    }

    /// Every item of a synchronous iterable. Building the list is work and
    /// memory of the run: both are charged to its budgets (the memory
    /// before the list is built, where its length is known).
    pub fn iterate(&self, f: &Frame, v: &Value) -> PyResult<Vec<Value>> {
        let known = match v {
            Value::List(l) => Some(l.borrow().len()),
            Value::Tuple(t) => Some(t.len()),
            Value::Str(s) => Some(s.len()),
            Value::Bytes(b) => Some(b.len()),
            Value::Dict(d) => Some(d.borrow().len()),
            Value::Set(s) => Some(s.borrow().len()),
            Value::Range(a, b, c) => Some(
                usize::try_from(crate::engine::py::types::value::range_len(*a, *b, *c))
                    .unwrap_or(usize::MAX),
            ),
            _ => None,
        };
        if let Some(n) = known {
            if matches!(v, Value::Range(..)) && n > ops::MAX_ITEMS {
                return Err(self.abort(format!(
                    "the demo iterated over {n} items at once (limit: value size)"
                )));
            }
            budget::reserve(n.saturating_mul(std::mem::size_of::<Value>()))?;
        }
        let items = self.iterate_all(f, v)?;
        if !matches!(v, Value::Range(..)) {
            budget::charge_items(items.len())?;
        }
        Ok(items)
    }

    fn iterate_all(&self, f: &Frame, v: &Value) -> PyResult<Vec<Value>> {
        Ok(match v {
            Value::List(l) => l.borrow().clone(),
            Value::Tuple(t) => t.to_vec(),
            Value::Str(s) => s
                .chars()
                .map(|c| Value::str(c.encode_utf8(&mut [0; 4])))
                .collect(),
            Value::Bytes(b) => b.iter().map(|x| Value::Int(*x as i64)).collect(),
            Value::Dict(d) => d.borrow().keys().map(|k| k.0.clone()).collect(),
            Value::Set(s) => s.borrow().iter().map(|k| k.0.clone()).collect(),
            Value::Range(a, b, c) => {
                let n = value::range_len(*a, *b, *c);
                if n as usize > ops::MAX_ITEMS {
                    return Err(self.abort(format!(
                        "the demo iterated over {n} items at once (limit: value size)"
                    )));
                }
                // Built a chunk at a time: a long range is work the run
                // pays for as it goes (and a stop reaches it).
                let mut items = Vec::with_capacity(n as usize);
                for chunk in (0..n).step_by(RANGE_CHUNK) {
                    budget::charge_items(RANGE_CHUNK)?;
                    let end = (chunk + RANGE_CHUNK as i64).min(n);
                    items.extend((chunk..end).map(|i| Value::Int(a + i * c)));
                }
                items
            }
            Value::Iterator(it) => it.items.borrow_mut().drain(..).collect(),
            Value::Native(n) => {
                if let Some(items) = n.items() {
                    return Ok(items);
                }
                if let Some(g) = downcast::<Generator>(v) {
                    return g.drain(self, f);
                }
                if let Some(c) = downcast::<items::Cursor>(v) {
                    let mut out = Vec::new();
                    while let Some(x) = c.step()? {
                        out.push(x);
                    }
                    return Ok(out);
                }
                if let Some(it) = n.clone().iter(&self.rc(), f) {
                    return self.iterate_all(f, &it?);
                }
                if n.is_iterator() {
                    return self.drain_native(f, v);
                }
                return Err(not_iterable(v));
            }
            Value::Instance(_) => {
                let Some(iter) = self.special(v, "__iter__") else {
                    return Err(not_iterable(v));
                };
                let it = self.call(f, &iter, Args::positional(vec![v.clone()]))?;
                if let Value::Instance(_) = &it {
                    let Some(next) = self.special(&it, "__next__") else {
                        return Err(type_error(format!(
                            "iter() returned non-iterator of type '{}'",
                            it.type_name()
                        )));
                    };
                    let mut out = Vec::new();
                    loop {
                        self.step()?;
                        match self.call(f, &next, Args::positional(vec![it.clone()])) {
                            Ok(x) => out.push(x),
                            Err(Unwind::Exc(e)) if exc::is_instance_of(&e, "StopIteration") => {
                                break;
                            }
                            Err(e) => return Err(e),
                        }
                        if out.len() > ops::MAX_ITEMS {
                            return Err(self.abort(
                                "an iterator gave more than 10000000 items (limit: value size)"
                                    .into(),
                            ));
                        }
                    }
                    return Ok(out);
                }
                return self.iterate_all(f, &it);
            }
            Value::Class(c) if modules::r#enum::members(c).is_some() => {
                modules::r#enum::members(c).unwrap_or_default()
            }
            other => return Err(not_iterable(other)),
        })
    }

    /// Every item left in an iterator object, checked against the size of
    /// one value and the memory budget as the list grows.
    fn drain_native(&self, f: &Frame, it: &Value) -> PyResult<Vec<Value>> {
        let mut out = Vec::new();
        while let Some(x) = self.next(f, it)? {
            if out.len() == out.capacity() {
                budget::reserve(out.len().max(8) * std::mem::size_of::<Value>())?;
            }
            out.push(x);
            if out.len() > ops::MAX_ITEMS {
                return Err(self.abort(
                    "an iterator gave more than 10000000 items (limit: value size)".into(),
                ));
            }
        }
        Ok(out)
    }

    /// `next(it)`: one item, or `None` at the end.
    pub fn next(&self, f: &Frame, it: &Value) -> PyResult<Option<Value>> {
        match it {
            Value::Iterator(i) => Ok(i.items.borrow_mut().pop_front()),
            Value::Native(_) => {
                if let Some(c) = downcast::<items::Cursor>(it) {
                    return c.step();
                }
                if let Value::Native(n) = it
                    && let Some(r) = n.clone().next(&self.rc(), f)
                {
                    return r;
                }
                match downcast::<Generator>(it) {
                    Some(g) => g.next_sync(f, Value::None),
                    None => Err(type_error(format!(
                        "'{}' object is not an iterator",
                        it.type_name()
                    ))),
                }
            }
            Value::Instance(_) => {
                let Some(next) = self.special(it, "__next__") else {
                    return Err(type_error(format!(
                        "'{}' object is not an iterator",
                        it.type_name()
                    )));
                };
                match self.call(f, &next, Args::positional(vec![it.clone()])) {
                    Ok(x) => Ok(Some(x)),
                    Err(Unwind::Exc(e)) if exc::is_instance_of(&e, "StopIteration") => Ok(None),
                    Err(e) => Err(e),
                }
            }
            other => Err(type_error(format!(
                "'{}' object is not an iterator",
                other.type_name()
            ))),
        }
    }

    /// `iter(v)`: an iterator over it.
    pub fn iter(&self, f: &Frame, v: &Value) -> PyResult<Value> {
        match v {
            Value::Iterator(_) => Ok(v.clone()),
            Value::List(_) | Value::Dict(_) => {
                Ok(crate::engine::py::types::items::Cursor::over(v).expect("a list or dict"))
            }
            Value::Native(n)
                if n.is_iterator()
                    || downcast::<Generator>(v).is_some()
                    || downcast::<items::Cursor>(v).is_some() =>
            {
                Ok(v.clone())
            }
            Value::Native(n) if let Some(it) = n.clone().iter(&self.rc(), f) => it,
            Value::Instance(_)
                if self.special(v, "__next__").is_some()
                    && self.special(v, "__iter__").is_some() =>
            {
                let iter = self.special(v, "__iter__").expect("checked");
                self.call(f, &iter, Args::positional(vec![v.clone()]))
            }
            _ => {
                let kind = match v {
                    Value::List(_) => "list_iterator",
                    Value::Tuple(_) => "tuple_iterator",
                    Value::Str(s) if s.is_ascii() => "str_ascii_iterator",
                    Value::Str(_) => "str_iterator",
                    Value::Bytes(_) => "bytes_iterator",
                    Value::Dict(_) => "dict_keyiterator",
                    Value::Set(_) => "set_iterator",
                    Value::Range(..) => "range_iterator",
                    _ => "iterator",
                };
                let items = self.iterate(f, v)?;
                Ok(Value::Iterator(Rc::new(SeqIter {
                    items: RefCell::new(items.into()),
                    kind,
                })))
            }
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

/// Items of a range built between two charges of the run's budget.
const RANGE_CHUNK: usize = 1 << 14;

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
