//! A task's handle used after it is spent: a `JoinHandle` has one owner
//! and gives its output once, so a task handed to a coroutine and then
//! used again, or awaited inside a loop, is refused at its place.

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, listing, refused};

/// A program with a `work` task `t` made in `main`, the coroutine `show`
/// that awaits the task it is given, and `body` (the rest of `main`).
fn program(body: &str) -> String {
    format!(
        "{HEADER}async def work():\n    await asyncio.sleep(1)\n    return 7\n\n\n\
async def show(t):\n    print(await t)\n\n\n\
async def main():\n    t = asyncio.create_task(work())\n{body}{RUN}"
    )
}

#[test]
fn a_task_handed_on_then_awaited_is_refused_at_the_hand_off() {
    let (construct, reason, text) = refused(&program("    await show(t)\n    print(await t)\n"));
    assert_eq!(construct, "`t` handed to `show`, then used again");
    assert!(reason.contains("moved there"), "{reason}");
    assert_eq!(text, "t");
}

#[test]
fn a_task_handed_on_twice_is_refused_at_the_first_hand_off() {
    let source = program("    await show(t)\n    await show(t)\n");
    let (construct, _, _) = refused(&source);
    assert_eq!(construct, "`t` handed to `show`, then used again");
    let e =
        asynclings::render::rust::translate(&asynclings::python::load("x.py", &source).unwrap())
            .expect_err("refused");
    assert_eq!(e.span.start, source.find("show(t)\n").unwrap() + 5);
}

#[test]
fn a_task_handed_on_inside_a_loop_is_refused() {
    let (construct, _, text) = refused(&program("    for i in range(2):\n        await show(t)\n"));
    assert_eq!(construct, "`t` handed to `show`, then used again");
    assert_eq!(text, "t");
}

#[test]
fn a_task_awaited_inside_a_loop_is_refused_at_the_await() {
    let (construct, reason, text) = refused(&program(
        "    for i in range(3):\n        print(i, await t)\n",
    ));
    assert_eq!(construct, "`await t` inside a loop");
    assert!(
        reason.contains("await the task once before the loop"),
        "{reason}"
    );
    assert_eq!(text, "await t");
}

#[test]
fn a_handed_task_awaited_inside_a_loop_of_the_coroutine_is_refused() {
    let source = format!(
        "{HEADER}async def work():\n    await asyncio.sleep(1)\n    return 7\n\n\n\
async def show(t):\n    for i in range(3):\n        print(i, await t)\n\n\n\
async def main():\n    await show(asyncio.create_task(work()))\n{RUN}"
    );
    let (construct, _, _) = refused(&source);
    assert_eq!(construct, "`await t` inside a loop");
}

#[test]
fn a_task_remade_after_its_hand_off_is_handed_on_again() {
    let text = listing(&program(
        "    await show(t)\n    t = asyncio.create_task(work())\n    await show(t)\n",
    ));
    assert!(
        text.contains(
            "    let mut t = tokio::spawn(work());\n    show(t).await;\n    \
t = tokio::spawn(work());\n    show(t).await;"
        ),
        "{text}"
    );
}

#[test]
fn a_task_awaited_twice_in_its_block_keeps_its_output() {
    let text = listing(&program("    await t\n    print(await t)\n"));
    assert!(
        text.contains(
            "    let t_output = t.await.unwrap();\n    \
// `await t` again: its output is kept in `t_output`.\n    println!(\"{t_output}\");"
        ),
        "{text}"
    );
}

#[test]
fn a_task_that_can_raise_handed_on_is_refused_at_the_hand_off() {
    let source = format!(
        "{HEADER}async def work():\n    await asyncio.sleep(1)\n    raise ValueError(\"boom\")\n\n\n\
async def show(t):\n    try:\n        await t\n    except ValueError as e:\n        print(e)\n\n\n\
async def main():\n    t = asyncio.create_task(work())\n    await show(t)\n{RUN}"
    );
    let (construct, reason, text) = refused(&source);
    assert_eq!(construct, "`t`, a task that can raise, handed to `show`");
    assert!(reason.contains("hand on its result"), "{reason}");
    assert_eq!(text, "t");
}

#[test]
fn a_task_awaited_inside_an_if_and_again_is_refused_at_the_second_await() {
    let (construct, reason, text) = refused(&program(
        "    loud = True\n    if loud:\n        print(\"loud\", await t)\n    print(await t)\n",
    ));
    assert_eq!(construct, "`await t` a second time");
    assert!(reason.contains("not inside an `if`"), "{reason}");
    assert_eq!(text, "await t");
}

#[test]
fn a_task_awaited_in_each_branch_of_an_if_is_awaited_once() {
    let text = listing(&program(
        "    loud = True\n    if loud:\n        print(\"loud\", await t)\n    else:\n        \
print(await t)\n",
    ));
    assert!(
        text.contains("println!(\"loud {}\", t.await.unwrap());")
            && text.contains("println!(\"{}\", t.await.unwrap());"),
        "{text}"
    );
}
