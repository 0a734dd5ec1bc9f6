//! "Predict, then run": the right answer of a quiz, read off the actual run
//! where the run can answer it.

use super::diagnostic::LessonError;
use super::{Lesson, Quiz, QuizAnswer, RunFact};
use crate::engine::{self, EventKind, Limits, Outcome, Report};
use crate::program::StmtId;
use crate::text::format_seconds;

impl RunFact {
    /// What a finished run says about this fact, written as a choice would
    /// be (`"2"`, `"1.5"`, `"slow started"`), or why the run cannot say.
    /// `choices` are the quiz's choices, which `FirstOfChoices` looks for.
    pub fn read(&self, report: &Report, choices: &[String]) -> Result<String, String> {
        let printed = report.printed();
        let nothing = || "the run printed nothing, so it cannot answer".to_string();
        match self {
            RunFact::FirstLine => printed.first().map(|s| s.to_string()).ok_or_else(nothing),
            RunFact::LastLine => printed.last().map(|s| s.to_string()).ok_or_else(nothing),
            RunFact::TotalTime => Ok(format_seconds(report.duration().as_secs_f64())),
            RunFact::LineCount => Ok(printed.len().to_string()),
            RunFact::FirstOfChoices => printed
                .iter()
                .find(|line| choices.iter().any(|c| c == *line))
                .map(|s| s.to_string())
                .ok_or_else(|| "the run prints none of the choices".into()),
            RunFact::TimeOfLine(line) => report
                .events
                .iter()
                .find_map(|e| match &e.kind {
                    EventKind::Printed { text } if text == line => Some(e.seconds()),
                    EventKind::PrintedNoLoop { text } if text == line => Some("0".into()),
                    _ => None,
                })
                .ok_or_else(|| format!("the run never prints `{line}`")),
        }
    }
}

impl Quiz {
    /// The index of the right choice for this run of the demo.
    pub fn correct_choice(&self, report: &Report) -> Result<usize, String> {
        match &self.answer {
            QuizAnswer::Choice(i) => Ok(*i),
            QuizAnswer::FromRun(fact) => {
                let value = fact.read(report, &self.choices)?;
                self.choices.iter().position(|c| *c == value).ok_or(format!(
                    "the run gives `{value}`, which is not among the choices"
                ))
            }
        }
    }
}

/// Runs the lesson's demo and checks that every quiz answered by the run
/// has its answer among its choices, and that the demo finishes.
///
/// An `AttributeError` or `NameError` may be the engine lacking a built-in
/// name or a built-in type's attribute, and a "not supported" error is the
/// engine's own, so `check` claims CPython's agreement only for the others.
fn help_for(last: &str, traceback: &str) -> String {
    if last.contains("not supported") {
        format!("this is the engine's limit, not CPython's: CPython runs this:\n{traceback}")
    } else if last.starts_with("AttributeError") || last.starts_with("NameError") {
        format!(
            "the engine raises this: CPython raises it too if the name is missing there, \
             but if it is a built-in name or attribute the engine does not support yet, \
             CPython may run the program (docs/python-subset.md lists what the engine supports):\n{traceback}"
        )
    } else {
        format!("this is where CPython would raise it too:\n{traceback}")
    }
}

/// Runs the lesson's demo and checks it: the errors (an exception, a limit,
/// a quiz the run cannot answer) and the warnings (a failure the event
/// loop only logged, which CPython writes to stderr and exits 0 after:
/// [`logged_warnings`]).
pub fn check_quizzes(lesson: &Lesson) -> (Vec<LessonError>, Vec<String>) {
    let report = engine::run_headless(lesson.script(), &Limits::default());
    let warnings = logged_warnings(lesson, &report);
    (check_report(lesson, &report), warnings)
}

/// One warning per failure the run's event loop logged instead of raising
/// ("Task exception was never retrieved", "Exception in callback ..."),
/// located at the line of the program that raised it:
/// `prog.py:7: warning: Task exception was never retrieved (at t=1): KeyError: 'k'`.
pub fn logged_warnings(lesson: &Lesson, report: &Report) -> Vec<String> {
    let file = &lesson.program.file;
    let frame = format!("  File \"{file}\", line ");
    report
        .events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::Logged { text } if !text.starts_with("note:") => Some((e, text)),
            _ => None,
        })
        .map(|(e, text)| {
            let first = text.lines().next().unwrap_or_default();
            let line = text
                .lines()
                .filter_map(|l| l.strip_prefix(&frame))
                .filter_map(|rest| rest.split(',').next())
                .next_back();
            let place = match line {
                Some(n) => format!("{file}:{n}"),
                None => file.to_string(),
            };
            let last = text
                .lines()
                .rfind(|l| !l.starts_with(' ') && !l.is_empty())
                .filter(|l| *l != first)
                .map(|l| format!(": {l}"))
                .unwrap_or_default();
            crate::sanitize::for_terminal(&format!(
                "{place}: warning: {first} (at t={}){last}; CPython logs this to stderr \
                 and goes on (exit status 0)",
                e.seconds()
            ))
            .into_owned()
        })
        .collect()
}

/// A refusal the run reached (`not supported yet: ...`), located at the
/// statement that reached it, so that it reads as a refusal found before
/// the run does; `None` for any other outcome, or when no statement is
/// known.
pub fn run_time_refusal(
    lesson: &Lesson,
    outcome: &Outcome,
    stopped_at: &[StmtId],
) -> Option<LessonError> {
    let Outcome::Aborted(why) = outcome else {
        return None;
    };
    if !why.starts_with("not supported yet: ") {
        return None;
    }
    let program = &lesson.program;
    let span = stopped_at.iter().find_map(|&id| program.stmt_span(id))?;
    let source = &program.source;
    let end = source[span.start..]
        .find('\n')
        .map_or(span.end, |n| (span.start + n).min(span.end));
    Some(LessonError::new(
        &program.file,
        source,
        span.start..end,
        why.clone(),
        Some("the run reached this here (CPython runs it): write it another way".into()),
    ))
}

fn check_report(lesson: &Lesson, report: &Report) -> Vec<LessonError> {
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
            Some(help_for(last, traceback)),
        ));
    } else if let Some(refusal) = run_time_refusal(lesson, &report.outcome, &report.stopped_at) {
        errors.push(refusal);
    } else if report.outcome != Outcome::Finished {
        let why = match &report.outcome {
            Outcome::Failed(m) => format!("the demo fails: {m}"),
            // A refusal the run reached reads as one found before it.
            Outcome::Aborted(m) if m.starts_with("not supported yet: ") => m.clone(),
            Outcome::Aborted(m) => format!("the demo is stopped: {m}"),
            _ => "the demo does not finish".into(),
        };
        let program = &lesson.program;
        let places: Vec<_> = report
            .stopped_at
            .iter()
            .filter_map(|&id| program.stmt_span(id))
            .collect();
        if places.is_empty() {
            errors.push(LessonError::new(
                &lesson.file,
                &lesson.source,
                0..0,
                why.clone(),
                Some("run it with `asynclings run FILE --headless --events` to see where".into()),
            ));
        }
        let deadlock = matches!(&report.outcome, Outcome::Aborted(m) if m.starts_with("deadlock"));
        for (i, span) in places.into_iter().enumerate() {
            let source = &program.source;
            let end = source[span.start..]
                .find('\n')
                .map_or(span.end, |n| (span.start + n).min(span.end));
            let (message, help) = if !deadlock {
                (
                    why.clone(),
                    "this statement was running when the run stopped",
                )
            } else if i == 0 {
                (
                    why.clone(),
                    "this task waits here, and nothing will wake it",
                )
            } else {
                (
                    "...and this task waits here too".to_string(),
                    "nothing will wake it",
                )
            };
            errors.push(LessonError::new(
                &program.file,
                source,
                span.start..end,
                message,
                Some(help.into()),
            ));
        }
    }
    for quiz in &lesson.quizzes {
        if let Err(message) = quiz.correct_choice(report) {
            errors.push(LessonError::new(
                &lesson.file,
                &lesson.source,
                quiz.span.clone(),
                format!("this quiz has no right answer: {message}"),
                Some(fix_for(&quiz.answer).into()),
            ));
        }
    }
    errors
}

/// How to fix a quiz whose run does not give one of its choices.
fn fix_for(answer: &QuizAnswer) -> &'static str {
    match answer {
        QuizAnswer::FromRun(RunFact::TimeOfLine(_)) => {
            "write `line` exactly as the demo prints it, and put its time among `choices`"
        }
        QuizAnswer::FromRun(RunFact::FirstOfChoices) => {
            "write each choice exactly as a line the demo prints"
        }
        _ => "add the run's value to `choices`, or change the demo",
    }
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
choices = ["1", "2"]
from_run = "line_count"

[[quiz]]
question = "When does last print?"
choices = ["0", "1.5"]
from_run = "time_of_line"
line = "last"

[[quiz]]
question = "Which prints first?"
choices = ["after", "last", "never"]
from_run = "first_of_choices"

[[quiz]]
question = "When does after print?"
choices = ["0", "1.5"]
from_run = "time_of_line"
line = "after"
"#;

    const PROGRAM: &str = r#"import asyncio


async def main():
    print("first")
    await asyncio.sleep(1.5)
    print("last")


asyncio.run(main())
print("after")
"#;

    /// The built-in quizzes explain every answer, and at most a third of
    /// them ask how long the run takes: order and who waits for whom teach
    /// more.
    #[test]
    fn built_in_quizzes_explain_and_rarely_ask_for_the_total_time() {
        let lessons = crate::lesson::Lessons::built_in().lessons;
        let quizzes: Vec<_> = lessons
            .iter()
            .flat_map(|l| l.quizzes.iter().map(move |q| (&l.file, q)))
            .collect();
        let unexplained: Vec<_> = quizzes
            .iter()
            .filter(|(_, q)| q.explain.as_deref().is_none_or(|e| e.trim().is_empty()))
            .map(|(file, q)| format!("{file}: {}", q.question))
            .collect();
        assert!(
            unexplained.is_empty(),
            "quizzes with no explain: {unexplained:#?}"
        );
        let total_time: Vec<_> = quizzes
            .iter()
            .filter(|(_, q)| {
                q.answer == QuizAnswer::FromRun(RunFact::TotalTime)
                    || q.question.to_lowercase().contains("how long")
            })
            .map(|(file, q)| format!("{file}: {}", q.question))
            .collect();
        assert!(
            total_time.len() * 3 <= quizzes.len(),
            "{} of {} quizzes ask for the total time: {total_time:#?}",
            total_time.len(),
            quizzes.len()
        );
    }

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
            Err("the run gives `3`, which is not among the choices".into())
        );
        assert_eq!(lesson.quizzes[3].correct_choice(&report), Ok(1));
        assert_eq!(lesson.quizzes[4].correct_choice(&report), Ok(1));
        // A line printed after `asyncio.run` is stamped t=0, as in the transcript.
        assert_eq!(lesson.quizzes[5].correct_choice(&report), Ok(0));
        let (errors, warnings) = check_quizzes(&lesson);
        assert_eq!(errors.len(), 1);
        assert!(warnings.is_empty(), "{warnings:?}");
        let place = format!("{}:15:1: this quiz has no right answer", path.display());
        assert!(errors[0].to_string().starts_with(&place), "{}", errors[0]);
        let _ = std::fs::remove_dir_all(dir);
    }
}
