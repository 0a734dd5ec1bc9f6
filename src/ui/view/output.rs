//! The output pane: `[t=T] text` lines printed up to the time shown.

use crate::text::format_seconds;
use crate::ui::app::{App, LessonState};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, lesson: &LessonState) {
    let theme = &app.theme;
    let t = lesson.view_time();
    let block = Block::bordered()
        .title(" Output ")
        .border_style(theme.border());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let tl = &lesson.timeline;
    let mut lines: Vec<Line> = tl
        .output
        .iter()
        .filter(|(at, _, _)| *at <= t)
        .map(|(at, lane, text)| {
            let colour = tl.position(*lane).map_or(theme.dim(), |i| theme.lane(i));
            Line::from(vec![
                Span::styled(format!("[t={}] ", format_seconds(at.as_secs_f64())), colour),
                Span::raw(text.clone()),
            ])
        })
        .collect();
    if lesson.cursor.is_none() {
        if let Some(reason) = &tl.aborted {
            lines.push(Line::from(Span::styled(
                format!("stopped: {reason}"),
                theme.error(),
            )));
        }
        match &lesson.status {
            crate::ui::app::RunStatus::Finished(crate::engine::Outcome::Failed(m)) => {
                lines.push(Line::from(Span::styled(
                    format!("error: {}", crate::sanitize::for_terminal(m)),
                    theme.error(),
                )));
            }
            // The line of CPython's traceback that names the exception (an
            // exception group's own line, not its box); the line that
            // raised it is marked in the code pane (the whole traceback is
            // on stderr after `run`).
            crate::ui::app::RunStatus::Finished(crate::engine::Outcome::Raised {
                traceback,
                ..
            }) => {
                let last = crate::engine::py::last_line(traceback);
                lines.push(Line::from(Span::styled(
                    format!("error: {}", crate::sanitize::for_terminal(last)),
                    theme.error(),
                )));
            }
            _ => {}
        }
    }
    if lines.is_empty() {
        lines.push(Line::from(Span::styled(
            "(nothing printed yet — Space runs the demo)",
            theme.dim(),
        )));
    }
    // Keep the last lines in view; long lines wrap.
    let width = inner.width.max(1) as usize;
    let mut rows = 0;
    let mut keep = 0;
    for line in lines.iter().rev() {
        let h = line.width().max(1).div_ceil(width);
        if rows + h > inner.height as usize {
            break;
        }
        rows += h;
        keep += 1;
    }
    let lines: Vec<Line> = lines.split_off(lines.len() - keep);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
