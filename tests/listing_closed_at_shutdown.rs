//! An async generator that a module list keeps to the end of
//! `asyncio.run` (`kept.append(g)`, the list read nowhere else): asyncio's
//! shutdown closes it and awaits its cleanup whole, which the listing's
//! `run` helper does through a `TaskTracker` its drop guard spawns the
//! cleanup on. (Python's own output is checked by `tests/rust_listings.rs`
//! on `tests/programs/asyncgen__closed_at_shutdown.py`.) And the near
//! cases it refuses: a task or callback left that asyncio cancels first,
//! two generators closed at once, a generator called twice, the list read.

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, has_all, listing, refused};

const GEN: &str = "async def gen(tag):\n    try:\n        for i in range(10):\n            \
await asyncio.sleep(0.1)\n            yield i\n    finally:\n        print(tag, \"start\")\n        \
await asyncio.sleep(0.2)\n        print(tag, \"end\")\n\n\n";

/// A program keeping `gen("kept")` in `kept`, whose `main` runs `body`
/// after it, and a line after `asyncio.run`.
fn kept_program(body: &str) -> String {
    format!(
        "{HEADER}{GEN}kept = []\n\n\nasync def main():\n    g = gen(\"kept\")\n    \
kept.append(g)\n    print(await anext(g))\n{body}\n\nasyncio.run(main())\nprint(\"after run\")\n"
    )
}

#[test]
fn a_generator_kept_to_the_end_of_the_run_is_closed_by_its_shutdown() {
    let text = listing(&kept_program("    print(\"main end\")\n"));
    has_all(
        &text,
        &[
            "use tokio_util::task::TaskTracker;",
            "static CLOSING: LazyLock<TaskTracker> = LazyLock::new(TaskTracker::new);",
            "                    let cleanup = CLOSING.spawn(async move {
                        println!(\"{tag} start\");
                        sleep(Duration::from_millis(200)).await;
                        println!(\"{tag} end\");
                    });",
            "    let mut g = pin!(r#gen(\"kept\"));
    // `kept` keeps `g` to the end of `asyncio.run`, whose shutdown closes the generator, its
    // cleanup awaited (see `run`).
    println!(\"{}\", g.next().await.expect(\"StopAsyncIteration\"));",
            "async fn run<F: Future>(f: F) -> F::Output {
    let output = f.await;
    CLOSING.close();
    CLOSING.wait().await;
    output
}",
        ],
    );
    // The list only keeps the generator: no item of the listing.
    assert!(!text.contains("KEPT"), "{text}");
    assert!(!text.contains("yield_now"), "{text}");
}

#[test]
fn a_task_left_running_at_the_end_is_refused() {
    // asyncio cancels it before it closes the generator.
    let (construct, reason, place) = refused(&format!(
        "{HEADER}async def tick():\n    await asyncio.sleep(5)\n\n\n{}",
        kept_program("    asyncio.create_task(tick())\n    print(\"main end\")\n")
            .trim_start_matches(HEADER)
    ));
    assert_eq!(construct, "`gen(...)` kept to the end of `asyncio.run`");
    assert!(reason.contains("no task or callback"), "{reason}");
    assert_eq!(place, "kept.append(g)");
}

#[test]
fn two_generators_kept_are_refused() {
    // asyncio closes them at once, in an order of its own.
    let (construct, ..) = refused(&format!(
        "{HEADER}{GEN}kept = []\n\n\nasync def main():\n    g = gen(\"a\")\n    \
kept.append(g)\n    h = gen(\"b\")\n    kept.append(h)\n    print(await anext(g))\n    \
print(await anext(h))\n\n\nasyncio.run(main())\nprint(\"after run\")\n"
    ));
    assert_eq!(construct, "`gen(...)` kept to the end of `asyncio.run`");
}

#[test]
fn a_kept_generator_called_elsewhere_too_is_refused() {
    // Its other streams are closed otherwise: the tracker would await them too.
    let (construct, ..) = refused(&kept_program(
        "    async for x in gen(\"other\"):\n        print(x)\n        break\n",
    ));
    assert_eq!(construct, "`gen(...)` kept to the end of `asyncio.run`");
}

#[test]
fn a_list_read_elsewhere_keeps_no_stream() {
    let (construct, _, place) = refused(&kept_program("    print(len(kept))\n"));
    assert_eq!(construct, "`gen(...)` kept in `g`");
    assert_eq!(place, "gen(\"kept\")");
}
