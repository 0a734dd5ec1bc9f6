//! The names asyncio gives tasks itself: `Task-2`, `Task-3`... in the
//! order the whole program creates tasks, the coroutine `asyncio.run`
//! starts being `Task-1`. Tokio's tasks have no names, so the listing
//! writes a number only where the program's text decides it: every task
//! of the program is created in the entry coroutine, by the statements of
//! its own block (`asyncio.create_task(f(...))`, a comprehension of them
//! over a literal list or `range(n)`, each coroutine `asyncio.gather`
//! wraps), counted in order up to the first statement that creates tasks
//! some other way.
//!
//! A coroutine that reads the name of the task it runs in
//! (`asyncio.current_task().get_name()`), and that only the entry
//! coroutine spawns, gathers or awaits, takes that name as a last
//! parameter, `task_name`: each call passes the name of the task it runs
//! in.

use super::cancel_token::mentions;
use super::{Planner, Result, refuse};
use crate::program::visit_mut::{VisitMut, block_mut};
use crate::program::{self as py, Arg, ExprKind as E, Literal, Module, Name, StmtKind as P};
use crate::render::plan::ir::expr::{Expr, ExprKind};
use crate::render::plan::ir::value::Value;
use std::collections::{HashMap, HashSet};

/// The parameter a coroutine gets the name of its task in.
pub(super) const TASK_NAME: &str = "task_name";

/// What creates a task, or may: asyncio's functions, and methods of that
/// name on any object (a loop's `create_task`, a group's).
const CREATING: &[&str] = &[
    "create_task",
    "Task",
    "gather",
    "ensure_future",
    "wait_for",
    "wait",
    "shield",
    "as_completed",
    "TaskGroup",
    "Runner",
    "run_until_complete",
    "run_forever",
    "run_coroutine_threadsafe",
    "start_server",
    "start_unix_server",
];

/// What the entry coroutine's statements tell of the names of tasks.
#[derive(Default)]
pub(super) struct TaskNumbers {
    /// By a statement's start: the number of the first task it creates.
    first: HashMap<usize, u32>,
    /// By the start of a call of a coroutine of `named`: the name of the
    /// task the call runs in.
    names: HashMap<usize, String>,
    /// The coroutines given the name of their task.
    named: HashSet<String>,
}

/// Each expression a visit meets.
struct Each<'a>(&'a mut dyn FnMut(&py::Expr));

impl VisitMut for Each<'_> {
    fn expr(&mut self, e: &mut py::Expr) {
        (self.0)(e);
    }
}

/// Every expression of `block`, nested blocks included, with the bodies
/// of the functions, classes and lambdas it defines.
fn each_expr(block: &[py::Stmt], f: &mut dyn FnMut(&py::Expr)) {
    let mut bodies: Vec<Vec<py::Stmt>> = Vec::new();
    block_mut(
        &mut block.to_vec(),
        &mut Each(&mut |e: &py::Expr| {
            if let E::Lambda { code, .. } = &e.kind {
                bodies.push(code.body.clone());
            }
            f(e);
        }),
    );
    py::walk(block, &mut |s| {
        if let P::Def { code, .. } | P::Class { code, .. } = &s.kind {
            bodies.push(code.body.clone());
        }
    });
    for b in bodies {
        each_expr(&b, f);
    }
}

/// How many items a comprehension's only clause goes over, when its text
/// says: a list or tuple of literals, or `range(n)`.
fn known_len(iter: &py::Expr) -> Option<u32> {
    match &iter.kind {
        E::List(items) | E::Tuple(items) => u32::try_from(items.len()).ok(),
        E::Call(f, args) => match (&f.kind, args.as_slice()) {
            (E::Name(Name::Global(n)), [Arg::Positional(x)]) if &**n == "range" => match &x.kind {
                E::Literal(Literal::Int(n)) => u32::try_from((*n).max(0)).ok(),
                _ => None,
            },
            _ => None,
        },
        _ => None,
    }
}

/// The name a statement binds, and whether it binds a task it creates.
type Bound = (String, bool);

/// What the scan knows as it goes: the variables bound to the tasks
/// created so far, and the TaskGroups entered.
#[derive(Default)]
struct Known {
    tasks: HashSet<String>,
    groups: HashSet<String>,
}

impl Known {
    /// Whether `f` is the `create_task` of a group entered.
    fn group_spawn(&self, f: &py::Expr) -> bool {
        matches!(&f.kind, E::Attr(g, m) if &**m == "create_task"
            && matches!(&g.kind, E::Name(n) if self.groups.contains(&**n.ident())))
    }
}

/// A task a statement creates, in order.
enum Made<'a> {
    /// `asyncio.create_task(call)`, with the name given as a literal.
    Task(&'a py::Expr, Option<String>),
    /// `count` tasks of a comprehension.
    Many(u32),
}

impl Planner<'_> {
    /// The name of the creating function or method `f` is, if any:
    /// `wait` and `wait_for` create tasks as asyncio's functions only (an
    /// event's or a condition's methods do not).
    fn creating(&self, f: &py::Expr) -> Option<&'static str> {
        let name = match (&f.kind, self.member(f)) {
            (_, Some((Module::Asyncio, m))) => m,
            (E::Attr(_, m), _) if !matches!(&**m, "wait" | "wait_for") => &**m,
            _ => return None,
        };
        CREATING.iter().find(|c| **c == name).copied()
    }

    /// Whether `e` names what creates tasks (called or not: a callback
    /// may call it later).
    fn creates(&self, e: &py::Expr) -> bool {
        matches!(&e.kind, E::Attr(..) | E::Name(_)) && self.creating(e).is_some()
    }

    /// How many times `block` names what creates tasks.
    fn creations(&self, block: &[py::Stmt]) -> usize {
        let mut n = 0;
        each_expr(block, &mut |x| n += usize::from(self.creates(x)));
        n
    }

    /// Whether `e` is a call of one of the program's coroutines.
    fn calls_coroutine(&self, e: &py::Expr) -> bool {
        matches!(&e.kind, E::Call(f, _) if matches!(&f.kind, E::Name(Name::Global(n))
            if self.defs.get(&**n).is_some_and(|d| d.kind == Some(super::FunctionKind::Coroutine))))
    }

    /// The tasks `e` creates, in the order it creates them; `None` when
    /// the order or the number is not known from the text.
    fn made<'a>(&self, e: &'a py::Expr, known: &Known, out: &mut Vec<Made<'a>>) -> bool {
        let inside = self.creations(&[py::Stmt {
            id: Default::default(),
            span: e.span.clone(),
            kind: P::Expr(e.clone()),
        }]);
        if inside == 0 {
            return true;
        }
        match &e.kind {
            E::Await(x) => self.made(x, known, out),
            E::Call(f, args) if self.creating(f).is_some() => {
                if inside != 1 {
                    return false;
                }
                if self.is_member(f, Module::Asyncio, "create_task") || known.group_spawn(f) {
                    match args.as_slice() {
                        [Arg::Positional(c)] => out.push(Made::Task(c, None)),
                        [Arg::Positional(c), Arg::Keyword(k, n)] if &**k == "name" => {
                            match &n.kind {
                                E::Literal(Literal::Str(s)) => {
                                    out.push(Made::Task(c, Some(s.to_string())));
                                }
                                // A name made as the program runs: counted, not known.
                                _ => out.push(Made::Many(1)),
                            }
                        }
                        _ => return false,
                    }
                    return true;
                }
                if !self.is_member(f, Module::Asyncio, "gather") {
                    return false;
                }
                for a in args {
                    match a {
                        Arg::Positional(x) if self.calls_coroutine(x) => {
                            out.push(Made::Task(x, None));
                        }
                        Arg::Positional(x) if matches!(&x.kind, E::Name(n) if known.tasks.contains(&**n.ident())) =>
                            {}
                        Arg::Keyword(k, x)
                            if &**k == "return_exceptions"
                                && matches!(&x.kind, E::Literal(Literal::Bool(_))) => {}
                        _ => return false,
                    }
                }
                true
            }
            E::Call(f, args) => {
                self.made(f, known, out)
                    && args.iter().all(|a| match a {
                        Arg::Positional(x) | Arg::Keyword(_, x) => self.made(x, known, out),
                        _ => false,
                    })
            }
            E::List(items) | E::Tuple(items) => items.iter().all(|x| self.made(x, known, out)),
            E::Comprehension(c) => {
                let ([g], E::Call(f, args)) = (c.generators.as_slice(), &c.element.kind) else {
                    return false;
                };
                let one = inside == 1
                    && g.ifs.is_empty()
                    && !g.is_async
                    && self.is_member(f, Module::Asyncio, "create_task")
                    && matches!(args.as_slice(), [Arg::Positional(_)]);
                match known_len(&g.iter).filter(|_| one) {
                    Some(n) => {
                        out.push(Made::Many(n));
                        true
                    }
                    None => false,
                }
            }
            _ => false,
        }
    }

    /// The statement `s` of the entry coroutine's block: the tasks it
    /// creates, and the name it binds (with whether it binds a task it
    /// creates); `None` when not known.
    fn stmt_made<'a>(
        &self,
        s: &'a py::Stmt,
        known: &Known,
    ) -> Option<(Vec<Made<'a>>, Option<Bound>)> {
        let mut out = Vec::new();
        let (value, bound) = match &s.kind {
            P::Expr(e) | P::Return(Some(e)) => (e, None),
            P::Assign { targets, value } => {
                let task = matches!(&value.kind, E::Call(f, _)
                    if self.is_member(f, Module::Asyncio, "create_task") || known.group_spawn(f));
                let bound = match targets.as_slice() {
                    [py::Target::Name(n)] => Some((n.ident().to_string(), task)),
                    _ => None,
                };
                (value, bound)
            }
            P::AugAssign { value, .. } => (value, None),
            _ => {
                let inside = self.creations(std::slice::from_ref(s));
                return (inside == 0).then_some((out, None));
            }
        };
        self.made(value, known, &mut out).then_some((out, bound))
    }

    /// The statements of `block` in the order they run, the block of an
    /// `async with asyncio.TaskGroup() as name:` in its place (the group
    /// itself creates no task), with the names of those groups.
    fn group_bodies<'a>(
        &self,
        block: &'a [py::Stmt],
        groups: &mut HashSet<String>,
        out: &mut Vec<&'a py::Stmt>,
    ) {
        for s in block {
            if let P::With {
                is_async: true,
                item,
                body,
            } = &s.kind
                && self.is_task_group(&item.context)
                && let Some(py::Target::Name(n)) = &item.target
            {
                groups.insert(n.ident().to_string());
                self.group_bodies(body, groups, out);
            } else {
                out.push(s);
            }
        }
    }

    /// Finds the numbers of the tasks the entry coroutine creates, and
    /// the coroutines given their task's name (see the module's doc).
    pub(super) fn scan_task_numbers(&mut self) {
        let Some(entry) = self.entry_def() else {
            return;
        };
        let P::Def { code, .. } = &entry.kind else {
            return;
        };
        // Every creation of the program lies in the entry coroutine.
        let mut outside = false;
        let module = &self.program.module.body;
        each_expr(module, &mut |x| {
            outside |= self.creates(x) && !entry.span.contains(&x.span.start);
        });
        if outside {
            return;
        }
        let mut numbers = TaskNumbers::default();
        let mut next = 2;
        let mut known = Known::default();
        let mut stmts = Vec::new();
        self.group_bodies(&code.body, &mut known.groups, &mut stmts);
        for s in stmts {
            let Some((made, bound)) = self.stmt_made(s, &known) else {
                break;
            };
            if !made.is_empty() {
                numbers.first.insert(s.span.start, next);
            }
            for m in made {
                match m {
                    Made::Task(call, name) => {
                        let name = name.unwrap_or_else(|| format!("Task-{next}"));
                        numbers.names.insert(call.span.start, name);
                        next += 1;
                    }
                    Made::Many(n) => next += n,
                }
            }
            let tasks = &mut known.tasks;
            match bound {
                Some((b, true)) => tasks.insert(b),
                Some((b, false)) => tasks.remove(&b),
                // What a compound statement binds is not followed.
                None => {
                    if !matches!(s.kind, P::Expr(_)) {
                        tasks.clear();
                    }
                    false
                }
            };
        }
        // A coroutine awaited by the entry coroutine runs in `Task-1`.
        each_expr(&code.body, &mut |x| {
            if let E::Await(c) = &x.kind
                && self.calls_coroutine(c)
            {
                numbers.names.insert(c.span.start, "Task-1".into());
            }
        });
        numbers.named = self.name_readers(&numbers.names);
        self.task_numbers = numbers;
    }

    /// The coroutines that read the name of their task and are called
    /// only where `names` knows it.
    fn name_readers(&self, names: &HashMap<usize, String>) -> HashSet<String> {
        let source = &self.program.source;
        let mut out = HashSet::new();
        for s in &self.program.module.body {
            let P::Def { code, name, .. } = &s.kind else {
                continue;
            };
            let name = &**name.ident();
            let text = &source[s.span.clone()];
            let nested = text.lines().skip(1).any(|l| {
                let l = l.trim_start();
                l.starts_with("def ") || l.starts_with("async def ") || l.contains("lambda")
            });
            if !code.is_async
                || code.is_generator
                || nested
                || !text.contains("current_task")
                || code.locals.iter().any(|l| &**l == TASK_NAME)
                || self.cancellable.contains(name)
            {
                continue;
            }
            let mut calls = 0;
            each_expr(&self.program.module.body, &mut |x| {
                if let E::Call(f, _) = &x.kind
                    && matches!(&f.kind, E::Name(Name::Global(n)) if &**n == name)
                    && names.contains_key(&x.span.start)
                {
                    calls += 1;
                }
            });
            if calls > 0 && calls + 1 == mentions(source, name) {
                out.insert(name.to_string());
            }
        }
        out
    }

    /// The number of the first task the statement starting at `at`
    /// creates, when known (see the module's doc).
    pub(super) fn counted_task_number(&self, at: usize) -> Option<u32> {
        self.task_numbers.first.get(&at).copied()
    }

    /// Whether the coroutine `name` takes the name of its task.
    pub(super) fn takes_task_name(&self, name: &str) -> bool {
        self.task_numbers.named.contains(name)
    }

    /// The name of the task the call of `callee` at `span` runs in, as
    /// its last argument, if `callee` takes it.
    pub(super) fn task_name_arg(
        &self,
        callee: &str,
        span: &std::ops::Range<usize>,
    ) -> Result<Option<Expr>> {
        if !self.takes_task_name(callee) {
            return Ok(None);
        }
        match self.task_numbers.names.get(&span.start) {
            Some(name) => Ok(Some(Expr {
                kind: ExprKind::Lit(Value::Str(name.as_str().into())),
                span: span.clone(),
            })),
            None => refuse(
                span,
                format!("this call of `{callee}`, which reads the name of its task"),
                "Tokio's tasks have no names: the Rust listing passes the name asyncio gives \
                 the task to a coroutine the entry coroutine spawns, gathers or awaits",
            ),
        }
    }

    /// The coroutine of the program whose definition holds `at`, if it
    /// takes the name of its task.
    pub(super) fn task_name_reader(&self, at: usize) -> bool {
        self.program.module.body.iter().any(|s| {
            matches!(&s.kind, P::Def { name, .. } if self.takes_task_name(name.ident()))
                && s.span.contains(&at)
        })
    }
}

/// Puts first in the body of a coroutine given the name of its task the
/// note that says where the name comes from.
pub(super) fn note_task_name(body: &mut Vec<crate::render::plan::ir::ast::Stmt>) {
    use crate::render::plan::ir::ast::{Stmt, StmtKind};
    let Some(first) = body.first() else {
        return;
    };
    let note = Stmt {
        id: first.id,
        span: first.span.clone(),
        kind: StmtKind::Note(format!(
            "Tokio's tasks have no names: each call passes `{TASK_NAME}`, the name asyncio \
             gives the task it runs in."
        )),
    };
    body.insert(0, note);
}
