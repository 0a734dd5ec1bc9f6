//! A timer callback due at the instant the function that scheduled it wakes
//! from its own sleep: asyncio runs the callback first, Tokio wakes the
//! function's sleep first, so the listing refuses the tie at the timer.

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, listing, refused};

const TICK: &str = "def tick(label):\n    print(\"tick\", label)\n\n\n";

/// A program whose `main` schedules `tick` and then runs `body`.
fn timer_program(body: &str) -> String {
    format!("{HEADER}{TICK}async def main():\n    loop = asyncio.get_running_loop()\n{body}{RUN}")
}

#[test]
fn a_timer_due_when_the_sleep_after_it_ends_is_refused_at_its_delay() {
    let src = timer_program(
        "    loop.call_later(1, tick, \"x\")\n    await asyncio.sleep(1)\n    print(\"main wakes\")\n",
    );
    let (construct, reason, at) = refused(&src);
    assert_eq!(construct, "a timer due when the sleep after it ends");
    assert!(reason.contains("in the order they began"), "{reason}");
    assert_eq!(at, "1");
}

#[test]
fn sleeps_after_prints_add_up_to_the_tie() {
    let src = timer_program(
        "    h = loop.call_later(1.5, tick, \"x\")\n    print(\"scheduled\")\n    \
await asyncio.sleep(1)\n    print(\"half\")\n    await asyncio.sleep(0.5)\n    h.cancel()\n",
    );
    let (construct, _, at) = refused(&src);
    assert_eq!(construct, "a timer due when the sleep after it ends");
    assert_eq!(at, "1.5");
}

#[test]
fn a_timer_due_before_or_after_the_sleep_ends_is_translated() {
    for (delay, sleep) in [("1", "2"), ("2", "1"), ("0.5", "1")] {
        let src = timer_program(&format!(
            "    loop.call_later({delay}, tick, \"x\")\n    await asyncio.sleep({sleep})\n"
        ));
        let text = listing(&src);
        assert!(text.contains("tick(\"x\");"), "{text}");
    }
}
