//! Lists beside numbers and strings, at any depth: the listing's
//! `PyValue` enum with a list variant, printed as Python prints it, and
//! `if isinstance(x, list):` the `if let` that takes the list out of it.
//! (`tests/rust_listings.rs` builds and runs `generators__pipeline.py`
//! and `values__nested_lists.py`.)

#[path = "support/listing.rs"]
mod support;

use asynclings::render::rust;
use support::{has_all, main_of};

/// What the Rust pane shows for `source`: its listing, or its refusal.
fn shown(source: &str) -> String {
    let program = asynclings::python::load("x.py", source).expect("loads");
    rust::render_program(&program).text()
}

/// A program whose `flat` flattens a nested list with `isinstance`, and
/// whose `main` runs `body`.
fn flat_program(body: &str) -> String {
    format!(
        "import asyncio\n\n\ndef flat(xs):\n    out = []\n    for x in xs:\n        \
if isinstance(x, list):\n            out.extend(flat(x))\n        else:\n            \
out.append(x)\n    return out\n\n\nasync def main():\n{body}\n\nasyncio.run(main())\n"
    )
}

#[test]
fn a_list_beside_numbers_is_a_list_of_py_values() {
    let text = shown(&main_of("    print([1, [2, \"a\"], []])\n"));
    has_all(
        &text,
        &[
            "vec![PyValue::Int(1), PyValue::List(vec![PyValue::Int(2), \
             PyValue::Str(\"a\".to_string())]), PyValue::List(vec![])]",
            "enum PyValue {\n    Int(i64),\n    Str(String),\n    List(Vec<PyValue>),\n}",
            "PyValue::List(v) => write!(f, \"{}\", v.repr()),",
            "impl Repr for PyValue {",
        ],
    );
}

#[test]
fn a_dict_of_a_number_and_a_list_holds_py_values() {
    let text = shown(&main_of(
        "    d = {\"a\": 1, \"b\": [10, 20]}\n    print(d)\n",
    ));
    has_all(
        &text,
        &[
            "(\"a\".to_string(), PyValue::Int(1))",
            // Too wide for one line, the pair is laid out as rustfmt does.
            "        (\n            \"b\".to_string(),\n            \
             PyValue::List(vec![PyValue::Int(10), PyValue::Int(20)]),\n        ),",
            "println!(\"{}\", d.repr());",
        ],
    );
}

#[test]
fn isinstance_of_list_takes_the_list_out_of_its_variant() {
    let text = shown(&flat_program("    print(flat([1, [2, [3]]]))"));
    has_all(
        &text,
        &[
            "fn flat(xs: &[PyValue]) -> Vec<PyValue> {",
            "if let PyValue::List(x) = &x {",
            "out.extend(flat(x));",
            "} else {\n            out.push(x.clone());",
            "flat(&[PyValue::Int(1), PyValue::List(vec![PyValue::Int(2), \
             PyValue::List(vec![PyValue::Int(3)])])])",
        ],
    );
    assert!(!text.contains("cannot translate"), "{text}");
}

#[test]
fn a_list_kept_in_a_variable_beside_a_number_is_refused() {
    let text = shown(&main_of("    xs = [2, 3]\n    print([1, xs])\n"));
    has_all(
        &text,
        &[
            "cannot translate",
            "a list held beside values of other types",
            "print([1, xs])",
        ],
    );
}

#[test]
fn isinstance_where_no_list_is_built_is_refused() {
    let text = shown(&flat_program("    print(flat([1, \"a\"]))"));
    has_all(
        &text,
        &[
            "cannot translate",
            "this `isinstance`",
            "isinstance(x, list)",
        ],
    );
}

#[test]
fn a_py_value_used_as_a_number_is_still_refused() {
    let text = shown(&main_of("    xs = [1, [2]]\n    print(xs[0] + 1)\n"));
    has_all(&text, &["cannot translate", "xs[0]"]);
}

#[test]
fn a_float_beside_a_string_prints_as_python_writes_it() {
    let text = shown(&main_of("    print([1e16, \"a\", [0.5]])\n"));
    has_all(
        &text,
        &[
            "PyValue::Float(1e16)",
            "PyValue::Float(v) => write!(f, \"{}\", float_repr(*v)),",
            "fn float_repr(x: f64) -> String {",
        ],
    );
}

#[test]
fn a_nested_list_too_wide_for_its_line_is_one_item_a_line() {
    let text = shown(&main_of(
        "    xs = [1, \"two\", [3, [\"four\"]], [[True]]]\n    print(xs)\n",
    ));
    has_all(
        &text,
        &[
            "    let xs = vec![\n        PyValue::Int(1),\n        PyValue::Str(\"two\".to_string()),\n        \
PyValue::List(vec![\n            PyValue::Int(3),\n            \
PyValue::List(vec![PyValue::Str(\"four\".to_string())]),\n        ]),\n        \
PyValue::List(vec![PyValue::List(vec![PyValue::Bool(true)])]),\n    ];",
        ],
    );
}

/// A program whose `read(key, i)` subscripts a value of a dict of a number
/// and a list, and whose `main` runs `body`.
fn subscript_program(body: &str) -> String {
    format!(
        "import asyncio\n\n\nasync def read(key, i):\n    await asyncio.sleep(0)\n    \
data = {{\"n\": 1, \"xs\": [10, 20]}}\n    if key == \"bad\":\n        return \"1\" + 1\n    \
return data[key][i]\n\n\nasync def main():\n{body}\n\nasyncio.run(main())\n"
    )
}

#[test]
fn a_py_value_subscripted_where_an_except_takes_it_is_its_item_at() {
    let text = shown(&subscript_program(
        "    for key, i in [(\"xs\", 1), (\"xs\", 5), (\"n\", 0), (\"bad\", 0)]:\n        \
try:\n            print(await read(key, i))\n        except (IndexError, TypeError) as e:\n            \
print(type(e).__name__, e)",
    ));
    has_all(
        &text,
        &[
            "async fn read(key: &str, i: i64) -> Result<PyValue, Error> {",
            "Ok(data[key].item_at(i)?)",
            "fn item_at(&self, index: i64) -> Result<PyValue, Error> {",
            "PyValue::Int(_) => Err(Error::TypeError(\n                \
             \"'int' object is not subscriptable\".to_string(),\n            )),",
            "PyValue::List(items) => py_item_at(items, index).cloned(),",
        ],
    );
    assert!(!text.contains("cannot translate"), "{text}");
}

#[test]
fn a_py_value_subscripted_where_nothing_takes_its_exceptions_is_refused() {
    let text = shown(&subscript_program("    print(await read(\"xs\", 1))"));
    has_all(&text, &["cannot translate", "return data[key][i]"]);
}

/// A program whose `kind(xs, loud)` tests `isinstance` in an `elif`, and
/// whose `main` runs `body`.
fn elif_program(body: &str) -> String {
    format!(
        "import asyncio\n\n\ndef kind(xs, loud):\n    out = []\n    for x in xs:\n        \
if loud:\n            out.append(\"loud\")\n        elif isinstance(x, list):\n            \
out.append(len(x))\n        else:\n            out.append(x)\n    return out\n\n\n\
async def main():\n{body}\n\nasyncio.run(main())\n"
    )
}

#[test]
fn isinstance_of_list_in_an_elif_takes_the_list_out_too() {
    let text = shown(&elif_program(
        "    print(kind([1, [2, 3], \"a\"], False), kind([[1]], True))",
    ));
    has_all(
        &text,
        &[
            "} else if let PyValue::List(x) = &x {\n            \
             out.push(PyValue::Int(x.len() as i64));",
            // A display of lists only, given to the list of `PyValue`s.
            "kind(&[PyValue::List(vec![PyValue::Int(1)])], true)",
        ],
    );
    assert!(!text.contains("cannot translate"), "{text}");
}

#[test]
fn a_list_of_lists_kept_in_a_variable_given_to_py_values_is_refused() {
    let text = shown(&elif_program(
        "    ys = [[1]]\n    print(kind([1, [2, 3], \"a\"], False), kind(ys, True))",
    ));
    has_all(
        &text,
        &[
            "cannot translate",
            "`kind` given values of two types",
            "kind(ys, True)",
        ],
    );
}

#[test]
fn none_beside_numbers_and_strings_is_the_none_variant() {
    let text = shown(&main_of(
        "    d = {\"a\": 1, \"b\": None}\n    print(d, d[\"b\"], [\"x\", [None]])\n",
    ));
    has_all(
        &text,
        &[
            "(\"b\".to_string(), PyValue::None),",
            "vec![PyValue::Str(\"x\".to_string()), PyValue::List(vec![PyValue::None])]",
            "enum PyValue {\n    Int(i64),\n    Str(String),\n    List(Vec<PyValue>),\n    None,\n}",
            "PyValue::None => write!(f, \"None\"),",
        ],
    );
    assert!(!text.contains("cannot translate"), "{text}");
}

#[test]
fn none_beside_a_number_in_a_list_display_is_still_refused() {
    let text = shown(&main_of("    print([1, None])\n"));
    has_all(
        &text,
        &["cannot translate", "a list holding a number and `None`"],
    );
}

#[test]
fn a_dict_whose_keys_are_of_several_types_kept_is_refused() {
    let text = shown(&main_of("    d = {1: \"one\", 2.5: None}\n    print(d)\n"));
    has_all(
        &text,
        &[
            "cannot translate",
            "a dict whose keys are of several types, kept",
            "{1: \"one\", 2.5: None}",
        ],
    );
}
