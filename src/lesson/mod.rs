//! Lessons: reading them from the built-in set, a folder or one file, and
//! finding one by id, number or path.

pub mod diagnostic;
pub mod parse;
pub mod quiz;

use crate::engine::Script;
use crate::program::Program;
use crate::render::{self, Listing};
use diagnostic::{LessonError, LessonErrors};
use include_dir::{Dir, include_dir};
use std::path::{Path, PathBuf};
use std::sync::Arc;

static BUILT_IN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/lessons");

/// A lesson: prose, a demo, and quiz questions.
#[derive(Clone, Debug)]
pub struct Lesson {
    /// The slug that names it on the command line.
    pub id: String,
    /// The `NN` of a file named `NN-slug.toml`.
    pub number: Option<u32>,
    pub title: String,
    pub summary: String,
    /// Markdown prose.
    pub text: String,
    /// Markdown prose shown once the demo has run to its end: what the run
    /// showed, which would give away the answers if read before it.
    pub after_run: String,
    /// The demo: a Python program.
    pub program: Arc<Program>,
    pub quizzes: Vec<Quiz>,
    /// Where the lesson came from, as shown in messages.
    pub file: String,
    /// The lesson file's text.
    pub source: Arc<str>,
    /// A hand-written Rust listing (`rust = "NN-name.rs"`), shown instead
    /// of the translation, for a demo with no faithful automatic one.
    pub rust: Option<Arc<str>>,
}

/// A "predict, then run" question.
#[derive(Clone, Debug)]
pub struct Quiz {
    pub question: String,
    pub choices: Vec<String>,
    pub answer: QuizAnswer,
    /// Shown after the learner answers.
    pub explain: Option<String>,
    /// Byte range of the quiz in the lesson file.
    pub span: std::ops::Range<usize>,
}

/// How a quiz knows its right answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QuizAnswer {
    /// The choice at this index, fixed in the file.
    Choice(usize),
    /// The choice equal to what the run shows.
    FromRun(RunFact),
}

/// Something a finished run can answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RunFact {
    /// The text of the first printed line.
    FirstLine,
    /// The text of the last printed line.
    LastLine,
    /// The virtual time when the demo ended, in seconds (`2`, `1.5`).
    TotalTime,
    /// How many lines the demo printed.
    LineCount,
    /// Which of the quiz's choices, each a line the demo prints, prints first.
    FirstOfChoices,
    /// The virtual time at which this line first prints, in seconds.
    TimeOfLine(String),
}

impl RunFact {
    /// The names used in lesson files for the facts that need nothing else.
    pub const ALL: [(&'static str, RunFact); 5] = [
        ("first_line", RunFact::FirstLine),
        ("last_line", RunFact::LastLine),
        ("total_time", RunFact::TotalTime),
        ("line_count", RunFact::LineCount),
        ("first_of_choices", RunFact::FirstOfChoices),
    ];
    /// The name of [`RunFact::TimeOfLine`], whose line is the quiz's `line` key.
    pub const TIME_OF_LINE: &'static str = "time_of_line";
}

impl Lesson {
    /// Whether this is one of the lessons built into the program (not a
    /// file of the learner's, even one of the same name).
    pub fn is_built_in(&self) -> bool {
        self.file
            .strip_prefix("lessons/")
            .and_then(|name| BUILT_IN.get_file(name))
            .is_some_and(|f| f.contents() == self.source.as_bytes())
    }

    /// The Python listing: the program's source.
    pub fn python_listing(&self) -> Listing {
        render::python::source_listing(&self.program)
    }

    /// The Rust listing: the hand-written one the lesson names, else the
    /// translation of the program.
    pub fn rust_listing(&self) -> Listing {
        match &self.rust {
            Some(text) => Listing {
                lines: text.lines().map(str::to_string).collect(),
                ..Listing::default()
            },
            None => render::rust::render_program(&self.program),
        }
    }

    /// What the engine runs for this lesson.
    pub fn script(&self) -> Script {
        self.program.clone()
    }
}

/// A bare Python program as a lesson: the module docstring is its prose,
/// and the docstring's first line its title.
pub fn python_lesson(file: &str, text: &str) -> Result<Lesson, LessonErrors> {
    let program = crate::python::load(file, text).map_err(LessonErrors)?;
    let stem = Path::new(file)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or(file);
    let (number, id) = parse::split_stem(stem);
    let prose = program.docstring.clone().unwrap_or_default();
    let title = prose
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .map_or_else(|| stem.to_string(), str::to_string);
    let summary = prose
        .split("\n\n")
        .nth(1)
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|| {
            format!(
                "Your program {}",
                Path::new(file)
                    .file_name()
                    .and_then(|n| n.to_str())
                    .unwrap_or(file)
            )
        });
    Ok(Lesson {
        id: id.to_string(),
        number,
        title,
        summary,
        text: prose,
        after_run: String::new(),
        source: program.source.clone(),
        program: Arc::new(program),
        quizzes: Vec::new(),
        file: file.to_string(),
        rust: None,
    })
}

/// Reads one lesson from its text.
pub fn parse(file: &str, text: &str) -> Result<Lesson, LessonErrors> {
    parse_with(file, text, &|name| {
        Err(format!(
            "{name}: a lesson read from text has no folder to read its demo from"
        ))
    })
}

/// Reads one lesson from its text, reading the demo it names with
/// `read_demo`.
pub fn parse_with(
    file: &str,
    text: &str,
    read_demo: parse::ReadDemo<'_>,
) -> Result<Lesson, LessonErrors> {
    let stem = Path::new(file)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or(file);
    parse::parse_lesson(file, stem, text, read_demo).map_err(LessonErrors)
}

/// Why lessons could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{0}")]
    Invalid(LessonErrors),
    #[error("{} has no lesson files (*.toml)", .0.display())]
    Empty(PathBuf),
    #[error("two lessons have the id `{id}`: {first} and {second}")]
    DuplicateId {
        id: String,
        first: String,
        second: String,
    },
    #[error("no lesson is named `{0}`{1}")]
    NotFound(String, String),
    /// A file refused before reading: not a regular file, or too big.
    #[error("{}: error: {why}", .path.display())]
    NotASourceFile { path: PathBuf, why: String },
}

impl LoadError {
    /// The full report, with source excerpts for lesson errors.
    pub fn render(&self, color: bool) -> String {
        match self {
            LoadError::Invalid(errors) => errors.render(color),
            LoadError::NotASourceFile { .. } => {
                format!("{}\n", crate::sanitize::for_terminal(&self.to_string()))
            }
            other => format!(
                "error: {}\n",
                crate::sanitize::for_terminal(&other.to_string())
            ),
        }
    }
}

/// An ordered set of lessons.
#[derive(Clone, Debug)]
pub struct Lessons {
    pub lessons: Vec<Lesson>,
    /// The reports of the files of the folder that could not be loaded:
    /// the others open anyway, and the list shows these.
    pub broken: Vec<LessonError>,
}

impl Lessons {
    /// The lessons built into the program.
    pub fn built_in() -> Lessons {
        let mut files: Vec<_> = BUILT_IN
            .files()
            .filter(|f| f.path().extension().is_some_and(|e| e == "toml"))
            .collect();
        files.sort_by_key(|f| f.path());
        let lessons = files
            .iter()
            .map(|f| {
                let name = format!("lessons/{}", f.path().display());
                let text = f.contents_utf8().expect("built-in lessons are UTF-8");
                let read = |demo: &str| {
                    BUILT_IN
                        .get_file(demo)
                        .and_then(|f| f.contents_utf8())
                        .map(str::to_string)
                        .ok_or_else(|| "no such built-in file".to_string())
                };
                parse_with(&name, text, &read).unwrap_or_else(|e| {
                    panic!("built-in lesson {name} is broken:\n{}", e.render(false))
                })
            })
            .collect();
        Lessons {
            lessons,
            broken: Vec::new(),
        }
    }

    /// One lesson, for a file named on the command line.
    pub fn single(lesson: Lesson) -> Lessons {
        Lessons {
            lessons: vec![lesson],
            broken: Vec::new(),
        }
    }

    /// Every lesson of a folder, in file-name order: each `*.toml` lesson
    /// (its demo is the `.py` it names) and each `*.py` program that is not
    /// a lesson's demo. A file that cannot be loaded does not stop the
    /// others: its report goes to [`Lessons::broken`].
    pub fn from_dir(dir: &Path) -> Result<Lessons, LoadError> {
        let entries = std::fs::read_dir(dir).map_err(|source| LoadError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        let mut paths: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            // Anything else named *.toml is reported by `read_source_file`.
            .filter(|p| p.extension().is_some_and(|e| e == "toml" || e == "py"))
            .collect();
        paths.sort();
        if paths.is_empty() {
            return Err(LoadError::Empty(dir.to_path_buf()));
        }
        // The `.toml` lessons first: the `.py` files they name are their
        // demos, not lessons of their own.
        let (tomls, programs): (Vec<PathBuf>, Vec<PathBuf>) = paths
            .into_iter()
            .partition(|p| p.extension().is_some_and(|e| e == "toml"));
        let mut lessons = Vec::new();
        let mut broken = Vec::new();
        let mut load = |path: &Path, lessons: &mut Vec<Lesson>| match load_file(path) {
            Ok(l) => lessons.push(l),
            Err(LoadError::Invalid(e)) => broken.extend(e.0),
            Err(other) => broken.push(LessonError::unreadable(path, &other.to_string())),
        };
        for path in &tomls {
            load(path, &mut lessons);
        }
        // A demo that failed to load is named by its lesson's report; a
        // `.py` beside a `.toml` of its name is that lesson's demo too.
        let demos: Vec<String> = lessons
            .iter()
            .map(|l| l.program.file.to_string())
            .chain(
                tomls
                    .iter()
                    .map(|t| t.with_extension("py").display().to_string()),
            )
            .collect();
        for path in &programs {
            if !demos.contains(&path.display().to_string()) {
                load(path, &mut lessons);
            }
        }
        lessons.sort_by(|a, b| a.file.cmp(&b.file));
        let set = Lessons { lessons, broken };
        set.check_unique()?;
        Ok(set)
    }

    fn check_unique(&self) -> Result<(), LoadError> {
        for (i, a) in self.lessons.iter().enumerate() {
            if let Some(b) = self.lessons[..i].iter().find(|b| b.id == a.id) {
                return Err(LoadError::DuplicateId {
                    id: a.id.clone(),
                    first: b.file.clone(),
                    second: a.file.clone(),
                });
            }
        }
        Ok(())
    }

    /// Finds a lesson by id, by number (`5` or `05`), or by its position
    /// in the list when lessons carry no numbers.
    pub fn find(&self, name: &str) -> Option<&Lesson> {
        if let Some(l) = self.lessons.iter().find(|l| l.id == name) {
            return Some(l);
        }
        let n: u32 = name.parse().ok()?;
        self.lessons
            .iter()
            .find(|l| l.number == Some(n))
            .or_else(|| {
                let all_unnumbered = self.lessons.iter().all(|l| l.number.is_none());
                all_unnumbered
                    .then(|| self.lessons.get(n.checked_sub(1)? as usize))
                    .flatten()
            })
    }

    /// A lesson named by id or number, or the path of a `.toml` file.
    pub fn resolve(&self, name: &str) -> Result<Lesson, LoadError> {
        let path = Path::new(name);
        if name.ends_with(".toml") || name.ends_with(".py") || path.is_file() {
            return load_file(path);
        }
        self.find(name).cloned().ok_or_else(|| {
            let ids = self.lessons.iter().map(|l| l.id.as_str());
            let hint = match diagnostic::did_you_mean(name, ids) {
                Some(best) => format!(" (did you mean `{best}`?)"),
                None => " (`asynclings list` shows them all)".to_string(),
            };
            LoadError::NotFound(name.to_string(), hint)
        })
    }
}

/// The largest lesson or program file read: 1 MiB.
pub const MAX_SOURCE_BYTES: u64 = 1 << 20;

/// Reads a lesson or program file as text: the one way such files are
/// read. Refuses, before reading, anything that is not a regular file once
/// symbolic links are followed (a folder, a named pipe that would block, a
/// device such as `/dev/zero` that never ends) and files over
/// [`MAX_SOURCE_BYTES`], as `FILE: error: ...`; reports text that is not
/// UTF-8 as a lesson error pointing at the first bad byte.
pub fn read_source_file(path: &Path) -> Result<String, LoadError> {
    use std::io::Read;
    use std::os::unix::fs::OpenOptionsExt;
    let refuse = |why: String| LoadError::NotASourceFile {
        path: path.to_path_buf(),
        why,
    };
    let io = |source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    };
    check_source_metadata(&std::fs::metadata(path).map_err(io)?).map_err(|why| {
        let link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
        refuse(if link {
            format!("{why} (reached through a symbolic link)")
        } else {
            why
        })
    })?;
    // Non-blocking, in case the file was swapped for a pipe since.
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32)
        .open(path)
        .map_err(io)?;
    check_source_metadata(&file.metadata().map_err(io)?).map_err(refuse)?;
    let mut bytes = Vec::new();
    file.take(MAX_SOURCE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_SOURCE_BYTES {
        return Err(refuse(too_big(bytes.len() as u64)));
    }
    let name = path.display().to_string();
    String::from_utf8(bytes).map_err(|e| {
        LoadError::Invalid(LessonErrors(vec![LessonError::not_utf8(
            &name,
            e.as_bytes(),
        )]))
    })
}

/// Why a file with this metadata is not read, if it is not.
fn check_source_metadata(meta: &std::fs::Metadata) -> Result<(), String> {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    let what = if t.is_file() {
        return if meta.len() > MAX_SOURCE_BYTES {
            Err(too_big(meta.len()))
        } else {
            Ok(())
        };
    } else if t.is_dir() {
        "a folder"
    } else if t.is_fifo() {
        "a named pipe"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_char_device() {
        "a character device"
    } else if t.is_block_device() {
        "a block device"
    } else {
        "something else"
    };
    Err(format!("this is {what}, not a regular file"))
}

fn too_big(len: u64) -> String {
    format!("this file is {len} bytes; lesson files are at most {MAX_SOURCE_BYTES} bytes (1 MiB)")
}

/// Reads one lesson file.
pub fn load_file(path: &Path) -> Result<Lesson, LoadError> {
    let text = read_source_file(path)?;
    let file = path.display().to_string();
    if path.extension().is_some_and(|e| e == "py") {
        return python_lesson(&file, &text).map_err(LoadError::Invalid);
    }
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let read = |demo: &str| {
        read_source_file(&dir.join(demo)).map_err(|e| match e {
            LoadError::Io { source, .. } => source.to_string(),
            LoadError::NotASourceFile { why, .. } => why,
            other => other.to_string(),
        })
    };
    parse_with(&file, &text, &read).map_err(LoadError::Invalid)
}

/// Reads every lesson below the given files and folders, collecting every
/// problem, and the warnings of demos that run to the end but whose event
/// loop logged a failure; used by `asynclings check`.
pub fn check_paths(paths: &[PathBuf]) -> (usize, Vec<LoadError>, Vec<String>) {
    let mut ok = 0;
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    for path in paths {
        let files: Vec<PathBuf> = if path.is_dir() {
            match std::fs::read_dir(path) {
                Ok(entries) => {
                    let mut files: Vec<_> = entries
                        .filter_map(Result::ok)
                        .map(|e| e.path())
                        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
                        .collect();
                    files.sort();
                    if files.is_empty() {
                        problems.push(LoadError::Empty(path.clone()));
                    }
                    files
                }
                Err(source) => {
                    problems.push(LoadError::Io {
                        path: path.clone(),
                        source,
                    });
                    continue;
                }
            }
        } else {
            vec![path.clone()]
        };
        for file in files {
            match load_file(&file) {
                Ok(lesson) => {
                    let (errors, logged) = quiz::check_quizzes(&lesson);
                    warnings.extend(logged);
                    if errors.is_empty() {
                        ok += 1;
                    } else {
                        problems.push(LoadError::Invalid(LessonErrors(errors)));
                    }
                }
                Err(e) => problems.push(e),
            }
        }
    }
    (ok, problems, warnings)
}

/// A lesson error for tests and tools that build lessons from strings.
pub fn errors_of(file: &str, text: &str) -> Vec<LessonError> {
    match parse(file, text) {
        Ok(_) => Vec::new(),
        Err(e) => e.0,
    }
}
