//! How many tasks are busy at each moment of a run, read from its events:
//! what the `concurrency` check measures.
//!
//! A task is busy from the end of the first moment it runs until it ends,
//! except while it waits on another task or on a lock, semaphore, event,
//! condition or queue. Counts are taken at the end of each moment of
//! virtual time, so a task that runs and at once waits on a semaphore is
//! never counted.

use crate::engine::{Event, EventKind, LaneId, WaitOn};
use std::collections::HashMap;
use std::time::Duration;

/// The busiest moment of a run, for the tasks a pattern selects.
#[derive(Clone, Debug, PartialEq)]
pub struct Peak {
    /// How many were busy at once.
    pub count: usize,
    /// The first moment with that many.
    pub at: Duration,
    /// The busy tasks then, as the timeline names them.
    pub tasks: Vec<String>,
}

#[derive(Default)]
struct Lane {
    call: String,
    frames: Vec<String>,
    busy: bool,
    idle_wait: bool,
    done: bool,
}

/// The moment most tasks matching `pattern` (all with `None`) were busy.
pub fn peak(events: &[Event], pattern: Option<&str>) -> Peak {
    let mut lanes: HashMap<LaneId, Lane> = HashMap::new();
    let mut best = Peak {
        count: 0,
        at: Duration::ZERO,
        tasks: Vec::new(),
    };
    let mut i = 0;
    while i < events.len() {
        let now = events[i].time;
        while i < events.len() && events[i].time == now {
            apply(&mut lanes, &events[i]);
            i += 1;
        }
        let mut busy: Vec<(LaneId, String)> = lanes
            .iter()
            .filter(|(_, l)| l.busy && !l.idle_wait && !l.done && matches(l, pattern))
            .map(|(id, l)| (*id, l.frames.last().unwrap_or(&l.call).clone()))
            .collect();
        if busy.len() > best.count {
            busy.sort();
            best = Peak {
                count: busy.len(),
                at: now,
                tasks: busy.into_iter().map(|(_, n)| n).collect(),
            };
        }
    }
    best
}

fn matches(lane: &Lane, pattern: Option<&str>) -> bool {
    let Some(p) = pattern else { return true };
    lane.call.contains(p) || lane.frames.iter().any(|f| f.contains(p))
}

fn apply(lanes: &mut HashMap<LaneId, Lane>, e: &Event) {
    match &e.kind {
        EventKind::Created { call, kind, .. } if !kind.is_job() => {
            lanes.insert(
                e.lane,
                Lane {
                    call: call.to_string(),
                    ..Lane::default()
                },
            );
        }
        _ => {}
    }
    let Some(lane) = lanes.get_mut(&e.lane) else {
        return;
    };
    match &e.kind {
        EventKind::Renamed { name } => lane.call = format!("{} {name}", lane.call),
        EventKind::FrameEntered { name, .. } => lane.frames.push(name.to_string()),
        EventKind::FrameLeft { .. } => {
            lane.frames.pop();
        }
        EventKind::Polled => {
            lane.busy = true;
            lane.idle_wait = false;
        }
        EventKind::Suspended { on } => {
            lane.idle_wait = matches!(on, WaitOn::Lane(_) | WaitOn::Lanes(_) | WaitOn::Sync { .. });
        }
        EventKind::Returned { .. }
        | EventKind::Cancelled
        | EventKind::TimedOut
        | EventKind::Failed { .. } => lane.done = true,
        _ => {}
    }
}
