//! The Python corpus: every program in `tests/programs/` runs on the engine
//! and under CPython (on the virtual-clock harness), and both must print
//! the program's `.expected` transcript. A program that ends with an
//! uncaught exception also has a `.stderr` file: the last line of its
//! traceback, which the engine's report must end with. For an exception
//! group, which CPython prints in boxes, the file may list more lines: each
//! must appear in the report in that order, the last one ending it (the
//! box's closing rule aside).

use asynclings::engine::{self, Limits, Outcome};
use asynclings::lesson;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn programs() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(root().join("tests/programs"))
        .expect("tests/programs exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    out.sort();
    out
}

fn expected(path: &Path, ext: &str) -> Option<String> {
    std::fs::read_to_string(path.with_extension(ext)).ok()
}

/// The engine's transcript and, for a failed run, its report.
fn engine_run(path: &Path) -> Result<(String, Option<String>), String> {
    let lesson = lesson::load_file(path).map_err(|e| e.render(false))?;
    let report = engine::run_headless(lesson.script(), &Limits::default());
    let mut transcript = report.transcript().join("\n");
    if !transcript.is_empty() {
        transcript.push('\n');
    }
    let failure = match report.outcome {
        Outcome::Finished => None,
        Outcome::Failed(m) | Outcome::Aborted(m) => Some(m),
        Outcome::Raised { traceback, .. } => Some(traceback),
        Outcome::Stopped => Some("stopped".into()),
    };
    Ok((transcript, failure))
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

fn cpython_run(path: &Path) -> Result<(String, String), String> {
    let out = Command::new("python3")
        .arg(root().join("tests/support/virtual_clock.py"))
        .arg(path)
        .output()
        .map_err(|e| format!("cannot run python3: {e}"))?;
    Ok((
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
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
            Ok((got, failure)) => {
                if got != want {
                    failures.push(format!(
                        "{name}: transcript differs\n--- expected\n{want}--- engine\n{got}"
                    ));
                }
                match (&want_err, &failure) {
                    (None, Some(f)) => failures.push(format!("{name}: the engine failed: {f}")),
                    (Some(w), None) => failures.push(format!("{name}: expected the error {w}")),
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
            Ok((out, err)) => {
                if out != want {
                    failures.push(format!("{name}: CPython printed\n{out}"));
                }
                if let Some(w) = expected(&path, "stderr")
                    && !ends_as(&err, &w)
                {
                    failures.push(format!("{name}: CPython's error was {err}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
