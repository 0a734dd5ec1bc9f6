//! The export key in the real binary, in a pseudo-terminal: after a run,
//! `x` and a format's key save the run beside the lesson's file, the
//! status line names the file, and a second save takes a new name.

#[path = "support/pty.rs"]
mod pty;

use pty::Session;
use std::path::Path;

const GATHER: &str = r#"title = "gather"
summary = "Two sleeps that overlap."
demo = "01-gather.py"
"#;

/// The UI on a folder holding the gather lesson, at 120x30, no colour.
fn start(name: &str) -> (Session, std::path::PathBuf) {
    let dir = std::env::temp_dir().join(format!(
        "asynclings-export-pty-{name}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    let lessons = dir.join("lessons");
    std::fs::create_dir_all(&lessons).unwrap();
    std::fs::write(lessons.join("01-gather.toml"), GATHER).unwrap();
    std::fs::copy(
        "tests/reference/r02_gather.py",
        lessons.join("01-gather.py"),
    )
    .unwrap();
    let session = Session::plain(
        dir.clone(),
        &["--lessons", lessons.to_str().unwrap()],
        (120, 30),
    );
    (session, lessons)
}

/// The status line's text after `saved `: the file written.
fn saved_path(s: &Session) -> String {
    let screen = s.screen();
    let line = screen
        .lines()
        .find(|l| l.contains("saved "))
        .unwrap_or_else(|| panic!("no saved path in\n{screen}"));
    let after = line.split("saved ").nth(1).unwrap();
    after.split_whitespace().next().unwrap().to_string()
}

#[test]
fn the_export_key_saves_the_run_beside_the_lesson() {
    let (mut s, lessons) = start("key");
    s.wait_for("asynclings — 1 lesson,");
    s.press("\r");
    s.wait_for("■ ready");
    // Before a run there is nothing to save but the screen.
    s.press("xj");
    s.wait_for("not saved: run the demo to its end first");
    s.press("++++++++");
    s.press(" ");
    s.wait_for("✓ finished");
    s.wait_for("x export");

    s.press("x");
    s.wait_for("export as:");
    s.press("j");
    s.wait_for("saved ");
    let json = saved_path(&s);
    assert_eq!(Path::new(&json), lessons.join("01-gather-run.events.jsonl"));
    let text = std::fs::read_to_string(&json).unwrap();
    let mut lines = text.lines();
    let header: serde_json::Value = serde_json::from_str(lines.next().unwrap()).unwrap();
    assert_eq!(header["schema"], "asynclings-events");
    assert_eq!(header["outcome"]["status"], "finished");
    let mut events = 0;
    for l in lines {
        serde_json::from_str::<serde_json::Value>(l).expect("every line is JSON");
        events += 1;
    }
    assert_eq!(header["events"], events);
    assert!(events > 10);

    // The same again: a new name, the first file kept.
    s.press("xj");
    s.wait_for("01-gather-run-1.events.jsonl");
    assert_eq!(std::fs::read_to_string(&json).unwrap(), text);

    // The screen as SVG, and a trace.
    s.press("xs");
    s.wait_for("01-gather-run.svg");
    let svg = std::fs::read_to_string(lessons.join("01-gather-run.svg")).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    assert!(svg.contains("finished"), "{svg}");
    s.press("xt");
    s.wait_for("01-gather-run.trace.json");
    let trace: serde_json::Value =
        serde_json::from_slice(&std::fs::read(lessons.join("01-gather-run.trace.json")).unwrap())
            .unwrap();
    assert!(!trace["traceEvents"].as_array().unwrap().is_empty());

    // Any other key closes the prompt; Esc saves nothing.
    s.press("x\x1b");
    s.wait_for("x export");
    s.press("q");
    s.press("q");
    assert!(s.wait_exit().success());
    let _ = std::fs::remove_dir_all(lessons.parent().unwrap());
}
