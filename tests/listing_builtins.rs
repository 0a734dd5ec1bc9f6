//! The Rust listing of built-in functions, string methods, number formats,
//! chained comparisons and `sys.exit`: what the listing shows for each,
//! and what it refuses, at its place. (`tests/rust_listings.rs` builds and
//! runs the corpus programs that use them.)

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing, main_of};

/// The refusal's construct and the text it points at.
fn refused(source: &str) -> (String, String) {
    let (construct, _, at) = support::refused(source);
    (construct, at)
}

#[test]
fn enumerate_zip_and_reversed_are_iterator_adapters() {
    let text = listing(&main_of(
        "    names = [\"a\", \"b\"]\n    for n, name in enumerate(names, start=1):\n        \
print(n, name)\n    for x, y in zip([1, 2], [3, 4]):\n        print(x + y)\n    \
print(list(reversed(range(3))))\n    await asyncio.sleep(0)\n",
    ));
    has_all(
        &text,
        &[
            "for (n, name) in (1..).zip(names.iter()) {",
            "for (x, y) in [1, 2].into_iter().zip([3, 4].into_iter()) {",
            "(0..3).rev().collect::<Vec<_>>()",
        ],
    );
}

#[test]
fn any_and_all_over_a_generator_take_its_test() {
    let text = listing(&main_of(
        "    xs = [1.5, 4.0]\n    print(any(x > 3 for x in xs), all([True, False]))\n    \
await asyncio.sleep(0)\n",
    ));
    has_all(
        &text,
        &[".any(|x| x > 3.0)", "[true, false].into_iter().all(|x| x)"],
    );
}

#[test]
fn divmod_and_floor_division_by_a_negative_number_round_down() {
    let text = listing(&main_of(
        "    print(divmod(17, 5), 7 // -2, 7 % -2)\n    await asyncio.sleep(0)\n",
    ));
    has_all(
        &text,
        &[
            "(17_i64.div_euclid(5), 17_i64.rem_euclid(5))",
            "i64::div_euclid(-7, 2)",
            "-i64::rem_euclid(-7, 2)",
        ],
    );
}

#[test]
fn string_methods_without_a_rust_method_use_helpers_or_a_width() {
    let text = listing(&main_of(
        "    s = \"hi there\"\n    print(s.title(), s.capitalize(), \"7\".zfill(3))\n    \
print(\"[\" + \"hi\".center(7, \"*\") + \"]\", s.ljust(10, \".\") + \"|\")\n    \
await asyncio.sleep(0)\n",
    ));
    has_all(
        &text,
        &[
            "py_title(&s)",
            "py_capitalize(&s)",
            "py_zfill(\"7\", 3)",
            "py_center(\"hi\", 7, '*')",
            "{s:.<10}|",
            "fn py_center(s: &str, width: usize, fill: char) -> String {",
        ],
    );
}

#[test]
fn a_fill_that_is_not_one_plain_character_is_refused() {
    let (construct, at) = refused(&main_of(
        "    print(\"hi\".center(7, \"{\"))\n    await asyncio.sleep(0)\n",
    ));
    assert_eq!(construct, "this fill character");
    assert_eq!(at, "\"hi\".center(7, \"{\")");
}

#[test]
fn number_formats_format_cannot_write_use_helpers() {
    let text = listing(&main_of(
        "    x = 1234.5\n    print(f\"{x:,.2f} {x:e} {x:g} {0.25:.1%} {x:>12,}\")\n    \
await asyncio.sleep(0)\n",
    ));
    has_all(
        &text,
        &[
            "py_group(&format!(\"{:.2}\", x), ',')",
            "py_exp(x, 6)",
            "py_g(x, 6)",
            "format!(\"{:.1}%\", 0.25 * 100.0)",
            "{:>12}",
            "fn py_exp(x: f64, places: usize) -> String {",
        ],
    );
}

#[test]
fn a_chained_comparison_reads_its_middle_twice() {
    let text = listing(&main_of(
        "    v = 3\n    print(1 < v < 5)\n    await asyncio.sleep(0)\n",
    ));
    has_all(&text, &["1 < v && v < 5"]);
    let (construct, at) = refused(&main_of(
        "    v = [3]\n    print(1 < len(v) < 5)\n    await asyncio.sleep(0)\n",
    ));
    assert_eq!(construct, "a chained comparison (`a < f(x) < c`)");
    assert_eq!(at, "1 < len(v) < 5");
}

#[test]
fn sys_exit_in_the_module_code_ends_the_process() {
    let text = listing("import sys\nprint(\"a\")\nif 1 > 0:\n    sys.exit(f\"bad {1}\")\n");
    has_all(
        &text,
        &["eprintln!(\"bad {}\", 1);", "std::process::exit(1);"],
    );
    let (construct, at) = refused(&format!(
        "{HEADER}import sys\n\n\nasync def main():\n    code = 3\n    sys.exit(code)\n{RUN}"
    ));
    assert_eq!(construct, "`sys.exit(...)` here");
    assert_eq!(at, "sys.exit(code)");
}

#[test]
fn isdigit_and_isalpha_test_a_string_not_empty_and_answer_on_literals() {
    let text = listing(&main_of(
        "    value = \"12\"\n    await asyncio.sleep(0)\n    \
print(value.isdigit(), value.isalpha(), \"\".isdigit(), \"Ünï\".isalpha())\n",
    ));
    has_all(
        &text,
        &[
            "!value.is_empty() && value.chars().all(|c| c.is_ascii_digit())",
            "!value.is_empty() && value.chars().all(char::is_alphabetic)",
            "\"{} {} False True\",",
        ],
    );
}

#[test]
fn isdigit_on_a_computed_string_is_refused() {
    let (construct, at) = refused(&main_of(
        "    value = \" 7 \"\n    print(value.strip().isdigit())\n    await asyncio.sleep(0)\n",
    ));
    assert_eq!(construct, "`isdigit` or `isalpha` on this");
    assert_eq!(at, "value.strip().isdigit()");
}

#[test]
fn an_item_set_in_a_dict_a_lambda_reads_is_an_insert() {
    let text = listing(&main_of(
        "    readings = {}\n    for s in [\"a\", \"b\"]:\n        readings[s] = len(s)\n    \
print(min(readings, key=lambda s: readings[s]))\n    await asyncio.sleep(0)\n",
    ));
    has_all(&text, &["readings.insert(s.to_string(), "]);
}

#[test]
fn a_sum_of_lists_joins_them() {
    let text = listing(&main_of(
        "    rows = [[1], [2, 3]]\n    print(sum(rows, []), sum(rows, [0]))\n    \
await asyncio.sleep(0)\n",
    ));
    has_all(
        &text,
        &[
            "rows.concat()",
            "[vec![vec![0]], rows.clone()].concat().concat()",
        ],
    );
}
