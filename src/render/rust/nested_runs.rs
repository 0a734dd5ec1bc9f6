//! The `run` helper of a listing that also builds runtimes by hand (for
//! `loop.run_until_complete` or `asyncio.Runner`): a runtime built the
//! same way, rather than `#[tokio::main]` on a second function, so that
//! every event loop of the listing is made alike.

/// The line that starts each runtime the listing builds by hand.
const BUILDER: &str = "tokio::runtime::Builder::new_current_thread()";

/// `asyncio.run(...)` as a runtime built by hand.
pub(super) const RUN_BUILT: &[&str] = &[
    "/// `asyncio.run(...)`: an event loop of its own runs `f` to its end, then",
    "/// drops the tasks still running, as asyncio cancels them.",
    "fn run<F: Future>(f: F) -> F::Output {",
    "    tokio::runtime::Builder::new_current_thread()",
    "        .enable_all()",
    "        .build()",
    "        .unwrap()",
    "        .block_on(f)",
    "}",
];

/// Whether the listing's `lines` build a runtime by hand.
pub(super) fn builds_runtimes(lines: &[String]) -> bool {
    lines.iter().any(|l| l.ends_with(BUILDER))
}
