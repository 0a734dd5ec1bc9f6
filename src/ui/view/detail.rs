//! The task detail view (Enter on a lane): the task and the frames it is
//! inside, state history, what it awaits, its current line.

use crate::engine::{FrameExit, LaneId, LaneKind, WaitOn};
use crate::text::format_seconds;
use crate::ui::app::{App, LessonState};
use crate::ui::timeline::Timeline;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

fn secs(d: std::time::Duration) -> String {
    format_seconds(d.as_secs_f64())
}

/// What a task waits for, as shown (lane names are already escaped).
pub fn describe(on: &WaitOn, tl: &Timeline) -> String {
    let name = |id: &LaneId| match tl.lane(*id) {
        Some(l) => format!("{} #{id}", l.label()),
        None => format!("#{id}"),
    };
    match on {
        WaitOn::Lane(id) => format!("task {} to finish", name(id)),
        WaitOn::Lanes(ids) if ids.len() > 8 => format!(
            "{} tasks to finish ({} ... {})",
            ids.len(),
            name(&ids[0]),
            name(&ids[ids.len() - 1])
        ),
        WaitOn::Lanes(ids) => {
            let names: Vec<String> = ids.iter().map(name).collect();
            format!("tasks {} to finish", names.join(", "))
        }
        other => crate::sanitize::for_terminal(&other.to_string()).into_owned(),
    }
}

/// A segment's state in words: a wait on a queue or a lock names it
/// (`waiting on Queue.get (queue empty)`).
fn state_text(s: &crate::ui::timeline::Segment) -> String {
    match &s.on {
        Some(WaitOn::Sync { what, .. }) => {
            format!("waiting on {}", crate::sanitize::for_terminal(what))
        }
        _ => s.state.label().to_string(),
    }
}

/// What the lane holds at `t` that other tasks wait for, and who waits:
/// `Lock, awaited by #2 worker(2), #3 worker(3)`.
fn held_by(tl: &Timeline, holder: LaneId, t: std::time::Duration) -> Option<String> {
    // A waiter names the lock's holder, kept current as the lock passes
    // on; between a release and the next owner's taking it, it still
    // names the last holder, which, once ended, holds nothing.
    let alive = tl
        .lane(holder)
        .and_then(|l| l.segment_at(t))
        .is_some_and(|s| !s.state.is_final());
    if !alive {
        return None;
    }
    let mut what = None;
    let mut waiters = Vec::new();
    for l in &tl.lanes {
        if let Some(s) = l.segment_at(t)
            && !s.state.is_final()
            && let Some(WaitOn::Sync {
                what: w,
                holder: Some(h),
            }) = &s.on
            && *h == holder
        {
            what.get_or_insert_with(|| w.split(" (").next().unwrap_or(w).to_string());
            waiters.push(format!("#{} {}", l.id, l.label()));
        }
    }
    let what = crate::sanitize::for_terminal(&what?).into_owned();
    Some(format!("{what}, awaited by {}", waiters.join(", ")))
}

/// How a frame was left, in a few words.
fn exit_text(exit: &FrameExit) -> String {
    match exit {
        FrameExit::Returned { value } => format!("returned {value}"),
        FrameExit::Yielded => "yielded an item".into(),
        FrameExit::Exhausted => "ended the iteration (StopAsyncIteration)".into(),
        FrameExit::Raised { message } => format!("raised {message}"),
        FrameExit::Cancelled => "cancelled".into(),
    }
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, lesson: &LessonState) {
    let theme = &app.theme;
    let tl = &lesson.timeline;
    let Some(lane) = tl.lanes.get(lesson.selected_lane) else {
        return;
    };
    let t = lesson.view_time();
    let key = |k: &str| Span::styled(format!("{k:>10}: "), theme.accent());
    let head = match lane.kind {
        LaneKind::Task => (
            "task",
            format!("#{} {}: a task, named '{}'", lane.id, lane.call, lane.name),
        ),
        LaneKind::Worker | LaneKind::Process => (
            "job",
            format!(
                "#{} {}: an executor's job on a worker, outside the event loop (not a task)",
                lane.id, lane.call
            ),
        ),
    };
    let mut lines = vec![Line::from(vec![
        key(head.0),
        Span::styled(head.1, theme.lane(lesson.selected_lane)),
    ])];
    if let Some(p) = lane.parent.and_then(|p| tl.lane(p)) {
        lines.push(Line::from(vec![
            key("made by"),
            Span::raw(format!("task #{} {}", p.id, p.label())),
        ]));
    }
    // The frames it is inside: each runs in this task, none is a task.
    let stack = lane.stack_at(t);
    let own = match lane.kind {
        LaneKind::Task => "(the task's own coroutine)",
        LaneKind::Worker => "(a plain function on a worker thread)",
        LaneKind::Process => "(a plain function in a worker process)",
    };
    lines.push(Line::from(vec![
        key("stack"),
        Span::raw(format!("{} ", lane.call)),
        Span::styled(own, theme.dim()),
    ]));
    for (depth, f) in stack.iter().enumerate() {
        lines.push(Line::from(vec![
            Span::raw(format!("{:>12}{}└ {} ", "", "  ".repeat(depth), f.name)),
            Span::styled(
                format!("({}, inside this task)", f.kind.label()),
                theme.dim(),
            ),
        ]));
    }
    if stack.is_empty()
        && let Some(f) = lane
            .frames
            .iter()
            .rev()
            .find(|f| f.end.is_some_and(|e| e <= t))
        && let Some(exit) = &f.exit
    {
        lines.push(Line::from(vec![
            key("last left"),
            Span::raw(format!(
                "{} ({}): {}",
                f.name,
                f.kind.label(),
                exit_text(exit)
            )),
        ]));
    }
    let seg = lane.segment_at(t);
    // A lane that has ended says when, not what it is at the cursor.
    let now = match seg {
        Some(s) if s.state.is_final() => Line::from(vec![
            key("ended"),
            Span::raw(format!("{} at t={}", s.state.label(), secs(s.start))),
        ]),
        _ => Line::from(vec![
            key(&format!("at t={}", secs(t))),
            Span::raw(seg.map_or("not created yet".into(), state_text)),
        ]),
    };
    lines.push(now);
    if let Some(on) = seg.and_then(|s| s.on.as_ref()) {
        lines.push(Line::from(vec![key("awaits"), Span::raw(describe(on, tl))]));
    }
    if let Some(held) = held_by(tl, lane.id, t) {
        lines.push(Line::from(vec![key("holds"), Span::raw(held)]));
    }
    // An ended task has no current line (its last one seen may be earlier
    // than the one it returned at).
    let listing = lesson.listing(lesson.lang);
    let ended = seg.is_some_and(|s| s.state.is_final());
    if let Some(n) = lane
        .stmt_at(t)
        .filter(|_| !ended)
        .and_then(|s| lesson.line_of(lesson.lang, s))
    {
        let text = listing.lines.get(n).map_or("", |s| s.trim());
        lines.push(Line::from(vec![
            key("line"),
            Span::raw(format!("{}: {text}", n + 1)),
        ]));
    }
    if let Some(r) = lane
        .result
        .as_ref()
        .filter(|_| seg.is_some_and(|s| s.state.is_final()))
    {
        lines.push(Line::from(vec![key("result"), Span::raw(r.clone())]));
    }
    // What the event loop logged about it: a failure nobody saw.
    for l in tl.logged_on(lane.id, t) {
        lines.push(Line::from(vec![
            key("logged"),
            Span::styled(
                format!("{} t={} {}", super::output::LOGGED, secs(l.at), l.summary),
                theme.error(),
            ),
        ]));
    }
    lines.push(Line::from(Span::styled("history:", theme.heading())));
    for s in &lane.segments {
        let end = s.end.map_or(String::new(), |e| format!("–{}", secs(e)));
        let on = match &s.on {
            Some(WaitOn::Sync { .. }) | None => String::new(),
            Some(o) => format!(" ({})", crate::sanitize::for_terminal(&o.to_string())),
        };
        lines.push(Line::from(vec![
            Span::styled(format!("  {} ", s.state.glyph()), theme.state(s.state)),
            Span::styled(format!("t={}{end} ", secs(s.start)), theme.dim()),
            Span::raw(format!("{}{on}", state_text(s))),
        ]));
    }
    let rect = super::centered(area, 70, lines.len() as u16 + 2);
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).block(
            Block::bordered()
                .title(" Task  Esc close ")
                .border_style(theme.focus_border()),
        ),
        rect,
    );
}
