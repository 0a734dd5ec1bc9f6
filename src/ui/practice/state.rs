//! The practice screens' state: the exercise list, the open exercise with
//! its working file, the latest grade, hints shown, and the keys.

use super::work::{Grader, WorkFile};
use crate::practice::{Exercise, Graded};
use crate::ui::progress::Progress;
use crate::ui::timeline::Timeline;
use crate::ui::watch::Watch;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use std::path::PathBuf;

/// The progress record of a passed exercise: `done practice/NN-topic`.
pub fn done_key(id: &str) -> String {
    format!("practice/{id}")
}

/// The open exercise.
pub struct Open {
    pub index: usize,
    pub file: WorkFile,
    /// The latest grade, kept while a broken save shows its error.
    pub graded: Option<Graded>,
    /// The latest grade's run, lane by lane.
    pub timeline: Option<Timeline>,
    /// The located error of the latest save that did not load.
    pub error: Option<String>,
    /// Whether a grade is on its way.
    pub grading: bool,
    pub hints_shown: usize,
    pub solution_shown: bool,
    watch: Option<Watch>,
}

/// Everything the practice screens show.
pub struct Practice {
    pub exercises: Vec<Exercise>,
    pub progress: Progress,
    /// The list's selected row.
    pub selected: usize,
    pub open: Option<Open>,
    /// Where working files go (`./asynclings-exercises`).
    pub work_dir: PathBuf,
    /// A one-line message for the status line.
    pub message: Option<String>,
    pub quit: bool,
    /// A file for the loop to hand to the editor.
    pub pending_edit: Option<PathBuf>,
    grader: Grader,
}

impl Practice {
    /// The list on `exercises`, with working files in `work_dir`.
    pub fn new(exercises: Vec<Exercise>, progress: Progress, work_dir: PathBuf) -> Practice {
        Practice {
            exercises,
            progress,
            selected: 0,
            open: None,
            work_dir,
            message: None,
            quit: false,
            pending_edit: None,
            grader: Grader::default(),
        }
    }

    /// Whether exercise `i` has passed every check once.
    pub fn is_done(&self, i: usize) -> bool {
        self.progress
            .done
            .contains(&done_key(&self.exercises[i].id))
    }

    /// Opens exercise `i`: copies its starter to the working file unless
    /// one is there already, watches the file and grades it.
    pub fn open_exercise(&mut self, i: usize) {
        let Some(ex) = self.exercises.get(i) else {
            return;
        };
        self.selected = i;
        match WorkFile::prepare(&self.work_dir, ex) {
            Ok(file) => {
                self.message = Some(file.notice());
                let watch = Watch::start(&file.path);
                self.open = Some(Open {
                    index: i,
                    file,
                    graded: None,
                    timeline: None,
                    error: None,
                    grading: false,
                    hints_shown: 0,
                    solution_shown: false,
                    watch,
                });
                self.regrade();
            }
            Err(e) => self.message = Some(e),
        }
    }

    /// Grades the working file again (in the background).
    pub fn regrade(&mut self) {
        let Some(open) = &mut self.open else { return };
        match open.file.read() {
            Ok(source) => {
                open.grading = true;
                let ex = self.exercises[open.index].clone();
                self.grader.start(ex, open.file.shown.clone(), source);
            }
            Err(e) => {
                open.error = Some(e);
                open.grading = false;
            }
        }
    }

    /// Takes a finished grade, and notices a saved file. Returns whether
    /// anything changed on screen.
    pub fn tick(&mut self) -> bool {
        let saved = self
            .open
            .as_ref()
            .and_then(|o| o.watch.as_ref())
            .is_some_and(Watch::changed);
        if saved {
            self.regrade();
        }
        let Some(result) = self.grader.take() else {
            return saved;
        };
        let Some(open) = &mut self.open else {
            return true;
        };
        open.grading = false;
        match result {
            Ok(graded) => {
                open.error = None;
                let passed = graded.passed();
                open.timeline = Some(Timeline::from_events(&graded.report.events));
                open.graded = Some(graded);
                if passed {
                    let key = done_key(&self.exercises[open.index].id);
                    let saved = if self.progress.done.insert(key) {
                        self.progress.save().map_err(|e| e.to_string())
                    } else {
                        Ok(())
                    };
                    self.message = Some(match saved {
                        Ok(()) => "✓ every check passes: s compares with the reference solution, n opens the next exercise".into(),
                        Err(e) => format!("✓ every check passes, but the progress file could not be saved: {e}"),
                    });
                }
            }
            Err(error) => open.error = Some(error),
        }
        true
    }

    /// Whether the open exercise's file loads and its latest grade passed
    /// every check.
    pub fn passed(&self) -> bool {
        self.open
            .as_ref()
            .is_some_and(|o| o.error.is_none() && o.graded.as_ref().is_some_and(Graded::passed))
    }

    /// Handles a key; returns whether the screen changed.
    pub fn key(&mut self, key: KeyEvent) -> bool {
        if key.kind == KeyEventKind::Release {
            return false;
        }
        if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
            self.quit = true;
            return true;
        }
        if self.open.is_some() {
            self.exercise_key(key.code);
        } else {
            self.list_key(key.code);
        }
        true
    }

    fn list_key(&mut self, code: KeyCode) {
        let n = self.exercises.len();
        match code {
            KeyCode::Up | KeyCode::Char('k') => self.selected = self.selected.saturating_sub(1),
            KeyCode::Down | KeyCode::Char('j') => {
                self.selected = (self.selected + 1).min(n.saturating_sub(1))
            }
            KeyCode::Home => self.selected = 0,
            KeyCode::End => self.selected = n.saturating_sub(1),
            KeyCode::Enter | KeyCode::Char(' ') => self.open_exercise(self.selected),
            KeyCode::Char('q') | KeyCode::Esc => self.quit = true,
            _ => {}
        }
    }

    fn exercise_key(&mut self, code: KeyCode) {
        let Some(open) = &mut self.open else { return };
        let ex = &self.exercises[open.index];
        match code {
            KeyCode::Char('q') | KeyCode::Esc => {
                if open.solution_shown {
                    open.solution_shown = false;
                } else {
                    self.open = None;
                    self.message = None;
                }
            }
            KeyCode::Char('h') => {
                if open.hints_shown < ex.hints.len() {
                    open.hints_shown += 1;
                } else {
                    self.message = Some("no more hints".into());
                }
            }
            KeyCode::Char('e') => self.pending_edit = Some(open.file.path.clone()),
            KeyCode::Char('r') => self.regrade(),
            KeyCode::Char('s') => {
                let index = open.index;
                if self.passed() || self.is_done(index) {
                    let open = self.open.as_mut().expect("open");
                    open.solution_shown = !open.solution_shown;
                } else {
                    self.message =
                        Some("the reference solution opens once every check passes".into());
                }
            }
            KeyCode::Char('n') => {
                let next = open.index + 1;
                if next < self.exercises.len() {
                    self.open_exercise(next);
                } else {
                    self.message = Some("that was the last exercise".into());
                }
            }
            _ => {}
        }
    }
}
