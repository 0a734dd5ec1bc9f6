//! The Rust listing of plain generators whose items can be made at once:
//! the function returning the list of its items, `yield` its `push` and
//! `yield from` its `extend`; and the refusals of those whose laziness
//! Python shows. (Python's own output is checked by
//! `tests/rust_listings.rs` on `tests/programs/generators__built_at_once.py`.)

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing, refused};

const COUNTDOWN: &str =
    "def countdown(n):\n    while n > 0:\n        yield n\n        n -= 1\n\n\n";

fn program(defs: &str, main: &str) -> String {
    format!("{HEADER}{defs}async def main():\n{main}{RUN}")
}

#[test]
fn a_countdown_is_the_list_of_its_items() {
    let text = listing(&program(
        COUNTDOWN,
        "    for n in countdown(3):\n        await asyncio.sleep(1)\n        print(n)\n\
         \x20   print(sum(countdown(100)), list(countdown(0)))\n",
    ));
    has_all(
        &text,
        &[
            "fn countdown(mut n: i64) -> Vec<i64> {\n    let mut items = vec![];\n    \
             while n > 0 {\n        items.push(n);\n        n -= 1;\n    }\n    items\n}",
            "for n in countdown(3).iter().copied() {",
            "countdown(100).iter().sum::<i64>()",
        ],
    );
}

#[test]
fn yield_from_extends_the_list_and_return_gives_it() {
    let text = listing(&program(
        &format!(
            "{COUNTDOWN}def evens_then_end(limit):\n    yield from range(0, limit, 2)\n    \
             yield -1\n\n\n\
             def until(values, stop):\n    for value in values:\n        if value == stop:\n            \
             return\n        yield value\n\n\n"
        ),
        "    print(list(evens_then_end(5)), list(until(countdown(5), 3)))\n",
    ));
    has_all(
        &text,
        &[
            "items.extend((0..limit).step_by(2));\n    items.push(-1);\n    items\n}",
            "fn until(values: &[i64], stop: i64) -> Vec<i64> {",
            "        if value == stop {\n            return items;\n        }\n        \
             items.push(value);",
            "until(&countdown(5), 3)",
        ],
    );
}

#[test]
fn the_list_takes_a_name_the_generator_leaves_free() {
    let text = listing(&program(
        "def pairs(items):\n    for item in items:\n        key, _, value = item.partition(\"=\")\n        \
         yield key.strip(), int(value)\n\n\n",
        "    print(dict(pairs([\"a = 1\", \"b=2\"])))\n",
    ));
    has_all(
        &text,
        &[
            "let mut out = vec![];",
            "out.push((key.trim().to_string(), value.trim().parse::<i64>().unwrap()));",
            "    out\n}",
        ],
    );
}

#[test]
fn a_running_total_yielded_by_a_number_is_built_at_once() {
    let text = listing(&program(
        "def running(values):\n    total = 0\n    for value in values:\n        total += value\n        \
         yield total\n\n\n",
        "    for t in running([1, 2, 3]):\n        print(t)\n",
    ));
    has_all(&text, &["total += value;\n        items.push(total);"]);
}

#[test]
fn a_generator_that_can_raise_read_item_by_item_is_refused() {
    // Python prints 1 before `int("x")` raises; a list built at the call
    // would raise first.
    let (construct, reason, place) = refused(&program(
        "def numbers(texts):\n    for t in texts:\n        yield int(t)\n\n\n",
        "    for n in numbers([\"1\", \"x\"]):\n        print(n)\n",
    ));
    assert_eq!(construct, "the plain generator `numbers`");
    assert!(reason.contains("where no item can raise"), "{reason}");
    assert!(place.starts_with("def numbers(texts):"), "{place}");
}

#[test]
fn a_generator_that_prints_is_refused() {
    let (construct, ..) = refused(&program(
        "def noisy(xs):\n    for x in xs:\n        print(\"making\", x)\n        yield x\n\n\n",
        "    print(list(noisy([1, 2])))\n",
    ));
    assert_eq!(construct, "the plain generator `noisy`");
}

#[test]
fn a_generator_whose_reader_changes_its_argument_is_refused() {
    // Python's generator sees the item appended while it runs.
    let (construct, ..) = refused(&program(
        "def firsts(xs):\n    for x in xs:\n        if x < 3:\n            yield x\n\n\n",
        "    xs = [1]\n    for x in firsts(xs):\n        xs.append(x + 1)\n    print(xs)\n",
    ));
    assert_eq!(construct, "the plain generator `firsts`");
}

#[test]
fn a_generator_whose_while_may_not_end_is_refused() {
    let (construct, ..) = refused(&program(
        "def halves(n):\n    while n != 1:\n        yield n\n        n = n // 2\n\n\n",
        "    print(list(halves(8)))\n",
    ));
    assert_eq!(construct, "the plain generator `halves`");
}

#[test]
fn a_yielded_list_changed_in_place_is_refused() {
    // Python's reader sees the list as the generator left it at the end.
    let (construct, ..) = refused(&program(
        "def grow(xs):\n    acc = []\n    for x in xs:\n        acc += [x]\n        yield acc\n\n\n",
        "    print(list(grow([1, 2])))\n",
    ));
    assert_eq!(construct, "the plain generator `grow`");
}

#[test]
fn a_generator_read_by_next_is_refused() {
    let (construct, ..) = refused(&program(
        COUNTDOWN,
        "    g = countdown(2)\n    print(next(g), next(g))\n",
    ));
    assert_eq!(construct, "the plain generator `countdown`");
}

#[test]
fn a_recursive_generator_extends_its_list_by_its_own_calls() {
    let text = listing(&program(
        "def depth_first(n):\n    if n > 0:\n        yield from depth_first(n - 1)\n        \
         yield n\n\n\n",
        "    print(list(depth_first(3)))\n",
    ));
    has_all(
        &text,
        &[
            "fn depth_first(n: i64) -> Vec<i64> {",
            "    if n > 0 {\n        items.extend(depth_first(n - 1));\n        items.push(n);\n    }",
        ],
    );
}

#[test]
fn a_generator_given_to_a_parameter_that_a_comprehension_reads_is_built_at_once() {
    let text = listing(&program(
        &format!("{COUNTDOWN}def squares(values):\n    return [v * v for v in values]\n\n\n"),
        "    print(squares(countdown(3)))\n",
    ));
    has_all(&text, &["squares(&countdown(3))"]);
}

#[test]
fn a_generator_given_to_a_parameter_read_otherwise_is_refused() {
    let (construct, ..) = refused(&program(
        &format!("{COUNTDOWN}def both(values):\n    return list(values), list(values)\n\n\n"),
        "    print(both(countdown(3)))\n",
    ));
    assert_eq!(construct, "the plain generator `countdown`");
}

#[test]
fn enumerate_zip_any_and_all_read_a_generator_item_by_item() {
    let text = listing(&program(
        COUNTDOWN,
        "    for i, n in enumerate(countdown(2)):\n        print(i, n)\n    \
         print(all(countdown(3)), any(countdown(0)))\n",
    ));
    has_all(
        &text,
        &[
            "for (i, n) in (0..).zip(countdown(2).iter().copied()) {",
            "countdown(3).iter().copied().all(|x| x != 0)",
        ],
    );
}

#[test]
fn any_of_a_generator_that_can_raise_is_refused() {
    // `any` stops at 1: Python never reaches `int("x")`.
    let (construct, ..) = refused(&program(
        "def numbers(texts):\n    for t in texts:\n        yield int(t)\n\n\n",
        "    print(any(numbers([\"1\", \"x\"])))\n",
    ));
    assert_eq!(construct, "the plain generator `numbers`");
}

#[test]
fn the_list_is_not_named_as_the_generator_or_its_parameters() {
    let text = listing(&program(
        "def values(items, out, yielded):\n    for v in items:\n        w = v + out\n        \
         yield w + yielded\n\n\n",
        "    print(sum(values([1], 2, 3)))\n",
    ));
    has_all(
        &text,
        &[
            "let mut yielded_items = vec![];",
            "yielded_items.push(w + yielded);",
        ],
    );
}
