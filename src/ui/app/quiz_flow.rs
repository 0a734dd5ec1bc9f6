//! The quiz flow: "predict, then run", the verdict when the run ends, and
//! the keys of the quiz panel.

use super::App;
use crate::ui::progress::Prediction;
use crate::ui::quiz::{AnswerKey, Phase, QuizPanel};
use crossterm::event::{KeyCode, KeyEvent};

impl App {
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

    /// Whether the learner has a recorded prediction for a quiz.
    pub(super) fn answered(&self, index: usize, quiz: usize) -> bool {
        self.progress
            .prediction(&self.lessons[index].id, quiz)
            .is_some()
    }

    /// Opens the quiz panel of the open lesson at its first unanswered
    /// quiz (the first one when all are answered: a retake).
    pub(super) fn open_quiz(&mut self) {
        let Some(lesson) = &self.lesson else { return };
        let index = lesson.index;
        let l = &self.lessons[index];
        if l.quizzes.is_empty() {
            return;
        }
        let first = crate::ui::quiz::first_open(l, |q| self.answered(index, q)).unwrap_or(0);
        if let Some(lesson) = &mut self.lesson {
            lesson.ask(first);
            lesson.quiz_offered = true;
        }
    }

    /// The run of a quiz's demo ended: shows and records the verdict.
    pub(super) fn reveal(&mut self) {
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
    pub(super) fn quiz_key(&mut self, k: KeyEvent) -> bool {
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
}
