//! The timeline: one lane per task, a time axis in virtual seconds, state
//! glyphs and colours, a "now" marker, pending timer deadlines ahead, a
//! legend. A blocking call stalls every lane. The frames a task runs
//! (awaited coroutines, async generators and iterators, context managers)
//! are named on its bar, innermost on top, and the end of an async
//! iteration is marked `∎`.

use crate::engine::{FrameExit, WaitOn};
use crate::text::format_seconds;
use crate::ui::app::{App, LessonState};
use crate::ui::timeline::{LaneState, Timeline};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use std::time::Duration;

mod labels;

pub use labels::{bar_name, fit, frame_labels, sync_wait, wait_labels};

/// A time scale: seconds per column, and the tick step for labels.
#[derive(Clone, Copy, Debug)]
pub struct Scale {
    pub per_col: f64,
    pub tick: f64,
}

impl Scale {
    /// Fits `span` seconds in `cols` columns.
    pub fn fit(span: f64, cols: u16) -> Scale {
        let cols = cols.max(1) as f64;
        let span = span.max(1.0);
        let per_col = span / cols;
        // At least 8 columns between labels.
        let steps = [
            0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 15.0, 30.0, 60.0, 120.0, 300.0, 600.0, 1800.0,
        ];
        let tick = steps
            .iter()
            .copied()
            .find(|s| s / per_col >= 8.0)
            .unwrap_or(3600.0);
        Scale { per_col, tick }
    }

    pub fn col(&self, t: Duration) -> usize {
        (t.as_secs_f64() / self.per_col + 1e-9).floor() as usize
    }
}

const LEGEND: &[(LaneState, &str)] = &[
    (LaneState::Running, "run"),
    (LaneState::Ready, "ready"),
    (LaneState::WaitTimer, "timer"),
    (LaneState::TimedWait, "awaits"),
    (LaneState::Blocked, "blocked"),
    (LaneState::Working, "worker"),
    (LaneState::Done, "done"),
    (LaneState::Failed, "failed"),
    (LaneState::Cancelled, "cancelled"),
    (LaneState::TimedOut, "timeout"),
];

/// The columns of the task names: the longest name with its ` #id`, from
/// 10 columns up to two fifths of the pane (the time axis keeps the rest).
pub fn name_width(tl: &Timeline, width: u16) -> u16 {
    let longest = tl
        .lanes
        .iter()
        .map(|l| l.label().chars().count() + 3 + l.id.checked_ilog10().unwrap_or(0) as usize + 1)
        .chain(tl.counters.list.iter().map(|c| {
            let value = c.capacity.map_or(4, |cap| 3 + cap.to_string().len() * 2);
            c.name.chars().count() + value
        }))
        .max()
        .unwrap_or(0);
    let most = (width * 2 / 5).max(10);
    (longest.min(u16::MAX as usize) as u16)
        .clamp(10, most)
        .min(width)
}

/// The span the axis covers: everything known, with a little room.
pub fn span(tl: &Timeline, now: Duration) -> f64 {
    let end = tl.horizon().max(now).as_secs_f64();
    (end * 1.08).ceil().max(1.0)
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, lesson: &LessonState) {
    let theme = &app.theme;
    let tl = &lesson.timeline;
    let t = lesson.view_time();
    let visible = lesson.visible_lanes();
    let mut title = format!(
        " Timeline — {} ",
        lesson
            .lane_filter
            .title(visible.len(), tl.lanes.len(), tl.job_count(),)
    );
    let keys = if lesson.frames_unfolded() {
        " ↑/↓ Enter details  z fold frames "
    } else {
        " ↑/↓ Enter details  z frames "
    };
    // A deadlock names its cycle over the lanes; else the selected task's
    // frames at the time shown: what runs inside it.
    let deadlock = tl
        .aborted
        .as_deref()
        .and_then(|r| r.strip_prefix("deadlock: "));
    if deadlock.is_some() {
        title.push_str("─ DEADLOCK ");
    } else if let Some(lane) = tl
        .lanes
        .get(lesson.selected_lane)
        .filter(|_| visible.binary_search(&lesson.selected_lane).is_ok())
    {
        let stack = lane.stack_at(t);
        let wait = sync_wait(lane, t);
        if !stack.is_empty() || wait.is_some() {
            let mut path = format!("task {}", lane.label());
            for f in stack {
                path.push_str(&format!(" › {} {}", f.kind.label(), f.name));
            }
            if let Some(what) = wait {
                path.push_str(&format!(" › waiting on {what}"));
            }
            let room = (area.width as usize).saturating_sub(title.chars().count() + 3);
            title.push_str(&format!(
                "─ {} ",
                fit(&path, room.min(path.chars().count()))
            ));
        }
    }
    if title.chars().count() + keys.chars().count() < area.width as usize {
        title.push('─');
        title.push_str(keys);
    }
    let block = Block::default()
        .borders(Borders::TOP)
        .title(title)
        .border_style(theme.border());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height < 2 || inner.width < 10 {
        return;
    }
    let name_w = name_width(tl, inner.width);
    let cols = inner.width - name_w;
    let scale = Scale::fit(span(tl, t), cols);
    let buf = frame.buffer_mut();

    // The axis.
    let axis_y = inner.y;
    let x0 = inner.x + name_w;
    // A label the playhead would overwrite is left out (its tick stays
    // unless the playhead is on it).
    let now_col = scale.col(t).min(cols as usize - 1) as u16;
    let mut tick = 0.0;
    while tick / scale.per_col < cols as f64 {
        let c = scale.col(Duration::from_secs_f64(tick)) as u16;
        let label = format!("{}s", format_seconds(tick));
        let end = c + 1 + label.chars().count() as u16;
        if end <= cols {
            if c != now_col {
                buf.set_string(x0 + c, axis_y, "┊", theme.dim());
            }
            if !(c + 1..end).contains(&now_col) {
                buf.set_string(x0 + c + 1, axis_y, &label, theme.dim());
            }
        }
        tick += scale.tick;
    }
    buf.set_string(x0 + now_col, axis_y, "▼", theme.now_marker());
    buf.set_string(inner.x, axis_y, "virtual s", theme.dim());

    // The aggregate strip, when the task lanes do not all fit.
    let strip = super::strip::height(lesson, inner.height.saturating_sub(2));
    let strip_area = Rect::new(inner.x, inner.y + 1, inner.width, strip);
    super::strip::draw(buf, strip_area, app, lesson, &scale, x0, cols, name_w);

    // The counter rows of queues and semaphores, under the lanes.
    let free = inner.height.saturating_sub(2 + strip);
    let counter_rows = super::counters::height(tl, free, visible.len());
    let counters_area = Rect::new(
        inner.x,
        inner.y + 1 + strip + free - counter_rows,
        inner.width,
        counter_rows,
    );
    super::counters::draw(
        buf,
        counters_area,
        tl,
        &scale,
        x0,
        cols,
        name_w,
        t,
        &app.theme,
    );

    // The lanes the filter shows.
    let rows = (free - counter_rows) as usize;
    let lanes = visible.len();
    // Frame sub-rows under each task, when unfolded.
    let unfold = lesson.frames_unfolded();
    let depth = |i: usize| {
        if unfold {
            super::frames::depth(&tl.lanes[i], t)
        } else {
            0
        }
    };
    // Keep the selected lane visible, with its sub-rows.
    let mut first = lesson.lane_scroll.min(lanes.saturating_sub(rows.max(1)));
    if let Ok(sel) = visible.binary_search(&lesson.selected_lane) {
        first = first.min(sel);
        while first < sel && (first..=sel).map(|p| 1 + depth(visible[p])).sum::<usize>() > rows {
            first += 1;
        }
    }
    if tl.lanes.is_empty() && rows > 0 {
        buf.set_string(
            inner.x,
            inner.y + 1,
            "no tasks yet: Space runs the demo, s steps",
            theme.dim(),
        );
    }
    let mut row = 0;
    let mut shown = 0;
    for &i in visible[first.min(lanes)..].iter() {
        if row >= rows {
            break;
        }
        let y = inner.y + 1 + strip + row as u16;
        let cells = draw_lane(buf, tl, i, &scale, x0, y, cols, t, app);
        let lane = &tl.lanes[i];
        let mut style = theme.lane(i);
        if i == lesson.selected_lane {
            style = style.patch(theme.selected());
        }
        // The id always shows; the label gets what is left.
        let id = format!(" #{}", lane.id);
        let room = (name_w as usize - 1).saturating_sub(id.chars().count());
        let name = fit(
            &format!("{}{id}", fit(lane.label(), room)),
            name_w as usize - 1,
        );
        buf.set_string(inner.x, y, &name, style);
        row += 1;
        shown += 1;
        for d in 0..depth(i) {
            if row >= rows {
                break;
            }
            let y = inner.y + 1 + strip + row as u16;
            let label = super::frames::label(lane, d, t, name_w as usize - 1);
            buf.set_string(inner.x, y, &label, theme.dim());
            super::frames::draw_row(buf, lane, d, &cells, &scale, x0, y, t, theme);
            row += 1;
        }
    }
    // A deadlock's report in the rows the lanes leave.
    let report = deadlock.filter(|_| row < rows).map(|reason| {
        let y = inner.y + 1 + strip + row as u16;
        let area = Rect::new(inner.x, y, inner.width, (rows - row) as u16);
        (area, format!("DEADLOCK: {reason}"))
    });
    if (first > 0 || first + shown < lanes) && rows > 0 {
        let more = format!("{}-{}/{}", first + 1, first + shown, lanes);
        let x = inner.right().saturating_sub(more.len() as u16);
        let y = inner.y + strip + rows as u16;
        buf.set_string(x, y, &more, theme.dim());
    }

    // The legend: whole entries, as many as fit (the help overlay has all).
    let mut entries: Vec<[Span; 2]> = Vec::new();
    // A worker's and a failure's marks are listed when the run has them.
    let has = |state: LaneState| {
        tl.lanes
            .iter()
            .any(|l| l.segments.iter().any(|s| s.state == state))
    };
    for (state, label) in LEGEND {
        if matches!(state, LaneState::Working | LaneState::Failed) && !has(*state) {
            continue;
        }
        entries.push([
            Span::styled(state.glyph().to_string(), theme.state(*state)),
            Span::styled(format!("{label} "), theme.dim()),
        ]);
    }
    entries.push([
        Span::styled("◇", theme.state(LaneState::WaitTimer)),
        Span::styled("deadline ", theme.dim()),
    ]);
    entries.push([
        Span::styled("▼", theme.now_marker()),
        Span::styled("now ", theme.dim()),
    ]);
    if tl.lanes.iter().any(|l| l.frames.iter().any(exhausted)) {
        entries.push([
            Span::styled("∎", theme.accent()),
            Span::styled("async for ends ", theme.dim()),
        ]);
    }
    if !tl.logged.is_empty() {
        entries.push([
            Span::styled(super::output::LOGGED.to_string(), theme.error()),
            Span::styled("logged error ", theme.dim()),
        ]);
    }
    entries.push([
        Span::styled("f()", theme.state(LaneState::WaitTimer)),
        Span::styled(" frame", theme.dim()),
    ]);
    let width = |s: &Span| s.content.chars().count();
    let mut used = 0;
    let mut spans = Vec::new();
    for pair in entries {
        let w: usize = pair.iter().map(width).sum();
        if used + w > inner.width as usize {
            break;
        }
        used += w;
        spans.extend(pair);
    }
    let legend = Rect::new(inner.x, inner.y + inner.height - 1, inner.width, 1);
    frame.render_widget(Paragraph::new(Line::from(spans)), legend);
    if let Some((area, text)) = report {
        let text = Paragraph::new(Span::styled(text, theme.error())).wrap(Wrap { trim: true });
        frame.render_widget(text, area);
    }
}

/// Whether an async iteration ended on this frame (drawn `∎`).
fn exhausted(f: &crate::ui::timeline::FrameSpan) -> bool {
    f.exit == Some(FrameExit::Exhausted)
}

/// The state drawn in each column up to the time shown: every segment
/// marks the columns it covers, the most telling state winning a column,
/// so a running blip shows even though it takes no virtual time.
pub fn lane_cells(
    tl: &Timeline,
    i: usize,
    scale: &Scale,
    cols: usize,
    t: Duration,
) -> Vec<Option<LaneState>> {
    let mut cells: Vec<Option<LaneState>> = vec![None; cols];
    let last = cols.saturating_sub(1);
    let mut put = |c: usize, state: LaneState| {
        if let Some(cell) = cells.get_mut(c)
            && cell.is_none_or(|old| state.priority() > old.priority())
        {
            *cell = Some(state);
        }
    };
    let lane = &tl.lanes[i];
    let mut alive: Option<(usize, usize)> = None;
    for seg in &lane.segments {
        if seg.start > t {
            break;
        }
        let from = scale.col(seg.start).min(last);
        if seg.state.is_final() {
            put(from, seg.state);
            continue;
        }
        let to = scale.col(seg.end.unwrap_or(t).min(t)).min(last);
        alive = Some((alive.map_or(from, |a| a.0), to));
        for c in from..=to {
            put(c, seg.state);
        }
    }
    // A blocking call holds the thread: every live lane stalls.
    if let Some((a, b)) = alive {
        for &(start, until) in &tl.blocks {
            if start > t {
                continue;
            }
            let from = scale.col(start).max(a);
            let to = scale.col(until.min(t)).min(b);
            for cell in cells.iter_mut().take(to.min(last) + 1).skip(from) {
                if cell.is_some_and(|s| !s.is_final()) {
                    *cell = Some(LaneState::Blocked);
                }
            }
        }
    }
    cells
}

#[allow(clippy::too_many_arguments)]
fn draw_lane(
    buf: &mut Buffer,
    tl: &Timeline,
    i: usize,
    scale: &Scale,
    x0: u16,
    y: u16,
    cols: u16,
    t: Duration,
    app: &App,
) -> Vec<Option<LaneState>> {
    let theme = &app.theme;
    let lane = &tl.lanes[i];
    // A pending timer deadline at the time shown is drawn ahead.
    if let Some(s) = lane.segment_at(t)
        && let Some(WaitOn::Timer { deadline }) = &s.on
        && s.state == LaneState::WaitTimer
        && *deadline > t
    {
        let c = scale.col(*deadline);
        if c < cols as usize
            && let Some(cell) = buf.cell_mut((x0 + c as u16, y))
        {
            cell.set_char('◇')
                .set_style(theme.state(LaneState::WaitTimer));
        }
    }
    let cells = lane_cells(tl, i, scale, cols as usize, t);
    for (c, state) in cells.iter().enumerate() {
        let Some(state) = state else { continue };
        if let Some(cell) = buf.cell_mut((x0 + c as u16, y)) {
            cell.set_char(state.glyph()).set_style(theme.state(*state));
        }
    }
    // Frame names, in the colour of the state under each letter.
    for (from, text) in frame_labels(lane, scale, cols as usize, t) {
        for (k, ch) in text.chars().enumerate() {
            let c = from + k;
            let Some(Some(state)) = cells.get(c) else {
                continue;
            };
            if let Some(cell) = buf.cell_mut((x0 + c as u16, y)) {
                cell.set_char(ch).set_style(theme.state(*state));
            }
        }
    }
    // What a queue or lock wait waits on, over its stretch of the bar.
    for (from, text) in wait_labels(lane, scale, cols as usize, t) {
        for (k, ch) in text.chars().enumerate() {
            if let Some(cell) = buf.cell_mut((x0 + (from + k) as u16, y)) {
                cell.set_char(ch)
                    .set_style(theme.state(LaneState::TimedWait));
            }
        }
    }
    // In a deadlock, what each task left waiting waits on, after its bar.
    if tl
        .aborted
        .as_deref()
        .is_some_and(|r| r.starts_with("deadlock: "))
        && let Some(seg) = lane.segments.last().filter(|s| !s.state.is_final())
        && let Some(on) = &seg.on
    {
        let from = scale.col(seg.end.unwrap_or(t).min(t)) + 2;
        let room = (cols as usize).saturating_sub(from);
        let text = fit(
            &format!("⊗ {}", crate::sanitize::for_terminal(&on.to_string())),
            room,
        );
        if from < cols as usize {
            buf.set_string(x0 + from as u16, y, &text, theme.error());
        }
    }
    // The end of an async iteration.
    for f in lane.frames.iter().filter(|f| exhausted(f)) {
        if let Some(end) = f.end.filter(|e| *e <= t) {
            let mut c = scale.col(end).min(cols as usize - 1);
            // The task's own end in the same column keeps its glyph.
            if c > 0
                && cells
                    .get(c)
                    .copied()
                    .flatten()
                    .is_some_and(|s| s.is_final())
            {
                c -= 1;
            }
            if let Some(cell) = buf.cell_mut((x0 + c as u16, y)) {
                cell.set_char('∎').set_style(theme.accent());
            }
        }
    }
    // A report the event loop logged about the task, at its moment.
    for l in tl.logged_on(lane.id, t) {
        let c = scale.col(l.at).min(cols as usize - 1);
        if let Some(cell) = buf.cell_mut((x0 + c as u16, y)) {
            cell.set_char(super::output::LOGGED)
                .set_style(theme.error());
        }
    }
    cells
}
