//! The Rust listing of keyword arguments that name a dict's keys:
//! `dict(a=1)` is the literal `{"a": 1}`, `d.update(k=v)` the update of
//! such a literal; keywords beside a positional argument and `**` are
//! refused where they are.

#[path = "support/listing.rs"]
mod support;

use support::{has_all, listing, main_of, refused};

#[test]
fn keywords_of_dict_are_its_keys_in_order() {
    let text = listing(&main_of(
        "    d = dict(low=1, high=10)\n    print(d)\n    await asyncio.sleep(0)\n",
    ));
    has_all(
        &text,
        &["let d = IndexMap::from([(\"low\".to_string(), 1), (\"high\".to_string(), 10)]);"],
    );
}

#[test]
fn keywords_of_update_extend_the_dict() {
    let text = listing(&main_of(
        "    d = {\"a\": 1}\n    d.update(b=2, a=3)\n    print(d)\n    await asyncio.sleep(0)\n",
    ));
    has_all(
        &text,
        &["d.extend([(\"b\".to_string(), 2), (\"a\".to_string(), 3)]);"],
    );
}

#[test]
fn keywords_beside_positional_arguments_or_double_stars_are_refused() {
    for (body, at) in [
        (
            "    d = dict([(\"a\", 1)], b=2)\n",
            "dict([(\"a\", 1)], b=2)",
        ),
        ("    e = {\"a\": 1}\n    d = dict(**e)\n", "dict(**e)"),
        ("    d = {\"a\": 1}\n    d.update(**d)\n", "d.update(**d)"),
    ] {
        let (construct, _, text) = refused(&main_of(&format!(
            "{body}    print(d)\n    await asyncio.sleep(0)\n"
        )));
        assert_eq!(
            (construct.as_str(), text.as_str()),
            ("a keyword or starred argument", at),
            "{body}"
        );
    }
}

#[test]
fn keywords_beside_an_update_of_a_dict_are_refused() {
    let (construct, _, _) = refused(&main_of(
        "    d = {\"a\": 1}\n    d.update({\"b\": 2}, c=3)\n    print(d)\n    await asyncio.sleep(0)\n",
    ));
    assert_eq!(construct, "the call `d.update({\"b\": 2}, c=3)`");
}

#[test]
fn keywords_of_a_set_update_are_refused() {
    let (construct, _, _) = refused(&main_of(
        "    s = {1}\n    s.update(a=1)\n    print(s)\n    await asyncio.sleep(0)\n",
    ));
    assert_eq!(construct, "this method of a set");
}
