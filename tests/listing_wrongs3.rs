//! Listings that must print what CPython prints where Rust's own forms
//! differ: computed floats written as Python's `repr` writes them. (Python's
//! own output is checked by `tests/rust_listings.rs` on
//! `tests/programs/numbers__computed_float_repr.py`.)

#[path = "support/listing.rs"]
mod support;

use support::{has_all, listing, main_of, refused};

#[test]
fn a_float_that_can_grow_past_1e16_prints_through_float_repr() {
    let text = listing(&main_of(
        "    x = 10.0\n    for i in range(5):\n        x = x * 1000.0\n    \
print(x, str(x), f\"{x:>8}\", [x, 1.5])\n",
    ));
    has_all(
        &text,
        &[
            "float_repr(x),",
            "float_repr(x),\n",
            "\"{} {} {:>8} {}\"",
            "float_list(&[x, 1.5])",
            "fn float_repr(x: f64) -> String {",
            "    if x.is_nan() {",
            "        return \"nan\".to_string();",
            "            Some(exp) => format!(\"{digits}e-{exp:0>2}\"),",
            "            None => format!(\"{digits}e+{exp:0>2}\"),",
        ],
    );
}

#[test]
fn a_float_of_few_known_ordinary_values_keeps_the_plain_form() {
    let text = listing(&main_of(
        "    total = 0.1 + 0.2\n    for step in [0.25, 2.5]:\n        \
print(step * 4, total, round(step, 1))\n",
    ));
    has_all(
        &text,
        &["\"{:?} {total:?} {:?}\",\n            step * 4.0,"],
    );
    assert!(!text.contains("float_repr"), "{text}");
}

#[test]
fn a_loop_variable_that_takes_a_tiny_value_prints_through_float_repr() {
    let text = listing(&main_of(
        "    for step in [0.25, 1e-05]:\n        print(step)\n",
    ));
    has_all(&text, &["println!(\"{}\", float_repr(step));"]);
}

#[test]
fn a_parameter_every_call_gives_an_ordinary_float_keeps_the_plain_form() {
    let text = listing(
        "import asyncio\n\n\nasync def work(delay):\n    await asyncio.sleep(delay)\n    \
print(\"done\", delay)\n\n\nasync def main():\n    await work(0.5)\n    await work(2.25)\n\n\n\
asyncio.run(main())\n",
    );
    assert!(!text.contains("float_repr"), "{text}");
    // Given an int too, it is a `Number`, whose floats are not followed:
    // they print through `float_repr`.
    let text = listing(
        "import asyncio\n\n\nasync def work(delay):\n    await asyncio.sleep(delay)\n    \
print(\"done\", delay)\n\n\nasync def main():\n    await work(0.5)\n    await work(2)\n\n\n\
asyncio.run(main())\n",
    );
    has_all(
        &text,
        &["            Number::Float(v) => write!(f, \"{}\", float_repr(*v)),"],
    );
}

#[test]
fn the_clock_read_between_timers_of_whole_steps_keeps_the_plain_form() {
    let text = listing(&main_of(
        "    loop = asyncio.get_running_loop()\n    start = loop.time()\n    \
await asyncio.sleep(0.25)\n    print(loop.time() - start)\n",
    ));
    assert!(!text.contains("float_repr"), "{text}");
    let text = listing(&main_of(
        "    loop = asyncio.get_running_loop()\n    start = loop.time()\n    \
await asyncio.sleep(0.00001)\n    print(loop.time() - start)\n",
    ));
    has_all(
        &text,
        &["float_repr(START.elapsed().as_secs_f64() - start)"],
    );
}

#[test]
fn max_and_min_of_floats_that_may_be_nan_keep_the_first_as_python_does() {
    let text = listing(&main_of(
        "    nan = float(\"nan\")\n    one = 1.0\n    print(max(nan, one), min(one, 2.5, nan))\n",
    ));
    has_all(
        &text,
        &[
            "float_repr(py_max(nan, one))",
            "py_min(py_min(one, 2.5), nan)",
            "fn py_max(kept: f64, x: f64) -> f64 {",
            "    if x > kept { x } else { kept }",
            "fn py_min(kept: f64, x: f64) -> f64 {",
            "    if x < kept { x } else { kept }",
        ],
    );
}

#[test]
fn max_of_floats_that_may_be_negative_zero_keeps_the_first_as_python_does() {
    let text = listing(&main_of(
        "    z = -0.0\n    print(max(z, 0.0), min(0.0, z))\n",
    ));
    has_all(&text, &["py_max(z, 0.0)", "py_min(0.0, z)"]);
}

#[test]
fn max_of_known_ordinary_floats_and_clock_sums_stays_f64_max() {
    let text = listing(&main_of(
        "    loop = asyncio.get_running_loop()\n    start = loop.time()\n    \
await asyncio.sleep(0.5)\n    left = max(start + 2 - loop.time(), 0.0)\n    \
await asyncio.sleep(left)\n    print(max(1.5, 2.5))\n",
    ));
    has_all(
        &text,
        &[
            "(start + 2.0 - START.elapsed().as_secs_f64()).max(0.0)",
            "1.5_f64.max(2.5)",
        ],
    );
    assert!(!text.contains("py_max"), "{text}");
}

#[test]
fn an_integer_not_known_to_be_small_compares_with_a_float_exactly() {
    let text = listing(&main_of(
        "    n = int(\"9007199254740993\")\n    x = 2.0 ** 53\n    print(n == x, x < n, n <= x)\n",
    ));
    has_all(
        &text,
        &[
            "if cmp_int_float(n, x).is_some_and(|o| o.is_eq()) {",
            "if cmp_int_float(n, x).is_some_and(|o| o.is_gt()) {",
            "if cmp_int_float(n, x).is_some_and(|o| o.is_le()) {",
            "fn cmp_int_float(n: i64, x: f64) -> Option<std::cmp::Ordering> {",
            "    let order = n.cmp(&(whole as i64)).then(if part > 0.0 {",
        ],
    );
}

#[test]
fn a_small_known_integer_compares_with_a_float_as_f64() {
    let text = listing(&main_of(
        "    for k in range(3):\n        print(k < 1.5, len(\"ab\") > 0.5)\n",
    ));
    has_all(&text, &["(k as f64) < 1.5"]);
    assert!(!text.contains("cmp_int_float"), "{text}");
}

#[test]
fn a_function_never_called_is_left_out() {
    let text = listing(
        "import asyncio\n\n\ndef spare(a, b):\n    return a + b\n\n\n\
async def idle(seconds):\n    await asyncio.sleep(seconds)\n\n\n\
def used(x):\n    return x * 2\n\n\nasync def main():\n    print(used(21))\n\n\n\
asyncio.run(main())\n",
    );
    has_all(&text, &["fn used(x: i64) -> i64 {"]);
    assert!(!text.contains("spare") && !text.contains("idle"), "{text}");
}

#[test]
fn a_literal_list_holding_a_made_string_makes_the_parameter_owned() {
    let text = listing(&main_of_with(
        "def show(words):\n    print(words)\n\n\n",
        "    show([\"a\"])\n    name = \"c\"\n    show([name, \"d\"])\n    print(name)\n",
    ));
    has_all(
        &text,
        &[
            "fn show(words: Vec<String>) {",
            "show(vec![\"a\".to_string()]);",
            "\"d\".to_string()]);",
        ],
    );
}

#[test]
fn an_item_of_an_empty_dict_literal_is_refused_at_the_read() {
    let (construct, reason, at) = refused(&main_of("    print({}[\"k\"])\n"));
    assert_eq!(construct, "a read of a dict that never holds a value");
    assert!(reason.contains("KeyError"), "{reason}");
    assert_eq!(at, "{}[\"k\"]");
}

/// A program defining `defs` whose `main` runs `body`.
fn main_of_with(defs: &str, body: &str) -> String {
    format!("import asyncio\n\n\n{defs}async def main():\n{body}\n\nasyncio.run(main())\n")
}

#[test]
fn a_float_literal_times_a_known_count_is_that_many_durations() {
    let text = listing(&main_of(
        "    for i in range(3):\n        await asyncio.sleep(0.1 * i)\n",
    ));
    has_all(
        &text,
        &["sleep(Duration::from_millis(100) * u32::try_from(i).unwrap()).await;"],
    );
}

#[test]
fn an_integer_delay_of_unknown_sign_waits_no_time_when_negative() {
    let text = listing(
        "import asyncio\n\n\nclass Job:\n    def __init__(self, seconds):\n        \
self.seconds = seconds\n\n    async def run(self):\n        await asyncio.sleep(self.seconds)\n\n\n\
async def main():\n    await Job(-1).run()\n    await Job(2).run()\n\n\nasyncio.run(main())\n",
    );
    has_all(&text, &["u64::try_from(self.seconds).unwrap_or(0)"]);
    assert!(!text.contains(" as u64"), "{text}");
}

#[test]
fn time_sleep_of_a_negative_length_in_a_job_is_refused_at_the_sleep() {
    let (construct, reason, at) = refused(
        "import asyncio\nimport time\n\n\ndef block(seconds):\n    time.sleep(seconds)\n    \
return seconds\n\n\nasync def main():\n    print(await asyncio.to_thread(block, -1))\n\n\n\
asyncio.run(main())\n",
    );
    assert_eq!(construct, "`time.sleep` of a negative length");
    assert!(
        reason.contains("ValueError: sleep length must be non-negative"),
        "{reason}"
    );
    assert_eq!(at, "time.sleep(seconds)");
}

#[test]
fn time_sleep_of_a_non_negative_length_in_a_job_still_translates() {
    let text = listing(
        "import asyncio\nimport time\n\n\ndef block(seconds):\n    time.sleep(seconds)\n    \
return seconds\n\n\nasync def main():\n    print(await asyncio.to_thread(block, 1))\n\n\n\
asyncio.run(main())\n",
    );
    has_all(&text, &["async fn block(seconds: i64) -> i64 {"]);
}
