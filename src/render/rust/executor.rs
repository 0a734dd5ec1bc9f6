//! Executors: `with ThreadPoolExecutor(...) as pool:`, and the jobs run on
//! a pool or on the default executor.
//!
//! A job of a plain function runs under `spawn_blocking`. A job whose
//! function waits with `time.sleep` is a stand-in coroutine on Tokio's
//! clock (see `plan::jobs`), spawned as a task; `max_workers` is a
//! semaphore whose permits its jobs wait for, in the order they came.
//! Where the `with` block leaves jobs running, the pool is a
//! `TaskTracker`: leaving the block waits for them, as the pool's
//! `shutdown(wait=True)` does.

use super::Renderer;
use super::analysis::stmt_exprs;
use super::code::Code;
use super::expr_walk::each_expr;
use super::types::Ty;
use crate::render::plan::ir::ast::{Block, Call, FunctionKind, StmtKind, walk};
use crate::render::plan::ir::expr::{Expr, ExprKind};

/// `on_worker`: a job that waits for a free worker of its pool first.
const ON_WORKER: &[&str] = &[
    "/// Runs `job` once one of the pool's workers is free (a permit of `workers`).",
    "async fn on_worker<T>(workers: Arc<Semaphore>, job: impl Future<Output = T>) -> T {",
    "    let _worker = workers.acquire_owned().await.unwrap();",
    "    job.await",
    "}",
];

/// The helpers the listing's lines call.
pub(super) fn helpers(calls: &impl Fn(&str) -> bool) -> Vec<&'static str> {
    let mut out = Vec::new();
    if calls("on_worker(") {
        out.extend_from_slice(ON_WORKER);
        out.push("");
    }
    out
}

/// Whether `block` leaves a job of `pool` unawaited: a job kept in a
/// variable it never awaits.
fn leaves_jobs(block: &Block) -> bool {
    let mut jobs = Vec::new();
    let mut joined = Vec::new();
    walk(block, &mut |s| {
        match &s.kind {
            StmtKind::Submit { into, .. } => jobs.push(into.clone()),
            StmtKind::Join { target, .. } => joined.push(target.clone()),
            StmtKind::Set { var, value } => {
                each_expr(value, &mut |x: &Expr| {
                    if matches!(x.kind, ExprKind::Job(..)) && !jobs.contains(var) {
                        jobs.push(var.clone());
                    }
                });
            }
            _ => {}
        }
        for (e, _) in stmt_exprs(s) {
            each_expr(e, &mut |x: &Expr| match &x.kind {
                ExprKind::Join(t) => joined.push(t.clone()),
                ExprKind::GatherAll(list) => {
                    let mut read = Vec::new();
                    list.variables(&mut read);
                    joined.extend(read.into_iter().map(|(v, _)| v));
                }
                _ => {}
            });
        }
    });
    jobs.iter().any(|j| !joined.contains(j))
}

impl Renderer<'_> {
    /// Whether `call` runs a stand-in coroutine (see [`plan::jobs`]).
    ///
    /// [`plan::jobs`]: crate::render::plan
    fn on_the_clock(&self, call: &Call) -> bool {
        self.demo
            .function(&call.name)
            .is_some_and(|f| f.kind == FunctionKind::Coroutine)
    }

    /// Whether the pool `block` runs on waits for its jobs itself.
    fn tracked(&self, block: &Block) -> bool {
        leaves_jobs(block) || super::pool_map::maps_jobs(block)
    }

    /// Whether a job of `block` is a stand-in coroutine.
    fn clocked(&self, block: &Block) -> bool {
        let mut found = false;
        walk(block, &mut |s| {
            if let StmtKind::Submit { call, .. } | StmtKind::RunBlocking { call, .. } = &s.kind {
                found |= self.on_the_clock(call);
            }
            for (e, _) in stmt_exprs(s) {
                each_expr(e, &mut |x: &Expr| {
                    if let ExprKind::Job(call, _) = &x.kind {
                        found |= self.on_the_clock(call);
                    }
                });
            }
        });
        found
    }

    /// Whether the function `name` runs as an executor's job.
    pub(super) fn runs_as_job(&self, name: &str) -> bool {
        let mut job = false;
        for f in &self.demo.functions {
            walk(&f.body, &mut |s| {
                if let StmtKind::Submit { call, .. } | StmtKind::RunBlocking { call, .. } = &s.kind
                {
                    job |= call.name == name;
                }
                for (e, _) in stmt_exprs(s) {
                    each_expr(e, &mut |x: &Expr| {
                        job |= matches!(&x.kind, ExprKind::Job(call, _) if call.name == name);
                    });
                }
            });
        }
        job
    }

    /// Before a stand-in coroutine's `async fn`: what it stands for.
    pub(super) fn job_note(&mut self, name: &str) {
        let job = self.runs_as_job(name);
        let sleeps = self.demo.function(name).is_some_and(|f| {
            let mut found = false;
            walk(&f.body, &mut |s| {
                found |= matches!(s.kind, StmtKind::Sleep(_))
            });
            found
        });
        let spawns = self.demo.function(name).is_some_and(|f| {
            let mut found = false;
            walk(&f.body, &mut |s| {
                found |= matches!(s.kind, StmtKind::Spawn { .. })
            });
            found
        });
        if job && !sleeps && !spawns {
            self.line(
                "/// A job that waits for a future the event loop resolves, as a task that awaits",
            );
            self.line("/// it: a thread blocked on it would keep the paused clock still.");
        } else if job && !sleeps {
            self.line(
                "/// A job that waits for coroutines it runs on the event loop, as a task that",
            );
            self.line(
                "/// awaits them: a thread blocked on them would keep the paused clock still.",
            );
        } else if job {
            self.line(
                "/// A blocking job, as a task: its `time.sleep` is Tokio's `sleep`, so that the",
            );
            self.line(
                "/// paused clock counts it. A job that really blocks (`std::thread::sleep`, file",
            );
            self.line("/// or CPU work) runs under `spawn_blocking`, off the runtime's threads.");
        }
    }

    /// `with ThreadPoolExecutor(max_workers=workers) as name: body`.
    pub(super) fn pool(&mut self, process: bool, name: &str, workers: Option<&Expr>, body: &Block) {
        if process {
            self.line("// No process pool: Rust has no GIL, so threads compute in parallel.");
        }
        let tracked = self.tracked(body);
        let clocked = self.clocked(body);
        if !clocked {
            self.line("// Tokio's blocking pool runs each job on a thread of its own.");
        }
        if tracked {
            self.use_("tokio_util::task", "TaskTracker");
            self.line("// The pool's jobs: leaving the block waits for them all.");
            self.line(format!("let {name} = TaskTracker::new();"));
        }
        match workers {
            Some(n) if clocked => {
                let n = self.expr(n);
                self.use_("std::sync", "Arc");
                self.use_("tokio::sync", "Semaphore");
                self.line("// `max_workers`: a job starts once it holds one of the permits.");
                self.line(format!(
                    "let {} = Arc::new(Semaphore::new({}));",
                    workers_name(name),
                    n.text
                ));
                self.pool_workers.push(name.to_string());
            }
            _ => {}
        }
        if tracked {
            self.tracked_pools.push(name.to_string());
        }
        self.body(body, false);
        self.pool_workers.retain(|p| p != name);
        self.tracked_pools.retain(|p| p != name);
        if tracked {
            self.line("// Leaving the `with` block shuts the pool down: it waits for its jobs.");
            self.line(format!("{name}.close();"));
            self.line(format!("{name}.wait().await;"));
        }
    }

    /// A job's handle inside an expression.
    pub(super) fn job_expr(&mut self, call: &Call, pool: Option<&str>) -> Code {
        let ret = self.types.ret_of(&call.name);
        let mut c = Code::new(self.job(call, pool), Ty::Task(Box::new(ret)), 10);
        c.fresh = true;
        c
    }

    /// The task that runs `call` on `pool` (`None`: the default executor).
    pub(super) fn job(&mut self, call: &Call, pool: Option<&str>) -> String {
        let tracker = pool.filter(|p| self.tracked_pools.iter().any(|t| t == p));
        if !self.on_the_clock(call) {
            let job = self.blocking_job(call);
            return match tracker {
                Some(p) => format!("{p}.{job}"),
                None => job,
            };
        }
        let mut job = self.call(call);
        if self.submitting
            && let Some(p) = pool.filter(|p| self.pool_workers.iter().any(|w| w == p))
            && let Some(t) = tracker
        {
            return format!("submit(&{t}, &{}, {job})", workers_name(p));
        }
        if let Some(p) = pool.filter(|p| self.pool_workers.iter().any(|w| w == p)) {
            job = format!("on_worker(Arc::clone(&{}), {job})", workers_name(p));
        }
        match tracker {
            Some(p) => format!("{p}.spawn({job})"),
            None => format!("tokio::spawn({job})"),
        }
    }
}

/// The semaphore of the pool `name`'s workers.
fn workers_name(name: &str) -> String {
    format!("{}_workers", name.trim_start_matches("r#"))
}
