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
    let warning = app
        .edit_error
        .clone()
        .or_else(|| p.notice.clone())
        .or_else(|| {
            p.save_error
                .as_ref()
                .map(|e| format!("progress not saved: {e}"))
        })?;
    // It names files, whose names can hold anything.
    Some(crate::sanitize::for_terminal(&warning).into_owned())
}

/// What holds the thread, most detailed first, each worded the same way
/// after `▓ blocked`: `by blocker(): time.sleep(2) until t=2.5s`, then
/// without the task, then without the call, then the time alone. The
/// status line shows the most detailed that fits.
pub fn blocked(lesson: &LessonState, held: &Held) -> Vec<String> {
    let t = lesson.view_time();
    let lane = held.lane.and_then(|i| lesson.timeline.lanes.get(i));
    let call = lane
        .and_then(|l| l.stmt_at(t))
        .and_then(|s| lesson.python.line_of(s))
        .and_then(|n| lesson.python.lines.get(n))
        .map(|line| {
            // The call without a trailing comment.
            let line = line.split(" #").next().unwrap_or(line).trim();
            match line.char_indices().nth(40) {
                Some((i, _)) => format!("{}…", &line[..i]),
                None => line.to_string(),
            }
        });
    let until = format!("until t={}s", format_seconds(held.until.as_secs_f64()));
    let mut variants = Vec::new();
    if let (Some(l), Some(call)) = (lane, &call) {
        variants.push(format!("by {}: {call} {until}", l.label()));
    }
    if let Some(call) = &call {
        variants.push(format!("{call} {until}"));
    }
    if let Some(l) = lane {
        variants.push(format!("by {} {until}", l.label()));
    }
    variants.push(until);
    variants
}

/// The key hints for the lesson screen, in the order shown, and the order
/// they are dropped in when the line is short: the key to press next stays
/// longest, then `? help`, then the others from the left.
fn hints(app: &App, lesson: &LessonState) -> Vec<&'static str> {
    let l = &app.lessons[lesson.index];
    let quizzes = !l.quizzes.is_empty();
    let unanswered = app.progress.score(&l.id, l.quizzes.len()).0 < l.quizzes.len();
    let last_question = lesson
        .quiz
        .as_ref()
        .is_some_and(|q| q.index + 1 >= l.quizzes.len());
    let keys: &[&str] = match (&lesson.quiz, &lesson.status) {
        _ if app.exporting => &[
            "export as:",
            "s svg",
            "c cast",
            "t trace",
            "j json",
            "Esc cancel",
        ],
        _ if lesson.lane_filter.typing => &["type part of a task name", "Enter keep", "Esc clear"],
        (Some(q), _) if matches!(q.phase, Phase::Predicted { .. }) => {
            &["Space run", "letter change", "Esc skip", "? help", "q back"]
        }
        (Some(q), _) if q.is_asking() => &["a-z ↑/↓ Enter predict", "Esc skip", "? help", "q back"],
        (Some(q), _) if matches!(q.phase, Phase::Revealed { .. }) && last_question => &[
            "Enter close",
            "Space run again",
            "←/→ scrub",
            "? help",
            "q back",
        ],
        (Some(q), _) if matches!(q.phase, Phase::Revealed { .. }) => &[
            "Enter next question",
            "Esc close",
            "Space run again",
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
        (_, RunStatus::Paused) if lesson.run.is_some() => &[
            "Space resume",
            "s step",
            "←/→ scrub",
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
            "x export",
            "? help",
            "q back",
        ],
        (_, RunStatus::Finished(_)) => &[
            "Space run again",
            "←/→ scrub",
            "n next",
            "z frames",
            "x export",
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
    // Presenting: no key chatter (the presenter knows n/p and F).
    if app.zoom.is_some() && lesson.quiz.is_none() && !app.exporting {
        return Vec::new();
    }
    let mut keys = keys.to_vec();
    // One program: no other lesson to go to.
    let last = lesson.index + 1 >= app.lessons.len();
    keys.retain(|k| match *k {
        "n/p lesson" => app.lessons.len() > 1,
        "n next" => !last,
        _ => true,
    });
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
pub fn fit_words(text: &str, width: usize) -> Option<String> {
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
        RunStatus::Finished(Outcome::Aborted(m)) if m.starts_with("deadlock") => {
            ("✗ deadlock", theme.error())
        }
        RunStatus::Finished(_) => ("✗ failed", theme.error()),
    };
    let running_block = held.is_some() && lesson.status == RunStatus::Running;
    let time = match lesson.cursor {
        Some(c) => format!("t={}s (scrub)", format_seconds(c.as_secs_f64())),
        None => format!("t={}s", format_seconds(lesson.now.as_secs_f64())),
    };
    let width = |s: &str| Span::raw(s).width();
    const GAP: usize = 2;
    // One program alone has no lesson number to show.
    let badges: Vec<String> = if app.lessons.len() > 1 {
        let (k, n) = (lesson.index + 1, app.lessons.len());
        vec![format!(" lesson {k}/{n} "), format!(" {k}/{n} ")]
    } else {
        Vec::new()
    };
    let head = format!("{state}  {time}  {}", speed(lesson.speed));
    let mut room = (area.width as usize).saturating_sub(width(&head));
    let warning = progress_warning(app);
    // Where the last export went: in the keys' place until a key.
    let note = app
        .export_note
        .as_ref()
        .filter(|_| warning.is_none())
        .map(|n| crate::sanitize::for_terminal(n).into_owned());
    let hints = hints(app, lesson);
    // Kept longest: the key to press next, then `? help`, then the lesson
    // badge (shortened before it goes), then what blocks, then the other
    // keys from the left.
    let help = hints.iter().position(|h| *h == "? help");
    let cost = |i: usize| width(hints[i]) + GAP;
    let mut shown = vec![false; hints.len()];
    let take = |i: usize, room: &mut usize, shown: &mut Vec<bool>| {
        if warning.is_none() && note.is_none() && cost(i) <= *room {
            *room -= cost(i);
            shown[i] = true;
        }
    };
    if !hints.is_empty() {
        take(0, &mut room, &mut shown);
    }
    if let Some(h) = help.filter(|&h| h != 0) {
        take(h, &mut room, &mut shown);
    }
    // The short badge is kept before what blocks, the long one after.
    let mut badge = badges.last().filter(|b| width(b) < room).cloned();
    if let Some(b) = &badge {
        room -= width(b) + 1;
    }
    // After `▓ blocked` when running; on its own when paused or scrubbed.
    let block = held.map(|h| blocked(lesson, &h)).and_then(|variants| {
        variants
            .into_iter()
            .map(|v| {
                if running_block {
                    v
                } else {
                    format!("▓ blocked {v}")
                }
            })
            .find(|v| width(v) + GAP <= room)
    });
    if let Some(b) = &block {
        room -= width(b) + GAP;
    }
    if let (Some(short), Some(long)) = (&badge, badges.first()) {
        let more = width(long) - width(short);
        if more <= room {
            room -= more;
            badge = Some(long.clone());
        }
    }
    // The seed an unseeded run drew from, before the other keys.
    let seed = lesson
        .timeline
        .seed
        .as_ref()
        .filter(|s| width(s) + GAP <= room);
    if let Some(s) = seed {
        room -= width(s) + GAP;
    }
    // A problem with the progress file takes the place of the keys.
    let warned = warning
        .as_ref()
        .and_then(|w| fit_words(&format!("⚠ {w}"), room.saturating_sub(GAP)));
    let noted = note.as_ref().map(|n| {
        if width(n) + GAP <= room {
            n.clone()
        } else {
            fit_words(n, room.saturating_sub(GAP)).unwrap_or_else(|| n.clone())
        }
    });
    if warning.is_none() && note.is_none() {
        for (i, shown) in shown.iter_mut().enumerate().skip(1) {
            if !*shown && Some(i) != help {
                if cost(i) > room {
                    break;
                }
                room -= cost(i);
                *shown = true;
            }
        }
    }
    let mut line = Line::default();
    if let Some(b) = badge {
        line.push_span(Span::styled(b, theme.selected()));
        line.push_span(Span::raw(" "));
    }
    line.push_span(Span::styled(state, style.add_modifier(Modifier::BOLD)));
    line.push_span(Span::raw(format!("  {time}  {}", speed(lesson.speed))));
    if let Some(s) = seed {
        line.push_span(Span::raw("  "));
        line.push_span(Span::styled(s.clone(), theme.accent()));
    }
    if let Some(b) = block {
        line.push_span(Span::raw("  "));
        line.push_span(Span::styled(b, theme.state(LaneState::Blocked)));
    }
    if let Some(w) = warned {
        line.push_span(Span::raw("  "));
        line.push_span(Span::styled(w, theme.error()));
    }
    if let Some(n) = noted {
        line.push_span(Span::raw("  "));
        line.push_span(Span::styled(n, theme.ok()));
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
