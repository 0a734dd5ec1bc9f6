//! The help overlay (`?`).

use crate::ui::app::{App, Screen};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

const LESSON_KEYS: &[(&str, &str)] = &[
    ("Space", "run / pause / resume (first: predict)"),
    ("Q", "quiz: predict, then run"),
    ("1-9 ↑ ↓ Enter", "pick a prediction (Esc skips)"),
    ("s", "step to the next event"),
    ("+ -", "faster / slower (0.1x..10x)"),
    ("r", "restart the demo"),
    ("n p PgDn PgUp", "next / previous lesson"),
    ("Tab", "Python / Rust listing"),
    ("← →", "scrub through a finished run"),
    ("↑ ↓ Home End", "pick a task (Enter: its details)"),
    ("z", "fold / unfold the frame sub-rows"),
    ("f", "only unfinished tasks / all again"),
    ("/", "only tasks whose name has a text"),
    ("b", "jump to the busiest moment (ended run)"),
    ("j k wheel", "scroll the prose / lanes"),
    ("q Esc", "back to the list"),
];

const LIST_KEYS: &[(&str, &str)] = &[
    ("↑ ↓ j k", "move"),
    ("Enter", "open the lesson"),
    ("/", "filter by title"),
    ("Esc", "clear the filter / quit"),
    ("q", "quit"),
    ("?", "close this help"),
];

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let theme = &app.theme;
    let keys = match app.screen {
        Screen::List => LIST_KEYS,
        Screen::Lesson => LESSON_KEYS,
    };
    let mut lines: Vec<Line> = keys
        .iter()
        .map(|(k, what)| {
            Line::from(vec![
                Span::styled(format!("{k:>14} "), theme.accent()),
                Span::raw(*what),
            ])
        })
        .collect();
    lines.push(Line::from(""));
    for text in [
        "Timeline: one row per task. A name on a task's bar is one of its",
        "frames: a coroutine, async generator, iterator or context manager;",
        "the sub-rows under it (z) show every frame, one row per depth.",
        "█ running ▒ ready ─ timer ┄ awaits ▓ blocked ✓ done ✗ cancelled",
        "! failed: the task raised (its row ends there) ⊘ timed out",
        "≡ an executor job on a worker thread (not a task) ◇ deadline",
        "∎ async for ended (StopAsyncIteration)",
    ] {
        lines.push(Line::from(Span::styled(text, theme.dim())));
    }
    let h = lines.len() as u16 + 2;
    let rect = super::centered(area, 72, h);
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(ratatui::widgets::Wrap { trim: false })
            .block(
                Block::bordered()
                    .title(" Keys  ? closes ")
                    .border_style(theme.focus_border()),
            ),
        rect,
    );
}
