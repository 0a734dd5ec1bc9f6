//! Items of a list of `String`s put in a new list display: each is a clone,
//! as a `Vec` cannot give its items away while the list lives on; a list
//! of `&str`s gives its items as they are. Objects held by a list are
//! refused there: a copy would not be the same object. The corpus program
//! `lists__owned_items` is built and run by `tests/rust_listings.rs`.

#[path = "support/listing.rs"]
mod support;
use support::{HEADER, RUN, has_all, listing, main_of, refused};

/// `main` filling `names` with `String`s, then running `rest`.
fn with_names(rest: &str) -> String {
    main_of(&format!(
        "    names = []\n    for i in range(3):\n        names.append(f\"n{{i}}\")\n{rest}"
    ))
}

#[test]
fn items_of_a_list_of_strings_are_cloned_into_a_list() {
    let text = listing(&with_names(
        "    pair = [names[0], names[-1]]\n    nested = [[names[1]]]\n    print(pair, nested, names)\n",
    ));
    has_all(
        &text,
        &[
            "let pair = vec![names[0].clone(), names[names.len() - 1].clone()];",
            "let nested = vec![vec![names[1].clone()]];",
        ],
    );
}

#[test]
fn a_parameters_items_are_cloned_into_the_returned_list() {
    let text = listing(&format!(
        "{HEADER}def ends(words):\n    return [words[0], words[-1]]\n\n\nasync def main():\n    names = []\n    for i in range(3):\n        names.append(f\"n{{i}}\")\n    print(ends(names), names){RUN}"
    ));
    has_all(
        &text,
        &["    vec![words[0].clone(), words[words.len() - 1].clone()]\n"],
    );
}

#[test]
fn a_string_variable_read_again_is_cloned_into_a_list() {
    let text = listing(&with_names(
        "    first = names[0]\n    seated = [first, names[2]]\n    print(seated, first)\n",
    ));
    has_all(
        &text,
        &["let seated = vec![first.clone(), names[2].clone()];"],
    );
    let text = listing(&with_names(
        "    first = names[0]\n    seated = [first, names[2]]\n    print(seated)\n",
    ));
    has_all(&text, &["let seated = vec![first, names[2].clone()];"]);
}

#[test]
fn a_string_variable_in_a_loop_it_was_set_before_is_cloned() {
    let text = listing(&with_names(
        "    host = names[2]\n    for k in range(2):\n        print([host, names[k]])\n",
    ));
    has_all(&text, &["vec![host.clone(), names[k as usize].clone()]"]);
}

#[test]
fn a_loops_borrowed_item_beside_strings_is_made_a_string() {
    let text = listing(&with_names(
        "    for name in names:\n        row = [name, names[0]]\n        print(row)\n",
    ));
    has_all(
        &text,
        &["let row = vec![name.to_string(), names[0].clone()];"],
    );
}

#[test]
fn a_list_parameter_moved_into_a_field_is_moved_after_the_fields_reading_it() {
    let text = listing(&format!(
        "{HEADER}class Crew:\n    def __init__(self, names):\n        self.names = names\n        self.lead = [names[0]]\n\n    def pair(self):\n        return [self.names[1], self.names[0]]\n\n\nasync def main():\n    names = []\n    for i in range(3):\n        names.append(f\"n{{i}}\")\n    crew = Crew(names)\n    print(crew.lead, crew.pair(), crew.names){RUN}"
    ));
    has_all(
        &text,
        &[
            "        Self {\n            lead: vec![names[0].clone()],\n            names,\n        }\n",
            "        vec![self.names[1].clone(), self.names[0].clone()]\n",
        ],
    );
}

#[test]
fn items_of_a_list_of_literals_are_given_as_they_are() {
    let text = listing(&main_of(
        "    words = [\"a\", \"b\"]\n    pair = [words[1], words[0]]\n    print(pair, words)\n",
    ));
    has_all(
        &text,
        &[
            "let words = vec![\"a\", \"b\"];",
            "let pair = vec![words[1], words[0]];",
        ],
    );
}

#[test]
fn an_object_held_by_a_list_put_in_a_new_list_is_refused_there() {
    let source = format!(
        "{HEADER}class Box:\n    def __init__(self, name):\n        self.name = name\n\n\nasync def main():\n    boxes = [Box(\"x\"), Box(\"y\")]\n    picked = [boxes[1], boxes[0]]\n    print(picked[0].name){RUN}"
    );
    let (construct, reason, at) = refused(&source);
    assert_eq!(
        construct,
        "an object held elsewhere put in a new list or tuple"
    );
    assert!(reason.contains("holds the same object"), "{reason}");
    assert_eq!(at, "boxes[1]");
}
