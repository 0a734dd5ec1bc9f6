//! The one place that calls the Python parser: source to syntax tree, or a
//! located syntax error.

use crate::lesson::diagnostic::LessonError;
use ruff_python_ast::ModModule;
use std::sync::Arc;

/// Parses a whole module.
pub fn parse(file: &str, source: &Arc<str>) -> Result<ModModule, Vec<LessonError>> {
    if let Some((at, why)) = super::nesting::too_deep(source) {
        return Err(vec![LessonError::new(
            file,
            source,
            at,
            why,
            Some("split the expression into smaller ones".into()),
        )]);
    }
    match ruff_python_parser::parse_module(source) {
        Ok(parsed) => Ok(parsed.into_syntax()),
        Err(e) => {
            let start = usize::from(e.location.start()).min(source.len());
            let end = usize::from(e.location.end()).clamp(start, source.len());
            Err(vec![LessonError::new(
                file,
                source,
                start..end,
                format!("invalid syntax: {}", e.error),
                Some("the program must be valid Python 3.11".into()),
            )])
        }
    }
}
