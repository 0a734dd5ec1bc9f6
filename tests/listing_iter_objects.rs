//! The iterators of `map`, `filter`, `zip`, `enumerate` and `reversed`:
//! written as the items they yield where the program takes them, refused
//! where it shows the object or keeps it in a variable; `zip()` of nothing
//! yields nothing.

#[path = "support/listing.rs"]
mod support;

use support::{has_all, listing, main_of, refused};

#[test]
fn zip_of_nothing_is_an_empty_list() {
    let text = listing(&main_of(
        "    print(list(zip()), len(list(zip([1], [2]))))\n    await asyncio.sleep(0)\n",
    ));
    has_all(&text, &["\"[] {}\","]);
}

#[test]
fn an_iterator_shown_as_it_is_is_refused_at_its_place() {
    for (shown, name) in [
        ("print(map(lambda x: x * 2, xs))", "map"),
        ("print(filter(None, xs))", "filter"),
        ("print(zip(xs, xs))", "zip"),
        ("print(f\"{reversed(xs)}\")", "reversed"),
        ("print(\"pairs\", enumerate(xs))", "enumerate"),
        ("print(str(zip(xs, xs)))", "zip"),
        ("print(len(repr(map(str, xs))))", "map"),
    ] {
        let (construct, reason, span) = refused(&main_of(&format!(
            "    xs = [1, 2]\n    {shown}\n    await asyncio.sleep(0)\n"
        )));
        assert_eq!(construct, format!("a `{name}` object shown"), "{shown}");
        assert!(
            reason.contains(&format!("<{name} object at 0x...>")),
            "{reason}"
        );
        assert!(span.starts_with(name), "{span}");
    }
}

#[test]
fn an_iterator_kept_in_a_variable_is_refused_at_its_value() {
    let (construct, reason, span) = refused(&main_of(
        "    xs = [1, 2]\n    doubled = map(lambda x: x * 2, xs)\n    print(list(doubled), list(doubled))\n    \
await asyncio.sleep(0)\n",
    ));
    assert_eq!(construct, "a `map` object kept in a variable");
    assert!(reason.contains("used up"), "{reason}");
    assert_eq!(span, "map(lambda x: x * 2, xs)");
}
