//! Which timeline lanes are shown: all, only the unfinished ones, or only
//! those whose name holds a typed text (`f` and `/` on the lesson screen),
//! and moving the lane selection among them.

use super::app::{LessonState, RunStatus};
use super::timeline::{Lane, Timeline};
use crossterm::event::KeyCode;
use std::time::Duration;

/// The timeline's lane filter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LaneFilter {
    /// Only lanes that exist and have not ended at the time shown.
    pub unfinished: bool,
    /// Only lanes whose label (`fetch('slow', 3)`) or Task name (`Task-2`)
    /// contains this (ignoring ASCII case).
    pub text: String,
    /// `/` was pressed: keys edit `text`.
    pub typing: bool,
}

impl LaneFilter {
    /// Whether any filter is on.
    pub fn active(&self) -> bool {
        self.unfinished || !self.text.is_empty()
    }

    /// Whether `lane` is shown at time `t`.
    pub fn keeps(&self, lane: &Lane, t: Duration) -> bool {
        // Unfinished: there at `t` and not ended.
        if self.unfinished && lane.state_at(t).is_none_or(|s| s.is_final()) {
            return false;
        }
        self.text.is_empty()
            || contains_ignore_case(lane.label(), &self.text)
            || contains_ignore_case(&lane.name, &self.text)
    }

    /// Positions in `tl.lanes` of the lanes shown at `t`, in order.
    pub fn visible(&self, tl: &Timeline, t: Duration) -> Vec<usize> {
        if !self.active() {
            return (0..tl.lanes.len()).collect();
        }
        (0..tl.lanes.len())
            .filter(|&i| self.keeps(&tl.lanes[i], t))
            .collect()
    }

    /// The timeline's row count: `3 tasks, one row each`, `2 tasks and
    /// 3 executor jobs, one row each`, or with a filter on `1/3 tasks
    /// (unfinished)`. `jobs` of the `total` rows are executor jobs.
    pub fn title(&self, shown: usize, total: usize, jobs: usize) -> String {
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        let rows = if jobs == 0 { "tasks" } else { "rows" };
        if self.active() || self.typing {
            format!("{shown}/{total} {rows} ({})", self.describe())
        } else if jobs == 0 {
            format!("{total} task{}, one row each", plural(total))
        } else {
            let tasks = total - jobs;
            format!(
                "{tasks} task{} and {jobs} executor job{}, one row each",
                plural(tasks),
                plural(jobs)
            )
        }
    }

    /// What the filter is: `unfinished`, `name ~ "fetch"`, or both.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if self.unfinished {
            parts.push("unfinished".to_string());
        }
        if !self.text.is_empty() || self.typing {
            let cursor = if self.typing { "▏" } else { "" };
            parts.push(format!("name ~ \"{}{cursor}\"", self.text));
        }
        parts.join(", ")
    }
}

/// Selecting, scrolling and filtering the lanes of the open lesson.
impl LessonState {
    /// Positions in `timeline.lanes` of the lanes the filter shows now.
    pub fn visible_lanes(&self) -> Vec<usize> {
        self.lane_filter.visible(&self.timeline, self.view_time())
    }

    /// Selects lane `lane` (a position in `timeline.lanes`), or the nearest
    /// shown one, scrolling to keep it in view.
    pub fn select_lane(&mut self, lane: usize, rows: usize) {
        let visible = self.visible_lanes();
        let pos = visible.partition_point(|&i| i < lane);
        self.select_at(&visible, pos, rows);
    }

    /// Whether the selected lane is one the filter shows now.
    pub fn selection_visible(&self) -> bool {
        self.visible_lanes().contains(&self.selected_lane)
    }

    /// Moves the selection to the nearest shown lane when the filter hides
    /// it (after the filter or the time shown changed).
    pub fn keep_selection_visible(&mut self, rows: usize) {
        if !self.lane_filter.active() {
            return;
        }
        let visible = self.visible_lanes();
        if visible.is_empty() || visible.contains(&self.selected_lane) {
            return;
        }
        let pos = visible.partition_point(|&i| i < self.selected_lane);
        self.lane_scroll = 0;
        self.select_at(&visible, pos, rows);
    }

    /// Moves the selection `by` shown lanes (`isize::MIN`/`MAX`: first/last).
    pub fn move_selection(&mut self, by: isize, rows: usize) {
        let visible = self.visible_lanes();
        let pos = visible.partition_point(|&i| i < self.selected_lane);
        let pos = if visible.get(pos) == Some(&self.selected_lane) || by < 0 {
            pos.saturating_add_signed(by)
        } else {
            // The selection is filtered out: a step down lands on the next one.
            pos.saturating_add_signed(by - 1)
        };
        self.select_at(&visible, pos, rows);
    }

    fn select_at(&mut self, visible: &[usize], pos: usize, rows: usize) {
        let Some(last) = visible.len().checked_sub(1) else {
            return;
        };
        let pos = pos.min(last);
        self.selected_lane = visible[pos];
        let rows = rows.max(1);
        if pos < self.lane_scroll {
            self.lane_scroll = pos;
        } else if pos >= self.lane_scroll + rows {
            self.lane_scroll = pos + 1 - rows;
        }
    }

    /// Scrolls the lanes, keeping the selection among the visible ones.
    pub fn scroll_lanes(&mut self, up: bool, rows: usize) {
        let visible = self.visible_lanes();
        let rows = rows.max(1);
        let max = visible.len().saturating_sub(rows);
        self.lane_scroll = if up {
            self.lane_scroll.saturating_sub(1)
        } else {
            (self.lane_scroll + 1).min(max)
        };
        let pos = visible.partition_point(|&i| i < self.selected_lane);
        let pos = pos.clamp(self.lane_scroll, self.lane_scroll + rows - 1);
        if let Some(&lane) = visible.get(pos.min(visible.len().saturating_sub(1))) {
            self.selected_lane = lane;
        }
    }

    /// Puts the scrub cursor on the moment with the most tasks running or
    /// ready (a finished run).
    pub fn jump_to_busiest(&mut self) {
        if !matches!(self.status, RunStatus::Finished(_)) {
            return;
        }
        if let Some(m) = self.aggregate.busiest() {
            self.cursor = (m.time != self.now).then_some(m.time);
        }
    }

    /// A key while the lane name filter is typed.
    pub(crate) fn filter_key(&mut self, code: KeyCode) {
        let f = &mut self.lane_filter;
        match code {
            KeyCode::Esc => {
                f.typing = false;
                f.text.clear();
            }
            KeyCode::Enter => f.typing = false,
            KeyCode::Backspace => {
                f.text.pop();
            }
            KeyCode::Char(c) if !c.is_control() && f.text.chars().count() < 40 => f.text.push(c),
            _ => {}
        }
        self.lane_scroll = 0;
    }
}

/// `needle` in `hay`, ASCII letters matching either case, without
/// allocating (10,000 lane names are looked at each frame).
fn contains_ignore_case(hay: &str, needle: &str) -> bool {
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    needle.is_empty()
        || hay
            .windows(needle.len())
            .any(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{EventKind, LaneKind};
    use crate::ui::timeline::fixtures::{created, ev};

    #[test]
    fn unfinished_and_name_filters() {
        let created = |name: &str| created(name, LaneKind::Task);
        let tl = Timeline::from_events(&[
            ev(0.0, 0, created("main")),
            ev(0.0, 1, created("fetch('slow', 3)")),
            ev(0.0, 2, created("Fetch('fast', 1)")),
            ev(1.0, 2, EventKind::Returned { value: "1".into() }),
        ]);
        let s = Duration::from_secs_f64;
        let mut f = LaneFilter::default();
        assert_eq!(f.visible(&tl, s(2.0)), [0, 1, 2]);
        f.unfinished = true;
        assert_eq!(f.visible(&tl, s(2.0)), [0, 1]);
        // Before it ended, the lane was unfinished.
        assert_eq!(f.visible(&tl, s(0.5)), [0, 1, 2]);
        f.unfinished = false;
        f.text = "FETCH".into();
        assert_eq!(f.visible(&tl, s(2.0)), [1, 2]);
        assert_eq!(f.describe(), "name ~ \"FETCH\"");
        f.text = "slow".into();
        f.unfinished = true;
        assert_eq!(f.visible(&tl, s(2.0)), [1]);
        assert_eq!(f.describe(), "unfinished, name ~ \"slow\"");
        f.text = "nothing".into();
        assert!(f.visible(&tl, s(2.0)).is_empty());
    }
}
