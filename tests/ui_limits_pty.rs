//! The UI and the engine's budgets: a demo stuck inside a built-in stops
//! when the learner restarts it, pauses it or quits; no engine thread is
//! left spinning.

#[path = "support/pty.rs"]
mod pty;

use pty::Session;
use std::time::{Duration, Instant};

/// A demo that spends its time inside one built-in call after another.
const BUSY: &str = "\"\"\"Busy\n\nSums in a loop.\n\"\"\"\nfor i in range(1000):\n    sum(range(9_000_000))\nprint('done')\n";

fn start(name: &str) -> Session {
    let dir = pty::scratch(&format!("limits-pty-{name}"));
    let program = dir.join("busy.py");
    std::fs::write(&program, BUSY).unwrap();
    Session::plain(dir.clone(), &[program.to_str().unwrap()], (100, 30))
}

/// The process's threads named as engine threads, and how many of them
/// are running (state `R`).
fn engine_threads(pid: u32) -> (usize, usize) {
    let mut all = 0;
    let mut running = 0;
    let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else {
        return (0, 0);
    };
    for task in tasks.flatten() {
        let stat = std::fs::read_to_string(task.path().join("stat")).unwrap_or_default();
        // `tid (comm) state ...`; the name is cut to 15 bytes.
        let Some((name, rest)) = stat.split_once('(').and_then(|(_, r)| r.rsplit_once(')')) else {
            continue;
        };
        if name.starts_with("asynclings-demo") {
            all += 1;
            if rest.trim_start().starts_with('R') {
                running += 1;
            }
        }
    }
    (all, running)
}

/// Waits until at most `most` engine threads are left, or fails after
/// `within`.
fn wait_threads(pid: u32, most: usize, within: Duration, what: &str) {
    let start = Instant::now();
    loop {
        let (all, _) = engine_threads(pid);
        if all <= most {
            return;
        }
        assert!(
            start.elapsed() < within,
            "{what}: {all} engine threads after {within:?}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn restarting_a_demo_stuck_in_a_built_in_leaves_one_engine_thread() {
    let mut s = start("restart");
    s.wait_for("Sums in a loop.");
    let pid = s.child.process_id().expect("a pid");
    s.press(" ");
    s.wait_for("running");
    std::thread::sleep(Duration::from_millis(300));
    for _ in 0..3 {
        s.press("r");
        std::thread::sleep(Duration::from_millis(300));
    }
    // Each restart stops the run before: only the newest one is left.
    wait_threads(pid, 1, Duration::from_secs(2), "after three restarts");
    // Pausing holds the one left: it stops using the processor.
    s.press(" ");
    s.wait_for("paused");
    let start = Instant::now();
    loop {
        let (all, running) = engine_threads(pid);
        if all <= 1 && running == 0 {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(2),
            "paused: {all} engine threads, {running} running"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    s.press("q");
    s.press("q");
    let status = s.wait_exit_within(Duration::from_secs(10));
    assert!(status.success(), "{status:?}");
    s.assert_restored();
}
