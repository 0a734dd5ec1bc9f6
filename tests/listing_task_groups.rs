//! A TaskGroup after its `async with` block: the listing's `JoinSet` is
//! joined and spent where the block ends, so reading the group after is
//! refused there (but for its `repr`, see `listing_group_tasks`), while a
//! new group under the same name is a group anew.

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing, refused};

const CHILD: &str =
    "async def child(n):\n    await asyncio.sleep(n)\n    print(\"child\", n)\n\n\n";

fn program(body: &str) -> String {
    format!("{HEADER}{CHILD}async def main():\n{body}{RUN}")
}

#[test]
fn a_group_read_after_its_block_is_refused_at_the_read() {
    let (construct, reason, at) = refused(&program(
        "    async with asyncio.TaskGroup() as tg:\n        tg.create_task(child(1))\n    \
print(tg)\n",
    ));
    assert_eq!(construct, "the TaskGroup `tg` after its `async with` block");
    assert!(
        reason.contains("nothing of it is left to read or print after"),
        "{reason}"
    );
    assert_eq!(at, "tg");
}

#[test]
fn a_second_group_under_the_same_name_is_a_new_join_set() {
    let text = listing(&program(
        "    async with asyncio.TaskGroup() as tg:\n        tg.create_task(child(1))\n    \
async with asyncio.TaskGroup() as tg:\n        tg.create_task(child(2))\n    print(\"done\")\n",
    ));
    has_all(
        &text,
        &[
            "tg.spawn(child(Duration::from_secs(1)));",
            "tg.spawn(child(Duration::from_secs(2)));",
            "println!(\"done\");",
        ],
    );
}

#[test]
fn a_return_inside_a_group_block_is_refused_at_the_return() {
    let src = format!(
        "{HEADER}{CHILD}async def work():\n    async with asyncio.TaskGroup() as tg:\n        \
tg.create_task(child(2))\n        return 5\n\n\nasync def main():\n    print(await work())\n{RUN}"
    );
    let (construct, reason, at) = refused(&src);
    assert_eq!(
        construct,
        "a statement that leaves the block of the TaskGroup `tg`"
    );
    assert!(
        reason.contains("awaits its children before the block is left"),
        "{reason}"
    );
    assert_eq!(at, "return 5");
}

#[test]
fn a_break_of_a_loop_around_a_group_is_refused_but_not_one_inside_it() {
    let (construct, _, at) = refused(&program(
        "    for n in [1, 2]:\n        async with asyncio.TaskGroup() as tg:\n            \
tg.create_task(child(n))\n            if n == 1:\n                break\n",
    ));
    assert_eq!(
        construct,
        "a statement that leaves the block of the TaskGroup `tg`"
    );
    assert_eq!(at, "break");
    let text = listing(&program(
        "    async with asyncio.TaskGroup() as tg:\n        for n in [1, 2, 3]:\n            \
if n == 3:\n                break\n            tg.create_task(child(n))\n",
    ));
    has_all(&text, &["tg.join_all().await;"]);
}
