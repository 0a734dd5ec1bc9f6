//! The translation plan: the shapes of a Python program that the Rust
//! listing knows, recognised and written as a [`Demo`], the input of
//! [`super::rust::render`].
//!
//! Every plan statement carries the [`StmtId`](crate::program::StmtId) of
//! the Python statement it comes from, so the engine's events (which name
//! Python statements) find their Rust lines through the listing's spans.
//! A few Python statements fold into one plan statement (the `write` and
//! `drain` of a send, the task list and the loop of `as_completed`, the
//! `try` around `wait_for`): the plan statement takes the id of the one
//! that awaits. Spans are byte ranges in the Python source.
//!
//! What the translator cannot translate yet is an [`Untranslatable`] that
//! names the construct and says why; [`plan_all`] collects every one.

mod annotations;
mod asserts;
mod assign;
mod async_comp;
mod aug_tuple;
mod await_comp;
mod await_expr;
mod await_spawned;
mod big_ints;
mod bool_ops;
mod builtins_args;
mod builtins_sys;
mod call_expr;
mod callbacks;
mod calls;
mod cancel_end_lists;
mod cancel_ends;
mod cancel_token;
mod captures;
mod chained;
mod class;
mod class_attrs;
mod class_stmts;
mod cleanup_awaits;
mod closed_at_shutdown;
mod closed_pools;
mod compare;
mod completed_coros;
mod completed_deadline;
mod condition;
mod conn_params;
mod const_lists;
mod coroutine_exit;
mod data;
mod dataclass;
mod deadline;
mod deadline_awaits;
mod decorators;
mod deleted_names;
mod deletes;
mod dict_comp;
mod done_callbacks;
mod dunders;
mod early_cancel;
mod entry;
mod enumerated;
mod enums;
mod event_loop;
mod exc_cause;
mod exc_class;
mod exc_fields;
mod exc_literal_ops;
mod exc_made;
mod exc_made_vars;
mod exc_names;
mod exc_own_made;
mod exc_recursion;
mod exc_star;
mod exc_unreached;
mod exc_values;
mod exc_zero_literal;
mod executor;
mod expr;
mod expr_stmt;
mod filter_none;
mod flags;
mod flat_comp;
mod float_vs_big_int;
mod fn_dicts;
mod fn_values;
mod format_builtin;
mod format_spec;
mod function_def;
mod future_lists;
mod future_methods;
mod future_refusals;
mod gather_mixed;
mod gather_outcomes;
mod gather_sleeps;
mod gather_value;
mod gen_defs;
mod gen_lists;
mod gen_quiet;
mod gen_reads;
mod given_names;
mod globals;
mod group;
mod group_made;
mod group_parts;
mod group_tasks;
mod handed_values;
mod held_lambdas;
mod hoist;
mod identity;
mod inherit;
mod insert_place;
pub mod ir;
mod isinstance;
pub(crate) mod iter_class;
mod iter_objects;
mod job_futures;
mod jobs;
mod kept_generator;
mod kept_items;
mod kept_lambdas;
mod kept_stream;
mod keyword_dicts;
mod keyword_only;
mod lambdas;
mod lazy_items;
mod local_loggers;
mod log_changes;
mod log_message;
mod log_objects;
mod log_queries;
mod logging;
mod lookup_dicts;
mod loop_tasks;
mod loop_var_after;
mod membership;
mod mixed_returns;
mod module;
mod name_reads;
mod nested;
mod nested_runs;
mod nested_spec;
mod objects;
mod one_type;
mod pending_returns;
mod pending_tasks;
mod percent_format;
mod plain_with;
mod pool_calls;
mod pool_map;
mod pool_submit;
mod print_file;
mod property;
mod range_steps;
mod rename;
mod resource_exit;
mod resource_methods;
mod result_cancelled;
mod runner;
mod scan;
mod scope;
mod self_append;
mod sem_permits;
mod sentinel;
mod sets;
mod shield;
mod shutdown_spawns;
mod slices;
mod small_sets;
mod spread;
mod star_unpack;
mod static_methods;
mod stmt;
mod str_class;
mod str_concat;
mod str_format;
mod str_search;
mod str_strip;
mod streams;
mod sync;
mod sync_errors;
mod task_completions;
mod task_current;
mod task_done;
mod task_items;
mod task_loops;
mod task_names;
mod task_numbers;
mod task_poll;
mod task_state;
mod task_waiter;
mod templates;
mod threadsafe;
mod threadsafe_cancel;
mod threadsafe_loop;
mod timeline;
mod timeout;
mod timeout_cm;
mod timer_ties;
mod truth_list;
mod try_return;
mod try_stmt;
mod tuple_call;
mod type_errors;
mod type_name;
mod unpack_split;
mod varargs;
mod wait;
mod wait_for_other;
mod wait_for_token;
mod zip_transpose;

use crate::program::{
    self as py, CmpOp, Code, ExprKind as E, Literal, Module, Name, Program, Stmt, StmtKind as P,
};
use crate::render::plan::ir::ast::{Call, Demo, FunctionKind};
use crate::render::plan::ir::expr::Expr;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::ops::Range;

pub use coroutine_exit::exits_in_coroutines;
pub use dataclass::{eq_marker as dataclass_eq, order_marker as dataclass_order};
pub use enums::{INT_ENUM, variant as enum_variant};
use expr::{Kind, kind_of};
pub use flags::FLAG;
pub use module::MODULE;
pub use resource_methods::enters_self;

/// A construct of a program that the translator cannot translate yet.
#[derive(Debug, Clone)]
pub struct Untranslatable {
    /// Byte range of the construct in the program's source.
    pub span: Range<usize>,
    /// What it is, as a learner would name it: "a `lambda`".
    pub construct: String,
    /// Why the Rust listing cannot show it.
    pub reason: String,
}

impl fmt::Display for Untranslatable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the translator cannot translate {} yet: {}",
            self.construct, self.reason
        )
    }
}

impl std::error::Error for Untranslatable {}

type Result<T> = std::result::Result<T, Untranslatable>;

fn refuse<T>(
    span: &Range<usize>,
    construct: impl Into<String>,
    reason: impl Into<String>,
) -> Result<T> {
    Err(Untranslatable {
        span: span.clone(),
        construct: construct.into(),
        reason: reason.into(),
    })
}

/// Every blocker of `program` (in source order, none if it translates),
/// and its plan when every definition and the `asyncio.run(...)` are
/// planned: each statement the translator cannot translate is then a
/// [`StmtKind::Untranslated`](ir::ast::StmtKind::Untranslated), for a
/// partial listing.
pub(crate) fn plan_partial(program: &Program) -> (Option<Demo>, Vec<Untranslatable>) {
    let flat = inherit::flatten(program);
    let program = flat.as_ref().unwrap_or(program);
    let wrapped = decorators::as_calls(program);
    let program = wrapped.as_ref().unwrap_or(program);
    let made = exc_made_vars::inline(program);
    let program = made.as_ref().unwrap_or(program);
    let kept = kept_lambdas::as_defs(program);
    let program = kept.as_ref().unwrap_or(program);
    let lifted = captures::lift(program);
    let program = lifted.as_ref().unwrap_or(program);
    let adapters = gen_defs::as_returns(program);
    let program = adapters.as_ref().unwrap_or(program);
    let listed = gen_lists::as_lists(program);
    let program = listed.as_ref().unwrap_or(program);
    let mut p = Planner {
        program,
        imports: HashMap::new(),
        defs: HashMap::new(),
        consts: HashMap::new(),
        statics: Vec::new(),
        hoisted: Vec::new(),
        handlers: HashSet::new(),
        resolvers: HashSet::new(),
        primitives: HashMap::new(),
        sync_params: HashMap::new(),
        arg_kinds: RefCell::new(HashMap::new()),
        blockers: RefCell::new(Vec::new()),
        kept: RefCell::new(HashSet::new()),
        lifted: RefCell::new(Vec::new()),
        cancellable: HashSet::new(),
        token_ends: HashMap::new(),
        cancel_ends: HashMap::new(),
        token_for: RefCell::new(None),
        pending: RefCell::default(),
        task_numbers: Default::default(),
        early_cancels: HashMap::new(),
        current: std::cell::Cell::new(0),
        header: RefCell::new(None),
        hoisted_names: RefCell::new(HashSet::new()),
        timeout_names: std::cell::OnceCell::new(),
        mixed_gathered: RefCell::new(HashSet::new()),
        fn_params: fn_values::fn_params(program),
        unended: RefCell::new(HashSet::new()),
        late_spawns: RefCell::new(HashSet::new()),
        generic_fns: RefCell::new(HashSet::new()),
        streams: RefCell::new(HashMap::new()),
        keepers: HashSet::new(),
        closed_gens: RefCell::new(HashSet::new()),
    };
    p.scan(&program.module.body);
    let mut functions = Vec::new();
    let mut entry = None;
    let whole = p.module(&program.module.body, &mut functions, &mut entry);
    p.jobs_on_the_clock(&mut functions);
    let mut statics = p.plan_statics();
    statics.extend(p.class_statics());
    let mut blockers = p.blockers.into_inner();
    let mut planned = Demo {
        entry: String::new(),
        functions,
        statics,
        statement_count: program.statement_count,
        unended: p.unended.take(),
        static_methods: static_methods::static_methods(program),
        plain_managers: plain_with::plain_managers(program),
        cancel_ends: p.cancel_ends.clone(),
        closed_at_shutdown: p.closed_gens.take(),
        late_spawns: p.late_spawns.take(),
        generic_fns: p.generic_fns.take(),
    };
    exc_recursion::bound(&mut planned);
    let fallible = ir::raises::fallible(&planned);
    for (name, span) in ir::raises::unpropagated(&planned, &fallible) {
        if cancel_token::in_token_branch(&planned, &p.cancellable, &span) {
            continue;
        }
        blockers.push(Untranslatable {
            span,
            construct: format!("an exception of `{name}` here"),
            reason: "the Rust listing passes an exception on as an `Err`, with `?` after a call \
                     awaited (or called) as a statement or inside an expression, or after \
                     awaiting its task; not out of a gather, a task group, a generator, a \
                     class or a cleanup block"
                .into(),
        });
    }
    blockers.extend(exc_unreached::after_raise(&planned));
    blockers.extend(resource_exit::jumps_out(&planned, &fallible));
    blockers.extend(resource_methods::read_after_close(&planned));
    blockers.extend(coroutine_exit::misplaced(&planned, &fallible));
    blockers.extend(pending_tasks::misplaced(&planned, &fallible));
    blockers.extend(deadline_awaits::failing_under_deadline(&planned, &fallible));
    blockers.extend(mixed_returns::returns_mixed(&planned));
    for span in ir::raises::unreached_handlers(&planned) {
        blockers.push(Untranslatable {
            span,
            construct: "an `except` of classes that no `raise` of the program gives".into(),
            reason: "the Rust listing catches the `Err`s its `raise` statements make; an \
                     exception of Python's own operations (indexing, `int(...)`, a division) \
                     is no `Err` there"
                .into(),
        });
    }
    let Demo {
        functions,
        statics,
        unended,
        static_methods,
        plain_managers,
        cancel_ends,
        closed_at_shutdown,
        late_spawns,
        generic_fns,
        ..
    } = planned;
    blockers.sort_by_key(|b| (b.span.start, b.span.end));
    blockers.dedup_by(|a, b| a.span == b.span && a.construct == b.construct);
    let demo = entry.filter(|_| whole).map(|entry| Demo {
        entry,
        functions,
        statics,
        statement_count: program.statement_count,
        unended,
        static_methods,
        plain_managers,
        cancel_ends,
        closed_at_shutdown,
        late_spawns,
        generic_fns,
    });
    (demo, blockers)
}

/// A definition of the program: what it is, its parameters (less `self`)
/// and the default values of the last ones.
#[derive(Clone, Copy)]
struct Def<'p> {
    kind: Option<FunctionKind>,
    params: usize,
    names: &'p [py::Param],
    defaults: &'p [py::Expr],
    /// Takes `*args` after its parameters (a `Vec` in Rust).
    varargs: bool,
    /// Keyword-only parameters, passed after the others (see [`keyword_only`]).
    keyword_only: &'p [py::Param],
}

struct Planner<'p> {
    program: &'p Program,
    /// Module-level names bound by imports: the module and the member.
    imports: HashMap<String, (Module, Option<String>)>,
    /// The module's definitions, by name.
    defs: HashMap<String, Def<'p>>,
    /// Nested functions hoisted to the module (see [`nested`]): name and
    /// `def` statement, in source order.
    hoisted: Vec<(std::sync::Arc<str>, &'p Stmt)>,
    /// The module's constants and their values (see [`module::constants`]).
    consts: HashMap<std::sync::Arc<str>, &'p py::Expr>,
    /// The module's shared variables (see [`globals`]).
    statics: Vec<(std::sync::Arc<str>, &'p py::Expr)>,
    /// Coroutines that `asyncio.start_server` runs per connection.
    handlers: HashSet<String>,
    /// (definition, parameter index) whose future the definition resolves.
    resolvers: HashSet<(String, usize)>,
    /// (definition, parameter index) given an event or a queue.
    primitives: HashMap<(String, usize), ir::primitive::PrimitiveKind>,
    /// (definition, parameter index) given a lock or a semaphore.
    sync_params: HashMap<(String, usize), sem_permits::SyncKind>,
    /// (definition, parameter index): the kind of literal first passed,
    /// and the line of that call.
    arg_kinds: RefCell<HashMap<(String, usize), (Kind, usize)>>,
    /// What stops the translation, collected so that all are reported.
    blockers: RefCell<Vec<Untranslatable>>,
    /// Statements that the statement being planned runs first (see
    /// [`await_expr`]), in order.
    lifted: RefCell<Vec<ir::ast::StmtKind>>,
    /// Coroutines that go on after their cancellation (see [`cancel_token`]).
    cancellable: HashSet<String>,
    /// Of those, the coroutines `asyncio.wait_for` runs, and how each ends
    /// when cancelled at the deadline (see [`wait_for_token`]).
    token_ends: HashMap<String, ir::ast::TokenEnd>,
    /// Of those, the coroutines only spawned whose cancellation ends them
    /// after a cleanup that awaits (see [`cancel_ends`]).
    cancel_ends: HashMap<String, ir::ast::TokenEnd>,
    /// The token made for the task being spawned, which its call gets.
    token_for: RefCell<Option<String>>,
    /// The starts of the `t.cancel()` statements that may come before the
    /// task given a token has started (see [`early_cancel`]).
    early_cancels: HashMap<usize, early_cancel::Early>,
    /// The names asyncio numbers tasks by (see [`task_numbers`]).
    task_numbers: task_numbers::TaskNumbers,
    /// The tasks `asyncio.run` cancels at its end (see [`pending_tasks`]).
    pending: RefCell<pending_tasks::PendingTasks>,
    /// The id of the statement being planned, for the statements it lifts.
    current: std::cell::Cell<ir::ast::StmtId>,
    /// The statement being planned (see [`hoist`]).
    header: RefCell<Option<Stmt>>,
    /// The names given to hoisted awaits' values.
    hoisted_names: RefCell<HashSet<String>>,
    /// The names `async with asyncio.timeout(...) as name` binds anywhere
    /// (see [`timeout_cm`]), found once.
    timeout_names: std::cell::OnceCell<Vec<String>>,
    /// Where a task stands as an argument of a mixed gather, which keeps
    /// its output (see [`gather_mixed`]).
    mixed_gathered: RefCell<HashSet<usize>>,
    /// The spans of generator expressions kept in a variable and of the
    /// `list(...)` calls that use them up (see [`kept_generator`]).
    kept: RefCell<HashSet<std::ops::Range<usize>>>,
    /// Parameters that take functions of the module (see [`fn_values`]).
    fn_params: fn_values::FnParams,
    /// The `print` statements whose `end=` leaves the line unfinished.
    unended: RefCell<HashSet<ir::ast::StmtId>>,
    /// The spawns of `asyncio.run_coroutine_threadsafe` in coroutines
    /// (see [`Demo::late_spawns`](ir::ast::Demo::late_spawns)).
    late_spawns: RefCell<HashSet<ir::ast::StmtId>>,
    /// Functions generic over the value they hand on (see
    /// [`Demo::generic_fns`](ir::ast::Demo::generic_fns)).
    generic_fns: RefCell<HashSet<String>>,
    /// Async generators' streams kept in variables, and their generators
    /// (see [`kept_stream`]).
    streams: RefCell<HashMap<String, String>>,
    /// The module's lists that only keep what is appended to them (see
    /// [`closed_at_shutdown`]).
    keepers: HashSet<std::sync::Arc<str>>,
    /// The async generators kept to the end of `asyncio.run`, which its
    /// shutdown closes (see [`closed_at_shutdown`]).
    closed_gens: RefCell<HashSet<String>>,
}

/// The module-level statements, the `if __name__ == "__main__":` body included.
fn module_stmts(body: &[Stmt]) -> Vec<&Stmt> {
    let mut out = Vec::new();
    for s in body {
        match &s.kind {
            P::If { test, body, orelse } if orelse.is_empty() && is_main_guard(test) => {
                out.extend(module_stmts(body))
            }
            _ => out.push(s),
        }
    }
    out
}

fn is_main_guard(test: &py::Expr) -> bool {
    let E::Compare(left, rest) = &test.kind else {
        return false;
    };
    matches!(&left.kind, E::Name(n) if &**n.ident() == "__name__")
        && matches!(rest.as_slice(), [(CmpOp::Eq, e)]
            if matches!(&e.kind, E::Literal(Literal::Str(s)) if &**s == "__main__"))
}

/// A decorator changes what a definition is at run time; the listing
/// translates definitions as written, but for the decorators
/// `decorators` rewrites as calls.
fn no_decorators(decorators: &[py::Expr]) -> Result<()> {
    match decorators.first() {
        Some(d) => refuse(
            &d.span,
            "a decorator",
            "the Rust listing writes a decorator of the module that only makes a wrapper \
             around each call, given the function and literals, as a function taking the \
             function, each call of it made through the decorator; other decorators, and \
             decorated functions used otherwise than called, have no Rust form there",
        ),
        None => Ok(()),
    }
}

/// The methods of a class body: name, code and the `def` statement.
fn methods(code: &Code) -> impl Iterator<Item = (&str, &Code, &Stmt)> {
    code.body.iter().filter_map(|s| match &s.kind {
        P::Def { code, name, .. } => Some((&**name.ident(), &**code, s)),
        _ => None,
    })
}

impl<'p> Planner<'p> {
    /// `module.member` when `e` names one (`asyncio.sleep`, or `sleep`
    /// imported from asyncio).
    fn member<'a>(&'a self, e: &'a py::Expr) -> Option<(Module, &'a str)> {
        match &e.kind {
            E::Attr(obj, attr) => match &obj.kind {
                E::Name(Name::Global(n)) => match self.imports.get(&**n) {
                    Some((m, None)) => Some((*m, &**attr)),
                    _ => None,
                },
                _ => None,
            },
            E::Name(Name::Global(n)) => match self.imports.get(&**n) {
                Some((m, Some(member))) => Some((*m, member.as_str())),
                _ => None,
            },
            _ => None,
        }
    }

    fn is_member(&self, e: &py::Expr, module: Module, member: &str) -> bool {
        self.member(e) == Some((module, member))
    }

    fn line(&self, span: &Range<usize>) -> usize {
        self.program.line_of(span.start)
    }

    fn text(&self, span: &Range<usize>) -> &str {
        self.program.source.get(span.clone()).unwrap_or("")
    }

    /// Remembers the kind of a literal argument; a parameter given two
    /// kinds (a number here, a string there) has no one Rust type.
    fn check_arg(&self, call: &Call, i: usize, arg: &Expr) -> Result<()> {
        let Some(kind) = kind_of(arg) else {
            return Ok(());
        };
        let mut seen = self.arg_kinds.borrow_mut();
        let line = self.line(&arg.span);
        let (first, at) = *seen.entry((call.name.clone(), i)).or_insert((kind, line));
        if first != kind && handed_values::handed_on(self.program, &call.name, i) {
            self.generic_fns.borrow_mut().insert(call.name.clone());
        } else if first != kind {
            return refuse(
                &arg.span,
                format!("{} as argument {} of `{}`", kind.noun(), i + 1, call.name),
                format!(
                    "Rust gives each parameter one type, and line {at} passes {} there",
                    first.noun()
                ),
            );
        }
        Ok(())
    }

    /// Whether `def`'s parameter `i` is a future it resolves.
    fn resolves(&self, def: &str, i: usize) -> bool {
        self.resolvers.contains(&(def.to_string(), i))
    }
}
