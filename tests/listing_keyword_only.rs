//! The Rust listing of keyword-only parameters (`def f(a, *, k=1)`): they
//! follow the positional ones in the Rust signature, and each call passes
//! every one in that order, the default where the call gives none; what
//! the listing refuses, at its place. (`tests/rust_listings.rs` builds and
//! runs `functions__keyword_only.py`.)

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing, refused};

#[test]
fn keyword_only_parameters_follow_the_positional_ones_in_every_call() {
    let text = listing(&format!(
        "{HEADER}def scaled(value, *, factor=2, offset=0):\n    \
return value * factor + offset\n\n\nasync def main():\n    \
await asyncio.sleep(0)\n    \
print(scaled(5), scaled(5, factor=3), scaled(5, offset=1, factor=10)){RUN}"
    ));
    has_all(
        &text,
        &[
            "fn scaled(value: i64, factor: i64, offset: i64) -> i64 {",
            "scaled(5, 2, 0),",
            "scaled(5, 3, 0),",
            "scaled(5, 10, 1)",
        ],
    );
}

#[test]
fn a_keyword_only_parameter_without_default_is_passed_where_it_stands() {
    let text = listing(&format!(
        "{HEADER}async def fetch(name, *, delay, retries=1):\n    \
await asyncio.sleep(delay)\n    return f\"{{name}} {{retries}}\"\n\n\n\
async def main():\n    print(await fetch(\"db\", retries=2, delay=0.5)){RUN}"
    ));
    has_all(
        &text,
        &[
            "async fn fetch(name: &str, delay: f64, retries: i64) -> String {",
            "fetch(\"db\", 0.5, 2).await",
        ],
    );
}

#[test]
fn a_keyword_only_parameter_given_by_position_is_refused_at_the_call() {
    let (construct, _, at) = refused(&format!(
        "{HEADER}def scaled(value, *, factor=2):\n    return value * factor\n\n\n\
async def main():\n    await asyncio.sleep(0)\n    print(scaled(5, 3)){RUN}"
    ));
    assert_eq!(construct, "`scaled` called with these arguments");
    assert_eq!(at, "scaled(5, 3)");
}

#[test]
fn a_call_without_a_required_keyword_only_parameter_is_refused() {
    let (construct, _, at) = refused(&format!(
        "{HEADER}async def fetch(name, *, delay):\n    await asyncio.sleep(delay)\n\n\n\
async def main():\n    await fetch(\"db\"){RUN}"
    ));
    assert_eq!(construct, "`fetch` called without `delay`");
    assert_eq!(at, "fetch(\"db\")");
}

#[test]
fn keyword_only_parameters_after_star_args_or_beside_kwargs_are_refused() {
    for def in [
        "def total(*numbers, start=0):\n    return sum(numbers) + start",
        "def total(first, *, start=0, **extra):\n    return first + start",
    ] {
        let (construct, _, _) = refused(&format!(
            "{HEADER}{def}\n\n\nasync def main():\n    await asyncio.sleep(0)\n    \
print(total(1, start=2)){RUN}"
        ));
        assert_eq!(
            construct,
            "the `*args`, `**kwargs` or keyword-only parameters of `total`"
        );
    }
}

#[test]
fn a_method_with_keyword_only_parameters_is_refused() {
    let (construct, _, _) = refused(&format!(
        "{HEADER}class Meter:\n    def __init__(self, *, scale=1):\n        \
self.scale = scale\n\n\nasync def main():\n    await asyncio.sleep(0)\n    \
print(Meter(scale=2).scale){RUN}"
    ));
    assert_eq!(
        construct,
        "the `*args`, `**kwargs` or keyword-only parameters of `Meter`"
    );
}

#[test]
fn a_nested_function_s_keyword_only_parameter_follows_what_it_captures_and_its_own() {
    let text = listing(&format!(
        "{HEADER}async def main():\n    base = 10\n\n    def add(x, *, extra=1):\n        \
return base + x + extra\n\n    await asyncio.sleep(0)\n    \
print(add(1), add(2, extra=5)){RUN}"
    ));
    has_all(
        &text,
        &[
            "fn add(base: i64, x: i64, extra: i64) -> i64 {",
            "println!(\"{} {}\", add(base, 1, 1), add(base, 2, 5));",
        ],
    );
}
