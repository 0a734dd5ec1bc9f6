//! The translation plan: every lesson's demo and reference program is
//! planned (or refused, where documented), the Rust listing's spans name
//! the program's statements, and constructs the translator cannot translate yet
//! are refused at their place.

use asynclings::program::{Code, Program, Stmt, StmtId, StmtKind};
use asynclings::render::plan::Untranslatable;
use asynclings::render::plan::ir::ast::Block;
use asynclings::render::rust::{self, translate};
use std::path::{Path, PathBuf};

/// Demos documented by `tests/rust_listings.rs` as not translatable, and
/// what the refusal must mention.
/// (Lesson 13's plain generators driven by `send` have no faithful
/// automatic translation: its lesson names a hand-written listing.)
const UNTRANSLATABLE: &[(&str, &str)] = &[
    ("x02_futures", "future"),
    (
        "x05_cancel_gather",
        "`return` in `except asyncio.CancelledError`",
    ),
    ("x07_edge_cases", "one type"),
    ("13-generators", "plain function"),
];

/// The built-in lessons' demos and the reference programs.
fn program_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["lessons", "tests/reference"] {
        let mut in_dir: Vec<PathBuf> = std::fs::read_dir(root.join(dir))
            .expect("the lesson folder")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "py"))
            .collect();
        in_dir.sort();
        files.extend(in_dir);
    }
    files
}

fn stem(path: &Path) -> String {
    path.file_stem().unwrap().to_string_lossy().into_owned()
}

fn load(source: &str) -> Program {
    asynclings::python::load("x.py", source)
        .unwrap_or_else(|e| panic!("does not load: {e:?}\n{source}"))
}

/// The ids of the statements that print or await, in every function and
/// method (not the module's `asyncio.run`).
fn awaits_and_prints(program: &Program) -> Vec<(u32, String)> {
    fn code(program: &Program, c: &Code, out: &mut Vec<(u32, String)>) {
        asynclings::program::walk(&c.body, &mut |s: &Stmt| {
            let shows = match &s.kind {
                StmtKind::Expr(e) | StmtKind::Assign { value: e, .. } => {
                    e.suspends || program.source[s.span.clone()].starts_with("print(")
                }
                StmtKind::For { is_async, .. } | StmtKind::With { is_async, .. } => *is_async,
                _ => false,
            };
            if shows {
                out.push((s.id, program.source[s.span.clone()].to_string()));
            }
            if let StmtKind::Def { code: inner, .. } | StmtKind::Class { code: inner, .. } = &s.kind
            {
                code(program, inner, out);
            }
        });
    }
    let mut out = Vec::new();
    for s in &program.module.body {
        if let StmtKind::Def { code: c, .. } | StmtKind::Class { code: c, .. } = &s.kind {
            code(program, c, &mut out);
        }
    }
    out
}

/// The ids of the plan statements of `block`, nested ones included; a
/// statement run first for the next one (a token made for the task it
/// spawns, the tasks cancelled before a `return`) shares its id, once.
fn statement_ids(block: &Block, ids: &mut Vec<StmtId>) {
    let mut last = None;
    for s in block {
        if last != Some(s.id) {
            ids.push(s.id);
        }
        last = Some(s.id);
        for inner in s.blocks() {
            statement_ids(inner, ids);
        }
    }
}

/// Plans a program and checks the Rust listing's spans against it.
fn check_plan(name: &str, program: &Program) -> Result<(), Untranslatable> {
    let planned = translate(program)?;
    assert_eq!(planned.statement_count, program.statement_count, "{name}");
    let got = rust::render(&planned);
    let mut ids = Vec::new();
    for f in &planned.functions {
        for block in [&f.body, &f.exit] {
            statement_ids(block, &mut ids);
        }
    }
    let count = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(
        ids.len(),
        count,
        "{name}: two plan statements share a Python statement"
    );
    for id in got.spans.keys() {
        assert!(
            *id < program.statement_count,
            "{name}: span for unknown statement {id}"
        );
    }
    for (id, text) in awaits_and_prints(program) {
        assert!(
            got.spans.contains_key(&id),
            "{name}: `{text}` (statement {id}) has no Rust lines"
        );
    }
    Ok(())
}

#[test]
fn every_lesson_and_reference_program_is_planned() {
    for path in program_files() {
        let name = stem(&path);
        let source = std::fs::read_to_string(&path).unwrap();
        let program = load(&source);
        match (
            check_plan(&name, &program),
            UNTRANSLATABLE.iter().find(|(n, _)| *n == name),
        ) {
            (Ok(()), None) => {}
            // A lesson with a hand-written listing shows that one instead.
            (Err(_), None) if path.with_extension("rs").exists() => {}
            (Err(e), Some((_, word))) => {
                assert!(e.to_string().contains(word), "{name}: {e}");
            }
            (Ok(()), Some(_)) => panic!("{name}: expected to be refused"),
            (Err(e), None) => panic!("{name}: refused: {e}"),
        }
    }
}

/// Without the construct that stops them, the untranslatable programs plan.
#[test]
fn the_untranslatable_programs_plan_without_their_problem() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/reference");
    let edits: &[(&str, &[(&str, &str)])] = &[
        ("x02_futures", &[("    coro = setter(f, 0)\n", "")]),
        (
            "x05_cancel_gather",
            &[("        return \"kept\"\n", "        raise\n")],
        ),
        (
            "x07_edge_cases",
            &[
                ("(\"one fairly long string\", \"two\")", "(5, 6)"),
                ("(\"three\", \"four\")", "(7, 8)"),
                ("(\"five\", \"six\")", "(9, 10)"),
                ("[1, \"two\", [3.5, None, True]]", "[1, 2, 3]"),
            ],
        ),
    ];
    for (name, edits) in edits {
        let mut text = std::fs::read_to_string(root.join(format!("{name}.py"))).unwrap();
        for (from, to) in *edits {
            assert!(text.contains(from), "{name}: {from}");
            text = text.replace(from, to);
        }
        check_plan(name, &load(&text)).unwrap_or_else(|e| panic!("{name}: {e:?}"));
    }
}

fn refused(source: &str) -> (Untranslatable, String) {
    let program = load(source);
    let e = translate(&program).expect_err("refused");
    let text = source[e.span.clone()].to_string();
    (e, text)
}

const HEADER: &str = "import asyncio\n\n\n";
const RUN: &str = "\n\nasyncio.run(main())\n";

#[test]
fn a_class_with_lt_is_refused_at_the_method() {
    let src = format!(
        "{HEADER}class Point:\n    def __lt__(self, other):\n        return True\n\n\nasync def main():\n    print(\"hi\")\n{RUN}"
    );
    let (e, text) = refused(&src);
    assert!(text.starts_with("def __lt__"), "{text:?}");
    assert!(e.construct.contains("__lt__"), "{e:?}");
    assert!(e.reason.contains("special methods"), "{e:?}");
}

/// A plain class is a struct with its methods; `__str__` is its `Display`,
/// and an object's methods are called and awaited as Python calls them.
#[test]
fn a_plain_class_is_a_struct_with_methods() {
    let src = format!(
        "{HEADER}class Tank:\n    def __init__(self, name):\n        self.name = name\n        self.level = 0\n\n    def fill(self, n):\n        self.level += n\n        return self.level\n\n    async def drain(self):\n        await asyncio.sleep(1)\n        self.level = 0\n\n    def __str__(self):\n        return f\"{{self.name}}: {{self.level}}\"\n\n\nasync def main():\n    t = Tank(\"a\")\n    print(t.fill(3), t.name)\n    await t.drain()\n    t.level = 5\n    print(t)\n{RUN}"
    );
    let demo = translate(&load(&src)).expect("planned");
    let listing = rust::render(&demo).text();
    for part in [
        "struct Tank {",
        "fn new(name: &str) -> Self {",
        "fn fill(&mut self, n: i64) -> i64 {",
        "async fn drain(&mut self) {",
        "impl fmt::Display for Tank {",
        "let mut t = Tank::new(\"a\");",
        "t.fill(3), t.name",
        "t.drain().await;",
        "t.level = 5;",
    ] {
        assert!(listing.contains(part), "{part}:\n{listing}");
    }
}

#[test]
fn a_lambda_is_refused() {
    let src =
        format!("{HEADER}async def main():\n    f = lambda x: x + 1\n    print(\"hi\")\n{RUN}");
    let (e, text) = refused(&src);
    assert_eq!(text, "lambda x: x + 1");
    assert!(e.construct.contains("lambda"), "{e:?}");
}

#[test]
fn a_set_literal_printed_in_hash_order_is_refused() {
    let src = format!("{HEADER}async def main():\n    s = {{\"b\", \"a\"}}\n    print(s)\n{RUN}");
    let listing = rust::render_program(&load(&src)).lines;
    assert_eq!(
        listing[1], "// x.py:6:11: a set printed or iterated",
        "{listing:#?}"
    );
}

/// A dict keeps Python's insertion order as an `IndexMap`, and prints as
/// Python's `print` shows it.
#[test]
fn a_dict_literal_is_an_index_map() {
    let src = format!(
        "{HEADER}async def main():\n    d = {{\"a\": 1}}\n    d[\"b\"] = 2\n    print(d, \"a\" in d)\n{RUN}"
    );
    let listing = rust::render(&translate(&load(&src)).expect("planned")).text();
    for line in [
        "use indexmap::IndexMap;",
        "let mut d = IndexMap::from([(\"a\".to_string(), 1)]);",
        "d.insert(\"b\".to_string(), 2);",
        "d.contains_key(\"a\")",
        "d.repr()",
        "impl<K: Repr, V: Repr> Repr for IndexMap<K, V> {",
    ] {
        assert!(listing.contains(line), "{line}\n{listing}");
    }
}

#[test]
fn except_of_a_class_no_raise_gives_is_refused_at_the_class() {
    let src = format!(
        "{HEADER}async def main():\n    try:\n        print(\"a\")\n    except UnicodeError:\n        print(\"b\")\n{RUN}"
    );
    let (e, text) = refused(&src);
    assert_eq!(text, "UnicodeError");
    assert!(e.construct.contains("except UnicodeError"), "{e:?}");
    assert!(e.reason.contains("`Error` enum"), "{e:?}");
}

/// What an `except` takes must come from a `raise` of the program or an
/// operation the listing checks: `min([])` is no `Err` in the listing.
#[test]
fn an_except_that_no_raise_reaches_is_refused() {
    let src = format!(
        "{HEADER}async def main():\n    xs = [1]\n    try:\n        print(min(xs))\n    except ValueError:\n        print(\"b\")\n{RUN}"
    );
    let (e, text) = refused(&src);
    assert!(text.starts_with("try:"), "{text:?}");
    assert!(e.construct.contains("no `raise` of the program"), "{e:?}");
}

#[test]
fn a_return_inside_a_try_with_except_is_refused() {
    let src = format!(
        "{HEADER}async def main():\n    try:\n        return 1\n    except ValueError:\n        print(\"b\")\n{RUN}"
    );
    let (e, text) = refused(&src);
    assert_eq!(text, "return 1");
    assert!(e.construct.contains("`return` inside a `try`"), "{e:?}");
}

/// `try`/`except` runs the block as an `async` block and matches its
/// `Err` by class; a bare `raise` passes the caught one on.
#[test]
fn except_as_matches_the_err_of_an_async_block() {
    let src = format!(
        "{HEADER}async def check(n):\n    await asyncio.sleep(1)\n    if n > 2:\n        raise ValueError(f\"too big: {{n}}\")\n    if n < 0:\n        raise KeyError(\"neg\")\n    return n\n\n\nasync def main():\n    try:\n        x = await check(5)\n        print(x)\n    except (ValueError, IndexError) as e:\n        print(type(e).__name__, e)\n        raise\n{RUN}"
    );
    let listing = rust::render(&translate(&load(&src)).expect("planned")).text();
    for part in [
        "let caught: Result<(), Error> = async {\n        let x = check(5).await?;",
        "        Ok(())\n    }\n    .await;\n    if let Err(err) = caught {\n        match err {",
        "err @ Error::ValueError(_) => {\n                let e = err.to_string();",
        "let e_class = err.class_name().to_string();\n                println!(\"{e_class} {e}\");\n                return Err(err);",
        "Error::ValueError(_) => \"ValueError\",",
        "err => return Err(err),",
        "Error::KeyError(\"'neg'\".to_string()))",
    ] {
        assert!(listing.contains(part), "{part}:\n{listing}");
    }
}

#[test]
fn an_iter_without_next_is_refused() {
    let src = format!(
        "{HEADER}class Items:\n    def __iter__(self):\n        return self\n\n\nasync def main():\n    print(\"hi\")\n{RUN}"
    );
    let (e, text) = refused(&src);
    assert!(text.starts_with("def __iter__"), "{text:?}");
    assert_eq!(e.construct, "a class with `__iter__` without `__next__`");
}

#[test]
fn program_ids_survive_the_plan() {
    let src = format!(
        "{HEADER}async def work(n):\n    await asyncio.sleep(n)\n    return n * 2\n\n\nasync def main():\n    x = await work(1)\n    print(f\"got {{x}}\")\n{RUN}"
    );
    let program = load(&src);
    let demo = translate(&program).expect("planned");
    let listing = rust::render(&demo);
    for (id, text) in awaits_and_prints(&program) {
        let lines = &listing.lines[listing.spans[&id].clone()];
        let rust = lines.join("\n");
        let want = if text.starts_with("print") {
            "println!"
        } else {
            ".await"
        };
        assert!(rust.contains(want), "`{text}` is `{rust}`");
    }
}

/// Other spellings of the same program plan to the same Rust listing:
/// `from asyncio import ...`, docstrings, the `__main__` guard, a loop
/// variable for `create_future`, `print` with several arguments and `sep=`.
#[test]
fn equivalent_spellings_plan_alike() {
    let plain = r#"import asyncio


async def work(n):
    await asyncio.sleep(n)
    return n * 2


async def producer(slot):
    await asyncio.sleep(1)
    slot.set_result("pong")


async def main():
    fut = asyncio.get_running_loop().create_future()
    p = asyncio.create_task(producer(fut))
    v = await fut
    print(f"got: {v}")
    results = await asyncio.gather(work(1), work(2))
    print(results)
    await p


asyncio.run(main())
"#;
    let other = r#""""The same program, spelt otherwise."""
from asyncio import sleep, gather, run, create_task, get_running_loop


async def work(n):
    """Sleeps, then doubles."""
    await sleep(n)
    return n * 2


async def producer(slot):
    await sleep(1)
    slot.set_result("pong")


async def main():
    loop = get_running_loop()
    fut = loop.create_future()
    p = create_task(producer(fut))
    v = await fut
    print("got", v, sep=": ")
    results = await gather(work(1), work(2))
    print(results)
    await p


if __name__ == "__main__":
    run(main())
"#;
    let listing = |src: &str| rust::render(&translate(&load(src)).expect("planned")).lines;
    assert_eq!(listing(other), listing(plain));
}

#[test]
fn a_future_resolved_twice_is_refused() {
    let src = format!(
        "{HEADER}async def main():\n    f = asyncio.get_running_loop().create_future()\n    f.set_result(1)\n    f.set_result(2)\n    print(\"done\")\n{RUN}"
    );
    let (e, text) = refused(&src);
    assert_eq!(text, "f.set_result(2)");
    assert!(e.reason.contains("oneshot"), "{e:?}");
}

#[test]
fn a_future_made_on_each_turn_of_a_loop_is_planned() {
    let src = format!(
        "{HEADER}async def main():\n    for i in range(3):\n        f = asyncio.get_running_loop().create_future()\n        f.set_result(i)\n        v = await f\n        print(v)\n{RUN}"
    );
    let demo = translate(&load(&src)).expect("planned");
    let listing = rust::render(&demo);
    assert!(
        listing.text().contains("oneshot::channel()"),
        "{}",
        listing.text()
    );
}

const CHILD: &str = "async def child():\n    await asyncio.sleep(1)\n\n\n";

#[test]
fn a_task_group_child_kept_in_a_branch_is_refused() {
    let src = format!(
        "{HEADER}{CHILD}async def main():\n    async with asyncio.TaskGroup() as tg:\n        if True:\n            t = tg.create_task(child())\n    print(t.result())\n{RUN}"
    );
    let (e, text) = refused(&src);
    assert_eq!(text, "tg.create_task(child())");
    assert!(
        e.reason.contains("at the top of the group's block"),
        "{e:?}"
    );
}

#[test]
fn a_task_group_used_as_a_value_is_refused() {
    let src = format!(
        "{HEADER}{CHILD}async def main():\n    async with asyncio.TaskGroup() as tg:\n        print(tg)\n{RUN}"
    );
    let (e, _) = refused(&src);
    assert!(e.construct.contains("TaskGroup `tg`"), "{e:?}");
    assert!(e.reason.contains("JoinSet"), "{e:?}");
}

#[test]
fn a_task_group_without_as_is_refused() {
    let src = format!(
        "{HEADER}{CHILD}async def main():\n    async with asyncio.TaskGroup():\n        await child()\n{RUN}"
    );
    let (e, text) = refused(&src);
    assert_eq!(text, "asyncio.TaskGroup()");
    assert!(e.reason.contains("as tg"), "{e:?}");
}

const JOB: &str = "import time\n\n\ndef work(n):\n    time.sleep(n)\n    return n\n\n\n";

#[test]
fn a_to_thread_not_awaited_at_once_is_refused() {
    let src = format!(
        "{HEADER}{JOB}async def main():\n    job = asyncio.to_thread(work, 1)\n    n = await job\n    print(n)\n{RUN}"
    );
    let (e, text) = refused(&src);
    assert_eq!(text, "asyncio.to_thread(work, 1)");
    assert!(e.reason.contains("only when awaited"), "{e:?}");
}

#[test]
fn an_executor_job_runs_on_the_blocking_pool() {
    // A job that computes (no `time.sleep`) stays a blocking function.
    let job = "def work(n):\n    return n * 2\n\n\n";
    let src = format!(
        "{HEADER}{job}async def main():\n    n = await asyncio.to_thread(work, 1)\n    print(n)\n{RUN}"
    );
    let listing = rust::render(&translate(&load(&src)).expect("planned")).text();
    assert!(
        listing.contains("let n = spawn_blocking(|| work(1)).await.unwrap();"),
        "{listing}"
    );
    assert!(listing.contains("\nfn work(n: i64) -> i64 {"), "{listing}");
}

#[test]
fn the_rust_pane_lists_every_blocker_at_file_line_col() {
    let src = format!(
        "{HEADER}async def main():\n    f = lambda x: x + 1\n    d = frozenset([1, 2])\n    print(\"hi\")\n{RUN}"
    );
    let listing = rust::render_program(&load(&src)).lines;
    assert_eq!(
        listing[0],
        "// The translator cannot translate this program yet (2 to do):"
    );
    assert!(
        listing[1].starts_with("// x.py:5:9: a `lambda`"),
        "{listing:#?}"
    );
    let dict = listing
        .iter()
        .position(|l| l.starts_with("// x.py:6:9: the call `frozenset([1, 2])`"));
    assert!(dict.is_some(), "{listing:#?}");
    // The partial listing follows the list of blockers.
    let rest = listing
        .iter()
        .position(|l| l.is_empty())
        .expect("a partial listing");
    assert!(
        listing[..rest].iter().all(|l| l.starts_with("//")),
        "{listing:#?}"
    );
    assert!(
        listing[rest..]
            .iter()
            .any(|l| l.contains("println!(\"hi\")")),
        "{listing:#?}"
    );
}

/// A construct with no Tokio form leaves a comment at its place, and the
/// rest of the program is translated (a listing that does not build).
#[test]
fn a_partial_listing_comments_the_untranslatable_statement() {
    let src = format!(
        "{HEADER}async def fetch(n):\n    await asyncio.sleep(n)\n    return n * 2\n\n\nasync def main():\n    d = frozenset([1, 2])\n    x = await fetch(1)\n    print(\"got\", x)\n{RUN}"
    );
    let program = load(&src);
    let listing = rust::render_program(&program);
    insta::assert_snapshot!(listing.text());
    // The statements it translates keep their lines.
    let print = listing
        .lines
        .iter()
        .position(|l| l.contains("println!"))
        .expect("print");
    assert!(
        listing.spans.values().any(|r| r.start == print),
        "{listing:#?}"
    );
}

/// Rust has no default or keyword arguments: the call passes every
/// parameter, in order, a default written where it is left out.
#[test]
fn keyword_and_default_arguments_are_passed_in_order() {
    let src = format!(
        "{HEADER}async def job(name, seconds, fail=False):\n    await asyncio.sleep(seconds)\n    if fail:\n        print(name, \"failed\")\n\n\nasync def main():\n    await job(\"a\", 1)\n    await job(\"b\", seconds=2, fail=True)\n    await job(fail=False, seconds=3, name=\"c\")\n{RUN}"
    );
    let listing = rust::render(&translate(&load(&src)).expect("planned")).text();
    for call in [
        "job(\"a\", Duration::from_secs(1), false).await;",
        "job(\"b\", Duration::from_secs(2), true).await;",
        "job(\"c\", Duration::from_secs(3), false).await;",
    ] {
        assert!(listing.contains(call), "{call}:\n{listing}");
    }
}

#[test]
fn a_default_that_is_not_a_constant_is_refused_at_the_default() {
    let src = format!(
        "{HEADER}async def job(items=[]):\n    print(items)\n\n\nasync def main():\n    await job()\n{RUN}"
    );
    let (e, text) = refused(&src);
    assert_eq!(text, "[]");
    assert!(e.construct.contains("default value"), "{e:?}");
}

#[test]
fn a_keyword_the_function_does_not_take_is_refused() {
    let src = format!(
        "{HEADER}async def job(n):\n    print(n)\n\n\nasync def main():\n    await job(m=1)\n{RUN}"
    );
    let (e, text) = refused(&src);
    assert_eq!(text, "job(m=1)");
    assert!(e.construct.contains("called with"), "{e:?}");
}

/// `xs[i]` is an item of the `Vec`, `xs[-1]` counts from its end, and a
/// string's index is a character.
#[test]
fn indexing_reads_an_item_or_a_character() {
    let src = format!(
        "{HEADER}async def main():\n    xs = [3, 5, 8]\n    i = 1\n    word = \"tokio\"\n    print(xs[0], xs[i], xs[-1], word[1], word[-1])\n{RUN}"
    );
    let listing = rust::render(&translate(&load(&src)).expect("planned")).text();
    for part in [
        "xs[0]",
        "xs[py_place(xs.len(), i)]",
        "xs[xs.len() - 1]",
        "word.chars().nth(1).unwrap().to_string()",
        "word.chars().rev().nth(0).unwrap().to_string()",
    ] {
        assert!(listing.contains(part), "{part}:\n{listing}");
    }
}

/// An exception is an `Err`: the function that raises returns a
/// `Result`, and so does each caller that passes it on with `?`.
#[test]
fn a_raise_is_an_err_passed_on_with_the_question_mark() {
    let src = format!(
        "{HEADER}async def check(n):\n    await asyncio.sleep(1)\n    if n > 2:\n        raise ValueError(f\"too big: {{n}}\")\n    return n\n\n\nasync def main():\n    x = await check(1)\n    print(x)\n    t = asyncio.create_task(check(5))\n    await t\n{RUN}"
    );
    let listing = rust::render(&translate(&load(&src)).expect("planned")).text();
    for part in [
        "enum Error {\n    ValueError(String),\n}",
        "async fn check(n: i64) -> Result<i64, Error> {",
        "return Err(Error::ValueError(format!(\"too big: {n}\")));",
        "    Ok(n)\n}",
        "async fn main() -> Result<(), Error> {",
        "let x = check(1).await?;",
        "t.await.unwrap()?;",
        "    Ok(())\n}",
    ] {
        assert!(listing.contains(part), "{part}:\n{listing}");
    }
}

/// A `gather` whose children can fail runs them as tasks, and
/// `try_join!` passes the first exception on at once.
#[test]
fn an_exception_out_of_a_gather_is_the_first_err_of_try_join() {
    let src = format!(
        "{HEADER}async def check(n):\n    raise ValueError(\"no\")\n\n\nasync def main():\n    await asyncio.gather(check(1), check(2))\n{RUN}"
    );
    let listing = rust::render(&translate(&load(&src)).expect("planned")).text();
    for part in [
        "tokio::try_join!(\n        biased;",
        "async { tokio::spawn(check(1)).await.unwrap() },",
        "async { tokio::spawn(check(2)).await.unwrap() },\n    )?;",
    ] {
        assert!(listing.contains(part), "{part}:\n{listing}");
    }
}

/// Out of a `gather` over a comprehension an exception would be lost, so
/// that call is refused.
#[test]
fn an_exception_out_of_a_gather_of_a_comprehension_is_refused() {
    let src = format!(
        "{HEADER}async def check(n):\n    raise ValueError(\"no\")\n\n\nasync def main():\n    await asyncio.gather(*[check(n) for n in [1, 2]])\n{RUN}"
    );
    let (e, text) = refused(&src);
    assert_eq!(text, "await asyncio.gather(*[check(n) for n in [1, 2]])");
    assert!(e.construct.contains("exception of `check`"), "{e:?}");
}
