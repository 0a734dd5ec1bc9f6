//! The Rust listing's exception groups and `except` clauses that never
//! run: what the listing says for each (the corpus programs that use them
//! are built and run by `tests/rust_listings.rs`).

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, listing, refusal};

const STEP: &str = "async def step(n):\n    await asyncio.sleep(1)\n    if n == 1:\n        raise ValueError(\"one\")\n    raise KeyError(n)\n\n\n";

/// A task group whose children raise joins them one by one: the first
/// `Err` aborts the rest, and what they raised goes on as a group.
#[test]
fn a_task_group_collects_its_children_exceptions() {
    let src = format!(
        "{HEADER}{STEP}async def main():\n    async with asyncio.TaskGroup() as tg:\n        tg.create_task(step(1))\n        tg.create_task(step(2))\n        print(\"started\")\n{RUN}"
    );
    let text = listing(&src);
    for part in [
        "    ExceptionGroup(&'static str, Vec<Error>),",
        "const TASK_GROUP: &str = \"unhandled errors in a TaskGroup\";",
        "write!(f, \"{message} ({n} sub-exception{s})\")",
        "async fn main() -> Result<(), Error> {",
        "    while let Some(ended) = tg.join_next().await {\n        // An aborted child ends with a `JoinError`: it raised nothing.\n        if let Ok(Err(err)) = ended {\n            tg_errors.push(err);\n            tg.abort_all();",
        "    if !tg_errors.is_empty() {\n        return Err(Error::ExceptionGroup(TASK_GROUP, tg_errors));",
    ] {
        assert!(text.contains(part), "{part}:\n{text}");
    }
}

/// `except*` takes its classes out of the group; the rest goes on.
#[test]
fn except_star_splits_the_group() {
    let src = format!(
        "{HEADER}{STEP}async def main():\n    try:\n        async with asyncio.TaskGroup() as tg:\n            for n in (1, 2):\n                tg.create_task(step(n))\n    except* ValueError as eg:\n        print(\"handled\", eg)\n{RUN}"
    );
    let text = listing(&src);
    for part in [
        "for n in [1, 2] {",
        "let (message, left) = match err {\n            Error::ExceptionGroup(message, errors) => (message, errors),\n            err => (\"\", vec![err]),\n        };",
        "let (taken, left) = Error::split(left, |err| matches!(err, Error::ValueError(_)));",
        "fn split(errors: Vec<Error>, takes: fn(&Error) -> bool) -> (Vec<Error>, Vec<Error>) {",
        "if !taken.is_empty() {\n            let eg = Error::ExceptionGroup(message, taken).to_string();\n            println!(\"handled {eg}\");",
        "if !left.is_empty() {\n            return Err(Error::ExceptionGroup(message, left));",
    ] {
        assert!(text.contains(part), "{part}:\n{text}");
    }
}

/// A body that still awaits when a child fails would be cancelled by
/// asyncio: that group is not translated.
#[test]
fn a_failing_group_whose_body_awaits_is_refused() {
    let src = format!(
        "{HEADER}{STEP}async def main():\n    async with asyncio.TaskGroup() as tg:\n        tg.create_task(step(1))\n        await asyncio.sleep(5)\n{RUN}"
    );
    assert!(refusal(&src).contains("an exception of `step` here"));
}

/// An `except` around a block that cannot raise never runs: the block
/// stays, the clause goes, and a comment says why.
#[test]
fn an_except_around_a_block_that_cannot_raise_is_left_out() {
    let src = format!(
        "{HEADER}async def main():\n    n = 0\n    try:\n        await asyncio.sleep(1)\n        n += 1\n        print(\"tick\", n)\n    except Exception:\n        print(\"never\")\n{RUN}"
    );
    let text = listing(&src);
    assert!(
        text.contains("// Nothing here raises what the `except` takes: it never runs.\n    sleep("),
        "{text}"
    );
    assert!(!text.contains("never\""), "{text}");
}

/// A bare `except` takes a cancellation: it stays refused.
#[test]
fn a_bare_except_around_an_await_is_still_refused() {
    let src = format!(
        "{HEADER}async def main():\n    try:\n        await asyncio.sleep(1)\n    except:\n        print(\"caught\")\n{RUN}"
    );
    assert!(refusal(&src).contains("no `raise` of the program"));
}

/// A division inside a `try` whose `except` takes `ZeroDivisionError` (or
/// a base of it) checks its divisor and gives Python's message; the same
/// division outside stays plain.
#[test]
fn a_caught_division_checks_its_divisor() {
    let src = format!(
        "{HEADER}async def main():\n    n = 0\n    print(10 // 3)\n    try:\n        print(10 // n)\n    except ArithmeticError as e:\n        print(\"caught\", type(e).__name__, e)\n{RUN}"
    );
    let text = listing(&src);
    for part in [
        "    ZeroDivisionError(String),",
        "println!(\"{}\", 10_i64.div_euclid(3));",
        "py_floordiv(10, py_nonzero(n, \"integer division or modulo by zero\")?)",
        "err @ Error::ZeroDivisionError(_) => {",
        "fn py_nonzero<T: Default + PartialEq>(divisor: T, message: &str) -> Result<T, Error> {",
    ] {
        assert!(text.contains(part), "{part}:\n{text}");
    }
    assert!(
        !text.contains("ArithmeticError"),
        "type(e).__name__ names the subclass:\n{text}"
    );
}

/// `d[k]`, `xs[i]` and `int(text)` called from a `try` whose `except`
/// takes their classes return Python's exception as an `Err`.
#[test]
fn lookups_and_int_raise_what_an_except_takes() {
    let src = format!(
        "{HEADER}async def get(d, k):\n    await asyncio.sleep(1)\n    return d[k]\n\n\nasync def at(xs, i):\n    await asyncio.sleep(1)\n    return xs[i]\n\n\nasync def main():\n    try:\n        print(await get({{\"a\": 1}}, \"b\"))\n    except KeyError as e:\n        print(\"no\", e)\n    try:\n        print(await at([1, 2], 5))\n    except IndexError as e:\n        print(\"no\", e)\n    try:\n        print(int(\"x\"))\n    except ValueError as e:\n        print(\"no\", e)\n{RUN}"
    );
    let text = listing(&src);
    for part in [
        "Ok(*py_item(&d, k)?)",
        "Ok(*py_item_at(&xs, i)?)",
        "py_int(\"x\")?",
        "map.get(key).ok_or_else(|| Error::KeyError(py_repr(key)))",
        ".ok_or_else(|| Error::IndexError(\"list index out of range\".to_string()))",
        "Error::ValueError(format!(\"invalid literal for int() with base 10: {text}\"))",
    ] {
        assert!(text.contains(part), "{part}:\n{text}");
    }
}

/// What Python's types mix and Rust's cannot is refused, by name.
#[test]
fn values_python_mixes_are_refused() {
    for (body, construct) in [
        ("print(\"1\" + 1)", "adding a string and a number"),
        (
            "d = {\"a\": 1, \"b\": (2, 3)}\n    print(d)",
            "a dict holding a number and a tuple",
        ),
    ] {
        let src = format!("{HEADER}async def main():\n    {body}\n{RUN}");
        assert_eq!(refusal(&src), construct, "{body}");
    }
}

/// `repr(e)` of a caught exception is the class and its argument as
/// Python writes them: the text quoted, a `KeyError`'s key as it is (a
/// class raised only with a message never shows as `Class()`).
#[test]
fn repr_of_a_caught_exception_writes_the_class_and_its_argument() {
    let src = format!(
        "{HEADER}async def check(n):\n    await asyncio.sleep(1)\n    if n == 1:\n        raise ValueError(f\"bad {{n}}\")\n    if n == 2:\n        raise KeyError(\"k\")\n    return n\n\n\nasync def main():\n    try:\n        print(await check(1))\n    except Exception as e:\n        print(\"caught\", repr(e))\n{RUN}"
    );
    let text = listing(&src);
    for part in [
        "fn to_repr(&self) -> String {",
        "Error::ValueError(message) => format!(\"ValueError({})\", py_repr(message)),",
        "Error::KeyError(message) => format!(\"KeyError({message})\"),",
        "let e_repr = err.to_repr();\n                println!(\"caught {e_repr}\");",
        "fn py_repr(s: &str) -> String {",
    ] {
        assert!(text.contains(part), "{part}:\n{text}");
    }
    assert!(!text.contains("\"ValueError()\""), "{text}");
}

/// An exception raised outside a task group is wrapped by Python in a
/// group of message `''` for the clause that takes it, and goes on alone
/// otherwise: such an `except*` is not translated.
#[test]
fn except_star_of_an_exception_raised_outside_a_group_is_refused() {
    let src = format!(
        "{HEADER}{STEP}async def main():\n    try:\n        await step(1)\n    except* ValueError as eg:\n        print(\"handled\", eg)\n{RUN}"
    );
    assert_eq!(
        refusal(&src),
        "an `except*` of a block that raises outside a task group"
    );
}
