//! The lesson screen drawn on ratatui's `TestBackend`, for tests that read
//! what a person would see without a terminal.
#![allow(dead_code)] // each test file uses part of it

use asynclings::engine::{Event, Limits, run_headless};
use asynclings::lesson::python_lesson;
use asynclings::ui::app::{App, Msg, RunStatus};
use asynclings::ui::progress::Progress;
use asynclings::ui::theme::Theme;
use asynclings::ui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::time::Duration;

/// The app with `source` (a program named `name`) open and its whole run
/// loaded, finished.
pub fn ran(name: &str, source: &str) -> App {
    let lesson = python_lesson(name, source).expect("a valid program");
    let report = run_headless(lesson.script(), &Limits::default());
    let mut app = App::new(vec![lesson], Progress::default(), Theme::mono());
    app.open(0);
    app.lesson
        .as_mut()
        .unwrap()
        .load_events(&report.events, RunStatus::Finished(report.outcome));
    app
}

/// The app with `source` open, paused at `t` seconds of its run.
pub fn paused_at(name: &str, source: &str, t: f64) -> App {
    let lesson = python_lesson(name, source).expect("a valid program");
    let report = run_headless(lesson.script(), &Limits::default());
    let mut app = App::new(vec![lesson], Progress::default(), Theme::mono());
    app.open(0);
    let cut = Duration::from_secs_f64(t);
    let events: Vec<Event> = report
        .events
        .iter()
        .filter(|e| e.time <= cut)
        .cloned()
        .collect();
    let l = app.lesson.as_mut().unwrap();
    l.load_events(&events, RunStatus::Paused);
    l.set_now(cut);
    app
}

/// The screen's rows at `w`×`h`.
pub fn rows(app: &mut App, w: u16, h: u16) -> Vec<String> {
    let terminal = drawn(app, w, h);
    let buf = terminal.backend().buffer();
    (0..h)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect::<String>())
        .collect()
}

/// The screen at `w`×`h` as the backend prints it (rows in quotes).
pub fn text(app: &mut App, w: u16, h: u16) -> String {
    drawn(app, w, h).backend().to_string()
}

/// A terminal of `w`×`h` with the app drawn once, after a resize to it.
pub fn drawn(app: &mut App, w: u16, h: u16) -> Terminal<TestBackend> {
    app.update(Msg::Resize(w, h));
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| view::draw(f, app)).unwrap();
    terminal
}
