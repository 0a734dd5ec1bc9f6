//! The timeline: one lane per task, a time axis in virtual seconds, state
//! glyphs and colours, a "now" marker, pending timer deadlines ahead, a
//! legend. A blocking call stalls every lane.

use crate::engine::WaitOn;
use crate::text::format_seconds;
use crate::ui::app::{App, LessonState};
use crate::ui::timeline::{LaneState, Timeline};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use std::time::Duration;

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
    (LaneState::WaitTask, "awaits"),
    (LaneState::Blocked, "blocked"),
    (LaneState::Done, "done"),
    (LaneState::Cancelled, "cancelled"),
    (LaneState::TimedOut, "timeout"),
];

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
    let block = Block::default()
        .borders(Borders::TOP)
        .title(format!(
            " Timeline — {}  ↑/↓ Enter details ",
            lesson.lane_filter.title(visible.len(), tl.lanes.len())
        ))
        .border_style(theme.border());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height < 2 || inner.width < 10 {
        return;
    }
    let name_w = (inner.width / 5).clamp(6, 18);
    let cols = inner.width - name_w;
    let scale = Scale::fit(span(tl, t), cols);
    let buf = frame.buffer_mut();

    // The axis.
    let axis_y = inner.y;
    let x0 = inner.x + name_w;
    let mut tick = 0.0;
    while tick / scale.per_col < cols as f64 {
        let c = scale.col(Duration::from_secs_f64(tick)) as u16;
        let label = format!("{}s", format_seconds(tick));
        if c + label.len() as u16 <= cols {
            buf.set_string(x0 + c, axis_y, "┊", theme.dim());
            buf.set_string(x0 + c + 1, axis_y, &label, theme.dim());
        }
        tick += scale.tick;
    }
    let now_col = scale.col(t).min(cols as usize - 1) as u16;
    buf.set_string(x0 + now_col, axis_y, "▼", theme.now_marker());
    buf.set_string(inner.x, axis_y, "virtual s", theme.dim());

    // The aggregate strip, when the task lanes do not all fit.
    let strip = super::strip::height(lesson, inner.height.saturating_sub(2));
    let strip_area = Rect::new(inner.x, inner.y + 1, inner.width, strip);
    super::strip::draw(buf, strip_area, app, lesson, &scale, x0, cols, name_w);

    // The lanes the filter shows.
    let rows = inner.height.saturating_sub(2 + strip) as usize;
    let lanes = visible.len();
    // Keep the selected lane visible.
    let first = lesson.lane_scroll.min(lanes.saturating_sub(rows.max(1)));
    if tl.lanes.is_empty() && rows > 0 {
        buf.set_string(
            inner.x,
            inner.y + 1,
            "no tasks yet: Space runs the demo, s steps",
            theme.dim(),
        );
    }
    for (row, &i) in visible[first.min(lanes)..].iter().take(rows).enumerate() {
        let y = inner.y + 1 + strip + row as u16;
        draw_lane(buf, tl, i, &scale, x0, y, cols, t, app);
        let lane = &tl.lanes[i];
        let mut style = theme.lane(i);
        if i == lesson.selected_lane {
            style = style.patch(theme.selected());
        }
        let name: String = format!("{} #{}", lane.name, lane.id)
            .chars()
            .take(name_w as usize - 1)
            .collect();
        buf.set_string(inner.x, y, &name, style);
    }
    if lanes > rows && rows > 0 {
        let more = format!("{}-{}/{}", first + 1, (first + rows).min(lanes), lanes);
        let x = inner.right().saturating_sub(more.len() as u16);
        buf.set_string(x, inner.y + inner.height - 2, &more, theme.dim());
    }

    // The legend.
    let mut spans = Vec::new();
    for (state, label) in LEGEND {
        spans.push(Span::styled(state.glyph().to_string(), theme.state(*state)));
        spans.push(Span::styled(format!("{label} "), theme.dim()));
    }
    spans.push(Span::styled("◇", theme.state(LaneState::WaitTimer)));
    spans.push(Span::styled("deadline ", theme.dim()));
    spans.push(Span::styled("▼", theme.now_marker()));
    spans.push(Span::styled("now", theme.dim()));
    let legend = Rect::new(inner.x, inner.y + inner.height - 1, inner.width, 1);
    frame.render_widget(Paragraph::new(Line::from(spans)), legend);
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
) {
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
    for (c, state) in lane_cells(tl, i, scale, cols as usize, t)
        .into_iter()
        .enumerate()
    {
        let Some(state) = state else { continue };
        if let Some(cell) = buf.cell_mut((x0 + c as u16, y)) {
            cell.set_char(state.glyph()).set_style(theme.state(state));
        }
    }
}
