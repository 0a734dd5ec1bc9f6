//! The notice for a terminal too small to draw on.

use crate::ui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

pub fn draw(frame: &mut Frame, area: Rect, theme: &Theme) {
    let (w, h) = super::MIN_SIZE;
    let lines = vec![
        Line::from(Span::styled("terminal too small", theme.error())),
        Line::from(format!("{}x{}, need {w}x{h}", area.width, area.height)),
        Line::from(Span::styled("q: quit", theme.dim())),
    ];
    let top = area.height.saturating_sub(3) / 2;
    let area = Rect::new(area.x, area.y + top, area.width, area.height - top);
    frame.render_widget(
        Paragraph::new(lines)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        area,
    );
}
