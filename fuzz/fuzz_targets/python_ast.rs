//! Structured programs: an arbitrary tree of statements and expressions
//! from the supported subset (see `asynclings_fuzz::ast`), printed as
//! Python, loaded, rendered as the Tokio listing and run headless with
//! small limits in a network namespace of its own.
//!
//! `FUZZ_SHOW_SOURCE=1` prints each program before it runs, to see what
//! an artifact holds.
#![no_main]

use asynclings_fuzz::ast::Module;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn show_source() -> bool {
    static SHOW: OnceLock<bool> = OnceLock::new();
    *SHOW.get_or_init(|| std::env::var_os("FUZZ_SHOW_SOURCE").is_some())
}

fuzz_target!(
    init: asynclings_fuzz::init(),
    |module: Module| {
        let source = module.to_source();
        if show_source() {
            eprintln!("{source}");
        }
        if let Ok(program) = asynclings::python::load("fuzz.py", &source) {
            std::hint::black_box(asynclings::render::rust::render_program(&program).text());
            asynclings_fuzz::run(program);
        }
    }
);
