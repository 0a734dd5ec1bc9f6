//! The terminal UI (`asynclings` with no arguments): a lesson list and a
//! lesson screen with prose, listings, a live timeline and the output.
//!
//! State lives in [`app::App`] and changes only through `update(msg)`;
//! [`view`] draws it; [`run_app`] is the loop, generic over the ratatui
//! backend so tests drive it with a `TestBackend`.

pub mod aggregate;
pub mod app;
pub mod block;
pub mod counters;
pub mod export;
pub mod highlight;
pub mod input;
pub mod lanes;
pub mod lines;
pub mod markdown;
pub mod practice;
pub mod progress;
pub mod quiz;
pub mod scroll;
pub mod seed;
pub mod terminal;
pub mod theme;
pub mod timeline;
pub mod view;
pub mod watch;

use app::{App, Msg};
use input::{Input, TermInput};
use ratatui::Terminal;
use ratatui::backend::Backend;
use std::time::Duration;

/// Redraw interval while a demo runs.
pub const FRAME: Duration = Duration::from_millis(33);
/// Input wait when nothing moves (no busy loop).
pub const IDLE: Duration = Duration::from_millis(250);

/// Runs the loop until the app quits. `input` waits up to the given time
/// for the next message.
/// `edit` hands the terminal to an editor on a file at a line (`e`) and
/// takes it back, or says why it could not.
pub fn run_app<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    input: &mut dyn FnMut(Duration) -> Option<Msg>,
    edit: &mut dyn FnMut(&std::path::Path, usize) -> Result<(), String>,
) -> Result<(), B::Error> {
    if let Ok(size) = terminal.size() {
        app.size = (size.width, size.height);
    }
    let mut dirty = true;
    loop {
        // Quitting draws nothing more: the terminal may be gone.
        if app.quit {
            return Ok(());
        }
        if dirty {
            terminal.draw(|f| view::draw(f, app))?;
            dirty = false;
        }
        let wait = if app.animating() { FRAME } else { IDLE };
        if let Some(msg) = input(wait) {
            dirty |= app.update(msg);
            // Take everything already queued before drawing.
            while !app.quit
                && let Some(msg) = input(Duration::ZERO)
            {
                dirty |= app.update(msg);
            }
        }
        if let Some((file, line)) = app.pending_edit.take() {
            app.edit_error = edit(&file, line).err();
            // The editor drew over the screen: clear it and forget what
            // was drawn, so the next frame is drawn whole. (`clear` would
            // ask the terminal where its cursor is, a reply the input
            // reader may take.)
            terminal.backend_mut().clear()?;
            terminal.swap_buffers();
            terminal.swap_buffers();
            dirty = true;
        }
        dirty |= app.update(Msg::Tick);
    }
}

/// Runs `$VISUAL`, else `$EDITOR`, else `vi` on `file` at `line` (as
/// `+LINE FILE`, which vi, vim, nano, emacs and micro all take), through
/// the shell so an editor given with arguments (`code -w`) works.
fn open_editor(file: &std::path::Path, line: usize) -> Result<(), String> {
    let editor = ["VISUAL", "EDITOR"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|e| !e.trim().is_empty()))
        .unwrap_or_else(|| "vi".into());
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$@\""))
        .arg("sh")
        .arg(format!("+{line}"))
        .arg(file)
        .status()
        .map_err(|e| format!("cannot start {editor}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{editor} ended with {status}"))
    }
}

/// How the UI ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ended {
    /// The learner quit (`q`, `Esc`, or Ctrl-C typed as a key).
    Quit,
    /// This signal arrived (SIGTERM, SIGINT, SIGHUP).
    Signal(i32),
    /// The terminal hung up or could not be read.
    TerminalGone,
}

impl Ended {
    /// The exit status, by the shell's conventions: 0 for a quit, 128 plus
    /// the signal's number for a signal, and 129 (as for SIGHUP) when the
    /// terminal went away.
    pub fn exit_code(self) -> u8 {
        match self {
            Ended::Quit => 0,
            Ended::Signal(s) => u8::try_from(128 + s).unwrap_or(u8::MAX),
            Ended::TerminalGone => 128 + signal_hook::consts::SIGHUP as u8,
        }
    }
}

/// Opens the UI on the real terminal; returns when the learner quits, a
/// signal arrives or the terminal goes away. With `open`, that lesson's
/// screen opens at once (a program or lesson named on the command line);
/// otherwise the lesson open last reopens.
pub fn run(lessons: crate::lesson::Lessons, open: Option<usize>) -> std::io::Result<Ended> {
    let progress = progress::Progress::load(progress::Progress::default_path());
    let last = progress.last.clone();
    let mut app = App::new(lessons.lessons, progress, theme::Theme::from_env());
    app.broken = lessons.broken.iter().map(|e| e.one_line()).collect();
    if let Some(i) = open {
        app.open(i);
    } else if let Some(i) = last.and_then(|id| app.lessons.iter().position(|l| l.id == id)) {
        app.open(i);
    }
    // Signals are watched before the terminal enters raw mode.
    let events = TermInput::start()?;
    let mut guard = terminal::Guard::new()?;
    let mut ended = None;
    let mut input = |wait: Duration| -> Option<Msg> {
        match events.next(wait)? {
            Input::Term(event) => Msg::from_term(event),
            Input::Signal(s) => {
                ended.get_or_insert(Ended::Signal(s));
                Some(Msg::Quit)
            }
            Input::Gone(_) => {
                ended.get_or_insert(Ended::TerminalGone);
                Some(Msg::Quit)
            }
        }
    };
    let mut edit = |file: &std::path::Path, line: usize| {
        events.pause();
        terminal::restore();
        let result = open_editor(file, line);
        let _ = terminal::enter();
        events.resume();
        result
    };
    let result = run_app(guard.terminal(), &mut app, &mut input, &mut edit);
    // A draw that failed because the terminal hung up is no terminal error.
    let ended = match (result, ended) {
        (_, Some(ended)) => Ok(ended),
        (Err(_), None) if events.hung_up() => Ok(Ended::TerminalGone),
        (Err(e), None) => Err(e),
        (Ok(()), None) => Ok(Ended::Quit),
    };
    drop(app); // stops a running demo
    drop(guard); // restores the terminal
    drop(events); // tells the signal watcher the UI is over
    ended
}
