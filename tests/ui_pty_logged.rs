//! In the real binary: a task that fails with nobody awaiting it is marked
//! in the output pane, on its lane and in its detail view.

#[path = "support/pty.rs"]
mod pty;

use pty::Session;

const PROGRAM: &str = r#"import asyncio


async def fails():
    await asyncio.sleep(1)
    raise KeyError("k")


async def main():
    asyncio.create_task(fails())
    await asyncio.sleep(3)
    print("main ends")


asyncio.run(main())
"#;

#[test]
fn a_task_exception_never_retrieved_is_marked_on_the_screen() {
    let dir = pty::scratch("pty-logged");
    let program = dir.join("silent.py");
    std::fs::write(&program, PROGRAM).unwrap();
    let mut s = Session::plain(dir.clone(), &[program.to_str().unwrap()], (120, 40));
    s.wait_for("■ ready");
    s.press(" ");
    s.wait_for("✓ finished");
    s.wait_for("[t=3] ⚠ Task exception was never");
    let screen = s.screen();
    let lane = screen
        .lines()
        .find(|l| l.contains("fails() #"))
        .unwrap_or_else(|| panic!("no lane for fails():\n{screen}"));
    assert!(lane.contains('⚠'), "{screen}");
    // The failed task's detail view (the second lane) lists the report.
    s.press("\x1b[B");
    s.press("\r");
    s.wait_for("logged: ⚠ t=3 Task exception was never");
    s.press("\x1b");
    s.press("q");
    s.press("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}
