//! The Python corpus: every program in `tests/programs/` runs on the engine
//! and under CPython (on the virtual-clock harness), and both must print
//! the program's `.expected` transcript. A program that ends with an
//! uncaught exception also has a `.stderr` file: the last line of its
//! traceback, which the engine's report must end with. For an exception
//! group, which CPython prints in boxes, the file may list more lines: each
//! must appear in the report in that order, the last one ending it (the
//! box's closing rule aside). A program that ends without a traceback may
//! have a `.stderr` file too: then it is exactly what the program writes to
//! stderr (`print(file=sys.stderr)`, `logging`), and a `.status` file holds
//! the exit status a `sys.exit(n)` ends it with, when that is not 0.
//! CPython's stderr is compared as the engine would write it (see
//! [`as_engine_names`]).

use asynclings::engine::{self, Limits, Outcome};
use asynclings::lesson;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The programs, by their paths from the crate's root (as tracebacks and
/// `logging` name them).
fn programs() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(root().join("tests/programs"))
        .expect("tests/programs exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .map(|p| Path::new("tests/programs").join(p.file_name().expect("a file name")))
        .collect();
    out.sort();
    out
}

fn expected(path: &Path, ext: &str) -> Option<String> {
    std::fs::read_to_string(root().join(path.with_extension(ext))).ok()
}

/// What a run printed and how it ended.
struct EngineRun {
    transcript: String,
    /// The lines written to stderr (asyncio's own log too), each ended by a
    /// newline.
    stderr: String,
    /// For a failed run, its report.
    failure: Option<String>,
    /// The exit status of a run `sys.exit` ended.
    status: i32,
}

/// The engine's run of a program.
fn engine_run(path: &Path) -> Result<EngineRun, String> {
    let lesson = lesson::load_file(path).map_err(|e| e.render(false))?;
    let report = engine::run_headless(lesson.script(), &Limits::default());
    let mut transcript = report.transcript().join("\n");
    if !transcript.is_empty() {
        transcript.push('\n');
    }
    let stderr: String = report
        .events
        .iter()
        .filter_map(|e| match &e.kind {
            engine::EventKind::PrintedErr { text } | engine::EventKind::Logged { text } => {
                Some(format!("{text}\n"))
            }
            _ => None,
        })
        .collect();
    let (failure, status) = match report.outcome {
        Outcome::Finished => (None, 0),
        Outcome::Exited(status) => (None, status),
        Outcome::Failed(m) | Outcome::Aborted(m) => (Some(m), 1),
        Outcome::Raised { traceback, .. } => (Some(traceback), 1),
        Outcome::Stopped => (Some("stopped".into()), 1),
    };
    Ok(EngineRun {
        transcript,
        stderr,
        failure,
        status,
    })
}

/// The exit status a `.status` file gives (0 without one).
fn expected_status(path: &Path) -> i32 {
    expected(path, "status").map_or(0, |s| s.trim().parse().expect("a .status is a number"))
}

/// Whether a traceback ends as a `.stderr` file says (see the module docs).
fn ends_as(report: &str, want: &str) -> bool {
    let lines: Vec<&str> = report
        .lines()
        .map(str::trim)
        .filter(|l| !(l.starts_with('+') && l.chars().all(|c| c == '+' || c == '-')))
        .collect();
    let want: Vec<&str> = want.lines().map(str::trim).collect();
    let Some((last, before)) = want.split_last() else {
        return false;
    };
    let mut seen = lines.iter();
    lines.last() == Some(last) && before.iter().all(|w| seen.any(|l| l == w))
}

/// Where the engine says CPython's library is (`vm::stack::LIB`).
const LIB: &str = "/usr/lib/python3.11";

/// CPython's stderr with the frames the engine would name written as it
/// does: the library's files under [`LIB`] (wherever this CPython is
/// installed), the harness's own frames and `runpy`'s left out, and its
/// stand-in for `asyncio.run` named as CPython's `runners.py` lines.
fn as_engine_names(err: &str) -> String {
    let lines: Vec<&str> = err.split('\n').collect();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        i += 1;
        let Some(rest) = line.strip_prefix("  File \"") else {
            out.push(line.to_string());
            continue;
        };
        let (file, place) = rest.split_once('"').unwrap_or((rest, ""));
        let func = place.rsplit_once(", in ").map_or("", |(_, f)| f);
        let source = lines
            .get(i)
            .filter(|l| l.starts_with("    "))
            .map(|l| l.trim());
        let harness = file.ends_with("tests/support/virtual_clock.py");
        if (harness && matches!(func, "<module>" | "main")) || file == "<frozen runpy>" {
            i += usize::from(source.is_some());
            continue;
        }
        if harness && func == "_run" {
            let (n, text) = match source {
                Some("return runner.run(main)") => (190, "return runner.run(main)"),
                _ => (189, "with Runner(debug=debug) as runner:"),
            };
            out.push(format!(
                "  File \"{LIB}/asyncio/runners.py\", line {n}, in run"
            ));
            out.push(format!("    {text}"));
            i += usize::from(source.is_some());
            continue;
        }
        match file.split_once("/lib/python3.11/") {
            Some((_, tail)) => out.push(format!("  File \"{LIB}/{tail}\"{place}")),
            None => out.push(line.to_string()),
        }
    }
    out.join("\n")
}

fn cpython_run(path: &Path) -> Result<(String, String, Option<i32>), String> {
    let out = Command::new("python3")
        .current_dir(root())
        .arg("tests/support/virtual_clock.py")
        .arg(path)
        .output()
        .map_err(|e| format!("cannot run python3: {e}"))?;
    Ok((
        String::from_utf8_lossy(&out.stdout).into_owned(),
        as_engine_names(&String::from_utf8_lossy(&out.stderr)),
        out.status.code(),
    ))
}

#[test]
fn the_engine_prints_what_cpython_prints() {
    let mut failures = Vec::new();
    let all = programs();
    assert!(all.len() >= 80, "the corpus has {} programs", all.len());
    for path in &all {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let want = expected(path, "expected").unwrap_or_else(|| panic!("{name} has no .expected"));
        let want_err = expected(path, "stderr");
        match engine_run(path) {
            Err(report) => failures.push(format!("{name}: does not load:\n{report}")),
            Ok(run) => {
                let (got, failure) = (run.transcript, run.failure);
                if got != want {
                    failures.push(format!(
                        "{name}: transcript differs\n--- expected\n{want}--- engine\n{got}"
                    ));
                }
                if failure.is_none() && run.status != expected_status(path) {
                    failures.push(format!("{name}: exit status {}", run.status));
                }
                match (&want_err, &failure) {
                    (None, Some(f)) => failures.push(format!("{name}: the engine failed: {f}")),
                    (Some(w), None) if *w != run.stderr => failures.push(format!(
                        "{name}: stderr differs\n--- expected\n{w}--- engine\n{}",
                        run.stderr
                    )),
                    (Some(_), None) => {}
                    (Some(w), Some(f)) if !ends_as(f, w) => {
                        failures.push(format!("{name}: error differs\n expected: {w} engine: {f}"))
                    }
                    _ => {}
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} programs differ:\n\n{}",
        failures.len(),
        all.len(),
        failures.join("\n\n")
    );
}

/// The oracle itself: CPython still prints each `.expected` file (so the
/// corpus cannot drift from what CPython does).
#[test]
fn cpython_prints_the_expected_transcripts() {
    let mut failures = Vec::new();
    for path in programs() {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let want = expected(&path, "expected").unwrap_or_default();
        match cpython_run(&path) {
            Err(e) => failures.push(format!("{name}: {e}")),
            Ok((out, err, status)) => {
                if out != want {
                    failures.push(format!("{name}: CPython printed\n{out}"));
                }
                // A program that ends by an uncaught exception shows only
                // how the traceback ends (as the engine's report is checked).
                let traceback =
                    status != Some(0) && err.contains("Traceback (most recent call last):");
                if let Some(w) = expected(&path, "stderr")
                    && !(if traceback {
                        ends_as(&err, &w)
                    } else {
                        err == w
                    })
                {
                    failures.push(format!("{name}: CPython's error was {err}"));
                }
                if !traceback && status != Some(expected_status(&path)) {
                    failures.push(format!("{name}: CPython's exit status was {status:?}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
