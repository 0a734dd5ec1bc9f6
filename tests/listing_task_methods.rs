//! The Rust listing of a task's methods inside expressions (`result()`,
//! `cancel()`, `cancelled()`): what the listing shows for each, and what it
//! refuses, at its place. (`tests/rust_listings.rs` builds and runs the
//! corpus programs that use them.)

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, listing, refused};

const WORK: &str = "async def work(n):\n    await asyncio.sleep(n)\n    return n * 10\n\n\n";

#[test]
fn the_result_of_a_task_only_slept_past_is_read_at_once() {
    // Done in Python only by the clock: asyncio would raise
    // `InvalidStateError` were it still running, where the handle would wait.
    let src = format!(
        "{HEADER}{WORK}async def main():\n    t = asyncio.create_task(work(1))\n    \
await asyncio.sleep(2)\n    print(\"done\", t.done(), t.result(), t.cancelled())\n{RUN}"
    );
    let text = listing(&src);
    assert!(
        text.contains("py_result(&mut t).await.expect(\"Result is not set.\")\n    );"),
        "{text}"
    );
}

#[test]
fn the_output_of_a_task_awaited_and_read_again_is_kept() {
    let src = format!(
        "{HEADER}{WORK}async def main():\n    t = asyncio.create_task(work(1))\n    \
x = await t\n    print(x, t.result(), t.done())\n    print(await t)\n{RUN}"
    );
    let text = listing(&src);
    for want in [
        // Spent by value at the first read: no `mut`, no `&mut`.
        "    let t = tokio::spawn(work(1));\n",
        "    // A handle gives its task's output once: kept for every read.\n    \
let t_output = t.await.unwrap();\n    let x = t_output;\n",
        "println!(\"{x} {t_output} True\");",
        "println!(\"{t_output}\");",
    ] {
        assert!(text.contains(want), "{want}\n{text}");
    }
    assert_eq!(text.matches(".await.unwrap()").count(), 1, "{text}");
}

#[test]
fn a_string_output_read_again_is_cloned_where_it_is_bound() {
    let src = format!(
        "{HEADER}async def name(n):\n    await asyncio.sleep(n)\n    return f\"n{{n}}\"\n\n\n\
async def main():\n    t = asyncio.create_task(name(1))\n    s = await t\n    \
print(t.result())\n    print(s, t.result())\n{RUN}"
    );
    let text = listing(&src);
    for want in [
        "    let t_output = t.await.unwrap();\n    let s = t_output.clone();\n",
        "    println!(\"{t_output}\");\n    println!(\"{s} {t_output}\");\n",
    ] {
        assert!(text.contains(want), "{want}\n{text}");
    }
}

#[test]
fn cancel_inside_an_expression_aborts_before_the_statement() {
    let src = format!(
        "{HEADER}{WORK}async def main():\n    t = asyncio.create_task(work(5))\n    \
await asyncio.sleep(1)\n    print(\"cancel:\", t.cancel())\n    try:\n        await t\n    \
except asyncio.CancelledError:\n        print(\"cancelled:\", t.cancelled())\n{RUN}"
    );
    let text = listing(&src);
    for want in [
        "let mut t_aborted = false;",
        "    let t_was_running = !t.is_finished();\n    t_aborted |= t_was_running;\n    t.abort();\n    println!(",
        "if t_was_running { \"True\" } else { \"False\" }",
        "if t_aborted && t.is_finished() {",
    ] {
        assert!(text.contains(want), "{want}\n{text}");
    }
}

#[test]
fn the_result_read_again_inside_a_loop_is_refused() {
    let src = format!(
        "{HEADER}{WORK}async def main():\n    t = asyncio.create_task(work(1))\n    \
await asyncio.sleep(2)\n    for _ in range(2):\n        print(t.result())\n    await t\n{RUN}"
    );
    let (construct, reason, at) = refused(&src);
    assert_eq!(
        construct,
        "`t.result()` of a task awaited or read elsewhere"
    );
    assert!(
        reason.contains("hands its task's output over once"),
        "{reason}"
    );
    assert_eq!(at, "t");
}

#[test]
fn the_result_of_a_raising_task_read_twice_is_kept_and_raises_each_time() {
    let src = format!(
        "{HEADER}async def bad():\n    await asyncio.sleep(1)\n    raise ValueError(\"no\")\n\n\n\
async def main():\n    t = asyncio.create_task(bad())\n    \
try:\n        await t\n    except ValueError:\n        print(\"failed\")\n    \
try:\n        t.result()\n    except ValueError:\n        print(\"again\")\n{RUN}"
    );
    let text = listing(&src);
    for want in [
        "#[derive(Debug, Clone)]\nenum Error {",
        // Taken before the `try` whose block starts with the first read.
        "    let t_output = t.await.unwrap();\n    let caught: Result<(), Error> = async {\n        \
t_output.clone()?;\n",
    ] {
        assert!(text.contains(want), "{want}\n{text}");
    }
    assert_eq!(text.matches("t_output.clone()?").count(), 2, "{text}");
    assert_eq!(text.matches(".await.unwrap()").count(), 1, "{text}");
}

#[test]
fn the_result_of_a_raising_task_read_again_inside_a_loop_is_refused() {
    let src = format!(
        "{HEADER}async def bad():\n    await asyncio.sleep(1)\n    raise ValueError(\"no\")\n\n\n\
async def main():\n    t = asyncio.create_task(bad())\n    await asyncio.sleep(2)\n    \
for _ in range(2):\n        try:\n            t.result()\n        except ValueError:\n            \
print(\"failed\")\n    try:\n        await t\n    except ValueError:\n        \
print(\"again\")\n{RUN}"
    );
    let (construct, _, at) = refused(&src);
    assert_eq!(
        construct,
        "`t.result()` of a task awaited or read elsewhere"
    );
    assert_eq!(at, "t");
}

#[test]
fn a_task_named_at_creation_shows_its_name() {
    let src = format!(
        "{HEADER}{WORK}async def main():\n    t = asyncio.create_task(work(1), name=\"dl-a\")\n    \
print(\"name:\", t.get_name())\n    await t\n{RUN}"
    );
    let text = listing(&src);
    assert!(text.contains("let t = tokio::spawn(work(1));"), "{text}");
    assert!(text.contains("dl-a"), "{text}");
}

#[test]
fn the_name_of_a_task_without_one_is_refused() {
    // Made after a loop that creates tasks: its number is not counted.
    let src = format!(
        "{HEADER}{WORK}async def main():\n    for n in range(2):\n        \
await asyncio.create_task(work(n))\n    \
t = asyncio.create_task(work(1))\n    print(t.get_name())\n    await t\n{RUN}"
    );
    let (construct, reason, at) = refused(&src);
    assert_eq!(construct, "`t.get_name()` of a task without `name=`");
    assert!(reason.contains("Tokio's tasks have no names"), "{reason}");
    assert_eq!(at, "t.get_name()");
}

#[test]
fn one_result_read_inside_a_loop_the_task_outlives_is_refused() {
    let src = format!(
        "{HEADER}{WORK}async def main():\n    t = asyncio.create_task(work(1))\n    \
await asyncio.sleep(2)\n    for _ in range(2):\n        print(t.result())\n{RUN}"
    );
    let (construct, _, at) = refused(&src);
    assert_eq!(
        construct,
        "`t.result()` of a task awaited or read elsewhere"
    );
    assert_eq!(at, "t");
}

#[test]
fn the_result_of_a_task_made_in_the_same_loop_and_slept_past_is_read_at_once() {
    let src = format!(
        "{HEADER}{WORK}async def main():\n    for n in range(2):\n        \
t = asyncio.create_task(work(1))\n        await asyncio.sleep(2)\n        print(t.result())\n{RUN}"
    );
    let text = listing(&src);
    assert!(
        text.contains(
            "        let mut t = tokio::spawn(work(1));\n        sleep(Duration::from_secs(2)).await;\n        \
println!(\"{}\", py_result(&mut t).await.expect(\"Result is not set.\"));"
        ),
        "{text}"
    );
}
