//! Edit and rerun: a lesson's files saved from any editor under a running
//! UI are reloaded and rerun; a broken edit shows where it is broken.

#[path = "support/pty.rs"]
mod pty;

use pty::Session;
use std::time::{Duration, Instant};

const PROGRAM: &str = "import asyncio\n\n\nasync def main():\n    print('first version')\n    await asyncio.sleep(0.1)\n\n\nasyncio.run(main())\n";

/// Waits for `text`, failing after `within`.
fn wait_within(s: &Session, text: &str, within: Duration) {
    let start = Instant::now();
    while start.elapsed() < within {
        if s.screen().contains(text) {
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("{text:?} not shown within {within:?}:\n{}", s.screen());
}

#[test]
fn a_saved_edit_reloads_and_reruns_and_a_broken_one_is_located() {
    let dir = pty::scratch("pty-edit");
    let program = dir.join("edited.py");
    std::fs::write(&program, PROGRAM).unwrap();
    let mut s = Session::plain(dir.clone(), &[program.to_str().unwrap()], (100, 30));
    s.wait_for("■ ready");
    s.press(" ");
    s.wait_for("[t=0] first version");
    s.wait_for("✓ finished");
    // Saved as an editor does: a new file renamed over the old one.
    let tmp = dir.join(".edited.py.swp");
    std::fs::write(&tmp, PROGRAM.replace("first version", "second version")).unwrap();
    std::fs::rename(&tmp, &program).unwrap();
    wait_within(&s, "[t=0] second version", Duration::from_secs(1));
    wait_within(&s, "print('second version')", Duration::from_secs(1));
    // A syntax error: located, in place of the run; the listing stays.
    std::fs::write(
        &program,
        PROGRAM.replace("print('first version')", "print('oops'"),
    )
    .unwrap();
    wait_within(&s, "invalid syntax: Expected", Duration::from_secs(1));
    assert!(
        s.screen().contains("6 │     await asyncio.sleep(0.1)"),
        "{}",
        s.screen()
    );
    assert!(
        !s.screen().contains("[t=0] second version"),
        "{}",
        s.screen()
    );
    assert!(
        s.screen().contains("print('second version')"),
        "{}",
        s.screen()
    );
    // The UI lives on: fixed, it runs again.
    std::fs::write(&program, PROGRAM.replace("first version", "third version")).unwrap();
    wait_within(&s, "[t=0] third version", Duration::from_secs(1));
    s.press("q");
    s.press("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

#[test]
fn e_opens_the_editor_at_the_line_and_takes_the_terminal_back() {
    let dir = pty::scratch("pty-editor");
    let program = dir.join("edited.py");
    std::fs::write(&program, PROGRAM).unwrap();
    // An "editor" that notes its arguments and whether it had a normal
    // terminal, then edits the file.
    let editor = dir.join("editor.sh");
    let args = dir.join("args.txt");
    std::fs::write(
        &editor,
        format!(
            "#!/bin/sh\necho \"$@\" > '{}'\nsed -i 's/first version/edited version/' \"$2\"\n",
            args.display()
        ),
    )
    .unwrap();
    std::process::Command::new("chmod")
        .args(["+x", editor.to_str().unwrap()])
        .status()
        .unwrap();
    let data = dir.join("data");
    let mut s = Session::spawn(
        dir.clone(),
        &[program.to_str().unwrap()],
        &[
            ("ASYNCLINGS_DATA_DIR", data.to_str().unwrap()),
            ("NO_COLOR", "1"),
            ("EDITOR", editor.to_str().unwrap()),
        ],
        &["VISUAL"],
        (100, 30),
    );
    s.wait_for("■ ready");
    s.press("e");
    // Back in the UI, with the edit run.
    wait_within(&s, "[t=0] edited version", Duration::from_secs(3));
    assert!(s.parser.lock().unwrap().screen().alternate_screen());
    let noted = std::fs::read_to_string(&args).unwrap();
    // Before a run, the line is main's.
    assert_eq!(noted.trim(), format!("+4 {}", program.display()));
    // Keys reach the UI again.
    s.press("?");
    s.wait_for("Keys");
    s.press("q");
    s.press("q");
    s.press("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}
