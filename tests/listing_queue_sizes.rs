//! A queue's `maxsize` is its channel's capacity (`0` for an unbounded
//! one, as Python has it), and a subtraction with a queue's size, which
//! the channel counts as `usize`, is refused. (Python's own output is
//! checked by `tests/rust_listings.rs` on `tests/programs/queues__maxsize.py`.)

#[path = "support/listing.rs"]
mod support;

use support::{has_all, listing, main_of, refused};

#[test]
fn maxsize_is_the_channels_capacity() {
    let text = listing(&main_of(
        "    q = asyncio.Queue(3)\n    free = asyncio.Queue()\n    print(q.maxsize, free.maxsize)\n",
    ));
    has_all(
        &text,
        &[
            "async_channel::bounded(3)",
            "q_tx.capacity().unwrap_or(0)",
            "free_tx.capacity().unwrap_or(0)",
        ],
    );
}

#[test]
fn a_queue_size_in_a_subtraction_is_refused() {
    let (construct, reason, at) = refused(&main_of(
        "    q = asyncio.Queue()\n    q.put_nowait(1)\n    print(q.maxsize - q.qsize())\n",
    ));
    assert_eq!(construct, "a queue's size in a subtraction");
    assert!(reason.contains("`usize`"), "{reason}");
    assert_eq!(at, "q.maxsize - q.qsize()");
}

/// An attribute of a queue other than `maxsize` is still refused.
#[test]
fn another_attribute_of_a_queue_is_refused() {
    let (construct, _, at) = refused(&main_of(
        "    q = asyncio.Queue()\n    print(q._unfinished_tasks)\n",
    ));
    assert_eq!(construct, "this attribute");
    assert_eq!(at, "q._unfinished_tasks");
}
