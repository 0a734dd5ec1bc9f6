//! A task's frame sub-rows: under the task's bar, one row per nesting
//! depth, each frame drawn over the time it was open (its name, then `━`),
//! so `main` awaiting `fetch` awaiting `parse` shows all three names.
//! Folded (`z`) the bar names only the innermost frame.

use super::timeline::{Scale, bar_name, fit};
use crate::ui::theme::Theme;
use crate::ui::timeline::{Lane, LaneState};
use ratatui::buffer::Buffer;
use std::time::Duration;

/// How many sub-rows the lane has at `t`: the deepest nesting of the
/// frames entered by then.
pub fn depth(lane: &Lane, t: Duration) -> usize {
    lane.frames
        .iter()
        .take_while(|f| f.start <= t)
        .map(|f| f.depth + 1)
        .max()
        .unwrap_or(0)
}

/// The sub-row label: indented by depth, naming the kind of the frame
/// last entered at that depth (`  └ coroutine`).
pub fn label(lane: &Lane, depth: usize, t: Duration, width: usize) -> String {
    let kind = lane
        .frames
        .iter()
        .take_while(|f| f.start <= t)
        .filter(|f| f.depth == depth)
        .last()
        .map_or("frame", |f| f.kind.label());
    fit(&format!("{}└ {kind}", " ".repeat(depth + 1)), width)
}

/// Draws the frames at `depth` of `lane` on row `y`, up to `t`, in the
/// colour of the task's state under each column (`cells`).
#[allow(clippy::too_many_arguments)]
pub fn draw_row(
    buf: &mut Buffer,
    lane: &Lane,
    depth: usize,
    cells: &[Option<LaneState>],
    scale: &Scale,
    x0: u16,
    y: u16,
    t: Duration,
    theme: &Theme,
) {
    let cols = cells.len();
    let Some(last) = cols.checked_sub(1) else {
        return;
    };
    for f in lane.frames.iter().take_while(|f| f.start <= t) {
        if f.depth != depth {
            continue;
        }
        let from = scale.col(f.start).min(last);
        let to = scale.col(f.end.unwrap_or(t).min(t)).clamp(from, last);
        let name: Vec<char> = bar_name(&f.name, to - from + 1).chars().collect();
        for (k, state) in cells[from..=to].iter().enumerate() {
            let c = from + k;
            let ch = name.get(k).copied().unwrap_or('━');
            let style = state.map_or(theme.dim(), |s| theme.state(s));
            if let Some(cell) = buf.cell_mut((x0 + c as u16, y)) {
                cell.set_char(ch).set_style(style);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Event, EventKind, FrameExit, FrameKind, LaneKind};
    use crate::ui::timeline::Timeline;
    use ratatui::layout::Rect;

    #[test]
    fn each_depth_draws_its_frames_over_the_time_they_were_open() {
        let ev = |t: u64, kind: EventKind| Event {
            time: Duration::from_secs(t),
            lane: 0,
            stmt: None,
            kind,
        };
        let enter = |t, name: &str| {
            ev(
                t,
                EventKind::FrameEntered {
                    name: name.into(),
                    kind: FrameKind::Coroutine,
                },
            )
        };
        let leave = |t| {
            ev(
                t,
                EventKind::FrameLeft {
                    name: "".into(),
                    exit: FrameExit::Returned {
                        value: "None".into(),
                    },
                },
            )
        };
        let tl = Timeline::from_events(&[
            ev(
                0,
                EventKind::Created {
                    kind: LaneKind::Task,
                    call: "main()".into(),
                    name: "Task-1".into(),
                    named: false,
                    parent: None,
                },
            ),
            enter(0, "outer()"),
            enter(2, "inner()"),
            leave(6),
            leave(8),
        ]);
        let lane = &tl.lanes[0];
        let t = Duration::from_secs(10);
        assert_eq!(depth(lane, Duration::from_secs(1)), 1);
        assert_eq!(depth(lane, t), 2);
        assert_eq!(label(lane, 1, t, 20), "  └ coroutine");
        let scale = Scale::fit(10.0, 20);
        let cells = vec![None; 20];
        let mut buf = Buffer::empty(Rect::new(0, 0, 20, 2));
        let theme = Theme::mono();
        for d in 0..2 {
            draw_row(&mut buf, lane, d, &cells, &scale, 0, d as u16, t, &theme);
        }
        let row = |y: u16| -> String { (0..20).map(|x| buf[(x, y)].symbol()).collect() };
        assert_eq!(row(0), "outer()━━━━━━━━━━   ");
        assert_eq!(row(1), "    inner()━━       ");
    }
}
