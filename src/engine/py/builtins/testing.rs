//! Runs Python expressions on the real interpreter, for tests that hold
//! the built-ins and methods to what CPython prints.

use crate::engine::{self, Limits, Outcome};

/// The `repr` of each expression's value, or its exception as
/// `Type: message`, one program run for all of them.
pub fn eval_all(sources: &[&str]) -> Vec<String> {
    let mut program = String::new();
    for src in sources {
        program.push_str(&format!(
            "try:\n    _r = repr({src})\nexcept BaseException as _e:\n    _m = str(_e)\n    \
             _r = f\"{{type(_e).__name__}}: {{_m}}\" if _m else type(_e).__name__\nprint(_r)\n"
        ));
    }
    let loaded = crate::python::load("t.py", &program).unwrap_or_else(|e| {
        let why: Vec<String> = e.iter().map(|e| e.render(false)).collect();
        panic!("does not load:\n{}", why.join("\n"))
    });
    let report = engine::run_headless(std::sync::Arc::new(loaded), &Limits::default());
    assert_eq!(report.outcome, Outcome::Finished, "{:?}", report.printed());
    report.printed().iter().map(|l| l.to_string()).collect()
}

/// Checks lines `expression => expected`, the expected text printed by
/// CPython 3.11 (`repr()` of the value, or `Type: message`).
pub fn check(cases: &str) {
    let pairs: Vec<(&str, &str)> = cases
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| l.split_once(" => ").expect("expression => expected"))
        .collect();
    let sources: Vec<&str> = pairs.iter().map(|(src, _)| *src).collect();
    let got = eval_all(&sources);
    assert_eq!(got.len(), pairs.len(), "one printed line per expression");
    let failures: Vec<String> = pairs
        .iter()
        .zip(&got)
        .filter(|((_, want), got)| want != got)
        .map(|((src, want), got)| format!("{src}\n   got: {got}\n  want: {want}"))
        .collect();
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
