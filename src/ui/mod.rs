//! The terminal UI (`asynclings` with no arguments): a lesson list and a
//! lesson screen with prose, listings, a live timeline and the output.
//!
//! State lives in [`app::App`] and changes only through `update(msg)`;
//! [`view`] draws it; [`run_app`] is the loop, generic over the ratatui
//! backend so tests drive it with a `TestBackend`.

pub mod app;
pub mod highlight;
pub mod markdown;
pub mod progress;
pub mod quiz;
pub mod terminal;
pub mod theme;
pub mod timeline;
pub mod view;

use app::{App, Msg};
use ratatui::Terminal;
use ratatui::backend::Backend;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// Redraw interval while a demo runs.
pub const FRAME: Duration = Duration::from_millis(33);
/// Input wait when nothing moves (no busy loop; bounds signal latency).
pub const IDLE: Duration = Duration::from_millis(250);

/// Runs the loop until the app quits or `stop` is set. `input` waits up to
/// the given time for the next message.
pub fn run_app<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    input: &mut dyn FnMut(Duration) -> Option<Msg>,
    stop: &AtomicBool,
) -> Result<(), B::Error> {
    if let Ok(size) = terminal.size() {
        app.size = (size.width, size.height);
    }
    let mut dirty = true;
    loop {
        if dirty {
            terminal.draw(|f| view::draw(f, app))?;
            dirty = false;
        }
        if app.quit || stop.load(Ordering::Relaxed) {
            return Ok(());
        }
        let wait = if app.animating() { FRAME } else { IDLE };
        if let Some(msg) = input(wait) {
            dirty |= app.update(msg);
            // Take everything already queued before drawing.
            while let Some(msg) = input(Duration::ZERO) {
                dirty |= app.update(msg);
            }
        }
        dirty |= app.update(Msg::Tick);
    }
}

/// Opens the UI on the real terminal; returns when the learner quits.
/// With `open_first`, the first lesson's screen opens at once (a program
/// named on the command line); otherwise the lesson open last reopens.
pub fn run(lessons: crate::lesson::Lessons, open_first: bool) -> std::io::Result<()> {
    let progress = progress::Progress::load(progress::Progress::default_path());
    let last = progress.last.clone();
    let mut app = App::new(lessons.lessons, progress, theme::Theme::from_env());
    if open_first {
        app.open(0);
    } else if let Some(i) = last.and_then(|id| app.lessons.iter().position(|l| l.id == id)) {
        app.open(i);
    }
    let mut guard = terminal::Guard::new()?;
    let signalled = guard.signalled.clone();
    let mut input = |wait: Duration| -> Option<Msg> {
        match crossterm::event::poll(wait) {
            Ok(true) => crossterm::event::read().ok().and_then(Msg::from_term),
            Ok(false) => None,
            // The terminal is gone: quit.
            Err(_) => Some(Msg::Quit),
        }
    };
    let result = run_app(&mut guard.terminal, &mut app, &mut input, &signalled);
    drop(app); // stops a running demo
    drop(guard);
    result
}
