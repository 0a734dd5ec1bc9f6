//! The Rust listing of `future = asyncio.run_coroutine_threadsafe(f(...),
//! loop)` in a coroutine, of the running loop: a task that yields once
//! before it runs the coroutine, as asyncio makes the task on the loop's
//! next step; `future.done()` asks its handle and `await
//! asyncio.wrap_future(future)` awaits it.

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing, refused};

const ADD: &str = "async def add(a, b):\n    await asyncio.sleep(1)\n    return a + b\n\n\n";

/// A program whose `main` keeps the future of `add(1, 2)` run on its own
/// loop in `future`, then runs `body` (indented by four spaces).
fn loop_program(body: &str) -> String {
    format!(
        "{HEADER}{ADD}async def main():\n    loop = asyncio.get_running_loop()\n    \
future = asyncio.run_coroutine_threadsafe(add(1, 2), loop)\n{body}{RUN}"
    )
}

#[test]
fn a_future_of_the_running_loop_is_a_task_that_yields_first() {
    let text = listing(&loop_program(
        "    print(\"done:\", future.done())\n    print(await asyncio.wrap_future(future))\n",
    ));
    has_all(
        &text,
        &[
            "use tokio::task::yield_now;\n",
            "    let future = {\n        let coroutine = add(1, 2);\n        \
tokio::spawn(async move {\n            yield_now().await;\n            coroutine.await\n        \
})\n    };\n",
            "if future.is_finished() {",
            "println!(\"{}\", future.await.unwrap());\n",
        ],
    );
}

#[test]
fn a_wrapped_future_awaited_as_a_statement_is_its_task_awaited() {
    let text = listing(&loop_program(
        "    total = await asyncio.wrap_future(future)\n    print(total)\n",
    ));
    has_all(&text, &["let total = future.await.unwrap();\n"]);
}

#[test]
fn a_blocking_read_of_the_future_on_the_loop_is_refused() {
    let (construct, reason, at) = refused(&loop_program("    print(future.result())\n"));
    assert_eq!(
        construct,
        "a blocking read of `future` on the loop's own thread"
    );
    assert!(reason.contains("asyncio.wrap_future(future)"), "{reason}");
    assert_eq!(at, "future.result()");
    let (construct, _, _) = refused(&loop_program(
        "    total = future.result(timeout=1)\n    print(total)\n",
    ));
    assert_eq!(
        construct,
        "a blocking read of `future` on the loop's own thread"
    );
}

#[test]
fn a_future_of_another_loop_than_the_running_one_is_refused() {
    let src = format!(
        "{HEADER}{ADD}async def main(loop):\n    \
future = asyncio.run_coroutine_threadsafe(add(1, 2), loop)\n    \
print(await asyncio.wrap_future(future))\n\n\n\
asyncio.run(main(asyncio.new_event_loop()))\n"
    );
    let (construct, _, _) = refused(&src);
    assert!(
        construct.contains("run_coroutine_threadsafe"),
        "{construct}"
    );
}
