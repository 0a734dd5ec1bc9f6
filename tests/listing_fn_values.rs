//! The Rust listing of plain functions passed by name to a parameter that
//! is only called: the parameter is an `impl Fn`, the function passed by
//! name; functions of different signatures, or that raise, and a
//! parameter used otherwise are refused at their place.

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing, refusal};

/// The Rust pane's text of `source`, translated or not.
fn render_text(source: &str) -> String {
    let program = asynclings::python::load("x.py", source).expect("loads");
    asynclings::render::rust::render_program(&program).text()
}

const DOUBLE: &str = "def double(n):\n    return n * 2\n\n\ndef square(n):\n    return n * n\n\n\n";

#[test]
fn a_function_passed_by_name_is_an_impl_fn_parameter() {
    let text = listing(&format!(
        "{HEADER}{DOUBLE}def apply_twice(f, x):\n    return f(f(x))\n\n\n\
         async def main():\n    await asyncio.sleep(0)\n    \
         print(apply_twice(double, 3), apply_twice(square, 3)){RUN}"
    ));
    has_all(
        &text,
        &[
            "fn apply_twice(f: impl Fn(i64) -> i64, x: i64) -> i64 {\n    f(f(x))\n}",
            "println!(\"{} {}\", apply_twice(double, 3), apply_twice(square, 3));",
        ],
    );
}

#[test]
fn a_function_of_strings_takes_a_borrowed_string() {
    let text = listing(&format!(
        "{HEADER}def shout(word):\n    return word.upper() + \"!\"\n\n\n\
         async def each(f, words):\n    out = []\n    for w in words:\n        \
         await asyncio.sleep(0.1)\n        out.append(f(w))\n    return out\n\n\n\
         async def main():\n    print(await each(shout, [\"a\", \"b\"])){RUN}"
    ));
    has_all(
        &text,
        &[
            "fn shout(word: &str) -> String {",
            "async fn each(f: impl Fn(&str) -> String, words: Vec<&str>) -> Vec<String> {",
            "out.push(f(w));",
            "each(shout, vec![\"a\", \"b\"]).await",
        ],
    );
}

#[test]
fn a_function_parameter_used_otherwise_is_refused() {
    // Printed, not only called: the function is still a value.
    let source = format!(
        "{HEADER}{DOUBLE}def show(f, x):\n    print(f)\n    return f(x)\n\n\n\
         async def main():\n    await asyncio.sleep(0)\n    print(show(double, 3)){RUN}"
    );
    has_all(
        &render_text(&source),
        &[
            "x.py:14:12: the call `f(x)`",
            "x.py:19:16: `double` used as a value",
        ],
    );
}

#[test]
fn a_function_kept_in_a_variable_is_still_refused() {
    let source = format!(
        "{HEADER}{DOUBLE}def apply(f, x):\n    return f(x)\n\n\n\
         async def main():\n    await asyncio.sleep(0)\n    print(apply(double, 3))\n    \
         g = square\n    print(g(2)){RUN}"
    );
    assert_eq!(refusal(&source), "`square` used as a value");
}

#[test]
fn a_call_passing_something_else_leaves_the_parameter_refused() {
    // The second call passes a number where the first passes a function.
    let source = format!(
        "{HEADER}{DOUBLE}def apply(f, x):\n    return f(x)\n\n\n\
         async def main():\n    await asyncio.sleep(0)\n    print(apply(double, 3), apply(4, 4)){RUN}"
    );
    assert_eq!(
        refusal(&source),
        "the call `f(x)` of a value kept in a variable"
    );
}

#[test]
fn functions_of_different_signatures_are_refused_at_the_call() {
    let text = render_text(&format!(
        "{HEADER}{DOUBLE}def half(n):\n    return n / 2\n\n\n\
         def apply(f, x):\n    return f(x)\n\n\n\
         async def main():\n    await asyncio.sleep(0)\n    print(apply(double, 3), apply(half, 3)){RUN}"
    ));
    has_all(
        &text,
        &[
            "// The translator cannot translate this program yet",
            "x.py:17:12: the call `f(...)`",
            "`f` is given `double` and `half`, whose Rust signatures differ",
        ],
    );
}

#[test]
fn a_function_that_raises_is_refused_as_a_value() {
    let text = render_text(&format!(
        "{HEADER}def half(n):\n    if n % 2:\n        raise ValueError(\"odd\")\n    return n // 2\n\n\n\
         def apply(f, x):\n    return f(x)\n\n\n\
         async def main():\n    await asyncio.sleep(0)\n    print(apply(half, 4)){RUN}"
    ));
    has_all(
        &text,
        &[
            "// The translator cannot translate this program yet",
            ": `half` given as a value",
            "a function that raises returns a `Result`",
        ],
    );
}

#[test]
fn a_coroutine_passed_by_name_is_an_impl_async_fn_parameter() {
    let text = listing(&format!(
        "{HEADER}async def tick(n):\n    await asyncio.sleep(n)\n    return n\n\n\n\
         async def run(f, x):\n    first = await f(x)\n    return first + await f(x + 1)\n\n\n\
         async def main():\n    print(await run(tick, 1)){RUN}"
    ));
    has_all(
        &text,
        &[
            "async fn run(f: impl AsyncFn(i64) -> i64, x: i64) -> i64 {",
            "let first = f(x).await;",
            "first + f(x + 1).await",
            "run(tick, 1).await",
        ],
    );
}

#[test]
fn a_coroutine_and_a_plain_function_for_one_parameter_are_refused() {
    let source = format!(
        "{HEADER}{DOUBLE}async def tick(n):\n    await asyncio.sleep(n)\n    return n\n\n\n\
         async def run(f, x):\n    return f(x)\n\n\n\
         async def main():\n    print(await run(tick, 1), await run(double, 2)){RUN}"
    );
    let text = render_text(&source);
    has_all(
        &text,
        &[
            "x.py:18:12: the call `f(x)`",
            "x.py:22:21: `tick` used as a value",
        ],
    );
}

#[test]
fn a_coroutine_parameter_called_without_await_is_refused() {
    let source = format!(
        "{HEADER}async def tick(n):\n    await asyncio.sleep(n)\n    return n\n\n\n\
         async def run(f, x):\n    coro = f(x)\n    return await coro\n\n\n\
         async def main():\n    print(await run(tick, 1)){RUN}"
    );
    assert_eq!(
        refusal(&source),
        "the call `f(x)` of a value kept in a variable"
    );
}

#[test]
fn a_lambda_passed_to_a_function_parameter_is_a_closure() {
    let text = listing(&format!(
        "{HEADER}{DOUBLE}def apply_twice(f, x):\n    return f(f(x))\n\n\n\
         def tag_all(f, words):\n    return [f(w) for w in words]\n\n\n\
         async def main():\n    step = 5\n    await asyncio.sleep(0)\n    \
         print(apply_twice(double, 3), apply_twice(lambda n: n + step, 3))\n    \
         print(tag_all(lambda w: w + \"!\", [\"a\", \"b\"])){RUN}"
    ));
    has_all(
        &text,
        &[
            "fn apply_twice(f: impl Fn(i64) -> i64, x: i64) -> i64 {",
            "apply_twice(|n| n + step, 3)",
            "fn tag_all(f: impl Fn(&str) -> String, words: Vec<&str>) -> Vec<String> {",
            "tag_all(|w| format!(\"{w}!\"), vec![\"a\", \"b\"])",
        ],
    );
}

#[test]
fn a_lambda_whose_parameter_the_caller_binds_is_refused() {
    let text = render_text(&format!(
        "{HEADER}def apply(f, x):\n    return f(x)\n\n\n\
         async def main():\n    n = 2\n    await asyncio.sleep(0)\n    print(apply(lambda n: n + 1, n)){RUN}"
    ));
    has_all(
        &text,
        &["x.py:5:12: the call `f(x)`", "x.py:11:17: a `lambda`"],
    );
}

#[test]
fn a_lambda_of_other_types_than_a_function_beside_it_is_refused() {
    let text = render_text(&format!(
        "{HEADER}{DOUBLE}def apply(f, x):\n    return f(x)\n\n\n\
         async def main():\n    await asyncio.sleep(0)\n    print(apply(double, 3), apply(lambda n: n / 2, 3)){RUN}"
    ));
    has_all(
        &text,
        &[
            "x.py:13:12: the call `f(...)`",
            "`f` is given `double` and a lambda of other types",
        ],
    );
}

#[test]
fn a_lambda_given_to_a_task_is_refused() {
    let text = render_text(&format!(
        "{HEADER}async def each(f, xs):\n    out = []\n    for x in xs:\n        \
         await asyncio.sleep(0.1)\n        out.append(f(x))\n    return out\n\n\n\
         async def main():\n    step = 2\n    t = asyncio.create_task(each(lambda v: v + step, [1, 2]))\n    \
         print(await t){RUN}"
    ));
    has_all(
        &text,
        &[
            "x.py:14:34: this `lambda`",
            "`each` runs as a task of its own",
        ],
    );
}

#[test]
fn a_lambda_giving_back_a_string_it_does_not_make_is_refused() {
    // `|s| s` gives a `&str` where the `impl Fn` names a `String`.
    let text = render_text(&format!(
        "{HEADER}def show(f, x):\n    return f(x)\n\n\n\
         async def main():\n    await asyncio.sleep(0)\n    print(show(lambda s: s, \"hi\")){RUN}"
    ));
    has_all(
        &text,
        &["x.py:10:16: this `lambda`", "strings (a string result"],
    );
}
