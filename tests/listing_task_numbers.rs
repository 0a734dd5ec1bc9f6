//! The Rust listing of the names asyncio numbers tasks by (`Task-2`...):
//! written where the entry coroutine's statements decide them, passed as
//! `task_name` to a coroutine that reads the name of its task, and refused
//! where the program's text does not tell them.

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing, refused};

/// A coroutine that says, then returns, the name of the task it runs in.
const WHOAMI: &str = "async def whoami(label):\n    await asyncio.sleep(0)\n    \
print(label, \"runs in\", asyncio.current_task().get_name())\n    \
return asyncio.current_task().get_name()\n\n\n";

fn whoami_program(body: &str) -> String {
    format!("{HEADER}{WHOAMI}async def main():\n{body}{RUN}")
}

#[test]
fn a_coroutine_reading_its_task_name_takes_it_from_each_call() {
    let text = listing(&whoami_program(
        "    t = asyncio.create_task(whoami(\"first\"))\n    \
named = asyncio.create_task(whoami(\"second\"), name=\"custom\")\n    \
print(await t, await named)\n    \
names = await asyncio.gather(whoami(\"g1\"), whoami(\"g2\"))\n    \
print(names)\n    \
print(await whoami(\"direct\"))\n    \
last = asyncio.create_task(whoami(\"last\"))\n    \
await last\n    \
print(last.get_name())\n",
    ));
    has_all(
        &text,
        &[
            "async fn whoami(label: &str, task_name: &str) -> String {",
            "// Tokio's tasks have no names: each call passes `task_name`, the name asyncio",
            "println!(\"{label} runs in {task_name}\");",
            "let t = tokio::spawn(whoami(\"first\", \"Task-2\"));",
            "let named = tokio::spawn(whoami(\"second\", \"custom\"));",
            "whoami(\"g1\", \"Task-4\"), whoami(\"g2\", \"Task-5\")",
            "whoami(\"direct\", \"Task-1\").await",
            "let last = tokio::spawn(whoami(\"last\", \"Task-6\"));",
            "println!(\"Task-6\");",
        ],
    );
}

#[test]
fn a_list_made_after_other_tasks_is_numbered_after_them() {
    let text = listing(&format!(
        "{HEADER}async def job(n):\n    await asyncio.sleep(n)\n\n\n\
async def main():\n    first = asyncio.create_task(job(1))\n    \
await asyncio.gather(job(1), job(2))\n    \
tasks = [asyncio.create_task(job(n)) for n in range(3)]\n    \
await first\n    \
for t in tasks:\n        await t\n        print(t.get_name())\n{RUN}"
    ));
    has_all(
        &text,
        &["= (5..)", ".map(|(n, t)| (t.id(), format!(\"Task-{n}\")))"],
    );
}

#[test]
fn a_task_made_after_a_loop_that_creates_tasks_is_refused() {
    let src = format!(
        "{HEADER}async def job(n):\n    await asyncio.sleep(n)\n\n\n\
async def main():\n    for n in range(2):\n        await asyncio.create_task(job(n))\n    \
last = asyncio.create_task(job(0))\n    await last\n    print(last.get_name())\n{RUN}"
    );
    let (construct, _, at) = refused(&src);
    assert_eq!(construct, "`last.get_name()` of a task without `name=`");
    assert_eq!(at, "last.get_name()");
}

#[test]
fn a_task_made_after_another_coroutine_creates_tasks_is_refused() {
    let src = format!(
        "{HEADER}async def job():\n    await asyncio.sleep(1)\n\n\n\
async def spawner():\n    await asyncio.create_task(job())\n\n\n\
async def main():\n    s = asyncio.create_task(spawner())\n    await asyncio.sleep(0)\n    \
last = asyncio.create_task(job())\n    await s\n    await last\n    print(last.get_name())\n{RUN}"
    );
    assert_eq!(
        refused(&src).0,
        "`last.get_name()` of a task without `name=`"
    );
}

#[test]
fn a_coroutine_reading_its_task_name_called_by_another_is_refused() {
    let src = format!(
        "{HEADER}{WHOAMI}async def twice():\n    await whoami(\"a\")\n    await whoami(\"b\")\n\n\n\
async def main():\n    await asyncio.create_task(twice())\n{RUN}"
    );
    let (construct, reason, at) = refused(&src);
    assert_eq!(
        construct,
        "`asyncio.current_task().get_name()` outside the entry coroutine"
    );
    assert!(reason.contains("spawns, gathers or awaits"), "{reason}");
    assert_eq!(at, "asyncio.current_task().get_name()");
}

#[test]
fn a_coroutine_reading_its_task_name_spawned_in_a_loop_is_refused() {
    let src = whoami_program(
        "    for n in range(2):\n        await asyncio.create_task(whoami(str(n)))\n",
    );
    assert_eq!(
        refused(&src).0,
        "`asyncio.current_task().get_name()` outside the entry coroutine"
    );
}

#[test]
fn a_coroutine_reading_its_task_name_spawned_with_a_name_made_at_run_time_is_refused() {
    let src = whoami_program(
        "    label = \"x\"\n    t = asyncio.create_task(whoami(label), name=label.upper())\n    \
await t\n",
    );
    assert_eq!(
        refused(&src).0,
        "`asyncio.current_task().get_name()` outside the entry coroutine"
    );
}

#[test]
fn a_task_made_after_a_gather_of_a_list_is_refused() {
    let src = format!(
        "{HEADER}async def job(n):\n    await asyncio.sleep(n)\n\n\n\
async def main():\n    tasks = [asyncio.create_task(job(n)) for n in range(2)]\n    \
await asyncio.gather(*tasks)\n    \
last = asyncio.create_task(job(0))\n    await last\n    print(last.get_name())\n{RUN}"
    );
    let (construct, _, at) = refused(&src);
    assert_eq!(construct, "`last.get_name()` of a task without `name=`");
    assert_eq!(at, "last.get_name()");
}

#[test]
fn a_coroutine_object_shown_as_text_is_refused() {
    let src = format!(
        "{HEADER}async def job(n):\n    await asyncio.sleep(n)\n\n\n\
async def main():\n    c = job(1)\n    print(c)\n    await c\n{RUN}"
    );
    let (construct, reason, at) = refused(&src);
    assert_eq!(construct, "a coroutine object shown as text");
    assert!(reason.contains("<coroutine object f at 0x...>"), "{reason}");
    assert_eq!(at, "c");
}
