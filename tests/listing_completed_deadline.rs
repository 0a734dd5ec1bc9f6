//! The Rust listing of `asyncio.as_completed(..., timeout=...)` whose loop
//! body is one `try` around `await fut` with `except TimeoutError:`: the
//! handles raced against the deadline, the deadline polled first.
//! (`tests/rust_listings.rs` builds and runs
//! `tests/programs/as_completed__timeout.py`.)

#[path = "support/listing.rs"]
mod support;

use support::{fetch_program, has_all, listing, refusal, refused};

#[test]
fn a_kept_list_of_tasks_is_raced_against_the_deadline_biased() {
    let src = fetch_program(
        "    tasks = [asyncio.create_task(fetch(n, s)) for n, s in [(\"a\", 3), (\"b\", 1)]]\n    \
for fut in asyncio.as_completed(tasks, timeout=2):\n        \
try:\n            \
name = await fut\n            \
print(\"got\", name)\n        \
except TimeoutError as e:\n            \
print(\"late\", repr(e))\n    \
print([t.done() for t in tasks])\n",
    );
    has_all(
        &listing(&src),
        &[
            "let deadline = Instant::now() + Duration::from_secs(2);",
            "let mut pending: FuturesUnordered<_> = tasks.iter_mut().collect();",
            "for _ in 0..pending.len() {",
            "biased;",
            "() = sleep_until(deadline) => None,",
            "Some(output) = pending.next() => Some(output.unwrap()),",
            "if let Some(name) = output {",
            "println!(\"got {name}\");",
            "} else {",
            "println!(\"late TimeoutError()\");",
            ".map(|t| t.is_finished())",
        ],
    );
}

#[test]
fn an_await_inside_a_print_reads_the_output_and_calls_are_spawned() {
    let src = fetch_program(
        "    for fut in asyncio.as_completed([fetch(\"x\", 1), fetch(\"y\", 3)], timeout=2):\n        \
try:\n            \
print(\"got\", await fut)\n        \
except asyncio.TimeoutError:\n            \
print(\"timed out\")\n",
    );
    let text = listing(&src);
    has_all(
        &text,
        &[
            "pending.push(tokio::spawn(fetch(\"x\", Duration::from_secs(1))));",
            "pending.push(tokio::spawn(fetch(\"y\", Duration::from_secs(3))));",
            "if let Some(fut) = output {",
            "println!(\"got {fut}\");",
            "println!(\"timed out\");",
        ],
    );
    assert!(!text.contains("fut.await"), "{text}");
}

#[test]
fn a_loop_body_other_than_one_try_is_refused_at_the_loop() {
    let src = fetch_program(
        "    for fut in asyncio.as_completed([fetch(\"x\", 1)], timeout=2):\n        \
print(await fut)\n",
    );
    let (construct, reason, text) = refused(&src);
    assert_eq!(construct, "an `as_completed` loop with a timeout");
    assert!(reason.contains("one `try`"), "{reason}");
    assert!(
        text.starts_with("for fut in asyncio.as_completed"),
        "{text}"
    );
}

#[test]
fn another_await_inside_the_try_is_refused_at_it() {
    let src = fetch_program(
        "    for fut in asyncio.as_completed([fetch(\"x\", 1)], timeout=2):\n        \
try:\n            \
name = await fut\n            \
await asyncio.sleep(5)\n        \
except TimeoutError:\n            \
print(\"timed out\")\n",
    );
    let (construct, _, text) = refused(&src);
    assert_eq!(
        construct,
        "another `await` inside the `try` of an `as_completed` loop with a timeout"
    );
    assert_eq!(text, "await asyncio.sleep(5)");
}

#[test]
fn a_handler_of_another_class_or_a_raise_is_refused() {
    let other = fetch_program(
        "    for fut in asyncio.as_completed([fetch(\"x\", 1)], timeout=2):\n        \
try:\n            \
print(await fut)\n        \
except ValueError:\n            \
print(\"no\")\n",
    );
    assert_eq!(refusal(&other), "an `as_completed` loop with a timeout");
    let raising = fetch_program(
        "    for fut in asyncio.as_completed([fetch(\"x\", 1)], timeout=2):\n        \
try:\n            \
name = await fut\n            \
raise TimeoutError\n        \
except TimeoutError:\n            \
print(\"timed out\")\n",
    );
    assert_eq!(
        refusal(&raising),
        "a `raise` inside the `try` of an `as_completed` loop with a timeout"
    );
}

#[test]
fn a_counted_loop_with_a_timeout_is_refused() {
    let src = fetch_program(
        "    for i, fut in enumerate(asyncio.as_completed([fetch(\"x\", 1)], timeout=2)):\n        \
try:\n            \
print(i, await fut)\n        \
except TimeoutError:\n            \
print(\"timed out\")\n",
    );
    assert_eq!(
        refusal(&src),
        "`enumerate` of `as_completed` with a timeout"
    );
}

#[test]
fn a_timeout_of_none_is_refused_at_it() {
    let src = fetch_program(
        "    for fut in asyncio.as_completed([fetch(\"x\", 1)], timeout=None):\n        \
try:\n            \
print(await fut)\n        \
except TimeoutError:\n            \
print(\"timed out\")\n",
    );
    let (construct, _, text) = refused(&src);
    assert_eq!(construct, "a timeout of `None`");
    assert_eq!(text, "None");
}

#[test]
fn the_awaitable_read_otherwise_is_refused_at_the_loop() {
    for (tried, handler) in [
        ("print(await fut, fut)", "print(\"late\")"),
        ("print(await fut)", "print(await fut)"),
    ] {
        let src = fetch_program(&format!(
            "    for fut in asyncio.as_completed([fetch(\"x\", 1)], timeout=2):\n        \
try:\n            \
{tried}\n        \
except TimeoutError:\n            \
{handler}\n"
        ));
        assert_eq!(refusal(&src), "an `as_completed` loop with a timeout");
    }
}
