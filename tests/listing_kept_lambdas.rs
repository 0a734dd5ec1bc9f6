//! The Rust listing of a lambda kept in a variable that its function only
//! calls: a function of the module, as a nested `def` is, taking what it
//! reads as leading parameters; a lambda passed on, or reading a variable
//! that changes, is still refused at its place.

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing, main_of, refused};

#[test]
fn a_lambda_only_called_is_a_function_of_the_module() {
    let text = listing(&main_of(
        "    square = lambda x: x * x\n    clamp = lambda v, lo=0, hi=10: max(lo, min(v, hi))\n    \
         print(square(4), clamp(square(4)), clamp(5, hi=3))\n    await asyncio.sleep(0)\n",
    ));
    has_all(
        &text,
        &[
            "fn square(x: i64) -> i64 {\n    x * x\n}",
            "fn clamp(v: i64, lo: i64, hi: i64) -> i64 {\n    lo.max(v.min(hi))\n}",
            "        square(4),\n        clamp(square(4), 0, 10),\n        clamp(5, 0, 3)\n",
        ],
    );
    assert!(!text.contains("let square"), "{text}");
}

#[test]
fn a_lambda_reading_a_variable_bound_once_takes_it_as_a_parameter() {
    let text = listing(&main_of(
        "    step = 3\n    bump = lambda n: n + step\n    await asyncio.sleep(0)\n    \
         print(bump(1))\n",
    ));
    has_all(
        &text,
        &[
            "fn bump(step: i64, n: i64) -> i64 {\n    n + step\n}",
            "println!(\"{}\", bump(step, 1));",
        ],
    );
}

#[test]
fn a_lambda_reading_a_variable_that_changes_is_refused() {
    let (construct, _, at) = refused(&main_of(
        "    step = 3\n    bump = lambda n: n + step\n    step = 4\n    print(bump(1))\n    \
         await asyncio.sleep(0)\n",
    ));
    assert_eq!(construct, "a `lambda`");
    assert_eq!(at, "lambda n: n + step");
}

#[test]
fn a_lambda_passed_on_or_bound_twice_is_refused() {
    for (body, what, place) in [
        (
            "    twice = lambda n: n * 2\n    print(twice(1), list(map(twice, [1, 2])))\n",
            "the call `map(twice, [1, 2])`",
            "map(twice, [1, 2])",
        ),
        (
            "    twice = lambda n: n * 2\n    print(twice(1))\n    twice = lambda n: n * 3\n    \
             print(twice(1))\n",
            "a `lambda`",
            "lambda n: n * 2",
        ),
        (
            "    twice = lambda n: n * 2\n    print(twice)\n",
            "`twice` used as a value",
            "twice",
        ),
    ] {
        let (construct, _, at) = refused(&main_of(&format!("{body}    await asyncio.sleep(0)\n")));
        assert_eq!(construct, what, "{body}");
        assert_eq!(at, place, "{body}");
    }
}

#[test]
fn a_lambda_never_called_is_refused() {
    let (construct, _, at) = refused(&main_of(
        "    twice = lambda n: n * 2\n    print(\"hi\")\n    await asyncio.sleep(0)\n",
    ));
    assert_eq!(construct, "a `lambda`");
    assert_eq!(at, "lambda n: n * 2");
}

#[test]
fn a_lambda_called_in_a_comprehension_is_a_function_of_the_module() {
    let text = listing(&main_of(
        "    square = lambda x: x * x\n    print([square(v) for v in range(3)])\n    \
         await asyncio.sleep(0)\n",
    ));
    has_all(
        &text,
        &[
            "fn square(x: i64) -> i64 {\n    x * x\n}",
            ".map(|v: i64| square(v))",
        ],
    );
}

#[test]
fn a_lambda_named_in_a_comprehension_or_calling_itself_is_refused() {
    for (body, at) in [
        (
            "    twice = lambda n: n * 2\n    print([twice for _ in range(2)][0](1))\n",
            "lambda n: n * 2",
        ),
        (
            "    fact = lambda n: 1 if n < 2 else n * fact(n - 1)\n    print(fact(4))\n",
            "lambda n: 1 if n < 2 else n * fact(n - 1)",
        ),
    ] {
        let (construct, _, found) =
            refused(&main_of(&format!("{body}    await asyncio.sleep(0)\n")));
        assert_eq!(construct, "a `lambda`", "{body}");
        assert_eq!(found, at, "{body}");
    }
}

#[test]
fn a_lambda_of_no_parameters_called_where_it_is_written_is_its_value() {
    let text = listing(&main_of(
        "    print((lambda: \"no args\")(), (lambda: [n * n for n in range(3)])())\n    \
         await asyncio.sleep(0)\n",
    ));
    has_all(&text, &["(0..3).map(|n: i64| n * n).collect::<Vec<_>>()"]);
    assert!(text.contains("\"no args {:?}\","), "{text}");
}

#[test]
fn a_lambda_with_parameters_called_where_it_is_written_is_refused() {
    let (construct, _, at) = refused(&main_of(
        "    print((lambda a: a + 1)(2))\n    await asyncio.sleep(0)\n",
    ));
    assert_eq!(construct, "the call `(lambda a: a + 1)(2)`");
    assert_eq!(at, "(lambda a: a + 1)(2)");
}

#[test]
fn a_second_lambda_of_the_same_name_in_another_function_is_refused() {
    let (construct, _, at) = refused(&format!(
        "{HEADER}def a():\n    square = lambda x: x * x\n    return square(2)\n\n\n\
         def b():\n    square = lambda x: x + 100\n    return square(2)\n\n\n\
         async def main():\n    print(a(), b())\n    await asyncio.sleep(0)\n{RUN}"
    ));
    assert_eq!(construct, "a `lambda`");
    assert_eq!(at, "lambda x: x + 100");
}
