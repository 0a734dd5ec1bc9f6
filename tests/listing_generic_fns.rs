//! The Rust listing of a plain function that only hands its value to the
//! function it is given, again on its own result (`return f(f(x))`):
//! generic over the value, so that its calls may pass an integer here and
//! a string there; and the near shapes it refuses. (`tests/rust_listings.rs`
//! builds and runs `tests/programs/functions__lambda_map.py`.)

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing, refused};

fn program(defs: &str, body: &str) -> String {
    format!("{HEADER}{defs}\n\nasync def main():\n    await asyncio.sleep(1)\n{body}{RUN}")
}

#[test]
fn a_function_handing_on_its_value_is_generic_and_each_call_gives_its_type() {
    let text = listing(&program(
        "def apply_twice(f, x):\n    return f(f(x))\n\n\ndef square(x):\n    return x * x\n",
        "    print(apply_twice(square, 3), apply_twice(lambda s: s + \"!\", \"hi\"))\n",
    ));
    has_all(
        &text,
        &[
            "fn apply_twice<T>(f: impl Fn(T) -> T, x: T) -> T {\n    f(f(x))\n}",
            "apply_twice(square, 3)",
            "apply_twice(|s| format!(\"{s}!\"), \"hi\".to_string())",
        ],
    );
}

#[test]
fn calls_passing_one_type_keep_the_plain_signature() {
    let text = listing(&program(
        "def apply_twice(f, x):\n    return f(f(x))\n",
        "    print(apply_twice(lambda n: n + 1, 3), apply_twice(lambda n: n * 2, 4))\n",
    ));
    has_all(
        &text,
        &["fn apply_twice(f: impl Fn(i64) -> i64, x: i64) -> i64 {"],
    );
}

#[test]
fn one_call_of_the_function_given_stays_one_type() {
    let (construct, _, at) = refused(&program(
        "def apply(f, x):\n    return f(x)\n",
        "    print(apply(lambda n: n + 1, 3), apply(lambda s: s + \"!\", \"hi\"))\n",
    ));
    assert_eq!(construct, "a string as argument 2 of `apply`");
    assert_eq!(at, "\"hi\"");
}

#[test]
fn a_named_function_borrowing_a_string_is_not_given_to_it() {
    let (construct, reason, _) = refused(&program(
        "def apply_twice(f, x):\n    return f(f(x))\n\n\ndef shout(s):\n    return s + \"!\"\n\n\n\
         def square(x):\n    return x * x\n",
        "    print(apply_twice(shout, \"hi\"), apply_twice(square, 3))\n",
    ));
    assert_eq!(construct, "`shout` given as a value");
    assert!(reason.contains("generic"), "{reason}");
}

#[test]
fn a_generic_call_gives_its_values_type_inside_an_expression_and_is_refused_as_a_statement() {
    let defs = "def twice(f, x):\n    return f(f(x))\n";
    let text = listing(&program(
        defs,
        "    print(twice(lambda s: s * 2, \"ab\"), twice(lambda n: n - 1, 10))\n",
    ));
    has_all(
        &text,
        &[
            "fn twice<T>(f: impl Fn(T) -> T, x: T) -> T {\n    f(f(x))\n}",
            "twice(|s| s.repeat(2 as usize), \"ab\".to_string()),",
            "twice(|n| n - 1, 10)",
        ],
    );
    let (construct, _, at) = refused(&program(
        defs,
        "    y = twice(lambda s: s * 2, \"ab\")\n    print(y, twice(lambda n: n - 1, 10))\n",
    ));
    assert_eq!(construct, "`twice` used here");
    assert_eq!(at, "twice(lambda s: s * 2, \"ab\")");
}
