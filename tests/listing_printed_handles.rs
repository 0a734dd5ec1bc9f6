//! A task or a future printed or turned into text: asyncio writes its
//! state, coroutine and the line it waits at, which a Tokio handle does not
//! know, so the Rust pane names each such value as not translated (a refusal found after type
//! inference).

#[path = "support/listing.rs"]
mod support;

use asynclings::render::rust;
use support::{FETCH, HEADER, RUN, has_all};

/// What the Rust pane shows for `source`: its listing, or its refusal.
fn shown(source: &str) -> String {
    let program = asynclings::python::load("x.py", source).expect("loads");
    rust::render_program(&program).text()
}

fn program(body: &str) -> String {
    format!("{HEADER}{FETCH}async def main():\n{body}{RUN}")
}

const REFUSED: &str = "a task or a future shown as text";

#[test]
fn a_printed_task_is_refused_at_each_place() {
    let text = shown(&program(
        "    t = asyncio.create_task(fetch(\"a\", 1))\n    print(repr(t))\n    \
print(t)\n    print(f\"task {t}\")\n    await t\n",
    ));
    has_all(
        &text,
        &[
            "// The translator cannot translate this program yet (3 to do):",
            &format!("// x.py:11:16: {REFUSED}"),
            &format!("// x.py:12:11: {REFUSED}"),
            &format!("// x.py:13:19: {REFUSED}"),
            "such as `t.done()` or the name it gave",
        ],
    );
}

#[test]
fn a_printed_list_of_tasks_is_refused() {
    let text = shown(&program(
        "    tasks = [asyncio.create_task(fetch(n, 1)) for n in [\"a\", \"b\"]]\n    \
print(tasks)\n    await asyncio.gather(*tasks)\n",
    ));
    has_all(&text, &[&format!("// x.py:11:11: {REFUSED}")]);
}

#[test]
fn what_a_task_gives_is_printed() {
    let text = shown(&program(
        "    t = asyncio.create_task(fetch(\"a\", 1))\n    print(t.done())\n    \
print(await t)\n    print(t.done())\n",
    ));
    assert!(!text.contains(REFUSED), "{text}");
    has_all(&text, &["println!(\"{}\", (&mut t).await.unwrap());"]);
}
