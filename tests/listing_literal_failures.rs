//! The Rust listing of operations on literals that Python always refuses:
//! `int("abc")`, a literal dict read at a key it lacks, a literal list,
//! tuple or string indexed past its end, and a method numbers lack
//! (`(3).upper()`). Each is the `raise` of Python's exception with
//! CPython's message, where the operation is; the corpus program
//! `exceptions__builtin_messages` is built and run by
//! `tests/rust_listings.rs`.

#[path = "support/listing.rs"]
mod support;
use support::{HEADER, RUN, has_all, listing, refusal};

/// A coroutine `risky(kind)` returning `body`'s value, whose failure
/// `main` prints.
fn risky(body: &str) -> String {
    format!(
        "{HEADER}async def risky(kind):\n    await asyncio.sleep(0)\n{body}    return \"ok\"\n\n\n\
async def main():\n    for kind in range(3):\n        try:\n            print(await risky(kind))\n        \
except Exception as e:\n            print(type(e).__name__, e)\n{RUN}"
    )
}

#[test]
fn int_of_text_it_cannot_read_is_a_value_error() {
    let text = listing(&risky("    if kind == 1:\n        return int(\"abc\")\n"));
    has_all(
        &text,
        &[
            "async fn risky(kind: i64) -> Result<String, Error> {",
            "return Err(Error::ValueError(",
            "\"invalid literal for int() with base 10: 'abc'\".to_string(),",
        ],
    );
}

#[test]
fn int_of_text_it_reads_stays_a_parse() {
    let text = listing(&risky("    if kind == 1:\n        print(int(\" -12 \"))\n"));
    has_all(&text, &["py_int(\" -12 \")"]);
    assert!(!text.contains("base 10: ' -12 '"), "{text}");
}

#[test]
fn a_literal_dict_read_at_a_missing_key_is_a_key_error() {
    let text = listing(&risky(
        "    if kind == 1:\n        return {\"a\": 1}[\"b\"]\n    if kind == 2:\n        return {}[(\"t\", 1)]\n",
    ));
    has_all(
        &text,
        &[
            "return Err(Error::KeyError(\"'b'\".to_string()));",
            "return Err(Error::KeyError((\"t\".to_string(), 1).repr()));",
        ],
    );
}

#[test]
fn a_literal_list_tuple_or_string_indexed_past_its_end_is_an_index_error() {
    let text = listing(&risky(
        "    if kind == 1:\n        return [1, 2][7]\n    if kind == 2:\n        return (\"a\", \"b\")[-3]\n    \
if kind == 3:\n        return \"ab\"[2]\n",
    ));
    has_all(
        &text,
        &[
            "return Err(Error::IndexError(\"list index out of range\".to_string()));",
            "return Err(Error::IndexError(\"tuple index out of range\".to_string()));",
            "return Err(Error::IndexError(\"string index out of range\".to_string()));",
        ],
    );
}

#[test]
fn a_method_numbers_lack_is_an_attribute_error() {
    let text = listing(&risky(
        "    if kind == 1:\n        return (3).upper()\n    if kind == 2:\n        return (2.5).strip()\n",
    ));
    has_all(
        &text,
        &[
            "\"'int' object has no attribute 'upper'\".to_string(),",
            "\"'float' object has no attribute 'strip'\".to_string(),",
        ],
    );
}

/// The near cases: a read that may succeed, a literal whose making calls
/// the program, and the failing operation inside a larger expression.
#[test]
fn reads_that_may_succeed_or_that_call_stay_as_they_are() {
    let text = listing(&risky(
        "    if kind == 1:\n        return {\"a\": \"x\"}[\"a\"]\n    if kind == 2:\n        return [\"p\", \"q\"][-2]\n",
    ));
    assert!(!text.contains("Err(Error::"), "{text}");
    let source = format!(
        "{HEADER}def two():\n    return 2\n\n\nasync def main():\n    try:\n        [two(), 1][5]\n    \
except IndexError as e:\n        print(e)\n{RUN}"
    );
    has_all(&listing(&source), &["two()"]);
    assert_eq!(
        refusal(&format!(
            "{HEADER}async def main():\n    print((3).upper())\n{RUN}"
        )),
        "a method of a number that Python does not have"
    );
}

/// `int(text)` inside a `try` reads `_` between digits as Python does (the
/// corpus program `builtins__int_of_text` runs it); `int()` of a literal
/// with `_`, which `parse::<i64>` refuses where Python reads it, is refused.
#[test]
fn int_of_text_reads_underscores_between_digits_as_python_does() {
    let text = listing(&risky(
        "    if kind == 1:\n        print(int(str(kind) + \"_0\"))\n",
    ));
    has_all(
        &text,
        &[
            "let grouped = unsigned.split('_').all(|digits| !digits.is_empty());",
            "let parsed = trimmed.replace('_', \"\").parse().ok().filter(|_| grouped);",
        ],
    );
    assert_eq!(
        refusal(&format!(
            "{HEADER}async def main():\n    print(int(\"1_000\"))\n{RUN}"
        )),
        "`int()` of text with `_`"
    );
}

/// `float(text)` inside a `try` reads `_` only between two digits, as
/// Python does (the corpus program `builtins__float_of_text` runs it).
#[test]
fn float_of_text_reads_underscores_between_digits_as_python_does() {
    let text = listing(&risky(
        "    if kind == 1:\n        print(float(str(kind) + \"_0.5\"))\n",
    ));
    has_all(
        &text,
        &[
            "let digit = |j: usize| bytes.get(j).is_some_and(u8::is_ascii_digit);",
            "        .filter(|&i| bytes[i] == b'_')\n        .all(|i| i > 0 && digit(i - 1) && digit(i + 1));",
        ],
    );
}
