//! The plan of a program: its coroutines, generators, iterator and resource
//! classes and their statements, in the shapes the Rust renderer
//! translates. Built by [`super::super::plan`] from a Python program.

use super::expr::{Expr, Template};
use super::primitive::{PrimOp, Primitive};
use std::ops::Range;

/// Identifies a statement within its demo (ids are dense, in source order).
pub use crate::program::StmtId;

/// A whole demo: the definitions and the coroutine that starts it.
#[derive(Clone, Debug, Default)]
pub struct Demo {
    pub entry: String,
    pub functions: Vec<Function>,
    /// The module's shared variables (`static`s): name and first value.
    pub statics: Vec<(String, Expr)>,
    /// Number of statements: every [`StmtId`] is below it.
    pub statement_count: u32,
    /// The `print` statements given an `end=` that does not finish the
    /// line: their template ends with that end, and the listing writes
    /// them with `print!` (or `eprint!`).
    pub unended: std::collections::HashSet<StmtId>,
    /// The methods (`Class.m`) of `@staticmethod` and `@classmethod`:
    /// associated functions, without `self`.
    pub static_methods: std::collections::HashSet<String>,
    /// The resource classes entered with a plain `with` (`__enter__` and
    /// `__exit__`): their `enter` and `exit` are plain functions.
    pub plain_managers: std::collections::HashSet<String>,
    /// The coroutines only spawned whose cancellation ends them after a
    /// cleanup that awaits, and how: given a token, each gives a `bool`,
    /// whether it ended cancelled.
    pub cancel_ends: std::collections::HashMap<String, TokenEnd>,
    /// The async generators a module list keeps to the end of
    /// `asyncio.run`, whose shutdown closes them, awaiting their cleanup.
    pub closed_at_shutdown: std::collections::HashSet<String>,
    /// The spawns of `asyncio.run_coroutine_threadsafe` on the loop's own
    /// thread: asyncio makes the task in a callback on the loop's next
    /// step, so it yields once before it runs its coroutine.
    pub late_spawns: std::collections::HashSet<StmtId>,
    /// The plain functions that only hand their value to the function
    /// they are given whose calls pass values of different types there:
    /// generic over the value (see `plan::handed_values`).
    pub generic_fns: std::collections::HashSet<String>,
}

impl Demo {
    /// The function with this name.
    pub fn function(&self, name: &str) -> Option<&Function> {
        self.functions.iter().find(|f| f.name == name)
    }
}

/// What kind of definition a [`Function`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FunctionKind {
    /// `async def name(...)`: awaited, spawned, gathered.
    Coroutine,
    /// `async def name(...)` with `yield`: an async generator, consumed by
    /// `async_for` and `collect`.
    Generator,
    /// A class with `__aiter__`/`__anext__`: `fields` are set up from the
    /// parameters and `body` is `__anext__` (`stop` ends the iteration).
    Iterator,
    /// A class with `__aenter__`/`__aexit__` (or, one of
    /// [`Demo::plain_managers`], `__enter__`/`__exit__`): `body` is the
    /// enter method, `exit` the exit method.
    Resource,
    /// A plain class: a struct with its fields, whose methods are the
    /// functions named `Class.method` that follow it.
    Object,
    /// `class Name(Enum)`: a Rust `enum` whose `fields` are the members
    /// and their values; its `params` name its base when it is
    /// `IntEnum` (see [`crate::render::plan::INT_ENUM`]).
    Enum,
    /// A plain `def`: blocking work, run on an executor's worker or (the
    /// mistake) on the event loop's thread.
    Blocking,
}

impl FunctionKind {
    /// The name used in lesson files and messages.
    pub fn noun(self) -> &'static str {
        match self {
            FunctionKind::Coroutine => "coroutine",
            FunctionKind::Generator => "generator",
            FunctionKind::Iterator => "iterator",
            FunctionKind::Resource => "resource",
            FunctionKind::Object => "class",
            FunctionKind::Enum => "enum",
            FunctionKind::Blocking => "plain function",
        }
    }
}

/// A coroutine, generator, iterator class, resource class or plain function.
#[derive(Clone, Debug)]
pub struct Function {
    pub kind: FunctionKind,
    pub name: String,
    pub params: Vec<String>,
    /// Instance fields of an iterator or resource: name and initial value.
    pub fields: Vec<(String, Expr)>,
    pub body: Block,
    /// `__aexit__` of a resource.
    pub exit: Block,
    /// Byte range of the definition in the lesson file.
    pub span: Range<usize>,
}

pub type Block = Vec<Stmt>;

/// One statement, with its id and its byte range in the lesson file.
#[derive(Clone, Debug)]
pub struct Stmt {
    pub id: StmtId,
    pub span: Range<usize>,
    pub kind: StmtKind,
}

/// A call of a named definition with arguments: `fetch("slow", 2)`.
#[derive(Clone, Debug, PartialEq)]
pub struct Call {
    pub name: String,
    pub args: Vec<Expr>,
    pub span: Range<usize>,
}

/// A task that `asyncio.run` cancels at its end, if still pending.
#[derive(Clone, Debug)]
pub struct Pending {
    /// The variable holding its handle.
    pub task: String,
    /// Its `CancellationToken`, when it goes on after its cancellation.
    pub token: Option<String>,
    /// The coroutine it runs.
    pub coroutine: String,
}

/// The awaitables of a `gather` or `as_completed`.
#[derive(Clone, Debug)]
pub enum Calls {
    /// Written one by one.
    List(Vec<Call>),
    /// One call per item: `[double(n) for n in [1, 2, 3]]`.
    Each { call: Call, var: String, over: Expr },
}

/// The `timeout=` of an `as_completed` loop whose body is `try: ... await
/// fut ... except TimeoutError: on_timeout`: past the deadline, each
/// awaitable left runs `on_timeout` (see `plan::completed_deadline`).
#[derive(Clone, Debug)]
pub struct CompletedDeadline {
    /// The seconds from the loop's start.
    pub seconds: Expr,
    /// The `except TimeoutError:` block.
    pub on_timeout: Block,
}

/// What an async comprehension collects into.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Collection {
    /// `[... async for ...]`: a `Vec`.
    List,
    /// `{x % k async for ...}` of ints below 8: a `BTreeSet`, sorted as
    /// CPython keeps such a set.
    Set,
    /// `{key: value async for ...}`: an insertion-ordered `IndexMap`.
    Dict,
}

/// How a coroutine given a `CancellationToken` ends when `asyncio.wait_for`
/// cancels it at its deadline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenEnd {
    /// Its `finally` runs whole, then the cancellation goes on up:
    /// `wait_for` raises `TimeoutError`.
    Raises,
    /// Its `except asyncio.CancelledError:` handler runs whole (it may
    /// await), ends in a bare `raise`, then its `finally` runs (awaiting
    /// when `cleanup_awaits`): `wait_for` raises `TimeoutError`. A value
    /// it returns comes as `Some`, the cancellation as `None`.
    Reraises { cleanup_awaits: bool },
    /// It catches the cancellation and returns: `wait_for` gives what it
    /// returns, and raises no `TimeoutError`.
    Returns,
}

#[derive(Clone, Debug)]
pub enum StmtKind {
    /// `print(...)`.
    Print(Template),
    /// A line written to stderr (a `logging` record).
    Eprint(Template),
    /// A comment in the listing where the program does something the
    /// listing has no statement for (a record below the logging level).
    Note(String),
    /// `await asyncio.sleep(seconds)`.
    Sleep(Expr),
    /// A blocking call that holds the thread: `time.sleep(seconds)`.
    Block(Expr),
    /// CPU-bound work that holds the thread for `seconds`.
    Compute(Expr),
    /// `return value`.
    Return(Option<Expr>),
    /// `into = await call(...)`.
    Await { call: Call, into: Option<String> },
    /// `into = call(...)`: a coroutine object, not started until awaited.
    Make { call: Call, into: String },
    /// `into = asyncio.create_task(call(...))`.
    Spawn { call: Call, into: String },
    /// `into = asyncio.create_task(asyncio.wait([task]))`: a task that waits
    /// for `task` to end, and gives nothing the program reads.
    SpawnWaiter { into: String, task: String },
    /// `async with asyncio.timeout(delay): body`, with the `except
    /// TimeoutError:` block around it (or a raise of `TimeoutError`); with
    /// `at`, `asyncio.timeout_at(loop.time() + delay)`. No delay:
    /// `asyncio.timeout(None)`, a block without a deadline. `when`: the
    /// variable set to the deadline on the loop's clock before the block,
    /// and `expired` the one that keeps whether the deadline ended it,
    /// where the program reads them (see `plan::timeout_cm`).
    Deadline {
        delay: Option<Expr>,
        at: bool,
        body: Block,
        on_timeout: Block,
        when: Option<(String, Expr)>,
        expired: Option<String>,
    },
    /// `into = await asyncio.shield(call(...))`: a task of its own whose
    /// handle is awaited.
    Shield { call: Call, into: Option<String> },
    /// `[into =] loop.call_later(delay, f(...))` (or `call_at`, the delay
    /// counted from now; no delay: `call_soon`):
    /// a plain function the event loop calls back, `into` its handle.
    Schedule {
        delay: Option<Expr>,
        call: Call,
        into: Option<String>,
    },
    /// `async with asyncio.TaskGroup() as group: body`: the body's
    /// `group.create_task(...)` children are all awaited at its end, those
    /// `kept` in variables (spawned as tasks of their own) too.
    TaskGroup {
        group: String,
        body: Block,
        kept: Vec<String>,
    },
    /// `group.create_task(call(...))` inside a `TaskGroup`'s body.
    GroupSpawn { group: String, call: Call },
    /// `loop.create_task(call(...))` as a statement, on an event loop a
    /// plain function made, out of its runs: a task of that runtime, run
    /// only while the runtime runs (see `plan::loop_tasks`).
    LoopSpawn { runtime: String, call: Call },
    /// `into = f(...)` with `f` a plain function: it runs at once, on the
    /// calling task's thread.
    CallFn { call: Call, into: Option<String> },
    /// `with ThreadPoolExecutor(max_workers=workers) as name: body`
    /// (`process` for a `ProcessPoolExecutor`).
    Pool {
        process: bool,
        name: String,
        workers: Option<Expr>,
        body: Block,
    },
    /// `into = loop.run_in_executor(pool, f, *args)`: the job starts on a
    /// worker at once; awaiting `into` (a [`StmtKind::Join`]) waits for it.
    /// `pool` is `None` for the default executor.
    Submit {
        call: Call,
        into: String,
        pool: Option<String>,
    },
    /// `into = await loop.run_in_executor(pool, f, *args)` or
    /// `into = await asyncio.to_thread(f, *args)`.
    RunBlocking {
        call: Call,
        into: Option<String>,
        pool: Option<String>,
    },
    /// `into = await task_or_future`.
    Join {
        target: String,
        into: Option<String>,
    },
    /// `task.cancel()`.
    Cancel { task: String },
    /// `tasks[i].cancel()`: an item of a list of tasks.
    CancelItem(Expr),
    /// `into = await asyncio.gather(...)`.
    Gather { calls: Calls, into: Option<String> },
    /// `for fut in asyncio.as_completed(...): var = await fut; body`.
    AsCompleted {
        calls: Calls,
        var: String,
        body: Block,
        deadline: Option<CompletedDeadline>,
    },
    /// `for fut in asyncio.as_completed(tasks): var = await fut; body` over
    /// a list of tasks kept in a variable, which the loop borrows (see
    /// `plan::task_completions`); `count` holds their number, read inside.
    CompletedTasks {
        tasks: String,
        var: String,
        count: Option<String>,
        body: Block,
        deadline: Option<CompletedDeadline>,
    },
    /// `done, pending = await asyncio.wait(tasks, return_when=..., timeout=...)`:
    /// the tasks in a `JoinSet` named `pending`, `done` the list of the
    /// outputs of those that ended (with `first`, the first to end and any
    /// ended at the same instant).
    Wait {
        calls: Calls,
        first: bool,
        timeout: Option<Expr>,
        done: String,
        pending: String,
    },
    /// `for t in pending: t.cancel()` over the `pending` of a [`StmtKind::Wait`].
    AbortAll { set: String },
    /// The end of the coroutine `asyncio.run` runs: each task still
    /// pending is cancelled, in the order they were made, then awaited.
    CancelPending(Vec<Pending>),
    /// `try: into = await asyncio.wait_for(call, timeout); body
    ///  except TimeoutError: on_timeout`.
    /// With `token`, the coroutine watches that `CancellationToken`: at
    /// the deadline it is cancelled and awaited to its end, as asyncio's
    /// `wait_for` waits for the cancelled coroutine.
    WaitFor {
        call: Call,
        timeout: Expr,
        into: Option<String>,
        body: Block,
        on_timeout: Block,
        token: Option<(String, TokenEnd)>,
    },
    /// `into = await asyncio.wait_for(task, timeout)` of a task kept in a
    /// variable (`task` reads it): at the timeout the task is cancelled and
    /// awaited to its end, then `on_timeout` runs. Or of a gather (`task`
    /// an [`ExprKind::GatherAll`](super::expr::ExprKind::GatherAll)),
    /// dropped with its children at the timeout. Without `abort`
    /// (`future.result(timeout=...)` of a future of
    /// `asyncio.run_coroutine_threadsafe`), the task goes on past the
    /// timeout.
    TimedWait {
        task: Expr,
        timeout: Expr,
        into: Option<String>,
        on_timeout: Block,
        abort: bool,
    },
    /// `async for var in source: body`.
    AsyncFor {
        source: Call,
        var: String,
        body: Block,
    },
    /// `yield value` inside a generator.
    Yield(Expr),
    /// `raise StopAsyncIteration` inside an iterator's `__anext__`.
    Stop,
    /// `break` out of the innermost loop, or (with a label) out of the
    /// [`StmtKind::Labeled`] block around a loop with `else`.
    Break(Option<String>),
    /// A loop with `else`: the loop, then the `else` statements, in a
    /// block that a `break` of the loop leaves (`'label: { ... }`).
    Labeled { label: String, body: Block },
    /// `continue` with the innermost loop's next round.
    Continue,
    /// In `__aexit__`: `raised` where an exception left the `async with`
    /// block, bound to `name`, else `clean` (`if exc is None:` or
    /// `if exc is not None:`).
    ExitRaised {
        name: String,
        raised: Block,
        clean: Block,
    },
    /// `async with source as var: body`.
    AsyncWith {
        source: Call,
        var: Option<String>,
        body: Block,
    },
    /// `into = [value async for var in source if filter]`, or the set or
    /// dict comprehension of that shape (a dict's `value` is the
    /// `(key, value)` tuple); `awaits` when `value` awaits.
    Collect {
        source: Call,
        var: String,
        value: Option<Expr>,
        filter: Option<Expr>,
        into: String,
        collection: Collection,
        awaits: bool,
    },
    /// `for var in over: body`.
    For {
        var: String,
        over: Expr,
        body: Block,
    },
    /// `while cond: body`.
    While { cond: Expr, body: Block },
    /// `if cond: then else: otherwise`.
    If {
        cond: Expr,
        then: Block,
        otherwise: Block,
    },
    /// `var = value`.
    Set { var: String, value: Expr },
    /// `object.field = value` of an object of a plain class, outside it.
    SetField {
        object: Expr,
        field: String,
        value: Expr,
    },
    /// `try: body except CancelledError: on_cancel (re-raised) finally: finally`.
    Try {
        body: Block,
        on_cancel: Block,
        finally: Block,
    },
    /// `try: body except ...: handlers`: an `Err` of the body goes to the
    /// first handler that takes its class, or on up; `orelse` (`else:`)
    /// runs when the body raised nothing.
    Catch {
        body: Block,
        handlers: Vec<Handler>,
        orelse: Block,
        finally: Block,
    },
    /// A bare `raise` (or `raise e`) in a handler: the caught exception goes on.
    Reraise,
    /// `name = asyncio.Semaphore(permits)`, or `asyncio.Lock()` when
    /// `permits` is `None`.
    Sync { name: String, permits: Option<Expr> },
    /// `async with sync: body` on a semaphore or lock.
    Locked { sync: String, body: Block },
    /// After `list = [asyncio.create_task(..., name=label) for ...]`: the
    /// names given to the list's tasks, in its order (`names`, a list).
    GivenNames { list: String, names: Expr },
    /// `name = loop.create_future()`.
    Future { name: String },
    /// `name = [loop.create_future() for _ in over]`: a oneshot channel
    /// for each item of the range `over`, the senders in `name_tx`.
    FutureList { name: String, over: Expr },
    /// `future.set_result(value)`.
    Resolve { future: String, value: Expr },
    /// What the event loop runs once the running task awaits: the done
    /// callbacks of a future just resolved, a task of their own.
    Soon(Block),
    /// `into = await asyncio.start_server(handler, "127.0.0.1", 0)`: a TCP
    /// server on an OS-assigned loopback port; each connection runs
    /// `handler(conn)` in a task of its own.
    Serve { handler: Call, into: String },
    /// `reader, writer = await asyncio.open_connection(...)`: a client
    /// connection to the server `server`.
    Connect {
        server: String,
        into: String,
        /// `server` is a port (see [`StmtKind::Port`]) on the loopback
        /// address, not the server's whole address.
        port: bool,
    },
    /// `into = server.sockets[0].getsockname()[1]`: the port of the
    /// program's server `server`.
    Port { server: String, into: String },
    /// `writer.write(line + "\n"); await writer.drain()`.
    Send { conn: String, value: Expr },
    /// `into = (await reader.readline()).decode().strip()`: `""` at the end
    /// of the stream; with `whole`, `into = await reader.readline()`, the
    /// line with its break (`b""` at the end), which the program only tests
    /// and decodes.
    Receive {
        conn: String,
        into: String,
        whole: bool,
    },
    /// Closes a connection (`writer.close()`) or a server (`server.close()`).
    Close { target: String },
    /// `name = asyncio.Event()`, `asyncio.Queue(maxsize)` or
    /// `asyncio.Barrier(parties)`.
    Primitive { name: String, made: Primitive },
    /// `into = [await] object.method(arg)` on an event, a queue or a barrier.
    PrimCall {
        object: String,
        op: PrimOp,
        arg: Option<Expr>,
        into: Option<String>,
    },
    /// `raise Class(message)` of a built-in exception class: the function
    /// returns it as an `Err` (see [`super::raises`]).
    Raise {
        class: String,
        message: Option<Expr>,
    },
    /// `raise exc` of a variable holding a built-in exception made as a
    /// value: the function returns it as an `Err`.
    RaiseValue(Expr),
    /// `name = asyncio.new_event_loop()` in a plain function: a
    /// current-thread runtime.
    Runtime { name: String },
    /// `into = runtime.run_until_complete(...)`: the runtime runs `body`
    /// (the statement `into = await ...`) to its end.
    BlockOn {
        runtime: String,
        body: Block,
        into: Option<String>,
    },
    /// `with asyncio.Runner() as name: body`: the runtime `name`, which the
    /// body's runs use (closed when the function returns).
    Runner { name: String, body: Block },
    /// `runtime.run_forever()`: runs until a [`StmtKind::StopLoop`].
    RunForever { runtime: String },
    /// `loop.stop()` on a loop that runs forever.
    StopLoop,
    /// A loop variable read after its loop (see `plan::kept_items`): the
    /// `Option` that keeps the last item declared, set in a loop, or read.
    KeepLast { var: String, step: KeepStep },
    /// A statement the translator cannot translate: in a partial listing
    /// (one that does not build), a comment says what and why.
    Untranslated { construct: String, reason: String },
}

impl StmtKind {
    /// Whether a statement of this kind runs at once, without the runtime:
    /// the only kinds a listing's drop guard can write (a cleanup Rust runs
    /// in `Drop`).
    pub fn runs_without_runtime(&self) -> bool {
        matches!(
            self,
            StmtKind::Print(_)
                | StmtKind::Eprint(_)
                | StmtKind::Note(_)
                | StmtKind::Set { .. }
                | StmtKind::If { .. }
                | StmtKind::For { .. }
                | StmtKind::While { .. }
                | StmtKind::Block(_)
                | StmtKind::Compute(_)
                | StmtKind::Cancel { .. }
                | StmtKind::CancelItem(_)
                | StmtKind::Resolve { .. }
                | StmtKind::Break(_)
                | StmtKind::Continue
                | StmtKind::Catch { .. }
                | StmtKind::Untranslated { .. }
        )
    }
}

/// What a [`StmtKind::KeepLast`] does with the last item of `var`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeepStep {
    /// `let mut last_var = None;`, before the first loop that binds `var`.
    Declare,
    /// `last_var = Some(var);`, first in the loop's body.
    Keep,
    /// `let var = last_var.expect(...);`, after the loop, for what reads it.
    Take,
}

/// One `except` clause of a [`StmtKind::Catch`].
#[derive(Clone, Debug)]
pub struct Handler {
    /// The built-in exception classes it names; empty for `except:`.
    pub classes: Vec<String>,
    /// `as name`: the variable holding the exception.
    pub name: Option<String>,
    pub body: Block,
    /// `except*`: the clause takes its classes out of an exception group.
    pub star: bool,
}

/// The variable holding the class name of the exception caught as `name`,
/// where the clause takes several classes.
pub fn class_var(name: &str) -> String {
    format!("{name}_class")
}

/// The variable holding Python's `repr` of the exception caught as `name`.
pub fn repr_var(name: &str) -> String {
    format!("{name}_repr")
}

/// The variable holding what `print` shows of `name.args`, the arguments
/// of the exception caught as `name`.
pub fn args_var(name: &str) -> String {
    format!("{name}_args")
}

/// The variable holding the exceptions of the exception group caught as
/// `name` (`name.exceptions`), borrowed from it.
pub fn parts_var(name: &str) -> String {
    format!("{name}_exceptions")
}

/// The variable holding the message of the exception group caught as
/// `name` (`name.message`).
pub fn message_var(name: &str) -> String {
    format!("{name}_message")
}

/// The variable bound to the exception that the exception caught as
/// `name` was raised from (`name.__cause__`).
pub fn cause_var(name: &str) -> String {
    format!("{name}_cause")
}

/// The name the listing gives the caught `Err` in a handler: the cause of
/// an exception raised there with `from`.
pub const CAUGHT: &str = "err";

/// The variable bound to the struct of fields of the exception caught as
/// `name`.
pub fn fields_var(name: &str) -> String {
    format!("{name}_fields")
}

/// Defines a method giving the nested blocks of a statement in source
/// order: `blocks` shares them, `blocks_mut` lends them to change. One
/// list of the statements that hold blocks serves both.
macro_rules! nested_blocks {
    ($(#[$doc:meta])* $name:ident, $iter:ident $(, $mutability:ident)?) => {
        $(#[$doc])*
        pub fn $name(&$($mutability)? self) -> Vec<&$($mutability)? Block> {
            match &$($mutability)? self.kind {
                StmtKind::AsCompleted { body, deadline, .. }
                | StmtKind::CompletedTasks { body, deadline, .. } => std::iter::once(body)
                    .chain(deadline.$iter().map(|d| &$($mutability)? d.on_timeout))
                    .collect(),
                StmtKind::AsyncFor { body, .. }
                | StmtKind::AsyncWith { body, .. }
                | StmtKind::TaskGroup { body, .. }
                | StmtKind::Pool { body, .. }
                | StmtKind::Runner { body, .. }
                | StmtKind::Locked { body, .. }
                | StmtKind::BlockOn { body, .. }
                | StmtKind::Labeled { body, .. }
                | StmtKind::For { body, .. }
                | StmtKind::Soon(body)
                | StmtKind::While { body, .. }
                | StmtKind::TimedWait {
                    on_timeout: body, ..
                } => vec![body],
                StmtKind::WaitFor {
                    body, on_timeout, ..
                }
                | StmtKind::Deadline {
                    body, on_timeout, ..
                } => vec![body, on_timeout],
                StmtKind::If {
                    then, otherwise, ..
                } => vec![then, otherwise],
                StmtKind::ExitRaised { raised, clean, .. } => vec![raised, clean],
                StmtKind::Try {
                    body,
                    on_cancel,
                    finally,
                } => vec![body, on_cancel, finally],
                StmtKind::Catch {
                    body,
                    handlers,
                    orelse,
                    finally,
                } => std::iter::once(body)
                    .chain(handlers.$iter().map(|h| &$($mutability)? h.body))
                    .chain([orelse, finally])
                    .collect(),
                _ => Vec::new(),
            }
        }
    };
}

impl Stmt {
    nested_blocks!(
        /// The nested blocks of the statement, in source order.
        blocks,
        iter
    );
    nested_blocks!(
        /// The nested blocks of the statement, in source order, to change.
        blocks_mut,
        iter_mut,
        mut
    );
}

impl Function {
    /// Visits every statement of the function, nested ones included: its
    /// body's, then its `__aexit__`'s, each in source order.
    pub fn walk<'a>(&'a self, f: &mut impl FnMut(&'a Stmt)) {
        walk(&self.body, f);
        walk(&self.exit, f);
    }
}

/// Visits every statement of a block, nested ones included, in source order.
pub fn walk<'a>(block: &'a Block, f: &mut impl FnMut(&'a Stmt)) {
    for stmt in block {
        f(stmt);
        for inner in stmt.blocks() {
            walk(inner, f);
        }
    }
}
