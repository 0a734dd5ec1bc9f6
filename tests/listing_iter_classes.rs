//! The Rust listing of a plain class whose `__iter__` returns `self` and
//! whose `__next__` gives the next item: its `impl Iterator`, its objects
//! iterated where they are made; refused where `__iter__` does more, where
//! `__next__` ends otherwise or raises something else, and where an object
//! is kept or passed.

#[path = "support/listing.rs"]
mod support;

use asynclings::render::rust;
use support::{has_all, listing, refused};

/// A class counting down from `start`, then `main`'s `body`.
fn countdown(next_body: &str, body: &str) -> String {
    format!(
        "import asyncio\n\n\nclass Countdown:\n    def __init__(self, start):\n        self.current = start\n\n    def __iter__(self):\n        return self\n\n    def __next__(self):\n{next_body}\n\nasync def main():\n{body}    await asyncio.sleep(0)\n\n\nasyncio.run(main())\n"
    )
}

const NEXT: &str = "        if self.current <= 0:\n            raise StopIteration\n        self.current -= 1\n        return self.current + 1\n";

/// The Rust pane's text of `source`, planned but refused once typed.
fn pane(source: &str) -> String {
    let program = asynclings::python::load("x.py", source).expect("loads");
    rust::render_program(&program).text()
}

#[test]
fn next_is_the_structs_iterator_and_objects_are_iterated_in_place() {
    let text = listing(&countdown(
        NEXT,
        "    for n in Countdown(3):\n        print(n)\n    print(list(Countdown(2)), sum(Countdown(4)), max(Countdown(2)), sorted(Countdown(2)))\n",
    ));
    has_all(
        &text,
        &[
            "/// Python's `__iter__` returns the object: it is its own iterator.\nimpl Iterator for Countdown {\n    type Item = i64;\n\n    /// Python's `__next__`: `None` where it raises `StopIteration`.\n    fn next(&mut self) -> Option<i64> {\n        if self.current <= 0 {\n            return None;\n        }\n        self.current -= 1;\n        Some(self.current + 1)\n    }\n}",
            "for n in Countdown::new(3) {",
            "Countdown::new(2).collect::<Vec<_>>(),",
            "Countdown::new(4).sum::<i64>(),",
            "Countdown::new(2).max().unwrap(),",
            "sorted(Countdown::new(2).collect::<Vec<_>>())",
        ],
    );
    let comps = listing(&countdown(
        NEXT,
        "    print([n * 2 for n in Countdown(3)], [n for n in Countdown(4) if n % 2 == 0])\n",
    ));
    has_all(
        &comps,
        &[
            "Countdown::new(3).map(|n: i64| n * 2).collect::<Vec<_>>(),",
            ".filter(|&n: &i64| n % 2 == 0)",
        ],
    );
    assert!(!text.contains("fn __iter__"), "{text}");
}

#[test]
fn an_iter_that_makes_another_iterator_is_refused() {
    let source = "import asyncio\n\n\nclass Deck:\n    def __init__(self, cards):\n        self.cards = cards\n\n    def __iter__(self):\n        for card in self.cards:\n            yield card\n\n\nasync def main():\n    print(list(Deck([1, 2])))\n    await asyncio.sleep(0)\n\n\nasyncio.run(main())\n";
    let (construct, reason, at) = refused(source);
    assert_eq!(construct, "an `__iter__` that does more than `return self`");
    assert!(reason.contains("`impl Iterator`"), "{reason}");
    assert!(at.starts_with("def __iter__(self):"), "{at}");
}

#[test]
fn next_without_iter_is_refused() {
    let source = "import asyncio\n\n\nclass Once:\n    def __next__(self):\n        raise StopIteration\n\n\nasync def main():\n    print(Once())\n    await asyncio.sleep(0)\n\n\nasyncio.run(main())\n";
    assert_eq!(
        refused(source).0,
        "a class with `__next__` without `__iter__`"
    );
}

#[test]
fn a_next_that_raises_another_error_or_falls_off_is_refused() {
    let raising = countdown(
        "        if self.current <= 0:\n            raise ValueError(\"done\")\n        return 1\n",
        "    print(list(Countdown(1)))\n",
    );
    let (construct, _, at) = refused(&raising);
    assert_eq!(
        construct,
        "a `return` without a value or a `raise` other than `raise StopIteration` in `__next__`"
    );
    assert_eq!(at, "raise ValueError(\"done\")");
    let falls_off = countdown(
        "        self.current -= 1\n",
        "    print(list(Countdown(1)))\n",
    );
    assert_eq!(refused(&falls_off).0, "this `__next__`");
}

#[test]
fn an_object_kept_in_a_variable_is_refused_where_it_is_made() {
    let text = pane(&countdown(
        NEXT,
        "    it = Countdown(2)\n    for n in it:\n        print(n)\n",
    ));
    has_all(
        &text,
        &[
            "an object of the iterator class `Countdown` used here",
            "`mut` binding",
            "it = Countdown(2)",
        ],
    );
}

#[test]
fn a_comprehension_keeps_the_owned_items_it_filters() {
    let text = listing(
        "import asyncio\n\n\nclass Words:\n    def __init__(self, words):\n        self.words = words\n        self.i = 0\n\n    def __iter__(self):\n        return self\n\n    def __next__(self):\n        if self.i == len(self.words):\n            raise StopIteration\n        self.i += 1\n        return self.words[self.i - 1]\n\n\nasync def main():\n    print([w for w in Words([\"b\", \"cc\"]) if len(w) > 1])\n    await asyncio.sleep(0)\n\n\nasyncio.run(main())\n",
    );
    has_all(
        &text,
        &[
            "type Item = String;",
            ".filter(|w| w.chars().count() as i64 > 1)\n                .collect::<Vec<_>>()",
        ],
    );
    assert!(!text.contains(".map(|w| w.to_string())"), "{text}");
}

#[test]
fn calling_next_of_an_object_is_refused_by_name() {
    let source = countdown(NEXT, "    it = Countdown(2)\n    print(it.__next__())\n");
    let (construct, reason, at) = refused(&source);
    assert_eq!(construct, "calling `__next__` of an iterator object");
    assert!(reason.contains("where it is made"), "{reason}");
    assert_eq!(at, "it.__next__()");
}

#[test]
fn a_comprehension_over_borrowed_items_still_copies_them() {
    let text = listing(&support::main_of(
        "    words = [str(n) for n in range(3)]\n    print([w for w in reversed(words)])\n    await asyncio.sleep(0)\n",
    ));
    has_all(&text, &[".rev()", ".map(|w| w.to_string())"]);
}
