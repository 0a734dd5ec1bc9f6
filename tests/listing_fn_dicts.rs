//! The Rust listing of a dict of lambdas kept in a variable and called by
//! key: an `IndexMap` of `fn` pointers, its first item cast to the
//! pointer type; and the near shapes it refuses, at their place.
//! (`tests/rust_listings.rs` builds and runs
//! `tests/programs/functions__lambda_dict.py`.)

#[path = "support/listing.rs"]
mod support;

use support::{has_all, listing, main_of, refused};

#[test]
fn a_dict_of_lambdas_called_by_key_is_an_index_map_of_fn_pointers() {
    let text = listing(&main_of(
        "    ops = {\"add\": lambda a, b: a + b, \"sub\": lambda a, b: a - b}\n    \
         await asyncio.sleep(1)\n    for name in ops:\n        print(name, ops[name](10, 4))\n",
    ));
    has_all(
        &text,
        &[
            "(\"add\".to_string(), (|a, b| a + b) as fn(i64, i64) -> i64),",
            "(\"sub\".to_string(), |a, b| a - b),",
            "println!(\"{name} {}\", ops[name](10, 4));",
        ],
    );
}

#[test]
fn the_pointer_takes_the_types_the_calls_pass() {
    let text = listing(&main_of(
        "    scale = {\"half\": lambda x: x * 0.5, \"neg\": lambda x: -x}\n    \
         await asyncio.sleep(1)\n    print(scale[\"neg\"](2.5), len(scale))\n",
    ));
    has_all(
        &text,
        &[
            "(\"half\".to_string(), (|x| x * 0.5) as fn(f64) -> f64),",
            "float_repr(scale[\"neg\"](2.5))",
        ],
    );
}

#[test]
fn a_dict_of_lambdas_printed_or_passed_on_stays_refused_at_the_lambda() {
    for body in [
        "    ops = {\"add\": lambda a, b: a + b}\n    print(ops)\n",
        "    ops = {\"add\": lambda a, b: a + b}\n    ops[\"sub\"] = lambda a, b: a - b\n    print(ops[\"add\"](1, 2))\n",
        "    ops = {\"add\": lambda a, b: a + b}\n    print(ops[\"add\"](1, b=2))\n",
    ] {
        let (construct, _, at) = refused(&main_of(body));
        assert_eq!(construct, "a `lambda` held in a dict", "{body}");
        assert_eq!(at, "lambda a, b: a + b", "{body}");
    }
}

#[test]
fn a_lambda_that_captures_or_has_a_default_stays_refused() {
    for body in [
        "    k = 3\n    ops = {\"times\": lambda a: a * k}\n    print(ops[\"times\"](2))\n",
        "    ops = {\"add\": lambda a, b=1: a + b}\n    print(ops[\"add\"](2))\n",
        "    ops = {\"add\": lambda a, b: a + b, \"neg\": lambda a: -a}\n    print(ops[\"neg\"](2))\n",
    ] {
        let (construct, _, _) = refused(&main_of(body));
        assert_eq!(construct, "a `lambda` held in a dict", "{body}");
    }
}

#[test]
fn a_lambda_that_can_fail_or_a_pointer_of_strings_is_refused_with_its_reason() {
    let (construct, reason, at) = refused(&main_of(
        "    ops = {\"div\": lambda a, b: a // b}\n    print(ops[\"div\"](7, 2))\n",
    ));
    assert_eq!(construct, "this `lambda` held in a dict");
    assert!(reason.contains("cannot fail"), "{reason}");
    assert_eq!(at, "lambda a, b: a // b");
    let (construct, reason, _) = refused(&main_of(
        "    shout = {\"up\": lambda s: s.upper()}\n    print(shout[\"up\"](\"hi\"))\n",
    ));
    assert_eq!(construct, "a `lambda` held in a dict");
    assert!(reason.contains("numbers or booleans"), "{reason}");
}

#[test]
fn calls_passing_other_types_to_one_dict_are_refused_and_an_integer_given_a_float_is_one() {
    let (construct, _, at) = refused(&main_of(
        "    ops = {\"a\": lambda x: x, \"b\": lambda x: x}\n    print(ops[\"a\"](1), ops[\"b\"](\"s\"))\n",
    ));
    assert_eq!(construct, "this call of an item of a dict of lambdas");
    assert_eq!(at, "ops[\"b\"](\"s\")");
    let text = listing(&main_of(
        "    ops = {\"half\": lambda x: x * 0.5}\n    await asyncio.sleep(1)\n    \
         print(ops[\"half\"](3.0), ops[\"half\"](3))\n",
    ));
    has_all(&text, &["ops[\"half\"](3.0)", "ops[\"half\"](3.0))"]);
}
