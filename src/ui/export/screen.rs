//! The lesson screen of a recorded run, drawn off screen by the UI's view
//! functions: at one moment as SVG, or frame by frame (the asciicast).

use super::{Options, Recorded};
use crate::engine::Outcome;
use crate::export::svg::{self, Grid, Palette};
use crate::ui::app::{App, Msg, RunStatus};
use crate::ui::progress::Progress;
use crate::ui::theme::Theme;
use crate::ui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use std::time::Duration;

/// The app on the recorded run's lesson, before its run, at `size`, with
/// no progress file and no quiz offered.
pub fn app_for(run: &Recorded, options: &Options) -> App {
    let mut lesson = run.lesson.clone();
    // The quiz's check run is not needed to draw.
    lesson.quizzes.clear();
    let mut app = App::new(vec![lesson], Progress::default(), options.theme);
    app.update(Msg::Resize(options.size.0, options.size.1));
    app.open(0);
    app
}

/// The status the screen shows for a run seen at `t`: running until its
/// last event, then as it ended.
pub fn status_at(run: &Recorded, t: Duration) -> RunStatus {
    let end = run.events.last().map_or(Duration::ZERO, |e| e.time);
    if t >= end {
        RunStatus::Finished(run.outcome.clone())
    } else {
        RunStatus::Running
    }
}

/// The app showing the run as it stood at `at` (its end when `None`).
pub fn app_at(run: &Recorded, options: &Options, at: Option<Duration>) -> App {
    let mut app = app_for(run, options);
    let end = run.events.last().map_or(Duration::ZERO, |e| e.time);
    let t = at.unwrap_or(end).min(end);
    let seen = run.events.partition_point(|e| e.time <= t);
    if let Some(lesson) = &mut app.lesson {
        lesson.replay(&run.events[..seen], t, status_at(run, t));
    }
    app
}

/// The screen the app draws, as a buffer.
pub fn buffer(app: &App) -> Buffer {
    let (w, h) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("a test backend");
    terminal
        .draw(|f| view::draw(f, app))
        .expect("a test backend draws");
    terminal.backend().buffer().clone()
}

/// The colours the theme draws with on a terminal of its kind.
pub fn palette(theme: &Theme) -> Palette {
    if theme.dark { svg::DARK } else { svg::LIGHT }
}

/// What the picture's title says.
fn title(run: &Recorded, at: Option<Duration>) -> String {
    let moment = match at {
        Some(t) => format!("at t={}s", crate::text::format_seconds(t.as_secs_f64())),
        None => match run.outcome {
            Outcome::Finished => "finished".to_string(),
            _ => "at its end".to_string(),
        },
    };
    format!(
        "asynclings: {} ({}), {moment}",
        run.lesson.title, run.lesson.id
    )
}

/// The lesson screen at `options.at` as an SVG picture.
pub fn svg_at(run: &Recorded, options: &Options) -> String {
    let app = app_at(run, options, options.at);
    screen_svg(&app, &title(run, options.at))
}

/// What the app shows now, as an SVG picture.
pub fn screen_svg(app: &App, title: &str) -> String {
    let grid = Grid::from_buffer(&buffer(app), palette(&app.theme));
    svg::to_svg(&grid, title)
}
