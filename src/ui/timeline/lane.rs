//! A lane (one task or executor job): its states over time and its frames.

use crate::engine::{FrameExit, FrameKind, LaneId, LaneKind, WaitOn};
use crate::render::plan::ir::ast::StmtId;
use std::time::Duration;

/// What a lane is doing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LaneState {
    Running,
    /// Woken, waiting for its turn on the thread.
    Ready,
    WaitTimer,
    /// Waiting on another task, a future or a socket.
    TimedWait,
    /// Holding the thread with a blocking call.
    Blocked,
    /// An executor's job running its plain function on a worker thread
    /// (a blocking call or computing), outside the event loop.
    Working,
    Done,
    Cancelled,
    TimedOut,
    Failed,
}

impl LaneState {
    /// The glyph drawn in the timeline.
    pub fn glyph(self) -> char {
        match self {
            LaneState::Running => '█',
            LaneState::Ready => '▒',
            LaneState::WaitTimer => '─',
            LaneState::TimedWait => '┄',
            LaneState::Blocked => '▓',
            LaneState::Working => '≡',
            LaneState::Done => '✓',
            LaneState::Cancelled => '✗',
            LaneState::TimedOut => '⊘',
            LaneState::Failed => '!',
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            LaneState::Running => "running",
            LaneState::Ready => "ready",
            LaneState::WaitTimer => "waiting on timer",
            LaneState::TimedWait => "awaiting",
            LaneState::Blocked => "blocked",
            LaneState::Working => "running on a worker thread",
            LaneState::Done => "done",
            LaneState::Cancelled => "cancelled",
            LaneState::TimedOut => "timed out",
            LaneState::Failed => "failed",
        }
    }

    /// Whether the lane has ended.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            LaneState::Done | LaneState::Cancelled | LaneState::TimedOut | LaneState::Failed
        )
    }

    /// Which state wins when several fall in one timeline column.
    pub fn priority(self) -> u8 {
        match self {
            LaneState::Failed | LaneState::Cancelled | LaneState::TimedOut => 9,
            LaneState::Done => 8,
            LaneState::Blocked => 7,
            LaneState::Running | LaneState::Working => 6,
            LaneState::Ready => 5,
            LaneState::WaitTimer => 3,
            LaneState::TimedWait => 2,
        }
    }
}

/// One stretch of a lane in one state; `end` is `None` while it lasts.
#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    pub start: Duration,
    pub end: Option<Duration>,
    pub state: LaneState,
    /// What it waits on, for the waiting states.
    pub on: Option<WaitOn>,
}

/// One frame of a task: a coroutine it awaited, an async generator or
/// iterator it asked for an item, a context manager it entered or exited.
#[derive(Clone, Debug, PartialEq)]
pub struct FrameSpan {
    pub name: String,
    pub kind: FrameKind,
    /// 0 for a frame the task's own coroutine entered, 1 for one inside
    /// that, and so on.
    pub depth: usize,
    pub start: Duration,
    /// `None` while the task is still inside it.
    pub end: Option<Duration>,
    pub exit: Option<FrameExit>,
}

impl FrameSpan {
    /// Whether the task is inside the frame at `t`.
    pub fn covers(&self, t: Duration) -> bool {
        self.start <= t && self.end.is_none_or(|e| e > t)
    }
}

/// One task (or an executor's worker job).
#[derive(Clone, Debug)]
pub struct Lane {
    pub id: LaneId,
    pub kind: LaneKind,
    /// The coroutine call it runs: `fetch('slow', 3)`.
    pub call: String,
    /// The Task's name: `Task-2`, or the `name=` it was given.
    pub name: String,
    /// Whether `name` was given to `create_task`.
    pub named: bool,
    pub parent: Option<LaneId>,
    pub created: Duration,
    pub segments: Vec<Segment>,
    /// The statements it was at, with the time it got there.
    pub stmts: Vec<(Duration, StmtId)>,
    /// The value it returned, or why it failed.
    pub result: Option<String>,
    /// Its frames, in the order entered.
    pub frames: Vec<FrameSpan>,
    /// The frames it is inside now (indices into `frames`), innermost last.
    pub(super) open: Vec<usize>,
}

impl Lane {
    /// Whether the lane is an asyncio task (not an executor's job).
    pub fn is_task(&self) -> bool {
        self.kind == LaneKind::Task
    }

    /// How the timeline names the task: its own `name=` if it was given
    /// one, else its coroutine call.
    pub fn label(&self) -> &str {
        if self.named { &self.name } else { &self.call }
    }

    /// The frames the task is inside at `t`, outermost first.
    pub fn stack_at(&self, t: Duration) -> Vec<&FrameSpan> {
        let mut stack: Vec<&FrameSpan> = Vec::new();
        // Frames are in entry order, so a frame's parent comes before it.
        for f in self.frames.iter().take_while(|f| f.start <= t) {
            if f.covers(t) {
                stack.truncate(f.depth);
                stack.push(f);
            }
        }
        stack
    }

    /// The segment in force at `t` (the last one starting at or before it).
    pub fn segment_at(&self, t: Duration) -> Option<&Segment> {
        let i = self.segments.partition_point(|s| s.start <= t);
        i.checked_sub(1).map(|i| &self.segments[i])
    }

    pub fn state_at(&self, t: Duration) -> Option<LaneState> {
        self.segment_at(t).map(|s| s.state)
    }

    /// The statement the lane was at, at `t`.
    pub fn stmt_at(&self, t: Duration) -> Option<StmtId> {
        let i = self.stmts.partition_point(|(s, _)| *s <= t);
        i.checked_sub(1).map(|i| self.stmts[i].1)
    }

    /// The most telling state over `[from, to)`: a blip of running
    /// shows even though it takes no virtual time.
    pub fn state_in(&self, from: Duration, to: Duration) -> Option<LaneState> {
        let first = self.segments.partition_point(|s| s.start < from);
        let mut best = first
            .checked_sub(1)
            .map(|i| self.segments[i].state)
            // A lane that ended earlier draws nothing.
            .filter(|s| !s.is_final());
        for s in &self.segments[first..] {
            if s.start >= to {
                break;
            }
            if best.is_none_or(|b| s.state.priority() > b.priority()) {
                best = Some(s.state);
            }
        }
        best
    }

    pub fn last_state(&self) -> Option<LaneState> {
        self.segments.last().map(|s| s.state)
    }
}
