//! Exporting a run: its events as JSON lines ([`events`]), a Chrome
//! trace-event file ([`trace`]), and a character grid as SVG ([`svg`]).
//! Writing the files is [`file`]'s: atomically, and without overwriting.
//!
//! Nothing here knows the terminal UI: the formats that draw the lesson
//! screen (its SVG, the asciicast) are built in `ui::export`, which draws
//! with the UI's own view functions and hands the cells to [`svg`].

pub mod events;
pub mod svg;
pub mod trace;

use crate::engine::Outcome;
use std::fmt;
use std::str::FromStr;

/// What an export writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The lesson screen at one moment, as an SVG picture.
    Svg,
    /// An asciicast v2 recording of the paced run, as the UI draws it.
    Cast,
    /// Chrome trace-event JSON (Perfetto, `chrome://tracing`).
    Trace,
    /// The events as JSON lines (see `docs/export.md`).
    Json,
}

impl Format {
    /// Every format, in the order the help lists them.
    pub const ALL: [Format; 4] = [Format::Svg, Format::Cast, Format::Trace, Format::Json];

    /// Its name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Svg => "svg",
            Format::Cast => "cast",
            Format::Trace => "trace",
            Format::Json => "json",
        }
    }

    /// The file name ending a file of this format gets.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Svg => "svg",
            Format::Cast => "cast",
            Format::Trace => "trace.json",
            Format::Json => "events.jsonl",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Format, String> {
        Format::ALL
            .into_iter()
            .find(|f| f.name() == s)
            .ok_or_else(|| format!("`{s}` is not a format: use svg, cast, trace or json"))
    }
}

/// What the exported files say about the run besides its events.
#[derive(Clone, Debug)]
pub struct RunInfo {
    /// The program's file name, as the lesson names its demo.
    pub program: String,
    /// The lesson's id (a bare program's is its file stem).
    pub lesson: String,
    /// The lesson's title.
    pub title: String,
    /// The seed `random` started from, when one was given (`--seed`).
    pub seed: Option<u64>,
    /// How the run ended.
    pub outcome: Outcome,
}
