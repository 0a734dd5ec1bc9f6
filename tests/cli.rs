//! Command-line arguments the binary refuses: a usage error (exit 2) that
//! says what is accepted, never a panic.

use std::process::Command;

fn asynclings(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_asynclings"))
        .args(args)
        .output()
        .expect("the binary runs")
}

#[test]
fn a_speed_outside_the_range_is_a_usage_error() {
    for bad in ["nan", "0", "inf", "-1", "11", "1e-300", "fast"] {
        let out = asynclings(&["run", "1", &format!("--speed={bad}")]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "--speed {bad}: {stderr}");
        assert!(
            stderr.contains(&format!("`{bad}` is not a speed from 0.1 to 10")),
            "--speed {bad}: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "--speed {bad}: {stderr}");
    }
}

#[test]
fn a_speed_inside_the_range_runs() {
    let out = asynclings(&["run", "1", "--speed", "10"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("hello, Ada"), "{stdout}");
}

#[test]
fn check_warns_of_a_failure_the_event_loop_only_logged_and_exits_0() {
    // CPython runs these to the end (exit 0), writing the report to stderr.
    for (file, warning) in [
        (
            "tests/hostile/silent__task_exception_never_retrieved.py",
            "tests/hostile/silent__task_exception_never_retrieved.py:7: warning: \
             Task exception was never retrieved (at t=1): KeyError: 'k'; \
             CPython logs this to stderr and goes on (exit status 0)",
        ),
        (
            "tests/hostile/silent__callback_raises.py",
            "tests/hostile/silent__callback_raises.py:6: warning: \
             Exception in callback boom(1) at tests/hostile/silent__callback_raises.py:5 \
             (at t=0): ValueError: bad 1;",
        ),
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_asynclings"))
            .args(["check", file])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .expect("the binary runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{file}: {stderr}");
        assert!(stderr.contains(warning), "{file}: {stderr}");
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("1 program OK"),
            "{file}"
        );
    }
}
