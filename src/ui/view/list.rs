//! The lesson list: number, title, summary, done mark; `/` filters.

use crate::sanitize::for_terminal;
use crate::ui::app::App;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let theme = &app.theme;
    let [body, bottom] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
    // Only the lessons shown count: the progress file may hold other sets'.
    let n = app.lessons.len();
    let done = app
        .lessons
        .iter()
        .filter(|l| app.progress.done.contains(&l.id))
        .count();
    let noun = if n == 1 { "lesson" } else { "lessons" };
    let title = format!(" asynclings — {n} {noun}, {done} done ");
    let block = Block::bordered()
        .title(Span::styled(title, theme.accent()))
        .border_style(theme.border());
    let inner = block.inner(body);
    frame.render_widget(block, body);
    let broken_rows = if app.broken.is_empty() {
        0
    } else {
        (app.broken.len() as u16 + 1).min(inner.height / 3).max(2)
    };
    let [inner, broken_area] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(broken_rows)]).areas(inner);
    if broken_rows > 0 {
        let mut lines = vec![Line::from(Span::styled(
            format!(
                "⚠ {} file{} could not be loaded (`asynclings check` shows the full report):",
                app.broken.len(),
                if app.broken.len() == 1 { "" } else { "s" }
            ),
            theme.error(),
        ))];
        for report in &app.broken {
            lines.push(Line::from(Span::styled(
                format!("  {}", for_terminal(report)),
                theme.error(),
            )));
        }
        frame.render_widget(Paragraph::new(lines), broken_area);
    }

    let shown = app.filtered();
    // Two rows per lesson: title, then summary.
    let per_page = (inner.height as usize / 2).max(1);
    let selected = app.list.selected.min(shown.len().saturating_sub(1));
    let first = selected.saturating_sub(per_page - 1);
    let mut lines = Vec::new();
    if app.lessons.is_empty() {
        lines.push(Line::from(Span::styled("No lessons found.", theme.dim())));
    } else if shown.is_empty() {
        lines.push(Line::from(Span::styled(
            "No lesson matches the filter.",
            theme.dim(),
        )));
    }
    for (pos, &i) in shown.iter().enumerate().skip(first).take(per_page) {
        let l = &app.lessons[i];
        let is_done = app.progress.done.contains(&l.id);
        let mark = if is_done {
            Span::styled("✓ ", theme.ok())
        } else {
            Span::raw("  ")
        };
        let mut title_style = theme.text().add_modifier(Modifier::BOLD);
        let pointer = if pos == selected {
            title_style = title_style.patch(theme.selected());
            "▶ "
        } else {
            "  "
        };
        lines.push(Line::from(vec![
            Span::styled(pointer, theme.accent()),
            mark,
            Span::styled(format!("{:>2}  ", app.number(i)), theme.dim()),
            Span::styled(for_terminal(&l.title).into_owned(), title_style),
            Span::styled(super::quiz::score(app, i), theme.dim()),
        ]));
        lines.push(Line::from(vec![
            Span::raw("        "),
            Span::styled(
                super::status::fit_words(
                    &for_terminal(&l.summary),
                    (inner.width as usize).saturating_sub(8),
                )
                .unwrap_or_default(),
                theme.dim(),
            ),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), inner);

    let bar = if let Some(warning) = super::status::progress_warning(app) {
        Line::from(Span::styled(format!(" ⚠ {warning}"), theme.error()))
    } else if !app.list.jump.is_empty() {
        Line::from(vec![
            Span::styled(format!(" lesson {}▏", app.list.jump), theme.selected()),
            Span::styled("  Enter open  more digits  Esc cancel", theme.dim()),
        ])
    } else if app.list.filtering {
        Line::from(vec![
            Span::styled(" / ", theme.selected()),
            Span::raw(format!(" {}▏", for_terminal(&app.list.filter))),
            Span::styled("  Enter keep  Esc clear", theme.dim()),
        ])
    } else if !app.list.filter.is_empty() {
        Line::from(vec![
            Span::styled(
                format!(" filter: {} ", for_terminal(&app.list.filter)),
                theme.selected(),
            ),
            Span::styled("  Esc clear  / edit  Enter open  q quit", theme.dim()),
        ])
    } else {
        Line::from(Span::styled(
            " ↑/↓ move  Enter open  1-9 number  / filter  ? help  q quit",
            theme.dim(),
        ))
    };
    frame.render_widget(Paragraph::new(bar), bottom);
}
