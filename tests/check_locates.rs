//! `check` points at the place where a run stopped: the statement that
//! reached a limit, or the await of each task a deadlock left waiting.

use std::process::Command;

fn check(name: &str, source: &str) -> String {
    let dir = std::env::temp_dir().join(format!("asynclings-check-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temp dir");
    std::fs::write(dir.join(name), source).expect("writable");
    let out = Command::new(env!("CARGO_BIN_EXE_asynclings"))
        .args(["check", name])
        .current_dir(&dir)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "200")
        .output()
        .expect("the binary runs");
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(out.status.code(), Some(1));
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_limit_is_reported_at_the_statement_that_reached_it() {
    let stderr = check(
        "spin.py",
        "import asyncio\n\n\nasync def main():\n    print(\"start\")\n    total = sum(range(10))\n    while True:\n        total += 1\n\n\nasyncio.run(main())\n",
    );
    assert!(
        stderr.contains("spin.py:8:9: the demo is stopped"),
        "{stderr}"
    );
    assert!(stderr.contains("(limit: "), "{stderr}");
    assert!(!stderr.contains(":1:1:"), "{stderr}");
}

#[test]
fn a_deadlock_is_reported_at_each_waiting_await() {
    let stderr = check(
        "stuck.py",
        r#"import asyncio


async def wait_on(fut):
    await fut


async def main():
    loop = asyncio.get_running_loop()
    a = loop.create_future()
    b = loop.create_future()
    task = asyncio.create_task(wait_on(a))
    await b
    await task


asyncio.run(main())
"#,
    );
    assert!(
        stderr.contains("stuck.py:13:5: the demo is stopped: deadlock"),
        "{stderr}"
    );
    assert!(
        stderr.contains("stuck.py:5:5: ...and this task waits here too"),
        "{stderr}"
    );
    assert!(!stderr.contains(":1:1:"), "{stderr}");
}
