//! The Rust listing of async comprehensions over a generator of the
//! program: a list, a dict (an `IndexMap`) and a set of small ints (a
//! `BTreeSet`) collected from the stream, a value that awaits passed to
//! `then`; the refusal of other sets and of a test that awaits.

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing, refused};

/// An async generator the tests collect, and a coroutine they await.
const DEFS: &str = "async def ticks(n):\n    for i in range(n):\n        await asyncio.sleep(0.5)\n        yield i\n\n\nasync def double(x):\n    await asyncio.sleep(0.25)\n    return x * 2\n\n\n";

fn program(body: &str) -> String {
    format!("{HEADER}{DEFS}async def main():\n{body}{RUN}")
}

#[test]
fn an_async_dict_comprehension_collects_pairs_into_an_indexmap() {
    let text = listing(&program(
        "    squares = {x: x * x async for x in ticks(3)}\n    print(\"squares\", squares)\n",
    ));
    has_all(
        &text,
        &[
            "use indexmap::IndexMap;",
            "    let squares = ticks(3)\n        .map(|x| (x, x * x))\n        .collect::<IndexMap<_, _>>()\n        .await;",
            "println!(\"squares {}\", squares.repr());",
        ],
    );
}

#[test]
fn an_async_set_of_remainders_is_a_btreeset_printed_as_python_prints_it() {
    let text = listing(&program(
        "    mods = {x % 2 async for x in ticks(4) if x > 0}\n    print(\"mods\", mods)\n",
    ));
    has_all(
        &text,
        &[
            "use std::collections::BTreeSet;",
            "    let mods = ticks(4)\n        .filter(|&x| std::future::ready(x > 0))\n        .map(|x| x.rem_euclid(2))\n        .collect::<BTreeSet<_>>()\n        .await;",
            "println!(\"mods {}\", py_set(&mods));",
            "fn py_set(items: &BTreeSet<i64>) -> String {",
        ],
    );
}

#[test]
fn a_value_that_awaits_is_the_future_then_awaits() {
    let text = listing(&program(
        "    mixed = [await double(x) async for x in ticks(2)]\n    print(mixed)\n    \
         more = [await double(x) + 1 async for x in ticks(2)]\n    print(more)\n",
    ));
    has_all(
        &text,
        &[
            "let mixed = ticks(2).then(double).collect::<Vec<_>>().await;",
            ".then(|x| async move { double(x).await + 1 })",
        ],
    );
    assert!(!text.contains(".map(|x| double(x).await"), "{text}");
}

#[test]
fn a_test_that_awaits_is_refused() {
    let (construct, reason, at) = refused(&program(
        "    t = [x async for x in ticks(4) if await double(x)]\n    print(t)\n",
    ));
    assert_eq!(
        construct,
        "an `await` in the test of an async comprehension"
    );
    assert!(reason.contains("loop of its own"), "{reason}");
    assert_eq!(at, "await double(x)");
}

#[test]
fn an_async_set_of_other_values_is_refused() {
    let (construct, reason, at) = refused(&program(
        "    s = {x * 3 async for x in ticks(4)}\n    print(s)\n",
    ));
    assert_eq!(construct, "this async set comprehension");
    assert!(reason.contains("hashes"), "{reason}");
    assert_eq!(at, "{x * 3 async for x in ticks(4)}");
}

/// `x % 2` of floats is a float: no `BTreeSet` holds them, and CPython
/// orders them by their hashes; the Rust pane names the set.
#[test]
fn an_async_set_of_float_remainders_is_refused_once_typed() {
    let source = format!(
        "{HEADER}async def halves(n):\n    for i in range(n):\n        await asyncio.sleep(0.1)\n        yield i / 2\n\n\n\
         async def main():\n    s = {{x % 2 async for x in halves(4)}}\n    print(s)\n{RUN}"
    );
    let program = asynclings::python::load("x.py", &source).expect("loads");
    let text = asynclings::render::rust::render_program(&program).text();
    has_all(
        &text,
        &[
            "// The translator cannot translate this program yet (1 to do):",
            "// x.py:11:10: a set of values that are not ints",
            "    s = {x % 2 async for x in halves(4)}",
        ],
    );
}

/// A closure cannot pass the exception of a coroutine that raises on to
/// the function around it: the Rust pane names the call.
#[test]
fn a_value_awaiting_a_coroutine_that_raises_is_refused_once_typed() {
    let source = format!(
        "{HEADER}{DEFS}async def check(x):\n    await asyncio.sleep(0.1)\n    if x > 5:\n        \
         raise ValueError(\"big\")\n    return x\n\n\nasync def main():\n    try:\n        \
         vals = [await check(x) async for x in ticks(3)]\n        print(vals)\n    \
         except ValueError as e:\n        print(\"caught\", e)\n{RUN}"
    );
    let program = asynclings::python::load("x.py", &source).expect("loads");
    let text = asynclings::render::rust::render_program(&program).text();
    has_all(
        &text,
        &[
            "// The translator cannot translate this program yet (1 to do):",
            "a call of `check`, which can raise, in an async comprehension",
            "vals = [await check(x) async for x in ticks(3)]",
        ],
    );
}
