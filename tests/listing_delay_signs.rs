//! The `Duration` of a computed delay: exact, with no `as` cast to an
//! unsigned number, and no panic where asyncio sleeps no time for a
//! negative delay.

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing, main_of};

#[test]
fn a_float_delay_of_unknown_sign_sleeps_no_time_when_negative() {
    let src = main_of(
        "    for i in range(4):\n        d = 1.0 - i * 0.5\n        await asyncio.sleep(d)\n        \
print(\"step\", i)\n",
    );
    has_all(
        &listing(&src),
        &["sleep(Duration::try_from_secs_f64(d).unwrap_or_default()).await;"],
    );
}

#[test]
fn a_float_parameter_given_a_negative_number_sleeps_no_time() {
    let src = format!(
        "{HEADER}async def nap(t):\n    await asyncio.sleep(t)\n    print(\"woke\")\n\n\n\
async def main():\n    await nap(0.5)\n    await nap(-0.5)\n{RUN}"
    );
    has_all(
        &listing(&src),
        &["sleep(Duration::try_from_secs_f64(t).unwrap_or_default()).await;"],
    );
}

#[test]
fn a_non_negative_float_delay_stays_plain() {
    let src = main_of(
        "    for page in range(3):\n        await asyncio.sleep(0.25 * (page % 4 + 1))\n        \
print(\"page\", page)\n",
    );
    let text = listing(&src);
    assert!(text.contains("Duration::from_secs_f64("), "{text}");
    assert!(!text.contains("try_from_secs_f64"), "{text}");
}

#[test]
fn a_choice_of_whole_seconds_is_a_u64_without_a_cast() {
    let src = format!(
        "{HEADER}async def worker(n):\n    await asyncio.sleep(1 if n % 2 == 0 else 2)\n    \
print(\"worker\", n)\n\n\nasync def main():\n    await worker(1)\n    await worker(2)\n{RUN}"
    );
    let text = listing(&src);
    has_all(
        &text,
        &["sleep(Duration::from_secs(if n % 2 == 0 { 1 } else { 2 })).await;"],
    );
    assert!(!text.contains(" as u64"), "{text}");
}

#[test]
fn a_computed_float_delay_of_unknown_sign_never_panics() {
    let src = format!(
        "{HEADER}async def step(x, i):\n    await asyncio.sleep(x * 0.25 - i * 0.5)\n    \
print(\"step\", i)\n\n\nasync def main():\n    await step(4.0, 1)\n    await step(1.0, 3)\n{RUN}"
    );
    has_all(
        &listing(&src),
        &[
            "sleep(Duration::try_from_secs_f64(x * 0.25 - i as f64 * 0.5).unwrap_or_default()).await;",
        ],
    );
}

#[test]
fn a_difference_of_whole_seconds_halved_is_duration_arithmetic() {
    let src = format!(
        "{HEADER}async def double(n):\n    await asyncio.sleep((4 - n) / 2)\n    \
print(\"double\", n)\n\n\nasync def main():\n    for n in [1, 2, 3, 5]:\n        await double(n)\n{RUN}"
    );
    let text = listing(&src);
    has_all(
        &text,
        &["sleep(Duration::from_secs((4 - n).try_into().unwrap_or(0)) / 2).await;"],
    );
    assert!(!text.contains(" as f64"), "{text}");
}

#[test]
fn a_delay_scaled_by_a_counting_loop_variable_stays_plain() {
    let text = listing(&main_of(
        "    for i in range(3):\n        await asyncio.sleep((i + 1) / 3)\n        print(\"step\", i)\n",
    ));
    assert!(text.contains("Duration::from_secs_f64("), "{text}");
    assert!(!text.contains("try_from_secs_f64"), "{text}");
}
