//! The exercise file, `exercise.toml`: what it holds and what each check
//! means. These doc comments are the format's documentation;
//! `docs/exercises.md` follows them.

use serde::Deserialize;

/// An `exercise.toml`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExerciseFile {
    /// One line, shown in the exercise list.
    pub title: String,
    /// What to do, in Markdown.
    pub task: String,
    /// One to three hints, revealed one at a time (`h`).
    #[serde(default)]
    pub hints: Vec<String>,
    /// The checks a run must pass, in the order the checklist shows them.
    /// Every run is first checked to end without an uncaught exception.
    #[serde(rename = "check")]
    pub checks: Vec<toml::Spanned<Check>>,
}

/// One check on a run. In the file, a `[[check]]` table holds exactly one
/// of these keys.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Check {
    /// The printed lines, without their times, are exactly these.
    Output(Vec<String>),
    /// The transcript is exactly these `[t=T] TEXT` lines.
    Transcript(Vec<String>),
    /// These lines are printed in this order (others may come between).
    OutputInOrder(Vec<String>),
    /// This line is printed, at this virtual time.
    LineAt(LineAt),
    /// The run takes at most this many seconds of virtual time.
    MaxTime(f64),
    /// The run takes at least this many seconds of virtual time.
    MinTime(f64),
    /// How many tasks may be busy at once: running, or waiting on a timer,
    /// a socket or a future. A task waiting on another task or on a lock,
    /// semaphore, event, condition or queue is not busy.
    Concurrency(Concurrency),
    /// No blocking call (`time.sleep`, a CPU loop in the event loop's
    /// thread) holds the loop longer than this many milliseconds.
    MaxBlockingMs(f64),
    /// Every coroutine made is awaited, and every task that fails has its
    /// exception retrieved (awaited, gathered or joined by a TaskGroup).
    AllAwaited(bool),
    /// The program uses this primitive, as the run shows it: `Semaphore`,
    /// `BoundedSemaphore`, `Lock`, `Event`, `Condition`, `Queue`, `Barrier`
    /// (a task waited on one: an uncontended lock leaves no trace),
    /// `Queue.get`, `Queue.put`, `Queue.join` (a task waited in that
    /// method), `thread` (a job ran on a worker thread), `process` (a job
    /// ran in a worker process), `timeout` (a `wait_for` gave up on a task).
    Uses(String),
    /// An exception of this type is raised during the run and caught: the
    /// run still ends without an uncaught exception.
    Handles(String),
    /// This function (a top-level `def`/`async def`, or `Class.method`)
    /// stays as the starter has it: same syntax tree, whatever the layout
    /// and comments.
    Unchanged(String),
}

/// `line_at = { text = "...", at = 1.0 }`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LineAt {
    /// The printed line, without its time.
    pub text: String,
    /// The virtual time, in seconds, at which it must first print.
    pub at: f64,
}

/// `concurrency = { at_most = 3, tasks = "fetch" }`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Concurrency {
    /// At some moment, at least this many are busy at once.
    pub at_least: Option<u32>,
    /// At no moment are more than this many busy at once.
    pub at_most: Option<u32>,
    /// Count only the tasks whose call, name or current frame contains
    /// this text (`fetch` counts a task running `fetch(3)` and a task
    /// awaiting `fetch(3)` inside `worker()`); all tasks when absent.
    pub tasks: Option<String>,
}
