//! `name, value = line.split()`: the list becomes an array of that many
//! items, whose wrong length ends the program as Python's uncaught
//! `ValueError` does; in a program with an `except` that could take that
//! error, it is refused. (`tests/rust_listings.rs` builds and runs
//! `tcp__sensor_stream.py`.)

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing, main_of, refused};

#[test]
fn unpacking_split_binds_an_array_of_its_length() {
    let text = listing(&main_of(
        "    line = \"temp 21.5\"\n    name, value = line.split()\n    print(name, float(value))\n",
    ));
    has_all(
        &text,
        &[
            "    let [name, value]: [String; 2] = line\n        .split_whitespace()\n        \
.map(String::from)\n        .collect::<Vec<_>>()\n        .try_into()\n        .unwrap();",
            "float_repr(value.trim().parse::<f64>().unwrap())",
        ],
    );
}

#[test]
fn an_unread_name_of_the_unpacking_is_left_out() {
    let text = listing(&main_of(
        "    line = \"a b c\"\n    first, _, last = line.split()\n    print(first, last)\n",
    ));
    has_all(&text, &["let [first, _, last]: [String; 3] = line"]);
}

/// Inside a `try` whose `except` could take the `ValueError`, the
/// program is refused (here at the `except`, which nothing else raises).
#[test]
fn unpacking_split_inside_a_try_is_refused() {
    refused(&main_of(
        "    line = \"temp\"\n    try:\n        name, value = line.split()\n        print(name, value)\n    \
except Exception:\n        print(\"bad line\")\n",
    ));
}

#[test]
fn unpacking_split_in_a_coroutine_awaited_inside_a_try_is_refused() {
    let (construct, _, at) = refused(&format!(
        "{HEADER}async def parse(line):\n    name, value = line.split()\n    return name\n\n\n\
async def main():\n    try:\n        print(await parse(\"a\"))\n    except Exception:\n        \
print(\"bad\")\n{RUN}"
    ));
    assert_eq!(construct, "unpacking the list `split()` gives");
    assert_eq!(at, "line.split()");
}

#[test]
fn unpacking_a_list_into_names_bound_before_assigns_them() {
    let text = listing(&main_of(
        "    a, b = [1, 2]\n    print(a, b)\n    a, b = [5, 6]\n    print(a, b)\n",
    ));
    has_all(
        &text,
        &[
            "    let [mut a, mut b]: [i64; 2] = vec![1, 2].try_into().unwrap();",
            "    [a, b] = vec![5, 6].try_into().unwrap();",
        ],
    );
}
