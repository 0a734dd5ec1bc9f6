//! An open lesson: its listings, prose, run and what the screen shows of it.

use super::run::discard;
use super::{Pane, RunStatus, SMALL_DEMO};
use crate::engine::{Event, LiveRun, Outcome};
use crate::lesson::Lesson;
use crate::render::Listing;
use crate::ui::aggregate::Aggregate;
use crate::ui::highlight::Lang;
use crate::ui::lanes::LaneFilter;
use crate::ui::markdown;
use crate::ui::quiz::QuizPanel;
use crate::ui::theme::Theme;
use crate::ui::timeline::Timeline;
use ratatui::text::Line;
use std::collections::HashMap;
use std::time::{Duration, Instant};

/// A listing with its lines as the code pane shows them (a lesson's strings
/// may hold terminal controls).
fn shown(mut listing: Listing) -> Listing {
    for line in &mut listing.lines {
        if let std::borrow::Cow::Owned(safe) = crate::sanitize::for_terminal(line) {
            *line = safe;
        }
    }
    listing
}

/// An open lesson and its demo run.
pub struct LessonState {
    pub index: usize,
    pub python: Listing,
    pub rust: Listing,
    pub lang: Lang,
    /// The lesson's prose (`text`).
    pub prose: Vec<Line<'static>>,
    /// The prose shown once the demo has run to its end (`after_run`).
    pub after: Vec<Line<'static>>,
    /// The demo has run to its end in this visit: `after` shows.
    pub ran: bool,
    pub prose_scroll: u16,
    /// The first listing line each code pane shows when scrolled by hand
    /// (Python, Rust); `None` follows the running line.
    pub code_scroll: [Option<usize>; 2],
    /// The Rust listing's line for every statement of the program: its
    /// own, else that of the innermost translated statement holding it,
    /// so both panes mark the same moment.
    pub rust_lines: HashMap<crate::program::StmtId, usize>,
    pub run: Option<LiveRun>,
    /// The events of the run so far, as the engine sent them (what the
    /// export key saves).
    pub events: Vec<Event>,
    pub timeline: Timeline,
    /// Task counts per moment, for the timeline's strip.
    pub aggregate: Aggregate,
    /// Which lanes the timeline shows.
    pub lane_filter: LaneFilter,
    pub status: RunStatus,
    pub speed: f64,
    /// Virtual time of the run: the live run's clock while it runs.
    pub now: Duration,
    /// Scrub position in a finished run.
    pub cursor: Option<Duration>,
    pub selected_lane: usize,
    pub lane_scroll: usize,
    /// The task detail view is open (for `selected_lane`).
    pub detail: bool,
    /// Whether each task's frames get sub-rows (`z`); `None` until
    /// toggled: unfolded for small demos (see [`LessonState::frames_unfolded`]).
    pub frame_rows: Option<bool>,
    /// Keep ticking until then (a step may still be producing events).
    pub(super) busy_until: Option<Instant>,
    /// The open quiz panel ("predict, then run").
    pub quiz: Option<QuizPanel>,
    /// The quiz was offered in this visit (Space offers it once).
    pub quiz_offered: bool,
    /// The pane `PgUp`/`PgDn` page (`w` cycles); `None`: they change lesson.
    pub focus: Option<Pane>,
    /// Printed lines hidden at the end of the output (scrolled back).
    pub output_scroll: usize,
    /// The lesson's files on disk, reloaded and rerun when they change.
    pub watch: Option<crate::ui::watch::Watch>,
    /// Why the last edit of the lesson's files cannot run (located); the
    /// last good listing stays.
    pub load_error: Option<String>,
}

impl LessonState {
    pub(super) fn new(
        index: usize,
        lesson: &Lesson,
        theme: &Theme,
        lang: Lang,
        speed: f64,
    ) -> LessonState {
        let python = shown(lesson.python_listing());
        let rust = shown(lesson.rust_listing());
        LessonState {
            index,
            rust_lines: crate::ui::lines::rust_lines(&python, &rust),
            python,
            rust,
            lang,
            prose: markdown::render(&lesson.text, theme),
            after: markdown::render(&lesson.after_run, theme),
            ran: false,
            prose_scroll: 0,
            code_scroll: [None, None],
            run: None,
            events: Vec::new(),
            timeline: Timeline::default(),
            aggregate: Aggregate::default(),
            lane_filter: LaneFilter::default(),
            status: RunStatus::Idle,
            speed,
            now: Duration::ZERO,
            cursor: None,
            selected_lane: 0,
            lane_scroll: 0,
            detail: false,
            frame_rows: None,
            busy_until: None,
            quiz: None,
            quiz_offered: false,
            focus: None,
            output_scroll: 0,
            watch: crate::ui::watch::Watch::start(std::path::Path::new(&lesson.file)),
            load_error: None,
        }
    }

    /// Whether the timeline shows frame sub-rows under each task: as
    /// toggled, else for a demo of at most [`SMALL_DEMO`] tasks.
    pub fn frames_unfolded(&self) -> bool {
        self.frame_rows
            .unwrap_or(self.timeline.lanes.len() <= SMALL_DEMO)
    }

    /// The time the screen shows: the scrub cursor or now.
    pub fn view_time(&self) -> Duration {
        self.cursor.unwrap_or(self.now)
    }

    /// The listing line of a statement, in the pane of `lang`.
    pub fn line_of(&self, lang: Lang, stmt: crate::program::StmtId) -> Option<usize> {
        match lang {
            Lang::Python => self.python.line_of(stmt),
            Lang::Rust => self.rust_lines.get(&stmt).copied(),
        }
    }

    /// The prose the Lesson pane shows: the lesson's text, and what the
    /// run showed once the demo has run to its end.
    pub fn prose_lines(&self) -> Vec<Line<'static>> {
        let mut lines = self.prose.clone();
        if self.ran && !self.after.is_empty() {
            if !lines.is_empty() {
                lines.push(Line::default());
            }
            lines.extend(self.after.iter().cloned());
        }
        lines
    }

    pub fn listing(&self, lang: Lang) -> &Listing {
        match lang {
            Lang::Python => &self.python,
            Lang::Rust => &self.rust,
        }
    }

    /// Loads recorded events as if a run had got this far (tests, replays).
    pub fn load_events(&mut self, events: &[Event], status: RunStatus) {
        self.run = None;
        self.timeline = Timeline::from_events(events);
        self.events = events.to_vec();
        self.aggregate = Aggregate::default();
        let ended = matches!(status, RunStatus::Finished(_));
        self.ran |= matches!(
            status,
            RunStatus::Finished(Outcome::Finished | Outcome::Raised { .. })
        );
        self.aggregate.update(&self.timeline, ended);
        self.now = self.timeline.end;
        self.status = status;
        self.cursor = None;
    }

    /// Takes in the next recorded events of a run, as a live run would
    /// have sent them by `now` (a replay: the asciicast's frames).
    pub fn replay(&mut self, events: &[Event], now: Duration, status: RunStatus) {
        self.run = None;
        for e in events {
            self.timeline.apply(e);
        }
        self.events.extend_from_slice(events);
        let ended = matches!(status, RunStatus::Finished(_));
        self.ran |= matches!(
            status,
            RunStatus::Finished(Outcome::Finished | Outcome::Raised { .. })
        );
        self.aggregate.update(&self.timeline, ended);
        self.now = now;
        self.status = status;
        self.cursor = None;
    }

    /// Sets the virtual time shown (tests: a moment between events).
    pub fn set_now(&mut self, now: Duration) {
        self.now = now;
    }

    /// Asks quiz `index` on a clean screen: the last run, its output and
    /// what the lesson says after a run are gone until the next run ends.
    pub fn ask(&mut self, index: usize) {
        discard(self.run.take());
        self.timeline = Timeline::default();
        self.events.clear();
        self.aggregate = Aggregate::default();
        self.now = Duration::ZERO;
        self.cursor = None;
        self.detail = false;
        self.code_scroll = [None, None];
        self.status = RunStatus::Idle;
        self.ran = false;
        self.prose_scroll = 0;
        self.quiz = Some(QuizPanel::ask(index));
    }
}
