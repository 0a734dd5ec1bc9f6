//! `await asyncio.gather(*tasks)` of tasks whose coroutine can raise:
//! asyncio raises the first exception as it happens while the other tasks
//! go on, which `try_join_all` of the handles does not do, so the Rust pane
//! names the gather as not translated (a refusal found after type inference).

#[path = "support/listing.rs"]
mod support;

use asynclings::render::rust;
use support::{HEADER, RUN, has_all};

/// What the Rust pane shows for `source`: its listing, or its refusal.
fn shown(source: &str) -> String {
    let program = asynclings::python::load("x.py", source).expect("loads");
    rust::render_program(&program).text()
}

const DOWNLOAD: &str = "async def download(name, seconds):\n    await asyncio.sleep(seconds)\n    \
if name == \"broken\":\n        raise ValueError(\"bad \" + name)\n    return seconds\n\n\n";

fn program(body: &str) -> String {
    format!("{HEADER}{DOWNLOAD}async def main():\n{body}{RUN}")
}

const REFUSED: &str = "`asyncio.gather` of tasks that can raise";

#[test]
fn a_gather_of_tasks_that_can_raise_is_refused_at_the_gather() {
    let text = shown(&program(
        "    tasks = [asyncio.create_task(download(n, 1)) for n in [\"ok\", \"broken\"]]\n    \
try:\n        print(await asyncio.gather(*tasks))\n    except ValueError as e:\n        \
print(\"error:\", e)\n",
    ));
    has_all(
        &text,
        &[
            &format!("// x.py:14:15: {REFUSED}"),
            "await each task in a `try` of its own",
            "//     print(await asyncio.gather(*tasks))",
        ],
    );
}

#[test]
fn a_gather_of_coroutine_calls_that_can_raise_is_translated() {
    let text = shown(&program(
        "    try:\n        print(await asyncio.gather(download(\"ok\", 1), download(\"broken\", 2)))\n    \
except ValueError as e:\n        print(\"error:\", e)\n",
    ));
    assert!(!text.contains(REFUSED), "{text}");
    has_all(&text, &["try_join_all(vec![download("]);
}

#[test]
fn a_gather_of_task_variables_one_of_which_can_raise_is_refused() {
    let text = shown(&program(
        "    a = asyncio.create_task(download(\"ok\", 1))\n    \
b = asyncio.create_task(download(\"broken\", 2))\n    \
try:\n        print(await asyncio.gather(a, b))\n    except ValueError as e:\n        \
print(\"error:\", e)\n",
    ));
    has_all(&text, &[&format!("// x.py:15:15: {REFUSED}")]);
}

#[test]
fn awaiting_a_task_of_a_list_that_can_raise_is_refused_at_the_await() {
    let text = shown(&program(
        "    tasks = [asyncio.create_task(download(n, 1)) for n in [\"ok\", \"broken\"]]\n    \
for t in tasks:\n        try:\n            print(await t)\n        except ValueError as e:\n            \
print(\"failed\", e)\n",
    ));
    has_all(
        &text,
        &[
            "// x.py:15:19: awaiting a task of a list whose coroutine can raise",
            "keep each task in a variable",
        ],
    );
}

#[test]
fn a_failing_tasks_result_read_outside_a_try_passes_its_error_on_from_main() {
    let text = shown(&program(
        "    a = asyncio.create_task(download(\"ok\", 1))\n    \
b = asyncio.create_task(download(\"broken\", 2))\n    await a\n    \
try:\n        await b\n    except ValueError:\n        pass\n    \
try:\n        print(b.result())\n    except ValueError as e:\n        print(\"failed\", e)\n    \
print(a.result())\n",
    ));
    has_all(
        &text,
        &[
            "async fn main() -> Result<(), Error> {",
            "        println!(\"{}\", b_output.clone()?);",
            "    println!(\"{}\", a_output.clone()?);",
        ],
    );
}
