//! The Rust listing of `sys.exit` caught as `SystemExit`, `await
//! asyncio.create_task(...)`, `gather(..., return_exceptions=True)` and
//! `break`/`continue` through a `finally`: what the listing says for each
//! (the corpus programs `sys__exit_in_task_caught`,
//! `gather__return_exceptions_boom`, `gather__return_exceptions_values`
//! and `exceptions__else_finally` are built and run by
//! `tests/rust_listings.rs`).

use asynclings::render::rust;
use asynclings::render::rust::translate;

fn listing(src: &str) -> String {
    let program = asynclings::python::load("x.py", src)
        .unwrap_or_else(|e| panic!("does not load: {e:?}\n{src}"));
    let demo = translate(&program).unwrap_or_else(|e| panic!("refused: {e:?}\n{src}"));
    rust::render(&demo).text()
}

/// Every construct the translator refuses in `src`.
fn refusals(src: &str) -> Vec<String> {
    let program = asynclings::python::load("x.py", src).expect("loads");
    let blockers = asynclings::render::rust::translate_all(&program).expect_err("refused");
    blockers.into_iter().map(|b| b.construct).collect()
}

fn has_all(text: &str, parts: &[&str]) {
    for part in parts {
        assert!(text.contains(part), "{part}:\n{text}");
    }
}

const EXIT_CAUGHT: &str = "import asyncio
import sys


async def worker(code):
    try:
        try:
            sys.exit(code)
        except Exception:
            print(\"not an Exception\")
    except SystemExit as e:
        print(\"caught\", repr(e), str(e))


async def main():
    await asyncio.create_task(worker(4))


asyncio.run(main())
";

/// `sys.exit(code)` inside a `try` that takes `SystemExit` is its `Err`,
/// which `except Exception` does not take; its `repr` shows the number
/// unquoted, as `SystemExit(4)`.
#[test]
fn sys_exit_caught_is_an_err_of_system_exit() {
    let text = listing(EXIT_CAUGHT);
    has_all(
        &text,
        &[
            "    SystemExit(String),",
            "// Nothing here raises what the `except` takes: it never runs.",
            "        Err(Error::SystemExit(code.to_string()))\n    }\n    .await;",
            "err @ Error::SystemExit(_) => {",
            "Error::SystemExit(message) => format!(\"SystemExit({message})\"),",
        ],
    );
    assert!(!text.contains("not an Exception"), "{text}");
    assert!(!text.contains("process::exit"), "{text}");
}

/// `await asyncio.create_task(f())` spawns the task into a variable of its
/// own and awaits its handle, the task's exception going on with `?`.
#[test]
fn awaiting_a_task_made_in_place() {
    has_all(
        &listing(EXIT_CAUGHT),
        &["let worker_task = tokio::spawn(worker(4));\n    worker_task.await.unwrap()?;"],
    );
}

/// Outside a `try` that takes it, `sys.exit` in a coroutine stays
/// refused: `SystemExit` would run every `finally` on its way out.
#[test]
fn sys_exit_uncaught_in_a_coroutine_is_refused() {
    let src = EXIT_CAUGHT.replace("except SystemExit as e", "except ValueError as e");
    assert!(refusals(&src).contains(&"`sys.exit(...)` here".to_string()));
}

const OUTCOMES: &str = "import asyncio


async def parse(text):
    await asyncio.sleep(1)
    if text == \"x\":
        raise ValueError(\"not a number: \" + text)
    return int(text)


async def main():
    results = await asyncio.gather(parse(\"1\"), parse(\"x\"), return_exceptions=True)
    print(results)
    print(await asyncio.gather(parse(\"2\"), parse(\"3\"), return_exceptions=False))


asyncio.run(main())
";

/// `gather(..., return_exceptions=True)` of a coroutine that raises is
/// `join_all` of the children, each output a `Result`; printed, each is
/// its value's `repr` or its exception's. `return_exceptions=False`
/// passes the first exception on, as a plain gather.
#[test]
fn gather_with_return_exceptions_keeps_each_outcome() {
    let text = listing(OUTCOMES);
    has_all(
        &text,
        &[
            "let results = join_all(vec![parse(\"1\"), parse(\"x\")]).await;",
            "println!(\"{}\", py_outcomes(&results));",
            "try_join_all(vec![parse(\"2\"), parse(\"3\")]).await?",
            "fn py_outcomes<T: Repr>(outcomes: &[Result<T, Error>]) -> String {",
            "Err(err) => err.to_repr(),",
            "fn to_repr(&self) -> String {",
        ],
    );
}

/// Of a coroutine that never raises, `return_exceptions=True` changes
/// nothing: a plain gather.
#[test]
fn gather_with_return_exceptions_of_a_coroutine_that_cannot_raise() {
    let src = OUTCOMES
        .replace("    if text == \"x\":\n", "")
        .replace("        raise ValueError(\"not a number: \" + text)\n", "")
        .replace("parse(\"x\")", "parse(\"4\")");
    let text = listing(&src);
    has_all(&text, &["join_all(vec![parse(\"1\"), parse(\"4\")]).await"]);
    assert!(!text.contains("py_outcomes"), "{text}");
}

/// `continue` and `break` inside a `try` with only `finally` leave the
/// block, whose drop guard runs the cleanup; with an `except`, the block
/// is an `async` block they cannot leave: still refused.
#[test]
fn break_and_continue_through_finally() {
    let src = "import asyncio


async def main():
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            print(\"body\", i)
        finally:
            print(\"finally\", i)


asyncio.run(main())
";
    has_all(
        &listing(src),
        &[
            "let _finally = guard((), |_| {",
            "            if i == 1 {\n                continue;\n            }",
            "            if i == 3 {\n                break;\n            }",
        ],
    );
    let caught = src.replace("        finally:\n", "        except ValueError:\n");
    let refused = refusals(&caught);
    assert!(refused.contains(&"`continue`".to_string()), "{refused:?}");
    assert!(refused.contains(&"`break`".to_string()), "{refused:?}");
}

/// `"1" + 1` and `1 + "x"` always raise `TypeError`: the listing raises
/// it, with CPython's message for each order.
#[test]
fn a_sum_of_a_string_and_a_number_raises_type_error() {
    let src = "import asyncio


async def add(kind):
    await asyncio.sleep(0)
    if kind == 1:
        return \"1\" + 1
    return 2.5 + \"x\"


async def main():
    for kind in [1, 2]:
        try:
            print(await add(kind))
        except TypeError as e:
            print(e)


asyncio.run(main())
";
    has_all(
        &listing(src),
        &[
            "return Err(Error::TypeError(\n            \"can only concatenate str (not \\\"int\\\") to str\".to_string(),\n        ));",
            "    Err(Error::TypeError(\n        \"unsupported operand type(s) for +: 'float' and 'str'\".to_string(),\n    ))\n}",
        ],
    );
}

/// `logging.warning` whose arguments do not fit its message raises
/// nothing (logging reports the error on stderr and goes on): an
/// `except` around it never runs, and the listing says so.
#[test]
fn except_around_a_logging_error_never_runs() {
    let src = "import asyncio
import logging


async def main():
    try:
        logging.warning(\"%d tasks\", \"three\")
    except Exception as e:
        print(\"caught\", repr(e))
    print(\"after the log line\")


asyncio.run(main())
";
    let text = listing(src);
    has_all(
        &text,
        &[
            "// Nothing here raises what the `except` takes: it never runs.",
            "Python's\n    // logging writes \"--- Logging error ---\"",
        ],
    );
    assert!(!text.contains("caught"), "{text}");
}
