//! The Rust listing of futures made with `loop.create_future()`: oneshot
//! channels, `fut.result()` of a done future read through a clone of the
//! shared receiver. (`tests/rust_listings.rs` builds and runs
//! `tests/programs/futures__create_future.py`.)

#[path = "support/listing.rs"]
mod support;

use support::{has_all, listing, main_of};

#[test]
fn result_of_a_done_future_polls_a_clone_of_the_shared_receiver() {
    let src = main_of(
        "    fut = asyncio.get_running_loop().create_future()\n    \
fut.set_result(7)\n    \
print(fut.result(), await fut)\n",
    );
    has_all(
        &listing(&src),
        &[
            "let (fut_tx, fut) = oneshot::channel();",
            "let fut = fut.shared();",
            "let _ = fut_tx.send(7);",
            "fut.clone().now_or_never().unwrap().unwrap()",
            "use futures::FutureExt;",
        ],
    );
}
