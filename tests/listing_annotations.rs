//! The Rust listing of `__annotations__` under `from __future__ import
//! annotations`: the dicts Python keeps, written as the text they print,
//! and a class named only in annotations needing no struct. (Python's own
//! output is checked by `tests/rust_listings.rs` on
//! `tests/programs/typing__future_annotations.py`.)

#[path = "support/listing.rs"]
mod support;

use support::{has_all, listing};

const FUTURE: &str = "from __future__ import annotations\n\nimport asyncio\n\n";

#[test]
fn annotations_print_as_the_dicts_python_keeps() {
    let text = listing(&format!(
        "{FUTURE}size: int = 3\nnote: \"it's\"\n\n\nclass Job:\n    owner: Worker | None = None\n\n    \
def run(self, q: list[Job], *, retries: int = 2) -> Result:\n        return None\n\n\n\
async def main() -> None:\n    print(Job.run.__annotations__, Job.__annotations__)\n    \
print(__annotations__, main.__annotations__)\n\n\nasyncio.run(main())\n"
    ));
    has_all(
        &text,
        &[
            "{{'q': 'list[Job]', 'retries': 'int', 'return': 'Result'}} {{'owner': 'Worker | None'}}",
            r#"{{'size': 'int', 'note': '\"it\\'s\"'}} {{'return': 'None'}}"#,
        ],
    );
    assert!(!text.contains("struct Job"), "{text}");
}

#[test]
fn a_class_whose_objects_are_made_is_still_a_struct() {
    let text = listing(&format!(
        "{FUTURE}class Job:\n    owner: str = \"me\"\n\n\nasync def main():\n    \
print(Job.__annotations__)\n    j = Job()\n    print(j.owner)\n\n\nasyncio.run(main())\n"
    ));
    has_all(&text, &["struct Job", "{{'owner': 'str'}}"]);
}
