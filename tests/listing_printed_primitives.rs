//! An asyncio primitive written as text (`print(q)`): Python writes its
//! state, which the Tokio type standing for it does not show, so the
//! listing names it as not translated rather than showing code that does
//! not build.

#[path = "support/listing.rs"]
mod support;

use asynclings::render::rust;
use support::{has_all, main_of};

/// What the Rust pane shows for `source`: its listing, or what is not
/// translated.
fn shown(source: &str) -> String {
    let program = asynclings::python::load("x.py", source).expect("loads");
    rust::render_program(&program).text()
}

/// A queue of lists printed (its items have no `Repr`), a lock in an
/// f-string and an event given to `str`.
#[test]
fn a_primitive_written_as_text_is_not_translated() {
    let src = main_of(
        "    q = asyncio.Queue(maxsize=2)\n    lock = asyncio.Lock()\n    done = asyncio.Event()\n    await q.put([1])\n    print(\"queue:\", q)\n    print(f\"lock: {lock}\")\n    text = str(done)\n    print(len(text))\n",
    );
    let text = shown(&src);
    has_all(
        &text,
        &[
            "// The translator cannot translate this program yet (3 to do):",
            "// x.py:9:21: the queue written as text",
            "// x.py:10:20: the lock written as text",
            "// x.py:11:16: the event written as text",
        ],
    );
}

/// What the program reads of a queue translates.
#[test]
fn what_the_program_reads_of_a_primitive_translates() {
    let src = main_of(
        "    q = asyncio.Queue(maxsize=2)\n    await q.put(1)\n    print(\"size:\", q.qsize(), q.full())\n",
    );
    let text = shown(&src);
    assert!(!text.contains("cannot translate"), "{text}");
}
