//! A list of tasks made at once whose coroutine's cleanup awaits once
//! cancelled: each task watches a token of its own, made in the loop that
//! spawns the list and kept by the task's id; `for t in tasks: t.cancel()`
//! cancels each token, and `for t in tasks: try: await t except
//! CancelledError:` reads whether each ended cancelled.

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing, refused};

/// A worker whose `finally` awaits its cleanup.
const SAVER: &str = "async def worker(name):\n    print(name, \"working\")\n    try:\n        \
await asyncio.sleep(10)\n    finally:\n        print(name, \"saving\")\n        \
await asyncio.sleep(0.5)\n        print(name, \"saved\")\n\n\n";

/// The list of tasks made at once.
const MADE: &str = "    tasks = [asyncio.create_task(worker(f\"w{i}\")) for i in range(2)]\n";

/// Lets the tasks start.
const STARTED: &str = "    await asyncio.sleep(1)\n";

/// Cancels each task of the list.
const CANCELS: &str = "    for t in tasks:\n        t.cancel()\n";

/// Awaits each task of the list, catching its cancellation.
const AWAITS: &str = "    for t in tasks:\n        try:\n            await t\n        \
except asyncio.CancelledError:\n            print(t.get_name(), t.cancelled())\n";

/// `main` running the `parts` in order.
fn program(parts: &[&str]) -> String {
    format!("{HEADER}{SAVER}async def main():\n{}{RUN}", parts.concat())
}

#[test]
fn each_task_of_the_list_watches_a_token_of_its_own_kept_by_its_id() {
    let text = listing(&program(&[MADE, STARTED, CANCELS, AWAITS]));
    has_all(
        &text,
        &[
            "async fn worker(name: String, token: CancellationToken) -> bool {",
            "token.run_until_cancelled(cleanup).await.is_none()",
            "let mut tasks = Vec::new();\n    let mut tasks_tokens = HashMap::new();\n    \
for i in 0..2 {\n        let token = CancellationToken::new();\n        \
let handle = tokio::spawn(worker(format!(\"w{i}\"), token.clone()));\n        \
tasks_tokens.insert(handle.id(), token);\n        tasks.push(handle);\n    }",
            "for t in &tasks {\n        \
// Its token is cancelled: the task runs its cleanup, awaits and all.\n        \
tasks_tokens[&t.id()].cancel();\n    }",
            "let t_cancelled = (&mut *t).await.unwrap();\n        if t_cancelled {",
            "tasks_names[&t.id()],",
            "if t_cancelled { \"True\" } else { \"False\" }",
        ],
    );
    assert!(!text.contains("abort()"), "{text}");
    assert!(!text.contains("guard("), "{text}");
    assert!(!text.contains("tasks_aborted"), "{text}");
}

#[test]
fn an_index_the_spawn_does_not_read_is_no_name() {
    let made = MADE.replace("worker(f\"w{i}\")", "worker(\"w\")");
    let text = listing(&program(&[&made, STARTED, CANCELS, AWAITS]));
    has_all(&text, &["for _ in 0..2 {"]);
}

/// The construct named where a task's cleanup would run in `Drop`.
const FINALLY_IN_DROP: &str = "an `await` in a `finally` the Rust listing runs in `Drop`";

#[test]
fn a_cancel_before_the_tasks_started_is_refused() {
    // asyncio cancels a task that has not started before its first
    // statement: neither "working" nor its cleanup is printed.
    let (construct, _, at) = refused(&program(&[MADE, CANCELS, AWAITS]));
    assert_eq!(construct, FINALLY_IN_DROP);
    assert_eq!(at, "await asyncio.sleep(0.5)");
}

#[test]
fn tasks_never_awaited_are_refused() {
    // `asyncio.run` would cancel them at its end and run their cleanup.
    let (construct, _, _) = refused(&program(&[MADE, STARTED, CANCELS]));
    assert_eq!(construct, FINALLY_IN_DROP);
}

#[test]
fn a_return_before_the_awaiting_loop_is_refused() {
    let leave = "    if len(\"ab\") > 3:\n        return\n";
    let (construct, _, _) = refused(&program(&[MADE, STARTED, CANCELS, leave, AWAITS]));
    assert_eq!(construct, FINALLY_IN_DROP);
}

#[test]
fn a_task_read_otherwise_in_the_handler_is_refused() {
    let awaits = AWAITS.replace("t.get_name(), t.cancelled()", "t");
    let (construct, _, _) = refused(&program(&[MADE, STARTED, CANCELS, &awaits]));
    assert_eq!(construct, FINALLY_IN_DROP);
}

#[test]
fn a_list_made_over_another_list_is_refused() {
    let made = MADE.replace("range(2)", "[0, 1]");
    let (construct, _, _) = refused(&program(&[&made, STARTED, CANCELS, AWAITS]));
    assert_eq!(construct, FINALLY_IN_DROP);
}

#[test]
fn a_list_read_a_third_time_is_refused() {
    let (construct, _, _) = refused(&program(&[
        MADE,
        STARTED,
        CANCELS,
        AWAITS,
        "    print(len(tasks))\n",
    ]));
    assert_eq!(construct, FINALLY_IN_DROP);
}

#[test]
fn a_comprehension_naming_token_or_handle_is_refused() {
    // The loop that makes the tasks binds those names.
    let made = MADE
        .replace("for i in range(2)", "for token in range(2)")
        .replace("{i}", "{token}");
    let (construct, _, _) = refused(&program(&[&made, STARTED, CANCELS, AWAITS]));
    assert_eq!(construct, FINALLY_IN_DROP);
}
