//! Where Python and a plain Rust translation part ways at the edges:
//! `range` with a step whose sign the listing cannot see, `max`/`min` of
//! floats with a NaN, `insert` past the end of a list. The listing is
//! written as Python behaves, or the construct is refused at its place.
//! The corpus program `builtins__python_edges` is built and run by
//! `tests/rust_listings.rs`.

#[path = "support/listing.rs"]
mod support;
use support::{has_all, listing, main_of, refused};

#[test]
fn a_step_counting_up_from_a_positive_start_is_stepped_by() {
    let text = listing(
        "def marks(n):\n    hit = [False] * n\n    for i in range(2, n):\n        for j in range(i * i, n, i):\n            hit[j] = True\n    return hit\n\n\nprint(marks(10))\n",
    );
    has_all(&text, &["for j in (i * i..n).step_by(i as usize) {"]);
}

#[test]
fn a_step_of_unknown_sign_is_refused_at_the_step() {
    let (construct, reason, at) = refused(
        "def count(a, b, k):\n    return list(range(a, b, k))\n\n\nprint(count(10, 0, -3))\n",
    );
    assert_eq!(
        construct,
        "a `range` step whose sign is known only when the program runs"
    );
    assert!(
        reason.contains("`step_by` counts up by a positive `usize`"),
        "{reason}"
    );
    assert_eq!(at, "k");
}

/// A loop that sets its own variable may make it negative.
#[test]
fn a_loop_variable_the_body_sets_is_no_known_step() {
    let (construct, _, at) = refused(
        "def f(n):\n    for i in range(1, n):\n        i = -i\n        print(list(range(n, 0, i)))\n\n\nf(3)\n",
    );
    assert_eq!(
        construct,
        "a `range` step whose sign is known only when the program runs"
    );
    assert_eq!(at, "i");
}

#[test]
fn a_step_of_zero_is_refused() {
    let (construct, reason, at) = refused("print(list(range(0, 5, 0)))\n");
    assert_eq!(construct, "`range` with a step of 0");
    assert!(
        reason.contains("range() arg 3 must not be zero"),
        "{reason}"
    );
    assert_eq!(at, "0");
}

#[test]
fn max_and_min_of_floats_compare_as_python_does() {
    let text = listing("xs = [float(\"nan\"), 1.0, 3.0]\nprint(max(xs), min(xs))\n");
    has_all(
        &text,
        &[
            "xs.iter().copied().reduce(py_max).unwrap()",
            "xs.iter().copied().reduce(py_min).unwrap()",
            "fn py_max(kept: f64, x: f64) -> f64 {\n    if x > kept { x } else { kept }\n}",
            "fn py_min(kept: f64, x: f64) -> f64 {\n    if x < kept { x } else { kept }\n}",
        ],
    );
    assert!(!text.contains("f64::max"), "{text}");
}

#[test]
fn insert_past_the_end_appends() {
    let text =
        listing("xs = [1, 2]\nxs.insert(10, 3)\nxs.insert(0, 0)\nxs.insert(-10, -1)\nprint(xs)\n");
    has_all(
        &text,
        &[
            "xs.insert(xs.len().min(10), 3);",
            "xs.insert(0, 0);",
            "xs.insert(xs.len().saturating_sub(10), -1);",
        ],
    );
}

#[test]
fn insert_at_an_index_known_at_run_time_is_refused() {
    let (construct, reason, at) =
        refused("def put(xs, i):\n    xs.insert(i, 0)\n    return xs\n\n\nprint(put([1], 5))\n");
    assert_eq!(
        construct,
        "`insert` at an index known only when the program runs"
    );
    assert!(reason.contains("`Vec::insert` panics"), "{reason}");
    assert_eq!(at, "xs.insert(i, 0)");
}

#[test]
fn floor_division_by_a_divisor_of_unknown_sign_rounds_as_python_does() {
    let text = listing(
        "def split(total, parts):\n    return total // parts, total % parts\n\n\ndef wrap(x, period):\n    return x % period\n\n\nprint(split(7, -2), wrap(7.5, -2.0), 7 // 2, 7 % 2)\n",
    );
    has_all(
        &text,
        &[
            "(py_floordiv(total, parts), py_mod(total, parts))",
            "py_fmod(x, period)",
            "fn py_floordiv(a: i64, b: i64) -> i64 {",
            "fn py_mod(a: i64, b: i64) -> i64 {",
            "fn py_fmod(a: f64, b: f64) -> f64 {",
            "7_i64.div_euclid(2)",
        ],
    );
}

#[test]
fn str_of_a_bool_is_python_s_word() {
    let text = listing("flag = 3 > 2\nprint(str(flag) + \"!\")\n");
    has_all(
        &text,
        &["if flag { \"True\" } else { \"False\" }.to_string()"],
    );
}

#[test]
fn an_index_that_may_be_negative_counts_from_the_end() {
    let text = listing(
        "def pick(xs, i):\n    return xs[i]\n\n\ndef letter(s, i):\n    return s[i]\n\n\nys = [1, 2]\nfor j in range(2):\n    print(ys[j], pick(ys, -1), letter(\"ab\", -1))\n",
    );
    has_all(
        &text,
        &[
            "xs[py_place(xs.len(), i)]",
            ".nth(py_place(s.chars().count(), i))",
            "ys[j as usize]",
            "fn py_place(len: usize, index: i64) -> usize {",
        ],
    );
}

#[test]
fn a_list_appended_to_itself_is_refused() {
    let (construct, reason, at) = refused("l = [1]\nl.append(l)\nprint(l)\n");
    assert_eq!(construct, "a list that holds itself");
    assert!(reason.contains("`[...]`"), "{reason}");
    assert_eq!(at, "l.append(l)");
}

/// `time.sleep` of a NaN or a negative number raises `ValueError`, as
/// `Duration::from_secs_f64` panics; `asyncio.sleep` waits no time.
#[test]
fn a_blocking_sleep_of_text_fails_where_python_raises() {
    let text = listing("import time\ntime.sleep(float(\"nan\"))\n");
    has_all(
        &text,
        &["std::thread::sleep(Duration::from_secs_f64(\"nan\".parse::<f64>().unwrap()));"],
    );
    assert!(!text.contains("unwrap_or_default"), "{text}");
}

#[test]
fn an_item_set_at_an_index_that_may_be_negative_counts_from_the_end() {
    let text = listing(
        "def put(xs, i, v):\n    xs[i] = v\n    xs[i] += 1\n    return xs\n\n\nprint(put([1, 2, 3], -1, 9))\n",
    );
    has_all(
        &text,
        &[
            "*py_item_mut(&mut xs, i) = v;",
            "*py_item_mut(&mut xs, i) += 1;",
            "fn py_item_mut<T>(items: &mut [T], index: i64) -> &mut T {",
            "fn py_place(len: usize, index: i64) -> usize {",
        ],
    );
}

#[test]
fn the_empty_tuple_is_printed_as_its_text_and_refused_elsewhere() {
    let text = listing(&main_of(
        "    print(())\n    print(\"a\", (), 1)\n    await asyncio.sleep(0)\n",
    ));
    has_all(&text, &["println!(\"()\");", "println!(\"a () {}\", 1);"]);
    for (body, place) in [
        ("    t = ()\n    print(t)\n", "()"),
        ("    pairs = [(), (1,)]\n    print(pairs)\n", "()"),
    ] {
        let (construct, _, at) = refused(&main_of(&format!("{body}    await asyncio.sleep(0)\n")));
        assert_eq!(construct, "the empty tuple `()`", "{body}");
        assert_eq!(at, place, "{body}");
    }
}
