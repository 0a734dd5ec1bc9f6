//! Running a lesson's demo: start, pause, resume, step, speed, scrub, and
//! collecting a live run's events at each tick.

use super::{App, LessonState, RunStatus, SPEEDS};
use crate::engine::{Event, Limits, LiveRun, Outcome};
use crate::lesson::Lesson;
use crate::ui::aggregate::Aggregate;
use crate::ui::timeline::Timeline;
use std::time::{Duration, Instant};

impl LessonState {
    pub(super) fn start(&mut self, lesson: &Lesson, paused: bool) {
        discard(self.run.take());
        self.timeline = Timeline::default();
        self.events.clear();
        self.aggregate = Aggregate::default();
        self.now = Duration::ZERO;
        self.cursor = None;
        self.detail = false;
        self.code_scroll = [None, None];
        self.output_scroll = 0;
        self.run = Some(LiveRun::start(
            lesson.script(),
            &Limits::default(),
            self.speed,
            paused,
        ));
        self.status = if paused {
            RunStatus::Paused
        } else {
            RunStatus::Running
        };
    }

    pub(super) fn pause(&mut self) {
        if let Some(run) = &self.run {
            run.control().pause();
        }
        self.status = RunStatus::Paused;
        // The clock may move until the runtime thread sees the pause.
        self.busy_until = Some(Instant::now() + Duration::from_millis(200));
    }

    pub(super) fn resume(&mut self) {
        if let Some(run) = &self.run {
            run.control().resume();
        }
        self.cursor = None;
        self.status = RunStatus::Running;
    }

    pub(super) fn step(&mut self) {
        if let Some(run) = &self.run {
            run.control().step();
        }
        self.cursor = None;
        self.status = RunStatus::Paused;
        self.busy_until = Some(Instant::now() + Duration::from_millis(1500));
    }

    pub(super) fn set_speed(&mut self, up: bool) {
        let i = SPEEDS
            .iter()
            .position(|&s| s >= self.speed - 1e-9)
            .unwrap_or(SPEEDS.len() - 1);
        let i = if up {
            (i + 1).min(SPEEDS.len() - 1)
        } else {
            i.saturating_sub(1)
        };
        self.speed = SPEEDS[i];
        if let Some(run) = &self.run {
            run.control().set_speed(self.speed);
        }
    }

    /// Collects new events; returns whether anything changed, and whether
    /// the run just finished.
    pub(super) fn tick(&mut self) -> (bool, bool) {
        let Some(run) = &mut self.run else {
            return (false, false);
        };
        let clock = run.control().virtual_now();
        let mut changed = false;
        let mut apply = |events: Vec<Event>, timeline: &mut Timeline, kept: &mut Vec<Event>| {
            changed |= !events.is_empty();
            for e in &events {
                timeline.apply(e);
            }
            kept.extend(events);
        };
        apply(run.drain(), &mut self.timeline, &mut self.events);
        let mut finished = false;
        if let Some(outcome) = run.outcome().cloned() {
            apply(run.drain(), &mut self.timeline, &mut self.events);
            self.timeline.seed = crate::ui::seed::note(run.warnings());
            self.ran |= matches!(outcome, Outcome::Finished | Outcome::Raised { .. });
            self.status = RunStatus::Finished(outcome);
            self.now = self.timeline.end;
            self.run = None;
            finished = true;
            changed = true;
        }
        if changed {
            self.aggregate.update(&self.timeline, finished);
        }
        if !finished {
            // The run's own clock, read before draining (the engine moves
            // it after sending an event). The clock may pass a timer's
            // deadline just before the wake is sent: the deadline holds
            // it back until the wake is drained.
            // During a blocking call timers fire late: only the block's end
            // holds the clock back.
            let mut now = clock;
            let held = match crate::ui::block::held_at(&self.timeline, self.timeline.end) {
                Some(block) => Some(block.until),
                None => self.timeline.next_deadline(self.timeline.end),
            };
            if let Some(limit) = held {
                now = now.min(limit);
            }
            let now = now.max(self.timeline.end);
            changed |= now != self.now;
            self.now = now;
        }
        (changed, finished)
    }

    /// Whether the screen animates (ticks often).
    pub fn animating(&self) -> bool {
        self.status == RunStatus::Running || self.busy_until.is_some_and(|t| Instant::now() < t)
    }

    /// Moves the scrub cursor to the next or previous moment of a finished
    /// or paused run (`Space` or `s` goes on from where the run is).
    pub(super) fn scrub(&mut self, forward: bool) {
        if !matches!(self.status, RunStatus::Finished(_) | RunStatus::Paused) {
            return;
        }
        let times = &self.timeline.times;
        let t = self.view_time();
        let next = if forward {
            times.iter().find(|&&x| x > t).copied()
        } else {
            times.iter().rev().find(|&&x| x < t).copied()
        };
        if let Some(next) = next {
            self.cursor = (next < self.now).then_some(next);
        }
    }
}

/// Stops a run and lets another thread wait for its end: a demo thread
/// inside a long blocking call must not freeze the screen.
pub(super) fn discard(run: Option<LiveRun>) {
    if let Some(run) = run {
        run.control().stop();
        std::thread::spawn(move || drop(run));
    }
}

impl Drop for LessonState {
    fn drop(&mut self) {
        discard(self.run.take());
    }
}

impl App {
    pub(super) fn tick(&mut self) -> bool {
        if self
            .lesson
            .as_ref()
            .and_then(|l| l.watch.as_ref())
            .is_some_and(|w| w.changed())
        {
            self.reload();
            return true;
        }
        let Some(lesson) = &mut self.lesson else {
            return false;
        };
        let (changed, finished) = lesson.tick();
        if changed {
            // Lanes that end leave the unfinished filter.
            let rows = self.timeline_rows();
            if let Some(lesson) = &mut self.lesson {
                lesson.keep_selection_visible(rows);
            }
        }
        let Some(lesson) = &mut self.lesson else {
            return changed;
        };
        if finished && lesson.status == RunStatus::Finished(Outcome::Finished) {
            let id = self.lessons[lesson.index].id.clone();
            if self.progress.done.insert(id) {
                let _ = self.progress.save();
            }
        }
        if finished {
            self.reveal();
        }
        if let Some(key) = self
            .lesson
            .as_ref()
            .and_then(|l| self.answer_keys.get_mut(&l.index))
        {
            key.poll();
        }
        changed
    }
}
