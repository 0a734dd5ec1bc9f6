//! Parity between the engine and CPython: every lesson's headless transcript
//! must equal what its Python listing prints when CPython runs it on a
//! virtual clock (tests/support/virtual_clock.py). Reference lessons
//! (tests/reference/*.toml) must also print their `.expected` transcript.

use asynclings::demo::ast::Block;
use asynclings::engine::{self, Limits};
use asynclings::lesson::{self, Lesson};
use asynclings::render::python;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The `.toml` files directly inside `dir`, sorted; none if it is missing.
fn tomls(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    out.sort();
    out
}

fn load(path: &Path) -> Result<Lesson, String> {
    lesson::load_file(path).map_err(|e| e.render(false))
}

fn engine_transcript(lesson: &Lesson) -> Vec<String> {
    engine::run_headless(&lesson.demo, &Limits::default()).transcript()
}

fn python_available() -> bool {
    Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Runs the lesson's Python listing under the virtual-clock harness.
fn cpython_transcript(name: &str, lesson: &Lesson) -> Result<Vec<String>, String> {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("parity");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let program = dir.join(format!("{name}.py"));
    std::fs::write(&program, python::render(&lesson.demo).text()).map_err(|e| e.to_string())?;
    let output = Command::new("python3")
        .arg(root().join("tests/support/virtual_clock.py"))
        .arg(&program)
        .output()
        .map_err(|e| format!("cannot run python3: {e}"))?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let lines: Vec<String> = stdout.lines().map(str::to_string).collect();
    if !output.status.success() {
        return Err(format!(
            "python3 failed ({}) on {}\nstdout:\n{}\nstderr:\n{}",
            output.status,
            program.display(),
            stdout,
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(lines)
}

fn show(lines: &[String]) -> String {
    if lines.is_empty() {
        return "    (nothing printed)\n".into();
    }
    lines.iter().map(|l| format!("    {l}\n")).collect()
}

/// Checks one lesson file; returns a description of each mismatch.
fn check(path: &Path, expected: Option<&Path>, python: bool) -> Vec<String> {
    let name = path.file_stem().unwrap().to_string_lossy().to_string();
    let lesson = match load(path) {
        Ok(l) => l,
        Err(e) => return vec![format!("{}: does not load:\n{e}", path.display())],
    };
    let mut problems = Vec::new();
    let engine = engine_transcript(&lesson);
    if python {
        match cpython_transcript(&name, &lesson) {
            Ok(cpython) if cpython == engine => {}
            Ok(cpython) => problems.push(format!(
                "{}: the engine and CPython disagree\nengine:\n{}CPython:\n{}listing:\n{}",
                path.display(),
                show(&engine),
                show(&cpython),
                python::render(&lesson.demo).text()
            )),
            Err(e) => problems.push(format!(
                "{}: {e}\nengine:\n{}",
                path.display(),
                show(&engine)
            )),
        }
    }
    if let Some(expected) = expected {
        match std::fs::read_to_string(expected) {
            Ok(text) => {
                let want: Vec<String> = text.lines().map(str::to_string).collect();
                if want != engine {
                    problems.push(format!(
                        "{}: the engine's transcript is not {}\nengine:\n{}expected:\n{}",
                        path.display(),
                        expected.display(),
                        show(&engine),
                        show(&want)
                    ));
                }
            }
            Err(e) => problems.push(format!("cannot read {}: {e}", expected.display())),
        }
    }
    problems
}

fn run_all(files: &[(PathBuf, Option<PathBuf>)]) {
    let python = python_available();
    if !python {
        eprintln!(
            "python3 is not on PATH: skipping the CPython half of the parity tests \
             (engine transcripts are still checked against .expected files)"
        );
    }
    let problems: Vec<String> = files
        .iter()
        .flat_map(|(path, expected)| check(path, expected.as_deref(), python))
        .collect();
    assert!(
        problems.is_empty(),
        "{} problem(s) in {} lesson(s):\n\n{}",
        problems.len(),
        files.len(),
        problems.join("\n")
    );
}

fn references() -> Vec<PathBuf> {
    tomls(&root().join("tests/reference"))
}

#[test]
fn reference_lessons_match_cpython_and_expected() {
    let files: Vec<_> = references()
        .into_iter()
        .map(|p| {
            let expected = p.with_extension("expected");
            (p, Some(expected))
        })
        .collect();
    assert!(!files.is_empty(), "no reference lessons found");
    run_all(&files);
}

#[test]
fn every_lesson_matches_cpython() {
    let files: Vec<_> = tomls(&root().join("lessons"))
        .into_iter()
        .map(|p| (p, None))
        .collect();
    run_all(&files);
}

#[test]
fn listings_cover_every_statement_and_definition() {
    let mut files = references();
    files.extend(tomls(&root().join("lessons")));
    for path in files {
        let Ok(lesson) = load(&path) else { continue };
        let listing = python::render(&lesson.demo);
        for id in 0..lesson.demo.statement_count {
            let span = listing
                .spans
                .get(&id)
                .unwrap_or_else(|| panic!("{}: statement {id} has no span", path.display()));
            assert!(
                span.start < span.end && span.end <= listing.lines.len(),
                "{}: statement {id} has the span {span:?}",
                path.display()
            );
        }
        for f in &lesson.demo.functions {
            for block in [&f.body, &f.exit] {
                nested_spans_inside(&path, &listing, block);
            }
            let range = listing
                .functions
                .get(&f.name)
                .unwrap_or_else(|| panic!("{}: `{}` has no line range", path.display(), f.name));
            let first = &listing.lines[range.start];
            assert!(
                first.contains(&format!(" {}", f.name)),
                "{}: `{}` starts at `{first}`",
                path.display(),
                f.name
            );
        }
    }
}

/// Each statement's lines hold those of the statements nested in it, and
/// statements of one block follow each other without overlapping.
fn nested_spans_inside(path: &Path, listing: &asynclings::render::Listing, block: &Block) {
    let mut previous_end = 0;
    for stmt in block {
        let span = &listing.spans[&stmt.id];
        assert!(
            span.start >= previous_end,
            "{}: statement {} ({span:?}) overlaps the one before it",
            path.display(),
            stmt.id
        );
        previous_end = span.end;
        for inner in stmt.blocks() {
            for s in inner {
                let inner_span = &listing.spans[&s.id];
                assert!(
                    span.start <= inner_span.start && inner_span.end <= span.end,
                    "{}: statement {} ({inner_span:?}) is outside statement {} ({span:?})",
                    path.display(),
                    s.id,
                    stmt.id
                );
            }
            nested_spans_inside(path, listing, inner);
        }
    }
}

#[test]
fn python_listings() {
    for path in tomls(Path::new("lessons")) {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let lesson = load(&path).unwrap_or_else(|e| panic!("{e}"));
        insta::assert_snapshot!(
            format!("python_lesson_{name}"),
            python::render(&lesson.demo).text()
        );
    }
    for path in references() {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let lesson = load(&path).unwrap_or_else(|e| panic!("{e}"));
        insta::assert_snapshot!(
            format!("python_{name}"),
            python::render(&lesson.demo).text()
        );
    }
}

/// Lessons in the folder named by `ASYNCLINGS_PARITY_DIR`, for trying out
/// new demos against CPython: `ASYNCLINGS_PARITY_DIR=/tmp/demos cargo test
/// --test parity extra`. Does nothing when the variable is unset.
#[test]
fn extra_lessons_match_cpython() {
    let Some(dir) = std::env::var_os("ASYNCLINGS_PARITY_DIR") else {
        return;
    };
    let files: Vec<_> = tomls(Path::new(&dir))
        .into_iter()
        .map(|p| (p, None))
        .collect();
    run_all(&files);
}

/// Scheduling corner cases where a naive engine differs from CPython:
/// `sleep(0)` resumes tasks first-in first-out, a task woken by a timer
/// resumes after the tasks already ready, and cancelling a task cancels the
/// task it awaits.
#[test]
fn scheduling_corner_cases_match_cpython() {
    const SLEEP0_ORDER: &str = r#"
title = "sleep(0) order"
summary = "Tasks that yield with sleep(0) at the same instant resume in FIFO order."

[demo]
[[demo.coroutine]]
name = "job"
params = ["name"]
body = [ { sleep = 0 }, { print = "{name}" } ]

[[demo.coroutine]]
name = "main"
body = [
  { gather = [ { call = "job", args = ["a"] }, { call = "job", args = ["b"] }, { call = "job", args = ["c"] } ] },
]
"#;
    const TIMER_AFTER_READY: &str = r#"
title = "timer wake vs sleep(0)"
summary = "A task woken by a timer runs after the tasks that were already ready."

[demo]
[[demo.coroutine]]
name = "ticker"
body = [ { sleep = 1 }, { print = "tick" } ]

[[demo.coroutine]]
name = "main"
body = [
  { spawn = "ticker", into = "t" },
  { sleep = 0 },
  { block = 1.5 },
  { sleep = 0 },
  { print = "A" },
  { block = 1 },
  { sleep = 0 },
  { print = "B" },
  { await = "t" },
]
"#;
    const CANCEL_PROPAGATES: &str = r#"
title = "cancel propagates"
summary = "Cancelling a task that awaits another task cancels that task too."

[demo]
[[demo.coroutine]]
name = "worker"
body = [ { sleep = 2 }, { print = "worker done" } ]

[[demo.coroutine]]
name = "waiter"
params = ["t"]
body = [ { await = "t" } ]

[[demo.coroutine]]
name = "main"
body = [
  { spawn = "worker", into = "t" },
  { spawn = "waiter", args = ["{t}"], into = "w" },
  { sleep = 1 },
  { cancel = "w" },
  { sleep = 2 },
  { print = "end" },
]
"#;
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("known");
    std::fs::create_dir_all(&dir).unwrap();
    let mut files = Vec::new();
    for (name, text) in [
        ("sleep0_order", SLEEP0_ORDER),
        ("timer_after_ready", TIMER_AFTER_READY),
        ("cancel_propagates", CANCEL_PROPAGATES),
    ] {
        let path = dir.join(format!("{name}.toml"));
        std::fs::write(&path, text).unwrap();
        files.push((path, None));
    }
    run_all(&files);
}
