//! The real `asynclings` binary in a pseudo-terminal, its screen kept by a
//! vt100 parser, for tests that drive the UI as a person would.
#![allow(dead_code)] // each test file uses part of it

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// A new scratch folder for a test, `asynclings-{tag}-{pid}` under the
/// system's temporary folder; a [`Session`] given it removes it.
pub fn scratch(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("asynclings-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

pub struct Session {
    pub parser: Arc<Mutex<vt100::Parser>>,
    /// `None` once [`Session::hang_up`] closed the terminal.
    writer: Option<Box<dyn Write + Send>>,
    pub child: Box<dyn Child + Send + Sync>,
    master: Option<Box<dyn MasterPty + Send>>,
    /// The thread feeding `parser`; it holds a handle of the master side.
    reader: Option<JoinHandle<()>>,
    /// Tells the reader to let go of its handle after its next read.
    release: Arc<AtomicBool>,
    size: PtySize,
    /// A scratch folder of the test's, removed when the session ends.
    pub dir: PathBuf,
}

impl Session {
    /// Starts the binary with `args` in a `cols`x`rows` terminal, with the
    /// variables of `env` set and those of `unset` removed.
    pub fn spawn(
        dir: PathBuf,
        args: &[&str],
        env: &[(&str, &str)],
        unset: &[&str],
        (cols, rows): (u16, u16),
    ) -> Session {
        let size = PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        };
        let pair = native_pty_system().openpty(size).unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_asynclings"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        for (key, value) in env {
            cmd.env(key, value);
        }
        for key in unset {
            cmd.env_remove(key);
        }
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            NonZeroU16::new(rows).unwrap(),
            NonZeroU16::new(cols).unwrap(),
            0,
        )));
        let mut reader = pair.master.try_clone_reader().unwrap();
        let sink = parser.clone();
        let release = Arc::new(AtomicBool::new(false));
        let released = release.clone();
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || released.load(Ordering::SeqCst) {
                    break;
                }
                sink.lock().unwrap().process(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().unwrap();
        Session {
            parser,
            writer: Some(writer),
            child,
            master: Some(pair.master),
            reader: Some(reader),
            release,
            size,
            dir,
        }
    }

    /// Starts the binary with `args` in a `cols`x`rows` terminal, its
    /// progress kept in `dir/data` and colours off, as most tests want.
    pub fn plain(dir: PathBuf, args: &[&str], size: (u16, u16)) -> Session {
        let data = dir.join("data");
        let data = data.to_str().expect("a UTF-8 path").to_string();
        Session::spawn(
            dir,
            args,
            &[("ASYNCLINGS_DATA_DIR", &data), ("NO_COLOR", "1")],
            &[],
            size,
        )
    }

    /// Closes the master side of the terminal under the running program,
    /// as closing its window or killing its tmux session does. The screen
    /// stops updating.
    pub fn hang_up(&mut self) {
        self.release.store(true, Ordering::SeqCst);
        // The reader is blocked in a read: a resize makes the program draw,
        // which wakes the reader, which then drops its handle. The size
        // changes back and forth until the reader is done, in case the
        // program misses one.
        let start = Instant::now();
        let reader = self.reader.take().expect("hung up once");
        for rows in [self.size.rows + 1, self.size.rows].into_iter().cycle() {
            if let Some(master) = &self.master {
                master.resize(PtySize { rows, ..self.size }).unwrap();
            }
            let asked = Instant::now();
            while !reader.is_finished() && asked.elapsed() < Duration::from_millis(500) {
                std::thread::sleep(Duration::from_millis(10));
            }
            if reader.is_finished() {
                break;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "the program drew nothing after resizes"
            );
        }
        reader.join().unwrap();
        self.writer = None;
        self.master = None;
    }

    /// The text on the screen now.
    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Waits until `text` is on the screen (fails after 20 s).
    pub fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(20) {
            if self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        panic!("never saw {text:?}; screen:\n{}", self.screen());
    }

    /// Types `keys`.
    pub fn send(&mut self, keys: &str) {
        let writer = self.writer.as_mut().expect("the terminal is open");
        writer.write_all(keys.as_bytes()).unwrap();
        writer.flush().unwrap();
    }

    /// Types `keys` and gives the UI time to draw the result.
    pub fn press(&mut self, keys: &str) {
        self.send(keys);
        std::thread::sleep(Duration::from_millis(120));
    }

    /// Waits for the program to exit (fails after 15 s; the program is
    /// then killed when the session is dropped).
    pub fn wait_exit(&mut self) -> ExitStatus {
        self.wait_exit_within(Duration::from_secs(15))
    }

    /// Waits up to `deadline` for the program to exit, or fails.
    pub fn wait_exit_within(&mut self, deadline: Duration) -> ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the reader take the last bytes.
                std::thread::sleep(Duration::from_millis(200));
                return status;
            }
            assert!(
                start.elapsed() < deadline,
                "the UI did not exit within {deadline:?}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Sends a signal (`TERM`, `HUP`, `INT`) to the program.
    pub fn signal(&self, name: &str) {
        let pid = self.child.process_id().expect("a pid");
        let status = std::process::Command::new("kill")
            .args([format!("-{name}"), pid.to_string()])
            .status()
            .unwrap();
        assert!(status.success(), "kill -{name} failed");
    }

    /// The terminal is back to normal: main screen, cursor shown, no mouse capture.
    pub fn assert_restored(&self) {
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
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
