//! The Rust listing of lists of string literals: `vec!["a", "b"]` (a
//! `Vec<&str>`) where the list is only read in place, and a list of
//! `String`s where the rest of the listing takes one: given to a function
//! or a constructor, kept in a field, a container or another variable,
//! returned, grown, tested with `in`, its item popped, or joined with a
//! list of `String`s.

#[path = "support/listing.rs"]
mod support;

use support::{has_all, listing};

fn script(body: &str) -> String {
    format!("def main():\n{body}\n\nmain()\n")
}

#[test]
fn a_list_only_read_in_place_stays_a_list_of_str() {
    let text = listing(&script(
        "    names = [\"pear\", \"fig\"]\n    for n in names:\n        print(n.upper())\n    print(names, len(names), sorted(names), names[0], \", \".join(names))\n    print(max(names), [n for n in names if len(n) > 3])\n",
    ));
    has_all(&text, &["let names = vec![\"pear\", \"fig\"];"]);
    assert!(!text.contains("\"pear\".to_string()"), "{text}");
}

#[test]
fn a_list_given_to_a_function_holds_strings() {
    let text = listing(
        "def shout(words):\n    for w in words:\n        print(w.upper())\n\n\ndef main():\n    names = [\"ann\", \"bob\"]\n    shout(names)\n\n\nmain()\n",
    );
    has_all(
        &text,
        &[
            "fn shout(words: Vec<String>) {",
            "let names = vec![\"ann\".to_string(), \"bob\".to_string()];",
        ],
    );
}

#[test]
fn a_list_given_to_a_constructor_holds_strings() {
    let text = listing(
        "class Team:\n    def __init__(self, members):\n        self.members = members\n\n    def show(self):\n        print(self.members)\n\n\ndef main():\n    members = [\"ann\", \"bob\"]\n    Team(members).show()\n\n\nmain()\n",
    );
    has_all(
        &text,
        &["let members = vec![\"ann\".to_string(), \"bob\".to_string()];"],
    );
}

#[test]
fn a_list_grown_holds_strings() {
    let text = listing(&script(
        "    words = [\"a\"]\n    words.append(str(3))\n    words.insert(0, \"z\")\n    print(words)\n",
    ));
    has_all(
        &text,
        &[
            "let mut words = vec![\"a\".to_string()];",
            "words.push(3_i64.to_string());",
        ],
    );
}

#[test]
fn a_list_tested_with_in_holds_strings() {
    let text = listing(&script(
        "    words = [\"a\", \"b\"]\n    print(\"a\" in words)\n",
    ));
    has_all(
        &text,
        &[
            "let words = vec![\"a\".to_string(), \"b\".to_string()];",
            "words.iter().any(|item| item == \"a\")",
        ],
    );
}

#[test]
fn a_list_whose_item_is_popped_and_changed_holds_strings() {
    let text = listing(&script(
        "    queue = [\"a\", \"b\"]\n    last = queue.pop()\n    last = last + \"?\"\n    print(last, queue)\n",
    ));
    has_all(
        &text,
        &["let mut queue = vec![\"a\".to_string(), \"b\".to_string()];"],
    );
}

#[test]
fn literals_returned_kept_in_fields_and_dicts_hold_strings() {
    let text = listing(
        "class Box:\n    def __init__(self):\n        self.tags = [\"a\"]\n\n    def show(self):\n        print(self.tags)\n\n\ndef defaults():\n    return [\"x\", \"y\"]\n\n\ndef main():\n    Box().show()\n    table = {}\n    table[\"k\"] = [\"v\"]\n    print(defaults(), table)\n\n\nmain()\n",
    );
    has_all(
        &text,
        &[
            "tags: vec![\"a\".to_string()],",
            "vec![\"x\".to_string(), \"y\".to_string()]",
            "table.insert(\"k\".to_string(), vec![\"v\".to_string()]);",
        ],
    );
}

#[test]
fn a_literal_joined_with_a_list_of_strings_holds_strings() {
    let text = listing(
        "def made():\n    return \"a b\".split()\n\n\ndef main():\n    print(made() + [\"c\"], [[\"d\"], made()])\n    print([\"e\"] * 2 + [\"f\"])\n\n\nmain()\n",
    );
    has_all(
        &text,
        &[
            "[&made()[..], &vec![\"c\".to_string()][..]].concat()",
            "vec![vec![\"d\".to_string()], made()]",
            // Two lists of literals joined stay lists of `&str`.
            "&vec![\"f\"][..]",
        ],
    );
}

#[test]
fn lists_of_lists_of_literals_iterated_into_a_function_hold_strings() {
    let text = listing(
        "def longest(words):\n    return max(words, key=len)\n\n\ndef main():\n    for row in [[\"p\", \"qq\"], [\"r\"]]:\n        print(longest(row))\n\n\nmain()\n",
    );
    has_all(&text, &["vec![\"p\".to_string(), \"qq\".to_string()],"]);
}

#[test]
fn the_greatest_of_a_list_of_strings_is_compared_through_references() {
    let text = listing(
        "def made():\n    return \"b a\".split()\n\n\ndef main():\n    words = made()\n    print(max(words), min(words))\n\n\nmain()\n",
    );
    has_all(
        &text,
        &["words.iter().max().unwrap()", "words.iter().min().unwrap()"],
    );
}
