//! The lesson screen: prose, code, output, timeline and status line.
//! Fits 80x24 and spreads out when there is more room.

use crate::sanitize::for_terminal;
use crate::ui::app::{App, LessonState, Pane, Zoom};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

/// Where each pane goes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Areas {
    pub title: Rect,
    /// The prose (empty when the quiz panel takes its place).
    pub prose: Rect,
    /// The quiz panel, when it is open: above the prose, or instead of it
    /// on a narrow screen.
    pub quiz: Option<Rect>,
    pub code: Rect,
    /// The second listing, side by side, when wide enough.
    pub code2: Option<Rect>,
    pub output: Rect,
    pub timeline: Rect,
    pub status: Rect,
}

/// The layout of the open lesson on a screen of this size.
pub fn lesson_layout(app: &App, lesson: &LessonState, area: Rect) -> Areas {
    let l = &app.lessons[lesson.index];
    if let Some(zoom) = app.zoom {
        return zoomed(area, zoom);
    }
    let mut areas = match &lesson.quiz {
        Some(panel) => layout(area, Some(&|w| super::quiz::height(app, l, panel, w))),
        None => layout(area, None),
    };
    // A program without a docstring keeps one line of its pane (saying a
    // docstring would show there) and gives the rest to the output below.
    let below = areas.output.y == areas.prose.bottom() && areas.output.x == areas.prose.x;
    if l.text.trim().is_empty() && below && areas.prose.height > 3 {
        let spare = areas.prose.height - 3;
        areas.prose.height = 3;
        areas.output.y -= spare;
        areas.output.height += spare;
    }
    areas
}

/// The presentation layout: the title, the zoomed panes, and a status
/// line without key hints.
fn zoomed(area: Rect, zoom: Zoom) -> Areas {
    let [title, body, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let mut areas = Areas {
        title,
        status,
        ..Areas::default()
    };
    match zoom {
        Zoom::Timeline => areas.timeline = body,
        Zoom::Prose => areas.prose = body,
        Zoom::CodeTimeline => {
            let [code, timeline] =
                Layout::vertical([Constraint::Percentage(50), Constraint::Percentage(50)])
                    .areas(body);
            areas.timeline = timeline;
            if area.width >= 160 {
                let [a, b] = Layout::horizontal([Constraint::Percentage(50); 2]).areas(code);
                areas.code = a;
                areas.code2 = Some(b);
            } else {
                areas.code = code;
            }
        }
    }
    areas
}

/// The layout for a screen of this size. `quiz`, when the quiz panel is
/// open, gives the rows it needs (borders included) at a width.
pub fn layout(area: Rect, quiz: Option<&dyn Fn(u16) -> u16>) -> Areas {
    let [title, body, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    if area.width >= 120 {
        // A classroom screen (200 columns): prose still reads in 60
        // columns, and the code panes get the rest, so listings wrap less.
        let left = if area.width >= 180 { 30 } else { 40 };
        let [left, right] = Layout::horizontal([
            Constraint::Percentage(left),
            Constraint::Percentage(100 - left),
        ])
        .areas(body);
        let [prose, output] =
            Layout::vertical([Constraint::Percentage(60), Constraint::Percentage(40)]).areas(left);
        // The panel on top, the prose below while it has room.
        let (quiz, prose) = match quiz {
            Some(rows) => {
                let rows = rows(prose.width).min(prose.height);
                let [quiz, rest] =
                    Layout::vertical([Constraint::Length(rows), Constraint::Min(0)]).areas(prose);
                (
                    Some(quiz),
                    if rest.height >= 3 {
                        rest
                    } else {
                        Rect::default()
                    },
                )
            }
            None => (None, prose),
        };
        let [code, timeline] =
            Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(right);
        let (code, code2) = if area.width >= 160 {
            let [a, b] = Layout::horizontal([Constraint::Percentage(50); 2]).areas(code);
            (a, Some(b))
        } else {
            (code, None)
        };
        Areas {
            title,
            prose,
            quiz,
            code,
            code2,
            output,
            timeline,
            status,
        }
    } else {
        let top = match quiz {
            // Room for the panel, up to half the screen; the prose yields.
            Some(rows) => Constraint::Length(rows(body.width).clamp(5, body.height / 2)),
            None => Constraint::Percentage(30),
        };
        let [top, middle, timeline] =
            Layout::vertical([top, Constraint::Percentage(35), Constraint::Min(5)]).areas(body);
        let (quiz, prose) = match quiz {
            Some(_) => (Some(top), Rect::default()),
            None => (None, top),
        };
        let [code, output] =
            Layout::horizontal([Constraint::Percentage(58), Constraint::Percentage(42)])
                .areas(middle);
        Areas {
            title,
            prose,
            quiz,
            code,
            code2: None,
            output,
            timeline,
            status,
        }
    }
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, lesson: &LessonState) {
    let theme = &app.theme;
    let l = &app.lessons[lesson.index];
    let areas = lesson_layout(app, lesson, area);
    let done = if app.progress.done.contains(&l.id) {
        " ✓"
    } else {
        ""
    };
    let mut title = Line::from(vec![
        Span::styled(
            format!(" {:>2} ", app.number(lesson.index)),
            theme.selected(),
        ),
        Span::styled(format!(" {}", for_terminal(&l.title)), theme.heading()),
        Span::styled(done, theme.ok()),
        Span::styled(super::quiz::score(app, lesson.index), theme.accent()),
    ]);
    // The summary gets what is left, cut after a whole word.
    let room = (areas.title.width as usize).saturating_sub(title.width());
    if let Some(summary) =
        super::status::fit_words(&for_terminal(&l.summary), room.saturating_sub(4))
    {
        title.push_span(Span::styled(format!("  — {summary}"), theme.dim()));
    }
    frame.render_widget(Paragraph::new(title), areas.title);

    if let (Some(panel), Some(rect)) = (&lesson.quiz, areas.quiz) {
        super::quiz::draw(frame, rect, app, l, panel);
    }
    if !areas.prose.is_empty() {
        let border = if lesson.focus == Some(Pane::Prose) {
            theme.focus_border()
        } else {
            theme.border()
        };
        let block = Block::bordered()
            .title(" Lesson  j/k scroll ")
            .border_style(border);
        let inner = block.inner(areas.prose);
        frame.render_widget(block, areas.prose);
        let max = crate::ui::scroll::prose_max(app, lesson, inner);
        frame.render_widget(
            Paragraph::new(crate::ui::scroll::prose(app, lesson))
                .wrap(Wrap { trim: false })
                .scroll((lesson.prose_scroll.min(max), 0)),
            inner,
        );
    }

    if !areas.code.is_empty() {
        super::code::draw(
            frame,
            areas.code,
            app,
            lesson,
            lesson.lang,
            areas.code2.is_none(),
        );
    }
    if let Some(code2) = areas.code2 {
        super::code::draw(frame, code2, app, lesson, lesson.lang.other(), false);
    }
    if !areas.output.is_empty() {
        super::output::draw(frame, areas.output, app, lesson);
    }
    if !areas.timeline.is_empty() {
        super::timeline::draw(frame, areas.timeline, app, lesson);
    }
    super::status::draw(frame, areas.status, app, lesson);
    if lesson.detail {
        super::detail::draw(frame, area, app, lesson);
    }
}
