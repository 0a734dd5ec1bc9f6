//! The command line's arguments: subcommands, their options, and the
//! parsers of option values.

use asynclings::export::Format;
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// Learn async programming in the terminal: lessons with Python (asyncio)
/// and Rust (Tokio) listings and live demos that really run on Tokio.
#[derive(Parser)]
#[command(name = "asynclings", version, about, long_about = None)]
pub(crate) struct Cli {
    /// Open the lesson screen on this lesson (an id such as `gather`, a
    /// number such as `5`), program (`.py`) or lesson file (`.toml`).
    #[arg(value_name = "LESSON|FILE")]
    pub(crate) file: Option<PathBuf>,
    /// Load the lessons of this folder instead of the built-in ones.
    #[arg(long, global = true, value_name = "DIR")]
    pub(crate) lessons: Option<PathBuf>,
    /// Seed `random` with N where the demo does not seed it, to replay a
    /// run (a run that drew unseeded prints `random seed: N` on stderr).
    #[arg(long, global = true, value_name = "N")]
    pub(crate) seed: Option<u64>,
    #[command(subcommand)]
    pub(crate) command: Option<Command>,
}

#[derive(Subcommand)]
pub(crate) enum Command {
    /// List the lessons: number, id, title, summary.
    List,
    /// Run a lesson's demo and print what it prints.
    Run(RunArgs),
    /// Print a lesson's Python or Rust listing.
    Show(ShowArgs),
    /// Export a run: the lesson screen as SVG, an asciicast recording, a
    /// Chrome trace (Perfetto), or the events as JSON lines.
    Export(ExportArgs),
    /// Check lesson files and report every problem; exits non-zero on any.
    Check {
        /// Lesson files or folders (default: the lessons in use).
        paths: Vec<PathBuf>,
    },
    /// Exercises graded on how the program ran: the exercise list, or
    /// `--check FILE` to grade a file once (exit 0 when every check passes).
    Practice(PracticeArgs),
}

#[derive(Args)]
pub(crate) struct PracticeArgs {
    /// Open this exercise (`3`, `03-semaphore` or `semaphore`).
    pub(crate) exercise_name: Option<String>,
    /// Load the exercises of this folder instead of the built-in ones.
    #[arg(long, value_name = "DIR")]
    pub(crate) exercises: Option<PathBuf>,
    /// Where the working files go: the starter of an exercise is copied to
    /// DIR/NN-topic.py, never over a file already there.
    #[arg(long, value_name = "DIR", default_value = "asynclings-exercises")]
    pub(crate) work: PathBuf,
    /// Grade this file once, print the checklist, exit 0 when every check
    /// passes and 1 otherwise.
    #[arg(long, value_name = "FILE", conflicts_with = "verify")]
    pub(crate) check: Option<PathBuf>,
    /// The exercise `--check` grades against, where the file's name
    /// (`03-semaphore.py`) does not say.
    #[arg(long, value_name = "NN", requires = "check")]
    pub(crate) exercise: Option<String>,
    /// Prove every exercise of DIR (default: the built-in set): each
    /// starter runs and fails a check, each solution passes them all.
    #[arg(long, value_name = "DIR", num_args = 0..=1)]
    pub(crate) verify: Option<Option<PathBuf>>,
}

#[derive(Args)]
pub(crate) struct RunArgs {
    /// A lesson id (`gather`), number (`5`), or the path of a lesson
    /// (`.toml`) or of a program (`.py`).
    pub(crate) lesson: String,
    /// Run at once on the virtual clock and print the transcript
    /// (`[t=T] TEXT` per printed line).
    #[arg(long)]
    pub(crate) headless: bool,
    /// Also print every task event, one per line.
    #[arg(long)]
    pub(crate) events: bool,
    /// Live speed: virtual seconds per real second (0.1 to 10).
    #[arg(long, default_value_t = 1.0, value_parser = parse_speed)]
    pub(crate) speed: f64,
}

#[derive(Args)]
pub(crate) struct ExportArgs {
    /// A lesson id (`gather`), number (`5`), or the path of a lesson
    /// (`.toml`) or of a program (`.py`).
    pub(crate) lesson: String,
    /// svg (the screen, for slides), cast (asciicast v2), trace (Chrome
    /// trace-event JSON) or json (JSON lines, see docs/export.md).
    #[arg(long, value_parser = parse_format)]
    pub(crate) format: Format,
    /// The file to write (replaced if it exists).
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub(crate) output: PathBuf,
    /// svg: the virtual moment shown, in seconds (default: the end).
    #[arg(long, value_name = "SECONDS", value_parser = parse_at)]
    pub(crate) at: Option<f64>,
    /// svg, cast: the screen's size (default: 120x40).
    #[arg(long, value_name = "COLSxROWS", value_parser = parse_size)]
    pub(crate) size: Option<(u16, u16)>,
}

fn parse_format(text: &str) -> Result<Format, String> {
    text.parse()
}

/// `--at`: a finite number of seconds, zero or more.
fn parse_at(text: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(v) if (0.0..=1e9).contains(&v) => Ok(v),
        _ => Err(format!(
            "`{text}` is not a moment in seconds (for example 1.5)"
        )),
    }
}

/// `--size`: `COLSxROWS`, at least the lesson screen's smallest size.
fn parse_size(text: &str) -> Result<(u16, u16), String> {
    let (min_cols, min_rows) = asynclings::ui::view::MIN_SIZE;
    let bad = || {
        format!(
            "`{text}` is not a size from {min_cols}x{min_rows} to 1000x500 (for example 120x40)"
        )
    };
    let (cols, rows) = text.trim().split_once(['x', 'X']).ok_or_else(bad)?;
    let cols: u16 = cols.parse().map_err(|_| bad())?;
    let rows: u16 = rows.parse().map_err(|_| bad())?;
    if !(min_cols..=1000).contains(&cols) || !(min_rows..=500).contains(&rows) {
        return Err(bad());
    }
    Ok((cols, rows))
}

/// `--speed`: a finite number of virtual seconds per real second within
/// the pacer's range; anything else is a usage error (exit 2).
fn parse_speed(text: &str) -> Result<f64, String> {
    let (lo, hi) = asynclings::engine::pace::SPEED_RANGE;
    match text.trim().parse::<f64>() {
        Ok(v) if (lo..=hi).contains(&v) => Ok(v),
        _ => Err(format!(
            "`{text}` is not a speed from {lo} to {hi} (for example 0.5 or 2)"
        )),
    }
}

#[derive(Args)]
#[command(group = clap::ArgGroup::new("language").required(true).args(["python", "rust"]))]
pub(crate) struct ShowArgs {
    /// A lesson id (`gather`), number (`5`), or the path of a lesson
    /// (`.toml`) or of a program (`.py`).
    pub(crate) lesson: String,
    /// The Python (asyncio) listing.
    #[arg(long)]
    pub(crate) python: bool,
    /// The Rust (Tokio) listing.
    #[arg(long)]
    pub(crate) rust: bool,
}
