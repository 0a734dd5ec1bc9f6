//! Parity between the engine and CPython for the lessons: every built-in
//! lesson's demo (`lessons/NN-name.py`) prints, run by the engine, exactly
//! what CPython prints running the same file on the virtual-clock harness
//! (`tests/support/virtual_clock.py`); the reference programs
//! (`tests/reference/*.py`) also print their `.expected` transcripts. The
//! broader corpus is `tests/programs.rs`.

use asynclings::engine::{self, Limits};
use asynclings::lesson::{self, Lesson};
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The files with extension `ext` directly inside `dir`, sorted.
fn files(dir: &str, ext: &str) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(root().join(dir)) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    out.sort();
    out
}

fn load(path: &Path) -> Lesson {
    lesson::load_file(path).unwrap_or_else(|e| panic!("{}", e.render(false)))
}

fn engine_transcript(lesson: &Lesson) -> Vec<String> {
    engine::run_headless(lesson.script(), &Limits::default()).transcript()
}

/// Runs a program under CPython on the virtual-clock harness.
fn cpython_transcript(program: &Path) -> Vec<String> {
    let output = Command::new("python3")
        .arg(root().join("tests/support/virtual_clock.py"))
        .arg(program)
        .output()
        .expect("python3 runs");
    assert!(
        output.status.success(),
        "python3 failed on {}:\n{}",
        program.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

/// The demo file a lesson runs.
fn demo_file(lesson: &Lesson) -> PathBuf {
    let program = &lesson.program;
    root().join(&*program.file)
}

#[test]
fn every_lesson_matches_cpython() {
    let mut failures = Vec::new();
    for path in files("lessons", "toml") {
        let lesson = load(&path);
        let engine = engine_transcript(&lesson);
        let cpython = cpython_transcript(&demo_file(&lesson));
        if engine != cpython {
            failures.push(format!(
                "{}\n--- CPython\n{}\n--- engine\n{}",
                path.display(),
                cpython.join("\n"),
                engine.join("\n")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn reference_programs_match_cpython_and_expected() {
    let references = files("tests/reference", "py");
    assert!(!references.is_empty());
    for path in references {
        let expected: Vec<String> = std::fs::read_to_string(path.with_extension("expected"))
            .expect("an .expected file")
            .lines()
            .map(str::to_string)
            .collect();
        let lesson = load(&path);
        assert_eq!(
            engine_transcript(&lesson),
            expected,
            "engine, {}",
            path.display()
        );
        assert_eq!(
            cpython_transcript(&path),
            expected,
            "CPython, {}",
            path.display()
        );
    }
}

/// The Python listing is the demo's source, byte for byte.
#[test]
fn python_listings_are_the_demo_files() {
    for path in files("lessons", "toml") {
        let lesson = load(&path);
        let file = std::fs::read_to_string(demo_file(&lesson)).expect("the demo file");
        assert_eq!(lesson.python_listing().text(), file, "{}", path.display());
    }
    let out = Command::new(env!("CARGO_BIN_EXE_asynclings"))
        .args(["show", "gather", "--python"])
        .output()
        .expect("the binary runs");
    let file = std::fs::read(root().join("lessons/05-gather.py")).expect("lesson 5's demo");
    assert_eq!(
        out.stdout, file,
        "`show gather --python` prints lessons/05-gather.py"
    );
}

/// Programs in the folder named by `ASYNCLINGS_PARITY_DIR`, for trying out
/// new demos against CPython: `ASYNCLINGS_PARITY_DIR=/tmp/demos cargo test
/// --test parity extra`. Does nothing when the variable is unset.
#[test]
fn extra_programs_match_cpython() {
    let Some(dir) = std::env::var_os("ASYNCLINGS_PARITY_DIR") else {
        return;
    };
    let dir = PathBuf::from(dir);
    let mut programs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("readable folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    programs.sort();
    for path in programs {
        let lesson = load(&path);
        assert_eq!(
            engine_transcript(&lesson),
            cpython_transcript(&path),
            "{}",
            path.display()
        );
    }
}
