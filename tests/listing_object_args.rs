//! The Rust listing of objects outside their class: passed to functions
//! (moved, or a copy where the caller reads them again), their list
//! fields changed in place, and the calls refused where the callee
//! changes the object the caller holds (the corpus program
//! `classes__objects_passed` is built and run by `tests/rust_listings.rs`).

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing};

const PARCEL: &str = "class Parcel:
    def __init__(self, label, weight):
        self.label = label
        self.weight = weight
        self.stamps = []


def heavy(parcel):
    return parcel.weight > 2


";

/// An object a function only reads is borrowed (`&Parcel`), whether the
/// caller reads it again, passes it in a loop (its borrowed item) or not:
/// no copy, so the struct derives nothing.
#[test]
fn an_object_a_function_only_reads_is_borrowed() {
    let src = format!(
        "{HEADER}{PARCEL}async def main():
    kept = Parcel(\"books\", 3)
    print(heavy(kept), kept.label)
    parcels = [Parcel(\"a\", 1)]
    for p in parcels:
        print(heavy(p))
    print(heavy(Parcel(\"socks\", 1)))
{RUN}"
    );
    let text = listing(&src);
    has_all(
        &text,
        &[
            "struct Parcel {",
            "fn heavy(parcel: &Parcel) -> bool {",
            "heavy(&kept)",
            "for p in &parcels {",
            "heavy(p)",
            "heavy(&Parcel::new(\"socks\", 1))",
        ],
    );
    assert!(!text.contains("derive(Clone)"), "{text}");
}

/// An object a spawned task reads is the task's own: moved, or a copy
/// where the caller reads it again.
#[test]
fn an_object_given_to_a_task_is_moved_or_copied() {
    let src = format!(
        "{HEADER}{PARCEL}async def weigh(parcel):
    await asyncio.sleep(0)
    print(parcel.weight)


async def main():
    kept = Parcel(\"books\", 3)
    t = asyncio.create_task(weigh(kept))
    await t
    print(kept.label)
    last = Parcel(\"socks\", 1)
    u = asyncio.create_task(weigh(last))
    await u
{RUN}"
    );
    has_all(
        &listing(&src),
        &[
            "#[derive(Clone)]\nstruct Parcel {",
            "async fn weigh(parcel: Parcel) {",
            "weigh(kept.clone())",
            "weigh(last)",
        ],
    );
}

/// A list field of a local object grows in place, the variable `mut`,
/// the field typed by what it is given.
#[test]
fn a_list_field_changes_in_place_outside_its_class() {
    let src = format!(
        "{HEADER}{PARCEL}async def main():
    p = Parcel(\"books\", 3)
    p.stamps.append(\"paid\")
    p.stamps.append(\"sent\")
    p.stamps.pop(0)
    print(p.stamps)
{RUN}"
    );
    has_all(
        &listing(&src),
        &[
            "stamps: Vec<String>,",
            "let mut p = Parcel::new(\"books\", 3);",
            "p.stamps.push(\"paid\".to_string());",
            "p.stamps.remove(0);",
        ],
    );
}

/// The listing of `source` as the Rust pane shows it, refusal included.
fn shown(source: &str) -> String {
    let program = asynclings::python::load("x.py", source).expect("loads");
    asynclings::render::rust::render_program(&program).text()
}

/// A function that grows its parameter's list field changes the caller's
/// object in Python; the listing's copy would not: refused at the
/// argument, a variable read again or an item of a list.
#[test]
fn a_callee_changing_a_field_of_the_callers_object_is_refused() {
    let stamp = "def stamp(parcel, text):\n    parcel.stamps.append(text)\n\n\n";
    let src = format!(
        "{HEADER}{PARCEL}{stamp}async def main():
    parcels = [Parcel(\"books\", 3)]
    for p in parcels:
        stamp(p, \"paid\")
    print(len(parcels))
{RUN}"
    );
    has_all(
        &shown(&src),
        &[
            "// x.py:22:15: an object changed by `stamp`",
            "pass `&mut p`",
            "//     stamp(p, \"paid\")",
        ],
    );
    let src = format!(
        "{HEADER}{PARCEL}{stamp}async def main():
    parcels = [Parcel(\"books\", 3)]
    stamp(parcels[0], \"paid\")
    print(len(parcels))
{RUN}"
    );
    has_all(
        &shown(&src),
        &[
            "// x.py:21:11: an object changed by `stamp`",
            "//     stamp(parcels[0], \"paid\")",
            "pass a `&mut` reference to it",
        ],
    );
}

/// A second name for an object a list or another variable still holds
/// would move or copy it in Rust: refused at the value.
#[test]
fn a_second_name_for_a_held_object_is_refused() {
    let src = format!(
        "{HEADER}{PARCEL}async def main():
    parcels = [Parcel(\"books\", 3)]
    first = parcels[0]
    first.weight = 5
    print(parcels[0].weight)
{RUN}"
    );
    has_all(
        &shown(&src),
        &[
            "// x.py:17:13: `first` naming an object held elsewhere",
            "//     first = parcels[0]",
        ],
    );
    let src = format!(
        "{HEADER}{PARCEL}async def main():
    a = Parcel(\"books\", 3)
    b = a
    b.weight = 5
    print(a.weight)
{RUN}"
    );
    has_all(&shown(&src), &["`b` naming an object held elsewhere"]);
}

/// A variable given a new object, or the last read of another, keeps it.
#[test]
fn a_moved_object_keeps_its_listing() {
    let src = format!(
        "{HEADER}{PARCEL}async def main():
    a = Parcel(\"books\", 3)
    b = a
    print(b.weight)
{RUN}"
    );
    has_all(&shown(&src), &["let b = a;"]);
}
