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

/// What holds the thread, longest first: `event loop blocked by
/// blocker(): time.sleep(2) until t=2.5s`, then without the task, then
/// without the call; the status line shows the longest that fits.
pub fn blocked(lesson: &LessonState, held: &Held) -> Vec<String> {
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
    let until = format!("until t={}s", format_seconds(held.until.as_secs_f64()));
    let mut variants = Vec::new();
    match (lane, &call) {
        (Some(l), Some(call)) => variants.push(format!(
            "event loop blocked by {}: {call} {until}",
            l.label()
        )),
        (Some(l), None) => variants.push(format!("event loop blocked by {} {until}", l.label())),
        _ => {}
    }
    if let Some(call) = &call {
        variants.push(format!("loop blocked: {call} {until}"));
    }
    variants.push(format!("loop blocked {until}"));
    variants
}

/// The key hints for the lesson screen, in the order shown, and the order
/// they are dropped in when the line is short: the key to press next stays
/// longest, then `? help`, then the others from the left.
fn hints(app: &App, lesson: &LessonState) -> Vec<&'static str> {
    let l = &app.lessons[lesson.index];
    let quizzes = !l.quizzes.is_empty();
    let unanswered = app.progress.score(&l.id, l.quizzes.len()).0 < l.quizzes.len();
    let keys: &[&str] = match (&lesson.quiz, &lesson.status) {
        _ if lesson.lane_filter.typing => &["type part of a task name", "Enter keep", "Esc clear"],
        (Some(q), _) if q.is_asking() => &["1-9 ↑/↓ Enter predict", "Esc skip", "? help", "q back"],
        (Some(q), _) if matches!(q.phase, Phase::Revealed { .. }) => &[
            "Enter next question",
            "Esc close",
            "←/→ scrub",
            "? help",
            "q back",
        ],
        (_, RunStatus::Running) => &[
            "Space pause",
            "s step",
            "+/- speed",
            "r restart",
            "z frames",
            "? help",
            "q back",
        ],
        (_, RunStatus::Finished(_)) if quizzes => &[
            "Space run again",
            "←/→ scrub",
            "Q quiz",
            "n next",
            "z frames",
            "? help",
            "q back",
        ],
        (_, RunStatus::Finished(_)) => &[
            "Space run again",
            "←/→ scrub",
            "n next",
            "z frames",
            "? help",
            "q back",
        ],
        (None, RunStatus::Idle) if unanswered && !lesson.quiz_offered => &[
            "Space predict & run",
            "Q quiz",
            "+/- speed",
            "Tab lang",
            "n/p lesson",
            "z frames",
            "? help",
            "q back",
        ],
        _ if quizzes => &[
            "Space run",
            "Q quiz",
            "s step",
            "+/- speed",
            "Tab lang",
            "n/p lesson",
            "z frames",
            "? help",
            "q back",
        ],
        _ => &[
            "Space run",
            "s step",
            "+/- speed",
            "Tab lang",
            "n/p lesson",
            "z frames",
            "? help",
            "q back",
        ],
    };
    let mut keys = keys.to_vec();
    // Many lanes: the keys that sort them out come right after the first.
    let many = lesson.timeline.lanes.len() > app.timeline_rows();
    if many && !lesson.lane_filter.typing && lesson.quiz.is_none() {
        let sort: &[&str] = match lesson.status {
            RunStatus::Finished(_) => &["b busiest", "f unfinished", "/ name"],
            _ => &["f unfinished", "/ name"],
        };
        keys.splice(1..1, sort.iter().copied());
    }
    keys
}

/// `text` in at most `width` columns, cut after a whole word with `…`.
fn fit_words(text: &str, width: usize) -> Option<String> {
    if Span::raw(text).width() <= width {
        return Some(text.to_string());
    }
    let mut out = String::new();
    for word in text.split(' ') {
        let next = if out.is_empty() {
            word.to_string()
        } else {
            format!("{out} {word}")
        };
        if Span::raw(next.as_str()).width() + 1 > width {
            break;
        }
        out = next;
    }
    (!out.is_empty()).then(|| format!("{out}…"))
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
    let width = |s: &str| Span::raw(s).width();
    const GAP: usize = 2;
    let badge = format!(" lesson {}/{} ", lesson.index + 1, app.lessons.len());
    let head = format!("{state}  {time}  {}", speed(lesson.speed));
    let mut room = (area.width as usize).saturating_sub(width(&head));
    let warning = progress_warning(app);
    let hints = hints(app, lesson);
    // Dropped last: the key to press next, then `? help`, then the lesson
    // badge (`None`), then the other keys from the left.
    let help = hints.iter().position(|h| *h == "? help");
    let mut order: Vec<Option<usize>> = vec![Some(0)];
    order.extend(help.filter(|&h| h != 0).map(Some));
    order.push(None);
    order.extend((1..hints.len()).filter(|&i| Some(i) != help).map(Some));
    let cost = |item: Option<usize>| match item {
        Some(i) => width(hints[i]) + GAP,
        None => width(&badge) + 1,
    };
    // The blocked message: the longest form that leaves room for the
    // next key, else the longest that fits.
    let needed = cost(order[0]);
    let block = held.map(|h| blocked(lesson, &h)).and_then(|variants| {
        let fits = |v: &&String, spare: usize| width(v) + GAP + spare <= room;
        variants
            .iter()
            .find(|v| fits(v, needed))
            .or_else(|| variants.iter().find(|v| fits(v, 0)))
            .cloned()
    });
    if let Some(b) = &block {
        room -= width(b) + GAP;
    }
    // A problem with the progress file takes the place of the keys.
    let mut shown = vec![false; hints.len()];
    let mut badge_shown = false;
    let mut warned = None;
    match &warning {
        Some(w) => {
            if cost(None) <= room {
                room -= cost(None);
                badge_shown = true;
            }
            warned = fit_words(&format!("⚠ {w}"), room.saturating_sub(GAP));
        }
        None => {
            for &item in &order {
                if cost(item) > room {
                    break;
                }
                room -= cost(item);
                match item {
                    Some(i) => shown[i] = true,
                    None => badge_shown = true,
                }
            }
        }
    }
    let mut line = Line::default();
    if badge_shown {
        line.push_span(Span::styled(badge, theme.selected()));
        line.push_span(Span::raw(" "));
    }
    line.push_span(Span::styled(state, style.add_modifier(Modifier::BOLD)));
    line.push_span(Span::raw(format!("  {time}  {}", speed(lesson.speed))));
    if let Some(b) = block {
        line.push_span(Span::raw("  "));
        line.push_span(Span::styled(b, theme.state(LaneState::Blocked)));
    }
    if let Some(w) = warned {
        line.push_span(Span::raw("  "));
        line.push_span(Span::styled(w, theme.error()));
    }
    let keys: Vec<&str> = (0..hints.len())
        .filter(|&i| shown[i])
        .map(|i| hints[i])
        .collect();
    if !keys.is_empty() {
        line.push_span(Span::raw("  "));
        line.push_span(Span::styled(keys.join("  "), theme.dim()));
    }
    frame.render_widget(Paragraph::new(line), area);
}
