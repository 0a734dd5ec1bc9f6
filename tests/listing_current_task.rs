//! The Rust listing of `asyncio.current_task().get_name()`: `Task-1` in
//! the coroutine `asyncio.run` starts, refused where the task running
//! the code depends on who awaits it.

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing, main_of, refused};

#[test]
fn the_entry_coroutine_runs_in_task_1() {
    let text = listing(&main_of(
        "    print(\"main is\", asyncio.current_task().get_name())\n    \
name = asyncio.current_task().get_name()\n    print(name.upper())\n",
    ));
    has_all(
        &text,
        &[
            "println!(\"main is Task-1\");",
            "let name = \"Task-1\".to_string();",
        ],
    );
}

#[test]
fn another_coroutine_is_refused_at_the_call() {
    let src = format!(
        "{HEADER}async def whoami():\n    await asyncio.sleep(0)\n    \
print(asyncio.current_task().get_name())\n\n\n\
async def main():\n    for _ in range(2):\n        await asyncio.create_task(whoami())\n{RUN}"
    );
    let (construct, reason, at) = refused(&src);
    assert_eq!(
        construct,
        "`asyncio.current_task().get_name()` outside the entry coroutine"
    );
    assert!(reason.contains("pass the name as an argument"), "{reason}");
    assert_eq!(at, "asyncio.current_task().get_name()");
}

#[test]
fn an_entry_coroutine_defining_a_function_is_refused() {
    let src = main_of(
        "    async def inner():\n        return asyncio.current_task().get_name()\n    \
print(await asyncio.create_task(inner()))\n",
    );
    assert_eq!(
        refused(&src).0,
        "`asyncio.current_task().get_name()` outside the entry coroutine"
    );
}

#[test]
fn an_entry_coroutine_after_another_event_loop_is_refused() {
    let src = format!(
        "{HEADER}async def setup():\n    await asyncio.sleep(0)\n\n\n\
async def main():\n    print(asyncio.current_task().get_name())\n\n\n\
asyncio.run(setup())\nasyncio.run(main())\n"
    );
    assert_eq!(
        refused(&src).0,
        "`asyncio.current_task().get_name()` outside the entry coroutine"
    );
}
