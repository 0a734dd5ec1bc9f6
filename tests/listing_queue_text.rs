//! A queue the program writes as text: its queues are the listing's own
//! `Queue`, whose `Display` writes what Python's `repr` of an
//! `asyncio.Queue` writes, carrying only the methods the program calls.

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing, main_of, refusal};

/// A queue printed in `main`, where nothing else is given it.
#[test]
fn a_printed_queue_is_the_listings_queue() {
    let text = listing(&main_of(
        "    q = asyncio.Queue(maxsize=2)\n    await q.put(1)\n    print(\"queue:\", q, q.qsize())\n",
    ));
    has_all(
        &text,
        &[
            "    let q = Queue::new(2);\n",
            "    q.put(1).await;\n",
            "    println!(\"queue: {q} {}\", q.qsize());\n",
            "struct Queue<T> {",
            "impl<T: Repr> std::fmt::Display for Queue<T> {",
            "            n => write!(f, \" _putters[{n}]\")?,",
            "    async fn put(&self, item: T) {",
            "    fn put_nowait(&self, item: T) -> Result<(), QueueFull> {",
            "trait Repr {",
        ],
    );
    // Only what the program calls: nothing is left unused.
    for absent in [
        "async_channel",
        "fn get(",
        "fn get_nowait(",
        "QueueEmpty",
        "fn task_done(",
        "fn join(",
    ] {
        assert!(!text.contains(absent), "{absent}:\n{text}");
    }
}

/// Tasks of their own share the queue through an `Arc`; `get` waits in
/// the line of getters, `join` on the count of unfinished items.
#[test]
fn a_queue_shared_with_tasks_is_an_arc() {
    let text = listing(&format!(
        "{HEADER}async def worker(q):\n    while True:\n        item = await q.get()\n        \
         print(\"got\", item)\n        q.task_done()\n\n\n\
         async def main():\n    q = asyncio.Queue()\n    for i in range(3):\n        \
         q.put_nowait(i)\n    print(q)\n    t = asyncio.create_task(worker(q))\n    \
         await q.join()\n    t.cancel()\n    print(q)\n{RUN}"
    ));
    has_all(
        &text,
        &[
            "async fn worker(q: Arc<Queue<i64>>) {",
            "        let item = q.get().await;",
            "        q.task_done();",
            "    let q = Arc::new(Queue::new(0));",
            "q.put_nowait(i).expect(\"the queue has room\");",
            "tokio::spawn(worker(Arc::clone(&q)))",
            "    q.join().await;",
            ".expect(\"task_done() called too many times\")",
            "struct Turn<'q, T> {",
            "impl<T> Drop for Turn<'_, T> {",
        ],
    );
}

/// A coroutine awaited in place borrows the queue.
#[test]
fn a_queue_given_to_an_awaited_coroutine_is_lent() {
    let text = listing(&format!(
        "{HEADER}async def fill(q):\n    await q.put(\"a\")\n\n\n\
         async def main():\n    q = asyncio.Queue()\n    await fill(q)\n    print(q)\n{RUN}"
    ));
    has_all(
        &text,
        &[
            "async fn fill(q: &Queue<String>) {",
            "    fill(&q).await;",
            "    let q = Queue::new(0);",
            "    println!(\"{q}\");",
        ],
    );
}

/// `get_nowait` of an empty queue caught as `asyncio.QueueEmpty`.
#[test]
fn get_nowait_of_a_printed_queue_gives_queue_empty() {
    let text = listing(&main_of(
        "    q = asyncio.Queue()\n    q.put_nowait(1)\n    print(q)\n    try:\n        q.get_nowait()\n        q.get_nowait()\n    \
         except asyncio.QueueEmpty:\n        print(\"empty\")\n",
    ));
    has_all(
        &text,
        &[
            "fn get_nowait(&self) -> Result<T, QueueEmpty> {",
            "map_err(|_| Error::QueueEmpty(String::new()))?",
        ],
    );
}

/// A queue whose items `Repr` does not write is still refused where it is
/// written as text.
#[test]
fn a_printed_queue_of_lists_is_refused() {
    let src = main_of("    q = asyncio.Queue()\n    await q.put([1, 2])\n    print(q)\n");
    assert_eq!(refusal(&src), "the queue written as text");
}

/// A list the tasks change, printed by its owner under its lock.
#[test]
fn a_locked_list_printed_by_its_owner_takes_the_lock() {
    let text = listing(&format!(
        "{HEADER}async def add(xs, x):\n    await asyncio.sleep(x)\n    xs.append(x)\n\n\n\
         async def main():\n    xs = []\n    ts = [asyncio.create_task(add(xs, i)) for i in range(2)]\n    \
         await asyncio.gather(*ts)\n    print(xs)\n{RUN}"
    ));
    has_all(
        &text,
        &[
            "async fn add(xs: Arc<Mutex<Vec<i64>>>, x: i64) {",
            "    println!(\"{:?}\", xs.lock().unwrap());",
        ],
    );
}

/// Python's `repr` of a queue holds its address: refused where it is
/// asked, while the queue's `str` beside it translates.
#[test]
fn the_repr_of_a_queue_is_refused() {
    let (construct, reason, at) = support::refused(&main_of(
        "    q = asyncio.Queue()\n    q.put_nowait(1)\n    print(str(q), repr(q))\n",
    ));
    assert_eq!(construct, "the queue's `repr`");
    assert!(reason.contains("address"), "{reason}");
    assert_eq!(at, "q");
    let (construct, ..) = support::refused(&main_of(
        "    q = asyncio.Queue()\n    q.put_nowait(1)\n    print(f\"{q!r}\")\n",
    ));
    assert_eq!(construct, "the queue's `repr`");
}
