//! The application state, changed only by [`App::update`] with a [`Msg`].

use super::aggregate::Aggregate;
use super::highlight::Lang;
use super::lanes::LaneFilter;
use super::markdown;
use super::progress::{Prediction, Progress};
use super::quiz::{AnswerKey, Phase, QuizPanel};
use super::theme::Theme;
use super::timeline::Timeline;
use crate::engine::{Event, Limits, LiveRun, Outcome};
use crate::lesson::Lesson;
use crate::render::Listing;
use crossterm::event::{
    Event as TermEvent, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEvent, MouseEventKind,
};
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use std::collections::HashMap;
use std::time::{Duration, Instant};

/// What can happen to the app.
#[derive(Clone, Debug)]
pub enum Msg {
    Key(KeyEvent),
    Mouse(MouseEvent),
    Resize(u16, u16),
    /// The animation tick: collect a live run's events, move the clock.
    Tick,
    /// Quit now (Ctrl-C, SIGTERM).
    Quit,
}

impl Msg {
    /// The message for a terminal event, if it means anything.
    pub fn from_term(event: TermEvent) -> Option<Msg> {
        match event {
            TermEvent::Key(k) if k.kind != KeyEventKind::Release => Some(Msg::Key(k)),
            TermEvent::Mouse(m) => Some(Msg::Mouse(m)),
            TermEvent::Resize(w, h) => Some(Msg::Resize(w, h)),
            _ => None,
        }
    }

    /// A plain key press, for tests.
    pub fn key(code: KeyCode) -> Msg {
        Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    List,
    Lesson,
}

/// A pane of the lesson screen that can take the focus (`w`): `PgUp` and
/// `PgDn` then page it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pane {
    Prose,
    Code,
    Output,
}

/// The presentation layout (`F`): which panes fill the screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Zoom {
    /// The timeline alone.
    Timeline,
    /// The code above the timeline.
    CodeTimeline,
    /// The prose alone.
    Prose,
}

impl Zoom {
    /// The next layout `F` gives: timeline, code + timeline, prose, then
    /// the usual screen.
    pub fn next(zoom: Option<Zoom>) -> Option<Zoom> {
        match zoom {
            None => Some(Zoom::Timeline),
            Some(Zoom::Timeline) => Some(Zoom::CodeTimeline),
            Some(Zoom::CodeTimeline) => Some(Zoom::Prose),
            Some(Zoom::Prose) => None,
        }
    }
}

/// Where a lesson's demo run is.
#[derive(Clone, Debug, PartialEq)]
pub enum RunStatus {
    /// Not started.
    Idle,
    Running,
    Paused,
    Finished(Outcome),
}

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

/// A demo with at most this many tasks shows its frames' sub-rows until
/// `z` folds them.
pub const SMALL_DEMO: usize = 8;

/// Speeds that `+` and `-` step through.
pub const SPEEDS: [f64; 9] = [0.1, 0.25, 0.5, 1.0, 1.5, 2.0, 3.0, 5.0, 10.0];

/// The lesson list.
#[derive(Clone, Debug, Default)]
pub struct ListState {
    /// Position in the filtered list.
    pub selected: usize,
    pub filter: String,
    /// `/` was pressed: keys edit the filter.
    pub filtering: bool,
    pub scroll: usize,
    /// Digits typed so far: the number of the lesson to open.
    pub jump: String,
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
    busy_until: Option<Instant>,
    /// The open quiz panel ("predict, then run").
    pub quiz: Option<QuizPanel>,
    /// The quiz was offered in this visit (Space offers it once).
    pub quiz_offered: bool,
    /// The pane `PgUp`/`PgDn` page (`w` cycles); `None`: they change lesson.
    pub focus: Option<Pane>,
    /// Printed lines hidden at the end of the output (scrolled back).
    pub output_scroll: usize,
    /// The lesson's files on disk, reloaded and rerun when they change.
    pub watch: Option<super::watch::Watch>,
    /// Why the last edit of the lesson's files cannot run (located); the
    /// last good listing stays.
    pub load_error: Option<String>,
}

impl LessonState {
    fn new(index: usize, lesson: &Lesson, theme: &Theme, lang: Lang, speed: f64) -> LessonState {
        let python = shown(lesson.python_listing());
        let rust = shown(lesson.rust_listing());
        LessonState {
            index,
            rust_lines: super::lines::rust_lines(&python, &rust),
            python,
            rust,
            lang,
            prose: markdown::render(&lesson.text, theme),
            after: markdown::render(&lesson.after_run, theme),
            ran: false,
            prose_scroll: 0,
            code_scroll: [None, None],
            run: None,
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
            watch: super::watch::Watch::start(std::path::Path::new(&lesson.file)),
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

    /// Sets the virtual time shown (tests: a moment between events).
    pub fn set_now(&mut self, now: Duration) {
        self.now = now;
    }

    fn start(&mut self, lesson: &Lesson, paused: bool) {
        discard(self.run.take());
        self.timeline = Timeline::default();
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

    /// Asks quiz `index` on a clean screen: the last run, its output and
    /// what the lesson says after a run are gone until the next run ends.
    pub fn ask(&mut self, index: usize) {
        discard(self.run.take());
        self.timeline = Timeline::default();
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

    fn pause(&mut self) {
        if let Some(run) = &self.run {
            run.control().pause();
        }
        self.status = RunStatus::Paused;
        // The clock may move until the runtime thread sees the pause.
        self.busy_until = Some(Instant::now() + Duration::from_millis(200));
    }

    fn resume(&mut self) {
        if let Some(run) = &self.run {
            run.control().resume();
        }
        self.cursor = None;
        self.status = RunStatus::Running;
    }

    fn step(&mut self) {
        if let Some(run) = &self.run {
            run.control().step();
        }
        self.cursor = None;
        self.status = RunStatus::Paused;
        self.busy_until = Some(Instant::now() + Duration::from_millis(1500));
    }

    fn set_speed(&mut self, up: bool) {
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
    fn tick(&mut self) -> (bool, bool) {
        let Some(run) = &mut self.run else {
            return (false, false);
        };
        let clock = run.control().virtual_now();
        let mut changed = false;
        let mut apply = |events: Vec<Event>, timeline: &mut Timeline| {
            changed |= !events.is_empty();
            for e in &events {
                timeline.apply(e);
            }
        };
        apply(run.drain(), &mut self.timeline);
        let mut finished = false;
        if let Some(outcome) = run.outcome().cloned() {
            apply(run.drain(), &mut self.timeline);
            self.timeline.seed = super::seed::note(run.warnings());
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
            let held = match super::block::held_at(&self.timeline, self.timeline.end) {
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
    fn scrub(&mut self, forward: bool) {
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
fn discard(run: Option<LiveRun>) {
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

/// The whole application.
pub struct App {
    pub lessons: Vec<Lesson>,
    pub screen: Screen,
    pub list: ListState,
    pub lesson: Option<LessonState>,
    pub progress: Progress,
    pub theme: Theme,
    pub help: bool,
    /// Rows the help overlay is scrolled by (when it does not fit).
    pub help_scroll: u16,
    pub quit: bool,
    /// Terminal size, for mouse hit tests.
    pub size: (u16, u16),
    lang: Lang,
    speed: f64,
    /// The right quiz answers per lesson index, computed once per lesson.
    answer_keys: HashMap<usize, AnswerKey>,
    /// Files of the folder that could not be loaded: `file:line:col: what`.
    pub broken: Vec<String>,
    /// `e` asked for the demo in an editor: its path and the line to open
    /// at; the loop hands the terminal over and back.
    pub pending_edit: Option<(std::path::PathBuf, usize)>,
    /// Why the editor could not be run, shown until a key.
    pub edit_error: Option<String>,
    /// The presentation layout, kept from lesson to lesson.
    pub zoom: Option<Zoom>,
}

impl App {
    /// Starts on the list, at the lesson opened last.
    pub fn new(lessons: Vec<Lesson>, progress: Progress, theme: Theme) -> App {
        let selected = progress
            .last
            .as_ref()
            .and_then(|id| lessons.iter().position(|l| &l.id == id))
            .unwrap_or(0);
        App {
            lessons,
            screen: Screen::List,
            list: ListState {
                selected,
                ..ListState::default()
            },
            lesson: None,
            progress,
            theme,
            help: false,
            help_scroll: 0,
            quit: false,
            size: (80, 24),
            lang: Lang::Python,
            speed: 1.0,
            answer_keys: HashMap::new(),
            broken: Vec::new(),
            pending_edit: None,
            edit_error: None,
            zoom: None,
        }
    }

    /// Lesson indices that match the filter, in order.
    pub fn filtered(&self) -> Vec<usize> {
        let f = self.list.filter.to_lowercase();
        self.lessons
            .iter()
            .enumerate()
            .filter(|(_, l)| {
                f.is_empty()
                    || l.title.to_lowercase().contains(&f)
                    || l.summary.to_lowercase().contains(&f)
                    || l.id.to_lowercase().contains(&f)
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// The number shown for a lesson.
    pub fn number(&self, index: usize) -> u32 {
        self.lessons[index].number.unwrap_or(index as u32 + 1)
    }

    /// Opens a lesson (stopping any run).
    pub fn open(&mut self, index: usize) {
        if index >= self.lessons.len() {
            return;
        }
        if let Some(l) = &self.lesson {
            self.lang = l.lang;
            self.speed = l.speed;
        }
        self.lesson = None;
        self.lesson = Some(LessonState::new(
            index,
            &self.lessons[index],
            &self.theme,
            self.lang,
            self.speed,
        ));
        self.screen = Screen::Lesson;
        if let Some(pos) = self.filtered().iter().position(|&i| i == index) {
            self.list.selected = pos;
        }
        self.progress.last = Some(self.lessons[index].id.clone());
        // A failure is shown in the status line.
        let _ = self.progress.save();
        if !self.lessons[index].quizzes.is_empty() {
            self.answer_keys
                .entry(index)
                .or_insert_with(|| AnswerKey::compute(&self.lessons[index]));
        }
    }

    /// The run's answer to quiz `quiz` of lesson `index`, waiting for the
    /// check run if it is still going.
    pub fn correct_choice(&mut self, index: usize, quiz: usize) -> Result<usize, String> {
        let key = self
            .answer_keys
            .entry(index)
            .or_insert_with(|| AnswerKey::compute(&self.lessons[index]));
        key.wait()
            .get(quiz)
            .cloned()
            .unwrap_or_else(|| Err("the check run gave no answer".into()))
    }

    /// The open lesson's demo on disk and the line to open it at: the
    /// running line, else the first line of `main`. `None` for a lesson
    /// with no file on disk (a built-in one).
    fn edit_target(&self) -> Option<(std::path::PathBuf, usize)> {
        let lesson = self.lesson.as_ref()?;
        let l = &self.lessons[lesson.index];
        let file = std::path::Path::new(&l.file);
        let demo = if file.extension().is_some_and(|e| e == "py") {
            file.to_path_buf()
        } else {
            let name = std::path::Path::new(&*l.program.file)
                .file_name()?
                .to_owned();
            file.parent()?.join(name)
        };
        if !demo.is_file() {
            return None;
        }
        let line = super::view::code::current_line(lesson, Lang::Python)
            .or_else(|| lesson.python.functions.get("main").map(|r| r.start))
            .unwrap_or(0);
        Some((demo, line + 1))
    }

    /// Reads the open lesson's files again and reruns it; a broken edit
    /// shows its located error in place of the run and keeps the listing.
    pub fn reload(&mut self) {
        let Some(lesson) = &mut self.lesson else {
            return;
        };
        let index = lesson.index;
        let path = std::path::PathBuf::from(&self.lessons[index].file);
        match crate::lesson::load_file(&path) {
            Ok(mut fresh) => {
                let old = &self.lessons[index];
                fresh.id = old.id.clone();
                fresh.number = fresh.number.or(old.number);
                self.lessons[index] = fresh;
                let watch = lesson.watch.take();
                let (lang, speed, scroll) = (lesson.lang, lesson.speed, lesson.prose_scroll);
                let mut state =
                    LessonState::new(index, &self.lessons[index], &self.theme, lang, speed);
                state.watch = watch;
                state.prose_scroll = scroll;
                state.quiz_offered = true;
                state.start(&self.lessons[index], false);
                self.lesson = Some(state);
                self.answer_keys.remove(&index);
            }
            Err(e) => {
                discard(lesson.run.take());
                lesson.timeline = Timeline::default();
                lesson.aggregate = Aggregate::default();
                lesson.now = Duration::ZERO;
                lesson.cursor = None;
                lesson.status = RunStatus::Idle;
                lesson.load_error = Some(e.render(false));
            }
        }
    }

    /// Whether the learner has a recorded prediction for a quiz.
    fn answered(&self, index: usize, quiz: usize) -> bool {
        self.progress
            .prediction(&self.lessons[index].id, quiz)
            .is_some()
    }

    /// Opens the quiz panel of the open lesson at its first unanswered
    /// quiz (the first one when all are answered: a retake).
    fn open_quiz(&mut self) {
        let Some(lesson) = &self.lesson else { return };
        let index = lesson.index;
        let l = &self.lessons[index];
        if l.quizzes.is_empty() {
            return;
        }
        let first = super::quiz::first_open(l, |q| self.answered(index, q)).unwrap_or(0);
        if let Some(lesson) = &mut self.lesson {
            lesson.ask(first);
            lesson.quiz_offered = true;
        }
    }

    /// The run of a quiz's demo ended: shows and records the verdict.
    fn reveal(&mut self) {
        let Some(lesson) = &self.lesson else { return };
        let index = lesson.index;
        let Some(QuizPanel {
            index: quiz,
            phase: Phase::Watching { picked },
            ..
        }) = lesson.quiz.clone()
        else {
            return;
        };
        let correct = self.correct_choice(index, quiz);
        if let Ok(right) = correct {
            let id = self.lessons[index].id.clone();
            self.progress.record(
                &id,
                quiz,
                Prediction {
                    picked,
                    right: right == picked,
                },
            );
            let _ = self.progress.save();
        }
        if let Some(panel) = self.lesson.as_mut().and_then(|l| l.quiz.as_mut()) {
            panel.phase = Phase::Revealed { picked, correct };
        }
    }

    /// Handles a key for the quiz panel; returns whether it took it.
    fn quiz_key(&mut self, k: KeyEvent) -> bool {
        let Some(lesson) = &mut self.lesson else {
            return false;
        };
        let l = &self.lessons[lesson.index];
        let Some(panel) = &mut lesson.quiz else {
            return false;
        };
        let count = l.quizzes.get(panel.index).map_or(0, |q| q.choices.len());
        // Choices are lettered a, b, c ...: numbers may be answers.
        let letter = |c: char| {
            c.is_ascii_lowercase()
                .then(|| c as usize - 'a' as usize)
                .filter(|&i| i < count)
        };
        let before_run = matches!(panel.phase, Phase::Asking | Phase::Predicted { .. });
        match (&panel.phase, k.code) {
            (_, KeyCode::Char(c)) if before_run && letter(c).is_some() => {
                let picked = letter(c).unwrap_or(0);
                panel.selected = picked;
                panel.phase = Phase::Predicted { picked };
                true
            }
            (_, KeyCode::Up | KeyCode::Char('k')) if before_run => {
                panel.selected = panel.selected.saturating_sub(1);
                if let Phase::Predicted { picked } = &mut panel.phase {
                    *picked = panel.selected;
                }
                true
            }
            (_, KeyCode::Down | KeyCode::Char('j')) if before_run => {
                panel.selected = (panel.selected + 1).min(count.saturating_sub(1));
                if let Phase::Predicted { picked } = &mut panel.phase {
                    *picked = panel.selected;
                }
                true
            }
            (Phase::Asking, KeyCode::Enter) => {
                if panel.selected < count {
                    panel.phase = Phase::Predicted {
                        picked: panel.selected,
                    };
                }
                true
            }
            // The run starts on its own key, once predicted.
            (&Phase::Predicted { picked }, KeyCode::Enter | KeyCode::Char(' ')) => {
                panel.phase = Phase::Watching { picked };
                lesson.start(l, false);
                true
            }
            (_, KeyCode::Esc) if !matches!(panel.phase, Phase::Watching { .. }) => {
                lesson.quiz = None;
                true
            }
            // No run without a prediction: Esc skips.
            (_, KeyCode::Char(' ' | 's' | 'r' | 'Q') | KeyCode::Left | KeyCode::Right)
                if before_run =>
            {
                true
            }
            (Phase::Revealed { .. }, KeyCode::Enter | KeyCode::Char('Q')) => {
                let next = panel.index + 1;
                if next < l.quizzes.len() {
                    lesson.ask(next);
                } else {
                    lesson.quiz = None;
                }
                true
            }
            _ => false,
        }
    }

    /// Rows of lanes the timeline shows at the terminal size.
    pub fn timeline_rows(&self) -> usize {
        let area = Rect::new(0, 0, self.size.0, self.size.1);
        let (timeline, strip) = match &self.lesson {
            Some(lesson) => {
                let timeline = super::view::lesson::lesson_layout(self, lesson, area).timeline;
                let lanes = timeline.height.saturating_sub(3);
                (timeline, super::view::strip::height(lesson, lanes))
            }
            None => (super::view::lesson::layout(area, None).timeline, 0),
        };
        timeline.height.saturating_sub(3 + strip).max(1) as usize
    }

    /// Whether the main loop should tick often.
    pub fn animating(&self) -> bool {
        self.screen == Screen::Lesson && self.lesson.as_ref().is_some_and(|l| l.animating())
    }

    /// Applies a message; returns whether the screen must be redrawn.
    pub fn update(&mut self, msg: Msg) -> bool {
        match msg {
            Msg::Quit => {
                self.quit = true;
                true
            }
            Msg::Resize(w, h) => {
                self.size = (w, h);
                true
            }
            Msg::Tick => self.tick(),
            Msg::Mouse(m) => self.mouse(m),
            Msg::Key(k) => {
                // A notice about the progress file is shown until a key.
                self.progress.notice = None;
                self.edit_error = None;
                if k.modifiers.contains(KeyModifiers::CONTROL)
                    && matches!(k.code, KeyCode::Char('c') | KeyCode::Char('q'))
                {
                    self.quit = true;
                    return true;
                }
                if self.help {
                    let area = Rect::new(0, 0, self.size.0, self.size.1);
                    let max = super::view::help::max_scroll(self, area);
                    match k.code {
                        KeyCode::Char('?' | 'q') | KeyCode::Esc | KeyCode::Enter => {
                            self.help = false;
                            self.help_scroll = 0;
                        }
                        KeyCode::Char('j') | KeyCode::Down => {
                            self.help_scroll = (self.help_scroll + 1).min(max)
                        }
                        KeyCode::Char('k') | KeyCode::Up => {
                            self.help_scroll = self.help_scroll.saturating_sub(1)
                        }
                        _ => {}
                    }
                    return true;
                }
                match self.screen {
                    Screen::List => self.list_key(k),
                    Screen::Lesson => self.lesson_key(k),
                }
                true
            }
        }
    }

    fn tick(&mut self) -> bool {
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

    /// The lesson numbered `number`, if there is one.
    fn numbered(&self, number: &str) -> Option<usize> {
        let n: u32 = number.parse().ok()?;
        (0..self.lessons.len()).find(|&i| self.number(i) == n)
    }

    /// A digit typed in the list: opens the lesson of that number as soon
    /// as no other lesson's number starts with the digits typed (`1` waits
    /// for `12` when there are 16 lessons; Enter opens lesson 1).
    fn jump_digit(&mut self, d: char) {
        self.list.jump.push(d);
        let typed = self.list.jump.clone();
        let longer = (0..self.lessons.len()).any(|i| {
            let n = self.number(i).to_string();
            n.len() > typed.len() && n.starts_with(&typed)
        });
        match self.numbered(&typed) {
            Some(i) if !longer => {
                self.list.jump.clear();
                self.open(i);
            }
            None if !longer => self.list.jump.clear(),
            _ => {}
        }
    }

    fn list_key(&mut self, k: KeyEvent) {
        let count = self.filtered().len();
        if self.list.filtering {
            match k.code {
                KeyCode::Esc => {
                    self.list.filtering = false;
                    self.list.filter.clear();
                }
                KeyCode::Enter => self.list.filtering = false,
                KeyCode::Backspace => {
                    self.list.filter.pop();
                }
                KeyCode::Char(c) => {
                    self.list.filter.push(c);
                    self.list.selected = 0;
                }
                KeyCode::Up | KeyCode::Down => {
                    self.list.filtering = false;
                    self.list_key(k);
                }
                _ => {}
            }
            return;
        }
        if let KeyCode::Char(d @ '0'..='9') = k.code {
            self.jump_digit(d);
            return;
        }
        let jump = std::mem::take(&mut self.list.jump);
        if k.code == KeyCode::Enter
            && let Some(i) = self.numbered(&jump)
        {
            self.open(i);
            return;
        }
        match k.code {
            KeyCode::Char('q') => self.quit = true,
            KeyCode::Esc if !jump.is_empty() => {}
            KeyCode::Esc => {
                if self.list.filter.is_empty() {
                    self.quit = true;
                } else {
                    self.list.filter.clear();
                }
            }
            KeyCode::Char('/') => self.list.filtering = true,
            KeyCode::Char('?') => self.help = true,
            KeyCode::Up | KeyCode::Char('k') => {
                self.list.selected = self.list.selected.saturating_sub(1)
            }
            KeyCode::Down | KeyCode::Char('j') => {
                self.list.selected = (self.list.selected + 1).min(count.saturating_sub(1))
            }
            KeyCode::Home => self.list.selected = 0,
            KeyCode::End => self.list.selected = count.saturating_sub(1),
            KeyCode::Enter => {
                if let Some(&i) = self.filtered().get(self.list.selected) {
                    self.open(i);
                }
            }
            _ => {}
        }
    }

    fn lesson_key(&mut self, k: KeyEvent) {
        let Some(lesson) = &mut self.lesson else {
            self.screen = Screen::List;
            return;
        };
        if lesson.detail
            && matches!(
                k.code,
                KeyCode::Esc | KeyCode::Char('q') | KeyCode::Enter | KeyCode::Backspace
            )
        {
            lesson.detail = false;
            return;
        }
        if lesson.lane_filter.typing {
            lesson.filter_key(k.code);
            let rows = self.timeline_rows();
            if let Some(lesson) = &mut self.lesson {
                lesson.keep_selection_visible(rows);
            }
            return;
        }
        if self.quiz_key(k) {
            return;
        }
        let Some(lesson) = &self.lesson else { return };
        let index = lesson.index;
        let current = &self.lessons[index];
        let offer = lesson.quiz.is_none()
            && !lesson.quiz_offered
            && lesson.status == RunStatus::Idle
            && lesson.run.is_none();
        match k.code {
            // Before the first run: predict, then run.
            KeyCode::Char(' ' | 's')
                if offer
                    && super::quiz::first_open(current, |q| self.answered(index, q)).is_some() =>
            {
                self.open_quiz();
                return;
            }
            KeyCode::Char('Q') => {
                if lesson.quiz.is_none() {
                    self.open_quiz();
                }
                return;
            }
            _ => {}
        }
        let rows = self.timeline_rows();
        let Some(lesson) = &mut self.lesson else {
            return;
        };
        let current = &self.lessons[lesson.index];
        let lanes = lesson.timeline.lanes.len();
        match k.code {
            KeyCode::Char('q') | KeyCode::Esc => {
                self.lang = lesson.lang;
                self.speed = lesson.speed;
                self.lesson = None;
                self.screen = Screen::List;
            }
            KeyCode::Char('?') => self.help = true,
            // A new run makes the verdict shown stale: the panel closes.
            KeyCode::Char(' ' | 'r' | 's')
                if lesson
                    .quiz
                    .as_ref()
                    .is_some_and(|q| matches!(q.phase, Phase::Revealed { .. })) =>
            {
                lesson.quiz = None;
                lesson.start(current, k.code == KeyCode::Char('s'));
                if k.code == KeyCode::Char('s') {
                    lesson.step();
                }
            }
            KeyCode::Char(' ') => match lesson.status {
                RunStatus::Idle | RunStatus::Finished(_) => lesson.start(current, false),
                RunStatus::Running => lesson.pause(),
                RunStatus::Paused => {
                    if lesson.run.is_some() {
                        lesson.resume()
                    } else {
                        lesson.start(current, false)
                    }
                }
            },
            KeyCode::Char('s') => {
                if lesson.run.is_none() {
                    lesson.start(current, true);
                }
                lesson.step();
            }
            KeyCode::Char('r') => lesson.start(current, false),
            KeyCode::Char('+') | KeyCode::Char('=') => lesson.set_speed(true),
            KeyCode::Char('-') | KeyCode::Char('_') => lesson.set_speed(false),
            KeyCode::Tab | KeyCode::BackTab => lesson.lang = lesson.lang.other(),
            KeyCode::PageDown | KeyCode::PageUp if lesson.focus.is_some() => {
                let down = k.code == KeyCode::PageDown;
                self.page(down);
            }
            KeyCode::Char('F') => self.zoom = Zoom::next(self.zoom),
            KeyCode::Char('w') => {
                lesson.focus = match lesson.focus {
                    None => Some(Pane::Prose),
                    Some(Pane::Prose) => Some(Pane::Code),
                    Some(Pane::Code) => Some(Pane::Output),
                    Some(Pane::Output) => None,
                }
            }
            KeyCode::Char('n') | KeyCode::PageDown => {
                let i = lesson.index + 1;
                if i < self.lessons.len() {
                    self.open(i);
                }
            }
            KeyCode::Char('p') | KeyCode::PageUp => {
                if let Some(i) = lesson.index.checked_sub(1) {
                    self.open(i);
                }
            }
            KeyCode::Left => {
                lesson.scrub(false);
                lesson.keep_selection_visible(rows);
            }
            KeyCode::Right => {
                lesson.scrub(true);
                lesson.keep_selection_visible(rows);
            }
            KeyCode::Up => lesson.move_selection(-1, rows),
            KeyCode::Down => lesson.move_selection(1, rows),
            KeyCode::Home => lesson.move_selection(isize::MIN, rows),
            KeyCode::End => lesson.move_selection(isize::MAX, rows),
            KeyCode::Char('f') => {
                lesson.lane_filter.unfinished = !lesson.lane_filter.unfinished;
                lesson.lane_scroll = 0;
                lesson.keep_selection_visible(rows);
            }
            KeyCode::Char('/') => lesson.lane_filter.typing = true,
            KeyCode::Char('z') => lesson.frame_rows = Some(!lesson.frames_unfolded()),
            KeyCode::Char('b') => {
                lesson.jump_to_busiest();
                lesson.keep_selection_visible(rows);
            }
            // Only a lane the filter shows opens.
            KeyCode::Enter => lesson.detail = lanes > 0 && lesson.selection_visible(),
            KeyCode::Char('j') => self.scroll_prose(1),
            KeyCode::Char('k') => self.scroll_prose(-1),
            KeyCode::Char('e') => self.pending_edit = self.edit_target(),
            KeyCode::Char('J') => self.scroll_code(None, 1),
            KeyCode::Char('K') => self.scroll_code(None, -1),
            _ => {}
        }
    }

    fn mouse(&mut self, m: MouseEvent) -> bool {
        let up = match m.kind {
            MouseEventKind::ScrollUp => true,
            MouseEventKind::ScrollDown => false,
            _ => return false,
        };
        let area = Rect::new(0, 0, self.size.0, self.size.1);
        let at = Position::new(m.column, m.row);
        match self.screen {
            Screen::List => {
                let count = self.filtered().len();
                self.list.selected = if up {
                    self.list.selected.saturating_sub(1)
                } else {
                    (self.list.selected + 1).min(count.saturating_sub(1))
                };
            }
            Screen::Lesson => {
                let rows = self.timeline_rows();
                let Some(lesson) = &self.lesson else {
                    return false;
                };
                let areas = super::view::lesson::lesson_layout(self, lesson, area);
                let Some(lesson) = &mut self.lesson else {
                    return false;
                };
                let delta = if up { -1 } else { 1 };
                if areas.timeline.contains(at) {
                    lesson.scroll_lanes(up, rows);
                } else if areas.output.contains(at) {
                    self.scroll_output(delta);
                } else if areas.code.contains(at) {
                    let lang = lesson.lang;
                    self.scroll_code(Some(lang), delta);
                } else if areas.code2.is_some_and(|r| r.contains(at)) {
                    let lang = lesson.lang.other();
                    self.scroll_code(Some(lang), delta);
                } else {
                    self.scroll_prose(delta);
                }
            }
        }
        true
    }
}
