//! The `--events` story reads true: a task's step shows as one run of
//! events, a running task is not woken again, a task waits only on tasks
//! still running, and an executor's job shows as work outside the loop.

use asynclings::engine::{self, Event, EventKind, LaneId, LaneKind, Limits, Script, WaitOn};
use asynclings::lesson::{self, load_file};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

fn script(source: &str) -> Script {
    match lesson::python_lesson("test.py", source) {
        Ok(l) => l.script(),
        Err(e) => panic!("{}", e.render(false)),
    }
}

/// The events as `asynclings run --events` prints them.
fn events_text(source: &str) -> Vec<String> {
    let report = engine::run_headless(script(source), &Limits::default());
    report.events.iter().map(|e| e.to_string()).collect()
}

/// Every built-in lesson's demo.
fn every_lesson() -> Vec<(PathBuf, Script)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("lessons folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    let out: Vec<(PathBuf, Script)> = paths
        .into_iter()
        .map(|p| {
            let l = load_file(&p).unwrap_or_else(|e| panic!("{}: {e:?}", p.display()));
            (p, l.script())
        })
        .collect();
    assert_eq!(out.len(), 27, "the built-in lessons");
    out
}

/// What is wrong with a run's story, event by event: a task polled while
/// another task's step is still under way, a running task woken, a task
/// suspended on a task that has ended, a job shown as polled or waiting.
fn story_faults(events: &[Event]) -> Vec<String> {
    let mut faults = Vec::new();
    let mut running: Option<u32> = None;
    let mut ended: HashSet<LaneId> = HashSet::new();
    let mut jobs: HashMap<LaneId, LaneKind> = HashMap::new();
    for e in events {
        let lane = e.lane;
        match &e.kind {
            EventKind::Created { kind, .. } if kind.is_job() => {
                jobs.insert(lane, *kind);
            }
            EventKind::Polled | EventKind::Suspended { .. } | EventKind::Woken
                if jobs.contains_key(&lane) =>
            {
                faults.push(format!("a job shows as a task: {e}"));
            }
            EventKind::Polled => {
                if let Some(r) = running {
                    faults.push(format!("polled while #{r} runs: {e}"));
                }
                running = Some(lane);
            }
            EventKind::Woken if running == Some(lane) => {
                faults.push(format!("woken while it runs: {e}"));
            }
            EventKind::Suspended { on } => {
                let on_lanes: &[LaneId] = match on {
                    WaitOn::Lane(l) => std::slice::from_ref(l),
                    WaitOn::Lanes(ls) => ls,
                    _ => &[],
                };
                for l in on_lanes.iter().filter(|l| ended.contains(l)) {
                    faults.push(format!("waits on #{l}, which has ended: {e}"));
                }
                if running == Some(lane) {
                    running = None;
                }
            }
            EventKind::Returned { .. }
            | EventKind::Failed { .. }
            | EventKind::Cancelled
            | EventKind::TimedOut => {
                ended.insert(lane);
                if running == Some(lane) {
                    running = None;
                }
            }
            _ => {}
        }
    }
    faults
}

#[test]
fn every_lesson_tells_a_true_story() {
    let mut faults = Vec::new();
    for (path, script) in every_lesson() {
        let report = engine::run_headless(script, &Limits::default());
        for f in story_faults(&report.events) {
            faults.push(format!("{}: {f}", path.display()));
        }
    }
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}

/// Every program of the corpus (`tests/programs/*.py`), not only the
/// lessons' demos: the story holds for TaskGroups, `sleep(0)`, queues and
/// the scenarios too.
#[test]
fn every_program_tells_a_true_story() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("programs folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    paths.sort();
    assert!(paths.len() > 100, "{} programs", paths.len());
    let mut faults = Vec::new();
    for path in paths {
        let l = load_file(&path).unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
        let report = engine::run_headless(l.script(), &Limits::default());
        for f in story_faults(&report.events) {
            faults.push(format!("{}: {f}", path.display()));
        }
    }
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}

const AS_COMPLETED: &str = r#"
import asyncio


async def check(name, seconds):
    await asyncio.sleep(seconds)
    return name


async def main():
    tasks = [
        asyncio.create_task(check("db", 2.5)),
        asyncio.create_task(check("cache", 0.5)),
        asyncio.create_task(check("api", 1.5)),
    ]
    for fut in asyncio.as_completed(tasks):
        print(await fut)


asyncio.run(main())
"#;

#[test]
fn a_task_waits_only_on_the_tasks_still_running() {
    let waits: Vec<String> = events_text(AS_COMPLETED)
        .into_iter()
        .filter(|e| e.contains("#0 suspended"))
        .map(|e| e.split(" @").next().unwrap_or_default().to_string())
        .collect();
    assert_eq!(
        waits,
        [
            "[t=0] #0 suspended on tasks #1 #2 #3",
            "[t=0.5] #0 suspended on tasks #1 #3",
            "[t=1.5] #0 suspended on task #1",
        ]
    );
}

const BLOCKED: &str = r#"
import asyncio
import time


async def ticker():
    await asyncio.sleep(1)
    print("tick")


async def other():
    await asyncio.sleep(1)
    print("other")


async def blocker():
    await asyncio.sleep(0.5)
    time.sleep(2)


async def main():
    await asyncio.gather(ticker(), other(), blocker())


asyncio.run(main())
"#;

#[test]
fn after_a_block_each_overdue_task_runs_its_step_whole_and_is_woken_once() {
    let after: Vec<String> = events_text(BLOCKED)
        .into_iter()
        .filter(|e| e.starts_with("[t=2.5] #1") || e.starts_with("[t=2.5] #2"))
        .map(|e| e.split(" @").next().unwrap_or_default().to_string())
        .collect();
    assert_eq!(
        after,
        [
            "[t=2.5] #1 woken",
            "[t=2.5] #2 woken",
            "[t=2.5] #1 polled",
            "[t=2.5] #1 printed \"tick\"",
            "[t=2.5] #1 returned None",
            "[t=2.5] #2 polled",
            "[t=2.5] #2 printed \"other\"",
            "[t=2.5] #2 returned None",
        ]
    );
}

const PROCESS_POOL: &str = r#"
import asyncio
import time
from concurrent.futures import ProcessPoolExecutor


def crunch(seconds):
    time.sleep(seconds)
    return seconds


async def main():
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor(max_workers=2) as pool:
        print(await loop.run_in_executor(pool, crunch, 1))


asyncio.run(main())
"#;

#[test]
fn a_process_pool_job_works_in_a_worker_process_and_is_not_a_task() {
    let job: Vec<String> = events_text(PROCESS_POOL)
        .into_iter()
        .filter(|e| e.contains("] #1 "))
        .map(|e| e.split(" @").next().unwrap_or_default().to_string())
        .collect();
    assert_eq!(
        job,
        [
            "[t=0] #1 created job crunch(1) in a worker process (by #0)",
            "[t=1] #1 returned 1",
        ]
    );
}
