//! The quiz panel ("predict, then run"), drawn where the prose goes: the
//! question and numbered choices, then the prediction while the demo runs,
//! then the verdict with the run's answer and the explanation.

use crate::lesson::{Lesson, Quiz};
use crate::sanitize::for_terminal;
use crate::ui::app::App;
use crate::ui::quiz::{Phase, QuizPanel};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

/// A lesson's score as shown after its title: ` quiz 2/3` (right answers
/// out of its quizzes), or nothing before any prediction.
pub fn score(app: &App, index: usize) -> String {
    let l = &app.lessons[index];
    let (answered, right) = app.progress.score(&l.id, l.quizzes.len());
    if answered == 0 {
        String::new()
    } else {
        format!(" quiz {right}/{}", l.quizzes.len())
    }
}

/// `text` with its `code` spans in the code style, without the backticks.
fn inline_code(text: &str, style: Style, code: Style) -> Line<'static> {
    let text = for_terminal(text);
    // Backticks that pair up: the parts between them are code.
    let pairs = text.matches('`').count() / 2;
    let mut spans = Vec::new();
    for (i, part) in text.split('`').enumerate() {
        if part.is_empty() {
            continue;
        }
        let is_code = i % 2 == 1 && i <= pairs * 2;
        let part = if i > pairs * 2 {
            format!("`{part}")
        } else {
            part.to_string()
        };
        spans.push(Span::styled(part, if is_code { code } else { style }));
    }
    Line::from(spans)
}

/// A choice as shown: `2  fast finished`.
fn choice(quiz: &Quiz, i: usize) -> String {
    match quiz.choices.get(i) {
        Some(c) => format!("{}  {}", letter(i), for_terminal(c)),
        None => letter(i).to_string(),
    }
}

/// The letter of choice `i`: `a`, `b`, ...
pub fn letter(i: usize) -> char {
    char::from(b'a' + (i.min(25) as u8))
}

/// The panel's title with its style, its lines and its key hints.
fn content<'a>(
    app: &App,
    lesson: &Lesson,
    panel: &QuizPanel,
    quiz: &'a Quiz,
) -> ((String, Style), Vec<Line<'a>>, String) {
    let theme = &app.theme;
    let n = lesson.quizzes.len();
    let k = panel.index + 1;
    let title = match (&panel.phase, panel.verdict()) {
        (Phase::Asking, _) => (
            format!(" Predict, then run — quiz {k}/{n} "),
            theme.accent(),
        ),
        (Phase::Watching { .. }, _) => (format!(" Quiz {k}/{n} — watch the run "), theme.accent()),
        (_, Some(true)) => (format!(" Quiz {k}/{n} — ✓ right "), theme.ok()),
        (
            Phase::Revealed {
                correct: Err(_), ..
            },
            _,
        ) => (format!(" Quiz {k}/{n} — no answer "), theme.dim()),
        _ => (format!(" Quiz {k}/{n} — ✗ not this time "), theme.error()),
    };
    let mut lines = vec![inline_code(&quiz.question, theme.heading(), theme.code())];
    let keys: String = match &panel.phase {
        Phase::Asking | Phase::Predicted { .. } => {
            let picked = match panel.phase {
                Phase::Predicted { picked } => Some(picked),
                _ => None,
            };
            for i in 0..quiz.choices.len() {
                lines.push(if i == panel.selected {
                    Line::from(vec![
                        Span::styled("▶ ", theme.accent()),
                        Span::styled(choice(quiz, i), theme.selected()),
                    ])
                } else {
                    Line::from(format!("  {}", choice(quiz, i)))
                });
            }
            let last = letter(quiz.choices.len().saturating_sub(1));
            match picked {
                Some(p) => {
                    lines.push(Line::from(vec![
                        Span::raw("Your prediction: "),
                        Span::styled(letter(p).to_string(), theme.accent()),
                        Span::raw(". Space runs the demo."),
                    ]));
                    format!("Space/Enter run  a-{last} change  Esc skip")
                }
                None => format!("a-{last} or ↑/↓ Enter: predict  Esc skip"),
            }
        }
        Phase::Watching { picked } => {
            lines.push(Line::from(vec![
                Span::raw("Your prediction: "),
                Span::styled(choice(quiz, *picked), theme.accent()),
            ]));
            lines.push(Line::from(Span::styled(
                "The answer shows when the run ends.",
                theme.dim(),
            )));
            let paused = app
                .lesson
                .as_ref()
                .is_some_and(|l| l.status == crate::ui::app::RunStatus::Paused);
            if paused {
                "Space resume  s step  r restart".into()
            } else {
                "Space pause  +/- speed  r restart".into()
            }
        }
        Phase::Revealed { picked, correct } => {
            match correct {
                Ok(right) if right == picked => lines.push(Line::from(vec![
                    Span::styled("✓ Right: ", theme.ok().add_modifier(Modifier::BOLD)),
                    Span::raw(choice(quiz, *right)),
                ])),
                Ok(right) => {
                    lines.push(Line::from(vec![
                        Span::styled("✗ You said ", theme.error().add_modifier(Modifier::BOLD)),
                        Span::raw(choice(quiz, *picked)),
                    ]));
                    lines.push(Line::from(vec![
                        Span::styled("  The run says ", theme.ok()),
                        Span::raw(choice(quiz, *right)),
                    ]));
                }
                Err(why) => {
                    lines.push(Line::from(vec![
                        Span::raw("You said "),
                        Span::raw(choice(quiz, *picked)),
                    ]));
                    lines.push(Line::from(Span::styled(
                        format!("The run cannot check it: {}", for_terminal(why)),
                        theme.dim(),
                    )));
                }
            }
            if let Some(explain) = &quiz.explain {
                lines.push(inline_code(explain, theme.text(), theme.code()));
            }
            let (_, right) = app.progress.score(&lesson.id, n);
            if k < n {
                format!("Enter next question  Esc close  score {right}/{n}")
            } else {
                format!("Enter close  score {right}/{n}")
            }
        }
    };
    (title, lines, keys)
}

/// Rows the panel needs at this width, borders included.
pub fn height(app: &App, lesson: &Lesson, panel: &QuizPanel, width: u16) -> u16 {
    let Some(quiz) = lesson.quizzes.get(panel.index) else {
        return 0;
    };
    let (_, lines, _) = content(app, lesson, panel, quiz);
    let inner = width.saturating_sub(2).max(1) as usize;
    // Word wrapping can take a row more than the width alone says.
    let rows: usize = lines
        .iter()
        .map(|l| match l.width() {
            0 => 1,
            w if w <= inner => 1,
            w => w.div_ceil(inner) + 1,
        })
        .sum();
    (rows + 3).min(u16::MAX as usize) as u16
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, lesson: &Lesson, panel: &QuizPanel) {
    let theme = &app.theme;
    let Some(quiz) = lesson.quizzes.get(panel.index) else {
        return;
    };
    let ((title, title_style), lines, keys) = content(app, lesson, panel, quiz);
    let block = Block::bordered()
        .title(Span::styled(
            title,
            title_style.add_modifier(Modifier::BOLD),
        ))
        .border_style(theme.focus_border());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [body, footer] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), body);
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(keys, theme.dim()))),
        footer,
    );
}
