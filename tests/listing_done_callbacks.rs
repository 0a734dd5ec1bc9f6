//! The Rust listing of `fut.add_done_callback(lambda _: ...)`: asyncio
//! schedules a future's done callbacks as it resolves, to run once the
//! running task awaits, so the listing spawns their code as a task just
//! after the `send` that resolves the future; the shapes it cannot keep in
//! that order are refused. (`tests/rust_listings.rs` builds and runs the
//! corpus program that uses them.)

#[path = "support/listing.rs"]
mod support;

use support::{has_all, listing, refused};

/// A program with a module list `log` whose `main` runs `body`.
fn program(body: &str) -> String {
    format!(
        "import asyncio\n\nlog = []\n\n\nasync def work():\n    log.append(\"work\")\n\n\n\
async def main():\n    loop = asyncio.get_running_loop()\n    fut = loop.create_future()\n\
{body}    print(log)\n\n\nasyncio.run(main())\n"
    )
}

const ADD: &str = "    fut.add_done_callback(lambda _: log.append(\"callback\"))\n";

#[test]
fn callbacks_are_spawned_just_after_the_future_resolves() {
    let text = listing(&program(&format!(
        "{ADD}    fut.add_done_callback(lambda f: log.append(\"second\"))\n    \
t = asyncio.create_task(work())\n    fut.set_result(1)\n    print(await fut)\n    await t\n"
    )));
    has_all(
        &text,
        &["let _ = fut_tx.send(1);\n    \
// asyncio runs its done callbacks once this task awaits: a task of their own.\n    \
tokio::spawn(async move {\n        LOG.lock().unwrap().push(\"callback\".to_string());\n        \
LOG.lock().unwrap().push(\"second\".to_string());\n    });\n    \
println!(\"{}\", fut.await.unwrap());"],
    );
}

fn refusal_of(body: &str) -> (String, String) {
    let (construct, _, at) = refused(&program(body));
    (construct, at)
}

#[test]
fn a_callback_added_after_the_future_resolves_is_refused() {
    let (construct, at) = refusal_of(&format!(
        "    fut.set_result(1)\n{ADD}    print(await fut)\n"
    ));
    assert_eq!(construct, "this `add_done_callback`");
    assert_eq!(
        at,
        "fut.add_done_callback(lambda _: log.append(\"callback\"))"
    );
}

#[test]
fn a_callback_that_reads_the_future_or_a_local_is_refused() {
    let (construct, _) = refusal_of(
        "    fut.add_done_callback(lambda f: log.append(f.result()))\n    \
fut.set_result(1)\n    print(await fut)\n",
    );
    assert_eq!(construct, "this `add_done_callback`");
    let (construct, at) = refusal_of(
        "    name = \"x\"\n    fut.add_done_callback(lambda _: log.append(name))\n    \
fut.set_result(1)\n    print(await fut)\n",
    );
    assert_eq!(construct, "a done callback that reads a local");
    assert_eq!(at, "lambda _: log.append(name)");
}

#[test]
fn a_future_nothing_reads_is_no_channel_and_resolving_it_spawns_its_callbacks() {
    let text = listing(&program(&format!(
        "{ADD}    t = asyncio.create_task(work())\n    fut.set_result(1)\n    \
await asyncio.sleep(0)\n    log.append(\"main\")\n    await t\n"
    )));
    has_all(
        &text,
        &["let t = tokio::spawn(work());\n    \
// asyncio runs its done callbacks once this task awaits: a task of their own.\n    \
tokio::spawn(async move {\n        LOG.lock().unwrap().push(\"callback\".to_string());\n    \
});\n    tokio::task::yield_now().await;"],
    );
    assert!(!text.contains("oneshot"), "{text}");
}

#[test]
fn a_future_read_or_resolved_with_a_call_but_never_awaited_is_refused() {
    let (construct, at) = refusal_of(&format!("{ADD}    fut.set_result(len(log))\n"));
    assert_eq!(construct, "this `add_done_callback`");
    assert_eq!(
        at,
        "fut.add_done_callback(lambda _: log.append(\"callback\"))"
    );
    let (construct, _) = refusal_of(&format!(
        "{ADD}    fut.set_result(1)\n    print(fut.done())\n"
    ));
    assert_eq!(construct, "this `add_done_callback`");
}

#[test]
fn a_callback_of_a_future_resolved_elsewhere_is_refused() {
    let handed = format!(
        "{ADD}    t = asyncio.create_task(resolve(fut))\n    print(await fut)\n    await t\n"
    )
    .replace(
        "async def main",
        "async def resolve(f):\n    f.set_result(1)\n\n\nasync def main",
    );
    let (construct, _) = refusal_of(&handed);
    assert_eq!(construct, "this `add_done_callback`");
}

#[test]
fn a_callback_that_is_not_a_lambda_is_refused() {
    let (construct, at) = refusal_of(
        "    fut.add_done_callback(print)\n    fut.set_result(1)\n    print(await fut)\n",
    );
    assert_eq!(construct, "a done callback that is not a `lambda`");
    assert_eq!(at, "print");
}

#[test]
fn a_callback_that_takes_no_future_is_refused() {
    let (construct, at) = refusal_of(
        "    fut.add_done_callback(lambda: log.append(\"x\"))\n    fut.set_result(1)\n    \
print(await fut)\n",
    );
    assert_eq!(construct, "this done callback");
    assert_eq!(at, "lambda: log.append(\"x\")");
}

#[test]
fn a_callback_added_under_an_if_is_refused() {
    // asyncio adds it only if the block runs; the spawn would run it always.
    let (construct, at) = refusal_of(
        "    if log:\n        fut.add_done_callback(lambda _: log.append(\"x\"))\n    \
fut.set_result(1)\n    print(await fut)\n",
    );
    assert_eq!(construct, "this `add_done_callback`");
    assert_eq!(at, "fut.add_done_callback(lambda _: log.append(\"x\"))");
}
