//! A TaskGroup's task kept in a variable (`t = tg.create_task(...)`) is a
//! task of its own that the group's end awaits, its output kept for
//! `t.result()` after the block; `repr(tg)` after a block that ended
//! without an exception is asyncio's text. (`tests/rust_listings.rs`
//! builds and runs `taskgroup__success`, which uses them.)

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing, refused};

const FETCH: &str = "async def fetch(name, delay):\n    await asyncio.sleep(delay)\n    \
return f\"{name}:{delay}\"\n\n\n";

const FAIL: &str = "async def fail():\n    await asyncio.sleep(1)\n    \
raise ValueError(\"bad\")\n\n\n";

fn program(body: &str) -> String {
    format!("{HEADER}{FETCH}{FAIL}async def main():\n{body}{RUN}")
}

#[test]
fn kept_tasks_are_spawned_alone_and_awaited_at_the_group_end() {
    let text = listing(&program(
        "    async with asyncio.TaskGroup() as tg:\n        \
slow = tg.create_task(fetch(\"slow\", 2), name=\"slow-fetch\")\n        \
fast = tg.create_task(fetch(\"fast\", 1))\n        \
print(slow.get_name(), fast.get_name(), slow.done())\n        \
await asyncio.sleep(1.5)\n        print(fast.done(), slow.done())\n    \
print(slow.result(), fast.result(), slow.done())\n    print(repr(tg))\n",
    ));
    has_all(
        &text,
        &[
            "// The tasks `tg` keeps in variables are spawned alone; its end awaits them.\n    \
let slow = tokio::spawn(fetch(\"slow\", Duration::from_secs(2)));\n    let fast = tokio::spawn(fetch(\"fast\", Duration::from_secs(1)));",
            "\"slow-fetch Task-3 {}\"",
            "if slow.is_finished() { \"True\" } else { \"False\" }",
            "// The group's end awaits the tasks it keeps too; each output is kept.\n    \
let slow_output = slow.await.unwrap();\n    let fast_output = fast.await.unwrap();\n    \
println!(\"{slow_output} {fast_output} True\");",
            "println!(\"<TaskGroup entered>\");",
        ],
    );
    assert!(!text.contains("JoinSet"), "{text}");
    assert!(!text.contains("let mut slow"), "{text}");
}

#[test]
fn kept_and_unkept_children_share_the_group_end() {
    let text = listing(&program(
        "    async with asyncio.TaskGroup() as tg:\n        \
tg.create_task(fetch(\"a\", 1))\n        t = tg.create_task(fetch(\"b\", 2))\n    \
print(t.result())\n",
    ));
    has_all(
        &text,
        &[
            "let mut tg = JoinSet::new();\n    tg.spawn(fetch(\"a\", Duration::from_secs(1)));\n    \
let t = tokio::spawn(fetch(\"b\", Duration::from_secs(2)));",
            "tg.join_all().await;\n    \
// The group's end awaits the tasks it keeps too; each output is kept.\n    \
let t_output = t.await.unwrap();\n    println!(\"{t_output}\");",
        ],
    );
}

#[test]
fn a_kept_task_whose_output_is_not_read_is_awaited_alone() {
    let text = listing(&program(
        "    async with asyncio.TaskGroup() as tg:\n        t = tg.create_task(fetch(\"a\", 1))\n    \
print(t.done())\n",
    ));
    has_all(&text, &["    t.await.unwrap();\n    println!(\"True\");"]);
}

#[test]
fn a_task_kept_in_a_loop_of_the_group_block_is_refused() {
    let (construct, reason, at) = refused(&program(
        "    async with asyncio.TaskGroup() as tg:\n        for n in [1, 2]:\n            \
t = tg.create_task(fetch(\"a\", n))\n    print(t.result())\n",
    ));
    assert_eq!(construct, "a TaskGroup's task kept in a variable");
    assert!(
        reason.contains("at the top of the group's block"),
        "{reason}"
    );
    assert_eq!(at, "tg.create_task(fetch(\"a\", n))");
}

#[test]
fn a_kept_task_that_can_raise_is_refused() {
    let (construct, reason, at) = refused(&program(
        "    try:\n        async with asyncio.TaskGroup() as tg:\n            \
t = tg.create_task(fail())\n            tg.create_task(fetch(\"a\", 2))\n    \
except* ValueError:\n        print(\"caught\")\n",
    ));
    assert_eq!(construct, "a TaskGroup's task kept in `t` that can raise");
    assert!(
        reason.contains("would not cancel the group's other children"),
        "{reason}"
    );
    assert_eq!(at, "t = tg.create_task(fail())");
}

#[test]
fn repr_of_a_group_in_a_handler_of_its_failure_is_refused() {
    let (construct, _, at) = refused(&program(
        "    try:\n        async with asyncio.TaskGroup() as tg:\n            \
tg.create_task(fail())\n    except* ValueError:\n        print(repr(tg))\n",
    ));
    assert_eq!(construct, "the TaskGroup `tg` after its `async with` block");
    assert_eq!(at, "tg");
}

#[test]
fn a_kept_task_awaited_inside_the_group_block_is_refused() {
    let (construct, reason, at) = refused(&program(
        "    async with asyncio.TaskGroup() as tg:\n        t = tg.create_task(fetch(\"a\", 1))\n        \
print(await t)\n",
    ));
    assert_eq!(
        construct,
        "a TaskGroup's task kept in `t`, awaited inside the group's block, cancelled or handed on"
    );
    assert!(reason.contains("which spends it"), "{reason}");
    assert_eq!(at, "t = tg.create_task(fetch(\"a\", 1))");
}

#[test]
fn a_kept_task_cancelled_is_refused() {
    let construct = refused(&program(
        "    async with asyncio.TaskGroup() as tg:\n        t = tg.create_task(fetch(\"a\", 1))\n        \
t.cancel()\n",
    ))
    .0;
    assert!(construct.contains("cancelled or handed on"), "{construct}");
}

#[test]
fn a_kept_task_awaited_after_the_block_reads_the_kept_output() {
    let text = listing(&program(
        "    async with asyncio.TaskGroup() as tg:\n        t = tg.create_task(fetch(\"a\", 1))\n    \
x = await t\n    print(x, t.result())\n",
    ));
    has_all(
        &text,
        &["let t_output = t.await.unwrap();\n    let x = t_output.clone();"],
    );
}

#[test]
fn a_kept_task_awaited_as_a_statement_after_the_block_is_a_note() {
    let text = listing(&program(
        "    async with asyncio.TaskGroup() as tg:\n        t = tg.create_task(fetch(\"a\", 1))\n    \
await t\n    print(\"after\")\n",
    ));
    has_all(
        &text,
        &[
            "    t.await.unwrap();\n    // `await t`: the group's end has awaited it.\n    println!(\"after\");",
        ],
    );
}

#[test]
fn the_output_of_a_kept_task_that_returns_nothing_is_refused() {
    let src = format!(
        "{HEADER}async def child():\n    await asyncio.sleep(1)\n\n\n\
async def main():\n    async with asyncio.TaskGroup() as tg:\n        \
t = tg.create_task(child())\n    x = t.result()\n    print(x)\n{RUN}"
    );
    let (construct, reason, at) = refused(&src);
    assert_eq!(
        construct,
        "the output of a TaskGroup's task kept in `t`, which is `None`"
    );
    assert!(reason.contains("write `None`"), "{reason}");
    assert_eq!(at, "t = tg.create_task(child())");
}
