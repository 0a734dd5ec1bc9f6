//! The Rust listing's exception groups and `except` clauses that never
//! run: what the listing says for each (the corpus programs that use them
//! are built and run by `tests/rust_listings.rs`).

use asynclings::render::plan::plan;
use asynclings::render::rust;

const HEADER: &str = "import asyncio\n\n\n";
const RUN: &str = "\n\nasyncio.run(main())\n";

fn listing(src: &str) -> String {
    let program = asynclings::python::load("x.py", src)
        .unwrap_or_else(|e| panic!("does not load: {e:?}\n{src}"));
    let demo = plan(&program).unwrap_or_else(|e| panic!("refused: {e:?}\n{src}"));
    rust::render(&demo).text()
}

fn refusal(src: &str) -> String {
    let program = asynclings::python::load("x.py", src).expect("loads");
    plan(&program).expect_err("refused").construct
}

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
        "    ExceptionGroup(Vec<Error>),",
        "write!(f, \"unhandled errors in a TaskGroup ({n} sub-exception{s})\")",
        "async fn main() -> Result<(), Error> {",
        "    while let Some(ended) = tg.join_next().await {\n        // An aborted child ends with a `JoinError`: it raised nothing.\n        if let Ok(Err(err)) = ended {\n            tg_errors.push(err);\n            tg.abort_all();",
        "    if !tg_errors.is_empty() {\n        return Err(Error::ExceptionGroup(tg_errors));",
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
        "let left = match err {\n            Error::ExceptionGroup(errors) => errors,\n            err => vec![err],\n        };",
        ".partition(|err| matches!(err, Error::ValueError(_)));",
        "if !taken.is_empty() {\n            let eg = Error::ExceptionGroup(taken).to_string();\n            println!(\"handled {eg}\");",
        "if !left.is_empty() {\n            return Err(Error::ExceptionGroup(left));",
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

/// A division can raise `ZeroDivisionError`, and a bare `except` takes a
/// cancellation: both stay refused.
#[test]
fn an_except_around_what_can_raise_is_still_refused() {
    for (body, clause) in [
        ("print(10 // n)", "except Exception:"),
        ("await asyncio.sleep(1)", "except:"),
    ] {
        let src = format!(
            "{HEADER}async def main():\n    n = 0\n    try:\n        {body}\n    {clause}\n        print(\"caught\")\n{RUN}"
        );
        assert!(
            refusal(&src).contains("no `raise` of the program"),
            "{body} / {clause}"
        );
    }
}
