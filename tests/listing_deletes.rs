//! The Rust listing of `del xs[i]` and `del d[k]`, with the `IndexError` or
//! `KeyError` a `try` around it takes; of `[].pop()`; and of the list
//! methods beside them in the corpus program `lists__methods` (`extend` of
//! a literal, `insert` at a negative place). `lists__del_items` is built
//! and run by `tests/rust_listings.rs`.

#[path = "support/listing.rs"]
mod support;
use support::{has_all, listing, main_of, refused};

#[test]
fn del_of_an_item_removes_it() {
    let text = listing(&main_of(
        "    xs = [1, 2, 3, 4]\n    del xs[0]\n    del xs[-1]\n    del xs[-2]\n    d = {\"a\": 1, \"b\": 2}\n    del d[\"a\"]\n    print(xs, d)\n",
    ));
    has_all(
        &text,
        &[
            "let mut xs = vec![1, 2, 3, 4];",
            "    xs.remove(0);\n    xs.pop().unwrap();\n    xs.remove(xs.len() - 2);\n",
            "    d.shift_remove(\"a\").unwrap();\n",
        ],
    );
}

#[test]
fn del_inside_a_try_gives_the_index_or_key_error() {
    let text = listing(&main_of(
        "    xs = [1]\n    d = {\"a\": 1}\n    for i in [3, 0]:\n        try:\n            del xs[i]\n            del d[\"b\"]\n        except (IndexError, KeyError) as e:\n            print(type(e).__name__, e)\n",
    ));
    has_all(
        &text,
        &[
            "            py_del_at(&mut xs, i)?;\n            py_pop_key(&mut d, \"b\")?;\n",
            "fn py_del_at<T>(items: &mut Vec<T>, index: i64) -> Result<(), Error> {",
            "\"list assignment index out of range\".to_string(),",
        ],
    );
}

#[test]
fn del_of_a_slice_or_two_items_is_refused() {
    for body in [
        "    xs = [1, 2]\n    del xs[0:1]\n",
        "    xs = [1, 2]\n    del xs[0], xs[0]\n",
    ] {
        let (construct, reason, at) = refused(&main_of(body));
        assert_eq!(construct, "`del`");
        assert!(
            reason.contains("deletes one item of a list or dict"),
            "{reason}"
        );
        assert!(at.starts_with("del "), "{at}");
    }
}

#[test]
fn del_at_a_computed_place_nothing_catches_is_refused() {
    let program = asynclings::python::load(
        "x.py",
        &main_of("    xs = [1, 2]\n    i = 1\n    del xs[i]\n    print(xs)\n"),
    )
    .expect("loads");
    let text = asynclings::render::rust::render_program(&program).text();
    has_all(
        &text,
        &[
            "// x.py:7:5: `del` of this item",
            "the Rust listing deletes an item of a list at an integer",
        ],
    );
}

#[test]
fn pop_of_an_empty_literal_is_the_index_error() {
    let text = listing(&main_of(
        "    try:\n        [].pop()\n    except IndexError as e:\n        print(e)\n",
    ));
    has_all(&text, &["        py_pop(&mut Vec::<()>::new())?;\n"]);
}

#[test]
fn extend_by_a_literal_and_insert_from_the_end() {
    let text = listing(&main_of(
        "    items = \"a\".split()\n    items.extend([\"b\", \"c\"])\n    items.insert(-1, \"x\")\n    items.insert(-5, \"y\")\n    print(items)\n",
    ));
    has_all(
        &text,
        &[
            "items.extend([\"b\", \"c\"].map(String::from));",
            "items.insert(items.len().saturating_sub(1), \"x\".to_string());",
            "items.insert(items.len().saturating_sub(5), \"y\".to_string());",
        ],
    );
}

#[test]
fn del_at_a_string_of_a_list_is_refused_even_in_a_try() {
    let program = asynclings::python::load(
        "x.py",
        &main_of(
            "    xs = [1, 2]\n    try:\n        del xs[\"a\"]\n    except (IndexError, TypeError):\n        print(xs)\n",
        ),
    )
    .expect("loads");
    let text = asynclings::render::rust::render_program(&program).text();
    has_all(&text, &["// x.py:7:9: `del` of this item"]);
}
