//! The Rust listing of `asyncio.gather(*[asyncio.sleep(d, result=v) for
//! ...])`: one `async move` block a sleep, gathered by `join_all`.

#[path = "support/listing.rs"]
mod support;

use support::{has_all, listing, main_of, refused};

/// Each sleep with a result is a future of its own, made by the
/// comprehension's chain; `join_all` gives the results in order.
#[test]
fn gathered_sleeps_are_async_blocks_joined_in_order() {
    let text = listing(&main_of(
        "    names = [\"a\", \"bb\"]\n    sizes = await asyncio.gather(*[asyncio.sleep(0.5 * i, result=len(n) * i) for i, n in enumerate(names)])\n    print(sizes)\n",
    ));
    has_all(
        &text,
        &[
            "use futures::future::join_all;",
            "    // Each sleep is a future of its own, its result given when it ends.\n    let sleeps = (0..).zip(names.iter()).map(|(i, n)| async move {\n        sleep(Duration::from_secs_f64(0.5 * i as f64)).await;\n",
            " as i64 * i\n    });\n    let sizes = join_all(sleeps).await;",
        ],
    );
}

/// A generator expression of sleeps over a range, the result a literal.
#[test]
fn gathered_sleeps_over_a_range() {
    let text = listing(&main_of(
        "    done = await asyncio.gather(*(asyncio.sleep(n, result=\"ok\") for n in range(3)))\n    print(done)\n",
    ));
    has_all(
        &text,
        &[
            "let sleeps = (0..3).map(|n: i64| async move {",
            "        sleep(Duration::from_secs(u64::try_from(n).unwrap_or(0))).await;",
            "let done = join_all(sleeps).await;",
        ],
    );
}

/// A result reading a variable from outside the comprehension would be
/// moved into the first block: refused at the argument.
#[test]
fn a_gathered_sleep_reading_an_outer_variable_is_refused() {
    let (construct, reason, at) = refused(&main_of(
        "    word = \"x\"\n    print(await asyncio.gather(*[asyncio.sleep(1, result=word) for n in range(2)]))\n",
    ));
    assert_eq!(construct, "this argument of a gathered `asyncio.sleep`");
    assert!(reason.contains("the comprehension's variables"), "{reason}");
    assert_eq!(at, "word");
}
