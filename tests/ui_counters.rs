//! What a task waits on, on the lesson screen: the counter rows of queues
//! and semaphores under the lanes (named by their variables, the value at
//! the time shown), an Event named by its variable, and a lock waiter
//! naming the task that holds the lock now.

#[path = "support/screen.rs"]
mod screen;

use asynclings::ui::app::App;

const PIPELINE: &str = r#"import asyncio


async def producer(queue):
    for i in range(3):
        await queue.put(i)


async def consumer(queue, slots):
    await asyncio.sleep(1)
    for _ in range(3):
        async with slots:
            await queue.get()
            await asyncio.sleep(1)


async def main():
    queue = asyncio.Queue(2)
    slots = asyncio.Semaphore(1)
    await asyncio.gather(producer(queue), consumer(queue, slots))


asyncio.run(main())
"#;

fn app_at(source: &str, t: f64) -> App {
    screen::paused_at("prog.py", source, t)
}

/// The row that starts with `label` (after the pane's border, if any).
fn row<'a>(rows: &'a [String], label: &str) -> Option<&'a String> {
    rows.iter()
        .find(|r| r.trim_start_matches(['│', ' ']).starts_with(label))
}

#[test]
fn queue_and_semaphore_rows_show_their_values_at_the_time_shown() {
    for (w, h) in [(80, 24), (200, 60)] {
        // t=1.5: the consumer took one item (1 of 2 left) and holds the
        // only permit.
        let rows = screen::rows(&mut app_at(PIPELINE, 1.5), w, h);
        let all = rows.join("\n");
        let queue = row(&rows, "Queue 'queue' 2/2")
            .or_else(|| row(&rows, "Queue 'queue' 1/2"))
            .unwrap_or_else(|| panic!("no queue row at {w}x{h}:\n{all}"));
        // The producer refilled it at t=1: full again.
        assert!(queue.contains("Queue 'queue' 2/2"), "{w}x{h}:\n{all}");
        // Full from t=0, so the bar starts with a full block.
        assert!(queue.contains('█'), "{w}x{h}:\n{all}");
        let slots = row(&rows, "Semaphore 'slots' 0/1")
            .unwrap_or_else(|| panic!("no semaphore row at {w}x{h}:\n{all}"));
        // One free permit up to t=1 (a full block), none after (a dot).
        assert!(
            slots.contains('█') && slots.contains('·'),
            "{w}x{h}:\n{all}"
        );
    }
    // At the end, the queue is empty and the permit free again.
    let rows = screen::rows(&mut app_at(PIPELINE, 10.0), 200, 60);
    let all = rows.join("\n");
    assert!(row(&rows, "Queue 'queue' 0/2").is_some(), "{all}");
    assert!(row(&rows, "Semaphore 'slots' 1/1").is_some(), "{all}");
}

#[test]
fn a_run_without_queues_or_semaphores_has_no_counter_rows() {
    let source = "import asyncio\n\n\nasync def main():\n    await asyncio.sleep(1)\n\n\nasyncio.run(main())\n";
    let rows = screen::rows(&mut app_at(source, 2.0), 200, 60);
    let all = rows.join("\n");
    assert!(
        !all.contains("Queue") && !all.contains("Semaphore"),
        "{all}"
    );
}

const READY: &str = r#"import asyncio


async def waiter(ready):
    await ready.wait()


async def main():
    ready = asyncio.Event()
    task = asyncio.create_task(waiter(ready))
    await asyncio.sleep(2)
    ready.set()
    await task


asyncio.run(main())
"#;

#[test]
fn an_event_is_named_by_its_variable_on_the_waiting_bar() {
    let rows = screen::rows(&mut app_at(READY, 3.0), 200, 60);
    let all = rows.join("\n");
    assert!(all.contains("Event 'ready'"), "{all}");
}

const HANDED_ON: &str = r#"import asyncio

lock = asyncio.Lock()


async def worker(n):
    async with lock:
        await asyncio.sleep(2)


async def main():
    await asyncio.gather(worker(1), worker(2), worker(3))


asyncio.run(main())
"#;

#[test]
fn a_lock_waiter_names_the_task_that_holds_the_lock_now() {
    // worker(3) waits from t=0; worker(1) holds the lock until t=2, then
    // worker(2) until t=4: at t=3 worker(3)'s bar names worker(2) over
    // the stretch from t=2.
    let rows = screen::rows(&mut app_at(HANDED_ON, 3.0), 200, 60);
    let all = rows.join("\n");
    let lane = row(&rows, "worker(3) #").unwrap_or_else(|| panic!("no worker(3) lane:\n{all}"));
    assert!(lane.contains("Lock (held by worker(1"), "{all}");
    assert!(lane.contains("Lock (held by worker(2"), "{all}");
}
