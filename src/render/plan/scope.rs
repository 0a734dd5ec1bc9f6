//! What the statements of one function may use: its kind, fields,
//! loop variables and the futures it makes.

use super::{Result, refuse};
use crate::program::{self as py, ExprKind as E, Name};
use crate::render::plan::ir::ast::FunctionKind;
use crate::render::plan::ir::primitive::PrimitiveKind;
use std::collections::HashMap;
use std::ops::Range;

/// What the statements of one function may use.
#[derive(Clone)]
pub(super) struct Scope {
    pub(super) kind: FunctionKind,
    /// An iterator's or resource's fields, read and set as `self.name`.
    pub(super) fields: Vec<String>,
    /// In `__init__`: parameters are read; fields are not set yet.
    pub(super) init: bool,
    /// The module's code, where `asyncio.run(f(...))` runs `f(...)`.
    pub(super) module: bool,
    /// Variables bound to `asyncio.get_running_loop()`.
    pub(super) loops: Vec<String>,
    /// Ports read from a server's address, with the server:
    /// `port = server.sockets[0].getsockname()[1]`.
    pub(super) ports: Vec<(String, String)>,
    /// Lines received whole, as bytes: `line = await reader.readline()`.
    pub(super) lines: Vec<String>,
    /// The readers and writers of the function's connections.
    pub(super) streams: Vec<String>,
    /// Futures of `asyncio.run_coroutine_threadsafe(...)`: tasks of the loop.
    pub(super) threadsafe: Vec<String>,
    /// What the function did so far with each of those futures, by name.
    pub(super) threadsafe_of: std::cell::RefCell<HashMap<String, super::threadsafe::Kept>>,
    /// Parameters given a concurrent future that the job waits for (see
    /// `plan::job_futures`).
    pub(super) job_futures: Vec<String>,
    /// The function given a loop as an argument (see `plan::event_loop`).
    pub(super) loop_owner: Option<String>,
    /// Loggers the function names for itself: the variable, the logger's
    /// name (see `plan::local_loggers`).
    pub(super) loggers: Vec<(String, String)>,
    /// Those of `loops` bound by `with asyncio.Runner() as name`.
    pub(super) runners: Vec<String>,
    /// In a plain iterator class's `__next__`, where `raise StopIteration`
    /// ends the iteration (see `plan::iter_class`).
    pub(super) sync_next: bool,
    /// Variables bound by `with ThreadPoolExecutor(...) as name` (or a
    /// process pool).
    pub(super) pools: Vec<String>,
    /// Variables bound to an executor's job (`loop.run_in_executor(...)`).
    pub(super) jobs: Vec<String>,
    /// Those of them bound to `pool.submit(...)`, concurrent futures, with
    /// the loop depth each was made at.
    pub(super) submitted: Vec<(String, u32)>,
    /// Pools whose `with` block has ended: shut down.
    pub(super) closed_pools: Vec<String>,
    /// Variables bound by `async with asyncio.TaskGroup() as name`.
    pub(super) groups: Vec<String>,
    /// TaskGroups whose `async with` block has ended: their `JoinSet` is
    /// spent (`join_all` takes it).
    pub(super) finished_groups: Vec<String>,
    /// For each group of `groups`: the block depth of its body and the
    /// tasks its `create_task` calls keep in variables (`plan::group_tasks`).
    pub(super) group_bodies: Vec<(u32, Vec<String>)>,
    /// Groups whose `async with` block ended earlier in the block being
    /// planned: reached, they ended without an exception.
    pub(super) passed_groups: Vec<String>,
    /// Futures made here: how many places resolve each, and the loop
    /// depth it was made at.
    pub(super) futures: HashMap<String, (u32, u32)>,
    /// Lists of futures made here at once (see `plan::future_lists`).
    pub(super) future_lists: Vec<String>,
    /// Loop and comprehension variables over such a list, with the list.
    pub(super) future_items: std::cell::RefCell<HashMap<String, String>>,
    /// The done callbacks added to each of those futures, not resolved yet
    /// (see `plan::done_callbacks`).
    pub(super) done_callbacks: HashMap<String, Vec<crate::render::plan::ir::ast::Stmt>>,
    /// Futures made here that nothing reads: only resolved, for their done
    /// callbacks (see `plan::done_callbacks`).
    pub(super) unread_futures: Vec<String>,
    /// Variables bound to `asyncio.Semaphore(...)` or `asyncio.Lock()`.
    pub(super) syncs: Vec<String>,
    /// What each of them is.
    pub(super) sync_kinds: HashMap<String, super::sem_permits::SyncKind>,
    /// Variables bound to `asyncio.create_task(...)`.
    pub(super) tasks: Vec<String>,
    /// The loop depth each of those tasks was made at.
    pub(super) task_depths: HashMap<String, u32>,
    /// The names given to those tasks with `name=`.
    pub(super) task_names: HashMap<String, String>,
    /// Events and queues: made here, or parameters given one.
    pub(super) prims: HashMap<String, PrimitiveKind>,
    /// How many loops the statement is in.
    pub(super) depth: u32,
    /// How many loops the statement is in since the innermost `try`: where
    /// `break` and `continue` may stand.
    pub(super) loops_open: u32,
    /// The labels of the loops with `else` around the statement, with the
    /// `loops_open` of each one's body.
    pub(super) labels: Vec<(String, u32)>,
    /// The `except` clauses around the statement, innermost last.
    pub(super) caught: Vec<super::try_stmt::Caught>,
    /// Whether a `try` around the statement takes `SystemExit`.
    pub(super) exit_taken: bool,
    /// The `done` and `pending` of each `asyncio.wait` (see `plan::wait`).
    pub(super) waits: Vec<(String, String)>,
    /// Loop variables over a `done`: each is a task's output.
    pub(super) wait_outputs: Vec<String>,
    /// Loop variables of an `as_completed` loop with a timeout, whose
    /// `await` reads the output (see `plan::completed_deadline`).
    pub(super) completed_outputs: Vec<String>,
    /// Variables holding a list of tasks (see `plan::task_loops`).
    pub(super) task_lists: Vec<String>,
    /// Variables holding a dict of tasks (`{k: asyncio.create_task(...)
    /// for k in ...}`), whose `values()` are tasks.
    pub(super) task_dicts: Vec<String>,
    /// The number asyncio gives the first task of such a list, made
    /// without `name=`, where it is known (see `plan::task_names`).
    pub(super) task_numbers: HashMap<String, u32>,
    /// Lists of tasks made with `name=` (see `plan::given_names`).
    pub(super) named_lists: Vec<String>,
    /// The list (or dict) each loop or comprehension variable over one
    /// goes over, last noted.
    pub(super) item_lists: std::cell::RefCell<HashMap<String, String>>,
    /// Loop variables over such a list: each is a task.
    pub(super) task_loops: Vec<String>,
    /// The variables of the loops around the statement that count up from
    /// a positive literal (see `plan::range_steps`).
    pub(super) counting_up: Vec<String>,
    /// Variables of the comprehensions over such a list being planned.
    pub(super) comp_tasks: std::cell::RefCell<Vec<String>>,
    /// Tasks handed to `asyncio.wait_for` so far (see `plan::wait_for_other`).
    pub(super) timed: std::cell::RefCell<Vec<String>>,
    /// Parameters that take functions of the module, with those functions
    /// (see `plan::fn_values`).
    pub(super) fn_values: HashMap<String, Vec<String>>,
    /// Dicts of lambdas kept in variables and only called by key (see
    /// `plan::fn_dicts`).
    pub(super) fn_dicts: Vec<super::fn_dicts::FnDict>,
    /// The loops whose variable is read after them and kept in an
    /// `Option` (see `plan::kept_items`).
    pub(super) kept_loops: Vec<crate::program::StmtId>,
    /// Local variables a `del` of the function's top level unbound: a
    /// read of one raises `UnboundLocalError` (see `plan::deleted_names`).
    pub(super) deleted: Vec<String>,
    /// How many blocks deep the statement being planned is: 1 at the top
    /// of the function.
    pub(super) blocks: u32,
    /// The timeouts bound by `async with asyncio.timeout(...) as name`,
    /// as they stand at the statement (see `plan::timeout_cm`).
    pub(super) timeouts: HashMap<String, super::timeout_cm::Cm>,
    /// The names of the handlers around the statement that take a
    /// deadline's `TimeoutError`.
    pub(super) deadline_errors: Vec<String>,
    /// Tasks surely done at the statement being planned (see
    /// `plan::task_done`).
    pub(super) done_tasks: Vec<String>,
    /// Tasks created in the block being planned that have not run yet,
    /// each with whether `cancel()` was called on it (see `plan::task_done`).
    pub(super) unstarted_tasks: Vec<(String, bool)>,
}

impl Scope {
    pub(super) fn new(kind: FunctionKind, fields: Vec<String>) -> Scope {
        Scope {
            kind,
            fields,
            init: false,
            module: false,
            loops: Vec::new(),
            runners: Vec::new(),
            sync_next: false,
            loggers: Vec::new(),
            threadsafe: Vec::new(),
            threadsafe_of: Default::default(),
            job_futures: Vec::new(),
            closed_pools: Vec::new(),
            jobs: Vec::new(),
            submitted: Vec::new(),
            loop_owner: None,
            ports: Vec::new(),
            lines: Vec::new(),
            streams: Vec::new(),
            groups: Vec::new(),
            finished_groups: Vec::new(),
            group_bodies: Vec::new(),
            passed_groups: Vec::new(),
            pools: Vec::new(),
            futures: HashMap::new(),
            future_lists: Vec::new(),
            future_items: Default::default(),
            done_callbacks: HashMap::new(),
            unread_futures: Vec::new(),
            tasks: Vec::new(),
            task_names: HashMap::new(),
            task_depths: HashMap::new(),
            prims: HashMap::new(),
            syncs: Vec::new(),
            sync_kinds: HashMap::new(),
            depth: 0,
            loops_open: 0,
            labels: Vec::new(),
            caught: Vec::new(),
            exit_taken: false,
            waits: Vec::new(),
            wait_outputs: Vec::new(),
            completed_outputs: Vec::new(),
            task_lists: Vec::new(),
            task_loops: Vec::new(),
            counting_up: Vec::new(),
            task_dicts: Vec::new(),
            task_numbers: HashMap::new(),
            named_lists: Vec::new(),
            item_lists: Default::default(),
            comp_tasks: Default::default(),
            timed: Default::default(),
            fn_values: HashMap::new(),
            fn_dicts: Vec::new(),
            kept_loops: Vec::new(),
            deleted: Vec::new(),
            blocks: 0,
            timeouts: HashMap::new(),
            deadline_errors: Vec::new(),
            done_tasks: Vec::new(),
            unstarted_tasks: Vec::new(),
        }
    }

    /// The scope of `__init__`, which reads its parameters and no fields.
    pub(super) fn init() -> Scope {
        let mut s = Scope::new(FunctionKind::Coroutine, Vec::new());
        s.init = true;
        s
    }

    /// A future that this function resolves: made here, or a parameter.
    pub(super) fn made_future(&mut self, name: &str) {
        self.futures.insert(name.to_string(), (0, self.depth));
    }

    /// Counts a place that resolves the future `name` made here: a oneshot
    /// sender goes to one place, once (not in a loop the future outlives).
    pub(super) fn resolve(&mut self, name: &str, span: &Range<usize>) -> Result<()> {
        let Some((n, made_at)) = self.futures.get_mut(name) else {
            return Ok(());
        };
        *n += 1;
        let in_loop = self.depth > *made_at;
        if *n > 1 || in_loop {
            let place = if in_loop {
                "in a loop"
            } else {
                "in a second place"
            };
            return refuse(
                span,
                format!("resolving the future `{name}` {place}"),
                "a future is resolved once (twice is Python's `InvalidStateError`), and the Rust \
                 listing makes it a oneshot channel whose one sender goes to one place",
            );
        }
        Ok(())
    }

    fn in_class(&self) -> bool {
        self.init
            || matches!(self.kind, FunctionKind::Iterator | FunctionKind::Resource)
            || !self.fields.is_empty()
    }

    /// The field `self.attr`, if `obj` is `self` and `attr` a field.
    pub(super) fn field<'a>(&self, obj: &py::Expr, attr: &'a str) -> Option<&'a str> {
        let is_self = matches!(&obj.kind, E::Name(Name::Local(_, n)) if &**n == "self");
        (is_self && !self.init && self.fields.iter().any(|f| f == attr)).then_some(attr)
    }

    /// A local variable's name, which must not stand for a field.
    pub(super) fn local(&self, id: &str, span: &Range<usize>) -> Result<String> {
        if id == "self" && self.in_class() {
            return refuse(
                span,
                "`self` as a value",
                "the Rust listing reads and sets an object's fields (`self.name`); \
                 the object itself is not passed around",
            );
        }
        if self.groups.iter().any(|g| g == id) {
            return refuse(
                span,
                format!("the TaskGroup `{id}` used as a value"),
                "the Rust listing's group is a `JoinSet` the function owns: it translates \
                 `{id}.create_task(f(...))` inside the `async with` block only",
            );
        }
        if self.finished_groups.iter().any(|g| g == id) {
            return refuse(
                span,
                format!("the TaskGroup `{id}` after its `async with` block"),
                "the Rust listing's group is a `JoinSet` that its block's end joins and \
                 spends (`join_all`): nothing of it is left to read or print after",
            );
        }
        if self.fields.iter().any(|f| f == id) {
            return refuse(
                span,
                format!("the local variable `{id}`, named like the field `self.{id}`"),
                "the plan names a field by its name alone, so a local of the same name would be the field",
            );
        }
        Ok(id.to_string())
    }
}
