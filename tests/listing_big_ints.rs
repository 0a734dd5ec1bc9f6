//! Integers beyond 64 bits: a power of literals beyond `i64` is a
//! `num_bigint::BigInt`, and so, in a program that writes one, is an
//! integer a loop multiplies in place or a function returns as a product
//! with its own call; their uses other than printing, comparing and
//! integer arithmetic are refused at their place, as is a literal beyond
//! 64 bits.

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing, main_of, refused};

#[test]
fn a_power_beyond_64_bits_is_a_big_int() {
    let text = listing(&main_of(
        "    print(2**70, -(2**64), 2**64 - 1, 3**40 * 5**30)\n",
    ));
    has_all(
        &text,
        &[
            "use num_bigint::BigInt;",
            "BigInt::from(2).pow(70)",
            "-BigInt::from(2).pow(64)",
            "BigInt::from(2).pow(64) - 1",
            "BigInt::from(3).pow(40) * BigInt::from(5).pow(30)",
        ],
    );
    assert!(!text.contains("num_integer"), "{text}");
}

#[test]
fn floor_division_and_remainder_round_as_python() {
    let text = listing(&main_of("    print(-(10**20) // 7, 10**20 % -7)\n"));
    has_all(
        &text,
        &[
            "use num_integer::Integer;",
            "(-BigInt::from(10).pow(20)).div_floor(&BigInt::from(7))",
            "BigInt::from(10).pow(20).mod_floor(&BigInt::from(-7))",
        ],
    );
}

#[test]
fn comparisons_and_lengths_of_big_ints() {
    let text = listing(&main_of(
        "    print(2**100 - 2**99 == 2**99, 10**100 > 1, len(str(2**1000)))\n",
    ));
    has_all(
        &text,
        &[
            "BigInt::from(2).pow(100) - BigInt::from(2).pow(99) == BigInt::from(2).pow(99)",
            "BigInt::from(10).pow(100) > BigInt::from(1)",
            "BigInt::from(2).pow(1000).to_string().chars().count()",
        ],
    );
}

#[test]
fn a_product_a_loop_grows_is_a_big_int_where_the_program_has_one() {
    let source = format!(
        "{HEADER}def factorial(n):\n    result = 1\n    while n > 1:\n        result *= n\n        \
         n -= 1\n    return result\n\n\nasync def main():\n    big = 1\n    for i in range(1, 26):\n        \
         big *= i\n    print(big, big // factorial(24), 2**64){RUN}"
    );
    let text = listing(&source);
    has_all(
        &text,
        &[
            "fn factorial(mut n: i64) -> BigInt {",
            "let mut result = BigInt::from(1);",
            "result *= n;",
            "let mut big = BigInt::from(1);",
            "big *= i;",
            "big.div_floor(&factorial(24))",
        ],
    );
}

#[test]
fn an_unbounded_product_in_a_program_without_big_ints_is_refused_not_an_i64() {
    let source = format!(
        "{HEADER}def factorial(n):\n    result = 1\n    while n > 1:\n        result *= n\n        \
         n -= 1\n    return result\n\n\nasync def main():\n    print(factorial(5)){RUN}"
    );
    let (construct, reason, at) = refused(&source);
    assert_eq!(construct, "`result` multiplied in a loop");
    assert!(reason.contains("overflows past 2**63"), "{reason}");
    assert_eq!(at, "result *= n");
}

#[test]
fn a_recursive_product_returns_a_big_int() {
    let source = format!(
        "{HEADER}async def afactorial(n):\n    if n <= 1:\n        return 1\n    await asyncio.sleep(0)\n    \
         return n * await afactorial(n - 1)\n\n\nasync def main():\n    f = await afactorial(30)\n    \
         print(f, f == 2**64){RUN}"
    );
    let text = listing(&source);
    has_all(
        &text,
        &[
            "async fn afactorial(n: i64) -> BigInt {",
            "return BigInt::from(1);",
            "n * Box::pin(afactorial(n - 1)).await",
            "f == BigInt::from(2).pow(64)",
        ],
    );
}

#[test]
fn a_big_int_divided_is_refused_at_its_place() {
    let (construct, reason, text) = refused(&main_of("    print(2**70 / 3)\n"));
    assert_eq!(construct, "an integer beyond 64 bits, used here");
    assert_eq!(text, "2**70");
    assert!(reason.contains("num_bigint::BigInt"), "{reason}");
}

#[test]
fn a_big_int_beside_a_float_in_a_list_or_a_spec_is_refused() {
    for (body, at) in [
        ("    print(2**70 + 0.5)\n", "2**70"),
        ("    xs = [2**70]\n    print(xs)\n", "2**70"),
        ("    print(f\"{2**70:x}\")\n", "2**70"),
        ("    print(abs(-(2**70)))\n", "-(2**70)"),
    ] {
        let (construct, _, text) = refused(&main_of(body));
        assert_eq!(construct, "an integer beyond 64 bits, used here", "{body}");
        assert_eq!(text, at, "{body}");
    }
}

#[test]
fn a_literal_beyond_64_bits_is_refused_at_the_literal() {
    let (construct, reason, text) = refused(&main_of("    print(18446744073709551616)\n"));
    assert_eq!(construct, "an integer beyond 64 bits");
    assert_eq!(text, "18446744073709551616");
    assert!(reason.contains("would fit an `i128`"), "{reason}");
}

#[test]
fn an_integer_given_to_a_big_int_parameter_is_converted() {
    let source = format!(
        "{HEADER}def scaled(n):\n    return n * 2**64\n\n\nasync def main():\n    \
         print(scaled(3), scaled(2**65)){RUN}"
    );
    let text = listing(&source);
    has_all(
        &text,
        &[
            "fn scaled(n: BigInt) -> BigInt {",
            "scaled(BigInt::from(3))",
            "scaled(BigInt::from(2).pow(65))",
        ],
    );
}

#[test]
fn a_module_variable_a_loop_grows_is_refused() {
    let source = format!(
        "{HEADER}TOTAL = 1\n\n\nasync def main():\n    global TOTAL\n    for i in range(30):\n        \
         TOTAL *= i + 1\n    print(TOTAL, 2**64){RUN}"
    );
    let (construct, reason, text) = refused(&source);
    assert_eq!(
        construct,
        "an integer beyond 64 bits kept in a module's variable"
    );
    assert_eq!(text, "TOTAL *= i + 1");
    assert!(reason.contains("AtomicI64"), "{reason}");
}
