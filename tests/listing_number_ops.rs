//! A list's tuples holding an integer in one and a float in another at a
//! place the loop prints: that place is the listing's `Number`, and its
//! division, floor division and remainder, where the program catches their
//! `ZeroDivisionError`, are `Number`'s methods, which pick Python's result
//! and message by the operands' types. (`tests/rust_listings.rs` builds and
//! runs `exceptions__zero_division_kinds.py`.)

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing, main_of, refused};

/// A program whose `divide(a, b)` returns `tail` and whose `main` prints,
/// for each tuple of `rows`, `a`, `b` and the quotient, in a `try` with
/// `handler` (an `except` line and its block, or nothing).
fn divide_program(tail: &str, rows: &str, handler: &str) -> String {
    format!(
        "{HEADER}async def divide(a, b):\n    await asyncio.sleep(0.1)\n    return {tail}\n\n\n\
async def main():\n    for a, b in {rows}:\n        try:\n            print(a, b, await divide(a, b))\n\
{handler}{RUN}"
    )
}

const CAUGHT: &str = "        except ZeroDivisionError as e:\n            print(a, b, \"->\", e)\n";

#[test]
fn a_printed_place_of_integers_and_floats_holds_numbers() {
    let text = listing(&main_of(
        "    for a, b in [(1, \"x\"), (1.5, \"y\"), (-2, \"z\")]:\n        print(a, b)\n",
    ));
    has_all(
        &text,
        &[
            "    for (a, b) in [\n        (Number::Int(1), \"x\".to_string()),\n        \
(Number::Float(1.5), \"y\".to_string()),\n        (Number::Int(-2), \"z\".to_string()),\n    ] {\n        \
println!(\"{a} {b}\");",
            "enum Number {\n    Int(i64),\n    Float(f64),\n}",
        ],
    );
}

#[test]
fn a_place_the_loop_does_not_print_stays_a_float() {
    let text = listing(&main_of(
        "    for a, b in [(1, \"x\"), (1.5, \"y\")]:\n        print(b, a * 2)\n",
    ));
    has_all(
        &text,
        &["[(1.0, \"x\".to_string()), (1.5, \"y\".to_string())]"],
    );
    assert!(!text.contains("Number"), "{text}");
}

#[test]
fn caught_divisions_of_numbers_are_its_methods() {
    for (op, ret, call, method) in [
        (
            "/",
            "async fn divide(a: Number, b: Number) -> Result<f64, Error> {",
            "    a.true_div(b)\n}",
            "fn true_div(self, b: Number) -> Result<f64, Error> {",
        ),
        (
            "//",
            "async fn divide(a: Number, b: Number) -> Result<Number, Error> {",
            "    a.floor_div(b)\n}",
            "fn floor_div(self, b: Number) -> Result<Number, Error> {",
        ),
        (
            "%",
            "async fn divide(a: Number, b: Number) -> Result<Number, Error> {",
            "    a.modulo(b)\n}",
            "fn modulo(self, b: Number) -> Result<Number, Error> {",
        ),
    ] {
        let text = listing(&divide_program(
            &format!("a {op} b"),
            "[(7, 2), (1.5, 0.0)]",
            CAUGHT,
        ));
        has_all(
            &text,
            &[
                ret,
                call,
                method,
                "(Number::Int(7), Number::Int(2)),\n        (Number::Float(1.5), Number::Float(0.0)),",
                "println!(\"{a} {b} -> {e}\");",
                "impl Number {\n    fn to_f64(self) -> f64 {",
            ],
        );
    }
}

#[test]
fn each_operation_gives_python_s_message_by_the_operands_types() {
    let text: String = ["a / b", "a // b", "a % b"]
        .iter()
        .map(|tail| listing(&divide_program(tail, "[(7, 2), (1.5, 0.0)]", CAUGHT)))
        .collect();
    has_all(
        &text,
        &[
            "(Number::Int(_), Number::Int(0)) => \"division by zero\",\n            \
_ if b.to_f64() == 0.0 => \"float division by zero\",",
            "(Number::Int(_), Number::Int(0)) => \"integer division or modulo by zero\",\n            \
(Number::Int(a), Number::Int(b)) => return Ok(Number::Int(py_floordiv(a, b))),\n            \
_ if b.to_f64() == 0.0 => \"float floor division by zero\",",
            "(Number::Int(_), Number::Int(0)) => \"integer modulo by zero\",\n            \
(Number::Int(a), Number::Int(b)) => return Ok(Number::Int(py_mod(a, b))),\n            \
_ if b.to_f64() == 0.0 => \"float modulo\",",
            "fn py_floordiv(a: i64, b: i64) -> i64 {",
            "fn py_ffloordiv(a: f64, b: f64) -> f64 {",
            "fn py_fmod(a: f64, b: f64) -> f64 {",
        ],
    );
}

/// An integer divisor stays an integer, and is made a `Number` where a
/// `Number` is divided by it.
#[test]
fn a_number_divided_by_an_integer() {
    let text = listing(&divide_program("a % b", "[(7, 2), (1.5, 0)]", CAUGHT));
    has_all(
        &text,
        &[
            "async fn divide(a: Number, b: i64) -> Result<Number, Error> {",
            "    a.modulo(Number::Int(b))\n}",
        ],
    );
}

/// A program whose `divide(a, b)` returns `tail` and whose `main` prints
/// it for each tuple of `rows`, catching nothing.
fn uncaught_program(tail: &str, rows: &str) -> String {
    format!(
        "{HEADER}async def divide(a, b):\n    await asyncio.sleep(0.1)\n    return {tail}\n\n\n\
async def main():\n    for a, b in {rows}:\n        print(a, b, await divide(a, b))\n{RUN}"
    )
}

#[test]
fn uncaught_or_other_arithmetic_on_numbers_is_refused_at_its_place() {
    for tail in ["a // b", "a / b", "a + 0.5", "-a"] {
        let (construct, _, at) = refused(&uncaught_program(tail, "[(7, 2), (1.5, 3)]"));
        assert_eq!(
            construct, "a number that is an integer or a float, used here",
            "{tail}"
        );
        assert!(at == "a" || at == tail, "{tail}: {at}");
    }
}

/// `+`, `-` and `*` of a `Number` and an integer are its operator impls.
#[test]
fn a_sum_or_product_of_a_number_and_an_integer_is_a_number() {
    for (tail, rust) in [
        ("a + b", "a + Number::Int(b)"),
        ("a * b", "a * Number::Int(b)"),
    ] {
        let text = listing(&uncaught_program(tail, "[(7, 2), (1.5, 3)]"));
        has_all(
            &text,
            &[
                "async fn divide(a: Number, b: i64) -> Number {",
                &format!("    {rust}\n"),
            ],
        );
    }
}
