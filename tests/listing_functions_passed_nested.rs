//! The Rust listing of a lambda kept in a variable, or a function defined
//! inside another, that captures nothing and is passed by name to a
//! parameter only called: hoisted to the module, passed by name as a
//! function of the module is; one that captures is refused.

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing};

/// The Rust pane's text of `source`, translated or not.
fn render_text(source: &str) -> String {
    let program = asynclings::python::load("x.py", source).expect("loads");
    asynclings::render::rust::render_program(&program).text()
}

const APPLY: &str = "def apply_twice(f, x):\n    return f(f(x))\n\n\n";

#[test]
fn a_kept_lambda_passed_by_name_is_a_hoisted_function() {
    let text = listing(&format!(
        "{HEADER}{APPLY}async def main():\n    square = lambda x: x * x\n    \
         await asyncio.sleep(0)\n    print(square(4), apply_twice(square, 3)){RUN}"
    ));
    has_all(
        &text,
        &[
            "fn apply_twice(f: impl Fn(i64) -> i64, x: i64) -> i64 {\n    f(f(x))\n}",
            "fn square(x: i64) -> i64 {\n    x * x\n}",
            "println!(\"{} {}\", square(4), apply_twice(square, 3));",
        ],
    );
}

#[test]
fn a_nested_function_passed_by_name_is_a_hoisted_function() {
    let text = listing(&format!(
        "{HEADER}{APPLY}async def main():\n    def double(n):\n        return n * 2\n\n    \
         await asyncio.sleep(0)\n    print(apply_twice(double, 5)){RUN}"
    ));
    has_all(
        &text,
        &[
            "fn double(n: i64) -> i64 {\n    n * 2\n}",
            "println!(\"{}\", apply_twice(double, 5));",
        ],
    );
}

#[test]
fn a_kept_lambda_that_captures_passed_by_name_is_refused() {
    let source = format!(
        "{HEADER}{APPLY}async def main():\n    step = 3\n    bump = lambda x: x + step\n    \
         await asyncio.sleep(0)\n    print(apply_twice(bump, 1)){RUN}"
    );
    has_all(
        &render_text(&source),
        &["x.py:5:12: the call `f(f(x))`", "x.py:10:12: a `lambda`"],
    );
}

#[test]
fn a_nested_function_that_captures_passed_by_name_is_refused() {
    let source = format!(
        "{HEADER}{APPLY}async def main():\n    step = 3\n\n    def bump(n):\n        \
         return n + step\n\n    await asyncio.sleep(0)\n    print(apply_twice(bump, 1)){RUN}"
    );
    has_all(
        &render_text(&source),
        &[
            "x.py:5:12: the call `f(f(x))`",
            "x.py:11:5: a nested definition",
        ],
    );
}
