//! A container given values of two types after it is made (`append`,
//! `insert`, `extend`, `+=`, `xs[i] = v`, `d[k] = v`, `add`, a list grown
//! by the function it is passed to): a Rust container holds one type, so
//! the program is refused at the second value's place, naming where the
//! first was given. A list (or a dict's values) made empty and given
//! strings beside numbers holds `PyValue`s, and a list of integers beside
//! floats that is only summed stays `f64`s.

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing, main_of, refused};

/// Asserts that `source` is refused at `at` with `construct`, and a
/// reason that names the Rust container `rust`.
fn refused_at(source: &str, construct: &str, at: &str, rust: &str) {
    let (c, reason, text) = refused(source);
    assert_eq!((c.as_str(), text.as_str()), (construct, at), "{source}");
    assert!(
        reason.contains(&format!("a Rust {rust} holds one type")),
        "{reason}"
    );
}

#[test]
fn a_list_given_a_string_then_a_number_holds_py_values() {
    let text = listing(&main_of(
        "    log = []\n    log.append(\"x\")\n    log.append(1)\n    log.insert(0, True)\n    \
log[1] = 2.5\n    print(log)\n",
    ));
    has_all(
        &text,
        &[
            "    let mut log = vec![];\n    log.push(PyValue::Str(\"x\".to_string()));\n    \
log.push(PyValue::Int(1));\n    log.insert(0, PyValue::Bool(true));\n    \
log[1] = PyValue::Float(2.5);\n    println!(\"{}\", log.repr());",
            "enum PyValue {",
        ],
    );
}

#[test]
fn a_module_list_grown_by_two_functions_holds_py_values() {
    let text = listing(&format!(
        "{HEADER}log = []\n\n\ndef note(text):\n    log.append(text)\n\n\n\
async def main():\n    note(\"start\")\n    log.append(3)\n    print(log)\n{RUN}"
    ));
    has_all(
        &text,
        &[
            "static LOG: std::sync::Mutex<Vec<PyValue>> = std::sync::Mutex::new(Vec::new());",
            "LOG.lock().unwrap().push(PyValue::Str(text.to_string()));",
            "LOG.lock().unwrap().push(PyValue::Int(3));",
        ],
    );
}

#[test]
fn a_list_made_of_numbers_and_given_a_string_is_refused_at_its_display() {
    let (construct, reason, text) = refused(&main_of(
        "    log = [1]\n    log.append(\"x\")\n    print(log)\n",
    ));
    assert_eq!(
        (construct.as_str(), text.as_str()),
        (
            "a list made with a number here and given a string at 6:16",
            "1"
        )
    );
    assert!(
        reason.contains("make it empty and add this value"),
        "{reason}"
    );
}

#[test]
fn a_list_given_none_beside_strings_is_refused_at_the_none() {
    refused_at(
        &main_of("    log = []\n    log.append(\"x\")\n    log.append(None)\n    print(log)\n"),
        "a list given `None` here and a string at 6:16",
        "None",
        "`Vec`",
    );
}

#[test]
fn extend_and_plus_equals_are_refused_at_what_they_add() {
    let start = "    xs = []\n    xs.append(\"a\")\n";
    for (line, at) in [
        ("    xs.extend([1, 2])\n", "[1, 2]"),
        ("    xs += [1]\n", "[1]"),
        ("    xs = xs + [1]\n", "[1]"),
    ] {
        refused_at(
            &main_of(&format!("{start}{line}    print(xs)\n")),
            "a list given a number here and a string at 6:15",
            at,
            "`Vec`",
        );
    }
}

#[test]
fn a_dict_given_values_of_two_types_holds_py_values() {
    let text = listing(&main_of(
        "    d = {}\n    d[\"a\"] = 1\n    d[\"b\"] = \"x\"\n    print(d, d[\"a\"])\n",
    ));
    has_all(
        &text,
        &[
            "d.insert(\"a\".to_string(), PyValue::Int(1));",
            "d.insert(\"b\".to_string(), PyValue::Str(\"x\".to_string()));",
        ],
    );
}

#[test]
fn a_dict_made_or_keyed_with_two_types_is_refused() {
    let (construct, _, text) = refused(&main_of(
        "    d = {\"a\": 1}\n    d[\"b\"] = \"x\"\n    print(d)\n",
    ));
    assert_eq!(
        (construct.as_str(), text.as_str()),
        (
            "a dict made with a number value here and given a string value at 6:14",
            "1"
        )
    );
    refused_at(
        &main_of("    d = {}\n    d[1] = \"a\"\n    d[\"b\"] = \"c\"\n    print(d)\n"),
        "a dict given a string key here and a number key at 6:7",
        "\"b\"",
        "`IndexMap`",
    );
}

#[test]
fn a_set_given_a_string_beside_numbers_is_refused() {
    refused_at(
        &main_of("    s = {1, 2}\n    s.add(\"x\")\n    print(len(s))\n"),
        "a set given a string here and a number at 5:10",
        "\"x\"",
        "`BTreeSet`",
    );
}

#[test]
fn a_list_of_lists_given_a_list_of_another_type_is_refused() {
    refused_at(
        &main_of("    xs = [[1]]\n    xs.append([\"a\"])\n    print(xs)\n"),
        "a list given a list of strings here and a list of numbers at 5:11",
        "[\"a\"]",
        "`Vec`",
    );
}

#[test]
fn a_list_passed_to_a_function_that_grows_it_with_another_type_is_refused() {
    let source = format!(
        "{HEADER}def grow(xs):\n    xs.append(1)\n    print(xs)\n\n\n\
async def main():\n    grow([\"a\", \"b\"])\n{RUN}"
    );
    let (construct, _, text) = refused(&source);
    assert_eq!(
        (construct.as_str(), text.as_str()),
        (
            "a list of strings passed to `grow`, which gives it a number at 5:15",
            "[\"a\", \"b\"]"
        )
    );
}

#[test]
fn a_printed_list_given_integers_and_floats_is_refused_at_the_integer() {
    let (construct, reason, text) = refused(&main_of(
        "    xs = []\n    xs.append(1)\n    xs.append(2.5)\n    print(xs)\n",
    ));
    assert_eq!(
        (construct.as_str(), text.as_str()),
        ("a list given an integer here and a float at 7:15", "1")
    );
    assert!(
        reason.contains("prints `1.0` where Python prints `1`"),
        "{reason}"
    );
    // Through a loop variable too.
    let (construct, _, _) = refused(&main_of(
        "    xs = [0.5]\n    xs.append(2)\n    for x in xs:\n        print(f\"{x}\")\n",
    ));
    assert_eq!(
        construct,
        "a list given an integer here and a float at 5:11"
    );
}

#[test]
fn a_summed_list_of_integers_and_floats_stays_floats() {
    let text = listing(&main_of(
        "    xs = []\n    xs.append(1)\n    xs.append(2.5)\n    n = len(xs)\n    print(n, sum(xs))\n",
    ));
    has_all(
        &text,
        &[
            "    xs.push(1.0);\n    xs.push(2.5);",
            "xs.iter().sum::<f64>()",
        ],
    );
}

#[test]
fn a_list_of_py_values_grows_with_its_variants() {
    let text = listing(&main_of(
        "    await asyncio.sleep(0.1)\n    xs = [1, \"a\"]\n    xs.append(2)\n    \
xs.insert(0, \"b\")\n    print(xs)\n",
    ));
    has_all(
        &text,
        &[
            "let mut xs = vec![PyValue::Int(1), PyValue::Str(\"a\".to_string())];",
            "xs.push(PyValue::Int(2));",
            "xs.insert(0, PyValue::Str(\"b\".to_string()));",
            "println!(\"{}\", xs.repr());",
        ],
    );
}

#[test]
fn a_list_of_py_values_extended_by_a_list_of_one_type_is_refused() {
    let (construct, _, text) = refused(&main_of(
        "    xs = [1, \"a\"]\n    xs.extend([2, 3])\n    print(xs)\n",
    ));
    assert_eq!(text, "[2, 3]");
    assert!(
        construct.starts_with("a list given a number here"),
        "{construct}"
    );
}

#[test]
fn a_list_of_strings_and_numbers_sorted_searched_or_joined_is_refused_at_the_use() {
    for (made, use_, at) in [
        (
            "    log = []\n    log.append(\"x\")\n    log.append(1)\n",
            "    log.sort()\n",
            "log.sort()",
        ),
        (
            "    log = [\"x\", 1]\n",
            "    print(\"x\" in log)\n",
            "\"x\" in log",
        ),
        (
            "    log = [\"x\", 1]\n",
            "    print(sorted(log))\n",
            "sorted(log)",
        ),
        (
            "    log = [\"x\", 1]\n",
            "    print(\", \".join(log))\n",
            "\", \".join(log)",
        ),
        (
            "    log = [\"x\", 1]\n",
            "    print(log + [\"y\"])\n",
            "log + [\"y\"]",
        ),
    ] {
        let (construct, _, text) = refused(&main_of(&format!("{made}{use_}")));
        assert_eq!(
            (construct.as_str(), text.as_str()),
            ("a list of strings and numbers used here", at)
        );
    }
    // Printed, indexed, measured and iterated, it translates.
    let text = listing(&main_of(
        "    log = []\n    log.append(\"x\")\n    log.append(1)\n    print(log[0], len(log))\n    \
for v in log:\n        print(v)\n",
    ));
    has_all(&text, &["for v in &log {\n        println!(\"{v}\");"]);
}

#[test]
fn a_dict_of_py_values_read_with_a_default_gives_a_py_value() {
    let text = listing(&main_of(
        "    d = {}\n    d[\"a\"] = 1\n    d[\"b\"] = \"x\"\n    print(d.get(\"c\", 0))\n",
    ));
    has_all(&text, &["d.get(\"c\").cloned().unwrap_or(PyValue::Int(0))"]);
}
