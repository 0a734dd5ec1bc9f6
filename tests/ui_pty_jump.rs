//! Jumping to a lesson: by its number typed in the list, or named on the
//! command line (`asynclings 7`, `asynclings gather`).

#[path = "support/pty.rs"]
mod pty;

use pty::Session;

fn spawn(name: &str, args: &[&str]) -> Session {
    let dir = pty::scratch(&format!("pty-jump-{name}"));
    Session::plain(dir.clone(), args, (100, 30))
}

fn title(number: u32) -> String {
    let lessons = asynclings::lesson::Lessons::built_in();
    let l = lessons
        .find(&number.to_string())
        .expect("a built-in lesson");
    format!("{number:>2}  {}", l.title)
}

#[test]
fn a_lesson_named_on_the_command_line_opens_among_the_others() {
    for (arg, number) in [("7", 7), ("gather", 5)] {
        let mut s = spawn(arg, &[arg]);
        s.wait_for(&title(number));
        s.wait_for("■ ready");
        // The others are there: n goes to the next lesson.
        s.press("n");
        s.wait_for(&title(number + 1));
        s.wait_for("■ ready");
        s.press("q");
        s.press("q");
        assert!(s.wait_exit().success());
    }
}

#[test]
fn an_unknown_lesson_is_an_error_with_a_suggestion() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_asynclings"))
        .arg("gathr")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("did you mean `gather`?"), "{err}");
}

#[test]
fn typing_a_number_in_the_list_opens_that_lesson() {
    let mut s = spawn("digits", &[]);
    s.wait_for("1-9 number");
    // 7: no other lesson's number starts with 7: it opens at once.
    s.press("7");
    s.wait_for(&title(7));
    s.wait_for("■ ready");
    s.press("q");
    s.wait_for("1-9 number");
    // 1 may be 1 or 1x: it waits; 2 makes 12.
    s.press("1");
    s.wait_for("lesson 1▏");
    s.press("2");
    s.wait_for(&title(12));
    s.wait_for("■ ready");
    s.press("q");
    s.wait_for("1-9 number");
    // 1 then Enter: lesson 1.
    s.press("1\r");
    s.wait_for(&title(1));
    s.wait_for("■ ready");
    s.press("q");
    s.press("q");
    assert!(s.wait_exit().success());
}
