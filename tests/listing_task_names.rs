//! The Rust listing of `task.get_name()` of the tasks of a list made
//! without `name=`: asyncio numbers its tasks (`Task-2`, `Task-3`, ...,
//! `asyncio.run`'s being `Task-1`) as the program creates them, so the
//! listing maps each task's id to its number where the program's text
//! fixes it, and refuses elsewhere. (`tests/rust_listings.rs` builds and
//! runs the corpus programs that use them.)

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing, refused};

const WORK: &str = "async def work(n):\n    await asyncio.sleep(n)\n    return n * 10\n\n\n";

const SPAWN: &str = "    tasks = [asyncio.create_task(work(n)) for n in [1, 2, 3]]\n";

fn program(body: &str) -> String {
    format!("{HEADER}{WORK}async def main():\n{body}{RUN}")
}

#[test]
fn names_of_a_list_made_first_count_from_task_2() {
    let text = listing(&program(&format!(
        "    print(\"start\")\n{SPAWN}    await asyncio.sleep(1.5)\n    \
print([t.get_name() for t in tasks if t.done()])\n    for t in tasks:\n        \
print(t.get_name())\n"
    )));
    has_all(
        &text,
        &[
            "use std::collections::HashMap;",
            "// Tokio's tasks have no names: asyncio numbers them as it creates them.\n    \
let tasks_names: HashMap<_, _> = (2..)\n        .zip(&tasks)\n        \
.map(|(n, t)| (t.id(), format!(\"Task-{n}\")))\n        .collect();",
            ".filter(|t| t.is_finished())\n                .map(|t| tasks_names[&t.id()].to_string())",
            "for t in &tasks {\n        println!(\"{}\", tasks_names[&t.id()]);",
        ],
    );
}

#[test]
fn a_list_whose_names_are_not_read_has_no_map() {
    let text = listing(&program(&format!(
        "{SPAWN}    for t in tasks:\n        print(await t)\n"
    )));
    assert!(!text.contains("_names"), "{text}");
}

#[test]
fn names_of_a_list_made_after_an_await_that_creates_no_task_count_from_task_2() {
    let text = listing(&program(&format!(
        "    await asyncio.sleep(1)\n{SPAWN}    print([t.get_name() for t in tasks])\n"
    )));
    has_all(&text, &["= (2..)"]);
}

#[test]
fn names_of_a_list_made_after_a_call_that_creates_a_task_are_refused() {
    let src = format!(
        "{HEADER}{WORK}async def spawn_one():\n    return await asyncio.create_task(work(0))\n\n\n\
async def main():\n    await spawn_one()\n{SPAWN}    print([t.get_name() for t in tasks])\n{RUN}"
    );
    let (construct, reason, at) = refused(&src);
    assert_eq!(construct, "`t.get_name()` of a task without `name=`");
    assert!(reason.contains("numbers its own (`Task-2`)"), "{reason}");
    assert_eq!(at, "t.get_name()");
}

#[test]
fn names_of_a_list_made_outside_the_entry_coroutine_are_refused() {
    let src = format!(
        "{HEADER}{WORK}async def spawn_all():\n{SPAWN}    print([t.get_name() for t in tasks])\n\n\n\
async def main():\n    await spawn_all()\n{RUN}"
    );
    let (construct, _, at) = refused(&src);
    assert_eq!(construct, "`t.get_name()` of a task without `name=`");
    assert_eq!(at, "t.get_name()");
}

#[test]
fn names_read_by_a_variable_that_goes_over_two_lists_are_refused() {
    let (construct, _, _) = refused(&program(&format!(
        "{SPAWN}    others = [asyncio.create_task(work(n)) for n in [4]]\n    for t in others:\n        \
print(t.done())\n    for t in tasks:\n        print(t.get_name())\n"
    )));
    assert_eq!(construct, "`t.get_name()` of a task without `name=`");
}

#[test]
fn a_single_task_made_first_is_task_2_and_the_next_one_task_3() {
    let first =
        "    t = asyncio.create_task(work(1))\n    print(t.get_name())\n    print(await t)\n";
    let text = listing(&program(first));
    has_all(&text, &["println!(\"Task-2\");"]);
    let second = format!("{first}    t = asyncio.create_task(work(2))\n    print(t.get_name())\n");
    has_all(&listing(&program(&second)), &["println!(\"Task-3\");"]);
    // After a loop that creates tasks, the next number is not counted.
    let (construct, reason, at) = refused(&program(&format!(
        "{first}    for n in range(2):\n        await asyncio.create_task(work(n))\n    \
t = asyncio.create_task(work(2))\n    print(t.get_name())\n"
    )));
    assert_eq!(construct, "`t.get_name()` of a task without `name=`");
    assert!(
        reason.contains("every task made before it can be counted"),
        "{reason}"
    );
    assert_eq!(at, "t.get_name()");
}

#[test]
fn names_of_a_list_whose_statement_calls_more_are_refused() {
    let helper = "def count():\n    return 2\n\n\n";
    let src = format!(
        "{HEADER}{WORK}{helper}async def main():\n    \
tasks = [asyncio.create_task(work(n)) for n in range(count())]\n    \
print([t.get_name() for t in tasks])\n{RUN}"
    );
    let (construct, _, _) = refused(&src);
    assert_eq!(construct, "`t.get_name()` of a task without `name=`");
}

#[test]
fn tuples_of_the_loops_list_are_no_calls() {
    // `("a", 1)` opens a tuple, not a call: the list is still made first.
    let text = listing(&format!(
        "{HEADER}async def work(name, n):\n    await asyncio.sleep(n)\n    return name\n\n\n\
async def main():\n    tasks = [asyncio.create_task(work(n, k)) for n, k in [(\"a\", 1), (\"b\", 2)]]\n    \
for t in tasks:\n        print(t.get_name(), await t)\n{RUN}"
    ));
    has_all(
        &text,
        &[
            "let tasks_names: HashMap<_, _> = (2..)",
            "tasks_names[&t.id()]",
        ],
    );
}
