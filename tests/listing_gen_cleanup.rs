//! The Rust listing of an async generator's `finally`: left at a `yield`,
//! the stream spawns its cleanup as a task, as asyncio closes an abandoned
//! generator in a task of its own; dropped while it awaits (its reader's
//! task cancelled), or read to its end, it runs the cleanup in place.
//! (Python's own output is checked by `tests/rust_listings.rs` on
//! `tests/programs/asyncgen__cleanup_awaits.py`,
//! `asyncgen__break_runs_finally.py` and
//! `asyncgen__reader_cancelled_at_shutdown.py`.)

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing};

const GEN: &str = "async def gen(tag):\n    try:\n        for i in range(3):\n            \
await asyncio.sleep(0.1)\n            yield i\n    finally:\n        print(tag, \"cleanup start\")\n        \
await asyncio.sleep(0.2)\n        print(tag, \"cleanup end\")\n\n\n";

#[test]
fn a_generator_left_at_a_yield_spawns_its_cleanup_and_otherwise_runs_it_in_place() {
    let text = listing(&format!(
        "{HEADER}{GEN}async def main():\n    async for x in gen(\"m\"):\n        if x == 1:\n            \
break\n    print(\"after loop\")\n    await asyncio.sleep(1)\n{RUN}"
    ));
    has_all(
        &text,
        &[
            "                if at_yield.load(Ordering::Relaxed) {
                    // Left at a `yield`: asyncio closes the generator in a task of its own.
                    let tag = tag.to_string();
                    let cleanup = tokio::spawn(async move {
                        println!(\"{tag} cleanup start\");
                        sleep(Duration::from_millis(200)).await;
                        println!(\"{tag} cleanup end\");
                    });",
            // A runtime shutting down refuses the task: the cleanup runs in place.
            "                    if !cleanup.is_finished() {
                        return;
                    }
                }",
            "                // runs in place, as in that task in Python.
                println!(\"{tag} cleanup start\");
                // `sleep` would await here, but `Drop` cannot await.
                println!(\"{tag} cleanup end\");
            });",
            "                at_yield.store(true, Ordering::Relaxed);
                yield i;
                at_yield.store(false, Ordering::Relaxed);",
            "            ScopeGuard::into_inner(_finally);
            println!(\"{tag} cleanup start\");
            sleep(Duration::from_millis(200)).await;",
            // The stream drops where the loop ends, before `after loop`.
            "    {
        let mut gen_items = pin!(r#gen(\"m\"));
        while let Some(x) = gen_items.next().await {",
            "        }
    }
    println!(\"after loop\");",
        ],
    );
}

#[test]
fn a_cleanup_reading_what_the_body_changes_stays_a_drop_guard() {
    let text = listing(&format!(
        "{HEADER}async def gen():\n    n = 0\n    try:\n        for i in range(3):\n            \
n += 1\n            yield i\n    finally:\n        print(\"made\", n)\n\n\n\
async def main():\n    async for x in gen():\n        print(x)\n{RUN}"
    ));
    assert!(!text.contains("tokio::spawn"), "{text}");
    assert!(text.contains("cleanup runs in `Drop`"), "{text}");
}
