//! The lesson screen's panes on every built-in lesson: the prose scrolls to
//! its last row, the code panes show `main` before a run, scroll by hand,
//! and mark the same moments in Python and in Rust.

use asynclings::engine::{Limits, run_headless};
use asynclings::lesson::Lessons;
use asynclings::ui::app::{App, Msg, RunStatus};
use asynclings::ui::highlight::Lang;
use asynclings::ui::progress::Progress;
use asynclings::ui::theme::Theme;
use asynclings::ui::view;
use crossterm::event::KeyCode;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::widgets::{Paragraph, Widget, Wrap};

fn app() -> App {
    App::new(
        Lessons::built_in().lessons,
        Progress::default(),
        Theme::mono(),
    )
}

/// The screen's rows.
fn draw(app: &mut App, w: u16, h: u16) -> Vec<String> {
    app.update(Msg::Resize(w, h));
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| view::draw(f, app)).unwrap();
    rows(terminal.backend().buffer(), Rect::new(0, 0, w, h))
}

fn rows(buf: &Buffer, area: Rect) -> Vec<String> {
    (area.top()..area.bottom())
        .map(|y| {
            (area.left()..area.right())
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
        })
        .collect()
}

/// Opens lesson `i` with its whole run loaded, as after running it.
fn ran(app: &mut App, i: usize) {
    app.open(i);
    let report = run_headless(app.lessons[i].script(), &Limits::default());
    app.lesson
        .as_mut()
        .unwrap()
        .load_events(&report.events, RunStatus::Finished(report.outcome));
}

/// The last non-blank row of the prose wrapped at the pane's width, the
/// pane's inner area and the prose's rows.
fn last_prose_row(app: &App, size: (u16, u16)) -> (String, Rect, usize) {
    let lesson = app.lesson.as_ref().unwrap();
    let area = Rect::new(0, 0, size.0, size.1);
    let inner = view::lesson::lesson_layout(app, lesson, area)
        .prose
        .inner(Margin::new(1, 1));
    let para =
        Paragraph::new(asynclings::ui::scroll::prose(app, lesson)).wrap(Wrap { trim: false });
    let height = para.line_count(inner.width) as u16;
    let full = Rect::new(0, 0, inner.width, height);
    let mut buf = Buffer::empty(full);
    para.render(full, &mut buf);
    let last = rows(&buf, full)
        .into_iter()
        .rev()
        .find(|r| !r.trim().is_empty())
        .unwrap_or_default();
    (last.trim_end().to_string(), inner, height as usize)
}

#[test]
fn the_prose_scrolls_to_its_last_row_in_every_lesson() {
    for size in [(80, 24), (120, 40), (200, 60)] {
        for i in 0..app().lessons.len() {
            let mut app = app();
            ran(&mut app, i);
            draw(&mut app, size.0, size.1);
            let (last, inner, count) = last_prose_row(&app, size);
            let presses = count.saturating_sub(inner.height as usize) + 2;
            for _ in 0..presses {
                app.update(Msg::key(KeyCode::Char('j')));
            }
            let screen = draw(&mut app, size.0, size.1);
            let pane: Vec<&str> = screen[inner.top() as usize..inner.bottom() as usize]
                .iter()
                .map(|r| {
                    let start = r
                        .char_indices()
                        .nth(inner.x as usize)
                        .map_or(r.len(), |c| c.0);
                    &r[start..]
                })
                .collect();
            assert!(
                pane.iter().any(|r| r.starts_with(&last)),
                "lesson {} at {size:?}: the last prose row {last:?} is not reachable:\n{}",
                i + 1,
                screen.join("\n")
            );
            // And `k` scrolls back to the top at once (no rows past the end).
            for _ in 0..presses {
                app.update(Msg::key(KeyCode::Char('k')));
            }
            assert_eq!(app.lesson.as_ref().unwrap().prose_scroll, 0);
        }
    }
}

#[test]
fn the_prose_after_the_run_shows_once_the_demo_has_run() {
    let mut app = app();
    let i = 0;
    app.lessons[i].after_run = "What the run showed: **zebra** finished last.".into();
    app.open(i);
    let before = draw(&mut app, 200, 60).join("\n");
    assert!(!before.contains("zebra"), "{before}");
    ran(&mut app, i);
    for _ in 0..400 {
        app.update(Msg::key(KeyCode::Char('j')));
    }
    let after = draw(&mut app, 200, 60).join("\n");
    assert!(
        after.contains("What the run showed: zebra finished last."),
        "{after}"
    );
}

/// The rows of the code pane titled `title` (inner, without the gutter's
/// borders).
fn code_pane(screen: &[String], title: &str) -> String {
    let top = screen.iter().position(|r| r.contains(title)).expect(title);
    let chars: Vec<char> = screen[top].chars().collect();
    let at = screen[top][..screen[top].find(title).unwrap()]
        .chars()
        .count();
    let col = (0..at).rev().find(|&c| chars[c] == '┌').unwrap_or(0);
    let right = (at..chars.len())
        .find(|&c| chars[c] == '┐')
        .unwrap_or(chars.len());
    screen[top + 1..]
        .iter()
        .take_while(|r| r.chars().nth(col).is_none_or(|c| c != '└'))
        .map(|r| {
            r.chars()
                .skip(col + 1)
                .take(right - col - 1)
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn before_a_run_the_code_pane_shows_main() {
    let mut app = app();
    let wait_for = app
        .lessons
        .iter()
        .position(|l| l.id == "wait-for")
        .expect("lesson wait-for");
    let gather = app
        .lessons
        .iter()
        .position(|l| l.id == "gather")
        .expect("lesson gather");
    app.open(wait_for);
    let screen = draw(&mut app, 120, 40);
    let pane = code_pane(&screen, "Python (asyncio)");
    assert!(pane.contains("wait_for(query(\"orders\", 5)"), "{pane}");
    app.open(gather);
    let screen = draw(&mut app, 80, 24);
    let pane = code_pane(&screen, "Python (asyncio)");
    assert!(pane.contains("asyncio.gather("), "{pane}");
}

#[test]
fn the_code_pane_scrolls_by_hand_to_both_ends() {
    let mut app = app();
    let wait_for = app.lessons.iter().position(|l| l.id == "wait-for").unwrap();
    app.open(wait_for);
    draw(&mut app, 80, 24);
    for _ in 0..100 {
        app.update(Msg::key(KeyCode::Char('K')));
    }
    let pane = code_pane(&draw(&mut app, 80, 24), "Python (asyncio)");
    assert!(pane.contains(" 1 import asyncio"), "{pane}");
    for _ in 0..100 {
        app.update(Msg::key(KeyCode::Char('J')));
    }
    let pane = code_pane(&draw(&mut app, 80, 24), "Python (asyncio)");
    assert!(pane.contains("asyncio.run(main())"), "{pane}");
    assert!(!pane.contains(" 1 import asyncio"), "{pane}");
}

#[test]
fn both_listings_mark_every_moment_of_every_lesson() {
    let mut app = app();
    for i in 0..app.lessons.len() {
        ran(&mut app, i);
        let lesson = app.lesson.as_mut().unwrap();
        let times = lesson.timeline.times.clone();
        for t in times {
            lesson.cursor = Some(t);
            let py = view::code::markers(lesson, Lang::Python);
            let rs = view::code::markers(lesson, Lang::Rust);
            let tasks = |m: &std::collections::BTreeMap<usize, Vec<usize>>| {
                let mut v: Vec<usize> = m.values().flatten().copied().collect();
                v.sort();
                v
            };
            if !lesson.rust.lines.is_empty() {
                assert_eq!(
                    tasks(&py),
                    tasks(&rs),
                    "lesson {} at t={t:?}: Python marks {py:?}, Rust {rs:?}",
                    i + 1
                );
            }
        }
    }
}

#[test]
fn the_help_scrolls_to_its_last_legend_line_at_80x24() {
    let mut app = app();
    app.open(0);
    app.update(Msg::key(KeyCode::Char('?')));
    let screen = draw(&mut app, 80, 24).join("\n");
    assert!(screen.contains("j/k scroll"), "{screen}");
    assert!(!screen.contains("∎ async for ended"), "{screen}");
    for _ in 0..30 {
        app.update(Msg::key(KeyCode::Char('j')));
    }
    let screen = draw(&mut app, 80, 24).join("\n");
    assert!(screen.contains("∎ async for ended"), "{screen}");
    assert!(
        screen.contains("⚠ logged: a task exception never"),
        "{screen}"
    );
    assert!(screen.contains("▶▶ two tasks there, ▶+ more"), "{screen}");
}

#[test]
fn quiz_questions_show_code_without_backticks() {
    use asynclings::ui::quiz::QuizPanel;
    let mut app = app();
    let i = app
        .lessons
        .iter()
        .position(|l| !l.quizzes.is_empty())
        .unwrap();
    app.lessons[i].quizzes[0].question = "What does `gather` return, and when?".into();
    app.open(i);
    app.lesson.as_mut().unwrap().quiz = Some(QuizPanel::ask(0));
    let screen = draw(&mut app, 80, 24).join("\n");
    assert!(
        screen.contains("What does gather return, and when?"),
        "{screen}"
    );
}

#[test]
fn a_long_summary_is_cut_after_a_whole_word() {
    let mut app = app();
    app.lessons[0].summary =
        "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi"
            .into();
    app.open(0);
    let screen = draw(&mut app, 80, 24);
    let title = screen[0].trim_end();
    assert!(title.ends_with('…'), "{title}");
    let before = title.trim_end_matches('…');
    let last = before.split_whitespace().last().unwrap();
    assert!(
        app.lessons[0].summary.split(' ').any(|w| w == last),
        "cut mid-word: {title}"
    );
}

#[test]
fn the_gather_call_shows_while_its_quiz_is_asked_at_80x24() {
    let mut app = app();
    let gather = app.lessons.iter().position(|l| l.id == "gather").unwrap();
    app.open(gather);
    draw(&mut app, 80, 24);
    app.update(Msg::key(KeyCode::Char(' ')));
    assert!(app.lesson.as_ref().unwrap().quiz.is_some());
    let screen = draw(&mut app, 80, 24).join("\n");
    assert!(screen.contains("asyncio.gather("), "{screen}");
}
