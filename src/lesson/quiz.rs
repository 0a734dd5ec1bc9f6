//! "Predict, then run": the right answer of a quiz, read off the actual run
//! where the run can answer it.

use super::diagnostic::LessonError;
use super::{Lesson, Quiz, QuizAnswer, RunFact};
use crate::engine::{self, Limits, Outcome, Report};
use crate::text::format_seconds;

impl RunFact {
    /// What a finished run says about this fact, written as a choice would
    /// be (`"2"`, `"1.5"`, `"slow started"`).
    pub fn read(self, report: &Report) -> Option<String> {
        let printed = report.printed();
        match self {
            RunFact::FirstLine => printed.first().map(|s| s.to_string()),
            RunFact::LastLine => printed.last().map(|s| s.to_string()),
            RunFact::TotalTime => Some(format_seconds(report.duration().as_secs_f64())),
            RunFact::LineCount => Some(printed.len().to_string()),
        }
    }
}

impl Quiz {
    /// The index of the right choice for this run of the demo.
    pub fn correct_choice(&self, report: &Report) -> Result<usize, String> {
        match self.answer {
            QuizAnswer::Choice(i) => Ok(i),
            QuizAnswer::FromRun(fact) => {
                let value = fact
                    .read(report)
                    .ok_or("the run printed nothing, so it cannot answer")?;
                self.choices.iter().position(|c| *c == value).ok_or(format!(
                    "the run gives `{value}`, which is not among the choices"
                ))
            }
        }
    }
}

/// Runs the lesson's demo and checks that every quiz answered by the run
/// has its answer among its choices, and that the demo finishes.
pub fn check_quizzes(lesson: &Lesson) -> Vec<LessonError> {
    let report = engine::run_headless(lesson.script(), &Limits::default());
    let mut errors = Vec::new();
    if let Outcome::Raised { traceback, at } = &report.outcome {
        let program = &lesson.program;
        let last = crate::engine::py::last_line(traceback);
        let source = &program.source;
        let at = (*at).min(source.len());
        let end = source[at..].find('\n').map_or(source.len(), |n| at + n);
        errors.push(LessonError::new(
            &program.file,
            source,
            at..end,
            format!("the program raises {last}"),
            Some(format!(
                "this is where CPython would raise it too:\n{traceback}"
            )),
        ));
    } else if report.outcome != Outcome::Finished {
        let why = match &report.outcome {
            Outcome::Failed(m) => format!("the demo fails: {m}"),
            Outcome::Aborted(m) => format!("the demo is stopped: {m}"),
            _ => "the demo does not finish".into(),
        };
        errors.push(LessonError::new(
            &lesson.file,
            &lesson.source,
            0..0,
            why,
            Some("run it with `asynclings run FILE --headless --events` to see where".into()),
        ));
    }
    for quiz in &lesson.quizzes {
        if let Err(message) = quiz.correct_choice(&report) {
            errors.push(LessonError::new(
                &lesson.file,
                &lesson.source,
                quiz.span.clone(),
                format!("this quiz has no right answer: {message}"),
                Some("add the run's value to `choices`, or change the demo".into()),
            ));
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    const LESSON: &str = r#"title = "t"
summary = "s"
demo = "quiz.py"

[[quiz]]
question = "How long?"
choices = ["1", "1.5", "3"]
from_run = "total_time"

[[quiz]]
question = "First line?"
choices = ["last", "first"]
from_run = "first_line"

[[quiz]]
question = "How many lines?"
choices = ["1", "3"]
from_run = "line_count"
"#;

    const PROGRAM: &str = r#"import asyncio


async def main():
    print("first")
    await asyncio.sleep(1.5)
    print("last")


asyncio.run(main())
"#;

    #[test]
    fn answers_come_from_the_run() {
        let dir = std::env::temp_dir().join(format!("asynclings-quiz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("quiz.toml");
        std::fs::write(&path, LESSON).unwrap();
        std::fs::write(dir.join("quiz.py"), PROGRAM).unwrap();
        let lesson =
            crate::lesson::load_file(&path).unwrap_or_else(|e| panic!("{}", e.render(false)));
        let report = engine::run_headless(lesson.script(), &Limits::default());
        assert_eq!(lesson.quizzes[0].correct_choice(&report), Ok(1));
        assert_eq!(lesson.quizzes[1].correct_choice(&report), Ok(1));
        assert_eq!(
            lesson.quizzes[2].correct_choice(&report),
            Err("the run gives `2`, which is not among the choices".into())
        );
        let errors = check_quizzes(&lesson);
        assert_eq!(errors.len(), 1);
        let place = format!("{}:15:1: this quiz has no right answer", path.display());
        assert!(errors[0].to_string().starts_with(&place), "{}", errors[0]);
        let _ = std::fs::remove_dir_all(dir);
    }
}
