//! The help overlay (`?`).

use crate::ui::app::{App, Screen};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

const LESSON_KEYS: &[(&str, &str)] = &[
    ("Space", "run / pause / resume (first: predict)"),
    ("Q", "quiz: predict, then run (again: retake)"),
    ("a b c ↑ ↓ Enter", "pick a prediction (Esc skips)"),
    ("Space Enter", "then run it (the answer shows at the end)"),
    ("s", "step to the next event"),
    ("+ -", "faster / slower (0.1x..10x)"),
    ("r", "restart the demo"),
    ("e", "edit the demo ($VISUAL, $EDITOR); saved: rerun"),
    ("x", "export the run: svg, cast, trace or json file"),
    ("n p PgDn PgUp", "next / previous lesson"),
    ("F", "present: timeline / code+timeline / prose / all"),
    ("w", "focus prose / code / output (PgUp PgDn page it)"),
    ("Tab", "Python / Rust listing"),
    ("← →", "scrub through a finished run"),
    ("↑ ↓ Home End", "pick a task (Enter: its details)"),
    ("z", "fold / unfold the frame sub-rows"),
    ("f", "only unfinished tasks / all again"),
    ("/", "only tasks whose name has a text"),
    ("b", "jump to the busiest moment (ended run)"),
    ("j k wheel", "scroll the prose / lanes / output"),
    ("J K wheel", "scroll the code panes (a run: follow)"),
    ("q Esc", "back to the list"),
];

/// What the marks on the screen mean, under the keys.
const LEGEND: &[&str] = &[
    "Timeline: one row per task. A name on a task's bar is one of its",
    "frames: a coroutine, async generator, iterator or context manager;",
    "the sub-rows under it (z) show every frame, one row per depth.",
    "Code: ▶ a task's line (its colour); ▶▶ two tasks there, ▶+ more.",
    "█ running ▒ ready ─ timer ┄ awaits ▓ blocked ✓ done ✗ cancelled",
    "(the strip's ─wait counts tasks on a timer or awaiting)",
    "! failed: the task raised (its row ends there) ⊘ timed out",
    "≡ an executor job on a worker thread (not a task) ◇ deadline",
    "∎ async for ended (StopAsyncIteration)",
    "⚠ logged: a task exception never retrieved, or one in a callback",
];

const LIST_KEYS: &[(&str, &str)] = &[
    ("↑ ↓ j k", "move"),
    ("1-9", "open the lesson of that number"),
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
    for text in LEGEND {
        lines.push(Line::from(Span::styled(*text, theme.dim())));
    }
    let h = lines.len() as u16 + 2;
    let rect = super::centered(area, 72, h);
    // Too short for all of it: j/k scroll (see [`max_scroll`]).
    let scroll = app.help_scroll.min(max_scroll(app, area));
    let title = if h > rect.height {
        " Keys  j/k scroll  ? closes "
    } else {
        " Keys  ? closes "
    };
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(ratatui::widgets::Wrap { trim: false })
            .scroll((scroll, 0))
            .block(
                Block::bordered()
                    .title(title)
                    .border_style(theme.focus_border()),
            ),
        rect,
    );
}

/// How far the help scrolls on a screen of this size: the rows it needs
/// less the rows it has.
pub fn max_scroll(app: &App, area: Rect) -> u16 {
    let keys = match app.screen {
        Screen::List => LIST_KEYS.len(),
        Screen::Lesson => LESSON_KEYS.len(),
    };
    let needed = (keys + 1 + LEGEND.len()) as u16 + 2;
    needed.saturating_sub(area.height)
}
