//! The Rust listing of a list of futures made at once, `futures =
//! [loop.create_future() for _ in range(n)]`: one oneshot channel per
//! future, the senders handed whole to the one coroutine that resolves
//! them in a loop, the receivers awaited through `&mut` where they were
//! made, `f.done()` whether a value was sent; the other uses of either
//! side are refused. (`tests/rust_listings.rs` builds and runs the corpus
//! program `futures__handoff`.)

#[path = "support/listing.rs"]
mod support;

use support::{has_all, listing, refused};

/// A coroutine `producer` that resolves each future of its list, and a
/// `main` that makes the list and runs `body`.
fn program(producer: &str, body: &str) -> String {
    format!(
        "import asyncio\n\n\nasync def producer(futures):\n{producer}\n\n\
async def main():\n    loop = asyncio.get_running_loop()\n    \
futures = [loop.create_future() for _ in range(3)]\n{body}\n\nasyncio.run(main())\n"
    )
}

const RESOLVES: &str = "    for i, fut in enumerate(futures):\n        \
await asyncio.sleep(0.5)\n        fut.set_result(i * i)\n";

const SPAWNED: &str = "    task = asyncio.create_task(producer(futures))\n";

#[test]
fn the_senders_go_to_the_coroutine_that_resolves_them() {
    let text = listing(&program(
        RESOLVES,
        &format!("{SPAWNED}    for fut in futures:\n        print(await fut)\n    await task\n"),
    ));
    has_all(
        &text,
        &[
            "async fn producer(futures: Vec<oneshot::Sender<i64>>) {\n    \
for (i, fut) in (0..).zip(futures) {",
            "let _ = fut.send(i * i);",
            "let (futures_tx, mut futures): (Vec<_>, Vec<_>) = \
(0..3).map(|_| oneshot::channel()).unzip();",
            "tokio::spawn(producer(futures_tx));",
            "for fut in &mut futures {\n        println!(\"{}\", fut.await.unwrap());",
        ],
    );
}

#[test]
fn a_loop_that_reads_the_list_goes_over_it_by_index() {
    let text = listing(&program(
        RESOLVES,
        &format!(
            "{SPAWNED}    for i, fut in enumerate(futures):\n        value = await fut\n        \
print(i, value, [f.done() for f in futures])\n    await task\n"
        ),
    ));
    has_all(
        &text,
        &[
            "for (i, at) in (0..).zip(0..futures.len()) {\n        \
let fut = &mut futures[at];\n        let value = fut.await.unwrap();",
            ".map(|f| !f.is_empty() || f.is_terminated())",
        ],
    );
}

#[test]
fn senders_handed_to_two_tasks_are_refused() {
    let (construct, reason, at) = refused(&program(
        RESOLVES,
        &format!(
            "{SPAWNED}    other = asyncio.create_task(producer(futures))\n    \
for fut in futures:\n        print(await fut)\n    await task\n    await other\n"
        ),
    ));
    assert_eq!(construct, "the list of futures `futures`");
    assert!(reason.contains("the one call of a coroutine"), "{reason}");
    assert_eq!(at, "futures = [loop.create_future() for _ in range(3)]");
}

#[test]
fn senders_handed_on_in_a_loop_are_refused() {
    let (construct, _, _) = refused(&program(
        RESOLVES,
        "    for _ in range(2):\n        asyncio.create_task(producer(futures))\n    \
for fut in futures:\n        print(await fut)\n",
    ));
    assert_eq!(construct, "the list of futures `futures`");
}

#[test]
fn the_receivers_gathered_or_resolved_here_are_refused() {
    let gathered = program(
        RESOLVES,
        &format!("{SPAWNED}    print(await asyncio.gather(*futures))\n    await task\n"),
    );
    assert_eq!(refused(&gathered).0, "the list of futures `futures`");
    let resolved_here = program(
        RESOLVES,
        &format!(
            "{SPAWNED}    for fut in futures:\n        fut.set_result(0)\n    \
for fut in futures:\n        print(await fut)\n    await task\n"
        ),
    );
    assert_eq!(refused(&resolved_here).0, "the list of futures `futures`");
}

#[test]
fn a_list_of_senders_read_again_is_refused() {
    let (construct, _, at) = refused(&program(
        &format!("    print(len(futures))\n{RESOLVES}"),
        &format!("{SPAWNED}    for fut in futures:\n        print(await fut)\n    await task\n"),
    ));
    assert_eq!(construct, "the list of futures `futures` read again");
    assert!(at.starts_with("async def producer(futures):"), "{at}");
}

#[test]
fn a_filtered_list_of_futures_is_still_refused() {
    let source = program(
        RESOLVES,
        "    more = [loop.create_future() for i in range(3) if i]\n    print(len(more))\n",
    );
    assert_eq!(
        refused(&source).0,
        "`loop.create_future()` inside an expression"
    );
}

#[test]
fn a_plain_function_takes_the_senders_and_the_list_is_measured() {
    let source = "import asyncio\n\n\ndef fill(futures, base):\n    for fut in futures:\n        \
fut.set_result(base)\n        base += 1\n\n\nasync def main():\n    \
loop = asyncio.get_running_loop()\n    futures = [loop.create_future() for _ in range(3)]\n    \
fill(futures, 10)\n    for fut in futures:\n        print(await fut, len(futures))\n\n\n\
asyncio.run(main())\n";
    let text = listing(source);
    has_all(
        &text,
        &[
            "fn fill(futures: Vec<oneshot::Sender<i64>>, mut base: i64) {\n    \
for fut in futures {\n        let _ = fut.send(base);",
            "fill(futures_tx, 10);",
            "for at in 0..futures.len() {\n        let fut = &mut futures[at];",
        ],
    );
}

#[test]
fn a_future_given_arithmetic_on_a_later_typed_parameter_takes_its_type() {
    let source = "import asyncio\n\n\nasync def producer(fut, word):\n    \
await asyncio.sleep(0.1)\n    fut.set_result(word * 2)\n\n\nasync def main():\n    \
loop = asyncio.get_running_loop()\n    fut = loop.create_future()\n    \
t = asyncio.create_task(producer(fut, \"ab\"))\n    print(await fut)\n    await t\n\n\n\
asyncio.run(main())\n";
    has_all(
        &listing(source),
        &["async fn producer(fut: oneshot::Sender<String>, word: &str) {"],
    );
}

#[test]
fn a_list_of_futures_bound_twice_is_refused() {
    let source = program(
        RESOLVES,
        &format!(
            "    futures = [loop.create_future() for _ in range(2)]\n{SPAWNED}    \
for fut in futures:\n        print(await fut)\n    await task\n"
        ),
    );
    assert_eq!(refused(&source).0, "the list of futures `futures`");
}
