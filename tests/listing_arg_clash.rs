//! A function given values of two types in two calls (a list of strings
//! here, a list of numbers there): the Rust parameter has one type, so the
//! listing refuses the argument whose type differs, rather than show a
//! listing that does not build.

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, listing, refused};

const SHOW: &str = "async def show(rows):\n    for row in rows:\n        await asyncio.sleep(0.1)\n        print(row)\n\n\n";

#[test]
fn lists_of_strings_and_of_numbers_for_one_parameter_are_refused() {
    let (construct, reason, at) = refused(&format!(
        "{HEADER}{SHOW}async def main():\n    await show([[\"a\"], [\"b\"]])\n    await show([[1], [2, 3]])\n{RUN}"
    ));
    assert_eq!(construct, "`show` given values of two types");
    assert!(reason.contains("`Vec<Vec<String>>`"), "{reason}");
    assert_eq!(at, "[[1], [2, 3]]");
}

/// An int where another call gives a float is one parameter.
#[test]
fn ints_beside_floats_still_translate() {
    let text = listing(&format!(
        "{HEADER}async def wait(s):\n    await asyncio.sleep(s)\n\n\nasync def main():\n    await wait(1)\n    await wait(0.5)\n{RUN}"
    ));
    assert!(text.contains("async fn wait(s: Duration)"), "{text}");
}
