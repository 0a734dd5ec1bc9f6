//! Programs outside the supported subset, that fail, or that attack the
//! engine: every file in `tests/unsupported/` and `tests/hostile/` says on
//! its first line what must happen.
//!
//! * `# refuse: ...` — `asynclings check FILE` refuses it before running,
//!   with a located report; stderr must equal `FILE.expected`.
//! * `# error: Type: message` — it runs and raises; `run --headless` ends
//!   with CPython's traceback, whose last line is exactly that, and
//!   `check` reports it at the line that raised it.
//! * `# limit: ...` — a runaway program: the run ends on its own, naming
//!   the limit (or the deadlock), within the hang guard, and (where
//!   `/usr/bin/time` exists) holding less than 1 GiB.
//! * `# ends: TEXT` — a hostile program: `run --headless` exits 1 with TEXT
//!   in its stderr (a limit, a refusal or CPython's error), never a panic
//!   or a signal, within the hang guard and under 1 GiB; `check` exits 1.
//!   A refusal (`not supported yet: ...`) must be located at `FILE:LINE`.
//! * `# output: TEXT` — it runs to the end (exit 0) and its transcript
//!   holds TEXT.
//! * `# logs: ...` — it runs to the end (exit 0) and what it writes to
//!   stderr besides the transcript (what asyncio's logger writes, the
//!   tool's notes) must equal `FILE.expected`.
//!
//! `UPDATE_EXPECT=1 cargo test --test unsupported` rewrites the
//! `.expected` reports; read every changed one before committing it.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Only a guard against a hang: runs end in seconds in a release build; a
/// debug build is about ten times slower, and a runaway loop uses the whole
/// step budget (about 15 s in a release build).
const HANG_GUARD: Duration = Duration::from_secs(240);

fn files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for folder in ["tests/unsupported", "tests/hostile"] {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
        files.extend(
            std::fs::read_dir(&dir)
                .unwrap_or_else(|e| panic!("{folder}: {e}"))
                .map(|e| e.expect("readable entry").path())
                .filter(|p| p.extension().is_some_and(|e| e == "py"))
                .map(|p| Path::new(folder).join(p.file_name().expect("a name"))),
        );
    }
    files.sort();
    files
}

struct Run {
    code: Option<i32>,
    /// The signal that ended the process, if one did.
    signal: Option<i32>,
    stdout: String,
    stderr: String,
    /// Peak memory in KiB, when measured.
    peak_kib: Option<u64>,
}

/// A program expected to run out of steps does so on a smaller budget: the
/// limit is the same code, and a debug build spends a minute on the default
/// budget.
const SMALL_STEP_BUDGET: &str = "300000";

/// Every program here runs on a fifth of the usual event budget, so one
/// that runs away on events (a `sleep(0)` loop, ten million prints) ends
/// quickly in a debug build too; no program that must run comes near it.
const SMALL_EVENT_BUDGET: &str = "1000000";

fn run(args: &[&str]) -> Run {
    run_with_steps(args, None)
}

fn run_with_steps(args: &[&str], steps: Option<&str>) -> Run {
    let time = Path::new("/usr/bin/time");
    let mut cmd = if time.exists() {
        let mut c = Command::new(time);
        c.args(["-f", "peak-kib=%M", env!("CARGO_BIN_EXE_asynclings")]);
        c
    } else {
        Command::new(env!("CARGO_BIN_EXE_asynclings"))
    };
    let mut child = cmd
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("COLUMNS", "100")
        .env("NO_COLOR", "1")
        .envs(steps.map(|n| ("ASYNCLINGS_MAX_STEPS", n)))
        .env("ASYNCLINGS_MAX_EVENTS", SMALL_EVENT_BUDGET)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut pipe = child.stderr.take().expect("piped");
    let reader = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = pipe.read_to_end(&mut bytes);
        bytes
    });
    let mut out_pipe = child.stdout.take().expect("piped");
    let out_reader = std::thread::spawn(move || {
        // Keeps the first MiB and drains the rest, so the child never
        // blocks on a full pipe.
        let mut bytes = Vec::new();
        let _ = (&mut out_pipe).take(1 << 20).read_to_end(&mut bytes);
        let _ = std::io::copy(&mut out_pipe, &mut std::io::sink());
        bytes
    });
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait works") {
            break Some(s);
        }
        if start.elapsed() > HANG_GUARD {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let text = String::from_utf8_lossy(&reader.join().expect("reader ends")).into_owned();
    let stdout = String::from_utf8_lossy(&out_reader.join().expect("reader ends")).into_owned();
    let mut peak_kib = None;
    let mut stderr = String::new();
    for line in text.lines() {
        match line.strip_prefix("peak-kib=") {
            Some(k) => peak_kib = k.trim().parse().ok(),
            None if line.starts_with("Command exited with non-zero status") => {}
            None => {
                stderr.push_str(line);
                stderr.push('\n');
            }
        }
    }
    use std::os::unix::process::ExitStatusExt;
    // Under /usr/bin/time a signal shows as its "Command terminated by
    // signal" line and status 128+n.
    let signal = status.and_then(|s| s.signal()).or_else(|| {
        stderr
            .lines()
            .find_map(|l| l.strip_prefix("Command terminated by signal "))
            .and_then(|n| n.trim().parse().ok())
    });
    Run {
        code: status.and_then(|s| s.code()),
        signal,
        stdout,
        stderr,
        peak_kib,
    }
}

fn directive(path: &Path) -> (String, String) {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .expect("readable");
    let first = text.lines().next().unwrap_or_default();
    let (kind, what) = first
        .trim_start_matches('#')
        .trim()
        .split_once(':')
        .unwrap_or_else(|| panic!("{}: the first line says what must happen", path.display()));
    (kind.trim().to_string(), what.trim().to_string())
}

#[test]
fn every_program_outside_the_subset_is_refused_or_fails_as_cpython_does() {
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut failures = Vec::new();
    let all = files();
    assert!(all.len() >= 40, "{} programs", all.len());
    for file in &all {
        let name = file.display().to_string();
        let (kind, what) = directive(file);
        match kind.as_str() {
            "refuse" => {
                let r = run(&["check", &name]);
                let expected_path =
                    Path::new(env!("CARGO_MANIFEST_DIR")).join(file.with_extension("expected"));
                if r.code != Some(1) {
                    failures.push(format!("{name}: check exited {:?}\n{}", r.code, r.stderr));
                }
                if !r.stderr.contains(&format!("{name}:")) || r.stderr.contains("panicked") {
                    failures.push(format!("{name}: no located report:\n{}", r.stderr));
                }
                if update {
                    std::fs::write(&expected_path, &r.stderr).expect("writable");
                } else {
                    match std::fs::read_to_string(&expected_path) {
                        Ok(want) if want == r.stderr => {}
                        Ok(want) => failures.push(format!(
                            "{name}: the report changed\n--- expected\n{want}--- got\n{}",
                            r.stderr
                        )),
                        Err(_) => failures.push(format!("{name}: no .expected report")),
                    }
                }
            }
            "error" => {
                let r = run(&["run", &name, "--headless"]);
                let last = r.stderr.lines().last().unwrap_or_default();
                if r.code != Some(1) || last != what {
                    failures.push(format!(
                        "{name}: expected `{what}`, exit 1; got exit {:?}:\n{}",
                        r.code, r.stderr
                    ));
                }
                if !r.stderr.starts_with("Traceback (most recent call last):") {
                    failures.push(format!("{name}: no traceback:\n{}", r.stderr));
                }
                let c = run(&["check", &name]);
                if c.code != Some(1) || !c.stderr.contains(&format!("{name}:")) {
                    failures.push(format!(
                        "{name}: check does not locate the error:\n{}",
                        c.stderr
                    ));
                }
            }
            "limit" => {
                let r = run(&["run", &name, "--headless"]);
                if r.code != Some(1) {
                    failures.push(format!(
                        "{name}: exit {:?} (a limit must end the run)\n{}",
                        r.code, r.stderr
                    ));
                }
                if !(r.stderr.contains("(limit: ") || r.stderr.contains("deadlock")) {
                    failures.push(format!("{name}: the message names no limit:\n{}", r.stderr));
                }
                if let Some(k) = r.peak_kib
                    && k > 1024 * 1024
                {
                    failures.push(format!("{name}: peak memory {k} KiB"));
                }
            }
            "ends" => {
                let steps = what.contains("(limit: steps)").then_some(SMALL_STEP_BUDGET);
                let r = run_with_steps(&["run", &name, "--headless"], steps);
                if r.code != Some(1) || r.signal.is_some() || r.stderr.contains("panicked") {
                    failures.push(format!(
                        "{name}: exit {:?}, signal {:?} (the run must end with status 1)\n{}",
                        r.code, r.signal, r.stderr
                    ));
                }
                // A located report wraps its message: read it as one line.
                let said = r.stderr.replace("\n  │ ", " ");
                if !said.contains(&what) {
                    failures.push(format!("{name}: expected `{what}` in:\n{}", r.stderr));
                }
                // A refusal the run reaches is located as one found before it.
                if what.starts_with("not supported yet: ") && !said.contains(&format!("{name}:")) {
                    failures.push(format!("{name}: the refusal is not located:\n{}", r.stderr));
                }
                if let Some(k) = r.peak_kib
                    && k > 1024 * 1024
                {
                    failures.push(format!("{name}: peak memory {k} KiB"));
                }
                let c = run_with_steps(&["check", &name], steps);
                if c.code != Some(1) || c.signal.is_some() {
                    failures.push(format!(
                        "{name}: check exited {:?}, signal {:?}:\n{}",
                        c.code, c.signal, c.stderr
                    ));
                }
            }
            "output" => {
                let r = run(&["run", &name, "--headless"]);
                if r.code != Some(0) || !r.stdout.contains(&what) {
                    failures.push(format!(
                        "{name}: expected exit 0 and `{what}` in the transcript; got exit {:?}:\n{}{}",
                        r.code, r.stdout, r.stderr
                    ));
                }
            }
            "logs" => {
                let r = run(&["run", &name, "--headless"]);
                if r.code != Some(0) || r.stderr.contains("panicked") {
                    failures.push(format!(
                        "{name}: expected exit 0; got exit {:?}:\n{}",
                        r.code, r.stderr
                    ));
                }
                let expected_path =
                    Path::new(env!("CARGO_MANIFEST_DIR")).join(file.with_extension("expected"));
                if update {
                    std::fs::write(&expected_path, &r.stderr).expect("writable");
                } else {
                    match std::fs::read_to_string(&expected_path) {
                        Ok(want) if want == r.stderr => {}
                        Ok(want) => failures.push(format!(
                            "{name}: stderr changed\n--- expected\n{want}--- got\n{}",
                            r.stderr
                        )),
                        Err(_) => failures.push(format!("{name}: no .expected stderr")),
                    }
                }
            }
            other => failures.push(format!("{name}: unknown directive `{other}`")),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} programs:\n\n{}",
        failures.len(),
        all.len(),
        failures.join("\n\n")
    );
}
