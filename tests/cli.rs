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
