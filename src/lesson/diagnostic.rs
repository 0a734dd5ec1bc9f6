//! Errors in lesson files: where (`file:line:col`), what is wrong, what is expected.
//!
//! A report quotes the file, and the file is anyone's text: what the
//! report shows (file name, quoted lines, message, help) passes through
//! [`crate::sanitize::for_terminal`], the quoted lines with the error's
//! place moved to match.

use crate::sanitize::for_terminal;
use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents,
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
        let shown = Shown::of(self);
        if handler.render_report(&mut out, &shown).is_err() {
            return for_terminal(&self.to_string()).into_owned();
        }
        out
    }
}

/// A [`LessonError`] as its report shows it: safe text, and the error's
/// place in that text.
#[derive(Debug)]
struct Shown {
    /// `file:line:col: message`.
    headline: String,
    help: Option<String>,
    excerpt: Excerpt,
}

impl Shown {
    fn of(e: &LessonError) -> Shown {
        Shown {
            headline: for_terminal(&e.to_string()).into_owned(),
            help: e.help.as_deref().map(|h| for_terminal(h).into_owned()),
            excerpt: Excerpt::new(e),
        }
    }
}

impl fmt::Display for Shown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.headline)
    }
}

impl std::error::Error for Shown {}

impl Diagnostic for Shown {
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.excerpt)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = &self.excerpt.span;
        let len = span.end.saturating_sub(span.start);
        Some(Box::new(std::iter::once(
            LabeledSpan::new_primary_with_span(Some("here".into()), (span.start, len)),
        )))
    }
}

/// The file's text as a report quotes it: every line passed through
/// [`for_terminal`] (a line's `\r\n` ending kept), the span moved to
/// match, and the error's line and column in the file as it is, so the
/// report's `[file:line:col]` names the real place.
#[derive(Debug)]
struct Excerpt {
    name: String,
    text: String,
    /// The error's bytes in `text`.
    span: Range<usize>,
    /// 0-based line and column (in characters) of the error in the file.
    line: usize,
    column: usize,
}

impl Excerpt {
    fn new(e: &LessonError) -> Excerpt {
        let source = &*e.source;
        let start = char_boundary(source, e.span.start);
        let end = char_boundary(source, e.span.end).max(start);
        let mut text = String::with_capacity(source.len());
        let mut span = None;
        let mut span_end = None;
        let mut at = 0;
        for raw in source.split_inclusive('\n') {
            let line = raw
                .strip_suffix('\n')
                .map_or(raw, |l| l.strip_suffix('\r').unwrap_or(l));
            let shown = for_terminal(line);
            // An offset of this line (or its ending) in the shown text.
            let place = |offset: usize| match offset.checked_sub(at + line.len()) {
                None => text.len() + for_terminal(&line[..offset - at]).len(),
                Some(into_ending) => text.len() + shown.len() + into_ending,
            };
            let next = at + raw.len();
            if span.is_none() && start < next {
                span = Some(place(start));
            }
            if span_end.is_none() && end < next {
                span_end = Some(place(end));
            }
            text.push_str(&shown);
            text.push_str(&raw[line.len()..]);
            at = next;
        }
        let start_shown = span.unwrap_or(text.len());
        let end_shown = span_end.unwrap_or(text.len()).max(start_shown);
        let (line, column) = line_col(source, start);
        Excerpt {
            name: for_terminal(&e.file).into_owned(),
            text,
            span: start_shown..end_shown,
            line: line - 1,
            column: column - 1,
        }
    }
}

/// `offset`, within `text` and moved back to a character boundary.
fn char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

impl SourceCode for Excerpt {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner = self.text.read_span(span, before, after)?;
        // The reference point of the report's header: the file's own
        // line and column, not the shown text's.
        let (line, column) = if before == 0 && after == 0 && span.offset() == self.span.start {
            (self.line, self.column)
        } else {
            (inner.line(), inner.column())
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            line,
            column,
            inner.line_count(),
        )))
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
