//! The lesson loader: any text as a lesson file (TOML). Its demo, whatever
//! it names, is a small fixed program, so a lesson that loads goes on to
//! the quiz checks (which run the demo) and the Rust listing; one that is
//! refused is rendered as its reports, with and without colour.
#![no_main]

use libfuzzer_sys::fuzz_target;

const DEMO: &str = "import asyncio\n\n\
async def main():\n    print(\"start\")\n    await asyncio.sleep(1.5)\n    print(\"done\")\n\n\
asyncio.run(main())\n";

fuzz_target!(
    init: asynclings_fuzz::init(),
    |data: &[u8]| {
        let Ok(text) = std::str::from_utf8(data) else {
            return;
        };
        let read = |name: &str| {
            if name.ends_with(".py") {
                Ok(DEMO.to_string())
            } else if name.ends_with(".rs") {
                Ok("fn main() {}\n".to_string())
            } else {
                Err(format!("{name}: no such file"))
            }
        };
        match asynclings::lesson::parse_with("lessons/05-fuzz.toml", text, &read) {
            Ok(lesson) => {
                let (problems, warnings) = asynclings::lesson::quiz::check_quizzes(&lesson);
                std::hint::black_box(asynclings::lesson::diagnostic::LessonErrors(problems).render(false));
                std::hint::black_box(warnings);
                std::hint::black_box(lesson.rust_listing().text());
            }
            Err(errors) => {
                std::hint::black_box(errors.render(false));
                std::hint::black_box(errors.render(true));
            }
        }
    }
);
