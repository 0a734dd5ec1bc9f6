//! The Python front end: any text is parsed and lowered; a program that
//! loads is rendered as both listings (the code pane and the Tokio
//! listing), a refused one as its reports. Nothing may panic or hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    match asynclings::python::load("fuzz.py", source) {
        Ok(program) => {
            std::hint::black_box(asynclings::render::python::source_listing(&program).text());
            std::hint::black_box(asynclings::render::rust::render_program(&program).text());
        }
        Err(errors) => {
            std::hint::black_box(
                asynclings::lesson::diagnostic::LessonErrors(errors).render(false),
            );
        }
    }
});
