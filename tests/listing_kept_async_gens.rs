//! The near cases of async generators and awaits the Rust listing does not
//! take: an async generator kept in a variable and read by hand with
//! `anext` (dropped as `main` ends, asyncio still gives its cleanup task a
//! turn while it closes the loop, or closes it whole when something else
//! holds it), and an await of a task taken out of a list inside an
//! expression (a `JoinHandle` awaited twice panics, where Python's task
//! gives its result again).

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, refused};

#[test]
fn an_async_generator_read_with_anext_is_refused_where_it_is_made() {
    let source = format!(
        "{HEADER}async def gen(tag):\n    try:\n        for i in range(10):\n            \
await asyncio.sleep(0.1)\n            yield i\n    finally:\n        print(tag, \"cleanup\")\n\n\n\
async def main():\n    g = gen(\"kept\")\n    print(await anext(g))\n{RUN}"
    );
    let (construct, reason, place) = refused(&source);
    assert_eq!(construct, "`gen(...)` here");
    assert!(reason.contains("async for"), "{reason}");
    assert_eq!(place, "gen(\"kept\")");
}

#[test]
fn awaiting_a_task_of_a_list_inside_an_expression_is_refused() {
    let source = format!(
        "{HEADER}async def work(n):\n    await asyncio.sleep(n)\n    return n\n\n\n\
async def main():\n    tasks = [asyncio.create_task(work(n)) for n in [1, 2]]\n    \
print(\"got\", await tasks[1])\n{RUN}"
    );
    let (construct, _, place) = refused(&source);
    assert_eq!(construct, "an `await` inside an expression");
    assert_eq!(place, "await tasks[1]");
}
