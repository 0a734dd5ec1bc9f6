//! Exporting a run in any format: the screen formats (the SVG of the
//! lesson screen, the asciicast) drawn here with the UI's own view
//! functions, the event formats handed to [`crate::export`]. Used by
//! `asynclings export` and by the lesson screen's export key.

pub mod cast;
pub mod screen;

use crate::engine::{Event, Limits, Outcome, run_headless};
use crate::export::{Format, RunInfo, events, trace};
use crate::lesson::Lesson;
use crate::ui::theme::Theme;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How an export draws the screen.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// The virtual moment an SVG shows; `None`: the end of the run.
    pub at: Option<Duration>,
    /// Columns and rows of the screen drawn (SVG, asciicast).
    pub size: (u16, u16),
    pub theme: Theme,
}

/// The size a screen is drawn at unless told: fits a slide.
pub const DEFAULT_SIZE: (u16, u16) = (120, 40);

/// A recorded run of a lesson's demo.
pub struct Recorded<'a> {
    pub lesson: &'a Lesson,
    pub events: &'a [Event],
    pub outcome: Outcome,
    /// The seed `random` started from: given (`--seed`), or the one the
    /// run picked and reported; `None` when neither is known.
    pub seed: Option<u64>,
}

impl Recorded<'_> {
    /// What the files say about the run.
    pub fn info(&self) -> RunInfo {
        let program = Path::new(&*self.lesson.program.file)
            .file_name()
            .map_or_else(
                || self.lesson.program.file.to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
        RunInfo {
            program,
            lesson: self.lesson.id.clone(),
            title: self.lesson.title.clone(),
            seed: self.seed,
            outcome: self.outcome.clone(),
        }
    }
}

/// Runs a lesson's demo headless and exports it in `format`; also returns
/// the run's warnings (what `run` writes to stderr).
pub fn run_and_export(
    lesson: &Lesson,
    format: Format,
    options: &Options,
) -> (Vec<u8>, Vec<String>) {
    let limits = Limits::default();
    let report = run_headless(lesson.script(), &limits);
    let picked = report.warnings.iter().find_map(|w| {
        w.strip_prefix("random seed: ")
            .and_then(|n| n.parse::<u64>().ok())
    });
    let run = Recorded {
        lesson,
        events: &report.events,
        outcome: report.outcome.clone(),
        seed: limits.seed.or(picked),
    };
    (export(&run, format, options), report.warnings)
}

/// The bytes of a recorded run in `format`.
pub fn export(run: &Recorded, format: Format, options: &Options) -> Vec<u8> {
    match format {
        Format::Json => {
            let listing = run.lesson.python_listing();
            events::json_lines(&run.info(), run.events, &listing)
        }
        Format::Trace => trace::chrome_trace(&run.info(), run.events),
        Format::Svg => screen::svg_at(run, options).into_bytes(),
        Format::Cast => cast::asciicast(run, options),
    }
}

/// Where the export key saves a lesson's run: beside the lesson's file
/// when it is on disk (a learner's own program or lesson), else (a
/// built-in lesson) in the current folder.
pub fn folder_for(lesson: &Lesson) -> PathBuf {
    let file = Path::new(&lesson.file);
    match file.parent() {
        Some(dir) if !lesson.is_built_in() && file.is_file() => {
            if dir.as_os_str().is_empty() {
                PathBuf::from(".")
            } else {
                dir.to_path_buf()
            }
        }
        _ => PathBuf::from("."),
    }
}

/// The file name (without its ending) the export key gives a lesson's run.
pub fn stem_for(lesson: &Lesson) -> String {
    let file = Path::new(&lesson.file);
    let stem = if !lesson.is_built_in() && file.is_file() {
        file.file_stem().map(|s| s.to_string_lossy().into_owned())
    } else {
        None
    };
    let stem = stem.unwrap_or_else(|| lesson.id.clone());
    // A name from a lesson may hold anything: keep it a plain file name.
    let safe: String = stem
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("{}-run", safe.trim_start_matches('.'))
}
