//! A Python program's Rust listing, or the translator's refusal of it, for
//! tests that read what the Rust pane shows.
#![allow(dead_code)] // each test file uses part of it

use asynclings::render::rust::{self, translate};

/// What goes before a test program's definitions.
pub const HEADER: &str = "import asyncio\n\n\n";
/// What ends a test program: its `main` run.
pub const RUN: &str = "\n\nasyncio.run(main())\n";

/// A coroutine the tests of tasks and completions spawn: it sleeps
/// `seconds`, then returns `name`.
pub const FETCH: &str =
    "async def fetch(name, seconds):\n    await asyncio.sleep(seconds)\n    return name\n\n\n";

/// The Rust listing of `source`, which the translator must plan whole.
pub fn listing(source: &str) -> String {
    let program = asynclings::python::load("x.py", source)
        .unwrap_or_else(|e| panic!("does not load: {e:?}\n{source}"));
    let demo = translate(&program).unwrap_or_else(|e| panic!("refused: {e:?}\n{source}"));
    rust::render(&demo).text()
}

/// The refusal's construct, reason and the text it points at.
pub fn refused(source: &str) -> (String, String, String) {
    let program = asynclings::python::load("x.py", source).expect("loads");
    let e = translate(&program).expect_err("refused");
    (e.construct, e.reason, source[e.span].to_string())
}

/// The construct the translator names when it refuses `source`.
pub fn refusal(source: &str) -> String {
    refused(source).0
}

/// A program defining [`FETCH`] whose `main` runs `body` (indented by
/// four spaces).
pub fn fetch_program(body: &str) -> String {
    format!("{HEADER}{FETCH}async def main():\n{body}{RUN}")
}

/// A program whose `main` runs `body` (indented by four spaces).
pub fn main_of(body: &str) -> String {
    format!("{HEADER}async def main():\n{body}{RUN}")
}

/// Asserts that `text` holds each of `wants`, showing the text if not.
pub fn has_all(text: &str, wants: &[&str]) {
    for want in wants {
        assert!(text.contains(want), "{want}:\n{text}");
    }
}
