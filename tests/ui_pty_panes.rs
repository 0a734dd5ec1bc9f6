//! The real binary in a pseudo-terminal: the prose and code panes scroll to
//! their ends, and the status line says only what holds.

#[path = "support/pty.rs"]
mod pty;

use pty::Session;

/// A folder of two lessons: the gather demo with a long prose and two
/// quizzes, and the wait_for demo of lesson 7.
fn start(name: &str, size: (u16, u16)) -> Session {
    let dir = std::env::temp_dir().join(format!(
        "asynclings-pty-panes-{name}-{}",
        std::process::id()
    ));
    let lessons = dir.join("lessons");
    std::fs::create_dir_all(&lessons).unwrap();
    let mut text = String::new();
    for i in 1..=30 {
        text.push_str(&format!(
            "Paragraph {i} says a good deal about coroutines and tasks, at some length, so that it wraps.\n\n"
        ));
    }
    text.push_str("THE LAST LINE OF THE PROSE.\n");
    let gather = format!(
        r#"title = "gather"
summary = "Two sleeps that overlap."
demo = "01-gather.py"
text = '''
{text}'''

[[quiz]]
question = "Which line is printed first?"
choices = ["quick started", "slow started"]
from_run = "first_line"

[[quiz]]
question = "Which line is printed last?"
choices = ["slow finished", "['slow-result', 'quick-result']"]
from_run = "last_line"
"#
    );
    std::fs::write(lessons.join("01-gather.toml"), gather).unwrap();
    std::fs::copy(
        "tests/reference/r02_gather.py",
        lessons.join("01-gather.py"),
    )
    .unwrap();
    std::fs::write(
        lessons.join("02-wait.toml"),
        "title = \"wait_for\"\nsummary = \"A deadline.\"\ndemo = \"02-wait.py\"\n",
    )
    .unwrap();
    std::fs::copy("lessons/07-wait-for.py", lessons.join("02-wait.py")).unwrap();
    Session::plain(dir.clone(), &["--lessons", lessons.to_str().unwrap()], size)
}

#[test]
fn the_prose_scrolls_to_its_last_line_at_every_size() {
    for size in [(80, 24), (120, 40), (200, 60)] {
        let mut s = start(&format!("prose{}", size.0), size);
        s.wait_for("asynclings — 2 lessons");
        s.press("\r");
        s.wait_for("Paragraph 1 says");
        assert!(!s.screen().contains("THE LAST LINE OF THE PROSE."));
        s.send(&"j".repeat(300));
        s.wait_for("THE LAST LINE OF THE PROSE.");
        s.press("q");
        s.press("q");
        assert!(s.wait_exit().success());
    }
}

#[test]
fn the_code_pane_shows_main_and_scrolls() {
    let mut s = start("code", (120, 40));
    s.wait_for("asynclings — 2 lessons");
    s.press("j\r");
    // Before a run: main, with the call the quiz would ask about.
    s.wait_for("wait_for(query(\"orders\", 5),");
    s.send(&"K".repeat(40));
    s.wait_for(" 1 import asyncio");
    s.send(&"J".repeat(40));
    s.wait_for("31 asyncio.run(main())");
    // The wheel over the code pane scrolls it too (SGR mouse report).
    s.send(&"\x1b[<64;90;10M".repeat(40));
    s.wait_for(" 1 import asyncio");
    s.press("q");
    s.press("q");
    assert!(s.wait_exit().success());
}

#[test]
fn the_status_line_says_only_what_holds() {
    let mut s = start("status", (120, 40));
    s.wait_for("asynclings — 2 lessons");
    s.press("\r");
    s.press("+++++");
    s.wait_for("10x");
    s.press(" ");
    s.wait_for("Predict, then run — quiz 1/2");
    s.press("b ");
    s.wait_for("✓ Right: b  slow started");
    s.wait_for("Enter next question");
    // A new run drops the verdict.
    s.press("r");
    s.wait_for("▶ running");
    assert!(!s.screen().contains("✓ Right"), "{}", s.screen());
    s.wait_for("✓ finished");
    // The last question: the bar and the panel both say Enter closes.
    s.press("Q");
    s.wait_for("quiz 2/2");
    s.press("a ");
    s.wait_for("Quiz 2/2 — ✗");
    // The rest of the frame reaches the terminal.
    std::thread::sleep(std::time::Duration::from_millis(200));
    let screen = s.screen();
    let status = screen.lines().last().unwrap_or_default().to_string();
    assert!(status.contains("Enter close"), "{screen}");
    assert!(!status.contains("Enter next question"), "{status}");
    // A paused run: resume, and scrubbing works.
    s.press("\r");
    s.press("-------");
    s.wait_for("0.25x");
    s.press(" ");
    s.wait_for("▶ running");
    std::thread::sleep(std::time::Duration::from_millis(600));
    s.press(" ");
    s.wait_for("⏸ paused");
    std::thread::sleep(std::time::Duration::from_millis(200));
    let status = s.screen().lines().last().unwrap_or_default().to_string();
    assert!(status.contains("Space resume"), "{status}");
    assert!(status.contains("←/→ scrub"), "{status}");
    s.press("\x1b[D");
    s.wait_for("(scrub)");
    s.press("q");
    s.press("q");
    assert!(s.wait_exit().success());
}

#[test]
fn one_program_has_no_lesson_number_or_next() {
    let dir = pty::scratch("pty-panes-one");
    let program = dir.join("gather.py");
    std::fs::copy("tests/reference/r02_gather.py", &program).unwrap();
    let mut s = Session::plain(dir.clone(), &[program.to_str().unwrap()], (120, 40));
    s.wait_for("■ ready");
    s.press("+++++");
    s.press(" ");
    s.wait_for("✓ finished");
    std::thread::sleep(std::time::Duration::from_millis(200));
    let status = s.screen().lines().last().unwrap_or_default().to_string();
    assert!(!status.contains("lesson 1/1"), "{status}");
    assert!(!status.contains("n next"), "{status}");
    assert!(!status.contains("n/p"), "{status}");
    s.press("q");
    s.press("q");
    assert!(s.wait_exit().success());
}

#[test]
fn a_question_is_asked_before_the_answer_shows_and_can_be_retaken() {
    let mut s = start("honest", (120, 40));
    s.wait_for("asynclings — 2 lessons");
    s.press("\r");
    s.press("+++++");
    s.wait_for("10x");
    s.press(" ");
    s.wait_for("Predict, then run — quiz 1/2");
    // Digits pick nothing (they may be answers); letters do, and the run
    // waits for its own key.
    s.press("2");
    assert!(!s.screen().contains("Your prediction"), "{}", s.screen());
    s.press("b");
    s.wait_for("Your prediction: b. Space runs the demo.");
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(s.screen().contains("■ ready"), "{}", s.screen());
    s.press(" ");
    s.wait_for("✓ Right: b  slow started");
    s.wait_for("[t=2] slow finished");
    // The next question starts on a clean screen: the output is gone.
    s.press("\r");
    s.wait_for("Predict, then run — quiz 2/2");
    s.wait_for("(nothing printed yet");
    assert!(
        !s.screen().contains("[t=2] slow finished"),
        "{}",
        s.screen()
    );
    s.press("b ");
    s.wait_for("Quiz 2/2 — ✓ right");
    s.press("\r");
    s.wait_for("quiz 2/2");
    // Retake: Q asks the first question again, and the score is saved.
    s.press("Q");
    s.wait_for("Predict, then run — quiz 1/2");
    s.press("a ");
    s.wait_for("Quiz 1/2 — ✗ not this time");
    let progress = std::fs::read_to_string(s.dir.join("data/progress.txt")).unwrap();
    assert!(progress.contains("quiz gather 0 0 wrong"), "{progress}");
    assert!(progress.contains("quiz gather 1 1 right"), "{progress}");
    s.press("q");
    s.press("q");
    assert!(s.wait_exit().success());
}

#[test]
fn presenting_zooms_the_panes_and_the_clicker_keys_still_work() {
    let mut s = start("present", (120, 40));
    s.wait_for("asynclings — 2 lessons");
    s.press("\r");
    s.wait_for("■ ready");
    s.press("F");
    s.wait_for("Timeline —");
    std::thread::sleep(std::time::Duration::from_millis(200));
    let screen = s.screen();
    assert!(!screen.contains("Python (asyncio)"), "{screen}");
    assert!(!screen.contains("Lesson  j/k"), "{screen}");
    // No key chatter in the status line.
    let status = screen.lines().last().unwrap_or_default().to_string();
    assert!(!status.contains("? help"), "{status}");
    s.press("F");
    s.wait_for("Python (asyncio)");
    assert!(s.screen().contains("Timeline —"), "{}", s.screen());
    s.press("F");
    s.wait_for("Paragraph 1 says");
    std::thread::sleep(std::time::Duration::from_millis(200));
    assert!(!s.screen().contains("Timeline —"), "{}", s.screen());
    // Back to the timeline alone (F after the prose: the whole screen,
    // then the timeline); the clicker's PgDn goes to the next lesson,
    // still presented.
    s.press("FF");
    s.press("\x1b[6~");
    s.wait_for("wait_for  — A deadline.");
    std::thread::sleep(std::time::Duration::from_millis(200));
    assert!(!s.screen().contains("Python (asyncio)"), "{}", s.screen());
    s.press("\x1b[5~");
    s.wait_for("gather  — Two sleeps");
    // F cycles back to the whole screen.
    s.press("FFF");
    s.wait_for("Lesson  j/k scroll");
    s.wait_for("? help");
    s.press("q");
    s.press("q");
    assert!(s.wait_exit().success());
}

#[test]
fn a_focused_pane_pages_and_the_output_scrolls_back() {
    let mut s = start("focus", (120, 40));
    s.wait_for("asynclings — 2 lessons");
    s.press("\r");
    s.wait_for("Paragraph 1 says");
    // Focus the prose: PgDn pages it instead of changing lesson.
    s.press("w");
    s.press("\x1b[6~");
    std::thread::sleep(std::time::Duration::from_millis(200));
    let screen = s.screen();
    assert!(screen.contains("gather"), "{screen}");
    assert!(!screen.contains("Paragraph 1 says"), "{screen}");
    // Run, then scroll the output back with the wheel over it.
    s.press("+++++");
    s.press(" \x1b");
    s.press(" ");
    s.wait_for("✓ finished");
    s.wait_for("[t=2] ['slow-result', 'quick-result']");
    s.send("\x1b[<64;10;30M");
    s.wait_for("Output — 1 lines back");
    std::thread::sleep(std::time::Duration::from_millis(200));
    assert!(!s.screen().contains("['slow-result'"), "{}", s.screen());
    s.send("\x1b[<65;10;30M");
    s.wait_for("[t=2] ['slow-result', 'quick-result']");
    s.press("q");
    s.press("q");
    assert!(s.wait_exit().success());
}
