//! A lesson's text reaches the terminal as text: control characters and
//! bidirectional controls are shown as escapes (`\x1b`, `\u{202e}`) by
//! `show`, `check`, `list`, the UI, and `run` on a terminal, while `run`
//! into a pipe writes the demo's output byte for byte.

#[path = "support/pty.rs"]
mod pty;

use asynclings::engine::{Limits, run_headless};
use asynclings::lesson::load_file;
use asynclings::ui::app::{App, Msg, RunStatus};
use asynclings::ui::progress::Progress;
use asynclings::ui::theme::Theme;
use asynclings::ui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::io::Read;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The lesson prints red-switching ESC sequences and a right-to-left
/// override; the title would retitle the terminal window.
const LESSON: &str = r#"title = "Colours\u001b]0;pwned\u0007"
summary = "Prints \u001b[2Jterminal controls."
text = "Prose with \u001b[5mblinking and \u202egnidaer text."
demo = "colours.py"
"#;

/// Its demo, with the controls written raw in the source: in a comment
/// and in the string it prints.
const PROGRAM: &str = "import asyncio\n\n\nasync def main():\n    # \u{202e} reversed \x1b[1mbold\n    print(\"\x1b[31mred\u{202e}\")\n\n\nasyncio.run(main())\n";

/// What the demo prints, byte for byte.
const PRINTED: &str = "\x1b[31mred\u{202e}";
/// The same, as a terminal must show it.
const SHOWN: &str = "\\x1b[31mred\\u{202e}";

/// A scratch folder holding `name` with `text`.
fn lesson_file(test: &str, name: &str, text: &[u8]) -> (PathBuf, PathBuf) {
    let dir =
        std::env::temp_dir().join(format!("asynclings-terminal-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(name);
    std::fs::write(&file, text).unwrap();
    (dir, file)
}

/// A scratch folder holding the colours lesson and its demo; the path of
/// the lesson.
fn colours(test: &str) -> (PathBuf, PathBuf) {
    let (dir, file) = lesson_file(test, "colours.toml", LESSON.as_bytes());
    std::fs::write(dir.join("colours.py"), PROGRAM).unwrap();
    (dir, file)
}

struct Output {
    code: Option<i32>,
    stdout: Vec<u8>,
    stderr: String,
}

/// Runs the binary with stdout and stderr piped, killed after 10 s.
fn run(args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_asynclings"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut b = Vec::new();
        let _ = out.read_to_end(&mut b);
        b
    });
    let err = std::thread::spawn(move || {
        let mut b = Vec::new();
        let _ = err.read_to_end(&mut b);
        b
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            panic!("asynclings {args:?} still running after 10 s");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    Output {
        code: status.code(),
        stdout: out.join().unwrap(),
        stderr: String::from_utf8_lossy(&err.join().unwrap()).into_owned(),
    }
}

/// No raw control or bidi character in what reaches a terminal.
fn assert_inert(what: &str, text: &str) {
    assert!(
        !text.contains(['\x1b', '\x07', '\u{202e}']),
        "{what} holds raw controls: {text:?}"
    );
}

#[test]
fn run_into_a_pipe_is_byte_exact() {
    let (dir, file) = colours("pipe");
    let out = run(&["run", file.to_str().unwrap(), "--headless"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(out.stdout, format!("[t=0] {PRINTED}\n").into_bytes());
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn run_on_a_terminal_shows_the_escapes() {
    let (dir, file) = colours("tty");
    let mut s = pty::Session::spawn(
        dir,
        &["run", file.to_str().unwrap(), "--headless"],
        &[],
        &[],
        (80, 24),
    );
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
    // Unescaped, the terminal would have turned red and shown only `red`.
    s.wait_for(&format!("[t=0] {SHOWN}"));
}

#[test]
fn show_list_and_check_escape_even_into_a_pipe() {
    let (dir, file) = colours("show");
    let path = file.to_str().unwrap();
    for lang in ["--python", "--rust"] {
        let out = run(&["show", path, lang]);
        assert_eq!(out.code, Some(0), "{}", out.stderr);
        let listing = String::from_utf8(out.stdout).unwrap();
        assert_inert(lang, &listing);
        assert!(listing.contains("red"), "{listing}");
    }
    let out = run(&["--lessons", dir.to_str().unwrap(), "list"]);
    let list = String::from_utf8(out.stdout).unwrap();
    assert_inert("list", &list);
    assert!(list.contains("Colours\\x1b]0;pwned\\x07"), "{list}");
    assert!(list.contains("Prints \\x1b[2Jterminal controls."), "{list}");

    // Raw controls in the file itself: the report quotes the line.
    let broken = "title = \"x\x1b[2J\"\n# \u{202e} reversed\nsummary = 1\n";
    let (dir2, file) = lesson_file("check", "broken.toml", broken.as_bytes());
    let out = run(&["check", file.to_str().unwrap()]);
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert_inert("check", &out.stderr);
    assert!(
        out.stderr.contains("title = \"x\\x1b[2J\""),
        "{}",
        out.stderr
    );
    let _ = std::fs::remove_dir_all(dir);
    let _ = std::fs::remove_dir_all(dir2);
}

#[test]
fn the_ui_shows_the_escapes_as_text() {
    let (dir, file) = colours("ui");
    let lesson = load_file(&file).unwrap();
    let report = run_headless(lesson.script(), &Limits::default());
    let mut app = App::new(vec![lesson], Progress::default(), Theme::mono());
    let draw = |app: &mut App| {
        app.update(Msg::Resize(120, 40));
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
        terminal.draw(|f| view::draw(f, app)).unwrap();
        terminal.backend().to_string()
    };
    let list = draw(&mut app);
    assert!(list.contains("Colours\\x1b]0;pwned\\x07"), "{list}");
    app.open(0);
    app.lesson
        .as_mut()
        .unwrap()
        .load_events(&report.events, RunStatus::Finished(report.outcome));
    let screen = draw(&mut app);
    assert!(screen.contains(&format!("[t=0] {SHOWN}")), "{screen}");
    assert!(screen.contains("Prose with \\x1b[5mblinking"), "{screen}");
    assert!(screen.contains("\\u{202e}gnidaer"), "{screen}");
    assert_inert("the screen", &screen);
    let _ = std::fs::remove_dir_all(dir);
}
