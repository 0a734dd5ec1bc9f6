//! Pure view functions: the app state in, a frame out.

pub mod code;
pub mod counters;
pub mod detail;
pub mod frames;
pub mod help;
pub mod lesson;
pub mod list;
pub mod output;
pub mod quiz;
pub mod small;
pub mod status;
pub mod strip;
pub mod timeline;

use super::app::{App, Screen};
use ratatui::Frame;
use ratatui::layout::Rect;

/// The smallest size with a real screen; smaller shows a notice.
pub const MIN_SIZE: (u16, u16) = (40, 12);

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        small::draw(frame, area, &app.theme);
        return;
    }
    match (app.screen, &app.lesson) {
        (Screen::Lesson, Some(lesson)) => lesson::draw(frame, area, app, lesson),
        _ => list::draw(frame, area, app),
    }
    if app.help {
        help::draw(frame, area, app);
    }
}

/// A rectangle of at most `w`×`h`, centred in `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}
