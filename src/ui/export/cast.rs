//! An asciicast v2 recording of a run as the lesson screen draws it while
//! it runs at speed 1: the UI's view functions draw each frame into a
//! ratatui terminal whose backend writes ANSI into memory, so each frame
//! is the same diff the real terminal gets. `asciinema play` plays it.

use super::screen::{app_for, status_at};
use super::{Options, Recorded};
use crate::ui::view;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use serde::Serialize;
use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;
use std::time::Duration;

/// Frames per second of the recording.
pub const FPS: u32 = 10;
/// The longest recording, in seconds: a longer run is played faster.
pub const MAX_SECONDS: f64 = 600.0;

/// The first line of an asciicast v2 file.
#[derive(Serialize)]
struct Header {
    version: u32,
    width: u16,
    height: u16,
    timestamp: u64,
    title: String,
    env: Env,
}

#[derive(Serialize)]
struct Env {
    #[serde(rename = "TERM")]
    term: &'static str,
}

/// The recording of a run: a header line, then `[time, "o", data]` lines
/// with times in seconds, rising.
pub fn asciicast(run: &Recorded, options: &Options) -> Vec<u8> {
    let (width, height) = options.size;
    let end = run.events.last().map_or(Duration::ZERO, |e| e.time);
    // Virtual seconds per second of the recording.
    let speed = (end.as_secs_f64() / MAX_SECONDS).max(1.0);
    let speed_note = if speed > 1.0 {
        format!(" at {speed:.1}x")
    } else {
        String::new()
    };
    let header = Header {
        version: 2,
        width,
        height,
        timestamp: std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs()),
        title: format!(
            "asynclings: {} ({}){speed_note}",
            run.lesson.title, run.lesson.id
        ),
        env: Env {
            term: "xterm-256color",
        },
    };
    let mut out = Vec::new();
    line(&mut out, &header);

    let mut app = app_for(run, options);
    let area = Rect::new(0, 0, width, height);
    let written = Written::default();
    let backend = CrosstermBackend::new(written.clone());
    let mut terminal = Terminal::with_options(
        backend,
        TerminalOptions {
            viewport: Viewport::Fixed(area),
        },
    )
    .expect("a terminal writing to memory");
    // Clear the player's screen and home the cursor first.
    let mut pending = String::from("\x1b[2J\x1b[H");
    let step = Duration::from_secs_f64(speed / f64::from(FPS));
    let mut seen = 0;
    let mut frame = 0u32;
    loop {
        let t = (step * frame).min(end);
        let upto = run.events.partition_point(|e| e.time <= t);
        if let Some(lesson) = &mut app.lesson {
            lesson.replay(&run.events[seen..upto], t, status_at(run, t));
        }
        seen = upto;
        let drawn = terminal
            .draw(|f| view::draw(f, &app))
            .map(|_| ())
            .and_then(|()| terminal.backend_mut().flush());
        if drawn.is_ok() {
            let bytes = written.0.take();
            pending.push_str(&String::from_utf8_lossy(&bytes));
        }
        if !pending.is_empty() {
            let time = (t.as_secs_f64() / speed * 1e6).round() / 1e6;
            line(&mut out, &(time, "o", std::mem::take(&mut pending)));
        }
        if t >= end {
            break;
        }
        frame += 1;
    }
    out
}

/// What the terminal writes, kept in memory and taken after each frame.
#[derive(Clone, Default)]
struct Written(Rc<RefCell<Vec<u8>>>);

impl Write for Written {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn line(out: &mut Vec<u8>, value: &impl Serialize) {
    serde_json::to_writer(&mut *out, value).expect("the cast's types serialize");
    out.push(b'\n');
}
