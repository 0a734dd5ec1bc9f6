//! The Rust listing of `asyncio.wait`: the tasks in a `JoinSet`, `done`
//! the outputs `join_next` gives, what is pending left in the set; and
//! what it refuses, at its place. (`tests/rust_listings.rs` builds and
//! runs `tests/programs/wait__first_completed.py`.)

#[path = "support/listing.rs"]
mod support;

use support::{fetch_program, has_all, listing, refused};

#[test]
fn first_completed_takes_the_first_output_and_those_of_the_same_instant() {
    let src = fetch_program(
        "    tasks = [asyncio.create_task(fetch(\"a\", 2)), asyncio.create_task(fetch(\"b\", 1))]\n    \
done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)\n    \
for t in done:\n        print(t.result(), len(pending))\n    \
for t in pending:\n        t.cancel()\n",
    );
    has_all(
        &listing(&src),
        &[
            "let mut pending = JoinSet::new();\n    pending.spawn(fetch(\"a\", Duration::from_secs(2)));\n    pending.spawn(fetch(\"b\", Duration::from_secs(1)));",
            "let mut done = Vec::new();\n    if let Some(output) = pending.join_next().await {\n        done.push(output.unwrap());\n    }",
            "while let Some(output) = pending.try_join_next() {\n        done.push(output.unwrap());\n    }",
            "for t in &done {",
            "pending.len()",
            "pending.abort_all();",
        ],
    );
}

#[test]
fn all_completed_under_a_timeout_leaves_the_rest_pending() {
    let src = fetch_program(
        "    done, pending = await asyncio.wait([asyncio.create_task(fetch(\"a\", 1))], timeout=2)\n    \
print(len(done), len(pending))\n",
    );
    has_all(
        &listing(&src),
        &[
            "let _ = timeout(Duration::from_secs(2), async {\n        while let Some(output) = pending.join_next().await {\n            done.push(output.unwrap());\n        }\n    })\n    .await;",
            "done.len()",
        ],
    );
}

#[test]
fn first_completed_under_a_timeout_may_take_nothing() {
    let src = fetch_program(
        "    tasks = [asyncio.create_task(fetch(\"a\", 3))]\n    \
done, pending = await asyncio.wait(tasks, timeout=0.5, return_when=asyncio.FIRST_COMPLETED)\n    \
print(len(done))\n",
    );
    has_all(
        &listing(&src),
        &[
            "if let Ok(Some(output)) = timeout(Duration::from_millis(500), pending.join_next()).await {",
        ],
    );
}

#[test]
fn the_task_list_used_after_the_wait_is_refused() {
    let src = fetch_program(
        "    tasks = [asyncio.create_task(fetch(\"a\", 1))]\n    \
done, pending = await asyncio.wait(tasks)\n    print(len(tasks))\n",
    );
    let (construct, reason, at) = refused(&src);
    assert_eq!(construct, "the list `tasks` used after `asyncio.wait`");
    assert!(reason.contains("`JoinSet`"), "{reason}");
    assert_eq!(at, "tasks = [asyncio.create_task(fetch(\"a\", 1))]");
}

#[test]
fn pending_used_otherwise_is_refused_where_it_stands() {
    let src = fetch_program(
        "    tasks = [asyncio.create_task(fetch(\"a\", 1))]\n    \
done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)\n    \
print(pending)\n",
    );
    let (construct, reason, at) = refused(&src);
    assert_eq!(construct, "`pending` used here");
    assert!(reason.contains("len(pending)"), "{reason}");
    assert_eq!(at, "print(pending)");
}

#[test]
fn first_exception_is_refused() {
    let src = fetch_program(
        "    tasks = [asyncio.create_task(fetch(\"a\", 1))]\n    \
done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)\n",
    );
    let (construct, _, at) = refused(&src);
    assert_eq!(construct, "this `return_when`");
    assert_eq!(at, "asyncio.FIRST_EXCEPTION");
}
