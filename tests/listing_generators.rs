//! The Rust listing of plain generators that filter and map one iterable:
//! the chain of the iterator's adapters, its items built where the call
//! is read whole; and the refusals of those whose laziness Python shows.
//! (Python's own output is checked by `tests/rust_listings.rs` on
//! `tests/programs/generators__filter_map.py`.)

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing, refused};

const EVENS: &str = "def evens(limit):\n    for n in range(limit):\n        if n % 2 == 0:\n            \
yield n * n\n\n\n";

fn program(defs: &str, main: &str) -> String {
    format!("{HEADER}{defs}async def main():\n{main}{RUN}")
}

#[test]
fn a_filtering_generator_is_the_chain_of_its_adapters() {
    let text = listing(&program(
        EVENS,
        "    for sq in evens(7):\n        print(sq)\n    print(sum(evens(10)), list(evens(3)))\n",
    ));
    has_all(
        &text,
        &[
            "fn evens(limit: i64) -> Vec<i64> {",
            "(0..limit)",
            ".filter(|&n: &i64| n % 2 == 0)",
            ".map(|n| n * n)",
            "for sq in evens(7).iter().copied() {",
            "evens(10).iter().sum::<i64>()",
        ],
    );
}

#[test]
fn a_generator_fed_by_another_takes_its_items() {
    let text = listing(&program(
        "def shout(words):\n    for word in words:\n        yield word.upper()\n\n\n\
def long_ones(words):\n    for word in words:\n        if len(word) > 3:\n            yield word\n\n\n",
        "    print(list(shout(long_ones([\"hi\", \"there\"]))))\n",
    ));
    has_all(
        &text,
        &[
            "fn shout(words: Vec<String>) -> Vec<String> {",
            ".map(|word| word.to_uppercase())",
            "py_list(&shout(long_ones(vec![\"hi\", \"there\"])))",
        ],
    );
}

#[test]
fn a_generator_kept_in_a_variable_is_refused() {
    // Python's second reading of `g` is empty; a list's is not.
    let (construct, reason, place) = refused(&program(
        EVENS,
        "    g = evens(3)\n    print(list(g))\n    print(list(g))\n",
    ));
    assert_eq!(construct, "the plain generator `evens`");
    assert!(reason.contains("used up by its first reading"), "{reason}");
    assert!(place.starts_with("def evens(limit):"), "{place}");
}

#[test]
fn a_printed_generator_is_refused() {
    // Python prints `<generator object evens at 0x...>`.
    let (construct, ..) = refused(&program(EVENS, "    print(evens(3))\n"));
    assert_eq!(construct, "the plain generator `evens`");
}

#[test]
fn a_generator_that_calls_a_printing_function_read_by_a_loop_is_refused() {
    // Python prints "making 1", "got 2", "making 2", "got 4": one item at a time.
    let (construct, _, place) = refused(&program(
        "def double(x):\n    print(\"making\", x)\n    return x * 2\n\n\n\
def doubled(xs):\n    for x in xs:\n        yield double(x)\n\n\n",
        "    for v in doubled([1, 2]):\n        print(\"got\", v)\n",
    ));
    assert_eq!(
        construct,
        "a call of `double` making the items of a generator expression"
    );
    assert_eq!(place, "double(x)");
}

#[test]
fn a_generator_with_a_loop_that_may_not_end_is_refused() {
    // Python reads three items; a list of all of them is never made.
    let (construct, ..) = refused(&program(
        "def naturals(n):\n    while True:\n        yield n\n        n += 1\n\n\n",
        "    for n in naturals(1):\n        if n > 2:\n            break\n        print(n)\n",
    ));
    assert_eq!(construct, "the plain generator `naturals`");
}

#[test]
fn a_generator_whose_iterable_calls_a_function_of_the_program_is_refused() {
    // Python calls `noisy` at the generator's first item, after `other()`
    // has printed; a list built at the call would call it first.
    let source = program(
        "def noisy(n):\n    print(\"noisy\")\n    return n\n\n\n\
def other():\n    print(\"other\")\n    return 1\n\n\n\
def upto(n):\n    for i in range(noisy(n)):\n        yield i\n\n\n\
def total(xs, k):\n    for x in xs:\n        yield x * k\n\n\n",
        "    print(list(total(upto(3), other())))\n",
    );
    let (construct, ..) = refused(&source);
    assert_eq!(construct, "the plain generator `upto`");
}
