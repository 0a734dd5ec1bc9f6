//! "Predict, then run": the quiz panel of a lesson. The question is asked
//! on a clean screen (no output of an earlier run); the learner picks an
//! answer by its letter, starts the run, and when it ends the panel says
//! whether the prediction was right. The right answers come from one headless run of the
//! demo per lesson ([`AnswerKey`]), computed on a thread of its own.

use crate::engine::{self, Limits};
use crate::lesson::Lesson;
use std::sync::Arc;
use std::sync::mpsc;

/// The right choice of each quiz of a lesson, or why the run cannot say.
pub type Answers = Arc<[Result<usize, String>]>;

/// A lesson's answers: being computed, or known.
pub enum AnswerKey {
    Pending(mpsc::Receiver<Vec<Result<usize, String>>>),
    Ready(Answers),
}

impl AnswerKey {
    /// Starts the headless run that answers the lesson's quizzes.
    pub fn compute(lesson: &Lesson) -> AnswerKey {
        let (tx, rx) = mpsc::channel();
        let script = lesson.script();
        let quizzes = lesson.quizzes.clone();
        std::thread::Builder::new()
            .name("asynclings-quiz".into())
            .spawn(move || {
                let report = engine::run_headless(script, &Limits::default());
                let answers = quizzes.iter().map(|q| q.correct_choice(&report)).collect();
                let _ = tx.send(answers);
            })
            .map_or_else(
                |e| AnswerKey::Ready(failed(lesson.quizzes.len(), &e.to_string())),
                |_| AnswerKey::Pending(rx),
            )
    }

    /// The answers if known, without waiting.
    pub fn poll(&mut self) -> Option<Answers> {
        if let AnswerKey::Pending(rx) = self {
            match rx.try_recv() {
                Ok(answers) => *self = AnswerKey::Ready(answers.into()),
                Err(mpsc::TryRecvError::Empty) => return None,
                Err(mpsc::TryRecvError::Disconnected) => {
                    *self = AnswerKey::Ready(failed(0, "the check run stopped"))
                }
            }
        }
        match self {
            AnswerKey::Ready(a) => Some(a.clone()),
            AnswerKey::Pending(_) => None,
        }
    }

    /// The answers, waiting for the run if it is still going (it is
    /// headless, so it ends long before the live run it is compared with).
    pub fn wait(&mut self) -> Answers {
        if let AnswerKey::Pending(rx) = self {
            let answers = rx
                .recv()
                .map_or_else(|_| failed(0, "the check run stopped"), Into::into);
            *self = AnswerKey::Ready(answers);
        }
        match self {
            AnswerKey::Ready(a) => a.clone(),
            AnswerKey::Pending(_) => unreachable!("set above"),
        }
    }
}

fn failed(count: usize, why: &str) -> Answers {
    (0..count.max(1)).map(|_| Err(why.to_string())).collect()
}

/// Where the panel is in one question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Phase {
    /// The learner picks a choice.
    Asking,
    /// A choice is picked; the run starts on its own key (a habitual
    /// Space after a pick then starts it instead of pausing it).
    Predicted { picked: usize },
    /// Predicted; the demo runs and the answer shows when it ends.
    Watching { picked: usize },
    /// The run has ended: the verdict, with the run's answer.
    Revealed {
        picked: usize,
        correct: Result<usize, String>,
    },
}

/// The open quiz panel of a lesson.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuizPanel {
    /// Which quiz of the lesson.
    pub index: usize,
    /// The highlighted choice while asking.
    pub selected: usize,
    pub phase: Phase,
}

impl QuizPanel {
    /// Asks quiz `index`.
    pub fn ask(index: usize) -> QuizPanel {
        QuizPanel {
            index,
            selected: 0,
            phase: Phase::Asking,
        }
    }

    /// Whether the question is open, before its run.
    pub fn is_asking(&self) -> bool {
        matches!(self.phase, Phase::Asking | Phase::Predicted { .. })
    }

    /// Whether the prediction was right (once revealed).
    pub fn verdict(&self) -> Option<bool> {
        match &self.phase {
            Phase::Revealed { picked, correct } => Some(correct.as_ref() == Ok(picked)),
            _ => None,
        }
    }
}

/// The quiz to offer first: the first one without a recorded prediction.
pub fn first_open(lesson: &Lesson, answered: impl Fn(usize) -> bool) -> Option<usize> {
    (0..lesson.quizzes.len()).find(|&i| !answered(i))
}
