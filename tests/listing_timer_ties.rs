//! A timer callback due at the instant a task wakes from a sleep: asyncio
//! runs the callback first, Tokio wakes the sleep begun first first, so the
//! listing refuses the tie at the timer, and a timer it cannot place beside
//! the program's sleeps.

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, listing, refusal, refused};

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
    assert_eq!(construct, "a timer due when a sleep of the program ends");
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
    assert_eq!(construct, "a timer due when a sleep of the program ends");
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

#[test]
fn a_call_at_due_when_the_sleep_ends_is_refused() {
    let src = timer_program(
        "    start = loop.time()\n    loop.call_at(start + 1, tick, \"x\")\n    \
await asyncio.sleep(1)\n    print(\"main wakes\")\n",
    );
    let (construct, _, at) = refused(&src);
    assert_eq!(construct, "a timer due when a sleep of the program ends");
    assert_eq!(at, "start + 1");
}

#[test]
fn a_timer_made_after_a_sleep_counts_from_its_end() {
    let src = timer_program(
        "    await asyncio.sleep(1)\n    loop.call_later(1, tick, \"x\")\n    \
await asyncio.sleep(0.5)\n    await asyncio.sleep(0.5)\n",
    );
    assert_eq!(
        refusal(&src),
        "a timer due when a sleep of the program ends"
    );
    let apart = timer_program(
        "    await asyncio.sleep(1)\n    loop.call_later(1, tick, \"x\")\n    \
await asyncio.sleep(1.5)\n",
    );
    assert!(listing(&apart).contains("tick(\"x\");"));
}

#[test]
fn a_timer_beside_another_task_s_sleep_is_refused() {
    let src = format!(
        "{HEADER}{TICK}async def sleeper():\n    await asyncio.sleep(1)\n    print(\"wakes\")\n\n\n\
async def main():\n    loop = asyncio.get_running_loop()\n    \
task = asyncio.create_task(sleeper())\n    await asyncio.sleep(0)\n    \
loop.call_later(1, tick, \"x\")\n    await task\n    await asyncio.sleep(1)\n{RUN}"
    );
    let (construct, _, at) = refused(&src);
    assert_eq!(
        construct,
        "a timer beside a timed wait whose end the translator cannot tell"
    );
    assert_eq!(at, "1");
}

#[test]
fn a_timer_made_where_the_clock_is_unknown_is_refused() {
    let src = format!(
        "{HEADER}{TICK}async def later():\n    \
asyncio.get_running_loop().call_later(2, tick, \"x\")\n\n\n\
async def main():\n    await later()\n    await asyncio.sleep(3)\n{RUN}"
    );
    assert_eq!(
        refusal(&src),
        "a timer whose time the translator cannot tell beside the program's sleeps"
    );
}

#[test]
fn a_timer_due_at_once_beside_a_new_task_is_refused() {
    let src = format!(
        "{HEADER}{TICK}async def work():\n    print(\"work runs\")\n\n\n\
async def main():\n    loop = asyncio.get_running_loop()\n    \
loop.call_later(0, tick, \"x\")\n    task = asyncio.create_task(work())\n    \
await asyncio.sleep(1)\n    await task\n{RUN}"
    );
    let (construct, _, at) = refused(&src);
    assert_eq!(construct, "a timer due at once beside other ready work");
    assert_eq!(at, "0");
}

#[test]
fn a_timer_due_at_once_alone_is_translated() {
    let src = timer_program("    loop.call_later(0, tick, \"x\")\n    await asyncio.sleep(1)\n");
    assert!(listing(&src).contains("tick(\"x\");"));
}
