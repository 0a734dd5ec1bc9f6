//! The Rust listing of the module's constant tables: a module-level list
//! of numbers that the functions only index or measure is a `const`
//! array they read; one that anything changes or hands on stays `main`'s
//! local, and a function that reads it is refused at its place.

#[path = "support/listing.rs"]
mod support;

use support::{RUN, has_all, listing};

/// A program whose `fetch` reads the module's list `TIMES`, and whose
/// `main` runs `extra` first.
fn reading_times(extra: &str) -> String {
    format!(
        "import asyncio\n\nTIMES = [3.0, 2.5, -0.5]\n\n\nasync def fetch(i):\n    \
print(TIMES[i], len(TIMES), TIMES[-1] == 1)\n    await asyncio.sleep(0)\n\n\n\
async def main():\n{extra}    await fetch(1)\n{RUN}"
    )
}

#[test]
fn a_list_functions_only_read_is_a_const_array() {
    let text = listing(&reading_times(""));
    has_all(
        &text,
        &[
            "const TIMES: [f64; 3] = [3.0, 2.5, -0.5];",
            "TIMES[py_place(TIMES.len(), i)]",
            "TIMES.len()",
        ],
    );
    assert!(!text.contains("cannot translate"), "{text}");
}

#[test]
fn a_list_that_is_changed_or_handed_on_is_not_a_const() {
    for change in [
        "    TIMES[0] = 1.0\n",
        "    TIMES[0] += 1.0\n",
        "    del TIMES[0]\n",
        "    TIMES.append(1.0)\n",
        "    print(sorted(TIMES))\n",
    ] {
        let (construct, _, at) = support::refused(&reading_times(change));
        assert_eq!(construct, "the global name `TIMES`", "{change}");
        assert_eq!(at, "TIMES", "{change}");
    }
}
