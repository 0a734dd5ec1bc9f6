//! Errors in lesson files: where (`file:line:col`), what is wrong, what is expected.

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceCode,
};
use std::fmt;
use std::ops::Range;
use std::sync::Arc;

/// One problem in a lesson file.
#[derive(Clone, Debug)]
pub struct LessonError {
    /// The file as the user named it.
    pub file: String,
    /// The whole text of the file, so the report can quote it.
    pub source: Arc<str>,
    named: NamedSource<Arc<str>>,
    /// Byte range of the offending text.
    pub span: Range<usize>,
    /// What is wrong.
    pub message: String,
    /// What is expected instead, or how to fix it.
    pub help: Option<String>,
}

impl LessonError {
    /// An error at `span` of `source`, read from `file`.
    pub fn new(
        file: &str,
        source: &Arc<str>,
        span: Range<usize>,
        message: impl Into<String>,
        help: Option<String>,
    ) -> Self {
        LessonError {
            file: file.to_string(),
            source: source.clone(),
            named: NamedSource::new(file, source.clone()),
            span,
            message: message.into(),
            help,
        }
    }

    /// The report for a file whose bytes are not UTF-8: it points at the
    /// first bad byte (the text before it is quoted as read).
    pub fn not_utf8(file: &str, bytes: &[u8]) -> Self {
        let valid = match std::str::from_utf8(bytes) {
            Ok(_) => bytes.len(),
            Err(e) => e.valid_up_to(),
        };
        // Quote the text up to the end of the line holding the bad byte,
        // with the bad bytes shown as U+FFFD.
        let line_end = bytes[valid..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |i| valid + i);
        let head = String::from_utf8_lossy(&bytes[..line_end]).into_owned();
        let source: Arc<str> = Arc::from(head);
        let bad = bytes.get(valid).copied().unwrap_or(0);
        let at = valid.min(source.len());
        let end = source[at..]
            .chars()
            .next()
            .map_or(at, |c| at + c.len_utf8());
        LessonError::new(
            file,
            &source,
            at..end,
            format!(
                "this file is not UTF-8 text: the byte 0x{bad:02X} (offset {valid}) is not valid UTF-8"
            ),
            Some(
                "lesson files are UTF-8 TOML text: re-save the file as UTF-8 (or check that it is not a binary file)"
                    .into(),
            ),
        )
    }

    /// 1-based line and column (in characters) of the start of the span.
    pub fn line_col(&self) -> (usize, usize) {
        line_col(&self.source, self.span.start)
    }

    /// `file:line:col`.
    pub fn location(&self) -> String {
        let (line, col) = self.line_col();
        format!("{}:{line}:{col}", self.file)
    }

    /// The full report: location, the offending line with a caret, the
    /// message and the help. Plain text (no colour) unless `color`.
    pub fn render(&self, color: bool) -> String {
        let theme = if color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        let mut out = String::new();
        let handler = GraphicalReportHandler::new_themed(theme).with_width(100);
        if handler.render_report(&mut out, self).is_err() {
            return self.to_string();
        }
        out
    }
}

/// Byte offset to 1-based line and column (columns count characters).
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

impl fmt::Display for LessonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location(), self.message)
    }
}

impl std::error::Error for LessonError {}

impl Diagnostic for LessonError {
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.named)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let len = self.span.end.saturating_sub(self.span.start);
        Some(Box::new(std::iter::once(
            LabeledSpan::new_primary_with_span(Some("here".into()), (self.span.start, len)),
        )))
    }
}

/// Every error found in one file.
#[derive(Clone, Debug)]
pub struct LessonErrors(pub Vec<LessonError>);

impl LessonErrors {
    /// All reports, one after another.
    pub fn render(&self, color: bool) -> String {
        self.0.iter().map(|e| e.render(color)).collect()
    }
}

impl fmt::Display for LessonErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for LessonErrors {}

/// The closest candidate to `word`, if one is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let text = "a = 1\nβb = 2\n";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 6), (2, 1));
        assert_eq!(line_col(text, 8), (2, 2));
    }

    #[test]
    fn report_names_the_place_and_quotes_the_line() {
        let e = LessonError::new(
            "lessons/x.toml",
            &Arc::from("title = 1\nsummary = 2\n"),
            20..21,
            "`summary` must be a string",
            Some("write summary = \"...\"".into()),
        );
        let out = e.render(false);
        assert!(out.contains("lessons/x.toml:2:11"), "{out}");
        assert!(out.contains("summary = 2"), "{out}");
        assert!(out.contains("help: write summary"), "{out}");
        assert_eq!(
            e.to_string(),
            "lessons/x.toml:2:11: `summary` must be a string"
        );
    }
}
