//! The code pane: a highlighted listing with a marker per task at the line
//! of its current statement, in the task's colour.

use crate::engine::Outcome;
use crate::ui::app::{App, LessonState, RunStatus};
use crate::ui::highlight::{Lang, highlight_listing};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use std::collections::BTreeMap;

/// Lane positions per listing line, at the time shown.
pub fn markers(lesson: &LessonState, lang: Lang) -> BTreeMap<usize, Vec<usize>> {
    let listing = lesson.listing(lang);
    let t = lesson.view_time();
    let mut at: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, lane) in lesson.timeline.lanes.iter().enumerate() {
        if lane.created > t || lane.state_at(t).is_none_or(|s| s.is_final()) {
            continue;
        }
        if let Some(line) = lane.stmt_at(t).and_then(|s| listing.line_of(s)) {
            at.entry(line).or_default().push(i);
        }
    }
    at
}

/// The Python line where an uncaught exception ended the run, if one did.
pub fn raised_line(app: &App, lesson: &LessonState, lang: Lang) -> Option<usize> {
    let RunStatus::Finished(Outcome::Raised { at, .. }) = &lesson.status else {
        return None;
    };
    if lang != Lang::Python || lesson.cursor.is_some() {
        return None;
    }
    let program = &app.lessons.get(lesson.index)?.program;
    Some(program.line_of(*at) - 1)
}

pub fn draw(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    lesson: &LessonState,
    lang: Lang,
    hint: bool,
) {
    let theme = &app.theme;
    let title = if hint {
        format!(" {} — Tab: {} ", lang.name(), lang.other().name())
    } else {
        format!(" {} ", lang.name())
    };
    let block = Block::bordered().title(title).border_style(theme.border());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let listing = lesson.listing(lang);
    if listing.lines.is_empty() {
        frame.render_widget(
            Paragraph::new(Span::styled("(no listing for this demo yet)", theme.dim())),
            inner,
        );
        return;
    }
    let marks = markers(lesson, lang);
    let raised = raised_line(app, lesson, lang);
    // Keep the line that raised, or else the first marked line, in view.
    let height = inner.height as usize;
    let first_mark = raised.or_else(|| marks.keys().next().copied()).unwrap_or(0);
    let scroll = if first_mark >= height {
        (first_mark + 1).saturating_sub(height / 2)
    } else {
        0
    }
    .min(listing.lines.len().saturating_sub(height));
    let digits = listing.lines.len().to_string().len();
    // Highlighted once per listing, language and theme; looked up per frame.
    let highlighted = highlight_listing(&listing.lines, lang, theme);
    let lines: Vec<Line> = listing
        .lines
        .iter()
        .enumerate()
        .skip(scroll)
        .take(height)
        .map(|(n, _)| {
            let mut spans = Vec::new();
            if raised == Some(n) {
                spans.push(Span::styled("✗ ", theme.error()));
                spans.push(Span::styled(format!("{:>digits$} ", n + 1), theme.error()));
                spans.extend(highlighted.get(n).into_iter().flatten().cloned());
                return Line::from(spans);
            }
            match marks.get(&n).map(Vec::as_slice) {
                None | Some([]) => spans.push(Span::raw("  ")),
                Some([a]) => {
                    spans.push(Span::styled("▶", theme.lane(*a)));
                    spans.push(Span::raw(" "));
                }
                Some([a, b]) => {
                    spans.push(Span::styled("▶", theme.lane(*a)));
                    spans.push(Span::styled("▶", theme.lane(*b)));
                }
                Some([a, ..]) => {
                    spans.push(Span::styled("▶", theme.lane(*a)));
                    spans.push(Span::styled("+", theme.accent()));
                }
            }
            spans.push(Span::styled(format!("{:>digits$} ", n + 1), theme.dim()));
            spans.extend(highlighted.get(n).into_iter().flatten().cloned());
            Line::from(spans)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
