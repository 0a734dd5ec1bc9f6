//! What the event loop logged: a failure no code saw.

use crate::engine::LaneId;
use std::time::Duration;

/// A report the event loop logged: a failure no code saw.
#[derive(Clone, Debug, PartialEq)]
pub struct Logged {
    pub at: Duration,
    /// The task it concerns (a task's unretrieved exception, a stream
    /// handler's), or `None` (an exception in a callback, a note).
    pub lane: Option<LaneId>,
    /// Its first line, with the exception it names when it has one
    /// (`Task exception was never retrieved: KeyError: 'k'`), escaped.
    pub summary: String,
    /// Its place in [`super::Timeline::output`].
    pub output: usize,
}

impl Logged {
    pub(super) fn new(at: Duration, lane: LaneId, text: &str, output: usize) -> Logged {
        let mut lines = text.lines();
        let first = lines.next().unwrap_or_default();
        // A traceback's last line names the exception.
        let last = lines
            .rfind(|l| !l.starts_with(' ') && !l.is_empty())
            .filter(|_| text.contains("Traceback (most recent call last):"));
        let summary = match last {
            Some(last) => format!("{first}: {last}"),
            None => first.to_string(),
        };
        // Only a task's report is on its lane; the others are logged on
        // lane 0 and concern no task.
        let task = [
            "Task exception was never retrieved",
            "Unhandled exception in client_connected_cb",
        ]
        .contains(&first);
        Logged {
            at,
            lane: task.then_some(lane),
            summary: super::shown(&summary),
            output,
        }
    }
}
