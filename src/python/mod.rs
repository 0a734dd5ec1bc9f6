//! The Python front end: source text to a [`Program`].
//!
//! `parse` is the one caller of the parser crate; `scope` works out where
//! every name lives; `lower` checks the supported subset (collecting every
//! refusal, each located) and builds the program.

mod loops;
mod lower;
mod nesting;
mod parse;
mod scope;

use crate::lesson::diagnostic::LessonError;
use crate::program::Program;
use std::sync::Arc;

/// The syntax tree of a Python program read from `file`, unlowered (to
/// compare two versions of a function, say).
pub fn syntax(file: &str, source: &str) -> Result<ruff_python_ast::ModModule, Vec<LessonError>> {
    parse::parse(file, &Arc::from(source))
}

/// Where a traceback's marks under `segment` (the part of a line that was
/// running) turn from `~` to `^` and back, as CPython 3.11 finds them by
/// parsing the segment alone: around the operator of a binary operation,
/// or the brackets of a subscript; `None` for anything else. Offsets count
/// characters.
pub fn caret_anchors(segment: &str) -> Option<(usize, usize)> {
    parse::caret_anchors(segment)
}

/// Parses and lowers a Python program read from `file`.
pub fn load(file: &str, source: &str) -> Result<Program, Vec<LessonError>> {
    let text: Arc<str> = Arc::from(source);
    let module = parse::parse(file, &text)?;
    lower::lower(file, &text, &module)
}
