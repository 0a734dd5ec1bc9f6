//! The practice screens (`asynclings practice`): the exercise list with
//! done marks, and an exercise open on its working file, regraded on every
//! save with its checklist and the run's timeline.

pub mod state;
pub mod view;
pub mod work;

use super::input::{Input, TermInput};
use super::progress::Progress;
use super::theme::Theme;
use super::{Ended, IDLE, terminal};
use crate::practice::Exercises;
use crossterm::event::Event;
use ratatui::Terminal;
use ratatui::backend::Backend;
use state::Practice;
use std::path::PathBuf;
use std::time::Duration;

/// How often a save is looked for while nothing else happens.
const POLL: Duration = Duration::from_millis(100);

/// Runs the practice loop until the learner quits. `input` waits up to the
/// given time for a terminal event; `edit` hands the terminal to an editor.
pub fn run_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    p: &mut Practice,
    theme: &Theme,
    input: &mut dyn FnMut(Duration) -> Option<Event>,
    edit: &mut dyn FnMut(&std::path::Path) -> Result<(), String>,
) -> Result<(), B::Error> {
    let mut dirty = true;
    loop {
        if p.quit {
            return Ok(());
        }
        if dirty {
            terminal.draw(|f| view::draw(f, p, theme))?;
            dirty = false;
        }
        let wait = if p.open.is_some() { POLL } else { IDLE };
        if let Some(event) = input(wait) {
            dirty |= match event {
                Event::Key(key) => p.key(key),
                Event::Resize(..) => true,
                _ => false,
            };
        }
        if let Some(file) = p.pending_edit.take() {
            if let Err(e) = edit(&file) {
                p.message = Some(e);
            }
            terminal.backend_mut().clear()?;
            terminal.swap_buffers();
            terminal.swap_buffers();
            p.regrade();
            dirty = true;
        }
        dirty |= p.tick();
    }
}

/// Opens the practice screens on the real terminal, on `set`; with `open`,
/// that exercise at once. Working files go to `work`.
pub fn run(set: Exercises, open: Option<usize>, work: PathBuf) -> std::io::Result<Ended> {
    let mut progress = Progress::load(Progress::default_path());
    let notice = progress.notice.take();
    let mut p = Practice::new(set.exercises, progress, work);
    if let Some(i) = open {
        p.open_exercise(i);
    }
    // What happened to an unreadable progress file comes first.
    if notice.is_some() {
        p.message = notice;
    }
    let theme = Theme::from_env();
    let events = TermInput::start()?;
    let mut guard = terminal::Guard::new()?;
    let mut ended = None;
    let mut input = |wait: Duration| -> Option<Event> {
        match events.next(wait)? {
            Input::Term(event) => Some(event),
            Input::Signal(s) => {
                ended.get_or_insert(Ended::Signal(s));
                quit_key()
            }
            Input::Gone(_) => {
                ended.get_or_insert(Ended::TerminalGone);
                quit_key()
            }
        }
    };
    let mut edit = |file: &std::path::Path| {
        events.pause();
        terminal::restore();
        let result = super::open_editor(file, 1);
        let _ = terminal::enter();
        events.resume();
        result
    };
    let result = run_loop(guard.terminal(), &mut p, &theme, &mut input, &mut edit);
    let ended = match (result, ended) {
        (_, Some(ended)) => Ok(ended),
        (Err(_), None) if events.hung_up() => Ok(Ended::TerminalGone),
        (Err(e), None) => Err(e),
        (Ok(()), None) => Ok(Ended::Quit),
    };
    drop(guard);
    drop(events);
    ended
}

/// A Ctrl-C key: what a signal or a lost terminal turns into, to end the
/// loop the way a key would.
fn quit_key() -> Option<Event> {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    Some(Event::Key(KeyEvent::new(
        KeyCode::Char('c'),
        KeyModifiers::CONTROL,
    )))
}
