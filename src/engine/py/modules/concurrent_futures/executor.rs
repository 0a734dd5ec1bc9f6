//! Executors on the virtual clock: `concurrent.futures.ThreadPoolExecutor`
//! and `ProcessPoolExecutor`, `loop.run_in_executor` and
//! `asyncio.to_thread`, in the model `tests/support/virtual_clock.py` gives
//! CPython:
//!
//! * an executor of n workers runs at most n jobs at once; the others queue,
//!   first come first served;
//! * a job runs when it gets a worker: its function is called then, with a
//!   clock of its own that starts at the loop's time. `time.sleep(d)` in it
//!   adds d to that clock and blocks nothing else; what it prints is kept,
//!   stamped with that clock;
//! * the job's lane (a [`LaneKind::Worker`]) starts one round later, as a
//!   new task would, and sets a timer for each moment the job printed at
//!   (or handed the loop a callback at, `call_soon_threadsafe`) and for its
//!   end. When one is due, the next round prints that moment's lines and
//!   runs its callbacks, in the order the job made them; at the end it sets
//!   the job's future, which wakes its awaiter a round after that: the
//!   worker thread hands the result over with `call_soon_threadsafe`;
//! * a job that waits for the future `asyncio.run_coroutine_threadsafe`
//!   gave stops there ([`job`](super::job) runs its function on a stack of
//!   its own): its lane delivers that moment as it would its end, then
//!   waits while the loop runs, until the future is done or the timeout
//!   has passed on the loop's clock; the job goes on from there, its clock
//!   the loop's, and what it does next is delivered the same way.
//!
//! Jobs run in the program's own thread and process: a process pool's job
//! sees the program's globals, as a thread's would.

use super::job::{Block, JobRun, Step, Suspend};
use super::{Pool, PoolKind, default_workers};
use crate::engine::events::{EventKind, LaneId, LaneKind};
use crate::engine::py::modules::asyncio::tasks;
use crate::engine::py::modules::asyncio::tasks::{FutureObj, Settled};
use crate::engine::py::types::exc::{self, PyResult, Unwind, error, type_error};
use crate::engine::py::types::native::{Args, downcast};
use crate::engine::py::types::value::Value;
use crate::engine::py::vm::interp::{Frame, Interp};
use crate::engine::py::vm::label;
use crate::engine::runtime::{LaneLabel, Probe};
use crate::program::StmtId;
use std::cell::RefCell;
use std::rc::Rc;

/// The executors' state of one run.
#[derive(Default)]
pub struct Executors {
    /// The job whose function is running now.
    pub(super) job: RefCell<Option<Job>>,
    /// The loop's default executor, made on first use.
    default: RefCell<Option<Rc<Pool>>>,
}

/// The clock of the job running now, what it printed and the callbacks it
/// handed the loop.
pub(super) struct Job {
    clock: f64,
    lines: Vec<(f64, Item)>,
    /// A job run where no loop runs: it prints as it goes.
    immediate: bool,
    /// How its function hands control back to the loop (a job the loop
    /// runs).
    pub(super) suspend: Option<Suspend>,
}

/// A callback a job hands the loop, run when its moment is delivered.
pub(in crate::engine::py) type HandOver = Box<dyn FnOnce(&Rc<Interp>)>;

/// What a job hands the loop at a moment.
pub(in crate::engine::py) enum Item {
    /// A printed line.
    Line(String, StmtId),
    /// A callback (`call_soon_threadsafe`), run when the moment is
    /// delivered.
    Call(HandOver),
}

impl Interp {
    /// Whether a job's function is running (outside the event loop).
    pub fn in_job(&self) -> bool {
        self.executors.job.borrow().is_some()
    }

    /// The clock `time.perf_counter()` reads: the job's inside a job.
    pub fn clock_now(&self) -> f64 {
        match &*self.executors.job.borrow() {
            Some(job) => job.clock,
            None => self.vclock.get(),
        }
    }

    /// `time.sleep(d)` inside a job costs the job `d`; `false` outside one.
    pub fn job_sleep(&self, d: f64) -> PyResult<bool> {
        let mut job = self.executors.job.borrow_mut();
        let Some(job) = job.as_mut() else {
            return Ok(false);
        };
        if job.clock + d > self.shared.limits.max_virtual.as_secs_f64() {
            return Err(exc::limit(format!(
                "time.sleep({}) in a worker would pass the run's {} s of virtual time (limit: virtual duration)",
                Value::Float(d).repr(),
                self.shared.limits.max_virtual.as_secs()
            )));
        }
        job.clock += d;
        Ok(true)
    }

    /// A line printed inside a job is kept until the loop's clock reaches
    /// the job's; `false` outside a job.
    pub fn job_print(&self, f: &Frame, text: &str) -> bool {
        let mut job = self.executors.job.borrow_mut();
        let Some(job) = job.as_mut().filter(|j| !j.immediate) else {
            return false;
        };
        let clock = job.clock;
        job.lines.extend(
            text.split('\n')
                .map(|line| (clock, Item::Line(line.to_string(), f.stmt.get()))),
        );
        true
    }

    /// A callback a job hands the loop (`call_soon_threadsafe`) is kept
    /// with the job's time, to run when the loop reaches it; `Err` (the
    /// callback back) outside a job the loop runs.
    pub(in crate::engine::py) fn job_hand_over(&self, call: HandOver) -> Result<(), HandOver> {
        let mut job = self.executors.job.borrow_mut();
        match job.as_mut().filter(|j| !j.immediate) {
            Some(job) => {
                job.lines.push((job.clock, Item::Call(call)));
                Ok(())
            }
            None => Err(call),
        }
    }

    /// Calls a job's function at once, to its end: inside the job running
    /// now if one is, else (no loop runs) on a clock of its own, whose
    /// `time.sleep` waits for nothing, printing as it goes.
    pub(in crate::engine::py) fn run_job_now(
        &self,
        cx: &Frame,
        func: &Value,
        args: Args,
    ) -> PyResult<Value> {
        if self.in_job() {
            return self.call(cx, func, args);
        }
        let outer = self.executors.job.replace(Some(Job {
            clock: self.clock_now(),
            lines: Vec::new(),
            immediate: true,
            suspend: None,
        }));
        let r = self.call(cx, func, args);
        self.executors.job.replace(outer);
        r
    }

    /// `loop.run_in_executor(executor, func, *args)`.
    pub fn run_in_executor(&self, cx: &Frame, mut args: Args) -> PyResult<Value> {
        if let Some((k, _)) = args.kw.first() {
            return Err(type_error(format!(
                "BaseEventLoop.run_in_executor() got an unexpected keyword argument '{k}'"
            )));
        }
        if args.pos.len() < 2 {
            let missing = if args.pos.is_empty() {
                "2 required positional arguments: 'executor' and 'func'"
            } else {
                "1 required positional argument: 'func'"
            };
            return Err(type_error(format!(
                "BaseEventLoop.run_in_executor() missing {missing}"
            )));
        }
        let executor = args.pos.remove(0);
        let func = args.pos.remove(0);
        let pool = match &executor {
            Value::None => self.default_executor(),
            other => downcast::<Pool>(other).ok_or_else(|| {
                error(
                    "AttributeError",
                    format!("'{}' object has no attribute 'submit'", other.type_name()),
                )
            })?,
        };
        self.submit(cx, &pool, func, Args::positional(args.pos))
    }

    pub(super) fn default_executor(&self) -> Rc<Pool> {
        self.executors
            .default
            .borrow_mut()
            .get_or_insert_with(|| Pool::new(PoolKind::Thread, default_workers(PoolKind::Thread)))
            .clone()
    }

    /// Queues a job and starts what the idle workers can take.
    pub(super) fn submit(
        &self,
        cx: &Frame,
        pool: &Rc<Pool>,
        func: Value,
        args: Args,
    ) -> PyResult<Value> {
        if pool.shut.get() {
            return Err(error(
                "RuntimeError",
                "cannot schedule new futures after shutdown",
            ));
        }
        let name = function_name(&func);
        let future_value = tasks::new_future(&name);
        let future = downcast::<FutureObj>(&future_value).expect("a future");
        let parent = (!Rc::ptr_eq(&cx.task(), &self.module_task)).then(|| cx.lane.get());
        pool.queue.borrow_mut().push_back(Queued {
            future,
            func,
            args,
            name,
            parent,
            stmt: cx.stmt.get(),
            at: self.vclock.get(),
        });
        self.start_jobs(pool)?;
        Ok(future_value)
    }

    /// Starts queued jobs on the idle workers (dropping those whose future
    /// was cancelled while they queued).
    fn start_jobs(&self, pool: &Rc<Pool>) -> PyResult<()> {
        loop {
            let next_cancelled = pool
                .queue
                .borrow()
                .front()
                .is_some_and(|q| q.future.completion.done());
            if next_cancelled {
                pool.queue.borrow_mut().pop_front();
                continue;
            }
            let Some(slot) = pool.workers.borrow().iter().position(Option::is_none) else {
                return Ok(());
            };
            let Some(job) = pool.queue.borrow_mut().pop_front() else {
                return Ok(());
            };
            self.start_job(pool, slot, self.vclock.get(), job)?;
        }
    }

    /// Runs a job's function on worker `slot` from `start`, then starts its
    /// lane.
    pub(super) fn start_job(
        &self,
        pool: &Rc<Pool>,
        slot: usize,
        start: f64,
        q: Queued,
    ) -> PyResult<()> {
        let lane = self
            .shared
            .new_lane(
                LaneLabel {
                    kind: match pool.kind {
                        PoolKind::Thread => LaneKind::Worker,
                        PoolKind::Process => LaneKind::Process,
                    },
                    call: &label::job_label(&q.name, &q.args),
                    name: &q.name,
                    named: false,
                },
                q.parent,
                Some(q.stmt),
            )
            .map_err(|_| Unwind::Abort)?;
        q.future.lane.set(Some(lane));
        let frame = self.root_frame(self.module_task.clone(), lane);
        frame.stmt.set(q.stmt);
        let job = Job {
            clock: start,
            lines: Vec::new(),
            immediate: false,
            suspend: None,
        };
        let mut run = JobRun::new(&self.rc(), frame, q.func, q.args, job)?;
        let step = run.step(self);
        let id = pool.next_id.get() + 1;
        pool.next_id.set(id);
        let (end, moments) = self.segment(pool, slot, id, lane, &q.future, run, step)?;
        let ix = self.rc();
        let body = async move { ix.job_lane(lane, moments, end).await };
        drop(tokio::task::spawn_local(Probe::new(
            self.shared.clone(),
            lane,
            body,
        )));
        Ok(())
    }

    /// What a job did until it ended or blocked: its moments (what it
    /// printed and handed over, by time, then its end), kept as the
    /// worker's, and what its lane does after them.
    #[allow(clippy::too_many_arguments)]
    fn segment(
        &self,
        pool: &Rc<Pool>,
        slot: usize,
        id: u64,
        lane: LaneId,
        future: &Rc<FutureObj>,
        mut run: JobRun,
        step: Step,
    ) -> PyResult<(JobEnd, Rc<RefCell<Vec<Moment>>>)> {
        let job = run.job.as_mut().expect("the job's state");
        let clock = job.clock;
        let lines = std::mem::take(&mut job.lines);
        let state = match step {
            Step::Ended(r) => End::Settled(match r {
                Ok(v) => Settled::Value(v),
                Err(Unwind::Exc(e)) => Settled::Raised(e),
                Err(Unwind::Limit(reason)) => return Err(self.abort(reason)),
                Err(Unwind::Abort) => return Err(Unwind::Abort),
            }),
            Step::Blocked(block) => End::Blocked(block, Box::new(run)),
        };
        // The moments it printed at, in order, then its end.
        let mut moments: Vec<Moment> = Vec::new();
        for (at, item) in lines {
            match moments.last_mut() {
                Some(m) if m.at == at => m.lines.push(item),
                _ => moments.push(Moment {
                    at,
                    lines: vec![item],
                }),
            }
        }
        if moments.last().is_none_or(|m| m.at < clock) {
            moments.push(Moment {
                at: clock,
                lines: Vec::new(),
            });
        }
        let moments = Rc::new(RefCell::new(moments));
        pool.workers.borrow_mut()[slot] = Some(Busy {
            id,
            end: clock,
            lane,
            moments: moments.clone(),
            future: future.clone(),
            outcome: match &state {
                End::Settled(s) => Some(s.clone()),
                End::Blocked(..) => None,
            },
        });
        let end = JobEnd {
            pool: pool.clone(),
            slot,
            id,
            future: future.clone(),
            state,
        };
        Ok((end, moments))
    }

    /// A job's lane: delivers its moments, then hands on its result; or,
    /// where it blocked, waits and runs it on.
    async fn job_lane(&self, lane: LaneId, moments: Rc<RefCell<Vec<Moment>>>, end: JobEnd) {
        let (mut moments, mut end) = (moments, end);
        loop {
            self.deliver(lane, &moments).await;
            let (block, mut run) = match end.state {
                End::Settled(settled) => {
                    self.end_job(lane, end.pool, end.slot, end.id, end.future, settled);
                    return;
                }
                End::Blocked(block, run) => (block, run),
            };
            if block.future.completion.done() {
                // The job goes on at once, its moments a round later.
                self.quiet_round().await;
            } else {
                self.wait_block(&block, run.job.as_ref().map_or(0.0, |j| j.clock))
                    .await;
            }
            if let Some(job) = run.job.as_mut() {
                job.clock = job.clock.max(self.vclock.get());
            }
            let step = run.step(self);
            match self.segment(&end.pool, end.slot, end.id, lane, &end.future, *run, step) {
                Ok((next, next_moments)) => (end, moments) = (next, next_moments),
                // The run has ended with the limit reached.
                Err(_) => return,
            }
        }
    }

    /// Waits until the future a job blocks on is done, or until its
    /// timeout has passed (from `from`, the job's clock).
    async fn wait_block(&self, block: &Block, from: f64) {
        let done = block.future.completion.wait();
        match block.timeout {
            None => {
                done.await;
            }
            Some(t) => {
                let deadline = from + t.max(0.0);
                let at = self.timer_at(deadline);
                let timer = self.shared.sleep_until(at);
                futures::pin_mut!(done, timer);
                if let futures::future::Either::Right(_) =
                    futures::future::select(done, timer).await
                {
                    self.set_vclock(deadline);
                }
            }
        }
    }

    /// Prints a job's lines at their moments and runs the callbacks it
    /// handed over.
    async fn deliver(&self, lane: LaneId, moments: &Rc<RefCell<Vec<Moment>>>) {
        let now = self.vclock.get();
        let times: Vec<f64> = moments.borrow().iter().map(|m| m.at).collect();
        let mut timers = Vec::with_capacity(times.len());
        // Every timer is set now, in order, as the harness sets them.
        for &t in &times {
            if t > now {
                let at = self.timer_at(t);
                let mut timer = Box::pin(self.shared.sleep_until(at));
                let _ = futures::poll!(timer.as_mut());
                timers.push(Some((at, timer)));
            } else {
                timers.push(None);
            }
        }
        let mut due_now_round = false;
        let ix = self.rc();
        for (i, (t, timer)) in times.into_iter().zip(timers).enumerate() {
            match timer {
                Some((_, timer)) => {
                    timer.await;
                    self.set_vclock(t);
                }
                None if !due_now_round => {
                    due_now_round = true;
                    self.quiet_round().await;
                }
                None => {}
            }
            // Lines a blocked loop's `shutdown` printed already are gone.
            let items = std::mem::take(&mut moments.borrow_mut()[i].lines);
            for item in items {
                match item {
                    Item::Line(text, stmt) => {
                        self.shared
                            .emit(lane, Some(stmt), EventKind::Printed { text });
                    }
                    Item::Call(call) => call(&ix),
                }
            }
        }
    }

    /// A job's end: its lane finishes and its future takes the outcome.
    fn end_job(
        &self,
        lane: LaneId,
        pool: Rc<Pool>,
        slot: usize,
        id: u64,
        future: Rc<FutureObj>,
        settled: Settled,
    ) {
        let r = match &settled {
            Settled::Value(v) => Ok(v.clone()),
            Settled::Raised(e) => Err(Unwind::Exc(e.clone())),
        };
        self.finish_lane(lane, &r);
        if !future.completion.done() {
            future.completion.settle(settled);
        }
        {
            let mut workers = pool.workers.borrow_mut();
            if workers[slot].as_ref().is_some_and(|b| b.id == id) {
                workers[slot] = None;
            }
        }
        // A limit reached by a job started here has ended the run already.
        let _ = self.start_jobs(&pool);
    }
}

/// A worker's job while it runs.
#[derive(Clone)]
pub(in crate::engine::py) struct Busy {
    /// Jobs are numbered as they start.
    pub(super) id: u64,
    pub(super) end: f64,
    pub(super) lane: LaneId,
    pub(super) moments: Rc<RefCell<Vec<Moment>>>,
    /// Its future, and what the lane will settle it with at the end (none
    /// while it is blocked).
    pub(super) future: Rc<FutureObj>,
    pub(super) outcome: Option<Settled>,
}

/// One moment of a job: the time and what it printed and handed over then.
pub(super) struct Moment {
    pub(super) at: f64,
    pub(super) lines: Vec<Item>,
}

/// What a job's lane does after its moments.
struct JobEnd {
    pool: Rc<Pool>,
    slot: usize,
    id: u64,
    future: Rc<FutureObj>,
    state: End,
}

/// How a job's run so far ended: its outcome, or a block (and the rest of
/// its run).
enum End {
    Settled(Settled),
    Blocked(Block, Box<JobRun>),
}

/// A job waiting for a worker.
pub(in crate::engine::py) struct Queued {
    pub(super) future: Rc<FutureObj>,
    func: Value,
    args: Args,
    name: String,
    parent: Option<LaneId>,
    stmt: StmtId,
    /// When it was submitted, on the loop's clock.
    pub(super) at: f64,
}

fn function_name(func: &Value) -> String {
    match func {
        Value::Function(f) => f.code.name.to_string(),
        Value::Method(m) => function_name(&m.1),
        Value::Builtin(name) => name.rsplit('.').next().unwrap_or(name).to_string(),
        Value::BuiltinMethod(m) => m.1.to_string(),
        _ => "job".to_string(),
    }
}
