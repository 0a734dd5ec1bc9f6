//! The blocking call in force at a moment: which task holds the thread,
//! with what call, until when. The status line names it; a live run's
//! clock is held back by its end only (timers fire late meanwhile).

use super::timeline::{LaneState, Timeline};
use std::time::Duration;

/// A blocking call holding the thread.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Held {
    pub start: Duration,
    pub until: Duration,
    /// The position in `Timeline::lanes` of the lane that called it.
    pub lane: Option<usize>,
}

/// The blocking call holding the thread at `t`, if any (`start <= t < until`).
pub fn held_at(tl: &Timeline, t: Duration) -> Option<Held> {
    let &(start, until) = tl.blocks.iter().rev().find(|&&(s, u)| s <= t && t < u)?;
    let lane = tl.lanes.iter().position(|l| {
        l.segment_at(t)
            .is_some_and(|s| s.state == LaneState::Blocked && s.start == start)
    });
    Some(Held { start, until, lane })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{EventKind, LaneKind};
    use crate::ui::timeline::fixtures::{created, ev};

    #[test]
    fn the_block_in_force_names_its_lane() {
        let created = |name: &str| created(name, LaneKind::Task);
        let until = Duration::from_secs_f64(2.5);
        let mut tl = Timeline::from_events(&[
            ev(0.0, 0, created("ticker")),
            ev(0.0, 1, created("blocker")),
            ev(0.5, 1, EventKind::Polled),
            ev(0.5, 1, EventKind::Blocked { until }),
        ]);
        let at = |tl: &Timeline, t: f64| held_at(tl, Duration::from_secs_f64(t));
        assert_eq!(at(&tl, 0.4), None);
        let held = at(&tl, 0.5).unwrap();
        assert_eq!((held.until, held.lane), (until, Some(1)));
        assert_eq!(at(&tl, 2.0).map(|h| h.lane), Some(Some(1)));
        tl.apply(&ev(2.5, 1, EventKind::Unblocked));
        assert_eq!(at(&tl, 2.5), None);
    }
}
