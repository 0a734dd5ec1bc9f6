//! The command line's words: `check` on a program, `run --help`, and
//! `run --events` naming lines.

use std::process::Command;

fn asynclings(args: &[&str]) -> (String, String, bool) {
    let out = Command::new(env!("CARGO_BIN_EXE_asynclings"))
        .args(args)
        .output()
        .unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.success(),
    )
}

#[test]
fn check_counts_programs_as_programs() {
    let (out, err, ok) = asynclings(&["check", "tests/reference/r02_gather.py"]);
    assert!(ok, "{err}");
    assert_eq!(out, "1 program OK\n");
    let (out, err, ok) = asynclings(&["check", "lessons/05-gather.toml"]);
    assert!(ok, "{err}");
    assert_eq!(out, "1 lesson file OK\n");
}

#[test]
fn run_help_names_programs() {
    let (out, _, ok) = asynclings(&["run", "--help"]);
    assert!(ok);
    assert!(out.contains("(`.py`)"), "{out}");
}

#[test]
fn events_name_the_line_of_their_statement() {
    let (out, err, ok) = asynclings(&[
        "run",
        "tests/reference/r02_gather.py",
        "--headless",
        "--events",
    ]);
    assert!(ok, "{err}");
    assert!(!out.contains("@s"), "{out}");
    // main() is created by `asyncio.run(main())`, line 16.
    assert!(
        out.lines()
            .next()
            .is_some_and(|l| l.starts_with("[t=0] #0 created task") && l.ends_with("(line 16)")),
        "{out}"
    );
    assert!(out.contains("(line 6)"), "the sleep: {out}");
}
