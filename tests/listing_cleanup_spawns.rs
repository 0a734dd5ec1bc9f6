//! What a cancellation's cleanup does beyond printing and computing. A
//! task made there is made in the token's branch of a task that goes on
//! after its cancellation, refused where the listing runs the cleanup in
//! `Drop` (which makes no task), and refused in the cleanup of a task only
//! `asyncio.run`'s end cancels (asyncio destroys that new task pending
//! after the shutdown's rounds). Any other statement a drop guard does not
//! write (an event set, a queue's `put_nowait`) is refused there too.

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing, refused};

const SHUTDOWN: &str =
    "`asyncio.create_task` in the cleanup of a task cancelled at the end of `asyncio.run`";

/// `late()`, a coroutine the cleanups below make a task of.
const LATE: &str = "async def late():\n    for k in range(1, 4):\n        print(\"late\", k)\n        \
await asyncio.sleep(0)\n\n\n";

/// A program of [`LATE`], `stubborn` (whose `except CancelledError:` runs
/// `handler`, indented by eight spaces) and `main` running `body`.
fn program(handler: &str, body: &str) -> String {
    format!(
        "{HEADER}{LATE}async def stubborn():\n    try:\n        await asyncio.sleep(10)\n    \
except asyncio.CancelledError:\n{handler}\n\nasync def main():\n{body}{RUN}"
    )
}

/// `main` leaves `stubborn` pending: `asyncio.run`'s end cancels it.
const LEAVES_PENDING: &str =
    "    asyncio.create_task(stubborn())\n    await asyncio.sleep(0.5)\n    print(\"main ends\")\n";

#[test]
fn a_task_made_by_a_cleanup_that_goes_on_at_the_runs_end_is_refused_there() {
    let (construct, reason, at) = refused(&program(
        "        print(\"cancelled\")\n        asyncio.create_task(late())\n        \
await asyncio.sleep(0)\n        print(\"done\")\n",
        LEAVES_PENDING,
    ));
    assert_eq!(construct, SHUTDOWN);
    assert!(reason.contains("destroyed pending"), "{reason}");
    assert!(
        reason.contains("Task was destroyed but it is pending!"),
        "{reason}"
    );
    assert_eq!(at, "asyncio.create_task(late())");
}

/// A cleanup that raises again makes the task all the same.
#[test]
fn a_task_made_by_a_cleanup_that_raises_at_the_runs_end_is_refused_there() {
    let (construct, _, at) = refused(&program(
        "        print(\"cancelled\")\n        asyncio.create_task(late())\n        raise\n",
        LEAVES_PENDING,
    ));
    assert_eq!(construct, SHUTDOWN);
    assert_eq!(at, "asyncio.create_task(late())");
}

/// Cancelled by `t.cancel()`, the task's handler runs in a drop guard,
/// which would leave the new task out.
#[test]
fn a_task_made_in_a_handler_run_in_drop_is_refused_there() {
    let (construct, reason, at) = refused(&program(
        "        print(\"cancelled\")\n        asyncio.create_task(late())\n        raise\n",
        "    t = asyncio.create_task(stubborn())\n    await asyncio.sleep(0.5)\n    t.cancel()\n    \
await asyncio.sleep(1)\n    print(\"main ends\")\n",
    ));
    assert_eq!(
        construct,
        "a task made in an `except asyncio.CancelledError` the Rust listing runs in `Drop`"
    );
    assert!(reason.contains("makes no task"), "{reason}");
    assert!(reason.contains("CancellationToken"), "{reason}");
    assert_eq!(at, "asyncio.create_task(late())");
}

#[test]
fn a_task_made_in_a_finally_run_in_drop_is_refused_there() {
    let (construct, _, at) = refused(&format!(
        "{HEADER}{LATE}async def worker():\n    try:\n        await asyncio.sleep(10)\n    \
finally:\n        print(\"cleaning\")\n        asyncio.create_task(late())\n\n\n\
async def main():\n    t = asyncio.create_task(worker())\n    await asyncio.sleep(0.5)\n    \
t.cancel()\n    await asyncio.sleep(1)\n{RUN}"
    ));
    assert_eq!(
        construct,
        "a task made in a `finally` the Rust listing runs in `Drop`"
    );
    assert_eq!(at, "asyncio.create_task(late())");
}

/// A task that goes on after `t.cancel()` runs its handler in the token's
/// branch, where the task is made as any other.
#[test]
fn a_task_made_in_the_tokens_branch_translates() {
    let text = listing(&program(
        "        print(\"cancelled\")\n        asyncio.create_task(late())\n        \
await asyncio.sleep(0.1)\n    print(\"goes on\")\n",
        "    t = asyncio.create_task(stubborn())\n    await asyncio.sleep(0.5)\n    t.cancel()\n    \
await t\n    print(\"main ends\")\n",
    ));
    has_all(
        &text,
        &[
            "() = token.cancelled() => {",
            "println!(\"cancelled\");\n            // Never awaited: dropping a JoinHandle detaches the task.\n            tokio::spawn(late());\n            sleep(Duration::from_millis(100)).await;",
            "println!(\"goes on\");",
            "t_token.cancel();",
        ],
    );
}

/// `worker(done)`, whose handler runs `handler` (indented by eight
/// spaces) and raises again, and a `main` that cancels it and waits for
/// the event `done`.
fn event_program(handler: &str) -> String {
    format!(
        "{HEADER}async def worker(done):\n    try:\n        await asyncio.sleep(10)\n    \
except asyncio.CancelledError:\n        print(\"cancelled\")\n{handler}        raise\n\n\n\
async def main():\n    done = asyncio.Event()\n    t = asyncio.create_task(worker(done))\n    \
await asyncio.sleep(0.5)\n    t.cancel()\n    await asyncio.sleep(1)\n    print(done.is_set())\n{RUN}"
    )
}

/// The guard would leave the event unset.
#[test]
fn an_event_set_in_a_handler_run_in_drop_is_refused_there() {
    let (construct, reason, at) = refused(&event_program("        done.set()\n"));
    assert_eq!(
        construct,
        "`done.set()` in a cleanup the Rust listing runs in `Drop`"
    );
    assert!(reason.contains("needs no runtime"), "{reason}");
    assert!(reason.contains("CancellationToken"), "{reason}");
    assert_eq!(at, "done.set()");
}

/// Printing and computing are what the guard writes.
#[test]
fn a_handler_run_in_drop_that_prints_and_computes_still_translates() {
    let text = listing(&event_program("        n = 2 + 3\n        print(n)\n"));
    has_all(
        &text,
        &[
            "let on_cancel = guard((), |_| {",
            "println!(\"cancelled\");",
            "println!(\"{n}\");",
        ],
    );
}

/// A `finally` after handlers runs in a drop guard too.
#[test]
fn an_event_set_in_a_finally_after_handlers_is_refused_there() {
    let (construct, _, at) = refused(&format!(
        "{HEADER}async def main():\n    done = asyncio.Event()\n    try:\n        \
await asyncio.sleep(0.1)\n        raise ValueError(\"x\")\n    except ValueError:\n        \
print(\"caught\")\n    finally:\n        done.set()\n    print(done.is_set())\n{RUN}"
    ));
    assert_eq!(
        construct,
        "`done.set()` in a cleanup the Rust listing runs in `Drop`"
    );
    assert_eq!(at, "done.set()");
}
