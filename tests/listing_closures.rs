//! The Rust listing of functions given as values: the `key=` and
//! `reverse=` of `sorted`, `min`, `max` and `list.sort` as closures, and
//! `map`/`filter` of a lambda as iterator adapters; what it refuses, at
//! its place. (`tests/rust_listings.rs` builds and runs
//! `tests/programs/functions__key_closures.py`, which uses each.)

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, listing, refused};

#[test]
fn a_key_of_integers_or_strings_sorts_by_key_and_reverse_wraps_it_in_reverse() {
    let src = format!(
        "{HEADER}async def main():\n    await asyncio.sleep(1)\n    \
pairs = [(2, \"b\"), (1, \"z\")]\n    print(sorted(pairs, key=lambda p: p[1]))\n    \
words = [\"pear\", \"fig\"]\n    words.sort(key=len, reverse=True)\n    print(words)\n{RUN}"
    );
    let text = listing(&src);
    for want in [
        "sorted_by_key(pairs.clone(), |p| p.1.to_string())",
        "words.sort_by_key(|x| std::cmp::Reverse(x.chars().count() as i64));",
        "fn sorted_by_key<T, K: Ord>(mut items: Vec<T>, key: impl FnMut(&T) -> K) -> Vec<T> {",
    ] {
        assert!(text.contains(want), "{want}\n{text}");
    }
}

#[test]
fn max_keeps_the_first_of_equal_items_and_a_float_key_compares_with_total_cmp() {
    let src = format!(
        "{HEADER}async def main():\n    await asyncio.sleep(1)\n    \
drifts = [-2.5, 1.0, 2.5]\n    print(max(drifts, key=abs), min(drifts, key=lambda d: -d))\n{RUN}"
    );
    let text = chains_joined(&listing(&src));
    for want in [
        "drifts.iter().copied().rev().max_by(|&a: &f64, &b: &f64| f64::total_cmp(&a.abs(), &b.abs())).unwrap()",
        "drifts.iter().copied().min_by(|&a: &f64, &b: &f64| f64::total_cmp(&-a, &-b)).unwrap()",
    ] {
        assert!(text.contains(want), "{want}\n{text}");
    }
}

#[test]
fn map_and_filter_of_a_lambda_are_iterator_adapters() {
    let src = format!(
        "{HEADER}async def main():\n    await asyncio.sleep(1)\n    hosts = [\"a\", \"bbb\"]\n    \
print(list(map(lambda h: h.upper(), hosts)), list(filter(lambda h: len(h) > 2, hosts)))\n{RUN}"
    );
    let text = chains_joined(&listing(&src));
    for want in [
        "hosts.iter().map(|h| h.to_uppercase())",
        "hosts.iter().filter(|h| h.chars().count() as i64 > 2).map(|h| h.to_string())",
    ] {
        assert!(text.contains(want), "{want}\n{text}");
    }
}

#[test]
fn a_key_that_calls_a_function_of_the_program_is_refused_at_the_key() {
    let src = format!(
        "{HEADER}def weight(x):\n    return -x\n\n\nasync def main():\n    await asyncio.sleep(1)\n    \
print(sorted([3, 1], key=weight))\n{RUN}"
    );
    let (construct, reason, at) = refused(&src);
    assert_eq!(construct, "this `key=`");
    assert!(reason.contains("`key=lambda x: ...`"), "{reason}");
    assert_eq!(at, "weight");
}

/// The listing with each method chain rustfmt broke over several lines
/// (`xs\n    .iter()\n    .map(..)`) joined back into one line, so that a
/// test can look for a whole chain whatever the line width made of it.
fn chains_joined(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with('.') && !out.is_empty() {
            out.push_str(trimmed);
        } else {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(line);
        }
    }
    out
}

#[test]
fn a_key_of_the_items_fields_copies_a_string_field_whatever_another_closure_takes() {
    let src = format!(
        "{HEADER}async def main():\n    await asyncio.sleep(1)\n    \
print(list(map(lambda p: p[0] * p[1], [(2, 3), (4, 5)])))\n    \
people = [(\"ann\", 31), (\"bo\", 25)]\n    print(sorted(people, key=lambda p: (-p[1], p[0])))\n{RUN}"
    );
    let text = listing(&src);
    assert!(
        text.contains("sorted_by_key(people.clone(), |p| (-p.1, p.0.to_string()))"),
        "{text}"
    );
}
