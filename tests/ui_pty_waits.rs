//! Waits on a queue, a lock and a semaphore are named on the timeline: on
//! the waiting task's bar, in the timeline's title while the selected task
//! waits, and in the task's detail view; a lock cycle is reported as a
//! deadlock on the lesson screen.

#[path = "support/pty.rs"]
mod pty;

use pty::Session;

const PROGRAM: &str = r#"import asyncio

queue = asyncio.Queue()
lock = asyncio.Lock()
sem = asyncio.Semaphore(1)


async def consumer():
    item = await queue.get()
    print("got", item)


async def producer():
    await asyncio.sleep(3)
    await queue.put("job")


async def worker(n):
    async with lock:
        await asyncio.sleep(3)


async def limited(n):
    async with sem:
        await asyncio.sleep(3)


async def main():
    await asyncio.gather(consumer(), producer(), worker(1), worker(2), limited(1), limited(2))


asyncio.run(main())
"#;

#[test]
fn queue_lock_and_semaphore_waits_are_named_on_the_timeline_and_in_the_detail_view() {
    let dir = pty::scratch("pty-waits");
    let program = dir.join("waits.py");
    std::fs::write(&program, PROGRAM).unwrap();
    let mut s = Session::plain(dir.clone(), &[program.to_str().unwrap()], (120, 40));
    s.wait_for("■ ready");
    s.press(" ");
    s.wait_for("[t=3] got job");
    s.wait_for("✓ finished");
    // Each wait is named over its stretch of the waiting task's bar.
    s.wait_for("Queue.get (queue emp");
    // (cut to the stretch it names, beside the counter rows' names:
    // `Lock (held by worker…`)
    s.wait_for("Lock (held by worker");
    s.wait_for("Semaphore (0 of 1");
    // The consumer's detail view (the second lane) lists the wait.
    s.press("\x1b[B");
    s.press("\r");
    s.wait_for("history:");
    s.wait_for("waiting on Queue.get (queue empty)");
    s.press("\x1b");
    s.press("q");
    s.press("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

const DEADLOCK: &str = r#"import asyncio

a = asyncio.Lock()
b = asyncio.Lock()


async def one():
    async with a:
        await asyncio.sleep(1)
        async with b:
            print("one has both")


async def two():
    async with b:
        await asyncio.sleep(1)
        async with a:
            print("two has both")


async def main():
    await asyncio.gather(one(), two())


asyncio.run(main())
"#;

/// A deadlock ends the live run as soon as every task waits and no timer
/// is pending: the clock stops where the tasks stopped (t=1, not the
/// virtual-duration limit), the status says so, and the timeline names
/// the cycle over the lanes whose bars name the lock each waits for.
#[test]
fn a_lock_cycle_stops_the_clock_and_is_named_on_the_lesson_screen() {
    let dir = pty::scratch("pty-deadlock");
    let program = dir.join("deadlock.py");
    std::fs::write(&program, DEADLOCK).unwrap();
    let mut s = Session::plain(dir.clone(), &[program.to_str().unwrap()], (120, 40));
    s.wait_for("■ ready");
    s.press(" ");
    // Each task's bar names the lock it waits for and who holds it: the
    // cycle is on the screen.
    s.wait_for("Lock (held by two())");
    s.wait_for("Lock (held by one())");
    s.wait_for("✗ deadlock");
    // The report fills the rows under the lanes; each bar ends with what
    // its task waits on.
    s.wait_for("DEADLOCK: one() waits for Lock held by two(), which waits for");
    s.wait_for("⊗ Lock (held by two())");
    s.wait_for("⊗ Lock (held by one())");
    let screen = s.screen();
    assert!(screen.contains("t=1s"), "{screen}");
    s.press("q");
    s.press("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}
