//! The status line: lesson k/n, run state, virtual time, speed, keys.

use crate::engine::Outcome;
use crate::text::format_seconds;
use crate::ui::app::{App, LessonState, RunStatus};
use crate::ui::block::{Held, held_at};
use crate::ui::quiz::Phase;
use crate::ui::timeline::LaneState;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// A speed as shown: `1x`, `0.5x`, `10x`.
pub fn speed(s: f64) -> String {
    format!("{}x", format_seconds(s))
}

/// What the learner must know about the progress file: what went wrong
/// reading it (until a key is pressed), or why the last save failed.
pub fn progress_warning(app: &App) -> Option<String> {
    let p = &app.progress;
    let warning = p.notice.clone().or_else(|| {
        p.save_error
            .as_ref()
            .map(|e| format!("progress not saved: {e}"))
    })?;
    // It names files, whose names can hold anything.
    Some(crate::sanitize::for_terminal(&warning).into_owned())
}

/// What holds the thread: `event loop blocked by blocker(): time.sleep(2)
/// until t=2.5s`.
pub fn blocked(lesson: &LessonState, held: &Held) -> String {
    let t = lesson.view_time();
    let lane = held.lane.and_then(|i| lesson.timeline.lanes.get(i));
    let call = lane
        .and_then(|l| l.stmt_at(t))
        .and_then(|s| lesson.python.line_of(s))
        .and_then(|n| lesson.python.lines.get(n))
        .map(|line| {
            let line = line.trim();
            match line.char_indices().nth(40) {
                Some((i, _)) => format!("{}…", &line[..i]),
                None => line.to_string(),
            }
        });
    let by = match (lane, call) {
        (Some(l), Some(call)) => format!(" by {}: {call}", l.label()),
        (Some(l), None) => format!(" by {}", l.label()),
        _ => String::new(),
    };
    format!(
        "event loop blocked{by} until t={}s",
        format_seconds(held.until.as_secs_f64())
    )
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, lesson: &LessonState) {
    let theme = &app.theme;
    let held = held_at(&lesson.timeline, lesson.view_time());
    let (state, style) = match &lesson.status {
        RunStatus::Idle => ("■ ready", theme.dim()),
        RunStatus::Running if held.is_some() => ("▓ blocked", theme.state(LaneState::Blocked)),
        RunStatus::Running => ("▶ running", theme.ok()),
        RunStatus::Paused => ("⏸ paused", theme.accent()),
        RunStatus::Finished(Outcome::Finished) => ("✓ finished", theme.ok()),
        RunStatus::Finished(Outcome::Stopped) => ("■ stopped", theme.dim()),
        RunStatus::Finished(_) => ("✗ failed", theme.error()),
    };
    let time = match lesson.cursor {
        Some(c) => format!("t={}s (scrub)", format_seconds(c.as_secs_f64())),
        None => format!("t={}s", format_seconds(lesson.now.as_secs_f64())),
    };
    let l = &app.lessons[lesson.index];
    let quizzes = !l.quizzes.is_empty();
    let unanswered = app.progress.score(&l.id, l.quizzes.len()).0 < l.quizzes.len();
    let keys = match (&lesson.quiz, &lesson.status) {
        (Some(q), _) if q.is_asking() => "1-9 ↑/↓ Enter predict  Esc skip  ? help  q back",
        (Some(q), _) if matches!(q.phase, Phase::Revealed { .. }) => {
            "Enter next question  Esc close  ←/→ scrub  ? help  q back"
        }
        (_, RunStatus::Running) => "Space pause  s step  +/- speed  r restart  ? help  q back",
        (_, RunStatus::Finished(_)) if quizzes => {
            "←/→ scrub  Space run again  Q quiz  n next  ? help  q back"
        }
        (_, RunStatus::Finished(_)) => "←/→ scrub  Space run again  n next  ? help  q back",
        (None, RunStatus::Idle) if unanswered && !lesson.quiz_offered => {
            "Space predict & run  Q quiz  +/- speed  Tab lang  n/p lesson  ? help  q back"
        }
        _ if quizzes => {
            "Space run  Q quiz  s step  +/- speed  Tab lang  n/p lesson  ? help  q back"
        }
        _ => "Space run  s step  +/- speed  Tab lang  n/p lesson  ? help  q back",
    };
    // Many lanes: the keys that sort them out come first.
    let many = lesson.timeline.lanes.len() > app.timeline_rows();
    let keys = match (&lesson.status, many) {
        _ if lesson.lane_filter.typing => "type part of a task name  Enter keep  Esc clear".into(),
        (RunStatus::Finished(_), true) => format!("b busiest  f unfinished  / name  {keys}"),
        (_, true) => format!("f unfinished  / name  {keys}"),
        _ => keys.to_string(),
    };
    // A problem with the progress file takes the place of the keys.
    let keys = match progress_warning(app) {
        Some(warning) => Span::styled(format!("⚠ {warning}"), theme.error()),
        None => Span::styled(keys, theme.dim()),
    };
    let line = Line::from(vec![
        Span::styled(
            format!(" lesson {}/{} ", lesson.index + 1, app.lessons.len()),
            theme.selected(),
        ),
        Span::raw(" "),
        Span::styled(state, style.add_modifier(Modifier::BOLD)),
        Span::raw("  "),
        Span::raw(time),
        Span::raw("  "),
        Span::raw(speed(lesson.speed)),
        Span::raw("  "),
    ]);
    let mut line = line;
    if let Some(held) = held {
        line.push_span(Span::styled(
            blocked(lesson, &held),
            theme.state(LaneState::Blocked),
        ));
        line.push_span(Span::raw("  "));
    }
    line.push_span(keys);
    frame.render_widget(Paragraph::new(line), area);
}
