//! A dict whose values are strings beside numbers and booleans: its
//! values are the listing's `PyValue` enum, printed as Python prints each
//! one, and any other use of such a value is refused at its place.
//! (`tests/rust_listings.rs` builds and runs
//! `values__dict_of_strings_and_numbers.py` and `gather__coroutines.py`.)

#[path = "support/listing.rs"]
mod support;

use asynclings::render::rust;
use support::{HEADER, RUN, has_all};

/// What the Rust pane shows for `source`: its listing, or its refusal.
fn shown(source: &str) -> String {
    let program = asynclings::python::load("x.py", source).expect("loads");
    rust::render_program(&program).text()
}

/// A program whose `fetch(url, ms)` returns a dict of a string, an
/// integer and a boolean, and whose `main` runs `body`.
fn program(body: &str) -> String {
    format!(
        "{HEADER}async def fetch(url, ms):\n    await asyncio.sleep(0.1)\n    \
return {{\"url\": url, \"ms\": ms, \"fast\": ms < 500}}\n\n\nasync def main():\n    \
r = await fetch(\"/a\", 200)\n{body}{RUN}"
    )
}

#[test]
fn a_dict_of_strings_and_numbers_holds_py_values() {
    let text = shown(&program("    print(r)\n"));
    has_all(
        &text,
        &[
            "async fn fetch(url: &str, ms: i64) -> IndexMap<String, PyValue> {",
            "(\"url\".to_string(), PyValue::Str(url.to_string())),",
            "(\"ms\".to_string(), PyValue::Int(ms)),",
            "(\"fast\".to_string(), PyValue::Bool(ms < 500)),",
            "enum PyValue {\n    Int(i64),\n    Bool(bool),\n    Str(String),\n}",
            "PyValue::Bool(v) => write!(f, \"{}\", if *v { \"True\" } else { \"False\" }),",
            "impl Repr for PyValue {",
            "PyValue::Str(v) => py_repr(v),",
            "println!(\"{}\", r.repr());",
        ],
    );
}

#[test]
fn an_item_prints_through_its_display() {
    let text = shown(&program("    print(r[\"url\"], r[\"ms\"])\n"));
    has_all(&text, &["println!(\"{} {}\", r[\"url\"], r[\"ms\"]);"]);
    // No `Repr` is printed, so the enum has none.
    assert!(!text.contains("impl Repr for PyValue"), "{text}");
}

#[test]
fn a_list_of_items_clones_them_out_of_their_dicts() {
    let text = shown(&program("    print([r[\"url\"], r[\"fast\"]])\n"));
    has_all(
        &text,
        &["println!(\"{}\", vec![r[\"url\"].clone(), r[\"fast\"].clone()].repr());"],
    );
}

#[test]
fn an_item_used_as_a_number_is_refused_at_its_place() {
    let text = shown(&program("    total = r[\"ms\"] + 1\n    print(total)\n"));
    has_all(
        &text,
        &[
            "// x.py:11:13: a value that is a string or a number, used here",
            "needs a `match` on its type",
        ],
    );
}

#[test]
fn an_item_passed_to_a_function_is_refused() {
    let text = shown(&program(
        "    again = await fetch(r[\"url\"], 5)\n    print(again)\n",
    ));
    has_all(
        &text,
        &["// x.py:11:25: a value that is a string or a number, used here"],
    );
}

#[test]
fn a_dict_of_strings_and_lists_is_still_refused() {
    let text = shown(&format!(
        "{HEADER}async def main():\n    xs = [1]\n    name = \"a\"\n    d = {{\"n\": name, \"xs\": xs}}\n    \
print(d)\n{RUN}"
    ));
    // A list display there would be a `PyValue` (see `listing_mixed_nest`).
    has_all(
        &text,
        &["a list held beside values of other types", "\"xs\": xs}"],
    );
}

#[test]
fn a_literal_dict_keeps_integers_and_floats_apart_beside_a_string() {
    let text = shown(&format!(
        "{HEADER}async def main():\n    d = {{\"name\": \"q\", \"count\": 7, \"load\": 0.5}}\n    \
print(d)\n{RUN}"
    ));
    has_all(
        &text,
        &[
            "(\"count\".to_string(), PyValue::Int(7)),",
            "(\"load\".to_string(), PyValue::Float(0.5)),",
            "PyValue::Float(v) => write!(f, \"{}\", float_repr(*v)),",
        ],
    );
}

#[test]
fn an_enum_of_numbers_and_booleans_reprs_through_its_display() {
    let text = shown(&format!(
        "{HEADER}async def main():\n    d = {{\"b\": 1, \"c\": 2.5, \"a\": True}}\n    \
print(d)\n{RUN}"
    ));
    has_all(
        &text,
        &[
            "enum PyValue {\n    Int(i64),\n    Float(f64),\n    Bool(bool),\n}",
            "        self.to_string()\n",
        ],
    );
}

#[test]
fn a_summed_list_of_integers_and_floats_is_one_of_floats() {
    let text = shown(&format!(
        "{HEADER}async def main():\n    xs = [1, 2.5]\n    print(sum(xs))\n    \
for d in [0.5, 1]:\n        await asyncio.sleep(d)\n{RUN}"
    ));
    assert!(!text.contains("cannot translate"), "{text}");
    has_all(
        &text,
        &["let xs = vec![1.0, 2.5];", "for d in [0.5, 1.0] {"],
    );
}

#[test]
fn a_parameter_printed_as_a_float_takes_integers_too() {
    let text = shown(&format!(
        "{HEADER}async def work(seconds):\n    await asyncio.sleep(seconds)\n    \
print(f\"slept {{seconds:.1f}}\")\n\n\nasync def main():\n    await work(2)\n    await work(0.5)\n{RUN}"
    ));
    assert!(!text.contains("cannot translate"), "{text}");
    has_all(&text, &["work(Duration::from_secs(2)).await;"]);
}

#[test]
fn a_list_of_numbers_and_strings_holds_py_values_and_their_truth() {
    let source = format!(
        "{HEADER}async def main():\n    await asyncio.sleep(0.1)\n    \
xs = [0, 1, \"\", \"x\"]\n    print(xs, [x for x in xs if x])\n{RUN}"
    );
    let text = shown(&source);
    has_all(
        &text,
        &[
            "let xs = vec![",
            "PyValue::Int(0),",
            "PyValue::Str(String::new()),",
            "PyValue::Str(\"x\".to_string()),",
            "PyValue::Int(v) => *v != 0,",
            "PyValue::Str(v) => !v.is_empty(),",
            "fn is_true(&self) -> bool {",
            ".filter(|x| x.is_true())\n            .cloned()",
        ],
    );
    assert!(!text.contains("cannot translate"), "{text}");
}

#[test]
fn a_list_of_numbers_and_strings_used_as_a_number_is_refused() {
    let source = format!(
        "{HEADER}async def main():\n    await asyncio.sleep(0.1)\n    \
xs = [1, \"x\"]\n    print(xs[0] + 1)\n{RUN}"
    );
    let text = shown(&source);
    assert!(
        text.contains("a value that is a string or a number, used here"),
        "{text}"
    );
}
