//! Listings that must print what CPython prints where Rust's own forms
//! differ: computed floats written as Python's `repr` writes them. (Python's
//! own output is checked by `tests/rust_listings.rs` on
//! `tests/programs/numbers__computed_float_repr.py`.)

#[path = "support/listing.rs"]
mod support;

use support::{has_all, listing, main_of};

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
print(\"done\", delay)\n\n\nasync def main():\n    await work(0.5)\n    await work(2)\n\n\n\
asyncio.run(main())\n",
    );
    assert!(!text.contains("float_repr"), "{text}");
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
