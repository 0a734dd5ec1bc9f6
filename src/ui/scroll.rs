//! Scrolling the lesson screen's panes by key or wheel: the prose by its
//! wrapped rows (so its last row is reachable at any width), the code
//! panes by listing lines.

use super::app::{App, LessonState, Pane};
use super::highlight::Lang;
use super::view::lesson::{Areas, lesson_layout};
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

/// The lines the Lesson pane shows for `lesson`.
pub fn prose(app: &App, lesson: &LessonState) -> Vec<Line<'static>> {
    let lines = lesson.prose_lines();
    if lines.iter().all(|l| l.width() == 0) {
        return vec![Line::from(Span::styled(
            "A module docstring would show here.",
            app.theme.dim(),
        ))];
    }
    lines
}

/// How far the prose in a pane of this inner area scrolls: its wrapped
/// rows less the rows shown.
pub fn prose_max(app: &App, lesson: &LessonState, inner: Rect) -> u16 {
    if inner.is_empty() {
        return 0;
    }
    let rows = Paragraph::new(prose(app, lesson))
        .wrap(Wrap { trim: false })
        .line_count(inner.width);
    rows.saturating_sub(inner.height as usize)
        .min(u16::MAX as usize) as u16
}

impl App {
    /// Scrolls the output back (`delta` < 0) or forward by printed lines.
    pub fn scroll_output(&mut self, delta: i32) {
        let Some(lesson) = &mut self.lesson else {
            return;
        };
        let t = lesson.view_time();
        let printed = lesson
            .timeline
            .output
            .partition_point(|(at, _, _)| *at <= t);
        let back = lesson.output_scroll as i64 - delta as i64;
        lesson.output_scroll = back.clamp(0, printed.saturating_sub(1) as i64) as usize;
    }

    /// Pages the focused pane by its height.
    pub fn page(&mut self, down: bool) {
        let Some(areas) = self.areas() else { return };
        let Some(lesson) = &self.lesson else { return };
        let sign = if down { 1 } else { -1 };
        match lesson.focus {
            Some(Pane::Prose) => {
                let rows = areas.prose.height.saturating_sub(3).max(1) as i32;
                self.scroll_prose(sign * rows);
            }
            Some(Pane::Code) => {
                let rows = areas.code.height.saturating_sub(3).max(1) as i32;
                self.scroll_code(None, sign * rows);
            }
            Some(Pane::Output) => {
                let rows = areas.output.height.saturating_sub(3).max(1) as i32;
                self.scroll_output(sign * rows);
            }
            None => {}
        }
    }

    /// The lesson screen's panes at the terminal size.
    fn areas(&self) -> Option<Areas> {
        let lesson = self.lesson.as_ref()?;
        let area = Rect::new(0, 0, self.size.0, self.size.1);
        Some(lesson_layout(self, lesson, area))
    }

    /// Scrolls the prose by `delta` rows, within its wrapped length.
    pub fn scroll_prose(&mut self, delta: i32) {
        let Some(areas) = self.areas() else { return };
        let Some(lesson) = &self.lesson else { return };
        let max = prose_max(self, lesson, areas.prose.inner(Margin::new(1, 1)));
        let Some(lesson) = &mut self.lesson else {
            return;
        };
        let to = (lesson.prose_scroll.min(max) as i32 + delta).clamp(0, max as i32);
        lesson.prose_scroll = to as u16;
    }

    /// Scrolls a code pane (`None`: every code pane shown) by `delta`
    /// listing lines; it stops following the running line until the next run.
    pub fn scroll_code(&mut self, lang: Option<Lang>, delta: i32) {
        let Some(areas) = self.areas() else { return };
        let Some(lesson) = &self.lesson else { return };
        let mut panes = vec![(lesson.lang, areas.code)];
        if let Some(code2) = areas.code2 {
            panes.push((lesson.lang.other(), code2));
        }
        let moves: Vec<(Lang, usize)> = panes
            .into_iter()
            .filter(|(l, _)| lang.is_none_or(|want| want == *l))
            .map(|(l, rect)| {
                let inner = rect.inner(Margin::new(1, 1));
                let (first, max) = super::view::code::window(self, lesson, l, inner);
                (
                    l,
                    (first as i64 + delta as i64).clamp(0, max as i64) as usize,
                )
            })
            .collect();
        let Some(lesson) = &mut self.lesson else {
            return;
        };
        for (l, first) in moves {
            lesson.code_scroll[super::view::code::slot(l)] = Some(first);
        }
    }
}
