//! The Rust listing of `async for ... else` and of an async iterator class
//! whose `__aiter__` sets fields before `return self`; the refusal of a
//! loop variable used after its `async for`.

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing, refused};

/// An async generator the tests iterate.
const TICKS: &str = "async def ticks(n):\n    for i in range(n):\n        await asyncio.sleep(1)\n        yield i\n\n\n";

/// An iterator class whose `__aiter__` starts its count.
const PAGES: &str = "class Pages:\n    def __init__(self, count):\n        self.count = count\n\n    def __aiter__(self):\n        self.page = 0\n        return self\n\n    async def __anext__(self):\n        if self.page >= self.count:\n            raise StopAsyncIteration\n        await asyncio.sleep(1)\n        self.page += 1\n        return self.page\n\n\n";

fn program(defs: &str, body: &str) -> String {
    format!("{HEADER}{defs}async def main():\n{body}{RUN}")
}

/// `async for ... else` with a `break`: the loop and its `else` part in a
/// labeled block that the `break` leaves.
#[test]
fn an_async_for_with_else_is_a_labeled_block_that_break_leaves() {
    let text = listing(&program(
        TICKS,
        "    async for i in ticks(3):\n        if i == 1:\n            break\n    else:\n        print(\"never\")\n    print(\"after\")\n",
    ));
    has_all(
        &text,
        &[
            "    'exit: {\n        let mut ticks_items = pin!(ticks(3));\n        while let Some(i) = ticks_items.next().await {\n            if i == 1 {\n                break 'exit;\n            }\n        }\n        println!(\"never\");\n    }\n    println!(\"after\");",
        ],
    );
}

/// Without a `break`, the `else` part simply follows the loop.
#[test]
fn an_async_for_else_without_break_follows_the_loop() {
    let text = listing(&program(
        TICKS,
        "    async for i in ticks(2):\n        print(i)\n    else:\n        print(\"done\")\n",
    ));
    has_all(
        &text,
        &["        println!(\"{i}\");\n    }\n    println!(\"done\");"],
    );
    assert!(!text.contains("'exit"), "{text}");
}

/// What `__aiter__` sets, the constructor sets: the object is made in the
/// `async for` itself, so `__aiter__` runs once, right after `__init__`.
#[test]
fn fields_set_in_aiter_are_set_by_the_constructor() {
    let text = listing(&program(
        PAGES,
        "    async for p in Pages(2):\n        print(\"page\", p)\n",
    ));
    has_all(
        &text,
        &[
            "struct Pages {\n    count: i64,\n    page: i64,",
            "Self {\n            count,\n            page: 0,",
            "while let Some(p) = pages_items.next().await {",
        ],
    );
}

/// An `__aiter__` that does anything but set fields is refused where it
/// stands.
#[test]
fn an_aiter_that_prints_is_refused() {
    let src = program(
        &PAGES.replace("        self.page = 0\n", "        print(\"start\")\n"),
        "    async for p in Pages(2):\n        print(p)\n",
    );
    let (construct, reason, at) = refused(&src);
    assert_eq!(
        construct,
        "an `__aiter__` that does more than `return self`"
    );
    assert!(reason.contains("may set fields"), "{reason}");
    assert!(at.starts_with("def __aiter__(self):"), "{at}");
}

/// A loop variable used after its `async for` (here in the `else`) and
/// also assigned has no Rust counterpart: `while let` binds it inside the
/// loop only.
#[test]
fn a_loop_variable_read_after_its_async_for_is_refused() {
    let (construct, _, at) = refused(&program(
        TICKS,
        "    async for i in ticks(2):\n        pass\n    else:\n        print(\"last\", i)\n    i = 3\n",
    ));
    assert_eq!(construct, "`i` used after its `async for`");
    assert!(at.starts_with("async for i in ticks(2):"), "{at}");
    let pairs = "async def pairs():\n    yield 1, 2\n\n\n";
    let (construct, _, _) = refused(&program(
        pairs,
        "    async for a, b in pairs():\n        pass\n    print(b)\n",
    ));
    assert_eq!(construct, "`b` used after its `async for`");
}

/// Another `async for` over the same name binds it anew: translated; the
/// name set again by an assignment is refused too.
#[test]
fn a_loop_variable_bound_by_another_loop_is_translated() {
    let text = listing(&program(
        TICKS,
        "    async for i in ticks(2):\n        print(i)\n    async for i in ticks(1):\n        print(i)\n",
    ));
    assert_eq!(
        text.matches("while let Some(i) = ticks_items.next().await {")
            .count(),
        2,
        "{text}"
    );
    let (construct, _, _) = refused(&program(
        TICKS,
        "    async for i in ticks(2):\n        print(i)\n    i = 10\n    print(i)\n",
    ));
    assert_eq!(construct, "`i` used after its `async for`");
}
