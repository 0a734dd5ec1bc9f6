//! Exercises graded on how a program ran: the exercise format
//! ([`format`]), the checks on a run ([`checks`]), finding exercises
//! (built in, or a folder of one's own) and grading a learner's file.
//!
//! An exercise is a folder `NN-topic/` holding `exercise.py` (the starter:
//! it runs, but wrongly or slowly), `solution.py` and `exercise.toml`.

pub mod busy;
pub mod checks;
pub mod format;
pub mod unchanged;

use crate::engine::{self, Limits, Report};
use crate::lesson::diagnostic::{LessonError, LessonErrors};
use crate::lesson::{LoadError, read_source_file};
use crate::program::Program;
use checks::Verdict;
use format::{Check, ExerciseFile};
use include_dir::{Dir, include_dir};
use std::path::{Path, PathBuf};
use std::sync::Arc;

static BUILT_IN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/exercises");

/// One exercise.
#[derive(Clone, Debug)]
pub struct Exercise {
    /// The folder's name, `NN-topic`: the id in progress and on the
    /// command line, and the working file's name.
    pub id: String,
    /// The `NN` of the folder's name.
    pub number: Option<u32>,
    pub title: String,
    /// What to do, in Markdown.
    pub task: String,
    pub hints: Vec<String>,
    pub checks: Vec<Check>,
    /// The starter program's text.
    pub starter: String,
    /// The reference solution's text.
    pub solution: String,
    /// Where the exercise came from, as shown in messages.
    pub dir: String,
}

/// A graded run of a learner's program.
#[derive(Clone, Debug)]
pub struct Graded {
    pub program: Arc<Program>,
    pub report: Report,
    /// The run's own check (it ends without an error) first, then the
    /// exercise's checks in order.
    pub verdicts: Vec<Verdict>,
}

impl Graded {
    /// Whether every check passed.
    pub fn passed(&self) -> bool {
        self.verdicts.iter().all(Verdict::passed)
    }
}

impl Exercise {
    /// Reads an exercise from the texts of its three files; `dir` names
    /// its folder (`exercises/01-gather`) and gives the id and number.
    pub fn parse(
        dir: &str,
        toml_text: &str,
        starter: String,
        solution: String,
    ) -> Result<Exercise, LessonErrors> {
        let file = format!("{dir}/exercise.toml");
        let source: Arc<str> = Arc::from(toml_text);
        let error = |span: std::ops::Range<usize>, message: String, help: &str| {
            LessonErrors(vec![LessonError::new(
                &file,
                &source,
                span,
                message,
                Some(help.to_string()),
            )])
        };
        let parsed: ExerciseFile = toml::from_str(toml_text).map_err(|e| {
            error(
                e.span().unwrap_or(0..0),
                e.message().trim().to_string(),
                "see docs/exercises.md for the keys of an exercise and its checks",
            )
        })?;
        if parsed.checks.is_empty() {
            return Err(error(
                0..0,
                "the exercise has no checks".into(),
                "add at least one [[check]] table",
            ));
        }
        if !(1..=3).contains(&parsed.hints.len()) {
            let at = toml_text.find("hints").map_or(0..0, |a| a..a + 5);
            return Err(error(
                at,
                format!("the exercise has {} hints", parsed.hints.len()),
                "give one to three hints, gentlest first",
            ));
        }
        for check in &parsed.checks {
            let span = value_span(toml_text, check.span());
            let problem = match check.get_ref() {
                Check::AllAwaited(false) => Some((
                    "`all_awaited = false` checks nothing".to_string(),
                    "write `all_awaited = true`, or leave the check out",
                )),
                Check::Concurrency(c) if c.at_least.is_none() && c.at_most.is_none() => Some((
                    "this concurrency check has no bound".into(),
                    "give `at_least`, `at_most` or both",
                )),
                Check::Uses(w) if !USES.contains(&w.as_str()) => Some((
                    format!("`{w}` is not something `uses` can see"),
                    "one of: Semaphore, BoundedSemaphore, Lock, Event, Condition, Queue, Queue.get, Queue.put, Queue.join, Barrier, thread, process, timeout",
                )),
                Check::Unchanged(name) => match crate::python::syntax("starter", &starter) {
                    Ok(m) if unchanged::find(&m, name.as_str()).is_none() => Some((
                        format!("the starter has no function `{name}`"),
                        "name a top-level function (`fetch`) or a method (`Conn.close`) of exercise.py",
                    )),
                    _ => None,
                },
                _ => None,
            };
            if let Some((message, help)) = problem {
                return Err(error(span, message, help));
            }
        }
        let name = dir.rsplit('/').next().unwrap_or(dir).to_string();
        let (number, _) = crate::lesson::parse::split_stem(&name);
        Ok(Exercise {
            id: name,
            number,
            title: parsed.title,
            task: parsed.task,
            hints: parsed.hints,
            checks: parsed
                .checks
                .into_iter()
                .map(toml::Spanned::into_inner)
                .collect(),
            starter,
            solution,
            dir: dir.to_string(),
        })
    }

    /// Runs `source` (read from `file`) and grades the run. A program that
    /// does not load gives its located errors.
    pub fn grade(&self, file: &str, source: &str) -> Result<Graded, LessonErrors> {
        let program = Arc::new(crate::python::load(file, source).map_err(LessonErrors)?);
        let report = engine::run_headless(program.clone(), &Limits::default());
        let mut verdicts = vec![checks::runs_to_end(&report, &program)];
        verdicts.extend(
            self.checks
                .iter()
                .map(|c| checks::evaluate(c, &report, source, &self.starter)),
        );
        Ok(Graded {
            program,
            report,
            verdicts,
        })
    }

    /// What is wrong with the exercise itself: a starter that does not
    /// run or passes every check, a solution that fails one.
    pub fn verify(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let name = |f: &str| format!("{}/{f}", self.dir);
        match self.grade(&name("exercise.py"), &self.starter) {
            Err(e) => problems.push(format!("the starter does not load:\n{}", e.render(false))),
            Ok(g) if !g.verdicts[0].passed() => problems.push(format!(
                "the starter must run to its end: {}",
                g.verdicts[0].failure.as_deref().unwrap_or_default()
            )),
            Ok(g) if g.passed() => {
                problems.push("the starter already passes every check".to_string())
            }
            Ok(_) => {}
        }
        match self.grade(&name("solution.py"), &self.solution) {
            Err(e) => problems.push(format!("the solution does not load:\n{}", e.render(false))),
            Ok(g) => {
                for v in g.verdicts.iter().filter(|v| !v.passed()) {
                    problems.push(format!(
                        "the solution fails \"{}\": {}",
                        v.label,
                        v.failure.as_deref().unwrap_or_default()
                    ));
                }
            }
        }
        problems
    }
}

/// The value of the one key of a check's table: where an error in it
/// points (the span of a `[[check]]` table starts at its header).
fn value_span(text: &str, table: std::ops::Range<usize>) -> std::ops::Range<usize> {
    // A `[[check]]` table's span may cover its header alone: its keys run
    // on to the next header.
    let from = table.start;
    let until = text[from + 1..]
        .find("\n[")
        .map_or(text.len(), |n| from + 1 + n);
    let Some(eq) = text[from..until].find('=') else {
        return table;
    };
    let rest = &text[from + eq + 1..until];
    let start = from + eq + 1 + (rest.len() - rest.trim_start().len());
    let end = text[start..until].find('\n').map_or(until, |n| start + n);
    start..end
}

/// What `uses` can see in a run.
const USES: &[&str] = &[
    "Semaphore",
    "BoundedSemaphore",
    "Lock",
    "Event",
    "Condition",
    "Queue",
    "Queue.get",
    "Queue.put",
    "Queue.join",
    "Barrier",
    "thread",
    "process",
    "timeout",
];

/// An ordered set of exercises.
#[derive(Clone, Debug, Default)]
pub struct Exercises {
    pub exercises: Vec<Exercise>,
}

impl Exercises {
    /// The exercises built into the program.
    pub fn built_in() -> Exercises {
        let mut dirs: Vec<&Dir> = BUILT_IN.dirs().collect();
        dirs.sort_by_key(|d| d.path());
        let read = |d: &Dir, f: &str| {
            d.get_file(d.path().join(f))
                .and_then(|f| f.contents_utf8())
                .unwrap_or_else(|| panic!("built-in exercise {} has no {f}", d.path().display()))
                .to_string()
        };
        let exercises = dirs
            .into_iter()
            .map(|d| {
                let name = format!("exercises/{}", d.path().display());
                Exercise::parse(
                    &name,
                    &read(d, "exercise.toml"),
                    read(d, "exercise.py"),
                    read(d, "solution.py"),
                )
                .unwrap_or_else(|e| {
                    panic!("built-in exercise {name} is broken:\n{}", e.render(false))
                })
            })
            .collect();
        Exercises { exercises }
    }

    /// Every exercise of a folder: each sub-folder holding an
    /// `exercise.toml`, in name order.
    pub fn from_dir(dir: &Path) -> Result<Exercises, LoadError> {
        let io = |source| LoadError::Io {
            path: dir.to_path_buf(),
            source,
        };
        let mut dirs: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(io)?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.join("exercise.toml").exists())
            .collect();
        dirs.sort();
        if dirs.is_empty() {
            return Err(LoadError::NotASourceFile {
                path: dir.to_path_buf(),
                why: "no exercise folders here (each holds exercise.toml, exercise.py and solution.py)"
                    .into(),
            });
        }
        let mut exercises = Vec::new();
        for d in dirs {
            let toml_text = read_source_file(&d.join("exercise.toml"))?;
            let starter = read_source_file(&d.join("exercise.py"))?;
            let solution = read_source_file(&d.join("solution.py"))?;
            let name = d.display().to_string();
            exercises.push(
                Exercise::parse(&name, &toml_text, starter, solution)
                    .map_err(LoadError::Invalid)?,
            );
        }
        Ok(Exercises { exercises })
    }

    /// The exercise named `NN`, `NN-topic` or `topic`, or the one a file
    /// is for: `03-semaphore.py`, or `exercise.py` or `solution.py` in an
    /// exercise's folder.
    pub fn find(&self, name: &str) -> Option<&Exercise> {
        let path = Path::new(name);
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or(name);
        let folder = path
            .parent()
            .and_then(Path::file_name)
            .and_then(|s| s.to_str())
            .filter(|_| stem == "exercise" || stem == "solution");
        let key = folder.unwrap_or(stem);
        self.exercises.iter().find(|e| {
            e.id == key
                || e.number.is_some_and(|n| key.parse() == Ok(n))
                || e.id.split_once('-').is_some_and(|(_, topic)| topic == key)
        })
    }
}

/// The checklist as text, one line per check (`✓` or `✗`), each failure's
/// sentence indented under it.
pub fn checklist(verdicts: &[Verdict]) -> String {
    let mut out = String::new();
    for v in verdicts {
        match &v.failure {
            None => out.push_str(&format!("✓ {}\n", v.label)),
            Some(why) => out.push_str(&format!("✗ {}\n    {why}\n", v.label)),
        }
    }
    out
}
