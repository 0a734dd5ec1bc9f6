//! The Rust (Tokio) listing of a program's translation plan.
//!
//! Python is dynamically typed, so rendering starts with a small
//! type inference (`Types`) over call sites, literals and returns, then
//! writes one idiomatic Tokio item per definition. Conventions:
//!
//! - the entry coroutine, when named `main`, becomes `async fn main()`
//!   itself under [`MAIN_ATTR`]; otherwise `main` calls it (and a non-entry
//!   `main` is renamed `main_coroutine`); the runtime is the current-thread
//!   flavour, as asyncio's loop runs on one thread;
//! - module-level code is `main`'s body (the module's variables its locals,
//!   constants written where they are read, and the globals that functions
//!   set or change in place `static`s: atomics, lists in a `Mutex`); when code follows
//!   `asyncio.run(...)`, or the program never calls it, `main` is a plain
//!   `fn`, and each `asyncio.run(f())` is `run(f())`, a helper whose own
//!   runtime drops the tasks left when `f` ends, as asyncio cancels them;
//! - a parameter only used as a duration (and printed) is a `Duration`,
//!   and its callers pass `Duration::from_secs(3)`; ints are `i64`, floats
//!   `f64`, strings `&str` parameters and `String`
//!   values (`String` parameters when a spawned task needs to own them);
//! - values print like Python: floats and lists with `{:?}`, `None` as the
//!   text `None`, booleans as `True`/`False`;
//! - an async generator is `async_stream::stream!`; an iterator class is a
//!   hand-written `Stream::poll_next` when its `__anext__` is "guards, one
//!   sleep, plain statements", else an `async fn next_item` behind
//!   `futures::stream::unfold`; a resource is a struct with explicit
//!   `open`/`close` (no async drop);
//! - `try`/`except CancelledError`/`finally`: Tokio cancels by dropping the
//!   future, so the cleanup runs from a drop guard (`scopeguard::guard`),
//!   and cannot await; awaiting an aborted task matches
//!   `JoinError::is_cancelled`;
//! - `gather` of listed calls is `tokio::join!(biased; ...)`: futures that
//!   wake at one instant resume in the order written, as asyncio resumes
//!   sleeps started one after the other (their deadlines differ);
//! - a future is a `oneshot` channel (`Shared` when awaited in several
//!   places);
//! - an `asyncio.TaskGroup` is a `JoinSet`: `tg.spawn(...)` per child and
//!   `join_all().await` where the `async with` block ends; when children
//!   can fail, `join_next` collects their `Err`s into an `ExceptionGroup`
//!   (the first aborts the rest), which `except*` splits by class;
//! - a coroutine awaiting itself awaits `Box::pin(f(...))` (see
//!   `recursion`);
//! - a plain `def` is a plain `fn`; an executor's job
//!   (`run_in_executor`, `to_thread`) is `spawn_blocking`, on Tokio's
//!   blocking pool whatever the Python pool (Rust has no GIL), unless it
//!   waits with `time.sleep`: then it is a task on Tokio's clock (see
//!   `executor`).

mod analysis;
mod arg_clash;
mod await_expr;
mod big_ints;
mod binary;
mod blocks;
mod bool_ops;
mod bounded_release;
mod branch_bindings;
mod builtins;
mod callbacks;
mod calls;
mod cancel_ends;
mod cancel_token;
mod class_names;
mod closed_at_shutdown;
mod closures;
mod code;
mod collect;
mod completed_deadline;
mod condition;
mod conflicts;
mod deadline_tie;
mod deletes;
mod dict_methods;
mod dicts;
mod drop_guards;
mod dunders;
mod durations;
mod empty_dict_index;
mod empty_lists;
mod enums;
mod errors;
mod event_loop;
mod exc_fields;
mod exc_groups;
mod exc_types;
mod exc_values;
mod executor;
mod expr;
mod expr_walk;
mod flags;
mod flat_comp;
mod float_delays;
mod float_extremes;
mod float_literals;
mod float_repr;
mod floor_ops;
mod fn_dicts;
mod fn_values;
mod format_spec;
mod functions;
mod future_lists;
mod gather_mixed;
mod gather_outcomes;
mod gather_sleeps;
mod gather_value;
mod gathered_tasks;
mod gen_cleanup;
mod generic_fns;
mod generic_iters;
mod group_made;
mod group_parts;
mod group_tasks;
mod grown;
mod handed_tasks;
mod held_flat;
mod identity;
mod infer;
mod int_growth;
mod int_vs_float;
mod isinstance;
mod item_ops;
mod iter_classes;
mod iters;
mod kept_items;
mod kept_iters;
mod kept_stream;
mod lent_conns;
mod lines;
mod list_alias;
mod list_items;
mod list_joins;
mod lock_state;
mod locked_args;
mod locked_vars;
mod long_lines;
mod lookup_dicts;
mod loop_tasks;
mod loops;
mod methods;
mod mixed;
mod mixed_extremes;
mod mixed_growth;
mod mixed_index;
mod mixed_keys;
mod mixed_lists;
mod mixed_narrow;
mod mixed_nest;
mod moved_returns;
mod mut_borrows;
mod mutated_args;
mod names;
mod narrowed;
mod neg_index;
mod negative_sleep;
mod nested_call;
mod nested_layout;
mod nested_runs;
mod nested_spec;
mod none_vars;
mod number_args;
mod number_arith;
mod number_ops;
mod numbers;
mod object_alias;
mod objects;
mod op_errors;
mod options;
mod pending_tasks;
mod percent_format;
mod plain_with;
mod pool_map;
mod printed_handles;
mod printed_prims;
mod program;
mod promoted;
mod queue_sizes;
mod queue_text;
mod raise;
mod recursion;
mod ref_borrows;
mod resource_exit;
mod result_ties;
mod return_conflicts;
mod scaled_secs;
mod scoped;
mod sentinel;
mod set_inclusion;
mod set_uses;
mod shared_handle;
mod shared_tasks;
mod short_block;
mod slices;
mod small_sets;
mod spec_forms;
mod spec_types;
mod spent_handles;
mod statics;
mod stmt;
mod str_class;
mod str_lists;
mod str_pad;
mod str_search;
mod str_strip;
mod structs;
mod sum_growth;
mod sum_lists;
mod sync;
mod sys_exit;
mod tables;
mod task_completions;
mod task_lists;
mod task_names;
mod task_output;
mod task_poll;
mod task_state;
mod task_waiter;
mod tcp;
mod templates;
mod threadsafe_cancel;
mod timeout;
mod token_lists;
mod trees;
mod truth;
mod tuples;
mod typed_ints;
mod types;
mod unbuilt;
mod unpack_list;
mod unused_classes;
mod unused_functions;
mod wait;
mod wait_for_reraise;
mod wait_for_tie;
mod wait_for_token;
mod wait_task;
mod whole_seconds;
mod wide_sleep;
mod wrap;

use super::Listing;
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{Call, Demo, FunctionKind};
use analysis::{caller_closes, shared_futures};
use drop_guards::GUARDED;
use durations::{Seconds, duration_locals, duration_params};
use names::version_cmp;
use std::collections::{BTreeMap, HashMap, HashSet};
use tcp::{RECEIVE, RECEIVE_LINE};
use types::Types;

/// The Rust listing of a Python program, translated through its plan; a
/// program the translator cannot translate yet gets a comment block that
/// lists every construct that stops it, at `file:line:col`, and why, then
/// (when every definition is planned) the partial listing: the rest of the
/// program, with a comment where each of those statements would be.
pub fn render_program(program: &crate::program::Program) -> Listing {
    let (demo, blockers) = answer(program);
    if blockers.is_empty()
        && let Some(demo) = &demo
    {
        return render(demo);
    }
    let mut lines = vec![format!(
        "// The translator cannot translate this program yet ({} to do):",
        blockers.len()
    )];
    for u in &blockers {
        let (line, col) = crate::lesson::diagnostic::line_col(&program.source, u.span.start);
        lines.push(format!("// {}:{line}:{col}: {}", program.file, u.construct));
        lines.extend(
            wrap::wrap_comment(&u.reason, 74)
                .into_iter()
                .map(|l| l.replacen("//", "//  ", 1)),
        );
        let text = program.line_text(line).trim();
        if !text.is_empty() {
            lines.push(format!("//     {text}"));
        }
    }
    let Some(demo) = demo else {
        return Listing {
            lines,
            ..Listing::default()
        };
    };
    lines.push("//".into());
    lines.push("// The rest of the program, which does not build as it is:".into());
    lines.push(String::new());
    let partial = render(&demo);
    let at = lines.len();
    let shift = |r: &std::ops::Range<usize>| r.start + at..r.end + at;
    lines.extend(partial.lines);
    Listing {
        lines,
        spans: partial.spans.iter().map(|(k, r)| (*k, shift(r))).collect(),
        functions: partial
            .functions
            .iter()
            .map(|(k, r)| (k.clone(), shift(r)))
            .collect(),
    }
}

/// Whether `program` translates: its plan, whose listing [`render`]
/// writes, or every construct the translator cannot translate yet, in
/// source order (never an empty list): those the plan refuses, then, once
/// the plan's values have their Rust types, those whose types clash.
pub fn translate_all(program: &crate::program::Program) -> Result<Demo, Vec<Untranslatable>> {
    match answer(program) {
        (Some(demo), blockers) if blockers.is_empty() => Ok(demo),
        (_, blockers) => Err(blockers),
    }
}

/// As [`translate_all`], with the first construct the translator cannot
/// translate yet.
pub fn translate(program: &crate::program::Program) -> Result<Demo, Untranslatable> {
    translate_all(program).map_err(|mut all| all.swap_remove(0))
}

/// The plan of `program` (when every definition is planned) and every
/// blocker found, the plan's or, when it has none, the types'.
fn answer(program: &crate::program::Program) -> (Option<Demo>, Vec<Untranslatable>) {
    let (demo, mut blockers) = super::plan::plan_partial(program);
    if blockers.is_empty()
        && let Some(demo) = &demo
    {
        blockers = conflicts::type_conflicts(demo, &program.source);
    }
    (demo, blockers)
}

/// The attribute on every listing's `main`: one thread, as asyncio's loop.
pub const MAIN_ATTR: &str = "#[tokio::main(flavor = \"current_thread\")]";

/// The helper that runs a coroutine the way `asyncio.run` does, from a
/// plain `main`.
const RUN: &[&str] = &[
    "/// `asyncio.run(...)`: an event loop of its own runs `f` to its end, then",
    "/// drops the tasks still running, as asyncio cancels them.",
    MAIN_ATTR,
    "async fn run<F: Future>(f: F) -> F::Output {",
    "    f.await",
    "}",
];

/// Renders `demo` as a complete Tokio program.
pub fn render(demo: &Demo) -> Listing {
    let types = Types::infer(demo);
    let mut r = Renderer::new(demo, &types);
    r.program();
    r.finish()
}

/// Writes the listing's lines, one item per definition.
struct Renderer<'a> {
    demo: &'a Demo,
    types: &'a Types,
    lines: Vec<String>,
    spans: HashMap<u32, std::ops::Range<usize>>,
    functions: HashMap<String, std::ops::Range<usize>>,
    /// module path -> imported names
    uses: BTreeMap<&'static str, Vec<&'static str>>,
    indent: usize,
    /// Whether the `Guarded` helper is used.
    needs_guarded: bool,
    /// Variables held by a `Guarded` drop guard, and where the guarded
    /// code reaches them (`*v`, `*held.0`).
    held: Vec<(String, String)>,
    /// A closure's parameter written under another name (`|a, b|` of a
    /// comparison), innermost last.
    renamed: Vec<(String, String)>,
    /// The names bound to `scopeguard` guards (`Guarded` ones are in
    /// `held_names`).
    guard_names: HashSet<String>,
    held_names: HashSet<String>,
    /// Whether the `receive` helper is used.
    needs_receive: bool,
    /// Whether the `receive_line` helper is used.
    needs_receive_line: bool,
    /// The pools around the statement whose `max_workers` is a semaphore,
    /// and those whose jobs a `TaskTracker` keeps (see `executor`).
    pool_workers: Vec<String>,
    tracked_pools: Vec<String>,
    /// Whether the jobs being written are handed to their pool with
    /// `submit` (see `pool_map`).
    submitting: bool,
    /// Whether the `run` helper (`asyncio.run` from a plain `main`) is used.
    needs_run: bool,
    /// Inside a generator's `try` whose cleanup a stream dropped at a
    /// `yield` spawns: each `yield` marks the stream as stopped there
    /// (see `gen_cleanup`).
    marks_yields: bool,
    /// Parameters only used as durations (and printed): `Duration`.
    durations: HashMap<(String, String), Seconds>,
    /// Local variables that only hold durations: `Duration`s.
    duration_vars: HashSet<(String, String)>,
    /// Integer parameters only slept whole and printed, given only
    /// non-negative literals: `u64`.
    whole_seconds: HashSet<(String, String)>,
    /// Names the current function reads.
    used: HashSet<String>,
    /// The variables of the loops around the statement that count up from
    /// a literal: indexes that are never negative (see `neg_index`).
    counting_vars: Vec<String>,
    /// Inside a hand-written `poll_next`.
    poll_mode: bool,
    /// `on_cancel` guards of the enclosing `try`s, to disarm on `return`.
    guards: Vec<String>,
    /// Coroutines timed by `wait_for` whose resource the caller owns and
    /// closes, with the call that makes the resource.
    caller_closes: HashMap<String, Call>,
    /// The timeouts whose deadline ties the work's sleep (see
    /// `wait_for_tie`), and whether the statement being written is timed
    /// by one of them.
    ties: Vec<std::ops::Range<usize>>,
    deadline_first: bool,
    /// Futures awaited in more than one place: `Shared` receivers.
    shared: HashSet<(String, String)>,
    /// Functions that can fail: they return `Result<_, Error>`.
    fallible: HashSet<String>,
    /// Parameters taken as `&mut T` (see `mut_borrows`).
    mut_params: mut_borrows::MutParams,
    /// Parameters taken as `&T` (see `ref_borrows`).
    ref_params: mut_borrows::MutParams,
    /// Parameters taken as `&Mutex<T>`, and their owners (see `locked_args`).
    locked: locked_args::Locked,
    /// Writing a loop's head: a locked variable is read as a copy.
    copying_locked: bool,
    /// Python's own operations checked for what an `except` takes: span
    /// and class (see [`op_errors`]).
    checked: HashMap<std::ops::Range<usize>, &'static str>,
    /// The arguments of the last `format`-style call, for wrapping.
    last_format_args: Vec<String>,
    // The function being rendered.
    func: String,
    kind: FunctionKind,
    declared: HashSet<String>,
    /// The function already says that Rust has no async drop.
    said_no_async_drop: bool,
    /// Rendering an `__aexit__` whose `return` gives whether it swallows
    /// the exception (see `resource_exit`).
    exit_bool: bool,
    assigned: HashMap<String, usize>,
    fields: HashSet<String>,
    self_name: &'static str,
    /// `&str` parameters of the current function.
    str_params: HashSet<String>,
    /// Futures created here: their sender is `NAME_tx`.
    local_futures: HashSet<String>,
    /// Inside a `Drop` closure: no awaiting.
    sync: bool,
    /// Tasks whose output the function has taken and keeps (see `task_output`).
    taken: HashSet<String>,
    entry_main: bool,
    /// Loop variables bound by `for x in &xs`: already references.
    borrowed: HashSet<String>,
    /// Lists of tasks an `as_completed` loop borrows, with the variable
    /// counting them (see `task_completions`).
    counted: Vec<(String, String)>,
    /// Variables that may be `None`, inside a closure that has their
    /// value: the value's type, innermost last (see `narrowed`).
    narrowed: Vec<(String, types::Ty)>,
    /// Spawning the tasks of a shared list (see `shared_tasks`).
    spawning_shared: bool,
    /// The operator traits `Number` implements for the listing's lines
    /// (see `number_arith`).
    number_arith: std::collections::BTreeSet<&'static str>,
}

impl<'a> Renderer<'a> {
    fn new(demo: &'a Demo, types: &'a Types) -> Renderer<'a> {
        let mut_params = mut_borrows::mut_params(demo, types);
        let ref_params = ref_borrows::ref_params(demo, types, &mut_params);
        let locked = locked_args::locked_args(demo, types, &mut_params);
        Renderer {
            demo,
            types,
            lines: Vec::new(),
            spans: HashMap::new(),
            functions: HashMap::new(),
            uses: BTreeMap::new(),
            indent: 0,
            needs_guarded: false,
            held: Vec::new(),
            renamed: Vec::new(),
            guard_names: HashSet::new(),
            held_names: HashSet::new(),
            needs_receive: false,
            needs_receive_line: false,
            pool_workers: Vec::new(),
            tracked_pools: Vec::new(),
            submitting: false,
            needs_run: false,
            marks_yields: false,
            last_format_args: Vec::new(),
            guards: Vec::new(),
            poll_mode: false,
            used: HashSet::new(),
            counting_vars: Vec::new(),
            durations: duration_params(demo),
            duration_vars: duration_locals(demo),
            whole_seconds: whole_seconds::whole_params(demo, types, &duration_params(demo)),
            shared: shared_futures(demo, types),
            fallible: crate::render::plan::ir::raises::fallible(demo),
            mut_params,
            ref_params,
            locked,
            copying_locked: false,
            checked: op_errors::checked_classes(demo, types),
            caller_closes: caller_closes(demo),
            ties: wait_for_tie::tied(demo),
            deadline_first: false,
            func: String::new(),
            kind: FunctionKind::Coroutine,
            declared: HashSet::new(),
            said_no_async_drop: false,
            exit_bool: false,
            assigned: HashMap::new(),
            fields: HashSet::new(),
            self_name: "self",
            str_params: HashSet::new(),
            borrowed: HashSet::new(),
            counted: Vec::new(),
            local_futures: HashSet::new(),
            sync: false,
            taken: HashSet::new(),
            entry_main: false,
            narrowed: Vec::new(),
            spawning_shared: false,
            number_arith: std::collections::BTreeSet::new(),
        }
    }

    fn use_(&mut self, module: &'static str, name: &'static str) {
        let names = self.uses.entry(module).or_default();
        if !names.contains(&name) {
            names.push(name);
        }
    }

    fn line(&mut self, text: impl AsRef<str>) {
        let text = text.as_ref();
        // An empty block is written `{}`.
        if text == "}"
            && let Some(last) = self.lines.last_mut()
            && last.ends_with(" {")
        {
            last.push('}');
            return;
        }
        if text.is_empty() {
            self.lines.push(String::new());
            return;
        }
        let lines = long_lines::relaid(text, self.indent).unwrap_or_else(|| vec![text.into()]);
        let pad = "    ".repeat(self.indent);
        for l in lines {
            // A `PyValue` list too wide for its line, one item a line.
            for l in mixed_nest::laid_out(&l, pad.len()) {
                self.lines.push(format!("{pad}{l}"));
            }
        }
    }

    fn finish(mut self) -> Listing {
        // `Future` is in the 2024 prelude only: named for edition 2021.
        if self.lines.iter().any(|l| names_future(l)) {
            self.use_("std::future", "Future");
        }
        let mut head = Vec::new();
        // rustfmt's order: paths compared segment by segment.
        for (module, names) in &self.uses {
            let mut names = names.clone();
            names.sort_by(|a, b| version_cmp(a, b));
            if names.len() == 1 {
                head.push(format!("use {module}::{};", names[0]));
            } else {
                head.push(format!("use {module}::{{{}}};", names.join(", ")));
            }
        }
        head.sort();
        if !head.is_empty() {
            head.push(String::new());
        }
        let shift = head.len();
        head.append(&mut self.lines);
        while head.last().is_some_and(|l| l.is_empty()) {
            head.pop();
        }
        let spans = self
            .spans
            .into_iter()
            .map(|(k, r)| (k, r.start + shift..r.end + shift))
            .collect();
        let functions = self
            .functions
            .into_iter()
            .map(|(k, r)| (k, r.start + shift..r.end + shift))
            .collect();
        Listing {
            lines: head,
            spans,
            functions,
        }
    }
}

/// Whether a line of code (not a comment) names the `Future` trait itself,
/// as `F: Future` or `impl Future<...>` do (`BoxFuture`, a path through
/// `std::future::`, a string and a comment do not).
fn names_future(line: &str) -> bool {
    let code = line.trim_start();
    if code.starts_with("//") {
        return false;
    }
    code.match_indices("Future").any(|(i, _)| {
        // Inside a string literal where an odd number of quotes stands before.
        let in_string = code[..i].matches('"').count() % 2 == 1;
        let before = code[..i].chars().next_back();
        let after = code[i + "Future".len()..].chars().next();
        !in_string
            && !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':')
            && !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}
