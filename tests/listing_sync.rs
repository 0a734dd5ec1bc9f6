//! The Rust listing of asyncio's events, queues and barriers: what the
//! listing shows for each, and the methods it refuses, at their place.
//! (`tests/rust_listings.rs` builds and runs the corpus programs that use
//! them.)

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, listing, refused};

const PRODUCER_CONSUMER: &str = "async def producer(q):\n    await q.put(\"a\")\n\n\n\
async def consumer(q):\n    item = await q.get()\n    print(item)\n    q.task_done()\n\n\n\
async def main():\n    q = asyncio.Queue(2)\n    c = asyncio.create_task(consumer(q))\n    \
await producer(q)\n    await q.join()\n    print(q.empty())\n    await c\n";

#[test]
fn a_queue_gives_each_function_the_halves_it_uses() {
    let text = listing(&format!("{HEADER}{PRODUCER_CONSUMER}{RUN}"));
    for want in [
        "let (q_tx, q_rx) = async_channel::bounded(2);",
        "let q_unfinished = Arc::new(watch::Sender::new(0_usize));",
        "async fn producer(q_tx: async_channel::Sender<String>, q_unfinished: Arc<watch::Sender<usize>>) {",
        "q_tx.send(\"a\".to_string()).await.expect(\"the queue is open\");",
        "q_unfinished.send_modify(|count| *count += 1);",
        "let item = q_rx.recv().await.expect(\"the queue is open\");",
        "q_unfinished.send_modify(|count| *count -= 1);",
        ".wait_for(|count| *count == 0)",
        "if q_tx.is_empty() { \"True\" } else { \"False\" }",
    ] {
        assert!(text.contains(want), "{want}\n{text}");
    }
    // The consumer gets the receiver and the count, not the sender.
    let consumer = text
        .lines()
        .skip_while(|l| !l.starts_with("async fn consumer("))
        .take_while(|l| !l.starts_with('{') && !l.ends_with('{'))
        .collect::<String>();
    assert!(!text.contains("consumer(q_tx"), "{text}");
    assert!(!consumer.contains("Sender<String>"), "{consumer}\n{text}");
}

#[test]
fn a_queue_without_join_keeps_no_count() {
    let src = format!(
        "{HEADER}async def main():\n    q = asyncio.Queue()\n    q.put_nowait(1)\n    print(q.qsize(), q.get_nowait())\n{RUN}"
    );
    let text = listing(&src);
    assert!(text.contains("async_channel::unbounded()"), "{text}");
    assert!(!text.contains("unfinished"), "{text}");
    assert!(text.contains("q_tx.try_send(1).expect("), "{text}");
    assert!(text.contains("q_rx.try_recv().expect("), "{text}");
}

#[test]
fn an_event_shared_with_a_task_is_an_arc_of_a_watch_sender() {
    let src = format!(
        "{HEADER}async def waiter(ev):\n    await ev.wait()\n    print(ev.is_set())\n\n\n\
async def main():\n    ev = asyncio.Event()\n    t = asyncio.create_task(waiter(ev))\n    \
ev.set()\n    await t\n    ev.clear()\n{RUN}"
    );
    let text = listing(&src);
    for want in [
        "async fn waiter(ev: Arc<watch::Sender<bool>>) {",
        "let ev = Arc::new(watch::Sender::new(false));",
        "tokio::spawn(waiter(Arc::clone(&ev)))",
        "ev.subscribe()\n        .wait_for(|set| *set)",
        "if *ev.borrow() { \"True\" } else { \"False\" }",
        "ev.send_replace(true);",
        "ev.send_replace(false);",
    ] {
        assert!(text.contains(want), "{want}\n{text}");
    }
}

#[test]
fn a_barrier_is_tokios() {
    let src = format!(
        "{HEADER}async def party(b):\n    await b.wait()\n\n\n\
async def main():\n    b = asyncio.Barrier(2)\n    await asyncio.gather(party(b), party(b))\n{RUN}"
    );
    let text = listing(&src);
    assert!(text.contains("let b = Barrier::new(2);"), "{text}");
    assert!(text.contains("async fn party(b: &Barrier) {"), "{text}");
    assert!(text.contains("    b.wait().await;"), "{text}");
}

#[test]
fn the_index_a_barrier_gives_is_refused() {
    let src = format!(
        "{HEADER}async def main():\n    b = asyncio.Barrier(1)\n    i = await b.wait()\n    print(i)\n{RUN}"
    );
    let (construct, reason, text) = refused(&src);
    assert_eq!(text, "b.wait()");
    assert!(construct.contains("index"), "{construct}");
    assert!(reason.contains("leader"), "{reason}");
}

#[test]
fn a_queue_method_with_no_counterpart_is_refused_at_its_call() {
    let src = format!(
        "{HEADER}async def main():\n    q = asyncio.Queue()\n    print(q.maxsize)\n    q.put_nowait(1)\n    print(q.get_nowait(), q.shutdown())\n{RUN}"
    );
    let (construct, reason, text) = refused(&src);
    // The first blocker in the source: `maxsize` is the channel's capacity.
    assert_eq!(text, "q.shutdown()", "{construct}: {reason}");
    assert!(reason.contains("reads `maxsize`"), "{reason}");
    let src = format!(
        "{HEADER}async def main():\n    q = asyncio.Queue()\n    q.put_nowait(1)\n    q.clear()\n{RUN}"
    );
    let (construct, reason, text) = refused(&src);
    assert_eq!(text, "q.clear()");
    assert!(construct.contains("asyncio.Queue"), "{construct}");
    assert!(reason.contains("task_done()"), "{reason}");
}

#[test]
fn a_queue_put_not_awaited_is_refused() {
    let src = format!(
        "{HEADER}async def main():\n    q = asyncio.Queue()\n    q.put(1)\n    print(q.qsize())\n{RUN}"
    );
    let (_, reason, text) = refused(&src);
    assert_eq!(text, "q.put(1)");
    assert!(reason.contains("awaited"), "{reason}");
}

#[test]
fn a_long_chain_is_one_link_a_line_as_rustfmt_writes_it() {
    let src = format!(
        "{HEADER}async def main():\n    incoming_orders_queue = asyncio.Queue()\n    \
await incoming_orders_queue.put(\"first order\")\n    \
order = await incoming_orders_queue.get()\n    print(order)\n{RUN}"
    );
    let text = listing(&src);
    let want = "    let order = incoming_orders_queue_rx\n        .recv()\n        .await\n        \
                .expect(\"the queue is open\");\n";
    assert!(text.contains(want), "{text}");
    let want = "    incoming_orders_queue_tx\n        .send(\"first order\".to_string())\n";
    assert!(text.contains(want), "{text}");
}

#[test]
fn a_wide_spawned_call_is_one_argument_a_line() {
    let src = format!(
        "{HEADER}async def worker(name, seconds, q):\n    item = await q.get()\n    \
await asyncio.sleep(seconds)\n    print(name, item)\n\n\n\
async def main():\n    q = asyncio.Queue()\n    \
t = asyncio.create_task(worker(\"first, and slow\", 0.35, q))\n    \
await q.put(1)\n    await t\n{RUN}"
    );
    let text = listing(&src);
    let want = "    let t = tokio::spawn(worker(\n        \"first, and slow\",\n        \
                Duration::from_millis(350),\n        q_rx.clone(),\n    ));\n";
    assert!(text.contains(want), "{text}");
}
