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

/// Parses and lowers a Python program read from `file`.
pub fn load(file: &str, source: &str) -> Result<Program, Vec<LessonError>> {
    let text: Arc<str> = Arc::from(source);
    let module = parse::parse(file, &text)?;
    lower::lower(file, &text, &module)
}
