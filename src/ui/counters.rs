//! The counters of a run's queues and semaphores over time (a queue's
//! size, a semaphore's free permits), from the engine's `Counter` events,
//! for the counter rows under the timeline's lanes.

use crate::engine::{CounterKind, Event, EventKind};
use std::collections::HashMap;
use std::time::Duration;

/// One primitive's counter.
#[derive(Clone, Debug, PartialEq)]
pub struct Counter {
    /// How the primitive is named (`Queue 'queue'`, `Semaphore #1`),
    /// escaped for the terminal.
    pub name: String,
    pub kind: CounterKind,
    /// The most it holds, when bounded.
    pub capacity: Option<i64>,
    /// Its values, each with the time it took it, in time order.
    pub samples: Vec<(Duration, i64)>,
}

impl Counter {
    /// Its value at `t`, once it exists.
    pub fn value_at(&self, t: Duration) -> Option<i64> {
        let i = self.samples.partition_point(|(s, _)| *s <= t);
        i.checked_sub(1).map(|i| self.samples[i].1)
    }

    /// The highest value it takes over `[from, to)` (the value it had
    /// coming in included, unless it changed at `from`): a change that
    /// lasts no virtual time still shows.
    pub fn peak_in(&self, from: Duration, to: Duration) -> Option<i64> {
        let first = self.samples.partition_point(|(s, _)| *s < from);
        let changed_at_start = self.samples.get(first).is_some_and(|s| s.0 == from);
        let mut best = first
            .checked_sub(1)
            .filter(|_| !changed_at_start)
            .map(|i| self.samples[i].1);
        for (s, v) in &self.samples[first..] {
            if *s >= to {
                break;
            }
            best = Some(best.map_or(*v, |b| b.max(*v)));
        }
        best
    }

    /// The value a full row stands for: the capacity, else the highest
    /// value it ever took (at least 1).
    pub fn top(&self) -> i64 {
        let seen = self.samples.iter().map(|s| s.1).max().unwrap_or(0);
        self.capacity.unwrap_or(seen).max(seen).max(1)
    }

    /// Its value at `t` as the row's label shows it: `2` or `2/3`.
    pub fn value_text(&self, t: Duration) -> String {
        match (self.value_at(t), self.capacity) {
            (None, _) => "-".into(),
            (Some(v), Some(c)) => format!("{v}/{c}"),
            (Some(v), None) => v.to_string(),
        }
    }
}

/// Every counter of a run, in the order the primitives were made.
#[derive(Clone, Debug, Default)]
pub struct Counters {
    pub list: Vec<Counter>,
    index: HashMap<u32, usize>,
}

impl Counters {
    /// Adds a `Counter` event (other events are ignored).
    pub fn apply(&mut self, e: &Event) {
        let EventKind::Counter {
            id,
            name,
            kind,
            value,
            capacity,
        } = &e.kind
        else {
            return;
        };
        let i = *self.index.entry(*id).or_insert_with(|| {
            self.list.push(Counter {
                name: crate::sanitize::for_terminal(name).into_owned(),
                kind: *kind,
                capacity: *capacity,
                samples: Vec::new(),
            });
            self.list.len() - 1
        });
        self.list[i].samples.push((e.time, *value));
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counter(ms: u64, id: u32, value: i64) -> Event {
        Event {
            time: Duration::from_millis(ms),
            lane: 0,
            stmt: None,
            kind: EventKind::Counter {
                id,
                name: "Queue 'q'".into(),
                kind: CounterKind::QueueSize,
                value,
                capacity: Some(2),
            },
        }
    }

    #[test]
    fn a_counter_keeps_its_values_and_peaks_over_a_stretch() {
        let mut cs = Counters::default();
        for e in [
            counter(0, 1, 0),
            counter(1000, 1, 1),
            counter(1000, 1, 2),
            counter(2000, 1, 1),
            counter(2000, 1, 0),
        ] {
            cs.apply(&e);
        }
        let c = &cs.list[0];
        assert_eq!(c.value_at(Duration::from_millis(500)), Some(0));
        assert_eq!(c.value_at(Duration::from_millis(1500)), Some(2));
        assert_eq!(c.value_text(Duration::from_millis(1500)), "2/2");
        assert_eq!(
            c.peak_in(Duration::from_millis(1500), Duration::from_millis(2500)),
            Some(2)
        );
        // The queue held 1 for no virtual time at t=2: the column shows it.
        assert_eq!(
            c.peak_in(Duration::from_millis(2000), Duration::from_millis(3000)),
            Some(1)
        );
        assert_eq!(
            c.peak_in(Duration::from_millis(2500), Duration::from_millis(3000)),
            Some(0)
        );
        assert_eq!(c.top(), 2);
    }
}
