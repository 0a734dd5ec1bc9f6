//! The Rust listing of `sys.exit(status)` in a coroutine: `sys_exit(status)
//! .await` stops `run`, which drops the coroutine and the tasks, and `main`
//! returns the status (the corpus programs `sys__exit_from_main`,
//! `sys__exit_in_task` and `sys__exit_from_watchdog` are built and run by
//! `tests/rust_listings.rs`); and where the clean-up would run in another
//! order than Python's, the refusal.

#[path = "support/listing.rs"]
mod support;
use support::{HEADER, RUN, has_all, listing, refused};

/// A program importing `sys` whose module runs `main`, with `defs` before it.
fn program(defs: &str, main: &str) -> String {
    format!("{HEADER}import sys\n\n\n{defs}async def main():\n{main}{RUN}")
}

const WATCHDOG: &str = "async def watchdog():\n    await asyncio.sleep(2)\n    print(\"too slow\")\n    sys.exit(4)\n\n\n";

#[test]
fn sys_exit_in_a_task_stops_run_and_main_returns_the_status() {
    let text = listing(&program(
        WATCHDOG,
        "    asyncio.create_task(watchdog())\n    try:\n        await asyncio.sleep(5)\n    finally:\n        print(\"main's finally\")\n",
    ));
    has_all(
        &text,
        &[
            "    sys_exit(4).await;\n}",
            // `asyncio.run(main())` alone: `main` is plain, to return the status.
            "fn main() -> ExitCode {\n    if let Err(status) = run(main_coroutine()) {\n        return status;\n    }\n    ExitCode::SUCCESS\n}",
            "static EXIT: Notify = Notify::const_new();",
            "async fn sys_exit(status: u8) {",
            "async fn run<F: Future>(f: F) -> Result<F::Output, ExitCode> {",
            "        () = EXIT.notified() => Err(ExitCode::from(EXIT_STATUS.load(Ordering::Relaxed))),",
        ],
    );
    assert!(!text.contains("process::exit"), "{text}");
}

#[test]
fn sys_exit_in_the_run_coroutine_runs_its_finally_then_the_module_s() {
    let src = format!(
        "{HEADER}import sys\n\n\nasync def main():\n    await asyncio.sleep(1)\n    try:\n        sys.exit()\n    finally:\n        print(\"inner\")\n    return 1\n\n\ntry:\n    n = asyncio.run(main())\n    print(n)\nfinally:\n    print(\"outer\")\n"
    );
    let text = listing(&src);
    has_all(
        &text,
        &[
            "    sys_exit(0).await;\n",
            "    let n = match run(main_coroutine()) {\n        Ok(output) => output,\n        Err(status) => return status,\n    };\n    println!(\"{n}\");\n    ExitCode::SUCCESS\n}",
            "println!(\"outer\");",
        ],
    );
}

#[test]
fn sys_exit_inside_a_try_of_a_task_is_refused() {
    let (construct, reason, at) = refused(&program(
        "async def watchdog():\n    try:\n        await asyncio.sleep(2)\n        sys.exit(4)\n    finally:\n        print(\"bye\")\n\n\n",
        "    asyncio.create_task(watchdog())\n    await asyncio.sleep(5)\n",
    ));
    assert_eq!(construct, "`sys.exit(...)` inside a `try` of a task");
    assert!(
        reason.contains("call `sys.exit` outside the `try`"),
        "{reason}"
    );
    assert_eq!(at, "sys.exit(4)");
}

#[test]
fn sys_exit_in_an_awaited_coroutine_is_refused() {
    let (construct, _, at) = refused(&program(
        "async def stop():\n    await asyncio.sleep(1)\n    sys.exit(2)\n\n\n",
        "    try:\n        await stop()\n    finally:\n        print(\"main's finally\")\n",
    ));
    assert_eq!(construct, "`sys.exit(...)` here");
    assert_eq!(at, "sys.exit(2)");
}

#[test]
fn sys_exit_of_a_status_other_than_a_small_number_is_refused() {
    for call in ["sys.exit(300)", "sys.exit(\"bad\")", "sys.exit(code)"] {
        let (construct, _, at) = refused(&program(
            "",
            &format!("    code = 2\n    print(code)\n    {call}\n"),
        ));
        assert_eq!(construct, "`sys.exit(...)` here", "{call}");
        assert_eq!(at, call);
    }
}

/// A nested coroutine's exit: `main` has no `run` of its own to stop.
#[test]
fn sys_exit_in_a_nested_coroutine_is_refused() {
    let (construct, reason, at) = refused(&program(
        "",
        "    async def stopper():\n        await asyncio.sleep(1)\n        sys.exit(3)\n\n    asyncio.create_task(stopper())\n    await asyncio.sleep(2)\n",
    ));
    assert_eq!(construct, "`sys.exit(...)` here");
    assert!(
        reason.contains("defined at the top of the module"),
        "{reason}"
    );
    assert_eq!(at, "sys.exit(3)");
}

/// `__aexit__` would run in Python; a dropped future awaits no clean-up.
#[test]
fn sys_exit_inside_async_with_is_refused() {
    let src = format!(
        "{HEADER}import sys\n\n\nclass Conn:\n    async def __aenter__(self):\n        print(\"open\")\n\n    async def __aexit__(self, exc_type, exc, tb):\n        print(\"close\")\n\n\nasync def main():\n    async with Conn():\n        await asyncio.sleep(1)\n        sys.exit(2)\n{RUN}"
    );
    let program = asynclings::python::load("x.py", &src).expect("loads");
    let blockers = asynclings::render::rust::translate_all(&program).expect_err("refused");
    let exit = blockers
        .iter()
        .find(|b| &src[b.span.clone()] == "sys.exit(2)")
        .expect("the exit is refused");
    assert_eq!(exit.construct, "`sys.exit(...)` inside `async with`");
}
