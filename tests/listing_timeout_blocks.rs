//! What `async with asyncio.timeout(...)` blocks show: the exception an
//! `except TimeoutError as e` names around them.

#[path = "support/listing.rs"]
mod support;
use support::{fetch_program, has_all, listing};

/// The handler's `e` is the deadline's `TimeoutError`, which has no message.
#[test]
fn the_timeout_error_named_by_the_handler_is_written_as_python_writes_it() {
    let text = listing(&fetch_program(
        "    try:\n        async with asyncio.timeout(1):\n            await fetch(\"a\", 5)\n    except TimeoutError as e:\n        print(\"timed out:\", repr(e), type(e).__name__)\n",
    ));
    has_all(
        &text,
        &[
            "    if timeout(Duration::from_secs(1), block).await.is_err() {\n",
            "        println!(\"timed out: TimeoutError() TimeoutError\");\n",
        ],
    );
}
