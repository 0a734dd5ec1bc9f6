//! The output pane: `[t=T] text` lines printed up to the time shown.

use crate::text::format_seconds;
use crate::ui::app::{App, LessonState};
use crate::ui::theme::Theme;
use crate::ui::timeline::Timeline;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};
use std::time::Duration;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, lesson: &LessonState) {
    let theme = &app.theme;
    let t = lesson.view_time();
    let title = match lesson.output_scroll {
        0 => " Output ".to_string(),
        n => format!(" Output — {n} lines back "),
    };
    let border = if lesson.focus == Some(crate::ui::app::Pane::Output) {
        theme.focus_border()
    } else {
        theme.border()
    };
    let block = Block::bordered().title(title).border_style(border);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    // A broken edit: its located error in place of the run.
    if let Some(error) = &lesson.load_error {
        let lines: Vec<Line> = error
            .lines()
            .map(|l| Line::from(Span::styled(l.to_string(), theme.error())))
            .collect();
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
        return;
    }
    let tl = &lesson.timeline;
    // Scrolled back: that many printed lines from the end are hidden.
    let back = lesson.output_scroll;
    // What ends the run, under the printed lines.
    let mut tail: Vec<Line> = Vec::new();
    if lesson.cursor.is_none() && back == 0 {
        if let Some(reason) = &tl.aborted {
            tail.push(Line::from(Span::styled(
                format!("stopped: {reason}"),
                theme.error(),
            )));
        }
        match &lesson.status {
            crate::ui::app::RunStatus::Finished(crate::engine::Outcome::Failed(m)) => {
                tail.push(Line::from(Span::styled(
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
                tail.push(Line::from(Span::styled(
                    format!("error: {}", crate::sanitize::for_terminal(last)),
                    theme.error(),
                )));
            }
            _ => {}
        }
    }
    // Keep the last lines in view; long lines wrap. Only the printed
    // lines that fit are formatted (a run may have printed 10,000).
    let width = inner.width.max(1) as usize;
    let height = inner.height as usize;
    let rows = |line: &Line| line.width().max(1).div_ceil(width);
    let mut used = 0;
    let mut tail_kept = 0;
    for line in tail.iter().rev() {
        // The last line shows even when it alone is too tall.
        if used > 0 && used + rows(line) > height {
            break;
        }
        used += rows(line);
        tail_kept += 1;
    }
    let tail = tail.split_off(tail.len() - tail_kept);
    let mut lines = printed_tail(tl, t, theme, width, height, used, back);
    lines.extend(tail);
    if lines.is_empty() {
        lines.push(Line::from(Span::styled(
            "(nothing printed yet — Space runs the demo)",
            theme.dim(),
        )));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

/// The mark of a report the event loop logged, in the output pane and on
/// the task's lane.
pub const LOGGED: char = '⚠';

/// The last lines printed up to `t` that fit in `height` rows of `width`
/// columns below `used` rows, oldest first: only these are formatted
/// (a run may have printed 10,000). The last line shows even when it alone
/// is too tall.
fn printed_tail<'a>(
    tl: &'a Timeline,
    t: Duration,
    theme: &Theme,
    width: usize,
    height: usize,
    mut used: usize,
    back: usize,
) -> Vec<Line<'a>> {
    let printed = tl.output.partition_point(|(at, _, _)| *at <= t);
    let printed = printed.saturating_sub(back).max(printed.min(1));
    let mut lines: Vec<Line> = Vec::new();
    for (index, (at, lane, text)) in tl.output[..printed].iter().enumerate().rev() {
        let colour = tl.position(*lane).map_or(theme.dim(), |i| theme.lane(i));
        let stamp = Span::styled(format!("[t={}] ", format_seconds(at.as_secs_f64())), colour);
        // What the event loop logged to stderr: an error nobody caught.
        let line = if tl.is_logged(index) {
            Line::from(vec![
                stamp,
                Span::styled(format!("{LOGGED} {text}"), theme.error()),
            ])
        } else {
            Line::from(vec![stamp, Span::raw(text.as_str())])
        };
        let h = line.width().max(1).div_ceil(width);
        if used > 0 && used + h > height {
            break;
        }
        used += h;
        lines.push(line);
    }
    lines.reverse();
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Event, EventKind, LaneKind};

    #[test]
    fn only_the_lines_that_fit_are_formatted() {
        let ev = |t: u64, kind: EventKind| Event {
            time: Duration::from_millis(t),
            lane: 0,
            stmt: None,
            kind,
        };
        let mut events = vec![ev(
            0,
            EventKind::Created {
                kind: LaneKind::Task,
                call: "main()".into(),
                name: "Task-1".into(),
                named: false,
                parent: None,
            },
        )];
        events.extend((0..10_000).map(|i| {
            ev(
                i,
                EventKind::Printed {
                    text: format!("line {i}"),
                },
            )
        }));
        let tl = Timeline::from_events(&events);
        let theme = Theme::mono();
        let text =
            |lines: &[Line]| -> Vec<String> { lines.iter().map(|l| l.to_string()).collect() };
        // Up to t=5s: lines 0..=5000, the last 3 of them.
        let lines = printed_tail(&tl, Duration::from_secs(5), &theme, 40, 4, 1, 0);
        assert_eq!(
            text(&lines),
            [
                "[t=4.998] line 4998",
                "[t=4.999] line 4999",
                "[t=5] line 5000"
            ]
        );
        // A line wider than the pane takes two rows.
        let lines = printed_tail(&tl, Duration::from_secs(5), &theme, 10, 4, 0, 0);
        assert_eq!(text(&lines), ["[t=4.999] line 4999", "[t=5] line 5000"]);
        // Nothing fits: the last line still shows.
        let lines = printed_tail(&tl, Duration::from_secs(5), &theme, 10, 1, 0, 0);
        assert_eq!(text(&lines), ["[t=5] line 5000"]);
    }
}
