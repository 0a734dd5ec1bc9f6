//! Which timeline lanes are shown: all, only the unfinished ones, or only
//! those whose name holds a typed text (`f` and `/` on the lesson screen).

use super::timeline::{Lane, Timeline};
use std::time::Duration;

/// The timeline's lane filter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LaneFilter {
    /// Only lanes that exist and have not ended at the time shown.
    pub unfinished: bool,
    /// Only lanes whose name contains this (ignoring ASCII case).
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
        self.text.is_empty() || contains_ignore_case(&lane.name, &self.text)
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

    /// What the filter is, for the timeline's title: `unfinished`,
    /// `name ~ "fetch"`, or both.
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
    use crate::engine::{Event, EventKind, LaneKind};

    fn ev(t: f64, lane: crate::engine::LaneId, kind: EventKind) -> Event {
        Event {
            time: Duration::from_secs_f64(t),
            lane,
            stmt: None,
            kind,
        }
    }

    #[test]
    fn unfinished_and_name_filters() {
        let created = |name: &str| EventKind::Created {
            name: name.into(),
            kind: LaneKind::Task,
            parent: None,
        };
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
