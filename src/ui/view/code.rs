//! The code pane: a highlighted listing with a marker per task at the line
//! of its current statement, in the task's colour (`▶▶`: two tasks there,
//! `▶+`: more). A line longer than the pane wraps onto rows marked `↪`.
//! The pane follows the running line and keeps every marked line in view
//! when they fit; before a run it shows `main`. `J`/`K` and the wheel
//! scroll it by hand until the next run.

use crate::engine::Outcome;
use crate::ui::app::{App, LessonState, RunStatus};
use crate::ui::highlight::{Lang, highlight_listing, wrap_spans, wrap_starts};
use crate::ui::timeline::LaneState;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use std::collections::BTreeMap;

/// Lane positions per listing line, at the time shown.
pub fn markers(lesson: &LessonState, lang: Lang) -> BTreeMap<usize, Vec<usize>> {
    marks(lesson, lang).0
}

/// Lane positions per listing line at the time shown, and the line of the
/// lane holding the thread (running or blocked) then: the line the pane
/// follows. One look at each lane.
fn marks(lesson: &LessonState, lang: Lang) -> (BTreeMap<usize, Vec<usize>>, Option<usize>) {
    let t = lesson.view_time();
    let mut at: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut current = None;
    for (i, lane) in lesson.timeline.lanes.iter().enumerate() {
        if lane.created > t {
            continue;
        }
        let state = match lane.state_at(t) {
            Some(s) if !s.is_final() => s,
            _ => continue,
        };
        if let Some(line) = lane.stmt_at(t).and_then(|s| lesson.line_of(lang, s)) {
            at.entry(line).or_default().push(i);
            if current.is_none() && matches!(state, LaneState::Running | LaneState::Blocked) {
                current = Some(line);
            }
        }
    }
    (at, current)
}

/// The line of the task holding the thread at the time shown, if any.
pub fn current_line(lesson: &LessonState, lang: Lang) -> Option<usize> {
    marks(lesson, lang).1
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

/// The rows each listing line takes in a pane of this inner width, and
/// the width of the gutter (marker, number, space).
fn row_counts(app: &App, lesson: &LessonState, lang: Lang, inner: u16) -> (Vec<usize>, usize) {
    let listing = lesson.listing(lang);
    let digits = listing.lines.len().to_string().len();
    let gutter = 2 + digits + 1;
    let width = (inner as usize).saturating_sub(gutter).max(1);
    let highlighted = highlight_listing(&listing.lines, lang, &app.theme);
    let counts = (0..listing.lines.len())
        .map(|n| wrap_starts(highlighted.get(n).map_or(&[][..], Vec::as_slice), width).len())
        .collect();
    (counts, gutter)
}

/// The first line a pane with this inner area shows, and the last first
/// line it can scroll to (from which the rest of the listing fits).
pub fn window(app: &App, lesson: &LessonState, lang: Lang, inner: Rect) -> (usize, usize) {
    let (counts, _) = row_counts(app, lesson, lang, inner.width);
    let height = inner.height as usize;
    let max = last_start(&counts, height);
    let first = match lesson.code_scroll[slot(lang)] {
        Some(first) => first.min(max),
        None => follow(app, lesson, lang, &counts, height),
    };
    (first, max)
}

/// Where `lesson.code_scroll` keeps a pane's position.
pub fn slot(lang: Lang) -> usize {
    match lang {
        Lang::Python => 0,
        Lang::Rust => 1,
    }
}

/// The first line shown when not scrolled by hand: the line that raised,
/// else the running line with every other marked line when they fit, else
/// (before a run, or after it) the whole of `main` with what precedes it.
fn follow(app: &App, lesson: &LessonState, lang: Lang, counts: &[usize], height: usize) -> usize {
    let (marks, current) = marks(lesson, lang);
    if let Some(line) = raised_line(app, lesson, lang) {
        return first_line(counts, line, height);
    }
    let rows = |a: usize, b: usize| counts[a..=b.min(counts.len() - 1)].iter().sum::<usize>();
    if counts.is_empty() {
        return 0;
    }
    if let (Some(&lo), Some(&hi)) = (marks.keys().next(), marks.keys().next_back()) {
        let focus = current.unwrap_or(lo);
        let mut first = first_line(counts, focus, height);
        if rows(lo, hi) <= height {
            first = first.min(lo);
            while first < lo && rows(first, hi) > height {
                first += 1;
            }
        }
        return first;
    }
    let Some(main) = lesson.listing(lang).functions.get("main") else {
        return 0;
    };
    let end = main.end.max(main.start + 1) - 1;
    let mut first = 0;
    while first < main.start && rows(first, end) > height {
        first += 1;
    }
    first
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
    // The longest title that fits: hints are dropped whole, never cut.
    let name = lang.name();
    let tab = format!(" — Tab: {}", lang.other().name());
    let tab = if hint { tab.as_str() } else { "" };
    let room = area.width.saturating_sub(2) as usize;
    let title = [
        format!(" {name}{tab}  J/K scroll "),
        format!(" {name}{tab} "),
        format!(" {name}  J/K scroll "),
        format!(" {name} "),
    ]
    .into_iter()
    .find(|t| t.chars().count() <= room)
    .unwrap_or_else(|| format!(" {name} "));
    let border = if lesson.focus == Some(crate::ui::app::Pane::Code) {
        theme.focus_border()
    } else {
        theme.border()
    };
    let block = Block::bordered().title(title).border_style(border);
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
    let (marks, _) = marks(lesson, lang);
    let raised = raised_line(app, lesson, lang);
    let digits = listing.lines.len().to_string().len();
    // Marker, number, space; a continuation row shows `↪` for the number.
    let (counts, gutter) = row_counts(app, lesson, lang, inner.width);
    let width = (inner.width as usize).saturating_sub(gutter).max(1);
    // Highlighted once per listing, language and theme; wrapped per frame,
    // only the lines shown.
    let highlighted = highlight_listing(&listing.lines, lang, theme);
    let spans = |n: usize| highlighted.get(n).map_or(&[][..], Vec::as_slice);
    let height = inner.height as usize;
    let (first, _) = window(app, lesson, lang, inner);
    let mut lines: Vec<Line> = Vec::new();
    for (n, &count) in counts.iter().enumerate().skip(first) {
        let left = height - lines.len();
        // A line is shown whole, or not at all (unless it alone overfills).
        if count > left && !lines.is_empty() || left == 0 {
            break;
        }
        for (k, row) in wrap_spans(spans(n), width).iter().take(left).enumerate() {
            let mut spans = Vec::new();
            if k > 0 {
                spans.push(Span::raw(" ".repeat(2 + digits - 1)));
                spans.push(Span::styled("↪ ", theme.dim()));
            } else if raised == Some(n) {
                spans.push(Span::styled("✗ ", theme.error()));
                spans.push(Span::styled(format!("{:>digits$} ", n + 1), theme.error()));
            } else {
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
            }
            spans.extend(row.iter().cloned());
            lines.push(Line::from(spans));
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The first line shown so that `focus` is whole in `height` rows (`counts`:
/// the rows of each line): the top
/// while it fits there, else about the middle; and no blank rows below
/// the listing's end when it could fill the pane.
pub fn first_line(counts: &[usize], focus: usize, height: usize) -> usize {
    let focus = focus.min(counts.len().saturating_sub(1));
    if counts.is_empty() || counts[..=focus].iter().sum::<usize>() <= height {
        return 0;
    }
    // Back from the focus until about half the pane is above it.
    let (mut first, mut above) = (focus, 0);
    while first > 0 && above + counts[first - 1] <= height / 2 {
        above += counts[first - 1];
        first -= 1;
    }
    first.min(last_start(counts, height))
}

/// The first line from which the rest of the listing fits in `height` rows.
pub fn last_start(counts: &[usize], height: usize) -> usize {
    let (mut last_full, mut below) = (counts.len(), 0);
    while last_full > 0 && below + counts[last_full - 1] <= height {
        below += counts[last_full - 1];
        last_full -= 1;
    }
    last_full
}
