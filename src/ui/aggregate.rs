//! How many task lanes are running, ready, waiting and done at each moment
//! of a run: the counts behind the timeline's aggregate strip.
//!
//! A moment is a virtual instant at which something happened. Many tasks
//! can run one after another at one instant (10,000 timers due at t=1), so
//! a moment counts the tasks that got the thread there (running, or ready
//! and not yet run) and the tasks waiting or done once it is over: a task
//! that wakes, runs and returns at t=1 counts as running at t=1 and as
//! done after it. Between moments nothing changes. Counts are built up
//! incrementally: each update looks at every task lane once and at the
//! segments new since the last one, and a moment is final once a later one
//! exists (or the run is over); the moment still under way is counted on
//! demand.

use super::timeline::{LaneState, Timeline};
use std::time::Duration;

/// What the strip tells apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// Running, or holding the thread with a blocking call.
    Running,
    Ready,
    /// Waiting on a timer, a task or a future.
    Waiting,
    /// Ended: returned, cancelled, timed out or failed.
    Done,
}

impl Class {
    fn of(state: LaneState) -> Class {
        match state {
            LaneState::Running | LaneState::Blocked | LaneState::Working => Class::Running,
            LaneState::Ready => Class::Ready,
            LaneState::WaitTimer | LaneState::TimedWait => Class::Waiting,
            LaneState::Done | LaneState::Cancelled | LaneState::TimedOut | LaneState::Failed => {
                Class::Done
            }
        }
    }

    /// Which class a lane counts in at a moment where it was in several:
    /// having had the thread wins.
    fn rank(self) -> u8 {
        match self {
            Class::Running => 3,
            Class::Ready => 2,
            Class::Done => 1,
            Class::Waiting => 0,
        }
    }
}

/// Task lanes per class.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub running: u32,
    pub ready: u32,
    pub waiting: u32,
    pub done: u32,
}

impl Counts {
    fn add(&mut self, class: Class, n: i64) {
        let slot = match class {
            Class::Running => &mut self.running,
            Class::Ready => &mut self.ready,
            Class::Waiting => &mut self.waiting,
            Class::Done => &mut self.done,
        };
        *slot = (i64::from(*slot) + n).max(0) as u32;
    }

    /// Running and ready: the tasks that want the thread.
    pub fn active(&self) -> u32 {
        self.running + self.ready
    }

    pub fn total(&self) -> u32 {
        self.running + self.ready + self.waiting + self.done
    }

    /// Each class's larger count.
    pub fn max(&self, other: &Counts) -> Counts {
        Counts {
            running: self.running.max(other.running),
            ready: self.ready.max(other.ready),
            waiting: self.waiting.max(other.waiting),
            done: self.done.max(other.done),
        }
    }
}

/// One moment: the counts while it lasts (each lane in the class it was
/// in there that ranks highest: running, ready, done, waiting) and the
/// counts in force after it, until the next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Moment {
    pub time: Duration,
    pub at: Counts,
    pub after: Counts,
}

/// Per-moment counts of a run's task lanes.
#[derive(Clone, Debug, Default)]
pub struct Aggregate {
    /// Final moments, ascending.
    moments: Vec<Moment>,
    /// Counts in force after the last final moment.
    after: Counts,
    /// Per timeline lane: segments taken in, and its class in force.
    seen: Vec<(usize, Option<Class>)>,
    /// The moment with the most running + ready tasks.
    busiest: Option<usize>,
    /// The largest count of each class at any final moment.
    peak: Counts,
}

impl Aggregate {
    /// Takes in what the timeline holds now; `ended` says the run is over
    /// (its last moment is final too).
    pub fn update(&mut self, tl: &Timeline, ended: bool) {
        let horizon = if ended { None } else { Some(tl.end) };
        self.seen.resize(tl.lanes.len(), (0, None));
        // (time, lane, state) of the new segments before the horizon.
        let mut new: Vec<(Duration, usize, LaneState)> = Vec::new();
        for (i, lane) in tl.lanes.iter().enumerate() {
            if !lane.is_task() {
                continue;
            }
            let from = self.seen[i].0;
            let upto = match horizon {
                Some(h) => from + lane.segments[from..].partition_point(|s| s.start < h),
                None => lane.segments.len(),
            };
            new.extend(
                lane.segments[from..upto]
                    .iter()
                    .map(|s| (s.start, i, s.state)),
            );
            self.seen[i].0 = upto;
        }
        // A lane's segments are in order; the sort keeps them so.
        new.sort_by_key(|&(t, i, _)| (t, i));
        let mut k = 0;
        while k < new.len() {
            let time = new[k].0;
            let end = k + new[k..].partition_point(|s| s.0 == time);
            let (moment, classes) = self.count(time, &new[k..end]);
            for (lane, class) in classes {
                self.seen[lane].1 = Some(class);
            }
            self.after = moment.after;
            self.peak = self.peak.max(&moment.at).max(&moment.after);
            self.moments.push(moment);
            let m = self.moments.len() - 1;
            if self
                .busiest
                .is_none_or(|b| moment.at.active() > self.moments[b].at.active())
            {
                self.busiest = Some(m);
            }
            k = end;
        }
    }

    /// The moment at `time` from the segments starting then (grouped by
    /// lane, in order), with each lane's class in force after it.
    fn count(
        &self,
        time: Duration,
        segs: &[(Duration, usize, LaneState)],
    ) -> (Moment, Vec<(usize, Class)>) {
        let mut at = self.after;
        let mut after = self.after;
        let mut classes = Vec::new();
        let mut j = 0;
        while j < segs.len() {
            let lane = segs[j].1;
            let end = j + segs[j..].partition_point(|s| s.1 == lane);
            let best = segs[j..end]
                .iter()
                .map(|s| Class::of(s.2))
                .max_by_key(|c| c.rank())
                .expect("one segment at least");
            let last = Class::of(segs[end - 1].2);
            if let Some(c) = self.seen.get(lane).and_then(|s| s.1) {
                at.add(c, -1);
                after.add(c, -1);
            }
            at.add(best, 1);
            after.add(last, 1);
            classes.push((lane, last));
            j = end;
        }
        (Moment { time, at, after }, classes)
    }

    /// The moment still under way in a live run (at the timeline's end),
    /// counted from the lanes' latest segments: one look at each lane.
    pub fn current(&self, tl: &Timeline) -> Option<Moment> {
        let mut segs = Vec::new();
        for (i, lane) in tl.lanes.iter().enumerate() {
            if !lane.is_task() {
                continue;
            }
            // After an update, every segment not taken in starts at the end.
            let from = self.seen.get(i).map_or(0, |s| s.0).min(lane.segments.len());
            segs.extend(lane.segments[from..].iter().map(|s| (s.start, i, s.state)));
        }
        if segs.is_empty() {
            return None;
        }
        Some(self.count(tl.end, &segs).0)
    }

    /// The largest count of each class at any final moment.
    pub fn peak(&self) -> Counts {
        self.peak
    }

    /// The final moments, ascending.
    pub fn moments(&self) -> &[Moment] {
        &self.moments
    }

    /// The moment with the most running + ready tasks (the earliest of
    /// equals), among the final ones.
    pub fn busiest(&self) -> Option<Moment> {
        self.busiest.map(|b| self.moments[b])
    }

    /// The counts to show for `[from, to)`: running and ready at its
    /// busiest moment, waiting and done at its end; or, without a moment
    /// in it, what was in force at `from`. `current` is the moment under way.
    pub fn span(&self, from: Duration, to: Duration, current: Option<&Moment>) -> Counts {
        let first = self.moments.partition_point(|m| m.time < from);
        let last = self.moments.partition_point(|m| m.time < to);
        let inside = || {
            self.moments[first..last]
                .iter()
                .chain(current.filter(|m| m.time >= from && m.time < to))
        };
        let busiest = inside().max_by_key(|m| (m.at.active(), std::cmp::Reverse(m.time)));
        if let (Some(busy), Some(end)) = (busiest, inside().last()) {
            return Counts {
                running: busy.at.running,
                ready: busy.at.ready,
                waiting: end.after.waiting,
                done: end.after.done,
            };
        }
        match current {
            Some(c) if c.time < from => c.after,
            _ => first
                .checked_sub(1)
                .map(|i| self.moments[i].after)
                .unwrap_or_default(),
        }
    }

    /// The counts at exactly `t`: its moment, or what was in force.
    pub fn at(&self, t: Duration, current: Option<&Moment>) -> Counts {
        self.span(t, t + Duration::from_nanos(1), current)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Event, EventKind, LaneKind, WaitOn};
    use crate::ui::timeline::fixtures::{created, ev};

    fn timer(t: f64) -> EventKind {
        EventKind::Suspended {
            on: WaitOn::Timer {
                deadline: Duration::from_secs_f64(t),
            },
        }
    }

    /// Three worker tasks sleep 1 s, 1 s and 2 s; an executor's job lane is
    /// not counted.
    fn events() -> Vec<Event> {
        let mut out = vec![ev(0.0, 9, created("helper", LaneKind::Worker))];
        for (lane, sleep) in [(1, 1.0), (2, 1.0), (3, 2.0)] {
            out.push(ev(0.0, lane, created("worker", LaneKind::Task)));
            out.push(ev(0.0, lane, EventKind::Polled));
            out.push(ev(0.0, lane, timer(sleep)));
        }
        for (t, lane) in [(1.0, 1), (1.0, 2), (2.0, 3)] {
            out.push(ev(t, lane, EventKind::Woken));
        }
        let mut sorted = Vec::new();
        for t in [1.0, 2.0] {
            for e in out.iter().filter(|e| e.time == Duration::from_secs_f64(t)) {
                sorted.push(e.clone());
                sorted.push(ev(t, e.lane, EventKind::Polled));
                sorted.push(ev(
                    t,
                    e.lane,
                    EventKind::Returned {
                        value: "None".into(),
                    },
                ));
            }
        }
        out.retain(|e| e.time.is_zero());
        out.extend(sorted);
        out
    }

    fn counts(running: u32, ready: u32, waiting: u32, done: u32) -> Counts {
        Counts {
            running,
            ready,
            waiting,
            done,
        }
    }

    #[test]
    fn a_moment_counts_who_ran_there_and_who_waits_or_is_done_after() {
        let tl = Timeline::from_events(&events());
        let mut agg = Aggregate::default();
        agg.update(&tl, true);
        let m = agg.moments();
        assert_eq!(m.len(), 3);
        assert_eq!(
            (m[0].at, m[0].after),
            (counts(3, 0, 0, 0), counts(0, 0, 3, 0))
        );
        // The two that wake, run and return at t=1 ran there, and are done after.
        assert_eq!(
            (m[1].at, m[1].after),
            (counts(2, 0, 1, 0), counts(0, 0, 1, 2))
        );
        assert_eq!(m[2].after, counts(0, 0, 0, 3));
        let s = Duration::from_secs_f64;
        assert_eq!(agg.at(s(0.5), None), counts(0, 0, 3, 0));
        // A span: running at its busiest moment, waiting and done at its end.
        assert_eq!(agg.span(s(0.0), s(0.5), None), counts(3, 0, 3, 0));
        assert_eq!(agg.span(s(0.5), s(1.5), None), counts(2, 0, 1, 2));
        assert_eq!(agg.at(s(2.0), None), counts(1, 0, 0, 3));
        assert_eq!(agg.busiest().map(|m| m.time), Some(Duration::ZERO));
    }

    #[test]
    fn updates_event_by_event_give_the_same_moments() {
        let events = events();
        let mut whole = Aggregate::default();
        whole.update(&Timeline::from_events(&events), true);
        let mut tl = Timeline::default();
        let mut agg = Aggregate::default();
        for e in &events {
            tl.apply(e);
            agg.update(&tl, false);
            // The moment under way is counted on demand (once a task is).
            let current = agg.current(&tl);
            assert_eq!(
                current.map(|m| m.time),
                (tl.task_count() > 0).then_some(tl.end)
            );
        }
        let current = agg.current(&tl);
        agg.update(&tl, true);
        assert_eq!(agg.moments(), whole.moments());
        assert_eq!(current.as_ref(), agg.moments().last());
        assert_eq!(agg.current(&tl), None);
    }
}
