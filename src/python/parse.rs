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

/// See [`super::caret_anchors`].
pub fn caret_anchors(segment: &str) -> Option<(usize, usize)> {
    use ruff_python_ast::{Expr, Stmt};
    use ruff_text_size::Ranged;
    let module = ruff_python_parser::parse_module(segment)
        .ok()?
        .into_syntax();
    let [Stmt::Expr(statement)] = module.body.as_slice() else {
        return None;
    };
    let chars = |byte: usize| segment.get(..byte).map(|s| s.chars().count());
    let bytes = segment.as_bytes();
    let space = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_whitespace);
    match &*statement.value {
        // The first character between the operands that is not a space,
        // past any closing brackets (two for `//`, `**` and the like).
        Expr::BinOp(b) => {
            let (left_end, right_start) = (b.left.end().to_usize(), b.right.start().to_usize());
            let mut found = None;
            for (i, &b) in bytes.iter().enumerate().take(right_start).skip(left_end) {
                if b.is_ascii_whitespace() {
                    continue;
                }
                let wide = i + 1 < right_start && !space(i + 1);
                found = Some((i, i + 1 + usize::from(wide)));
                if b == b')' && i + 1 < right_start {
                    continue;
                }
                break;
            }
            let (left, right) = found?;
            Some((chars(left)?, chars(right)?))
        }
        // From the `[` after the value to the `]` after the index.
        Expr::Subscript(sub) => {
            let mut left = sub.value.end().to_usize();
            let mut right = sub.slice.end().to_usize() + 1;
            while left < bytes.len() && bytes[left] != b'[' {
                left += 1;
            }
            while right < bytes.len() && bytes[right] != b']' {
                right += 1;
            }
            if right < bytes.len() {
                right += 1;
            }
            Some((chars(left)?, chars(right)?))
        }
        _ => None,
    }
}
