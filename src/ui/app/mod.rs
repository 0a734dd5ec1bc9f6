//! The application state, changed only by [`App::update`] with a [`Msg`].
//!
//! The state lives here and in [`lesson`] (an open lesson); the changes
//! are split by concern: [`keys`] (keys and the mouse, per screen), [`run`]
//! (start, pause, step, speed, scrub, and collecting a live run's events),
//! [`quiz_flow`] ("predict, then run" and the quiz panel), [`rerun`]
//! (edit in an editor, reload and rerun a watched file), [`export_key`]
//! (saving the run in a file).

mod export_key;
mod keys;
mod lesson;
mod quiz_flow;
mod rerun;
mod run;

pub use lesson::LessonState;

use super::highlight::Lang;
use super::progress::Progress;
use super::theme::Theme;
use crate::engine::Outcome;
use crate::lesson::Lesson;
use crate::ui::quiz::AnswerKey;
use crossterm::event::{
    Event as TermEvent, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEvent,
};
use ratatui::layout::Rect;
use std::collections::HashMap;

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
    /// `x` was pressed: the next key picks the format to export the run in.
    pub exporting: bool,
    /// Where the last export went, or why it failed, shown until a key.
    pub export_note: Option<String>,
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
            exporting: false,
            export_note: None,
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

    /// Rows of lanes the timeline shows at the terminal size.
    pub fn timeline_rows(&self) -> usize {
        let area = Rect::new(0, 0, self.size.0, self.size.1);
        let (timeline, strip) = match &self.lesson {
            Some(lesson) => {
                let timeline = crate::ui::view::lesson::lesson_layout(self, lesson, area).timeline;
                let lanes = timeline.height.saturating_sub(3);
                (timeline, crate::ui::view::strip::height(lesson, lanes))
            }
            None => (crate::ui::view::lesson::layout(area, None).timeline, 0),
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
                self.export_note = None;
                if k.modifiers.contains(KeyModifiers::CONTROL)
                    && matches!(k.code, KeyCode::Char('c') | KeyCode::Char('q'))
                {
                    self.quit = true;
                    return true;
                }
                if self.help {
                    let area = Rect::new(0, 0, self.size.0, self.size.1);
                    let max = crate::ui::view::help::max_scroll(self, area);
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
}
