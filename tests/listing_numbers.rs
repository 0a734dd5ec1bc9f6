//! A dict whose values are integers beside floats: its values are the
//! listing's `Number` enum, printed as Python prints each one, passed to
//! the program's coroutines and slept for; arithmetic on one, whose type
//! Python picks as it runs, is refused at its place.
//! (`tests/rust_listings.rs` builds and runs
//! `values__dict_of_ints_and_floats.py` and `as_completed__distinct_times.py`.)

#[path = "support/listing.rs"]
mod support;

use asynclings::render::rust;
use support::{HEADER, RUN, has_all, main_of};

/// What the Rust pane shows for `source`: its listing, or its refusal.
fn shown(source: &str) -> String {
    let program = asynclings::python::load("x.py", source).expect("loads");
    rust::render_program(&program).text()
}

/// A program whose `nap(seconds)` sleeps `seconds`, then runs `tail`
/// (indented by four spaces), and whose `main` runs `body`.
fn nap_program(tail: &str, body: &str) -> String {
    format!(
        "{HEADER}async def nap(seconds):\n    await asyncio.sleep(seconds)\n{tail}\n\n\
async def main():\n    waits = {{\"a\": 3, \"b\": 2.5}}\n{body}{RUN}"
    )
}

#[test]
fn a_dict_of_integers_and_floats_holds_numbers() {
    let text = shown(&main_of(
        "    d = {\"a\": 3, \"b\": 2.5}\n    print(d, d[\"a\"], d[\"b\"])\n",
    ));
    has_all(
        &text,
        &[
            "    let d = IndexMap::from([\n        (\"a\".to_string(), Number::Int(3)),\n        \
(\"b\".to_string(), Number::Float(2.5)),\n    ]);",
            "println!(\"{} {} {}\", d.repr(), d[\"a\"], d[\"b\"]);",
            "enum Number {\n    Int(i64),\n    Float(f64),\n}",
            "            Number::Int(v) => write!(f, \"{v}\"),\n            Number::Float(v) => write!(f, \"{}\", float_repr(*v)),",
            "fn float_repr(x: f64) -> String {",
            "impl Repr for Number {",
        ],
    );
    assert!(!text.contains("fn to_f64"), "{text}");
}

#[test]
fn a_number_is_passed_to_a_coroutine_that_sleeps_for_it_and_returns_it() {
    let text = shown(&nap_program(
        "    print(\"slept\", seconds)\n    return seconds",
        "    for k in waits:\n        got = await nap(waits[k])\n        print(got)\n    \
await nap(1)\n    await nap(0.5)\n",
    ));
    has_all(
        &text,
        &[
            "async fn nap(seconds: Number) -> Number {",
            "    sleep(Duration::from_secs_f64(seconds.to_f64())).await;",
            "    println!(\"slept {seconds}\");",
            "let got = nap(waits[k]).await;",
            "    nap(Number::Int(1)).await;\n    nap(Number::Float(0.5)).await;",
            "    fn to_f64(self) -> f64 {\n        match self {\n            Number::Int(v) => v as f64,",
        ],
    );
}

#[test]
fn arithmetic_on_a_number_is_refused_at_its_place() {
    let text = shown(&nap_program(
        "    return seconds / 2",
        "    await nap(waits[\"a\"])\n",
    ));
    has_all(
        &text,
        &[
            "// x.py:6:12: a number that is an integer or a float, used here",
            "an operation on one takes a `match` on its type",
        ],
    );
}

#[test]
fn a_number_compared_negated_or_formatted_is_refused() {
    for (body, at) in [
        ("    if waits[\"a\"] > 1:\n        print(1)\n", "x.py:10:8"),
        ("    print(-waits[\"a\"])\n", "x.py:10:12"),
        ("    print(f\"{waits['b']:.1f}\")\n", "x.py:10:14"),
        ("    print(sum(waits.values()))\n", "x.py:10:15"),
        ("    print(waits.get(\"c\", 0))\n", "x.py:10:11"),
    ] {
        let text = shown(&nap_program("    pass", body));
        has_all(
            &text,
            &[&format!(
                "// {at}: a number that is an integer or a float, used here"
            )],
        );
    }
}

#[test]
fn a_printed_list_of_integers_and_floats_holds_numbers() {
    let text = shown(&main_of(
        "    xs = [1, 2.5, 3]\n    print(xs)\n    for d in [0.5, 1]:\n        await asyncio.sleep(d)\n        \
print(f\"slept {d}\")\n",
    ));
    has_all(
        &text,
        &[
            "    let xs = vec![Number::Int(1), Number::Float(2.5), Number::Int(3)];\n    \
println!(\"{}\", xs.repr());",
            "    for d in [Number::Float(0.5), Number::Int(1)] {\n        \
sleep(Duration::from_secs_f64(d.to_f64())).await;\n        println!(\"slept {d}\");",
        ],
    );
}

#[test]
fn a_summed_printed_list_of_numbers_is_refused_at_the_sum() {
    let text = shown(&main_of("    xs = [1, 2.5]\n    print(xs, sum(xs))\n"));
    has_all(
        &text,
        &["// x.py:6:19: a number that is an integer or a float, used here"],
    );
}

/// asyncio's timeout wins the tie: the listing polls the deadline first.
#[test]
fn a_wait_for_whose_timeout_ties_the_work_polls_the_deadline_first() {
    let text = shown(&format!(
        "{HEADER}async def work(seconds):\n    await asyncio.sleep(seconds)\n    return seconds\n\n\n\
async def main():\n    for s in [0.5, 1.0]:\n        try:\n            \
v = await asyncio.wait_for(work(s), timeout=1)\n            print(v)\n        \
except TimeoutError:\n            print(\"timeout\")\n{RUN}"
    ));
    has_all(
        &text,
        &[
            "        // At a tie asyncio's deadline fires first: it is polled first.\n        match timeout_first(Duration::from_secs(1), work(s)).await {\n",
            "        biased;\n        () = tokio::time::sleep(limit) => Err(()),\n        output = work => Ok(output),\n",
        ],
    );
}

#[test]
fn a_printed_parameter_given_an_integer_and_a_float_is_a_number() {
    let text = shown(&format!(
        "{HEADER}async def work(seconds):\n    await asyncio.sleep(seconds)\n    \
print(f\"slept {{seconds}}\")\n\n\nasync def main():\n    await work(2)\n    await work(0.5)\n{RUN}"
    ));
    has_all(
        &text,
        &[
            "async fn work(seconds: Number) {",
            "    sleep(Duration::from_secs_f64(seconds.to_f64())).await;\n    println!(\"slept {seconds}\");",
            "    work(Number::Int(2)).await;\n    work(Number::Float(0.5)).await;",
        ],
    );
}

#[test]
fn an_integer_passed_to_a_parameter_computed_with_is_still_refused() {
    let text = shown(&format!(
        "{HEADER}async def work(seconds):\n    print(seconds)\n    return seconds + 0.5\n\n\n\
async def main():\n    await work(2)\n    await work(0.5)\n{RUN}"
    ));
    has_all(&text, &["// x.py:10:16: an integer passed to `work`"]);
}

#[test]
fn a_class_named_number_is_refused_only_beside_numbers_kept_apart() {
    let class = "class Number:\n    def __init__(self, v):\n        self.v = v\n\n\n";
    let text = shown(&format!(
        "{HEADER}{class}async def main():\n    d = {{\"a\": 1, \"b\": 2.5}}\n    \
n = Number(3)\n    print(d, n.v)\n{RUN}"
    ));
    has_all(
        &text,
        &["// x.py:4:1: a class named `Number` beside integers and floats kept apart"],
    );
    let text = shown(&format!(
        "{HEADER}{class}async def main():\n    d = {{\"a\": 1, \"b\": 2}}\n    \
n = Number(3)\n    print(d, n.v)\n{RUN}"
    ));
    assert!(!text.contains("cannot translate"), "{text}");
    assert!(!text.contains("enum Number"), "{text}");
}

/// `+`, `-` and `*` of a `Number` and an integer are `Number`'s operator
/// impls, which give an integer of two integers and a float otherwise.
#[test]
fn a_number_times_an_integer_is_a_number() {
    let text = shown(&nap_program(
        "    return seconds * 2 - seconds",
        "    print(await nap(waits[\"a\"]))\n",
    ));
    has_all(
        &text,
        &[
            "async fn nap(seconds: Number) -> Number {",
            "    seconds * Number::Int(2) - seconds\n",
            "impl std::ops::Mul for Number {\n    type Output = Number;\n\n    fn mul(self, b: Number) -> Number {\n        match (self, b) {\n            (Number::Int(a), Number::Int(b)) => Number::Int(a * b),\n            (a, b) => Number::Float(a.to_f64() * b.to_f64()),",
            "impl std::ops::Sub for Number {",
            "    fn to_f64(self) -> f64 {",
        ],
    );
    assert!(!text.contains("impl std::ops::Add"), "{text}");
}

/// A parameter given an integer in one call and a float in another, which
/// the function multiplies by an integer and returns where the caller
/// keeps the value, is a `Number`: Python returns `1` for `1`.
#[test]
fn a_returned_parameter_multiplied_by_an_integer_is_a_number() {
    let text = shown(&format!(
        "{HEADER}async def scaled(name, seconds, scale):\n    await asyncio.sleep(seconds)\n    \
return name, seconds * scale\n\n\nasync def main():\n    print(await scaled(\"a\", 1, 2))\n    \
print(await scaled(\"b\", 0.5, 3))\n{RUN}"
    ));
    has_all(
        &text,
        &[
            "async fn scaled(name: &str, seconds: Number, scale: i64) -> (String, Number) {",
            "    (name.to_string(), seconds * Number::Int(scale))",
            "scaled(\"a\", Number::Int(1), 2).await",
            "scaled(\"b\", Number::Float(0.5), 3).await",
        ],
    );
}

/// Negated, a `Number` is refused: the integer passed to the returned
/// parameter is refused too, as an `f64` would return `-1.0`.
#[test]
fn a_returned_negated_parameter_is_still_refused() {
    let text = shown(&format!(
        "{HEADER}async def later(seconds):\n    await asyncio.sleep(seconds)\n    \
return -seconds\n\n\nasync def main():\n    print(await later(1))\n    \
print(await later(0.5))\n{RUN}"
    ));
    has_all(
        &text,
        &[
            "// x.py:10:23: an integer passed to `later`",
            "function returns it: `1.0` where Python has `1`",
        ],
    );
}
