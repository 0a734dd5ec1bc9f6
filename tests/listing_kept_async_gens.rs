//! An async generator kept in a variable and read by hand with
//! `await anext(g)`: its stream pinned in the variable, and, in the
//! coroutine `asyncio.run` runs, the `run` helper giving the cleanup the
//! stream spawns as it drops one turn, as asyncio does while it closes the
//! loop. (Python's own output is checked by `tests/rust_listings.rs` on
//! `tests/programs/asyncgen__dropped_when_main_ends.py` and
//! `asyncgen__abandoned_in_task.py`.) And the near cases it refuses: the
//! stream read otherwise, or kept in the coroutine that ends the program,
//! and an await of a task taken out of a list inside an expression (a
//! `JoinHandle` awaited twice panics, where Python's task gives its result
//! again).

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing, refused};

const GEN: &str = "async def gen(tag):\n    try:\n        for i in range(10):\n            \
await asyncio.sleep(0.1)\n            yield i\n    finally:\n        print(tag, \"cleanup\")\n\n\n";

#[test]
fn an_async_generator_read_with_anext_is_its_pinned_stream() {
    let text = listing(&format!(
        "{HEADER}{GEN}async def main():\n    g = gen(\"kept\")\n    print(await anext(g))\n    \
print(await anext(g))\n\n\nasyncio.run(main())\nprint(\"after run\")\n"
    ));
    has_all(
        &text,
        &[
            "    let mut g = pin!(r#gen(\"kept\"));
    println!(\"{}\", g.next().await.expect(\"StopAsyncIteration\"));",
            "async fn run<F: Future>(f: F) -> F::Output {
    let output = f.await;
    tokio::task::yield_now().await;
    output
}",
        ],
    );
}

#[test]
fn a_stream_kept_in_the_coroutine_that_ends_the_program_is_refused() {
    // asyncio gives the cleanup a turn as it closes the loop; the listing's
    // `main` would have none to give.
    let (construct, reason, place) = refused(&format!(
        "{HEADER}{GEN}async def main():\n    g = gen(\"kept\")\n    print(await anext(g))\n{RUN}"
    ));
    assert_eq!(construct, "`gen(...)` kept in `g`");
    assert!(reason.contains("something follows"), "{reason}");
    assert_eq!(place, "gen(\"kept\")");
}

#[test]
fn a_stream_read_otherwise_than_by_anext_is_refused() {
    let (construct, ..) = refused(&format!(
        "{HEADER}{GEN}async def main():\n    g = gen(\"kept\")\n    print(await anext(g))\n    \
async for x in g:\n        print(x)\n\n\nasyncio.run(main())\nprint(\"after run\")\n"
    ));
    assert_eq!(construct, "`gen(...)` kept in `g`");
}

#[test]
fn a_stream_kept_inside_a_block_is_refused() {
    // Rust would drop it where the block ends, Python where `main` ends.
    let (construct, ..) = refused(&format!(
        "{HEADER}{GEN}async def main():\n    if True:\n        g = gen(\"kept\")\n        \
print(await anext(g))\n    print(\"end\")\n\n\nasyncio.run(main())\nprint(\"after run\")\n"
    ));
    assert_eq!(construct, "`gen(...)` kept in `g`");
}

#[test]
fn awaiting_a_task_of_a_list_inside_an_expression_awaits_its_shared_handle() {
    let source = format!(
        "{HEADER}async def work(n):\n    await asyncio.sleep(n)\n    return n\n\n\n\
async def main():\n    tasks = [asyncio.create_task(work(n)) for n in [1, 2]]\n    \
print(\"got\", await tasks[1])\n{RUN}"
    );
    has_all(
        &listing(&source),
        &[
            ".map(|n| tokio::spawn(work(n)).map(Result::unwrap).shared())",
            "println!(\"got {}\", tasks[1].clone().await);",
        ],
    );
}
