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

    /// A file that could not be read at all (no text to quote).
    pub fn unreadable(path: &std::path::Path, why: &str) -> Self {
        let source: Arc<str> = Arc::from("");
        LessonError::new(&path.display().to_string(), &source, 0..0, why, None)
    }

    /// One line: `file:line:col: message`.
    pub fn one_line(&self) -> String {
        format!("{}: {}", self.location(), self.message)
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
            headline: shorten_words(&for_terminal(&e.to_string())),
            help: e.help.as_deref().map(|h| shorten_words(&for_terminal(h))),
            excerpt: Excerpt::new(e),
        }
    }
}

/// `text` with every word (a run without spaces) longer than [`WINDOW`]
/// characters cut in its middle to `…`: a message quoting a 20 KB key
/// quotes its start and its end.
fn shorten_words(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(4 * WINDOW));
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let chars = word.chars().count();
        if chars <= WINDOW {
            out.push_str(word);
        } else {
            let head: String = word.chars().take(WINDOW - LEAD).collect();
            let tail: String = word.chars().skip(chars - LEAD / 2).collect();
            out.push_str(&head);
            out.push('…');
            out.push_str(&tail);
        }
    }
    out
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

/// Lines up to this many characters are quoted whole.
pub const WHOLE_LINE: usize = 240;
/// Of a longer line, a report quotes this many characters around the
/// error (or the first ones, for a line around it), with `…` marking
/// what is left out: a 20 KB line is not echoed, and miette is never asked
/// for a column past what it can format.
pub const WINDOW: usize = 120;
/// Where the error sits in the window: this many characters in.
const LEAD: usize = 40;

/// The lines a report quotes: the error's lines and one on each side,
/// every line passed through [`for_terminal`] (a `\r\n` ending kept) and
/// clipped to a window if long ([`WINDOW`]), with the span moved to match.
/// Line numbers, and the line and column of the report's header, are the
/// file's own.
#[derive(Debug)]
struct Excerpt {
    name: String,
    text: String,
    /// The error's bytes in `text`.
    span: Range<usize>,
    /// 0-based number, in the file, of the first line of `text`.
    first_line: usize,
    /// 0-based line and column (in characters) of the error in the file.
    line: usize,
    column: usize,
}

impl Excerpt {
    fn new(e: &LessonError) -> Excerpt {
        let source = &*e.source;
        let start = char_boundary(source, e.span.start);
        let end = char_boundary(source, e.span.end).max(start);
        let (line, column) = line_col(source, start);
        let (line, column) = (line - 1, column - 1);
        let last_line = line + source[start..end].matches('\n').count() + 1;
        let first_line = line.saturating_sub(1);
        let mut text = String::new();
        let (mut span_start, mut span_end) = (None, None);
        let mut at = 0;
        for (n, raw) in source.split_inclusive('\n').enumerate() {
            let next = at + raw.len();
            if n < first_line {
                at = next;
                continue;
            }
            if n > last_line {
                break;
            }
            let body = raw
                .strip_suffix('\n')
                .map_or(raw, |l| l.strip_suffix('\r').unwrap_or(l));
            let focus = (at..next).contains(&start).then(|| start - at);
            let shown = ShownLine::new(body, focus);
            if span_start.is_none() && start < next {
                span_start = Some(text.len() + shown.place(start - at));
            }
            if span_end.is_none() && end < next {
                span_end = Some(text.len() + shown.place(end - at));
            }
            text.push_str(&shown.text);
            text.push_str(&raw[body.len()..]);
            at = next;
        }
        let span_start = span_start.unwrap_or(text.len());
        let span_end = span_end.unwrap_or(text.len()).max(span_start);
        Excerpt {
            name: for_terminal(&e.file).into_owned(),
            text,
            span: span_start..span_end,
            first_line,
            line,
            column,
        }
    }
}

/// One quoted line: its kept part, escaped, with `…` where it was cut.
struct ShownLine<'a> {
    line: &'a str,
    text: String,
    /// The kept part of `line`, in bytes.
    kept: Range<usize>,
    /// Bytes of the leading `…` in `text` (0 or 3).
    lead: usize,
}

impl<'a> ShownLine<'a> {
    /// `line` as quoted; `focus`, the byte where the error starts if it
    /// is on this line, decides which part of a long line is kept.
    fn new(line: &'a str, focus: Option<usize>) -> ShownLine<'a> {
        let chars = line.chars().count();
        let (from, to) = if chars <= WHOLE_LINE {
            (0, chars)
        } else {
            let at = focus.map_or(0, |f| line[..f].chars().count());
            let from = at.saturating_sub(LEAD).min(chars - WINDOW);
            (from, from + WINDOW)
        };
        let byte = |c: usize| line.char_indices().nth(c).map_or(line.len(), |(i, _)| i);
        let kept = byte(from)..byte(to);
        let lead = if from > 0 { "…" } else { "" };
        let tail = if to < chars { "…" } else { "" };
        let text = format!("{lead}{}{tail}", for_terminal(&line[kept.clone()]));
        ShownLine {
            line,
            text,
            kept,
            lead: lead.len(),
        }
    }

    /// Where byte `offset` of the line (its ending included) is in the
    /// quoted line's text and ending; offsets cut away go to the nearest
    /// end of the kept part.
    fn place(&self, offset: usize) -> usize {
        if offset > self.line.len() {
            // In the line ending.
            return self.text.len() + (offset - self.line.len());
        }
        let offset = offset.clamp(self.kept.start, self.kept.end);
        self.lead + for_terminal(&self.line[self.kept.start..offset]).len()
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
        // line and column, not the quoted text's.
        let (line, column) = if before == 0 && after == 0 && span.offset() == self.span.start {
            (self.line, self.column)
        } else {
            (self.first_line + inner.line(), inner.column())
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

    /// The column (in characters) of `needle` in the first report line
    /// that starts with `start` and holds it.
    fn column(report: &str, start: &str, needle: &str) -> usize {
        let line = report
            .lines()
            .find(|l| l.starts_with(start) && l.contains(needle))
            .unwrap_or_else(|| panic!("no {needle:?} in:\n{report}"));
        line[..line.find(needle).unwrap()].chars().count()
    }

    #[test]
    fn a_long_line_beside_the_error_is_quoted_by_its_start() {
        let source: Arc<str> = Arc::from(format!("{}\nbad = 1\n", "a".repeat(1000)));
        let e = LessonError::new("x.toml", &source, 1001..1004, "no", Some("fix".into()));
        let out = e.render(false);
        assert!(
            out.contains(&format!(" 1 │ {}…\n", "a".repeat(WINDOW))),
            "{out}"
        );
        assert!(out.contains("[x.toml:2:1]"), "{out}");
        assert_eq!(column(&out, " 2 │", "bad"), column(&out, "   ·", "─"));
    }

    #[test]
    fn a_span_longer_than_the_window_is_underlined_within_it() {
        let line = format!("k = \"{}\"", "z".repeat(5000));
        let source: Arc<str> = Arc::from(format!("{line}\n"));
        let e = LessonError::new("x.toml", &source, 4..line.len(), "too long", None);
        let out = e.render(false);
        assert!(out.contains("[x.toml:1:5]"), "{out}");
        let underline = out.lines().find(|l| l.contains('┬')).unwrap();
        let marks = underline.matches(['─', '┬']).count();
        assert!(marks <= WINDOW, "{marks} columns underlined:\n{out}");
        assert!(out.len() < 2_000, "{out}");
    }

    #[test]
    fn controls_are_escaped_and_the_caret_stays_under_the_error() {
        let source: Arc<str> = Arc::from("a = \"\u{1b}[2J\u{202e}\" oops\r\nb = 2\r\n");
        let at = source.find("oops").unwrap();
        let e = LessonError::new("x.toml", &source, at..at + 4, "bad \u{1b}", None);
        let out = e.render(false);
        assert!(!out.contains(['\u{1b}', '\u{202e}', '\r']), "{out:?}");
        assert!(out.contains(r#" 1 │ a = "\x1b[2J\u{202e}" oops"#), "{out}");
        assert!(out.contains("x.toml:1:13: bad \\x1b"), "{out}");
        assert!(out.contains("[x.toml:1:13]"), "{out}");
        assert_eq!(column(&out, " 1 │", "oops"), column(&out, "   ·", "─"));
    }
}
