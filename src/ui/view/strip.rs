//! The aggregate strip above the timeline's lanes: for each column, how
//! many tasks run, are ready, wait or are done, as sparklines on the
//! lanes' time axis, with each count at the time shown beside it. It
//! appears when the task lanes do not all fit on the screen.

use super::timeline::Scale;
use crate::ui::aggregate::{Counts, Moment};
use crate::ui::app::{App, LessonState};
use crate::ui::timeline::LaneState;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use std::time::Duration;

/// Fewer tasks than this are read lane by lane.
pub const MIN_TASKS: usize = 8;

/// The sparkline levels, lowest first.
const LEVELS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// Rows the strip takes in a timeline with `rows` rows for lanes: none
/// while every task lane fits, one per class with room for lanes below,
/// else two (tasks wanting the thread, tasks done).
pub fn height(lesson: &LessonState, rows: u16) -> u16 {
    let tasks = lesson.timeline.task_count();
    if tasks < MIN_TASKS || tasks <= rows as usize {
        0
    } else if rows >= 10 {
        4
    } else if rows >= 4 {
        2
    } else {
        0
    }
}

/// One sparkline row: its label and what it counts.
struct Row {
    label: String,
    value: fn(&Counts) -> u32,
    peak: u32,
    style: Style,
}

/// Draws the strip in `area` (its rows), the sparklines from `x0` on,
/// `cols` wide, on the lanes' `scale`; labels in the first `name_w`
/// columns.
#[allow(clippy::too_many_arguments)]
pub fn draw(
    buf: &mut Buffer,
    area: Rect,
    app: &App,
    lesson: &LessonState,
    scale: &Scale,
    x0: u16,
    cols: u16,
    name_w: u16,
) {
    let theme = &app.theme;
    let agg = &lesson.aggregate;
    let t = lesson.view_time();
    // The moment under way while the run goes on (none once it ended).
    let current: Option<Moment> = agg.current(&lesson.timeline);
    let now = agg.at(t, current.as_ref());
    let mut peak = agg.peak();
    if let Some(c) = &current {
        peak = peak.max(&c.at).max(&c.after);
    }
    let style = |s: LaneState| theme.state(s);
    let rows: Vec<Row> = if area.height >= 4 {
        vec![
            Row {
                label: format!("█run {}", now.running),
                value: |c| c.running,
                peak: peak.running,
                style: style(LaneState::Running),
            },
            Row {
                label: format!("▒ready {}", now.ready),
                value: |c| c.ready,
                peak: peak.ready,
                style: style(LaneState::Ready),
            },
            Row {
                label: format!("─wait {}", now.waiting),
                value: |c| c.waiting,
                peak: peak.waiting,
                style: style(LaneState::WaitTimer),
            },
            Row {
                label: format!("✓done {}", now.done),
                value: |c| c.done,
                peak: peak.done,
                style: style(LaneState::Done),
            },
        ]
    } else {
        vec![
            Row {
                label: format!("█{} ▒{}", now.running, now.ready),
                value: Counts::active,
                peak: peak.active(),
                style: style(LaneState::Running),
            },
            Row {
                label: format!("─{} ✓{}", now.waiting, now.done),
                value: |c| c.done,
                peak: peak.done,
                style: style(LaneState::Done),
            },
        ]
    };
    // Each column's counts, once for every row.
    let last = scale.col(t).min(cols.saturating_sub(1) as usize);
    let span_end = t + Duration::from_nanos(1);
    let columns: Vec<Counts> = (0..=last)
        .map(|c| {
            let from = Duration::from_secs_f64(c as f64 * scale.per_col);
            let to = Duration::from_secs_f64((c + 1) as f64 * scale.per_col).min(span_end);
            agg.span(from, to.max(from), current.as_ref())
        })
        .collect();
    for (r, row) in rows.iter().enumerate().take(area.height as usize) {
        let y = area.y + r as u16;
        let label: String = row.label.chars().take(name_w as usize - 1).collect();
        buf.set_string(area.x, y, &label, row.style);
        for (c, counts) in columns.iter().enumerate() {
            let v = (row.value)(counts);
            if v == 0 || row.peak == 0 {
                continue;
            }
            let level = (v as u64 * 8).div_ceil(row.peak as u64).clamp(1, 8) as usize;
            if let Some(cell) = buf.cell_mut((x0 + c as u16, y)) {
                cell.set_char(LEVELS[level - 1]).set_style(row.style);
            }
        }
    }
}
