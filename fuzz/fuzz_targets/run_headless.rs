//! A headless run of any text that loads, with small limits, in a network
//! namespace of its own: every run must end (finished, raised, or a named
//! limit), never panic, hang or exhaust memory.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(
    init: asynclings_fuzz::init(),
    |data: &[u8]| {
        if let Ok(source) = std::str::from_utf8(data) {
            asynclings_fuzz::load_and_run(source);
        }
    }
);
