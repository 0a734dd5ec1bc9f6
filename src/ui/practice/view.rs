//! Drawing the practice screens: the exercise list, and an exercise's
//! task, hints, checklist, timeline and output. Pure functions of the
//! state.

use super::state::Practice;
use crate::practice::Exercise;
use crate::sanitize::for_terminal;
use crate::text::format_seconds;
use crate::ui::markdown;
use crate::ui::theme::Theme;
use crate::ui::timeline::Timeline;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use std::time::Duration;

/// Draws the list or the open exercise.
pub fn draw(f: &mut Frame, p: &Practice, theme: &Theme) {
    let [body, message, status] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(f.area());
    if p.open.is_some() {
        draw_exercise(f, body, p, theme);
    } else {
        draw_list(f, body, p, theme);
    }
    let keys = match &p.open {
        Some(open) => format!(
            "{} · e edit · h hint · r rerun · s solution · n next · q list",
            for_terminal(&open.file.shown)
        ),
        None => "↑↓ choose · Enter open · q quit".to_string(),
    };
    if let Some(m) = &p.message {
        f.render_widget(
            Paragraph::new(format!(" {}", for_terminal(m))).style(theme.accent()),
            message,
        );
    }
    f.render_widget(
        Paragraph::new(format!(" {keys}")).style(theme.dim()),
        status,
    );
}

fn draw_list(f: &mut Frame, area: Rect, p: &Practice, theme: &Theme) {
    let done = (0..p.exercises.len()).filter(|&i| p.is_done(i)).count();
    let title = format!(" Practice: {done} of {} exercises done ", p.exercises.len());
    let lines: Vec<Line> = p
        .exercises
        .iter()
        .enumerate()
        .map(|(i, ex)| {
            let mark = if p.is_done(i) { "✓" } else { " " };
            let text = format!(
                " {mark} {:>2}  {}",
                ex.number.unwrap_or(i as u32 + 1),
                for_terminal(&ex.title)
            );
            let style = if i == p.selected {
                theme.selected()
            } else if p.is_done(i) {
                theme.ok()
            } else {
                theme.text()
            };
            Line::styled(text, style)
        })
        .collect();
    let scroll = p
        .selected
        .saturating_sub(area.height.saturating_sub(3) as usize);
    f.render_widget(
        Paragraph::new(lines)
            .scroll((scroll as u16, 0))
            .block(pane(&title, theme)),
        area,
    );
}

fn pane<'a>(title: &'a str, theme: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border())
        .title(Span::styled(title, theme.heading()))
}

fn draw_exercise(f: &mut Frame, area: Rect, p: &Practice, theme: &Theme) {
    let open = p.open.as_ref().expect("an exercise is open");
    let ex = &p.exercises[open.index];
    let [top, bottom] =
        Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(area);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(top);
    let title = format!(
        " {} · {} ",
        ex.number.map_or_else(String::new, |n| format!("{n:02}")),
        for_terminal(&ex.title)
    );
    if open.solution_shown {
        let lines: Vec<Line> = ex
            .solution
            .lines()
            .map(|l| Line::styled(for_terminal(l).into_owned(), theme.code()))
            .collect();
        f.render_widget(
            Paragraph::new(lines).block(pane(" Reference solution (q: back) ", theme)),
            left,
        );
    } else {
        f.render_widget(
            Paragraph::new(task_lines(ex, open.hints_shown, theme))
                .wrap(Wrap { trim: false })
                .block(pane(&title, theme)),
            left,
        );
    }
    let passed = p.passed();
    let ended = open.graded.as_ref().map_or_else(String::new, |g| {
        format!(
            ", run ended at t={}",
            format_seconds(g.report.duration().as_secs_f64())
        )
    });
    let checks_title = if open.grading {
        " Checks (running…) ".to_string()
    } else if passed {
        format!(" Checks ✓ all pass{ended} ")
    } else {
        format!(" Checks{ended} ")
    };
    f.render_widget(
        Paragraph::new(check_lines(open, right.width.saturating_sub(2), theme))
            .wrap(Wrap { trim: false })
            .block(pane(&checks_title, theme).border_style(if passed {
                theme.ok()
            } else {
                theme.border()
            })),
        right,
    );
    let out_height = open.timeline.as_ref().map_or(3, |t| {
        (t.output.len() as u16 + 2).clamp(3, bottom.height / 2)
    });
    let [lanes, output] =
        Layout::vertical([Constraint::Min(3), Constraint::Length(out_height)]).areas(bottom);
    match &open.timeline {
        Some(t) => draw_timeline(f, lanes, t, theme),
        None => f.render_widget(pane(" Timeline ", theme), lanes),
    }
    // The last lines printed, as many as fit.
    let fits = output.height.saturating_sub(2) as usize;
    let out: Vec<Line> = open.timeline.as_ref().map_or_else(Vec::new, |t| {
        t.output[t.output.len().saturating_sub(fits)..]
            .iter()
            .map(|(time, _, text)| {
                Line::from(vec![
                    Span::styled(
                        format!("[t={}] ", format_seconds(time.as_secs_f64())),
                        theme.dim(),
                    ),
                    Span::raw(text.clone()),
                ])
            })
            .collect()
    });
    f.render_widget(Paragraph::new(out).block(pane(" Output ", theme)), output);
}

fn task_lines(ex: &Exercise, hints: usize, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = markdown::render(&for_terminal(&ex.task), theme);
    for (i, hint) in ex.hints.iter().take(hints).enumerate() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(format!("Hint {}", i + 1), theme.accent()));
        lines.extend(markdown::render(&for_terminal(hint), theme));
    }
    if hints < ex.hints.len() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            format!("h: a hint ({} of {})", hints + 1, ex.hints.len()),
            theme.dim(),
        ));
    }
    lines
}

/// `text` cut into lines of at most `width` characters at spaces, each
/// after the first indented by `indent` spaces.
fn wrap_indented(text: &str, width: usize, indent: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let used = line.chars().count();
        if used > indent && used + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if line.is_empty() {
            line = " ".repeat(indent);
        } else if line.chars().count() > indent {
            line.push(' ');
        }
        line.push_str(word);
    }
    lines.push(line);
    lines
}

fn check_lines(open: &super::state::Open, width: u16, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    if let Some(error) = &open.error {
        lines.push(Line::styled(
            "✗ your file does not load:".to_string(),
            theme.error(),
        ));
        lines.extend(
            for_terminal(error)
                .lines()
                .map(|l| Line::styled(l.to_string(), theme.error())),
        );
        if open.graded.is_some() {
            lines.push(Line::styled(
                "(the timeline below is from the last file that loaded)".to_string(),
                theme.dim(),
            ));
        }
        return lines;
    }
    let Some(graded) = &open.graded else {
        lines.push(Line::styled("running…".to_string(), theme.dim()));
        return lines;
    };
    for v in &graded.verdicts {
        match &v.failure {
            None => lines.push(Line::styled(
                format!("✓ {}", for_terminal(&v.label)),
                theme.ok(),
            )),
            Some(why) => {
                lines.push(Line::styled(
                    format!("✗ {}", for_terminal(&v.label)),
                    theme.error(),
                ));
                lines.extend(
                    wrap_indented(&for_terminal(why), width as usize, 4)
                        .into_iter()
                        .map(Line::raw),
                );
            }
        }
    }
    lines
}

/// Lanes as rows of state glyphs over the run's virtual time.
fn draw_timeline(f: &mut Frame, area: Rect, t: &Timeline, theme: &Theme) {
    let end = t.horizon().max(Duration::from_millis(1));
    let title = format!(" Timeline: 0 to {} s ", format_seconds(end.as_secs_f64()));
    let block = pane(&title, theme);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let label_width = (inner.width / 3).clamp(8, 28) as usize;
    let cols = (inner.width as usize)
        .saturating_sub(label_width + 1)
        .max(1);
    // The last row is the time axis.
    let rows = (inner.height as usize).saturating_sub(1);
    let shown = if t.lanes.len() > rows {
        rows.saturating_sub(1)
    } else {
        t.lanes.len()
    };
    let mut lines: Vec<Line> = t
        .lanes
        .iter()
        .take(shown)
        .enumerate()
        .map(|(i, lane)| {
            let mut label: String = lane.label().chars().take(label_width).collect();
            let pad = label_width - label.chars().count();
            label.push_str(&" ".repeat(pad + 1));
            let mut spans = vec![Span::styled(label, theme.lane(i))];
            for c in 0..cols {
                let from = end.mul_f64(c as f64 / cols as f64);
                let to = end.mul_f64((c + 1) as f64 / cols as f64);
                spans.push(match lane.state_in(from, to) {
                    Some(s) => Span::styled(s.glyph().to_string(), theme.state(s)),
                    None => Span::raw(" "),
                });
            }
            Line::from(spans)
        })
        .collect();
    if shown < t.lanes.len() {
        lines.push(Line::styled(
            format!("… and {} more tasks", t.lanes.len() - shown),
            theme.dim(),
        ));
    }
    while lines.len() < rows {
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled(axis(label_width + 1, cols, end), theme.dim()));
    f.render_widget(Paragraph::new(lines).style(Style::default()), inner);
}

/// The time axis under the lanes: a mark with its time at the start, the
/// middle and the end of `cols` columns after `indent` of labels.
fn axis(indent: usize, cols: usize, end: Duration) -> String {
    let mut row: Vec<char> = " ".repeat(indent + cols).chars().collect();
    let marks = [0, cols / 2, cols.saturating_sub(1)];
    for (k, &c) in marks.iter().enumerate() {
        // Within a column of the mark: the round times read better.
        let t = end.as_secs_f64() * [0.0, 0.5, 1.0][k];
        let label = if k == 2 {
            format!("{}s ┘", format_seconds(t))
        } else {
            format!("└ {}s", format_seconds(t))
        };
        let n = label.chars().count();
        let start = if k == 2 {
            (indent + c + 1).saturating_sub(n)
        } else {
            indent + c
        };
        for (i, ch) in label.chars().enumerate() {
            if let Some(cell) = row.get_mut(start + i) {
                *cell = ch;
            }
        }
    }
    row.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_axis_marks_start_middle_and_end() {
        let row = axis(4, 30, Duration::from_secs(3));
        assert_eq!(row, "    └ 0s           └ 1.5s     3s ┘");
        assert_eq!(row.chars().count(), 34);
    }

    #[test]
    fn failures_wrap_under_their_indent() {
        assert_eq!(
            wrap_indented("at t=0 nine tasks were busy at once", 16, 4),
            ["    at t=0 nine", "    tasks were", "    busy at once"]
        );
    }
}
