//! `pool.map(f, xs)` (see `plan::pool_map`): each job handed to the pool
//! with `submit`, which an idle worker takes at once and a busy pool
//! queues, and the jobs a `MapJobs` stream reads in order. Dropped before
//! its end (an exception, a timeout) the stream cancels the jobs no worker
//! has taken, as dropping Python's iterator does. A `for` over it is a
//! `while let` over the stream's items, `list(...)` its `collect` (or
//! `try_collect`, which stops at the first `Err`), and `timeout=` a
//! `timeout` around the whole read whose `Elapsed` is the `TimeoutError`
//! an `except` takes.

use super::Renderer;
use super::analysis::stmt_exprs;
use super::code::Code;
use super::expr_walk::each_expr;
use super::types::Ty;
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{Block, Demo, FunctionKind, StmtKind, walk};
use crate::render::plan::ir::expr::{Builtin, Expr, ExprKind, Part, map_call};
use crate::render::plan::ir::value::Value;
use std::collections::HashMap;
use std::ops::Range;

/// `submit`: a job handed to a pool, and its handle.
const SUBMIT: &[&str] = &[
    "/// A job handed to a pool: its task, and whether a worker has taken it (or",
    "/// a cancel came first, and then it never runs).",
    "struct PoolJob<T> {",
    "    task: JoinHandle<Option<T>>,",
    "    taken: Arc<AtomicBool>,",
    "}",
    "",
    "/// Hands `job` to `pool`: an idle worker (a permit of `workers`) takes it at",
    "/// once; otherwise it waits for one to free up, unless cancelled by then.",
    "fn submit<T: Send + 'static>(",
    "    pool: &TaskTracker,",
    "    workers: &Arc<Semaphore>,",
    "    job: impl Future<Output = T> + Send + 'static,",
    ") -> PoolJob<T> {",
    "    let idle = Arc::clone(workers).try_acquire_owned().ok();",
    "    let taken = Arc::new(AtomicBool::new(idle.is_some()));",
    "    let (workers, claim) = (Arc::clone(workers), Arc::clone(&taken));",
    "    let task = pool.spawn(async move {",
    "        let _worker = match idle {",
    "            Some(worker) => worker,",
    "            None => {",
    "                let worker = workers.acquire_owned().await.unwrap();",
    "                // A worker that frees up takes the next job on the loop's next turn.",
    "                yield_now().await;",
    "                if claim.swap(true, Ordering::Relaxed) {",
    "                    return None;",
    "                }",
    "                worker",
    "            }",
    "        };",
    "        Some(job.await)",
    "    });",
    "    PoolJob { task, taken }",
    "}",
];

/// `MapJobs`: the jobs of `pool.map`, read in order.
const MAP_JOBS: &[&str] = &[
    "/// The jobs `pool.map` hands its pool, read in order. Dropped before its",
    "/// end (an exception, a timeout), it cancels those no worker has taken, as",
    "/// Python's `map` does.",
    "struct MapJobs<T>(VecDeque<PoolJob<T>>);",
    "",
    "impl<T> FromIterator<PoolJob<T>> for MapJobs<T> {",
    "    fn from_iter<I: IntoIterator<Item = PoolJob<T>>>(jobs: I) -> Self {",
    "        MapJobs(jobs.into_iter().collect())",
    "    }",
    "}",
    "",
    "impl<T> Stream for MapJobs<T> {",
    "    type Item = T;",
    "",
    "    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<T>> {",
    "        let Some(job) = self.0.front_mut() else {",
    "            return Poll::Ready(None);",
    "        };",
    "        // A job of the stream is cancelled only once the stream is dropped.",
    "        let out = ready!(Pin::new(&mut job.task).poll(cx)).unwrap();",
    "        self.0.pop_front();",
    "        Poll::Ready(out)",
    "    }",
    "}",
    "",
    "impl<T> Drop for MapJobs<T> {",
    "    fn drop(&mut self) {",
    "        for job in &self.0 {",
    "            job.taken.store(true, Ordering::Relaxed);",
    "        }",
    "    }",
    "}",
];

/// The helpers the listing's lines call.
pub(super) fn helpers(calls: &impl Fn(&str) -> bool) -> Vec<&'static str> {
    let mut out = Vec::new();
    if calls("submit(") {
        out.extend_from_slice(SUBMIT);
        out.push("");
    }
    if calls("MapJobs<_>") {
        out.extend_from_slice(MAP_JOBS);
        out.push("");
    }
    out
}

/// Each `pool.map` of `demo` the listing cannot write: one read otherwise
/// than whole by a `for` or `list(...)`, or with a `timeout=` no `except
/// TimeoutError` takes; of a function that does not wait with
/// `time.sleep`; on a pool without `max_workers`; or outside a coroutine.
pub(super) fn misplaced_maps(
    demo: &Demo,
    checked: &HashMap<Range<usize>, &'static str>,
) -> Vec<Untranslatable> {
    let mut out = Vec::new();
    for f in &demo.functions {
        let mut placed = Vec::new();
        let mut maps = Vec::new();
        let mut workers = Vec::new();
        walk(&f.body, &mut |s| {
            if let StmtKind::For { over, .. } = &s.kind
                && matches!(over.kind, ExprKind::MapJobs(_, None))
            {
                placed.push((over.span.clone(), false));
            }
            if let StmtKind::Pool {
                name,
                workers: Some(n),
                body,
                ..
            } = &s.kind
                && let ExprKind::Lit(Value::Int(n)) = n.kind
            {
                workers.push((name.clone(), n, jobs_made(body)));
            }
            // `list(...)` whole, as a statement's value or a printed value:
            // its jobs are bound on a line before the statement's.
            match &s.kind {
                StmtKind::Set { var, value } => {
                    placed.extend(listed(value).filter(|(_, timed)| !timed || var == "_"));
                }
                StmtKind::Print(t) => {
                    for p in &t.parts {
                        if let Part::Hole(h) = p {
                            placed.extend(listed(h).filter(|(_, timed)| !timed));
                        }
                    }
                }
                _ => {}
            }
            for (e, _) in stmt_exprs(s) {
                each_expr(e, &mut |x: &Expr| {
                    if let ExprKind::MapJobs(jobs, timeout) = &x.kind {
                        maps.push((x, jobs, timeout.is_some()));
                    }
                });
            }
        });
        for (m, jobs, timed) in maps {
            let Some(call) = map_call(jobs) else {
                continue;
            };
            let pool = match &jobs.kind {
                ExprKind::Comp { value, .. } => match &value.kind {
                    ExprKind::Job(_, pool) => pool.clone(),
                    _ => None,
                },
                _ => None,
            };
            let clocked = demo
                .function(&call.name)
                .is_some_and(|j| j.kind == FunctionKind::Coroutine);
            let reason = if f.kind != FunctionKind::Coroutine {
                "the Rust listing reads the results of `map` in a coroutine, which awaits them"
            } else if !placed.iter().any(|(span, _)| *span == m.span) {
                "the Rust listing reads the results of `map` whole where it is made: in a \
                 `for` head, or `list(...)` assigned or printed (with `timeout=`, a statement \
                 of its own)"
            } else if timed && !checked.contains_key(&m.span) {
                "the Rust listing gives the `TimeoutError` of `map`'s `timeout=` to an \
                 `except TimeoutError` around it"
            } else if !clocked {
                "the Rust listing runs `map`'s jobs as tasks where the function waits with \
                 `time.sleep` (Tokio's `sleep` on the paused clock)"
            } else if !pool.is_some_and(|p| {
                workers.iter().any(|(w, n, made)| {
                    *w == p && (*n == 1 || *made == 1 && items(jobs).is_some_and(|i| i <= *n))
                })
            }) {
                "while the event loop waits for one result, the virtual clock CPython's output \
                 is checked against starts no queued job, and prints what the other jobs \
                 print only when their results are read; the Rust listing's workers take the \
                 next job as they free up: give the pool `max_workers=1`, or as many workers \
                 as the literal list has items where `map` is the pool's only use"
            } else {
                continue;
            };
            out.push(Untranslatable {
                span: m.span.clone(),
                construct: "this `map`".into(),
                reason: reason.into(),
            });
        }
    }
    out
}

/// `vec![a, b].iter().copied()...` (or `.cloned()`) as `[a, b].into_iter()...`:
/// a literal list's items taken from an array, with no `Vec` made for them.
fn array_items(chain: &str) -> Option<String> {
    let rest = chain.strip_prefix("vec![")?;
    let end = rest.find(']')?;
    let (items, after) = rest.split_at(end);
    let after = &after[1..];
    let calls = after
        .strip_prefix(".iter().copied()")
        .or_else(|| after.strip_prefix(".iter().cloned()"))?;
    (!items.contains(['[', '('])).then(|| format!("[{items}].into_iter(){calls}"))
}

/// The span of the `map` that `list(...)` (`e`) reads whole, and whether
/// it has a `timeout=`.
fn listed(e: &Expr) -> Option<(Range<usize>, bool)> {
    match &e.kind {
        ExprKind::Call(Builtin::List, args) => match args.as_slice() {
            [m] => match &m.kind {
                ExprKind::MapJobs(_, timeout) => Some((m.span.clone(), timeout.is_some())),
                _ => None,
            },
            _ => None,
        },
        _ => None,
    }
}

/// How many expressions of `block` hand a pool jobs.
fn jobs_made(block: &Block) -> usize {
    let mut n = 0;
    walk(block, &mut |s| {
        n += usize::from(matches!(
            s.kind,
            StmtKind::Submit { .. } | StmtKind::RunBlocking { .. }
        ));
        for (e, _) in stmt_exprs(s) {
            // A `map` holds one job expression: its function's call.
            each_expr(e, &mut |x: &Expr| {
                n += usize::from(matches!(x.kind, ExprKind::Job(..)));
            });
        }
    });
    n
}

/// How many jobs `map` makes, where its lists are literals.
fn items(jobs: &Expr) -> Option<i64> {
    let ExprKind::Comp { over, .. } = &jobs.kind else {
        return None;
    };
    let len = |e: &Expr| match &e.kind {
        ExprKind::List(items) => Some(items.len() as i64),
        _ => None,
    };
    match &over.kind {
        ExprKind::Call(Builtin::Zip, lists) => lists.iter().map(len).min().flatten(),
        _ => len(over),
    }
}

/// Whether `block` hands jobs to a pool with `map`.
pub(super) fn maps_jobs(block: &Block) -> bool {
    let mut found = false;
    walk(block, &mut |s| {
        for (e, _) in stmt_exprs(s) {
            each_expr(e, &mut |x: &Expr| {
                found |= matches!(x.kind, ExprKind::MapJobs(..));
            });
        }
    });
    found
}

impl Renderer<'_> {
    /// `let {var}: MapJobs<_> = ...;`: `map`'s jobs, each handed to the pool.
    fn map_jobs_line(&mut self, var: &str, jobs: &Expr) {
        for (module, name) in [
            ("std::collections", "VecDeque"),
            ("std::pin", "Pin"),
            ("std::sync", "Arc"),
            ("std::sync::atomic", "AtomicBool"),
            ("std::sync::atomic", "Ordering"),
            ("std::task", "Context"),
            ("std::task", "Poll"),
            ("std::task", "ready"),
            ("tokio::sync", "Semaphore"),
            ("tokio::task", "JoinHandle"),
            ("tokio::task", "yield_now"),
            ("futures", "Stream"),
        ] {
            self.use_(module, name);
        }
        let outer = std::mem::replace(&mut self.submitting, true);
        let list = self.expr(jobs);
        self.submitting = outer;
        let chain = list
            .text
            .strip_suffix(".collect::<Vec<_>>()")
            .unwrap_or(&list.text)
            .to_string();
        let chain = array_items(&chain).unwrap_or(chain);
        let head = format!("let {var}: MapJobs<_> = ");
        self.chain_line(&head, &chain, &[".collect()".to_string()], ";");
    }

    /// `MapJobs` read where it is not in its place (refused, see
    /// [`misplaced_maps`]): a placeholder of its type.
    pub(super) fn map_jobs(&mut self, jobs: &Expr) -> Code {
        let ty = match map_call(jobs) {
            Some(call) => Ty::List(Box::new(self.types.ret_of(&call.name))),
            None => Ty::Unknown,
        };
        Code::new("MapJobs::default()", ty, 10)
    }

    /// `list(pool.map(...))`: every result, in order, the first exception
    /// raised at its item; with `timeout=`, within that many seconds. The
    /// jobs are bound first, on a line of their own.
    pub(super) fn listed_map(&mut self, args: &[Expr]) -> Option<Code> {
        let [m] = args else {
            return None;
        };
        let ExprKind::MapJobs(jobs, timeout) = &m.kind else {
            return None;
        };
        let call = map_call(jobs)?;
        let fallible = self.fallible.contains(&call.name);
        let ty = Ty::List(Box::new(self.types.ret_of(&call.name)));
        let var = self.fresh_map_var();
        // `timeout=` counts from the call, before the jobs are handed over.
        let deadline = timeout.as_ref().map(|t| {
            self.use_("tokio::time", "Instant");
            let d = self.duration(t);
            let deadline = format!("{var}_deadline");
            self.line(format!("let {deadline} = Instant::now() + {d};"));
            deadline
        });
        self.map_jobs_line(&var, jobs);
        let read = if fallible {
            self.use_("futures", "TryStreamExt");
            format!("{var}.try_collect::<Vec<_>>()")
        } else {
            self.use_("futures", "StreamExt");
            format!("{var}.collect::<Vec<_>>()")
        };
        let inner = if fallible { "?" } else { "" };
        let text = match deadline {
            Some(deadline) => {
                self.use_("tokio::time", "timeout_at");
                format!(
                    "timeout_at({deadline}, {read}).await.map_err(|_| \
                     Error::TimeoutError(String::new()))?{inner}"
                )
            }
            None => format!("{read}.await{inner}"),
        };
        let mut out = Code::new(text, ty, 10);
        out.fresh = true;
        Some(out)
    }

    /// `list(pool.map(...))` as a statement, which waits for the jobs: its
    /// read laid out as rustfmt lays out a chain.
    pub(super) fn waited_map(&mut self, value: &Expr) -> bool {
        let ExprKind::Call(Builtin::List, args) = &value.kind else {
            return false;
        };
        let Some(c) = self.listed_map(args) else {
            return false;
        };
        let (base, calls) = match c.text.split_once(").await") {
            Some((root, rest)) if c.text.starts_with("timeout_at(") => {
                let rest = rest.trim_start_matches('.');
                let (map_err, tail) = rest.split_at(rest.trim_end_matches('?').len());
                let calls = vec![".await".to_string(), format!(".{map_err}")];
                (format!("{root})"), (calls, format!("{tail};")))
            }
            _ => (c.text.clone(), (Vec::new(), ";".to_string())),
        };
        let (calls, tail) = calls;
        self.chain_line("", &base, &calls, &tail);
        true
    }

    /// A name for `map`'s jobs that the function does not use.
    fn fresh_map_var(&self) -> String {
        let mut var = "jobs".to_string();
        let mut n = 1;
        while self.declared.contains(&var) {
            n += 1;
            var = format!("jobs{n}");
        }
        var
    }

    /// `for var in pool.map(...): body`: a `while let` over the results.
    pub(super) fn map_loop(&mut self, var: &str, over: &Expr, body: &Block) -> bool {
        let ExprKind::MapJobs(jobs, None) = &over.kind else {
            return false;
        };
        let Some(call) = map_call(jobs) else {
            return false;
        };
        let fallible = self.fallible.contains(&call.name);
        let jobs_var = self.fresh_map_var();
        self.map_jobs_line(&format!("mut {jobs_var}"), jobs);
        if fallible {
            self.use_("futures", "TryStreamExt");
            self.line(format!(
                "while let Some({var}) = {jobs_var}.try_next().await? {{"
            ));
        } else {
            self.use_("futures", "StreamExt");
            self.line(format!(
                "while let Some({var}) = {jobs_var}.next().await {{"
            ));
        }
        self.nested(body);
        self.line("}");
        true
    }
}
