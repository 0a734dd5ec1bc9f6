//! The real binary in a pseudo-terminal: open a lesson, run, pause, step,
//! quit, and check the terminal is given back (also on SIGTERM).

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

struct Session {
    parser: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
    dir: PathBuf,
}

impl Session {
    fn start(name: &str) -> Session {
        Session::start_with(name, "")
    }

    /// Starts on the gather lesson with `extra` appended to its file.
    fn start_with(name: &str, extra: &str) -> Session {
        let dir =
            std::env::temp_dir().join(format!("asynclings-ui-pty-{name}-{}", std::process::id()));
        let lessons = dir.join("lessons");
        std::fs::create_dir_all(&lessons).unwrap();
        let lesson = std::fs::read_to_string("tests/reference/r02_gather.toml").unwrap();
        std::fs::write(lessons.join("01-gather.toml"), lesson + extra).unwrap();
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_asynclings"));
        cmd.arg("--lessons");
        cmd.arg(&lessons);
        cmd.env("ASYNCLINGS_DATA_DIR", dir.join("data"));
        cmd.env("TERM", "xterm-256color");
        cmd.env("NO_COLOR", "1");
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            NonZeroU16::new(24).unwrap(),
            NonZeroU16::new(80).unwrap(),
            0,
        )));
        let mut reader = pair.master.try_clone_reader().unwrap();
        let sink = parser.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().process(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().unwrap();
        Session {
            parser,
            writer,
            child,
            _master: pair.master,
            dir,
        }
    }

    fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(15) {
            if self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("never saw {text:?}; screen:\n{}", self.screen());
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        std::thread::sleep(Duration::from_millis(100));
    }

    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the reader take the last bytes.
                std::thread::sleep(Duration::from_millis(200));
                return status;
            }
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "the UI did not exit"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn assert_restored(&self) {
        let p = self.parser.lock().unwrap();
        let s = p.screen();
        assert!(!s.alternate_screen(), "still on the alternate screen");
        assert!(!s.hide_cursor(), "the cursor is still hidden");
        assert_eq!(s.mouse_protocol_mode(), vt100::MouseProtocolMode::None);
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

#[test]
fn open_run_pause_step_quit() {
    let mut s = Session::start("keys");
    s.wait_for("asynclings — 1 lessons");
    assert!(s.parser.lock().unwrap().screen().alternate_screen());
    s.send("\r");
    s.wait_for("Two sleeps that overlap");
    s.wait_for("■ ready");
    // Slow down so the run is still going when paused.
    s.send("---");
    s.wait_for("0.1x");
    s.send(" ");
    s.wait_for("▶ running");
    s.send(" ");
    s.wait_for("⏸ paused");
    s.send("s");
    s.wait_for("slow started");
    s.send("?");
    s.wait_for("run / pause / resume");
    s.send("q");
    s.send("q");
    s.wait_for("↑/↓ move  Enter open");
    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    s.assert_restored();
    let progress = std::fs::read_to_string(s.dir.join("data/progress.txt")).unwrap();
    assert!(progress.contains("last gather"), "{progress}");
}

const QUIZ: &str = r#"
[[quiz]]
question = "Which line is printed first?"
choices = ["quick started", "slow started"]
from_run = "first_line"
explain = "gather starts its coroutines in argument order."
"#;

#[test]
fn predict_then_run_to_the_end_marks_done() {
    let mut s = Session::start_with("done", QUIZ);
    s.wait_for("asynclings — 1 lessons");
    s.send("\r");
    s.send("+++++");
    s.wait_for("10x");
    // The first Space offers the quiz; 2 predicts and runs.
    s.send(" ");
    s.wait_for("Predict, then run — quiz 1/1");
    s.wait_for("2  slow started");
    s.send("2");
    s.wait_for("✓ finished");
    s.wait_for("[t=2] slow finished");
    s.wait_for("✓ Right: 2  slow started");
    s.wait_for("gather starts its coroutines in argument order.");
    let progress = std::fs::read_to_string(s.dir.join("data/progress.txt")).unwrap();
    assert!(progress.contains("quiz gather 0 1 right"), "{progress}");
    assert!(progress.contains("done gather"), "{progress}");
    // Enter after the last quiz closes the panel: the prose is back.
    s.send("\r");
    s.wait_for("Lesson  j/k scroll");
    s.send("q");
    s.wait_for("1 done");
    s.wait_for("gather quiz 1/1");
    s.send("q");
    s.wait_exit();
    s.assert_restored();
}

#[test]
fn sigterm_mid_demo_restores_the_terminal() {
    let mut s = Session::start("sigterm");
    s.wait_for("asynclings — 1 lessons");
    s.send("\r");
    s.send("---");
    s.send(" ");
    s.wait_for("▶ running");
    let pid = s.child.process_id().expect("a pid");
    let status = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    s.wait_exit();
    s.assert_restored();
}

#[test]
fn ctrl_c_quits_and_restores() {
    let mut s = Session::start("ctrlc");
    s.wait_for("asynclings — 1 lessons");
    s.send("\r");
    s.send(" ");
    s.wait_for("▶ running");
    s.send("\x03");
    s.wait_exit();
    s.assert_restored();
}
